"""Stage 4, compare: what the articles share, copy, quote, count and name differently.

Each analysis lives in its own module (`reuse`, `quote_groups`, `coverage`, `stories`); this one
runs them in order and gathers their results into one `Comparison`. When the corpus holds
several stories, each story also gets a comparison of its own articles.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from generator.annotations import StoryPlan
from generator.coverage import compare_coverage, compare_labels, compare_pairs
from generator.model import (
    Article,
    Comparison,
    Copy,
    Entity,
    Figure,
    FigureGroup,
    Mention,
    Problem,
    Quote,
    Reuse,
)
from generator.quote_groups import group_quotes
from generator.reuse import Words, compare_reuse
from generator.stories import T, compare_stories, split_by_story


def compare_corpus(
    articles: Sequence[Article],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    figures: Sequence[Figure],
    plan: StoryPlan | None = None,
) -> tuple[tuple[Copy, ...], Comparison, tuple[Problem, ...]]:
    words = {article.id: Words.of(article.text) for article in articles}
    copies, reuse = compare_reuse(articles, words)
    comparison = _compare(articles, entities, mentions, quotes, figures, copies, reuse, words)
    stories, alone, problems = compare_stories(
        [a.id for a in articles], entities, mentions, reuse, copies, plan or StoryPlan()
    )
    if stories:
        comparisons = _compare_stories(
            [story.id for story in stories],
            {a: story.id for story in stories for a in story.articles},
            articles,
            entities,
            mentions,
            quotes,
            figures,
            copies,
            reuse,
            words,
        )
        stories = tuple(dataclasses.replace(story, comparison=comparisons[story.id]) for story in stories)
        comparison = dataclasses.replace(comparison, stories=stories, unstoried=alone)
    return copies, comparison, problems


def _compare(
    articles: Sequence[Article],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    figures: Sequence[Figure],
    copies: Sequence[Copy],
    reuse: tuple[Reuse, ...],
    words: Mapping[str, Words],
) -> Comparison:
    return Comparison(
        reuse=reuse,
        quote_groups=group_quotes(articles, quotes, words),
        coverage=compare_coverage(articles, entities, mentions, copies),
        labels=compare_labels(articles, mentions),
        pairs=compare_pairs(articles, entities, mentions, copies),
        figures=compare_figures(figures, copies),
    )


def _compare_stories(
    story_ids: Sequence[str],
    story_of: Mapping[str, str],
    articles: Sequence[Article],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    figures: Sequence[Figure],
    copies: Sequence[Copy],
    reuse: tuple[Reuse, ...],
    words: Mapping[str, Words],
) -> dict[str, Comparison]:
    """Each story's comparison of its own articles: everything is split by story in one pass."""

    def split(items: Sequence[T], *articles_of: Callable[[T], str]) -> defaultdict[str, list[T]]:
        return split_by_story(items, story_of, *articles_of)

    by_article = split(articles, lambda a: a.id)
    by_mention = split(mentions, lambda m: m.article)
    by_quote = split(quotes, lambda q: q.article)
    by_figure = split(figures, lambda f: f.article)
    by_copy = split(copies, lambda c: c.article, lambda c: c.original)
    by_reuse = split(reuse, lambda r: r.first, lambda r: r.second)
    return {
        story: _compare(
            by_article[story],
            entities,
            by_mention[story],
            by_quote[story],
            by_figure[story],
            by_copy[story],
            tuple(by_reuse[story]),
            {a.id: words[a.id] for a in by_article[story]},
        )
        for story in story_ids
    }


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
