"""Spans of time that are amounts are figures (a prison term, a ban, a delay, an age); spans that
only place an event in time are not. Every sentence here is written for these tests."""

from __future__ import annotations

import re

import pytest

from generator.build import Project, build
from generator.extract.figures import extract_figures
from generator.model import Article, Metadata, Paragraph

Row = tuple[str, float | None, str, bool]


def figures_in(text: str) -> list[Row]:
    article = Article("a", "seeds/a.txt", text, (Paragraph(0, len(text)),), Metadata(date="2021-06-07"))
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text)]
    return [(f.text, f.value, f.unit, f.approximate) for f in extract_figures(article, sentences)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The activist could be jailed for up to 10 years if convicted.",
            [("up to 10 years", 10, "years in prison", True)],
        ),
        ("She could face up to 14 years in prison.", [("up to 14 years", 14, "years in prison", True)]),
        ("He was handed a 14-year sentence on Friday.", [("14-year", 14, "years in prison", False)]),
        (
            "The court sentenced him to eight months in jail.",
            [("eight months", 8, "months in prison", False)],
        ),
        ("He was sentenced to a year in jail.", [("a year", 1, "years in prison", False)]),
        ("The federation banned the coach for six months.", [("six months", 6, "months ban", False)]),
        (
            "The flight left three days after the storm hit the coast.",
            [("three days", 3, "days later", False)],
        ),
        ("A 17-year-old was among those detained.", [("17-year-old", 17, "years of age", False)]),
        ("The driver, aged 62, was taken to hospital.", [("62", 62, "years of age", False)]),
        ("Her twenty-one-year-old son was released.", [("twenty-one-year-old", 21, "years of age", False)]),
    ],
)
def test_a_span_of_time_that_is_an_amount_is_a_figure(text: str, expected: list[Row]) -> None:
    assert figures_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She was arrested two years ago.",
        "Over the past three years the group has grown.",
        "The protests began in 2015.",
        "The talks lasted for three hours.",
        "Prices fell last year.",
        "In the next two weeks the ministry will decide.",
        "Six months earlier, the plant had been inspected.",
        "She won a second five-year term as president.",
    ],
)
def test_a_span_that_only_places_an_event_in_time_is_not(text: str) -> None:
    assert figures_in(text) == []


def test_two_outlets_giving_different_prison_terms_disagree(project: Project) -> None:
    (project.seeds / "first.txt").write_text(
        "Teenage activist charged over protest\n\n"
        "Prosecutors charged the 17-year-old activist on Monday over the protest at the checkpoint. "
        "If convicted, she could be jailed for up to 10 years, her lawyer said.\n",
        "utf-8",
    )
    (project.seeds / "second.txt").write_text(
        "Activist faces long prison term\n\n"
        "The activist charged on Monday over the checkpoint protest could face up to 14 years in "
        "prison, according to the charge sheet seen by reporters.\n",
        "utf-8",
    )

    result = build(project, write=False)

    group = next(g for g in result.corpus.comparison.figures if g.unit == "years in prison")
    assert group.disagree
    assert sorted((f.article, f.text, f.value) for f in group.figures) == [
        ("first", "up to 10 years", 10.0),
        ("second", "up to 14 years", 14.0),
    ]
    build(project)
    page = (project.docs / "compare" / "index.md").read_text("utf-8")
    assert "years in prison" in page
    assert "up to 10 years" in page and "up to 14 years" in page
