"""Stage 1, load: the files in `seeds/` -> `Article`s. Reads only; never modifies the seeds."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.load.body import parse_body
from generator.load.header import find_dateline, parse_header
from generator.load.readers import SUFFIXES, TABLE_SUFFIXES, Source, read_source
from generator.model import DEFAULT_COLUMNS, Article, ImportSettings, Metadata, Problem, Severity
from generator.paths import display_path, slug

ARTICLE_SUFFIXES = SUFFIXES
LARGE_FILE = 2_000_000
"""Bytes; bigger files still build, with a warning (often a whole dataset saved as one file)."""


MISSING_SEEDS = "seeds folder not found; nothing was built (create it, or pass --seeds DIR)"


@dataclass(frozen=True, slots=True)
class Loaded:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def load_articles(seeds: Path, root: Path, settings: ImportSettings | None = None) -> Loaded:
    """Every article below `seeds`, in path order; bad files and rows are reported and skipped."""
    settings = settings or ImportSettings(dict(DEFAULT_COLUMNS))
    articles: list[Article] = []
    problems: list[Problem] = []
    if not seeds.is_dir():
        problems.append(Problem(display_path(seeds, root), MISSING_SEEDS, Severity.ERROR))
        return Loaded((), tuple(problems))
    taken: dict[str, str] = {}
    for path in _article_files(seeds, root, problems):
        source = display_path(path, root)
        relative = path.relative_to(seeds)
        folder_outlet = relative.parts[0] if settings.folder_is_outlet and len(relative.parts) > 1 else None
        for found in _load_file(path, source, settings, problems):
            where = found.origin
            wanted = article_id_for(relative) + (f"-{article_id_for(Path(found.key))}" if found.key else "")
            article_id = _unique_id(wanted, f"{source} ({where})" if found.key else source, taken, problems)
            article = _article(found, article_id, source, folder_outlet)
            if not article.text:
                prefix = f"{where}: " if found.key else ""
                problems.append(
                    Problem(source, f"{prefix}has no article text after its header and boilerplate")
                )
            taken[article_id] = source
            articles.append(article)
    return Loaded(tuple(articles), tuple(problems))


def _article_files(seeds: Path, root: Path, problems: list[Problem]) -> Iterator[Path]:
    for path in sorted(seeds.rglob("*"), key=lambda p: p.relative_to(seeds).as_posix()):
        relative = path.relative_to(seeds)
        if any(part.startswith(".") for part in relative.parts) or path.is_dir():
            continue
        if not path.is_file():
            problems.append(
                Problem(
                    display_path(path, root),
                    "is not a readable file (a broken link?); skipped",
                    Severity.ERROR,
                )
            )
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path
        else:
            problems.append(
                Problem(
                    display_path(path, root),
                    f"not an article file (expected one of: {', '.join(ARTICLE_SUFFIXES)}; "
                    f"found: {path.suffix or 'no extension'}); skipped",
                )
            )


def _load_file(path: Path, source: str, settings: ImportSettings, problems: list[Problem]) -> list[Source]:
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(source, f"cannot be read: {error.strerror}; skipped", Severity.ERROR))
        return []
    suffix = path.suffix.lower()
    if len(data) > LARGE_FILE and suffix not in TABLE_SUFFIXES:
        problems.append(
            Problem(source, f"is {len(data) / 1e6:.1f} MB, unusually large for one article; built anyway")
        )
    found = []
    for item in read_source(data, suffix, source, settings.columns, problems):
        if item.text.strip():
            found.append(item)
        else:
            where = (
                "is empty (no text in the file)" if item.key is None else f"{item.origin}: no article text"
            )
            problems.append(Problem(source, f"{where}; skipped"))
    return found


def _article(found: Source, article_id: str, source: str, folder_outlet: str | None) -> Article:
    """Parse the text; metadata the format states wins over what the text's header says."""
    article = parse_article(found.text, article_id, source, found.fields.get("title"))
    values: dict[str, Any] = {name: value for name, value in found.fields.items() if value}
    origins = dict(article.origins)
    origins.update({name: found.origin for name in values})
    if folder_outlet and "outlet" not in values and article.meta.outlet is None:
        values["outlet"] = folder_outlet
        origins["outlet"] = "folder name"
    if not values:
        return article
    meta = dataclasses.replace(article.meta, **values)
    return dataclasses.replace(article, meta=meta, origins=tuple(sorted(origins.items())))


def parse_article(text: str, article_id: str, source: str, known_title: str | None = None) -> Article:
    """One article file's text -> `Article`: header lines to metadata, the rest to the body.

    With `known_title` (from front matter, page metadata or a column) the first line is taken
    as a title only when it repeats that title; otherwise it stays in the text.
    """
    lines = text.split("\n")
    header = parse_header(lines, detect_title=known_title is None)
    if known_title is not None and header.body_start < len(lines):
        first_line = " ".join(lines[header.body_start].split()).lstrip("# ")
        if first_line == known_title:
            header.body_start += 1
    body = parse_body(lines[header.body_start :])
    first = body.text[: body.paragraphs[0].end] if body.paragraphs else ""
    dateline = find_dateline(first)
    meta = Metadata(
        title=header.title,
        outlet=header.outlet or (dateline.outlet if dateline else None),
        author=header.author,
        date=header.date,
        dateline=dateline.place if dateline else None,
        url=header.url,
        labels=tuple(header.labels),
    )
    origins = tuple(
        (name, "text")
        for name in ("title", "outlet", "author", "date", "dateline", "url")
        if getattr(meta, name) is not None
    )
    return Article(article_id, source, body.text, body.paragraphs, meta, body.removed, origins)


def article_id_for(relative: Path) -> str:
    """`Le Monde/Été 2019.txt` -> `le-monde-ete-2019`: stable, URL-safe, from the path alone."""
    stem = relative.with_suffix("").as_posix()
    return slug(stem, keep="_") or "article-" + _short_hash(stem)


def _unique_id(candidate: str, source: str, taken: dict[str, str], problems: list[Problem]) -> str:
    if candidate not in taken:
        return candidate
    unique = f"{candidate}-{_short_hash(source)}"
    problems.append(
        Problem(
            source,
            f"would get the page id '{candidate}', already used by {taken[candidate]}; "
            f"given the id '{unique}' instead (rename one of the files to choose)",
        )
    )
    return unique


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:6]
