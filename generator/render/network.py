"""The entity network: entities as nodes, the sentences that name two of them as weighted ties.

Ties are `compare.coverage.co_mentions`, the same count the comparison's statements about pairs
read; each entity page's neighbours are its ties. A corpus of thousands of articles names
thousands of entities, so the page draws the strongest part (the `NODES` most-mentioned entities
and the ties between them down to the weight that keeps at most `EDGES`) and says what it leaves
out; `data/network.json` has every node and every tie. Pure, like the other renderers.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from generator.compare.coverage import co_mentions
from generator.model import Article, Corpus, Entity, Mention
from generator.render.comparison import marked
from generator.render.escape import Markup

NODES = 100
"""Entities drawn: the most mentioned."""
EDGES = 300
"""Ties drawn at most: the strongest between the drawn entities, all of one weight or none."""
TABLE_ROWS = 40
"""Ties in the text alternative: the strongest in the corpus."""
SENTENCES_SHOWN = 5
"""Sentences the page quotes per tie; network.json lists them all."""
SENTENCE_CHARS = 400
"""A longer sentence is cut to about this much around the two names."""
UNKNOWN_OUTLET = "outlet unknown"
"""How the page names the outlet of articles whose outlet nothing tells (all of them together)."""


@dataclass(frozen=True, slots=True)
class Tie:
    """Two entities named in the same sentences."""

    first: str
    second: str
    """Entity ids, `first` before `second` in id order."""
    sentences: tuple[tuple[str, int], ...]
    """(article id, sentence index) of every sentence that names both, in order."""

    @property
    def weight(self) -> int:
        return len(self.sentences)

    def other(self, entity_id: str) -> str:
        return self.second if entity_id == self.first else self.first


@dataclass(frozen=True, slots=True)
class Quoted:
    """A tie's sentence as the page shows it."""

    article: Article
    text: Markup
    """The sentence, escaped, cut around the names when very long, the two names in bold."""
    mention: Mention
    """The first mention of either entity in the sentence: where "in context" points."""


class Network:
    """Every tie in the corpus, and the part of the graph the page draws."""

    def __init__(self, corpus: Corpus, nodes: int = NODES, edges: int = EDGES) -> None:
        self.corpus = corpus
        # An article of unknown outlet counts under None: every one of them is "outlet unknown".
        self._outlet_of = {article.id: article.meta.outlet for article in corpus}
        found = co_mentions(corpus.mentions)
        ties = [
            Tie(first, second, tuple(sorted(where)))
            for (first, second), where in found.items()
            if corpus.entity(first) and corpus.entity(second)
        ]
        ties.sort(key=lambda tie: (-tie.weight, tie.first, tie.second))
        self.ties: tuple[Tie, ...] = tuple(ties)
        self._ties_of: defaultdict[str, list[Tie]] = defaultdict(list)
        for tie in ties:
            self._ties_of[tie.first].append(tie)
            self._ties_of[tie.second].append(tie)
        self.entities: tuple[Entity, ...] = tuple(
            sorted(
                (e for e in corpus.entities if corpus.mentions_of(e.id)),
                key=lambda e: (-len(corpus.mentions_of(e.id)), e.name.casefold(), e.id),
            )
        )
        """Every entity with a mention, most mentioned first."""
        self.nodes: tuple[Entity, ...] = self.entities[:nodes]
        self._drawn = {entity.id for entity in self.nodes}
        among = [tie for tie in ties if tie.first in self._drawn and tie.second in self._drawn]
        self.min_weight = among[edges].weight + 1 if len(among) > edges else 1
        """The weakest tie drawn: every tie between drawn entities at least this strong is drawn."""
        self.edges: tuple[Tie, ...] = tuple(tie for tie in among if tie.weight >= self.min_weight)
        self.quoted_limit = SENTENCES_SHOWN

    def is_drawn(self, entity: Entity) -> bool:
        return entity.id in self._drawn

    def neighbours(self, entity: Entity) -> list[tuple[Entity, Tie]]:
        """The entities named in the same sentences as `entity`, most sentences first."""
        found = [
            (other, tie)
            for tie in self._ties_of.get(entity.id, ())
            if (other := self.corpus.entity(tie.other(entity.id))) is not None
        ]
        found.sort(key=lambda item: (-item[1].weight, item[0].name.casefold(), item[0].id))
        return found

    def strongest(self, limit: int = TABLE_ROWS) -> tuple[Tie, ...]:
        return self.ties[:limit]

    def entity(self, entity_id: str) -> Entity:
        entity = self.corpus.entity(entity_id)
        assert entity is not None, entity_id  # ties are only made between known entities
        return entity

    def outlets(self) -> list[str | None]:
        """The outlets whose articles name a drawn entity, in name order; None last, for articles
        whose outlet is unknown."""
        found = {
            self._outlet_of[m.article]
            for e in self.nodes
            for m in self.corpus.mentions_of(e.id)
            if m.article in self._outlet_of
        }
        return [*sorted(outlet for outlet in found if outlet is not None), *([None] if None in found else [])]

    def tie_outlets(self, tie: Tie) -> Counter[str | None]:
        """How many of the tie's sentences each outlet writes (None: articles of unknown outlet)."""
        return Counter(self._outlet_of[a] for a, _ in tie.sentences if a in self._outlet_of)

    def entity_outlets(self, entity: Entity) -> Counter[str | None]:
        """How many of the entity's mentions each outlet writes (None: articles of unknown outlet)."""
        counts: Counter[str | None] = Counter()
        for mention in self.corpus.mentions_of(entity.id):
            if mention.article in self._outlet_of:
                counts[self._outlet_of[mention.article]] += 1
        return counts

    def quoted(self, tie: Tie, limit: int = SENTENCES_SHOWN) -> list[Quoted]:
        """The tie's first `limit` sentences, as the page shows them, the two names in bold."""
        quoted = []
        for article_id, index in tie.sentences[:limit]:
            found = self.cut(article_id, index, (tie.first, tie.second))
            if found is not None:
                article, plain, names = found
                marks = [(start, end) for _, start, end in names]
                quoted.append(Quoted(article, marked(plain, marks, "strong"), names[0][0]))
        return quoted

    def cut(
        self, article_id: str, index: int, entity_ids: Collection[str]
    ) -> tuple[Article, str, list[tuple[Mention, int, int]]] | None:
        """A sentence's text, cut around the closest two names when very long, and the mentions of
        `entity_ids` in it with their offsets in that text; None when it names none of them."""
        article = self.corpus.get(article_id)
        spans = self.corpus.sentences.get(article_id, ())
        names = [
            m for m in self.corpus.mentions_in(article_id) if m.sentence == index and m.entity in entity_ids
        ]
        if article is None or not names or index >= len(spans):
            return None
        start, end = _window(names, *spans[index])
        lead = "… " if start > spans[index][0] else ""
        tail = " …" if end < spans[index][1] else ""
        shift = len(lead) - start
        inside = [(m, m.start + shift, m.end + shift) for m in names if start <= m.start and m.end <= end]
        return article, lead + article.text[start:end] + tail, inside

    # -- the page's script and the download ---------------------------------------------------

    def script(
        self,
        link: Callable[..., Markup],
        entity_link: Callable[[Entity], Markup],
        anchor: Callable[[Mention], str],
        article_path: Callable[[Article], str],
    ) -> Markup:
        """The drawn graph as a `<script>` that sets `window.parallaxNetwork`, for network.js.

        A sentence that names several drawn entities is written once; every string is escaped so
        that no name can end the script or start Markdown or template syntax.
        """
        embed = _Embed(self, lambda target: html.unescape(str(link(target))), anchor, article_path)
        nodes = [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type.value,
                "mentions": len(self.corpus.mentions_of(e.id)),
                "url": html.unescape(str(entity_link(e))),
                "outlets": embed.by_outlet(self.entity_outlets(e)),
            }
            for e in self.nodes
        ]
        edges = [
            {
                "source": embed.nodes[tie.first],
                "target": embed.nodes[tie.second],
                "weight": tie.weight,
                "outlets": embed.by_outlet(self.tie_outlets(tie)),
                "sentences": embed.sentences(tie),
            }
            for tie in self.edges
        ]
        data = {
            "outlets": [outlet or UNKNOWN_OUTLET for outlet in embed.outlets],
            "articles": embed.articles,
            "sentences": embed.rows,
            "nodes": nodes,
            "edges": edges,
            "minWeight": self.min_weight,
            "download": embed.url("data/network.json"),
        }
        return Markup(f"<script>window.parallaxNetwork = {script_json(data)};</script>")

    def download(self) -> str:
        """data/network.json, one node or tie a line: tens of thousands of ties stay a few MB."""
        records = self.records()
        lines = ["{", f' "drawn": {json.dumps(records["drawn"], ensure_ascii=False)},']
        for key in ("nodes", "edges"):
            items = [json.dumps(item, ensure_ascii=False) for item in records[key]]
            lines.append(f' "{key}": [')
            lines.extend(f"  {item}," for item in items[:-1])
            lines.extend(f"  {item}" for item in items[-1:])
            lines.append(" ]," if key == "nodes" else " ]")
        return "\n".join([*lines, "}"]) + "\n"

    def records(self) -> dict[str, Any]:
        """data/network.json: every entity with a mention and every tie, with its sentences."""
        return {
            "drawn": {
                "nodes": [e.id for e in self.nodes],
                "min_weight": self.min_weight,
                "edges": len(self.edges),
            },
            "nodes": [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type.value,
                    "mentions": len(self.corpus.mentions_of(e.id)),
                    **_by_outlet(self.entity_outlets(e)),
                }
                for e in self.entities
            ],
            "edges": [
                {
                    "source": tie.first,
                    "target": tie.second,
                    "weight": tie.weight,
                    **_by_outlet(self.tie_outlets(tie)),
                    "sentences": [{"article": a, "sentence": s} for a, s in tie.sentences],
                }
                for tie in self.ties
            ],
        }


# Inside a string, every ASCII punctuation character that could start HTML, Markdown or template
# syntax (`</script>`, `{{`, `--8<--`, `*[..]:`) becomes a \u escape, which JavaScript reads as
# the character itself; the same set `escape.escape_text` turns into character references.
_UNSAFE = re.compile(r"""[!#$%&'()*+\-/:<=>@\[\]^_`{|}~]|[\u2028\u2029]""")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def script_json(data: object) -> str:
    """`data` as JSON that is safe inside an inline `<script>` in a Markdown page: one line, ASCII."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=False)
    return _STRING.sub(lambda m: _UNSAFE.sub(lambda c: f"\\u{ord(c.group()):04x}", m.group()), text)


def _by_outlet(counts: Counter[str | None]) -> dict[str, Any]:
    """`outlets`, counts per known outlet by name, and `unknown_outlet`, the rest, for network.json."""
    known = sorted((outlet, n) for outlet, n in counts.items() if outlet is not None)
    return {"outlets": dict(known), "unknown_outlet": counts.get(None, 0)}


def _window(names: Sequence[Mention], start: int, end: int) -> tuple[int, int]:
    """[start, end) of a sentence, or of about `SENTENCE_CHARS` around its closest two names of two
    entities (a copy stripped of its punctuation can be one sentence of thousands of words)."""
    if end - start <= SENTENCE_CHARS:
        return start, end
    # The closest two names of different entities are next to each other in text order.
    first, last = min(
        ((a, b) for a, b in itertools.pairwise(names) if a.entity != b.entity),
        key=lambda pair: pair[1].end - pair[0].start,
        default=(names[0], names[0]),
    )
    margin = max(0, SENTENCE_CHARS - (last.end - first.start)) // 2
    return max(start, first.start - margin), min(end, last.end + margin)


class _Embed:
    """The tables the page's script data refers to by number: outlets, articles, sentences."""

    def __init__(
        self,
        network: Network,
        url: Callable[[str], str],
        anchor: Callable[[Mention], str],
        article_path: Callable[[Article], str],
    ) -> None:
        self.network = network
        self.url = url
        self.anchor = anchor
        self.article_path = article_path
        self.outlets = network.outlets()
        self._outlets = {name: number for number, name in enumerate(self.outlets)}
        self.nodes = {entity.id: number for number, entity in enumerate(network.nodes)}
        self.articles: list[dict[str, Any]] = []
        self._articles: dict[str, int] = {}
        self.rows: list[list[Any]] = []
        """[article number, text, [[start, end, node number, mention anchor], ...]] per sentence."""
        self._rows: dict[tuple[str, int, str], int | None] = {}

    def by_outlet(self, counts: Counter[str | None]) -> list[list[int]]:
        return sorted([self._outlets[o], n] for o, n in counts.items() if o in self._outlets)

    def sentences(self, tie: Tie) -> list[int]:
        """Numbers of the tie's first sentences in `rows`, each added the first time it is asked for."""
        numbers = []
        for article_id, index in tie.sentences[:SENTENCES_SHOWN]:
            # A short sentence is written once for every tie; a long one is cut around each tie's names.
            spans = self.network.corpus.sentences.get(article_id, ())
            short = index < len(spans) and spans[index][1] - spans[index][0] <= SENTENCE_CHARS
            ids: Collection[str] = self.nodes if short else (tie.first, tie.second)
            key = (article_id, index, "" if short else f"{tie.first} {tie.second}")
            if key not in self._rows:
                self._rows[key] = self._add(article_id, index, ids)
            number = self._rows[key]
            if number is not None:
                numbers.append(number)
        return numbers

    def _add(self, article_id: str, index: int, ids: Collection[str]) -> int | None:
        found = self.network.cut(article_id, index, ids)
        if found is None:
            return None
        article, text, names = found
        if article.id not in self._articles:
            self._articles[article.id] = len(self.articles)
            self.articles.append(
                {
                    "url": self.url(self.article_path(article)),
                    "outlet": article.meta.outlet or UNKNOWN_OUTLET,
                    "date": article.meta.date,
                }
            )
        marks = [[start, end, self.nodes[m.entity], self.anchor(m)] for m, start, end in names]
        self.rows.append([self._articles[article.id], text, marks])
        return len(self.rows) - 1
