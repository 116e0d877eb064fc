"""The hostile corpus opened in a real browser: no dialog, no request off this machine, no payload."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import Watched, screenshot, serve

PAYLOAD_SELECTOR = (
    ".md-content script, .md-content img, .md-content iframe, .md-content svg, .md-content style, "
    ".md-content object, .md-content embed, .md-content form, [onerror], [onload], [onclick], "
    "[onmouseover], a[href^='javascript:'], a[href*='evil.example'], [src*='evil.example']"
)


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    yield from serve(hostile_site / "site")


@pytest.mark.parametrize("article", ["001_html", "002_markdown", "003_control", "004_dangerous_urls"])
def test_hostile_article_is_inert_in_a_browser(watched: Watched, hostile_url: str, article: str) -> None:
    page = watched.page
    page.goto(f"{hostile_url}articles/{article}/")
    page.wait_for_load_state("networkidle")
    for link in page.locator(".px-text a, .px-meta a").all():  # click whatever links the text has
        link.click(modifiers=["Control"])
    page.mouse.move(400, 400)
    assert page.locator(PAYLOAD_SELECTOR).count() == 0
    assert page.title().endswith(" - Parallax — news coverage compared")
    assert "pwned" not in page.title()
    assert page.locator(".px-text").is_visible()
    screenshot(page, f"hostile-{article}")
    watched.assert_clean()
