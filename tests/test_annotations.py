"""Researchers' YAML in annotations/articles/: loading, validation messages and metadata overrides.

Every test builds a real project in tmp_path from the sample seeds and real YAML files.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from generator.annotations.read import load_annotations
from generator.build import BuildResult, Project, build
from generator.model import Severity

ARTICLE = "001_0ecb2f08c5882e7a"
YML = f"annotations/articles/{ARTICLE}.yml"


def write_yaml(project: Project, text: str, name: str = f"{ARTICLE}.yml") -> Path:
    path = project.annotations / "articles" / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(result: BuildResult) -> list[str]:
    return [str(problem) for problem in result.problems]


def meta(result: BuildResult, article_id: str = ARTICLE) -> dict[str, str | None]:
    article = result.corpus.get(article_id)
    assert article is not None
    fields = ("title", "outlet", "author", "date", "dateline", "url")
    return {name: getattr(article.meta, name) for name in fields}


def origin(result: BuildResult, name: str, article_id: str = ARTICLE) -> str | None:
    article = result.corpus.get(article_id)
    assert article is not None
    return article.origin(name)


ORIGINAL = {
    "title": "Failed States and Militias: General Khalifa Haftar Moves on Tripoli",
    "outlet": "Global Research",
    "author": "Dr. Binoy Kampmark",
    "date": "2019-04-21",
    "dateline": None,
    "url": None,
}


# --- YAML syntax --------------------------------------------------------------------------------------------


def test_bad_indentation_is_one_error_at_file_line_column(sample_project: Project) -> None:
    write_yaml(sample_project, "title: A new title\n  outlet: Somewhere\n")

    result = build(sample_project, write=False)

    assert messages(result) == [f"{YML}:2:9: error: YAML syntax error: mapping values are not allowed here"]
    assert result.errors == 1
    assert meta(result) == ORIGINAL


def test_unclosed_flow_list_is_one_error_at_file_line_column(sample_project: Project) -> None:
    write_yaml(sample_project, "title: [A new title\n")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:2:1: error: YAML syntax error: while parsing a flow sequence (started at line 1, column 8); "
        "expected ',' or ']', but got '<stream end>'"
    ]
    assert meta(result) == ORIGINAL


def test_unclosed_quote_is_one_error(sample_project: Project) -> None:
    write_yaml(sample_project, 'title: "A new title\noutlet: Somewhere\n')

    result = build(sample_project, write=False)

    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (problem.path, problem.severity) == (YML, Severity.ERROR)
    assert (
        problem.message == "YAML syntax error: while scanning a quoted scalar (started at line 1, column 8); "
        "found unexpected end of stream"
    )
    assert problem.line is not None and problem.column is not None
    assert meta(result) == ORIGINAL


def test_unclosed_quote_names_the_line_where_the_quote_opens(sample_project: Project) -> None:
    write_yaml(sample_project, 'title: "A new title\noutlet: Somewhere\nauthor: Someone\n')

    result = build(sample_project, write=False)

    (problem,) = result.problems
    assert problem.line == 1 or "line 1" in problem.message


def test_tab_indentation_is_one_error(sample_project: Project) -> None:
    write_yaml(sample_project, "title: A\n\toutlet: B\n")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:2:1: error: YAML syntax error: while scanning for the next token; "
        "found character '\\t' that cannot start any token"
    ]


def test_duplicate_key_names_both_lines(sample_project: Project) -> None:
    write_yaml(sample_project, "outlet: X\ntitle: First\nauthor: Y\ntitle: Second\n")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:4:1: error: duplicate key 'title' (first defined at line 2); "
        "YAML keeps only one of them: remove or rename one"
    ]
    # The whole file is rejected: neither title wins silently.
    assert meta(result) == ORIGINAL


def test_duplicate_key_inside_a_highlight_item(sample_project: Project) -> None:
    write_yaml(
        sample_project,
        "highlights:\n  - quote: General Khalifa Haftar\n    note: one\n    note: two\n",
    )

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:4:5: error: duplicate key 'note' (first defined at line 3); "
        "YAML keeps only one of them: remove or rename one"
    ]
    assert result.corpus.highlights == ()


# --- schema: unknown keys and wrong types -------------------------------------------------------------------


def test_unknown_top_level_key_suggests_the_close_one(sample_project: Project) -> None:
    write_yaml(sample_project, "outlet: Somewhere Else\ntitel: A new title\n")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:2:1: error: unknown key 'titel'. Expected one of: author, date, dateline, highlights, "
        "outlet, title, url. Did you mean 'title'?"
    ]
    # The valid key in the same file still applies; the misspelt one does not.
    assert meta(result)["outlet"] == "Somewhere Else"
    assert meta(result)["title"] == ORIGINAL["title"]


def test_unknown_key_without_a_close_match_has_no_suggestion(sample_project: Project) -> None:
    write_yaml(sample_project, "\n\n  zzz: 1\n")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:3:3: error: unknown key 'zzz'. Expected one of: author, date, dateline, highlights, "
        "outlet, title, url"
    ]


def test_unknown_key_inside_highlight_item_suggests_quote(sample_project: Project) -> None:
    write_yaml(
        sample_project,
        "highlights:\n  - note: fine\n    quote: Wadi Rabea\n"
        "  - qoute: General Khalifa Haftar\n    note: n\n",
    )

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:4:5: error: unknown key 'qoute' in 'highlights[2]'. Expected one of: after, before, note, "
        "quote, tags. Did you mean 'quote'?",
        f"{YML}:4:5: error: 'highlights[2]': missing required key 'quote'",
    ]
    # Only the valid first item becomes a highlight.
    assert [h.note for h in result.corpus.highlights] == ["fine"]


def test_date_in_words_is_rejected(sample_project: Project) -> None:
    write_yaml(sample_project, "date: 21 April 2019\n")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:1:7: error: 'date': expected a date written YYYY-MM-DD, found '21 April 2019'"
    ]
    assert meta(result)["date"] == "2019-04-21"
    assert origin(result, "date") == "text"


def test_javascript_url_is_rejected_and_never_applied(sample_project: Project) -> None:
    write_yaml(sample_project, "url: javascript:alert(1)\n")

    result = build(sample_project, write=True)

    assert messages(result) == [
        f"{YML}:1:6: error: 'url': expected an http:// or https:// address, found 'javascript:alert(1)'"
    ]
    assert meta(result)["url"] is None
    page = (sample_project.docs / "articles" / f"{ARTICLE}.md").read_text("utf-8")
    assert "javascript" not in page


def test_highlights_as_text_instead_of_list(sample_project: Project) -> None:
    write_yaml(sample_project, 'title: Kept\nhighlights: "text"\n')

    result = build(sample_project, write=False)

    assert messages(result) == [f"{YML}:2:13: error: 'highlights': expected a list, found 'text'"]
    assert meta(result)["title"] == "Kept"
    assert result.corpus.highlights == ()


def test_highlight_missing_note(sample_project: Project) -> None:
    write_yaml(sample_project, "highlights:\n  - quote: General Khalifa Haftar\n")

    result = build(sample_project, write=False)

    assert messages(result) == [f"{YML}:2:5: error: 'highlights[1]': missing required key 'note'"]


def test_number_where_text_expected(sample_project: Project) -> None:
    write_yaml(sample_project, "author: 2019\ntitle: yes\n")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:1:9: error: 'author': expected text, found a number (2019)",
        f"{YML}:2:8: error: 'title': expected text, found true/false (true)",
    ]
    assert meta(result) == ORIGINAL


def test_empty_title_is_rejected(sample_project: Project) -> None:
    write_yaml(sample_project, 'title: ""\n')

    result = build(sample_project, write=False)

    assert messages(result) == [f"{YML}:1:8: error: 'title': expected some text (not only spaces), found ''"]
    assert meta(result) == ORIGINAL


def test_whitespace_only_title_is_reported_not_dropped_silently(sample_project: Project) -> None:
    write_yaml(sample_project, 'title: "   "\n')

    result = build(sample_project, write=False)

    assert meta(result) == ORIGINAL
    assert len(result.problems) == 1
    assert result.problems[0].line == 1


def test_top_level_list_is_rejected(sample_project: Project) -> None:
    write_yaml(sample_project, "- title: A\n")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:1:1: error: the file: expected a mapping of keys to values, found a list"
    ]
    assert meta(result) == ORIGINAL


# --- dates written without quotes ---------------------------------------------------------------------------


def test_unquoted_yaml_date_becomes_the_iso_string(sample_project: Project) -> None:
    write_yaml(sample_project, "date: 2019-04-22\n")

    result = build(sample_project, write=False)

    assert messages(result) == []
    assert meta(result)["date"] == "2019-04-22"
    record = json.loads(next(p.content for p in result.pages if p.path == "data/articles.json"))
    (article,) = [r for r in record if r["id"] == ARTICLE]
    assert article["date"] == "2019-04-22"
    assert article["origins"]["date"] == f"{YML}:1"


def test_unquoted_datetime_is_rejected(sample_project: Project) -> None:
    write_yaml(sample_project, "date: 2019-04-22 10:30:00\n")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:1:7: error: 'date': expected a date written YYYY-MM-DD, found '2019-04-22T10:30:00'"
    ]
    assert meta(result)["date"] == "2019-04-21"


def test_impossible_unquoted_date_is_an_error_not_a_crash(sample_project: Project) -> None:
    write_yaml(sample_project, "outlet: Somewhere\ndate: 2019-04-31\n")

    result = build(sample_project, write=False)

    assert result.errors == 1
    assert result.problems[0].path == YML
    assert result.problems[0].line == 2


def test_bad_explicit_tag_is_an_error_not_a_crash(sample_project: Project) -> None:
    write_yaml(sample_project, "title: !!int abc\n")

    result = build(sample_project, write=False)

    assert result.errors == 1
    assert result.problems[0].line == 1


def test_recursive_alias_is_an_error_not_a_crash(sample_project: Project) -> None:
    write_yaml(sample_project, "highlights: &h [*h]\n")

    result = build(sample_project, write=False)

    assert result.errors >= 1


# --- files that are not annotations -------------------------------------------------------------------------


def test_yaml_for_unknown_article_id_suggests_the_closest(sample_project: Project) -> None:
    write_yaml(sample_project, "title: Never applied\n", name="001_0ecb2f08c5882e7b.yml")

    result = build(sample_project, write=False)

    assert messages(result) == [
        "annotations/articles/001_0ecb2f08c5882e7b.yml:1:1: warning: no article with the id "
        "'001_0ecb2f08c5882e7b' in the seeds; this file is not applied. Did you mean '001_0ecb2f08c5882e7a'?"
    ]
    assert result.errors == 0 and result.warnings == 1
    assert all(article.meta.title != "Never applied" for article in result.corpus)


def test_yaml_for_unknown_article_id_far_from_any_id(sample_project: Project) -> None:
    write_yaml(sample_project, "title: Never applied\n", name="notes.yml")

    result = build(sample_project, write=False)

    assert messages(result) == [
        "annotations/articles/notes.yml:1:1: warning: no article with the id 'notes' in the seeds; "
        "this file is not applied"
    ]


def test_non_utf8_yaml_names_the_byte_offset(sample_project: Project) -> None:
    path = sample_project.annotations / "articles" / f"{ARTICLE}.yml"
    path.write_bytes("outlet: Caf\u00e9 Press\n".encode("latin-1"))

    result = build(sample_project, write=False)

    assert messages(result) == [f"{YML}: error: is not UTF-8 (byte 0xe9 at offset 11); save it as UTF-8"]
    assert meta(result) == ORIGINAL


def test_utf8_with_byte_order_mark_is_read(sample_project: Project) -> None:
    path = sample_project.annotations / "articles" / f"{ARTICLE}.yml"
    path.write_bytes("\ufeffoutlet: Café Press\n".encode())

    result = build(sample_project, write=False)

    assert messages(result) == []
    assert meta(result)["outlet"] == "Café Press"


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_yaml_has_no_problem_and_no_effect(sample_project: Project, text: str) -> None:
    baseline = build(sample_project, write=False)
    write_yaml(sample_project, text)

    result = build(sample_project, write=False)

    assert messages(result) == []
    assert result.corpus.get(ARTICLE) == baseline.corpus.get(ARTICLE)
    assert result.corpus.highlights == ()
    assert [(p.path, p.content) for p in result.pages] == [(p.path, p.content) for p in baseline.pages]


def test_txt_file_in_annotations_is_not_a_yaml_file(sample_project: Project) -> None:
    write_yaml(sample_project, "title: Never applied\n", name=f"{ARTICLE}.txt")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"annotations/articles/{ARTICLE}.txt: warning: not a YAML file (expected .yml or .yaml); ignored"
    ]
    assert meta(result) == ORIGINAL


def test_yaml_suffix_and_hidden_files(sample_project: Project) -> None:
    write_yaml(sample_project, "outlet: From yaml suffix\n", name=f"{ARTICLE}.yaml")
    write_yaml(sample_project, "title: [broken\n", name=".editor-backup.yml")

    result = build(sample_project, write=False)

    assert messages(result) == []
    assert meta(result)["outlet"] == "From yaml suffix"
    assert origin(result, "outlet") == f"annotations/articles/{ARTICLE}.yaml:1"


def test_missing_annotations_folder_means_no_annotations(tmp_path: Path) -> None:
    annotations = load_annotations(tmp_path / "annotations", tmp_path)

    assert annotations.articles == ()
    assert annotations.problems == ()


# --- overrides ----------------------------------------------------------------------------------------------

OVERRIDES = """\
# corrections checked against the publisher's page
title: "Haftar's March on Tripoli"
outlet: Global Research (Canada)
author: Binoy Kampmark
date: "2019-04-22"
url: https://www.globalresearch.ca/failed-states-militias/5675389
"""


def test_overrides_win_and_record_their_origin(sample_project: Project) -> None:
    write_yaml(sample_project, OVERRIDES)

    result = build(sample_project, write=True)

    assert messages(result) == []
    assert meta(result) == {
        "title": "Haftar's March on Tripoli",
        "outlet": "Global Research (Canada)",
        "author": "Binoy Kampmark",
        "date": "2019-04-22",
        "dateline": None,
        "url": "https://www.globalresearch.ca/failed-states-militias/5675389",
    }
    article = result.corpus.get(ARTICLE)
    assert article is not None
    assert dict(article.origins) == {
        "title": f"{YML}:2",
        "outlet": f"{YML}:3",
        "author": f"{YML}:4",
        "date": f"{YML}:5",
        "url": f"{YML}:6",
    }
    # Other articles keep what was read from their text.
    assert origin(result, "title", "002_c5e94d6caf5d1f55") == "text"


def test_overrides_appear_on_the_article_page_with_their_origin(sample_project: Project) -> None:
    write_yaml(sample_project, OVERRIDES)

    build(sample_project, write=True)

    raw = (sample_project.docs / "articles" / f"{ARTICLE}.md").read_text("utf-8")
    page = html.unescape(raw)
    assert '<h1 class="px-title">Haftar\'s March on Tripoli</h1>' in page
    assert "Failed States and Militias" not in page
    for label, value, line in [
        # The outlet links to its page (outlets/<id>/).
        ("Outlet", '<a href="../../outlets/global-research-canada/">Global Research (Canada)</a>', 3),
        ("Author", "Binoy Kampmark", 4),
        ("Date", "2019-04-22", 5),
    ]:
        assert (
            f'<tr><th scope="row">{label}</th><td>{value} <span class="px-origin">'
            f"(set in annotations/articles/{ARTICLE}.yml:{line})</span></td></tr>"
        ) in page
    url = "https://www.globalresearch.ca/failed-states-militias/5675389"
    assert (
        f'<tr><th scope="row">Source URL</th><td><a href="{url}" rel="nofollow noopener">{url}</a> '
        f'<span class="px-origin">(set in annotations/articles/{ARTICLE}.yml:6)</span></td></tr>' in page
    )
    assert f'<p class="px-origin">Title set in annotations/articles/{ARTICLE}.yml:2</p>' in page
    # A field still read from the text carries no "set in" note.
    assert '<tr><th scope="row">Dateline</th><td><span class="px-unknown">unknown</span></td></tr>' in page


def test_overrides_reach_the_data_export(sample_project: Project) -> None:
    write_yaml(sample_project, OVERRIDES)

    build(sample_project, write=True)

    records = json.loads((sample_project.docs / "data" / "articles.json").read_text("utf-8"))
    (record,) = [r for r in records if r["id"] == ARTICLE]
    assert (record["title"], record["outlet"], record["date"]) == (
        "Haftar's March on Tripoli",
        "Global Research (Canada)",
        "2019-04-22",
    )
    assert record["origins"]["url"] == f"{YML}:6"
    csv_text = (sample_project.docs / "data" / "articles.csv").read_text("utf-8")
    assert f"{ARTICLE},seeds/{ARTICLE}.txt,Haftar's March on Tripoli,Global Research (Canada)," in csv_text


def test_override_fills_a_field_unknown_in_the_text(sample_project: Project) -> None:
    write_yaml(sample_project, "dateline: Tripoli\n")

    result = build(sample_project, write=True)

    assert meta(result)["dateline"] == "Tripoli"
    page = html.unescape((sample_project.docs / "articles" / f"{ARTICLE}.md").read_text("utf-8"))
    assert (
        '<tr><th scope="row">Dateline</th><td>Tripoli <span class="px-origin">'
        f"(set in annotations/articles/{ARTICLE}.yml:1)</span></td></tr>"
    ) in page


def test_valid_keys_apply_when_another_key_is_invalid(sample_project: Project) -> None:
    write_yaml(
        sample_project,
        "outlet: Global Research (Canada)\ndate: 21 April 2019\n"
        "url: javascript:alert(1)\nauthor: B. Kampmark\n",
    )

    result = build(sample_project, write=True)

    assert messages(result) == [
        f"{YML}:2:7: error: 'date': expected a date written YYYY-MM-DD, found '21 April 2019'",
        f"{YML}:3:6: error: 'url': expected an http:// or https:// address, found 'javascript:alert(1)'",
    ]
    assert meta(result) == {
        **ORIGINAL,
        "outlet": "Global Research (Canada)",
        "author": "B. Kampmark",
    }
    article = result.corpus.get(ARTICLE)
    assert article is not None
    assert article.origin("outlet") == f"{YML}:1"
    assert article.origin("author") == f"{YML}:4"
    assert article.origin("date") == "text"
    page = html.unescape((sample_project.docs / "articles" / f"{ARTICLE}.md").read_text("utf-8"))
    assert "(set in annotations/articles/001_0ecb2f08c5882e7a.yml:1)" in page
    assert '<tr><th scope="row">Date</th><td>2019-04-21</td></tr>' in page


# --- the program only reads annotations/ --------------------------------------------------------------------


def test_build_never_modifies_annotations(sample_project: Project) -> None:
    write_yaml(sample_project, OVERRIDES + "highlights:\n  - quote: not in the article\n    note: kept\n")
    write_yaml(sample_project, "titel: typo\n", name="002_c5e94d6caf5d1f55.yml")
    write_yaml(sample_project, "free notes\n", name="reading-list.txt")
    (sample_project.annotations / "articles" / "003_6b383f3c232c05d5.yml").write_bytes(b"outlet: \xff\n")
    write_yaml(sample_project, "", name="004_23e8d5bb857ada88.yml")

    def snapshot() -> dict[str, tuple[bytes, int]]:
        return {
            path.relative_to(sample_project.annotations).as_posix(): (
                path.read_bytes(),
                path.stat().st_mtime_ns,
            )
            for path in sorted(sample_project.annotations.rglob("*"))
            if path.is_file()
        }

    before = snapshot()
    result = build(sample_project, write=True)
    again = build(sample_project, write=True)

    assert snapshot() == before
    assert len(before) == 5
    assert result.written is not None and (sample_project.docs / "articles" / f"{ARTICLE}.md").is_file()
    assert again.written is not None and again.written.written == ()
