"""Quotes: the words articles put in quotation marks, and the phrase naming who said them.

The sample articles run through the real loader and the real sentence splitter (spaCy); the
hand-written paragraphs cover one way of attributing a quote each, with invented names.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract.quotes import extract_quotes
from generator.extract.runner import extract_articles
from generator.load.seeds import load_articles
from generator.model import Article, Metadata, Paragraph, Quote

REPO = Path(__file__).resolve().parent.parent
CUES = {
    "",
    "said after",
    "said before",
    "colon",
    "according to",
    "subject",
    "pronoun",
    "same speaker",
    "continued",
    "earlier",
}
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]*\s+(?=[\"“‘]?[A-Z])")
_NOT_SENTENCE_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Inc)|\b[A-Z])\.$")

Found = tuple[str, str | None, str]


def split_sentences(text: str, paragraphs: tuple[Paragraph, ...]) -> list[tuple[int, int]]:
    """A plain splitter: a full stop and a capital, never across a paragraph."""
    spans = []
    for paragraph in paragraphs:
        start = paragraph.start
        for match in _SENTENCE_BREAK.finditer(text, paragraph.start, paragraph.end):
            if _NOT_SENTENCE_END.search(text, start, match.start() + 1):
                continue
            spans.append((start, match.end() - len(match.group()) + len(match.group().rstrip())))
            start = match.end()
        spans.append((start, paragraph.end))
    return spans


def make_article(*paragraphs: str) -> Article:
    text = "\n\n".join(paragraphs)
    spans = []
    start = 0
    for paragraph in paragraphs:
        spans.append(Paragraph(start, start + len(paragraph)))
        start += len(paragraph) + 2
    return Article("hand", "seeds/hand.txt", text, tuple(spans), Metadata())


def described(article: Article, quotes: tuple[Quote, ...]) -> list[Found]:
    """(quoted words, speaker phrase, cue) for each quote."""
    return [
        (
            quote.text,
            article.text[quote.speaker_start : quote.speaker_end]
            if quote.speaker_start is not None
            else None,
            quote.cue,
        )
        for quote in quotes
    ]


def found_in(*paragraphs: str) -> list[Found]:
    article = make_article(*paragraphs)
    return described(article, extract_quotes(article, split_sentences(article.text, article.paragraphs)))


# -- the sample articles --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def samples() -> dict[str, tuple[Article, tuple[Quote, ...]]]:
    loaded = load_articles(REPO / "seeds", REPO)
    extractions, _ = extract_articles(loaded.articles, write_cache=False)
    return {
        article.id[:3]: (article, extract_quotes(article, extraction.sentences))
        for article, extraction in zip(loaded.articles, extractions, strict=True)
    }


def found_in_sample(samples: dict[str, tuple[Article, tuple[Quote, ...]]], prefix: str) -> list[Found]:
    """Like `described`, the quoted words cut to 40 characters."""
    article, quotes = samples[prefix]
    return [(text[:40], speaker, cue) for text, speaker, cue in described(article, quotes)]


def test_article_without_quotation_marks_has_no_quotes(samples: dict) -> None:
    assert samples["000"][1] == ()


def test_quotes_in_sample_001(samples: dict) -> None:
    assert found_in_sample(samples, "001") == [
        ("remaining terrorist groups", None, ""),
        # named in the sentence before: `Al-Sarraj was keen to stress his view ... . “We ...”`
        ("We will not give up our principles and p", "Al-Sarraj", "earlier"),
        # the next paragraph names no one else and has no speech verb: the same voice
        ("the unification of institutions and the ", "Al-Sarraj", "continued"),
        # `In a phone call, Trump “recognised ...”`: the quote is what Trump did
        ("recognised Field Marshal Haftar’s signif", "Trump", "subject"),
        ("all relations between the ministry and t", None, ""),
        ("If the war persists", "former Italian Interior Minister Marco Minitti", "said after"),
        (
            "all those fleeing the clashes will turn ",
            "former Italian Interior Minister Marco Minitti",
            "said before",
        ),
    ]


def test_quotes_in_sample_002(samples: dict) -> None:
    assert found_in_sample(samples, "002") == [
        ("Heavy fighting raged in the Libyan capit", "Reuters", "said before"),
        ("the CIA's man in Libya", None, ""),
        ("recognized Field Marshal Haftar’s signif", "A White House statement", "said before"),
        ("renegade", None, ""),
        ("Partition of Libya is maybe what our adv", "Haftar", "said after"),
        ("liberation", None, ""),
        ("ongoing counterterrorism efforts", None, ""),
        ("peace and stability in Libya.", None, ""),
    ]


def test_quote_opened_curly_and_closed_straight_is_one_quote(samples: dict) -> None:
    article, quotes = samples["002"]
    quote = next(q for q in quotes if q.text.startswith("recognized"))
    assert quote.text == (
        "recognized Field Marshal Haftar’s significant role in fighting terrorism "
        "and securing Libya’s oil resources"
    )
    assert article.text[quote.start - 1] == "“" and article.text[quote.end] == '"'
    assert quote.text == article.text[quote.start : quote.end]


def test_quotes_in_sample_003(samples: dict) -> None:
    assert found_in_sample(samples, "003") == [
        (
            "The U.S. delegation, representing a numb",
            "the White House and the U.S. State Department",
            "colon",
        ),
        ("a serious crisis because of negative for", "Faiez Mustafa Sarraj", "said before"),
        ("It is no exaggeration to say that the st", "Sarraj", "colon"),
        ("desperate.", "He", "pronoun"),
        ("militarize the country and to block our ", "The Libyan president", "said before"),
        ("international silence.", "Sarraj", "said before"),
    ]


def test_quotes_in_sample_004(samples: dict) -> None:
    assert found_in_sample(samples, "004") == [
        ("heavy heart", None, ""),
        ("I still hope it is possible to avoid a b", "Guterres", "said after"),
        ("The UN is committed to facilitating a po", "Guterres", "said after"),
        ("war", None, ""),
        (
            "military posturing and threats of unilat",
            "The two countries, along with the UK, Italy and the United States",
            "said before",
        ),
        (
            "deeply concerned by the military build-u",
            "Maja Kocijancic, a spokeswoman for the European Commission",
            "said before",
        ),
        (
            "to avoid actions that would lead to the ",
            "Dmitry Peskov, a spokesman for President Vladimir Putin",
            "said before",
        ),
    ]


def test_quoted_words_are_inside_the_marks_without_the_trailing_comma(samples: dict) -> None:
    article, quotes = samples["004"]
    hope = quotes[1]
    assert hope.text == "I still hope it is possible to avoid a bloody confrontation in and around Tripoli"
    assert article.text[hope.end : hope.end + 2] == ",”"
    assert hope.speaker is None  # entity ids are resolved later


# -- speakers, one pattern at a time --------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("“We will rebuild,” Moreau said.", ("We will rebuild", "Moreau", "said after")),
        ("“We will rebuild,” said Moreau.", ("We will rebuild", "Moreau", "said after")),
        (
            "“We will rebuild,” Moreau wrote on Twitter after the vote.",
            ("We will rebuild", "Moreau", "said after"),
        ),
        (
            '"There is no deal", a spokesman for the port authority told reporters.',
            ("There is no deal", "a spokesman for the port authority", "said after"),
        ),
        ("“Is it over?” asked Ms. Okafor, the committee chair.", ("Is it over?", "Ms. Okafor", "said after")),
        (
            "“We tried,” Moreau, who chaired the talks, said.",
            ("We tried", "Moreau, who chaired the talks", "said after"),
        ),
        ("“No comment,” the reports said.", ("No comment", "the reports", "said after")),
        ("Moreau said: “We will rebuild.”", ("We will rebuild.", "Moreau", "colon")),
        ("Okafor commented: “It is too early.”", ("It is too early.", "Okafor", "colon")),
        (
            "Last week, in a joint letter, the mayor and the port authority said the following: “We object.”",
            ("We object.", "the mayor and the port authority", "colon"),
        ),
        (
            "A council statement said Moreau “welcomed the decision” on Monday.",
            ("welcomed the decision", "A council statement", "said before"),
        ),
        (
            "Lena Ortiz, a spokeswoman for the city council, said the plan is “deeply flawed”.",
            ("deeply flawed", "Lena Ortiz, a spokeswoman for the city council", "said before"),
        ),
        (
            "Ivan Petrov, a spokesman for the governor, denied any link to the firm and stressed "
            "the need “to wait for the audit”",
            ("to wait for the audit", "Ivan Petrov, a spokesman for the governor", "said before"),
        ),
        (
            "At the annual meeting in Oslo on 3 May, the chair of the board of the national oil fund, "
            "Kari Lund said the market was “volatile”.",
            ("volatile", "the chair of the board of the national oil fund, Kari Lund", "said before"),
        ),
        (
            'The Tribune reports, "Floods closed the bridge on Sunday."',
            ("Floods closed the bridge on Sunday.", "The Tribune", "said before"),
        ),
        ("In the meantime, Okafor has labeled the response “weak”.", ("weak", "Okafor", "said before")),
        (
            "Officials said on Monday that Moreau told staff “it is over”.",
            ("it is over", "Moreau", "said before"),
        ),
        ("The plan, which Moreau called “a disaster”, failed.", ("a disaster", "Moreau", "said before")),
        ("The minister, who said the deal was “dead”, left.", ("dead", "The minister", "said before")),
        (
            "Officials, who spoke on condition of anonymity because the talks are secret, "
            "said they had “stalled”.",
            ("stalled", "Officials", "said before"),
        ),
        (
            "The report, written by two auditors, said the accounts were “unreliable”.",
            ("unreliable", "The report, written by two auditors", "said before"),
        ),
        (
            "According to the ministry, “the talks failed.”",
            ("the talks failed.", "the ministry", "according to"),
        ),
        (
            "“The talks failed,” according to a ministry statement.",
            ("The talks failed", "a ministry statement", "according to"),
        ),
        ("The rebels prepared for “war”, according to local media.", ("war", "local media", "according to")),
        (
            "The mayor “strongly condemns” the attack, her office said.",
            ("strongly condemns", "her office", "said after"),
        ),
        ("“We will win,” he said.", ("We will win", "he", "pronoun")),
        ('"I don\'t know," she says.', ("I don't know", "she", "pronoun")),
        ("She also described the offer as “insulting”.", ("insulting", "She", "pronoun")),
        ("They were told “go home” by the police.", ("go home", None, "")),
        ("He has long been described as “the kingmaker”.", ("the kingmaker", None, "")),
        ("The crowd chanted “freedom” all night.", ("freedom", None, "")),
        ('"We won" said Okafor.', ("We won", "Okafor", "said after")),
        ('The "rebels" said the attack failed.', ("rebels", None, "")),
        ('The so-called "rebels" called for a truce.', ("rebels", None, "")),
    ],
)
def test_speaker_of_a_quote(paragraph: str, expected: Found) -> None:
    assert found_in(paragraph) == [expected]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # an opening phrase of time or place, written without its comma, is not the subject
        (
            "In his speech the senator said the plan was “dead”.",
            [("dead", "the senator", "said before")],
        ),
        ("On the tsunami he said it had been “very heartening”.", [("very heartening", "he", "pronoun")]),
        ("Commenting on the films, he added: “It was hard.”", [("It was hard.", "he", "pronoun")]),
        # a description before the pronoun describes it
        ("A finalist last year, she added: “I am ready.”", [("I am ready.", "she", "pronoun")]),
        # nested attribution: the one quoted speaks; who relays it is not the speaker
        (
            "The Courier quoted the mayor, Ana Ruiz, as saying “we are out of tents”.",
            [("we are out of tents", "the mayor, Ana Ruiz", "said before")],
        ),
        (
            "“It is a gamble,” said one analyst quoted by the Tribune.",
            [("It is a gamble", "one analyst", "said after")],
        ),
        (
            "“The road is shut,” the Tribune said, quoting a police source.",
            [("The road is shut", "the Tribune", "said after")],
        ),
        ("“We are ready,” he was quoted as saying.", [("We are ready", "he", "pronoun")]),
        (
            "“We are ready,” Moreau was quoted by the Tribune as saying.",
            [("We are ready", "Moreau", "said after")],
        ),
        # of two people, the one the verb belongs to
        (
            "Moreau posted a video of his niece Ana Ruiz, who wrote the camp was “no place for children”.",
            [("no place for children", "Ana Ruiz", "said before")],
        ),
        (
            "“We will appeal,” said the firm's chief executive, Ana Ruiz.",
            [("We will appeal", "the firm's chief executive, Ana Ruiz", "said after")],
        ),
        # the quote is what the name before it did
        (
            "In a phone call, Moreau “welcomed the decision and promised more aid.”",
            [("welcomed the decision and promised more aid.", "Moreau", "subject")],
        ),
        ("The talks with Moreau “stalled” on Monday.", [("stalled", None, "")]),
        # a verb after a closed quote that introduces what follows is not its attribution
        (
            "“How can anyone define it?” Tory MP Ana Ruiz said that the law was “badly drafted”.",
            [("How can anyone define it?", None, ""), ("badly drafted", "Tory MP Ana Ruiz", "said before")],
        ),
        (
            "“It is over.” Ana Ruiz said: “We will appeal.”",
            [("It is over.", None, ""), ("We will appeal.", "Ana Ruiz", "colon")],
        ),
        # both quotes of a subject joined by `and`
        (
            "Moreau called it a “farce” and the ruling “an insult to every family”.",
            [("farce", "Moreau", "said before"), ("an insult to every family", "Moreau", "same speaker")],
        ),
        # someone else acts between: not the same voice
        (
            "Moreau said: “We won.” The crowd chanted “freedom” all night.",
            [("We won.", "Moreau", "colon"), ("freedom", None, "")],
        ),
    ],
)
def test_speaker_of_a_quote_with_two_candidates(paragraph: str, expected: list[Found]) -> None:
    assert found_in(paragraph) == expected


def test_quotes_whose_closing_marks_the_text_leaves_out_keep_their_speaker() -> None:
    # the BBC's style: each quoted sentence reopens the quote without closing the one before
    # (run into one paragraph): each sentence is a quote of its own, and the same voice
    found = found_in('He said: "I think we were all affected. "We all know someone. "I\'m lucky to be here."')
    assert [text for text, _, _ in found] == [
        "I think we were all affected.",
        "We all know someone.",
        "I'm lucky to be here.",
    ]
    assert [speaker for _, speaker, _ in found] == ["He", "He", "He"]
    found = found_in(
        '"On the positive side sales are booming," said John Kennedy. "However, piracy hurts. '
        '"The priority is digital sales."'
    )
    assert [text for text, _, _ in found] == [
        "On the positive side sales are booming",
        "However, piracy hurts.",
        "The priority is digital sales.",
    ]
    assert [speaker for _, speaker, _ in found] == ["John Kennedy"] * 3


def test_a_partial_quote_after_a_quote_with_no_one_else_named_is_the_same_voice() -> None:
    assert found_in(
        "Moreau said: “We won.”", "Much effort was put into a dialogue to bring “a lasting peace”."
    ) == [
        ("We won.", "Moreau", "colon"),
        ("a lasting peace", "Moreau", "continued"),
    ]


def test_quote_interrupted_by_its_attribution() -> None:
    assert found_in(
        "“If the river rises,” warns the regional engineer Tom Hale, “the dam will not hold.”"
    ) == [
        ("If the river rises", "the regional engineer Tom Hale", "said after"),
        ("the dam will not hold.", "the regional engineer Tom Hale", "said before"),
    ]


def test_long_subject_keeps_its_last_chunk() -> None:
    ((_, speaker, _),) = found_in(
        "Speaking at a fundraiser, the long-serving deputy chair of the regional transport and planning "
        "committee of the northern provinces, Ana Ruiz said it was “unaffordable”."
    )
    assert speaker == "Ana Ruiz"


def test_long_subject_opening_with_a_name_keeps_the_name() -> None:
    ((_, speaker, _),) = found_in(
        "Lena Varga, regional coordinator for the northern river and coastal fisheries protection "
        "league, said the quotas were “a quiet scandal”."
    )
    assert speaker == "Lena Varga"
    # in a list, the name the verb follows speaks
    ((_, speaker, _),) = found_in(
        "After beating Ana Ruiz, Tom Hale, Ines Marquez and Piet Kramer to the best newcomer prize, "
        "Lena Varga said she was “lost for words”."
    )
    assert speaker == "Lena Varga"


def test_a_name_and_a_colon_with_no_verb_introduce_a_quote() -> None:
    # match previews list who speaks as `- Team boss Name: "..."`, each quoted sentence reopened
    found = found_in(
        '- Harbourside boss Ines Marquez: "We are ready for them. "The crowd will carry us."\n'
        ' - Millbrook boss Tom Reyes: "We will be tired."'
    )
    assert [(text, speaker) for text, speaker, _ in found] == [
        ("We are ready for them.", "Harbourside boss Ines Marquez"),
        ("The crowd will carry us.", "Harbourside boss Ines Marquez"),
        ("We will be tired.", "Millbrook boss Tom Reyes"),
    ]
    assert found[0][2] == "colon"
    assert found_in('Said Mr Osei: "It is a computer."') == [("It is a computer.", "Mr Osei", "colon")]
    # a sentence that says something is not a label
    assert found_in('The message was clear: "Go home."') == [("Go home.", None, "")]


def test_a_quote_ending_its_sentence_is_not_given_to_the_next_sentences_subject() -> None:
    found = found_in(
        'He told reporters: "We made hard work of it. "I had two chances to win but missed." '
        "Winger Piet Kramer praised the defence but admitted the side had been lucky."
    )
    assert [speaker for _, speaker, _ in found] == ["He", "He"]
    assert found_in('"We deserved to win." Kramer admitted there had been scuffles before the game.') == [
        ("We deserved to win.", None, "")
    ]
    # a short attribution closing the sentence still names the speaker
    assert found_in('"We deserved to win." Kramer said on Saturday.') == [
        ("We deserved to win.", "Kramer", "said after")
    ]


def test_a_sentence_ending_with_a_titled_name_introduces_the_quote_after_it() -> None:
    assert found_in(
        "The method grew out of lab work done by the firm's chief scientist Dr Ana Ruiz. "
        "“We trick the ear into hearing depth.”"
    ) == [("We trick the ear into hearing depth.", "Dr Ana Ruiz", "earlier")]


def test_the_voice_resumes_after_one_sentence_of_plain_fact() -> None:
    found = found_in(
        "“It uses a tenth of the battery,” explained Mr Osei. The company is now looking to the US and "
        "European markets, where it works with network Telvia. “We started at home first.”"
    )
    assert [(speaker, cue) for _, speaker, cue in found] == [
        ("Mr Osei", "said after"),
        ("Mr Osei", "continued"),
    ]
    # someone acting in between may be the next voice
    assert found_in("“We are ready,” said Mr Osei. The union rejected the offer. “It is too late.”")[1] == (
        "It is too late.",
        None,
        "",
    )


def test_reported_speech_goes_on_in_the_next_sentence() -> None:
    assert found_in(
        "A harbour spokesman said there were 40 boats in the fleet. They came from many ports but with a "
        "shared pride in the “oldest fishing tradition on the coast”."
    ) == [("oldest fishing tradition on the coast", "A harbour spokesman", "earlier")]


def test_a_view_or_a_verb_of_several_words_attributes_a_quote_in_its_sentence() -> None:
    assert found_in("Varga believes the band could be “the next great export of the city”.") == [
        ("the next great export of the city", "Varga", "said before")
    ]
    assert found_in(
        "He pointed out that two local bands - “the best of the decade” - were signed to small labels."
    ) == [("the best of the decade", "He", "pronoun")]


def test_quotes_in_the_sentence_an_attribution_opens_share_its_speaker() -> None:
    assert found_in(
        "The mayor said Governor Jo Lind had been “trying very hard” to win voters back through a "
        "“campaign of plain talk” this spring."
    ) == [
        ("trying very hard", "The mayor", "said before"),
        ("campaign of plain talk", "The mayor", "same speaker"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # the subject ends before the first verb when a second verb speaks
        (
            "A union spokesman played down the row with Mr Osei and said the strike was “going ahead”.",
            ("going ahead", "A union spokesman", "said before"),
        ),
        (
            "But she rejected the council's call for a cap, saying no “arbitrary number” would work.",
            ("arbitrary number", "she", "pronoun"),
        ),
        # a new clause after `but` has its own subject
        (
            "Customs claimed Mr Lund led the ring but his lawyer, Ana Ruiz, told the paper: “It is absurd.”",
            ("It is absurd.", "his lawyer, Ana Ruiz", "colon"),
        ),
        # an adverb opening the sentence without a comma is not a time or place
        (
            "Meanwhile Mark Osei, the party's transport spokesman, said: “This is a worrying step.”",
            ("This is a worrying step.", "Mark Osei, the party's transport spokesman", "colon"),
        ),
        # a verb going on is not a passive one
        (
            "And on Thursday Mr Osei is saying: “I want to talk about prosperity.”",
            ("I want to talk about prosperity.", "Mr Osei", "colon"),
        ),
        # an opening clause without its comma, then the pronoun that is the subject
        (
            "Asked if he would back the merger he told the paper: “Not at any price.”",
            ("Not at any price.", "he", "pronoun"),
        ),
        # the one heard or shown speaking is the subject, not the words before
        (
            "Later, off air, Mr Osei was heard saying he was tired of “defending reckless schemes”.",
            ("defending reckless schemes", "Mr Osei", "said before"),
        ),
    ],
)
def test_the_subject_of_a_second_verb_or_a_participle(paragraph: str, expected: Found) -> None:
    assert found_in(paragraph) == [expected]


def test_more_speech_verbs_and_adverbs_after_the_subject() -> None:
    assert found_in("The union asserts that Mr Osei “has a duty to resign”.") == [
        ("has a duty to resign", "The union", "said before")
    ]
    assert found_in("Mr Osei meanwhile told the paper: “I will stay.”") == [
        ("I will stay.", "Mr Osei", "colon")
    ]


def test_quotes_of_one_sentence_share_the_attribution_closing_it() -> None:
    assert found_in(
        "“We should find a way to protect savers” without turning the market into “a trap”, she said."
    ) == [
        ("We should find a way to protect savers", "she", "same speaker"),
        ("a trap", "she", "pronoun"),
    ]


def test_quote_after_an_attributed_quote_has_the_same_speaker() -> None:
    assert found_in("“We will rebuild,” Moreau told reporters on Friday. “The school opens in May.”") == [
        ("We will rebuild", "Moreau", "said after"),
        ("The school opens in May.", "Moreau", "same speaker"),
    ]
    assert found_in("“It is over,” he said. “Go home.”") == [
        ("It is over", "he", "pronoun"),
        ("Go home.", "he", "same speaker"),
    ]


def test_second_quote_of_the_same_subject_has_the_same_speaker() -> None:
    assert found_in("Moreau called the ruling “absurd” and said she would “fight it”.") == [
        ("absurd", "Moreau", "said before"),
        ("fight it", "Moreau", "same speaker"),
    ]


def test_listed_scare_quotes_share_a_speaker() -> None:
    assert found_in("Moreau called for “calm”, “patience” and “unity”.") == [
        ("calm", "Moreau", "said before"),
        ("patience", "Moreau", "same speaker"),
        ("unity", "Moreau", "same speaker"),
    ]


def test_unrelated_quotes_do_not_share_a_speaker() -> None:
    assert found_in(
        "Moreau said the plan was “final” before a long night of talks with the “rebel” mayors."
    ) == [
        ("final", "Moreau", "said before"),
        ("rebel", None, ""),
    ]


def test_a_quote_of_its_own_is_introduced_by_the_sentence_before() -> None:
    assert found_in("Moreau said:", "“The plan is final.”") == [("The plan is final.", "Moreau", "colon")]
    assert found_in("Moreau told the council on Monday the plan would go ahead. “It is final.”") == [
        ("It is final.", "Moreau", "earlier")
    ]


def test_a_sentence_with_a_view_or_plainly_naming_its_subject_introduces_the_quote_after_it() -> None:
    assert found_in("Moreau believes the plan will fail. “It cannot work.”") == [
        ("It cannot work.", "Moreau", "earlier")
    ]
    assert found_in("Mr Moreau is confident about the harvest. “The rain came just in time.”") == [
        ("The rain came just in time.", "Mr Moreau", "earlier")
    ]
    assert found_in("She is confident about the harvest. “The rain came just in time.”") == [
        ("The rain came just in time.", "She", "earlier")
    ]


def test_a_sentence_without_a_speech_verb_or_saying_nothing_introduces_no_one() -> None:
    assert found_in("Moreau said nothing. “The plan is final.”") == [("The plan is final.", None, "")]
    assert found_in("Moreau declined to say more. “The plan is final.”") == [("The plan is final.", None, "")]
    assert found_in("Moreau left the hall early. “The plan is final.”") == [("The plan is final.", None, "")]
    # a partial quote is introduced by nothing before its own sentence
    assert found_in("Moreau told the council about the plan. Its cost was “final”.") == [("final", None, "")]


# -- quotation marks ------------------------------------------------------------------------------


def test_straight_curly_and_mixed_pairs() -> None:
    assert [text for text, _, _ in found_in('A "straight" one, a “curly” one and a “mixed" one.')] == [
        "straight",
        "curly",
        "mixed",
    ]


def test_single_quotes_nested_in_a_double_quote_stay_in_it() -> None:
    assert found_in("“They told us ‘leave now’ and we left,” Okafor said.") == [
        ("They told us ‘leave now’ and we left", "Okafor", "said after")
    ]


def test_apostrophes_are_not_quotation_marks() -> None:
    assert found_in("Moreau’s plan isn’t new: the ’90s saw rock ‘n’ roll and the workers’ strike.") == []
    assert found_in("He said it’s “Moreau’s plan”.") == [("Moreau’s plan", "He", "pronoun")]


def test_single_quotes_as_the_main_quotation_marks() -> None:
    assert found_in("‘We will win,’ the minister said. Police called it a ‘terrorist attack’.") == [
        ("We will win", "the minister", "said after"),
        ("terrorist attack", "Police", "said before"),
    ]


def test_a_stray_opening_single_mark_does_not_hide_double_quotes() -> None:
    assert found_in("Fans of ‘em say “it is loud,” Moreau said.") == [("it is loud", "Moreau", "said after")]


def test_a_quote_may_span_sentences_but_not_paragraphs() -> None:
    assert found_in("“We waited. Nobody came,” Okafor said.") == [
        ("We waited. Nobody came", "Okafor", "said after")
    ]
    article = make_article("“One”", "two”")
    assert [q.text for q in extract_quotes(article, [])] == ["One"]


def test_quote_left_open_runs_to_the_paragraph_end_and_continues_in_the_next() -> None:
    assert found_in(
        "“We will build the bridge. It will take years.",
        "“We will not give up,” Moreau said.",
    ) == [
        ("We will build the bridge. It will take years.", "Moreau", "continued"),
        ("We will not give up", "Moreau", "said after"),
    ]
    assert found_in("Moreau said: “We will build the bridge.", "“It will take years.”") == [
        ("We will build the bridge.", "Moreau", "colon"),
        ("It will take years.", "Moreau", "continued"),
    ]


def test_a_quote_of_its_own_in_the_next_paragraph_continues_the_last_one() -> None:
    assert found_in("“Go,” he said.", "“Now.”") == [("Go", "he", "pronoun"), ("Now.", "he", "continued")]
    # something else happens between: not continued
    assert found_in("“Go,” he said. Okafor left the room.", "“Now.”") == [
        ("Go", "he", "pronoun"),
        ("Now.", None, ""),
    ]
    # someone else holds a view between: theirs
    assert found_in("“Go,” he said. Okafor disagreed.", "“Now.”") == [
        ("Go", "he", "pronoun"),
        ("Now.", "Okafor", "earlier"),
    ]


def test_an_opening_mark_inside_an_open_quote_drops_the_unclosed_one() -> None:
    assert found_in("“We will fight, he said. “We will win,” Moreau added.") == [
        ("We will win", "Moreau", "said after")
    ]


def test_marks_that_are_not_quotes() -> None:
    assert found_in('A 12" screen and a 5\'10" player.') == []
    assert found_in('“” and “ , ” and "" and “...”') == []


# -- any input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", '"', "“", "”", "‘", "’", '"""', "“”“”", "\n\n", " “ ", "said: “", "“a", "according to"]
)
def test_odd_input(text: str) -> None:
    article = Article("odd", "seeds/odd.txt", text, (Paragraph(0, len(text)),) if text else (), Metadata())
    quotes = extract_quotes(article, [(0, len(text))])
    assert [q.text for q in quotes] == (["a"] if text == "“a" else [])


def test_article_without_paragraphs_or_with_bad_sentences() -> None:
    text = "“We will win,” Moreau said."
    for paragraphs in ((), (Paragraph(-5, 9999),), (Paragraph(0, 10), Paragraph(5, len(text)))):
        article = Article("odd", "seeds/odd.txt", text, paragraphs, Metadata())
        for sentences in ([], [(-1, 3), (20, 5), (0, 9999)], [(0, 5), (0, len(text)), (3, 4)]):
            found = described(article, extract_quotes(article, sentences))
            assert all(q.startswith(("We will win", "We")) for q, _, _ in found)


def test_a_megabyte_of_repeated_paragraphs_gives_each_quote_once_per_copy(samples: dict) -> None:
    article, _ = samples["004"]
    paragraphs = [article.text[p.start : p.end] for p in article.paragraphs] * 500
    big = make_article(*paragraphs)
    assert len(big.text) > 1_000_000
    quotes = extract_quotes(big, split_sentences(big.text, big.paragraphs))
    assert len(quotes) == 500 * len(samples["004"][1])
    one_paragraph = Article("big", "seeds/big.txt", big.text.replace("\n", " "), (), Metadata())
    assert len(extract_quotes(one_paragraph, [])) > 0


FRAGMENTS = [
    '"', "“", "”", "‘", "’", "'", "„", " ", ", ", ". ", ": ", "; ", "! ", "? ", "\n", "\n\n", "—", "(",
    "said", "says", "told", "he", "she", "it", "Moreau", "Mr.", "U.S.", "the", "and", "who", "that",
    "according to", "reports", "was", "also", "Okafor’s", "a spokeswoman for the council", "...", "…",
]  # fmt: skip
texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(st.characters(exclude_categories=("Cs",)), max_size=12)),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, spans=st.lists(st.tuples(st.integers(-5, 300), st.integers(-5, 300)), max_size=8))
def test_any_text_gives_consistent_quotes(text: str, spans: list[tuple[int, int]]) -> None:
    article = make_article(*text.split("\n\n"))
    for sentences in (split_sentences(article.text, article.paragraphs), spans):
        quotes = extract_quotes(article, sentences)
        previous_end = 0
        for quote in quotes:
            assert quote.article == "hand"
            assert 0 <= previous_end <= quote.start < quote.end <= len(article.text)
            assert quote.text == article.text[quote.start : quote.end]
            assert quote.text == quote.text.strip() and any(ch.isalnum() for ch in quote.text)
            assert any(p.start <= quote.start and quote.end <= p.end for p in article.paragraphs)
            assert quote.cue in CUES and quote.speaker is None
            if quote.speaker_start is None:
                assert quote.speaker_end is None and quote.cue == ""
            else:
                assert quote.speaker_end is not None and quote.cue
                assert 0 <= quote.speaker_start < quote.speaker_end <= len(article.text)
                assert quote.speaker_end <= quote.start or quote.speaker_start >= quote.end
                speaker = article.text[quote.speaker_start : quote.speaker_end]
                assert speaker == speaker.strip()
            previous_end = quote.end
