"""Researchers' YAML -> plain data plus the line and column of every key and value.

Safe loading only; a duplicate key is an error (PyYAML would silently keep the last one), and
every problem names file:line:column so the researcher can go straight to it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.model import Problem, Severity

Location = tuple[str | int, ...]
"""Path into the document: keys and list indexes, e.g. `("highlights", 0, "quote")`."""


@dataclass(frozen=True, slots=True)
class Mark:
    line: int
    column: int


@dataclass(slots=True)
class YamlDocument:
    path: str
    data: Any
    marks: dict[Location, Mark] = field(default_factory=dict)
    """Where each value starts."""
    key_marks: dict[Location, Mark] = field(default_factory=dict)
    """Where each mapping key starts (for unknown-key messages)."""

    def mark(self, location: Location, key: bool = False) -> Mark | None:
        table = self.key_marks if key else self.marks
        while location not in table and location:
            location = location[:-1]
        return table.get(location)

    def problem(
        self,
        location: Location,
        message: str,
        severity: Severity = Severity.ERROR,
        key: bool = False,
    ) -> Problem:
        mark = self.mark(location, key)
        return Problem(
            self.path, message, severity, mark.line if mark else None, mark.column if mark else None
        )


class YamlError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def load_yaml(path: Path, display: str) -> YamlDocument:
    """Parse one YAML file; raises `YamlError` with file:line:column on any error."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise YamlError(
            Problem(
                display,
                f"is not UTF-8 (byte 0x{error.object[error.start]:02x} at offset {error.start}); "
                "save it as UTF-8",
                Severity.ERROR,
            )
        ) from None
    except OSError as error:
        raise YamlError(Problem(display, f"cannot be read: {error.strerror}", Severity.ERROR)) from None
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str) -> YamlDocument:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        document = YamlDocument(display, None)
        if node is not None:
            document.data = _build(node, (), loader, document)
        return document
    except yaml.MarkedYAMLError as error:
        raise YamlError(_problem_from(error, display)) from None
    except yaml.YAMLError as error:
        raise YamlError(Problem(display, f"YAML error: {error}", Severity.ERROR)) from None
    finally:
        loader.dispose()


MAX_VALUES = 100_000
"""More values than any annotation file needs: aliases expanding exponentially ("billion laughs")."""


def _build(
    node: yaml.Node,
    location: Location,
    loader: yaml.SafeLoader,
    document: YamlDocument,
    ancestors: frozenset[int] = frozenset(),
) -> Any:
    if id(node) in ancestors:
        raise yaml.MarkedYAMLError(None, None, "an alias refers to a value that contains it", node.start_mark)
    if len(document.marks) >= MAX_VALUES:
        raise yaml.MarkedYAMLError(
            None, None, f"more than {MAX_VALUES} values (aliases repeated too often?)", node.start_mark
        )
    document.marks[location] = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
    ancestors = ancestors | {id(node)}
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            raw_key = loader.construct_object(key_node, deep=True)
            if isinstance(raw_key, (list, dict, set, tuple)):
                raise yaml.MarkedYAMLError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                )
            key = (
                raw_key
                if isinstance(raw_key, str)
                else yaml.safe_dump(raw_key).removesuffix("\n...\n").strip()
            )
            if key in result:
                first = document.key_marks[(*location, key)]
                raise yaml.MarkedYAMLError(
                    None,
                    None,
                    f"duplicate key '{key}' (first defined at line {first.line}); "
                    "YAML keeps only one of them: remove or rename one",
                    key_node.start_mark,
                )
            document.key_marks[(*location, key)] = Mark(
                key_node.start_mark.line + 1, key_node.start_mark.column + 1
            )
            result[key] = _build(value_node, (*location, key), loader, document, ancestors)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*location, index), loader, document, ancestors)
            for index, item in enumerate(node.value)
        ]
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, TypeError, OverflowError) as error:
        raise yaml.MarkedYAMLError(
            None,
            None,
            f"cannot read the value '{node.value}' ({error}); quote it to keep it as text",
            node.start_mark,
        ) from None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def _problem_from(error: yaml.MarkedYAMLError, display: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    opened = error.context_mark
    if opened is not None and mark is not None and opened.line != mark.line:
        error.context = f"{error.context} (started at line {opened.line + 1}, column {opened.column + 1})"
    parts = [part for part in (error.context, error.problem) if part]
    message = "; ".join(parts) if parts else "YAML syntax error"
    if error.problem and error.problem.startswith("duplicate key"):
        message = error.problem
    else:
        message = f"YAML syntax error: {message}"
    if mark is None:
        return Problem(display, message, Severity.ERROR)
    return Problem(display, message, Severity.ERROR, mark.line + 1, mark.column + 1)
