"""The outlet pages and the map in Chromium: followed as a reader would, with the keyboard too,
checked by axe, and watched for any request that leaves the site."""

from __future__ import annotations

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Route, expect

from tests.browser.conftest import Watched, screenshot
from tests.browser.test_accessibility import BASELINE

ARTICLE = "001_0ecb2f08c5882e7a"
TITLE = "Failed States and Militias: General Khalifa Haftar Moves on Tripoli"


def test_outlets_index_leads_to_an_outlet_and_its_article(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}articles/")
    page.locator(".md-nav__link", has_text="Outlets").first.click()
    expect(page).to_have_url(f"{site_url}outlets/")
    rows = page.locator("table.px-outlets tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator("ul.px-unknown-outlet li")).to_have_count(3)
    screenshot(page, "outlets")
    page.get_by_role("link", name="Global Research", exact=True).first.click()
    expect(page).to_have_url(f"{site_url}outlets/global-research/")
    expect(page.locator("h1.px-title")).to_have_text("Global Research")
    meta = page.locator("table.px-meta")
    expect(meta.get_by_role("row", name="Country")).to_contain_text("Canada")
    expect(meta.get_by_role("row", name="Homepage")).to_contain_text("https://www.globalresearch.ca")
    # 000 is a copy of this outlet's article: listed with its share.
    expect(page.locator("table.px-shared")).to_contain_text("copy, 99%")
    screenshot(page, "outlet")
    page.locator("table.px-articles").get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(f"{site_url}articles/{ARTICLE}/")
    expect(page.locator("h1.px-title")).to_have_text(TITLE)
    # and back: the article's outlet links to the outlet's page
    page.locator("table.px-meta").get_by_role("link", name="Global Research").click()
    expect(page).to_have_url(f"{site_url}outlets/global-research/")
    watched.assert_clean()


def test_the_map_shows_the_samples_places_and_a_click_opens_one(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}map/")
    svg = page.locator("svg.px-map")
    expect(svg).to_be_visible()
    for name, mentions in (("Tripoli", 16), ("Benghazi", 2), ("Libya", 41)):
        marker = svg.locator(f'a.px-map-place[aria-label^="{name}: {mentions} mentions"]')
        expect(marker).to_have_count(1)
        expect(marker.locator("circle")).to_be_visible()
    expect(svg.locator("text.px-label", has_text="Tripoli")).to_be_visible()
    expect(page.locator("table.px-unplaced")).to_contain_text("Wadi Rabea")
    screenshot(page, "map")
    # Smaller places are drawn on top (Zawiya covers part of Tripoli's circle): click the name.
    svg.locator('a.px-map-place[aria-label^="Tripoli:"] text').click()
    expect(page).to_have_url(f"{site_url}entities/tripoli/")
    expect(page.locator("h1.px-title")).to_have_text("Tripoli")
    watched.assert_clean()


def test_map_places_are_reached_and_opened_with_the_keyboard(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}map/")
    marker = page.locator('svg.px-map a.px-map-place[aria-label^="Benghazi:"]')
    marker.focus()
    expect(marker).to_be_focused()
    outline = marker.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}entities/benghazi/")
    watched.assert_clean()


@pytest.mark.parametrize("path", ["outlets/", "outlets/global-research/", "outlets/halbeeg-news/", "map/"])
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
    watched.assert_clean()


def test_the_map_in_dark_mode(watched: Watched, site_url: str) -> None:
    """The map follows the colour scheme: its sea is dark in the slate scheme."""
    page = watched.page
    page.emulate_media(color_scheme="dark")
    page.goto(f"{site_url}map/")
    sea = page.locator("svg.px-map rect.px-map-sea").evaluate("e => getComputedStyle(e).fill")
    assert sea == "rgb(27, 36, 48)"
    screenshot(page, "map-dark")
    watched.assert_clean()


def _sitemap_for_this_server(watched: Watched, site_url: str) -> None:
    """The site is built for its published address (`site_url`); this test server has another
    port, and Material previews only the pages its sitemap lists. Serve the sitemap as it would
    read at this address."""
    built_for = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")

    def rewrite(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(built_for, site_url))

    watched.page.route("**/sitemap.xml", rewrite)


def test_a_preview_card_appears_on_hover_and_on_keyboard_focus(watched: Watched, site_url: str) -> None:
    page = watched.page
    _sitemap_for_this_server(watched, site_url)
    page.goto(f"{site_url}articles/004_23e8d5bb857ada88/")
    card = page.locator(".md-tooltip2--active")
    page.locator('.px-text a[data-entity="antonio-guterres"]').first.hover()
    expect(card).to_be_visible()
    expect(card).to_contain_text("Antonio Guterres")
    expect(card).to_contain_text("Person · 3 mentions in 1 article")
    expect(card).to_contain_text("Named by Halbeeg News (3).")
    screenshot(page, "preview-hover")
    page.mouse.move(0, 0)
    expect(card).to_have_count(0)
    haftar = page.locator('.px-text a[data-entity="khalifa-haftar"]').first
    haftar.focus()
    expect(card).to_be_visible()
    expect(card).to_contain_text("Commander of the Libyan National Army")
    expect(card).to_contain_text("Named by Global Research")
    screenshot(page, "preview-focus")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}entities/khalifa-haftar/")
    watched.assert_clean()


def test_a_name_without_a_page_of_its_own_keeps_its_title(watched: Watched, site_url: str) -> None:
    """A name mentioned once links to its row on the entity index: no card, its title stays."""
    page = watched.page
    page.goto(f"{site_url}articles/004_23e8d5bb857ada88/")
    link = page.locator('.px-text a[data-entity="maja-kocijancic"]').first
    expect(link).not_to_have_attribute("data-preview", "")
    expect(link).to_have_attribute("title", "Person: Maja Kocijancic")
    watched.assert_clean()
