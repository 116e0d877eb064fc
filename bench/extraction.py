"""Throughput of name extraction and linking, cold (empty cache) and warm (every article cached).

    python -m bench.extraction [CORPUS_FOLDER] [--limit N]

Without a folder it uses ../shared/corpora/bbc-news-2225 when present. Prints a table and writes
bench/results/extraction.json. Not part of `make test`: run it with `make bench`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from generator.annotations.read import EntityCuration
from generator.build import Project
from generator.extract.runner import extract_articles, load_model
from generator.load.seeds import load_articles
from generator.resolve.entities import resolve_entities
from generator.resolve.link import link_mentions

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "bbc-news-2225"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus folder at {args.corpus}", file=sys.stderr)
        # Without the default corpus, `make bench` goes on to bench.site's synthetic corpus.
        return 0 if args.corpus == DEFAULT_CORPUS else 2
    load_model()  # loading the model (~1 s) is not extraction
    with tempfile.TemporaryDirectory() as folder:
        project = Project.at(Path(folder), seeds=args.corpus.resolve())
        articles = load_articles(project.seeds, project.root).articles
        if args.limit:
            articles = articles[: args.limit]
        words = sum(article.words for article in articles)
        shutil.rmtree(project.cache, ignore_errors=True)
        rows = {}
        for label in ("cold", "warm"):
            start = time.perf_counter()
            extractions, _ = extract_articles(articles, project.cache)
            extracted = time.perf_counter()
            entities = resolve_entities(extractions, EntityCuration())
            mentions = link_mentions(articles, extractions, entities.aliases)
            linked = time.perf_counter()
            rows[label] = {
                "extract_seconds": round(extracted - start, 3),
                "resolve_and_link_seconds": round(linked - extracted, 3),
                "words_per_second": round(words / (linked - start)),
                "entities": len(entities.entities),
                "mentions": len(mentions),
            }
    result = {
        "corpus": str(args.corpus),
        "articles": len(articles),
        "words": words,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "runs": rows,
    }
    out = REPO / "bench" / "results" / "extraction.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    print(f"{len(articles)} articles, {words:,} words ({result['machine']})")
    print("| run | extract s | resolve+link s | words/s | entities | mentions |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, row in rows.items():
        print(
            f"| {label} | {row['extract_seconds']} | {row['resolve_and_link_seconds']} | "
            f"{row['words_per_second']:,} | {row['entities']} | {row['mentions']} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
