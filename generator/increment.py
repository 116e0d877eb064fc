"""Incremental builds: what the last build computed, kept so that the edits a researcher makes most
often in `annotations/articles/`, a highlight, a note, a title, show in a second or two instead of
after a run of every stage.

After a complete build, its corpus and the articles as read from the seeds are saved in the cache
folder (never published), beside a small state: the inputs it read, the annotations and the
problems. The next build compares. When the seeds, the settings, the code and every annotation
file are as they were except files of `annotations/articles/`, it applies the article
annotations again from the articles as read, exactly as a complete build does. If the articles
come out the same but for titles, it renders the pages that show those articles' highlights and
titles (`render_article_edits`) and writes only those. Any other edit (a date, an outlet, an
entity, a seed) runs every stage. `tests/test_increment.py` builds a series of edits both ways
and compares the docs folders byte for byte.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import pickle
import uuid
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.annotations.read import Annotations, read_article_annotation
from generator.inputs import Inputs
from generator.model import Article, Corpus, Highlight, Page, Problem
from generator.paths import display_path
from generator.render.pages import SiteOptions, render_article_edits
from generator.resolve.articles import resolve_articles
from generator.write import atomic_write

log = logging.getLogger("parallax")


@dataclass(frozen=True, slots=True)
class State:
    """What a build read and found, apart from its corpus (saved once per complete build)."""

    inputs: Inputs
    corpus_id: str
    """Which saved corpus this state goes with."""
    annotations: Annotations
    """Everything read in the annotations folder."""
    articles: tuple[Article, ...]
    """The corpus's articles now, annotations applied (the saved corpus holds the complete build's)."""
    highlights: tuple[Highlight, ...]
    """The corpus's highlights now."""
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Increment:
    corpus: Corpus
    pages: list[Page]
    """Only the pages the edit changes."""
    problems: tuple[Problem, ...]
    state: State
    edited: tuple[str, ...]
    """The articles whose annotation files changed."""


class Store:
    """The saved state of one docs folder built with one set of options, in the cache folder."""

    def __init__(self, cache: Path, docs: Path, settings: str) -> None:
        key = hashlib.sha256(f"{docs.resolve()}\0{settings}".encode()).hexdigest()[:24]
        self.folder = cache / "builds" / key

    def save_complete(
        self,
        corpus: Corpus,
        read: tuple[Article, ...],
        inputs: Inputs,
        annotations: Annotations,
        problems: tuple[Problem, ...],
    ) -> None:
        """After a complete build: its corpus and the articles as read, and the state that goes with them."""
        corpus_id = uuid.uuid4().hex
        # The old state goes first: a build stopped half way must not pair it with the new corpus.
        (self.folder / "state.pickle").unlink(missing_ok=True)
        # One pickle: the articles as read share their texts with the corpus's, stored once.
        atomic_write(self.folder / "corpus.pickle", pickle.dumps((corpus_id, corpus, read), protocol=5))
        self.save(State(inputs, corpus_id, annotations, corpus.articles, corpus.highlights, problems))

    def save(self, state: State) -> None:
        atomic_write(self.folder / "state.pickle", pickle.dumps(state, protocol=5))

    def state(self) -> State | None:
        loaded = self._load("state.pickle")
        return loaded if isinstance(loaded, State) else None

    def corpus(self, state: State) -> tuple[Corpus, tuple[Article, ...]] | None:
        """The corpus saved with `state` (as the complete build left it) and the articles as read."""
        saved = self._load("corpus.pickle")
        if not isinstance(saved, tuple) or len(saved) != 3 or saved[0] != state.corpus_id:
            return None
        _, corpus, read = saved
        return (corpus, read) if isinstance(corpus, Corpus) and isinstance(read, tuple) else None

    def _load(self, name: str) -> object:
        try:
            return pickle.loads((self.folder / name).read_bytes())
        except FileNotFoundError:
            return None
        except Exception as error:  # any damage, or classes changed since: build everything
            log.info("saved build state %s not used: %s", name, error)
            return None


def edit_articles(
    store: Store, inputs: Inputs, last_inputs: str, folder: Path, root: Path, options: SiteOptions
) -> Increment | None:
    """Apply edited article annotations again; None when the edit needs every stage.

    The articles are resolved again from the articles as read, as a complete build does; the
    edit is incremental when they come out the same but for titles. `folder` is the annotations
    folder; `last_inputs` what the docs folder was last built from.
    """
    state = store.state()
    if state is None or state.inputs.digest != last_inputs or state.inputs.base != inputs.base:
        return None
    before, now = state.inputs.annotations, inputs.annotations
    changed = sorted(path for path in before.keys() | now.keys() if before.get(path) != now.get(path))
    if not changed or not all(_is_article_file(path) for path in changed):
        return None
    shown = {display_path(folder / path, root): path for path in changed}
    problems = [problem for problem in state.problems if problem.path not in shown]
    by_file = {PurePosixPath(a.path).name: a for a in state.annotations.articles if a.path not in shown}
    for path in changed:
        annotation, found = read_article_annotation(folder / path, root) if path in now else (None, [])
        problems.extend(found)
        if annotation is not None:
            by_file[PurePosixPath(path).name] = annotation
    saved = store.corpus(state)
    if saved is None:
        return None
    corpus, read = saved
    articles = tuple(by_file[name] for name in sorted(by_file))  # in the order a complete build reads them
    annotations = dataclasses.replace(state.annotations, articles=articles)
    resolved = resolve_articles(read, annotations)
    retitled = _retitled(state.articles, resolved.articles)
    if retitled is None or resolved.outlets != corpus.outlets:
        return None
    problems.extend(problem for problem in resolved.problems if problem.path in shown)
    corpus = dataclasses.replace(corpus, articles=resolved.articles, highlights=resolved.highlights)
    edited = tuple(PurePosixPath(path).stem for path in changed)
    pages = render_article_edits(corpus, options, edited, retitled)
    new_state = State(
        inputs, state.corpus_id, annotations, resolved.articles, resolved.highlights, tuple(problems)
    )
    return Increment(corpus, pages, tuple(problems), new_state, edited)


def _retitled(before: tuple[Article, ...], after: tuple[Article, ...]) -> tuple[str, ...] | None:
    """The articles whose title changed; None when anything else about an article changed."""
    if len(before) != len(after):
        return None
    retitled = []
    for old, new in zip(before, after, strict=True):
        if old == new:
            continue
        same_but_title = dataclasses.replace(
            old, meta=dataclasses.replace(old.meta, title=new.meta.title), origins=new.origins
        )
        # Where the other values came from must not change (their order may: a title sorts them).
        origins = [{name: origin for name, origin in a.origins if name != "title"} for a in (old, new)]
        if same_but_title != new or origins[0] != origins[1]:
            return None
        retitled.append(new.id)
    return tuple(retitled)


def _is_article_file(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return len(parts) == 2 and parts[0] == "articles" and not parts[1].startswith(".")
