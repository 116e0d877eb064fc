"""Speakers carried across sentences: a quote whose own sentence names nobody takes the speaker
of the quote it continues, or the subject of the sentence that introduces it.

Runs after `attribution.py` searched each quote's sentence. News writes a speaker once and lets
the following quotes run on: `“A,” Smith said.` then `“B.”` in the next paragraph; or introduces
them first: `Smith called it a political trial.` then `“They want her silenced.”`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from generator.extract.attribution import MAX_WINDOW, Found, introduction
from generator.extract.marks import DOUBLE_MARKS, Marked
from generator.extract.speech import (
    BE,
    CONJUNCTIONS,
    DETERMINERS,
    SENTENCE_ENDS,
    SPEECH_VERBS,
    SUBJECT_START_STOP,
    Token,
    count_words,
    first_sentence,
    has_words,
    is_adverb,
    is_verb,
    is_view_verb,
    is_word,
    last_sentence,
    tokenize,
)

_ADDRESSED = frozenset("tell tells told telling ask asks asked".split())
"""Speech verbs whose object is who was addressed, not what was said."""
_REFERRING = frozenset("they it he she this these those".split())
"""Open a sentence that goes on about what the sentence before reported."""
_SHARED_WORDS = 15
"""Words between two quotes of one sentence that share the attribution after the second."""
_REPORTED_WORDS = 3
"""Words a quote needs to be taken for the reported speaker's, not a label of the writer's."""
_NOT_ACTIVE = BE | {"has", "have", "had", "to"}
"""Before a past participle they make it passive or perfect, not something a new subject did."""


def carry_speakers(
    text: str, marked: Sequence[Marked], found: list[Found | None], paragraphs: Sequence[tuple[int, int]]
) -> None:
    """Give each quote without a speaker the one of the quote it continues, or of the sentence
    that introduces it; `found` is filled in place, in text order, so a speaker runs on through
    several quotes.

    Same speaker: `“A,” he said. “B.”` and `“peace”, “stability” and “unity”`, where little more
    than the attribution lies between the two. Continued: a quote left open at a paragraph's end
    and the quote that reopens the next paragraph are one quote in two parts; a quote that is a
    sentence of its own continues the quote of the sentence before it. Earlier: a quote that is a
    sentence of its own, after a sentence whose subject speaks (`Smith told Reuters on Monday.`).
    """
    for k, quote in enumerate(marked):
        if found[k] is not None:
            continue
        if k and found[k - 1] is not None:
            found[k] = _from_previous(text, marked, found, k, paragraphs)
        if found[k] is None and _alone(text, quote, paragraphs[quote.paragraph]):
            found[k] = _introduced(text, marked, k, paragraphs)
        elif found[k] is None:
            found[k] = _reported(text, marked, k, paragraphs)
    for k in range(len(marked) - 2, -1, -1):
        source = found[k + 1]
        if found[k] is None and source is not None and _continues(text, marked[k], marked[k + 1], paragraphs):
            found[k] = _inherited(source, "continued")
        elif found[k] is None and source is not None and _shares_attribution(text, marked, k, source):
            found[k] = _inherited(source, "same speaker")


def _shares_attribution(text: str, marked: Sequence[Marked], k: int, source: Found) -> bool:
    """`“A” without turning it into “B”, he said.`: the attribution closing the sentence after
    the next quote is this quote's too, if nothing between them ends the sentence or speaks."""
    quote, following = marked[k], marked[k + 1]
    if quote.paragraph != following.paragraph or source[0] < following.close:
        return False
    between = tokenize(text, quote.close, following.open)
    return (
        not _ends_sentence(text, quote)
        and count_words(between, 0, len(between)) <= _SHARED_WORDS
        and not any(token[2] in SENTENCE_ENDS for token in between)
        and not _has_verb(between)
    )


def _from_previous(
    text: str,
    marked: Sequence[Marked],
    found: list[Found | None],
    k: int,
    paragraphs: Sequence[tuple[int, int]],
) -> Found | None:
    """The speaker of quote `k` carried over from the attributed quote before it, if nothing
    else intervenes."""
    quote, previous = marked[k], marked[k - 1]
    source = found[k - 1]
    assert source is not None
    if previous.paragraph == quote.paragraph and quote.open - previous.close <= MAX_WINDOW:
        same = _in_same_paragraph(text, previous, quote, source, paragraphs[quote.paragraph])
        if same is not None:
            return same
    if _continues(text, previous, quote, paragraphs) or _runs_on(text, previous, quote):
        return _inherited(source, "continued")
    if (
        quote.paragraph == previous.paragraph + 1
        and _opens_paragraph(text, quote, paragraphs[quote.paragraph])
        and _alone(text, quote, paragraphs[quote.paragraph])
        and _one_sentence_on(tokenize(text, previous.close, paragraphs[previous.paragraph][1]))
    ):
        # `“A,” Smith said.` ending one paragraph, `“B.”` opening the next
        return _inherited(source, "continued")
    if (
        quote.paragraph == previous.paragraph
        and previous.close <= source[0]
        and _alone(text, quote, paragraphs[quote.paragraph])
        and _resumes(tokenize(text, previous.close, quote.open))
    ):
        return _inherited(source, "continued")
    return None


def _resumes(between: list[Token]) -> bool:
    """`“A,” said Smith. The firm is now looking to Europe. “B.”`: after the attribution, one
    sentence of plain fact (no one speaks, acts or is named in it) and the speaker goes on."""
    ends = [index for index, token in enumerate(between) if token[2] in SENTENCE_ENDS]
    if len(ends) != 2 or ends[1] != len(between) - 1 or any(t[2] in DOUBLE_MARKS for t in between):
        return False
    rest = between[ends[0] + 1 :]
    words = [token[2] for token in rest if is_word(token[2])]
    named = any(first[0].isupper() and second[0].isupper() for first, second in pairwise(words))
    return bool(words) and not named and not _has_verb(rest) and not _acts(words) and not _holds_view(rest)


def _reported(
    text: str, marked: Sequence[Marked], k: int, paragraphs: Sequence[tuple[int, int]]
) -> Found | None:
    """`A party spokesman said there were 40 members. They shared a belief in the “...”`: a
    quoted phrase in a sentence that opens by referring back (`They`, `It`) and where no one
    speaks, acts or is named goes on with the reported speech of the sentence before it, in its
    paragraph."""
    quote = marked[k]
    low = paragraphs[quote.paragraph][0]
    if k and marked[k - 1].close > low:
        low = marked[k - 1].close
    tokens = tokenize(text, max(low, quote.open - MAX_WINDOW), quote.open)
    own = last_sentence(tokens)
    prior = last_sentence(tokens[: len(tokens) - len(own) - 1])
    words = [token[2] for token in own if is_word(token[2])]
    if (
        not words
        or len(own) == len(tokens)
        or words[0].lower() not in _REFERRING
        or any(word[0].isupper() for word in words[1:])
        or _has_verb(own)
        or _holds_view(own)
        or _acts(words)
        or not _reports(prior)
        or any(token[2] in DOUBLE_MARKS or token[2] == ":" for token in prior)
    ):
        return None
    found = introduction(prior)
    return None if found is None else _inherited(found, "earlier")


def _reports(tokens: list[Token]) -> bool:
    """Does a speech verb report what was said in a clause after it (`said there were 40`,
    `said that`), not only that someone spoke (`told the council about the plan`)?"""
    for index in range(len(tokens) - 1):
        if is_verb(tokens, index) and tokens[index][2] not in _ADDRESSED:
            if index and tokens[index - 1][2] == ",":
                return False  # `..., said Smith, and soon ...`: the speaker follows the words
            following = tokens[index + 1][2]
            return following == "that" or (is_word(following) and following.lower() not in SUBJECT_START_STOP)
    return False


def _holds_view(tokens: list[Token]) -> bool:
    return any(is_view_verb(tokens, index) for index in range(len(tokens)))


def _in_same_paragraph(
    text: str, previous: Marked, quote: Marked, source: Found, paragraph: tuple[int, int]
) -> Found | None:
    between = tokenize(text, previous.close, quote.open)
    words = count_words(between, 0, len(between))
    sentence_ends = sum(1 for token in between if token[2] in SENTENCE_ENDS)
    attributed_between = previous.close <= source[0] and sentence_ends <= 1 and words <= 15
    # `It credited the “energy” and the roles “that will live forever”`: the subject before
    # the first quote has both, joined by a conjunction, unless another speech verb comes
    # `Smith said Jones had been “trying hard” to win trust through a “campaign of trust”`:
    # likewise a quote of some words (a label of one or two may be the writer's: `the
    # “renegade” general`) in the sentence the attribution opens, if no other speech verb comes
    joined = [token[2].lower() for token in between if is_word(token[2])][:1] in (["and"], ["or"])
    phrase = len(tokenize(text, quote.start, quote.end)) >= _REPORTED_WORDS
    governs = (
        (joined or (phrase and not _ends_sentence(text, previous)))
        and source[1] <= previous.open
        and sentence_ends == 0
        and not _has_verb(between)
        and not any(token[2] in SENTENCE_ENDS for token in tokenize(text, source[1], previous.open))
    )
    # `“peace”, “stability” and “unity”`, not `“We won.” The crowd chanted “freedom”`
    listed = words <= 3 and sentence_ends == 0 and not _ends_sentence(text, previous)
    if attributed_between or governs or listed or _goes_on(between):
        return _inherited(source, "same speaker")
    # `“A,” Smith said. “C. “B.”`, not `“A.” Jones said: “C. “B.”`: no one else speaks between
    nobody_else = previous.close <= source[0] < quote.open or not _has_verb(between)
    if nobody_else and _alone(text, quote, paragraph) and _one_sentence_on(between):
        return _inherited(source, "continued")
    return None


def _runs_on(text: str, previous: Marked, quote: Marked) -> bool:
    """`Smith said: “A.”` then `Much was placed in a dialogue leading to “B”`: the sentence after
    a quote that ends its own names no one and has no speech verb, so its quote is the same voice."""
    if quote.paragraph - previous.paragraph > 1 or quote.open - previous.close > MAX_WINDOW:
        return False
    between = tokenize(text, previous.close, quote.open)
    ended = _ends_sentence(text, previous)
    if between and between[0][2] in SENTENCE_ENDS:
        ended, between = True, between[1:]
    words = [token[2] for token in between if is_word(token[2])]
    return (
        ended
        and bool(words)
        and not any(token[2] in SENTENCE_ENDS or token[2] in DOUBLE_MARKS for token in between)
        and not any(word[0].isupper() for word in words[1:])
        and not _has_verb(between)
        and not _acts(words)
    )


def _ends_sentence(text: str, quote: Marked) -> bool:
    return text[quote.start : quote.end].rstrip()[-1:] in SENTENCE_ENDS


def _acts(words: list[str]) -> bool:
    """`The crowd chanted`: a verb in the past tense, not passive (`was placed`), says someone
    else does something in the sentence."""
    return any(
        word.islower()
        and word.endswith("ed")
        and len(word) > 3
        and before.lower() not in _NOT_ACTIVE
        and before.lower() not in DETERMINERS
        for before, word in pairwise(words)
    )


def _has_verb(tokens: list[Token]) -> bool:
    return any(is_verb(tokens, index) for index in range(len(tokens)))


def _introduced(
    text: str, marked: Sequence[Marked], k: int, paragraphs: Sequence[tuple[int, int]]
) -> Found | None:
    """The speaker of a quote that is a sentence of its own, named in the sentence before it:
    in its paragraph, or the last of the paragraph before when the quote opens its own."""
    quote = marked[k]
    low, _ = paragraphs[quote.paragraph]
    end = quote.open
    if _opens_paragraph(text, quote, paragraphs[quote.paragraph]):
        if quote.paragraph == 0:
            return None
        low, end = paragraphs[quote.paragraph - 1]
    if k and marked[k - 1].close > low:
        low = marked[k - 1].close  # a quote in between, attributed or not, is not introduced by it
    tokens = tokenize(text, max(low, end - MAX_WINDOW), end)
    # `He said: “A. “B. “C.”`: from a quote left unclosed on, the words are the speaker's; what
    # introduces them comes before its opening mark
    stray = next((index for index, token in enumerate(tokens) if token[2] in DOUBLE_MARKS), len(tokens))
    del tokens[stray:]
    while tokens and not is_word(tokens[-1][2]) and tokens[-1][2] != ":":
        tokens.pop()
    return introduction(last_sentence(tokens))


def _alone(text: str, quote: Marked, paragraph: tuple[int, int]) -> bool:
    """Is the quote a sentence (or more) of its own, nothing of its sentence outside the marks?"""
    low, high = paragraph
    if has_words(last_sentence(tokenize(text, max(low, quote.open - MAX_WINDOW), quote.open))):
        return False
    if not quote.closed or _ends_sentence(text, quote):
        return True
    return not has_words(first_sentence(tokenize(text, quote.close, min(high, quote.close + MAX_WINDOW))))


def _opens_paragraph(text: str, quote: Marked, paragraph: tuple[int, int]) -> bool:
    return not text[paragraph[0] : quote.open].strip()


def _one_sentence_on(between: list[Token]) -> bool:
    """Only the rest of the previous quote's sentence lies between (`, Smith said.`), and perhaps
    quoted sentences whose closing marks the text left out (`“B. “C.`)."""
    for index, token in enumerate(between):
        if token[2] in SENTENCE_ENDS:
            return not has_words(between[index + 1 :]) or between[index + 1][2] in DOUBLE_MARKS
    return True


def _goes_on(between: list[Token]) -> bool:
    """`called the decision “outrageous” and said it would “...”`: the same subject speaks again."""
    words = [token[2] for token in between if is_word(token[2])]
    if not words or words[0].lower() not in CONJUNCTIONS:
        return False
    index = 1
    while index < len(words) and is_adverb(words[index]):
        index += 1
    return (
        index < len(words)
        and words[index] in SPEECH_VERBS
        and not any(token[2] in SENTENCE_ENDS for token in between)
    )


def _continues(text: str, previous: Marked, quote: Marked, paragraphs: Sequence[tuple[int, int]]) -> bool:
    """Is `quote` the reopening, at the start of the next paragraph, of `previous` left open?"""
    return (
        not previous.closed
        and quote.paragraph == previous.paragraph + 1
        and _opens_paragraph(text, quote, paragraphs[quote.paragraph])
    )


def _inherited(source: Found, cue: str) -> Found:
    start, end, _ = source
    return start, end, cue
