"""Stage 4f, provenance: who echoes whom, and how many independent accounts a story really has.

Links between articles, each with its evidence (`Derivation`, from `source` to `derived`):

- *copy*: the copy test of `reuse.py` (80% of the shorter text's word 5-grams in the other); its
  share is the test's overlap;
- *reuse*: a later article takes passages from an earlier one, at least `LINK_SHARE` of its own
  words (a reprint of the first ten paragraphs, an agency's rewrite of another's story); its
  share is that part of its words;
- *credit*: both present themselves as the same agency's story (`credits.py`), linked to the
  agency's own article, else the earliest. An article that only cites an agency ("according to
  Reuters") is linked to nothing.

A shared passage that is a quotation links nothing: two outlets quoting the same statement are two
reports of it. A passage is a quotation when, in either article, fewer than `PASSAGE_MIN_WORDS` of
its words lie outside quotation marks (the article's quotes, and the words of a shared quote it
carries without marks). Furniture (credit lines, captions) never reaches the compared text.

Direction: the earlier date; else the article credited to the other's own outlet is the later;
else containment: the article more of whose own text lies in the shared passages is the later
rewrite (a reprint is mostly its source; the source has text the reprint left out). Only dates
and the researcher make a direction sure; otherwise the link is marked a `guess`.

Each article keeps the links that explain it: a link between two articles already joined by a
closer one is left out (two reprints of one wire story share its passages because they share its
source). Articles joined by links form one account; its origin is the article none of the others
derives from (the earliest, when several). `independent_accounts` is their number. The
researcher's `annotations/provenance.yml` confirms, adds or cuts links, and always wins.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict
from collections.abc import Mapping, Sequence

from generator.annotations.provenance import LinkDecision, ProvenancePlan
from generator.annotations.validate import did_you_mean
from generator.compare.credits import load_agencies
from generator.compare.reuse import PASSAGE_MIN_WORDS, Words
from generator.groups import Groups
from generator.model import (
    Account,
    Article,
    Copy,
    Credit,
    Derivation,
    LinkKind,
    Passage,
    Problem,
    Provenance,
    Quote,
    QuoteGroup,
    Reuse,
    Severity,
)

LINK_SHARE = 0.2
"""Share of an article's words it must take from another, quotations aside, to derive from it."""
SAME_SHARE = 0.05
"""Shares closer than this tell nothing about which text holds the other."""

Pair = frozenset[str]


class TextMeasure:
    """What links are measured with: each article's words and its spans inside quotation marks
    (its quotes, and the versions of shared quotes it carries without marks)."""

    def __init__(
        self, words: Mapping[str, Words], quotes: Sequence[Quote], quote_groups: Sequence[QuoteGroup]
    ) -> None:
        self.starts = {article_id: [span[0] for span in w.spans] for article_id, w in words.items()}
        spans: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for quote in quotes:
            spans[quote.article].append((quote.start, quote.end))
        for group in quote_groups:
            for version in group.versions:
                spans[version.article].append((version.start, version.end))
        self.quoted = {article_id: _merged(found) for article_id, found in spans.items()}

    def words(self, article_id: str, start: int = 0, end: int | None = None) -> int:
        starts = self.starts.get(article_id, [])
        last = len(starts) if end is None else bisect.bisect_left(starts, end)
        return max(last - bisect.bisect_left(starts, start), 0)

    def unquoted(self, passage: Passage) -> int:
        """Words of the passage outside quotation marks."""
        inside = sum(
            self.words(passage.article, max(start, passage.start), min(end, passage.end))
            for start, end in self.quoted.get(passage.article, ())
            if start < passage.end and passage.start < end
        )
        return self.words(passage.article, passage.start, passage.end) - inside

    def share(self, article_id: str, passages: Sequence[Passage]) -> float:
        total = self.words(article_id)
        taken = sum(self.words(article_id, p.start, p.end) for p in passages)
        return round(min(taken / total, 1.0), 3) if total else 0.0


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def compare_provenance(
    articles: Sequence[Article],
    reuse: Sequence[Reuse],
    copies: Sequence[Copy],
    credits: Mapping[str, Sequence[Credit]],
    texts: TextMeasure,
    decisions: Sequence[LinkDecision] = (),
    plan: ProvenancePlan | None = None,
) -> tuple[Provenance, tuple[Problem, ...]]:
    """The links and accounts of one story's articles (see the module's docstring), with a
    problem for each cut the comparison gives no link to cut. `decisions` are already checked by
    `check_decisions` and belong to this story.

    Each article keeps the links that explain it best: the researcher's first, then copies (the
    closest first), reuse (the largest share first) and credits; a link between two articles
    already joined is left out (two reprints of one wire story share its passages because they
    share its source, not because one took from the other).
    """
    by_id = {article.id: article for article in articles}
    position = {article.id: index for index, article in enumerate(articles)}
    pairs = {frozenset((r.first, r.second)): r for r in reuse if r.first in by_id and r.second in by_id}
    found = [
        _copy_link(copy, pairs.get(frozenset((copy.article, copy.original))), by_id)
        for copy in sorted(copies, key=lambda c: (-c.overlap, position.get(c.article, 0)))
        if copy.article in by_id and copy.original in by_id
    ]
    reused = [
        link
        for pair, shared in pairs.items()
        if not shared.copy and (link := _reuse_link(shared, by_id, credits, texts))
    ]
    found += sorted(
        reused, key=lambda link: (-(link.share or 0), position[link.derived], position[link.source])
    )
    found += _credit_links(articles, credits, position)
    decided, cut, problems = _decide(decisions, plan or ProvenancePlan(), found, pairs, texts)
    joined = Groups(by_id)
    kept = []
    for link in decided:
        joined.join(link.source, link.derived)
        kept.append(link)
    for link in found:
        if joined.join(link.source, link.derived):
            kept.append(link)
    kept.sort(key=lambda link: (position[link.source], position[link.derived]))
    accounts = _accounts(articles, kept, credits, position)
    own = tuple(credit for article in articles for credit in credits.get(article.id, ()))
    return Provenance(accounts, tuple(kept), tuple(cut), own), problems


def _oriented(shared: Reuse | None, source: str) -> tuple[tuple[Passage, Passage], ...]:
    """The pair's passages as (in `source`, in the other)."""
    if shared is None:
        return ()
    if shared.first == source:
        return shared.passages
    return tuple((b, a) for a, b in shared.passages)


def _copy_link(copy: Copy, shared: Reuse | None, by_id: Mapping[str, Article]) -> Derivation:
    """The copy test's link; its share is the test's overlap, as the copy notice shows it."""
    original, article = by_id[copy.original], by_id[copy.article]
    passages = _oriented(shared, copy.original)
    dated = bool(original.meta.date and article.meta.date and original.meta.date < article.meta.date)
    why = (
        f"{copy.original} is dated {original.meta.date}, {copy.article} {article.meta.date}"
        if dated
        else f"{_undated(original, article)}: the original is the text that keeps more of its "
        "provenance (byline, date, punctuation)"
    )
    evidence = f"the copy test: {copy.overlap:.0%} of the shorter text's word 5-grams are in the other; {why}"
    return Derivation(copy.original, copy.article, LinkKind.COPY, copy.overlap, evidence, not dated, passages)


def _reuse_link(
    shared: Reuse, by_id: Mapping[str, Article], credits: Mapping[str, Sequence[Credit]], texts: TextMeasure
) -> Derivation | None:
    """A reuse link when one article takes `LINK_SHARE` of its words from the other, quotations aside."""
    kept = tuple(
        (a, b) for a, b in shared.passages if min(texts.unquoted(a), texts.unquoted(b)) >= PASSAGE_MIN_WORDS
    )
    if not kept:
        return None
    first, second = shared.first, shared.second
    shares = {
        first: texts.share(first, [a for a, _ in kept]),
        second: texts.share(second, [b for _, b in kept]),
    }
    source, derived, why, guess = _direction(by_id[first], by_id[second], shares, credits)
    if shares[derived] < LINK_SHARE:
        return None
    passages = kept if source == first else tuple((b, a) for a, b in kept)
    words = sum(texts.words(derived, p.start, p.end) for _, p in passages)
    count = f"{len(passages)} passage{'s' if len(passages) != 1 else ''}"
    evidence = f"{count} of {words} words taken, quotations aside ({shares[derived]:.0%} of {derived}); {why}"
    return Derivation(source, derived, LinkKind.REUSE, shares[derived], evidence, guess, passages)


def _direction(
    first: Article, second: Article, shares: Mapping[str, float], credits: Mapping[str, Sequence[Credit]]
) -> tuple[str, str, str, bool]:
    """(source, derived, why, guess): by dates, then credit to the other's outlet, then containment."""
    a, b = first.meta.date, second.meta.date
    if a and b and a != b:
        source, derived = (first, second) if a < b else (second, first)
        why = f"{source.id} is dated {source.meta.date}, {derived.id} {derived.meta.date}"
        return source.id, derived.id, why, False
    undated = _undated(first, second)
    for source, derived in ((first, second), (second, first)):
        agencies = {c.agency for c in credits.get(derived.id, ()) if c.form != "cited"}
        own = load_agencies().find(source.meta.outlet or "")
        if own in agencies:
            why = f"{undated}; {derived.id} is credited to {own}, the outlet of {source.id}"
            return source.id, derived.id, why, True
    if abs(shares[first.id] - shares[second.id]) > SAME_SHARE:
        derived, source = (first, second) if shares[first.id] > shares[second.id] else (second, first)
        why = (
            f"{undated}; more of {derived.id}'s text ({shares[derived.id]:.0%}) than of "
            f"{source.id}'s ({shares[source.id]:.0%}) lies in the shared passages: it is taken as the later"
        )
        return source.id, derived.id, why, True
    why = (
        f"{undated}, and the passages are as large a share of each: the source is the text that keeps "
        "more of its provenance"
    )
    return first.id, second.id, why, True


def _undated(first: Article, second: Article) -> str:
    """Why dates do not tell which came first."""
    if first.meta.date and first.meta.date == second.meta.date:
        return f"both are dated {first.meta.date}"
    return "no dates" if not first.meta.date and not second.meta.date else "one of them has no date"


def _credit_links(
    articles: Sequence[Article], credits: Mapping[str, Sequence[Credit]], position: Mapping[str, int]
) -> list[Derivation]:
    """Articles credited to one agency, each linked to the first of them: the agency's own
    article when its outlet is the agency, else the earliest dated, else the first."""
    agencies = load_agencies()
    by_agency: defaultdict[str, list[tuple[Article, Credit]]] = defaultdict(list)
    for article in articles:
        seen = set()
        for credit in credits.get(article.id, ()):
            if credit.form != "cited" and credit.agency not in seen:
                seen.add(credit.agency)
                by_agency[credit.agency].append((article, credit))
    links = []
    for agency, found in sorted(by_agency.items()):
        anchor, anchor_credit = min(
            found,
            key=lambda item: (
                agencies.find(item[0].meta.outlet or "") != agency,
                item[0].meta.date or "~",
                position[item[0].id],
            ),
        )
        for article, credit in found:
            if article is anchor:
                continue
            dated = bool(anchor.meta.date and article.meta.date and anchor.meta.date < article.meta.date)
            evidence = (
                f"both credited to {agency}: {anchor.id} by its {anchor_credit.form} “{anchor_credit.text}”, "
                f"{article.id} by its {credit.form} “{credit.text}”"
            )
            links.append(Derivation(anchor.id, article.id, LinkKind.CREDIT, None, evidence, not dated))
    return links


def _decide(
    decisions: Sequence[LinkDecision],
    plan: ProvenancePlan,
    found: list[Derivation],
    pairs: Mapping[Pair, Reuse],
    texts: TextMeasure,
) -> tuple[list[Derivation], list[Derivation], tuple[Problem, ...]]:
    """(the researcher's links, the links cut, problems); cut links leave `found`. A human
    decision beats the machine's, and survives every re-run."""
    machine: dict[Pair, Derivation] = {}
    for link in found:
        machine.setdefault(frozenset((link.source, link.derived)), link)
    decided, cut, problems = [], [], []
    for decision in decisions:
        pair = frozenset((decision.source, decision.derived))
        where = plan.where(decision)
        known = machine.get(pair)
        if decision.decision == "cut":
            if known is None:
                message = (
                    f"no link between '{decision.source}' and '{decision.derived}' to cut: the comparison "
                    "finds none; remove this entry"
                )
                problems.append(Problem(plan.path, message, Severity.WARNING, decision.line, decision.column))
                continue
            found[:] = [link for link in found if frozenset((link.source, link.derived)) != pair]
            evidence = f"cut in {where}: {_clause(decision.reason)}; the comparison found: {known.evidence}"
            cut.append(dataclasses.replace(known, evidence=evidence, decided=where))
            continue
        kind = LinkKind(decision.kind) if decision.kind else known.kind if known else LinkKind.REUSE
        passages = _oriented(pairs.get(pair), decision.source)
        share = texts.share(decision.derived, [b for _, b in passages]) if passages else None
        if known is not None and known.source == decision.source:
            share, passages = known.share, known.passages
        verb = "confirmed" if decision.decision == "confirm" else "added"
        evidence = f"{verb} in {where}: {_clause(decision.reason)}" + (
            f"; the comparison found: {known.evidence}" if known else "; not found by the comparison"
        )
        share = None if kind is LinkKind.CREDIT else share
        decided.append(
            Derivation(decision.source, decision.derived, kind, share, evidence, False, passages, where)
        )
    return decided, cut, tuple(problems)


def _accounts(
    articles: Sequence[Article],
    links: Sequence[Derivation],
    credits: Mapping[str, Sequence[Credit]],
    position: Mapping[str, int],
) -> tuple[Account, ...]:
    """Articles joined by links, the largest first; each with its origin and the agencies credited."""
    joined = Groups(article.id for article in articles)
    for link in links:
        joined.join(link.source, link.derived)
    derived = {link.derived for link in links}
    dates = {article.id: article.meta.date or "~" for article in articles}
    groups = sorted(joined.groups(), key=lambda group: (-len(group), min(position[a] for a in group)))
    accounts = []
    for number, group in enumerate(groups, start=1):
        roots = [a for a in group if a not in derived] or group
        origin = min(roots, key=lambda a: (dates[a], position[a]))
        agencies = sorted({c.agency for a in group for c in credits.get(a, ()) if c.form != "cited"})
        members = (origin, *(a for a in group if a != origin))
        accounts.append(Account(f"a{number}", origin, members, tuple(agencies)))
    return tuple(accounts)


def check_decisions(
    plan: ProvenancePlan, article_ids: Sequence[str], story_of: Mapping[str, str] | None
) -> tuple[dict[str | None, list[LinkDecision]], tuple[Problem, ...]]:
    """The decisions that can apply, by story (None: the corpus is one story), and the problems of
    those that cannot: an unknown article, an article linked to itself, a pair decided twice, a
    pair split across stories."""
    known = set(article_ids)
    problems: list[Problem] = []
    seen: dict[Pair, int | None] = {}
    by_story: dict[str | None, list[LinkDecision]] = defaultdict(list)
    for decision in plan.links:
        pair = frozenset((decision.source, decision.derived))
        message, severity = _unusable(decision, pair, known, seen, story_of), Severity.WARNING
        if message is None:
            seen[pair] = decision.line
            by_story[story_of.get(decision.source) if story_of is not None else None].append(decision)
            continue
        if message.startswith("this pair is already decided"):
            severity = Severity.ERROR
        where = f"link from '{decision.source}' to '{decision.derived}': "
        problems.append(Problem(plan.path, where + message, severity, decision.line, decision.column))
    return dict(by_story), tuple(problems)


def _unusable(
    decision: LinkDecision,
    pair: Pair,
    known: set[str],
    seen: Mapping[Pair, int | None],
    story_of: Mapping[str, str] | None,
) -> str | None:
    """Why the decision cannot apply, or None when it can."""
    unknown = [a for a in (decision.source, decision.derived) if a not in known]
    if unknown:
        hint = did_you_mean(unknown[0], sorted(known))
        return f"no article with the id '{unknown[0]}' in the seeds; not applied{hint}"
    if len(pair) == 1:
        return "an article cannot derive from itself; not applied"
    if pair in seen:
        return (
            f"this pair is already decided on line {seen[pair]}; a pair takes one decision: "
            "remove one of them. This one is not applied"
        )
    if story_of is not None:
        stories = [story_of.get(a) for a in (decision.source, decision.derived)]
        if stories[0] is None or stories[0] != stories[1]:
            named = " and ".join(f"story '{s}'" if s else "no story" for s in stories)
            return (
                f"the articles are in {named}; a link joins articles of one story: put them in one "
                "story in annotations/stories.yml. Not applied"
            )
    return None


def merge_provenance(parts: Sequence[Provenance], credits: Sequence[Credit]) -> Provenance:
    """The stories' provenances as one, for the pages that span stories (an article in no story
    is an account of its own); `credits` are every article's."""
    return Provenance(
        tuple(account for part in parts for account in part.accounts),
        tuple(link for part in parts for link in part.links),
        tuple(link for part in parts for link in part.cut),
        tuple(credits),
    )


def _clause(reason: str) -> str:
    """The researcher's reason as a clause of a longer sentence: without its closing full stop."""
    return reason.strip().removesuffix(".")
