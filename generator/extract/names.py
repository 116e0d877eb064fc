"""What a name is: titles around it, spellings of it, acronyms for it. Pure functions, no corpus.

The general knowledge (titles, common aliases) lives in `generator/extract/data/names.yml`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "abu"})
_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "&"})
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_ABBREVIATION_END = re.compile(r"(?:^|[\s.])[A-Z]\.[A-Z]\.$")
_EDGE_PUNCTUATION = "\"'“”‘’()[],.;:!?"


@dataclass(frozen=True, slots=True)
class Knowledge:
    titles: tuple[str, ...]
    """Longest first, so `Secretary of State` wins over `Secretary`."""
    title_set: frozenset[str]
    not_names: frozenset[str]
    person_roles: frozenset[str]
    place_nouns: frozenset[str]
    organisation_nouns: frozenset[str]
    alias_groups: tuple[tuple[str, tuple[str, ...]], ...]
    """(type, names): every name in a group is the same entity."""
    known_types: dict[str, str]
    descriptor_nouns: frozenset[str]
    place_suffixes: frozenset[str]
    event_suffixes: frozenset[str]
    organisation_heads: frozenset[str]
    organisation_suffixes: frozenset[str]
    work_nouns: frozenset[str]
    organisation_roles: frozenset[str]
    team_cues: frozenset[str]
    sport_words: frozenset[str]
    countries: frozenset[str]
    """ISO 3166 names (pycountry) and the other names news gives countries."""


@cache
def knowledge() -> Knowledge:
    text = resources.files("generator.extract.data").joinpath("names.yml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    known_types = {name: kind for kind, names in data["types"].items() for name in names}
    for group in data["aliases"]:
        for name in group["names"]:
            known_types[name] = group["type"]
    return Knowledge(
        titles=tuple(sorted(data["titles"], key=len, reverse=True)),
        title_set=frozenset(data["titles"]),
        not_names=frozenset(data["not_names"]),
        person_roles=frozenset(data["person_roles"]),
        place_nouns=frozenset(data["place_nouns"]),
        organisation_nouns=frozenset(data["organisation_nouns"]),
        alias_groups=tuple((group["type"], tuple(group["names"])) for group in data["aliases"]),
        known_types=known_types,
        descriptor_nouns=frozenset(data["descriptor_nouns"]),
        place_suffixes=frozenset(data["place_suffixes"]),
        event_suffixes=frozenset(data["event_suffixes"]),
        organisation_heads=frozenset(data["organisation_heads"]),
        organisation_suffixes=frozenset(data["organisation_suffixes"]),
        work_nouns=frozenset(data["work_nouns"]),
        organisation_roles=frozenset(data["organisation_roles"]),
        team_cues=frozenset(data["team_cues"]),
        sport_words=frozenset(data["sport_words"]),
        countries=frozenset(data["countries"]) | _iso_countries(),
    )


def _iso_countries() -> frozenset[str]:
    import pycountry  # imported here, when the knowledge is first read: its data takes a moment

    return frozenset(
        name
        for country in pycountry.countries
        for name in (
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        )
        if name
    )


def clean_surface(text: str) -> tuple[str, int, int]:
    """`the Libyan National Army’s` -> `Libyan National Army`, with the offsets kept within `text`."""
    start, end = 0, len(text)
    while start < end and (text[start] in _EDGE_PUNCTUATION or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCTUATION or text[end - 1].isspace()):
        if text[end - 1] == "." and _ABBREVIATION_END.search(text, start, end):
            break  # `U.S.`, `D.C.`: the last dot belongs to the name
        end -= 1
    for article in ("the ", "The ", "THE "):
        if text.startswith(article, start):
            start += len(article)
    for prefix in ("pro-", "anti-", "Pro-", "Anti-"):
        if text.startswith(prefix, start):
            start += len(prefix)
    possessive = _POSSESSIVE.search(text[start:end])
    saint = text.startswith(("St ", "St. "), start)  # `St Mary's`: the 's is the name's own
    if possessive and not saint and end - start - len(possessive.group()) >= 2:
        end -= len(possessive.group())
    return text[start:end], start, end


def strip_title(name: str) -> tuple[str, str | None]:
    """`Field Marshal Haftar` -> (`Haftar`, `Field Marshal`); names without a title are unchanged."""
    for title in knowledge().titles:
        if name.startswith(title + " ") and len(name) > len(title) + 1:
            rest = name[len(title) + 1 :].lstrip()
            if rest[:1].isupper():
                return rest, title
    return name, None


def fold_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@cache
def name_tokens(name: str) -> tuple[str, ...]:
    """Comparable tokens: accents and case folded, dots and hyphens dropped, particles removed.

    `Fayez al-Sarraj` -> (`fayez`, `sarraj`); `U.S.` -> (`us`,).
    """
    text = fold_accents(name).casefold().replace(".", "").replace("’", "'")
    tokens = [token.strip("'") for token in re.split(r"[\s\-]+", text)]
    return tuple(token for token in tokens if token and token not in PARTICLES)


def name_key(name: str) -> str:
    return " ".join(name_tokens(name))


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def acronym_of(long_form: str, acronym: str) -> bool:
    """`Libyan National Army` is `LNA`; `Government of National Accord` is `GNA`."""
    letters = acronym.replace(".", "").upper()
    words = [w for w in re.split(r"[\s\-]+", long_form) if w]
    initials = "".join(w[0] for w in words if w.casefold() not in _STOPWORDS).upper()
    every = "".join(w[0] for w in words).upper()
    return len(words) >= 2 and letters in (initials, every)


def similar_given_names(first: str, second: str) -> bool:
    """Transliterations of one given name: Fayez / Fayed / Faiez, not Khalifa / Khalid."""
    if first == second:
        return True
    if len(first) < 3 or len(second) < 3 or first[0] != second[0]:
        return False
    return difflib.SequenceMatcher(None, first, second).ratio() >= 0.8


def similar_surnames(first: str, second: str) -> bool:
    """Transliterations of one surname (Gaddafi / Qaddafi), checked only when given names agree."""
    return len(first) >= 5 and difflib.SequenceMatcher(None, first, second).ratio() >= 0.8
