"""Stage 3a, resolve articles: apply the researcher's annotations to what the machine read.

A value from YAML always wins over one read from the text, and records where it came from; each
article's outlet then gets the one name `outlets.yml` gives it.
An annotation that cannot be applied is reported with its file and line, never dropped silently.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.annotations.read import Annotations, ArticleAnnotation, HighlightSpec, unknown_article
from generator.model import Article, Highlight, Outlet, Problem, Severity
from generator.resolve.anchor import FoldedText, find_passage
from generator.resolve.outlets import resolve_outlets


@dataclass(frozen=True, slots=True)
class Resolved:
    articles: tuple[Article, ...]
    highlights: tuple[Highlight, ...]
    problems: tuple[Problem, ...]
    outlets: tuple[Outlet, ...] = ()
    """Every outlet the articles name or `outlets.yml` describes (see `resolve.outlets`)."""


def resolve_articles(articles: Sequence[Article], annotations: Annotations) -> Resolved:
    by_id = {annotation.article_id: annotation for annotation in annotations.articles}
    ids = [article.id for article in articles]
    known = set(ids)
    problems = [unknown_article(a, ids) for a in annotations.articles if a.article_id not in known]
    resolved: list[Article] = []
    highlights: list[Highlight] = []
    for article in articles:
        annotation = by_id.get(article.id)
        if annotation is None:
            resolved.append(article)
            continue
        resolved.append(_apply_overrides(article, annotation))
        highlights.extend(anchor_highlights(article, annotation, problems))
    outlets = resolve_outlets(resolved, annotations.outlets)
    problems.extend(outlets.problems)
    return Resolved(outlets.articles, tuple(highlights), tuple(problems), outlets.outlets)


def anchor_highlights(
    article: Article, annotation: ArticleAnnotation, problems: list[Problem]
) -> list[Highlight]:
    """The annotation's highlights found in the article's text; one not found is a problem."""
    if not annotation.highlights:
        return []
    folded = FoldedText.of(article.text)
    found = (_anchor(article.id, folded, spec, annotation.path, problems) for spec in annotation.highlights)
    return [highlight for highlight in found if highlight is not None]


def _apply_overrides(article: Article, annotation: ArticleAnnotation) -> Article:
    if not annotation.overrides:
        return article
    values: dict[str, Any] = {name: value for name, value, _ in annotation.overrides}
    meta = dataclasses.replace(article.meta, **values)
    origins = dict(article.origins)
    for name, _, line in annotation.overrides:
        origins[name] = f"{annotation.path}:{line}" if line else annotation.path
    ordered = tuple((name, origins[name]) for name in sorted(origins))
    return dataclasses.replace(article, meta=meta, origins=ordered)


def _anchor(
    article_id: str, folded: FoldedText, spec: HighlightSpec, path: str, problems: list[Problem]
) -> Highlight | None:
    places = find_passage(folded, spec.quote, spec.before, spec.after)
    shown = spec.quote if len(spec.quote) <= 60 else spec.quote[:57] + "..."
    if not places:
        context = " with the given before/after words" if spec.before or spec.after else ""
        problems.append(
            Problem(
                path,
                f"highlight passage not found in article '{article_id}'{context}: '{shown}'. "
                "Copy the passage exactly from the article text; the highlight is kept in the YAML "
                "and shown again once it matches",
                Severity.WARNING,
                spec.line,
            )
        )
        return None
    if len(places) > 1:
        problems.append(
            Problem(
                path,
                f"highlight passage occurs {len(places)} times in article '{article_id}': '{shown}'; "
                "marked the first. Add 'before' or 'after' words to choose another",
                Severity.WARNING,
                spec.line,
            )
        )
    start, end = places[0]
    return Highlight(
        article_id, start, end, spec.note, spec.tags, f"{path}:{spec.line}" if spec.line else path
    )
