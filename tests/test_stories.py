"""A corpus of several stories: grouped automatically or in annotations/stories.yml, compared apart."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.build import BuildResult, Project, build
from tests.conftest import install_site_config, run_mkdocs
from tests.htmlpage import parse_html, parse_page

REPO = Path(__file__).resolve().parent.parent
SECOND_STORY = REPO / "tests" / "fixtures" / "second-story"
SAMPLE_IDS = [
    "000_c9538e6b4c7c64b9",
    "001_0ecb2f08c5882e7a",
    "002_c5e94d6caf5d1f55",
    "003_6b383f3c232c05d5",
    "004_23e8d5bb857ada88",
]
BRIDGE_IDS = ["bridge-1", "bridge-2", "bridge-3"]


@pytest.fixture
def two_stories(sample_project: Project) -> Project:
    for seed in sorted(SECOND_STORY.glob("*.txt")):
        shutil.copyfile(seed, sample_project.seeds / seed.name)
    return sample_project


def page(result: BuildResult, path: str) -> str:
    return next(p.content for p in result.pages if p.path == path)


def stories_yml(project: Project, text: str) -> None:
    (project.annotations / "stories.yml").write_text(text, "utf-8")


def test_two_unrelated_stories_are_grouped_apart(two_stories: Project) -> None:
    result = build(two_stories, write=False)
    stories = result.corpus.comparison.stories
    assert [(s.id, list(s.articles), s.origin) for s in stories] == [
        ("story-1", SAMPLE_IDS, "grouped automatically"),
        ("story-2", BRIDGE_IDS, "grouped automatically"),
    ]
    assert stories[0].name.startswith("Khalifa Haftar")
    assert "Helen Okafor" in stories[1].name
    assert result.corpus.comparison.unstoried == ()


def test_each_story_is_compared_on_its_own(two_stories: Project) -> None:
    result = build(two_stories, write=False)
    libya, bridge = result.corpus.comparison.stories
    assert libya.comparison is not None and bridge.comparison is not None
    assert libya.comparison.coverage is not None and bridge.comparison.coverage is not None
    assert set(libya.comparison.coverage.articles) == set(SAMPLE_IDS)
    assert set(bridge.comparison.coverage.articles) == set(BRIDGE_IDS)
    assert "helen-okafor" in bridge.comparison.coverage.entities
    assert "helen-okafor" not in libya.comparison.coverage.entities
    # The story page carries its own articles only.
    story_page = parse_html(page(result, "compare/story-2.md"), "px-coverage")
    assert "Helen Okafor" in story_page.text and "Khalifa Haftar" not in story_page.text


def test_comparison_index_lists_the_stories_and_article_pages_name_theirs(two_stories: Project) -> None:
    result = build(two_stories, write=False)
    index = parse_html(page(result, "compare/index.md"), "px-stories")
    links = [e.attrs["href"] for e in index.elements if e.tag == "a"]
    assert links == ["story-1/", "story-2/"]
    assert "The 8 articles tell 2 stories" in page(result, "compare/index.md")
    article = page(result, "articles/bridge-2.md")
    assert '<tr><th scope="row">Story</th><td><a href="../../compare/story-2/">' in article
    exported = json.loads(page(result, "data/stories.json"))
    assert [s["articles"] for s in exported["stories"]] == [SAMPLE_IDS, BRIDGE_IDS]


def test_stories_yml_names_a_story_and_wins_over_grouping(two_stories: Project) -> None:
    stories_yml(
        two_stories,
        "stories:\n"
        "  - id: harbour-bridge\n"
        "    name: The harbour bridge closure\n"
        "    description: Local coverage of the repairs.\n"
        "    articles: [bridge-1, bridge-3]\n",
    )
    result = build(two_stories, write=False)
    assert result.problems == ()
    by_id = {s.id: s for s in result.corpus.comparison.stories}
    named = by_id["harbour-bridge"]
    assert (named.name, named.articles) == ("The harbour bridge closure", ("bridge-1", "bridge-3"))
    assert named.origin == "annotations/stories.yml:2"
    # bridge-2 is left to grouping, where it no longer has a partner.
    assert result.corpus.comparison.unstoried == ("bridge-2",)
    assert by_id["story-1"].articles == tuple(SAMPLE_IDS)
    content = page(result, "compare/harbour-bridge.md")
    assert '<p class="px-description">Local coverage of the repairs.</p>' in content
    assert "(named in annotations&#47;stories.yml&#58;2)" in content


def test_stories_yml_mistakes_are_reported_with_their_line(two_stories: Project) -> None:
    stories_yml(
        two_stories,
        "stories:\n"
        "  - id: bridge\n"
        "    articles:\n"
        "      - bridge-1\n"
        "      - bridge-11\n"
        "  - id: bridge-again\n"
        "    articles: [bridge-1]\n"
        "  - id: bridge\n"
        "  - id: Not An Id\n",
    )
    result = build(two_stories, write=False)
    messages = sorted(str(problem) for problem in result.problems)
    assert messages == sorted(
        [
            "annotations/stories.yml:5: warning: story 'bridge': no article with the id 'bridge-11' "
            "in the seeds. Did you mean 'bridge-1'?",
            "annotations/stories.yml:7: error: story 'bridge-again': the article 'bridge-1' is already "
            "in story 'bridge' (line 4); an article belongs to one story",
            "annotations/stories.yml:8: error: the story id 'bridge' is used twice (first on line 2); "
            "this story is ignored",
            next(str(p) for p in result.problems if "Not An Id" in str(p)),
        ]
    )
    invalid = next(str(p) for p in result.problems if "Not An Id" in str(p))
    assert invalid.startswith("annotations/stories.yml:9:")
    # Everything valid still applies.
    assert [s.id for s in result.corpus.comparison.stories][:2] == ["bridge", "bridge-again"]


def test_a_corpus_of_one_story_keeps_one_comparison_page(sample_project: Project) -> None:
    result = build(sample_project, write=False)
    assert result.corpus.comparison.stories == ()
    paths = [p.path for p in result.pages if p.path.startswith("compare/")]
    assert paths == ["compare/index.md"]
    assert json.loads(page(result, "data/stories.json")) == {"stories": [], "unstoried": []}


def test_story_pages_build_with_mkdocs_strict_and_link_back(two_stories: Project) -> None:
    install_site_config(two_stories.root)
    result = run_mkdocs(two_stories.root)
    assert result.returncode == 0, result.stderr
    site = two_stories.root / "site"
    index = parse_page(site / "compare" / "index.html", "px-stories")
    assert [e.attrs["href"] for e in index.elements if e.tag == "a"] == ["story-1/", "story-2/"]
    story = parse_page(site / "compare" / "story-2" / "index.html")
    hrefs = {e.attrs.get("href") for e in story.elements if e.tag == "a"}
    assert "../../articles/bridge-1/" in hrefs and "../" in hrefs
    assert (site / "articles" / "bridge-1" / "index.html").is_file()


def test_an_article_links_its_shared_quotes_to_its_story_page(two_stories: Project) -> None:
    """With several stories, quotes are grouped on each story's page, and the links go there."""
    result = build(two_stories, write=False)
    story = page(result, "compare/story-1.md")
    pattern = re.compile(r'href="\.\./\.\./compare/([^"#]*)#(q\d+)"')
    links = [link for a in SAMPLE_IDS for link in pattern.findall(page(result, f"articles/{a}.md"))]
    assert links, "the samples share the White House statement"
    assert {target for target, _ in links} == {"story-1/"}
    for _, group_id in links:
        assert f'id="{group_id}"' in story
    # 000 carries the statement without quotation marks, and says where it is quoted.
    unmarked = page(result, "articles/000_c9538e6b4c7c64b9.md")
    assert re.search(r'without quotation marks, <a href="\.\./\.\./compare/story-1/#q\d+">quote', unmarked)
