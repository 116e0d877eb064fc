"""Rules that correct the model's names: each cut to the name alone, the names it missed added,
words that name nothing dropped; `name_types.py` then says what kind of thing each is.

The model errs systematically: titles glued to names, possessives and scores, spans that run
together in punctuation-stripped text, datelines, long names cut short.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from generator.extract.name_types import (
    NAME_WORD,
    is_country,
    list_siblings,
    nouns_before_names,
    one_sense,
    organisation_role_after,
    people_named_in_full,
    retype,
)
from generator.extract.names import acronym_of, clean_surface, is_acronym, knowledge, strip_title
from generator.model import Article, Candidate, EntityType

_ACRONYM = re.compile(r"\b[A-Z](?:[A-Z]|\.(?=[A-Z])){1,7}\.?(?![\w])")
_WORD = re.compile(r"[\w’'.-]+")
_PLAIN_WORD = re.compile(r"\b\w+\b")
_OPENERS = frozenset({"A", "An", "And", "As", "At", "But", "For", "If", "In", "On", "The", "When", "While"})

_SPAN_BREAK = re.compile(r"(,\s+|\s+[-–—]\s+|\s*[()]\s*)")
_SCORE = re.compile(r"\s+\d+-\d+$")
_PERSON_NUMBER = re.compile(r"(?: [\d-]+)+$")  # `Greg Rusedski 4-`, `Byrne 33`: a score or shirt number
_PORTFOLIO_TITLE = re.compile(r" (?:Secretary|Minister)\b")
_TRAILING_LOWER = re.compile(r"(?: [a-z][a-z’'-]*)+$")
_EVENT_AFTER = re.compile(r" (?:[Aa]wards?|[Pp]rizes?)\b")
_EPONYM_AFTER = re.compile(r"['’]s (?:[Dd]isease|[Ss]yndrome|[Tt]heorem|[Ll]aw|[Pp]rinciple|[Pp]aradox)\b")
_SECOND_BARREL = re.compile(r"-[A-Z][a-z]+\b(?![’'-])")
_INDEX_NUMBER = re.compile(r" (?!19\d\d|20\d\d)\d{2,4}\b(?![.,]\d)")


def correct_names(
    article: Article,
    spans: Iterable[tuple[int, int, EntityType]],
    starts: set[int],
    acronyms: tuple[tuple[str, str], ...],
) -> tuple[Candidate, ...]:
    """The model's typed spans (offsets into the article's text) -> the article's names, corrected,
    in text order. `starts` are where its sentences start; `acronyms` those it defines."""
    text = article.text
    candidates = [c for start, end, kind in spans for c in _candidates(text, start, end, kind)]
    candidates.extend(_dateline_candidate(article))
    candidates.extend(list_siblings(text, candidates))
    words = set(_PLAIN_WORD.findall(text))
    candidates = _with_pattern_names(text, starts, words, candidates)
    candidates = _split_acronym_tails(candidates, acronyms)
    listed = {(c.start, c.end) for c in candidates if c.rule == "list"}
    candidates = [c for c in candidates if c.rule == "list" or (c.start, c.end) not in listed]
    candidates = _without_titles_of_works(text, candidates)
    candidates = _without_sentence_openers(text, starts, words, candidates)
    fixed = sorted(
        _without_function_words(one_sense(text, {retype(text, c) for c in candidates})),
        key=lambda c: (c.start, c.end, c.type, c.rule, c.text),
    )
    return tuple(fixed)


def _candidates(text: str, start: int, end: int, kind: EntityType) -> list[Candidate]:
    """One model span -> clean names: no `the`, possessive, title, score; split at commas, dashes
    and brackets (`International Labour Organisation (ILO`, `Fabien Pelous (Stade Toulousain`)."""
    found = []
    offset = start
    for part in _SPAN_BREAK.split(text[start:end]):
        if part and not _SPAN_BREAK.fullmatch(part):
            candidate = _clean(text, offset, offset + len(part), kind)
            if candidate is not None:
                found.append(candidate)
        offset += len(part)
    return found


def _clean(text: str, start: int, end: int, kind: EntityType) -> Candidate | None:
    surface, lead, tail = clean_surface(text[start:end])
    score = _SCORE.search(surface)  # `Craven Cottage 1-0`
    if score:
        surface, tail = surface[: score.start()], tail - len(score.group())
    start, end = start + lead, start + tail
    name, title = strip_title(surface)
    if title:
        start = end - len(name)
        kind = EntityType.PERSON if kind is not EntityType.PLACE else kind
    number = _PERSON_NUMBER.search(name) if kind is EntityType.PERSON else None
    if number and number.start() > 0:
        name, end = name[: number.start()], end - len(number.group())
    trailing = _TRAILING_LOWER.search(name)  # `Forum for the Future research`
    if trailing and trailing.start() > 0:
        name, end = name[: trailing.start()], end - len(trailing.group())
    if _EVENT_AFTER.match(text, end) or _EPONYM_AFTER.match(text, end):
        return None  # `Brit awards`, `Legionnaire's disease`: part of an event's or an idea's name
    if not name[:1].isupper() and not (name[:1].isdigit() and kind is not EntityType.PERSON):
        return None  # a person's name starts with a capital; `2d3` may be a company, `193bn` no one
    facts = knowledge()
    if name in facts.not_names or name in facts.title_set or not any(char.isalpha() for char in name):
        return None
    if any(name.endswith(" " + suffix) for suffix in facts.event_suffixes):
        return None  # `Brit Awards`, `London Marathon`: an event
    if kind is EntityType.ORGANIZATION and _PORTFOLIO_TITLE.match(text, end):
        return None  # `the Trade and Industry Secretary`: a portfolio in a title
    barrel = _SECOND_BARREL.match(text, end) if kind is EntityType.PERSON else None
    if barrel:  # `Nadia Magnenat-Thalman`, cut by the model at the hyphen
        end, name = barrel.end(), name + barrel.group()
    number = _INDEX_NUMBER.match(text, end) if is_acronym(name) else None
    if number:  # `FTSE 100`, `S&P 500`: the number is part of the name
        end, name = number.end(), name + number.group()
    return Candidate(start, end, name, kind, "title" if title else "model")


def _dateline_candidate(article: Article) -> list[Candidate]:
    """`TRIPOLI (Outlet) –`: the model often calls the capitalised place an organisation."""
    place = article.meta.dateline
    if not place:
        return []
    head = article.text[: len(place)]
    if head.casefold() != place.casefold():
        return []
    return [Candidate(0, len(place), head, EntityType.PLACE, "dateline")]


class _Spans:
    """Ranges of an article's text by position: the ones overlapping a range are found without a
    scan of them all (a long article has thousands of names)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]
        self._longest = max((end - start for start, end in self._spans), default=0)

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._spans.insert(index, (start, end))
        self._longest = max(self._longest, end - start)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return [(a, b) for a, b in self._spans[low:high] if b > start]

    def cover(self, start: int, end: int) -> bool:
        """Whether one range holds all of start..end."""
        return any(a <= start and end <= b for a, b in self.overlapping(start, end))


@cache
def _stop_words() -> frozenset[str]:
    """English function words (`the`, `former`, `their`), which never open a name."""
    from spacy.lang.en.stop_words import STOP_WORDS  # imported here: spaCy takes a second to load

    return frozenset(STOP_WORDS)


@cache
def _name_patterns() -> tuple[tuple[re.Pattern[str], EntityType, str, int], ...]:
    """(pattern whose group `name` is the name, its type, the rule, the fewest words it has)."""
    facts = knowledge()
    heads = "|".join(sorted(facts.organisation_heads))
    head_of = re.compile(
        rf"(?P<name>(?:{NAME_WORD} +){{0,3}}(?:{heads}) +(?:of|for) +(?:the +)?{NAME_WORD}"
        rf"(?: +(?:(?:of|for|and|&) +)?{NAME_WORD}){{0,4}})"
    )

    def ends_in(words: frozenset[str]) -> re.Pattern[str]:
        # the word must end the name: `Consumer Electronics Show` is no `Consumer Electronics`
        return re.compile(rf"(?P<name>(?:{NAME_WORD} +){{1,4}}(?:{'|'.join(sorted(words))}))\b(?! [A-Z])")

    # `Southampton boss Harry Redknapp`, `Yukos chief executive Steven Theede`: a club or company
    # before a role in it
    team = re.compile(
        rf"(?P<name>{NAME_WORD}(?: +{NAME_WORD}){{0,2}}?){organisation_role_after().pattern} +[A-Z]"
    )
    # `gas firm Gazprom`, `rock group Evanescence` (not `film maker` or `publisher`: they may be people)
    nouns = "|".join(sorted(nouns_before_names() - {"maker", "publisher"}))
    after_noun = re.compile(rf"\b(?:{nouns}) +(?P<name>{NAME_WORD}(?: +{NAME_WORD}){{0,3}})")
    return (
        (head_of, EntityType.ORGANIZATION, "organisation name", 2),
        (ends_in(facts.organisation_suffixes), EntityType.ORGANIZATION, "organisation name", 2),
        (ends_in(facts.place_suffixes), EntityType.PLACE, "place name", 2),
        (team, EntityType.ORGANIZATION, "club or company", 1),
        (after_noun, EntityType.ORGANIZATION, "organisation noun", 1),
    )


def _with_pattern_names(
    text: str, starts: set[int], words: set[str], found: list[Candidate]
) -> list[Candidate]:
    """`Liberal Democrat`, `Board of Deputies of British Jews`, `Commission for Racial Equality`,
    `British Retail Consortium`, `Millennium Stadium`: names the model cut short or missed, found
    among the well-known names of several words or by how organisations and places are named.

    A match gives way to a model name that runs past either end of it; the names inside it are
    replaced by it (a name nested in a longer one is not a mention of its own). `starts` are
    where sentences start, `words` every word of the text as written.
    """
    by_span: defaultdict[tuple[int, int], list[Candidate]] = defaultdict(list)
    for candidate in found:
        by_span[(candidate.start, candidate.end)].append(candidate)
    spans = _Spans(by_span)
    taken = _Spans()
    added: list[Candidate] = []

    def place(start: int, end: int, kind: EntityType, rule: str) -> None:
        if (start, end) in by_span:
            return  # the model read this very name: only the retyping rules may change its type
        if any(a < start or b > end for a, b in spans.overlapping(start, end)) or taken.overlapping(
            start, end
        ):
            return  # a model name runs past it, or another match has these words
        added.append(Candidate(start, end, text[start:end], kind, rule))
        taken.add(start, end)

    known, types = _known_names()
    for match in known.finditer(text):
        place(match.start(), match.end(), types[match.group()], "known name")
    for pattern, kind, rule, fewest in _name_patterns():
        for match in pattern.finditer(text):
            overlapping = spans.overlapping(match.start("name"), match.end("name"))
            near = [candidate for span in overlapping for candidate in by_span[span]]
            if near and rule == "organisation noun":
                continue  # only for a name the model missed: `giant ISP AOL` is `AOL`
            span = _name_span(text, match.start("name"), match.end("name"), starts, words, near, fewest)
            if span is None:
                continue
            if rule == "club or company" and is_country(text[span[0] : span[1]]):
                continue  # a country stays a place
            place(*span, kind, rule)
    if not added:
        return found
    return [c for c in found if not taken.cover(c.start, c.end)] + added


@cache
def _known_names() -> tuple[re.Pattern[str], dict[str, EntityType]]:
    """The well-known names of several words (`Liberal Democrat`, `Associated Press`) and their types."""
    types = {name: EntityType(kind) for name, kind in knowledge().known_types.items() if " " in name}
    names = "|".join(re.escape(name) for name in sorted(types, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{names})(?![\w-])"), types


def _name_span(
    text: str,
    start: int,
    end: int,
    sentence_starts: set[int],
    words_in_text: set[str],
    near: list[Candidate],
    fewest: int,
) -> tuple[int, int] | None:
    """The name within a match: no sentence opener, title or person before it, no second name
    joined by `and` after it. `near` holds the model's names that overlap the match."""
    facts = knowledge()
    for candidate in near:
        if candidate.type is EntityType.PERSON and start <= candidate.start and candidate.end < end:
            start = max(start, candidate.end)  # `Tony Blair's Labour Party`
        elif start < candidate.start < end and text[start : candidate.start].endswith(" and "):
            end = min(end, candidate.start - len(" and "))  # `Bank of England and Barclays`
    words = list(re.finditer(r"\S+", text[start:end]))
    owners = [i for i, w in enumerate(words[:-1]) if w.group().endswith(("'s", "’s"))]
    if owners:  # `Bank of England's Monetary Policy Committee`: the name is after its owner
        words = words[owners[-1] + 1 :]  # (`Actors' Equity Association` keeps its plural s')
    end_cut = None
    if words and words[-1].group().endswith(("'s", "’s", "'", "’")):  # `AMR's`, `Police Officers'`
        end_cut = start + words[-1].end() - (2 if words[-1].group().endswith("s") else 1)
    while words:
        word = words[0].group()
        opener = start + words[0].start() in sentence_starts and (
            word in _OPENERS or word.lower() in words_in_text
        )
        if not (opener or word in facts.title_set or word.lower() in _stop_words()):
            break
        words.pop(0)
    if len(words) < fewest:
        return None
    start, end = start + words[0].start(), (end_cut or start + words[-1].end())
    name = text[start:end]
    if sum(char.isalpha() for char in name) < 2:
        return None  # `Denise Lewis' coach`: only the possessive was left
    if name in facts.title_set or any(name.endswith(" " + title) for title in facts.title_set):
        return None  # `Tesco Chief Executive`: a title, not a name
    return start, end


def _without_titles_of_works(text: str, found: list[Candidate]) -> list[Candidate]:
    """`romantic comedy Hitch`, `the programme Go Digital`: capitalised words right after a word for
    a film, book or programme are its title; no name in the article is the title or inside it."""
    nouns = "|".join(sorted(knowledge().work_nouns))
    cue = re.compile(rf"\b(?i:{nouns})s?,? +[\"“‘']?(?:[A-Z][\w’'-]* +){{0,3}}$")
    titles = {c.text for c in found if cue.search(text, max(0, c.start - 80), c.start)}
    if not titles:
        return found
    spans = _Spans(m.span() for title in titles for m in re.finditer(rf"\b{re.escape(title)}\b", text))
    return [c for c in found if not spans.cover(c.start, c.end)]


def _without_sentence_openers(
    text: str, starts: set[int], words: set[str], found: list[Candidate]
) -> list[Candidate]:
    """`Digital multi-channel TV is ...`: one capitalised word opening a sentence, written in lower
    case elsewhere in the article and never capitalised mid-sentence, is not a name."""
    openers = [c for c in found if " " not in c.text and c.start in starts and c.rule == "model"]
    if not openers:
        return found
    dropped = set()
    for word in {c.text for c in openers if c.text.lower() in words}:
        if all(opens_sentence(text, m.start()) for m in re.finditer(rf"\b{re.escape(word)}\b", text)):
            dropped.add(word)
    return [c for c in found if c.text not in dropped or c not in openers]


def opens_sentence(text: str, index: int) -> bool:
    """Whether the word at `index` opens a sentence, perhaps after an opening quote or bracket
    (`"Next week`, `(Next week`, `he said: Next`): there, a capital says nothing of a name."""
    while index > 0 and text[index - 1] in " \t\"“‘'(":
        index -= 1
    return index == 0 or text[index - 1] in ".!?:\n"


def defined_acronyms(text: str) -> tuple[tuple[str, str], ...]:
    """`Libyan National Army (LNA)`, `government of national accord GNA`: long form just before."""
    pairs: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        acronym = match.group()
        before = text[max(0, match.start() - 120) : match.start()].rstrip(" (")
        words = _WORD.findall(before.split("\n")[-1])
        letters = len(acronym.replace(".", ""))
        for count in range(letters, min(len(words), letters + 3) + 1):
            long_form = " ".join(words[-count:])
            if acronym_of(long_form, acronym) and long_form[:1].isalpha():
                pairs.setdefault(acronym, long_form)
                break
    return tuple(sorted((long, short) for short, long in pairs.items()))


def _split_acronym_tails(
    candidates: list[Candidate], acronyms: tuple[tuple[str, str], ...]
) -> list[Candidate]:
    """`Libyan National Army LNA` (punctuation lost) is two names."""
    shorts = {short for _, short in acronyms}
    result = []
    for candidate in candidates:
        head, _, last = candidate.text.rpartition(" ")
        if head and last in shorts and acronym_of(head, last):
            result.append(
                Candidate(candidate.start, candidate.start + len(head), head, candidate.type, "acronym")
            )
            result.append(
                Candidate(candidate.end - len(last), candidate.end, last, candidate.type, "acronym")
            )
        else:
            result.append(candidate)
    return result


def _without_function_words(found: list[Candidate]) -> list[Candidate]:
    """`The` left of `Jerry Springer - The Opera`: a word like `the` or `which` names no person,
    place or group, and an alias that is one would be linked in every article. A surname or first
    name that is also such a word (`Theresa May`, then `May`) stays, as do acronyms (`US`, `WHO`)
    and organisations (the retailer `Next`)."""
    named = people_named_in_full(found)
    return [
        c
        for c in found
        if " " in c.text
        or c.text.isupper()
        or c.type is EntityType.ORGANIZATION
        or c.text in named
        or c.text.lower() not in _stop_words()
    ]
