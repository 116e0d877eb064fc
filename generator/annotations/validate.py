"""The researcher's YAML against its JSON Schema: every problem at its line, worded for a person.

The schemas in `schemas/` also give editors autocompletion. A message says where, what was
expected and what was found, with a "did you mean" for a misspelt key or choice.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from generator.annotations.yamlfile import Location, YamlDocument
from generator.model import Problem


@cache
def schema(name: str) -> dict[str, Any]:
    text = resources.files("generator.annotations.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validate(document: YamlDocument, schema_name: str) -> list[Problem]:
    """Every way `document` breaks its schema, as problems at the offending line."""
    if document.data is None:
        return []
    validator = jsonschema.Draft202012Validator(schema(schema_name))
    problems: list[Problem] = []
    for error in sorted(
        validator.iter_errors(document.data), key=lambda e: [str(p) for p in e.absolute_path]
    ):
        problems.extend(_explain(document, error))
    return problems


def _explain(document: YamlDocument, error: jsonschema.ValidationError) -> list[Problem]:
    location: Location = tuple(error.absolute_path)
    where = _describe(location)
    rules: dict[str, Any] = dict(error.schema) if isinstance(error.schema, dict) else {}
    if error.validator == "additionalProperties":
        known = sorted(rules.get("properties", {}))
        return [
            document.problem(
                (*location, key),
                f"unknown key '{key}'{' in ' + where if where else ''}. Expected one of: {', '.join(known)}"
                + did_you_mean(str(key), known),
                key=True,
            )
            for key in (error.instance if isinstance(error.instance, dict) else {})
            if key not in known
        ]
    if error.validator == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        expected = " or ".join(_TYPE_NAMES.get(str(kind), str(kind)) for kind in kinds)
        message = f"{where or 'the file'}: expected {expected}, found {_describe_value(error.instance)}"
    elif error.validator == "required":
        missing = str(error.message).split("'")[1]
        message = f"{where or 'the file'}: missing required key '{missing}'"
    elif error.validator == "pattern":
        expected = rules.get("x-expected", f"text matching {error.validator_value}")
        message = f"{where}: expected {expected}, found {_describe_value(error.instance)}"
    elif error.validator == "enum":
        choices = [str(choice) for choice in rules.get("enum", [])]
        message = (
            f"{where}: expected one of: {', '.join(choices)}, found {_describe_value(error.instance)}"
            + did_you_mean(str(error.instance), choices)
        )
    elif error.validator == "minLength":
        message = f"{where}: expected some text, found an empty string"
    else:
        message = f"{where or 'the file'}: {error.message}"
    return [document.problem(location, message)]


_TYPE_NAMES = {
    "object": "a mapping of keys to values",
    "array": "a list",
    "string": "text",
    "number": "a number",
}


def _describe(location: Location) -> str:
    text = ""
    for part in location:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return f"'{text}'" if text else ""


def _describe_value(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f". Did you mean '{close[0]}'?" if close else ""


def meets(schema_name: str, value: str, *path: str) -> bool:
    """Whether `value` is valid for the schema part at `path` (e.g. "properties", "url")."""
    spec: Any = schema(schema_name)
    for key in path:
        spec = spec.get(key) if isinstance(spec, dict) else None
    return spec is not None and jsonschema.Draft202012Validator(spec).is_valid(value)
