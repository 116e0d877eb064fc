"""What the pages say about provenance: where an article's text comes from, who echoes it, how
many independent accounts carry a count, and the accounts diagram (static SVG drawn at build
time: accounts as columns, articles as nodes, links as labelled arrows).

Part of stage 5 (render): pure, every label escaped. The diagram stays readable from 5 articles
to hundreds: at most `MAX_COLUMNS` columns (the largest accounts; the rest summed up in the last
one) of at most `MAX_ROWS` articles each; the tables below it hold every account and link.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.model import Account, Article, Corpus, Credit, Derivation, LinkKind, Provenance
from generator.render.escape import Markup, escape_text
from generator.render.svg import INK, open_svg, shorten

MAX_COLUMNS = 6
"""Accounts drawn as columns; above this, the last column lists the others, one line each."""
MAX_ROWS = 12
"""Articles drawn per column; the rest are counted at its foot."""
MAX_LISTED = 100
"""Accounts of several articles listed in the table; provenance.json has them all."""
MAX_SINGLES = 200
"""Accounts of one article listed by name below the table."""
MAX_LINKS = 200
"""Links listed in the table."""

COLUMN = 224
NODE_HEIGHT = 34
ROW = 46
INDENT = 60
"""How far a derived article sits right of its source: room for the arrow's label."""
HEADER = 52
MARGIN = 10
_DEPTH = 2
"""Deeper derivations are drawn at this depth."""


@dataclass(frozen=True, slots=True)
class Node:
    """An article in the diagram, in tree order: how deep it is drawn, and the link it hangs from."""

    article: Article
    depth: int
    parent: Derivation | None


class ProvenanceView:
    """The provenance of one story (or, on article and entity pages, of the whole corpus)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.provenance = corpus.comparison.provenance or Provenance()
        found = self.provenance
        self._account_of = {a: account for account in found.accounts for a in account.articles}
        self._sources: dict[str, list[Derivation]] = {}
        self._echoes: dict[str, list[Derivation]] = {}
        for link in found.links:
            self._sources.setdefault(link.derived, []).append(link)
            self._echoes.setdefault(link.source, []).append(link)
        self._credits: dict[str, list[Credit]] = {}
        for credit in found.credits:
            self._credits.setdefault(credit.article, []).append(credit)

    # -- per article --------------------------------------------------------------------------

    def account_of(self, article_id: str) -> Account | None:
        return self._account_of.get(article_id)

    def sources_of(self, article_id: str) -> Sequence[Derivation]:
        """The links this article derives by: where its text comes from."""
        return self._sources.get(article_id, [])

    def echoes_of(self, article_id: str) -> Sequence[Derivation]:
        """The links other articles derive from this one by: who echoes it."""
        return self._echoes.get(article_id, [])

    def credits_of(self, article_id: str) -> list[tuple[str, list[Credit]]]:
        """(agency, the credits that name it) for each agency the article is credited to."""
        return _by_agency(c for c in self._credits.get(article_id, ()) if c.form != "cited")

    def cited_in(self, article_id: str) -> list[Credit]:
        """The agencies the article only cites, each with its first citing words."""
        return [c for c in self._credits.get(article_id, ()) if c.form == "cited"]

    def anchor(self, account: Account) -> str:
        """The account's row on its comparison page; the provenance section for an account of one
        article, or one past the table's `MAX_LISTED` rows (ids number the largest first)."""
        number = int(re.sub(r"\D", "", account.id) or 0)
        listed = len(account.articles) > 1 and number <= MAX_LISTED
        return f"account-{account.id}" if listed else "provenance"

    # -- counts across sources ----------------------------------------------------------------

    def accounts_among(self, article_ids: Iterable[str]) -> int:
        """How many independent accounts these articles are (one each for an article in none)."""
        found: set[str] = set()
        for article_id in article_ids:
            account = self._account_of.get(article_id)
            found.add(account.origin if account is not None else article_id)
        return len(found)

    def carried(self, article_ids: Iterable[str]) -> str:
        """`6 articles, 2 independent accounts`."""
        ids = set(article_ids)
        accounts = self.accounts_among(ids)
        return (
            f"{len(ids)} article{'s' if len(ids) != 1 else ''}, "
            f"{accounts} independent account{'s' if accounts != 1 else ''}"
        )

    # -- the comparison page ------------------------------------------------------------------

    @functools.cached_property
    def listed_accounts(self) -> tuple[list[Account], int]:
        """The accounts of several articles to list (at most `MAX_LISTED`), and how many there are."""
        found = [a for a in self.provenance.accounts if len(a.articles) > 1]
        return found[:MAX_LISTED], len(found)

    @functools.cached_property
    def single_accounts(self) -> tuple[list[Account], int]:
        """The accounts of one article to name (at most `MAX_SINGLES`), and how many there are."""
        found = [a for a in self.provenance.accounts if len(a.articles) == 1]
        return found[:MAX_SINGLES], len(found)

    def links(self) -> tuple[Sequence[Derivation], int]:
        return self.provenance.links[:MAX_LINKS], len(self.provenance.links)

    def diagram(self) -> Markup:
        """Accounts as columns (the largest first), articles as boxes under their origin, each
        derived article hanging from its source by an arrow labelled with the link."""
        accounts = self.provenance.accounts
        if not accounts:
            return Markup("")
        drawn = list(accounts) if len(accounts) <= MAX_COLUMNS else list(accounts[: MAX_COLUMNS - 1])
        rest = list(accounts[len(drawn) :])
        columns = [self._nodes(account) for account in drawn]
        rows = max([min(len(nodes), MAX_ROWS + 1) for nodes in columns] + [min(len(rest), MAX_ROWS + 1)])
        width = MARGIN * 2 + COLUMN * (len(drawn) + (1 if rest else 0))
        height = HEADER + ROW * rows + 30
        articles = sum(len(account.articles) for account in accounts)
        title = (
            f"Provenance: {len(accounts)} independent account{'s' if len(accounts) != 1 else ''} "
            f"among {articles} article{'s' if articles != 1 else ''}"
        )
        parts = [open_svg("px-provenance-map", "provenance-title", title, width, height), _ARROW]
        for index, (account, nodes) in enumerate(zip(drawn, columns, strict=True)):
            parts.extend(_column(MARGIN + COLUMN * index, account, nodes))
        if rest:
            parts.extend(self._rest(MARGIN + COLUMN * len(drawn), rest))
        legend = "Solid arrow: dated, or confirmed by the researcher. Dashed: which came first is a guess."
        parts.append(_text(MARGIN, height - 10, legend))
        parts.append("</svg>")
        return Markup("".join(parts))

    def _nodes(self, account: Account) -> list[Node]:
        """The account's articles in tree order: each hangs from the first link it derives by."""
        members = set(account.articles)
        parent: dict[str, Derivation] = {}
        children: dict[str, list[str]] = {}
        for article_id in account.articles:
            link = next((lk for lk in self.sources_of(article_id) if lk.source in members), None)
            if link is not None and article_id != account.origin:
                parent[article_id] = link
                children.setdefault(link.source, []).append(article_id)
        order: list[Node] = []
        placed: set[str] = set()
        # Depth first from the origin and the other roots; then any article left (in a cycle the
        # researcher's decisions made), drawn without the arrow that closes the cycle.
        for entry in [a for a in account.articles if a not in parent] + list(account.articles):
            stack = [(entry, 0)]
            while stack:
                article_id, depth = stack.pop()
                article = self.corpus.get(article_id)
                if article_id in placed or article is None:
                    continue
                placed.add(article_id)
                order.append(Node(article, min(depth, _DEPTH), parent.get(article_id) if depth else None))
                stack.extend((child, depth + 1) for child in reversed(children.get(article_id, ())))
        return order

    def _rest(self, left: int, rest: Sequence[Account]) -> list[str]:
        """The last column: one line per account not drawn as a column of its own."""
        singles = sum(1 for account in rest if len(account.articles) == 1)
        parts = [_text(left, 16, f"{len(rest)} more accounts", weight=True)]
        if singles:
            parts.append(_text(left, 32, f"{singles} of one article each"))
        for row, account in enumerate(rest[:MAX_ROWS]):
            article = self.corpus.get(account.origin)
            size = len(account.articles)
            lines = (account.origin, f"{size} article{'s' if size != 1 else ''}")
            if article is not None and size == 1:
                lines = (account.origin, _outlet_date(article))
            parts.append(
                _box(left, HEADER + ROW * row, COLUMN - 14, lines, f"Account {account.id}: {account.origin}")
            )
        if len(rest) > MAX_ROWS:
            parts.append(_text(left, HEADER + ROW * MAX_ROWS + 16, f"+ {len(rest) - MAX_ROWS} more"))
        return parts


_ARROW = (
    '<defs><marker id="px-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
    f'orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" fill="{INK}"/></marker></defs>'
)


def _column(left: int, account: Account, nodes: Sequence[Node]) -> list[str]:
    size = len(account.articles)
    credited = "credited to " + ", ".join(account.credited_to) if account.credited_to else "no agency credit"
    parts = [
        _text(left, 16, f"Account {account.id} · {size} article{'s' if size != 1 else ''}", weight=True),
        _text(left, 32, shorten(credited, 34)),
    ]
    shown = nodes[:MAX_ROWS]
    row_of = {node.article.id: row for row, node in enumerate(shown)}
    for row, node in enumerate(shown):
        x, link = left + INDENT * node.depth, node.parent
        tip = node.article.id + (f": {_what(link)} {link.source}" if link else ": the account's origin")
        lines = (node.article.id, _outlet_date(node.article))
        parts.append(_box(x, HEADER + ROW * row, COLUMN - 14 - INDENT * node.depth, lines, tip))
        if link is not None and link.source in row_of:
            source = row_of[link.source]
            parts.append(_arrow(left + INDENT * shown[source].depth, source, x, row, link))
    if len(nodes) > MAX_ROWS:
        parts.append(_text(left, HEADER + ROW * MAX_ROWS + 16, f"+ {len(nodes) - MAX_ROWS} more articles"))
    return parts


def _arrow(source_x: int, source_row: int, x: int, row: int, link: Derivation) -> str:
    """From below the source's left edge, down and right into the derived article, labelled."""
    start = source_x + 6
    top = HEADER + ROW * source_row + NODE_HEIGHT
    middle = HEADER + ROW * row + NODE_HEIGHT / 2
    dash = ' stroke-dasharray="4 3"' if link.guess else ""
    label = link.kind.value + (f" {link.share:.0%}" if link.share is not None else "")
    return (
        f'<path d="M {start} {top} V {middle} H {x - 1}" fill="none" stroke="{INK}" stroke-width="1.5"{dash} '
        'marker-end="url(#px-arrow)"/>' + _text(start + 3, middle - 4, label, size=9)
    )


def _box(x: int, top: int, width: int, lines: tuple[str, str], tip: str) -> str:
    """An article: its id, and its outlet and date below; the tooltip says how it derives."""
    return (
        f'<g><title>{escape_text(tip)}</title><rect x="{x}" y="{top}" width="{width}" height="{NODE_HEIGHT}" '
        f'rx="4" fill="hsl(231, 48%, 96%)" stroke="{INK}"/>'
        + _text(x + 6, top + 14, shorten(lines[0], max(width // 7, 8)), fill="#000")
        + _text(x + 6, top + 28, shorten(lines[1], max(width // 6, 8)), size=10, fill="#000")
        + "</g>"
    )


def _text(x: float, y: float, text: str, size: int = 11, weight: bool = False, fill: str = "") -> str:
    """A label (escaped); coloured by the page's stylesheet, or `fill` inside a light box."""
    style = f' font-size="{size}"' if size != 11 else ""
    style += ' font-weight="bold"' if weight else ""
    kind = f'fill="{fill}"' if fill else 'class="px-label"'
    return f'<text {kind} x="{x:.1f}" y="{y:.1f}"{style}>{escape_text(text)}</text>'


def _outlet_date(article: Article) -> str:
    outlet = article.meta.outlet or "outlet unknown"
    return f"{outlet}, {article.meta.date}" if article.meta.date else outlet


def _what(link: Derivation) -> str:
    if link.kind is LinkKind.COPY:
        return "a copy of"
    if link.kind is LinkKind.REUSE:
        return f"reuses {link.share:.0%} of its text from" if link.share is not None else "reuses"
    return "credited to the same agency as"


def _by_agency(credits: Iterable[Credit]) -> list[tuple[str, list[Credit]]]:
    found: dict[str, list[Credit]] = {}
    for credit in credits:
        found.setdefault(credit.agency, []).append(credit)
    return list(found.items())


def provenance_records(corpus: Corpus) -> dict[str, Any]:
    """`data/provenance.json`: per story (`story` null for a corpus of one story), its independent
    accounts and links. With several stories, an article in none belongs to no story here."""
    comparison = corpus.comparison
    if not comparison.stories:
        return {"stories": [_story_record(None, comparison.provenance or Provenance())]}
    found = [
        (story.id, story.comparison.provenance if story.comparison else None) for story in comparison.stories
    ]
    return {"stories": [_story_record(story, part or Provenance()) for story, part in found]}


def _story_record(story: str | None, found: Provenance) -> dict[str, Any]:
    return {
        "story": story,
        "independent_accounts": len(found.accounts),
        "accounts": [
            {"id": account.id, "origin": account.origin, "credited_to": list(account.credited_to),
             "articles": list(account.articles)}
            for account in found.accounts
        ],
        "links": [
            {"from": link.source, "to": link.derived, "kind": link.kind.value, "share": link.share,
             "evidence": link.evidence, "guess": link.guess}
            for link in found.links
        ],
    }  # fmt: skip
