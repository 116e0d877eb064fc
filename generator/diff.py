"""Word-level differences between two versions of a passage, for showing them side by side.

Words are compared folded (case aside) and punctuation is not compared at all, so a copy that
lost its commas or swapped curly for straight quotes shows no change, while "recognised" and
"recognized" do.
"""

from __future__ import annotations

import difflib
import re

_WORD = re.compile(r"[^\W_]+")


def changed_words(first: str, second: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the words that differ: (in `first`, in `second`), each merged into runs."""
    a = list(_WORD.finditer(first))
    b = list(_WORD.finditer(second))
    matcher = difflib.SequenceMatcher(
        None, [m.group().casefold() for m in a], [m.group().casefold() for m in b], autojunk=False
    )
    in_first: list[tuple[int, int]] = []
    in_second: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            in_first.append((a[i1].start(), a[i2 - 1].end()))
        if j2 > j1:
            in_second.append((b[j1].start(), b[j2 - 1].end()))
    return in_first, in_second
