"""The writer: only changed files, a manifest of what Parallax owns, hand-written pages untouched."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import Project, build
from generator.model import Page
from generator.write import MANIFEST, RECORD, write_pages
from tests.conftest import SEEDS


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_second_build_writes_nothing(sample_project: Project) -> None:
    first = build(sample_project)
    assert first.written is not None and len(first.written.written) == len(first.pages)
    before = snapshot(sample_project.docs)
    second = build(sample_project)
    assert second.written is not None
    assert second.written.written == ()
    assert len(second.written.unchanged) == len(first.pages)
    assert snapshot(sample_project.docs) == before


def test_an_edit_rewrites_only_the_pages_it_changes(sample_project: Project) -> None:
    build(sample_project)
    (sample_project.annotations / "articles" / "002_c5e94d6caf5d1f55.yml").write_text(
        "author: A. Researcher\n"
    )
    result = build(sample_project)
    assert result.written is not None
    # The article, the tables that show its metadata, and the data files; no entity page changes.
    assert set(result.written.written) == {
        "index.md",
        "articles/index.md",
        "articles/002_c5e94d6caf5d1f55.md",
        "data/articles.json",
        "data/articles.csv",
    }


def test_manifest_lists_generated_files_with_hashes(sample_project: Project) -> None:
    build(sample_project)
    manifest = json.loads((sample_project.docs / MANIFEST).read_text())
    assert manifest["generator"] == "parallax"
    result = build(sample_project, write=False)
    assert sorted(manifest["files"]) == sorted(page.path for page in result.pages)
    assert {
        "index.md",
        "articles/index.md",
        "entities/index.md",
        "data/index.md",
        "data/articles.json",
        "data/articles.csv",
        "data/entities.json",
        "data/mentions.csv",
    } <= set(manifest["files"])
    assert {f"articles/{seed.stem}.md" for seed in SEEDS.glob("*.txt")} <= set(manifest["files"])


def test_stale_pages_are_removed_and_hand_written_pages_kept(sample_project: Project) -> None:
    hand_written = sample_project.docs / "methodology.md"
    hand_written.write_text("# My notes\n")
    (sample_project.docs / "articles").mkdir()
    own_page = sample_project.docs / "articles" / "my-essay.md"
    own_page.write_text("# An essay among the articles\n")
    build(sample_project)
    (sample_project.seeds / "003_6b383f3c232c05d5.txt").unlink()
    result = build(sample_project)
    assert result.written is not None
    assert "articles/003_6b383f3c232c05d5.md" in result.written.removed
    assert all(path.startswith(("articles/", "entities/")) for path in result.written.removed)
    assert not (sample_project.docs / "articles" / "003_6b383f3c232c05d5.md").exists()
    assert hand_written.read_text() == "# My notes\n"
    assert own_page.read_text() == "# An essay among the articles\n"


def test_hand_written_file_at_a_generated_path_is_a_conflict_not_overwritten(sample_project: Project) -> None:
    (sample_project.docs / "index.md").write_text("# My own home page\n")
    result = build(sample_project)
    assert [str(p) for p in result.problems] == [
        "docs/index.md: error: exists but was not written by Parallax; not overwritten. Move or rename it "
        "(or delete it if it is an old generated page) so the generated page can be written"
    ]
    assert (sample_project.docs / "index.md").read_text() == "# My own home page\n"
    assert (sample_project.docs / "articles" / "001_0ecb2f08c5882e7a.md").is_file()  # the rest still builds


def test_generated_page_edited_by_hand_is_saved_before_it_is_replaced(sample_project: Project) -> None:
    build(sample_project)
    page = sample_project.docs / "articles" / "002_c5e94d6caf5d1f55.md"
    page.write_text("my edit\n")
    (sample_project.annotations / "articles" / "002_c5e94d6caf5d1f55.yml").write_text("author: Someone\n")
    result = build(sample_project)
    assert [str(p) for p in result.problems] == [
        "docs/articles/002_c5e94d6caf5d1f55.md: warning: was edited by hand since Parallax wrote it; "
        "replaced, and your version saved to docs/.parallax/edited/articles/002_c5e94d6caf5d1f55.md. "
        "Make lasting changes in annotations/ instead"
    ]
    saved = sample_project.docs / ".parallax" / "edited" / "articles" / "002_c5e94d6caf5d1f55.md"
    assert saved.read_text() == "my edit\n"
    assert "Someone" in page.read_text()


def test_lost_manifest_adopts_identical_files(sample_project: Project) -> None:
    build(sample_project)
    (sample_project.docs / MANIFEST).unlink()
    result = build(sample_project)
    assert result.problems == ()
    assert result.written is not None and result.written.written == ()


def test_write_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    write_pages([Page("articles/b.md", "one\n")], tmp_path, "docs")
    write_pages([Page("articles/b.md", "two\n")], tmp_path, "docs")
    assert (tmp_path / "articles" / "b.md").read_text() == "two\n"
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == ["b.md"]


def test_build_killed_midway_is_repaired_by_the_next_build(sample_project: Project, tmp_path: Path) -> None:
    """kill -9 during writing leaves each file old or new; the next build completes the site."""
    body = "\n\n".join(f"Paragraph {i} of an article about the same story, told again." for i in range(150))
    for index in range(400):
        (sample_project.seeds / f"extra-{index:03}.txt").write_text(
            f"Article Number {index}\n\n{body} {index}\n"
        )
    script = (
        "import pathlib; from generator.build import Project, build; "
        f"build(Project.at(pathlib.Path({str(sample_project.root)!r})))"
    )
    process = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (sample_project.docs / "articles").is_dir():
        time.sleep(0.01)
    time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    for path in sample_project.docs.rglob("*.md"):
        content = path.read_text("utf-8")  # every file is complete UTF-8 Markdown
        assert content.startswith("---\n") and content.endswith("\n")
    result = build(sample_project)
    assert [str(p) for p in result.problems] == []
    expected = {page.path for page in result.pages}
    on_disk = {
        p.relative_to(sample_project.docs).as_posix() for p in sample_project.docs.rglob("*") if p.is_file()
    }
    assert expected <= on_disk
    assert all(".tmp" not in name for name in on_disk if not name.startswith(".parallax/"))


def test_builds_are_byte_identical(sample_project: Project, tmp_path: Path) -> None:
    build(sample_project)
    other = Project.at(tmp_path / "other")
    shutil.copytree(sample_project.seeds, other.seeds)
    other.annotations.mkdir(parents=True)
    other.docs.mkdir()
    build(other)
    first = {k: v[0] for k, v in snapshot(sample_project.docs).items() if k != RECORD}
    second = {k: v[0] for k, v in snapshot(other.docs).items() if k != RECORD}
    assert first == second


# --- skipping a build when nothing changed ------------------------------------------------------


def test_an_unchanged_project_is_not_built_again(sample_project: Project) -> None:
    first = build(sample_project)
    second = build(sample_project)
    assert second.skipped_articles == 5
    assert list(second.seconds) == ["check"]
    assert second.summary() == (
        f"nothing changed since the last build of 5 articles; 0 files written, "
        f"{len(first.pages)} unchanged, 0 removed; 0 errors, 0 warnings"
    )
    forced = build(sample_project, force=True)
    assert forced.skipped_articles is None and len(forced.corpus) == 5


@pytest.mark.parametrize(
    "change",
    [
        "seed edited",
        "seed added",
        "annotation added",
        "generated page deleted",
        "generated page edited",
    ],
)
def test_any_change_builds_again(sample_project: Project, change: str) -> None:
    build(sample_project)
    docs, seeds = sample_project.docs, sample_project.seeds
    if change == "seed edited":
        seed = seeds / "004_23e8d5bb857ada88.txt"
        seed.write_text(seed.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    elif change == "seed added":
        (seeds / "005.txt").write_text("A new article\n\nWith a line of text.\n", "utf-8")
    elif change == "annotation added":
        (sample_project.annotations / "articles" / "002_c5e94d6caf5d1f55.yml").write_text("author: A. B.\n")
    elif change == "generated page deleted":
        (docs / "articles" / "001_0ecb2f08c5882e7a.md").unlink()
    else:
        page = docs / "entities" / "index.md"
        page.write_text(page.read_text("utf-8") + "\nmine\n", "utf-8")
    result = build(sample_project)
    assert result.skipped_articles is None
    assert result.written is not None and result.written.written != ()
    assert (docs / "articles" / "001_0ecb2f08c5882e7a.md").is_file()


def test_a_skipped_build_reports_the_last_builds_problems(sample_project: Project) -> None:
    (sample_project.annotations / "articles" / "nonexistent.yml").write_text("author: X\n")
    first = build(sample_project)
    second = build(sample_project)
    assert second.skipped_articles == 5
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems] != []


def test_a_build_with_errors_is_never_skipped(sample_project: Project) -> None:
    (sample_project.docs / "articles").mkdir()
    (sample_project.docs / "articles" / "index.md").write_text("my own page\n")  # a conflict: an error
    assert build(sample_project).errors == 1
    again = build(sample_project)
    assert again.skipped_articles is None and again.errors == 1
