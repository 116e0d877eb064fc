"""Stage 3c, link: every occurrence of every alias in every article, found in one pass.

An Aho-Corasick automaton over all aliases finds them all, including mentions the model
missed; overlaps keep the leftmost, then longest, and a match must stand on word boundaries.
Each mention also carries the labels written next to it (titles, epithets, appositions).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import ahocorasick  # type: ignore[import-not-found]

from generator.extract.names import knowledge
from generator.extract.rules import opens_sentence
from generator.model import Article, Extraction, Mention

_STOP = frozenset(
    "a an the and or but of to in on at by for with from as is was are were be been has had have that this "
    "which who whom whose when where while after before since than then also its his her their our your "
    "said says told against about over under into onto upon via per".split()
)
_APPOSITION = re.compile(
    r",\s+(?P<label>(?:(?:the|a|an)\s+)?[^,.;:()\"“”]{3,90}?)(?=\s*[,.;:(]|\s+(?:to|who|and)\s)"
)
_WORD = re.compile(r"\b[A-Za-z]+\b")
_WORD_BEFORE = re.compile(r"([\w’'.-]+)\s*$")


def link_mentions(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    aliases: Mapping[str, str],
    unbacked: Mapping[str, frozenset[str]] | None = None,
) -> tuple[Mention, ...]:
    """Every occurrence of every alias, except where its capital says little.

    An `unbacked` alias is one word with nothing but the model's guesses behind it, given with the
    articles the model found it in. Where the model read it, it is always linked. Elsewhere:
    - found in a single article, and also written in lower case somewhere in the corpus, it is
      linked nowhere else (the month in "until May" is not `Theresa May`);
    - written in lower case more often than with a capital (`next`, `government`, not `Arsenal`),
      it is not linked where it opens a sentence ("Next week" is not the retailer `Next`).
    """
    unbacked = unbacked or {}
    counts = _word_counts(articles) if unbacked else Counter()
    rules = {  # the unbacked aliases also written in lower case
        alias: _Doubt(found_in, mostly_lower=counts[alias.lower()] > counts[alias])
        for alias, found_in in unbacked.items()
        if counts[alias.lower()]
    }
    automaton = _automaton(aliases)
    sentences = {extraction.article: extraction.sentences for extraction in extractions}
    read = {(e.article, c.start) for e in extractions for c in e.candidates if c.text in rules}
    mentions: list[Mention] = []
    for article in articles:
        found = _link_article(article, automaton, sentences.get(article.id, ()))
        for mention in found:
            doubt = rules.get(mention.text)
            if doubt is None or doubt.allows(mention, article.text, read):
                mentions.append(mention)
    return tuple(mentions)


@dataclass(frozen=True, slots=True)
class _Doubt:
    """What is known of an unbacked alias that is also a common word."""

    found_in: frozenset[str]
    mostly_lower: bool

    def allows(self, mention: Mention, text: str, read: set[tuple[str, int]]) -> bool:
        """Whether to link a mention; `read` holds where the model read an unbacked alias."""
        if (mention.article, mention.start) in read:
            return True
        if len(self.found_in) < 2 and mention.article not in self.found_in:
            return False
        return not (self.mostly_lower and opens_sentence(text, mention.start))


def _word_counts(articles: Sequence[Article]) -> Counter[str]:
    """How often each word is written so (`next` and `Next` apart) in the corpus."""
    counts: Counter[str] = Counter()
    for article in articles:
        counts.update(_WORD.findall(article.text))
    return counts


def _automaton(aliases: Mapping[str, str]) -> ahocorasick.Automaton | None:
    if not aliases:
        return None
    automaton = ahocorasick.Automaton()
    for alias, entity_id in aliases.items():
        automaton.add_word(alias, (alias, entity_id))
    automaton.make_automaton()
    return automaton


def _link_article(
    article: Article, automaton: ahocorasick.Automaton | None, sentences: Sequence[tuple[int, int]]
) -> list[Mention]:
    if automaton is None:
        return []
    text = article.text
    found: list[tuple[int, int, str]] = []
    for end_index, (alias, entity_id) in automaton.iter(text):
        start, end = end_index - len(alias) + 1, end_index + 1
        if _on_boundaries(text, start, end):
            found.append((start, end, entity_id))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    starts = [start for start, _ in sentences]
    mentions: list[Mention] = []
    last_end = -1
    for start, end, entity_id in found:
        if start < last_end:
            continue
        sentence = max(bisect.bisect_right(starts, start) - 1, 0)
        descriptors = describe(text, start, end)
        mentions.append(Mention(article.id, start, end, text[start:end], entity_id, sentence, descriptors))
        last_end = end
    return mentions


def _on_boundaries(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


def describe(text: str, start: int, end: int) -> tuple[str, ...]:
    """The labels a source puts next to a name: `military strongman`, `Field Marshal`, appositions."""
    labels = []
    before = text[max(0, start - 120) : start]
    prefix = _title_and_modifiers(before)
    if prefix:
        labels.append(prefix)
    apposition = _APPOSITION.match(text, end, min(len(text), end + 140))
    if apposition and _is_label(apposition["label"]):
        labels.append(apposition["label"].strip())
    return tuple(labels)


def _title_and_modifiers(before: str) -> str | None:
    """`with military strongman ` -> `military strongman`; `US citizen General ` -> `US citizen General`."""
    facts = knowledge()
    stripped = before.rstrip()
    if len(stripped) == len(before) and before:
        return None  # the name is glued to the word before it
    words: list[str] = []
    for title in facts.titles:
        if stripped.endswith(title) and (
            len(stripped) == len(title) or not stripped[-len(title) - 1].isalnum()
        ):
            words = title.split()
            stripped = stripped[: -len(title)].rstrip()
            break
    anchor = bool(words)
    if not words and stripped.endswith(","):
        stripped = stripped[:-1]  # `LNA chief, Khalifa Haftar`
    modifiers = 0
    while modifiers < 3:
        match = _WORD_BEFORE.search(stripped)
        if not match:
            break
        word = match.group(1)
        lowered = word.casefold().strip(".")
        if lowered in _STOP or word.endswith((".", ",")) or not any(ch.isalpha() for ch in word):
            break
        if not anchor:
            if lowered not in facts.descriptor_nouns:
                break
            anchor = True
        elif not _is_modifier(word, lowered):
            break
        else:
            modifiers += 1
        words.insert(0, word)
        stripped = stripped[: match.start()].rstrip()
        if stripped.endswith((",", ";", ":", "(", "“", '"')):
            break
    return " ".join(words) if words else None


_VERBS = frozenset(
    "say says call calls see sees let make makes get gets meet meets back backs urge urges warn "
    "warns tell tells hope hopes think thinks".split()
)


def _is_modifier(word: str, lowered: str) -> bool:
    """`military`, `renegade`, `UN-backed`, `self-styled`, `US`, `citizen`; not `recognised`, `backing`."""
    if "-" in word or word[:1].isupper() or lowered in knowledge().descriptor_nouns:
        return True
    return lowered not in _VERBS and not lowered.endswith(("ed", "ing"))


def _is_label(label: str) -> bool:
    first = label.split()[0].casefold()
    words = label.split()
    if first in ("the", "a", "an"):
        return len(words) >= 2 and words[1].casefold() not in _STOP
    return first in knowledge().descriptor_nouns
