"""Stage 5, render: the corpus -> `Page`s of Markdown. Pure: builds strings, touches no files.

Pages are Jinja templates (`generator/templates/`) whose every `{{ value }}` is escaped by
`escape_text` unless the renderer built it as `Markup` itself.
"""

from __future__ import annotations

import itertools
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2

from generator.escape import Markup, escape_text, safe_url
from generator.export import render_data
from generator.model import Article, Corpus, Highlight, Page


@dataclass(frozen=True, slots=True)
class SiteOptions:
    directory_urls: bool = True
    """Mirror MkDocs' `use_directory_urls`: links in raw HTML must be final URLs."""


def _finalize(value: object) -> object:
    if value is None:
        return Markup('<span class="px-unknown">unknown</span>')
    return escape_text(value)


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("generator", "templates"),
    autoescape=False,
    finalize=_finalize,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_pages(corpus: Corpus, options: SiteOptions | None = None) -> list[Page]:
    options = options or SiteOptions()
    """Every page and download the generator owns, in a stable order."""
    pages = [
        _page("index.md", "home.md.j2", corpus, options),
        _page("articles/index.md", "articles.md.j2", corpus, options),
        _page("data/index.md", "data.md.j2", corpus, options),
    ]
    for article in corpus:
        pages.append(_page(article_path(article), "article.md.j2", corpus, options, article=article))
    pages.extend(render_data(corpus))
    return pages


def article_path(article: Article) -> str:
    return f"articles/{article.id}.md"


def _page(path: str, template: str, corpus: Corpus, options: SiteOptions, **context: object) -> Page:
    def link(target: str, anchor: str = "") -> Markup:
        url = relative_url(path, target, options.directory_urls) + (f"#{anchor}" if anchor else "")
        return Markup.escape(url)

    content = _ENV.get_template(template).render(
        corpus=corpus,
        link=link,
        article_path=article_path,
        title_of=title_of,
        opening_words=opening_words,
        safe_url=safe_url,
        render_text=render_text,
        **context,
    )
    return Page(path, content)


def relative_url(source: str, target: str, directory_urls: bool = True) -> str:
    """URL of the page built from `target`, relative to the page built from `source`."""
    source_url, target_url = _url(source, directory_urls), _url(target, directory_urls)
    base = source_url if source_url.endswith("/") or not source_url else posixpath.dirname(source_url) + "/"
    relative = posixpath.relpath(target_url or ".", base or ".")
    if target_url.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return "./" if relative in (".", "./") else relative


def _url(path: str, directory_urls: bool) -> str:
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return f"{stem}/" if directory_urls else f"{stem}.html"


def title_of(article: Article) -> str | None:
    return article.meta.title


def opening_words(article: Article, count: int = 12) -> str:
    words = article.text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def render_text(article: Article, highlights: Sequence[Highlight]) -> Markup:
    """The article's paragraphs as escaped HTML, highlights marked and their notes beside them."""
    numbered = list(enumerate(highlights, start=1))
    out: list[str] = []
    for number, paragraph in enumerate(article.paragraphs, start=1):
        inside = [(n, h) for n, h in numbered if h.start < paragraph.end and h.end > paragraph.start]
        out.append(f'<p id="p-{number}">{_marked(article.text, paragraph.start, paragraph.end, inside)}</p>')
        out.extend(_note(n, h) for n, h in inside if paragraph.start <= h.start < paragraph.end)
    return Markup("\n".join(out))


def _marked(text: str, start: int, end: int, highlights: list[tuple[int, Highlight]]) -> str:
    """Escaped text of [start, end) with each highlight's part wrapped in <mark>."""
    cuts = sorted({start, end, *(min(end, max(start, p)) for _, h in highlights for p in (h.start, h.end))})
    pieces: list[str] = []
    for left, right in itertools.pairwise(cuts):
        segment = str(escape_text(text[left:right]))
        for number, highlight in highlights:
            if highlight.start <= left and right <= highlight.end:
                anchor = f' id="highlight-{number}"' if left == highlight.start else ""
                segment = f'<mark class="px-highlight"{anchor}>{segment}</mark>'
                if right == highlight.end:
                    segment += f'<sup class="px-note-ref"><a href="#note-{number}">{number}</a></sup>'
        pieces.append(segment)
    return "".join(pieces)


def _note(number: int, highlight: Highlight) -> str:
    tags = "".join(f' <span class="px-tag">{escape_text(tag)}</span>' for tag in highlight.tags)
    return (
        f'<aside class="px-note" id="note-{number}"><a href="#highlight-{number}">Note {number}</a> '
        f"{escape_text(highlight.note)}{tags} "
        f'<span class="px-origin">({escape_text(highlight.origin)})</span></aside>'
    )
