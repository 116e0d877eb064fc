"""Stage 4, compare: what the articles share, copy, quote, count and name differently.

Each analysis lives in its own module (`reuse`, `quote_groups`, `coverage`); this one runs them
in order and gathers their results into one `Comparison`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from generator.coverage import compare_coverage, compare_labels, compare_pairs
from generator.model import Article, Comparison, Copy, Entity, Figure, FigureGroup, Mention, Quote
from generator.quote_groups import group_quotes
from generator.reuse import Words, compare_reuse


def compare_corpus(
    articles: Sequence[Article],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    figures: Sequence[Figure],
) -> tuple[tuple[Copy, ...], Comparison]:
    words = {article.id: Words.of(article.text) for article in articles}
    copies, reuse = compare_reuse(articles, words)
    return copies, Comparison(
        reuse=reuse,
        quote_groups=group_quotes(articles, quotes, words),
        coverage=compare_coverage(articles, entities, mentions, copies),
        labels=compare_labels(articles, mentions),
        pairs=compare_pairs(articles, entities, mentions, copies),
        figures=compare_figures(figures, copies),
    )


def compare_figures(figures: Sequence[Figure], copies: Sequence[Copy]) -> tuple[FigureGroup, ...]:
    """Figures grouped by what they count, for the things at least two sources count.

    A copy repeats its original's figures; it is left out so agreement is not inflated.
    """
    copied = {copy.article for copy in copies}
    by_unit: defaultdict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.article not in copied and figure.unit:
            by_unit[figure.unit].append(figure)
    groups = []
    for unit, found in by_unit.items():
        if len({f.article for f in found}) < 2:
            continue
        values = {f.value for f in found}
        groups.append(FigureGroup(unit, tuple(found), disagree=len(values) > 1))
    groups.sort(key=lambda g: (-len({f.article for f in g.figures}), not g.disagree, g.unit))
    return tuple(groups)
