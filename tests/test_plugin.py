"""The MkDocs plugin's options: folders named once in mkdocs.yml, relative to it, from any cwd."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS, install_site_config, run_mkdocs

ARTICLE = "001_0ecb2f08c5882e7a"


def test_mkdocs_yml_names_each_folder_once() -> None:
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    # The plugin watches its own folders in `mkdocs serve`: no `watch:` list repeats them.
    assert "\nwatch:" not in config
    assert config.count("seeds: seeds") == 1 and config.count("annotations: annotations") == 1


@pytest.mark.mkdocs
def test_folders_are_relative_to_mkdocs_yml_not_to_the_working_folder(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    shutil.copytree(SEEDS, root / "coverage" / "articles")
    (root / "notes-yaml" / "articles").mkdir(parents=True)
    (root / "notes-yaml" / "articles" / f"{ARTICLE}.yml").write_text("author: Folder Test\n", "utf-8")
    install_site_config(root)
    config = (root / "mkdocs.yml").read_text("utf-8")
    config = config.replace("seeds: seeds ", "seeds: coverage/articles ")
    config = config.replace("annotations: annotations ", "annotations: notes-yaml ")
    (root / "mkdocs.yml").write_text(config, "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    result = run_mkdocs(elsewhere, "--config-file", str(root / "mkdocs.yml"))

    assert result.returncode == 0, result.stderr
    assert "parallax: 5 articles read" in result.stderr
    page = (root / "site" / "articles" / ARTICLE / "index.html").read_text("utf-8")
    assert "Folder Test" in page
    assert not (elsewhere / "site").exists() and not (elsewhere / "docs").exists()


def test_search_indexes_an_entity_page_down_to_its_mentions(sample_site: Path) -> None:
    """The entity's name, type and names used are searchable; its mentions are searched on the
    article pages they come from, and the page itself still shows them all."""
    index = json.loads((sample_site / "site" / "search" / "search_index.json").read_text("utf-8"))
    haftar = [doc for doc in index["docs"] if doc["location"].startswith("entities/khalifa-haftar/")]
    assert haftar[0]["title"] == "Khalifa Haftar"
    indexed = " ".join(doc["title"] + " " + doc["text"] for doc in haftar)
    assert "Names used" in indexed and "Commander of the Libyan National Army" in indexed
    assert "Mentions" not in indexed and "in context" not in indexed
    page = (sample_site / "site" / "entities" / "khalifa-haftar" / "index.html").read_text("utf-8")
    assert page.count('class="px-in-context"') > 40  # the page shows every mention
    sentence = "ordered his self"  # ("-" is written &#45; in the page)
    assert sentence in page and sentence not in indexed
    article = [doc for doc in index["docs"] if doc["location"].startswith("articles/004_23e8d5bb857ada88/")]
    assert any(sentence in doc["text"] for doc in article)
