"""Stage 5, render: the corpus -> `Page`s of Markdown. Pure: builds strings, touches no files.

Pages are Jinja templates (`generator/render/templates/`) whose every `{{ value }}` is escaped by
`escape_text` unless the renderer built it as `Markup` itself.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import posixpath
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import jinja2

from generator.annotations.outlets import host_of
from generator.compare.coverage import outlet_of
from generator.compare.stories import split_by_story
from generator.model import (
    Article,
    Comparison,
    Corpus,
    DateMention,
    Entity,
    EntityType,
    Figure,
    Highlight,
    Mention,
    Page,
    Quote,
    QuoteGroup,
    QuoteVersion,
    Story,
)
from generator.render.comparison import ComparisonView, shown_pairs
from generator.render.escape import Markup, escape_text, safe_url
from generator.render.export import render_article_data, render_data
from generator.render.network import Network
from generator.render.outlets import (
    MAX_LISTED,
    MAX_QUOTES,
    MAX_SHARED,
    OutletView,
    entity_named_by,
    outlet_path,
)
from generator.render.places import locate_places
from generator.render.provenance import ProvenanceView
from generator.render.topojson import atlas_version
from generator.render.worldmap import MAX_ROWS, MapView


@dataclass(frozen=True, slots=True)
class SiteOptions:
    directory_urls: bool = True
    """Mirror MkDocs' `use_directory_urls`: links in raw HTML must be final URLs."""
    entity_page_min_mentions: int = 2
    """Entities mentioned fewer times are listed on the index but get no page of their own."""
    model: str | None = None
    """The installed spaCy pipeline that reads names (`en_core_web_lg`...); None: the pinned small one."""


TYPE_LABELS = {
    EntityType.PERSON: ("Person", "People"),
    EntityType.ORGANIZATION: ("Organisation", "Organisations"),
    EntityType.PLACE: ("Place", "Places"),
    EntityType.GROUP: ("Group", "Groups"),
}
CONTEXT_CHARS = 220
"""How much of a very long sentence is quoted around a mention on an entity page."""


def _finalize(value: object) -> object:
    if value is None:
        return Markup('<span class="px-unknown">unknown</span>')
    return escape_text(value)


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates, kept between processes in the temporary folder (keyed by their source):
    compiling took a third of an incremental build. Without that folder they compile each time."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("generator.render", "templates"),
    bytecode_cache=_bytecode_cache(),
    autoescape=False,
    finalize=_finalize,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


class Site:
    """What every template may ask about the corpus: URLs, anchors, counts. One per render."""

    def __init__(self, corpus: Corpus, options: SiteOptions) -> None:
        self.corpus = corpus
        self.options = options
        self.anchors: dict[tuple[str, int], str] = {}
        for article in corpus:
            for number, mention in enumerate(corpus.mentions_in(article.id), start=1):
                self.anchors[(article.id, mention.start)] = f"m-{number}"
        # Each shared quote as the comparison shows it: on its story's page when there are stories.
        self.shown_groups: dict[tuple[str, int], tuple[str, QuoteGroup]] = {}
        """(article, quote start) -> (the comparison page, the group there)."""
        self.unmarked: dict[str, list[tuple[str, QuoteGroup, QuoteVersion]]] = defaultdict(list)
        for page, groups in _compared_quotes(corpus):
            for group in groups:
                for version in group.versions:
                    if version.quoted:
                        self.shown_groups[(version.article, version.start)] = (page, group)
                    else:
                        self.unmarked[version.article].append((page, group, version))
        self.story_of = {a: story for story in corpus.comparison.stories for a in story.articles}
        self.quote_anchors = {
            (quote.article, quote.start): f"quote-{number}"
            for article in corpus
            for number, quote in enumerate(corpus.quotes_in(article.id), start=1)
        }

    @functools.cached_property
    def network(self) -> Network:
        """Who is named with whom: the network page, its download, each entity page's neighbours."""
        return Network(self.corpus)

    @functools.cached_property
    def provenance(self) -> ProvenanceView:
        """Where each article's text comes from, who echoes it; accounts behind a count."""
        return ProvenanceView(self.corpus)

    def has_page(self, entity: Entity) -> bool:
        return len(self.corpus.mentions_of(entity.id)) >= self.options.entity_page_min_mentions

    def entity_target(self, entity: Entity) -> tuple[str, str]:
        """(page path, anchor): its own page, or its row on the index."""
        return (entity_path(entity), "") if self.has_page(entity) else ("entities/index.md", f"e-{entity.id}")

    def anchor(self, mention: Mention) -> str:
        return self.anchors[(mention.article, mention.start)]

    def outlet(self, article: Article) -> str:
        return outlet_of(article)

    def mentions_by_article(self, entity: Entity) -> list[tuple[Article, list[Mention]]]:
        """The entity's mentions grouped by article, in corpus order (one pass, not one per article)."""
        groups = []
        for article_id, mentions in itertools.groupby(
            self.corpus.mentions_of(entity.id), lambda m: m.article
        ):
            article = self.corpus.get(article_id)
            if article is not None:
                groups.append((article, list(mentions)))
        return groups

    def articles_of(self, entity: Entity) -> list[Article]:
        ids = dict.fromkeys(m.article for m in self.corpus.mentions_of(entity.id))
        return [a for a in (self.corpus.get(i) for i in ids) if a is not None]

    def entities_by_type(self) -> list[tuple[EntityType, list[Entity]]]:
        groups: dict[EntityType, list[Entity]] = defaultdict(list)
        for entity in self.corpus.entities:
            groups[entity.type].append(entity)
        for entities in groups.values():
            entities.sort(key=lambda e: (-len(self.corpus.mentions_of(e.id)), e.name.casefold()))
        return [(kind, groups[kind]) for kind in TYPE_LABELS if groups.get(kind)]

    def entities_in(self, article: Article) -> list[tuple[EntityType, list[tuple[Entity, int]]]]:
        counts = Counter(m.entity for m in self.corpus.mentions_in(article.id))
        groups: dict[EntityType, list[tuple[Entity, int]]] = defaultdict(list)
        for entity_id, count in counts.items():
            entity = self.corpus.entity(entity_id)
            if entity is not None:
                groups[entity.type].append((entity, count))
        for items in groups.values():
            items.sort(key=lambda item: (-item[1], item[0].name.casefold()))
        return [(kind, groups[kind]) for kind in TYPE_LABELS if groups.get(kind)]

    def aliases_by_outlet(self, entity: Entity) -> list[tuple[str, list[tuple[str, int]]]]:
        """Each alias with the outlets that write it and how often."""
        usage: dict[str, Counter[str]] = defaultdict(Counter)
        for mention in self.corpus.mentions_of(entity.id):
            article = self.corpus.get(mention.article)
            if article is not None:
                usage[mention.text][self.outlet(article)] += 1
        return sorted(
            ((alias, sorted(c.items())) for alias, c in usage.items()), key=lambda x: -sum(n for _, n in x[1])
        )

    def labels_by_outlet(self, entity: Entity) -> Sequence[tuple[str, tuple[tuple[str, int], ...]]]:
        """The titles and descriptors each outlet writes next to the entity's name."""
        labels = self.corpus.labels_of(entity.id)
        return labels.by_outlet if labels else ()

    def articles_in(self, story: Story) -> list[Article]:
        return [a for a in (self.corpus.get(i) for i in story.articles) if a is not None]

    def unmarked_quotes(self, article: Article) -> Sequence[tuple[str, QuoteGroup, QuoteVersion]]:
        """Shared quotes whose words this article has without quotation marks, with their page."""
        return self.unmarked.get(article.id, ())

    def shown_group(self, quote: Quote) -> tuple[str, QuoteGroup] | None:
        """The comparison page that shows the quote's group, and the group there; None if not shared."""
        return self.shown_groups.get((quote.article, quote.start))

    def quote_anchor(self, quote: Quote) -> str:
        return self.quote_anchors[(quote.article, quote.start)]

    def co_mentioned(self, entity: Entity, limit: int = 15) -> list[tuple[Entity, int]]:
        """Entities named in the same sentences (the network's ties), most sentences first."""
        return [(other, tie.weight) for other, tie in self.network.neighbours(entity)[:limit]]

    def context(self, mention: Mention) -> Markup:
        """The mention's sentence (shortened around it if very long), the mention in bold."""
        article = self.corpus.get(mention.article)
        spans = self.corpus.sentences.get(mention.article, ())
        if article is None:
            return Markup("")
        start, end = (
            spans[mention.sentence] if mention.sentence < len(spans) else (mention.start, mention.end)
        )
        start = max(start, mention.start - CONTEXT_CHARS)
        end = min(end, mention.end + CONTEXT_CHARS)
        text = article.text
        lead = "… " if start > 0 and start == mention.start - CONTEXT_CHARS else ""
        tail = " …" if end == mention.end + CONTEXT_CHARS and end < len(text) else ""
        return Markup(
            f"{lead}{escape_text(text[start : mention.start])}<strong>{escape_text(mention.text)}</strong>"
            f"{escape_text(text[mention.end : end])}{tail}"
        )


def _comparisons(corpus: Corpus) -> list[tuple[str, Comparison]]:
    """Each comparison page and what it compares: each story's page, or the one page."""
    if not corpus.comparison.stories:
        return [("compare/index.md", corpus.comparison)]
    return [(story_path(story), story.comparison or Comparison()) for story in corpus.comparison.stories]


def _compared_quotes(corpus: Corpus) -> list[tuple[str, Sequence[QuoteGroup]]]:
    """The quote groups each comparison page shows: each story's, or the corpus's."""
    return [(path, comparison.quote_groups) for path, comparison in _comparisons(corpus)]


def render_pages(
    corpus: Corpus,
    options: SiteOptions | None = None,
    only: Collection[str] | None = None,
    site: Site | None = None,
) -> list[Page]:
    """Every page and download the generator owns, in a stable order; with `only`, those of them."""
    site = site or Site(corpus, options or SiteOptions())

    def wanted(path: str) -> bool:
        return only is None or path in only

    pages = [
        _page(path, template, site)
        for path, template in (
            ("index.md", "home.md.j2"),
            ("articles/index.md", "articles.md.j2"),
            ("entities/index.md", "entities.md.j2"),
        )
        if wanted(path)
    ]
    if wanted("network/index.md"):
        pages.append(_page("network/index.md", "network.md.j2", site, network=site.network))
    pages.extend(_comparison_pages(site, wanted))
    pages.extend(_outlet_pages(site, wanted))
    if wanted("map/index.md"):
        pages.append(_map_page(site))
    if wanted("data/index.md"):
        pages.append(_page("data/index.md", "data.md.j2", site))
    for article in corpus:
        if wanted(article_path(article)):
            pages.append(_page(article_path(article), "article.md.j2", site, article=article))
    for entity in corpus.entities:
        if site.has_page(entity) and wanted(entity_path(entity)):
            pages.append(_page(entity_path(entity), "entity.md.j2", site, entity=entity))
    if only is None:
        pages.extend(render_data(corpus))
        pages.append(Page("data/network.json", site.network.download()))
    elif wanted("data/articles.json"):
        pages.extend(render_article_data(corpus))
    return pages


def render_article_edits(
    corpus: Corpus, options: SiteOptions, edited: Collection[str], retitled: Collection[str]
) -> list[Page]:
    """The pages that show the highlights of `edited` and the titles of `retitled`: all `build()`
    renders after such an edit (`generator.increment`; `tests/test_increment.py` checks them)."""
    site = Site(corpus, options)
    paths = {"data/articles.json", "data/articles.csv"}
    paths.update(article_path(article) for article in corpus if article.id in edited)
    for article_id in retitled:
        # Its page, the lists of articles, the pages of its copies (which name their original), the
        # outlet pages (their tables), the comparison page if it titles a pair, the pages of what it names.
        paths.update(("index.md", "articles/index.md", f"articles/{article_id}.md"))
        paths.update(f"articles/{copy.article}.md" for copy in corpus.copies_of(article_id))
        paths.update(outlet_path(outlet) for outlet in corpus.outlets)
        paths.update(
            path
            for path, comparison in _comparisons(corpus)
            if any(article_id in (pair.first, pair.second) for pair in shown_pairs(comparison))
        )
        named = {mention.entity for mention in corpus.mentions_in(article_id)}
        named.update(quote.speaker for quote in corpus.quotes_in(article_id) if quote.speaker)
        paths.update(
            entity_path(entity) for entity in corpus.entities if entity.id in named and site.has_page(entity)
        )
    return render_pages(corpus, options, paths, site)


def _comparison_pages(site: Site, wanted: Callable[[str], bool]) -> list[Page]:
    """One comparison page; or, for a corpus of several stories, an index and one per story."""
    corpus = site.corpus
    stories = corpus.comparison.stories
    if not stories:
        if not wanted("compare/index.md"):
            return []
        return [_page("compare/index.md", "compare.md.j2", site, view=ComparisonView(corpus), story=None)]
    pages = [_page("compare/index.md", "stories.md.j2", site)] if wanted("compare/index.md") else []
    shown = [story for story in stories if wanted(story_path(story))]
    for story, part in zip(shown, story_corpora(corpus, shown), strict=True):
        pages.append(_page(story_path(story), "compare.md.j2", site, view=ComparisonView(part), story=story))
    return pages


def _outlet_pages(site: Site, wanted: Callable[[str], bool]) -> list[Page]:
    """The outlets' index and one page per outlet."""
    view = OutletView(site.corpus)
    limits = {"max_listed": MAX_LISTED, "max_quotes": MAX_QUOTES, "max_shared": MAX_SHARED}
    pages = []
    if wanted("outlets/index.md"):
        pages.append(_page("outlets/index.md", "outlets.md.j2", site, outlets_view=view, host_of=host_of))
    for outlet in site.corpus.outlets:
        if wanted(outlet_path(outlet)):
            pages.append(
                _page(outlet_path(outlet), "outlet.md.j2", site, outlet=outlet, outlets_view=view, **limits)
            )
    return pages


def _map_page(site: Site) -> Page:
    view = MapView(locate_places(site.corpus))
    context = {"map_view": view, "atlas_version": atlas_version(), "max_rows": MAX_ROWS}
    return _page("map/index.md", "map.md.j2", site, **context)


def story_corpora(corpus: Corpus, stories: Sequence[Story]) -> list[Corpus]:
    """The corpus cut into each story's articles, with the story's own comparison; one pass."""
    story_of = {a: story.id for story in stories for a in story.articles}

    def article(item: Highlight | Mention | Quote | Figure | DateMention) -> str:
        return item.article

    articles = split_by_story(corpus.articles, story_of, lambda a: a.id)
    highlights = split_by_story(corpus.highlights, story_of, article)
    copies = split_by_story(corpus.copies, story_of, lambda c: c.article, lambda c: c.original)
    mentions = split_by_story(corpus.mentions, story_of, article)
    quotes = split_by_story(corpus.quotes, story_of, article)
    figures = split_by_story(corpus.figures, story_of, article)
    dates = split_by_story(corpus.dates, story_of, article)
    return [
        Corpus(
            articles=tuple(articles[story.id]),
            highlights=tuple(highlights[story.id]),
            copies=tuple(copies[story.id]),
            entities=corpus.entities,
            mentions=tuple(mentions[story.id]),
            sentences=corpus.sentences,
            quotes=tuple(quotes[story.id]),
            figures=tuple(figures[story.id]),
            dates=tuple(dates[story.id]),
            comparison=story.comparison or Comparison(),
        )
        for story in stories
    ]


def story_path(story: Story) -> str:
    return f"compare/{story.id}.md"


def article_path(article: Article) -> str:
    return f"articles/{article.id}.md"


def entity_path(entity: Entity) -> str:
    return f"entities/{entity.id}.md"


def _page(path: str, template: str, site: Site, **context: object) -> Page:
    def link(target: str, anchor: str = "") -> Markup:
        url = relative_url(path, target, site.options.directory_urls) + (f"#{anchor}" if anchor else "")
        return Markup.escape(url)

    def entity_link(entity: Entity) -> Markup:
        return link(*site.entity_target(entity))

    def article_ref(article: Article) -> Markup:
        """A link to the article by id, with its outlet and date beside it."""
        date = f", {escape_text(article.meta.date)}" if article.meta.date else ""
        return Markup(
            f'<a href="{link(article_path(article))}">{escape_text(article.id)}</a> '
            f'<span class="px-origin">{escape_text(article.meta.outlet or "outlet unknown")}{date}</span>'
        )

    def text_of(article: Article) -> Markup:
        return render_text(article, site.corpus.highlights_in(article.id), site, entity_link)

    content = _ENV.get_template(template).render(
        corpus=site.corpus,
        site=site,
        link=link,
        entity_link=entity_link,
        article_ref=article_ref,
        article_path=article_path,
        story_path=story_path,
        entity_path=entity_path,
        opening_words=opening_words,
        safe_url=safe_url,
        render_text=text_of,
        type_labels=TYPE_LABELS,
        outlet_path=outlet_path,
        entity_named_by=functools.partial(entity_named_by, site.corpus),
        **context,
    )
    return Page(path, content)


@functools.cache
def relative_url(source: str, target: str, directory_urls: bool = True) -> str:
    """URL of the page built from `target`, relative to the page built from `source`."""
    source_url, target_url = _url(source, directory_urls), _url(target, directory_urls)
    source_dir = (
        source_url if source_url.endswith("/") or not source_url else posixpath.dirname(source_url) + "/"
    )
    source_parts = [part for part in source_dir.split("/") if part]
    target_parts = target_url.split("/")
    common = 0
    while (
        common < min(len(source_parts), len(target_parts) - 1)
        and source_parts[common] == target_parts[common]
    ):
        common += 1
    relative = "../" * (len(source_parts) - common) + "/".join(target_parts[common:])
    return relative or "./"


def _url(path: str, directory_urls: bool) -> str:
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return f"{stem}/" if directory_urls else f"{stem}.html"


def opening_words(article: Article, count: int = 12) -> str:
    words = article.text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


@dataclass(frozen=True, slots=True)
class _Span:
    """Markup around [start, end) of the text; split into pieces where other spans begin or end."""

    start: int
    end: int
    open: str
    close: str
    anchor: str = ""
    """Attribute text added to the first piece only (the id a link can point at)."""
    after: str = ""
    """HTML placed after the last piece (a note's reference number)."""


def render_text(article: Article, highlights: Sequence[Highlight], site: Site, entity_link: object) -> Markup:
    """The article's paragraphs as escaped HTML: entity mentions linked, highlights marked, notes beside."""
    numbered = list(enumerate(highlights, start=1))
    highlight_spans = [
        _Span(h.start, h.end, '<mark class="px-highlight"{anchor}>', "</mark>", f' id="highlight-{n}"',
              f'<sup class="px-note-ref"><a href="#note-{n}">{n}</a></sup>')
        for n, h in numbered
    ]  # fmt: skip
    quote_spans = []
    for quote in site.corpus.quotes_in(article.id):
        speaker = site.corpus.entity(quote.speaker) if quote.speaker else None
        title = f"Quote from {speaker.name}" if speaker else "Quote, unattributed"
        quote_spans.append(
            _Span(
                quote.start,
                quote.end,
                f'<span class="px-quote"{{anchor}} title="{escape_text(title)}">',
                "</span>",
                f' id="{site.quote_anchor(quote)}"',
            )
        )
    paragraph_starts = [paragraph.start for paragraph in article.paragraphs]
    mention_spans: list[list[_Span]] = [[] for _ in article.paragraphs]
    for mention in site.corpus.mentions_in(article.id):
        entity = site.corpus.entity(mention.entity)
        if entity is None or not paragraph_starts:
            continue
        kind, _ = TYPE_LABELS[entity.type]
        title = f"{kind}: {entity.name}" + (f" — {entity.description}" if entity.description else "")
        href = entity_link(entity)  # type: ignore[operator]
        # Material's instant preview: hovering or focusing the name shows the top of its page.
        preview = " data-preview" if site.has_page(entity) else ""
        index = bisect.bisect_right(paragraph_starts, mention.start) - 1  # a name never spans paragraphs
        mention_spans[index].append(
            _Span(
                mention.start,
                mention.end,
                f'<a class="px-entity px-{entity.type.value}"{{anchor}} href="{href}" '
                f'title="{escape_text(title)}" data-entity="{entity.id}"{preview}>',
                "</a>",
                f' id="{site.anchor(mention)}"',
            )
        )
    out: list[str] = []
    for number, paragraph in enumerate(article.paragraphs, start=1):
        inside = [
            s for s in (*highlight_spans, *quote_spans) if s.start < paragraph.end and s.end > paragraph.start
        ]
        inside.extend(mention_spans[number - 1])
        out.append(f'<p id="p-{number}">{_marked(article.text, paragraph.start, paragraph.end, inside)}</p>')
        out.extend(_note(n, h) for n, h in numbered if paragraph.start <= h.start < paragraph.end)
    return Markup("\n".join(out))


def _marked(text: str, start: int, end: int, spans: list[_Span]) -> str:
    """Escaped text of [start, end) with each span's markup around its part, properly nested.

    Spans open outermost-first (longer first; highlights before mentions on ties). Where one
    span ends inside another that opened later, the inner one is closed and reopened after.
    """
    # Sorted once by where each span starts here, longest first; a sweep then opens them in order.
    ranked = sorted(
        enumerate(spans), key=lambda item: (max(item[1].start, start), -min(item[1].end, end), item[0])
    )
    opening = [span for _, span in ranked]
    next_open = 0
    points = sorted({start, end, *(min(end, max(start, p)) for s in spans for p in (s.start, s.end))})
    out: list[str] = []
    stack: list[_Span] = []
    pending: list[str] = []  # note references wait until no span is open (a link never nests in a link)
    for index, position in enumerate(points):
        ending = [span for span in stack if min(span.end, end) == position] if stack else []
        if ending:
            reopen: list[_Span] = []
            while ending:
                span = stack.pop()
                out.append(span.close)
                if span in ending:
                    ending.remove(span)
                    if span.end <= end and span.after:
                        pending.append(span.after)
                else:
                    reopen.append(span)
            for span in reversed(reopen):
                out.append(span.open.replace("{anchor}", ""))
                stack.append(span)
        if not stack and pending:
            out.extend(pending)
            pending.clear()
        if index == len(points) - 1:
            break
        following = points[index + 1]
        while next_open < len(opening) and max(opening[next_open].start, start) == position:
            span = opening[next_open]
            next_open += 1
            if span.end > position:
                out.append(span.open.replace("{anchor}", span.anchor if span.start == position else ""))
                stack.append(span)
        out.append(str(escape_text(text[position:following])))
    return "".join(out + pending)


def _note(number: int, highlight: Highlight) -> str:
    tags = "".join(f' <span class="px-tag">{escape_text(tag)}</span>' for tag in highlight.tags)
    return (
        f'<aside class="px-note" id="note-{number}"><a href="#highlight-{number}">Note {number}</a> '
        f"{escape_text(highlight.note)}{tags} "
        f'<span class="px-origin">({escape_text(highlight.origin)})</span></aside>'
    )
