"""The pipeline in one place: load -> extract -> resolve -> compare -> render -> write.

The CLI (`parallax build`) and the MkDocs plugin both call `build()`; neither does more.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.annotations.read import Annotations, load_annotations, load_import_settings
from generator.compare.corpus import compare_corpus
from generator.extract.dates import extract_dates
from generator.extract.figures import extract_figures
from generator.extract.quotes import extract_quotes
from generator.extract.runner import extract_articles
from generator.increment import Increment, Store, edit_articles
from generator.inputs import read_inputs
from generator.load.seeds import load_articles
from generator.model import Article, Corpus, DateMention, Figure, Page, Problem, Severity
from generator.paths import display_path
from generator.render.pages import SiteOptions, render_pages
from generator.resolve.articles import resolve_articles
from generator.resolve.entities import resolve_entities
from generator.resolve.link import link_mentions
from generator.resolve.speakers import resolve_speakers
from generator.write import Written, forget_build, read_last_build, record_build, write_pages

log = logging.getLogger("parallax")


@dataclass(frozen=True, slots=True)
class Project:
    """Where a project's inputs and outputs live; relative paths are taken from `root`."""

    root: Path
    seeds: Path
    annotations: Path
    docs: Path

    @property
    def cache(self) -> Path:
        """Per-article extraction results, keyed by content hash; never published.

        `PARALLAX_CACHE` moves it (one cache for several projects, or CI's cache folder).
        """
        override = os.environ.get("PARALLAX_CACHE")
        return Path(override) if override else self.root / ".parallax-cache"

    @classmethod
    def at(
        cls,
        root: Path,
        seeds: Path | None = None,
        annotations: Path | None = None,
        docs: Path | None = None,
    ) -> Project:
        return cls(
            root,
            root / (seeds or Path("seeds")),
            root / (annotations or Path("annotations")),
            root / (docs or Path("docs")),
        )

    def show(self, path: Path) -> str:
        return display_path(path, self.root)


@dataclass(frozen=True, slots=True)
class BuildResult:
    corpus: Corpus
    pages: tuple[Page, ...]
    problems: tuple[Problem, ...]
    written: Written | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    skipped_articles: int | None = None
    """Set when nothing changed and the build was skipped: the articles the last build read."""
    edited: tuple[str, ...] | None = None
    """Set when only highlights or titles changed: the articles whose annotations were applied again."""
    annotations: Annotations | None = None
    """What a complete build read in annotations/ (kept for the next increment)."""
    read: tuple[Article, ...] = ()
    """The articles as read from the seeds, before the annotations (kept for the next increment)."""

    @property
    def errors(self) -> int:
        return sum(1 for problem in self.problems if problem.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for problem in self.problems if problem.severity is Severity.WARNING)

    def failed(self, strict: bool) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)

    def summary(self) -> str:
        if self.skipped_articles is not None:
            parts = [f"nothing changed since the last build of {self.skipped_articles} articles"]
        elif self.edited is not None:
            parts = [f"annotations edited in {len(self.edited)} of {len(self.corpus)} articles"]
        else:
            parts = [f"{len(self.corpus)} articles read"]
        if self.written is not None:
            parts.append(
                f"{len(self.written.written)} files written, {len(self.written.unchanged)} unchanged, "
                f"{len(self.written.removed)} removed"
            )
        parts.append(f"{self.errors} errors, {self.warnings} warnings")
        return "; ".join(parts)


@contextlib.contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while a stage makes millions of small objects.

    The stages build acyclic data (tuples, dicts, strings) that reference counting frees; left on,
    the collector rescans the growing heap again and again, which made indexing 2,000 articles
    three times slower than 500 articles times four.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(
    project: Project, options: SiteOptions | None = None, write: bool = True, force: bool = False
) -> BuildResult:
    """Run every stage; with `write=False` (for `parallax check`) nothing touches the disk.

    When nothing the pages depend on changed since the last complete build (same inputs, its
    files untouched), the build is skipped and its problems are reported again. When only
    highlights or titles changed in `annotations/articles/`, only the pages that show them are
    rendered (see `generator.increment`). `force` runs every stage anyway.
    """
    options = options or SiteOptions()
    if not write:
        with bulk_allocation():
            return _build(project, options, write)
    started = time.perf_counter()
    settings = f"{options!r}\0{project.show(project.seeds)}\0{project.show(project.annotations)}"
    inputs = read_inputs(project.seeds, project.annotations, settings)
    last = read_last_build(project.docs)
    store = Store(project.cache, project.docs, settings)
    if last is not None and not force and last.still_written(project.docs):
        if last.inputs == inputs.digest:
            log.info("nothing changed since the last build")
            unchanged = Written((), tuple(last.files), (), ())
            seconds = {"check": time.perf_counter() - started}
            return BuildResult(
                Corpus(articles=()), (), last.problems, unchanged, seconds, skipped_articles=last.articles
            )
        if project.seeds.is_dir():
            with bulk_allocation():
                edit = edit_articles(store, inputs, last.inputs, project.annotations, project.root, options)
            if edit is not None:
                return _write_increment(project, edit, store, list(last.files), started)
    if project.seeds.is_dir():  # else nothing is written (see stage 6), not even this
        forget_build(project.docs)
    with bulk_allocation():
        result = _build(project, options, write)
    if result.written is not None and result.errors == 0:
        paths = (*result.written.written, *result.written.unchanged)
        record_build(project.docs, inputs.digest, len(result.corpus), result.problems, paths)
        started = time.perf_counter()
        found = result.problems[: len(result.problems) - len(result.written.problems)]
        if result.annotations is not None:
            store.save_complete(result.corpus, result.read, inputs, result.annotations, found)
        result.seconds["save"] = time.perf_counter() - started
    return result


def _write_increment(
    project: Project, edit: Increment, store: Store, files: list[str], started: float
) -> BuildResult:
    """Write the pages an edit of highlights or titles changed, and remember the build as complete."""
    forget_build(project.docs)
    written = write_pages(edit.pages, project.docs, project.show(project.docs), partial=True)
    problems = (*sorted(edit.problems, key=problem_order), *written.problems)
    log.info("%d article annotation file(s) applied; %d files rendered", len(edit.edited), len(edit.pages))
    result = BuildResult(
        edit.corpus, tuple(edit.pages), problems, written, {"increment": 0.0}, edited=edit.edited
    )
    if result.errors == 0:
        record_build(project.docs, edit.state.inputs.digest, len(edit.corpus), problems, files)
        store.save(edit.state)
    result.seconds["increment"] = time.perf_counter() - started
    return result


def problem_order(problem: Problem) -> tuple[str, int, int]:
    """Problems are reported by file, then line and column; a complete build and an increment agree."""
    return (problem.path, problem.line or 0, problem.column or 0)


def _build(project: Project, options: SiteOptions, write: bool) -> BuildResult:
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = now - clock
        clock = now

    # 1. load: seed files -> articles (metadata read from the text, boilerplate set aside)
    settings, settings_problems = load_import_settings(project.annotations, project.root)
    loaded = load_articles(project.seeds, project.root, settings)
    log.info("read %d articles from %s", len(loaded.articles), project.show(project.seeds))
    lap("load")
    # 2. extract: names and sentences per article (cached by text, model and rules); quotes
    extractions, extract_problems = extract_articles(
        loaded.articles, project.cache, write_cache=write, model=options.model
    )
    quotes = [
        q for a, e in zip(loaded.articles, extractions, strict=True) for q in extract_quotes(a, e.sentences)
    ]
    lap("extract")
    # 3. resolve: the researcher's YAML wins (and names each outlet); names merge into entities; every
    # alias is linked; quotes get their speakers; dates and figures are read (a date's year comes
    # from the article's date, which the researcher may have corrected)
    annotations = load_annotations(project.annotations, project.root)
    resolved = resolve_articles(loaded.articles, annotations)
    entities = resolve_entities(extractions, annotations.entities)
    mentions = link_mentions(resolved.articles, extractions, entities.aliases, entities.unbacked)
    attributed = resolve_speakers(
        resolved.articles, quotes, mentions, {entity.id: entity for entity in entities.entities}
    )
    dates: list[DateMention] = []
    figures: list[Figure] = []
    for article, extraction in zip(resolved.articles, extractions, strict=True):
        found = extract_dates(article)
        dates.extend(found)
        figures.extend(extract_figures(article, extraction.sentences, found))
    lap("resolve")
    # 4. compare: copies, shared passages and quotes, coverage, labels, figures; stories; provenance
    copies, comparison, story_problems = compare_corpus(
        resolved.articles, entities.entities, mentions, attributed, figures, annotations.stories,
        annotations.provenance, seconds,
    )  # fmt: skip
    lap("compare")
    seconds["compare"] -= seconds["provenance"]  # timed apart by compare_corpus
    corpus = Corpus(
        articles=resolved.articles,
        highlights=resolved.highlights,
        copies=copies,
        entities=entities.entities,
        mentions=mentions,
        sentences={extraction.article: extraction.sentences for extraction in extractions},
        quotes=attributed,
        figures=tuple(figures),
        dates=tuple(dates),
        comparison=comparison,
        outlets=resolved.outlets,
    )
    # 5. render: every page as a string (pure)
    pages = tuple(render_pages(corpus, options))
    lap("render")
    problems = tuple(sorted(
        (*settings_problems, *loaded.problems, *extract_problems, *annotations.problems,
         *resolved.problems, *entities.problems, *story_problems),
        key=problem_order,
    ))  # fmt: skip
    written = None
    # 6. write: only what changed, atomically, never a file Parallax does not own
    # A missing seeds folder must not wipe the site built from it last time.
    if write and project.seeds.is_dir():
        written = write_pages(pages, project.docs, project.show(project.docs))
        problems = (*problems, *written.problems)
        lap("write")
    return BuildResult(
        corpus, pages, problems, written, seconds, annotations=annotations, read=tuple(loaded.articles)
    )
