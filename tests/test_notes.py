"""Pages the researcher writes in docs/ are published under "Notes" without editing mkdocs.yml."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.config import config_options

from generator.model import Page
from generator.notes import add_notes, find_notes
from generator.write import is_generated, write_pages
from tests.conftest import REPO, SEEDS, install_site_config, run_mkdocs
from tests.htmlpage import parse_page

# The nav in the repository's mkdocs.yml.
NAV: list[object] = [
    {"Home": "index.md"},
    {"Articles": "articles/index.md"},
    {"Entities": "entities/index.md"},
    {"Comparison": "compare/index.md"},
    {"Data": "data/index.md"},
    {"Methodology": "methodology.md"},
]
FIELD_NOTES = "# Field notes\n\nWhat I saw at the press briefing in Tripoli.\n"
INTERVIEWS = "# Interviews\n\nTwo calls with the desk editor.\n"


def never(path: str) -> bool:
    return False


def write(docs: Path, *paths: str) -> None:
    for path in paths:
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(f"# {path}\n", "utf-8")


def test_hand_written_pages_in_sub_folders_are_found_sorted_by_path(tmp_path: Path) -> None:
    write(tmp_path, "methodology.md", "notes/interviews.md", "notes/2019/april.md", "field-notes.md")
    write(tmp_path, "sources.markdown", "stylesheets/parallax.css", "notes/photo.png")
    assert find_notes(tmp_path, NAV, generated=is_generated, kept_out=never) == [
        "field-notes.md",
        "notes/2019/april.md",
        "notes/interviews.md",
        "sources.markdown",
    ]


def test_pages_the_nav_reaches_anywhere_are_left_out(tmp_path: Path) -> None:
    write(tmp_path, "about.md", "methodology.md", "notes/a.md", "notes/b.md", "notes/c.md")
    nav: list[object] = [
        {"Home": "index.md"},
        "about.md",
        {"Research": [{"Method": "./methodology.md"}, {"Deeper": ["notes/a.md", {"B": "notes//b.md"}]}]},
        {"Elsewhere": "https://example.org/"},
    ]
    assert find_notes(tmp_path, nav, generated=is_generated, kept_out=never) == ["notes/c.md"]


def test_generated_paths_are_left_out_whether_or_not_they_exist_yet(tmp_path: Path) -> None:
    write(tmp_path, "field-notes.md", "articles.md", "data-sources.md", "notes/index.md")
    before = find_notes(tmp_path, NAV, generated=is_generated, kept_out=never)
    write(tmp_path, "index.md", "articles/index.md", "articles/001_x.md", "entities/e-haftar.md")
    write(tmp_path, "compare/index.md", "compare/s-1.md", "data/index.md", ".parallax/edited/index.md")
    after = find_notes(tmp_path, NAV, generated=is_generated, kept_out=never)
    assert before == after == ["articles.md", "data-sources.md", "field-notes.md", "notes/index.md"]


def test_not_in_nav_patterns_are_respected(tmp_path: Path) -> None:
    write(tmp_path, "field-notes.md", "drafts/one.md", "notes/a.private.md", "notes/b.md")
    # The setting as MkDocs reads it from mkdocs.yml.
    not_in_nav = config_options.PathSpec().validate("/drafts/\n*.private.md\n")
    kept_out = find_notes(tmp_path, NAV, generated=is_generated, kept_out=not_in_nav.match_file)
    assert kept_out == ["field-notes.md", "notes/b.md"]


def test_hidden_files_and_folders_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, ".draft.md", ".obsidian/workspace.md", "notes/.wip.md", "notes/done.md")
    assert find_notes(tmp_path, NAV, generated=is_generated, kept_out=never) == ["notes/done.md"]


def test_notes_section_is_added_last() -> None:
    nav = list(NAV)
    assert add_notes(nav, ["field-notes.md", "notes/interviews.md"]) == [
        *NAV,
        {"Notes": ["field-notes.md", "notes/interviews.md"]},
    ]
    assert nav == NAV


def test_an_existing_notes_section_is_extended_not_doubled() -> None:
    nav: list[object] = [{"Home": "index.md"}, {"Notes": ["mine.md", {"Old": "old.md"}]}, {"About": "a.md"}]
    assert add_notes(nav, ["field-notes.md"]) == [
        {"Home": "index.md"},
        {"Notes": ["mine.md", {"Old": "old.md"}, "field-notes.md"]},
        {"About": "a.md"},
    ]


def test_an_existing_notes_page_becomes_the_first_entry_of_the_section() -> None:
    assert add_notes([{"Notes": "notes.md"}], ["field-notes.md"]) == [
        {"Notes": [{"Notes": "notes.md"}, "field-notes.md"]}
    ]


def test_the_generator_writes_only_where_it_claims_to(tmp_path: Path) -> None:
    """A page outside `GENERATED` would be taken for a hand-written one and listed under Notes."""
    with pytest.raises(ValueError) as raised:
        write_pages([Page("index.md", "home\n"), Page("notes.md", "x\n")], tmp_path, "docs")
    assert str(raised.value) == "rendered outside the paths in write.GENERATED: notes.md; add them there"
    assert not (tmp_path / "index.md").exists()


def test_repository_mkdocs_yml_does_not_list_hand_written_pages() -> None:
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    assert "field-notes" not in config and "Notes" not in config


class NavSections(HTMLParser):
    """The links in each labelled section of Material's navigation: {label text: [href, ...]}."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.labels: dict[str, str] = {}
        self.label: tuple[str, list[str]] | None = None
        self.navs: list[str] = []
        self.links: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "label" and found.get("id"):
            self.label = (found["id"], [])
        elif tag == "nav":
            self.navs.append(found.get("aria-labelledby", ""))
        elif tag == "a" and self.navs and self.navs[-1]:
            self.links.setdefault(self.labels[self.navs[-1]], []).append(found["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self.label:
            self.labels[self.label[0]] = " ".join("".join(self.label[1]).split())
            self.label = None
        elif tag == "nav":
            self.navs.pop()

    def handle_data(self, data: str) -> None:
        if self.label:
            self.label[1].append(data)


def nav_sections(html: Path) -> dict[str, list[str]]:
    parser = NavSections()
    parser.feed(html.read_text("utf-8"))
    return parser.links


@pytest.fixture(scope="module")
def notes_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project with two hand-written pages, built by `mkdocs build --strict` twice: on a
    fresh clone (no generated files yet when the nav is made) and again (they exist then)."""
    root = tmp_path_factory.mktemp("notes-site")
    (root / "docs" / "notes").mkdir(parents=True)
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(REPO / "annotations", root / "annotations")
    install_site_config(root)
    (root / "docs" / "field-notes.md").write_text(FIELD_NOTES, "utf-8")
    (root / "docs" / "notes" / "interviews.md").write_text(INTERVIEWS, "utf-8")
    for _ in range(2):
        result = run_mkdocs(root)
        assert result.returncode == 0, result.stderr
        assert nav_sections(root / "site" / "index.html")["Notes"] == ["field-notes/", "notes/interviews/"]
    return root


@pytest.mark.mkdocs
def test_hand_written_pages_are_published(notes_site: Path) -> None:
    page = parse_page(notes_site / "site" / "field-notes" / "index.html")
    assert page.text == "Field notes¶ What I saw at the press briefing in Tripoli."
    page = parse_page(notes_site / "site" / "notes" / "interviews" / "index.html")
    assert page.text == "Interviews¶ Two calls with the desk editor."


@pytest.mark.mkdocs
def test_home_nav_lists_them_under_notes_by_their_headings(notes_site: Path) -> None:
    home = notes_site / "site" / "index.html"
    assert nav_sections(home)["Notes"] == ["field-notes/", "notes/interviews/"]
    nav = parse_page(home, region_class="md-nav--primary")
    assert nav.text.endswith(" Data Methodology Notes Notes Field notes Interviews")


@pytest.mark.mkdocs
def test_the_repository_mkdocs_yml_was_used_unchanged(notes_site: Path) -> None:
    assert (notes_site / "mkdocs.yml").read_bytes() == (REPO / "mkdocs.yml").read_bytes()
    docs = notes_site / "docs"
    assert (docs / "articles" / "index.md").is_file()  # generated pages are there now, and not notes
    assert find_notes(docs, NAV, generated=is_generated, kept_out=never) == [
        "field-notes.md",
        "notes/interviews.md",
    ]
