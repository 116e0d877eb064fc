"""Incremental builds give exactly what a complete build gives.

One project is edited step by step and built after each edit (an increment where the edit allows
one); a second project receives the same files and is built from scratch with `force`. After every
step the two docs folders must hold the same files, byte for byte.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import BuildResult, Project, build
from tests.conftest import REPO, SEEDS

ARTICLE = "004_23e8d5bb857ada88"
OTHER = "002_c5e94d6caf5d1f55"
YAML = f"annotations/articles/{ARTICLE}.yml"
NEW_YAML = f"annotations/articles/{OTHER}.yml"
ORIGINAL_YAML = "annotations/articles/001_0ecb2f08c5882e7a.yml"


def _project(root: Path) -> Project:
    (root / "docs").mkdir(parents=True)
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(REPO / "annotations", root / "annotations")
    return Project.at(root)


def _tree(docs: Path) -> dict[str, bytes]:
    files = (path for path in docs.rglob("*") if path.is_file())
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in files}


def _record(docs: Path) -> bytes:
    """The last-build record, with the files' modification times (which differ by nature) left out."""
    data = json.loads((docs / ".parallax" / "last-build.json").read_text("utf-8"))
    data["files"] = {path: size for path, (size, _) in data["files"].items()}
    del data["inputs"]  # a fingerprint that names the project's folder
    return json.dumps(data, sort_keys=True, indent=0).encode()


def _add_highlight(text: str) -> str:
    return text + "  - quote: self-styled Libyan National Army\n    note: Edit one, a new highlight.\n"


def _change_note(text: str) -> str:
    return text.replace("Only this outlet mentions Haftar's US citizenship.", "Edit two, the note reworded.")


def _drop_first(text: str) -> str:
    start = text.index("  - quote: military strongman")
    end = text.index("  - quote:", start + 1)
    return text[:start] + text[end:]


def _missing_passage(text: str) -> str:
    return text + "  - quote: words this article does not contain\n    note: Never found.\n"


EDITS: list[tuple[str, str, Callable[[str], str] | str | None, bool]] = [
    # (what, file, new content or change, whether it can be an increment)
    ("a highlight added", YAML, _add_highlight, True),
    ("a note reworded", YAML, _change_note, True),
    ("a highlight removed", YAML, _drop_first, True),
    ("a passage that is not in the text", YAML, _missing_passage, True),
    (
        "a new file for another article",
        NEW_YAML,
        "highlights:\n  - quote: Tripoli\n    note: A second article highlighted.\n    tags: [place]\n",
        True,
    ),
    ("broken YAML", NEW_YAML, "highlights:\n  - quote: [unclosed\n", True),
    # A build with errors is not recorded as complete, so the next one runs every stage.
    ("the file removed", NEW_YAML, None, False),
    ("a title set", YAML, lambda text: 'title: "A title from the YAML"\n' + text, True),
    ("a highlight added under the title", YAML, _add_highlight, True),
    ("the title reworded", YAML, lambda text: text.replace("from the YAML", "reworded"), True),
    # 000 is a copy of 001: its page names its original by title.
    ("a title for the original of a copy", ORIGINAL_YAML, 'title: "The original, retitled"\n', True),
    ("the title removed", YAML, lambda text: text.replace('title: "A title reworded"\n', ""), True),
    ("a date set", YAML, lambda text: "date: 2019-04-06\n" + text, False),
    (
        "tags changed after it",
        YAML,
        lambda text: text.replace("tags: [framing]", "tags: [framing, citizenship]"),
        True,
    ),
]


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Project]:
    root = tmp_path_factory.mktemp("increment")
    edited, fresh = _project(root / "edited"), _project(root / "fresh")
    assert build(edited).errors == 0
    return edited, fresh


@pytest.mark.parametrize("step", range(len(EDITS)), ids=[edit[0] for edit in EDITS])
def test_an_increment_writes_what_a_complete_build_writes(
    projects: tuple[Project, Project], step: int
) -> None:
    edited, fresh = projects
    what, path, change, incremental = EDITS[step]
    for project in (edited, fresh):
        target = project.root / path
        if change is None:
            target.unlink()
        else:
            before = target.read_text("utf-8") if target.exists() else ""
            target.write_text(change if isinstance(change, str) else change(before), "utf-8")
    result: BuildResult = build(edited)
    assert (result.edited is not None) is incremental, f"{what}: {result.summary()}"
    complete = build(fresh, force=True)
    assert [str(p) for p in result.problems] == [str(p) for p in complete.problems]
    got, want = _tree(edited.docs), _tree(fresh.docs)
    recorded = got.pop(".parallax/last-build.json", None), want.pop(".parallax/last-build.json", None)
    assert sorted(got) == sorted(want)
    differing = [name for name in want if got[name] != want[name]]
    assert differing == [], f"after {what}, these differ from a complete build: {differing}"
    assert (recorded[0] is None) == (recorded[1] is None)
    if recorded != (None, None):
        assert _record(edited.docs).decode() == _record(fresh.docs).decode()


def test_an_increment_says_what_it_did(projects: tuple[Project, Project]) -> None:
    edited, _ = projects
    target = edited.root / YAML
    target.write_text(target.read_text("utf-8").replace("Edit two", "Edit three"), "utf-8")
    result = build(edited)
    assert result.edited == (ARTICLE,)
    assert result.summary().startswith("annotations edited in 1 of 5 articles; ")
    assert sorted(page.path for page in result.pages) == [
        f"articles/{ARTICLE}.md",
        "data/articles.csv",
        "data/articles.json",
    ]
    assert "Edit three, the note reworded." in (edited.docs / f"articles/{ARTICLE}.md").read_text("utf-8")


def test_a_damaged_saved_state_means_a_complete_build(projects: tuple[Project, Project]) -> None:
    edited, _ = projects
    for state in (edited.cache / "builds").rglob("state.pickle"):
        state.write_bytes(b"not a pickle")
    target = edited.root / YAML
    target.write_text(target.read_text("utf-8").replace("Edit three", "Edit four"), "utf-8")
    result = build(edited)
    assert result.edited is None and result.errors == 0
    assert "Edit four, the note reworded." in (edited.docs / f"articles/{ARTICLE}.md").read_text("utf-8")
