"""The raw HTML set aside around Python-Markdown comes back as Python-Markdown would have written it.

Every generated page of the samples and of the hostile corpus is converted with the site's
Markdown extensions twice, as it is and with its blocks set aside, and the HTML must be the same.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown  # type: ignore[import-untyped]
import pytest
import yaml

from generator.build import Project, build
from generator.passthrough import passes_through, set_aside
from tests.conftest import HOSTILE, REPO, SEEDS


def _site_markdown() -> markdown.Markdown:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8").replace("!ENV", ""))
    names, settings = [], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        settings[name] = options
    return markdown.Markdown(extensions=names, extension_configs=settings)


def _body(page: str) -> str:
    """The page without its front matter, as MkDocs hands it to Python-Markdown."""
    return page.split("\n---\n", 1)[1] if page.startswith("---\n") else page


@pytest.fixture(scope="module", params=["samples", "hostile"])
def pages(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp(request.param)
    shutil.copytree(SEEDS if request.param == "samples" else HOSTILE, root / "seeds")
    if request.param == "samples":
        shutil.copytree(REPO / "annotations", root / "annotations")
    result = build(Project.at(root), write=False)
    return {page.path: _body(page.content) for page in result.pages if page.path.endswith(".md")}


def test_every_page_converts_to_the_same_html(pages: dict[str, str]) -> None:
    converter = _site_markdown()
    set_aside_blocks = 0
    for path, source in pages.items():
        aside = set_aside(source)
        set_aside_blocks += len(aside.blocks)
        direct = converter.reset().convert(source)
        around = aside.restore(converter.reset().convert(aside.markdown))
        assert around == direct, path
    assert set_aside_blocks > len(pages), "most pages have blocks set aside"


def test_an_article_text_is_set_aside_with_its_ids(pages: dict[str, str]) -> None:
    path, source = next((p, s) for p, s in pages.items() if p.startswith("articles/") and 'id="p-1"' in s)
    aside = set_aside(source)
    assert 'id="p-1"' not in aside.markdown, path
    assert {"p-1", "m-1"} <= aside.anchor_ids()


@pytest.mark.parametrize(
    ("block", "passes"),
    [
        ('<p class="x">Text with <a href="y">a link</a></p>', True),
        ("<table>\n<tr><td>1</td></tr>\n</table>", True),
        ("<div>\n*not raw*: a Markdown line inside\n</div>", False),  # a line not starting with a tag
        ("<div>\n<div>unclosed\n</div>", False),  # the block does not close what it opens
        ('<a href="x">inline first</a>', False),  # Markdown wraps inline HTML in a paragraph
        ("## A heading", False),
        ("    <p>indented: a code block</p>", False),
        ("<p>one</p> and text after", False),
    ],
)
def test_only_blocks_markdown_copies_unchanged_pass_through(block: str, passes: bool) -> None:
    assert passes_through(block) is passes


def test_a_page_that_holds_a_token_already_keeps_it() -> None:
    source = "<p>before <!--parallax-html-0-0--> after</p>\n\n<p>real</p>"
    aside = set_aside(source)
    assert list(aside.blocks.values()) == [source.split("\n\n")[0], "<p>real</p>"]
    assert aside.restore("x <!--parallax-html-0-0--> y") == "x <!--parallax-html-0-0--> y"
    assert aside.restore(aside.markdown) == source


def test_an_unchanged_site_is_built_the_same_through_mkdocs(sample_site: Path) -> None:
    page = (sample_site / "site" / "articles" / "004_23e8d5bb857ada88" / "index.html").read_text("utf-8")
    assert "parallax-html-" not in page
    assert '<p id="p-1">' in page and '<a class="px-entity px-person"' in page
