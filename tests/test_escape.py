"""Hostile article text and YAML through a real MkDocs build: nothing in them takes effect.

The test site enables the Markdown extensions a researcher is most likely to add (snippets,
abbreviations, footnotes, magic links...), so escaping must hold beyond the stock config.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.render.escape import escape_text, safe_url
from tests.htmlpage import parse_page

# Tags the generator itself emits inside the article body; anything else came from a payload.
GENERATED_TAGS = {
    "h1", "h2", "table", "thead", "tbody", "tr", "th", "td", "div", "p", "span", "code", "a", "mark",
    "sup", "aside", "details", "summary", "ul", "ol", "li", "br", "strong",
}  # fmt: skip
DANGEROUS_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)


def article_pages(root: Path) -> list[Path]:
    pages = sorted((root / "site" / "articles").glob("*/index.html"))
    assert len(pages) == 4
    return pages


def test_no_payload_element_or_attribute_in_article_pages(hostile_site: Path) -> None:
    for html in article_pages(hostile_site):
        page = parse_page(html)
        assert {e.tag for e in page.elements} <= GENERATED_TAGS, html
        for element in page.all_elements:
            for name, value in element.attrs.items():
                assert not name.startswith("on"), (html, element)
                assert not DANGEROUS_URL.match(value), (html, element)
                assert "evil.example" not in value, (html, element)


def test_no_file_content_leaks_through_snippets(hostile_site: Path) -> None:
    for html in [*article_pages(hostile_site), hostile_site / "site" / "index.html"]:
        text = html.read_text("utf-8")
        assert "markdown_extensions" not in text
        assert "make test" not in text  # .ci/run


def test_text_still_reads_as_the_article_wrote_it(hostile_site: Path) -> None:
    html = parse_page(hostile_site / "site" / "articles" / "001_html" / "index.html")
    assert "<script>document.title='pwned'</script> to discuss the crisis." in html.text
    assert (
        "<!-- an HTML comment that would hide the rest -->Text after the comment must stay visible."
        in html.text
    )
    assert "an entity &lt;script&gt; written as text." in html.text
    md = parse_page(hostile_site / "site" / "articles" / "002_markdown" / "index.html")
    assert '--8<-- "mkdocs.yml"' in md.text
    assert 'Template syntax {{ config.site_name }} and {% include "x" %} and {# comment #}' in md.text
    assert '!!! danger "Fake admonition from the article"' in md.text
    assert "*[HTML]: Hijacked abbreviation definition" in md.text
    assert "The report said click here and were found" in md.text  # link reduced to its words
    control = parse_page(hostile_site / "site" / "articles" / "003_control" / "index.html")
    assert "placeholder wzxhzdk:0 and klzzwxh:0001 must not resolve" in control.text
    assert "# Heading injection" in control.text


def test_title_byline_and_yaml_values_are_escaped(hostile_site: Path) -> None:
    raw = (hostile_site / "site" / "articles" / "001_html" / "index.html").read_text("utf-8")
    head = raw.split("</head>")[0]
    assert "<script>alert" not in head
    page = parse_page(hostile_site / "site" / "articles" / "001_html" / "index.html")
    assert page.text.startswith(
        "Breaking: <script>alert('title')</script> Officials <img src=x onerror=alert(1)> Meet"
    )
    yaml_page = parse_page(hostile_site / "site" / "articles" / "002_markdown" / "index.html")
    assert "Override <script>alert('yaml')</script> [x](javascript:alert(13)) {{ config }}" in yaml_page.text
    assert "<img src=x onerror=alert(14)> Outlet" in yaml_page.text
    assert "<script>alert('note')</script> *[HTML]: abbr {: onclick=alert(15) }" in yaml_page.text


def test_only_http_urls_become_links(hostile_site: Path) -> None:
    page = parse_page(hostile_site / "site" / "articles" / "004_dangerous_urls" / "index.html")
    assert "Source URL unknown" in page.text  # `URL: javascript:...` is not taken as a URL
    hrefs = [e.attrs.get("href", "") for e in page.elements if e.tag == "a"]
    assert not any("example.org" in href for href in hrefs)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        ("data:text/html;base64,xx", None),
        ("//evil.example/x", None),
        ("https://", None),
        ("https://exa mple.org", None),
        ('https://example.org/"onmouseover="x', None),
        (None, None),
    ],
)
def test_safe_url(value: str | None, expected: str | None) -> None:
    assert safe_url(value) == expected


def test_escape_text_leaves_no_markup_characters() -> None:
    escaped = str(escape_text("<a href='x'>[y](z) {{ j }} --8<-- \x02wzxhzdk:1\x03 & \n next"))
    assert re.search(r"[<>\[\]{}'\"\x00-\x1f]", escaped) is None
    assert escaped == (
        "&#60;a href&#61;&#39;x&#39;&#62;&#91;y&#93;&#40;z&#41; &#123;&#123; j &#125;&#125; "
        "&#45;&#45;8&#60;&#45;&#45; wzxhzdk&#58;1 &#38;   next"
    )
