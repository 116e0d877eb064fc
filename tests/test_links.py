"""Every internal link and anchor in the built site resolves (a small checker over site/)."""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.htmlpage import parse_page

LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


@cache
def ids_in(page: Path) -> frozenset[str]:
    parsed = parse_page(page)
    return frozenset(
        value
        for element in parsed.all_elements
        for name, value in element.attrs.items()
        if name in ("id", "name")
    )


def target_file(site: Path, page: Path, path: str) -> Path:
    base = posixpath.dirname(page.relative_to(site).as_posix())
    joined = posixpath.normpath(posixpath.join(base, unquote(path)))
    target = site / joined
    return target / "index.html" if target.is_dir() or path.endswith("/") else target


def broken_links(site: Path) -> list[str]:
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        for element in parse_page(page).all_elements:
            attribute = LINKING.get(element.tag)
            url = element.attrs.get(attribute or "", "")
            if not url or element.attrs.get("rel") == "canonical":
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # external: the offline tests check that pages make no such requests
            target = target_file(site, page, parts.path) if parts.path else page
            where = f"{page.relative_to(site)}: {url}"
            if not target.is_file():
                broken.append(f"{where} (no file {target.relative_to(site)})")
            elif (
                parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_in(target)
            ):
                broken.append(f"{where} (no anchor #{parts.fragment})")
    return broken


@pytest.mark.parametrize("site_fixture", ["sample_site", "hostile_site"])
def test_every_internal_link_resolves(site_fixture: str, request: pytest.FixtureRequest) -> None:
    root: Path = request.getfixturevalue(site_fixture)
    assert broken_links(root / "site") == []


def test_checker_finds_a_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here"><a href="../b/">b</a> <a href="#gone">x</a></p>')
    (tmp_path / "index.html").write_text('<a href="a/#here">ok</a> <a href="a/#nope">bad</a>')
    assert broken_links(tmp_path) == [
        "a/index.html: ../b/ (no file b/index.html)",
        "a/index.html: #gone (no anchor #gone)",
        "index.html: a/#nope (no anchor #nope)",
    ]
