"""Figures and dates: what the sample articles state, each pattern and each exclusion, and offsets."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.dates import extract_dates
from generator.extract.figures import extract_figures
from generator.load.seeds import load_articles
from generator.model import DEFAULT_COLUMNS, Article, ImportSettings, Metadata, Paragraph

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PUBLISHED = "2019-04-21"  # a Sunday

FigureRow = tuple[str, float | None, str, str, bool]
"""(text, value, unit, context, approximate)"""


def make_article(text: str, published: str | None = PUBLISHED) -> Article:
    return Article("a", "seeds/a.txt", text, (Paragraph(0, len(text)),), Metadata(date=published))


def figures_in(text: str, sentences: Sequence[tuple[int, int]] | None = None) -> list[FigureRow]:
    article = make_article(text)
    spans = [(0, len(text))] if sentences is None else sentences
    return [(f.text, f.value, f.unit, f.context, f.approximate) for f in extract_figures(article, spans)]


def dates_in(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(d.text, d.date) for d in extract_dates(make_article(text, published))]


@pytest.fixture(scope="module")
def samples() -> dict[str, Article]:
    loaded = load_articles(SEEDS, SEEDS.parent, ImportSettings(dict(DEFAULT_COLUMNS)))
    return {article.id: article for article in loaded.articles}


# --- the sample articles -------------------------------------------------------------------------

SAMPLE_FIGURES: dict[str, list[FigureRow]] = {
    "000_c9538e6b4c7c64b9": [("six", 6.0, "patrol boat", "six patrol boats", False)],
    "001_0ecb2f08c5882e7a": [("six", 6.0, "patrol boat", "six patrol boats", False)],
    "002_c5e94d6caf5d1f55": [
        ("over 500", 500.0, "people killed", "killed over 500", True),
        ("75,000", 75000.0, "people displaced", "75,000 out of their homes", False),
    ],
    "003_6b383f3c232c05d5": [("scores", None, "civilian killed", "scores of civilians dead", True)],
    # `The two countries` refers back to France and the UAE; it counts nothing new.
    "004_23e8d5bb857ada88": [],
}

SAMPLE_DATES: dict[str, list[tuple[str, str | None]]] = {
    # Undated: the months stay unplaced; `the 1970s and 1980s` are decades, not dates.
    "000_c9538e6b4c7c64b9": [
        ("April", None),
        ("2011", "2011"),
        ("February", None),
        ("2011", "2011"),
        ("2014", "2014"),
    ],
    # The same text, dated 2019-04-21 by its header: `early April` and `as early as February` get the year.
    "001_0ecb2f08c5882e7a": [
        ("April", "2019-04"),
        ("2011", "2011"),
        ("February", "2019-02"),
        ("2011", "2011"),
        ("2014", "2014"),
    ],
    "002_c5e94d6caf5d1f55": [
        ("Saturday", None),
        ("Saturday", None),
        ("April", None),
        ("January", None),
        ("Last month", None),
    ],
    "003_6b383f3c232c05d5": [
        ("Thursday", None),
        ("April 7", None),
        ("Three days ago", None),
        ("September 25", None),
        ("Sunday", None),
    ],
    "004_23e8d5bb857ada88": [("Friday", None), ("Friday", None)],
}


def test_the_samples_are_the_ones_these_tests_describe(samples: dict[str, Article]) -> None:
    assert sorted(samples) == sorted(SAMPLE_FIGURES)
    assert samples["001_0ecb2f08c5882e7a"].meta.date == "2019-04-21"
    assert all(samples[key].meta.date is None for key in samples if not key.startswith("001"))


@pytest.mark.parametrize("article_id", sorted(SAMPLE_FIGURES))
def test_sample_figures(samples: dict[str, Article], article_id: str) -> None:
    article = samples[article_id]
    paragraphs = [(p.start, p.end) for p in article.paragraphs]
    found = extract_figures(article, paragraphs)
    assert [(f.text, f.value, f.unit, f.context, f.approximate) for f in found] == SAMPLE_FIGURES[article_id]
    assert all(f.article == article_id and article.text[f.start : f.end] == f.text for f in found)


@pytest.mark.parametrize("article_id", sorted(SAMPLE_DATES))
def test_sample_dates(samples: dict[str, Article], article_id: str) -> None:
    article = samples[article_id]
    found = extract_dates(article)
    assert [(d.text, d.date) for d in found] == SAMPLE_DATES[article_id]
    assert all(d.article == article_id and article.text[d.start : d.end] == d.text for d in found)


def test_sample_figures_agree_where_the_outlets_count_the_same_thing(samples: dict[str, Article]) -> None:
    """The republished copy (000) and the original (001) give the same count under the same unit."""
    units = {
        article_id: {(f.unit, f.value) for f in extract_figures(article, [(0, len(article.text))])}
        for article_id, article in samples.items()
    }
    assert units["000_c9538e6b4c7c64b9"] == units["001_0ecb2f08c5882e7a"] == {("patrol boat", 6.0)}


# --- figures: what is found ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits, qualifiers, casualties before and after the number
        (
            "At least 75,000 people have fled their homes.",
            [("At least 75,000", 75000.0, "people displaced", "At least 75,000 people have fled", True)],
        ),
        (
            "The war has killed over 500 and pushed 75,000 out of their homes.",
            [
                ("over 500", 500.0, "people killed", "killed over 500", True),
                ("75,000", 75000.0, "people displaced", "75,000 out of their homes", False),
            ],
        ),
        (
            "The strike killed 12 soldiers and wounded 30 civilians.",
            [
                ("12", 12.0, "soldier killed", "killed 12 soldiers", False),
                ("30", 30.0, "civilian injured", "wounded 30 civilians", False),
            ],
        ),
        (
            "Over 500 were killed and 200 injured; 30 arrested.",
            [
                ("Over 500", 500.0, "people killed", "Over 500 were killed", True),
                ("200", 200.0, "people injured", "200 injured", False),
                ("30", 30.0, "people arrested", "30 arrested", False),
            ],
        ),
        (
            "More than 500 people were killed.",
            [("More than 500", 500.0, "people killed", "More than 500 people were killed", True)],
        ),
        (
            "The quake killed more than 9,000 people and injured 23,000 others.",
            [
                ("more than 9,000", 9000.0, "people killed", "killed more than 9,000 people", True),
                ("23,000", 23000.0, "people injured", "injured 23,000 others", False),
            ],
        ),
        ("The death toll rose to 213.", [("213", 213.0, "people killed", "death toll rose to 213", False)]),
        ("The clashes left 300 deaths.", [("300", 300.0, "people killed", "300 deaths", False)]),
        (
            "Police arrested 45 protesters.",
            [("45", 45.0, "protester arrested", "arrested 45 protesters", False)],
        ),
        (
            "It has left scores of civilians dead.",
            [("scores", None, "civilian killed", "scores of civilians dead", True)],
        ),
        (
            "One soldier was killed.",
            [("One", 1.0, "soldier killed", "One soldier was killed", False)],
        ),
        # what is counted: the plural head, with a noun before it that says which kind
        ("France supplied six patrol boats.", [("six", 6.0, "patrol boat", "six patrol boats", False)]),
        (
            "Nearly 2,000 fighters joined.",
            [("Nearly 2,000", 2000.0, "fighter", "Nearly 2,000 fighters", True)],
        ),
        ("He sent some 300 tanks.", [("some 300", 300.0, "tank", "some 300 tanks", True)]),
        ("Up to 2,000 fighters.", [("Up to 2,000", 2000.0, "fighter", "Up to 2,000 fighters", True)]),
        ("About 40 tanks moved.", [("About 40", 40.0, "tank", "About 40 tanks", True)]),
        ("They sent 500 or so troops.", [("500 or so", 500.0, "troop", "500 or so troops", True)]),
        ("They had 12 armoured vehicles.", [("12", 12.0, "vehicle", "12 armoured vehicles", False)]),
        ("He hired 20 Russian mercenaries.", [("20", 20.0, "mercenary", "20 Russian mercenaries", False)]),
        ("It sent 2000 fighters.", [("2000", 2000.0, "fighter", "2000 fighters", False)]),
        ("It shipped five arms shipments.", [("five", 5.0, "arms shipment", "five arms shipments", False)]),
        ("Tripoli's 2 million residents.", [("2 million", 2e6, "resident", "2 million residents", False)]),
        # number words
        ("Two million people live there.", [("Two million", 2e6, "people", "Two million people", False)]),
        (
            "Some two hundred and fifty migrants died.",
            [
                (
                    "Some two hundred and fifty",
                    250.0,
                    "migrant killed",
                    "Some two hundred and fifty migrants died",
                    True,
                )
            ],
        ),
        ("He met a dozen soldiers.", [("a dozen", 12.0, "soldier", "a dozen soldiers", True)]),
        ("A hundred people came.", [("A hundred", 100.0, "people", "A hundred people", False)]),
        ("Fifteen hundred troops.", [("Fifteen hundred", 1500.0, "troop", "Fifteen hundred troops", False)]),
        ("It has twenty-five drones.", [("twenty-five", 25.0, "drone", "twenty-five drones", False)]),
        # vague counts have no value
        (
            "Tens of thousands of refugees have fled.",
            [
                (
                    "Tens of thousands",
                    None,
                    "refugee displaced",
                    "Tens of thousands of refugees have fled",
                    True,
                )
            ],
        ),
        (
            "Dozens of fighters and hundreds of migrants.",
            [
                ("Dozens", None, "fighter", "Dozens of fighters", True),
                ("hundreds", None, "migrant", "hundreds of migrants", True),
            ],
        ),
        (
            "A few hundred protesters.",
            [("A few hundred", None, "protester", "A few hundred protesters", True)],
        ),
        # money
        ("The EU pledged $1.2bn in aid.", [("$1.2bn", 1.2e9, "usd", "$1.2bn in aid", False)]),
        ("It gave €3m for schools.", [("€3m", 3e6, "eur", "€3m for schools", False)]),
        ("It gave £3m.", [("£3m", 3e6, "gbp", "£3m", False)]),
        ("A $1.2 billion deal.", [("$1.2 billion", 1.2e9, "usd", "$1.2 billion deal", False)]),
        (
            "US$5 million and USD 5m.",
            [("US$5 million", 5e6, "usd", "US$5 million", False), ("USD 5m", 5e6, "usd", "USD 5m", False)],
        ),
        ("The firm lost 5bn euros.", [("5bn", 5e9, "eur", "5bn euros", False)]),
        ("Some 5 million dollars.", [("Some 5 million", 5e6, "usd", "Some 5 million dollars", True)]),
        ("It cost 1,000 Australian dollars.", [("1,000", 1000.0, "aud", "1,000 Australian dollars", False)]),
        ("It cost 5 million pounds.", [("5 million", 5e6, "gbp", "5 million pounds", False)]),
        # percentages
        ("Turnout was 40% and rising.", [("40%", 40.0, "percent", "40%", False)]),
        ("Inflation hit 3.5 per cent.", [("3.5 per cent", 3.5, "percent", "3.5 per cent", False)]),
        ("Exports rose 4.5% year on year.", [("4.5%", 4.5, "percent", "4.5%", False)]),
        (
            "About forty percent of voters stayed home.",
            [("About forty percent", 40.0, "percent", "About forty percent of voters", True)],
        ),
        # a count of those who did the killing is not a count of the killed
        (
            "2,000 fighters killed 30 civilians.",
            [
                ("2,000", 2000.0, "fighter", "2,000 fighters", False),
                ("30", 30.0, "civilian killed", "killed 30 civilians", False),
            ],
        ),
        ("75,000 have fled the city.", [("75,000", 75000.0, "people displaced", "75,000 have fled", False)]),
        ("UN: 500 killed in clashes.", [("500", 500.0, "people killed", "500 killed", False)]),
        # a part of a counted whole: only the whole is a count of its own
        ("3 of the 5 hospitals were hit.", [("5", 5.0, "hospital", "5 hospitals", False)]),
        # a date beside a count: the date is not a figure, the count is
        ("On 4 April 500 people died.", [("500", 500.0, "people killed", "500 people died", False)]),
    ],
)
def test_figure_patterns(text: str, expected: list[FigureRow]) -> None:
    assert figures_in(text) == expected


# --- figures: what is left out -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # dates, years and times
        "On 4 April 2019 and April 4 they met, in 2019, since 2011, by 2020 and in the 1990s.",
        "They met at 10:30, at 10.30am, at 8 pm, at 8pm and at 10 o'clock.",
        "It happened three days ago, two years ago, over the past two years, for some three weeks.",
        # names and codes
        "The G7 discussed Covid-19, F-16 jets, Resolution 1973 and Article 5 of the treaty.",
        "Formula One drivers and World War Two veterans.",
        "Route 66 trucks, phase 2 plans, Windows 2000 machines and the No. 10 team.",
        # phone numbers, versions, fractions, ranges, ordinals, measures
        "Call 0800 123 4567 lines or +44 20 7946 0958 agents.",
        "Version 1.2.3, 3/4 of them, 4x4 trucks, 10-20 miles, 500-600 people.",
        "United won 3-1; the Senate voted 51-49; the M25, flight MH17 and 40C heat.",
        "He was the second man, the 3rd time, his first attempt.",
        "The 100m race and a 10k run and a 50km trip.",
        # compounds (an age is a figure: see tests/test_durations.py)
        "A three-day truce, a two-state solution, a 75,000-strong force.",
        # `one` as a pronoun, and `one` counting something nobody counts across outlets
        "No one was hurt. One of the men left. It takes one to get rid of one. From one place to another.",
        "She has one key concern.",
        # references back and idioms
        "The two countries agreed. The two discussed it across the four corners of the country.",
        # ratios and ranges whose ends cannot stand alone
        "One in five people have fled and 3 out of 4 people died.",
        "Between 200 and 300 people died.",
        "Two hundred and two hundred migrants.",
        # bare numbers: nothing says what they count
        "The score was 3 and rising. He counted to 500. Tripoli, a city of 2.5 million, is quiet.",
    ],
)
def test_figure_exclusions(text: str) -> None:
    assert figures_in(text) == []


def test_sentences_bound_what_a_number_is_read_with() -> None:
    """Without punctuation, only the sentence spans keep `killed` away from the next sentence's number."""
    text = "the rebels were killed 500 more arrived"
    assert figures_in(text) == [("500", 500.0, "people killed", "killed 500", False)]
    assert figures_in(text, [(0, 22), (23, len(text))]) == []


# --- dates: what is found ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It began on 4 April 2019.", [("4 April 2019", "2019-04-04")]),
        ("It began on April 4, 2019.", [("April 4, 2019", "2019-04-04")]),
        ("It began on Friday, April 5, 2019.", [("Friday, April 5, 2019", "2019-04-05")]),
        ("It began on the 4th of April 2019.", [("4th of April 2019", "2019-04-04")]),
        ("It began on Sept. 11, 2001.", [("Sept. 11, 2001", "2001-09-11")]),
        ("It began on 2019-04-04.", [("2019-04-04", "2019-04-04")]),
        # a day without a year takes the year that puts it nearest before (or just after) publication
        ("It began on April 4.", [("April 4", "2019-04-04")]),
        ("It began on 4 April.", [("4 April", "2019-04-04")]),
        ("The summit is on April 25.", [("April 25", "2019-04-25")]),
        ("He spoke on September 25.", [("September 25", "2018-09-25")]),
        ("It began in April 2019.", [("April 2019", "2019-04")]),
        ("It began in early April.", [("April", "2019-04")]),
        ("Boats came as early as February.", [("February", "2019-02")]),
        ("It began in December.", [("December", "2018-12")]),
        ("It began by mid-April.", [("April", "2019-04")]),
        ("In May, the talks resume.", [("May", "2019-05")]),
        # years
        ("It began in 2014.", [("2014", "2014")]),
        ("Since 2011, chaos.", [("2011", "2011")]),
        ("The post-2014 war.", [("2014", "2014")]),
        ("The chaos of 2011 has lasted.", [("2011", "2011")]),
        ("The war of 2011-2014.", [("2011", "2011"), ("2014", "2014")]),
        ("Global Research, 2019", [("2019", "2019")]),
        ("Libya's 2011 revolution and his 1969 coup.", [("2011", "2011"), ("1969", "1969")]),
        ("TRIPOLI, April 21 (Reuters) - Fighting raged.", [("April 21", "2019-04-21")]),
        # weekdays and relative days (2019-04-21 is a Sunday)
        ("Clashes took place on Friday.", [("Friday", "2019-04-19")]),
        ("Clashes took place on Sunday.", [("Sunday", "2019-04-21")]),
        ("Clashes took place last Sunday.", [("last Sunday", "2019-04-14")]),
        ("Clashes began Saturday morning.", [("Saturday", "2019-04-20")]),
        ("Talks resume next Monday.", [("next Monday", None)]),
        ("It happened yesterday.", [("yesterday", "2019-04-20")]),
        ("It happens today.", [("today", "2019-04-21")]),
        ("It happened the day before yesterday.", [("the day before yesterday", "2019-04-19")]),
        ("Three days ago, they met.", [("Three days ago", "2019-04-18")]),
        ("Last year was worse.", [("Last year", "2018")]),
        ("Last month, the White House spoke.", [("Last month", "2019-03")]),
    ],
)
def test_date_patterns(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert dates_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes took place on Friday.", [("Friday", None)]),
        ("It began on April 4.", [("April 4", None)]),
        ("It began in early April.", [("April", None)]),
        ("It began in 2014 and on 4 April 2019.", [("2014", "2014"), ("4 April 2019", "2019-04-04")]),
        ("It happened yesterday, three days ago.", [("yesterday", None), ("three days ago", None)]),
    ],
)
def test_dates_in_an_undated_article_are_reported_unplaced(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert dates_in(text, None) == expected
    assert dates_in(text, "not a date") == expected


@pytest.mark.parametrize(
    "text",
    [
        "It began on 04/04/2019.",  # day/month or month/day: ambiguous
        "It began last week, earlier this week, in the 1970s and the '90s.",
        "Resolution 1973 passed; 2000 fighters came.",
        "The Sunday Times and Good Friday and Black Friday sales.",
        "Theresa May said it, and a speech by May followed; it may rain.",
        "By Jan Ellen. The March on Rome. A 31 February.",
        "In May 5 people died.",
    ],
)
def test_date_exclusions(text: str) -> None:
    assert dates_in(text) == []


def test_dates_are_never_figures() -> None:
    text = "On 4 April 2019, in 2014, on April 7 and three days ago, 12 soldiers were killed."
    assert [row[0] for row in figures_in(text)] == ["12"]
    assert [mention for mention, _ in dates_in(text)] == ["4 April 2019", "2014", "April 7", "three days ago"]


# --- properties ----------------------------------------------------------------------------------

# Pieces of news text, glued with and without spaces, plus look-alikes that only case folding,
# other scripts or odd digits make numbers of (`ſix`, the Kelvin sign, `٣`, `Ⅻ`, `²`).
PIECES = [
    "over", "about", "at least", "more than", "killed", "were", "dead", "people", "patrol", "boats", "of",
    "the", "one", "six", "two", "hundred", "and", "fifty", "thousand", "million", "a", "dozens", "tens",
    "thousands", "scores", "civilians", "their", "homes", "out", "$", "€", "£", "%", "per cent", "bn", "m",
    "500", "75,000", "1.2", "2019", "2014", "04", "10:30", "-", ",", ".", "'", "’s", "\n", "\n\n", "April",
    "May", "4", "4th", "Friday", "last", "next", "yesterday", "today", "days", "ago", "in", "since", "post",
    "G7", "Resolution", "1973", "No.", "+44", "/", "ſix", "\u212a", "٣", "Ⅻ", "²", "(", ")", "“", "”",
]  # fmt: skip
GAPS = ["", " ", "  ", "\n"]
news_like = st.lists(
    st.tuples(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), st.sampled_from(GAPS)), max_size=40
).map(lambda parts: "".join(piece + gap for piece, gap in parts))
publication_dates = st.one_of(st.none(), st.dates().map(date.isoformat), st.text(max_size=12))
ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?\Z")


def check_offsets(article: Article, sentences: Sequence[tuple[int, int]]) -> None:
    """Every span is the text it claims, in order, without overlaps; no date is also a figure."""
    text = article.text
    dates = extract_dates(article)
    figures = extract_figures(article, sentences)
    spans: list[tuple[int, int, str]] = [(d.start, d.end, d.text) for d in dates]
    spans += [(f.start, f.end, f.text) for f in figures]
    for start, end, written in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == written
    for mention in dates:
        assert mention.date is None or ISO.match(mention.date)
    for figure in figures:
        assert figure.unit and figure.context
        assert figure.value is None or figure.value >= 0
        assert not any(m.start < figure.end and figure.start < m.end for m in dates)
    assert all(earlier.end <= later.start for earlier, later in pairwise(dates))
    assert all(earlier.end <= later.start for earlier, later in pairwise(figures))


@settings(max_examples=300, deadline=None)
@given(news_like, publication_dates, st.lists(st.integers(min_value=0, max_value=400), max_size=6))
def test_offsets_hold_on_news_like_text(text: str, published: str | None, cuts: list[int]) -> None:
    points = sorted({0, len(text), *(min(cut, len(text)) for cut in cuts)})
    check_offsets(make_article(text, published), list(pairwise(points)))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), publication_dates)
def test_offsets_hold_on_any_text(text: str, published: str | None) -> None:
    check_offsets(make_article(text, published), [(0, len(text))])


def test_long_text_is_read_in_one_pass() -> None:
    """A long article of repeated sentences yields one figure and one date per sentence."""
    text = "On Friday the war killed over 500 people and six patrol boats sank. " * 5000
    article = make_article(text)
    figures = extract_figures(article, [(0, len(text))])
    assert len(figures) == 10000
    assert {f.unit for f in figures} == {"people killed", "patrol boat"}
    assert len(extract_dates(article)) == 5000


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        ("0001-05-01", "It happened in April.", "0001-04"),
        ("0001-01-10", "It happened in December.", None),
        ("0001-01-10", "Prices rose last year.", None),
        ("0001-01-10", "Prices rose last month.", None),
        ("9999-12-10", "Talks resume next year.", None),
        ("0010-05-01", "It happened in April.", "0010-04"),
    ],
)
def test_dates_outside_four_digit_years_are_left_unplaced(
    published: str, text: str, expected: str | None
) -> None:
    article = Article("a", "seeds/a.txt", text, (Paragraph(0, len(text)),), Metadata(date=published))
    assert [mention.date for mention in extract_dates(article)] == [expected]
