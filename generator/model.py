"""The plain data every stage passes on: frozen dataclasses, no behaviour beyond lookups.

Offsets (`start`, `end`) are character offsets into `Article.text`, the cleaned body the site
shows and `articles.json` exports.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with an input, reported to the researcher; never fatal on its own."""

    path: str
    """Posix path relative to the project root (or as given), e.g. `seeds/001.txt`."""
    message: str
    severity: Severity = Severity.WARNING
    line: int | None = None
    """1-based line, when the problem has one."""
    column: int | None = None
    """1-based column, when the problem has one."""

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.severity.value}: {self.message}"


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the source that is not part of the article's text, kept for transparency."""

    text: str
    reason: str
    """Why it was removed: `share prompt`, `disclaimer`, `copyright`, ..."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the source (or the researcher) says about an article. `None` means unknown."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    """ISO 8601 date, `YYYY-MM-DD`."""
    dateline: str | None = None
    url: str | None = None
    labels: tuple[tuple[str, str], ...] = ()
    """Header labels such as `("Region", "Middle East & North Africa")`."""


METADATA_FIELDS = ("title", "outlet", "author", "date", "dateline", "url")

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "guid", "uuid"),
    "text": ("text", "content", "body", "article", "maintext"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "date": ("date", "published", "published_at", "publish_date", "pubdate", "date_publish"),
    "outlet": ("outlet", "source", "domain", "publisher", "site", "sitename", "source_domain"),
    "author": ("author", "authors", "byline"),
}
"""The columns of a dataset that hold each field, first found wins; `annotations/import.yml` may
name others."""


@dataclass(frozen=True, slots=True)
class ImportSettings:
    """How datasets and folders in seeds/ are read (`annotations/import.yml`)."""

    columns: dict[str, tuple[str, ...]]
    folder_is_outlet: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    """Stable id derived from the source path; names the page and the annotation file."""
    source: str
    """Input path relative to the project root, posix style."""
    text: str
    """The cleaned body: paragraphs joined by a blank line."""
    paragraphs: tuple[Paragraph, ...]
    meta: Metadata
    removed: tuple[Removed, ...] = ()
    origins: tuple[tuple[str, str], ...] = ()
    """For each metadata field that is known: where the value came from (`text` or a YAML file:line)."""

    @property
    def words(self) -> int:
        return len(self.text.split())

    def origin(self, name: str) -> str | None:
        return dict(self.origins).get(name)


@dataclass(frozen=True, slots=True)
class Outlet:
    """A publication: named by its articles, described by the researcher in `annotations/outlets.yml`."""

    id: str
    """Names its page, `outlets/<id>/`: the name made into a slug."""
    name: str
    aliases: tuple[str, ...] = ()
    """Other names the articles give it, and web domains (`bbc.co.uk`)."""
    domains: tuple[str, ...] = ()
    """Lower case, without `www.`: an article with no outlet whose URL is on one of them gets this outlet."""
    country: str | None = None
    language: str | None = None
    owner: str | None = None
    homepage: str | None = None
    notes: str | None = None
    ratings: tuple[tuple[str, str], ...] = ()
    """(key, value), exactly as the researcher wrote them; Parallax never rates an outlet."""
    origin: str = ""
    """`annotations/outlets.yml:<line>`; empty when only the articles name it."""
    by_domain: tuple[tuple[str, str], ...] = ()
    """(article id, domain) for each article that has this outlet only from its URL's domain."""
    renamed: tuple[tuple[str, str], ...] = ()
    """(article id, the outlet as the article gave it) for each article that named it by an alias."""


@dataclass(frozen=True, slots=True)
class Highlight:
    """A researcher's note on a passage, located in the article's text."""

    article: str
    start: int
    end: int
    note: str
    tags: tuple[str, ...] = ()
    origin: str = ""
    """`annotations/articles/<id>.yml:<line>`: where the researcher wrote it."""


class EntityType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name the extractor found in one article (before resolution across the corpus)."""

    start: int
    end: int
    text: str
    type: EntityType
    rule: str = "model"
    """What found or corrected it: `model`, `dateline`, `role`, `place noun`, `known type`..."""


@dataclass(frozen=True, slots=True)
class Extraction:
    """Stage 2's result for one article: a pure function of (text, model, rules version)."""

    article: str
    candidates: tuple[Candidate, ...]
    sentences: tuple[tuple[int, int], ...]
    acronyms: tuple[tuple[str, str], ...] = ()
    """(long form, acronym) pairs the text defines, e.g. ("Libyan National Army", "LNA")."""
    unpunctuated: bool = False
    """The text has almost no punctuation (a stripped copy), so the model's names may run together."""


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    """Every surface form that names it, as the sources write them."""
    description: str | None = None
    links: tuple[tuple[str, str], ...] = ()
    why: tuple[str, ...] = ()
    """How its aliases were merged, one line per decision (machine or researcher)."""
    curated: bool = False
    typed_by: tuple[str, ...] = ()
    """Why it has its type, one line per kind of evidence: the model's labels, the rules that read
    the text, the gazetteer, or the researcher's `type:`."""


@dataclass(frozen=True, slots=True)
class Mention:
    article: str
    start: int
    end: int
    text: str
    entity: str
    sentence: int
    """Index into the article's sentences."""
    descriptors: tuple[str, ...] = ()
    """Titles and labels next to the mention: `Field Marshal`, `military strongman`..."""


@dataclass(frozen=True, slots=True)
class Quote:
    """Words an article puts in quotation marks, and who it says spoke or wrote them."""

    article: str
    start: int
    end: int
    """The quoted words, inside the quotation marks."""
    text: str
    speaker_start: int | None = None
    speaker_end: int | None = None
    """The words that name the speaker ("Guterres", "A White House statement", "he"), if any."""
    cue: str = ""
    """How the speaker was found: `said after`, `said before`, `colon`, `according to`, `pronoun`..."""
    speaker: str | None = None
    """The speaker's entity id, set once names are resolved; `None` when the text names nobody."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number an article states, with what it counts ("over 500" people "killed")."""

    article: str
    start: int
    end: int
    """The number as written, with its qualifier: `over 500`, `75,000`, `six`, `$1.2bn`, `40%`."""
    text: str
    value: float | None
    """The number itself (500, 75000, 6, 1.2e9, 40); `None` for "dozens", "hundreds"."""
    unit: str
    """What it counts, folded to compare across articles: `patrol boat`, `people killed`, `percent`."""
    context: str
    """The words around it that say what it counts, as written: `six patrol boats`."""
    approximate: bool = False
    """`about`, `over`, `nearly`, `at least`, `dozens`..."""


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date an article mentions ("on 4 April", "in 2014"), resolved where the text allows it."""

    article: str
    start: int
    end: int
    text: str
    date: str | None
    """ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` when it cannot be placed ("on Friday" in an
    article without a date)."""


@dataclass(frozen=True, slots=True)
class Copy:
    """`article` is substantially the same text as `original`."""

    article: str
    original: str
    overlap: float
    """Share of the shorter text's word 5-grams found in the other, 0..1."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A span of one article's text."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Reuse:
    """Two articles that share passages of text, each passage aligned with its counterpart."""

    first: str
    second: str
    """When dates tell, `first` is the earlier article: the likely source."""
    overlap: float
    """Share of the shorter text's word 5-grams found in the other, 0..1."""
    passages: tuple[tuple[Passage, Passage], ...]
    """(in `first`, in `second`), in the order of `first`'s text."""
    copy: bool = False
    """One is substantially the other's text (see `Copy`)."""
    dated: bool = False
    """`first` is earlier by the articles' dates (else the order is only by id)."""


@dataclass(frozen=True, slots=True)
class QuoteVersion:
    """One article's version of a quote that several articles carry."""

    article: str
    start: int
    end: int
    quoted: bool = True
    """False when the article has the words without quotation marks (a copy that lost them)."""
    trimmed: bool = False
    """It carries only part of the group's fullest version."""
    altered: bool = False
    """Its wording differs from the fullest version where they overlap (spelling, words)."""


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """The same quote across articles: verbatim, trimmed or altered."""

    id: str
    versions: tuple[QuoteVersion, ...]
    """The fullest version first (the reference the others are compared with)."""
    speaker: str | None = None
    """The entity most versions attribute it to."""


@dataclass(frozen=True, slots=True)
class TermUse:
    """One place an article writes a shared term, in quotation marks or in its own voice."""

    article: str
    start: int
    end: int
    """From the term's first word to its last, as this article writes them."""
    quoted: bool
    """Inside quotation marks (its own scare quotes or a quote it reports); False: adopted plainly."""


@dataclass(frozen=True, slots=True)
class SharedTerm:
    """A short quote ("political trial") that several sources carry word for word."""

    id: str
    words: str
    """The words compared, folded: lower case, punctuation aside (`political trial`)."""
    text: str
    """The first quote of the term (in article order), as written: `political trial`."""
    uses: tuple[TermUse, ...]
    """Every use, in article order, then text order."""


@dataclass(frozen=True, slots=True)
class Coverage:
    """Who names whom: mention counts of the most-named entities per article, and the gaps."""

    entities: tuple[str, ...]
    """Entity ids, most articles first: the rows of the matrix."""
    articles: tuple[str, ...]
    """Article ids: the columns."""
    counts: dict[tuple[str, str], int]
    """(entity id, article id) -> mentions."""
    exclusive: dict[str, tuple[str, ...]]
    """Article id -> the entities no other article names (copies of it aside)."""
    missing: dict[str, tuple[str, ...]]
    """Entity id (of `entities`) -> the articles that never name it."""


@dataclass(frozen=True, slots=True)
class Labels:
    """How each outlet labels one entity: the titles and descriptors next to its name."""

    entity: str
    by_outlet: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    """(outlet, ((label, count), ...)), outlets in name order, labels most used first."""


@dataclass(frozen=True, slots=True)
class PairStatement:
    """Sentences that name two entities together, for the most co-mentioned pairs."""

    first: str
    second: str
    sentences: tuple[tuple[str, int], ...]
    """(article id, sentence index) of every sentence naming both."""


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Figures that count the same thing across articles; `disagree` when the values differ."""

    unit: str
    figures: tuple[Figure, ...]
    disagree: bool = False


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that tell one story: comparing sources only makes sense within one."""

    id: str
    name: str
    articles: tuple[str, ...]
    origin: str
    """`annotations/stories.yml:<line>`, or `grouped automatically`."""
    description: str | None = None
    comparison: Comparison | None = None
    """The story's own comparison, when the corpus holds more than one story."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """Stage 4's result: everything the comparison page and its downloads show."""

    reuse: tuple[Reuse, ...] = ()
    quote_groups: tuple[QuoteGroup, ...] = ()
    terms: tuple[SharedTerm, ...] = ()
    """Short quotes that several sources carry, apart from the quote groups."""
    coverage: Coverage | None = None
    labels: tuple[Labels, ...] = ()
    pairs: tuple[PairStatement, ...] = ()
    figures: tuple[FigureGroup, ...] = ()
    stories: tuple[Story, ...] = ()
    """Empty when the corpus is one story."""
    unstoried: tuple[str, ...] = ()
    """With several stories: the articles that share a story with no other article."""
    provenance: Provenance | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Corpus:
    """Everything the pages are rendered from; built with keywords, since most fields are tuples
    that a positional call could put in the wrong place without a type error."""

    articles: tuple[Article, ...]
    highlights: tuple[Highlight, ...] = ()
    copies: tuple[Copy, ...] = ()
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    sentences: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    comparison: Comparison = field(default_factory=Comparison)
    outlets: tuple[Outlet, ...] = ()
    """Every outlet an article names or `outlets.yml` describes, by name."""
    _by_id: dict[str, Article] = field(init=False, repr=False, compare=False)
    _entities: dict[str, Entity] = field(init=False, repr=False, compare=False)
    _mentions_in: dict[str, list[Mention]] = field(init=False, repr=False, compare=False)
    _mentions_of: dict[str, list[Mention]] = field(init=False, repr=False, compare=False)
    _copy_of: dict[str, Copy] = field(init=False, repr=False, compare=False)
    _copies_of: dict[str, list[Copy]] = field(init=False, repr=False, compare=False)
    _highlights_in: dict[str, list[Highlight]] = field(init=False, repr=False, compare=False)
    _quotes_in: dict[str, list[Quote]] = field(init=False, repr=False, compare=False)
    _quotes_by: dict[str, list[Quote]] = field(init=False, repr=False, compare=False)
    _group_of: dict[tuple[str, int], QuoteGroup] = field(init=False, repr=False, compare=False)
    _labels: dict[str, Labels] = field(init=False, repr=False, compare=False)
    _outlets: dict[str, Outlet] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {article.id: article for article in self.articles})
        object.__setattr__(self, "_entities", {entity.id: entity for entity in self.entities})
        mentions_in: dict[str, list[Mention]] = {}
        mentions_of: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            mentions_in.setdefault(mention.article, []).append(mention)
            mentions_of.setdefault(mention.entity, []).append(mention)
        object.__setattr__(self, "_mentions_in", mentions_in)
        object.__setattr__(self, "_mentions_of", mentions_of)
        object.__setattr__(self, "_copy_of", {copy.article: copy for copy in self.copies})
        copies_of: dict[str, list[Copy]] = {}
        for copy in self.copies:
            copies_of.setdefault(copy.original, []).append(copy)
        object.__setattr__(self, "_copies_of", copies_of)
        highlights_in: dict[str, list[Highlight]] = {}
        for highlight in sorted(self.highlights, key=lambda h: (h.start, h.end)):
            highlights_in.setdefault(highlight.article, []).append(highlight)
        object.__setattr__(self, "_highlights_in", highlights_in)
        quotes_in: dict[str, list[Quote]] = {}
        quotes_by: dict[str, list[Quote]] = {}
        for quote in sorted(self.quotes, key=lambda q: (q.article, q.start)):
            quotes_in.setdefault(quote.article, []).append(quote)
            if quote.speaker:
                quotes_by.setdefault(quote.speaker, []).append(quote)
        object.__setattr__(self, "_quotes_in", quotes_in)
        object.__setattr__(self, "_quotes_by", quotes_by)
        object.__setattr__(
            self,
            "_group_of",
            {(v.article, v.start): group for group in self.comparison.quote_groups for v in group.versions},
        )
        object.__setattr__(self, "_labels", {labels.entity: labels for labels in self.comparison.labels})
        object.__setattr__(self, "_outlets", {outlet.name: outlet for outlet in self.outlets})

    def entity(self, entity_id: str) -> Entity | None:
        return self._entities.get(entity_id)

    def mentions_in(self, article_id: str) -> Sequence[Mention]:
        """In text order."""
        return self._mentions_in.get(article_id, [])

    def mentions_of(self, entity_id: str) -> Sequence[Mention]:
        """In article order, then text order."""
        return self._mentions_of.get(entity_id, [])

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def get(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)

    def copy_of(self, article_id: str) -> Copy | None:
        return self._copy_of.get(article_id)

    def copies_of(self, article_id: str) -> Sequence[Copy]:
        return self._copies_of.get(article_id, [])

    def quotes_in(self, article_id: str) -> Sequence[Quote]:
        """In text order."""
        return self._quotes_in.get(article_id, [])

    def quotes_by(self, entity_id: str) -> Sequence[Quote]:
        """The quotes attributed to the entity, in article order."""
        return self._quotes_by.get(entity_id, [])

    def quote_group(self, article_id: str, start: int) -> QuoteGroup | None:
        """The group of the quote (or unmarked version) starting at `start` in the article."""
        return self._group_of.get((article_id, start))

    def outlet(self, name: str) -> Outlet | None:
        """The outlet of this name (an article's `meta.outlet`)."""
        return self._outlets.get(name)

    def labels_of(self, entity_id: str) -> Labels | None:
        return self._labels.get(entity_id)

    def highlights_in(self, article_id: str) -> Sequence[Highlight]:
        """In text order; the page numbers highlights in this order."""
        return self._highlights_in.get(article_id, [])


@dataclass(frozen=True, slots=True)
class Page:
    """A file the generator owns, relative to the docs directory."""

    path: str
    content: str


class LinkKind(StrEnum):
    COPY = "copy"
    REUSE = "reuse"
    CREDIT = "credit"


@dataclass(frozen=True, slots=True)
class Credit:
    """An article presenting itself as a news agency's story; or, `form` `cited`, citing one."""

    article: str
    agency: str
    form: str
    """`dateline`, `byline`, `closing credit`, `outlet`; `cited`: a source for a fact, not a copy."""
    text: str


@dataclass(frozen=True, slots=True)
class Derivation:
    """`derived` takes its text from `source` (copy, reuse), or both are one agency's (credit)."""

    source: str
    derived: str
    kind: LinkKind
    share: float | None
    """Share of `derived`'s words in the passages taken from `source`; None for a credit."""
    evidence: str
    guess: bool
    passages: tuple[tuple[Passage, Passage], ...] = ()
    decided: str = ""


@dataclass(frozen=True, slots=True)
class Account:
    id: str
    origin: str
    articles: tuple[str, ...]
    credited_to: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Provenance:
    accounts: tuple[Account, ...] = ()
    links: tuple[Derivation, ...] = ()
    cut: tuple[Derivation, ...] = ()
    credits: tuple[Credit, ...] = ()
