"""Stage 4d, stories: which articles tell one story, on hand-built mentions, reuse and copies.

The researcher's plan is built as `annotations/stories.yml` would be read, so a failure names
the grouping, not the YAML reader or a whole build.
"""

from __future__ import annotations

import pytest

from generator.annotations.read import StoryPlan, StorySpec
from generator.compare.stories import compare_stories, split_by_story
from generator.model import Copy, Entity, EntityType, Mention, Passage, Reuse, Story

ENTITIES = (
    Entity("miriam-okonkwo", "Miriam Okonkwo", EntityType.PERSON, ("Miriam Okonkwo",)),
    Entity("tunde-adeyemi", "Tunde Adeyemi", EntityType.PERSON, ("Tunde Adeyemi",)),
    Entity("amara-nwosu", "Amara Nwosu", EntityType.PERSON, ("Amara Nwosu",)),
    Entity("npa", "Nigerian Ports Authority", EntityType.ORGANIZATION, ("NPA",)),
    Entity("lagos", "Lagos", EntityType.PLACE, ("Lagos",)),
    Entity("ikeja", "Ikeja", EntityType.PLACE, ("Ikeja",)),
)


def named(article: str, *entities: str) -> list[Mention]:
    return [Mention(article, 10 * i, 10 * i + 5, "xxxxx", e, 0) for i, e in enumerate(entities)]


def shared_passage(first: str, second: str) -> Reuse:
    return Reuse(first, second, 0.2, ((Passage(first, 0, 120), Passage(second, 40, 160)),))


IDS = ("port-1", "port-2", "port-3", "bridge-1", "bridge-2", "rally", "weather")
MENTIONS = (
    *named("port-1", "miriam-okonkwo", "tunde-adeyemi", "lagos", "miriam-okonkwo"),
    *named("port-2", "tunde-adeyemi", "miriam-okonkwo", "npa"),
    *named("port-3", "npa"),
    *named("bridge-1", "amara-nwosu", "lagos"),
    *named("bridge-2", "lagos", "ikeja"),
    *named("rally", "miriam-okonkwo", "ikeja"),  # one person in common is not enough
    *named("weather", "lagos", "ikeja"),  # places tie nothing together
)
REUSE = (shared_passage("bridge-1", "bridge-2"),)
COPIES = (Copy("port-3", "port-2", 0.98),)


def test_a_passage_a_copy_or_two_named_people_make_one_story() -> None:
    stories, alone, problems = compare_stories(IDS, ENTITIES, MENTIONS, REUSE, COPIES, StoryPlan())
    assert stories == (
        Story(
            "story-1",
            "Miriam Okonkwo · Nigerian Ports Authority · Tunde Adeyemi",
            ("port-1", "port-2", "port-3"),
            "grouped automatically",
        ),
        Story("story-2", "Lagos · Amara Nwosu · Ikeja", ("bridge-1", "bridge-2"), "grouped automatically"),
    )
    assert alone == ("rally", "weather")
    assert problems == ()


def test_without_the_copy_and_the_passage_the_articles_fall_apart() -> None:
    stories, alone, _ = compare_stories(IDS, ENTITIES, MENTIONS, (), (), StoryPlan())
    assert stories == ()  # one group left: the corpus is one story
    assert alone == ()


def test_a_corpus_of_one_story_has_no_stories() -> None:
    ports = [m for m in MENTIONS if m.article.startswith("port")]
    result = compare_stories(IDS[:3], ENTITIES, ports, (), COPIES, StoryPlan())
    assert result == ((), (), ())


def test_names_most_of_a_large_corpus_carries_tie_nothing_together() -> None:
    """In ten articles, two people named by six are the corpus's subject, not a story."""
    ids = [f"a{n:02}" for n in range(1, 11)]
    mentions = [m for a in ids[:6] for m in named(a, "miriam-okonkwo", "tunde-adeyemi")]
    reuse = [shared_passage("a07", "a08"), shared_passage("a09", "a10")]
    stories, alone, _ = compare_stories(ids, ENTITIES, mentions, reuse, (), StoryPlan())
    assert [s.articles for s in stories] == [("a07", "a08"), ("a09", "a10")]
    assert alone == ("a01", "a02", "a03", "a04", "a05", "a06")


def test_the_researchers_plan_wins_and_automatic_ids_step_around_it() -> None:
    plan = StoryPlan(
        stories=(
            StorySpec(
                "story-1", "The Apapa strike", "Who spoke for the dockers.", (("port-1", 4), ("port-3", 5)), 2
            ),
        )
    )
    stories, alone, problems = compare_stories(IDS, ENTITIES, MENTIONS, REUSE, COPIES, plan)
    assert stories == (
        Story(
            "story-1",
            "The Apapa strike",
            ("port-1", "port-3"),
            "annotations/stories.yml:2",
            "Who spoke for the dockers.",
        ),
        Story("story-2", "Lagos · Amara Nwosu · Ikeja", ("bridge-1", "bridge-2"), "grouped automatically"),
    )
    # `port-2` lost both its partners to the plan; nothing else ties it.
    assert alone == ("port-2", "rally", "weather")
    assert problems == ()


def test_a_planned_story_without_a_name_or_line_is_named_by_its_id() -> None:
    plan = StoryPlan(stories=(StorySpec("harbour", articles=(("rally", None),)),))
    stories, _, _ = compare_stories(IDS, ENTITIES, MENTIONS, REUSE, COPIES, plan)
    assert stories[0] == Story("harbour", "harbour", ("rally",), "annotations/stories.yml")


def test_plan_problems_are_reported_exactly_and_the_rest_applies() -> None:
    plan = StoryPlan(
        stories=(
            StorySpec("strike", articles=(("port-1", 3), ("port-2", 4)), line=2),
            StorySpec("bridge", articles=(("port-2", 7), ("brige-1", 8), ("election-night", 9)), line=5),
            StorySpec("strike", articles=(("weather", 11),), line=10),
        )
    )
    stories, _, problems = compare_stories(IDS, ENTITIES, MENTIONS, REUSE, COPIES, plan)
    assert [str(problem) for problem in problems] == [
        "annotations/stories.yml:7: error: story 'bridge': the article 'port-2' is already in story "
        "'strike' (line 4); an article belongs to one story",
        "annotations/stories.yml:8: warning: story 'bridge': no article with the id 'brige-1' in the "
        "seeds. Did you mean 'bridge-1'?",
        "annotations/stories.yml:9: warning: story 'bridge': no article with the id 'election-night' in "
        "the seeds",
        "annotations/stories.yml:10: error: the story id 'strike' is used twice (first on line 2); "
        "this story is ignored",
    ]
    assert [(s.id, s.articles) for s in stories] == [
        ("strike", ("port-1", "port-2")),
        ("bridge", ()),
        ("story-1", ("bridge-1", "bridge-2")),
    ]


ITEMS = [("port-1", "a"), ("bridge-1", "b"), ("port-2", "c"), ("weather", "d"), ("port-1", "e")]
STORY_OF = {"port-1": "strike", "port-2": "strike", "bridge-1": "bridge"}


def test_split_by_story_keeps_the_order_and_drops_what_is_in_no_story() -> None:
    parts = split_by_story(ITEMS, STORY_OF, lambda item: item[0])
    assert dict(parts) == {
        "strike": [("port-1", "a"), ("port-2", "c"), ("port-1", "e")],
        "bridge": [("bridge-1", "b")],
    }
    assert parts["unknown"] == []


@pytest.mark.parametrize(
    ("pair", "story"),
    [
        (Copy("port-2", "port-1", 0.9), "strike"),
        (Copy("bridge-1", "port-1", 0.9), None),  # its two articles are in different stories
        (Copy("weather", "port-1", 0.9), None),  # one of them is in no story
    ],
)
def test_split_by_story_puts_a_pair_in_a_story_only_when_both_articles_are_in_it(
    pair: Copy, story: str | None
) -> None:
    parts = split_by_story([pair], STORY_OF, lambda c: c.article, lambda c: c.original)
    assert dict(parts) == ({story: [pair]} if story else {})
