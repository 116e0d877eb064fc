"""`mkdocs serve` regenerates pages after a seed or YAML edit, once, without a rebuild loop."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BIN, REPO, SEEDS, install_site_config

ARTICLE = "002_c5e94d6caf5d1f55"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate: object, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.25)
    return False


def _serve(tmp_path: Path, *options: str) -> Iterator[tuple[Path, str, Path]]:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(REPO / "annotations", root / "annotations")
    install_site_config(root)
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with open(log, "w") as handle:
        process = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}", *options],
            cwd=root,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "The corpus at a glance" in fetch(base)), log.read_text()
        yield root, base, log
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    yield from _serve(tmp_path)


@pytest.fixture
def served_dirty(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """As `make serve` runs it."""
    yield from _serve(tmp_path, "--dirty")


def builds(log: Path) -> int:
    return log.read_text().count("Building documentation")


def settle(log: Path, quiet_seconds: float = 4, limit: float = 40) -> int:
    """Wait until no build has started for `quiet_seconds` (at most `limit`); return the number of builds."""
    count, since = builds(log), time.monotonic()
    deadline = since + limit
    while time.monotonic() - since < quiet_seconds and time.monotonic() < deadline:
        time.sleep(0.25)
        if builds(log) != count:
            count, since = builds(log), time.monotonic()
    return count


def test_seed_edit_shows_after_reload_without_a_loop(served: tuple[Path, str, Path]) -> None:
    root, base, log = served
    before = settle(log)
    seed = root / "seeds" / f"{ARTICLE}.txt"
    seed.write_text(seed.read_text("utf-8") + "\nA sentence added while serving.\n", "utf-8")
    assert wait_for(lambda: "A sentence added while serving." in fetch(f"{base}articles/{ARTICLE}/")), (
        log.read_text()
    )
    after = settle(log)
    # One build for the seed edit, at most one more for the regenerated docs it wrote; then quiet.
    assert 1 <= after - before <= 2, log.read_text()


def test_yaml_edit_shows_after_reload(served: tuple[Path, str, Path]) -> None:
    root, base, log = served
    settle(log)
    (root / "annotations" / "articles" / f"{ARTICLE}.yml").write_text("author: Served Researcher\n", "utf-8")
    assert wait_for(lambda: "Served Researcher" in fetch(f"{base}articles/{ARTICLE}/")), log.read_text()


def search_pages(base: str) -> dict[str, str]:
    """The served search index: each page's URL -> all its indexed text."""
    index = json.loads(fetch(f"{base}search/search_index.json") or "{}")
    pages: dict[str, str] = {}
    for doc in index.get("docs", []):
        page = doc["location"].split("#")[0]
        pages[page] = pages.get(page, "") + " " + doc["title"] + " " + doc["text"]
    return pages


def test_make_serve_rebuilds_what_changed_and_keeps_search_and_removals_right(
    served_dirty: tuple[Path, str, Path],
) -> None:
    root, base, log = served_dirty
    settle(log)
    before = search_pages(base)
    assert f"articles/{ARTICLE}/" in before and "entities/khalifa-haftar/" in before
    # A note edited: the article page shows it; search still has every page, and the new note.
    edited = "004_23e8d5bb857ada88"
    yml = root / "annotations" / "articles" / f"{edited}.yml"
    note = "Served dirty, only this outlet"
    yml.write_text(yml.read_text("utf-8").replace("Only this outlet", note), "utf-8")
    assert wait_for(lambda: note in fetch(f"{base}articles/{edited}/")), log.read_text()
    settle(log)
    after = search_pages(base)
    assert sorted(after) == sorted(before)
    assert "Served dirty" in after[f"articles/{edited}/"]
    assert "search entries of" in log.read_text() and "pages not rebuilt carried over" in log.read_text()
    # A seed removed: its page is no longer served, nor searched.
    (root / "seeds" / "003_6b383f3c232c05d5.txt").unlink()
    assert wait_for(lambda: fetch(f"{base}articles/003_6b383f3c232c05d5/") == ""), log.read_text()
    settle(log)
    assert "articles/003_6b383f3c232c05d5/" not in search_pages(base)
    assert f"articles/{ARTICLE}/" in search_pages(base)


def test_make_serve_rebuilds_every_page_when_the_navigation_changes(
    served_dirty: tuple[Path, str, Path],
) -> None:
    root, base, log = served_dirty
    settle(log)
    (root / "docs" / "field-notes.md").write_text("# Field notes\n\nWritten while serving.\n", "utf-8")
    # A new page of your own joins the navigation of every page, the generated ones included.
    assert wait_for(lambda: "Field notes" in fetch(f"{base}articles/{ARTICLE}/")), log.read_text()
    assert "every page is rebuilt" in log.read_text()
