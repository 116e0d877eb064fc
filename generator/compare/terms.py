"""Stage 4c, shared terms: short quotes ("political trial") that several sources carry, with who
writes them in quotation marks and who adopts them in their own voice.

A term starts as a quote of two words or more ("left-wing" is one) that is too short to be
compared as a quote in `quotes.py` (under five words, case and punctuation aside). Its words are
looked for, word for word with case and punctuation aside, in every article; each place is a
use, quoted when it lies inside quotation marks. It is a shared term when:

- it holds a content word: one that is not one of spaCy's English stop words ("at all" and
  "if so" are not terms), nor a contraction or a single letter;
- two or more articles carry it, a copy of another article included (a reprint that keeps its
  original's label, or drops its quotation marks, is what a researcher tracing a term wants to
  see; the page marks it as a copy);
- it is not ordinary language: written without quotation marks by more than half of the sources
  (and by at least three), a phrase is how everyone says it, not a label someone chose. A corpus
  of two or three sources is too small to tell, and only the stop words decide there.

Words inside a quote that is grouped across articles belong to that quote, not to a term: a
short quote that is part of a long one counts only where it is carried on its own. When one
term holds another ("a political trial", "political trial") and the shorter is carried by every
source of the longer, only the shorter is kept: its uses show the longer wording in context.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import ahocorasick  # type: ignore[import-not-found]

from generator.compare.quotes import MIN_WORDS as QUOTE_MIN_WORDS
from generator.compare.reuse import Words
from generator.model import Article, Copy, Quote, QuoteGroup, SharedTerm, TermUse

MIN_WORDS = 2
"""A single word in quotation marks ("renegade", "left-wing") is too common to trace across outlets."""
MAX_FOLDED = QUOTE_MIN_WORDS - 1
"""Quotes of `quotes.MIN_WORDS` folded words or more ("U.S." is two) are compared as quotes."""
COMMON_SHARE = 0.5
"""Written without quotation marks by more than this share of the sources: ordinary language."""
COMMON_MIN_SOURCES = 3
"""... and by at least this many: in a smaller corpus the share says nothing."""

_BREAK = re.compile(r"[.!?;:\n]")
"""Punctuation that ends a phrase: a use may not run across it unless the quoted term does."""
_TOKEN = re.compile(r"\S*[^\W_]\S*")
_CONTRACTION = re.compile(r"(?:n't|'s|'re|'ve|'ll|'d|'m)$")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True, slots=True)
class _Seed:
    """A term's words, as one or more short quotes give them."""

    words: tuple[str, ...]
    text: str
    """The first quote of the term, as written (with any punctuation before its first word)."""
    breaks: tuple[bool, ...]
    """Per gap between two words: whether some quote of the term has phrase-ending punctuation
    there ("U.S. envoy"), so that a use may have it too."""


def group_terms(
    articles: Sequence[Article],
    quotes: Sequence[Quote],
    quote_groups: Sequence[QuoteGroup],
    copies: Sequence[Copy],
    words: Mapping[str, Words] | None = None,
) -> tuple[SharedTerm, ...]:
    """The shared terms, the most widely carried first (see the module's docstring for the rule).

    `words` (each article's folded words, as the reuse stage computed them) saves folding again.
    """
    texts = {article.id: article.text for article in articles}
    words = words if words is not None else {a.id: Words.of(a.text) for a in articles}
    seeds = _seeds(texts, quotes)
    if not seeds:
        return ()
    original = {copy.article: copy.original for copy in copies}
    source = {article.id: original.get(article.id, article.id) for article in articles}
    sources = len(set(source.values()))
    quoted = _Spans((q.article, q.start, q.end) for q in quotes)
    grouped = _Spans((v.article, v.start, v.end) for group in quote_groups for v in group.versions)
    found: dict[tuple[str, ...], list[TermUse]] = defaultdict(list)
    for article_id, start, end, key in _find(seeds, words, texts):
        if not grouped.overlaps(article_id, start, end):
            found[key].append(TermUse(article_id, start, end, quoted.overlaps(article_id, start, end)))
    carriers: dict[tuple[str, ...], set[str]] = {}
    for key, uses in found.items():
        plain = {source[use.article] for use in uses if not use.quoted}
        if len(plain) >= COMMON_MIN_SOURCES and len(plain) > COMMON_SHARE * sources:
            continue
        carried = {use.article for use in uses}
        if len(carried) > 1 and any(use.quoted for use in uses):
            carriers[key] = carried
    kept = [key for key in carriers if not _wider_than_a_term(key, carriers)]
    kept.sort(key=lambda key: (-len(carriers[key]), -_quoting(found[key], source), key))
    terms = []
    for number, key in enumerate(kept, start=1):
        uses = sorted(found[key], key=lambda use: (use.article, use.start))
        terms.append(SharedTerm(f"t{number}", " ".join(key), seeds[key].text, tuple(uses)))
    return tuple(terms)


def _seeds(texts: Mapping[str, str], quotes: Sequence[Quote]) -> dict[tuple[str, ...], _Seed]:
    """The words of every short quote that holds a content word, keyed by those words."""
    seeds: dict[tuple[str, ...], _Seed] = {}
    for quote in sorted(quotes, key=lambda q: (q.article, q.start)):
        text = texts.get(quote.article)
        if text is None:
            continue
        tokens = _TOKEN.findall(text, quote.start, quote.end)
        folded = Words.of(text, quote.start, quote.end)
        if len(tokens) < MIN_WORDS or len(folded.words) > MAX_FOLDED:
            continue
        if not any(_is_content(token) for token in tokens):
            continue
        breaks = _breaks(text, folded.spans)
        known = seeds.get(folded.words)
        if known is None:
            seeds[folded.words] = _Seed(folded.words, quote.text, breaks)
        else:
            breaks = tuple(a or b for a, b in zip(known.breaks, breaks, strict=True))
            seeds[folded.words] = _Seed(folded.words, known.text, breaks)
    return seeds


def _is_content(token: str) -> bool:
    """A word that says something: not a stop word, an auxiliary, a number or a single letter."""
    word = _EDGES.sub("", token.lower().replace("’", "'"))
    if word.endswith("n't"):
        return False  # "don't", "won't": auxiliaries
    stem = _CONTRACTION.sub("", word)
    return (
        len(stem) > 1 and not stem.replace(",", "").replace(".", "").isdigit() and stem not in _stop_words()
    )


@cache
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words: function words and the commonest adverbs ("at", "all", "well")."""
    from spacy.lang.en.stop_words import STOP_WORDS  # imported here: spaCy takes a second to load

    return frozenset(STOP_WORDS)


def _breaks(text: str, spans: Sequence[tuple[int, int]]) -> tuple[bool, ...]:
    return tuple(bool(_BREAK.search(text, spans[i][1], spans[i + 1][0])) for i in range(len(spans) - 1))


def _find(
    seeds: Mapping[tuple[str, ...], _Seed], words: Mapping[str, Words], texts: Mapping[str, str]
) -> list[tuple[str, int, int, tuple[str, ...]]]:
    """Every place an article has a seed's words in a row, not across a sentence or paragraph end.

    The folded words are joined by spaces and the seeds found in one Aho-Corasick pass per
    article; a seed written with a space on either side can only match whole words.
    """
    automaton = ahocorasick.Automaton()
    for key in seeds:
        pattern = f" {' '.join(key)} "
        automaton.add_word(pattern, (key, len(pattern)))
    automaton.make_automaton()
    found = []
    for article_id, article in words.items():
        text, joined = texts[article_id], " " + " ".join(article.words) + " "
        at = position = 0  # joined[at] is the space before word `position`; matches come in order
        for last, (key, length) in automaton.iter(joined):
            start = last + 1 - length
            if start >= at:
                position += joined.count(" ", at, start)
            else:
                position -= joined.count(" ", start, at)
            at = start
            spans = article.spans[position : position + len(key)]
            breaks = _breaks(text, spans)
            if not any(b and not allowed for b, allowed in zip(breaks, seeds[key].breaks, strict=True)):
                found.append((article_id, spans[0][0], spans[-1][1], key))
    return found


class _Spans:
    """Character spans per article, asked whether any of them overlaps a range."""

    def __init__(self, spans: Iterable[tuple[str, int, int]]) -> None:
        by_article: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for article_id, start, end in spans:
            by_article[article_id].append((start, end))
        self._spans = {article_id: sorted(found) for article_id, found in by_article.items()}
        # The furthest end among the spans up to each one, so that a long span still counts.
        self._reach = {
            article_id: _running_max([end for _, end in found]) for article_id, found in self._spans.items()
        }

    def overlaps(self, article_id: str, start: int, end: int) -> bool:
        spans = self._spans.get(article_id)
        if not spans:
            return False
        index = bisect.bisect_left(spans, (end, end)) - 1
        return index >= 0 and self._reach[article_id][index] > start


def _running_max(values: list[int]) -> list[int]:
    result, best = [], -1
    for value in values:
        best = max(best, value)
        result.append(best)
    return result


def _wider_than_a_term(key: tuple[str, ...], carriers: Mapping[tuple[str, ...], set[str]]) -> bool:
    """Whether a shorter term inside `key` is carried by every source that carries `key`."""
    return any(
        (inner := carriers.get(key[i : i + length])) is not None and carriers[key] <= inner
        for length in range(2, len(key))
        for i in range(len(key) - length + 1)
    )


def _quoting(uses: Sequence[TermUse], source: Mapping[str, str]) -> int:
    return len({source[use.article] for use in uses if use.quoted})
