"""A synthetic corpus for when no real one is at hand: deterministic news-like articles.

Articles are prefix-stable (article i is the same in a corpus of any size) and each one brings
new people, places and organisations, so a larger corpus has proportionally more entities.
"""

from __future__ import annotations

import random
from pathlib import Path

FIRST_NAMES = (
    "Amara Bilal Carmen Dmitri Elena Farid Grace Hiroshi Ines Jonas Kwame Leila Marco Nadia Oscar "
    "Priya Quentin Rosa Samir Tanya Umar Vera Wanjiru Xavier Yusuf Zofia Abebe Beatriz Chidi Dalia "
    "Emeka Fatima Goran Hana Ivan Jamila Kofi Lucia Mateo Nour Olga Pedro Rania Sven Thabo Ulrike "
    "Viktor Wei Yara Zainab Arjun Bjorn Chiara Diego Esther Femi Gustavo Helga Isaac Jin"
).split()
"""Given names recur, as in real news: people who share one are compared for spelling variants."""
SYLLABLES = "bar ken dor lin mar vas tor wen ric sel wyn har ost mel cal dun fen gor".split()
PLACE_ENDINGS = ("ford", "ton", "bury", "field", "haven", "stad", "mouth", "wick")
ORG_ENDINGS = ("Holdings", "Group", "Institute", "Bank", "Alliance", "Party", "Foundation", "Council")
COMMON_PLACES = ("London", "Paris", "Nairobi", "Berlin", "Cairo", "Lima", "Jakarta", "Toronto")
COMMON_ORGS = ("United Nations", "World Bank", "European Union", "Red Cross", "World Health Organization")
ROLES = ("minister", "spokesperson", "director", "analyst", "chairman", "researcher", "mayor", "official")
WORDS = (
    "agreement budget border council crisis decision economy election evidence export factory figure "
    "government growth harvest inquiry interest investment island market measure network offer "
    "pension plan policy port price project protest report reserve road rule school sector shortage "
    "station strike supply talks tax trade transport union vote water weather wage"
).split()
ADJECTIVES = (
    "annual cautious central coastal costly early fragile local major modest narrow national new "
    "northern official public recent regional rural sharp slow southern strong sudden urgent"
).split()
VERBS = (
    "approved blocked delayed expanded funded halted examined extended opposed reviewed raised "
    "cut questioned backed announced criticised welcomed rejected"
).split()
PLACES_PER_ARTICLE, PEOPLE_PER_ARTICLE, ORGS_PER_ARTICLE = 1, 2, 1


def generate_corpus(folder: Path, count: int, words: int = 400, seed: str = "parallax") -> list[Path]:
    """`count` articles of about `words` words as `folder/NNNN.txt` (a headline, then paragraphs)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"{index:04d}.txt"
        path.write_text(synthetic_article(random.Random(f"{seed}:{index}"), index, words), "utf-8")
        paths.append(path)
    return paths


def synthetic_article(rng: random.Random, index: int, words: int = 400) -> str:
    """Names new to this article, names from earlier ones, quotes and figures; deterministic."""
    people = [_person(index * PEOPLE_PER_ARTICLE + k) for k in range(PEOPLE_PER_ARTICLE)]
    places = [_place(index * PLACES_PER_ARTICLE + k) for k in range(PLACES_PER_ARTICLE)]
    orgs = [_org(index * ORGS_PER_ARTICLE + k) for k in range(ORGS_PER_ARTICLE)]
    for _ in range(2):
        people.append(_person(rng.randrange((index + 1) * PEOPLE_PER_ARTICLE)))
        places.append(_place(rng.randrange((index + 1) * PLACES_PER_ARTICLE)))
        orgs.append(_org(rng.randrange((index + 1) * ORGS_PER_ARTICLE)))
    common = (rng.choice(COMMON_PLACES), rng.choice(COMMON_ORGS))
    headline = f"{people[0]} {rng.choice(VERBS)} {rng.choice(WORDS)} {rng.choice(WORDS)} in {places[0]}"
    paragraphs = []
    written = 0
    while written < words:
        sentences = [_sentence(rng, people, places, orgs, common) for _ in range(rng.randint(2, 4))]
        paragraphs.append(" ".join(sentences))
        written += len(paragraphs[-1].split())
    return "\n\n".join([headline, *paragraphs]) + "\n"


def _sentence(
    rng: random.Random, people: list[str], places: list[str], orgs: list[str], common: tuple[str, str]
) -> str:
    """One sentence from a template. Every run of five words holds a name of this article's or
    two random words: text many articles share makes `compare`'s work grow with the square of
    the corpus (as it should), which is not what a synthetic corpus is for."""
    person, place, org = rng.choice(people), rng.choice(places), rng.choice(orgs)
    word, other, third = rng.choice(WORDS), rng.choice(WORDS), rng.choice(WORDS)
    adjective, verb = rng.choice(ADJECTIVES), rng.choice(VERBS)
    number = f"{rng.randint(2, 950)}" if rng.random() < 0.5 else f"{rng.randint(1, 99)}.{rng.randint(1, 9)}%"
    match rng.randrange(6):
        case 0:
            return f'"The {adjective} {word} {verb} the {other}," said {person}, a {rng.choice(ROLES)}.'
        case 1:
            return f"{person} told reporters in {place} that the {word} was {adjective}."
        case 2:
            return f"The {org} {verb} {number} {word} {other} in {place}."
        case 3:
            return f"According to {org}, {number} {word} {verb} {adjective} {other} near {place}."
        case 4:
            return f"Officials in {place} {verb} a {adjective} {word} after {person} {rng.choice(VERBS)} it."
        case _:
            return (
                f"{adjective.capitalize()} {word} in {common[0]} {verb} {other} {third} with "
                f"{common[1]} {rng.choice(WORDS)} {number}."
            )


def _coined(number: int, syllables: int = 2) -> str:
    """A made-up word, different for every number: its digits in base len(SYLLABLES)."""
    parts = []
    for _ in range(syllables):
        number, digit = divmod(number, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    while number:
        number, digit = divmod(number - 1, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts).capitalize()


def _person(number: int) -> str:
    return f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {_coined(number * 7 + 3)}"


def _place(number: int) -> str:
    return _coined(number + 11) + PLACE_ENDINGS[number % len(PLACE_ENDINGS)]


def _org(number: int) -> str:
    return f"{_coined(number + 101)} {ORG_ENDINGS[number % len(ORG_ENDINGS)]}"
