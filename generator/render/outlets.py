"""What the outlet pages ask about the corpus: each outlet's articles, what it alone names and what
it leaves out, how it labels the prominent names, the quotes it carries, the text it shares with
other outlets, and its figures that others give differently.

Part of stage 5 (render): pure. A copy counts with its original's outlet ("who names whom" is
about voices, and a copy repeats its original's); each article without a known outlet is a voice
of its own.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.compare.coverage import outlet_of
from generator.model import Article, Corpus, Entity, Figure, FigureGroup, Outlet, Quote, QuoteGroup, Reuse

MAX_LISTED = 40
"""Entities listed as named by this outlet only, or left out by it; entities.json has them all."""
MAX_QUOTES = 80
"""Quotes listed per outlet; quotes.json has them all."""
MAX_QUOTE_CHARS = 240
"""A longer quote is shortened on the outlet page (its article shows it whole)."""
MAX_SHARED = 60
"""Pairs of articles listed as shared text; reuse.json has them all."""


def outlet_path(outlet: Outlet) -> str:
    return f"outlets/{outlet.id}.md"


@dataclass(frozen=True, slots=True)
class CarriedQuote:
    """A quote in one of the outlet's articles, with the other articles that carry it too."""

    article: Article
    quote: Quote
    text: str
    """Shortened to `MAX_QUOTE_CHARS` when longer."""
    group: QuoteGroup | None
    elsewhere: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class SharedText:
    """One of the outlet's articles and an article of another source that share text."""

    mine: Article
    other: Article
    reuse: Reuse

    @property
    def mine_first(self) -> bool:
        return self.reuse.first == self.mine.id


@dataclass(frozen=True, slots=True)
class FigureDispute:
    """A thing several sources count, where this outlet's number differs from another's."""

    group: FigureGroup
    mine: tuple[Figure, ...]
    others: tuple[Figure, ...]


class OutletView:
    """One per render: outlets by name, and who names each entity, computed once."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._articles: defaultdict[str, list[Article]] = defaultdict(list)
        for article in corpus:
            self._articles[outlet_of(article)].append(article)
        self._voices: defaultdict[str, set[str]] = defaultdict(set)
        self._counts: Counter[tuple[str, str]] = Counter()
        for mention in corpus.mentions:
            voice = self.voice(mention.article)
            self._voices[mention.entity].add(voice)
            self._counts[(voice, mention.entity)] += 1
        self.sources = len({self.voice(article.id) for article in corpus})
        """Voices in the corpus: outlets, and articles without one (copies counted with originals)."""
        self._alone: defaultdict[str, list[Entity]] = defaultdict(list)
        for entity in corpus.entities:
            voices = self._voices.get(entity.id, set())
            if len(voices) == 1:
                self._alone[next(iter(voices))].append(entity)
        self._by_reach = sorted(
            (e for e in corpus.entities if e.id in self._voices),
            key=lambda e: (-len(self._voices[e.id]), e.name.casefold()),
        )

    def voice(self, article_id: str) -> str:
        copy = self.corpus.copy_of(article_id)
        article = self.corpus.get(copy.original if copy else article_id)
        return outlet_of(article) if article is not None else article_id

    def articles(self, outlet: Outlet) -> Sequence[Article]:
        return self._articles.get(outlet.name, [])

    def unknown(self) -> list[Article]:
        """The articles whose outlet nothing tells."""
        return [article for article in self.corpus if not article.meta.outlet]

    def outlets(self) -> list[tuple[Outlet, int]]:
        """Every outlet with its number of articles, most first."""
        counted = [(outlet, len(self.articles(outlet))) for outlet in self.corpus.outlets]
        return sorted(counted, key=lambda item: (-item[1], item[0].name.casefold()))

    def mentions(self, outlet: Outlet, entity: Entity) -> int:
        return self._counts[(outlet.name, entity.id)]

    def exclusive(self, outlet: Outlet) -> list[tuple[Entity, int]]:
        """The entities no other source names, most mentioned first."""
        if self.sources < 2:
            return []
        found = [(entity, self._counts[(outlet.name, entity.id)]) for entity in self._alone[outlet.name]]
        return sorted(found, key=lambda item: (-item[1], item[0].name.casefold()))

    def left_out(self, outlet: Outlet) -> list[tuple[Entity, int]]:
        """Entities at least half of the other sources name (two at least) that this one never does,
        with the number of sources naming each."""
        others = self.sources - (1 if outlet.name in self._articles else 0)
        needed = max(2, math.ceil(others / 2))
        found = []
        for entity in self._by_reach:  # most sources first
            voices = self._voices[entity.id]
            if len(voices) < needed:
                break
            if outlet.name not in voices:
                found.append((entity, len(voices)))
        return found

    def labels(self, outlet: Outlet) -> list[tuple[Entity, tuple[tuple[str, int], ...]]]:
        """The titles and descriptors this outlet writes next to the most-named entities."""
        found = []
        for labels in self.corpus.comparison.labels:
            entity = self.corpus.entity(labels.entity)
            for name, items in labels.by_outlet:
                if name == outlet.name and entity is not None:
                    found.append((entity, items))
        return found

    def quotes(self, outlet: Outlet) -> list[CarriedQuote]:
        carried = []
        for article in self.articles(outlet):
            for quote in self.corpus.quotes_in(article.id):
                group = self.corpus.quote_group(article.id, quote.start)
                elsewhere = tuple(
                    other
                    for version in (group.versions if group else ())
                    if version.article != article.id and (other := self.corpus.get(version.article))
                )
                text = quote.text
                if len(text) > MAX_QUOTE_CHARS:
                    text = text[: MAX_QUOTE_CHARS - 1].rsplit(" ", 1)[0] + " …"
                carried.append(CarriedQuote(article, quote, text, group, elsewhere))
        return carried

    def shared(self, outlet: Outlet) -> list[SharedText]:
        """Copies and shared passages between this outlet's articles and other sources', most
        overlap first."""
        mine = {article.id for article in self.articles(outlet)}
        found = []
        for reuse in self.corpus.comparison.reuse:
            if (reuse.first in mine) == (reuse.second in mine):
                continue
            own, other = (reuse.first, reuse.second) if reuse.first in mine else (reuse.second, reuse.first)
            own_article, other_article = self.corpus.get(own), self.corpus.get(other)
            if own_article is not None and other_article is not None:
                found.append(SharedText(own_article, other_article, reuse))
        return sorted(found, key=lambda item: (-item.reuse.overlap, item.mine.id, item.other.id))

    def figures(self, outlet: Outlet) -> list[FigureDispute]:
        """The things counted by several sources where this outlet's number is not another's."""
        stories = self.corpus.comparison.stories
        groups = (
            [g for story in stories if story.comparison for g in story.comparison.figures]
            if stories
            else list(self.corpus.comparison.figures)
        )
        mine_ids = {article.id for article in self.articles(outlet)}
        disputes = []
        for group in groups:
            if not group.disagree:
                continue
            mine = tuple(f for f in group.figures if f.article in mine_ids)
            others = tuple(f for f in group.figures if f.article not in mine_ids)
            if mine and {f.value for f in others} - {f.value for f in mine}:
                disputes.append(FigureDispute(group, mine, others))
        return disputes


def outlet_records(corpus: Corpus) -> dict[str, Any]:
    """`data/outlets.json`: every outlet as described and named, with its articles; and the
    articles whose outlet nothing tells."""
    articles: defaultdict[str, list[str]] = defaultdict(list)
    for article in corpus:
        if article.meta.outlet:
            articles[article.meta.outlet].append(article.id)
    return {
        "outlets": [
            {"id": outlet.id, "name": outlet.name, "aliases": list(outlet.aliases),
             "domains": list(outlet.domains), "country": outlet.country, "language": outlet.language,
             "owner": outlet.owner, "homepage": outlet.homepage, "notes": outlet.notes,
             "ratings": dict(outlet.ratings), "origin": outlet.origin or None,
             "articles": articles.get(outlet.name, []),
             "from_domain": [{"article": a, "domain": d} for a, d in outlet.by_domain],
             "renamed": [{"article": a, "given": given} for a, given in outlet.renamed]}
            for outlet in corpus.outlets
        ],
        "without_outlet": [article.id for article in corpus if not article.meta.outlet],
    }  # fmt: skip


def named_by(outlets: Sequence[tuple[str, int]], unknown: tuple[int, int], limit: int = 6) -> str:
    """`Global Research (7), Halbeeg News (3) and 3 articles of unknown outlet (31)`: mentions per
    outlet, most first, then those in articles whose outlet is not known, together."""
    parts = [f"{outlet} ({count})" for outlet, count in outlets[:limit]]
    if len(outlets) > limit:
        parts.append(f"{len(outlets) - limit} more outlets")
    articles, mentions = unknown
    if articles:
        parts.append(f"{articles} article{'s' if articles != 1 else ''} of unknown outlet ({mentions})")
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def mentions_by_outlet(corpus: Corpus, entity_id: str) -> tuple[tuple[tuple[str, int], ...], tuple[int, int]]:
    """The entity's mentions per outlet, most first; and (articles, mentions) of unknown outlet."""
    outlets: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    for mention in corpus.mentions_of(entity_id):
        article = corpus.get(mention.article)
        if article is not None and article.meta.outlet:
            outlets[article.meta.outlet] += 1
        elif article is not None:
            unknown[article.id] += 1
    counted = tuple(sorted(outlets.items(), key=lambda item: (-item[1], item[0])))
    return counted, (len(unknown), unknown.total())


def entity_named_by(corpus: Corpus, entity: Entity) -> str:
    """For an entity page's header (and so its preview card): who names it."""
    return named_by(*mentions_by_outlet(corpus, entity.id))
