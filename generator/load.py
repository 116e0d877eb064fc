"""Stage 1, load: the files in `seeds/` -> `Article`s. Reads only; never modifies the seeds."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.body import parse_body
from generator.decode import NotText, decode_bytes
from generator.header import find_dateline, parse_header
from generator.model import Article, Metadata, Problem, Severity

ARTICLE_SUFFIXES = (".txt", ".text")
LARGE_FILE = 2_000_000
"""Bytes; bigger files still build, with a warning (often a whole dataset saved as one file)."""


MISSING_SEEDS = "seeds folder not found; nothing was built (create it, or pass --seeds DIR)"


@dataclass(frozen=True, slots=True)
class Loaded:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def load_articles(seeds: Path, root: Path) -> Loaded:
    """Every article file below `seeds`, in path order; bad files are reported and skipped."""
    articles: list[Article] = []
    problems: list[Problem] = []
    if not seeds.is_dir():
        problems.append(Problem(display_path(seeds, root), MISSING_SEEDS, Severity.ERROR))
        return Loaded((), tuple(problems))
    taken: dict[str, str] = {}
    for path in _article_files(seeds, root, problems):
        source = display_path(path, root)
        article_id = _unique_id(article_id_for(path.relative_to(seeds)), source, taken, problems)
        article = _load_file(path, source, article_id, problems)
        if article is not None:
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


def _load_file(path: Path, source: str, article_id: str, problems: list[Problem]) -> Article | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(source, f"cannot be read: {error.strerror}; skipped", Severity.ERROR))
        return None
    if len(data) > LARGE_FILE:
        problems.append(
            Problem(source, f"is {len(data) / 1e6:.1f} MB, unusually large for one article; built anyway")
        )
    try:
        decoded = decode_bytes(data)
    except NotText as error:
        problems.append(Problem(source, f"{error}; skipped", Severity.ERROR))
        return None
    if decoded.note:
        problems.append(Problem(source, decoded.note))
    if not decoded.text.strip():
        problems.append(Problem(source, "is empty (no text in the file); skipped"))
        return None
    article = parse_article(decoded.text, article_id, source)
    if not article.text:
        problems.append(Problem(source, "has no article text after its header and boilerplate"))
    return article


def parse_article(text: str, article_id: str, source: str) -> Article:
    """One article file's text -> `Article`: header lines to metadata, the rest to the body."""
    lines = text.split("\n")
    header = parse_header(lines)
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
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_]+", "-", ascii_text.lower()).strip("-_")
    return slug or "article-" + _short_hash(stem)


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


def display_path(path: Path, root: Path) -> str:
    """Posix path relative to the project root when inside it, else as given."""
    # Not resolve(): a symlinked seed is named by its own path, not its target's.
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return path.as_posix()
