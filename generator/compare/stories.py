"""Stage 4d, stories: which articles tell the same story, so sources are compared within one.

The researcher's `annotations/stories.yml` assigns articles by hand and always wins. The other
articles are grouped automatically: two articles belong together when they share a passage
(or one copies the other), or when both name at least `SHARED_NAMES` of the same people and
organisations that are rare enough. Names that most articles carry (the corpus's own subject)
or that a great many carry ("Tony Blair" across a year of politics) tie nothing together, and
names that many carry tie less: two articles sharing only the leader of the opposition and the
chancellor are two stories about British politics, not one.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from generator.annotations.read import StoryPlan
from generator.annotations.validate import did_you_mean
from generator.groups import Groups
from generator.model import Copy, Entity, EntityType, Mention, Problem, Reuse, Severity, Story

SHARED_NAMES = 2
COMMON_SHARE = 0.5
"""In a corpus of `SMALL_CORPUS` articles or more, a name in more than this share is its subject."""
SMALL_CORPUS = 10
MAX_HOLDERS = 100
"""A name in more articles than this is too general to make two of them one story."""
RARE_ENOUGH = 10
"""The names two articles share must together be as rare as two names each in this many articles
(a name weighs ln(articles / articles naming it)); otherwise one link chains a whole year of
politics into one story."""
_KINDS = (EntityType.PERSON, EntityType.ORGANIZATION)
_T = TypeVar("_T")


def split_by_story(
    items: Iterable[_T], story_of: Mapping[str, str], *articles_of: Callable[[_T], str]
) -> defaultdict[str, list[_T]]:
    """Items by the story of their article (or articles, for a pair): one pass over `items`.

    An item whose articles are in no story, or in different stories, belongs to none.
    """
    parts: defaultdict[str, list[_T]] = defaultdict(list)
    for item in items:
        found = {story_of.get(article(item)) for article in articles_of}
        if len(found) == 1 and (story := found.pop()) is not None:
            parts[story].append(item)
    return parts


def compare_stories(
    article_ids: Sequence[str],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    reuse: Sequence[Reuse],
    copies: Sequence[Copy],
    plan: StoryPlan,
) -> tuple[tuple[Story, ...], tuple[str, ...], tuple[Problem, ...]]:
    """(stories, articles in no story, problems). One story or none: the corpus is one story."""
    known = set(article_ids)
    problems: list[Problem] = []
    assigned: dict[str, tuple[str, int | None]] = {}
    hand: list[Story] = []
    seen: dict[str, int | None] = {}
    for spec in plan.stories:
        if spec.id in seen:
            problems.append(
                Problem(plan.path, f"the story id '{spec.id}' is used twice (first on line {seen[spec.id]}); "
                        "this story is ignored", Severity.ERROR, spec.line)
            )  # fmt: skip
            continue
        seen[spec.id] = spec.line
        members = []
        for article_id, line in spec.articles:
            where = f"story '{spec.id}': "
            if article_id not in known:
                message = f"{where}no article with the id '{article_id}' in the seeds"
                hint = did_you_mean(article_id, sorted(known))
                problems.append(Problem(plan.path, message + hint, Severity.WARNING, line))
            elif article_id in assigned:
                other, other_line = assigned[article_id]
                message = (
                    f"{where}the article '{article_id}' is already in story '{other}' (line {other_line}); "
                    "an article belongs to one story"
                )
                problems.append(Problem(plan.path, message, Severity.ERROR, line))
            else:
                assigned[article_id] = (spec.id, line)
                members.append(article_id)
        origin = f"{plan.path}:{spec.line}" if spec.line else plan.path
        hand.append(Story(spec.id, spec.name or spec.id, tuple(members), origin, spec.description))
    rest = [a for a in article_ids if a not in assigned]
    groups = _group(rest, mentions, reuse, copies, {e.id: e for e in entities})
    together = [g for g in groups if len(g) > 1]
    alone = tuple(a for g in groups if len(g) == 1 for a in g)
    if not hand and len(together) <= 1:
        return (), (), tuple(problems)
    titles = _names(together, mentions, {e.id: e.name for e in entities})
    automatic = []
    number = 0
    for group, title in zip(together, titles, strict=True):
        number += 1
        while f"story-{number}" in seen:
            number += 1
        automatic.append(Story(f"story-{number}", title, tuple(group), "grouped automatically"))
    return (*hand, *automatic), alone, tuple(problems)


def _group(
    ids: Sequence[str],
    mentions: Sequence[Mention],
    reuse: Sequence[Reuse],
    copies: Sequence[Copy],
    entities: dict[str, Entity],
) -> list[list[str]]:
    """Connected groups of articles, largest first, each in corpus order."""
    members = set(ids)
    named: defaultdict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        entity = entities.get(mention.entity)
        if mention.article in members and entity is not None and entity.type in _KINDS:
            named[mention.entity].add(mention.article)
    limit = len(ids) if len(ids) < SMALL_CORPUS else max(2, int(len(ids) * COMMON_SHARE))
    shared: Counter[tuple[str, str]] = Counter()
    weight: defaultdict[tuple[str, str], float] = defaultdict(float)
    for holders in named.values():
        if 2 <= len(holders) <= min(limit, MAX_HOLDERS):
            ordered = sorted(holders)
            pairs = [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]]
            shared.update(pairs)
            rarity = math.log(len(ids) / len(holders))
            for pair in pairs:
                weight[pair] += rarity
    needed = SHARED_NAMES * math.log(max(len(ids), SMALL_CORPUS) / RARE_ENOUGH)
    links = [pair for pair, count in shared.items() if count >= SHARED_NAMES and weight[pair] >= needed]
    links += [(r.first, r.second) for r in reuse]
    links += [(c.article, c.original) for c in copies]
    joined = Groups(ids)
    for first, second in links:
        if first in joined and second in joined:
            joined.join(first, second)
    position = {article_id: index for index, article_id in enumerate(ids)}
    return sorted(joined.groups(), key=lambda group: (-len(group), position[group[0]]))


def _names(groups: Sequence[Sequence[str]], mentions: Sequence[Mention], names: dict[str, str]) -> list[str]:
    """For each group, the three names most of its articles carry (one pass over the mentions)."""
    group_of = {article: index for index, group in enumerate(groups) for article in group}
    reach: list[defaultdict[str, set[str]]] = [defaultdict(set) for _ in groups]
    for mention in mentions:
        index = group_of.get(mention.article)
        if index is not None:
            reach[index][mention.entity].add(mention.article)
    titles = []
    for group, found in zip(groups, reach, strict=True):
        top = sorted(found, key=lambda e: (-len(found[e]), names.get(e, e)))[:3]
        titles.append(" · ".join(names.get(e, e) for e in top) or group[0])
    return titles
