"""Spans of time that are amounts, as figures: a prison term, a ban, a delay, an age.

`up to 10 years in prison`, `a 14-year sentence`, `banned for six months`, `three days after the
crash`, `a 17-year-old`, `aged 62`. A span that only places an event in time (`two years ago`,
`over the past three years`) or says nothing of what it measures (`for three years`) stays out,
as do dates (`in 2015`). Run by `figures.extract_figures`, which merges these with the counts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from generator.extract.words import (
    SMALL_NUMBERS,
    TENS,
    TRAILING,
    alternatives,
    parse_number_words,
    qualified,
    word_after,
)
from generator.model import Figure

_UNITS_WORD = alternatives(list(SMALL_NUMBERS))
_WORD_NUMBER = rf"(?:{alternatives(list(TENS))}(?:[- ]{_UNITS_WORD})?|{_UNITS_WORD})"
_UNITS = "year month week day hour minute".split()
_SPAN = re.compile(
    rf"\b(?P<number>\d{{1,3}}(?:\.\d)?|(?i:{_WORD_NUMBER}|an?))[- ](?P<unit>(?i:{'|'.join(_UNITS)}))s?"
    r"(?P<old>[- ](?i:old)\b)?\b"
)
_AGED = re.compile(r"\b(?i:aged)\s+(?P<number>\d{1,3})\b")
# What a span of time measures, from the words of its sentence around it; `later` is read only
# after the span (`three days after the crash`).
_KINDS = (
    (
        "in prison",
        re.compile(
            # Not `term` alone: `a five-year term as president` is an office, not a prison term.
            r"\b(?i:prison|jail|jailed|imprison\w*|sentenc\w*|behind\s+bars|custody|detention)\b"
        ),
        True,
    ),
    ("ban", re.compile(r"\b(?i:ban|banned|barred|suspen\w+)\b"), True),
    ("later", re.compile(r"^\s*(?i:after|later)\b"), False),
)
# Words that make a span place an event in time rather than measure something.
_PLACES_IN_TIME_AFTER = frozenset("ago earlier before since".split())
_PLACES_IN_TIME_BEFORE = re.compile(r"\b(?i:past|last|next|coming|recent|previous|first|every|each)\s+$")


def extract_durations(
    article: str, text: str, sentences: Sequence[tuple[int, int]], taken: Sequence[tuple[int, int]]
) -> list[Figure]:
    """Every span of time in `text` that is an amount, with what it measures, in text order.

    `taken` are the sorted spans already read as something else (dates, counts), which a span of
    time may not overlap."""
    starts = [start for start, _ in taken]
    found: list[Figure] = []
    for low, high in sentences:
        for match in _SPAN.finditer(text, low, high):
            if not _overlaps(taken, starts, match.start(), match.end()):
                figure = _span(article, text, match, low, high)
                if figure is not None:
                    found.append(figure)
        for match in _AGED.finditer(text, low, high):
            value = float(match["number"])
            found.append(
                _figure(article, text, match.start("number"), match.end(), value, "years of age", low)
            )
    return sorted(found, key=lambda figure: figure.start)


def _overlaps(taken: Sequence[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    index = bisect.bisect_left(starts, end)  # the spans that begin before this one ends
    return index > 0 and taken[index - 1][1] > start


def _span(article: str, text: str, match: re.Match[str], low: int, high: int) -> Figure | None:
    value = _value(match["number"])
    unit = match["unit"].lower()
    if value is None:
        return None
    if match["old"]:
        return _figure(article, text, match.start(), match.end(), value, f"{unit}s of age", low)
    following = word_after(text, match.end()).lower().rstrip(TRAILING)
    if following in _PLACES_IN_TIME_AFTER or following == "old":
        return None
    if _PLACES_IN_TIME_BEFORE.search(text, max(low, match.start() - 20), match.start()):
        return None
    before = text[max(low, match.start() - 60) : match.start()]
    after = text[match.end() : min(high, match.end() + 40)]
    for kind, pattern, either_side in _KINDS:
        if pattern.search(after) or (either_side and pattern.search(before)):
            return _figure(article, text, match.start(), match.end(), value, f"{unit}s {kind}", low)
    return None


def _value(number: str) -> float | None:
    if number[:1].isdigit():
        return float(number)
    words = number.lower().replace("-", " ").split()
    if words in (["a"], ["an"]):
        return 1.0
    value, used = parse_number_words(words, with_article=False)
    return value if used == len(words) else None


def _figure(article: str, text: str, start: int, end: int, value: float, unit: str, low: int) -> Figure:
    start, approximate = qualified(text, start, low)
    sentence_end = text.find(".", end)
    context_end = min(len(text), end + 60) if sentence_end < 0 else min(sentence_end, end + 60)
    words = " ".join(text[max(low, start - 60) : context_end].split())
    return Figure(article, start, end, text[start:end], value, unit, words, approximate)
