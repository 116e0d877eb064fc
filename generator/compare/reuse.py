"""Stage 4a, reuse: which articles copy another, and which passages two articles share.

Texts are compared as sequences of word 5-grams ("shingles") after folding case and
punctuation, so a copy with its punctuation stripped still matches. Candidate pairs come from an
inverted index of shingles, so the cost grows with the corpus, not with its square; only pairs
that share enough shingles are aligned, each in time linear in their length.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.model import Article, Copy, Passage, Reuse

SHINGLE_WORDS = 5
COPY_OVERLAP = 0.8
"""Share of the shorter text's shingles found in the other above which it counts as a copy."""
COMMON_SHARE = 0.8
"""In large corpora, 5-grams found in more than this share of the articles are boilerplate."""
COMMON_MIN_ARTICLES = 20
PASSAGE_MIN_WORDS = 12
"""A shared passage is at least this many words in a row (after folding) in both texts."""
PASSAGE_GAP_WORDS = 8
"""Two matching runs this close in both texts are one passage with a change inside."""
PASSAGE_HOLDERS = 30
"""A 5-gram in more articles than this is a stock phrase ("at the end of the"): it does not
make two articles a candidate pair, so the pairs counted grow with the corpus, not its square."""
SKETCH = 8
"""Smallest shingle hashes kept per text to find near-duplicates among many reprints."""
_MIN_SHARED = PASSAGE_MIN_WORDS - SHINGLE_WORDS + 1
"""Fewer shared shingles than one minimal passage has: no passage is possible."""

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Words:
    """An article's folded words with their character spans, and its shingle at each word."""

    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    shingles: tuple[int, ...]

    @classmethod
    def of(cls, text: str, start: int = 0, end: int | None = None) -> Words:
        """The words of `text[start:end]`, spans still counted from the start of `text`."""
        matches = list(_WORD.finditer(text, start, len(text) if end is None else end))
        words = [match.group().lower() for match in matches]
        shingles = tuple(
            zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
            for i in range(max(len(words) - SHINGLE_WORDS + 1, 0))
        )
        return cls(tuple(words), tuple(match.span() for match in matches), shingles)


def shingles(text: str) -> set[int]:
    return set(Words.of(text).shingles)


def compare_reuse(
    articles: Sequence[Article], words: Mapping[str, Words] | None = None
) -> tuple[tuple[Copy, ...], tuple[Reuse, ...]]:
    """Copies (each with the article it copies) and every pair of articles sharing passages.

    Identical texts are grouped first (however many outlets reprint a story, each reprint is a
    copy of one original, and only the original is compared further). In a corpus of
    `COMMON_MIN_ARTICLES` or more, a 5-gram found in more than `COMMON_SHARE` of the articles is
    boilerplate: it counts neither as shared nor in the size it is compared with. `words` (each
    article's `Words`) saves folding the texts again when the caller has them.
    """
    words = words if words is not None else {article.id: Words.of(article.text) for article in articles}
    sets = {article_id: set(w.shingles) for article_id, w in words.items()}
    by_id = {article.id: article for article in articles}
    known: dict[str, tuple[int, int]] = {}  # provenance counted so far
    copies: dict[str, Copy] = {}
    reuse: list[Reuse] = []
    same_text: defaultdict[frozenset[int], list[Article]] = defaultdict(list)
    for article in articles:
        if sets[article.id]:
            same_text[frozenset(sets[article.id])].append(article)
    representatives = []
    for group in same_text.values():
        original = group[0]
        for other in group[1:]:
            original = _which_is_copy(other, original, known)[1]
        for article in group:
            if article is not original:
                copies[article.id] = Copy(article.id, original.id, 1.0)
                reuse.append(_pair(original, article, 1.0, words, frozenset()))
        representatives.append(original.id)
    # Most shingles belong to one text: remember its first holder, and make a list only for the rest.
    first_holder: dict[int, str] = {}
    index: dict[int, list[str]] = {}
    for article_id in representatives:
        for shingle in sets[article_id]:
            holder = first_holder.setdefault(shingle, article_id)
            if holder is not article_id:
                holders = index.get(shingle)
                if holders is None:
                    index[shingle] = [holder, article_id]
                else:
                    holders.append(article_id)
    limit = len(representatives)
    if len(articles) >= COMMON_MIN_ARTICLES:
        limit = max(2, int(len(representatives) * COMMON_SHARE))
    common_count: Counter[str] = Counter()
    common: set[int] = set()
    shared: Counter[tuple[str, str]] = Counter()
    for shingle, holders in index.items():
        if len(holders) > limit:
            common_count.update(holders)
            common.add(shingle)
        elif 1 < len(holders) <= PASSAGE_HOLDERS:
            for i, first in enumerate(holders):
                for second in holders[i + 1 :]:
                    shared[(first, second) if first < second else (second, first)] += 1
    frozen_common = frozenset(common)
    candidates = {pair for pair, count in shared.items() if count >= _MIN_SHARED}
    candidates |= _near_duplicates({a: sets[a] - frozen_common for a in representatives})
    for first, second in sorted(candidates):
        count = len(sets[first] & sets[second] - frozen_common)
        smaller = min(len(sets[first]) - common_count[first], len(sets[second]) - common_count[second])
        overlap = round(min(count / smaller, 1.0), 3) if smaller > 0 else 0.0
        copy, original = _which_is_copy(by_id[first], by_id[second], known)
        pair = _pair(original, copy, overlap, words, frozen_common)
        if overlap >= COPY_OVERLAP:
            previous = copies.get(copy.id)
            if previous is None or overlap > previous.overlap:
                copies[copy.id] = Copy(copy.id, original.id, overlap)
        if pair.passages:
            reuse.append(pair)
    copied = {(c.original, c.article) for c in copies.values()}
    reuse = [
        Reuse(r.first, r.second, r.overlap, r.passages, (r.first, r.second) in copied, r.dated) for r in reuse
    ]
    reuse.sort(key=lambda r: (-r.overlap, r.first, r.second))
    return tuple(copies[key] for key in sorted(copies)), tuple(reuse)


def _near_duplicates(sets: Mapping[str, set[int]]) -> set[tuple[str, str]]:
    """Pairs of texts likely to be near-duplicates: they share one of their `SKETCH` smallest
    shingles. Texts sharing 80% of their shingles almost surely do, however many texts repeat
    them (a wire story in a hundred papers), and unrelated texts almost never do."""
    buckets: defaultdict[int, list[str]] = defaultdict(list)
    for article_id, shingles in sets.items():
        for shingle in heapq.nsmallest(SKETCH, shingles):
            buckets[shingle].append(article_id)
    return {
        (first, second) if first < second else (second, first)
        for holders in buckets.values()
        for i, first in enumerate(holders)
        for second in holders[i + 1 :]
    }


def _pair(
    first: Article, second: Article, overlap: float, words: Mapping[str, Words], common: frozenset[int]
) -> Reuse:
    dated = bool(first.meta.date and second.meta.date and first.meta.date < second.meta.date)
    passages = _passages(first.id, second.id, words[first.id], words[second.id], common)
    return Reuse(first.id, second.id, overlap, passages, False, dated)


def _passages(
    first_id: str, second_id: str, first: Words, second: Words, common: frozenset[int]
) -> tuple[tuple[Passage, Passage], ...]:
    """The passages two texts share: runs of matching shingles on one diagonal, joined across
    small changes, kept when at least `PASSAGE_MIN_WORDS` long in both texts."""
    where: defaultdict[int, list[int]] = defaultdict(list)
    for position, shingle in enumerate(second.shingles):
        if shingle not in common:
            where[shingle].append(position)
    runs: list[list[int]] = []  # [start in first, start in second, length in shingles]
    open_runs: dict[int, list[int]] = {}  # diagonal -> the run that reached the previous word
    for i, shingle in enumerate(first.shingles):
        reached: dict[int, list[int]] = {}
        for j in where.get(shingle, ()):
            run = open_runs.get(j - i)
            if run is None:
                run = [i, j, 0]
                runs.append(run)
            run[2] += 1
            reached[j - i] = run
        open_runs = reached
    runs.sort()
    joined: list[list[int]] = []  # [start a, end a, start b, end b] in words (end exclusive)
    for start_a, start_b, length in runs:
        end_a, end_b = start_a + length + SHINGLE_WORDS - 1, start_b + length + SHINGLE_WORDS - 1
        last = joined[-1] if joined else None
        if (
            last is not None
            and 0 <= start_a - last[1] <= PASSAGE_GAP_WORDS
            and 0 <= start_b - last[3] <= PASSAGE_GAP_WORDS
        ):
            last[1], last[3] = max(last[1], end_a), max(last[3], end_b)
        elif last is None or start_a >= last[1]:
            joined.append([start_a, end_a, start_b, end_b])
    return tuple(
        (
            Passage(first_id, first.spans[a][0], first.spans[b - 1][1]),
            Passage(second_id, second.spans[c][0], second.spans[d - 1][1]),
        )
        for a, b, c, d in joined
        if b - a >= PASSAGE_MIN_WORDS and d - c >= PASSAGE_MIN_WORDS
    )


def _provenance(article: Article, known: dict[str, tuple[int, int]]) -> tuple[int, int]:
    """How much of its origin a text keeps: metadata read from it, and its punctuation marks.

    `known` holds what one comparison has counted already (an article meets many candidates).
    """
    if article.id not in known:
        punctuation = sum(1 for char in article.text if not char.isalnum() and not char.isspace())
        known[article.id] = (len(article.origins), punctuation)
    return known[article.id]


def _which_is_copy(
    first: Article, second: Article, known: dict[str, tuple[int, int]]
) -> tuple[Article, Article]:
    """(copy, original): the original is the earlier dated one; else the one that says more
    about its provenance. A republished copy typically loses its byline, date, and punctuation."""
    if first.meta.date and second.meta.date and first.meta.date != second.meta.date:
        return (second, first) if first.meta.date < second.meta.date else (first, second)
    kept, other = _provenance(first, known), _provenance(second, known)
    if kept == other:
        return (second, first) if first.id < second.id else (first, second)
    return (first, second) if kept < other else (second, first)
