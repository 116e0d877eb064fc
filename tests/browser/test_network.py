"""The entity network in a real browser: cytoscape draws it, a click opens an entity page, the
filters change what is drawn, a tie lists its sentences, and nothing leaves the site."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.conftest import Watched, screenshot, serve
from tests.browser.test_accessibility import BASELINE
from tests.conftest import REPO, install_site_config, run_mkdocs

GRAPH = "window.parallaxNetworkGraph"
HOSTILE_NAME = "</script><script>alert('network')</script>{{ 7*7 }} --8<-- Dockers"


def open_network(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("#px-network")).to_have_attribute("data-nodes", re.compile(r"^\d+$"), timeout=15000)


def drawn(page: Page) -> tuple[int, int]:
    """(nodes, ties) cytoscape shows now."""
    result: list[int] = page.evaluate(f"[{GRAPH}.nodes(':visible').length, {GRAPH}.edges(':visible').length]")
    return result[0], result[1]


def network_json(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "data" / "network.json").read_text("utf-8"))
    return data


def test_the_network_draws_every_node(watched: Watched, site_url: str, sample_site: Path) -> None:
    page = watched.page
    open_network(page, f"{site_url}network/")
    data = network_json(sample_site / "site")
    assert drawn(page) == (len(data["nodes"]), len(data["edges"]))
    expect(page.locator(".px-network-status")).to_have_text(
        f"Showing {len(data['nodes'])} of {len(data['nodes'])} entities and "
        f"{len(data['edges'])} of {len(data['edges'])} ties."
    )
    expect(page.locator("#px-network-canvas canvas").first).to_be_visible()
    page.locator("#px-network-canvas").scroll_into_view_if_needed()
    screenshot(page, "network")
    watched.assert_clean()


def click_node(page: Page, entity_id: str) -> None:
    """Zoom onto the node, then click where it is drawn, as a reader would."""
    x, y = page.evaluate(
        f"""id => {{
            const node = {GRAPH}.getElementById(id);
            {GRAPH}.zoom(2);
            {GRAPH}.center(node);
            const box = document.getElementById('px-network-canvas').getBoundingClientRect();
            const at = node.renderedPosition();
            return [box.left + at.x, box.top + at.y];
        }}""",
        entity_id,
    )
    page.mouse.click(x, y)


def test_a_click_on_a_node_opens_its_entity_page(watched: Watched, site_url: str) -> None:
    page = watched.page
    open_network(page, f"{site_url}network/")
    click_node(page, "khalifa-haftar")
    expect(page).to_have_url(f"{site_url}entities/khalifa-haftar/")
    expect(page.locator("h1.px-title")).to_have_text("Khalifa Haftar")
    # The entity page's neighbours lead back to the entity in the network.
    page.get_by_role("link", name="Show Khalifa Haftar in the entity network").click()
    expect(page).to_have_url(f"{site_url}network/#e-khalifa-haftar")
    expect(page.locator("#px-network")).to_have_attribute("data-nodes", re.compile(r"^\d+$"))
    assert page.evaluate(f"{GRAPH}.getElementById('khalifa-haftar').hasClass('px-focus')")
    watched.assert_clean()


def test_filters_change_what_is_drawn(watched: Watched, site_url: str, sample_site: Path) -> None:
    page = watched.page
    open_network(page, f"{site_url}network/")
    data = network_json(sample_site / "site")
    everyone, ties = drawn(page)
    places = [node for node in data["nodes"] if node["type"] == "place"]
    page.get_by_role("checkbox", name="Places").uncheck()
    nodes, fewer_ties = drawn(page)
    assert nodes == everyone - len(places) and fewer_ties < ties
    assert page.evaluate(f"{GRAPH}.nodes('[type = \"place\"]').filter(':visible').length") == 0
    page.get_by_role("checkbox", name="Places").check()
    assert drawn(page) == (everyone, ties)
    # One outlet: only the entities it names, and only the ties its sentences make.
    page.get_by_label("Outlet").select_option(label="Global Research")
    outlet_nodes = [n for n in data["nodes"] if n["outlets"].get("Global Research")]
    outlet_ties = [e for e in data["edges"] if e["outlets"].get("Global Research")]
    assert drawn(page) == (len(outlet_nodes), len(outlet_ties))
    page.get_by_label("Outlet").select_option(label="All outlets")
    page.get_by_label("Named together in at least").fill("3")
    strong = [edge for edge in data["edges"] if edge["weight"] >= 3]
    # The status line changes once the filter has run (expect waits for it); then count.
    expect(page.locator(".px-network-status")).to_contain_text(
        f"and {len(strong)} of {len(data['edges'])} ties"
    )
    assert drawn(page) == (everyone, len(strong))
    watched.assert_clean()


def test_a_tie_lists_its_sentences_in_context(watched: Watched, site_url: str, sample_site: Path) -> None:
    page = watched.page
    open_network(page, f"{site_url}network/")
    strongest = network_json(sample_site / "site")["edges"][0]
    page.evaluate(
        f"([a, b]) => {GRAPH}.edges()"
        ".filter(e => e.data('source') === a && e.data('target') === b).emit('tap')",
        [strongest["source"], strongest["target"]],
    )
    detail = page.locator("#px-network-detail")
    expect(detail).to_contain_text(f"named together in {strongest['weight']} sentences")
    items = detail.locator("li")
    expect(items.first).to_be_visible()
    assert items.count() == min(5, strongest["weight"]) + (1 if strongest["weight"] > 5 else 0)
    link = detail.get_by_role("link", name="in context").first
    href = link.get_attribute("href") or ""
    anchor = href.split("#", 1)[1]
    link.click()
    expect(page.locator(f"[id='{anchor}']")).to_be_visible()
    assert page.locator(f"[id='{anchor}']").get_attribute("data-entity") in (
        strongest["source"],
        strongest["target"],
    )
    watched.assert_clean()


def test_the_palette_toggle_recolours_the_drawing(watched: Watched, site_url: str) -> None:
    page = watched.page
    open_network(page, f"{site_url}network/")
    colour = f"{GRAPH}.getElementById('khalifa-haftar').style('background-color')"
    assert page.evaluate(colour) == "rgb(26,95,180)"
    page.get_by_title("Switch to dark mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.wait_for_function(f"{colour} === 'rgb(143,184,240)'")
    screenshot(page, "network-dark")
    watched.assert_clean()


def test_no_new_serious_accessibility_violations(watched: Watched, site_url: str) -> None:
    open_network(watched.page, f"{site_url}network/")
    results = Axe().run(watched.page)
    found = {
        (violation["id"], str(node["target"][0]))
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    }
    assert found - BASELINE == set(), results.generate_report()


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """tests/fixtures/network/ (invented articles, one hostile entity name) through `mkdocs build`."""
    root = tmp_path_factory.mktemp("network-site")
    shutil.copytree(REPO / "tests" / "fixtures" / "network", root, dirs_exist_ok=True)
    (root / "docs").mkdir()
    (root / "annotations" / "articles").mkdir()
    install_site_config(root)
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    yield from serve(root / "site")


def test_a_hostile_name_is_drawn_as_text(watched: Watched, fixture_url: str) -> None:
    page = watched.page
    open_network(page, f"{fixture_url}network/")
    assert drawn(page) == (5, 7)
    name = page.evaluate(f"{GRAPH}.getElementById('dockers-union').data('name')")
    assert name == HOSTILE_NAME
    assert page.locator(".md-content script:not([src])").count() == 1  # the graph's data, nothing else
    screenshot(page, "network-fixture")
    watched.assert_clean()  # no dialog: the alert never ran
