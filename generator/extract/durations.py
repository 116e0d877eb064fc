"""Spans of time that are amounts, as figures: a prison term, a ban, a delay, an age.

`up to 10 years in prison`, `a 14-year sentence`, `banned for six months`, `three days after the
crash`, `a 17-year-old`, `aged 62`. A span that only places an event in time (`two years ago`,
`over the past three years`) or says nothing of what it measures (`for three years`) stays out,
as do dates (`in 2015`). Run by `figures.extract_figures`, which merges these with the counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.extract.words import QUALIFIER, SMALL_NUMBERS, TRAILING, word_after
from generator.model import Figure

_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_NUMBER = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(SMALL_NUMBERS)}))?|{'|'.join(SMALL_NUMBERS)})"
_UNITS = "year month week day hour minute".split()
_SPAN = re.compile(
    rf"\b(?P<number>\d{{1,3}}(?:\.\d)?|(?i:{_WORD_NUMBER}|an?))[- ](?P<unit>(?i:{'|'.join(_UNITS)}))s?"
    r"(?P<old>[- ](?i:old)\b)?\b"
)
_AGED = re.compile(r"\b(?i:aged)\s+(?P<number>\d{1,3})\b")
# What a span of time measures, from the words of its sentence around it.
_KINDS = (
    (
        "in prison",
        re.compile(
            # Not `term` alone: `a five-year term as president` is an office, not a prison term.
            r"\b(?i:prison|jail|jailed|imprison\w*|sentenc\w*|behind\s+bars|custody|detention)\b"
        ),
    ),
    ("ban", re.compile(r"\b(?i:ban|banned|barred|suspen\w+)\b")),
    ("later", re.compile(r"^\s*(?i:after|later)\b")),
)
# Words that make a span place an event in time rather than measure something.
_PLACES_IN_TIME_AFTER = frozenset("ago earlier before since".split())
_PLACES_IN_TIME_BEFORE = re.compile(r"\b(?i:past|last|next|coming|recent|previous|first|every|each)\s+$")


def extract_durations(
    article: str, text: str, sentences: Sequence[tuple[int, int]], dates: Sequence[tuple[int, int]]
) -> list[Figure]:
    """Every span of time in `text` that is an amount, with what it measures, in text order."""
    found: list[Figure] = []
    for low, high in sentences:
        for match in _SPAN.finditer(text, low, high):
            if any(start < match.end() and match.start() < end for start, end in dates):
                continue
            figure = _span(article, text, match, low, high)
            if figure is not None:
                found.append(figure)
        for match in _AGED.finditer(text, low, high):
            value = float(match["number"])
            found.append(
                _figure(article, text, match.start("number"), match.end(), value, "years of age", low)
            )
    return sorted(found, key=lambda figure: figure.start)


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
    for kind, pattern in _KINDS:
        if kind == "later":
            if pattern.search(after):
                return _figure(article, text, match.start(), match.end(), value, f"{unit}s later", low)
        elif pattern.search(before) or pattern.search(after):
            return _figure(article, text, match.start(), match.end(), value, f"{unit}s {kind}", low)
    return None


def _value(number: str) -> float | None:
    word = number.lower().replace("-", " ")
    if word[:1].isdigit():
        return float(word)
    if word in ("a", "an"):
        return 1.0
    parts = word.split()
    tens = {name: 20 + 10 * index for index, name in enumerate(_TENS)}
    if parts[0] in tens:
        return float(tens[parts[0]] + (SMALL_NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0))
    return float(SMALL_NUMBERS[parts[0]]) if parts[0] in SMALL_NUMBERS else None


def _figure(article: str, text: str, start: int, end: int, value: float, unit: str, low: int) -> Figure:
    approximate = False
    qualifier = QUALIFIER.search(text, max(low, start - 25), start)
    if qualifier:
        start, approximate = qualifier.start(), True
    sentence_end = text.find(".", end)
    context_end = min(len(text), end + 60) if sentence_end < 0 else min(sentence_end, end + 60)
    context_start = max(low, start - 60)
    words = " ".join(text[context_start:context_end].split())
    return Figure(article, start, end, text[start:end], value, unit, words, approximate)
