"""Wire and web furniture: credit lines, photo captions, slideshow and advertisement markers and
agency copyright lines are set aside with their reason, on their own line or inside a paragraph,
and take part in neither entities nor reuse. Every fixture is written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import Project, build
from generator.load.body import parse_body
from generator.model import Removed


def body(text: str) -> tuple[str, list[Removed]]:
    parsed = parse_body(text.split("\n"))
    return parsed.text, list(parsed.removed)


@pytest.mark.parametrize(
    ("paragraph", "reason"),
    [
        (
            "(Reporting by Maria Okafor and Tom Reyes; Writing by Tom Reyes; Editing by Clare Dunn)",
            "credit line",
        ),
        ("(Additional reporting by Sam Kirui in Nairobi; Editing by Peter Vale)", "credit line"),
        # Misspelt roles, as they appear in wire copy.
        ("(Reportng by Maria Okafor; Wrting by Tom Reyes; Editng by Clare Dunn)", "credit line"),
        (
            "FILE - In this Thursday, Dec. 28, 2017 file photo, rescue workers search the rubble of a "
            "collapsed hotel in the port city. (AP Photo/Lena Marsh, File)",
            "photo caption",
        ),
        (
            "Firefighters spray water on the wreckage near the runway, March 3, 2021. REUTERS/Omar Haddad",
            "photo caption",
        ),
        ("Slideshow (2 Images)", "slideshow marker"),
        ("Advertisement", "advertisement"),
        ("Continue reading the main story", "advertisement"),
        (
            "Copyright 2021 The Associated Press. All rights reserved. This material may not be "
            "published, broadcast, rewritten or redistributed.",
            "copyright",
        ),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "copyright"),
    ],
)
def test_furniture_on_its_own_line_is_set_aside_with_its_reason(paragraph: str, reason: str) -> None:
    story = "The airline said all 62 passengers had been accounted for by Sunday evening."
    text, removed = body(f"{story}\n\n{paragraph}\n\nInvestigators will study the flight recorders.")
    assert text == f"{story}\n\nInvestigators will study the flight recorders."
    assert removed == [Removed(paragraph, reason)]


@pytest.mark.parametrize(
    ("paragraph", "kept", "cut", "reason"),
    [
        (
            "The ministry declined to comment. (Reporting by Maria Okafor; Editing by Clare Dunn)",
            "The ministry declined to comment.",
            "(Reporting by Maria Okafor; Editing by Clare Dunn)",
            "credit line",
        ),
        (
            "LAGOS (Reuters) - Slideshow (3 Images) Dock workers walked out on Monday over unpaid wages.",
            "LAGOS (Reuters) - Dock workers walked out on Monday over unpaid wages.",
            "Slideshow (3 Images)",
            "slideshow marker",
        ),
        (
            "The vote was delayed twice. Advertisement Continue reading the main story Lawmakers return "
            "on Tuesday.",
            "The vote was delayed twice. Lawmakers return on Tuesday.",
            "Advertisement Continue reading the main story",
            "advertisement",
        ),
        (
            "Protesters gather outside the courthouse. (AP Photo/Lena Marsh) The trial resumes next week.",
            "Protesters gather outside the courthouse. The trial resumes next week.",
            "(AP Photo/Lena Marsh)",
            "photo caption",
        ),
    ],
)
def test_furniture_inside_a_paragraph_is_cut_out_of_it(
    paragraph: str, kept: str, cut: str, reason: str
) -> None:
    text, removed = body(paragraph)
    assert text == kept
    assert removed == [Removed(cut, reason)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "A Reuters/Ipsos poll found most voters wanted the inquiry to continue.",
        "The editor was reporting by phone from the airport when the second blast hit.",
        "Photographs released by the police (taken before the fire) show the damaged gate.",
        "She said the advertisement had misled customers about the fees.",
    ],
)
def test_story_text_that_only_looks_like_furniture_stays(paragraph: str) -> None:
    text, removed = body(paragraph)
    assert (text, removed) == (paragraph, [])


CAPTION = (
    "FILE - In this Monday, June 7, 2021 file photo, investigators walk past the tail of the "
    "crashed aircraft outside the village. (AP Photo/Lena Marsh, File)"
)
CREDIT = "(Reporting by Maria Okafor and Tom Reyes; Writing by Tom Reyes; Editing by Clare Dunn)"


def write(project: Project, name: str, title: str, *paragraphs: str) -> None:
    (project.seeds / name).write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")


def test_furniture_names_no_entity_and_pairs_no_articles(project: Project) -> None:
    # Two unrelated stories that reuse the same file photo caption and credit line.
    write(
        project,
        "plane.txt",
        "Plane skids off runway in storm",
        "Slideshow (2 Images) A passenger jet skidded off the runway at Kenton airport on Monday.",
        CAPTION,
        "The regional aviation authority said it had opened an inquiry into the landing.",
        CREDIT,
    )
    write(
        project,
        "strike.txt",
        "Dock workers strike over wages",
        "Dock workers at the port of Halvard walked out on Tuesday over unpaid wages.",
        CAPTION,
        "The port authority said talks with the union would resume on Friday.",
        CREDIT,
    )

    result = build(project, write=False)

    names = {alias for entity in result.corpus.entities for alias in entity.aliases}
    for furniture in ("Slideshow", "Writing", "Editing", "Reporting", "AP Photo", "Lena Marsh", "Tom Reyes"):
        assert furniture not in names
    assert result.corpus.comparison.reuse == ()
    plane = result.corpus.get("plane")
    assert plane is not None
    assert [(r.reason, r.text) for r in plane.removed] == [
        ("slideshow marker", "Slideshow (2 Images)"),
        ("photo caption", CAPTION),
        ("credit line", CREDIT),
    ]


def test_the_article_page_lists_what_was_set_aside(project: Project) -> None:
    write(project, "plane.txt", "Plane skids off runway", "A jet skidded off the runway on Monday.", CREDIT)
    build(project)
    page = (Path(project.docs) / "articles" / "plane.md").read_text("utf-8")
    assert "Removed from the text" in page
    assert "credit line" in page
    assert "Reporting by Maria Okafor and Tom Reyes" in page
