"""Stage 4, compare: what the articles share. For now: which articles are copies of another.

Texts are compared as sets of word 5-grams ("shingles") after folding case and punctuation,
so a copy with its punctuation stripped still matches. Candidate pairs come from an inverted
index of shingles, so the cost grows with the corpus, not with its square.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.model import Article, Copy

SHINGLE_WORDS = 5
COPY_OVERLAP = 0.8
"""Share of the shorter text's shingles found in the other above which it counts as a copy."""
COMMON_SHARE = 0.5
"""In corpora of 10+ articles, shingles found in more than this share are boilerplate, not reuse."""

_WORD = re.compile(r"[^\W_]+")


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    return {
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
        for i in range(max(len(words) - SHINGLE_WORDS + 1, 0))
    }


def compare_copies(articles: Sequence[Article]) -> tuple[Copy, ...]:
    """Each article that is substantially another's text, with the article it copies."""
    sets = {article.id: shingles(article.text) for article in articles}
    index: defaultdict[int, list[str]] = defaultdict(list)
    for article_id, shingle_set in sets.items():
        for shingle in shingle_set:
            index[shingle].append(article_id)
    common = max(2, int(len(articles) * COMMON_SHARE)) if len(articles) >= 10 else len(articles)
    shared: Counter[tuple[str, str]] = Counter()
    for holders in index.values():
        if 1 < len(holders) <= common:
            for i, first in enumerate(holders):
                for second in holders[i + 1 :]:
                    shared[(first, second) if first < second else (second, first)] += 1
    by_id = {article.id: article for article in articles}
    copies: dict[str, Copy] = {}
    for (first, second), count in sorted(shared.items()):
        smaller = min(len(sets[first]), len(sets[second]))
        overlap = count / smaller if smaller else 0.0
        if overlap < COPY_OVERLAP:
            continue
        copy, original = _which_is_copy(by_id[first], by_id[second])
        previous = copies.get(copy.id)
        if previous is None or overlap > previous.overlap:
            copies[copy.id] = Copy(copy.id, original.id, round(overlap, 3))
    return tuple(copies[key] for key in sorted(copies))


def _which_is_copy(first: Article, second: Article) -> tuple[Article, Article]:
    """The original is the earlier dated one; else the one that says more about its provenance.

    A republished copy typically loses its byline, date, and punctuation on the way.
    """
    if first.meta.date and second.meta.date and first.meta.date != second.meta.date:
        return (second, first) if first.meta.date < second.meta.date else (first, second)

    def provenance(article: Article) -> tuple[int, int]:
        known = len(article.origins)
        punctuation = sum(1 for char in article.text if not char.isalnum() and not char.isspace())
        return (known, punctuation)

    if provenance(first) == provenance(second):
        return (second, first) if first.id < second.id else (first, second)
    return (first, second) if provenance(first) < provenance(second) else (second, first)
