"""Stage 4b, quote groups: the same quote across articles, verbatim, trimmed or altered.

Quotes are compared as sequences of folded words (case and punctuation aside, so a curly and a
straight apostrophe are the same, but "recognised" and "recognized" are not). Candidate pairs
share a run of five words, found through an index; each pair is then aligned word by word. A
group's words are also looked for outside quotation marks, so a copy that lost its punctuation
still counts as carrying the quote.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from generator.compare.reuse import SHINGLE_WORDS, Words
from generator.groups import Groups
from generator.model import Article, Quote, QuoteGroup, QuoteVersion

MIN_WORDS = 5
"""Shorter quotes ("war", "heavy heart") are scare quotes or labels, not statements to trace."""
SAME_QUOTE = 0.6
"""Share of the shorter quote's words aligned with the other's for the two to be one quote."""
_SAID_OUTRIGHT = frozenset({"said after", "said before", "colon", "according to"})
"""Cues where the quote's own sentence says who speaks; the others infer it (`subject`,
`earlier`, `pronoun`...), so they weigh less when versions of a quote disagree."""
_MAX_HOLDERS = 50
"""A run of five words in more quotes than this is a stock phrase, not a sign of the same quote."""


def group_quotes(
    articles: Sequence[Article], quotes: Sequence[Quote], words: Mapping[str, Words] | None = None
) -> tuple[QuoteGroup, ...]:
    """Groups of quotes that two or more articles carry, the most widely carried first.

    `words` (each article's folded words, as the reuse stage computed them) saves folding again.
    """
    texts = {article.id: article.text for article in articles}
    folded = [Words.of(texts[q.article], q.start, q.end) for q in quotes]
    eligible = [i for i, w in enumerate(folded) if len(w.words) >= MIN_WORDS]
    # Candidates share at least one run of five words; each pair is then aligned once.
    index: defaultdict[int, list[int]] = defaultdict(list)
    for i in eligible:
        for shingle in set(folded[i].shingles):
            index[shingle].append(i)
    candidates: set[tuple[int, int]] = set()
    for holders in index.values():
        if len(holders) <= _MAX_HOLDERS:
            candidates.update(
                (a, b)
                for k, a in enumerate(holders)
                for b in holders[k + 1 :]
                if quotes[a].article != quotes[b].article
            )
    joined = Groups(eligible)
    for a, b in sorted(candidates):
        if joined.find(a) != joined.find(b) and _alike(folded[a].words, folded[b].words):
            joined.join(a, b)
    groups = [ids for ids in joined.groups() if len({quotes[i].article for i in ids}) > 1]
    words = words if words is not None else {a.id: Words.of(a.text) for a in articles}
    unmarked = _unmarked_versions(groups, quotes, folded, words)
    result: list[tuple[tuple[int, int, str, int], QuoteGroup]] = []
    for number, ids in enumerate(groups):
        reference = max(ids, key=lambda i: (len(folded[i].words), -i))
        ref_words = folded[reference].words
        versions = [QuoteVersion(quotes[reference].article, quotes[reference].start, quotes[reference].end)]
        for i in sorted(ids, key=lambda i: (quotes[i].article, quotes[i].start)):
            if i != reference:
                trimmed, altered = _difference(ref_words, folded[i].words)
                versions.append(
                    QuoteVersion(quotes[i].article, quotes[i].start, quotes[i].end, True, trimmed, altered)
                )
        for article_id, start, end, found in unmarked.get(number, ()):
            trimmed, altered = _difference(ref_words, found)
            versions.append(QuoteVersion(article_id, start, end, False, trimmed, altered))
        speaker = _group_speaker([quotes[i] for i in ids])
        carried = len({v.article for v in versions})
        article_id, start = min((quotes[i].article, quotes[i].start) for i in ids)
        order = (-carried, -len(ref_words), article_id, start)
        result.append((order, QuoteGroup("", tuple(versions), speaker)))
    result.sort(key=lambda item: item[0])
    return tuple(
        QuoteGroup(f"q{number}", group.versions, group.speaker)
        for number, (_, group) in enumerate(result, start=1)
    )


def _alike(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched >= MIN_WORDS and matched >= SAME_QUOTE * min(len(first), len(second))


def _difference(reference: tuple[str, ...], version: tuple[str, ...]) -> tuple[bool, bool]:
    """(trimmed, altered): does the version leave out the reference's ends; does it change words."""
    opcodes = difflib.SequenceMatcher(None, reference, version, autojunk=False).get_opcodes()
    equal = [i for i, op in enumerate(opcodes) if op[0] == "equal"]
    if not equal:
        return False, True
    first, last = equal[0], equal[-1]
    trimmed = opcodes[first][1] > 0 or opcodes[last][2] < len(reference)
    altered = any(op[0] != "equal" for op in opcodes[first : last + 1]) or (
        opcodes[first][3] > 0 or opcodes[last][4] < len(version)
    )
    return trimmed, altered


def _unmarked_versions(
    groups: Sequence[Sequence[int]],
    quotes: Sequence[Quote],
    folded: Sequence[Words],
    words: Mapping[str, Words],
) -> dict[int, list[tuple[str, int, int, tuple[str, ...]]]]:
    """For each group, the articles that have its words without quotation marks.

    One pass over every article's shingles, looking each up among the groups' shingles.
    """
    wanted: defaultdict[int, set[int]] = defaultdict(set)
    for number, ids in enumerate(groups):
        for i in ids:
            for shingle in folded[i].shingles:
                wanted[shingle].add(number)
    holders = {(quotes[i].article, number) for number, ids in enumerate(groups) for i in ids}
    quoted_spans: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    for quote in quotes:
        quoted_spans[quote.article].append((quote.start, quote.end))
    found: dict[int, list[tuple[str, int, int, tuple[str, ...]]]] = defaultdict(list)
    for article_id, article_words in words.items():
        hits: defaultdict[int, list[int]] = defaultdict(list)
        for position, shingle in enumerate(article_words.shingles):
            for number in wanted.get(shingle, ()):
                if (article_id, number) not in holders:
                    hits[number].append(position)
        for number, positions in hits.items():
            start, end = _longest_run(positions)
            word_end = end + SHINGLE_WORDS - 1
            if word_end - start < MIN_WORDS:
                continue
            char_start, char_end = article_words.spans[start][0], article_words.spans[word_end - 1][1]
            if any(s < char_end and char_start < e for s, e in quoted_spans.get(article_id, ())):
                continue
            found[number].append((article_id, char_start, char_end, article_words.words[start:word_end]))
    return found


def _longest_run(positions: list[int]) -> tuple[int, int]:
    """The longest stretch of consecutive positions, as [start, end)."""
    best = (positions[0], positions[0] + 1)
    start = previous = positions[0]
    for position in positions[1:]:
        if position != previous + 1:
            start = position
        previous = position
        if position + 1 - start > best[1] - best[0]:
            best = (start, position + 1)
    return best


def _group_speaker(versions: Sequence[Quote]) -> str | None:
    """The speaker most versions give, an attribution said outright counting double: the White
    House statement that one outlet gives as "Trump 'recognised ...'" stays the White House's."""
    votes: Counter[str] = Counter()
    for quote in versions:
        if quote.speaker:
            votes[quote.speaker] += 2 if quote.cue in _SAID_OUTRIGHT else 1
    return votes.most_common(1)[0][0] if votes else None
