"""The MkDocs plugin's options: folders named once in mkdocs.yml, relative to it, from any cwd."""

from __future__ import annotations

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
