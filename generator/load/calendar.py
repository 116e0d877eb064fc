"""The names of the months and weekdays as English dates write them, with their numbers.

One table for the publication dates in article headers (`header.py`) and the dates articles name
(`generator/extract/dates.py`).
"""

from __future__ import annotations

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""The full names, in calendar order."""
MONTH_ABBREVIATIONS = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
"""The short forms, each with its month's number (`May` has none)."""
MONTHS = {**{name: number for number, name in enumerate(MONTH_NAMES, start=1)}, **MONTH_ABBREVIATIONS}
"""Every way a month is written, full or short, with its number (January is 1)."""
WEEKDAYS = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}
"""Each weekday with its number as `date.weekday()` gives it (Monday is 0)."""
