"""The words around a number, read the same way for figures and dates: the word before or after a
position, whether it opens a sentence, whether a number there names (`Resolution 1973`) or counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.load.calendar import MONTHS

SMALL_NUMBERS = {
    word: number
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
"""`zero` to `nineteen`, each with its value."""
TENS = {
    word: 10 * number
    for number, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)
}
"""`twenty` to `ninety`, each with its value."""
SCALE_WORDS = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
LABEL_WORDS = frozenset(
    "no no. nos. number # page p. pp. vol. chapter section article resolution route flight room line "
    "platform gate level phase stage round grade class type model version size code zone sector "
    "district ward unit block lot item point step rule law bill act paragraph clause figure table "
    "channel highway".split()
)
"""Words before a number that make it a label (`route 66`, `phase 2`, `No. 10`), not a count."""
QUALIFIER = re.compile(
    r"\b(?i:about|around|approximately|roughly|some|nearly|almost|over|more\s+than|fewer\s+than|less\s+than"
    r"|at\s+least|at\s+most|up\s+to|as\s+many\s+as|as\s+much\s+as|close\s+to|upwards\s+of|in\s+excess\s+of"
    r"|an\s+estimated|estimated|just\s+over|just\s+under|well\s+over|under|below|above|circa)\s+$"
)
"""`about`, `more than`, `up to`: a word right before a number that says it is not exact."""
FUNCTION_WORDS = frozenset(
    "a an the and or but nor of to in on at by for with from as into onto over under about after before "
    "since than then that this these those which who whom whose what when where while why how its his "
    "her their our your my them they he she it we you i me us him is was are were be been being has "
    "have had do does did will would can could may might must shall should not no also more most less "
    "least very so such out up down off per each every other another some any all both either neither "
    "only just even still yet again already now here there ago across against along among around behind "
    "below beneath beside between beyond despite during except inside near outside through throughout "
    "toward towards upon via within without amid amidst if because though although unless whether until "
    "till says said say told according reportedly including like yesterday today tonight tomorrow last "
    "next first times time percent cent".split()
)
"""Function words: they end the words that can say what a number counts, and are never plurals."""
IRREGULAR_PLURALS = {
    "people": "people",
    "others": "people",  # `killed 9,000 people and injured 23,000 others`
    "men": "man",
    "women": "woman",
    "children": "child",
    "police": "police",
    "personnel": "personnel",
    "staff": "staff",
    "aircraft": "aircraft",
    "cattle": "cattle",
    "livestock": "livestock",
    "sheep": "sheep",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "feet": "foot",
}
"""Plurals not made with an `s` (and nouns whose plural is the same), each with its singular."""
_NOT_PLURAL = frozenset("news series species chaos gas bus lens yes".split())
TRAILING = ".,;:!?)\"'”’»]"
"""Punctuation that may close a word: `said.`, `boats,`, `(500)`."""


def alternatives(words: Sequence[str]) -> str:
    """A regex alternation that tries longer words first (`seventeen` before `seven`)."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


def is_label(text: str, start: int, starts: frozenset[int]) -> bool:
    """`Resolution 1973`, `Article 5`, `route 66`, `Windows 2000`: a number that names, not counts."""
    if not text[start - 1 : start].isspace():
        return False
    before, before_start = word_before(text, start)
    if before.lower() in LABEL_WORDS:
        return True
    return (
        before[:1].isupper()
        and before[-1:].isalnum()  # not `UN: 500 killed`, `Tripoli's 2 million residents`
        and before not in MONTHS
        and not starts_sentence(text, before_start, starts)
        and QUALIFIER.search(text, before_start, start) is None
    )


def looks_plural(word: str) -> bool:
    """`fighters`, `people`: a plural noun, by its ending; not `news`, `chaos` or `its`."""
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return True
    return (
        len(lower) > 2
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "'s", "’s"))
        and lower not in _NOT_PLURAL
        and lower not in FUNCTION_WORDS
    )


def word_before(text: str, position: int) -> tuple[str, int]:
    """The word that ends just before `position` (spaces skipped), and where it starts."""
    index = position
    while index > 0 and text[index - 1].isspace() and position - index < 20:
        index -= 1
    start = index
    while start > 0 and not text[start - 1].isspace() and index - start < 40:
        start -= 1
    return text[start:index], start


def word_after(text: str, position: int) -> str:
    """The word that starts just after `position` (spaces skipped)."""
    index = position
    while index < len(text) and text[index].isspace() and index - position < 20:
        index += 1
    end = index
    while end < len(text) and not text[end].isspace() and end - index < 40:
        end += 1
    return text[index:end]


def starts_sentence(text: str, position: int, starts: frozenset[int]) -> bool:
    """Whether the word at `position` opens a sentence: by the sentence spans, or by punctuation."""
    if position in starts:
        return True
    index = position
    while index > max(0, position - 20) and (text[index - 1].isspace() or text[index - 1] in "\"'“‘(["):
        if text[index - 1] == "\n":
            return True
        index -= 1
    return index == 0 or text[index - 1] in ".!?:;—–"


def qualified(text: str, start: int, low: int, approximate: bool = False) -> tuple[int, bool]:
    """Where a number starts once a qualifier before it is included (`up to 10`), and whether it is
    then approximate; `low` bounds the search (the sentence)."""
    qualifier = QUALIFIER.search(text, max(low, start - 25), start)
    return (qualifier.start(), True) if qualifier else (start, approximate)


def parse_number_words(words: Sequence[str], with_article: bool) -> tuple[float | None, int]:
    """`two hundred and fifty` -> (250, 4): the value and how many words it takes.

    Stops at the first word that does not continue the number (`one two` -> (1, 1)). After `a`,
    only `hundred`, `thousand`, `million`, `billion` or `dozen` can follow.
    """
    total = current = used = 0
    smallest_scale = 10**15
    previous = "article" if with_article else "start"
    for index, word in enumerate(words):
        if word == "and":
            following = words[index + 1] if index + 1 < len(words) else ""
            if previous in ("hundred", "scale") and (following in SMALL_NUMBERS or following in TENS):
                continue
            break
        if word in SMALL_NUMBERS:
            if previous not in ("start", "tens", "hundred", "scale") or (
                previous == "tens" and SMALL_NUMBERS[word] >= 10
            ):
                break
            current += SMALL_NUMBERS[word]
            kind = "unit"
        elif word in TENS:
            if previous not in ("start", "hundred", "scale"):
                break
            current += TENS[word]
            kind = "tens"
        elif word in ("hundred", "dozen"):
            if previous not in ("article", "unit") or current >= 20:
                break  # `two hundred and two hundred` is two numbers
            current = (current or 1) * (100 if word == "hundred" else 12)
            kind = word
        elif word in SCALE_WORDS:
            if previous in ("start", "scale") or SCALE_WORDS[word] >= smallest_scale:
                break  # `thousand million`, `two million two million`
            total += (current or 1) * SCALE_WORDS[word]
            smallest_scale = SCALE_WORDS[word]
            current = 0
            kind = "scale"
        else:
            break  # a word the regex matched only by case folding (`ſix`)
        previous = kind
        used = index + 1
    if used == 0:
        return None, 0
    return float(total + current), used
