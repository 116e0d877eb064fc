"""How the cost of reuse detection grows: shared passages, quote groups and provenance at n and 4n.

    python -m bench.reuse [CORPUS_FOLDER] [--n 500]

The articles are distinct (n and 4n drawn from the folder in one seeded shuffle, so both mix its
topics alike), unlike a corpus repeated four times, whose identical copies the reuse stage sets
aside before comparing. Timed as `parallax build` runs it, with the garbage collector paused. Without a folder
it uses ../shared/corpora/bbc-news-2225 when present. Each size is timed three times and the
fastest run kept. Prints a table and writes bench/results/reuse.json. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import random
import sys
import time
from pathlib import Path

from generator.build import bulk_allocation
from generator.compare.credits import read_credits
from generator.compare.provenance import TextMeasure, compare_provenance
from generator.compare.quotes import group_quotes
from generator.compare.reuse import Words, compare_reuse
from generator.extract.quotes import extract_quotes
from generator.load.seeds import load_articles
from generator.model import Article

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "bbc-news-2225"
RUNS = 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=500, help="the smaller size; the larger is 4n")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus folder at {args.corpus}", file=sys.stderr)
        # Without the default corpus, `make bench` goes on to bench.site's synthetic corpus.
        return 0 if args.corpus == DEFAULT_CORPUS else 2
    articles = list(load_articles(args.corpus, args.corpus).articles)
    random.Random(7).shuffle(articles)
    if len(articles) < 4 * args.n:
        print(f"{args.corpus} has {len(articles)} articles; 4n = {4 * args.n} are needed", file=sys.stderr)
        return 2
    with bulk_allocation():
        rows = [measure(articles[:size]) for size in (args.n, 4 * args.n)]
    small, large = rows
    ratio = {key: round(large[key] / small[key], 2) for key in ("reuse_s", "quotes_s", "provenance_s")}
    exponent = {key: round(math.log(large[key] / small[key]) / math.log(4), 2) for key in ratio}
    result = {
        "corpus": str(args.corpus),
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "sizes": rows,
        "ratio": ratio,
        "exponent": exponent,
    }
    print(
        "| articles | words | pairs sharing passages | reuse (s) | quotes | quote groups | grouping (s) "
        "| accounts | links | provenance (s) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row['articles']} | {row['words']} | {row['pairs']} | {row['reuse_s']:.2f} | "
            f"{row['quotes']} | {row['groups']} | {row['quotes_s']:.2f} | {row['accounts']} | "
            f"{row['links']} | {row['provenance_s']:.2f} |"
        )
    print(f"\n4n/n time: reuse {ratio['reuse_s']}x (exponent {exponent['reuse_s']}), "
          f"quote groups {ratio['quotes_s']}x (exponent {exponent['quotes_s']}), "
          f"provenance {ratio['provenance_s']}x (exponent {exponent['provenance_s']})")  # fmt: skip
    out = REPO / "bench" / "results" / "reuse.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    return 0


def measure(articles: list[Article]) -> dict[str, float | int]:
    # Paragraphs stand in for sentences: quote finding only needs them to bound its search.
    quotes = [q for a in articles for q in extract_quotes(a, [(p.start, p.end) for p in a.paragraphs])]
    reuse_s = quotes_s = provenance_s = math.inf
    for _ in range(RUNS):
        started = time.perf_counter()
        words = {a.id: Words.of(a.text) for a in articles}
        copies, reuse = compare_reuse(articles, words)
        middle = time.perf_counter()
        groups = group_quotes(articles, quotes, words)
        done = time.perf_counter()
        # Provenance as compare_corpus runs it for a corpus of one story: credits, links, accounts.
        credits = {article.id: read_credits(article) for article in articles}
        texts = TextMeasure(words, quotes, groups)
        found, _ = compare_provenance(articles, reuse, copies, credits, texts)
        provenance_s = min(provenance_s, time.perf_counter() - done)
        reuse_s, quotes_s = min(reuse_s, middle - started), min(quotes_s, done - middle)
    return {
        "articles": len(articles),
        "words": sum(a.words for a in articles),
        "pairs": len(reuse),
        "reuse_s": round(reuse_s, 3),
        "quotes": len(quotes),
        "groups": len(groups),
        "quotes_s": round(quotes_s, 3),
        "accounts": len(found.accounts),
        "links": len(found.links),
        "provenance_s": round(provenance_s, 3),
    }


if __name__ == "__main__":
    sys.exit(main())
