"""Two builds of the same inputs give the same bytes: generated files and the whole site."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.write import RECORD
from tests.conftest import REPO, SEEDS, install_site_config, run_mkdocs


def files(folder: Path) -> dict[str, bytes]:
    """Every file built, but the record of the last build (it holds file times and the inputs' hash)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).as_posix() != RECORD
    }


def test_two_site_builds_are_byte_identical(tmp_path: Path, sample_site: Path) -> None:
    """A second project in another folder, its seeds copied in reverse order (other mtimes)."""
    root = tmp_path / "elsewhere"
    (root / "seeds").mkdir(parents=True)
    (root / "docs").mkdir()
    for seed in sorted(SEEDS.glob("*.txt"), reverse=True):
        shutil.copyfile(seed, root / "seeds" / seed.name)
    shutil.copytree(REPO / "annotations", root / "annotations")
    install_site_config(root)
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    first, second = files(sample_site / "site"), files(root / "site")
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    assert files(sample_site / "docs") == files(root / "docs")
