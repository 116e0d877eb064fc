"""Provenance: who echoes whom, and how many independent accounts a story really has.

The fixture corpus (tests/fixtures/provenance/, written for these tests) is one story, a dock
strike: a Reuters wire story (01) republished by three sites (02 trimmed and retitled, 03 with a
local paragraph added, 04 trimmed, undated, with the dateline dropped and a Reuters byline), an
AFP rewrite of the Reuters story (05), two outlets quoting the same ministry statement on their
own (06, 07; 07 also cites Reuters for a fact), and an AP story (08) with a local paper's story
that the AP contributed to (09). Four independent accounts: 01-05, 08-09, 06, 07.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.build import BuildResult, Project, build
from generator.compare.credits import read_credits
from generator.load.seeds import parse_article
from generator.model import (
    Account,
    Article,
    Comparison,
    Corpus,
    Derivation,
    LinkKind,
    Metadata,
    Paragraph,
    Provenance,
)
from generator.render.provenance import COLUMN, MARGIN, MAX_COLUMNS, MAX_ROWS, ProvenanceView
from tests.htmlpage import parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "provenance"
SEEDS = Path(__file__).parent.parent / "seeds"
WIRE, DAILY, HERALD, PORTWATCH, AFP = (
    "01-reuters-wire",
    "02-lisbon-daily",
    "03-coast-herald",
    "04-portwatch",
    "05-afp-rewrite",
)
GAZETTE, COURIER, AP, VALLEY = "06-atlantic-gazette", "07-northern-courier", "08-ap-story", "09-valley-news"
YML = "annotations/provenance.yml"


def make_project(
    root: Path, seeds: Path, provenance: str | None = None, stories: str | None = None
) -> Project:
    (root / "seeds").mkdir(parents=True)
    (root / "annotations").mkdir()
    for seed in sorted(seeds.glob("*.txt")):
        shutil.copyfile(seed, root / "seeds" / seed.name)
    if provenance is not None:
        (root / "annotations" / "provenance.yml").write_text(provenance, "utf-8")
    if stories is not None:
        (root / "annotations" / "stories.yml").write_text(stories, "utf-8")
    return Project.at(root)


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build(make_project(tmp_path_factory.mktemp("wire"), FIXTURES), write=False)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build(make_project(tmp_path_factory.mktemp("samples"), SEEDS), write=False)


def provenance(result: BuildResult) -> Provenance:
    found = result.corpus.comparison.provenance
    assert found is not None
    return found


def link(result: BuildResult, source: str, derived: str) -> Derivation:
    (found,) = [x for x in provenance(result).links if (x.source, x.derived) == (source, derived)]
    return found


def page(result: BuildResult, path: str) -> str:
    return next(p.content for p in result.pages if p.path == path)


def section(result: BuildResult, article_id: str) -> str:
    """The article page's provenance section, as Markdown with raw HTML."""
    content = page(result, f"articles/{article_id}.md")
    return content[content.index("## Provenance") : content.index("## Text")]


def data(result: BuildResult) -> Any:
    return json.loads(page(result, "data/provenance.json"))


def messages(result: BuildResult) -> list[str]:
    return [str(problem) for problem in result.problems]


# --- links and accounts on the fixture story ---------------------------------------------------------------


def test_a_wire_story_and_its_three_reprints_and_its_rewrite_are_one_account(wire: BuildResult) -> None:
    found = provenance(wire)
    assert wire.corpus.comparison.stories == ()
    assert [(a.id, a.origin, set(a.articles)) for a in found.accounts] == [
        ("a1", WIRE, {WIRE, DAILY, HERALD, PORTWATCH, AFP}),
        ("a2", AP, {AP, VALLEY}),
        ("a3", GAZETTE, {GAZETTE}),
        ("a4", COURIER, {COURIER}),
    ]
    assert found.accounts[0].credited_to == ("Agence France-Presse", "Reuters")
    assert found.accounts[1].credited_to == ("Associated Press",)


def test_each_reprint_is_a_copy_of_the_wire_dated_or_marked_a_guess(wire: BuildResult) -> None:
    trimmed, added, undated = link(wire, WIRE, DAILY), link(wire, WIRE, HERALD), link(wire, WIRE, PORTWATCH)
    assert {trimmed.kind, added.kind, undated.kind} == {LinkKind.COPY}
    assert (trimmed.guess, added.guess, undated.guess) == (False, False, True)
    assert "01-reuters-wire is dated 2024-03-03, 03-coast-herald 2024-03-05" in added.evidence
    assert "one of them has no date" in undated.evidence
    # Two reprints of one story share its passages because they share its source: no link between them.
    pairs = {frozenset((x.source, x.derived)) for x in provenance(wire).links}
    assert frozenset((DAILY, HERALD)) not in pairs and frozenset((AFP, HERALD)) not in pairs


def test_an_agency_rewrite_reuses_the_wire_and_containment_gives_the_direction(wire: BuildResult) -> None:
    rewrite = link(wire, WIRE, AFP)
    assert rewrite.kind is LinkKind.REUSE and rewrite.guess
    assert rewrite.share is not None and 0.5 < rewrite.share < 0.75
    assert len(rewrite.passages) == 3
    assert all(passage.article == WIRE and taken.article == AFP for passage, taken in rewrite.passages)
    assert rewrite.evidence.startswith(
        "3 passages of 121 words taken, quotations aside (62% of 05-afp-rewrite)"
    )
    assert "both are dated 2024-03-03; more of 05-afp-rewrite's text (62%) than of 01-reuters-wire's" in (
        rewrite.evidence
    )


def test_two_outlets_quoting_one_statement_share_passages_but_no_link(wire: BuildResult) -> None:
    shared = [r for r in wire.corpus.comparison.reuse if {r.first, r.second} == {GAZETTE, COURIER}]
    assert len(shared) == 1 and len(shared[0].passages) == 2  # the two quoted sentences
    involved = {x for link in provenance(wire).links for x in (link.source, link.derived)}
    assert GAZETTE not in involved and COURIER not in involved


def test_credits_in_every_form_and_a_citation(wire: BuildResult) -> None:
    credits = {(c.article, c.agency, c.form, c.text) for c in provenance(wire).credits}
    assert credits >= {
        (WIRE, "Reuters", "dateline", "LISBON, March 3 (Reuters) -"),
        (WIRE, "Reuters", "closing credit", "(Reporting by Ana Duarte; Additional reporting by Pedro Lobo; "
         "Editing by Mark Pell)"),
        (PORTWATCH, "Reuters", "byline", "By Ana Duarte, Reuters"),
        (AFP, "Agence France-Presse", "dateline", "Lisbon (AFP) -"),
        (AP, "Associated Press", "byline", "By Sofia Marques, Associated Press"),
        (VALLEY, "Associated Press", "closing credit", "The Associated Press contributed to this report"),
        (COURIER, "Reuters", "cited", "according to Reuters"),
    }  # fmt: skip
    # "told AFP" in AFP's own story is not a citation of another agency.
    assert not [c for c in provenance(wire).credits if c.article == AFP and c.form == "cited"]


def test_articles_credited_to_one_agency_are_linked_by_the_credit(wire: BuildResult) -> None:
    credit = link(wire, AP, VALLEY)
    assert (credit.kind, credit.share, credit.guess) == (LinkKind.CREDIT, None, False)
    assert credit.evidence == (
        "both credited to Associated Press: 08-ap-story by its dateline “LISBON, Portugal (AP) —”, "
        "09-valley-news by its closing credit “The Associated Press contributed to this report”"
    )


# --- the pages ---------------------------------------------------------------------------------------------


def test_article_page_says_where_its_text_comes_from(wire: BuildResult) -> None:
    parsed = parse_html(section(wire, AFP), "px-comes-from")
    assert parsed.text == (
        "Where this text comes from: reuses 01-reuters-wire outlet unknown, 2024-03-03 (62% of this text) "
        "(which came first is a guess); credited to Agence France-Presse (dateline “Lisbon (AFP) -”)."
    )
    assert [e.attrs["href"] for e in parsed.elements if e.tag == "a"] == ["../01-reuters-wire/"]
    parsed = parse_html(section(wire, VALLEY), "px-comes-from")
    assert "credited to the same agency as 08-ap-story" in parsed.text
    assert (
        "credited to Associated Press (closing credit “The Associated Press contributed to this report”)"
        in (parsed.text)
    )


def test_article_page_lists_the_articles_that_echo_it(wire: BuildResult) -> None:
    parsed = parse_html(section(wire, WIRE), "px-echoed-by")
    assert [e.attrs["href"] for e in parsed.elements if e.tag == "a"] == [
        "../02-lisbon-daily/",
        "../03-coast-herald/",
        "../04-portwatch/",
        "../05-afp-rewrite/",
    ]
    assert "04-portwatch outlet unknown (copy, 100% of its text, which came first is a guess)" in parsed.text
    assert "05-afp-rewrite outlet unknown, 2024-03-03 (reuse, 62% of its text" in parsed.text
    account = parse_html(section(wire, WIRE), "px-account")
    assert account.text == "One of 4 independent accounts: account a1, 5 articles."
    assert [e.attrs["href"] for e in account.elements] == ["../../compare/#account-a1"]


def test_a_cited_agency_is_shown_without_a_link(wire: BuildResult) -> None:
    text = section(wire, COURIER)
    cited = parse_html(text, "px-cited")
    assert (
        cited.text
        == "Cites: Reuters (“according to Reuters”): a source for what it reports, not a copy of its story."
    )
    assert [e for e in cited.elements if e.tag == "a"] == []
    assert parse_html(text, "px-comes-from").text == (
        "Where this text comes from: its own as far as this corpus shows: it derives from no other article "
        "and credits no news agency."
    )
    assert parse_html(text, "px-echoed-by").elements == []


def test_comparison_page_opens_with_the_provenance(wire: BuildResult) -> None:
    content = page(wire, "compare/index.md")
    headings = [line for line in content.splitlines() if line.startswith("## ")]
    assert headings[0] == "## Provenance"
    summary = parse_html(content, "px-summary")
    assert summary.text.startswith("4 independent accounts among the 9 articles")
    assert parse_html(content, "px-accounts-count").text.startswith(
        "4 independent accounts among 9 articles: 2 accounts of several articles"
    )
    picture = content[content.index("<svg") : content.index("</svg>")]
    assert '<title id="provenance-title">Provenance&#58; 4 independent accounts among 9 articles</title>' in (
        picture
    )
    assert picture.count("Account a") == 4
    assert "reuse 62&#37;" in picture and "credit</text>" in picture and picture.count(">copy 100&#37;<") == 3
    accounts = parse_html(content, "px-accounts")
    assert [e.attrs["id"] for e in accounts.elements if e.tag == "tr" and "id" in e.attrs] == [
        "account-a1",
        "account-a2",
    ]
    assert "a1 01-reuters-wire outlet unknown, 2024-03-03 Agence France-Presse, Reuters 5:" in accounts.text
    links = parse_html(content, "px-links")
    assert links.text.count("(direction guessed)") == 2
    single = parse_html(content, "px-single-accounts")
    assert single.text == "Accounts of one article: 06-atlantic-gazette, 07-northern-courier."


def test_counts_across_sources_say_how_many_independent_accounts_carry_them(wire: BuildResult) -> None:
    content = page(wire, "compare/index.md")
    assert "Carried by 2 articles, 2 independent accounts." in content  # the statement 06 and 07 quote
    falcao = next(e for e in wire.corpus.entities if e.name == "Rui Falcão")
    entity = page(wire, f"entities/{falcao.id}.md")
    assert "mentions in 8 articles, 4 independent accounts" in parse_html(entity, "px-entity-type").text
    index = page(wire, "entities/index.md")
    row = next(line for line in index.splitlines() if ">Rui Falcão</a>" in line)
    assert "Rui Falcão</a></td><td>8</td><td>8</td><td>4</td>" in row  # mentions, articles, accounts


def test_provenance_json_has_the_shape_the_issue_gives(wire: BuildResult) -> None:
    (story,) = data(wire)["stories"]
    assert list(story) == ["story", "independent_accounts", "accounts", "links"]
    assert story["story"] is None and story["independent_accounts"] == 4
    assert story["accounts"][1] == {
        "id": "a2",
        "origin": AP,
        "credited_to": ["Associated Press"],
        "articles": [AP, VALLEY],
    }
    assert [(x["from"], x["to"], x["kind"], x["guess"]) for x in story["links"]] == [
        (WIRE, DAILY, "copy", False),
        (WIRE, HERALD, "copy", False),
        (WIRE, PORTWATCH, "copy", True),
        (WIRE, AFP, "reuse", True),
        (AP, VALLEY, "credit", False),
    ]
    assert [x["share"] for x in story["links"]] == [1.0, 1.0, 1.0, 0.617, None]
    assert all(set(x) == {"from", "to", "kind", "share", "evidence", "guess"} for x in story["links"])
    assert "provenance.json" in page(wire, "data/index.md")


# --- the samples -------------------------------------------------------------------------------------------


def test_samples_000_copies_001_and_there_are_four_independent_accounts(sample: BuildResult) -> None:
    found = provenance(sample)
    assert [(x.source, x.derived, x.kind) for x in found.links] == [
        ("001_0ecb2f08c5882e7a", "000_c9538e6b4c7c64b9", LinkKind.COPY)
    ]
    assert [a.articles for a in found.accounts] == [
        ("001_0ecb2f08c5882e7a", "000_c9538e6b4c7c64b9"),
        ("002_c5e94d6caf5d1f55",),
        ("003_6b383f3c232c05d5",),
        ("004_23e8d5bb857ada88",),
    ]
    # 002 and 001 share the White House statement they both quote: a passage, but not a link.
    assert any({r.first, r.second} == {"001_0ecb2f08c5882e7a", "002_c5e94d6caf5d1f55"} for r in (
        sample.corpus.comparison.reuse
    ))  # fmt: skip
    assert data(sample)["stories"][0]["independent_accounts"] == 4
    cited = parse_html(section(sample, "002_c5e94d6caf5d1f55"), "px-cited")
    assert cited.text.startswith("Cites: Reuters (“Reuters reports”)")
    # A dateline naming an outlet that is no news agency credits nothing.
    assert [c for c in found.credits if c.article == "004_23e8d5bb857ada88"] == []


# --- credits read from the text ----------------------------------------------------------------------------


def credits_of(text: str) -> list[tuple[str, str, str]]:
    article = parse_article(text, "a", "seeds/a.txt")
    return [(c.agency, c.form, c.text) for c in read_credits(article)]


def test_a_dateline_with_a_date_and_a_house_credit_line_credit_reuters() -> None:
    text = (
        "Strikers block refinery gates\n\nWASHINGTON, April 6 (Reuters) - Workers blocked the gates of the "
        "refinery on Saturday.\n\nThe company said talks would resume.\n\n(Reporting by Jane Doe; Editing by "
        "John Roe)\n"
    )
    assert credits_of(text) == [
        ("Reuters", "dateline", "WASHINGTON, April 6 (Reuters) -"),
        ("Reuters", "closing credit", "(Reporting by Jane Doe; Editing by John Roe)"),
    ]


def test_byline_and_named_closing_credits() -> None:
    text = (
        "Floods close schools\n\nBy Jane Doe | Reuters\n\nSchools across the valley closed on Monday as the "
        "river rose, officials said.\n\nReporting by Jane Doe for Reuters; additional reporting by AFP.\n"
    )
    assert credits_of(text) == [
        ("Reuters", "byline", "By Jane Doe | Reuters"),
        ("Reuters", "closing credit", "Reporting by Jane Doe for Reuters"),
        ("Agence France-Presse", "closing credit", "additional reporting by AFP"),
    ]


def test_only_citing_an_agency_photo_credits_and_local_outlets_credit_nothing() -> None:
    text = (
        "Ceasefire talks stall\n\nTRIPOLI (Halbeeg News) – Talks stalled on Friday, according to Reuters, "
        "and a diplomat told AFP that a new round was unlikely.\n\nThe envoy arrived on Thursday. (AP "
        "Photo/Jane Doe)\n\nAn Associated Press tally put the number of displaced at 3,000.\n"
    )
    assert credits_of(text) == [
        ("Reuters", "cited", "according to Reuters"),
        ("Agence France-Presse", "cited", "told AFP"),
        ("Associated Press", "cited", "An Associated Press tally"),
    ]


def test_an_agency_s_own_story_does_not_cite_itself() -> None:
    text = "Port reopens\n\nLISBON (AFP) - The port reopened on Monday, a union official told AFP.\n"
    assert credits_of(text) == [("Agence France-Presse", "dateline", "LISBON (AFP) -")]


# --- the researcher's decisions ----------------------------------------------------------------------------

DECISIONS = """\
# yaml-language-server: $schema=../generator/annotations/schemas/provenance.schema.json
links:
  - from: 08-ap-story
    to: 09-valley-news
    decision: cut
    reason: Valley News did its own reporting; the AP contributed one figure.
  - from: 06-atlantic-gazette
    to: 07-northern-courier
    decision: add
    reason: The Courier's editor says it rewrote the Gazette's story.
  - from: 01-reuters-wire
    to: 05-afp-rewrite
    decision: confirm
    reason: AFP's story credits Reuters in its sixth paragraph of the print edition.
"""


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build(make_project(tmp_path_factory.mktemp("decided"), FIXTURES, DECISIONS), write=False)


def test_the_researcher_cuts_adds_and_confirms_links(decided: BuildResult) -> None:
    assert messages(decided) == []
    found = provenance(decided)
    assert [set(a.articles) for a in found.accounts] == [
        {WIRE, DAILY, HERALD, PORTWATCH, AFP},
        {GAZETTE, COURIER},
        {AP},
        {VALLEY},
    ]
    added = link(decided, GAZETTE, COURIER)
    assert (added.kind, added.guess, added.decided) == (LinkKind.REUSE, False, f"{YML}:7")
    assert added.evidence.startswith(f"added in {YML}:7: The Courier's editor says")
    confirmed = link(decided, WIRE, AFP)
    assert (confirmed.guess, confirmed.decided, confirmed.share) == (False, f"{YML}:11", 0.617)
    (cut,) = found.cut
    assert (cut.source, cut.derived, cut.decided) == (AP, VALLEY, f"{YML}:3")
    content = page(decided, "compare/index.md")
    assert "Cut by the researcher: 08&#45;ap&#45;story → 09&#45;valley&#45;news (cut in" in content
    comes = parse_html(section(decided, AFP), "px-comes-from").text
    assert f"(62% of this text) (decided in {YML}:11)" in comes


def test_provenance_yaml_errors_name_file_line_and_column(tmp_path: Path) -> None:
    text = """\
links:
  - from: 08-ap-stroy
    to: 09-valley-news
    decision: cut
    reason: A typo in the id.
  - from: 06-atlantic-gazette
    to: 07-northern-courier
    decision: remove
    reason: Not a decision.
  - from: 06-atlantic-gazette
    to: 09-valley-news
    decision: cut
  - from: 06-atlantic-gazette
    to: 09-valley-news
    decision: cut
    reason: They were never linked.
  - from: 01-reuters-wire
    to: 01-reuters-wire
    decision: add
    reason: Itself.
  - form: 01-reuters-wire
  - from: 02-lisbon-daily
    to: 01-reuters-wire
    decision: confirm
    reason: First.
  - from: 01-reuters-wire
    to: 02-lisbon-daily
    decision: cut
    reason: Second.
"""
    result = build(make_project(tmp_path, FIXTURES, text), write=False)
    # Reported by line: schema errors and the decisions that cannot apply, in one list.
    assert messages(result) == [
        f"{YML}:2:5: warning: link from '08-ap-stroy' to '09-valley-news': no article with the id "
        "'08-ap-stroy' in the seeds; not applied. Did you mean '08-ap-story'?",
        f"{YML}:8:15: error: 'links[2].decision': expected one of: confirm, add, cut, found 'remove'",
        f"{YML}:10:5: error: 'links[3]': missing required key 'reason'",
        f"{YML}:13:5: warning: no link between '06-atlantic-gazette' and '09-valley-news' to cut: the "
        "comparison finds none; remove this entry",
        f"{YML}:17:5: warning: link from '01-reuters-wire' to '01-reuters-wire': an article cannot derive "
        "from itself; not applied",
        f"{YML}:21:5: error: unknown key 'form' in 'links[6]'. Expected one of: decision, from, kind, "
        "reason, to. Did you mean 'from'?",
        f"{YML}:21:5: error: 'links[6]': missing required key 'from'",
        f"{YML}:21:5: error: 'links[6]': missing required key 'to'",
        f"{YML}:21:5: error: 'links[6]': missing required key 'decision'",
        f"{YML}:21:5: error: 'links[6]': missing required key 'reason'",
        f"{YML}:26:5: error: link from '01-reuters-wire' to '02-lisbon-daily': this pair is already decided "
        "on line 22; a pair takes one decision: remove one of them. This one is not applied",
    ]
    # The valid confirmation applies, in the direction the researcher gives.
    reversed_copy = link(result, DAILY, WIRE)
    assert (reversed_copy.kind, reversed_copy.guess, reversed_copy.decided) == (
        LinkKind.COPY,
        False,
        f"{YML}:22",
    )


def test_with_several_stories_each_has_its_accounts_and_a_link_joins_one_story(tmp_path: Path) -> None:
    stories = f"""\
stories:
  - id: wire
    articles: [{WIRE}, {DAILY}, {HERALD}, {PORTWATCH}, {AFP}]
  - id: others
    articles: [{GAZETTE}, {COURIER}, {AP}, {VALLEY}]
"""
    decisions = f"""\
links:
  - from: {WIRE}
    to: {GAZETTE}
    decision: add
    reason: Across stories.
"""
    result = build(make_project(tmp_path, FIXTURES, decisions, stories), write=False)
    assert messages(result) == [
        f"{YML}:2:5: warning: link from '{WIRE}' to '{GAZETTE}': the articles are in story 'wire' and story "
        "'others'; a link joins articles of one story: put them in one story in annotations/stories.yml. "
        "Not applied"
    ]
    assert [(s["story"], s["independent_accounts"]) for s in data(result)["stories"]] == [
        ("wire", 1),
        ("others", 3),
    ]
    listing = page(result, "compare/index.md")
    assert '<th scope="col">Independent accounts</th>' in listing
    assert "../../compare/others/#account-a1" in section(result, VALLEY)
    # Article and entity pages count accounts across the stories: the four of `others`, and `wire`.
    assert ProvenanceView(result.corpus).accounts_among(a.id for a in result.corpus) == 4


# --- the diagram, from 5 articles to 300 ---------------------------------------------------------------


def article(number: int, outlet: str = "Outlet") -> Article:
    return Article(
        f"a{number:03d}", f"seeds/a{number:03d}.txt", "Text.", (Paragraph(0, 5),), Metadata(outlet=outlet)
    )


def diagram(articles: list[Article], accounts: list[Account], links: list[Derivation]) -> str:
    found = Provenance(tuple(accounts), tuple(links))
    corpus = Corpus(articles=tuple(articles), comparison=Comparison(provenance=found))
    return str(ProvenanceView(corpus).diagram())


def test_the_diagram_of_300_articles_stays_within_its_columns_and_rows() -> None:
    articles = [article(n) for n in range(300)]
    accounts, links = [], []
    # Ten wire stories reprinted 20 times each, and 100 articles on their own.
    for story in range(10):
        members = [articles[story * 20 + k].id for k in range(20)]
        accounts.append(Account(f"a{story + 1}", members[0], tuple(members)))
        links += [Derivation(members[0], m, LinkKind.COPY, 1.0, "copy", False) for m in members[1:]]
    accounts += [Account(f"a{11 + n}", a.id, (a.id,)) for n, a in enumerate(articles[200:])]
    svg = diagram(articles, accounts, links)
    assert svg.count('font-weight="bold">Account a') == MAX_COLUMNS - 1
    assert "105 more accounts" in svg and "100 of one article each" in svg
    assert f'width="{MARGIN * 2 + COLUMN * MAX_COLUMNS}"' in svg
    assert svg.count("<rect") == (MAX_COLUMNS - 1) * MAX_ROWS + MAX_ROWS
    assert svg.count("&#43; 8 more articles") == MAX_COLUMNS - 1 and "&#43; 93 more<" in svg
    assert svg.count("marker-end") == (MAX_COLUMNS - 1) * (MAX_ROWS - 1)


def test_the_diagram_of_five_articles_draws_every_one_and_escapes_labels() -> None:
    articles = [article(n, outlet="<script>alert(1)</script>") for n in range(5)]
    accounts = [Account("a1", "a000", ("a000", "a001"))] + [
        Account(f"a{n}", f"a00{n}", (f"a00{n}",)) for n in range(2, 5)
    ]
    links = [Derivation("a000", "a001", LinkKind.REUSE, 0.55, "passages", True)]
    svg = diagram(articles, accounts, links)
    assert svg.count("<rect") == 5 and "more accounts" not in svg
    assert "reuse 55&#37;" in svg and 'stroke-dasharray="4 3"' in svg
    assert "<script>" not in svg and "&#60;script&#62;" in svg


def test_credit_words_from_the_text_are_escaped_on_the_page(tmp_path: Path) -> None:
    seeds = tmp_path / "hostile"
    seeds.mkdir()
    body = (
        "Harbour reopens after storm\n\nVALLETTA (Reuters) - The harbour reopened on Monday after a storm "
        "closed it for two days, port officials said.\n\n(Reporting by <img src=x onerror=alert`1`> and "
        "**Jane** {: .x }; Editing by John Roe)\n"
    )
    (seeds / "a.txt").write_text(body, "utf-8")
    (seeds / "b.txt").write_text(body.replace("Harbour reopens", "Port is open again"), "utf-8")
    result = build(make_project(tmp_path / "project", seeds), write=False)
    text = section(result, "b")
    assert "<img" not in text and "**Jane**" not in text and "{: .x }" not in text
    assert (
        "closing credit “&#40;Reporting by &#60;img src&#61;x onerror&#61;alert&#96;1&#96;&#62; and "
        "&#42;&#42;Jane&#42;&#42; &#123;&#58; .x &#125;; Editing by John Roe&#41;”"
    ) in text
