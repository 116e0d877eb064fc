"""The phrase in a quote's own sentence that names who said it.

Plain scanning, linear in the text: the sentence around each quote is searched for a speech verb
("said", "told", "warned"...) and the words naming its subject or following it; the grammar of
those words is in `speech.py`. The phrase becomes an entity later, in `resolve/speakers.py`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from generator.extract.marks import DOUBLE_MARKS, Marked
from generator.extract.speech import (
    BASE_SPEECH_VERBS,
    BE,
    MAX_SPEAKER_WORDS,
    PRONOUNS,
    SENTENCE_ENDS,
    SPEECH_VERBS,
    SUBJECT_START_STOP,
    Span,
    Token,
    clause_subject,
    count_words,
    cue_words,
    first_sentence,
    has_words,
    is_base_verb,
    is_negated,
    is_passive,
    is_verb,
    is_view_verb,
    is_word,
    last_sentence,
    leading_name,
    name_after,
    strip_end,
    subject,
    tokenize,
    trailing_name,
    trim,
)

_ENDED_ATTRIBUTION_WORDS = 5
"""Words an attribution may run on after its verb, behind a quote that ends its sentence: `Smith
told reporters on Monday.`"""
_LABEL_WORDS = 8
"""Words of a label that introduces a quote with a colon and no verb: `Harbourside boss Ines Marquez:`."""
MAX_WINDOW = 1000
"""Characters searched on each side of a quote: an attribution sits in the quote's sentence."""

Found = tuple[int, int, str]
"""A speaker phrase: start, end, cue."""


class Sentences:
    """The article's sentence spans, looked up by offset; bad or overlapping spans are tolerated."""

    def __init__(self, spans: Sequence[tuple[int, int]], length: int) -> None:
        valid = sorted((start, end) for start, end in spans if 0 <= start < end <= length)
        self._starts = [start for start, _ in valid]
        self._ends = [end for _, end in valid]

    def around(self, offset: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self._ends[index]:
            return self._starts[index], self._ends[index]
        return None


def find_speaker(
    text: str, marked: Sequence[Marked], k: int, paragraph: tuple[int, int], around: Sentences
) -> Found | None:
    """The phrase naming who said quote `k`, searched in its sentence(s) up to the neighbouring quotes."""
    quote = marked[k]
    low, high = paragraph
    previous = marked[k - 1].close if k > 0 and marked[k - 1].paragraph == quote.paragraph else low
    following = (
        marked[k + 1].open if k + 1 < len(marked) and marked[k + 1].paragraph == quote.paragraph else high
    )
    sentence = around.around(quote.open)
    before_start = max(low, previous, quote.open - MAX_WINDOW, sentence[0] if sentence else low)
    after_end = quote.close
    if quote.closed:
        first = quote.close
        while first < following and text[first].isspace():
            first += 1
        sentence = around.around(first)
        after_end = max(
            quote.close, min(following, quote.close + MAX_WINDOW, sentence[1] if sentence else high)
        )
    # Most quotes in a long text have no cue word near them; one search says so without tokenizing.
    cue_word = cue_words()
    cued = cue_word.search(text, before_start, quote.open) or cue_word.search(text, quote.close, after_end)
    colon = text[before_start : quote.open].rstrip().endswith(":")
    if not cued and not colon and not _may_be_predicate(text[quote.start : quote.end]):
        return None
    before = last_sentence(tokenize(text, before_start, quote.open))
    after = first_sentence(tokenize(text, quote.close, after_end)) if cued else []
    # A quote that is a whole sentence may lack the comma: `"We won." said Smith`; a quoted
    # phrase inside a sentence may not (`the "rebels" said` is said by the rebels).
    whole = quote.open_sentence or not has_words(before)
    # A quote closing its sentence (`... to win."`) leaves only a short attribution after it
    # open: the next sentence's subject (`Kramer admitted the game ...`) is someone else's news.
    ended = quote.closed and text[quote.start : quote.end].rstrip()[-1:] in SENTENCE_ENDS
    found = (
        (_after(after, whole, ended) if after else None)
        or (_before(before) if cued else None)
        or (_labelled(before) if colon else None)
        or (None if ended else _sentence_final(after) or _according_to(after, 0, len(after)))
        or _according_to(before, 0, len(before))
        or _predicate_subject(before, text[quote.start : quote.end])
    )
    if found is None:
        return None
    start, end, _ = found
    return (start, end, "pronoun") if text[start:end].lower() in PRONOUNS else found


def _after(tokens: list[Token], open_sentence: bool, ended: bool = False) -> Found | None:
    """`“...,” Guterres said`, `“...,” said Guterres`, `“...,” according to Reuters`; after a quote
    that is `ended` (`“... to win.”`), only an attribution that ends its sentence soon after the
    verb (`“...” Smith said on Monday.`), not a new sentence's news (`Smith admitted the game ...`)."""
    first = 0
    while first < len(tokens) and tokens[first][2] in (",", "—", "–"):
        first += 1
    if first == len(tokens) or not open_sentence:
        return None
    if is_verb(tokens, first):
        name = name_after(tokens, first + 1)
        return _span(tokens, name, "said after")
    if tokens[first][2].lower() == "according":
        return _according_to(tokens, first, first + 1)
    if tokens[first][2].lower() in SUBJECT_START_STOP:
        return None
    words = 0
    for index in range(first, len(tokens)):
        word = tokens[index][2]
        if is_verb(tokens, index):
            # `“...?” Luff said that the law was “...”`, `“...” Hobday said: “...”`: a new
            # sentence whose verb introduces what follows it
            following = tokens[index + 1][2] if index + 1 < len(tokens) else ""
            if is_passive(tokens, index) or following in (":", "that"):
                return None
            if ended and count_words(tokens, index + 1, len(tokens)) > _ENDED_ATTRIBUTION_WORDS:
                return None
            return _span(tokens, trim(tokens, first, index), "said after")
        if word in SENTENCE_ENDS or word in ";:" or word in DOUBLE_MARKS:
            return None
        if is_word(word):
            words += 1
            if words > MAX_SPEAKER_WORDS:
                return None
    return None


def _sentence_final(tokens: list[Token]) -> Found | None:
    """`The president “strongly condemns” the attack, his office said.`: the attribution closes
    the sentence, after its last comma."""
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index][2] == ",":
            return _after(tokens[index:], open_sentence=True)
    return None


def _before(tokens: list[Token]) -> Found | None:
    """`Guterres said: “...”`, `A White House statement said Trump “...”`, `according to X, “...”`."""
    ending = len(tokens)
    while ending and tokens[ending - 1][2] in (",", "—", "–"):
        ending -= 1
    # `According to Reuters, “...”`: the name runs right up to the quote
    for index in range(ending - 2, -1, -1):
        if tokens[index][2].lower() == "according" and tokens[index + 1][2].lower() == "to":
            name = name_after(tokens, index + 2)
            if name and name[1] == ending:
                return _span(tokens, name, "according to")
            break
    # `Smith believes the band could be “...”`: a view in its own sentence is the holder's too
    verbs = [
        i
        for i in range(len(tokens))
        if (is_verb(tokens, i) or is_view_verb(tokens, i)) and not is_passive(tokens, i)
    ]
    if not verbs:
        return None
    cue = "colon" if tokens[-1][2] == ":" else "said before"
    name = _quoted_as(tokens, verbs[-1]) or subject(tokens, verbs)
    if name is None and not has_words(tokens[: verbs[-1]]):
        # `“...,” warns Marco Minitti, “...”`: the second half of a quote its speaker interrupts
        name = name_after(tokens, verbs[-1] + 1)
        if name and has_words(tokens[name[1] : ending]):
            name = None
    return _span(tokens, name, cue)


def _labelled(tokens: list[Token]) -> Found | None:
    """`- Harbourside boss Ines Marquez: “...”`: a sentence that is only a name (its last two words
    capitalised, any lower-case words a role) and a colon, as previews and round-ups list who
    speaks."""
    end = len(tokens) - 1
    if end < 0 or tokens[end][2] != ":":
        return None
    start = 0
    while start < end and not is_word(tokens[start][2]):
        start += 1  # a list's dash or bullet
    if tokens[start][2].lower() in SPEECH_VERBS and end - start > 2:
        start += 1  # `Said Mr Fogg:`, the verb capitalised
    words = [tokens[index][2] for index in range(start, end)]
    if not 2 <= len(words) <= _LABEL_WORDS or not all(is_word(word) for word in words):
        return None
    if not (words[-1][0].isupper() and words[-2][0].isupper()):
        return None
    lower = [word for word in words if word.islower()]
    if any(word in SUBJECT_START_STOP or word in BE or word.endswith(("ed", "ing")) for word in lower):
        return None
    return _span(tokens, (start, end), "colon")


def _quoted_as(tokens: list[Token], verb: int) -> Span | None:
    """`The paper quoted the minister as saying “...”`: the one quoted speaks, not the paper."""
    if verb < 3 or tokens[verb][2] != "saying" or tokens[verb - 1][2] != "as":
        return None
    for index in range(verb - 2, max(-1, verb - MAX_SPEAKER_WORDS - 2), -1):
        if tokens[index][2] in ("quoted", "cited"):
            return trim(tokens, index + 1, verb - 1)
    return None


def _according_to(tokens: list[Token], start: int, end: int) -> Found | None:
    """`according to X` anywhere in `tokens[start:end]`, the last one first."""
    for index in range(min(end, len(tokens) - 1) - 1, start - 1, -1):
        if tokens[index][2].lower() == "according" and tokens[index + 1][2].lower() == "to":
            return _span(tokens, name_after(tokens, index + 2), "according to")
    return None


def _may_be_predicate(quoted: str) -> bool:
    """Does the quote open with a verb in the past tense (`welcomed ...`), so that it may be
    what the name before it did?"""
    first = quoted.split(maxsplit=1)[0] if quoted.strip() else ""
    return first.isalpha() and first.islower() and first.endswith("ed") and len(first) > 4


def _predicate_subject(before: list[Token], quoted: str) -> Found | None:
    """`In a phone call, Moreau “welcomed ...”`: the quote is what the name before it did, and
    the name, opening its clause, is its subject."""
    if not _may_be_predicate(quoted):
        return None
    end = strip_end(before, 0, len(before))
    start = end
    while start > 0 and is_word(before[start - 1][2]) and before[start - 1][2][0].isupper():
        start -= 1
    if start == end or end - start > MAX_SPEAKER_WORDS or end < len(before) - 2:
        return None
    # the name opens its clause: `..., Moreau “...”`, not `the call with Moreau “...”`
    if start and before[start - 1][2] not in (",", "—", "–", ";", ":"):
        return None
    return _span(before, (start, end), "subject")


def introduction(tokens: list[Token]) -> Found | None:
    """The subject of a sentence that introduces the quote after it: `Smith told Reuters on
    Monday.`, `Smith said:`, `In April, Smith was keen to stress his view.`, `Smith believes the
    plan will fail.`, `Mr Smith is confident.` Cue `earlier`, or `colon` when the sentence ends in
    one."""
    cue = "colon" if tokens and tokens[-1][2] == ":" else "earlier"
    verbs = [
        index
        for index in range(len(tokens))
        if (
            (is_verb(tokens, index) or is_view_verb(tokens, index))
            and not is_passive(tokens, index)
            and not is_negated(tokens, index)
        )
        or is_base_verb(tokens, index)
    ]
    if not verbs:
        return _span(tokens, leading_name(tokens) or trailing_name(tokens), cue)
    # the sentence's first speech verb: `Smith told the BBC critics had called it a failure.`
    verb = verbs[0]
    name = clause_subject(tokens, verb) if tokens[verb][2] in BASE_SPEECH_VERBS else subject(tokens, [verb])
    return _span(tokens, name, cue)


def _span(tokens: list[Token], name: Span | None, cue: str) -> Found | None:
    if name is None:
        return None
    start, end = name
    return tokens[start][0], tokens[end - 1][1], cue
