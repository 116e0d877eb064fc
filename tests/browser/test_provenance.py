"""Provenance as a reader meets it: from an article to the article that echoes it and back, and
the accounts diagram at the top of the comparison page."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import Watched, screenshot

ORIGINAL, COPY = "001_0ecb2f08c5882e7a", "000_c9538e6b4c7c64b9"


def test_echoed_by_leads_to_the_echo_and_its_source_leads_back(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}articles/{ORIGINAL}/")
    echoed = page.locator(".px-provenance .px-echoed-by")
    expect(echoed).to_contain_text("Echoed by: 000_c9538e6b4c7c64b9")
    expect(echoed).to_contain_text("(copy, 99% of its text")
    screenshot(page, "provenance-original")
    echoed.get_by_role("link", name=COPY).click()
    expect(page).to_have_url(f"{site_url}articles/{COPY}/")
    comes = page.locator(".px-provenance .px-comes-from")
    expect(comes).to_contain_text("Where this text comes from: a copy of 001_0ecb2f08c5882e7a")
    comes.get_by_role("link", name=ORIGINAL).click()
    expect(page).to_have_url(f"{site_url}articles/{ORIGINAL}/")
    expect(page.locator("h1.px-title")).to_have_text(re.compile("^Failed States and Militias"))
    watched.assert_clean()


def test_account_link_opens_the_comparison_at_the_account(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}articles/{COPY}/")
    page.locator(".px-provenance .px-account").get_by_role("link", name="account a1").click()
    expect(page).to_have_url(f"{site_url}compare/#account-a1")
    row = page.locator("tr#account-a1")
    expect(row).to_be_in_viewport()
    expect(row).to_contain_text(ORIGINAL)
    watched.assert_clean()


def test_comparison_opens_with_the_accounts_diagram(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}compare/")
    headings = page.locator(".md-content h2")
    expect(headings.first).to_have_text(re.compile("^Provenance"))
    picture = page.locator("svg.px-provenance-map")
    expect(picture).to_be_visible()
    expect(picture.locator("title").first).to_have_text("Provenance: 4 independent accounts among 5 articles")
    box = picture.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 100
    expect(page.locator(".px-accounts-count")).to_contain_text("4 independent accounts among 5 articles")
    picture.scroll_into_view_if_needed()
    screenshot(page, "provenance-diagram")
    watched.assert_clean()
