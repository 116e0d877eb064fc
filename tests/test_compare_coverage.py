"""Stage 4c, coverage: who names whom, on hand-built articles, entities and mentions.

The mentions are written by hand (their offsets do not matter here, only which article and
sentence they are in), so a failure names the comparison, not the linking.
"""

from __future__ import annotations

from generator.compare.coverage import compare_coverage, compare_labels, compare_pairs, outlet_of
from generator.model import Article, Copy, Entity, EntityType, Labels, Mention, Metadata, Paragraph

TEXT = "Dock workers in Lagos stayed out for a third day."


def article(article_id: str, outlet: str | None = None) -> Article:
    return Article(
        article_id, f"seeds/{article_id}.txt", TEXT, (Paragraph(0, len(TEXT)),), Metadata(outlet=outlet)
    )


def mentions(article_id: str, entity: str, times: int = 1, sentence: int = 0) -> list[Mention]:
    return [Mention(article_id, 3 * i, 3 * i + 2, "xx", entity, sentence) for i in range(times)]


def labelled(article_id: str, entity: str, *labels: str) -> Mention:
    return Mention(article_id, 0, 2, "xx", entity, 0, labels)


ENTITIES = (
    Entity("miriam-okonkwo", "Miriam Okonkwo", EntityType.PERSON, ("Miriam Okonkwo",)),
    Entity("npa", "Nigerian Ports Authority", EntityType.ORGANIZATION, ("NPA",)),
    Entity("dock-workers-union", "Dock Workers Union", EntityType.ORGANIZATION, ("Dock Workers Union",)),
    Entity("lagos", "Lagos", EntityType.PLACE, ("Lagos",)),
    Entity("apapa", "Apapa", EntityType.PLACE, ("Apapa",)),
    Entity("tin-can-island", "Tin Can Island", EntityType.PLACE, ("Tin Can Island",)),
)
# `wire` is a copy of `post`: one voice.
ARTICLES = (article("times", "Harbour Times"), article("post", "Coast Post"), article("wire"))
COPIES = (Copy("wire", "post", 0.97),)
MENTIONS = (
    *mentions("times", "miriam-okonkwo", 3),
    *mentions("post", "miriam-okonkwo", 2),
    *mentions("times", "lagos"),
    *mentions("post", "lagos", 2),
    *mentions("wire", "lagos"),
    *mentions("post", "npa", 4),
    *mentions("wire", "npa", 4),
    *mentions("times", "dock-workers-union", 5),
    *mentions("times", "apapa", 2),
    *mentions("times", "tin-can-island"),
    *mentions("post", "not-an-entity", 9),  # an id unknown to the entities is never a row
)


def test_matrix_rows_columns_and_counts() -> None:
    coverage = compare_coverage(ARTICLES, ENTITIES, MENTIONS, COPIES)
    # Named by two voices first (most mentions first), then what one voice alone names, at most
    # two per voice: `tin-can-island`, the third name only `times` carries, is no row.
    assert coverage.entities == ("miriam-okonkwo", "lagos", "npa", "dock-workers-union", "apapa")
    assert coverage.articles == ("times", "post", "wire")
    assert coverage.counts == {
        ("miriam-okonkwo", "times"): 3,
        ("miriam-okonkwo", "post"): 2,
        ("lagos", "times"): 1,
        ("lagos", "post"): 2,
        ("lagos", "wire"): 1,
        ("npa", "post"): 4,
        ("npa", "wire"): 4,
        ("dock-workers-union", "times"): 5,
        ("apapa", "times"): 2,
    }


def test_a_copy_and_its_original_are_one_voice_for_exclusive_names() -> None:
    coverage = compare_coverage(ARTICLES, ENTITIES, MENTIONS, COPIES)
    # `npa` is named by `post` and its copy only: exclusive to the original, the copy has no entry.
    assert coverage.exclusive == {
        "post": ("npa",),
        "times": ("dock-workers-union", "apapa", "tin-can-island"),
    }


def test_without_the_copy_link_the_copy_is_a_second_voice() -> None:
    coverage = compare_coverage(ARTICLES, ENTITIES, MENTIONS, ())
    assert coverage.entities == ("lagos", "npa", "miriam-okonkwo", "dock-workers-union", "apapa")
    assert coverage.exclusive == {"times": ("dock-workers-union", "apapa", "tin-can-island")}


def test_missing_lists_the_articles_that_never_name_each_row() -> None:
    coverage = compare_coverage(ARTICLES, ENTITIES, MENTIONS, COPIES)
    assert coverage.missing == {
        "miriam-okonkwo": ("wire",),
        "lagos": (),
        "npa": ("times",),
        "dock-workers-union": ("post", "wire"),
        "apapa": ("post", "wire"),
    }


def test_one_article_has_no_exclusive_names_and_every_entity_is_a_row() -> None:
    times = [m for m in MENTIONS if m.article == "times"]
    coverage = compare_coverage(ARTICLES[:1], ENTITIES, times, ())
    assert coverage.entities == ("dock-workers-union", "miriam-okonkwo", "apapa", "lagos", "tin-can-island")
    assert coverage.exclusive == {}
    assert set(coverage.missing.values()) == {()}


def test_outlet_of_names_an_unknown_outlet_by_the_article() -> None:
    assert [outlet_of(a) for a in ARTICLES] == ["Harbour Times", "Coast Post", "unknown outlet (wire)"]


def test_labels_per_outlet_most_used_first() -> None:
    articles = (*ARTICLES, article("post-2", "Coast Post"))
    found = (
        labelled("times", "miriam-okonkwo", "harbour minister"),
        labelled("times", "miriam-okonkwo", "harbour minister", "a former banker"),
        labelled("post", "miriam-okonkwo", "embattled minister"),
        labelled("post-2", "miriam-okonkwo", "minister"),  # the same outlet: one row
        labelled("wire", "miriam-okonkwo", "harbour minister"),
        labelled("elsewhere", "miriam-okonkwo", "former banker"),  # not among the articles
        labelled("post", "lagos"),  # no labels: no entry
        labelled("times", "npa", "the port regulator"),
    )
    assert compare_labels(articles, found) == (
        Labels(
            "miriam-okonkwo",
            (
                ("Coast Post", (("embattled minister", 1), ("minister", 1))),
                ("Harbour Times", (("harbour minister", 2), ("a former banker", 1))),
                ("unknown outlet (wire)", (("harbour minister", 1),)),
            ),
        ),
        Labels("npa", (("Harbour Times", (("the port regulator", 1),)),)),
    )


PAIRED = (
    *mentions("times", "miriam-okonkwo", sentence=0),
    *mentions("times", "npa", sentence=0),
    *mentions("times", "lagos", sentence=0),
    *mentions("post", "miriam-okonkwo", sentence=2),
    *mentions("post", "npa", sentence=2),
    *mentions("post", "lagos", sentence=3),
    *mentions("post", "miriam-okonkwo", sentence=3),
    *mentions("wire", "miriam-okonkwo", sentence=1),
    *mentions("wire", "npa", sentence=1),
    *mentions("wire", "lagos", sentence=1),
    *mentions("post", "apapa", sentence=5),
    *mentions("post", "dock-workers-union", sentence=5),
    *mentions("wire", "apapa", sentence=4),
    *mentions("wire", "dock-workers-union", sentence=4),
)


def test_pairs_are_sentences_naming_both_in_two_sources_or_more() -> None:
    pairs = compare_pairs(ARTICLES, ENTITIES, PAIRED, COPIES)
    assert [(p.first, p.second, p.sentences) for p in pairs] == [
        ("lagos", "miriam-okonkwo", (("post", 3), ("times", 0), ("wire", 1))),
        ("miriam-okonkwo", "npa", (("post", 2), ("times", 0), ("wire", 1))),
        ("lagos", "npa", (("times", 0), ("wire", 1))),
    ]  # apapa and the union are paired only by `post` and its copy: one source


def test_pairs_leave_out_the_setting_every_source_names() -> None:
    """Without the copy there are three sources, all naming Lagos, the most-named place."""
    pairs = compare_pairs(ARTICLES, ENTITIES, PAIRED, ())
    assert [(p.first, p.second) for p in pairs] == [
        ("miriam-okonkwo", "npa"),
        ("apapa", "dock-workers-union"),
    ]
    assert [(p.first, p.second) for p in compare_pairs(ARTICLES, ENTITIES, PAIRED, (), limit=1)] == [
        ("miriam-okonkwo", "npa")
    ]
