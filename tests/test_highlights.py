"""Highlights: a passage quoted in annotations/articles/<id>.yml is found in the article's text.

Every test builds a real project in tmp_path from the sample seeds and real YAML files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.build import BuildResult, Project, build
from generator.model import Highlight

ARTICLE = "001_0ecb2f08c5882e7a"
YML = f"annotations/articles/{ARTICLE}.yml"
ORIGIN = "annotations&#47;articles&#47;001&#95;0ecb2f08c5882e7a.yml&#58;"
"""The YAML path as it appears (escaped) inside the generated Markdown."""


def write_yaml(project: Project, text: str, article_id: str = ARTICLE) -> Path:
    path = project.annotations / "articles" / f"{article_id}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def messages(result: BuildResult) -> list[str]:
    return [str(problem) for problem in result.problems]


def article_text(result: BuildResult, article_id: str = ARTICLE) -> str:
    article = result.corpus.get(article_id)
    assert article is not None
    return article.text


ENTITY_LINK = re.compile(r'<a class="px-entity[^>]*>(.*?)</a>')


def page_of(project: Project, article_id: str = ARTICLE) -> str:
    """The article page with entity mention links reduced to their text: these tests are about highlights."""
    return ENTITY_LINK.sub(r"\1", (project.docs / "articles" / f"{article_id}.md").read_text("utf-8"))


def json_highlights(project: Project, article_id: str = ARTICLE) -> list[dict[str, object]]:
    records = json.loads((project.docs / "data" / "articles.json").read_text("utf-8"))
    (record,) = [r for r in records if r["id"] == article_id]
    highlights: list[dict[str, object]] = record["highlights"]
    return highlights


# --- an exact quote -----------------------------------------------------------------------------------------


def test_exact_quote_becomes_a_highlight(sample_project: Project) -> None:
    quote = "veteran of the Libyan war in Chad"
    write_yaml(
        sample_project,
        f"highlights:\n  - quote: {quote}\n    note: Haftar's past & the CIA\n    tags: [biography]\n",
    )

    result = build(sample_project, write=True)

    assert messages(result) == []
    text = article_text(result)
    start = text.index(quote)
    assert start == 1070
    assert result.corpus.highlights == (
        Highlight(ARTICLE, start, start + len(quote), "Haftar's past & the CIA", ("biography",), f"{YML}:2"),
    )
    (highlight,) = result.corpus.highlights
    assert text[highlight.start : highlight.end] == quote


def test_exact_quote_is_marked_on_the_article_page(sample_project: Project) -> None:
    write_yaml(
        sample_project,
        "highlights:\n  - quote: veteran of the Libyan war in Chad\n    note: Haftar's past & the CIA\n"
        "    tags: [biography]\n",
    )

    build(sample_project, write=True)

    page = page_of(sample_project)
    assert page.count('<mark class="px-highlight"') == 1
    assert (
        '<p id="p-4">General Haftar, <mark class="px-highlight" id="highlight-1">veteran of the Libyan war '
        'in Chad</mark><sup class="px-note-ref"><a href="#note-1">1</a></sup> during the 1970s'
    ) in page
    # The note follows the paragraph that holds the passage, its text escaped.
    assert (
        '<aside class="px-note" id="note-1"><a href="#highlight-1">Note 1</a> Haftar&#39;s past &#38; the CIA'
        f' <span class="px-tag">biography</span> <span class="px-origin">({ORIGIN}2)</span></aside>'
    ) in page
    paragraphs = page.split('<p id="p-')
    assert '<aside class="px-note" id="note-1">' in paragraphs[4]
    assert "## Highlights" in page
    assert (
        '<li><a href="#highlight-1">“veteran of the Libyan war in Chad”</a> — '
        "Haftar&#39;s past &#38; the CIA</li>"
    ) in page


def test_exact_quote_is_exported_in_articles_json(sample_project: Project) -> None:
    write_yaml(
        sample_project,
        "# my notes\nhighlights:\n  - quote: veteran of the Libyan war in Chad\n    note: Haftar's past\n",
    )

    build(sample_project, write=True)

    assert json_highlights(sample_project) == [
        {
            "start": 1070,
            "end": 1103,
            "text": "veteran of the Libyan war in Chad",
            "note": "Haftar's past",
            "tags": [],
            "origin": f"{YML}:3",
        }
    ]
    assert json_highlights(sample_project, "002_c5e94d6caf5d1f55") == []


def test_article_without_highlights_has_no_highlight_section(sample_project: Project) -> None:
    write_yaml(sample_project, "outlet: Global Research\n")

    build(sample_project, write=True)

    page = page_of(sample_project)
    assert "px-highlight" not in page
    assert "## Highlights" not in page


def test_highlights_are_numbered_in_text_order(sample_project: Project) -> None:
    write_yaml(
        sample_project,
        "highlights:\n"
        "  - quote: How inconsiderate of them.\n    note: later in the text\n"
        "  - quote: The richly disastrous mess\n    note: first in the text\n",
    )

    result = build(sample_project, write=True)

    assert messages(result) == []
    page = page_of(sample_project)
    assert '<p id="p-1"><mark class="px-highlight" id="highlight-1">The richly disastrous mess</mark>' in page
    assert (
        '<p id="p-11"><mark class="px-highlight" id="highlight-2">How inconsiderate of them.</mark>'
        '<sup class="px-note-ref"><a href="#note-2">2</a></sup></p>'
    ) in page
    assert '<a href="#highlight-1">Note 1</a> first in the text' in page
    assert '<a href="#highlight-2">Note 2</a> later in the text' in page


# --- quotes as a researcher types them ----------------------------------------------------------------------


def test_straight_quotes_match_curly_quotes(sample_project: Project) -> None:
    write_yaml(
        sample_project,
        "highlights:\n"
        "  - quote: 'leaves Libya with \"heavy heart\" after failed talks'\n"
        "    note: UN chief\n",
        article_id="004_23e8d5bb857ada88",
    )

    result = build(sample_project, write=True)

    assert messages(result) == []
    (highlight,) = result.corpus.highlights
    text = article_text(result, "004_23e8d5bb857ada88")
    assert text[highlight.start : highlight.end] == "leaves Libya with “heavy heart” after failed talks"
    assert (highlight.start, highlight.end) == (65, 115)
    page = page_of(sample_project, "004_23e8d5bb857ada88")
    # The quote inside the highlight is marked too, nested inside it.
    assert (
        '<mark class="px-highlight" id="highlight-1">leaves Libya with “'
        '<span class="px-quote" id="quote-1" title="Quote, unattributed">heavy heart</span>'
        "” after failed talks</mark>"
    ) in page


def test_straight_apostrophe_and_extra_white_space_match(sample_project: Project) -> None:
    # A block scalar keeps the line breaks and the runs of spaces exactly as typed.
    write_yaml(
        sample_project,
        "highlights:\n"
        "  - quote: |\n"
        '      Trump "recognised   Field\n'
        "\n"
        "        Marshal  Haftar's significant role\n"
        "    note: the phone call\n",
    )

    result = build(sample_project, write=False)

    assert messages(result) == []
    (highlight,) = result.corpus.highlights
    assert article_text(result)[highlight.start : highlight.end] == (
        "Trump “recognised Field Marshal Haftar’s significant role"
    )
    assert (highlight.start, highlight.end) == (2846, 2903)
    assert highlight.origin == f"{YML}:2"


def test_hyphen_matches_dash_and_surrounding_spaces_are_ignored(sample_project: Project) -> None:
    write_yaml(
        sample_project,
        "highlights:\n  - quote: '   ISTANBUL - On Thursday  '\n    note: dateline\n",
        article_id="003_6b383f3c232c05d5",
    )

    result = build(sample_project, write=False)

    assert messages(result) == []
    (highlight,) = result.corpus.highlights
    assert (highlight.start, highlight.end) == (0, 22)
    assert article_text(result, "003_6b383f3c232c05d5")[:22] == "ISTANBUL – On Thursday"


# --- a quote that is not in the text ------------------------------------------------------------------------


def test_quote_not_found_is_a_warning_and_kept(sample_project: Project) -> None:
    yaml_text = (
        "title: Still applied\n"
        "highlights:\n"
        "  - quote: veteran of the Libyan war in Chad\n"
        "    note: found\n"
        "  - quote: General Haftar, a veteran of the war in Niger\n"
        "    note: misquoted\n"
    )
    path = write_yaml(sample_project, yaml_text)
    before = path.read_bytes()

    result = build(sample_project, write=True)

    assert messages(result) == [
        f"{YML}:5: warning: highlight passage not found in article '{ARTICLE}': "
        "'General Haftar, a veteran of the war in Niger'. Copy the passage exactly from the article text; "
        "the highlight is kept in the YAML and shown again once it matches"
    ]
    assert result.errors == 0 and not result.failed(strict=False)
    assert result.failed(strict=True)
    assert path.read_bytes() == before
    assert [h.note for h in result.corpus.highlights] == ["found"]
    page = page_of(sample_project)
    assert page.count('<mark class="px-highlight"') == 1
    assert "misquoted" not in page
    assert '<h1 class="px-title">Still applied</h1>' in page


def test_long_quote_not_found_is_shortened_in_the_warning(sample_project: Project) -> None:
    quote = "This sentence is certainly not anywhere in the article about Libya and Haftar at all"
    write_yaml(sample_project, f"highlights:\n  - note: n\n    quote: {quote}\n")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:2: warning: highlight passage not found in article '{ARTICLE}': "
        f"'{quote[:57]}...'. Copy the passage exactly from the article text; "
        "the highlight is kept in the YAML and shown again once it matches"
    ]


def test_before_words_that_do_not_match_are_named(sample_project: Project) -> None:
    write_yaml(sample_project, "highlights:\n  - quote: Haftar\n    before: colonel\n    note: n\n")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:2: warning: highlight passage not found in article '{ARTICLE}' with the given before/after "
        "words: 'Haftar'. Copy the passage exactly from the article text; the highlight is kept in the "
        "YAML and shown again once it matches"
    ]
    assert result.corpus.highlights == ()


# --- a quote that occurs more than once ---------------------------------------------------------------------


def test_ambiguous_quote_warns_and_marks_the_first(sample_project: Project) -> None:
    write_yaml(sample_project, "highlights:\n  - quote: Haftar\n    note: which one?\n")

    result = build(sample_project, write=True)

    text = article_text(result)
    assert [m.start() for m in re.finditer("Haftar", text)] == [131, 1062, 2237, 2398, 2667, 2717, 2878, 3528]
    assert messages(result) == [
        f"{YML}:2: warning: highlight passage occurs 8 times in article '{ARTICLE}': 'Haftar'; "
        "marked the first. Add 'before' or 'after' words to choose another"
    ]
    (highlight,) = result.corpus.highlights
    assert (highlight.start, highlight.end) == (131, 137)
    assert 'at the hands of General Khalifa <mark class="px-highlight" id="highlight-1">Haftar</mark>' in (
        page_of(sample_project)
    )


@pytest.mark.parametrize(
    ("context", "start"),
    [
        ("before: the criminal", 3528),
        ("after: to halt his attack", 2667),
        ("before: called on\n    after: to halt", 2667),
        ("before: 'Russia is keen that'", 2398),
        ('after: "\'s significant role"', 2878),  # a straight apostrophe matches the text's ’
        ('before: |\n      have their say."\n\n      General', 1062),  # across a paragraph break
    ],
)
def test_before_and_after_words_choose_the_occurrence(
    sample_project: Project, context: str, start: int
) -> None:
    write_yaml(sample_project, f"highlights:\n  - quote: Haftar\n    {context}\n    note: this one\n")

    result = build(sample_project, write=True)

    assert messages(result) == []
    (highlight,) = result.corpus.highlights
    assert (highlight.start, highlight.end) == (start, start + 6)
    assert article_text(result)[highlight.start : highlight.end] == "Haftar"
    assert json_highlights(sample_project)[0]["start"] == start
    assert page_of(sample_project).count('<mark class="px-highlight" id="highlight-1">Haftar</mark>') == 1


def test_context_that_still_matches_twice_warns(sample_project: Project) -> None:
    write_yaml(sample_project, "highlights:\n  - quote: Haftar\n    after: ','\n    note: n\n")

    result = build(sample_project, write=False)

    assert messages(result) == [
        f"{YML}:2: warning: highlight passage occurs 2 times in article '{ARTICLE}': 'Haftar'; "
        "marked the first. Add 'before' or 'after' words to choose another"
    ]
    assert [(h.start, h.end) for h in result.corpus.highlights] == [(1062, 1068)]


# --- a passage over two paragraphs --------------------------------------------------------------------------


def test_highlight_spanning_two_paragraphs(sample_project: Project) -> None:
    write_yaml(
        sample_project,
        "highlights:\n"
        "  - quote: in the region. The government of national accord\n"
        "    note: two paragraphs\n",
    )

    result = build(sample_project, write=True)

    assert messages(result) == []
    (highlight,) = result.corpus.highlights
    assert (highlight.start, highlight.end) == (409, 458)
    assert article_text(result)[409:458] == "in the region.\n\nThe government of national accord"
    page = page_of(sample_project)
    first = next(line for line in page.splitlines() if line.startswith('<p id="p-1">'))
    second = next(line for line in page.splitlines() if line.startswith('<p id="p-2">'))
    assert first.endswith('<mark class="px-highlight" id="highlight-1">in the region.</mark></p>')
    assert second.startswith(
        '<p id="p-2"><mark class="px-highlight">The government of national accord</mark>'
        '<sup class="px-note-ref"><a href="#note-1">1</a></sup> &#40;GNA&#41;'
    )
    assert page.count('id="highlight-1"') == 1
    assert page.count('<mark class="px-highlight"') == 2
    assert page.count('<aside class="px-note" id="note-1">') == 1
    assert page.index('<aside class="px-note" id="note-1">') < page.index('<p id="p-2">')
    assert '<li><a href="#highlight-1">“in the region.  The government of national accord”</a>' in page
    assert json_highlights(sample_project)[0]["text"] == "in the region.\n\nThe government of national accord"


def test_highlights_starting_at_the_same_place_keep_list_and_text_numbering_in_step(
    sample_project: Project,
) -> None:
    write_yaml(
        sample_project,
        "highlights:\n"
        "  - quote: General Khalifa Haftar. As he does\n    note: the longer one\n"
        "  - quote: General Khalifa Haftar\n    note: the shorter one\n",
    )

    build(sample_project, write=True)

    page = page_of(sample_project)
    aside = re.search(r'<aside class="px-note" id="note-1"><a href="#highlight-1">Note 1</a> ([^<]*) <', page)
    item = re.search(r'<li><a href="#highlight-1">[^<]*</a> — ([^<]*)</li>', page)
    assert aside is not None and item is not None
    assert item.group(1) == aside.group(1)


# --- notes are text, never markup ---------------------------------------------------------------------------


def test_hostile_note_is_escaped(sample_project: Project) -> None:
    write_yaml(
        sample_project,
        "highlights:\n"
        "  - quote: How inconsiderate of them.\n"
        "    note: '<script>alert(1)</script> [x](javascript:alert(1))'\n"
        "    tags: ['<img src=x onerror=alert(1)>', '{: onclick=alert(1) }']\n",
    )

    result = build(sample_project, write=True)

    assert messages(result) == []
    raw = page_of(sample_project)
    assert "<script" not in raw
    assert "javascript:" not in raw
    assert "<img" not in raw
    assert "{:" not in raw
    escaped_note = (
        "&#60;script&#62;alert&#40;1&#41;&#60;&#47;script&#62; "
        "&#91;x&#93;&#40;javascript&#58;alert&#40;1&#41;&#41;"
    )
    assert (
        f'<aside class="px-note" id="note-1"><a href="#highlight-1">Note 1</a> {escaped_note}'
        ' <span class="px-tag">&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;</span>'
        ' <span class="px-tag">&#123;&#58; onclick&#61;alert&#40;1&#41; &#125;</span>'
        f' <span class="px-origin">({ORIGIN}2)</span></aside>'
    ) in raw
    assert f'<li><a href="#highlight-1">“How inconsiderate of them.”</a> — {escaped_note}</li>' in raw
    # The data export keeps the researcher's text as written; it is data, not a page.
    assert json_highlights(sample_project)[0]["note"] == "<script>alert(1)</script> [x](javascript:alert(1))"


def test_note_with_line_breaks_stays_inside_its_aside(sample_project: Project) -> None:
    write_yaml(
        sample_project,
        "highlights:\n"
        "  - quote: How inconsiderate of them.\n"
        "    note: |\n"
        "      first line\n"
        "\n"
        "      </aside><script>x</script>\n",
    )

    build(sample_project, write=True)

    raw = page_of(sample_project)
    (aside,) = [line for line in raw.splitlines() if line.startswith('<aside class="px-note"')]
    assert aside.endswith("</aside>")
    assert "first line  &#60;&#47;aside&#62;&#60;script&#62;x&#60;&#47;script&#62;" in aside
    assert "<script" not in raw
