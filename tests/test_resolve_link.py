"""Stage 3c, link: every occurrence of every alias, on hand-built articles and alias tables.

No model runs here: the aliases are given, so a failure names the linking, not the extraction.
"""

from __future__ import annotations

from generator.model import Article, Candidate, EntityType, Extraction, Mention, Metadata, Paragraph
from generator.resolve.link import link_mentions


def article(article_id: str, text: str) -> Article:
    return Article(article_id, f"seeds/{article_id}.txt", text, (Paragraph(0, len(text)),), Metadata())


def sentences(article_id: str, text: str, *candidates: Candidate) -> Extraction:
    """Sentences end at `. `; the candidates are what the model read."""
    spans, start = [], 0
    for index in range(len(text)):
        if text.startswith(". ", index):
            spans.append((start, index + 1))
            start = index + 2
    spans.append((start, len(text)))
    return Extraction(article_id, candidates, tuple(spans))


def found(mentions: tuple[Mention, ...]) -> list[tuple[str, int, int, str, str, int]]:
    return [(m.article, m.start, m.end, m.text, m.entity, m.sentence) for m in mentions]


def link(text: str, aliases: dict[str, str]) -> list[tuple[int, int, str, str]]:
    """(start, end, text, entity) of every mention in one article named `a`."""
    mentions = link_mentions([article("a", text)], [sentences("a", text)], aliases)
    return [(m.start, m.end, m.text, m.entity) for m in mentions]


PORT = (
    "Dockers in Lagos walked out on Monday. Miriam Okonkwo met them at Apapa. Okonkwo said Lagos would wait."
)
QUAY = "Apapa stayed shut. The Lagos ferry ran as usual."
ALIASES = {
    "Lagos": "lagos",
    "Apapa": "apapa",
    "Miriam Okonkwo": "miriam-okonkwo",
    "Okonkwo": "miriam-okonkwo",
}


def test_every_occurrence_of_every_alias_is_found_with_exact_offsets_and_sentence() -> None:
    articles = [article("port", PORT), article("quay", QUAY)]
    mentions = link_mentions(articles, [sentences("port", PORT), sentences("quay", QUAY)], ALIASES)
    assert found(mentions) == [
        ("port", 11, 16, "Lagos", "lagos", 0),
        ("port", 39, 53, "Miriam Okonkwo", "miriam-okonkwo", 1),
        ("port", 66, 71, "Apapa", "apapa", 1),
        ("port", 73, 80, "Okonkwo", "miriam-okonkwo", 2),
        ("port", 86, 91, "Lagos", "lagos", 2),
        ("quay", 0, 5, "Apapa", "apapa", 0),
        ("quay", 23, 28, "Lagos", "lagos", 1),
    ]
    for mention in mentions:
        text = PORT if mention.article == "port" else QUAY
        assert text[mention.start : mention.end] == mention.text


def test_names_the_model_never_read_are_linked_too() -> None:
    """Linking reads the text, not the candidates: an extraction with none still gets mentions."""
    text = "Okonkwo flew to Abuja. Okonkwo returned."
    extraction = sentences("a", text)
    assert extraction.candidates == ()
    mentions = link_mentions([article("a", text)], [extraction], {"Okonkwo": "miriam-okonkwo"})
    assert [(m.start, m.sentence) for m in mentions] == [(0, 0), (23, 1)]


def test_an_alias_inside_a_longer_word_is_not_linked() -> None:
    text = "Lagosians cheered. The UNESCO envoy and the UN envoy met in Lagos_port and Lagos2 but not Lagos."
    assert link(text, {"Lagos": "lagos", "UN": "united-nations"}) == [
        (44, 46, "UN", "united-nations"),
        (90, 95, "Lagos", "lagos"),
    ]


def test_punctuation_and_hyphens_are_word_boundaries() -> None:
    text = "Okonkwo’s aides, Okonkwo's driver, the Lagos-based union (Lagos) and “Apapa” all agreed."
    assert link(text, {"Okonkwo": "o", "Lagos": "l", "Apapa": "a"}) == [
        (0, 7, "Okonkwo", "o"),
        (17, 24, "Okonkwo", "o"),
        (39, 44, "Lagos", "l"),
        (58, 63, "Lagos", "l"),
        (70, 75, "Apapa", "a"),
    ]


def test_the_longest_alias_wins_over_the_names_inside_it() -> None:
    text = "The Lagos Port Authority said Lagos port workers would be paid."
    aliases = {"Lagos": "lagos", "Port Authority": "port-authority", "Lagos Port Authority": "lpa"}
    assert link(text, aliases) == [
        (4, 24, "Lagos Port Authority", "lpa"),
        (30, 35, "Lagos", "lagos"),
    ]


def test_overlapping_aliases_keep_the_leftmost() -> None:
    """`New York` starts first, so `York Times` overlapping it is not a second mention."""
    text = "The New York Times reported it first."
    assert link(text, {"New York": "new-york", "York Times": "york-times"}) == [
        (4, 12, "New York", "new-york")
    ]


def test_a_longer_alias_that_breaks_a_word_boundary_leaves_the_shorter_one() -> None:
    text = "Lagos Portland Cement shares fell."
    assert link(text, {"Lagos": "lagos", "Lagos Port": "lagos-port"}) == [(0, 5, "Lagos", "lagos")]


def test_aliases_match_case_exactly() -> None:
    text = "LAGOS, Monday. The lagos office said Lagos was calm."
    assert link(text, {"Lagos": "lagos"}) == [(37, 42, "Lagos", "lagos")]


def test_nothing_is_linked_without_aliases() -> None:
    assert link_mentions([article("a", PORT)], [sentences("a", PORT)], {}) == ()


def test_an_unbacked_word_found_in_one_article_is_linked_only_there() -> None:
    """`May` the model read once (Theresa May) is not the month written in another article."""
    first = "May met the envoys on Monday. May said talks went well."
    second = "The budget may slip until May, officials said."
    extractions = [
        sentences("a", first, Candidate(0, 3, "May", EntityType.PERSON)),
        sentences("b", second),
    ]
    mentions = link_mentions(
        [article("a", first), article("b", second)],
        extractions,
        {"May": "theresa-may"},
        {"May": frozenset({"a"})},
    )
    assert found(mentions) == [
        ("a", 0, 3, "May", "theresa-may", 0),
        ("a", 30, 33, "May", "theresa-may", 1),
    ]
