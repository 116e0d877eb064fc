"""One reader per input format: a file in `seeds/` -> one or more `Source`s (text plus metadata).

Plain text (.txt), Markdown with YAML front matter (.md), saved web pages (.html, main text
and metadata by trafilatura), and datasets with one article per row (.csv, .jsonl/.ndjson,
.json lists). Every problem names the file and, where there is one, the line or row.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from generator.annotations.yamlfile import YamlError, parse_yaml
from generator.load.decode import NotText, decode_bytes, normalize_text
from generator.load.header import iso_date
from generator.model import Problem, Severity

FIELDS = ("title", "outlet", "author", "date", "url")
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".json")
SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Source:
    """One article as its file gives it, before header and body are parsed."""

    text: str
    fields: dict[str, str] = field(default_factory=dict)
    """Metadata the format states explicitly (front matter, HTML metadata, columns)."""
    origin: str = "text"
    """Where `fields` came from, for the page: `front matter`, `HTML metadata`, `row 3`..."""
    key: str | None = None
    """For rows of a dataset: the row's id (from an id column or the row's content)."""


def read_source(data: bytes, suffix: str, display: str, columns: Mapping[str, tuple[str, ...]],
                problems: list[Problem]) -> Iterator[Source]:  # fmt: skip
    """The articles in one file; a bad file or row is reported and skipped, the rest is read."""
    try:
        decoded = decode_bytes(data, normalize=suffix not in (".jsonl", ".ndjson"))
    except NotText as error:
        problems.append(Problem(display, f"{error}; skipped", Severity.ERROR))
        return
    if decoded.note:
        problems.append(Problem(display, decoded.note))
    text = decoded.text
    if suffix in HTML_SUFFIXES:
        yield from _read_html(text, display, problems)
    elif suffix in MARKDOWN_SUFFIXES:
        yield from _read_markdown(text, display, problems)
    elif suffix == ".csv":
        yield from _read_csv(text, display, columns, problems)
    elif suffix in (".jsonl", ".ndjson"):
        yield from _read_json_lines(text, display, columns, problems)
    elif suffix == ".json":
        yield from _read_json(text, display, columns, problems)
    else:
        yield Source(text)


def _read_markdown(text: str, display: str, problems: list[Problem]) -> Iterator[Source]:
    """YAML front matter gives the metadata; the body is plain text (its Markdown is not run)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        yield Source(text)
        return
    body = text[match.end() :]
    try:
        # A leading blank line stands for the opening `---`, so YAML's line numbers are the file's.
        document = parse_yaml("\n" + (match.group(1) or ""), display)
    except YamlError as error:
        problem = error.problem
        message = f"front matter: {problem.message}; read as text only"
        problems.append(Problem(display, message, problem.severity, problem.line, problem.column))
        yield Source(body)
        return
    data = document.data if isinstance(document.data, dict) else {}
    fields = _fields(data, {name: (name,) for name in FIELDS}, display, "front matter", problems)
    yield Source(body, fields, "front matter")


def _read_html(page: str, display: str, problems: list[Problem]) -> Iterator[Source]:
    """A page saved from a browser: main text and metadata by trafilatura; scripts, navigation,
    comments and related links are not part of its output."""
    import trafilatura  # a second to import; only projects with web pages pay it

    extracted = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        # Only a date the page states; the extensive search guesses from years in the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    record: dict[str, Any] = {}
    if extracted is not None:
        record = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = normalize_text(record.get("text") or "")
    if not text.strip():
        problems.append(Problem(display, "no article text found in this web page; skipped", Severity.ERROR))
        return
    raw = {"title": record.get("title"), "author": record.get("author"), "date": record.get("date"),
           "url": record.get("url"), "outlet": record.get("sitename") or record.get("hostname")}  # fmt: skip
    fields = _fields(raw, {name: (name,) for name in FIELDS}, display, "HTML metadata", problems)
    yield Source(text, fields, "HTML metadata")  # a repeated headline is dropped by parse_article


def _read_csv(text: str, display: str, columns: Mapping[str, tuple[str, ...]],
              problems: list[Problem]) -> Iterator[Source]:  # fmt: skip
    """One article per row; a text field may span several lines (quoted), so rows and lines differ."""
    reader = csv.DictReader(io.StringIO(text))
    line = 2
    try:
        for number, row in enumerate(reader, start=1):
            yield from _row(row, f"row {number}", line, display, columns, problems)
            line = reader.line_num + 1
    except csv.Error as error:
        problems.append(Problem(display, f"not valid CSV ({error}); the rows after it are skipped",
                                Severity.ERROR, reader.line_num))  # fmt: skip


def _read_json_lines(text: str, display: str, columns: Mapping[str, tuple[str, ...]],
                     problems: list[Problem]) -> Iterator[Source]:  # fmt: skip
    for number, line in enumerate(text.split("\n"), start=1):  # real line ends only (not U+2028)
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(Problem(display, f"line {number} is not valid JSON ({error.msg}); skipped",
                                    Severity.ERROR, number, error.colno))  # fmt: skip
            continue
        yield from _row(record, f"line {number}", number, display, columns, problems)


def _read_json(text: str, display: str, columns: Mapping[str, tuple[str, ...]],
               problems: list[Problem]) -> Iterator[Source]:  # fmt: skip
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(Problem(display, f"not valid JSON ({error.msg}); skipped", Severity.ERROR,
                                error.lineno, error.colno))  # fmt: skip
        return
    if not isinstance(records, list):
        problems.append(Problem(display, "expected a list of articles (objects) in this JSON file, found "
                                f"{type(records).__name__}; skipped", Severity.ERROR))  # fmt: skip
        return
    for index, record in enumerate(records, start=1):
        yield from _row(record, f"item {index}", None, display, columns, problems)


def _row(record: object, where: str, line: int | None, display: str, columns: Mapping[str, tuple[str, ...]],
         problems: list[Problem]) -> Iterator[Source]:  # fmt: skip
    if not isinstance(record, dict):
        problems.append(Problem(display, f"{where}: expected an object with named fields; skipped",
                                Severity.ERROR, line))  # fmt: skip
        return
    text = _first(record, columns["text"])
    if not text or not text.strip():
        names = ", ".join(columns["text"])
        message = f"{where}: no article text (expected a column named one of: {names}); skipped"
        problems.append(Problem(display, message, Severity.ERROR, line))
        return
    fields = _fields(record, columns, display, where, problems)
    key = _first(record, columns["id"]) or hashlib.sha1(normalize_text(text).encode()).hexdigest()[:12]
    yield Source(normalize_text(text), fields, where, key)


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    lowered = {str(key).strip().casefold(): value for key, value in record.items()}
    for name in names:
        value = lowered.get(name.casefold())
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value if item)
        if value not in (None, ""):
            return str(value)
    return None


def _fields(record: Mapping[str, Any], columns: Mapping[str, tuple[str, ...]], display: str, where: str,
            problems: list[Problem]) -> dict[str, str]:  # fmt: skip
    fields: dict[str, str] = {}
    for name in FIELDS:
        value = _first(record, columns.get(name, (name,)))
        if value is None:
            continue
        value = " ".join(normalize_text(value).split())
        if name == "date":
            parsed = _date(value)
            if parsed is None:
                problems.append(Problem(display, f"{where}: date '{value}' not understood; left unknown"))
                continue
            value = parsed
        if value:
            fields[name] = value
    return fields


def _date(value: str) -> str | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return iso_date(value)
