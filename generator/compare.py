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
COMMON_SHARE = 0.8
"""In large corpora, 5-grams found in more than this share of the articles are boilerplate."""
COMMON_MIN_ARTICLES = 20

_WORD = re.compile(r"[^\W_]+")


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    return {
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
        for i in range(max(len(words) - SHINGLE_WORDS + 1, 0))
    }


def compare_copies(articles: Sequence[Article]) -> tuple[Copy, ...]:
    """Each article that is substantially another's text, with the article it copies.

    Identical texts are grouped first (however many outlets reprint a story, each reprint is a
    copy of one original). In a corpus of `COMMON_MIN_ARTICLES` or more, a 5-gram found in more
    than `COMMON_SHARE` of the articles is boilerplate: it counts neither as shared nor in the
    size it is compared with.
    """
    sets = {article.id: shingles(article.text) for article in articles}
    by_id = {article.id: article for article in articles}
    copies: dict[str, Copy] = {}
    same_text: defaultdict[frozenset[int], list[Article]] = defaultdict(list)
    for article in articles:
        if sets[article.id]:
            same_text[frozenset(sets[article.id])].append(article)
    representatives = []
    for group in same_text.values():
        original = group[0]
        for other in group[1:]:
            original = _which_is_copy(other, original)[1]
        for article in group:
            if article is not original:
                copies[article.id] = Copy(article.id, original.id, 1.0)
        representatives.append(original.id)
    index: defaultdict[int, list[str]] = defaultdict(list)
    for article_id in representatives:
        for shingle in sets[article_id]:
            index[shingle].append(article_id)
    limit = len(representatives)
    if len(articles) >= COMMON_MIN_ARTICLES:
        limit = max(2, int(len(representatives) * COMMON_SHARE))
    common: Counter[str] = Counter()
    shared: Counter[tuple[str, str]] = Counter()
    for holders in index.values():
        if len(holders) > limit:
            common.update(holders)
        elif len(holders) > 1:
            for i, first in enumerate(holders):
                for second in holders[i + 1 :]:
                    shared[(first, second) if first < second else (second, first)] += 1
    for (first, second), count in sorted(shared.items()):
        smaller = min(len(sets[first]) - common[first], len(sets[second]) - common[second])
        overlap = count / smaller if smaller > 0 else 0.0
        if overlap < COPY_OVERLAP:
            continue
        copy, original = _which_is_copy(by_id[first], by_id[second])
        previous = copies.get(copy.id)
        if previous is None or overlap > previous.overlap:
            copies[copy.id] = Copy(copy.id, original.id, round(min(overlap, 1.0), 3))
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
