"""The benchmark's project: a corpus's article files, a user-like project built from them, and
the one-highlight YAML edit made to it."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from generator.load.seeds import ARTICLE_SUFFIXES
from generator.write import STATE_DIR, read_manifest

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "bbc-news-2225"
DESCRIPTIVE_FILES = {"readme", "sources", "manifest", "license", "licence", "changelog"}
"""Stems of files at a corpus's top level that describe the dataset rather than hold an article."""


def corpus_files(corpus: Path) -> list[Path]:
    """Article files below `corpus`, relative, in the order `load` reads them.

    A corpus's own README, SOURCES or manifest at its top level describes the dataset; left out.
    """
    found = []
    for path in corpus.rglob("*"):
        relative = path.relative_to(corpus)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if len(relative.parts) == 1 and path.stem.lower() in DESCRIPTIVE_FILES:
            continue
        found.append(relative)
    return sorted(found, key=lambda p: p.as_posix())


def make_project(root: Path, corpus: Path, files: Sequence[Path], copies: int = 0) -> Path:
    """A project like a user's: mkdocs.yml, the hand-written docs, empty annotations, the seeds.

    With `copies`, every file is repeated that many times under `seeds/copy-K/`, so under other ids.
    """
    for folder in ("seeds", "annotations/articles", "docs"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for relative in hand_written_docs(REPO / "docs"):
        target = root / "docs" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / "docs" / relative, target)
    prefixes = [Path(f"copy-{k}") for k in range(1, copies + 1)] if copies else [Path()]
    for prefix in prefixes:
        for relative in files:
            target = root / "seeds" / prefix / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(corpus / relative, target)
    return root


def hand_written_docs(docs: Path) -> list[Path]:
    """Files in the docs folder the generator does not own (its manifest lists the ones it does)."""
    owned = set(read_manifest(docs))
    found = []
    for path in docs.rglob("*"):
        relative = path.relative_to(docs)
        if path.is_file() and relative.parts[0] != STATE_DIR and relative.as_posix() not in owned:
            found.append(relative)
    return sorted(found)


def probe_passage(articles: Sequence[Any]) -> dict[str, str] | None:
    """An article in the middle of the corpus and a passage found once in its text, to highlight."""
    for article in [*articles[len(articles) // 2 :], *articles[: len(articles) // 2]]:
        words = list(re.finditer(r"\S+", article.text))
        for start in range(len(words) // 3, max(len(words) - 6, 0)):
            first, last = words[start], words[start + 5]
            quote = article.text[first.start() : last.end()]
            if "\n" not in quote and article.text.count(quote) == 1:
                return {"id": article.id, "quote": quote}
    return None


def edit_annotation(root: Path, probe: dict[str, str], note: str) -> Path:
    """What a researcher does: give one article a highlight in its YAML file."""
    path = root / "annotations" / "articles" / f"{probe['id']}.yml"
    data = {"highlights": [{"quote": probe["quote"], "note": note, "tags": ["benchmark"]}]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def add_highlight(root: Path, probe: dict[str, str]) -> None:
    edit_annotation(root, probe, "Benchmark: a highlight added to one article's YAML.")


def edit_note(root: Path, probe: dict[str, str]) -> None:
    edit_annotation(root, probe, "Benchmark: the highlight's note reworded.")


def set_title(root: Path, probe: dict[str, str]) -> None:
    path = edit_annotation(root, probe, "Benchmark: the highlight's note reworded.")
    path.write_text("title: A title the benchmark set\n" + path.read_text("utf-8"), "utf-8")


def correct_entity(root: Path, probe: dict[str, str]) -> None:
    """Describe the most mentioned entity in entities.yml, as a researcher curating it would."""
    entities = json.loads((root / "docs" / "data" / "entities.json").read_text("utf-8"))
    top = max(entities, key=lambda entity: len(entity["mentions"]))
    data = {"entities": [{"id": top["id"], "description": "Described by the benchmark."}]}
    path = root / "annotations" / "entities.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


EDITS: tuple[tuple[str, Callable[[Path, dict[str, str]], None]], ...] = (
    ("highlight-added", add_highlight),
    ("note-edited", edit_note),
    ("title-set", set_title),
    ("entity-described", correct_entity),
)
"""The edits `bench.site` times, in order, each followed by one build."""


def make_plain_project(root: Path, built: Path) -> Path:
    """The articles `built` holds, as plain Markdown pages (title, paragraphs) with the same theme.

    What `mkdocs build` costs for the same articles without Parallax: the baseline of the ratio.
    """
    config = yaml.safe_load(
        re.sub(r"!ENV \[SITE_URL, (\"[^\"]*\")\]", r"\1", (built / "mkdocs.yml").read_text("utf-8"))
    )
    config["plugins"] = ["search"]
    # A nav as short as the generated site's: Material renders the whole nav into every page.
    config["nav"] = [{"Articles": "index.md"}]
    config["not_in_nav"] = "/articles/*.md\n"
    for key in ("validation", "extra_javascript"):
        config.pop(key, None)
    docs = root / "docs"
    (docs / "articles").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    shutil.copytree(built / "docs" / "stylesheets", docs / "stylesheets")
    records = json.loads((built / "docs" / "data" / "articles.json").read_text("utf-8"))
    (docs / "index.md").write_text("# Articles\n", "utf-8")
    for record in records:
        paragraphs = [record["text"][start:end] for start, end in record["paragraphs"]]
        title = record["title"] or record["id"]
        body = "\n\n".join([f"# {title}", *paragraphs])
        (docs / "articles" / f"{record['id']}.md").write_text(body + "\n", "utf-8")
    return root
