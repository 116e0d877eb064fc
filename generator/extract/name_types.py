"""What kind of thing each name is (person, organisation, place, group), read from the words
around it: a role or a place noun beside it, a list it stands in, one sense per article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from generator.extract.gazetteer import places_named
from generator.extract.names import is_acronym, knowledge
from generator.model import Candidate, EntityType

NAME_WORD = r"(?<![\w’'&.-])[A-Z][\w’'&-]*"  # a whole word: not the `R` of `QPR`
_NAME_RUN = re.compile(rf"{NAME_WORD}(?: {NAME_WORD}){{0,3}}")
_A_SCORE = re.compile(r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])")  # `3-1`, `17-16`
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|outside|across|around|throughout) $")
_KNOWN_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|outside|across|around|throughout) $")
"""Before a name a gazetteer knows as a place, `from` is a place's preposition too ("flights from
Derna"); before any other name it is not ("officials from Yukos")."""
_WORD_START = re.compile(r"(?<![\w’'&.-])\w")
# bounded: no runaway backtracking; `al`, `de` and `of` as whole words (`Big Food all said` ends at `Food`)
_LIST_ITEM = r"[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|(?:al|el|de|of)\b|&)){0,4}"
_LIST = re.compile(rf"{_LIST_ITEM}(?:,\s+{_LIST_ITEM})+,?\s+and\s+{_LIST_ITEM}")


def list_siblings(text: str, found: list[Candidate]) -> list[Candidate]:
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
    people = people_named_in_full(found)
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
                    is_country(existing.text)
                    or (existing.type is EntityType.PERSON and existing.text in people)
                )
            ):
                continue  # `Chelsea, Arsenal and England`: a country stays a place, a person a person
            if existing is None or existing.type is not kind:
                added.append(Candidate(start, end, text[start:end], kind, "list"))
    return added


def retype(text: str, candidate: Candidate) -> Candidate:
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


def is_country(name: str) -> bool:
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
def organisation_role_after() -> re.Pattern[str]:
    """`'s striker`, ` chief executive`: a role in a club or company, right after its name."""
    return re.compile(rf"(?:['’]s)? +(?:{'|'.join(sorted(knowledge().organisation_roles))})\b")


@cache
def nouns_before_names() -> frozenset[str]:
    """`gas firm`, `Premiership side`, `rock group`: nouns for an organisation that news writes
    right before its name. (`rival` is left out: rivals are as often people.)"""
    return _organisation_nouns() | {"unit", "subsidiary", "outfit", "label"}


@cache
def _organisation_noun_before() -> re.Pattern[str]:
    """A noun for an organisation right before a name, on the same line."""
    return re.compile(rf"\b(?:{'|'.join(sorted(nouns_before_names()))}) +(?={NAME_WORD})")


@cache
def _sport_word() -> re.Pattern[str]:
    """`striker`, `replay`: a word that says an article reports on sport."""
    return re.compile(rf"\b(?:{'|'.join(sorted(knowledge().sport_words))})\b")


@cache
def _team_cue_before() -> re.Pattern[str]:
    """`a 2-1 win over `, `joined `: words before a team's name, right before it."""
    return re.compile(rf"\b(?:{'|'.join(sorted(knowledge().team_cues))}) $")


def one_sense(text: str, found: set[Candidate]) -> list[Candidate]:
    """Within one article a name keeps one sense: a club or company named as one once
    (`Southampton boss`, `Yukos chief executive`, `gas firm Gazprom`, and in a sports report `a
    2-1 win against Rotherham`) is one throughout; so is a place named as one (`activists in
    Kent`, `from Tweedbank to Edinburgh`, and `rescue teams in Pokhara` where a gazetteer knows
    the name); and the surname of a person named in full is that person, even where it is also a
    country's name (`Eddie Jordan`, then `Jordan`). A country stays a place (national teams are
    written so) and a nationality a group."""
    before_roles: set[str] = set()  # the words before each `boss`, `'s striker`: `Southampton`, `West Ham`
    for role in organisation_role_after().finditer(text):
        before = text[max(0, role.start() - 60) : role.start()]
        before_roles.update(before[word.start() :] for word in _WORD_START.finditer(before))
    after_nouns: set[str] = set()  # the name after each `gas firm`, and the words that start it
    for noun in _organisation_noun_before().finditer(text):
        name = _NAME_RUN.match(text, noun.end())
        if name:
            words = name.group().split(" ")
            after_nouns.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    named = people_named_in_full(found)
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
        if not is_country(c.text)
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
    # `flights from Derna`: a name the gazetteer knows as a place, which the model took for an
    # organisation, after a place's preposition
    places |= {
        c.text
        for c in found
        if c.type is EntityType.ORGANIZATION
        and c.rule == "model"
        and c.text not in organisations
        and _KNOWN_PLACE_PREPOSITION.search(text, max(0, c.start - 12), c.start)
        and places_named(c.text)
    }
    on_routes = _on_routes(text, found) - organisations
    result = []
    for c in found:
        if c.text in organisations and c.type is not EntityType.ORGANIZATION and c.rule == "model":
            c = Candidate(c.start, c.end, c.text, EntityType.ORGANIZATION, "club or company")
        elif (
            c.text in places and c.type in (EntityType.PERSON, EntityType.ORGANIZATION) and c.rule == "model"
        ):
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


def people_named_in_full(found: Iterable[Candidate]) -> set[str]:
    """The people named in full in an article, and each word of their names (`Theresa May`,
    `Theresa`, `May`): what the article may call them for short."""
    people = {c.text for c in found if c.type is EntityType.PERSON and " " in c.text}
    return people | {word for name in people for word in name.split(" ")}
