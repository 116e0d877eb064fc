"""Shared terms in quotation marks: short quotes several sources carry, quoted or adopted plainly.

The fixtures are written for these tests (a fictional trial reported by four outlets, one a
reprint); the comparison page, its links and terms.json come from the real pipeline and, for the
links, a real `mkdocs build --strict`.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.build import BuildResult, Project, build
from generator.compare.quotes import group_quotes
from generator.compare.terms import group_terms
from generator.model import Article, Metadata, Paragraph, Quote
from tests.conftest import SEEDS, install_site_config, run_mkdocs
from tests.htmlpage import parse_html, parse_page
from tests.test_links import broken_links


def seed(title: str, outlet: str, date: str, *paragraphs: str) -> str:
    """A Markdown seed: front matter, then the paragraphs."""
    return f"---\ntitle: {title}\noutlet: {outlet}\ndate: {date}\n---\n" + "\n\n".join(paragraphs) + "\n"


HARBOUR_TEXT = (
    "The trial of Lena Morales, a 19-year-old activist from the village of Santa Ilia, opened on "
    "Tuesday before a military court, where she faces charges of assault and incitement over a "
    "protest in December.",
    "Her father, Daniel Morales, told reporters outside the courtroom that his daughter was the "
    "victim of a “political trial” meant to silence her generation. Her lawyer, Ana Ruiz, said the "
    "footage shown in court contained no violence “at all”.",
    "Prosecutors described her as “dangerous” and asked the judge to keep her in custody. Santa "
    "Ilia has lived under what residents call “collective punishment” since the protest, with its "
    "only road closed for weeks.",
    "The hearing was adjourned until April.",
)
HARBOUR = seed(
    "Teenage activist's trial opens before military court", "Harbour Times", "2024-03-05", *HARBOUR_TEXT
)
MIRROR = seed(
    "Teenage activist's trial opens before military court", "Wire Mirror", "2024-03-07", *HARBOUR_TEXT
)
"""A reprint of the Harbour Times story: a copy, so it shares nothing on its own."""
LEDGER = seed(
    "Activist appears in handcuffs as supporters sing outside court",
    "Northern Ledger",
    "2024-03-05",
    "Lena Morales appeared in handcuffs before a military judge on Tuesday as supporters sang "
    "outside the court compound.",
    'Rights groups have called the proceedings a "political trial" and urged foreign diplomats to '
    "attend the next hearing.",
    'An army spokesman said soldiers had not used force "at all" during her arrest and called the '
    'activist "dangerous".',
    "The court is expected to rule on her detention next month.",
)
COURANT_FIRST = (
    "In what her supporters see as a political trial, a military court on Tuesday began hearing "
    "the case against Lena Morales, 19, who is accused of assault and incitement."
)
COURANT = seed(
    "Military court hears case against 19-year-old protester",
    "Daily Courant",
    "2024-03-06",
    COURANT_FIRST,
    "The judge refused a request to release her on bail. Diplomats from three European countries "
    "attended the session.",
    "Critics say political trials have multiplied since the emergency laws took effect two years ago.",
)


@pytest.fixture(scope="module")
def trial_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four articles built by a real `mkdocs build --strict`; returns the project root."""
    root = tmp_path_factory.mktemp("terms")
    (root / "seeds").mkdir()
    (root / "docs").mkdir()
    for name, text in (("harbour", HARBOUR), ("ledger", LEDGER), ("courant", COURANT), ("mirror", MIRROR)):
        (root / "seeds" / f"{name}.md").write_text(text, "utf-8")
    install_site_config(root)
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    return root


def terms_json(root: Path) -> list[dict[str, object]]:
    data = json.loads((root / "docs" / "data" / "terms.json").read_text("utf-8"))
    assert isinstance(data, list)
    return data


def texts(root: Path) -> dict[str, str]:
    articles = json.loads((root / "docs" / "data" / "articles.json").read_text("utf-8"))
    return {article["id"]: article["text"] for article in articles}


def test_a_label_two_outlets_quote_and_one_adopts_is_one_term(trial_site: Path) -> None:
    term, _ = terms_json(trial_site)
    assert (term["id"], term["words"], term["text"]) == ("t1", "political trial", "political trial")
    assert term["sources"] == 3  # the reprint counts with its original
    assert term["quoted_in"] == ["harbour", "ledger", "mirror"]
    assert term["unquoted_in"] == ["courant"]  # "political trials" is another word, not a use
    uses = term["uses"]
    assert isinstance(uses, list)
    assert [(u["article"], u["quoted"], u["copy_of"]) for u in uses] == [
        ("courant", False, None),
        ("harbour", True, None),
        ("ledger", True, None),
        ("mirror", True, "harbour"),
    ]
    by_id = texts(trial_site)
    for use in uses:
        assert by_id[use["article"]][use["start"] : use["end"]] == use["text"]
        assert use["text"] == "political trial"
    rows = (trial_site / "docs" / "data" / "terms.csv").read_text("utf-8").splitlines()
    assert rows[0] == "term,words,article,start,end,text,quoted,sentence,copy_of"
    assert rows[1].startswith("t1,political trial,courant,") and rows[1].endswith(",False,0,")


def test_stop_words_and_single_words_do_not_make_a_term_and_a_reprint_does(trial_site: Path) -> None:
    quotes = json.loads((trial_site / "docs" / "data" / "quotes.json").read_text("utf-8"))
    found = {(quote["article"], quote["text"]) for quote in quotes}
    # Two outlets quote "at all" and "dangerous"; one outlet and its reprint "collective punishment".
    assert {(name, text) for name in ("harbour", "ledger") for text in ("at all", "dangerous")} <= found
    assert {("harbour", "collective punishment"), ("mirror", "collective punishment")} <= found
    terms = terms_json(trial_site)
    assert [term["words"] for term in terms] == ["political trial", "collective punishment"]
    reprinted = terms[1]
    assert (reprinted["sources"], reprinted["quoted_in"]) == (1, ["harbour", "mirror"])
    assert [(u["article"], u["copy_of"]) for u in reprinted["uses"]] == [
        ("harbour", None),
        ("mirror", "harbour"),
    ]  # type: ignore[union-attr]
    compare = (trial_site / "docs" / "compare" / "index.md").read_text("utf-8")
    section = compare.split("## Shared terms in quotation marks", 1)[1].split("## Coverage", 1)[0]
    for absent in ("at all", "dangerous"):
        assert absent not in section


def test_the_page_lists_each_use_in_its_sentence_and_links_to_it(trial_site: Path) -> None:
    compare = (trial_site / "docs" / "compare" / "index.md").read_text("utf-8")
    assert '<a href="#shared-terms-in-quotation-marks"><strong>2</strong> short terms in quotation' in compare
    html = parse_page(trial_site / "site" / "compare" / "index.html")
    heading = next(e for e in html.all_elements if e.attrs.get("id") == "t1")
    assert heading.tag == "h3"
    table = parse_page(trial_site / "site" / "compare" / "index.html", "px-term-uses")
    rows = [" ".join(row.split()) for row in table.text.split("in context") if row.strip()]
    assert rows[0].startswith("Article Quotation marks Sentence courant Daily Courant, 2024-03-06 without")
    assert rows[0].endswith(COURANT_FIRST)
    assert "harbour Harbour Times, 2024-03-05 with" in rows[1]
    assert "mirror Wire Mirror, 2024-03-07 with (copy of harbour)" in rows[3]
    assert [e.tag for e in table.elements].count("strong") == 6  # the terms' words in each sentence
    links = [e.attrs["href"] for e in table.elements if "px-in-context" in e.attrs.get("class", "")]
    assert links == [
        "../articles/courant/#p-1",
        "../articles/harbour/#quote-1",
        "../articles/ledger/#quote-1",
        "../articles/mirror/#quote-1",
        "../articles/harbour/#quote-4",  # the second term, "collective punishment", and its reprint
        "../articles/mirror/#quote-4",
    ]
    summary = parse_page(trial_site / "site" / "compare" / "index.html", "px-origin")
    assert "In quotation marks in 3 articles; without them in 1." in summary.text


def test_links_to_the_uses_resolve_to_the_quote_and_paragraph(trial_site: Path) -> None:
    assert broken_links(trial_site / "site") == []
    for name in ("harbour", "ledger", "mirror"):
        quotes = parse_page(trial_site / "site" / "articles" / name / "index.html", "px-quote")
        quote = next(e for e in quotes.all_elements if e.attrs.get("id") == "quote-1")
        assert "px-quote" in quote.attrs["class"] and quotes.text.startswith("political trial")
    courant = parse_page(trial_site / "site" / "articles" / "courant" / "index.html", "px-text")
    assert courant.text.startswith("In what her supporters see as a political trial")
    assert any(e.attrs.get("id") == "p-1" for e in courant.elements)
    data_page = (trial_site / "docs" / "data" / "index.md").read_text("utf-8")
    assert "[terms.json](terms.json)" in data_page and "[terms.csv](terms.csv)" in data_page


# --- the rule, on the pipeline's own pieces ----------------------------------------------------


def _article(article_id: str, *paragraphs: str) -> Article:
    text = "\n\n".join(paragraphs)
    spans, start = [], 0
    for paragraph in paragraphs:
        spans.append(Paragraph(start, start + len(paragraph)))
        start += len(paragraph) + 2
    return Article(article_id, f"seeds/{article_id}.txt", text, tuple(spans), Metadata())


def _quotes(article: Article) -> list[Quote]:
    """The words inside each pair of curly double quotation marks."""
    return [
        Quote(article.id, m.start(1), m.end(1), m.group(1)) for m in re.finditer(r"“([^”]+)”", article.text)
    ]


def _terms(*articles: Article) -> list[tuple[str, list[tuple[str, bool]]]]:
    quotes = [q for article in articles for q in _quotes(article)]
    groups = group_quotes(articles, quotes)
    found = group_terms(articles, quotes, groups, ())
    return [(term.words, [(use.article, use.quoted) for use in term.uses]) for term in found]


def test_a_phrase_most_sources_write_plainly_is_ordinary_language() -> None:
    quoted = _article("a", "The minister said the “peace talks” would resume in Geneva next week.")
    plain = [
        _article(name, f"Delegates arrived in Geneva as peace talks resumed, {name} reported.")
        for name in ("b", "c", "d")
    ]
    assert _terms(quoted, *plain) == []  # plain in three sources of four
    assert _terms(quoted, *plain[:2]) == [("peace talks", [("a", True), ("b", False), ("c", False)])]


def test_a_use_does_not_run_across_the_end_of_a_sentence() -> None:
    first = _article("a", "Observers called it a “political trial” from the first day.")
    second = _article("b", "Its critics said the ruling was political. Trial observers disagreed.")
    third = _article("c", "Lawyers for the defence also spoke of a political trial on Monday.")
    assert _terms(first, second) == []
    assert _terms(first, second, third) == [("political trial", [("a", True), ("c", False)])]


def test_a_short_quote_inside_a_long_shared_quote_counts_only_on_its_own() -> None:
    long = "this is a political trial and the whole world is watching it"
    first = _article("a", f"Her father told reporters: “{long}.”")
    second = _article("b", f"“{long.capitalize()},” her father said outside the court.")
    alone = _article("c", "Her supporters called it a “political trial” on Tuesday.")
    assert _terms(first, second, alone) == []  # the long quote is grouped; c alone carries the term
    also = _article("d", "Several diplomats privately described a “political trial” to colleagues.")
    assert _terms(first, second, alone, also) == [("political trial", [("c", True), ("d", True)])]


def test_of_two_terms_one_inside_the_other_the_shorter_is_kept() -> None:
    first = _article("a", "Critics called it “a political trial” at once.")
    second = _article("b", "Rights groups spoke of a “political trial” on Friday.")
    assert _terms(first, second) == [("political trial", [("a", True), ("b", True)])]


# --- hostile text and the sample corpus --------------------------------------------------------


def test_hostile_text_in_a_term_is_escaped(project: Project) -> None:
    payload = "<b>puppet</b> regime"
    sentences = {
        "one": f"Opposition leaders denounced the “{payload}” in a statement on Monday.",
        "two": f"Protesters outside parliament chanted against what they called the “{payload}”.",
    }
    for name, sentence in sentences.items():
        (project.seeds / f"{name}.md").write_text(
            f"---\ntitle: Talks stall\noutlet: Outlet {name}\n---\n{sentence}\n", "utf-8"
        )
    result = build(project, write=False)
    content = next(p.content for p in result.pages if p.path == "compare/index.md")
    section = content.split("## Shared terms in quotation marks", 1)[1].split("## Coverage", 1)[0]
    assert "<b>" not in section
    heading = parse_html(section, "px-term")
    assert heading.text == f"“{payload}”" and not heading.elements
    html = parse_html(section, "px-term-uses")
    assert "b" not in {e.tag for e in html.elements}
    assert f"the “{payload}” in a statement" in html.text
    (term,) = json.loads(next(p.content for p in result.pages if p.path == "data/terms.json"))
    assert term["text"] == payload and term["words"] == "b puppet b regime"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("terms-sample")
    shutil.copytree(SEEDS, root / "seeds")
    return build(Project.at(root), write=False)


def _carried(words: str, text: str) -> bool:
    """Whether the text has these words in a row, case and punctuation aside (a check of its own)."""
    folded = re.findall(r"[^\W_]+", words)
    return re.search(r"(?<![^\W_])" + r"[\W_]+".join(folded) + r"(?![^\W_])", text, re.IGNORECASE) is not None


def test_the_short_quotes_the_samples_share_are_terms(sample: BuildResult) -> None:
    corpus = sample.corpus
    short = [q for q in corpus.quotes if 2 <= len(q.text.split()) <= 4]
    shared = {
        (q.article, q.text.rstrip(".,"), other.id)
        for q in short
        for other in corpus
        if other.id != q.article and _carried(q.text, other.text)
    }
    original, copy = "001_0ecb2f08c5882e7a", "000_c9538e6b4c7c64b9"
    assert shared == {
        (original, "remaining terrorist groups", copy),
        (original, "If the war persists", copy),
    }
    assert [(c.article, c.original) for c in corpus.copies] == [(copy, original)]
    # Any short quote two articles share is a term, a copy's included: 000 drops the marks.
    found = corpus.comparison.terms
    assert sorted((t.words, [(u.article, u.quoted) for u in t.uses]) for t in found) == [
        ("if the war persists", [(copy, False), (original, True)]),
        ("remaining terrorist groups", [(copy, False), (original, True)]),
    ]
    assert group_terms(list(corpus), corpus.quotes, corpus.comparison.quote_groups, corpus.copies) == found
    content = next(p.content for p in sample.pages if p.path == "compare/index.md")
    assert "In quotation marks in 1 article; without them in 1." in content
    records = json.loads(next(p.content for p in sample.pages if p.path == "data/terms.json"))
    assert {(r["words"], r["sources"], tuple(r["unquoted_in"])) for r in records} == {
        ("if the war persists", 1, (copy,)),
        ("remaining terrorist groups", 1, (copy,)),
    }
