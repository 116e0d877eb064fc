"""Stage 4c, coverage: who names whom, and how.

From the linked mentions: the entity x article matrix of the most-named entities, what only one
article names and what an article leaves out, the labels each outlet puts next to a name, and
the sentences that name two entities together.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.model import Article, Copy, Coverage, Entity, EntityType, Labels, Mention, PairStatement

PROMINENT = 25
"""Rows of the coverage matrix: the entities named by the most sources, then by one only."""
EXCLUSIVE_ROWS = 8
"""Rows kept for entities only one source names (each source's two most named first)."""
PAIRS = 15
"""Co-mentioned pairs shown side by side."""
_PAIR_SENTENCE_LIMIT = 12
"""Names per sentence considered for pairs; a list of 40 countries is not 780 statements."""


def outlet_of(article: Article) -> str:
    return article.meta.outlet or f"unknown outlet ({article.id})"


def compare_coverage(
    articles: Sequence[Article],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    copies: Sequence[Copy],
) -> Coverage:
    counts: Counter[tuple[str, str]] = Counter((m.entity, m.article) for m in mentions)
    articles_of: defaultdict[str, set[str]] = defaultdict(set)
    for entity_id, article_id in counts:
        articles_of[entity_id].add(article_id)
    mentions_of = Counter(m.entity for m in mentions)
    known = {entity.id for entity in entities}
    ranked = sorted(
        (e for e in articles_of if e in known), key=lambda e: (-len(articles_of[e]), -mentions_of[e], e)
    )
    # A copy and its original are one voice: what both name is still named by one source only.
    family = _families(articles, copies)
    voices = {e: len({family.get(a, a) for a in articles_of[e]}) for e in ranked}
    ranked.sort(key=lambda e: (-voices[e], -mentions_of[e], e))
    exclusive: defaultdict[str, list[str]] = defaultdict(list)
    for entity_id in ranked:
        if voices[entity_id] == 1 and len(articles) > 1:
            exclusive[family[min(articles_of[entity_id])]].append(entity_id)
    # Rows: what most sources name, then what each source names most that no other does.
    shared = [e for e in ranked if voices[e] > 1][: PROMINENT - EXCLUSIVE_ROWS]
    own = sorted((e for found in exclusive.values() for e in found[:2]), key=lambda e: (-mentions_of[e], e))[
        :EXCLUSIVE_ROWS
    ]
    prominent = tuple(shared + own) if len(articles) > 1 else tuple(ranked[:PROMINENT])
    ids = tuple(article.id for article in articles)
    missing = {e: tuple(a for a in ids if (e, a) not in counts) for e in prominent}
    rows = set(prominent)
    return Coverage(
        prominent,
        ids,
        {(e, a): n for (e, a), n in counts.items() if e in rows},
        {article_id: tuple(found) for article_id, found in exclusive.items()},
        missing,
    )


def compare_labels(articles: Sequence[Article], mentions: Sequence[Mention]) -> tuple[Labels, ...]:
    """For every entity with labels: the titles and descriptors each outlet writes next to it."""
    outlets = {article.id: outlet_of(article) for article in articles}
    found: defaultdict[str, defaultdict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for mention in mentions:
        if mention.descriptors and mention.article in outlets:
            for label in mention.descriptors:
                found[mention.entity][outlets[mention.article]][label] += 1
    return tuple(
        Labels(
            entity_id,
            tuple(
                (outlet, tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0]))))
                for outlet, counter in sorted(by_outlet.items())
            ),
        )
        for entity_id, by_outlet in sorted(found.items())
    )


def compare_pairs(
    articles: Sequence[Article],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    copies: Sequence[Copy],
    limit: int = PAIRS,
) -> tuple[PairStatement, ...]:
    """The entity pairs named together in the sentences of the most sources.

    A copy and its original count as one source. The most-named place, when every source names
    it, is the story's setting ("Libya" in a story about Libya): pairs with it say little, so
    they are left out when there are three sources or more.
    """
    family = _families(articles, copies)
    sources: defaultdict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        sources[mention.entity].add(family.get(mention.article, mention.article))
    voices = len(set(family.values()))
    place_ids = {e.id for e in entities if e.type is EntityType.PLACE}
    places = Counter(m.entity for m in mentions if m.entity in place_ids)
    top = places.most_common(1)[0][0] if places else None
    setting = {top} if top and voices >= 3 and len(sources[top]) == voices else set()
    sentences = {
        pair: where for pair, where in co_mentions(mentions).items() if not setting.intersection(pair)
    }

    def reach(pair: tuple[str, str]) -> int:
        return len({family.get(article, article) for article, _ in sentences[pair]})

    ranked = sorted(
        (pair for pair in sentences if reach(pair) > 1),
        key=lambda pair: (-reach(pair), -len(sentences[pair]), pair),
    )
    return tuple(
        PairStatement(first, second, tuple(sorted(sentences[(first, second)])))
        for first, second in ranked[:limit]
    )


def co_mentions(mentions: Sequence[Mention]) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """Every pair of entities named in one sentence -> those sentences, (article id, sentence index).

    Pairs are (first, second) in id order; sentences come in the order of their first mention. Only
    the first `_PAIR_SENTENCE_LIMIT` names of a sentence pair up. The statements about pairs, the
    entity network and each entity page's neighbours all read this one count.
    """
    in_sentence: defaultdict[tuple[str, int], list[str]] = defaultdict(list)
    for mention in mentions:
        names = in_sentence[(mention.article, mention.sentence)]
        if mention.entity not in names and len(names) < _PAIR_SENTENCE_LIMIT:
            names.append(mention.entity)
    sentences: defaultdict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for where, names in in_sentence.items():
        for first, second in itertools.combinations(sorted(names), 2):
            sentences[(first, second)].append(where)
    return dict(sentences)


def _families(articles: Sequence[Article], copies: Sequence[Copy]) -> dict[str, str]:
    """Article id -> the id of the source it speaks for: itself, or the original it copies."""
    family = {article.id: article.id for article in articles}
    for copy in copies:
        family[copy.article] = copy.original
    return family
