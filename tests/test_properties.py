"""Property-based tests: for any text, ingestion and rendering hold their promises.

The generated Markdown goes through Python-Markdown with the site's extensions plus the risky
ones a researcher might add; whatever the input, the page shows its words and nothing else.
"""

from __future__ import annotations

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.load.decode import NotText, decode_bytes, normalize_text
from generator.load.seeds import parse_article
from generator.model import Corpus, Highlight
from generator.render.pages import render_pages
from tests.htmlpage import parse_html
from tests.test_escape import GENERATED_TAGS

EXTENSIONS = [
    "admonition", "attr_list", "md_in_html", "tables", "toc", "abbr", "def_list", "footnotes",
    "pymdownx.superfences", "pymdownx.mark", "pymdownx.tilde", "pymdownx.caret", "pymdownx.magiclink",
    "pymdownx.details",
]  # fmt: skip
FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))", "![i](x.png)",
    "{: onclick=alert(1) }", "--8<-- \"mkdocs.yml\"", "*[HTML]: x", "!!! note", "{{ x }}", "{% x %}",
    "<!--", "-->", "\x02wzxhzdk:0\x03", "&amp;", "&#60;", "\\", "`", "**", "__", "~~", "==", "^^", "|",
    "\n", "\n\n", "By Jane Doe\n", "TRIPOLI (Reuters) - ", "Outlet, April 1, 2020\n", "Region: x\n", "    ",
    "<div markdown=\"1\">", "</div>", "[^1]", "[^1]: note", ": definition", "# ", "- ", "1. ", "> ",
]  # fmt: skip
texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(st.characters(exclude_categories=("Cs",)), max_size=40)),
    min_size=1,
    max_size=30,
).map("".join)


def rendered(text: str, highlight: bool = False) -> tuple[str, str]:
    """The article's text and the visible text of its rendered page body."""
    article = parse_article(normalize_text(text), "x", "seeds/x.txt")
    end = min(5, len(article.text))
    highlights = (Highlight("x", 0, end, text[:30], (text[:10],)),) if highlight and article.text else ()
    corpus = Corpus(articles=(article,), highlights=highlights)
    page = next(p for p in render_pages(corpus) if p.path == "articles/x.md")
    body, _meta = get_data(page.content)
    html = markdown.markdown(body, extensions=EXTENSIONS)
    parsed = parse_html(f'<div class="root">{html}</div>', "root")
    assert {e.tag for e in parsed.elements} <= GENERATED_TAGS, html
    for element in parsed.elements:
        for name, value in element.attrs.items():
            assert not name.startswith("on") and not value.lower().startswith(("javascript:", "data:")), (
                element
            )
    text_region = parse_html(html, "px-text")
    return article.text, text_region.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_renders_its_words_and_no_markup(text: str) -> None:
    article_text, shown = rendered(text)
    # Each paragraph is shown exactly, character for character, with white space folded.
    assert shown == " ".join(article_text.split())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_as_a_highlight_note_and_tag_adds_no_markup(text: str) -> None:
    rendered(text, highlight=True)  # asserts no tag or attribute from the text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused_cleanly(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except NotText:
        return
    assert "\x00" not in decoded.text and "\r" not in decoded.text
    article = parse_article(decoded.text, "x", "seeds/x.txt")
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end].strip()
