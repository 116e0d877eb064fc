"""Entities: names found in the articles, merged into people, organisations, places and groups.

Every test runs the real pipeline (spaCy's small English model plus the rules) over real seed
files in a temporary project; curation is real YAML in `annotations/entities.yml`.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import re
import textwrap

import pytest
import yaml

from generator.build import BuildResult, Project, build
from generator.cli import main
from generator.extract.runner import extract_articles
from generator.load.seeds import load_articles
from generator.model import Corpus, Entity, EntityType
from generator.render.export import MENTION_COLUMNS
from generator.render.pages import SiteOptions

ARTICLE_004 = "004_23e8d5bb857ada88"
ARTICLE_002 = "002_c5e94d6caf5d1f55"


def entity_named(corpus: Corpus, alias: str) -> Entity:
    """The one entity that lists `alias` among its names."""
    found = [entity for entity in corpus.entities if alias in entity.aliases]
    assert len(found) == 1, f"{alias!r} is an alias of {[e.id for e in found]}"
    return found[0]


def write_seed(project: Project, name: str, *paragraphs: str) -> None:
    """A plain-text article: a headline, then one paragraph per line, blank lines between."""
    (project.seeds / name).write_text("\n\n".join(paragraphs) + "\n", "utf-8")


def write_curation(project: Project, text: str) -> None:
    (project.annotations / "entities.yml").write_text(textwrap.dedent(text).lstrip("\n"), "utf-8")


def messages(result: BuildResult) -> list[str]:
    return [str(problem) for problem in result.problems]


def read_doc(project: Project, path: str) -> str:
    return (project.docs / path).read_text("utf-8")


# --- the sample corpus: what is one entity, what is not -------------------------------------------------

SAME_ENTITY = [
    ("Haftar", "Khalifa Haftar", "Haftar Khalifa"),
    ("Fayed Al-Sarraj", "Fayez Al Sarraj", "Fayez al-Sarraj", "Faiez Mustafa Sarraj", "Al-Sarraj", "Sarraj"),
    ("LNA", "Libyan National Army", "Libya National Army"),
    ("GNA", "Government of National Accord", "government of national accord"),
    ("US", "U.S.", "United States"),
    ("UN", "U.N.", "United Nations"),
    ("UAE", "United Arab Emirates"),
]


@pytest.mark.parametrize("names", SAME_ENTITY, ids=lambda names: names[0])
def test_spellings_of_one_name_are_one_entity(sample_project: Project, names: tuple[str, ...]) -> None:
    corpus = build(sample_project, write=False).corpus
    ids = {name: entity_named(corpus, name).id for name in names}
    assert len(set(ids.values())) == 1, ids
    written = {mention.text for mention in corpus.mentions_of(ids[names[0]])}
    assert set(names) <= written


@pytest.mark.parametrize(
    ("first", "second"),
    [("Libya", "Libyan National Army"), ("US", "UN"), ("Libya", "Libyan"), ("Tripoli", "Khalifa Haftar")],
)
def test_different_things_stay_apart(sample_project: Project, first: str, second: str) -> None:
    corpus = build(sample_project, write=False).corpus
    assert entity_named(corpus, first).id != entity_named(corpus, second).id


def test_no_entity_mixes_people_and_places(sample_project: Project) -> None:
    corpus = build(sample_project, write=False).corpus
    people = {a for e in corpus.entities if e.type is EntityType.PERSON for a in e.aliases}
    places = {a for e in corpus.entities if e.type is EntityType.PLACE for a in e.aliases}
    assert people & places == set()
    assert {"Khalifa Haftar", "Haftar", "Sarraj"} <= people
    assert {"Libya", "Tripoli", "TRIPOLI", "US", "Benghazi"} <= places


@pytest.mark.parametrize(
    ("alias", "entity_id", "name", "kind"),
    [
        ("Khalifa Haftar", "khalifa-haftar", "Khalifa Haftar", EntityType.PERSON),
        ("Libya", "libya", "Libya", EntityType.PLACE),
        ("Libyan National Army", "libyan-national-army", "Libyan National Army", EntityType.ORGANIZATION),
        ("Libyan", "libyan", "Libyan", EntityType.GROUP),
        ("Tripoli", "tripoli", "Tripoli", EntityType.PLACE),
        ("United Nations", "united-nations", "United Nations", EntityType.ORGANIZATION),
        ("US", "united-states", "United States", EntityType.PLACE),
        ("CIA", "central-intelligence-agency", "Central Intelligence Agency", EntityType.ORGANIZATION),
    ],
)
def test_entity_types_and_names(
    sample_project: Project, alias: str, entity_id: str, name: str, kind: EntityType
) -> None:
    entity = entity_named(build(sample_project, write=False).corpus, alias)
    assert (entity.id, entity.name, entity.type) == (entity_id, name, kind)


def test_the_capitalised_dateline_is_the_city(sample_project: Project) -> None:
    corpus = build(sample_project, write=False).corpus
    first = corpus.mentions_in(ARTICLE_004)[0]
    assert (first.start, first.end, first.text, first.entity) == (0, 7, "TRIPOLI", "tripoli")
    assert entity_named(corpus, "TRIPOLI").aliases == ("Tripoli", "TRIPOLI")


def test_every_merge_says_why(sample_project: Project) -> None:
    corpus = build(sample_project, write=False).corpus
    haftar = corpus.entity("khalifa-haftar")
    assert haftar is not None
    assert "'Haftar' is the surname of 'Khalifa Haftar'" in haftar.why
    assert "'Khalifa Haftar' is 'Haftar Khalifa' in reverse order" in haftar.why
    lna = corpus.entity("libyan-national-army")
    assert lna is not None
    assert f"'LNA' is defined as 'Libyan National Army' in {ARTICLE_004}" in lna.why
    assert f"'LNA' is defined as 'Libya National Army' in {ARTICLE_002}" in lna.why
    # an entity of several names has at least one reason per extra name
    for entity in corpus.entities:
        assert len(entity.why) >= len(entity.aliases) - 1, entity


# --- rules on synthetic articles -------------------------------------------------------------------------


def test_austria_and_australia_are_two_places(project: Project) -> None:
    write_seed(
        project,
        "trade.txt",
        "Austria and Australia sign trade pact",
        "VIENNA – Austria and Australia signed a trade agreement on Monday after two years of talks.",
        "Officials in Austria said the deal would cut tariffs on wine and machinery, while exporters in "
        "Australia welcomed the move.",
    )
    corpus = build(project, write=False).corpus
    austria, australia = entity_named(corpus, "Austria"), entity_named(corpus, "Australia")
    assert (austria.id, austria.aliases, austria.type) == ("austria", ("Austria",), EntityType.PLACE)
    assert (australia.id, australia.aliases, australia.type) == (
        "australia",
        ("Australia",),
        EntityType.PLACE,
    )
    assert [len(corpus.mentions_of(e.id)) for e in (austria, australia)] == [2, 2]


def test_a_surname_joins_the_full_name(project: Project) -> None:
    write_seed(
        project,
        "macron.txt",
        "Macron calls for ceasefire",
        "PARIS – President Emmanuel Macron urged both sides to return to talks on Tuesday.",
        '"There is no military solution," Macron said at a news conference.',
    )
    corpus = build(project, write=False).corpus
    macron = entity_named(corpus, "Macron")
    assert (macron.id, macron.name, macron.type) == ("emmanuel-macron", "Emmanuel Macron", EntityType.PERSON)
    assert macron.aliases == ("Emmanuel Macron", "Macron")
    assert macron.why == ("'Macron' is the surname of 'Emmanuel Macron'",)
    assert [(m.text, m.descriptors) for m in corpus.mentions_of(macron.id)] == [
        ("Emmanuel Macron", ("President",)),
        ("Macron", ()),
    ]


HAFTAR_ARTICLE = (
    "Haftar presses on towards the capital",
    "Libyan officials said Field Marshal Haftar had rejected calls for a ceasefire on Thursday.",
    "Haftar’s forces shelled the southern suburbs of Tripoli overnight, residents said.",
    "Maja Kocijancic, a spokeswoman for the European Commission, said the bloc was alarmed by the "
    "escalation in Libya.",
)


def test_a_title_is_stripped_and_kept_as_a_descriptor(project: Project) -> None:
    write_seed(project, "haftar.txt", *HAFTAR_ARTICLE)
    corpus = build(project, write=False).corpus
    article = corpus.get("haftar")
    assert article is not None
    start = article.text.index("Field Marshal Haftar") + len("Field Marshal ")
    (mention,) = [m for m in corpus.mentions_in("haftar") if m.start == start]
    assert (mention.end, mention.text) == (start + 6, "Haftar")
    assert mention.descriptors == ("Field Marshal",)
    assert entity_named(corpus, "Haftar").type is EntityType.PERSON
    assert "Field Marshal Haftar" not in {a for e in corpus.entities for a in e.aliases}


def test_an_apposition_describes_a_person(project: Project) -> None:
    write_seed(project, "haftar.txt", *HAFTAR_ARTICLE)
    corpus = build(project, write=False).corpus
    (mention,) = [m for m in corpus.mentions_in("haftar") if m.text == "Maja Kocijancic"]
    assert mention.descriptors == ("a spokeswoman for the European Commission",)
    person = corpus.entity(mention.entity)
    assert person is not None
    assert (person.id, person.type) == ("maja-kocijancic", EntityType.PERSON)
    commission = entity_named(corpus, "European Commission")
    assert commission.type is EntityType.ORGANIZATION


def test_a_possessive_links_the_name_without_s(project: Project) -> None:
    write_seed(project, "haftar.txt", *HAFTAR_ARTICLE)
    corpus = build(project, write=False).corpus
    article = corpus.get("haftar")
    assert article is not None
    start = article.text.index("Haftar’s forces")
    (mention,) = [m for m in corpus.mentions_in("haftar") if m.start == start]
    assert (mention.end, mention.text) == (start + 6, "Haftar")
    assert article.text[mention.end : mention.end + 2] == "’s"
    assert "Haftar’s" not in entity_named(corpus, "Haftar").aliases


def test_a_name_is_not_linked_inside_a_longer_word(project: Project) -> None:
    write_seed(project, "haftar.txt", *HAFTAR_ARTICLE)
    corpus = build(project, write=False).corpus
    article = corpus.get("haftar")
    assert article is not None
    libya = article.text.index("Libya.")
    libyan = article.text.index("Libyan officials")
    assert libyan == 0
    spans = {(m.start, m.end): m.text for m in corpus.mentions_in("haftar")}
    assert spans[(libya, libya + 5)] == "Libya"
    assert spans[(libyan, libyan + 6)] == "Libyan"
    assert (libyan, libyan + 5) not in spans
    assert entity_named(corpus, "Libya").id != entity_named(corpus, "Libyan").id


def test_a_place_named_like_a_persons_surname_stays_a_place(project: Project) -> None:
    write_seed(
        project,
        "border.txt",
        "Border crossing to reopen",
        "Aid convoys crossed from Jordan into southern Syria on Tuesday.",
        "Ahmed Jordan, a spokesman for the ministry, said the border would stay open.",
    )
    corpus = build(project, write=False).corpus
    place, person = entity_named(corpus, "Jordan"), entity_named(corpus, "Ahmed Jordan")
    assert (place.id, place.type) == ("jordan", EntityType.PLACE)
    assert (person.id, person.type, person.aliases) == ("ahmed-jordan", EntityType.PERSON, ("Ahmed Jordan",))


FOUND = (
    "Militias dig in south of the capital",
    "Interior minister Fathi Bashagha visited the front line south of Tripoli on Saturday. Speaking to "
    "reporters, Bashagha promised that the capital would not fall.",
)
MISSED = (
    "Attack repelled, minister says",
    "Bashagha said the attack on the capital had failed and vowed to push the attackers back.",
)


def test_a_name_the_model_misses_is_still_linked(project: Project) -> None:
    write_seed(project, "found.txt", *FOUND)
    write_seed(project, "missed.txt", *MISSED)
    loaded = load_articles(project.seeds, project.root)
    extractions, _ = extract_articles(loaded.articles)
    found, missed = extractions
    assert "Bashagha" in {c.text for c in found.candidates}
    assert "Bashagha" not in {c.text for c in missed.candidates}  # the model did not see it here

    corpus = build(project, write=False).corpus
    bashagha = entity_named(corpus, "Bashagha")
    assert bashagha.id == "fathi-bashagha"
    assert [(m.text, m.entity) for m in corpus.mentions_in("found") if m.text.endswith("Bashagha")] == [
        ("Fathi Bashagha", "fathi-bashagha"),
        ("Bashagha", "fathi-bashagha"),
    ]
    (mention,) = corpus.mentions_in("missed")
    assert (mention.start, mention.end, mention.text, mention.entity) == (0, 8, "Bashagha", "fathi-bashagha")


def test_names_that_slugify_alike_keep_their_mentions(project: Project) -> None:
    write_seed(
        project,
        "a.txt",
        "Irish envoy visits Tripoli",
        "Ambassador Conor O'Brien met officials in Tripoli on Monday.",
    )
    write_seed(
        project,
        "b.txt",
        "Irish envoy visits Tripoli",
        "Ambassador Conor O Brien met officials in Tripoli on Monday.",
    )
    corpus = build(project, write=False).corpus
    assert [m.text for m in corpus.mentions_in("b")] == ["Conor O Brien", "Tripoli"]
    assert "Conor O Brien" in {alias for entity in corpus.entities for alias in entity.aliases}


# --- mentions --------------------------------------------------------------------------------------------


def check_mentions(corpus: Corpus) -> int:
    checked = 0
    for article in corpus:
        mentions = corpus.mentions_in(article.id)
        sentences = corpus.sentences[article.id]
        assert list(mentions) == sorted(mentions, key=lambda m: m.start)
        for before, after in itertools.pairwise(mentions):
            assert before.end <= after.start, (before, after)
        for mention in mentions:
            assert article.text[mention.start : mention.end] == mention.text
            start, end = sentences[mention.sentence]
            assert start <= mention.start and mention.end <= end, (mention, article.text[start:end])
            checked += 1
    return checked


def test_mentions_are_exact_disjoint_and_in_their_sentence(sample_project: Project) -> None:
    corpus = build(sample_project, write=False).corpus
    assert check_mentions(corpus) == len(corpus.mentions) == 300


def test_mention_invariants_hold_on_synthetic_articles(project: Project) -> None:
    write_seed(project, "haftar.txt", *HAFTAR_ARTICLE)
    write_seed(project, "found.txt", *FOUND)
    write_seed(project, "missed.txt", *MISSED)
    corpus = build(project, write=False).corpus
    assert check_mentions(corpus) == len(corpus.mentions) > 0


# --- curation in annotations/entities.yml ----------------------------------------------------------------

HAFTAR_CURATION = """
    entities:
      - id: khalifa-haftar
        description: Commander of the "Libyan National Army" & its <allies>.
        links:
          wikipedia: https://en.wikipedia.org/wiki/Khalifa_Haftar
    """
HAFTAR_DESCRIPTION = 'Commander of the "Libyan National Army" & its <allies>.'


def test_description_and_link_appear_on_the_entity_page(sample_project: Project) -> None:
    write_curation(sample_project, HAFTAR_CURATION)
    result = build(sample_project)
    assert messages(result) == []
    page = read_doc(sample_project, "entities/khalifa-haftar.md")
    description = re.search(r'<p class="px-description">(.*)</p>', page)
    assert description is not None
    assert html.unescape(description.group(1)) == HAFTAR_DESCRIPTION
    links = re.search(r'<p class="px-links"><a href="([^"]*)" rel="nofollow noopener">(\w+)</a></p>', page)
    assert links is not None
    assert html.unescape(links.group(1)) == "https://en.wikipedia.org/wiki/Khalifa_Haftar"
    assert links.group(2) == "Wikipedia"
    assert "curated in annotations/entities.yml" in page
    assert "<allies>" not in page


HAFTAR_LINK = re.compile(
    r'<a class="px-entity px-person" id="m-\d+" href="[^"]*" title="([^"]*)" data-entity="khalifa-haftar"'
    r"(?: data-preview)?>"
)


def test_description_is_the_hover_title_of_every_mention_link(sample_project: Project) -> None:
    write_curation(sample_project, HAFTAR_CURATION)
    result = build(sample_project)
    expected = f"Person: Khalifa Haftar — {HAFTAR_DESCRIPTION}"
    titles = []
    for article in result.corpus:
        page = read_doc(sample_project, f"articles/{article.id}.md")
        titles.extend(html.unescape(title) for title in HAFTAR_LINK.findall(page))
    assert titles == [expected] * len(result.corpus.mentions_of("khalifa-haftar")) == [expected] * 42


def test_type_and_name_are_changed_and_the_id_stays(sample_project: Project) -> None:
    write_curation(
        sample_project,
        """
        entities:
          - id: white-house
            name: The White House
            type: place
        """,
    )
    result = build(sample_project)
    assert messages(result) == []
    entity = entity_named(result.corpus, "White House")
    assert (entity.id, entity.name, entity.type, entity.curated) == (
        "white-house",
        "The White House",
        EntityType.PLACE,
        True,
    )
    assert len(result.corpus.mentions_of("white-house")) == 4
    page = read_doc(sample_project, "entities/white-house.md")
    assert '<h1 class="px-title">The White House</h1>' in page
    assert '<span class="px-entity px-place">Place</span>' in page


def test_merge_folds_another_entity_in_and_removes_its_page(sample_project: Project) -> None:
    before = build(sample_project)
    council = before.corpus.entity("un-security-council")
    assert council is not None
    assert (sample_project.docs / "entities" / "un-security-council.md").is_file()
    write_curation(
        sample_project,
        """
        entities:
          - id: united-nations
            merge: [un-security-council]
        """,
    )
    after = build(sample_project)
    assert messages(after) == []
    assert after.corpus.entity("un-security-council") is None
    merged = after.corpus.entity("united-nations")
    assert merged is not None
    assert merged.aliases == ("UN", "U.N.", "United Nations", "UN Security Council")
    assert merged.why[-1] == "'UN Security Council' merged in by annotations/entities.yml:2"
    council_mentions = before.corpus.mentions_of("un-security-council")
    assert [(m.article, m.start, m.end) for m in after.corpus.mentions_of("united-nations")] == sorted(
        (m.article, m.start, m.end) for m in (*before.corpus.mentions_of("united-nations"), *council_mentions)
    )
    assert not (sample_project.docs / "entities" / "un-security-council.md").exists()
    assert "entities/un-security-council.md" in after.written.removed  # type: ignore[union-attr]
    index = html.unescape(read_doc(sample_project, "entities/index.md"))
    assert 'id="e-un-security-council"' not in index
    assert 'id="e-united-nations"' in index


def test_claiming_an_alias_under_a_new_id_splits_it_out(sample_project: Project) -> None:
    write_curation(
        sample_project,
        """
        entities:
          - id: tripoli-dateline
            name: Tripoli (dateline)
            type: place
            aliases: [TRIPOLI]
        """,
    )
    result = build(sample_project)
    assert messages(result) == []
    corpus = result.corpus
    city = corpus.entity("tripoli")
    assert city is not None
    assert city.aliases == ("Tripoli",)
    split = entity_named(corpus, "TRIPOLI")
    assert (split.id, split.name, split.type, split.aliases) == (
        "tripoli-dateline",
        "Tripoli (dateline)",
        EntityType.PLACE,
        ("TRIPOLI",),
    )
    assert split.why == ("alias 'TRIPOLI' set by annotations/entities.yml:2",)
    assert [(m.article, m.start, m.text) for m in corpus.mentions_of("tripoli-dateline")] == [
        (ARTICLE_004, 0, "TRIPOLI")
    ]
    assert {m.text for m in corpus.mentions_of("tripoli")} == {"Tripoli"}


def test_a_split_keeps_the_type_of_the_entity_it_came_from(sample_project: Project) -> None:
    write_curation(
        sample_project,
        """
        entities:
          - id: tripoli-dateline
            aliases: [TRIPOLI]
        """,
    )
    corpus = build(sample_project, write=False).corpus
    assert entity_named(corpus, "TRIPOLI").type is EntityType.PLACE


def test_ignore_removes_every_mention_of_that_name(sample_project: Project) -> None:
    before = build(sample_project, write=False).corpus
    assert len([m for m in before.mentions if m.text == "Haftar"]) == 34
    write_curation(sample_project, "ignore:\n  - Haftar\n  - Islamist\n")
    result = build(sample_project, write=False)
    assert messages(result) == []
    corpus = result.corpus
    assert [m for m in corpus.mentions if m.text in ("Haftar", "Islamist")] == []
    assert corpus.entity("islamist") is None
    haftar = corpus.entity("khalifa-haftar")
    assert haftar is not None
    assert haftar.aliases == ("Khalifa Haftar", "Haftar Khalifa")
    assert len(corpus.mentions_of("khalifa-haftar")) == 42 - 34


PROBLEM_CASES = {
    "unknown merge id": (
        """
        entities:
          - id: khalifa-haftar
            merge: [libyan-national-amry]
        """,
        [
            "annotations/entities.yml:2: error: 'khalifa-haftar' merges unknown entity id "
            "'libyan-national-amry'. Did you mean 'libyan-national-army'?"
        ],
    ),
    "alias claimed twice": (
        """
        entities:
          - id: tripoli
            aliases: [TRIPOLI]
          - id: tripoli-dateline
            type: place
            aliases: [TRIPOLI]
        """,
        [
            "annotations/entities.yml:4: error: alias 'TRIPOLI' is claimed by both 'tripoli' (line 2) "
            "and 'tripoli-dateline'; keep it in one entity"
        ],
    ),
    "merge cycle": (
        """
        entities:
          - id: libya
            merge: [tripoli]
          - id: tripoli
            merge: [libya]
        """,
        [
            "annotations/entities.yml:4: error: merge cycle: 'libya' and 'tripoli' merge each other; "
            "neither merge is applied",
        ],
    ),
    "ignore matching nothing": (
        """
        ignore:
          - Islamist
          - Kalifa Hafter
        """,
        ["annotations/entities.yml:3: warning: ignore 'Kalifa Hafter' matches no name found in the articles"],
    ),
    "invalid type": (
        """
        entities:
          - id: khalifa-haftar
            type: persn
        """,
        [
            "annotations/entities.yml:3:11: error: 'entities[1].type': expected one of: person, "
            "organization, place, group, found 'persn'. Did you mean 'person'?"
        ],
    ),
    "unknown key": (
        """
        entities:
          - id: khalifa-haftar
            descripton: Commander of the eastern forces.
        """,
        [
            "annotations/entities.yml:3:5: error: unknown key 'descripton' in 'entities[1]'. Expected one "
            "of: aliases, description, id, links, merge, name, type. Did you mean 'description'?"
        ],
    ),
}


@pytest.mark.parametrize("case", list(PROBLEM_CASES))
def test_curation_problems_are_reported_exactly(sample_project: Project, case: str) -> None:
    curation, expected = PROBLEM_CASES[case]
    write_curation(sample_project, curation)
    result = build(sample_project, write=False)
    assert messages(result) == expected
    assert result.failed(strict=False) is any(": error: " in message for message in expected)


def test_a_merge_cycle_merges_nothing(sample_project: Project) -> None:
    write_curation(sample_project, PROBLEM_CASES["merge cycle"][0])
    corpus = build(sample_project, write=False).corpus
    libya, tripoli = corpus.entity("libya"), corpus.entity("tripoli")
    assert libya is not None and tripoli is not None
    assert (libya.aliases, tripoli.aliases) == (("Libya",), ("Tripoli", "TRIPOLI"))


def test_an_invalid_type_is_not_applied(sample_project: Project) -> None:
    write_curation(sample_project, PROBLEM_CASES["invalid type"][0])
    entity = build(sample_project, write=False).corpus.entity("khalifa-haftar")
    assert entity is not None
    assert (entity.type, entity.curated) == (EntityType.PERSON, True)


def test_a_bad_merge_does_not_undo_an_unrelated_valid_merge(sample_project: Project) -> None:
    write_curation(
        sample_project,
        """
        entities:
          - id: united-nations
            merge: [un-security-council]
          - id: khalifa-haftar
            merge: [libyan-national-amry]
        """,
    )
    corpus = build(sample_project, write=False).corpus
    assert corpus.entity("un-security-council") is None
    assert "UN Security Council" in entity_named(corpus, "UN").aliases


def test_a_curated_id_is_never_linked_as_a_word(project: Project) -> None:
    write_seed(
        project,
        "embassy.txt",
        "Embassy staff leave Tripoli",
        'U.S. diplomats left Tripoli on Sunday. "Nobody told us the offensive was coming," one of them said.',
    )
    write_curation(project, "entities:\n  - id: us\n    description: The United States.\n")
    corpus = build(project, write=False).corpus
    assert [m.text for m in corpus.mentions if m.text == "us"] == []


def test_an_entity_page_never_replaces_the_entity_index(sample_project: Project) -> None:
    write_curation(sample_project, "entities:\n  - id: index\n    type: place\n    aliases: [Libya]\n")
    result = build(sample_project)
    paths = [page.path for page in result.pages]
    assert len(paths) == len(set(paths))
    assert read_doc(sample_project, "entities/index.md").startswith("---\ntitle: Entities\n---\n")


def test_curation_survives_rebuilds_and_new_articles(sample_project: Project) -> None:
    write_curation(
        sample_project,
        """
        entities:
          - id: fayez-al-sarraj
            name: Fayez al-Sarraj
            merge: [faiez-mustafa-sarraj]
            description: Head of the UN-recognised Government of National Accord in Tripoli.
          - id: white-house
            type: place
        ignore:
          - Islamist
        """,
    )
    first = build(sample_project)
    second = build(sample_project, force=True)
    assert first.corpus.entities == second.corpus.entities
    assert first.corpus.mentions == second.corpus.mentions
    assert second.written is not None and second.written.written == ()
    write_seed(sample_project, "005_extra.txt", *MISSED)
    third = build(sample_project, write=False)
    sarraj = third.corpus.entity("fayez-al-sarraj")
    assert sarraj == first.corpus.entity("fayez-al-sarraj")
    assert sarraj is not None
    assert sarraj.name == "Fayez al-Sarraj"
    assert third.corpus.entity("faiez-mustafa-sarraj") is None
    assert third.corpus.entity("islamist") is None
    assert entity_named(third.corpus, "White House").type is EntityType.PLACE


# --- exports ---------------------------------------------------------------------------------------------


ENTITY_KEYS = {
    "id",
    "name",
    "type",
    "aliases",
    "description",
    "links",
    "curated",
    "why",
    "typed_by",
    "mentions",
}


def test_entities_json_has_every_entity_with_offsets_into_the_articles(sample_project: Project) -> None:
    result = build(sample_project)
    entities = json.loads(read_doc(sample_project, "data/entities.json"))
    texts = {a["id"]: a["text"] for a in json.loads(read_doc(sample_project, "data/articles.json"))}
    assert [e["id"] for e in entities] == [e.id for e in result.corpus.entities]
    for record in entities:
        assert set(record) == ENTITY_KEYS
        assert record["type"] in ("person", "organization", "place", "group")
        assert len(record["mentions"]) == len(result.corpus.mentions_of(record["id"]))
        for mention in record["mentions"]:
            assert set(mention) == {"article", "start", "end", "text", "sentence", "descriptors"}
            assert texts[mention["article"]][mention["start"] : mention["end"]] == mention["text"]
            assert mention["text"] in record["aliases"]
    lna = next(e for e in entities if e["id"] == "libyan-national-army")
    assert {k: lna[k] for k in ("name", "type", "aliases", "description", "links", "curated")} == {
        "name": "Libyan National Army",
        "type": "organization",
        "aliases": ["LNA", "Libyan National Army", "Libya National Army"],
        "description": None,
        "links": {},
        "curated": False,
    }
    assert len(lna["mentions"]) == 20
    tripoli = next(e for e in entities if e["id"] == "tripoli")
    dateline = [m for m in tripoli["mentions"] if m["text"] == "TRIPOLI"]
    assert dateline == [
        {"article": ARTICLE_004, "start": 0, "end": 7, "text": "TRIPOLI", "sentence": 0, "descriptors": []}
    ]


def test_mentions_csv_has_one_row_per_mention(sample_project: Project) -> None:
    result = build(sample_project)
    content = read_doc(sample_project, "data/mentions.csv")
    assert content.split("\n")[0] == "article,start,end,text,entity,entity_name,type,sentence,descriptors"
    assert content.split("\n")[0] == ",".join(MENTION_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(content)))
    assert len(rows) == len(result.corpus.mentions) == 300
    for row, mention in zip(rows, result.corpus.mentions, strict=True):
        entity = result.corpus.entity(mention.entity)
        assert entity is not None
        assert row == {
            "article": mention.article,
            "start": str(mention.start),
            "end": str(mention.end),
            "text": mention.text,
            "entity": entity.id,
            "entity_name": entity.name,
            "type": entity.type.value,
            "sentence": str(mention.sentence),
            "descriptors": "; ".join(mention.descriptors),
        }


# --- entity pages and the index --------------------------------------------------------------------------


def test_an_entity_named_once_is_a_row_on_the_index_not_a_page(sample_project: Project) -> None:
    assert SiteOptions().entity_page_min_mentions == 2
    result = build(sample_project)
    (mention,) = result.corpus.mentions_of("dmitry-peskov")
    assert mention.text == "Dmitry Peskov"
    assert not (sample_project.docs / "entities" / "dmitry-peskov.md").exists()
    index = html.unescape(read_doc(sample_project, "entities/index.md"))
    assert (
        '<tr id="e-dmitry-peskov"><td><span class="px-entity px-person">Dmitry Peskov</span></td>'
        "<td>1</td><td>1</td><td>1</td><td></td></tr>"
    ) in index
    page = read_doc(sample_project, f"articles/{mention.article}.md")
    links = re.findall(r'href="([^"]*)" title="[^"]*" data-entity="dmitry-peskov">Dmitry Peskov</a>', page)
    assert links == ["../../entities/#e-dmitry-peskov"]
    assert (
        '<a class="px-entity px-person" href="../../entities/#e-dmitry-peskov">Dmitry Peskov</a> (1)' in page
    )


def test_in_context_links_point_at_anchors_on_the_article_pages(sample_project: Project) -> None:
    result = build(sample_project)
    mentions = result.corpus.mentions_of("libyan-national-army")
    page = read_doc(sample_project, "entities/libyan-national-army.md")
    targets = re.findall(r'<a class="px-in-context" href="\.\./\.\./articles/([^/"]+)/#(m-\d+)">', page)
    assert len(targets) == len(mentions) == 20
    for (article_id, anchor), mention in zip(targets, mentions, strict=True):
        assert article_id == mention.article
        article_page = read_doc(sample_project, f"articles/{article_id}.md")
        assert article_page.count(f'id="{anchor}"') == 1
        link = (
            rf'<a class="px-entity px-organization" id="{anchor}" href="([^"]*)" '
            r'title="[^"]*" data-entity="libyan-national-army"(?: data-preview)?>([^<]*)</a>'
        )
        linked = re.search(link, article_page)
        assert linked is not None, anchor
        assert linked.groups() == ("../../entities/libyan-national-army/", mention.text)
    index = html.unescape(read_doc(sample_project, "entities/index.md"))
    assert (
        '<tr id="e-libyan-national-army"><td><a class="px-entity px-organization" '
        'href="libyan-national-army/">Libyan National Army</a></td><td>20</td><td>5</td><td>4</td>'
        "<td>LNA, Libya National Army</td></tr>"
    ) in index


def test_entity_pages_exist_exactly_for_entities_named_twice_or_more(sample_project: Project) -> None:
    result = build(sample_project)
    pages = {path.stem for path in (sample_project.docs / "entities").glob("*.md")} - {"index"}
    expected = {e.id for e in result.corpus.entities if len(result.corpus.mentions_of(e.id)) >= 2}
    assert pages == expected
    assert "khalifa-haftar" in pages and "dmitry-peskov" not in pages


# --- parallax entities -----------------------------------------------------------------------------------


def annotation_bytes(project: Project) -> dict[str, bytes]:
    return {
        path.relative_to(project.annotations).as_posix(): path.read_bytes()
        for path in sorted(project.annotations.rglob("*"))
        if path.is_file()
    }


def test_review_command_writes_a_review_file_at_the_root(
    sample_project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    write_curation(sample_project, HAFTAR_CURATION)
    before = annotation_bytes(sample_project)
    assert main(["entities", "--root", str(sample_project.root)]) == 0
    assert annotation_bytes(sample_project) == before
    review = yaml.safe_load((sample_project.root / "entities-review.yml").read_text("utf-8"))
    entries = review["entities"]
    corpus = build(sample_project, write=False).corpus
    assert sorted(e["id"] for e in entries) == sorted(e.id for e in corpus.entities)
    for entry in entries:
        assert {"id", "name", "type", "aliases", "mentions", "merged_because"} <= set(entry)
    haftar = entries[0]
    assert {k: haftar[k] for k in ("id", "name", "type", "aliases", "mentions", "merged_because")} == {
        "id": "khalifa-haftar",
        "name": "Khalifa Haftar",
        "type": "person",
        "aliases": ["Haftar", "Khalifa Haftar", "Haftar Khalifa"],
        "mentions": 42,
        "merged_because": [
            "'Khalifa Haftar' is 'Haftar Khalifa' in reverse order",
            "'Haftar' is the surname of 'Khalifa Haftar'",
        ],
    }
    stderr = capsys.readouterr().err
    assert (
        f"parallax: {len(corpus.entities)} entities written to entities-review.yml for review; "
        "copy the entries you want to change into annotations/entities.yml"
    ) in stderr
    assert not (sample_project.docs / "entities").exists()


def test_review_command_refuses_to_write_into_annotations(
    sample_project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    write_curation(sample_project, HAFTAR_CURATION)
    before = annotation_bytes(sample_project)
    code = main(["entities", "--root", str(sample_project.root), "--output", "annotations/x.yml"])
    assert code == 2
    assert capsys.readouterr().err == ("parallax: will not write into annotations; choose another --output\n")
    assert annotation_bytes(sample_project) == before
    assert not (sample_project.root / "entities-review.yml").exists()


def test_review_command_writes_where_told(sample_project: Project) -> None:
    assert main(["entities", "--root", str(sample_project.root), "--output", "review/entities.yml"]) == 0
    review = yaml.safe_load((sample_project.root / "review" / "entities.yml").read_text("utf-8"))
    assert review["entities"][0]["id"] == "khalifa-haftar"
    assert not (sample_project.root / "entities-review.yml").exists()
    assert annotation_bytes(sample_project) == {}


def test_review_command_refuses_the_annotations_folder_itself(sample_project: Project) -> None:
    code = main(["entities", "--root", str(sample_project.root), "--output", "annotations"])
    assert code == 2


def test_review_file_is_not_read_back_as_curation(sample_project: Project) -> None:
    assert main(["entities", "--root", str(sample_project.root)]) == 0
    assert build(sample_project, write=False).problems == ()
    assert (sample_project.root / "entities-review.yml").is_file()


# --- merges whatever the order of entries (review findings) --------------------------------


@pytest.mark.parametrize("order", ["merge first", "described first"])
def test_a_merged_entity_with_its_own_entry_still_folds_in(sample_project: Project, order: str) -> None:
    merge = "  - id: libyan-national-army\n    merge: [government-of-national-accord]\n"
    describe = "  - id: government-of-national-accord\n    description: The UN-recognised government.\n"
    body = merge + describe if order == "merge first" else describe + merge
    write_curation(sample_project, "entities:\n" + body)
    result = build(sample_project, write=False)
    assert [str(p) for p in result.problems] == []
    assert result.corpus.entity("government-of-national-accord") is None
    army = result.corpus.entity("libyan-national-army")
    assert army is not None and {"GNA", "LNA", "Government of National Accord"} <= set(army.aliases)
    assert army.description == "The UN-recognised government."


def test_chained_merges_end_in_the_first_entity(sample_project: Project) -> None:
    write_curation(
        sample_project,
        "entities:\n  - id: libya\n    merge: [tripoli]\n  - id: tripoli\n    merge: [benghazi]\n",
    )
    corpus = build(sample_project, write=False).corpus
    libya = corpus.entity("libya")
    assert libya is not None and {"Libya", "Tripoli", "Benghazi"} <= set(libya.aliases)
    assert corpus.entity("tripoli") is None and corpus.entity("benghazi") is None
    assert any(reason.startswith("'Benghazi' merged in by annotations/entities.yml:") for reason in libya.why)


def test_a_single_model_guess_of_a_common_word_is_not_linked_everywhere(project: Project) -> None:
    """`May` found once by the model stays in its own article; the month elsewhere is no entity."""
    write_seed(project, "a.txt", "Talks in Vienna", "Theresa May met officials in Vienna on Monday.",
               "May said the talks went well.")  # fmt: skip
    write_seed(
        project, "b.txt", "Budget delayed", "The budget may be delayed until May, officials in Vienna said."
    )
    corpus = build(project, write=False).corpus
    linked = {(m.article, m.text) for m in corpus.mentions}
    assert ("b", "May") not in linked
    assert ("b", "Vienna") in linked


def test_a_common_word_name_at_a_sentence_start_is_linked_only_where_the_model_read_it(
    project: Project,
) -> None:
    """The retailer `Next` is found by the model in two articles, and `next` is written in lower
    case more often than not; "Next week" opening a sentence elsewhere is no mention of it, while
    "rivals such as Next" mid-sentence still is."""
    write_seed(project, "a.txt", "Retail sales", "Sales at the retailer Next rose 3%, Next said on Thursday.")
    write_seed(
        project, "b.txt", "Retail gloom", "Next chief executive Simon Wolfson said next year would be hard."
    )
    write_seed(
        project,
        "c.txt",
        "Budget talks",
        "Ministers met on Monday. Next week, officials will meet rivals such as Next and Tesco.",
        "The next round comes next month, the next budget next year and the next election after.",
    )
    corpus = build(project, write=False).corpus
    entity = entity_named(corpus, "Next")
    starts = {(m.article, m.start) for m in corpus.mentions if m.entity == entity.id}
    article = corpus.get("c")
    assert article is not None
    text_c = article.text
    assert ("c", text_c.index("Next week")) not in starts
    assert ("c", text_c.index("Next and")) in starts
