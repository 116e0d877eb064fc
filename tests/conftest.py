"""Shared fixtures: a real project folder in tmp_path with real seed files and YAML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import BuildResult, Project, build

REPO = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    """One extraction cache for the whole run, so each sample build does not rerun the model."""
    if "PARALLAX_CACHE" not in os.environ:
        folder = tempfile.mkdtemp(prefix="parallax-test-cache-")
        os.environ["PARALLAX_CACHE"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


SEEDS = REPO / "seeds"
HOSTILE = REPO / "tests" / "fixtures" / "hostile"
HOSTILE_ANNOTATIONS = REPO / "tests" / "fixtures" / "hostile-annotations"
EXTRA_EXTENSIONS = """markdown_extensions:
  - abbr
  - def_list
  - footnotes
  - pymdownx.snippets:
      base_path: ["."]
  - pymdownx.superfences
  - pymdownx.details
  - pymdownx.mark
  - pymdownx.tilde
  - pymdownx.caret
  - pymdownx.magiclink
  - pymdownx.inlinehilite
"""


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """An empty project: seeds/, annotations/articles/ and docs/ under tmp_path."""
    for folder in ("seeds", "annotations/articles", "docs"):
        (tmp_path / folder).mkdir(parents=True)
    return Project.at(tmp_path)


@pytest.fixture
def sample_project(project: Project) -> Project:
    """A project holding a copy of the five sample articles."""
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(seed, project.seeds / seed.name)
    return project


@pytest.fixture
def run_build(project: Project) -> Callable[..., BuildResult]:
    def run(write: bool = True) -> BuildResult:
        return build(project, write=write)

    return run


BIN = Path(sys.executable).parent


def install_site_config(root: Path) -> None:
    """Copy the project's real mkdocs.yml and hand-written pages into a test project."""
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copyfile(REPO / "docs" / "methodology.md", root / "docs" / "methodology.md")
    for assets in ("stylesheets", "javascripts"):
        shutil.copytree(REPO / "docs" / assets, root / "docs" / assets, dirs_exist_ok=True)


def run_mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict` (the plugin runs the generator) in `root`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus built once by a real `mkdocs build --strict`; returns the project root."""
    root = tmp_path_factory.mktemp("sample-site")
    (root / "docs").mkdir()
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(REPO / "annotations", root / "annotations")
    install_site_config(root)
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-site")
    (root / "docs").mkdir()
    shutil.copytree(HOSTILE, root / "seeds")
    shutil.copytree(HOSTILE_ANNOTATIONS, root / "annotations")
    install_site_config(root)
    config = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(config.replace("markdown_extensions:\n", EXTRA_EXTENSIONS), "utf-8")
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    return root
