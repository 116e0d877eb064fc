"""axe-core on the pages readers use; any serious or critical finding beyond the baseline fails."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import Watched

# Findings of the stock theme that Parallax cannot fix from its own pages: (rule, target).
BASELINE = {
    ("aria-dialog-name", ".md-search"),  # Material's search dialog has no accessible name
}
PAGES = [
    "",
    "articles/",
    "articles/001_0ecb2f08c5882e7a/",
    "articles/004_23e8d5bb857ada88/",
    "entities/",
    "entities/khalifa-haftar/",
    "entities/antonio-guterres/",
    "compare/",
    "data/",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_new_serious_accessibility_violations(watched: Watched, site_url: str, path: str) -> None:
    watched.page.goto(f"{site_url}{path}")
    results = Axe().run(watched.page)
    found = {
        (violation["id"], str(node["target"][0]))
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    }
    assert found - BASELINE == set(), results.generate_report()


def test_highlights_are_not_told_by_colour_alone(watched: Watched, site_url: str) -> None:
    """Highlights carry an underline as well as a background colour."""
    watched.page.goto(f"{site_url}articles/004_23e8d5bb857ada88/")
    decoration = watched.page.locator("mark#highlight-1").evaluate(
        "element => getComputedStyle(element).textDecorationLine"
    )
    assert decoration == "underline"


def test_entity_types_differ_by_more_than_colour(watched: Watched, site_url: str) -> None:
    """Each type has its own underline style and a text cue (a type letter) besides its colour."""
    watched.page.goto(f"{site_url}articles/004_23e8d5bb857ada88/")
    styles = {}
    for kind in ("person", "organization", "place", "group"):
        link = watched.page.locator(f".px-text a.px-{kind}").first
        styles[kind] = link.evaluate(
            "e => [getComputedStyle(e).textDecorationStyle, getComputedStyle(e, '::after').content]"
        )
    assert len({style for style, _ in styles.values()}) == 4, styles
    assert len({cue for _, cue in styles.values()}) == 4, styles
