"""The entity network (`network/`, `data/network.json`) and each entity page's neighbours.

Real builds: of `tests/fixtures/network/` (three short articles written for these tests, with
invented names, one of them hostile), of the samples, and of a generated corpus larger than the
page's cap.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from bench.synthetic import generate_corpus
from generator.build import BuildResult, Project, build
from generator.render.network import EDGES, NODES, Network, script_json
from tests.conftest import REPO
from tests.htmlpage import parse_html, parse_page
from tests.test_html import validate

FIXTURE = REPO / "tests" / "fixtures" / "network"
HOSTILE_NAME = "</script><script>alert('network')</script>{{ 7*7 }} --8<-- Dockers"
SCRIPT = re.compile(r"<script>window\.parallaxNetwork = (.*);</script>")


def _project(root: Path) -> Project:
    (root / "docs").mkdir(exist_ok=True)
    (root / "annotations" / "articles").mkdir(parents=True, exist_ok=True)
    return Project.at(root)


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    root = tmp_path_factory.mktemp("network")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    result = build(_project(root))
    assert result.problems == ()
    return root / "docs", result


def page_data(page: str) -> dict[str, Any]:
    """The graph the page hands network.js (JSON with every risky character \\u-escaped)."""
    found = SCRIPT.search(page)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def ties(data: dict[str, Any]) -> dict[tuple[str, str], list[tuple[str, int]]]:
    return {
        (edge["source"], edge["target"]): [(s["article"], s["sentence"]) for s in edge["sentences"]]
        for edge in data["edges"]
    }


# -- the small corpus written for these tests ---------------------------------------------------


def test_a_tie_is_every_sentence_that_names_both(fixture_build: tuple[Path, BuildResult]) -> None:
    docs, _ = fixture_build
    data = json.loads((docs / "data" / "network.json").read_text("utf-8"))
    assert ties(data) == {
        ("mara-ellison", "tomas-reyk"): [("agreement", 0), ("harbour-talks", 0), ("harbour-talks", 2)],
        ("port-wendel", "tomas-reyk"): [("agreement", 0), ("harbour-talks", 0), ("strike-warning", 0)],
        ("dockers-union", "tomas-reyk"): [("harbour-talks", 2), ("strike-warning", 0)],
        ("mara-ellison", "port-wendel"): [("agreement", 0), ("harbour-talks", 0)],
        ("dockers-union", "mara-ellison"): [("harbour-talks", 2)],
        ("dockers-union", "port-wendel"): [("strike-warning", 0)],
        ("mara-ellison", "wendel-harbour-trust"): [("strike-warning", 2)],
    }
    assert all(edge["weight"] == len(edge["sentences"]) for edge in data["edges"])
    first = data["edges"][0]
    assert (first["outlets"], first["unknown_outlet"]) == ({"Coastal Wire": 1, "Harbour Gazette": 2}, 0)
    assert data["drawn"] == {"nodes": [n["id"] for n in data["nodes"]], "min_weight": 1, "edges": 7}


def test_nodes_have_type_mentions_and_outlets(fixture_build: tuple[Path, BuildResult]) -> None:
    docs, _ = fixture_build
    data = json.loads((docs / "data" / "network.json").read_text("utf-8"))
    nodes = {node["id"]: node for node in data["nodes"]}
    assert nodes["mara-ellison"] == {
        "id": "mara-ellison",
        "name": "Mara Ellison",
        "type": "person",
        "mentions": 4,
        "outlets": {"Coastal Wire": 2, "Harbour Gazette": 2},
        "unknown_outlet": 0,
    }
    assert nodes["dockers-union"]["name"] == HOSTILE_NAME
    assert nodes["dockers-union"]["type"] == "group"
    assert [node["mentions"] for node in data["nodes"]] == sorted(
        (node["mentions"] for node in data["nodes"]), reverse=True
    )


def test_the_page_hands_the_drawn_graph_to_the_script(fixture_build: tuple[Path, BuildResult]) -> None:
    docs, _ = fixture_build
    page = (docs / "network" / "index.md").read_text("utf-8")
    data = page_data(page)
    ids = [node["id"] for node in data["nodes"]]
    assert ids == ["mara-ellison", "tomas-reyk", "port-wendel", "dockers-union", "wendel-harbour-trust"]
    assert data["nodes"][0]["url"] == "../entities/mara-ellison/"
    assert data["outlets"] == ["Coastal Wire", "Harbour Gazette"]
    assert data["minWeight"] == 1 and data["download"] == "../data/network.json"
    edge = data["edges"][0]
    assert (ids[edge["source"]], ids[edge["target"]], edge["weight"]) == ("mara-ellison", "tomas-reyk", 3)
    assert edge["outlets"] == [[0, 1], [1, 2]]
    # Each sentence is written once, with every drawn name in it and the anchor of that mention.
    texts = [data["sentences"][number][1] for number in edge["sentences"]]
    assert texts == [
        "Ellison and Reyk signed the agreement in Port Wendel after two days of talks.",
        "Mara Ellison met Tomas Reyk in Port Wendel on Monday morning.",
        "Ellison later told the Dockers Union that Reyk had agreed to a short pause.",
    ]
    article, text, marks = data["sentences"][edge["sentences"][0]]
    assert data["articles"][article]["url"] == "../articles/agreement/"
    assert [(text[start:end], ids[node], anchor) for start, end, node, anchor in marks] == [
        ("Ellison", "mara-ellison", "m-1"),
        ("Reyk", "tomas-reyk", "m-2"),
        ("Port Wendel", "port-wendel", "m-3"),
    ]
    article_page = (docs / "articles" / "agreement.md").read_text("utf-8")
    assert 'id="m-1" href="../../entities/mara-ellison/"' in article_page


def test_a_hostile_name_cannot_end_the_script_or_start_markup(
    fixture_build: tuple[Path, BuildResult],
) -> None:
    docs, _ = fixture_build
    page = (docs / "network" / "index.md").read_text("utf-8")
    assert page.count("<script") == 3 and page.count("</script>") == 3
    assert "alert(" not in page and "{{" not in page and "--8<--" not in page
    names = [node["name"] for node in page_data(page)["nodes"]]
    assert HOSTILE_NAME in names  # the browser reads the name back exactly


def test_script_json_escapes_inside_strings_only() -> None:
    value = {"a<b": ["</script>", "{% raw %}", "x\u2028y", 'say "hi" \\ -- *[x]: `y`'], "n": [1, -2.5, None]}
    text = script_json(value)
    assert json.loads(text) == value
    literal = r'"(?:[^"\\]|\\.)*"'
    assert re.sub(literal, '""', text) == '{"":["","","",""],"":[1,-2.5,null]}'
    assert not set("".join(re.findall(literal, text))) & set("<>&'{}%*[]`-:/#")
    assert "\n" not in text and text.isascii()


def test_text_alternative_lists_the_strongest_ties_with_links(
    fixture_build: tuple[Path, BuildResult],
) -> None:
    docs, _ = fixture_build
    page = (docs / "network" / "index.md").read_text("utf-8")
    table = page.split('<table class="px-network-ties"', 1)[1].split("</table>", 1)[0]
    rows = table.split("<tr>")[2:]
    assert len(rows) == 7
    first = rows[0]
    assert re.findall(r'href="([^"]+)"', first) == [
        "../entities/mara-ellison/",
        "../entities/tomas-reyk/",
        "../articles/agreement/#m-1",
        "../articles/harbour-talks/#m-1",
        "../articles/harbour-talks/#m-5",
    ]
    assert "<td>3</td><td>Harbour Gazette (2), Coastal Wire (1)</td>" in first
    assert "<summary>3 sentences</summary>" in first
    assert "<strong>Ellison</strong> and <strong>Reyk</strong> signed" in first
    # The in-context links point at a mention of one of the two, on the article page.
    harbour = (docs / "articles" / "harbour-talks.md").read_text("utf-8")
    assert 'id="m-5" href="../../entities/mara-ellison/"' in harbour
    hostile = next(row for row in rows if "dockers-union" in row)
    assert "<script" not in hostile and "&#60;&#47;script&#62;" in hostile


def test_the_page_says_what_it_draws(fixture_build: tuple[Path, BuildResult]) -> None:
    docs, _ = fixture_build
    page = (docs / "network" / "index.md").read_text("utf-8")
    assert '<p class="px-explain px-network-scope">Drawn: all 5 entities and all 7 ties.</p>' in page
    assert '<script src="../javascripts/vendor/cytoscape.min.js"></script>' in page
    assert '<script src="../javascripts/network.js"></script>' in page


def test_an_entity_page_lists_its_neighbours_by_sentences(fixture_build: tuple[Path, BuildResult]) -> None:
    docs, _ = fixture_build
    page = (docs / "entities" / "mara-ellison.md").read_text("utf-8")
    section = page.split("## Named in the same sentences", 1)[1].split("\n## ", 1)[0]
    text = unescape(re.sub(r"<[^>]+>", "", section)).split()
    assert " ".join(text) == (
        f"Tomas Reyk (3), Port Wendel (2), {HOSTILE_NAME} (1), Wendel Harbour Trust (1) "
        "Each count is the sentences that name both; network.json lists them. "
        "Show Mara Ellison in the entity network."
    )
    assert 'href="../../network/#e-mara-ellison"' in section
    assert 'href="../../data/network.json"' in section


# -- the samples, through a real `mkdocs build --strict` -----------------------------------------


def test_sample_network_page(sample_site: Path) -> None:
    site = sample_site / "site"
    html = (site / "network" / "index.html").read_text("utf-8")
    assert len(html.encode("utf-8")) < 2_000_000
    data = page_data(html)
    entities = json.loads((site / "data" / "entities.json").read_text("utf-8"))
    named = [e for e in entities if e["mentions"]]
    network = json.loads((site / "data" / "network.json").read_text("utf-8"))
    assert len(data["nodes"]) == len(named) == len(network["nodes"]) <= NODES
    assert len(data["edges"]) == len(network["edges"])
    page = parse_page(site / "network" / "index.html")
    assert f"Drawn: all {len(named)} entities and all {len(network['edges'])} ties." in page.text
    assert (site / "javascripts" / "vendor" / "cytoscape.min.js").is_file()
    # Every link of the text alternative leads to a page of the site, and every anchor exists.
    for element in page.elements:
        href = element.attrs.get("href", "")
        if element.tag != "a" or not href.startswith("../") or "network.json" in href:
            continue
        path, _, anchor = href.partition("#")
        target = (site / "network" / path / "index.html").resolve()
        assert target.is_file(), href
        if anchor:
            ids = {e.attrs.get("id") for e in parse_html(target.read_text("utf-8")).all_elements}
            assert anchor in ids, href


def test_statements_about_pairs_read_the_same_ties(sample_site: Path) -> None:
    data = sample_site / "site" / "data"
    network = json.loads((data / "network.json").read_text("utf-8"))
    coverage = json.loads((data / "coverage.json").read_text("utf-8"))
    edges = {
        (e["source"], e["target"]): [[s["article"], s["sentence"]] for s in e["sentences"]]
        for e in network["edges"]
    }
    assert coverage["pairs"]
    for pair in coverage["pairs"]:
        assert edges[(pair["first"], pair["second"])] == [
            [s["article"], s["sentence"]] for s in pair["sentences"]
        ]


def test_the_data_page_lists_network_json(sample_site: Path) -> None:
    page = parse_page(sample_site / "site" / "data" / "index.html")
    assert "network.json" in [e.attrs.get("href") for e in page.elements if e.tag == "a"]
    assert "| `data/network.json` |" in (REPO / "README.md").read_text("utf-8")


# -- a corpus larger than the page draws ---------------------------------------------------------


@pytest.fixture(scope="module")
def large_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    root = tmp_path_factory.mktemp("network-large")
    generate_corpus(root / "seeds", 45, words=160)
    result = build(_project(root))
    return root / "docs", result


def test_a_large_corpus_draws_the_most_mentioned_and_says_what_is_left_out(
    large_build: tuple[Path, BuildResult],
) -> None:
    docs, _ = large_build
    network = json.loads((docs / "data" / "network.json").read_text("utf-8"))
    everyone = len(network["nodes"])
    assert everyone > NODES
    page = (docs / "network" / "index.md").read_text("utf-8")
    data = page_data(page)
    assert [n["id"] for n in data["nodes"]] == [n["id"] for n in network["nodes"][:NODES]]
    assert network["drawn"]["nodes"] == [n["id"] for n in data["nodes"]]
    drawn_edges = len(data["edges"])
    assert drawn_edges <= EDGES and drawn_edges < len(network["edges"])
    scope = re.search(r'<p class="px-explain px-network-scope">(.*?)</p>', page)
    assert scope is not None
    text = re.sub(r"<[^>]+>", "", scope.group(1))
    weight = network["drawn"]["min_weight"]
    strength = f" named together in at least {weight} sentences" if weight > 1 else ""
    assert text == (
        f"Drawn: the {NODES} most-mentioned of {everyone} entities and the {drawn_edges} ties between "
        f"them{strength}. Left out: {everyone - NODES} less-mentioned entities and "
        f"{len(network['edges']) - drawn_edges} of {len(network['edges'])} ties; network.json has them all."
    )


def test_the_weakest_drawn_tie_keeps_the_drawing_under_the_cap(large_build: tuple[Path, BuildResult]) -> None:
    _, result = large_build
    network = Network(result.corpus, nodes=30, edges=12)
    drawn = {entity.id for entity in network.nodes}
    among = [tie for tie in network.ties if tie.first in drawn and tie.second in drawn]
    assert len(among) > 12
    assert 0 < len(network.edges) <= 12
    assert all(tie.weight >= network.min_weight for tie in network.edges)
    # Every tie between drawn entities at least that strong is drawn, and one weaker would not fit.
    assert set(network.edges) == {tie for tie in among if tie.weight >= network.min_weight}
    assert len([tie for tie in among if tie.weight >= network.min_weight - 1]) > 12
    mentions = [len(result.corpus.mentions_of(e.id)) for e in network.entities]
    assert mentions == sorted(mentions, reverse=True)
    assert len(network.nodes) == 30


def test_the_network_page_is_valid_html(sample_site: Path) -> None:
    site = sample_site / "site"
    pages = [site / "network" / "index.html", site / "entities" / "khalifa-haftar" / "index.html"]
    assert validate(*pages) == []
