"""The sample corpus through a real `mkdocs build --strict`: the pages a reader gets."""

from __future__ import annotations

import json
from pathlib import Path

from tests.htmlpage import parse_page

SAMPLE_IDS = [
    "000_c9538e6b4c7c64b9",
    "001_0ecb2f08c5882e7a",
    "002_c5e94d6caf5d1f55",
    "003_6b383f3c232c05d5",
    "004_23e8d5bb857ada88",
]


def test_site_has_home_and_one_page_per_seed(sample_site: Path) -> None:
    site = sample_site / "site"
    assert (site / "index.html").is_file()
    for article_id in SAMPLE_IDS:
        assert (site / "articles" / article_id / "index.html").is_file()
    assert (site / "data" / "articles.json").is_file()
    assert (site / "methodology" / "index.html").is_file()


def test_home_lists_every_article_with_metadata(sample_site: Path) -> None:
    page = parse_page(sample_site / "site" / "index.html")
    links = [e.attrs["href"] for e in page.elements if e.tag == "a"]
    for article_id in SAMPLE_IDS:
        assert f"articles/{article_id}/" in links
    assert "Failed States and Militias: General Khalifa Haftar Moves on Tripoli" in page.text
    assert "Dr. Binoy Kampmark" in page.text
    assert "2019-04-21" in page.text
    assert "5 articles, 2917 words" in page.text
    # 000 has no title: it is shown as untitled with its opening words, not given an invented title.
    assert "untitled: “The richly disastrous mess that is Libya has been moving into another …”" in page.text


def test_article_page_shows_metadata_text_and_removed_boilerplate(sample_site: Path) -> None:
    page = parse_page(sample_site / "site" / "articles" / "001_0ecb2f08c5882e7a" / "index.html")
    assert page.text.startswith("Failed States and Militias: General Khalifa Haftar Moves on Tripoli")
    assert "Outlet Global Research Author Dr. Binoy Kampmark Date 2019-04-21 Dateline unknown" in page.text
    assert "Source file seeds/001_0ecb2f08c5882e7a.txt" in page.text
    assert "Secretary of State Mike Pompeo had called on Haftar to halt his attack." in page.text
    details = [e for e in page.elements if e.tag == "details"]
    assert len(details) == 1 and "open" not in details[0].attrs  # collapsed
    assert "11 passages set aside as boilerplate" in page.text
    assert "share prompt: Note to readers: please click the share buttons below." in page.text


def test_copy_notice_links_to_original(sample_site: Path) -> None:
    page = parse_page(sample_site / "site" / "articles" / "000_c9538e6b4c7c64b9" / "index.html")
    assert "A copy of another article" in page.text
    assert "99% of this text (word 5-grams) is also in Failed States and Militias" in page.text
    hrefs = [e.attrs.get("href") for e in page.elements if e.tag == "a"]
    assert "../001_0ecb2f08c5882e7a/" in hrefs


def test_highlights_from_the_repository_annotations_are_marked(sample_site: Path) -> None:
    page = parse_page(sample_site / "site" / "articles" / "004_23e8d5bb857ada88" / "index.html")
    marks = [e for e in page.elements if e.tag == "mark"]
    assert [m.attrs.get("id") for m in marks] == ["highlight-1", "highlight-2"]
    # The highlight wraps the entity link inside it: one mark per highlight, the mention linked within.
    raw = (sample_site / "site" / "articles" / "004_23e8d5bb857ada88" / "index.html").read_text("utf-8")
    assert (
        '<mark class="px-highlight" id="highlight-1">military strongman <a class="px-entity px-person"' in raw
    )
    assert 'Labels Haftar a "military strongman"' in page.text


def test_articles_json_export(sample_site: Path) -> None:
    records = {r["id"]: r for r in json.loads((sample_site / "site/data/articles.json").read_text("utf-8"))}
    assert list(records) == SAMPLE_IDS
    first = records["001_0ecb2f08c5882e7a"]
    assert first["source"] == "seeds/001_0ecb2f08c5882e7a.txt"
    assert first["title"] == "Failed States and Militias: General Khalifa Haftar Moves on Tripoli"
    assert (first["author"], first["outlet"], first["date"]) == (
        "Dr. Binoy Kampmark",
        "Global Research",
        "2019-04-21",
    )
    assert records["003_6b383f3c232c05d5"]["author"] == "Jan Ellen"
    assert records["003_6b383f3c232c05d5"]["dateline"] == "Istanbul"
    assert records["004_23e8d5bb857ada88"]["outlet"] == "Halbeeg News"
    assert records["004_23e8d5bb857ada88"]["dateline"] == "Tripoli"
    assert records["000_c9538e6b4c7c64b9"]["copy_of"] == "001_0ecb2f08c5882e7a"
    assert records["001_0ecb2f08c5882e7a"]["copy_of"] is None
    assert records["000_c9538e6b4c7c64b9"]["date"] is None
    for record in records.values():
        for phrase in ("share buttons", "Disclaimer", "Discussion about this post", "copyrighted material"):
            assert phrase not in record["text"], (record["id"], phrase)
        for start, end in record["paragraphs"]:
            assert record["text"][start:end].strip() == record["text"][start:end] != ""
    removed = [(r["reason"], r["text"]) for r in records["004_23e8d5bb857ada88"]["removed"]]
    assert removed == [("comment prompt", "Discussion about this post")]
    highlight = records["004_23e8d5bb857ada88"]["highlights"][0]
    text = records["004_23e8d5bb857ada88"]["text"]
    assert text[highlight["start"] : highlight["end"]] == "military strongman Khalifa Haftar"


def test_articles_csv_export(sample_site: Path) -> None:
    lines = (sample_site / "site/data/articles.csv").read_text("utf-8").splitlines()
    assert lines[0] == "id,source,title,outlet,author,date,dateline,url,copy_of,words"
    assert lines[2].startswith(
        "001_0ecb2f08c5882e7a,seeds/001_0ecb2f08c5882e7a.txt,"
        "Failed States and Militias: General Khalifa Haftar Moves on Tripoli,Global Research,"
        "Dr. Binoy Kampmark,2019-04-21,,,,"
    )


def test_data_page_links_downloads(sample_site: Path) -> None:
    page = parse_page(sample_site / "site" / "data" / "index.html")
    hrefs = {e.attrs.get("href") for e in page.elements if e.tag == "a"}
    assert {"articles.json", "articles.csv"} <= hrefs


def test_nav_stays_short(sample_site: Path) -> None:
    """Material renders the nav into every page: generated pages must not be listed in it."""
    page = parse_page(sample_site / "site" / "index.html", region_class="md-nav--primary")
    titles = [e.attrs.get("href") for e in page.elements if e.tag == "a"]
    assert not any("000_c9538e6b4c7c64b9" in (href or "") for href in titles)
    assert "Methodology" in page.text and "Articles" in page.text


def test_site_makes_no_third_party_requests(sample_site: Path) -> None:
    """No Google Fonts, no CDN: every script, stylesheet and image is served from the site."""
    for html in (sample_site / "site").rglob("*.html"):
        page = parse_page(html)
        for element in page.all_elements:
            for name in ("src", "href"):
                url = element.attrs.get(name, "")
                if element.tag in ("script", "link", "img", "iframe") and url.startswith(
                    ("http:", "https:", "//")
                ):
                    assert element.tag == "link" and element.attrs.get("rel") == "canonical", (html, url)
