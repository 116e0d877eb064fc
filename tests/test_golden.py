"""The whole generated tree for the sample corpus, compared with `tests/golden/`.

Review a golden diff like code. Regenerate only on purpose: `make golden`.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

from generator.build import Project, build
from generator.write import STATE_DIR
from tests.conftest import REPO, SEEDS

GOLDEN = REPO / "tests" / "golden"


def generated_tree(root: Path) -> dict[str, str]:
    project = Project.at(root)
    shutil.copytree(SEEDS, project.seeds)
    shutil.copytree(REPO / "annotations", project.annotations)
    project.docs.mkdir()
    result = build(project)
    assert result.problems == ()
    return {
        path.relative_to(project.docs).as_posix(): path.read_text("utf-8")
        for path in sorted(project.docs.rglob("*"))
        if path.is_file() and not path.relative_to(project.docs).as_posix().startswith(STATE_DIR)
    }


def test_generated_tree_matches_golden(tmp_path: Path) -> None:
    tree = generated_tree(tmp_path)
    if os.environ.get("PARALLAX_UPDATE_GOLDEN") == "1":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, content in tree.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(content, "utf-8")
    golden = {
        path.relative_to(GOLDEN).as_posix(): path.read_text("utf-8")
        for path in sorted(GOLDEN.rglob("*"))
        if path.is_file()
    }
    assert sorted(tree) == sorted(golden), "generated files differ from tests/golden (run `make golden`)"
    for path, content in tree.items():
        if content != golden[path]:
            diff = "".join(
                difflib.unified_diff(
                    golden[path].splitlines(True),
                    content.splitlines(True),
                    f"golden/{path}",
                    f"built/{path}",
                    n=1,
                )
            )
            raise AssertionError(
                f"{path} differs from tests/golden (review, then `make golden`):\n{diff[:5000]}"
            )
