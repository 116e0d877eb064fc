"""`annotations/provenance.yml` -> `ProvenancePlan`: the researcher's decisions on the links between
articles (confirm, add or cut, each with a reason). Reads only; problems name file:line:column.

Whether the articles exist and whether a cut link was found are checked in stage 4
(`compare/provenance.py`), which knows the articles and the links.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.annotations.validate import validate
from generator.annotations.yamlfile import YamlError, load_yaml
from generator.model import Problem
from generator.paths import display_path

DECISIONS = ("confirm", "add", "cut")
KINDS = ("copy", "reuse", "credit")


@dataclass(frozen=True, slots=True)
class LinkDecision:
    """One entry of `links:`: the researcher's word on the link from `source` to `derived`."""

    source: str
    """`from`: the article the text comes from."""
    derived: str
    """`to`: the article that takes it."""
    decision: str
    """`confirm`, `add` or `cut`."""
    reason: str
    kind: str | None = None
    """`copy`, `reuse` or `credit`; None: what the comparison found, else `reuse`."""
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class ProvenancePlan:
    path: str = "annotations/provenance.yml"
    links: tuple[LinkDecision, ...] = ()

    def where(self, decision: LinkDecision) -> str:
        """`annotations/provenance.yml:<line>`: where the decision is written."""
        return f"{self.path}:{decision.line}" if decision.line else self.path


def load_provenance(folder: Path, root: Path, problems: list[Problem]) -> ProvenancePlan:
    """Read `folder/provenance.yml`; a missing file means no decision yet. An entry the schema
    rejects (no reason, an unknown decision) is reported and not applied."""
    path = folder / "provenance.yml"
    display = display_path(path, root)
    if not path.is_file():
        return ProvenancePlan(display)
    try:
        document = load_yaml(path, display)
    except YamlError as error:
        problems.append(error.problem)
        return ProvenancePlan(display)
    problems.extend(validate(document, "provenance"))
    data = document.data if isinstance(document.data, dict) else {}
    raw = data.get("links")
    decisions = []
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(item, dict):
            continue
        source, derived, reason = (_text(item.get(key)) for key in ("from", "to", "reason"))
        decision, kind = item.get("decision"), item.get("kind")
        if not (source and derived and reason) or decision not in DECISIONS:
            continue
        if kind is not None and kind not in KINDS:
            continue
        mark = document.mark(("links", index))
        decisions.append(
            LinkDecision(
                source,
                derived,
                str(decision),
                reason,
                str(kind) if kind else None,
                mark.line if mark else None,
                mark.column if mark else None,
            )
        )
    return ProvenancePlan(display, tuple(decisions))


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
