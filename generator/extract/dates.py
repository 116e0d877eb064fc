"""The dates an article names (`on Friday`, `4 April 2019`, `in 2014`), each resolved to a day,
month or year where the text allows.

Code of the extract stage, but `build.py` runs it in stage 3, once the researcher's metadata is
applied: a date without a year takes the article's date, which the researcher may have corrected.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from generator.extract.words import (
    SMALL_NUMBERS,
    TRAILING,
    alternatives,
    is_label,
    looks_plural,
    starts_sentence,
    word_after,
    word_before,
)
from generator.load.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS, WEEKDAYS
from generator.model import Article, DateMention

_FULL_MONTH = alternatives(MONTH_NAMES) + r"\b"
# Abbreviations only next to a day number: alone, `Jan`, `Mar` and `Sep` are names and words.
_ANY_MONTH = "(?:" + _FULL_MONTH + "|" + alternatives(list(MONTH_ABBREVIATIONS)) + r"\b\.?)"
_WEEKDAY = alternatives(list(WEEKDAYS)) + r"\b"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_NOT_DIGITS_AFTER = r"(?![\w,./:-]?\d)"
_MONTH_CONTEXT = alternatives(
    "in early late mid since until till by last next this from to as during before after through "
    "throughout of and or between".split()
)
_DATES = re.compile(
    # 2019-04-04
    rf"(?P<iso>\b(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)(?![-/:.]\d)"
    # (Friday,) 4 April (2019); 4th of April
    rf"|(?:\b{_WEEKDAY},?\s+(?:the\s+)?)?\b(?P<d1>{_DAY})(?:\s+of)?\s+(?P<m1>{_ANY_MONTH})"
    rf"(?:,?\s+(?P<y1>{_YEAR})\b)?{_NOT_DIGITS_AFTER}"
    # (Friday,) April 4(th)(, 2019) -- not `May 10,000`
    rf"|(?:\b{_WEEKDAY},?\s+)?\b(?P<m2>{_ANY_MONTH})\s+(?P<d2>{_DAY})\b(?!,\d|[./:-]?\d)"
    rf"(?:,?\s+(?P<y2>{_YEAR})\b{_NOT_DIGITS_AFTER})?"
    # April 2019
    rf"|\b(?P<m3>{_FULL_MONTH})(?:\s+of)?,?\s+(?P<y3>{_YEAR})\b{_NOT_DIGITS_AFTER}"
    # in (early) April, as early as February, mid-April: a month alone needs a word that makes it one
    rf"|(?:\b(?i:(?P<ctx>{_MONTH_CONTEXT})\s+(?:the\s+)?"
    r"(?:(?:early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of)[\s-]+)?)"
    rf"|\b(?i:early|late|mid)[\s-]+)(?P<m4>{_FULL_MONTH})(?!\s*\d|['’]s\b)"
    # yesterday, three days ago, last year
    r"|\b(?P<rel>(?i:(?:the\s+day\s+before\s+)?yesterday|today|tonight|tomorrow"
    rf"|(?:\d{{1,2}}|a|{alternatives(list(SMALL_NUMBERS)[1:])})\s+days?\s+ago|(?:last|this|next)\s+(?:year|month)))\b"
    # (last) Friday
    rf"|\b(?:(?P<wdrel>(?i:last|next|this))\s+)?(?P<wd>{_WEEKDAY})"
)
# `by May`, `of May`: Theresa May as often as the month.
_MAY_CONTEXT = frozenset("in early late mid since until till last next this during".split())
# A four-digit number on its own: a year unless it counts something (`2000 fighters`).
_YEARS = re.compile(
    r"(?:(?P<prefix>\b(?i:post|pre|mid))[-\s]|(?<=\d[-–])|(?<![\w$€£¥.,:/'’#+\-–]))"
    r"(?P<year>\d{4})(?![\w%]|[.,:/]\d|['’]s\b|-[^\W\d])"
)
_YEAR_CONTEXT = frozenset(
    "in since by of from until till to before after during between and or early late mid around circa year "
    "summer spring autumn fall winter the end beginning start through throughout".split()
)
_WEEKDAY_CONTEXT = frozenset("on by until till since from to and or that this".split())


def extract_dates(article: Article) -> tuple[DateMention, ...]:
    """Every date the text names, in order; resolved with `article.meta.date` where it needs a year.

    Years in a date-like place (`in 2014`, `since 2011`, `post-2014`) are dates too; decades
    (`the 1970s`), ambiguous numeric forms (`04/04/2019`) and vague spans (`last week`) are not.
    Where the article is undated, a weekday or a day without a year is still reported, with no date.
    """
    text = article.text
    published = _published(article.meta.date)
    mentions: list[DateMention] = []
    for match in _DATES.finditer(text):
        found = _date_mention(match, text, published)
        if found is not None:
            start, end, iso = found
            mentions.append(DateMention(article.id, start, end, text[start:end], iso))
    years: list[DateMention] = []
    index = 0
    for match in _YEARS.finditer(text):
        start, end = match.span("year")
        while index < len(mentions) and mentions[index].end <= start:
            index += 1
        if index < len(mentions) and mentions[index].start < end:
            continue  # already part of a full date (`April 21, 2019`)
        if _is_year(text, match):
            years.append(DateMention(article.id, start, end, text[start:end], match["year"]))
    return tuple(sorted([*mentions, *years], key=lambda mention: mention.start))


def _published(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _date_mention(
    match: re.Match[str], text: str, published: date | None
) -> tuple[int, int, str | None] | None:
    """(start, end, ISO date or None) for one match of `_DATES`; None when it is not a date after all."""
    start, end = match.span()
    if match["iso"]:
        iso = _day(int(match["iy"]), int(match["im"]), int(match["id"]))
        return (start, end, iso) if iso else None
    for day_group, month_group, year_group in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
        if not match[day_group]:
            continue
        day = int(match[day_group].rstrip("stndrh"))
        month = MONTHS[match[month_group].rstrip(".")]
        if match[year_group]:
            iso = _day(int(match[year_group]), month, day)
            return (start, end, iso) if iso else None
        if month_group == "m2" and _followed_by_count(text, end):
            return None  # `in May 5 people died`
        if _day(2000, month, day) is None:
            return None  # `31 February`
        return start, end, _day_near(month, day, published)
    if match["m3"]:
        return start, end, f"{match['y3']}-{MONTHS[match['m3']]:02d}"
    if match["m4"]:
        if match["m4"] == "May" and match["ctx"] and match["ctx"].casefold() not in _MAY_CONTEXT:
            return None
        return match.start("m4"), end, _month_near(MONTHS[match["m4"]], published)
    if match["rel"]:
        return start, end, _relative(match["rel"], published)
    return _weekday(match, text, published)


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _day_near(month: int, day: int, published: date | None) -> str | None:
    """The year that puts `day month` nearest the publication date; news looks back, so the future
    counts double (`September 25` in an April article is last September, `January 3` in December next)."""
    if published is None:
        return None
    best: tuple[int, date] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue  # 29 February
        days_before = (published - candidate).days
        cost = days_before if days_before >= 0 else -2 * days_before
        if best is None or cost < best[0]:
            best = (cost, candidate)
    return best[1].isoformat() if best else None


def _month_near(month: int, published: date | None) -> str | None:
    if published is None:
        return None

    def cost(year: int) -> int:
        months_before = (published.year - year) * 12 + published.month - month
        return months_before if months_before >= 0 else -2 * months_before

    year = min((published.year - 1, published.year, published.year + 1), key=cost)
    return _iso_month(year, month)


def _iso_month(year: int, month: int) -> str | None:
    """`YYYY-MM`, or None for a year ISO 8601 cannot write in four digits (an article dated 0001)."""
    return f"{year:04d}-{month:02d}" if 1 <= year <= 9999 else None


_DAYS_FROM_TODAY = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_SHIFT = {"last": -1, "this": 0, "next": 1}


def _relative(words: str, published: date | None) -> str | None:
    if published is None:
        return None
    folded = " ".join(words.casefold().split())
    first = folded.split()[0]
    if folded.endswith("ago"):
        days = 1 if first == "a" else int(first) if first.isdecimal() else SMALL_NUMBERS.get(first)
        return _shift(published, -days) if days is not None else None
    if folded.endswith("year") and first in _SHIFT:
        year = published.year + _SHIFT[first]
        return f"{year:04d}" if 1 <= year <= 9999 else None
    if folded.endswith("month") and first in _SHIFT:
        index = published.year * 12 + published.month - 1 + _SHIFT[first]
        return _iso_month(index // 12, index % 12 + 1)
    days = _DAYS_FROM_TODAY.get(folded)
    return _shift(published, days) if days is not None else None


def _shift(day: date, days: int) -> str | None:
    try:
        return (day + timedelta(days=days)).isoformat()
    except OverflowError:
        return None


def _weekday(match: re.Match[str], text: str, published: date | None) -> tuple[int, int, str | None] | None:
    """`on Friday` is the last Friday on or before publication; `last Friday` the one before that
    day; `next Friday` is not placed. `Good Friday` and `The Sunday Times` are names."""
    start, end = match.span()
    relation = (match["wdrel"] or "").casefold()
    if not relation:
        before, before_start = word_before(text, start)
        context = before.lower() in _WEEKDAY_CONTEXT
        if before[:1].isupper() and not context and not starts_sentence(text, before_start, frozenset()):
            return None
        if word_after(text, end)[:1].isupper() and not context:
            return None
    if published is None or relation == "next":
        return start, end, None
    back = (published.weekday() - WEEKDAYS[match["wd"]]) % 7
    if relation == "last" and back == 0:
        back = 7
    return start, end, _shift(published, -back)


def _is_year(text: str, match: re.Match[str]) -> bool:
    """`in 2014`, `the chaos of 2011`, `post-2014` are years; not `Resolution 1973`, `2000 fighters`."""
    if not 1900 <= int(match["year"]) <= 2100:
        return False
    start = match.start("year")
    if match["prefix"] or text[start - 1 : start] in ("-", "–"):
        return True  # `post-2014`, the second year of `2011-2014`
    before = word_before(text, start)[0]
    if before.lower() in _YEAR_CONTEXT or before.endswith(","):
        return True
    if is_label(text, start, frozenset()):
        return False  # `Resolution 1973`, `Windows 2000`
    return not _followed_by_count(text, match.end("year"))


def _followed_by_count(text: str, end: int) -> bool:
    """Whether a plural noun follows at once: `2000 fighters`, `May 5 people`."""
    word = word_after(text, end).rstrip(TRAILING)
    return text[end : end + 1] == " " and word[:1].islower() and looks_plural(word)
