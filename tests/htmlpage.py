"""Read built HTML pages in tests: the elements, attributes and visible text of a region."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]


@dataclass
class ParsedPage:
    elements: list[Element] = field(default_factory=list)
    """Every start tag inside the region."""
    text: str = ""
    """Visible text inside the region, entities decoded, white space folded."""
    all_elements: list[Element] = field(default_factory=list)
    """Every start tag in the whole page."""


_BLOCKS = {
    "p",
    "div",
    "td",
    "th",
    "tr",
    "li",
    "br",
    "h1",
    "h2",
    "h3",
    "aside",
    "summary",
    "table",
    "ul",
    "ol",
}


class _Parser(HTMLParser):
    def __init__(self, region_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.region_class = region_class
        self.depth = 0
        self.page = ParsedPage()
        self.chunks: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.page.all_elements.append(element)
        if self.depth:
            self.page.elements.append(element)
            if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr"):
                self.depth += 1
        elif self.region_class in element.attrs.get("class", "").split():
            self.depth = 1
        if tag in ("script", "style"):
            self.skip += 1
        if tag in _BLOCKS:
            self.chunks.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if self.depth:
            self.depth -= 1
        if tag in _BLOCKS:
            self.chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.chunks.append(data)


def parse_page(path: Path, region_class: str = "md-content__inner") -> ParsedPage:
    """Parse `path`; the region is the element with `region_class` (Material's article body)."""
    return parse_html(path.read_text("utf-8"), region_class)


def parse_html(html: str, region_class: str = "md-content__inner") -> ParsedPage:
    parser = _Parser(region_class)
    parser.feed(html)
    parser.close()
    parser.page.text = " ".join("".join(parser.chunks).split())
    return parser.page
