"""Find a quoted passage in an article's text, by its words rather than by offsets.

Curly and straight quotes, dashes and runs of white space count as equal, so a passage copied
from the rendered page or typed by hand still matches the text as the source wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass

_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
    }
)


@dataclass(frozen=True, slots=True)
class FoldedText:
    """`text` folded for matching, with the original offset of every folded character."""

    folded: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> FoldedText:
        chars: list[str] = []
        offsets: list[int] = []
        previous_space = True
        for index, char in enumerate(text.translate(_FOLD)):
            if char.isspace():
                if previous_space:
                    continue
                char = " "
            previous_space = char == " "
            chars.append(char)
            offsets.append(index)
        return cls("".join(chars), tuple(offsets))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded slice [start, end)."""
        return self.offsets[start], self.offsets[end - 1] + 1


def fold(text: str) -> str:
    return " ".join(text.translate(_FOLD).split())


def find_passage(text: FoldedText, quote: str, before: str = "", after: str = "") -> list[tuple[int, int]]:
    """Every place `quote` occurs with `before` just ahead of it and `after` just behind it."""
    needle, ahead, behind = fold(quote), fold(before), fold(after)
    if not needle:
        return []
    found: list[tuple[int, int]] = []
    position = text.folded.find(needle)
    while position != -1:
        end = position + len(needle)
        if _ends_with(text.folded, position, ahead) and _starts_with(text.folded, end, behind):
            found.append(text.span(position, end))
        position = text.folded.find(needle, position + 1)
    return found


def _ends_with(folded: str, position: int, ahead: str) -> bool:
    return not ahead or folded[max(0, position - len(ahead) - 1) : position].rstrip().endswith(ahead)


def _starts_with(folded: str, position: int, behind: str) -> bool:
    return not behind or folded[position : position + len(behind) + 1].lstrip().startswith(behind)
