"""Outlets: `annotations/outlets.yml` read and validated, aliases and web domains applied to the
articles, one page per outlet, and `data/outlets.json`.

The fixture corpus (tests/fixtures/outlets/) is four short articles written for these tests: two
from one outlet (one naming it by an alias, one naming no outlet but with a URL on its domain), one
from another outlet, and one whose outlet nothing tells.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.annotations.outlets import OutletCuration, domain_of, host_of
from generator.annotations.read import load_annotations
from generator.annotations.validate import schema
from generator.build import BuildResult, Project, build
from generator.model import Article, Metadata, Severity
from generator.resolve.outlets import resolve_outlets
from tests.conftest import REPO
from tests.htmlpage import parse_html, parse_page

FIXTURE = REPO / "tests" / "fixtures" / "outlets"
YML = "annotations/outlets.yml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("outlets")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    (root / "docs").mkdir()
    return build(Project.at(root), write=False)


def page(result: BuildResult, path: str) -> str:
    return next(p.content for p in result.pages if p.path == path)


def problems_for(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "annotations").mkdir(exist_ok=True)
    (tmp_path / YML).write_text(text, encoding="utf-8")
    return [str(problem) for problem in load_annotations(tmp_path / "annotations", tmp_path).problems]


def article(article_id: str, outlet: str | None = None, url: str | None = None) -> Article:
    return Article(article_id, f"seeds/{article_id}.txt", "Text.", (), Metadata(outlet=outlet, url=url))


# -- reading outlets.yml ----------------------------------------------------------------------


def test_every_key_is_read_as_written() -> None:
    curation = load_annotations(FIXTURE / "annotations", FIXTURE).outlets
    assert curation.path == YML
    harbour, wire = curation.outlets
    assert (harbour.name, harbour.line) == ("Harbour Post", 3)
    assert harbour.aliases == ("The Harbour Post", "harbourpost.example")
    # The alias that is a domain and the homepage's domain are one domain.
    assert harbour.domains == ("harbourpost.example",)
    assert (harbour.country, harbour.language, harbour.owner) == ("Spain", "English", "Harbour Media Group")
    assert harbour.homepage == "https://www.harbourpost.example/"
    assert harbour.notes == "A regional daily; its website also runs a news subdomain."
    # Free keys in the file's order; a quoted number stays as typed, an unquoted one as YAML reads it.
    assert harbour.ratings == (
        ("Press council", "member since 2009"),
        ("Reader trust score", "4.5"),
        ("Quoted score", "4.50"),
    )
    assert wire.name == "Iberia Wire" and wire.domains == () and wire.ratings[0][0] == "Hostile rating"


def test_a_missing_file_means_no_outlets(tmp_path: Path) -> None:
    annotations = load_annotations(tmp_path / "annotations", tmp_path)
    assert annotations.outlets.outlets == () and annotations.problems == ()


def test_unknown_key_suggests_the_close_one(tmp_path: Path) -> None:
    text = "outlets:\n  - name: Harbour Post\n    contry: Spain\n"
    assert problems_for(tmp_path, text) == [
        f"{YML}:3:5: error: unknown key 'contry' in 'outlets[1]'. Expected one of: aliases, country, "
        "homepage, language, name, notes, owner, ratings. Did you mean 'country'?"
    ]


def test_a_rating_must_be_text_or_a_number(tmp_path: Path) -> None:
    text = "outlets:\n  - name: Harbour Post\n    ratings:\n"
    text += "      AllSides: [Center, Lean Left]\n      Flag: true\n"
    assert problems_for(tmp_path, text) == [
        f"{YML}:4:17: error: 'outlets[1].ratings.AllSides': expected text or a number, found a list",
        f"{YML}:5:13: error: 'outlets[1].ratings.Flag': expected text or a number, found true/false (true)",
    ]


def test_homepage_must_be_an_http_address(tmp_path: Path) -> None:
    text = "outlets:\n  - name: Harbour Post\n    homepage: www.harbourpost.example\n"
    assert problems_for(tmp_path, text) == [
        f"{YML}:3:15: error: 'outlets[1].homepage': expected an http:// or https:// address, "
        "found 'www.harbourpost.example'"
    ]


def test_name_is_required_and_not_blank(tmp_path: Path) -> None:
    text = 'outlets:\n  - aliases: [Harbour]\n  - name: "  "\n'
    assert problems_for(tmp_path, text) == [
        f"{YML}:2:5: error: 'outlets[1]': missing required key 'name'",
        f"{YML}:3:11: error: 'outlets[2].name': expected some text (not only spaces), found '  '",
    ]


def test_an_alias_can_name_one_outlet_only(tmp_path: Path) -> None:
    text = (
        "outlets:\n  - name: Harbour Post\n    aliases: [HP, harbourpost.example]\n"
        "  - name: Iberia Wire\n    aliases: [iberiawire.example, hp]\n"
    )
    assert problems_for(tmp_path, text) == [
        f"{YML}:5:35: error: the alias 'hp' already belongs to the outlet 'Harbour Post' (line 2); a name "
        "or domain can mean one outlet only: remove it here or there. "
        "This entry ('Iberia Wire') is not applied"
    ]
    names = [spec.name for spec in load_annotations(tmp_path / "annotations", tmp_path).outlets.outlets]
    assert names == ["Harbour Post"]


def test_a_domain_can_name_one_outlet_only(tmp_path: Path) -> None:
    text = (
        "outlets:\n  - name: Harbour Post\n    homepage: https://www.harbourpost.example\n"
        '  - name: Harbour Weekly\n    aliases: ["https://harbourpost.example/"]\n'
    )
    assert problems_for(tmp_path, text) == [
        f"{YML}:5:15: error: the domain 'harbourpost.example' already belongs to the outlet 'Harbour Post' "
        "(line 2); a name or domain can mean one outlet only: remove it here or there. "
        "This entry ('Harbour Weekly') is not applied"
    ]


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    text = "outlets:\n  - name: Harbour Post\n    country: Spain\n    country: Portugal\n"
    assert problems_for(tmp_path, text) == [
        f"{YML}:4:5: error: duplicate key 'country' (first defined at line 3); "
        "YAML keeps only one of them: remove or rename one"
    ]


def test_outlets_must_be_a_list(tmp_path: Path) -> None:
    assert problems_for(tmp_path, "outlets:\n  name: Harbour Post\n") == [
        f"{YML}:2:3: error: 'outlets': expected a list, found a mapping"
    ]


# -- aliases and domains ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("bbc.co.uk", "bbc.co.uk"),
        ("www.bbc.co.uk", "bbc.co.uk"),
        ("https://www.BBC.co.uk/", "bbc.co.uk"),
        ("BBC News", None),
        ("Reuters", None),
        ("Ltd.", None),
    ],
)
def test_which_aliases_are_domains(text: str, domain: str | None) -> None:
    assert domain_of(text) == domain


def test_host_of_a_url() -> None:
    assert host_of("https://www.news.example/2024/story?x=1") == "news.example"
    assert host_of("not a url") is None and host_of(None) is None


def test_alias_gives_the_outlet_its_name_and_says_where(built: BuildResult) -> None:
    storm = built.corpus.get("harbour-post-storm")
    assert storm is not None and storm.meta.outlet == "Harbour Post"
    assert storm.origin("outlet") == f"{YML}:3, for “The Harbour Post” in the text"


def test_domain_gives_an_article_without_outlet_its_outlet(built: BuildResult) -> None:
    cleanup = built.corpus.get("harbour-post-cleanup")
    assert cleanup is not None and cleanup.meta.outlet == "Harbour Post"
    assert cleanup.origin("outlet") == f"{YML}:3, from the URL's domain harbourpost.example"
    outlet = built.corpus.outlet("Harbour Post")
    assert outlet is not None
    assert outlet.by_domain == (("harbour-post-cleanup", "harbourpost.example"),)
    assert outlet.renamed == (("harbour-post-storm", "The Harbour Post"),)
    unknown = built.corpus.get("no-outlet")
    assert unknown is not None and unknown.meta.outlet is None  # elsewhere.example is nobody's


def test_longest_domain_wins_and_the_text_wins_over_the_url(tmp_path: Path) -> None:
    problems_for(
        tmp_path,
        "outlets:\n  - name: News Network\n    aliases: [news.example]\n"
        "  - name: Local News\n    aliases: [local.news.example]\n",
    )
    curation = load_annotations(tmp_path / "annotations", tmp_path).outlets
    articles = [
        article("a", url="https://town.local.news.example/x"),
        article("b", url="https://www.news.example/y"),
        article("c", outlet="Town Crier", url="https://local.news.example/z"),
    ]
    resolved = resolve_outlets(articles, curation)
    assert [a.meta.outlet for a in resolved.articles] == ["Local News", "News Network", "Town Crier"]
    assert [o.name for o in resolved.outlets] == ["Local News", "News Network", "Town Crier"]


def test_an_outlet_no_article_has_is_a_warning_with_a_suggestion(tmp_path: Path) -> None:
    problems_for(tmp_path, "outlets:\n  - name: Harbour Posts\n")
    curation = load_annotations(tmp_path / "annotations", tmp_path).outlets
    resolved = resolve_outlets([article("a", outlet="Harbour Post")], curation)
    assert [str(p) for p in resolved.problems] == [
        f"{YML}:2: warning: no article has the outlet 'Harbour Posts' (by its name, an alias, or a domain "
        "of its URL); it is listed without articles. Add the name the articles give it to its aliases. "
        "Did you mean 'Harbour Post'?"
    ]
    assert resolved.problems[0].severity is Severity.WARNING
    assert [o.name for o in resolved.outlets] == ["Harbour Post", "Harbour Posts"]


def test_names_with_one_slug_get_distinct_pages() -> None:
    resolved = resolve_outlets(
        [article("a", outlet="BBC News"), article("b", outlet="BBC-News")], OutletCuration()
    )
    assert [(o.id, o.name) for o in resolved.outlets] == [
        ("bbc-news", "BBC News"),
        ("bbc-news-2", "BBC-News"),
    ]


# -- pages and data ---------------------------------------------------------------------------


def test_the_fixture_builds_without_problems(built: BuildResult) -> None:
    assert [str(p) for p in built.problems] == []


def test_index_lists_every_outlet_and_the_articles_without_one(built: BuildResult) -> None:
    index = parse_html(page(built, "outlets/index.md"), "px-outlets")
    assert [e.attrs["href"] for e in index.elements if e.tag == "a"] == ["harbour-post/", "iberia-wire/"]
    assert "Harbour Post 2 Spain English Harbour Media Group annotations/outlets.yml:3" in index.text
    unknown = parse_html(page(built, "outlets/index.md"), "px-unknown-outlet")
    assert unknown.text == "no-outlet outlet unknown (URL on elsewhere.example)"


def test_outlet_page_says_which_articles_have_it_from_their_url(built: BuildResult) -> None:
    content = page(built, "outlets/harbour-post.md")
    notice = parse_html(content, "px-by-domain")
    assert notice.text == (
        "Outlet taken from the URL 1 article does not name its outlet; it has a URL on a domain of "
        "Harbour Post (annotations/outlets.yml:3): harbour-post-cleanup (harbourpost.example)."
    )
    assert '<a href="../../articles/harbour-post-cleanup/">' in content
    meta = parse_html(content, "px-meta")
    assert meta.text == (
        "Also named The Harbour Post Web domains harbourpost.example Country Spain Language English "
        "Owner Harbour Media Group Homepage https://www.harbourpost.example/"
    )


def test_ratings_are_shown_as_given(built: BuildResult) -> None:
    ratings = parse_html(page(built, "outlets/harbour-post.md"), "px-ratings")
    assert ratings.text == (
        "Rating Value Press council member since 2009 Reader trust score 4.5 Quoted score 4.50"
    )


def test_hostile_ratings_are_inert(built: BuildResult) -> None:
    content = page(built, "outlets/iberia-wire.md")
    assert "<script" not in content and "](javascript" not in content and "{{" not in content
    ratings = parse_html(content, "px-ratings")
    assert {e.tag for e in ratings.elements} <= {"table", "thead", "tbody", "tr", "th", "td"}
    assert "<script>alert(1)</script> [x](javascript:alert(2)) {{ config }}" in ratings.text


def test_outlet_page_compares_the_outlet_with_the_others(built: BuildResult) -> None:
    harbour = page(built, "outlets/harbour-post.md")
    assert parse_html(harbour, "px-exclusive").text == "Marta Ruiz (2)"
    assert parse_html(harbour, "px-missing").text == "Spain (2)"
    assert "“the mayor of a small town on the coast”" in parse_html(harbour, "px-labels").text
    quotes = parse_html(harbour, "px-outlet-quotes")
    assert "“We have never seen the water rise this quickly” in harbour-post-storm Marta Ruiz" in quotes.text
    wire = parse_html(page(built, "outlets/iberia-wire.md"), "px-figures")
    assert "people killed at least 12" in wire.text and "at least 10" in wire.text


def test_article_page_links_its_outlet(built: BuildResult) -> None:
    content = page(built, "articles/harbour-post-cleanup.md")
    assert '<a href="../../outlets/harbour-post/">Harbour Post</a>' in content
    meta = parse_html(content, "px-meta")
    assert (
        "Outlet Harbour Post (set in annotations/outlets.yml:3, from the URL's domain harbourpost.example)"
        in (meta.text)
    )


def test_outlets_json(built: BuildResult) -> None:
    data = json.loads(page(built, "data/outlets.json"))
    assert data["without_outlet"] == ["no-outlet"]
    harbour, wire = data["outlets"]
    assert harbour == {
        "id": "harbour-post",
        "name": "Harbour Post",
        "aliases": ["The Harbour Post", "harbourpost.example"],
        "domains": ["harbourpost.example"],
        "country": "Spain",
        "language": "English",
        "owner": "Harbour Media Group",
        "homepage": "https://www.harbourpost.example/",
        "notes": "A regional daily; its website also runs a news subdomain.",
        "ratings": {
            "Press council": "member since 2009",
            "Reader trust score": "4.5",
            "Quoted score": "4.50",
        },
        "origin": "annotations/outlets.yml:3",
        "articles": ["harbour-post-cleanup", "harbour-post-storm"],
        "from_domain": [{"article": "harbour-post-cleanup", "domain": "harbourpost.example"}],
        "renamed": [{"article": "harbour-post-storm", "given": "The Harbour Post"}],
    }
    assert wire["articles"] == ["iberia-wire-troops"] and wire["origin"] == "annotations/outlets.yml:14"


def test_outlets_schema_is_valid_and_the_fixture_meets_it() -> None:
    jsonschema.Draft202012Validator.check_schema(schema("outlets"))
    data = yaml.safe_load((FIXTURE / "annotations" / "outlets.yml").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema("outlets")).validate(data)


# Tags the outlet pages and the map emit themselves; anything else in them came from a payload.
VIEW_TAGS = {
    "h1", "h2", "table", "thead", "tbody", "tr", "th", "td", "div", "p", "span", "code", "a", "ul", "li",
    "br", "strong", "figure", "figcaption", "svg", "title", "rect", "g", "path", "circle", "text",
}  # fmt: skip


def test_hostile_outlet_names_are_inert_in_the_built_views(hostile_site: Path) -> None:
    """The hostile fixture's YAML names an outlet `<img src=x onerror=alert(14)> Outlet`."""
    site = hostile_site / "site"
    pages = [*sorted((site / "outlets").glob("**/index.html")), site / "map" / "index.html"]
    assert len(pages) >= 3
    for html in pages:
        page = parse_page(html)
        assert {e.tag for e in page.elements} <= VIEW_TAGS, html
        for element in page.all_elements:
            assert not any(name.startswith("on") for name in element.attrs), (html, element)
            assert not any(
                value.lstrip().lower().startswith("javascript:") for value in element.attrs.values()
            )
    outlet = parse_page(site / "outlets" / "img-src-x-onerror-alert-14-outlet" / "index.html")
    assert outlet.text.startswith("<img src=x onerror=alert(14)> Outlet Outlet · 1 article")
