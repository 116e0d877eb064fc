"""The source comparison on the sample corpus: copies, shared quotes, coverage, labels, exports.

Built by the real pipeline (and, for the page, a real `mkdocs build --strict`).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from generator.build import BuildResult, Project, build
from generator.compare.reuse import compare_reuse
from generator.model import Article, Metadata, Paragraph
from tests.htmlpage import parse_html, parse_page

COPY, GLOBAL_RESEARCH, ZEROHEDGE, ARAB_NEWS, HALBEEG = (
    "000_c9538e6b4c7c64b9",
    "001_0ecb2f08c5882e7a",
    "002_c5e94d6caf5d1f55",
    "003_6b383f3c232c05d5",
    "004_23e8d5bb857ada88",
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("compare")
    (root / "seeds").mkdir()
    for seed in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")):
        (root / "seeds" / seed.name).write_bytes(seed.read_bytes())
    return build(Project.at(root), write=False)


def page(result: BuildResult, path: str) -> str:
    return next(p.content for p in result.pages if p.path == path)


def data(result: BuildResult, name: str) -> object:
    return json.loads(page(result, f"data/{name}"))


# --- copies and shared passages -----------------------------------------------------------------


def test_punctuation_stripped_copy_is_reported_with_its_original(sample: BuildResult) -> None:
    (copy,) = sample.corpus.copies
    assert (copy.article, copy.original) == (COPY, GLOBAL_RESEARCH)
    (pair,) = [r for r in data(sample, "reuse.json") if r["copy"]]  # type: ignore[union-attr]
    assert (pair["first"], pair["second"]) == (GLOBAL_RESEARCH, COPY)
    assert pair["overlap"] > 0.95


def test_shared_passage_offsets_point_at_the_same_words_in_both_articles(sample: BuildResult) -> None:
    texts = {a["id"]: a["text"] for a in data(sample, "articles.json")}  # type: ignore[union-attr]
    pairs = {(r["first"], r["second"]): r for r in data(sample, "reuse.json")}  # type: ignore[union-attr]
    (passage,) = pairs[(GLOBAL_RESEARCH, ZEROHEDGE)]["passages"]
    first = texts[GLOBAL_RESEARCH][passage["first"]["start"] : passage["first"]["end"]]
    second = texts[ZEROHEDGE][passage["second"]["start"] : passage["second"]["end"]]
    assert (
        first
        == second
        == (
            "Field Marshal Haftar’s significant role in fighting terrorism and securing Libya’s oil resources"
        )
    )


SHARED = (
    "the minister told the assembly that the harbour would stay closed to every ship until the inquiry ends"
)


def test_a_passage_with_a_changed_word_is_one_passage_and_the_change_is_marked() -> None:
    shared = SHARED
    changed = shared.replace("harbour", "port")
    first = _article("a", f"Opening words of one story. {shared}. Closing words here.", "2020-01-02")
    second = _article("b", f"A different start entirely. {changed}. Other closing words.", "2020-01-01")
    _, (reuse,) = compare_reuse([first, second])
    assert (reuse.first, reuse.second, reuse.dated) == ("b", "a", True)
    ((in_first, in_second),) = reuse.passages
    assert second.text[in_first.start : in_first.end] == changed
    assert first.text[in_second.start : in_second.end] == shared


def test_comparison_page_marks_the_changed_word_side_by_side(tmp_path: Path) -> None:
    project = Project.at(tmp_path)
    project.seeds.mkdir()
    shared = SHARED
    (project.seeds / "a.txt").write_text(f"Harbour shut\n\nOpening words of one story. {shared}.\n")
    (project.seeds / "b.txt").write_text(
        f"Port shut\n\nA different start entirely. {shared.replace('harbour', 'port')}.\n"
    )
    html = parse_html(page(build(project, write=False), "compare/index.md"), "px-side-by-side")
    assert [e.tag for e in html.elements].count("del") == 1
    assert [e.tag for e in html.elements].count("ins") == 1
    assert "harbour would stay closed" in html.text and "port would stay closed" in html.text


# --- quotes ------------------------------------------------------------------------------------

WHITE_HOUSE = (
    "Field Marshal Haftar’s significant role in fighting terrorism and securing Libya’s oil resources"
)


def test_white_house_quote_is_one_group_carried_by_three_articles(sample: BuildResult) -> None:
    (group,) = [
        g for g in sample.corpus.comparison.quote_groups
        if any(WHITE_HOUSE in _text(sample, v.article, v.start, v.end) for v in g.versions if v.quoted)
    ]  # fmt: skip
    versions = {v.article: v for v in group.versions}
    assert set(versions) == {COPY, GLOBAL_RESEARCH, ZEROHEDGE}
    assert versions[COPY].quoted is False  # the stripped copy lost its quotation marks
    assert versions[ZEROHEDGE].altered and versions[ZEROHEDGE].trimmed
    assert not versions[GLOBAL_RESEARCH].altered
    speaker = sample.corpus.entity(group.speaker or "")
    assert speaker is not None and speaker.name == "White House"


def test_spelling_difference_is_marked_on_the_comparison_page(sample: BuildResult) -> None:
    html = parse_html(page(sample, "compare/index.md"), "px-quote-versions")
    marked = [e for e in html.elements if e.tag == "ins"]
    assert len(marked) == 1
    assert "recognized Field Marshal Haftar’s" in html.text
    assert "recognised Field Marshal Haftar’s" in html.text
    assert "verbatim, without quotation marks" in html.text
    assert "trimmed, altered" in html.text


def test_guterres_quote_is_attributed_to_guterres(sample: BuildResult) -> None:
    hope = "I still hope it is possible to avoid a bloody confrontation in and around Tripoli"
    (quote,) = [q for q in sample.corpus.quotes if q.text.startswith(hope)]
    assert quote.article == HALBEEG
    speaker = sample.corpus.entity(quote.speaker or "")
    assert speaker is not None and speaker.name == "Antonio Guterres"
    records = [q for q in data(sample, "quotes.json") if q["text"] == quote.text]  # type: ignore[union-attr]
    assert records[0]["speaker"] == speaker.id and records[0]["speaker_text"] == "Guterres"


def test_places_speaking_together_and_a_description_referring_back(sample: BuildResult) -> None:
    by_text = {q.text[:30]: q for q in sample.corpus.quotes}
    # "The two countries, along with the UK, Italy and the United States, said in a joint
    # statement": several places speaking together, the first named speaks for them.
    assert by_text["military posturing and threats"].speaker == "united-kingdom"
    # "The Libyan president said ..." refers back to "President Faiez Mustafa Sarraj"; the group
    # "Libyan" inside it never speaks.
    libyan_president = by_text["militarize the country and to "]
    assert (libyan_president.speaker, libyan_president.cue) == ("faiez-mustafa-sarraj", "description")


def test_quotes_are_exported_with_offsets_into_the_article_text(sample: BuildResult) -> None:
    texts = {a["id"]: a["text"] for a in data(sample, "articles.json")}  # type: ignore[union-attr]
    records = data(sample, "quotes.json")
    assert isinstance(records, list) and len(records) > 20
    for record in records:
        assert texts[record["article"]][record["start"] : record["end"]] == record["text"]
    unmarked = [r for r in records if not r["quoted"]]
    assert [(r["article"], r["group"]) for r in unmarked] == [(COPY, "q1")]


# --- coverage, labels, pairs -------------------------------------------------------------------


def test_coverage_shows_only_004_names_guterres(sample: BuildResult) -> None:
    coverage = sample.corpus.comparison.coverage
    assert coverage is not None
    assert "antonio-guterres" in coverage.entities
    named = [a for a in coverage.articles if coverage.counts.get(("antonio-guterres", a))]
    assert named == [HALBEEG]
    assert "antonio-guterres" in coverage.exclusive[HALBEEG]
    assert coverage.missing["antonio-guterres"] == (COPY, GLOBAL_RESEARCH, ZEROHEDGE, ARAB_NEWS)


def test_coverage_matrix_row_and_picture_on_the_page(sample: BuildResult) -> None:
    content = page(sample, "compare/index.md")
    table = parse_html(content, "px-coverage")
    row = table.text.split("Antonio Guterres", 1)[1].split("Italy", 1)[0]
    # The row heading says how many independent accounts name the entity; then the counts.
    assert row.split() == ["named", "by", "1", "article,", "1", "independent", "account", "3"]
    svg = parse_html(content, "px-heat-map")
    assert "Antonio Guterres" in svg.text
    assert "Mentions of the most-named entities in each article" in svg.text


def test_copies_do_not_make_an_entity_shared(sample: BuildResult) -> None:
    coverage = sample.corpus.comparison.coverage
    assert coverage is not None
    # Named by 001 and by its copy 000 only: still one source.
    assert "syria" in coverage.exclusive[GLOBAL_RESEARCH]
    assert COPY not in coverage.exclusive


def test_labels_for_haftar_differ_between_outlets(sample: BuildResult) -> None:
    labels = sample.corpus.labels_of("khalifa-haftar")
    assert labels is not None
    by_outlet = {outlet: {label for label, _ in items} for outlet, items in labels.by_outlet}
    assert "military strongman" in by_outlet["Halbeeg News"]
    assert "US citizen General" in by_outlet["Halbeeg News"]
    assert "the self-styled head of the Libyan National Army" in by_outlet[f"unknown outlet ({ARAB_NEWS})"]
    assert "Field Marshal" in by_outlet["Global Research"]
    assert len({frozenset(found) for found in by_outlet.values()}) == len(by_outlet) == 5


def test_framing_table_on_the_page(sample: BuildResult) -> None:
    content = page(sample, "compare/index.md")
    section = content.split("## Naming and framing", 1)[1].split("## Figures", 1)[0]
    text = parse_html(section, "px-labels").text
    assert "Halbeeg News" in text and "“military strongman”" in text


def test_pair_statements_quote_sentences_naming_both(sample: BuildResult) -> None:
    pairs = {(p.first, p.second): p for p in sample.corpus.comparison.pairs}
    russia = pairs.get(("khalifa-haftar", "russia"))
    assert russia is not None
    assert {article for article, _ in russia.sentences} >= {ARAB_NEWS, HALBEEG}
    content = page(sample, "compare/index.md")
    assert "Russia which has thrown its support behind" in parse_html(content, "px-statements").text


def test_coverage_export_matches_the_matrix(sample: BuildResult) -> None:
    coverage = data(sample, "coverage.json")
    assert isinstance(coverage, dict)
    row = next(r for r in coverage["matrix"] if r["entity"] == "antonio-guterres")
    assert row["counts"] == {COPY: 0, GLOBAL_RESEARCH: 0, ZEROHEDGE: 0, ARAB_NEWS: 0, HALBEEG: 3}


# --- the built site ----------------------------------------------------------------------------


def test_comparison_page_is_in_the_nav_and_links_back(sample_site: Path) -> None:
    parsed = parse_page(sample_site / "site" / "compare" / "index.html")
    assert "Source comparison" in parsed.text
    hrefs = {e.attrs.get("href") for e in parsed.elements if e.tag == "a"}
    assert f"../articles/{HALBEEG}/" in hrefs
    assert "../entities/antonio-guterres/" in hrefs
    home = parse_page(sample_site / "site" / "index.html", "md-nav")
    assert any(e.attrs.get("href") == "compare/" for e in home.all_elements if e.tag == "a")


def test_article_page_marks_quotes_and_names_their_speakers(sample_site: Path) -> None:
    path = sample_site / "site" / "articles" / HALBEEG / "index.html"
    text = parse_page(path, "px-text")
    quotes = [e for e in text.elements if "px-quote" in e.attrs.get("class", "").split()]
    assert quotes[1].attrs["id"] == "quote-2"
    assert quotes[1].attrs["title"] == "Quote from Antonio Guterres"
    listed = parse_page(path, "px-quotes").text
    assert (
        "“I still hope it is possible to avoid a bloody confrontation in and around Tripoli” — Antonio"
        in listed
    )


def test_entity_page_lists_what_the_entity_is_quoted_saying(sample_site: Path) -> None:
    parsed = parse_page(sample_site / "site" / "entities" / "antonio-guterres" / "index.html")
    assert "## Quoted" not in parsed.text and "Quoted" in parsed.text
    links = [
        e.attrs["href"]
        for e in parsed.elements
        if e.tag == "a" and "px-in-context" in e.attrs.get("class", "")
    ]
    assert f"../../articles/{HALBEEG}/#quote-2" in links


def test_copy_page_says_it_carries_the_quote_without_quotation_marks(sample_site: Path) -> None:
    parsed = parse_page(sample_site / "site" / "articles" / COPY / "index.html", "px-unmarked")
    assert parsed.text.startswith(
        "This text also carries, without quotation marks, quote 1 (“recognised Field Marshal"
    )


def _article(article_id: str, text: str, date: str | None = None) -> Article:
    return Article(
        article_id, f"seeds/{article_id}.txt", text, (Paragraph(0, len(text)),), Metadata(date=date)
    )


def _text(result: BuildResult, article_id: str, start: int, end: int) -> str:
    article = result.corpus.get(article_id)
    return article.text[start:end] if article else ""


CAPPED = {
    "a.txt": "Title: Blast in the market\n\nAt least 12 people were killed in the blast on Monday, "
    'police chief Ahmed Karimi said. "We are still searching the rubble for survivors," he said. '
    "Officials said 40 people were injured.",
    "b.txt": "Title: Market blast kills 14\n\nAt least 14 people were killed in the blast on Monday, "
    'said Lena Morrow of the Red Cross. "We are still searching the rubble for survivors," the police '
    "chief said. Some 40 people were injured.",
    "c.txt": "Title: Deadly blast\n\nTwelve people were killed in the blast, said Pablo Ortiz, a "
    'witness. "We are still searching the rubble for survivors," a police officer said. '
    "40 people were injured.",
}


def test_a_long_comparison_page_shows_the_first_groups_and_says_where_the_rest_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a large corpus the page keeps to its caps; here they are set below this corpus's counts."""
    from generator.render import comparison
    from generator.render.pages import render_pages

    (tmp_path / "seeds").mkdir()
    for name, text in CAPPED.items():
        (tmp_path / "seeds" / name).write_text(text, "utf-8")
    corpus = build(Project.at(tmp_path), write=False).corpus
    groups, figures = corpus.comparison.quote_groups, corpus.comparison.figures
    assert groups and len(figures) >= 2 and any(group.disagree for group in figures)
    monkeypatch.setattr(comparison, "MAX_QUOTE_GROUPS", 0)
    monkeypatch.setattr(comparison, "MAX_FIGURE_GROUPS", 1)
    monkeypatch.setattr(comparison, "MAX_EXCLUSIVE", 1)
    content = next(p.content for p in render_pages(corpus) if p.path == "compare/index.md")
    # Every group keeps its anchor (article pages link to it), in one line each past the cap.
    for group in groups:
        assert content.count(f'id="{group.id}"') == 1
    assert '<h3 class="px-quote-group"' not in content
    brief = re.findall(r'<li id="(q\d+)">Quote \d+[^\n]*: “([^\n]*)” — ', content)
    assert [group_id for group_id, _ in brief] == [group.id for group in groups]
    first = groups[0].versions[0]
    article = corpus.get(first.article)
    assert article is not None
    assert brief[0][1] == html.escape(article.text[first.start : first.end])
    rows = re.findall(r"<tr( class=\"px-disagree\")?><td>[^<]*</td><td>(?:differ|agree)<br>", content)
    assert rows == [' class="px-disagree"']  # those that disagree come first
    assert f"The first 1 of {len(figures)} groups, those the sources disagree on first" in content
    exclusive = content.split('<ul class="px-exclusive">')[1].split("</ul>")[0]
    assert exclusive.count("<li>") == 1
    assert "The first 1 of 3 articles; coverage.json has them all." in content
