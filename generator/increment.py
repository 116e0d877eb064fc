"""Incremental builds: what the last build computed, kept so that the edit a researcher makes most
often, a highlight or a note in `annotations/articles/`, shows in a second instead of after a run
of every stage.

After a complete build, its corpus is saved in the cache folder (never published), beside a small
state: the inputs it read, the article annotations and the problems. The next build compares.
When the seeds, the settings, the code and every annotation file are as they were, except files
of `annotations/articles/` whose metadata (title, date...) did not change, only highlights did,
it anchors those highlights again, renders the pages that show them (`render_highlight_edits`)
and writes only those. Any other edit runs every stage. `tests/test_increment.py` builds a set of
edits both ways and compares the docs folders byte for byte.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import pickle
import uuid
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.annotations.read import ArticleAnnotation, read_article_annotation
from generator.inputs import Inputs
from generator.model import Corpus, Highlight, Page, Problem
from generator.paths import display_path
from generator.render.pages import SiteOptions, render_highlight_edits
from generator.resolve.articles import anchor_highlights
from generator.write import atomic_write

log = logging.getLogger("parallax")


@dataclass(frozen=True, slots=True)
class State:
    """What a build read and found, apart from its corpus (saved once per complete build)."""

    inputs: Inputs
    corpus_id: str
    """Which saved corpus this state goes with."""
    annotations: dict[str, ArticleAnnotation]
    """Each article annotation read, by its file's path inside the annotations folder."""
    highlights: tuple[Highlight, ...]
    """The corpus's highlights now (the saved corpus holds those of the complete build)."""
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Increment:
    corpus: Corpus
    pages: list[Page]
    """Only the pages the edit changes."""
    problems: tuple[Problem, ...]
    state: State
    edited: tuple[str, ...]
    """The articles whose highlights were anchored again."""


class Store:
    """The saved state of one docs folder built with one set of options, in the cache folder."""

    def __init__(self, cache: Path, docs: Path, settings: str) -> None:
        key = hashlib.sha256(f"{docs.resolve()}\0{settings}".encode()).hexdigest()[:24]
        self.folder = cache / "builds" / key

    def save_complete(
        self,
        corpus: Corpus,
        inputs: Inputs,
        annotations: dict[str, ArticleAnnotation],
        problems: tuple[Problem, ...],
    ) -> None:
        """After a complete build: its corpus, and the state that goes with it."""
        corpus_id = uuid.uuid4().hex
        # The old state goes first: a build stopped half way must not pair it with the new corpus.
        (self.folder / "state.pickle").unlink(missing_ok=True)
        atomic_write(self.folder / "corpus.pickle", pickle.dumps((corpus_id, corpus), protocol=5))
        self.save(State(inputs, corpus_id, annotations, corpus.highlights, problems))

    def save(self, state: State) -> None:
        atomic_write(self.folder / "state.pickle", pickle.dumps(state, protocol=5))

    def state(self) -> State | None:
        loaded = self._load("state.pickle")
        return loaded if isinstance(loaded, State) else None

    def corpus(self, state: State) -> Corpus | None:
        """The corpus saved with `state`; its highlights are those of the complete build."""
        saved = self._load("corpus.pickle")
        if not isinstance(saved, tuple) or saved[0] != state.corpus_id or not isinstance(saved[1], Corpus):
            return None
        return saved[1]

    def _load(self, name: str) -> object:
        try:
            return pickle.loads((self.folder / name).read_bytes())
        except FileNotFoundError:
            return None
        except Exception as error:  # any damage, or classes changed since: build everything
            log.info("saved build state %s not used: %s", name, error)
            return None


def edit_highlights(
    store: Store, inputs: Inputs, last_inputs: str, folder: Path, root: Path, options: SiteOptions
) -> Increment | None:
    """Redo only the highlights of the edited annotation files; None when the edit needs every stage.

    `folder` is the annotations folder; `last_inputs` what the docs folder was last built from.
    """
    state = store.state()
    if state is None or state.inputs.digest != last_inputs or state.inputs.base != inputs.base:
        return None
    before, now = state.inputs.annotations, inputs.annotations
    changed = sorted(path for path in before.keys() | now.keys() if before.get(path) != now.get(path))
    if not changed or not all(_is_article_file(path) for path in changed):
        return None
    annotations = dict(state.annotations)
    read: dict[str, tuple[ArticleAnnotation | None, list[Problem]]] = {}
    for path in changed:
        annotation, problems = read_article_annotation(folder / path, root) if path in now else (None, [])
        previous = annotations.pop(path, None)
        if (annotation.overrides if annotation else ()) != (previous.overrides if previous else ()):
            return None
        if annotation is not None:
            annotations[path] = annotation
        read[path] = (annotation, problems)
    corpus = store.corpus(state)
    if corpus is None:
        return None
    shown = {display_path(folder / path, root) for path in changed}
    problems = [problem for problem in state.problems if problem.path not in shown]
    anchored: dict[str, list[Highlight]] = {}
    for path, (annotation, found) in read.items():
        article_id = PurePosixPath(path).stem
        article = corpus.get(article_id)
        if article is None:  # an annotation of no article: reported by a complete build
            return None
        problems.extend(found)
        anchored[article_id] = anchor_highlights(article, annotation, problems) if annotation else []
    kept: dict[str, list[Highlight]] = {}
    for highlight in state.highlights:
        kept.setdefault(highlight.article, []).append(highlight)
    highlights = tuple(
        highlight for article in corpus for highlight in anchored.get(article.id, kept.get(article.id, ()))
    )
    corpus = dataclasses.replace(corpus, highlights=highlights)
    pages = render_highlight_edits(corpus, options, anchored.keys())
    new_state = dataclasses.replace(
        state, inputs=inputs, annotations=annotations, highlights=highlights, problems=tuple(problems)
    )
    return Increment(corpus, pages, tuple(problems), new_state, tuple(anchored))


def _is_article_file(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return len(parts) == 2 and parts[0] == "articles" and not parts[1].startswith(".")
