"""Quotation marks paired within each paragraph: where each quote opens and closes, and whether
its sentence runs on to name a speaker. `quotes.py` then looks for the speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Article

_MARK = re.compile('["“”„‟‘’]')
DOUBLE_MARKS = '"“”„‟'
"""The double quotation marks, straight and curly; a single one may be an apostrophe, these never."""
_DOUBLE_OPENERS = "“„‟"
_OPEN_BEFORE = "([{—–-/"
"""May stand right before an opening mark, as a space does."""
_CLOSE_AFTER = ".,;:!?)]}—–-…"
"""May stand right after a closing mark, as a space does."""
_ATTRIBUTION_END = ",?!—–-…"
"""A quote ending in one of these leaves its sentence open for `..., Guterres said`."""
_ALNUM = re.compile(r"[^\W_]")
_SENTENCE_END = tuple(".?!…")


@dataclass(frozen=True, slots=True)
class Marked:
    """A quote as its marks delimit it, before its speaker is looked for."""

    open: int
    """Offset of the opening mark."""
    close: int
    """Offset just after the closing mark; the paragraph's end when the quote is not closed."""
    start: int
    end: int
    paragraph: int
    """Index of the paragraph (as `paragraph_spans` gives them) holding the quote."""
    closed: bool
    open_sentence: bool
    """The quote ends with a comma or the like (inside or just after the marks): `"...," he said`."""


def paragraph_spans(article: Article) -> list[tuple[int, int]]:
    """The paragraphs clipped to the text; the whole text when the article lists none."""
    length = len(article.text)
    spans = [(max(0, p.start), min(length, p.end)) for p in article.paragraphs]
    spans = sorted((start, end) for start, end in spans if start < end)
    if not spans and length:
        spans = [(0, length)]
    # Overlapping paragraphs would let a quote be found twice; keep each character in one.
    clipped: list[tuple[int, int]] = []
    for start, end in spans:
        start = max(start, clipped[-1][1]) if clipped else start
        if start < end:
            clipped.append((start, end))
    return clipped


def pair_marks(text: str, start: int, end: int, paragraph: int) -> list[Marked]:
    """Pair the quotation marks of one paragraph.

    Double marks are the quotes; a straight `"` opens or closes by the spaces around it, so mixed
    pairs (“ ... ") work. Single curly marks inside a double quote are nested quotes and stay in
    it; outside one, `‘...’` is a quote only when `‘` opens a word and `’` ends one, so
    apostrophes (Haftar’s, ’90s) are never marks. A single quote is given up (its `‘` taken for
    an apostrophe) when a double mark comes first or the paragraph ends: a stray `‘` must not
    swallow the double quotes after it, at the cost of British `‘... “nested” ...’` keeping only
    the nested quote. An opening mark while a double quote is open means a closing mark is missing
    somewhere: between straight marks after a sentence's end it is taken to be there (the
    reopening convention below, run together into one paragraph); elsewhere where is unknowable,
    and the open quote is dropped. A double quote still open at
    the paragraph's end runs to it, by the convention that a quote spanning paragraphs is left
    open and reopened with a new mark.
    """
    found: list[Marked] = []
    opened: int | None = None  # offset of the open quote's mark
    single = False  # is the open quote a single one?
    for match in _MARK.finditer(text, start, end):
        at = match.start()
        mark = match.group()
        before = text[at - 1] if at > start else ""
        after = text[at + 1] if at + 1 < end else ""
        spaced_before = before == "" or before.isspace() or before in _OPEN_BEFORE
        spaced_after = after == "" or after.isspace() or after in _CLOSE_AFTER
        opens_word = spaced_before and not spaced_after
        ends_word = spaced_after and not spaced_before
        if opened is not None and single:
            if mark == "’":
                if not before.isspace() and not after.isalnum():
                    found.extend(_quote(text, opened, at, at + 1, paragraph, single=True))
                    opened = None
                continue
            opened = None  # any other mark: the `‘` was an apostrophe after all; look again
        if opened is not None:
            if mark in "‘’":
                continue  # nested single quote or apostrophe
            if mark != "”" and opens_word:
                # A new quote opens. Straight marks after a sentence's end: a quote of several
                # sentences printed the way news prints one over several paragraphs, each
                # reopened with a new mark, run into one paragraph (`: "One. "Two."`); the open
                # one ends with its sentence. Elsewhere its end is lost.
                reopened = mark == '"' == text[opened]
                if reopened and text[opened + 1 : at].rstrip()[-1:] in _SENTENCE_END:
                    found.extend(_quote(text, opened, at, at, paragraph, single=False))
                opened = at
                continue
            found.extend(_quote(text, opened, at, at + 1, paragraph, single=False))
            opened = None
        elif mark == "‘":
            if (spaced_before or before in DOUBLE_MARKS) and after.isalpha():
                opened, single = at, True
        elif mark in _DOUBLE_OPENERS:
            if not ends_word:
                opened, single = at, False
        elif mark == '"':
            if opens_word or not (spaced_before or spaced_after):
                opened, single = at, False
        elif mark == "”" and opens_word:
            opened, single = at, False  # some sources open with ” too
    if opened is not None and not single:
        found.extend(_quote(text, opened, end, end, paragraph, single=False))
    return found


def _quote(text: str, opened: int, inner_end: int, close: int, paragraph: int, single: bool) -> list[Marked]:
    """The quote between a mark at `opened` and `inner_end`, or nothing if it has no words.

    A trailing comma is the sentence's, not the speaker's: `“...,” Guterres said` quotes `...`.
    """
    start, end = opened + 1, inner_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    last = text[end - 1] if end > start else ""
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    first_letter = _ALNUM.search(text, start, end)
    if first_letter is None or (single and _ALNUM.search(text, first_letter.end(), end) is None):
        return []
    closed = close > inner_end
    following = text[close : close + 1]
    if following == " ":
        following = text[close + 1 : close + 2]
    open_sentence = closed and (last in _ATTRIBUTION_END or following in (",", "—", "–"))
    return [Marked(opened, close, start, end, paragraph, closed, open_sentence)]
