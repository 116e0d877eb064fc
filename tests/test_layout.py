"""The package's shape: one folder per stage, data flowing one way, modules and functions short.

`ls generator/` should read as the pipeline (STYLE.md). These checks keep it so: a stage imports
only from the stages before it (and from the shared top-level modules), nothing imports in a
cycle, no module is over 600 lines and no function over 80.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "generator"
# The stages in the order data flows; each may import from those before it.
STAGES = ("annotations", "load", "extract", "resolve", "compare", "render")
# Plain data and naming, which every stage may use.
SHARED = {"generator.model", "generator.paths", "generator.groups"}
# The orchestration at the top, which may import any stage.
TOP = {
    "generator.build",
    "generator.increment",
    "generator.write",
    "generator.inputs",
    "generator.cli",
    "generator.mkdocs_plugin",
    "generator.passthrough",
    "generator.serving",
}
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def modules(root: Path) -> dict[str, Path]:
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path) -> set[str]:
    """The generator modules a module imports (`from generator.x import y` names `generator.x`)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name.startswith("generator"))
    return names


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


GENERATOR = modules(PACKAGE)


def test_every_module_sits_in_a_stage_or_is_one_of_the_few_at_the_top() -> None:
    top = {name for name in GENERATOR if name.count(".") == 1 and stage_of(name) is None}
    assert top == SHARED | TOP | {"generator.__main__", "generator.notes"}, top


@pytest.mark.parametrize("module", sorted(GENERATOR))
def test_a_stage_imports_only_earlier_stages(module: str) -> None:
    stage = stage_of(module)
    if stage is None:
        return
    allowed = set(STAGES[: STAGES.index(stage) + 1])
    for imported in imports(GENERATOR[module]):
        other = stage_of(imported)
        if other is None:
            assert imported in SHARED, f"{module} imports {imported}, which is not shared data"
        else:
            assert other in allowed, f"{module} (stage {stage}) imports {imported} (a later stage)"


def test_no_import_cycle() -> None:
    graph = {
        name: {i for i in imports(path) if i in GENERATOR and i != name} for name, path in GENERATOR.items()
    }
    visiting: list[str] = []
    done: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        assert name not in visiting, "import cycle: " + " -> ".join([*visiting[visiting.index(name) :], name])
        visiting.append(name)
        for other in sorted(graph[name]):
            visit(other)
        visiting.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)


@pytest.mark.parametrize("folder", ["generator", "bench"])
def test_modules_and_functions_are_short(folder: str) -> None:
    long = []
    for path in sorted((REPO / folder).rglob("*.py")):
        source = path.read_text("utf-8")
        where = path.relative_to(REPO).as_posix()
        if len(source.splitlines()) > MAX_MODULE_LINES:
            long.append(f"{where}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{where}:{node.lineno}: {node.name}() is {length} lines")
    assert long == []


def test_every_stage_says_what_it_takes_and_gives() -> None:
    for stage in STAGES:
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text("utf-8")))
        assert doc and "Takes" in doc and "gives" in doc, f"generator/{stage}/__init__.py"
