"""The numbers each article states (`over 500` killed, `$1.2bn`, `40%`), with what they count.

Pure rules over the text, one left-to-right pass. Precision comes first: figures are set beside
other outlets' figures for the same `unit`, so a number is kept only when the words around it say
what it counts, and anything that reads as a date (`dates.py`), time, year, name or code is left
out. Code of the extract stage, but `build.py` runs it in stage 3 with the dates, once the
researcher's metadata is applied (a date without a year takes the article's date).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.extract.dates import extract_dates
from generator.extract.durations import extract_durations
from generator.extract.words import (
    FUNCTION_WORDS,
    IRREGULAR_PLURALS,
    LABEL_WORDS,
    SCALE_WORDS,
    SMALL_NUMBERS,
    TENS,
    TRAILING,
    alternatives,
    is_label,
    looks_plural,
    parse_number_words,
    qualified,
    starts_sentence,
    word_after,
    word_before,
)
from generator.load.calendar import MONTHS, WEEKDAYS
from generator.model import Article, DateMention, Figure

_SCALES = {
    "hundred": 100,
    **SCALE_WORDS,
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "tn": 1_000_000_000_000,
}
_CURRENCY_SIGNS = {
    "$": "usd",
    "US$": "usd",
    "A$": "aud",
    "C$": "cad",
    "HK$": "hkd",
    "NZ$": "nzd",
    "€": "eur",
    "£": "gbp",
    "¥": "jpy",
    "USD": "usd",
    "EUR": "eur",
    "GBP": "gbp",
    "JPY": "jpy",
}
_CURRENCY_NOUNS = {"dollar": "usd", "euro": "eur", "yen": "jpy", "yuan": "cny", "sterling": "gbp"}
_DOLLAR_KINDS = {"australian": "aud", "canadian": "cad", "singapore": "sgd", "zealand": "nzd", "kong": "hkd"}
_NUMBER_WORD = alternatives(
    [*SMALL_NUMBERS, *TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen"]
)
_NUMBERS = re.compile(
    # $1.2bn, £3m, 75,000, 3.5, 5bn, 1.2 million
    r"(?P<cur>\b(?:USD|EUR|GBP|JPY)\s?|(?<![\w$])(?:US|A|C|HK|NZ)?\$\s?|[€£¥]\s?)?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?P<glued>bn|mn|tn|m|k)\b|\s?(?P<short>bn|mn|tn)\b|\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?"
    # dozens, tens of thousands, a few hundred; `scores` only as `scores of`
    r"|(?P<vague>\b(?i:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|(?:a\s+few|few|several|many)\s+"
    r"(?:dozen|hundred|thousand|million)s?|hundreds|thousands|millions|billions|dozens|scores(?=\s+of\b))\b)"
    # six, twenty-five, two hundred and fifty, a million
    rf"|(?P<words>\b(?i:(?:an?\s+)?{_NUMBER_WORD}\b(?:(?:\s+and\s+|\s+|-){_NUMBER_WORD}\b)*))"
)
_PERCENT = re.compile(r"\s?%|\s?(?i:per\s?cent|percent)\b")
_OR_SO = re.compile(r"\s+(?i:or\s+(?:so|more))\b")
_OF = frozenset("of in for".split())
# `one in five`, `3 out of 4`, `between 200 and 300`: a ratio or the end of a range, not a count.
_PAIRED = re.compile(
    rf"(?:\b(?i:between)\s+\S+\s+(?i:and)|(?:\d|\b(?i:{_NUMBER_WORD}))\s+(?i:in|out\s+of|to|or))\s+$"
)
_OF_THE = re.compile(r"\s+of\s+(?:(?:the|those|these|its|their|his|her|our)\s+)?")
# A number of these is a span of time or a clock time (`three weeks`, `two years ago`), not a count.
_TIME_WORDS = frozenset(
    "second minute hour day week month year decade century night weekend fortnight morning evening afternoon "
    "am pm a.m. p.m. gmt utc o'clock hrs times time".split()
)
# Before a number word these refer back to things already counted (`the two discussed`).
_DETERMINERS = frozenset("the these those its their his her our my your whose both all every each".split())
_ADJECTIVES = frozenset(
    "more other new old additional extra further many own foreign local young small large big heavy light "
    "armed unarmed several various different major minor senior junior top key main total innocent alleged "
    "suspected former current few much fewer less same whole entire only".split()
)
_ADJECTIVE_ENDINGS = ("ed", "ing", "ous", "ful", "ive", "less", "able", "ible", "al", "ic", "ary", "est")
_GENERIC_PEOPLE = frozenset("people person individual".split())
# Casualty words, folded so `killed over 500`, `500 dead` and `500 people died` share a unit.
_CUES = {
    **dict.fromkeys("kill killed killing kills dead died die".split(), "killed"),
    **dict.fromkeys("injured injuring wounded wounding hurt".split(), "injured"),
    **dict.fromkeys("displaced displacing uprooted fled homeless".split(), "displaced"),
    **dict.fromkeys("arrested arresting detained detaining jailed".split(), "arrested"),
    **dict.fromkeys("abducted kidnapped".split(), "abducted"),
    "missing": "missing",
}
_NOUN_CUES = {"death": "killed", "fatality": "killed"}
_CUE_BEFORE = re.compile(
    r"(?:\b(?P<verb>(?i:kill|killed|killing|kills|injured|injuring|wounded|wounding|displaced|displacing"
    r"|uprooted|arrested|arresting|detained|detaining|abducted|kidnapped))"
    r"|\b(?i:death\s+toll\s+(?:has\s+|had\s+)?(?:rose|risen|climbed|reached|stood|stands|is|was|of|at|to)"
    r"(?:\s+(?:to|at))?))\s+$"
)
_CUE_AFTER = re.compile(
    r"(?P<between>\s+(?:(?i:were|was|have|has|had|are|is|been|being|got|reportedly|now|already|also|all"
    r"|believed|thought|feared|said|to|be|left)\s+){0,4})"
    r"(?:(?P<verb>(?i:killed|dead|died|injured|wounded|hurt|displaced|uprooted|fled|arrested|detained|jailed"
    r"|missing|abducted|kidnapped|homeless))\b"
    r"|(?P<homes>(?i:(?:forced\s+)?(?:out\s+of|from)\s+(?:their|his|her)\s+homes?))\b)"
)
# After these a transitive cue is passive (`500 were killed`); otherwise it needs no object after it,
# since `2,000 fighters killed 30 civilians` counts the killers.
_PASSIVE = re.compile(r"\b(?i:were|was|been|being|are|is|got|be|left)\b")
_INTRANSITIVE = frozenset("dead died fled homeless missing".split())
_AFTER_PASSIVE = frozenset(
    "in by during since on at after when while as and or including so across near over from with following "
    "amid last this yesterday today overnight earlier there when according".split()
)
_WORD = re.compile(r"\S+")
_PLAIN_WORD = re.compile(r"[^\W\d_][\w'’-]*\Z")


@dataclass(frozen=True, slots=True)
class _Number:
    """A number as written, before the words around it are read."""

    start: int
    end: int
    value: float | None
    currency: str | None = None
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class _Noun:
    """What a number counts, from the words after it."""

    end: int
    head: str
    """Singular, lower case: `boat`."""
    unit: str
    """The head with the noun before it that says which kind: `patrol boat`."""
    currency: str | None


def extract_figures(
    article: Article,
    sentences: Sequence[tuple[int, int]],
    dates: Sequence[DateMention] | None = None,
) -> tuple[Figure, ...]:
    """Every number the text states with what it counts, in text order.

    A number is kept when it is a sum of money, a percentage, or counts a noun or a casualty
    (`six patrol boats`, `killed over 500`), and so is a span of time that is an amount (`up to 10
    years in prison`, `a 17-year-old`; see `durations.py`); `sentences` bound the words read around it.
    Dates and years (see `extract_dates`; pass them as `dates` when already found) are never
    figures.
    """
    text = article.text
    date_spans = [(m.start, m.end) for m in (extract_dates(article) if dates is None else dates)]
    spans = sorted(sentences)
    starts = frozenset(start for start, _ in spans)
    figures: list[Figure] = []
    sentence = 0
    taken = 0
    for match in _NUMBERS.finditer(text):
        while taken < len(date_spans) and date_spans[taken][1] <= match.start():
            taken += 1
        if taken < len(date_spans) and date_spans[taken][0] < match.end():
            continue
        while sentence < len(spans) and spans[sentence][1] <= match.start():
            sentence += 1
        if sentence < len(spans) and spans[sentence][0] <= match.start():
            low, high = spans[sentence]
        else:
            low, high = _line(text, match.start())
        number = _read_number(text, match, starts)
        figure = _describe(article.id, text, number, low, high) if number else None
        if figure is not None:
            figures.append(figure)
    # Spans of time that are amounts (a prison term, an age, a delay) are figures too.
    occupied = sorted([*date_spans, *((figure.start, figure.end) for figure in figures)])
    figures.extend(extract_durations(article.id, text, spans, occupied))
    return tuple(sorted(figures, key=lambda figure: figure.start))


def _line(text: str, position: int) -> tuple[int, int]:
    """Bounds around a number outside every given sentence: its line, at most 300 characters each way."""
    low = text.rfind("\n", max(0, position - 300), position) + 1 or max(0, position - 300)
    high = text.find("\n", position, position + 300)
    return low, high if high >= 0 else min(len(text), position + 300)


def _read_number(text: str, match: re.Match[str], starts: frozenset[int]) -> _Number | None:
    if match["digits"]:
        return _read_digits(text, match, starts)
    if match["vague"]:
        start, end = match.span()
        if word_before(text, start)[0].lower() in _DETERMINERS:
            return None  # `the thousands who fled`
        return _Number(start, end, None, approximate=True)
    return _read_words(text, match, starts)


def _read_digits(text: str, match: re.Match[str], starts: frozenset[int]) -> _Number | None:
    start, end = match.span()
    digits = match["digits"]
    digits_start = match.start("digits")
    currency = _CURRENCY_SIGNS.get(match["cur"].strip()) if match["cur"] else None
    before = text[digits_start - 1 : digits_start]
    if currency is None and before and (before.isalnum() or before in "_-–/.:#'’+\\"):
        return None  # `G7`, `F-16`, `Covid-19`, `600` of `500-600`, `4/4`, `10:30`, `'90s`, `+44`
    after = text[end : end + 2]
    if (
        after[:1].isalnum()
        or after[:1] == "_"
        or (len(after) == 2 and after[0] in "/:.-–," and after[1].isalnum())
    ):
        return None  # `3rd`, `1970s`, `10am`, `1.2.3`, `4/4`, `10:30`, `10-year-old`, `500-600`
    if digits.startswith("0") and digits != "0" and not digits.startswith("0."):
        return None  # `007`, `020 7946`
    if re.match(r"\s\d", after) or re.match(r"\d\s", text[max(0, digits_start - 2) : digits_start]):
        return None  # phone numbers and space-grouped digits: `020 7946 0958`, `75 000`
    if match["glued"] in ("m", "k") and currency is None:
        return None  # `100m` race, `10k` run: metres and kilometres, not millions
    if currency is None and is_label(text, digits_start, starts):
        return None
    scale = (match["glued"] or match["short"] or match["scale"] or "").lower()
    value = Decimal(digits.replace(",", "")) * _SCALES.get(scale, 1)
    return _Number(start, end, float(value), currency)


def _read_words(text: str, match: re.Match[str], starts: frozenset[int]) -> _Number | None:
    offset = match.start()
    tokens = [
        (m.start() + offset, m.end() + offset, m.group().casefold())
        for m in re.finditer(r"[^\W\d_]+", match[0])
    ]
    with_article = tokens[0][2] in ("a", "an")
    body = tokens[1:] if with_article else tokens
    value, used = parse_number_words([word for _, _, word in body], with_article)
    if used == 0 and with_article:
        with_article = False  # `a two-day truce`: the article belongs to the noun, not the number
        value, used = parse_number_words([word for _, _, word in body], False)
    if used == 0 or value is None or used < len(body):
        return None  # `two hundred and two hundred`, `one two`: not one number
    start = tokens[0][0] if with_article else body[0][0]
    end = body[used - 1][1]
    if text[body[0][0] : body[0][0] + 1].isupper() and not starts_sentence(text, start, starts):
        return None  # `Formula One`, `World War Two`, `Ten Downing Street`
    if text[end : end + 1] in ("-", "–") or text[start - 1 : start] in ("-", "–"):
        return None  # `three-day`, `two-state`, `one-sided`, `Catch-22`
    before = word_before(text, start)[0].lower()
    if before in _DETERMINERS or before in LABEL_WORDS:
        return None  # `the two discussed`, `the four corners`: a reference back, not a count
    dozen = any(word == "dozen" for _, _, word in body[:used])
    return _Number(start, end, value, approximate=dozen)


def _describe(article: str, text: str, number: _Number, low: int, high: int) -> Figure | None:
    """The figure, with what the words around the number say it counts; None when they do not say."""
    start, end, approximate = number.start, number.end, number.approximate
    if _PAIRED.search(text, max(low, start - 20), start):
        return None
    start, approximate = qualified(text, start, low, approximate)
    percent = _PERCENT.match(text, end, high)
    if percent:
        end = percent.end()
    or_so = _OR_SO.match(text, end, high)
    if or_so:
        end, approximate = or_so.end(), True
    if percent or number.currency:
        unit = "percent" if percent else number.currency or ""
        return _figure(
            article, text, start, end, number.value, unit, (start, _tail(text, end, high)), approximate
        )
    if word_after(text, end).lower().rstrip(TRAILING) in _TIME_WORDS:
        return None  # `three times`, `killed two days ago`
    noun = _noun_after(text, end, high, number.value)
    # `dozens of civilians`; not `3 of the 5 hospitals`, which would count hospitals twice
    if noun is None and number.value is None and (of_the := _OF_THE.match(text, end, high)):
        noun = _noun_after(text, of_the.end(), high, number.value)
    if noun is not None and noun.head in _TIME_WORDS:
        return None  # a span of time (`three weeks`), not a count
    if noun is not None and noun.currency:
        context = (start, _tail(text, noun.end, high))
        return _figure(article, text, start, end, number.value, noun.currency, context, approximate)
    cue: str | None = None
    context_start = start
    before = _CUE_BEFORE.search(text, max(low, start - 40), start)
    if before:
        cue = _CUES.get((before["verb"] or "killed").casefold(), "killed")
        context_start = before.start()
    context_end = noun.end if noun else end
    after = _CUE_AFTER.match(text, context_end, high)
    if after and after["verb"] and not _is_passive(text, after, high):
        after = None
    if after and (cue is None or after["homes"]):
        cue = "displaced" if after["homes"] else _CUES.get(after["verb"].casefold(), "killed")
        context_end = after.end()
    if noun is not None and cue is None:
        cue = _NOUN_CUES.get(noun.head)
    if cue is None and (noun is None or number.value == 1):
        return None  # `one` without a casualty is too often `one reason`, `one side`
    if cue is None and noun is not None:
        unit = noun.unit
    elif noun is None or noun.head in _GENERIC_PEOPLE or noun.head in _NOUN_CUES:
        unit = f"people {cue}"
    else:
        unit = f"{noun.unit} {cue}"
    return _figure(article, text, start, end, number.value, unit, (context_start, context_end), approximate)


def _is_passive(text: str, cue: re.Match[str], high: int) -> bool:
    """`500 were killed`, `500 killed in clashes`, `500 dead`; not `500 fighters killed 30 civilians`."""
    if cue["verb"].casefold() in _INTRANSITIVE or _PASSIVE.search(cue["between"]):
        return True
    end = cue.end()
    following = word_after(text, end) if end < high else ""
    word = following.rstrip(TRAILING).casefold()
    return not word or word != following.casefold() or word in _AFTER_PASSIVE


def _figure(
    article: str,
    text: str,
    start: int,
    end: int,
    value: float | None,
    unit: str,
    context: tuple[int, int],
    approximate: bool,
) -> Figure:
    words = " ".join(text[context[0] : context[1]].split())
    return Figure(article, start, end, text[start:end], value, unit, words, approximate)


def _noun_after(text: str, position: int, high: int, value: float | None) -> _Noun | None:
    """The noun a number counts (`six patrol boats`), from at most the four words after it."""
    words: list[tuple[int, str]] = []
    seen_plural = False
    for match in _WORD.finditer(text, position, high):
        raw = match.group()
        word = raw.rstrip(TRAILING)
        lower = word.lower()
        if len(words) == 4 or not _PLAIN_WORD.match(word) or lower in FUNCTION_WORDS or lower in _CUES:
            break
        if lower in _DETERMINERS or (seen_plural and lower.endswith(("ed", "ing"))):
            break  # `boats carrying migrants`: a clause starts after the noun
        words.append((match.start(), word))
        seen_plural = seen_plural or looks_plural(word)
        if word != raw:
            break
    head = _head(words, value)
    if head is None:
        return None
    start, word = words[head]
    singular = _singular(word)
    modifier = words[head - 1][1] if head > 0 else ""
    unit = singular
    if modifier.isalpha() and modifier.islower() and not _is_adjective(modifier):
        unit = f"{modifier} {singular}"
    return _Noun(start + len(word), singular, unit, _currency(singular, modifier, value))


def _head(words: Sequence[tuple[int, str]], value: float | None) -> int | None:
    """Which word the number counts: the first plural not followed by another (`arms shipments`)."""
    if not words:
        return None
    if value == 1:
        return min(len(words), 2) - 1
    for index, (_, word) in enumerate(words[:3]):
        if looks_plural(word) and not (index + 1 < len(words) and looks_plural(words[index + 1][1])):
            return index
    return None


def _currency(singular: str, modifier: str, value: float | None) -> str | None:
    if singular == "dollar":
        return _DOLLAR_KINDS.get(modifier.lower(), "usd")
    if singular == "pound" and value is not None and value >= 1_000_000:
        return "gbp"  # `5 million pounds` is money; `500 pounds` may be a weight
    return _CURRENCY_NOUNS.get(singular)


def _singular(word: str) -> str:
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[lower]
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return lower[:-1]
    return lower


def _is_adjective(word: str) -> bool:
    return word in _ADJECTIVES or word.endswith(_ADJECTIVE_ENDINGS)


def _tail(text: str, end: int, high: int) -> int:
    """Where the words after a sum or a share end that say what it is of: `40% of voters`,
    `$1.2bn in aid`, `€3m loan`; not `40% and inflation`."""
    last = end
    for taken, match in enumerate(_WORD.finditer(text, end, high)):
        raw = match.group()
        word = raw.rstrip(TRAILING)
        lower = word.lower()
        if taken == 4 or not _PLAIN_WORD.match(word):
            break
        if lower in FUNCTION_WORDS and not (taken == 0 and lower in _OF) and lower not in ("the", "a", "an"):
            break
        if word in WEEKDAYS or word in MONTHS or lower in _TIME_WORDS:
            break  # `3% on Friday`, `4.5% year on year`: when, not of what
        if last > end and lower.endswith(("ed", "ing")):
            break  # `40% of voters undecided`: the clause goes on; the share is said
        if lower not in FUNCTION_WORDS:
            last = match.start() + len(word)
        if word != raw:
            break
    return last
