"""Stage 4e, credits: which news agency an article presents itself as, and which it only cites.

An article is credited to an agency by its dateline (`TRIPOLI (Reuters) -`), its byline (`By Jane
Doe, Associated Press`), a closing credit (`The Associated Press contributed to this report`,
`Additional reporting by AFP`, or an unsigned `(Reporting by A; Editing by B)` in the house
style of the agency `agencies.yml` names for it), or by its outlet being the agency. An agency
named for a fact (`according to Reuters`, `Reuters reports, "..."`, `told AFP`) is only cited: a
source of the article, not the article's origin. Photo credits and copyright lines are furniture
(`load/boilerplate.py`): they credit a picture or a page, not the text, and credit nothing here.

The agencies and the names articles give them are data: `generator/extract/data/agencies.yml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import ahocorasick  # type: ignore[import-not-found]
import yaml

from generator.model import Article, Credit

SHORT_NAME = 4
"""Names this long or shorter (AP, AFP, dpa) are abbreviations, matched with their case."""
_CLOSING_PARAGRAPHS = 2
_WINDOW = 60
"""Characters either side of an agency's name within which a citation's words are looked for."""
"""A closing credit is looked for in the last paragraphs of the text (and in credit lines set aside)."""
_ROLES = re.compile(
    r"\s+(?:staff(?:\s+writers?)?|writers?|reporters?|correspondents?|news agency|contributors?)$",
    re.IGNORECASE,
)
_BYLINE_PARTS = re.compile(r"\s*(?:[,;|/]|\band\b|\s[-–—]\s)\s*")
_DATELINE = re.compile(r"^\s*[A-Z][^\n()]{1,60}?\s*\(\s*([^()\n]{2,60}?)\s*\)\s*(?:[-–—]+|:)\s")
_HOUSE_CREDIT = re.compile(
    r"\(\s*(?:additional\s+)?reporting\s+by\b[^()]{1,300}\)"
    r"|^\s*(?:additional\s+)?reporting\s+by\b[^()\n]{1,300}?;\s*(?:writing|editing)\s+by\b",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Agencies:
    """The agencies of `agencies.yml`: a pattern that finds any of their names, and each name's agency."""

    names: str
    """A regular expression matching any name (longest first; abbreviations with their case)."""
    exact: dict[str, str]
    """Abbreviation as written -> agency."""
    folded: dict[str, str]
    """Longer name, case-folded -> agency."""
    house: str | None
    """The agency whose house style an unsigned `(Reporting by ...)` credit is."""
    _automaton: Any = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        automaton = ahocorasick.Automaton()
        for name in [*self.exact, *self.folded]:
            automaton.add_word(name.lower(), len(name))
        automaton.make_automaton()
        object.__setattr__(self, "_automaton", automaton)

    def occurrences(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, agency) of every agency name in `text`, whole words only, in one pass.

        The regular expressions that read credits and citations are run only around these: most
        articles name no agency, and an alternation of every name at every position is slow.
        """
        lowered = text.lower()
        if len(lowered) != len(text):  # a character whose lower case is longer: rare, and slower
            return [(m.start(), m.end(), self.find(m.group()) or "") for m in re.finditer(self.names, text)]
        found = []
        for last, length in self._automaton.iter(lowered):
            start, end = last + 1 - length, last + 1
            if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue
            agency = self.find(text[start:end])
            if agency:
                found.append((start, end, agency))
        return found

    def find(self, text: str) -> str | None:
        """The agency `text` names, all of it (`The Associated Press`, `AP`), else None."""
        text = text.strip()
        return self.exact.get(text) or self.folded.get(text.casefold())

    def compile(self, template: str) -> re.Pattern[str]:
        """`template` with `{agency}` standing for any agency name (captured as group `agency`)."""
        return re.compile(template.replace("{agency}", f"(?P<agency>{self.names})"))


@cache
def load_agencies() -> Agencies:
    text = resources.files("generator.extract.data").joinpath("agencies.yml").read_text("utf-8")
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    spelled: set[str] = set()
    house = None
    for entry in yaml.safe_load(text)["agencies"]:
        for name in entry["names"]:
            spelled.add(name)
            if len(name) <= SHORT_NAME:
                exact[name] = entry["name"]
            else:
                folded[name.casefold()] = entry["name"]
        if entry.get("house_credit"):
            house = entry["name"]
    alternatives = [
        re.escape(n) if len(n) <= SHORT_NAME else f"(?i:{re.escape(n)})"
        for n in sorted(spelled, key=lambda name: (-len(name), name))
    ]
    return Agencies(r"\b(?:" + "|".join(alternatives) + r")\b", exact, folded, house)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """(closing credits, citations), each finding an agency name as group `agency`."""
    agencies = load_agencies()
    closing = (
        r"(?:(?i:the)\s+)?{agency}[^.\n]{0,80}?\b(?i:contributed to this (?:report|story|article))",
        r"\b(?i:(?:additional\s+)?(?:reporting|writing)\s+by)\b[^.()\n]{0,160}?{agency}",
        r"^[\s(—–-]*(?:(?i:source)\s*:\s*|(?i:with)\s+)?(?:(?i:the)\s+)?{agency}[\s)]*\.?$",
    )
    cited = (
        r"\b(?i:according to)\s+(?:(?i:the)\s+)?{agency}",
        r"{agency}(?:\s+(?i:news agency))?(?:'s|’s)?\s+(?i:reports|reported|has reported|said|says|quoted"
        r"|cited|wrote|writes|learned|has learned|understands|was told)\b",
        r"\b(?i:told|telling|citing|cited by|quoted by|reported by|speaking to|in an interview with"
        r"|confirmed to)\s+(?:(?i:the)\s+)?{agency}",
        r"\b(?i:an?|the)\s+{agency}\s+(?i:report|reporter|correspondent|journalist|tally|count"
        r"|investigation|analysis|survey|poll)\b",
    )
    return (
        tuple(agencies.compile(template) for template in closing),
        tuple(agencies.compile(template) for template in cited),
    )


def read_credits(article: Article) -> tuple[Credit, ...]:
    """The agencies the article is credited to, then those it only cites (`form` `cited`).

    One credit per agency and form; one citation per agency (its first), and none of an agency
    the article is credited to (a Reuters story saying "Reuters could not verify" cites itself).
    """
    agencies = load_agencies()
    found: list[Credit] = []
    first = article.text[: article.paragraphs[0].end] if article.paragraphs else ""
    match = _DATELINE.match(first)
    if match:
        for part in _BYLINE_PARTS.split(match.group(1)):
            if agency := agencies.find(part):
                found.append(Credit(article.id, agency, "dateline", match.group(0).strip()))
    found.extend(_bylines(article, first, agencies))
    found.extend(_closing(article, agencies))
    credited = {credit.agency for credit in found}
    outlet = article.meta.outlet
    if outlet and (agency := agencies.find(outlet)) and agency not in credited:
        found.append(Credit(article.id, agency, "outlet", outlet))
        credited.add(agency)
    unique = list(dict.fromkeys((c.agency, c.form, c.text) for c in found))
    seen_forms: set[tuple[str, str]] = set()
    credits = []
    for agency, form, text in unique:
        if (agency, form) not in seen_forms:
            seen_forms.add((agency, form))
            credits.append(Credit(article.id, agency, form, text))
    return (*credits, *_citations(article, credited))


def _bylines(article: Article, first: str, agencies: Agencies) -> list[Credit]:
    """`By Jane Doe, Associated Press` in the header (the author) or opening the text."""
    lines = [article.meta.author or ""]
    opening = first.split("\n", 1)[0]
    if opening[:3].lower() == "by " and len(opening.split()) <= 25:
        lines.append(opening)
    found = []
    for line in lines:
        for part in _BYLINE_PARTS.split(line):
            name = _ROLES.sub("", re.sub(r"^(?:by|for)\s+", "", part.strip(), flags=re.IGNORECASE))
            if agency := agencies.find(name):
                text = line if line.lower().startswith("by ") else f"By {line}"
                found.append(Credit(article.id, agency, "byline", text))
    return found


def _closing(article: Article, agencies: Agencies) -> list[Credit]:
    """Closing credits in the last paragraphs, and in the credit lines set aside as furniture."""
    tail = [article.text[p.start : p.end] for p in article.paragraphs[-_CLOSING_PARAGRAPHS:]]
    tail += [removed.text for removed in article.removed if removed.reason == "credit line"]
    closing, _ = _patterns()
    found = []
    for text in tail:
        named = False
        for pattern in closing if agencies.occurrences(text) else ():
            for match in pattern.finditer(text):
                if agency := agencies.find(match["agency"]):
                    found.append(Credit(article.id, agency, "closing credit", _shorten(match.group(0))))
                    named = True
        house = _HOUSE_CREDIT.search(text)
        if house and not named and agencies.house:
            found.append(Credit(article.id, agencies.house, "closing credit", _shorten(house.group(0))))
    return found


def _citations(article: Article, credited: set[str]) -> list[Credit]:
    """The first citation of each agency the article is not credited to, looked for around each
    of its names (`_WINDOW` characters either side)."""
    agencies = load_agencies()
    _, cited = _patterns()
    text = article.text
    first: dict[str, str] = {}
    for start, end, agency in agencies.occurrences(text):
        if agency in credited or agency in first:
            continue
        for pattern in cited:
            match = pattern.search(text, max(start - _WINDOW, 0), min(end + _WINDOW, len(text)))
            while match and match.start("agency") < start:
                match = pattern.search(text, match.start() + 1, min(end + _WINDOW, len(text)))
            if match and match.start("agency") == start:
                first[agency] = " ".join(match.group(0).split())
                break
    return [Credit(article.id, agency, "cited", text) for agency, text in first.items()]


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
