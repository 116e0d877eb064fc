"""Stage 4, compare, in order: each analysis of the corpus, gathered into one `Comparison`.

Each analysis lives in its own module (`reuse`, `quotes`, `terms`, `coverage`, `stories`,
`provenance` with `credits`); this one runs them in order and gathers their results into one
`Comparison`. When the corpus holds several stories, each story also gets a comparison of its own
articles, provenance included.
"""

from __future__ import annotations

import dataclasses
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.annotations.provenance import ProvenancePlan
from generator.annotations.read import StoryPlan
from generator.compare.coverage import compare_coverage, compare_labels, compare_pairs
from generator.compare.credits import read_credits
from generator.compare.provenance import TextMeasure, check_decisions, compare_provenance, merge_provenance
from generator.compare.quotes import group_quotes
from generator.compare.reuse import Words, compare_reuse
from generator.compare.stories import compare_stories, split_by_story
from generator.compare.terms import group_terms
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


@dataclass(frozen=True, slots=True)
class _Material:
    """What the analyses read: the whole corpus's, or one story's."""

    articles: Sequence[Article]
    mentions: Sequence[Mention]
    quotes: Sequence[Quote]
    figures: Sequence[Figure]
    copies: Sequence[Copy]
    reuse: tuple[Reuse, ...]
    words: Mapping[str, Words]


def compare_corpus(
    articles: Sequence[Article],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    figures: Sequence[Figure],
    plan: StoryPlan | None = None,
    decisions: ProvenancePlan | None = None,
    seconds: dict[str, float] | None = None,
) -> tuple[tuple[Copy, ...], Comparison, tuple[Problem, ...]]:
    """(copies, comparison, problems). `decisions` are the researcher's on provenance links;
    `seconds["provenance"]` gets the time provenance took, listed after `seconds["compare"]`."""
    words = {article.id: Words.of(article.text) for article in articles}
    copies, reuse = compare_reuse(articles, words)
    material = _Material(articles, mentions, quotes, figures, copies, reuse, words)
    comparison = _compare(material, entities)
    stories, alone, problems = compare_stories(
        [a.id for a in articles], entities, mentions, reuse, copies, plan or StoryPlan()
    )
    if stories:
        parts = _by_story(material, {a: story.id for story in stories for a in story.articles})
        empty = _Material((), (), (), (), (), (), {})
        stories = tuple(
            dataclasses.replace(story, comparison=_compare(parts.get(story.id, empty), entities))
            for story in stories
        )
        comparison = dataclasses.replace(comparison, stories=stories, unstoried=alone)
    started = time.perf_counter()
    comparison, found = _with_provenance(material, comparison, decisions or ProvenancePlan())
    if seconds is not None:
        seconds.setdefault("compare", 0.0)  # the caller times the whole stage; this is its part
        seconds["provenance"] = time.perf_counter() - started
    return copies, comparison, (*problems, *found)


def _with_provenance(
    material: _Material, comparison: Comparison, plan: ProvenancePlan
) -> tuple[Comparison, tuple[Problem, ...]]:
    """The comparison with its provenance; with several stories, each story's and their merge."""
    credits = {article.id: read_credits(article) for article in material.articles}
    stories = comparison.stories
    story_of = {a: story.id for story in stories for a in story.articles}
    ids = [article.id for article in material.articles]
    decided, problems = check_decisions(plan, ids, story_of if stories else None)
    texts = TextMeasure(material.words, material.quotes, comparison.quote_groups)
    if not stories:
        provenance, found = compare_provenance(
            material.articles, material.reuse, material.copies, credits, texts, decided.get(None, ()), plan
        )
        return dataclasses.replace(comparison, provenance=provenance), (*problems, *found)
    by_id = {article.id: article for article in material.articles}
    copies = split_by_story(material.copies, story_of, lambda c: c.article, lambda c: c.original)
    parts, done = [], []
    for story in stories:
        part = story.comparison or Comparison()
        provenance, found = compare_provenance(
            [by_id[a] for a in story.articles], part.reuse, copies[story.id], credits, texts,
            decided.get(story.id, ()), plan,
        )  # fmt: skip
        problems += found
        parts.append(provenance)
        done.append(dataclasses.replace(story, comparison=dataclasses.replace(part, provenance=provenance)))
    merged = merge_provenance(parts, [c for article in material.articles for c in credits[article.id]])
    return dataclasses.replace(comparison, stories=tuple(done), provenance=merged), problems


def _compare(material: _Material, entities: Sequence[Entity]) -> Comparison:
    articles, mentions, copies = material.articles, material.mentions, material.copies
    quote_groups = group_quotes(articles, material.quotes, material.words)
    return Comparison(
        reuse=material.reuse,
        quote_groups=quote_groups,
        terms=group_terms(articles, material.quotes, quote_groups, copies, material.words),
        coverage=compare_coverage(articles, entities, mentions, copies),
        labels=compare_labels(articles, mentions),
        pairs=compare_pairs(articles, entities, mentions, copies),
        figures=compare_figures(material.figures, copies),
    )


def _by_story(material: _Material, story_of: Mapping[str, str]) -> dict[str, _Material]:
    """Each story's share of the material: everything is split by story in one pass."""
    articles = split_by_story(material.articles, story_of, lambda a: a.id)
    mentions = split_by_story(material.mentions, story_of, lambda m: m.article)
    quotes = split_by_story(material.quotes, story_of, lambda q: q.article)
    figures = split_by_story(material.figures, story_of, lambda f: f.article)
    copies = split_by_story(material.copies, story_of, lambda c: c.article, lambda c: c.original)
    reuse = split_by_story(material.reuse, story_of, lambda r: r.first, lambda r: r.second)
    return {
        story: _Material(
            found,
            mentions[story],
            quotes[story],
            figures[story],
            copies[story],
            tuple(reuse[story]),
            {a.id: material.words[a.id] for a in found},
        )
        for story, found in articles.items()
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
