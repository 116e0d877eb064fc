"""Stage 1, load: the sample seeds and small realistic articles -> `Article`s.

Every test reads real files from a project folder in tmp_path; nothing is mocked.
"""

from __future__ import annotations

import pytest

from generator.build import Project, build
from generator.compare.reuse import compare_reuse
from generator.load.seeds import load_articles
from generator.model import Article, Copy, Corpus, Metadata, Removed

ID_000 = "000_c9538e6b4c7c64b9"
ID_001 = "001_0ecb2f08c5882e7a"
ID_002 = "002_c5e94d6caf5d1f55"
ID_003 = "003_6b383f3c232c05d5"
ID_004 = "004_23e8d5bb857ada88"
SAMPLE_IDS = (ID_000, ID_001, ID_002, ID_003, ID_004)

BOILERPLATE = (
    "share buttons",
    "Disclaimer",
    "Discussion about this post",
    "Note to readers",
    "Image source",
    "email protected",
    "@globalresearch.ca",
)


@pytest.fixture
def corpus(sample_project: Project) -> Corpus:
    result = build(sample_project, write=False)
    assert result.problems == ()
    return result.corpus


def article(corpus: Corpus, article_id: str) -> Article:
    found = corpus.get(article_id)
    assert found is not None, f"no article {article_id}"
    return found


def paragraph_texts(item: Article) -> list[str]:
    return [item.text[p.start : p.end] for p in item.paragraphs]


def load_one(project: Project, name: str, text: str) -> Article:
    """Write one seed file and load the project; the file must load without any problem."""
    (project.seeds / name).write_text(text, encoding="utf-8")
    loaded = load_articles(project.seeds, project.root)
    assert loaded.problems == ()
    (item,) = (a for a in loaded.articles if a.source == f"seeds/{name}")
    return item


# --- the sample seeds -------------------------------------------------------------------------


def test_sample_ids_and_sources(corpus: Corpus) -> None:
    assert [a.id for a in corpus] == list(SAMPLE_IDS)
    assert [a.source for a in corpus] == [f"seeds/{i}.txt" for i in SAMPLE_IDS]


def test_sample_001_metadata(corpus: Corpus) -> None:
    assert article(corpus, ID_001).meta == Metadata(
        title="Failed States and Militias: General Khalifa Haftar Moves on Tripoli",
        outlet="Global Research",
        author="Dr. Binoy Kampmark",
        date="2019-04-21",
        dateline=None,
        url=None,
        labels=(("Region", "Middle East & North Africa"), ("Theme", "Intelligence, Military and WMD")),
    )
    assert article(corpus, ID_001).origins == (
        ("title", "text"),
        ("outlet", "text"),
        ("author", "text"),
        ("date", "text"),
    )


def test_sample_003_byline_and_dateline(corpus: Corpus) -> None:
    meta = article(corpus, ID_003).meta
    assert meta == Metadata(author="Jan Ellen", dateline="Istanbul")
    assert meta.title is None
    assert meta.outlet is None
    assert meta.date is None


def test_sample_004_outlet_from_dateline(corpus: Corpus) -> None:
    item = article(corpus, ID_004)
    assert item.meta == Metadata(outlet="Halbeeg News", dateline="Tripoli")
    assert item.origins == (("outlet", "text"), ("dateline", "text"))
    # The dateline stays in the text: it is part of the story's first sentence.
    assert item.text.startswith("TRIPOLI ( Halbeeg News) – UN secretary general, Antonio Guterres")


def test_sample_002_title_only(corpus: Corpus) -> None:
    item = article(corpus, ID_002)
    assert item.meta == Metadata(
        title="Heavy Fighting Rips Through Tripoli As Libya's Gen. Haftar Renews Offensive"
    )
    assert item.meta.author is None
    assert item.origins == (("title", "text"),)
    assert not item.text.startswith("Heavy Fighting")


def test_sample_000_knows_nothing_about_itself(corpus: Corpus) -> None:
    item = article(corpus, ID_000)
    assert item.meta == Metadata()
    assert (item.meta.title, item.meta.author, item.meta.date, item.meta.outlet) == (None, None, None, None)
    assert item.origins == ()


def test_sample_000_is_a_copy_of_001(corpus: Corpus) -> None:
    copy = corpus.copy_of(ID_000)
    assert copy is not None
    assert copy.article == ID_000
    assert copy.original == ID_001
    assert copy.overlap >= 0.9
    assert corpus.copies_of(ID_001) == [copy]
    assert [c.article for c in corpus.copies] == [ID_000]
    for other in (ID_001, ID_002, ID_003, ID_004):
        assert corpus.copy_of(other) is None


def test_load_articles_directly_matches_build(sample_project: Project, corpus: Corpus) -> None:
    loaded = load_articles(sample_project.seeds, sample_project.root)
    assert loaded.problems == ()
    assert loaded.articles == corpus.articles


@pytest.mark.parametrize("article_id", SAMPLE_IDS)
@pytest.mark.parametrize("needle", BOILERPLATE)
def test_no_boilerplate_left_in_text(corpus: Corpus, article_id: str, needle: str) -> None:
    assert needle.lower() not in article(corpus, article_id).text.lower()


@pytest.mark.parametrize(
    ("article_id", "needle", "reasons"),
    [
        (ID_000, "share buttons", {"share prompt"}),
        (ID_000, "Note to readers", {"share prompt"}),
        (ID_000, "email protected", {"share prompt"}),
        (ID_001, "share buttons", {"share prompt"}),
        (ID_001, "Note to readers", {"share prompt"}),
        (ID_001, "Disclaimer", {"disclaimer"}),
        (ID_001, "@globalresearch.ca", {"disclaimer", "contact e-mail"}),
        (ID_002, "Image source", {"image credit"}),
        (ID_004, "Discussion about this post", {"comment prompt"}),
    ],
)
def test_boilerplate_is_kept_aside_with_its_reason(
    corpus: Corpus, article_id: str, needle: str, reasons: set[str]
) -> None:
    found = {r.reason for r in article(corpus, article_id).removed if needle in r.text}
    assert found == reasons


def test_sample_removed_pieces_exact(corpus: Corpus) -> None:
    assert Removed("Discussion about this post", "comment prompt") in article(corpus, ID_004).removed
    assert article(corpus, ID_004).removed == (Removed("Discussion about this post", "comment prompt"),)
    assert article(corpus, ID_002).removed == (
        Removed("Recent clashes near Tripoli's old airport. Image source: Al Jazeera", "image credit"),
    )
    removed_001 = article(corpus, ID_001).removed
    assert Removed("*", "separator") in removed_001
    assert (
        Removed(
            "Note to readers: please click the share buttons below. Forward this article to your email "
            "lists. Crosspost on your blog site, internet forums. etc.",
            "share prompt",
        )
        in removed_001
    )
    assert Removed("The original source of this article is Global Research", "source note") in removed_001
    assert Removed("Copyright © Dr. Binoy Kampmark, Global Research, 2019", "copyright") in removed_001
    assert Removed("Become a Member of Global Research", "subscription prompt") in removed_001
    assert Removed("For media inquiries: publications@globalresearch.ca", "contact e-mail") in removed_001


def test_sample_000_trailing_boilerplate_cut_mid_paragraph(corpus: Corpus) -> None:
    item = article(corpus, ID_000)
    assert len(item.paragraphs) == 1
    assert item.text.endswith("this failed state is on track to become the next blood soaked Syria")
    (tail,) = item.removed
    assert tail.reason == "share prompt"
    assert tail.text.startswith("Note to readers please click the share buttons below Forward this article")
    assert tail.text.endswith("Asia Pacific Research Email email protected")


def test_sentence_broken_by_blank_line_is_one_paragraph(corpus: Corpus) -> None:
    paragraphs = paragraph_texts(article(corpus, ID_001))
    joined = [p for p in paragraphs if "Secretary of State Mike Pompeo had called" in p]
    assert len(joined) == 1
    assert joined[0].startswith("Russia is keen that Haftar not receive all the blame")
    assert (
        "(Previously, US Secretary of State Mike Pompeo had called on Haftar to halt his attack.)"
        in (joined[0])
    )
    assert not any(p.startswith("Pompeo had called") for p in paragraphs)
    assert not any(p.endswith("Secretary of State Mike") for p in paragraphs)


def test_sample_001_paragraphs(corpus: Corpus) -> None:
    paragraphs = paragraph_texts(article(corpus, ID_001))
    assert len(paragraphs) == 13
    assert paragraphs[0].startswith("The richly disastrous mess that is Libya has been moving")
    assert paragraphs[10] == "How inconsiderate of them."
    assert paragraphs[-1].endswith("this failed state is on track to become the next blood soaked Syria.")


def test_markdown_links_reduced_to_their_text(corpus: Corpus) -> None:
    text = article(corpus, ID_001).text
    assert "keen to stress his view" in text
    assert "despite efforts on the part of Western diplomats" in text
    assert "In a phone call, Trump" in text
    assert "The interior ministry has suspended" in text
    assert "](#)" not in text
    assert "[" not in text
    for item in corpus:
        assert "](" not in item.text


def test_author_listing_link_across_lines_not_in_text(corpus: Corpus) -> None:
    item = article(corpus, ID_001)
    assert "Articles by" not in item.text
    assert "Kampmark" not in item.text
    assert Removed("Articles by: Dr. Binoy Kampmark", "author listing") in item.removed


@pytest.mark.parametrize("article_id", SAMPLE_IDS)
def test_paragraph_offsets_slice_the_text(corpus: Corpus, article_id: str) -> None:
    item = article(corpus, article_id)
    assert item.paragraphs
    pieces = paragraph_texts(item)
    for piece in pieces:
        assert piece
        assert piece == piece.strip()
        assert "\n\n" not in piece
    assert "\n\n".join(pieces) == item.text
    assert item.paragraphs[0].start == 0
    assert item.paragraphs[-1].end == len(item.text)
    for previous, following in zip(item.paragraphs, item.paragraphs[1:], strict=False):
        assert following.start == previous.end + 2
        assert item.text[previous.end : following.start] == "\n\n"


# --- header variants on small articles written to tmp seeds ----------------------------------

BODY = (
    "Forces loyal to the eastern commander advanced on the southern suburbs of the capital on "
    "Friday, officials said.\n\n"
    "The United Nations called for an immediate truce and warned that civilians were trapped.\n"
)


@pytest.mark.parametrize(
    "date_line",
    ["21 April 2019", "2019-04-21", "April 21, 2019", "Published: 21 April 2019", "Posted on April 21, 2019"],
)
def test_header_date_variants(project: Project, date_line: str) -> None:
    item = load_one(project, "dated.txt", f"Rebels Advance on the Libyan Capital\n\n{date_line}\n\n{BODY}")
    assert item.meta == Metadata(title="Rebels Advance on the Libyan Capital", date="2019-04-21")
    assert item.origins == (("title", "text"), ("date", "text"))
    assert item.text.startswith("Forces loyal to the eastern commander")
    assert date_line not in item.text


def test_header_outlet_and_date_line(project: Project) -> None:
    text = f"Rebels Advance on the Libyan Capital\n\nAl Jazeera, 21 April 2019\n\n{BODY}"
    item = load_one(project, "outlet.txt", text)
    assert item.meta.outlet == "Al Jazeera"
    assert item.meta.date == "2019-04-21"


def test_header_weekday_date_has_no_outlet(project: Project) -> None:
    item = load_one(
        project, "weekday.txt", f"Rebels Advance on the Libyan Capital\n\nSunday, 21 April 2019\n\n{BODY}"
    )
    assert item.meta.date == "2019-04-21"
    assert item.meta.outlet is None


def test_header_reuters_dateline(project: Project) -> None:
    text = (
        "WASHINGTON (Reuters) - The United States on Thursday called on the eastern commander Khalifa "
        "Haftar to halt his advance on Tripoli, the State Department said.\n\n"
        "The statement followed a week of heavy fighting south of the capital.\n"
    )
    item = load_one(project, "reuters.txt", text)
    assert item.meta == Metadata(outlet="Reuters", dateline="Washington")
    assert item.origins == (("outlet", "text"), ("dateline", "text"))
    assert item.text.startswith("WASHINGTON (Reuters) - The United States on Thursday")


def test_header_dateline_with_country_and_em_dash(project: Project) -> None:
    text = "TRIPOLI, Libya (AP) — Fighting raged on the edge of the capital on Saturday.\n\n" + BODY
    item = load_one(project, "ap.txt", text)
    assert item.meta == Metadata(outlet="AP", dateline="Tripoli")


def test_header_byline_with_two_authors(project: Project) -> None:
    text = f"U.S. Urges Halt to Libya Offensive\nBy Jane Doe and John Roe\n\n{BODY}"
    item = load_one(project, "byline.txt", text)
    assert item.meta == Metadata(title="U.S. Urges Halt to Libya Offensive", author="Jane Doe and John Roe")
    assert "Jane Doe" not in item.text
    assert item.text == BODY.strip()


def test_header_byline_with_markdown_link(project: Project) -> None:
    item = load_one(project, "linked.txt", f"By [Jane Doe](https://example.org/jane-doe)\n\n{BODY}")
    assert item.meta == Metadata(author="Jane Doe")


def test_header_labels_and_url(project: Project) -> None:
    text = (
        "Rebels Advance on the Libyan Capital\n"
        "Region: Middle East & North Africa\n"
        "Tags: [Libya](#), [Haftar](#)\n"
        "Source: https://example.org/news/libya-offensive\n\n" + BODY
    )
    item = load_one(project, "labels.txt", text)
    assert item.meta.labels == (("Region", "Middle East & North Africa"), ("Tags", "Libya, Haftar"))
    assert item.meta.url == "https://example.org/news/libya-offensive"
    assert item.text == BODY.strip()


def test_no_header_at_all(project: Project) -> None:
    text = (
        "The United States called on Thursday for a halt to the offensive on Tripoli, officials said.\n\n"
        "The statement followed a week of fighting in the south of the capital.\n"
    )
    item = load_one(project, "plain.txt", text)
    assert item.meta == Metadata()
    for name in ("title", "outlet", "author", "date", "dateline", "url"):
        assert getattr(item.meta, name) is None
    assert item.meta.labels == ()
    assert item.origins == ()
    assert item.text == text.strip()


def test_no_header_first_sentence_starting_with_by(project: Project) -> None:
    text = (
        "By nightfall, government forces had pushed the rebels back from the old airport.\n\n"
        "The United Nations called for an immediate truce.\n"
    )
    item = load_one(project, "by-nightfall.txt", text)
    assert item.meta.author is None
    assert item.text == text.strip()


def test_first_line_ending_with_full_stop_is_not_a_title(project: Project) -> None:
    text = "Fighting resumed in Tripoli on Saturday.\n\nThe statement followed a week of fighting.\n"
    item = load_one(project, "sentence.txt", text)
    assert item.meta.title is None
    assert paragraph_texts(item) == [
        "Fighting resumed in Tripoli on Saturday.",
        "The statement followed a week of fighting.",
    ]


def test_first_line_ending_with_quoted_full_stop_is_not_a_title(project: Project) -> None:
    text = (
        "“We will not give up our principles,” the prime minister said. “We will defend Tripoli.”\n\n"
        "The statement followed a week of fighting.\n"
    )
    item = load_one(project, "quote.txt", text)
    assert item.meta.title is None
    assert item.text == text.strip()


def test_hard_wrapped_block_is_one_paragraph(project: Project) -> None:
    wrapped = (
        "Fighting resumed on the southern edge of Tripoli on Saturday as forces\n"
        "loyal to the eastern commander Khalifa Haftar pushed towards the centre\n"
        "of the capital, residents and officials said, in the heaviest clashes\n"
        "since the offensive began in early April.\n"
    )
    item = load_one(
        project, "wrapped.txt", f"Fighting in Libya\n\n{wrapped}\nThe United Nations called for calm.\n"
    )
    assert item.meta.title == "Fighting in Libya"
    assert paragraph_texts(item) == [
        " ".join(wrapped.split()),
        "The United Nations called for calm.",
    ]


def test_one_paragraph_per_line_is_not_hard_wrapped(project: Project) -> None:
    lines = [
        "Armed clashes took place on Friday near Tripoli.",
        "Guterres wrote on Twitter after meeting Haftar in Benghazi.",
        "Russia distanced itself from the offensive.",
    ]
    item = load_one(project, "lines.txt", "\n".join(lines) + "\n")
    assert paragraph_texts(item) == lines


def test_caption_is_not_joined_with_next_paragraph(project: Project) -> None:
    text = (
        "Fighting in Libya\n\n"
        "The offensive has killed hundreds of people and forced tens of thousands to flee their homes, "
        "according to figures released by the United Nations.\n\n"
        "Gen. Khalifa Haftar at a rally in Benghazi\n\n"
        "Haftar denies that his forces have targeted civilians, officials said.\n"
    )
    item = load_one(project, "caption.txt", text)
    assert paragraph_texts(item) == [
        "The offensive has killed hundreds of people and forced tens of thousands to flee their homes, "
        "according to figures released by the United Nations.",
        "Gen. Khalifa Haftar at a rally in Benghazi",
        "Haftar denies that his forces have targeted civilians, officials said.",
    ]


@pytest.mark.parametrize(
    "name",
    ["dated.txt", "reuters.txt", "wrapped.txt", "caption.txt"],
)
def test_inline_paragraph_offsets(project: Project, name: str) -> None:
    texts = {
        "dated.txt": f"Rebels Advance\n\n21 April 2019\n\n{BODY}\n\n\n   \nA last line.\n",
        "reuters.txt": "WASHINGTON (Reuters) - The talks collapsed.\n\n\n\n  Indented second paragraph.  \n",
        "wrapped.txt": "short line one\nshort line two\nshort line three\n\nNext paragraph.\n",
        "caption.txt": "A caption without stop\n\n[Linked](#) paragraph with a [link](https://e.org).\n",
    }
    item = load_one(project, name, texts[name])
    pieces = paragraph_texts(item)
    assert pieces
    assert all(piece and piece == piece.strip() for piece in pieces)
    assert "\n\n".join(pieces) == item.text


# --- copies (compare_reuse) --------------------------------------------------------------------------

STORY = (
    "Forces loyal to the eastern commander Khalifa Haftar pushed into the southern suburbs of "
    "Tripoli on Saturday, residents said, in the heaviest fighting since the offensive began.\n\n"
    "The United Nations envoy, Ghassan Salame, said the clashes had displaced more than 75,000 "
    "people and called on both sides to respect a humanitarian truce.\n\n"
    "“We will not give up our principles,” the prime minister, Fayez al-Sarraj, told reporters, "
    "adding that the government would defend the capital by every means.\n"
)
OTHER_STORY = (
    "Central bank officials in Frankfurt kept interest rates unchanged on Thursday, citing slower "
    "growth in manufacturing and weaker exports to Asian markets.\n\n"
    "Analysts had expected the decision and said a cut was unlikely before the autumn, when new "
    "forecasts for inflation and employment will be published.\n"
)


def copies_among(articles: list[Article]) -> tuple[Copy, ...]:
    return compare_reuse(articles)[0]


def strip_punctuation(text: str) -> str:
    return " ".join("".join(c if c.isalnum() or c.isspace() else " " for c in text).split())


def load_all(project: Project, files: dict[str, str]) -> dict[str, Article]:
    for name, text in files.items():
        (project.seeds / name).write_text(text, encoding="utf-8")
    loaded = load_articles(project.seeds, project.root)
    assert loaded.problems == ()
    return {a.id: a for a in loaded.articles}


def test_unrelated_texts_are_not_copies(project: Project) -> None:
    articles = load_all(project, {"libya.txt": STORY, "rates.txt": OTHER_STORY})
    assert copies_among(list(articles.values())) == ()


def test_punctuation_stripped_duplicate_is_copy_of_punctuated(project: Project) -> None:
    # "a-stripped" sorts first, so the id order alone would make the other one the copy.
    articles = load_all(project, {"a-stripped.txt": strip_punctuation(STORY), "b-original.txt": STORY})
    assert articles["a-stripped"].meta == articles["b-original"].meta == Metadata()
    (copy,) = copies_among(list(articles.values()))
    assert (copy.article, copy.original, copy.overlap) == ("a-stripped", "b-original", 1.0)


def test_punctuation_stripped_duplicate_among_unrelated(project: Project) -> None:
    articles = load_all(
        project,
        {"b-original.txt": STORY, "c-stripped.txt": strip_punctuation(STORY), "rates.txt": OTHER_STORY},
    )
    (copy,) = copies_among(list(articles.values()))
    assert (copy.article, copy.original) == ("c-stripped", "b-original")


@pytest.mark.parametrize(("early", "late"), [("a-early", "b-late"), ("b-early", "a-late")])
def test_earlier_dated_article_is_the_original(project: Project, early: str, late: str) -> None:
    # The later one has the richer header (title, byline, outlet) and keeps its punctuation,
    # so only the dates can make the other the original.
    articles = load_all(
        project,
        {
            f"{early}.txt": f"2019-04-20\n\n{strip_punctuation(STORY)}\n",
            f"{late}.txt": f"Haftar Pushes Into Tripoli\nBy Jane Doe\nLibya Today, 22 April 2019\n\n{STORY}",
        },
    )
    assert articles[early].meta.date == "2019-04-20"
    assert articles[late].meta.date == "2019-04-22"
    (copy,) = copies_among(list(articles.values()))
    assert (copy.article, copy.original) == (late, early)
    assert copy.overlap == 1.0


def test_copy_detected_through_full_build(project: Project) -> None:
    (project.seeds / "original.txt").write_text(f"Libya Today, 21 April 2019\n\n{STORY}", encoding="utf-8")
    (project.seeds / "repost.txt").write_text(strip_punctuation(STORY), encoding="utf-8")
    result = build(project, write=False)
    assert result.problems == ()
    copy = result.corpus.copy_of("repost")
    assert copy is not None
    assert (copy.original, copy.overlap) == ("original", 1.0)
    assert result.corpus.copy_of("original") is None


def test_a_story_reprinted_by_most_outlets_is_still_a_copy() -> None:
    """Seven identical reprints among twelve articles: each is a copy of one original."""
    from generator.load.seeds import parse_article

    wire = "\n\n".join(
        f"Paragraph {n}: delegates from the coastal towns met the envoy and discussed a truce in round {n}."
        for n in range(12)
    )
    articles = [parse_article(f"Wire Story\n\n{wire}", f"copy-{n}", f"seeds/copy-{n}.txt") for n in range(7)]
    articles += [
        parse_article(
            f"Other Story {n}\n\n" + " ".join(f"unrelated{n}x{k} word" for k in range(80)), f"o-{n}", "s"
        )
        for n in range(5)
    ]
    copies = copies_among(articles)
    assert sorted((c.article, c.original, c.overlap) for c in copies) == [
        (f"copy-{n}", "copy-0", 1.0) for n in range(1, 7)
    ]
