"""Stage 3b, resolve entities: candidate names from hand-built extractions -> merged entities.

No model runs here: each test writes the candidates the extractor would have found, so a failure
names the merging or the curation, not spaCy.
"""

from __future__ import annotations

import pytest

from generator.annotations.read import CuratedEntity, EntityCuration
from generator.model import Candidate, Entity, EntityType, Extraction
from generator.resolve.entities import ResolvedEntities, resolve_entities

PERSON, ORGANIZATION, PLACE, GROUP = (
    EntityType.PERSON,
    EntityType.ORGANIZATION,
    EntityType.PLACE,
    EntityType.GROUP,
)


def extraction(
    article: str,
    text: str,
    *names: tuple[str, EntityType],
    acronyms: tuple[tuple[str, str], ...] = (),
) -> Extraction:
    """The candidates `names`, listed in text order, each at its next occurrence in `text`."""
    candidates = []
    position = 0
    for surface, kind in names:
        start = text.index(surface, position)
        candidates.append(Candidate(start, start + len(surface), surface, kind))
        position = start + 1
    return Extraction(article, tuple(candidates), ((0, len(text)),), acronyms)


def summary(resolved: ResolvedEntities) -> list[tuple[str, str, EntityType, tuple[str, ...]]]:
    return [(e.id, e.name, e.type, e.aliases) for e in resolved.entities]


def by_id(resolved: ResolvedEntities, entity_id: str) -> Entity:
    (entity,) = [e for e in resolved.entities if e.id == entity_id]
    return entity


STRIKE = extraction(
    "strike",
    "Harbour minister Miriam Okonkwo closed the Apapa terminal on Monday. Okonkwo said the Lagos "
    "Port Authority would reopen it once Okonkwo had met the Dockers. Apapa stayed quiet in Lagos.",
    ("Miriam Okonkwo", PERSON),
    ("Apapa", PLACE),
    ("Okonkwo", PERSON),
    ("Lagos Port Authority", ORGANIZATION),
    ("Okonkwo", PERSON),
    ("Dockers", GROUP),
    ("Apapa", PLACE),
    ("Lagos", PLACE),
)


# --- machine merges ------------------------------------------------------------------------------


def test_a_surname_joins_the_full_name_and_says_why() -> None:
    resolved = resolve_entities([STRIKE], EntityCuration())
    assert summary(resolved) == [
        ("miriam-okonkwo", "Miriam Okonkwo", PERSON, ("Okonkwo", "Miriam Okonkwo")),
        ("lagos-port-authority", "Lagos Port Authority", ORGANIZATION, ("Lagos Port Authority",)),
        ("apapa", "Apapa", PLACE, ("Apapa",)),
        ("lagos", "Lagos", PLACE, ("Lagos",)),
        ("dockers", "Dockers", GROUP, ("Dockers",)),
    ]
    assert by_id(resolved, "miriam-okonkwo").why == ("'Okonkwo' is the surname of 'Miriam Okonkwo'",)
    assert resolved.aliases == {
        "Okonkwo": "miriam-okonkwo",
        "Miriam Okonkwo": "miriam-okonkwo",
        "Lagos Port Authority": "lagos-port-authority",
        "Apapa": "apapa",
        "Lagos": "lagos",
        "Dockers": "dockers",
    }
    assert resolved.problems == ()


def test_a_surname_two_people_share_joins_neither() -> None:
    siblings = extraction(
        "court",
        "Miriam Okonkwo and her brother David Okonkwo left the court. Okonkwo declined to comment.",
        ("Miriam Okonkwo", PERSON),
        ("David Okonkwo", PERSON),
        ("Okonkwo", PERSON),
    )
    resolved = resolve_entities([siblings], EntityCuration())
    assert [(e.id, e.aliases, e.why) for e in resolved.entities] == [
        ("david-okonkwo", ("David Okonkwo",), ()),
        ("miriam-okonkwo", ("Miriam Okonkwo",), ()),
        ("okonkwo", ("Okonkwo",), ()),
    ]


def test_an_acronym_the_text_defines_joins_its_long_form_across_articles() -> None:
    defined = extraction(
        "ports",
        "The Nigerian Ports Authority (NPA) said cargo would be diverted.",
        ("Nigerian Ports Authority", ORGANIZATION),
        ("NPA", ORGANIZATION),
        acronyms=(("Nigerian Ports Authority", "NPA"),),
    )
    elsewhere = extraction("cargo", "NPA officials blamed the strike.", ("NPA", ORGANIZATION))
    resolved = resolve_entities([defined, elsewhere], EntityCuration())
    (entity,) = resolved.entities
    assert (entity.id, entity.name, entity.aliases) == (
        "nigerian-ports-authority",
        "Nigerian Ports Authority",
        ("NPA", "Nigerian Ports Authority"),
    )
    assert entity.why == ("'NPA' is defined as 'Nigerian Ports Authority' in ports",)
    assert resolved.unbacked == {}  # the definition vouches for the acronym


def test_an_acronym_defined_in_lower_case_brings_its_long_form_along() -> None:
    """The model found only `NDWU`; the definition in the text adds the long form as a name."""
    union = extraction(
        "union",
        "Members of the national dock workers union (NDWU) voted to strike. NDWU leaders agreed.",
        ("NDWU", ORGANIZATION),
        ("NDWU", ORGANIZATION),
        acronyms=(("national dock workers union", "NDWU"),),
    )
    resolved = resolve_entities([union], EntityCuration())
    assert summary(resolved) == [("ndwu", "NDWU", ORGANIZATION, ("NDWU", "national dock workers union"))]
    assert resolved.entities[0].why == ("'NDWU' is defined as 'national dock workers union' in union",)


def test_one_name_written_differently_is_one_entity_and_each_merge_says_why() -> None:
    spellings = extraction(
        "talks",
        "Conor O'Brien met Fayez al-Sarraj in the U.S. on Friday. Conor O'Brien said the US would "
        "help. Conor OBrien, as the agency spelled it, flew on. Fayed Al Sarraj thanked the United "
        "States. Nwosu Amara, listed surname first, and Amara Nwosu are one envoy.",
        ("Conor O'Brien", PERSON),
        ("Fayez al-Sarraj", PERSON),
        ("U.S.", PLACE),
        ("Conor O'Brien", PERSON),
        ("US", PLACE),
        ("Conor OBrien", PERSON),
        ("Fayed Al Sarraj", PERSON),
        ("United States", PLACE),
        ("Nwosu Amara", PERSON),
        ("Amara Nwosu", PERSON),
    )
    resolved = resolve_entities([spellings], EntityCuration())
    assert [(e.id, e.aliases, e.why) for e in resolved.entities] == [
        (
            "conor-o-brien",
            ("Conor O'Brien", "Conor OBrien"),
            ("'Conor O'Brien' and 'Conor OBrien' are the same name written differently",),
        ),
        (
            "fayez-al-sarraj",
            ("Fayed Al Sarraj", "Fayez al-Sarraj"),
            ("'Fayed Al Sarraj' and 'Fayez al-Sarraj' are spellings of one name",),
        ),
        (
            "nwosu-amara",
            ("Amara Nwosu", "Nwosu Amara"),
            ("'Nwosu Amara' is 'Amara Nwosu' in reverse order",),
        ),
        (
            "united-states",
            ("U.S.", "US", "United States"),
            (
                "'U.S.' and 'US' are the same name written differently",
                "'United States' and 'US' are common names of one place",
            ),
        ),
    ]
    assert by_id(resolved, "conor-o-brien").name == "Conor O'Brien"  # the spelling written most


def test_names_are_never_merged_across_types() -> None:
    """`Jordan` the country is no surname of a person; an acronym of another type is no alias."""
    visit = extraction(
        "visit",
        "Michael Jordan toured Jordan this week. The Northern Sea Region (NSR) said NSR ships would "
        "escort him.",
        ("Michael Jordan", PERSON),
        ("Jordan", PLACE),
        ("Northern Sea Region", PLACE),
        ("NSR", ORGANIZATION),
        ("NSR", ORGANIZATION),
        acronyms=(("Northern Sea Region", "NSR"),),
    )
    resolved = resolve_entities([visit], EntityCuration())
    assert [(e.id, e.type, e.aliases, e.why) for e in resolved.entities] == [
        ("michael-jordan", PERSON, ("Michael Jordan",), ()),
        ("nsr", ORGANIZATION, ("NSR",), ()),
        ("jordan", PLACE, ("Jordan",), ()),
        ("northern-sea-region", PLACE, ("Northern Sea Region",), ()),
    ]


def test_single_words_with_nothing_behind_them_are_unbacked_with_their_articles() -> None:
    later = extraction("later", "Apapa reopened on Tuesday.", ("Apapa", PLACE))
    resolved = resolve_entities([STRIKE, later], EntityCuration())
    # `Okonkwo` is backed by `Miriam Okonkwo`; curation vouches for the aliases it names.
    assert resolved.unbacked == {
        "Apapa": frozenset({"strike", "later"}),
        "Lagos": frozenset({"strike"}),
        "Dockers": frozenset({"strike"}),
    }
    curated = EntityCuration(entities=(CuratedEntity("lagos", 2, aliases=("Lagos",)),))
    assert set(resolve_entities([STRIKE, later], curated).unbacked) == {"Apapa", "Dockers"}


# --- the researcher's curation -------------------------------------------------------------------


def test_retype_and_rename_keep_the_id_and_the_machine_reasons() -> None:
    curation = EntityCuration(
        entities=(CuratedEntity("dockers", 2, name="Dock Workers' Union", type="organization"),)
    )
    resolved = resolve_entities([STRIKE], curation)
    dockers = by_id(resolved, "dockers")
    assert (dockers.name, dockers.type, dockers.aliases, dockers.curated) == (
        "Dock Workers' Union",
        ORGANIZATION,
        ("Dockers",),
        True,
    )
    assert resolved.aliases["Dockers"] == "dockers"
    assert resolved.problems == ()


def test_merge_folds_an_entity_of_another_type_in_and_records_the_line() -> None:
    curation = EntityCuration(entities=(CuratedEntity("lagos-port-authority", 4, merge=("apapa",)),))
    resolved = resolve_entities([STRIKE], curation)
    authority = by_id(resolved, "lagos-port-authority")
    assert (authority.type, authority.aliases, authority.why) == (
        ORGANIZATION,  # the owner's type: a researcher's merge is not type-gated
        ("Lagos Port Authority", "Apapa"),
        ("'Apapa' merged in by annotations/entities.yml:4",),
    )
    assert "apapa" not in [e.id for e in resolved.entities]
    assert resolved.aliases["Apapa"] == "lagos-port-authority"


def test_claiming_an_alias_splits_it_out_and_ignore_drops_a_name() -> None:
    curation = EntityCuration(
        entities=(CuratedEntity("okonkwo-family", 2, name="The Okonkwo family", aliases=("Okonkwo",)),),
        ignore=(("Dockers", 6),),
    )
    resolved = resolve_entities([STRIKE], curation)
    family = by_id(resolved, "okonkwo-family")
    assert (family.name, family.type, family.aliases, family.why) == (
        "The Okonkwo family",
        PERSON,  # the type of the entity the alias came from
        ("Okonkwo",),
        ("alias 'Okonkwo' set by annotations/entities.yml:2",),
    )
    assert by_id(resolved, "miriam-okonkwo").aliases == ("Miriam Okonkwo",)
    assert "dockers" not in [e.id for e in resolved.entities]
    assert "Dockers" not in resolved.aliases
    assert resolved.problems == ()


CURATION_PROBLEMS = {
    "not an id, no aliases": (
        (CuratedEntity("miriam-okonkow", 3, description="Harbour minister since 2021."),),
        [
            "annotations/entities.yml:3: warning: 'miriam-okonkow' is not an entity id and names no "
            "aliases; not applied. Did you mean 'miriam-okonkwo'?"
        ],
    ),
    "reserved id": (
        (CuratedEntity("index", 2, type="place", aliases=("Lagos",)),),
        [
            "annotations/entities.yml:2: error: the id 'index' is reserved (it names the entity index "
            "page); choose another id"
        ],
    ),
    "merged into two entities": (
        (
            CuratedEntity("miriam-okonkwo", 2, merge=("apapa",)),
            CuratedEntity("lagos-port-authority", 4, merge=("apapa",)),
        ),
        [
            "annotations/entities.yml:4: error: entity 'apapa' is merged into both 'miriam-okonkwo' and "
            "'lagos-port-authority'"
        ],
    ),
    "unknown merge target leaves a new id without names": (
        (CuratedEntity("port-strike", 5, merge=("lagos-port-authorty",)),),
        [
            "annotations/entities.yml:5: error: 'port-strike' merges unknown entity id "
            "'lagos-port-authorty'. Did you mean 'lagos-port-authority'?",
            "annotations/entities.yml:5: warning: 'port-strike' has no names: no aliases and nothing "
            "merged into it; not applied",
        ],
    ),
}


@pytest.mark.parametrize("case", list(CURATION_PROBLEMS))
def test_curation_problems_are_reported_exactly(case: str) -> None:
    entries, expected = CURATION_PROBLEMS[case]
    resolved = resolve_entities([STRIKE], EntityCuration(entities=entries))
    assert [str(problem) for problem in resolved.problems] == expected


def test_a_merge_claimed_twice_goes_to_the_first_entry_only() -> None:
    entries, _ = CURATION_PROBLEMS["merged into two entities"]
    resolved = resolve_entities([STRIKE], EntityCuration(entities=entries))
    assert by_id(resolved, "miriam-okonkwo").aliases == ("Okonkwo", "Miriam Okonkwo", "Apapa")
    assert by_id(resolved, "lagos-port-authority").aliases == ("Lagos Port Authority",)


def test_an_ignored_long_form_of_an_acronym_is_no_alias() -> None:
    defined = extraction(
        "ports",
        "The Nigerian Ports Authority (NPA) said cargo would be diverted. NPA staff stayed home.",
        ("Nigerian Ports Authority", ORGANIZATION),
        ("NPA", ORGANIZATION),
        ("NPA", ORGANIZATION),
        acronyms=(("Nigerian Ports Authority", "NPA"),),
    )
    resolved = resolve_entities([defined], EntityCuration(ignore=(("Nigerian Ports Authority", 2),)))
    assert [e.aliases for e in resolved.entities] == [("NPA",)]
