"""What the comparison page's template asks for, as escaped HTML: passages side by side with
their differences marked, each version of a shared quote, each use of a shared term in its
sentence, the coverage matrix and the timeline.

Part of stage 5 (render): pure, and every piece of article text passes `escape_text`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.compare.coverage import outlet_of
from generator.model import (
    Article,
    Comparison,
    Corpus,
    Entity,
    Figure,
    FigureGroup,
    Labels,
    PairStatement,
    Passage,
    Quote,
    QuoteGroup,
    QuoteVersion,
    Reuse,
    SharedTerm,
    TermUse,
)
from generator.render.diff import changed_words
from generator.render.escape import Markup, escape_text
from generator.render.provenance import ProvenanceView
from generator.render.svg import Mark, heat_map, timeline

MAX_COLUMNS = 30
"""Above this many articles the matrix and the timeline have one column or row per outlet."""
MAX_PAIRS = 40
"""Article pairs shown with their shared passages; reuse.json has them all."""
MAX_PASSAGES = 6
"""Passages shown per pair."""
PAIR_SENTENCES_PER_ARTICLE = 2
MAX_FIGURES = 300
"""Figures listed one by one; figures.json has them all."""
MAX_FIGURE_GROUPS = 100
"""Figure groups shown (those the sources disagree on first); figures.json has them all."""
MAX_GROUP_FIGURES = 12
"""Figures shown per group; figures.json has them all."""
MAX_QUOTE_GROUPS = 150
"""Quote groups shown with every version; the others get one line each (their anchor kept)."""
MAX_EXCLUSIVE = 150
"""Articles listed with the entities only they name; coverage.json has them all."""
MAX_TERMS = 60
"""Shared terms listed; terms.json has them all."""
MAX_TERM_USES = 3
"""Uses of a term shown per article (its first ones); terms.json has them all."""
TERM_CONTEXT_CHARS = 160
"""How much of a very long sentence (a copy stripped of its punctuation) is shown around a term."""


def shown_pairs(comparison: Comparison) -> list[Reuse]:
    """The pairs a comparison page shows, titled: not copies, most overlap first, at most `MAX_PAIRS`."""
    return [reuse for reuse in comparison.reuse if not reuse.copy][:MAX_PAIRS]


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the coverage matrix: one article, or every article of one outlet."""

    label: str
    articles: tuple[str, ...]
    target: str
    """The page the column heading links to."""


@dataclass(frozen=True, slots=True)
class TermRow:
    """One use of a shared term, in its sentence, and where the link to it points."""

    article: Article
    use: TermUse
    sentence: Markup
    """The sentence (shortened around the term if very long), the term's words in bold."""
    quote: Quote | None
    """The quote the use lies in: its anchor is the link target."""
    paragraph: int
    """1-based paragraph, the link target of a use without quotation marks."""


@dataclass(frozen=True, slots=True)
class Side:
    """One side of an aligned pair: an article's passage with the words that differ marked."""

    article: Article
    passage: Passage
    text: Markup


class ComparisonView:
    max_group_figures = MAX_GROUP_FIGURES

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._outlets: Counter[str] | None = None
        self.provenance = ProvenanceView(corpus)
        """Who echoes whom; `provenance.carried(ids)` says how many independent accounts carry a count."""

    # -- shared passages ----------------------------------------------------------------------

    def reuse_pairs(self) -> list[Reuse]:
        return shown_pairs(self.corpus.comparison)

    def sides(self, reuse: Reuse) -> list[tuple[Side, Side]]:
        pairs = []
        for first, second in reuse.passages[:MAX_PASSAGES]:
            a, b = self.corpus.get(first.article), self.corpus.get(second.article)
            if a is None or b is None:
                continue
            text_a, text_b = a.text[first.start : first.end], b.text[second.start : second.end]
            in_a, in_b = changed_words(text_a, text_b)
            pairs.append(
                (Side(a, first, marked(text_a, in_a, "del")), Side(b, second, marked(text_b, in_b, "ins")))
            )
        return pairs

    # -- quotes -------------------------------------------------------------------------------

    def versions(self, group: QuoteGroup) -> list[tuple[QuoteVersion, Article, Markup, str]]:
        """Each version with its text, the words that differ from the fullest version marked."""
        reference = group.versions[0]
        ref_article = self.corpus.get(reference.article)
        if ref_article is None:
            return []
        ref_text = ref_article.text[reference.start : reference.end]
        result = []
        for version in group.versions:
            article = self.corpus.get(version.article)
            if article is None:
                continue
            text = article.text[version.start : version.end]
            if version is reference:
                result.append((version, article, escape_text(text), "fullest version"))
                continue
            _, changed = changed_words(ref_text, text)
            status = [
                word for word, flag in (("trimmed", version.trimmed), ("altered", version.altered)) if flag
            ] or ["verbatim"]
            if not version.quoted:
                status.append("without quotation marks")
            result.append((version, article, marked(text, changed, "ins"), ", ".join(status)))
        return result

    def speaker(self, group: QuoteGroup) -> Entity | None:
        return self.corpus.entity(group.speaker) if group.speaker else None

    # -- shared terms -------------------------------------------------------------------------

    def quote_groups(self) -> tuple[Sequence[QuoteGroup], Sequence[QuoteGroup]]:
        """The groups shown in full (the first `MAX_QUOTE_GROUPS`) and the rest, shown in a line each."""
        groups = self.corpus.comparison.quote_groups
        return groups[:MAX_QUOTE_GROUPS], groups[MAX_QUOTE_GROUPS:]

    def figure_groups(self) -> tuple[list[FigureGroup], int]:
        """The groups to show, those that disagree first (at most `MAX_FIGURE_GROUPS`), and how many."""
        groups = self.corpus.comparison.figures
        ranked = sorted(groups, key=lambda group: not group.disagree)  # stable: their order otherwise
        return ranked[:MAX_FIGURE_GROUPS], len(groups)

    def exclusive(self) -> tuple[list[tuple[Article, tuple[str, ...]]], int]:
        """Articles with the entities only they name (at most `MAX_EXCLUSIVE`), and how many there are."""
        coverage = self.corpus.comparison.coverage
        found = coverage.exclusive if coverage else {}
        listed = [(article, tuple(found[article.id])) for article in self.corpus if found.get(article.id)]
        return listed[:MAX_EXCLUSIVE], len(listed)

    def terms(self) -> Sequence[SharedTerm]:
        """At most `MAX_TERMS`, the most widely carried first."""
        return self.corpus.comparison.terms[:MAX_TERMS]

    def term_rows(self, term: SharedTerm) -> tuple[list[TermRow], int]:
        """The uses to show (each article's first `MAX_TERM_USES`) and how many are left out."""
        rows: list[TermRow] = []
        shown: Counter[str] = Counter()
        for use in term.uses:
            article = self.corpus.get(use.article)
            if article is None or shown[use.article] >= MAX_TERM_USES:
                continue
            shown[use.article] += 1
            quote = next(
                (q for q in self.corpus.quotes_in(use.article) if q.start < use.end and use.start < q.end),
                None,
            )
            starts = [paragraph.start for paragraph in article.paragraphs]
            paragraph = max(bisect.bisect_right(starts, use.start), 1)
            rows.append(TermRow(article, use, self._term_sentence(article, use), quote, paragraph))
        return rows, len(term.uses) - len(rows)

    def term_sources(self, term: SharedTerm) -> tuple[int, int]:
        """How many articles use the term with quotation marks, and how many without."""
        quoted = {use.article for use in term.uses if use.quoted}
        plain = {use.article for use in term.uses if not use.quoted}
        return len(quoted), len(plain)

    def _term_sentence(self, article: Article, use: TermUse) -> Markup:
        spans = self.corpus.sentences.get(article.id, ())
        first = bisect.bisect_right(spans, use.start, key=lambda span: span[0]) - 1
        last = bisect.bisect_right(spans, use.end - 1, key=lambda span: span[0]) - 1
        start = spans[first][0] if first >= 0 else use.start
        end = spans[last][1] if last >= 0 and spans[last][1] >= use.end else use.end
        start = max(start, use.start - TERM_CONTEXT_CHARS)
        end = min(end, use.end + TERM_CONTEXT_CHARS)
        lead = "… " if start == use.start - TERM_CONTEXT_CHARS and start > 0 else ""
        tail = " …" if end == use.end + TERM_CONTEXT_CHARS and end < len(article.text) else ""
        text = marked(article.text[start:end], [(use.start - start, use.end - start)], "strong")
        return Markup(f"{lead}{text}{tail}")

    # -- coverage -----------------------------------------------------------------------------

    @functools.cached_property
    def columns(self) -> list[Column]:
        """Computed once per page: the matrix, its picture and its table all use them."""
        coverage = self.corpus.comparison.coverage
        if coverage is None:
            return []
        articles = [a for a in (self.corpus.get(i) for i in coverage.articles) if a is not None]
        if len(articles) <= MAX_COLUMNS:
            return [Column(self.label(a), (a.id,), f"articles/{a.id}.md") for a in articles]
        by_outlet: dict[str, list[str]] = {}
        for article in articles:
            by_outlet.setdefault(outlet_of(article), []).append(article.id)
        biggest = sorted(by_outlet.items(), key=lambda item: (-len(item[1]), item[0]))[:MAX_COLUMNS]
        return [Column(outlet, tuple(ids), "articles/index.md") for outlet, ids in biggest]

    def label(self, article: Article) -> str:
        """The article's outlet where no other article has it, else its id."""
        if self._outlets is None:
            self._outlets = Counter(a.meta.outlet for a in self.corpus if a.meta.outlet)
        outlet = article.meta.outlet
        return outlet if outlet and self._outlets[outlet] == 1 else article.id

    @functools.cached_property
    def matrix(self) -> list[tuple[Entity, list[int]]]:
        coverage = self.corpus.comparison.coverage
        if coverage is None:
            return []
        columns = self.columns
        rows = []
        for entity_id in coverage.entities:
            entity = self.corpus.entity(entity_id)
            if entity is not None:
                rows.append(
                    (
                        entity,
                        [sum(coverage.counts.get((entity_id, a), 0) for a in c.articles) for c in columns],
                    )
                )
        return rows

    def heat_map(self) -> Markup:
        rows = self.matrix
        if not rows:
            return Markup("")
        return heat_map(
            "Mentions of the most-named entities in each "
            + ("article" if all(len(c.articles) == 1 for c in self.columns) else "outlet"),
            [entity.name for entity, _ in rows],
            [column.label for column in self.columns],
            [counts for _, counts in rows],
        )

    # -- naming and framing -------------------------------------------------------------------

    def framing(self) -> list[tuple[Entity, Labels]]:
        """The matrix's entities that some outlet labels, with the labels per outlet."""
        coverage = self.corpus.comparison.coverage
        found = []
        for entity_id in coverage.entities if coverage else ():
            entity, labels = self.corpus.entity(entity_id), self.corpus.labels_of(entity_id)
            if entity is not None and labels is not None:
                found.append((entity, labels))
        return found

    def shared_labels(self, entity: Entity) -> list[tuple[str, str]]:
        """The labels more than one article writes next to the entity's name, with who carries them."""
        carriers: dict[str, set[str]] = {}
        written: dict[str, Counter[str]] = {}
        for mention in self.corpus.mentions_of(entity.id):
            for label in mention.descriptors:  # case aside: "Union leader" opens a sentence
                carriers.setdefault(label.casefold(), set()).add(mention.article)
                written.setdefault(label.casefold(), Counter())[label] += 1
        shared = [label for label, ids in carriers.items() if len(ids) > 1]
        shared.sort(key=lambda label: (-len(carriers[label]), label))
        return [(written[key].most_common(1)[0][0], self.provenance.carried(carriers[key])) for key in shared]

    # -- figures ------------------------------------------------------------------------------

    def figures(self) -> tuple[list[Figure], int]:
        """The figures to list (at most `MAX_FIGURES`), and how many there are; copies left out."""
        copied = {copy.article for copy in self.corpus.copies}
        found = [f for f in self.corpus.figures if f.article not in copied]
        return found[:MAX_FIGURES], len(found)

    # -- dates --------------------------------------------------------------------------------

    def timeline_rows(self) -> list[tuple[str, list[Mark]]]:
        """Per article (or outlet): its publication date and the full dates its text mentions."""
        rows: dict[str, list[Mark]] = {}
        many = len(self.corpus) > MAX_COLUMNS
        for article in self.corpus:
            label = outlet_of(article) if many else self.label(article)
            marks = rows.setdefault(label, [])
            published = _day(article.meta.date)
            if published:
                marks.append(Mark(published, True, f"{label}: published {published.isoformat()}"))
        for mention in self.corpus.dates:
            carrier = self.corpus.get(mention.article)
            day = _day(mention.date)
            if carrier is None or day is None:
                continue
            label = outlet_of(carrier) if many else self.label(carrier)
            mentioned = f"{label}: mentions “{mention.text}” ({mention.date})"
            rows.setdefault(label, []).append(Mark(day, False, mentioned))
        found = [(label, marks) for label, marks in rows.items() if marks]
        return found[:MAX_COLUMNS]

    def timeline(self) -> Markup:
        return timeline(
            "Publication dates (filled) and dates the texts mention (rings)", self.timeline_rows()
        )

    def date_counts(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """Each mentioned date (as resolved) with the articles that mention it, most mentioned first."""
        by_date: dict[str, Counter[str]] = {}
        for mention in self.corpus.dates:
            if mention.date:
                by_date.setdefault(mention.date, Counter())[mention.article] += 1
        return sorted(
            ((date, sorted(counter.items())) for date, counter in by_date.items()),
            key=lambda item: item[0],
        )

    # -- statements about pairs ---------------------------------------------------------------

    def pair_sentences(self, pair: PairStatement) -> list[tuple[str, int]]:
        """At most `PAIR_SENTENCES_PER_ARTICLE` sentences per article, copies left out."""
        copied = {copy.article for copy in self.corpus.copies}
        shown: Counter[str] = Counter()
        picked = []
        for article_id, index in pair.sentences:
            if article_id not in copied and shown[article_id] < PAIR_SENTENCES_PER_ARTICLE:
                shown[article_id] += 1
                picked.append((article_id, index))
        return picked

    def sentence(self, article_id: str, index: int, entity_ids: Sequence[str]) -> Markup:
        """A sentence with the names of the given entities in bold."""
        article = self.corpus.get(article_id)
        spans = self.corpus.sentences.get(article_id, ())
        if article is None or index >= len(spans):
            return Markup("")
        start, end = spans[index]
        names = [
            (m.start - start, m.end - start)
            for m in self.corpus.mentions_in(article_id)
            if m.entity in entity_ids and start <= m.start and m.end <= end
        ]
        return marked(article.text[start:end], names, "strong")


def marked(text: str, spans: Sequence[tuple[int, int]], tag: str) -> Markup:
    """`text` escaped, with each (non-overlapping, ordered) span wrapped in `<tag>`."""
    out: list[str] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out.append(str(escape_text(text[position:start])))
        out.append(f"<{tag}>{escape_text(text[start:end])}</{tag}>")
        position = end
    out.append(str(escape_text(text[position:])))
    return Markup("".join(out))


def _day(value: str | None) -> dt.date | None:
    """The day an ISO date stands for; a month or a year is placed at its first day."""
    if not value:
        return None
    padded = value + "-01-01"[len(value) - 4 :] if len(value) in (4, 7) else value
    try:
        return dt.date.fromisoformat(padded)
    except ValueError:
        return None
