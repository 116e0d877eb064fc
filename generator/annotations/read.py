"""The researcher's YAML in `annotations/` -> validated, typed annotations. Reads only.

Each file is checked against its JSON Schema (`validate.py`). Problems name file:line:column;
valid parts of a file still apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.annotations.outlets import OutletCuration, load_outlets
from generator.annotations.provenance import ProvenancePlan, load_provenance
from generator.annotations.validate import did_you_mean, meets, validate
from generator.annotations.yamlfile import YamlDocument, YamlError, load_yaml
from generator.model import DEFAULT_COLUMNS, METADATA_FIELDS, ImportSettings, Problem, Severity
from generator.paths import display_path

YAML_SUFFIXES = (".yml", ".yaml")
_LINK_PATH = ("properties", "entities", "items", "properties", "links", "properties")


@dataclass(frozen=True, slots=True)
class HighlightSpec:
    quote: str
    note: str
    before: str = ""
    after: str = ""
    tags: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True, slots=True)
class ArticleAnnotation:
    article_id: str
    path: str
    overrides: tuple[tuple[str, str, int | None], ...]
    """(field, value, line) for each metadata field the researcher set."""
    highlights: tuple[HighlightSpec, ...]
    line: int | None = None


@dataclass(frozen=True, slots=True)
class CuratedEntity:
    id: str
    line: int | None
    name: str | None = None
    type: str | None = None
    aliases: tuple[str, ...] = ()
    description: str | None = None
    links: tuple[tuple[str, str], ...] = ()
    merge: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityCuration:
    path: str = "annotations/entities.yml"
    entities: tuple[CuratedEntity, ...] = ()
    ignore: tuple[tuple[str, int | None], ...] = ()
    """(surface form, line)."""


@dataclass(frozen=True, slots=True)
class StorySpec:
    """A story named in `annotations/stories.yml`, with the articles assigned to it by hand."""

    id: str
    name: str | None = None
    description: str | None = None
    articles: tuple[tuple[str, int | None], ...] = ()
    """(article id, line)."""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class StoryPlan:
    path: str = "annotations/stories.yml"
    stories: tuple[StorySpec, ...] = ()


@dataclass(frozen=True, slots=True)
class Annotations:
    articles: tuple[ArticleAnnotation, ...]
    problems: tuple[Problem, ...]
    entities: EntityCuration = EntityCuration()
    stories: StoryPlan = StoryPlan()
    outlets: OutletCuration = field(default_factory=OutletCuration)
    provenance: ProvenancePlan = field(default_factory=ProvenancePlan)


def load_import_settings(folder: Path, root: Path) -> tuple[ImportSettings, tuple[Problem, ...]]:
    """`annotations/import.yml`: which dataset columns hold which field; what folders mean."""
    path = folder / "import.yml"
    settings = ImportSettings(dict(DEFAULT_COLUMNS))
    if not path.is_file():
        return settings, ()
    display = display_path(path, root)
    try:
        document = load_yaml(path, display)
    except YamlError as error:
        return settings, (error.problem,)
    problems = tuple(validate(document, "import"))
    data = document.data if isinstance(document.data, dict) else {}
    columns = dict(DEFAULT_COLUMNS)
    raw = data.get("columns")
    for name, value in (raw if isinstance(raw, dict) else {}).items():
        names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        if name in columns and names and all(isinstance(n, str) for n in names):
            columns[name] = tuple(names)
    return ImportSettings(columns, data.get("folders") == "outlet"), problems


def load_annotations(folder: Path, root: Path) -> Annotations:
    """Read `folder/articles/*.yml`, `folder/entities.yml`, `folder/outlets.yml`,
    `folder/stories.yml` and `folder/provenance.yml`; missing files mean no annotations yet."""
    articles: list[ArticleAnnotation] = []
    problems: list[Problem] = []
    curation = _load_entities(folder, root, problems)
    outlets = load_outlets(folder, root, problems)
    stories = _load_stories(folder, root, problems)
    provenance = load_provenance(folder, root, problems)
    article_folder = folder / "articles"
    if article_folder.is_dir():
        for path in sorted(article_folder.iterdir()):
            if path.name.startswith(".") or not path.is_file():
                continue
            annotation, found = read_article_annotation(path, root)
            problems.extend(found)
            if annotation is not None:
                articles.append(annotation)
    return Annotations(tuple(articles), tuple(problems), curation, stories, outlets, provenance)


def read_article_annotation(path: Path, root: Path) -> tuple[ArticleAnnotation | None, list[Problem]]:
    """One file of `annotations/articles/`: its annotation (None when unreadable) and its problems."""
    display = display_path(path, root)
    if path.suffix.lower() not in YAML_SUFFIXES:
        return None, [Problem(display, "not a YAML file (expected .yml or .yaml); ignored")]
    try:
        document = load_yaml(path, display)
    except YamlError as error:
        return None, [error.problem]
    return _article_annotation(path.stem, document), list(validate(document, "article"))


def _load_stories(folder: Path, root: Path, problems: list[Problem]) -> StoryPlan:
    path = folder / "stories.yml"
    display = display_path(path, root)
    if not path.is_file():
        return StoryPlan(display)
    try:
        document = load_yaml(path, display)
    except YamlError as error:
        problems.append(error.problem)
        return StoryPlan(display)
    problems.extend(validate(document, "stories"))
    data = document.data if isinstance(document.data, dict) else {}
    specs = []
    raw = data.get("stories")
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        if not meets("stories", item["id"], "properties", "stories", "items", "properties", "id"):
            continue  # reported by validation; an invalid id cannot name a page
        mark = document.mark(("stories", index))
        members = []
        listed = item.get("articles")
        for position, article_id in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(article_id, str) and article_id.strip():
                member_mark = document.mark(("stories", index, "articles", position))
                members.append((article_id.strip(), member_mark.line if member_mark else None))
        specs.append(
            StorySpec(
                item["id"],
                _text(item.get("name")),
                _text(item.get("description")),
                tuple(members),
                mark.line if mark else None,
            )
        )
    return StoryPlan(display, tuple(specs))


def _load_entities(folder: Path, root: Path, problems: list[Problem]) -> EntityCuration:
    path = folder / "entities.yml"
    display = display_path(path, root)
    if not path.is_file():
        return EntityCuration(display)
    try:
        document = load_yaml(path, display)
    except YamlError as error:
        problems.append(error.problem)
        return EntityCuration(display)
    invalid = validate(document, "entities")
    problems.extend(invalid)
    data = document.data if isinstance(document.data, dict) else {}
    entries = []
    raw = data.get("entities")
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        mark = document.mark(("entities", index))
        line = mark.line if mark else None
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", item["id"]):
            continue  # reported by validation; an invalid id cannot be applied
        raw_links = item.get("links")
        links: dict[str, Any] = raw_links if isinstance(raw_links, dict) else {}
        entries.append(
            CuratedEntity(
                id=item["id"],
                line=line,
                name=_text(item.get("name")),
                type=item.get("type")
                if item.get("type") in ("person", "organization", "place", "group")
                else None,
                aliases=tuple(
                    a.strip() for a in item.get("aliases") or [] if isinstance(a, str) and a.strip()
                ),
                description=_text(item.get("description")),
                links=tuple(
                    (k, v)
                    for k, v in sorted(links.items())
                    if isinstance(v, str) and meets("entities", v, *_LINK_PATH, k)
                ),
                merge=tuple(m for m in item.get("merge") or [] if isinstance(m, str)),
            )
        )
    ignore = []
    raw_ignore = data.get("ignore")
    for index, surface in enumerate(raw_ignore if isinstance(raw_ignore, list) else []):
        if isinstance(surface, str) and surface.strip():
            mark = document.mark(("ignore", index))
            ignore.append((surface.strip(), mark.line if mark else None))
    return EntityCuration(display, tuple(entries), tuple(ignore))


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _article_annotation(article_id: str, document: YamlDocument) -> ArticleAnnotation:
    data = document.data if isinstance(document.data, dict) else {}
    root_mark = document.mark(())
    overrides = []
    for name in METADATA_FIELDS:
        value = data.get(name)
        if isinstance(value, str) and value.strip() and meets("article", value, "properties", name):
            mark = document.mark((name,))
            overrides.append((name, value.strip(), mark.line if mark else None))
    highlights = []
    raw = data.get("highlights")
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(item, dict) or not isinstance(item.get("quote"), str) or not item["quote"]:
            continue
        tags = item.get("tags")
        mark = document.mark(("highlights", index))
        highlights.append(
            HighlightSpec(
                quote=item["quote"],
                note=str(item.get("note") or ""),
                before=str(item.get("before") or ""),
                after=str(item.get("after") or ""),
                tags=tuple(str(tag) for tag in tags) if isinstance(tags, list) else (),
                line=mark.line if mark else None,
            )
        )
    return ArticleAnnotation(
        article_id, document.path, tuple(overrides), tuple(highlights), root_mark.line if root_mark else None
    )


def unknown_article(annotation: ArticleAnnotation, article_ids: list[str]) -> Problem:
    return Problem(
        annotation.path,
        f"no article with the id '{annotation.article_id}' in the seeds; this file is not applied"
        + did_you_mean(annotation.article_id, article_ids),
        Severity.WARNING,
        1,
        1,
    )
