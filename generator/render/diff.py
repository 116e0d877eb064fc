"""Word-level differences between two versions of a passage, for showing them side by side.

Words are folded as the reuse stage folds them (`reuse.Words`: case aside) and punctuation is
not compared at all, so a copy that lost its commas or swapped curly for straight quotes shows
no change, while "recognised" and "recognized" do.
"""

from __future__ import annotations

import difflib

from generator.compare.reuse import Words


def changed_words(first: str, second: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the words that differ: (in `first`, in `second`), each merged into runs."""
    a, b = Words.of(first), Words.of(second)
    matcher = difflib.SequenceMatcher(None, a.words, b.words, autojunk=False)
    in_first: list[tuple[int, int]] = []
    in_second: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            in_first.append((a.spans[i1][0], a.spans[i2 - 1][1]))
        if j2 > j1:
            in_second.append((b.spans[j1][0], b.spans[j2 - 1][1]))
    return in_first, in_second
