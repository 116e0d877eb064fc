"""Stage 3d, speakers: a quote's speaker phrase -> the entity it names or stands for, on
hand-built quotes.

Quotes, mentions and entities are written by hand, so a failure names the speaker rules, not
the quote extractor or the linking.
"""

from __future__ import annotations

import pytest

from generator.model import Article, Entity, EntityType, Mention, Metadata, Paragraph, Quote
from generator.resolve.speakers import resolve_speakers

ENTITIES = {
    entity.id: entity
    for entity in (
        Entity("miriam-okonkwo", "Miriam Okonkwo", EntityType.PERSON, ("Miriam Okonkwo", "Okonkwo")),
        Entity("tunde-adeyemi", "Tunde Adeyemi", EntityType.PERSON, ("Adeyemi",)),
        Entity("nigerian-ports-authority", "NPA", EntityType.ORGANIZATION, ("NPA",)),
        Entity("nigeria", "Nigeria", EntityType.PLACE, ("Nigeria",)),
        Entity("ghana", "Ghana", EntityType.PLACE, ("Ghana",)),
        Entity("dockers", "Dockers", EntityType.GROUP, ("Dockers",)),
        Entity("kemi-balogun", "Kemi Balogun", EntityType.PERSON, ("Kemi Balogun",)),
        Entity(
            "harbour-pilots-association",
            "Harbour Pilots Association",
            EntityType.ORGANIZATION,
            ("Harbour Pilots Association",),
        ),
        Entity(
            "ministry-of-transport",
            "Ministry of Transport",
            EntityType.ORGANIZATION,
            ("Ministry of Transport",),
        ),
    )
}
BY_ALIAS = {alias: entity.id for entity in ENTITIES.values() for alias in entity.aliases}


def article(text: str, article_id: str = "a") -> Article:
    return Article(article_id, f"seeds/{article_id}.txt", text, (Paragraph(0, len(text)),), Metadata())


def mentions(text: str, article_id: str = "a") -> list[Mention]:
    """Every alias in `text` (longest first where they overlap), as linking would find them."""
    found: list[Mention] = []
    for alias in sorted(BY_ALIAS, key=len, reverse=True):
        start = text.find(alias)
        while start != -1:
            end = start + len(alias)
            if not any(m.start < end and start < m.end for m in found):
                found.append(Mention(article_id, start, end, alias, BY_ALIAS[alias], 0))
            start = text.find(alias, end)
    return sorted(found, key=lambda m: m.start)


def quote(
    text: str,
    words: str,
    speaker: str | None,
    cue: str = "said after",
    article_id: str = "a",
    before: bool = False,
) -> Quote:
    """The quote `words` with the speaker phrase `speaker` after it (or, `before`, the last one
    before it)."""
    start = text.index(words)
    if speaker is None:
        return Quote(article_id, start, start + len(words), words, cue=cue)
    speaker_start = text.rindex(speaker, 0, start) if before else text.index(speaker, start + len(words))
    return Quote(
        article_id, start, start + len(words), words, speaker_start, speaker_start + len(speaker), cue
    )


def resolved(
    text: str, words: str, phrase: str | None, cue: str = "said after", before: bool = False
) -> Quote:
    (found,) = resolve_speakers(
        [article(text)], [quote(text, words, phrase, cue, before=before)], mentions(text), ENTITIES
    )
    return found


def speaker_of(text: str, words: str, phrase: str | None, cue: str = "said after") -> str | None:
    return resolved(text, words, phrase, cue).speaker


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ('"The terminal stays shut," Okonkwo said.', "Okonkwo", "miriam-okonkwo"),
        (
            '"The terminal stays shut," NPA chief Miriam Okonkwo said.',
            "NPA chief Miriam Okonkwo",
            "miriam-okonkwo",
        ),
        ('"The terminal stays shut," an NPA statement said.', "an NPA statement", "nigerian-ports-authority"),
        ('"The terminal stays shut," Okonkwo and Adeyemi said.', "Okonkwo and Adeyemi", "miriam-okonkwo"),
    ],
    ids=["person", "person before an organisation named first", "organisation", "first person"],
)
def test_a_phrase_names_its_person_before_its_organisation(text: str, phrase: str, expected: str) -> None:
    assert speaker_of(text, "The terminal stays shut", phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ('"We will not be rushed," Nigeria said.', "Nigeria", "nigeria"),
        ('"We will not be rushed," the Dockers said.', "the Dockers", "dockers"),
        ('"We will not be rushed," the Nigeria delegation said.', "the Nigeria delegation", None),
        ('"We will not be rushed," Dockers in Nigeria said.', "Dockers in Nigeria", None),
        ('"We will not be rushed," Nigeria and Ghana said.', "Nigeria and Ghana", "nigeria"),
        (
            '"We will not be rushed," the two countries, along with Ghana and Nigeria, said.',
            "the two countries, along with Ghana and Nigeria",
            "ghana",
        ),
        (
            '"We will not be rushed," an NPA official in Nigeria said.',
            "an NPA official in Nigeria",
            "nigerian-ports-authority",
        ),
    ],
    ids=[
        "place",
        "group with the",
        "place inside a phrase",
        "group and place",
        "places together",
        "countries along with places",
        "organisation wins",
    ],
)
def test_a_place_or_group_speaks_only_as_the_whole_phrase(
    text: str, phrase: str, expected: str | None
) -> None:
    assert speaker_of(text, "We will not be rushed", phrase) == expected


def test_a_phrase_naming_nobody_and_a_quote_without_a_phrase_stay_unattributed() -> None:
    text = '"Nobody warned us," a spokesman told Okonkwo. "We are tired."'
    quotes = [quote(text, "Nobody warned us", "a spokesman"), quote(text, "We are tired.", None, cue="")]
    resolved = resolve_speakers([article(text)], quotes, mentions(text), ENTITIES)
    assert [(q.text, q.speaker) for q in resolved] == [("Nobody warned us", None), ("We are tired.", None)]


def test_a_speaker_set_earlier_is_cleared_when_no_phrase_names_it() -> None:
    text = '"We are tired," Okonkwo said.'
    stale = Quote("a", 1, 13, "We are tired", speaker="miriam-okonkwo")
    (resolved,) = resolve_speakers([article(text)], [stale], mentions(text), ENTITIES)
    assert resolved.speaker is None


def test_a_name_reaching_past_the_phrase_or_unknown_to_the_entities_is_not_the_speaker() -> None:
    text = '"The cranes are idle," Miriam Okonkwo said.'
    # The phrase the extractor gave stops inside the name: `Miriam Okonkwo` is not in it.
    words = "The cranes are idle"
    start = text.index(words)
    phrase_start = text.index("Miriam")
    cut = Quote(
        "a", start, start + len(words), words, phrase_start, phrase_start + len("Miriam Okon"), "said after"
    )
    # A mention of an entity the corpus dropped (ignored in curation) names nobody.
    dropped = [Mention("a", phrase_start, phrase_start + 14, "Miriam Okonkwo", "ignored-entity", 0)]
    assert resolve_speakers([article(text)], [cut], mentions(text), ENTITIES)[0].speaker is None
    whole = quote(text, words, "Miriam Okonkwo")
    assert resolve_speakers([article(text)], [whole], dropped, ENTITIES)[0].speaker is None


def test_a_pronoun_stands_for_the_last_person_named_before_the_quote() -> None:
    text = (
        "Adeyemi met Okonkwo and the NPA board on Monday. "
        '"Adeyemi has misled the Dockers," she said. '
        '"Nothing has changed," he said.'
    )
    quotes = [
        quote(text, "Adeyemi has misled the Dockers", "she", cue="pronoun"),
        quote(text, "Nothing has changed", "he", cue="pronoun"),
    ]
    resolved = resolve_speakers([article(text)], quotes, mentions(text), ENTITIES)
    # "she": Okonkwo, skipping the NPA (no person) and Adeyemi named inside her own quote;
    # "he": Adeyemi, the last person named before it, inside the quote before.
    assert [q.speaker for q in resolved] == ["miriam-okonkwo", "tunde-adeyemi"]


def test_it_never_stands_for_a_person() -> None:
    text = 'The NPA board met Okonkwo on Monday. "Nothing has changed," it said.'
    speaker = speaker_of(text, "Nothing has changed", "it", cue="pronoun")
    assert speaker is None or ENTITIES[speaker].type is not EntityType.PERSON


def test_it_stands_for_the_last_organisation_named_before_it() -> None:
    text = 'The NPA met in Nigeria. "Nothing has changed," it said.'
    speaker = speaker_of(text, "Nothing has changed", "it", cue="pronoun")
    assert speaker is not None and ENTITIES[speaker].type is EntityType.ORGANIZATION
    assert ENTITIES[speaker].name == "NPA" or "NPA" in ENTITIES[speaker].aliases


def test_a_pronoun_with_no_person_before_it_stays_unattributed() -> None:
    text = 'The NPA met in Nigeria. "Nothing has changed," she said.'
    assert speaker_of(text, "Nothing has changed", "she", cue="pronoun") is None


def test_mentions_in_another_article_never_name_a_speaker() -> None:
    first = '"The terminal stays shut," she said.'
    second = "Okonkwo closed the terminal."
    quotes = [quote(first, "The terminal stays shut", "she", cue="pronoun", article_id="first")]
    resolved = resolve_speakers(
        [article(first, "first"), article(second, "second")], quotes, mentions(second, "second"), ENTITIES
    )
    assert [q.speaker for q in resolved] == [None]


@pytest.mark.parametrize(
    "phrase",
    ["in the 2016 election", "the election", "On Monday", "in Nigeria", "at the summit"],
)
def test_an_event_a_time_or_a_place_in_a_phrase_never_speaks(phrase: str) -> None:
    text = f'Okonkwo spoke. "The result was a farce," {phrase} said the NPA.'
    assert speaker_of(text, "The result was a farce", phrase) is None


def test_the_owner_of_someone_else_is_not_the_speaker() -> None:
    text = '"They lied to us," Okonkwo\'s nephew said. "Nobody came," Okonkwo\'s nephew Tunde Adeyemi said.'
    assert speaker_of(text, "They lied to us", "Okonkwo's nephew") is None
    assert speaker_of(text, "Nobody came", "Okonkwo's nephew Tunde Adeyemi") == "tunde-adeyemi"


def test_a_spokesperson_or_a_document_speaks_for_its_owner() -> None:
    text = '"The berths are ready," an NPA spokesman said. "Work resumes," the NPA\'s statement said.'
    assert speaker_of(text, "The berths are ready", "an NPA spokesman") == "nigerian-ports-authority"
    assert speaker_of(text, "Work resumes", "the NPA's statement") == "nigerian-ports-authority"


def test_a_role_stands_for_the_person_given_it_before_and_says_so_in_the_cue() -> None:
    text = (
        "Transport Minister Tunde Adeyemi opened the terminal, and NPA chief Miriam Okonkwo cut the ribbon. "
        '"The berths are ready," the minister said.'
    )
    found = resolved(text, "The berths are ready", "the minister")
    assert (found.speaker, found.cue) == ("tunde-adeyemi", "description")
    # a quote carried over keeps the cue that says so
    assert resolved(text, "The berths are ready", "the minister", cue="continued").cue == "continued"
    # an indefinite role is someone new: "a minister said"
    text = 'Adeyemi opened the terminal. "The berths are ready," a minister said.'
    assert speaker_of(text, "The berths are ready", "a minister") is None


def test_a_body_stands_for_the_organisation_named_with_its_noun() -> None:
    text = 'The Ministry of Transport met the NPA on Monday. "The berths are ready," the ministry said.'
    found = resolved(text, "The berths are ready", "the ministry")
    assert (found.speaker, found.cue) == ("ministry-of-transport", "description")
    text = (
        'The Ministry of Transport met the NPA on Monday. "The berths are ready," a spokesperson for the '
        "ministry said."
    )
    assert (
        speaker_of(text, "The berths are ready", "a spokesperson for the ministry") == "ministry-of-transport"
    )
    # a firm or a club: the organisation named last
    text = 'Okonkwo joined the NPA in May. "The berths are ready," the company said.'
    assert speaker_of(text, "The berths are ready", "the company") == "nigerian-ports-authority"


def test_a_document_stands_for_whoever_the_text_said_issued_it() -> None:
    text = (
        "The NPA's lawsuit, filed in May, names the Dockers. Okonkwo declined to comment. "
        'The cranes were "unsafe for years", the suit says.'
    )
    found = resolved(text, "unsafe for years", "the suit")
    assert (found.speaker, found.cue) == ("nigerian-ports-authority", "document")
    text = 'Okonkwo met the Dockers. A statement from the NPA followed. "Work resumes," the statement said.'
    assert speaker_of(text, "Work resumes", "the statement") == "nigerian-ports-authority"


def test_he_and_she_pass_over_people_whose_titles_say_otherwise() -> None:
    text = 'Adeyemi met Ms Okonkwo on Monday. "We agreed on nothing," he said.'
    assert speaker_of(text, "We agreed on nothing", "he", cue="pronoun") == "tunde-adeyemi"


def test_a_pronoun_prefers_the_person_the_text_just_had_speak() -> None:
    text = 'Okonkwo said the berths would reopen after talks with Adeyemi. "The queue is gone," she said.'
    assert speaker_of(text, "The queue is gone", "she", cue="pronoun") == "miriam-okonkwo"


def test_a_pronoun_carried_over_is_still_read_as_a_pronoun() -> None:
    text = 'Okonkwo opened the gates. "Come in," she said. "Sit down."'
    found = resolve_speakers(
        [article(text)],
        [
            quote(text, "Come in", "she", cue="pronoun"),
            quote(text, "Sit down.", "she", cue="same speaker", before=True),
        ],
        mentions(text),
        ENTITIES,
    )
    assert [(q.speaker, q.cue) for q in found] == [
        ("miriam-okonkwo", "pronoun"),
        ("miriam-okonkwo", "same speaker"),
    ]


def test_a_surname_left_unlinked_names_the_person_of_the_article() -> None:
    text = 'Kemi Balogun chairs the NPA board. "We are ready," said Balogun.'
    assert speaker_of(text, "We are ready", "Balogun") == "kemi-balogun"


def test_he_after_a_spokesperson_of_an_organisation_is_the_organisation() -> None:
    text = (
        'Adeyemi called for an inquiry. A Ministry of Transport spokesman said: "Checks are under way." '
        '"We will publish the results," he added.'
    )
    found = resolve_speakers(
        [article(text)],
        [
            quote(
                text, "Checks are under way.", "A Ministry of Transport spokesman", cue="colon", before=True
            ),
            quote(text, "We will publish the results", "he", cue="pronoun"),
        ],
        mentions(text),
        ENTITIES,
    )
    assert [q.speaker for q in found] == ["ministry-of-transport", "ministry-of-transport"]


def test_a_pronoun_after_a_quote_is_not_a_name_of_the_quotes_own_sentence() -> None:
    text = 'Adeyemi said the vote had been close. But Okonkwo had been "hurt" by the row, he added.'
    assert speaker_of(text, "hurt", "he", cue="pronoun") == "tunde-adeyemi"


def test_an_acronym_stands_for_the_organisation_it_abbreviates() -> None:
    text = 'The Harbour Pilots Association met on Monday. "No charges will follow," said an HPA statement.'
    assert speaker_of(text, "No charges will follow", "an HPA statement") == "harbour-pilots-association"


def test_a_name_saying_where_or_whose_a_role_is_is_not_the_speaker() -> None:
    # `Okonkwo Creek` is a place; linking took its first word for the person Okonkwo
    text = 'Kemi Balogun called the closure a mistake. "Jobs will go," the MP for Okonkwo Creek said.'
    assert speaker_of(text, "Jobs will go", "the MP for Okonkwo Creek") == "kemi-balogun"


def test_an_unnamed_person_in_the_opening_paragraph_is_the_one_the_next_paragraph_names() -> None:
    text = (
        'The NPA has been "far too slow" to clear the berths, a veteran captain has said.\n\n'
        "Tunde Adeyemi said the queue had grown all week."
    )
    assert speaker_of(text, "far too slow", "a veteran captain") == "tunde-adeyemi"
    # further on, an unnamed person is no one named, and never the organisation in the phrase
    later = f"Okonkwo spoke first.\n\n{text}"
    assert speaker_of(later, "far too slow", "a veteran captain") is None
    assert speaker_of('"Too slow," said an NPA captain.', "Too slow", "an NPA captain") is None


def test_they_after_a_group_that_spoke_is_the_group() -> None:
    text = (
        '"The queue must be cleared," the Dockers said. The berths should reopen by May, they said, '
        'and a "new schedule" was needed.'
    )
    found = resolve_speakers(
        [article(text)],
        [
            quote(text, "The queue must be cleared", "the Dockers"),
            quote(text, "new schedule", "they", cue="pronoun", before=True),
        ],
        mentions(text),
        ENTITIES,
    )
    assert [q.speaker for q in found] == ["dockers", "dockers"]
    # a person named in between is the one `they` stands for, as before
    text = '"Stop," the Dockers said. Adeyemi walked out. "The queue is gone," they said.'
    found = resolve_speakers(
        [article(text)],
        [quote(text, "Stop", "the Dockers"), quote(text, "The queue is gone", "they", cue="pronoun")],
        mentions(text),
        ENTITIES,
    )
    assert [q.speaker for q in found] == ["dockers", "tunde-adeyemi"]


def test_a_document_owned_by_a_body_speaks_for_the_organisation_named_with_its_noun() -> None:
    text = 'The Ministry of Transport met the NPA. "The berths stay shut," the ministry\'s ruling said.'
    assert speaker_of(text, "The berths stay shut", "the ministry's ruling") == "ministry-of-transport"


def test_our_correspondent_is_the_correspondent_named_before() -> None:
    text = (
        'Port correspondent Kemi Balogun said the talks were "close". "The deal may come by Friday," '
        "our correspondent said."
    )
    assert speaker_of(text, "The deal may come by Friday", "our correspondent") == "kemi-balogun"
