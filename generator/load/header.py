"""The lines above an article's body: title, byline, outlet and date, labels, dateline.

Only what the text says is taken; anything not found stays unknown (`None`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from generator.load.calendar import MONTHS, WEEKDAYS
from generator.load.markup import strip_markdown_links

_MONTHS = {name.lower(): number for name, number in MONTHS.items()}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:" + "|".join(day.lower() for day in WEEKDAYS) + r"),?\s+)?"
_DATE = (
    rf"{_WEEKDAY}(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('month', 'month2')},?\s+(?P<year2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))"
)
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?"
_OUTLET_DATE = re.compile(rf"^(?P<outlet>[^,]{{2,80}}?),\s+{_DATE}{_TIME}$", re.IGNORECASE)
_DATE_ONLY = re.compile(
    rf"^(?:(?:published|updated|posted|date)\s*(?:on)?\s*:?\s*)?{_DATE}{_TIME}$", re.IGNORECASE
)
_WEEKDAYS = {day.lower() for day in WEEKDAYS}
_BYLINE = re.compile(r"^(?:by|BY|By)\s+(?P<author>.{2,120})$")
# Words that may stand in lower case inside a personal name or a list of names.
_NAME_PARTICLES = {
    "and",
    "of",
    "de",
    "del",
    "della",
    "la",
    "le",
    "van",
    "von",
    "der",
    "den",
    "al",
    "el",
    "bin",
    "ibn",
    "da",
    "du",
    "dos",
    "y",
    "&",
    "in",
}
_LABEL = re.compile(
    r"^(?P<key>region|theme|topic|tags?|categor(?:y|ies)|section|keywords?|filed under)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_URL = re.compile(r"^(?:(?:url|link|source)\s*:\s*)?(?P<url>https?://\S+)$", re.IGNORECASE)
# `TRIPOLI ( Halbeeg News) –`, `ISTANBUL –`, `WASHINGTON, D.C. (Reuters) -`
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]*(?:\s[A-Z][A-Z'’.\-]*){0,3})"
    r"(?:,\s*[A-Z][A-Za-z.'’\-]*(?:\s[A-Z][A-Za-z.'’\-]*){0,2})?"
    r"\s*(?:\(\s*(?P<outlet>[^()\n]{2,60}?)\s*\))?"
    r"\s*(?:[–—]|-{1,2})\s+"
)
_TERMINAL = ".,;:"
_CLOSERS = "\"'”’)]»"


@dataclass(slots=True)
class Header:
    """What the header lines said, and where the body starts."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    labels: list[tuple[str, str]] = field(default_factory=list)
    body_start: int = 0
    """Index of the first line of the body."""


def parse_header(lines: list[str], detect_title: bool = True) -> Header:
    """Read header lines from the top until the first line that is body text."""
    header = Header()
    index = 0
    first = detect_title
    while index < len(lines):
        line = strip_markdown_links(" ".join(lines[index].split()))
        if not line:
            index += 1
            continue
        if not _read_header_line(line, header, first):
            break
        first = False
        index += 1
    header.body_start = index
    return header


def _read_header_line(line: str, header: Header, first: bool) -> bool:
    if header.author is None and (match := _BYLINE.match(line)) and _is_name_list(match["author"]):
        header.author = match["author"].strip()
        return True
    if (
        header.date is None
        and (match := _OUTLET_DATE.match(line))
        and match["outlet"].strip().lower() not in _WEEKDAYS
        and (iso := _iso(match))
    ):
        header.outlet = header.outlet or match["outlet"].strip()
        header.date = iso
        return True
    if header.date is None and (match := _DATE_ONLY.match(line)) and (iso := _iso(match)):
        header.date = iso
        return True
    if match := _LABEL.match(line):
        header.labels.append((match["key"].strip().title(), match["value"].strip()))
        return True
    if header.url is None and (match := _URL.match(line)):
        header.url = match["url"]
        return True
    if first and header.title is None and _is_title(line):
        header.title = line
        return True
    return False


def _is_name_list(text: str) -> bool:
    """`Dr. Binoy Kampmark`, `Jane Doe and John Roe, Reuters` -- not `nightfall, government forces`."""
    words = text.replace(",", " ").split()
    if not 1 <= len(words) <= 14 or text.rstrip().endswith((",", ";", ":", "!", "?")):
        return False
    return all(word[:1].isupper() or word.lower() in _NAME_PARTICLES for word in words)


def _is_title(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 30
        and len(line) <= 250
        and not line.rstrip(_CLOSERS).endswith(tuple(_TERMINAL))
        and not line[0].islower()
        and find_dateline(line) is None
    )


def iso_date(text: str) -> str | None:
    """`April 21, 2019`, `21 April 2019`, `2019-04-21` -> `2019-04-21`; anything else -> None."""
    match = _DATE_ONLY.match(" ".join(text.split()))
    return _iso(match) if match else None


def _iso(match: re.Match[str]) -> str | None:
    if match["iso"]:
        text = match["iso"]
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    month = _MONTHS[(match["month"] or match["month2"]).lower()]
    day = int(match["day"] or match["day2"])
    year = int(match["year"] or match["year2"])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    outlet: str | None
    length: int
    """Characters of the paragraph the dateline takes up."""


def find_dateline(paragraph: str) -> Dateline | None:
    """The `PLACE (Outlet) –` opening of a news story, if the paragraph starts with one."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place = match["place"]
    if sum(char.isalpha() for char in place) < 3:
        return None
    outlet = match["outlet"]
    return Dateline(_title_case(place), outlet.strip() if outlet else None, match.end())


def _title_case(place: str) -> str:
    return " ".join(word[:1] + word[1:].lower() for word in place.split())
