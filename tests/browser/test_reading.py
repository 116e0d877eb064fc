"""Scenarios as a reader meets them: the home page, an article, search, anchors, the keyboard."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import Watched, screenshot

FIRST = "001_0ecb2f08c5882e7a"
TITLE = "Failed States and Militias: General Khalifa Haftar Moves on Tripoli"


def test_home_lists_every_article_and_opens_one(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(site_url)
    rows = page.locator("table.px-articles tbody tr")
    expect(rows).to_have_count(5)
    screenshot(page, "home")
    page.get_by_role("link", name=TITLE).first.click()
    expect(page).to_have_url(f"{site_url}articles/{FIRST}/")
    expect(page.locator("h1.px-title")).to_have_text(TITLE)
    meta = page.locator("table.px-meta")
    expect(meta.get_by_role("row", name="Outlet", exact=False)).to_contain_text("Global Research")
    expect(meta.get_by_role("row", name="Author")).to_contain_text("Dr. Binoy Kampmark")
    expect(meta.get_by_role("row", name="Date 2019-04-21", exact=True)).to_be_visible()
    screenshot(page, "article")
    watched.assert_clean()


def search(page: Page, site_url: str, query: str) -> None:
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # Type only once the search worker has loaded the index, as a reader would wait for it.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=15000)
    page.locator("input.md-search__input").press_sequentially(query, delay=50)


def test_search_finds_an_article_by_a_word_of_its_title(watched: Watched, site_url: str) -> None:
    page = watched.page
    search(page, site_url, "Militias")
    result = page.locator(".md-search-result__link", has_text="Failed States and Militias").first
    expect(result).to_be_visible(timeout=15000)
    result.click()
    expect(page).to_have_url(re.compile(re.escape(f"{site_url}articles/{FIRST}/") + r"(\?h=militias)?$"))
    expect(page.locator("h1.px-title")).to_have_text(TITLE)
    watched.assert_clean()


def test_note_link_leads_to_the_highlighted_passage(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}articles/004_23e8d5bb857ada88/")
    highlight = page.locator("mark#highlight-1")
    # The highlight wraps the entity link inside it (the link shows a type letter after the name).
    expect(highlight).to_have_text("military strongman Khalifa Haftar")
    # (its `title` is in the HTML, tests/test_entities.py; Material's preview takes it over here)
    expect(highlight.locator("a.px-person")).to_have_attribute("data-entity", "khalifa-haftar")
    # Material's instant navigation makes every href absolute, so the link is found by its place.
    page.locator("aside#note-2 a").first.click()
    expect(page).to_have_url(f"{site_url}articles/004_23e8d5bb857ada88/#highlight-2")
    expect(page.locator("mark#highlight-2")).to_be_in_viewport()
    screenshot(page, "article-highlights")
    watched.assert_clean()


def test_copy_notice_leads_to_the_original(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}articles/000_c9538e6b4c7c64b9/")
    notice = page.locator(".px-copy")
    expect(notice).to_contain_text("99% of this text")
    notice.get_by_role("link").click()
    expect(page.locator("h1.px-title")).to_have_text(TITLE)
    watched.assert_clean()


def test_removed_boilerplate_is_collapsed_until_opened(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}articles/{FIRST}/")
    details = page.locator("details.px-removed")
    expect(details.locator("li").first).to_be_hidden()
    details.locator("summary").click()
    expect(details.locator("li").first).to_be_visible()
    expect(details).to_contain_text("share prompt: Note to readers: please click the share buttons below.")
    watched.assert_clean()


def test_keyboard_focus_is_visible_on_links_in_the_text(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}articles/004_23e8d5bb857ada88/")
    link = page.locator(".px-text sup.px-note-ref a").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = link.evaluate("element => getComputedStyle(element).outlineStyle")
    width = link.evaluate("element => parseFloat(getComputedStyle(element).outlineWidth)")
    assert outline != "none" and width >= 1
    watched.assert_clean()


def test_search_finds_an_entity_page(watched: Watched, site_url: str) -> None:
    page = watched.page
    search(page, site_url, "Haftar")
    result = page.locator(".md-search-result__link[href*='entities/khalifa-haftar/']").first
    expect(result).to_be_visible(timeout=15000)
    result.click()
    expect(page.locator("h1.px-title")).to_have_text("Khalifa Haftar")
    watched.assert_clean()


def test_mention_opens_entity_page_and_leads_back_to_the_sentence(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}articles/004_23e8d5bb857ada88/")
    mention = page.locator(".px-text a.px-person", has_text="Antonio Guterres").first
    expect(mention).to_have_attribute("data-entity", "antonio-guterres")
    mention.click()
    expect(page).to_have_url(f"{site_url}entities/antonio-guterres/")
    expect(page.locator("h1.px-title")).to_have_text("Antonio Guterres")
    screenshot(page, "entity")
    back = page.locator("ul.px-mentions li", has_text="I still hope it is possible").locator(
        "a.px-in-context"
    )
    back.click()
    expect(page).to_have_url(re.compile(re.escape(f"{site_url}articles/004_23e8d5bb857ada88/#m-") + r"\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    expect(target).to_have_text("Guterres")
    expect(target).to_be_in_viewport()
    expect(page.locator(".px-text p", has=target)).to_contain_text("I still hope it is possible")
    watched.assert_clean()


def test_entity_index_sorts_by_articles(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}entities/")
    table = page.locator("table.px-entity-index").first
    screenshot(page, "entity-index")
    first_by_mentions = table.locator("tbody tr td:first-child").first.inner_text()
    table.locator("th", has_text="Articles").click()
    table.locator("th", has_text="Articles").click()  # descending
    counts = [int(text) for text in table.locator("tbody tr td:nth-child(3)").all_inner_texts()]
    assert counts == sorted(counts, reverse=True)
    assert first_by_mentions == "Khalifa Haftar"
    watched.assert_clean()


def test_comparison_quote_group_leads_to_each_version_in_context(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}")
    page.locator(".md-content a", has_text="source comparison").click()
    expect(page.locator("h1.px-title")).to_have_text("Source comparison")
    screenshot(page, "comparison")
    group = page.locator("table.px-quote-versions").first
    expect(group.locator("ins")).to_have_text("recognized")
    group.locator("tr", has_text="trimmed, altered").locator("a").first.click()
    expect(page).to_have_url(f"{site_url}articles/002_c5e94d6caf5d1f55/")
    quote = page.locator(".px-quotes li", has_text="recognized Field Marshal")
    expect(quote).to_contain_text("White House")
    quote.locator("a").first.click()
    target = page.locator(f"[id='{page.url.rsplit('#', 1)[1]}']")
    expect(target).to_contain_text("recognized Field Marshal Haftar")
    expect(target).to_be_in_viewport()
    watched.assert_clean()


def test_coverage_picture_is_drawn_with_its_table_beside(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}compare/")
    picture = page.locator("svg.px-heat-map")
    expect(picture).to_be_visible()
    expect(picture.locator("title").first).to_have_text("Mentions of the most-named entities in each article")
    box = picture.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 200
    row = page.locator("table.px-coverage tr", has_text="Antonio Guterres")
    expect(row.locator("td")).to_have_text(["", "", "", "", "3"])
    picture.scroll_into_view_if_needed()
    screenshot(page, "coverage")
    watched.assert_clean()
