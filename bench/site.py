"""Whole-site build benchmark: each stage and `mkdocs build`, cold, warm and incremental.

    python -m bench.site [CORPUS_FOLDER] [--limit N] [--growth] [--no-mkdocs] [--synthetic N]

Without a folder it uses ../shared/corpora/bbc-news-2225 when present, else a synthetic corpus
it generates. The runs share one temporary project, in this order: cold (empty extraction cache),
warm (nothing changed, so `build()` skips the work), warm-full (nothing changed, every stage run
anyway with `force`), the researcher's edits (a highlight added, its note reworded, a title set,
an entity described: `bench.project.EDITS`), seed-added (one more seed), then `mkdocs build` and
`mkdocs build` of the same articles as plain Markdown pages (the ratio of the two). Each run is
a child process, so its peak memory is its own. `--growth` also builds the corpus at 1x and 4x
(every file repeated under other names, so other ids) and reports the ratio and exponent per stage.
Prints tables and writes
bench/results/site.json (and growth.json). Not part of `make test`: run it with `make bench`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.child import run_scenario
from bench.measure import measure_growth, measure_site
from bench.project import DEFAULT_CORPUS, REPO, corpus_files
from bench.report import render_growth, render_site, render_targets, targets

# Re-exported: tests/test_growth.py and the synthetic corpus's label name it bench.site.generate_corpus.
from bench.synthetic import generate_corpus as generate_corpus

RESULTS = REPO / "bench" / "results"
SYNTHETIC_ARTICLES = 200


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="folder of articles (default: the BBC corpus)")
    parser.add_argument("--limit", type=int, default=0, help="build only the first N articles")
    parser.add_argument(
        "--synthetic",
        type=int,
        metavar="N",
        default=0,
        help=f"generate N articles instead of reading a folder (without a corpus: {SYNTHETIC_ARTICLES})",
    )
    parser.add_argument("--growth", action="store_true", help="also build at 1x and 4x the corpus")
    parser.add_argument("--no-mkdocs", action="store_true", help="skip the `mkdocs build` run")
    parser.add_argument("--repeat", type=int, default=1, help="warm runs to take the fastest of")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for the JSON results")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects; print where")
    parser.add_argument("--scenario", type=Path, metavar="ROOT", help=argparse.SUPPRESS)
    parser.add_argument("--force", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scenario:
        return run_scenario(args.scenario, args.force)
    work = Path(tempfile.mkdtemp(prefix="parallax-bench-"))
    try:
        found = _corpus(args, work)
        if found is None:
            return 2
        corpus, label, limit = found
        files = corpus_files(corpus)
        # The seed added in `seed-added`: the next file when --limit leaves one, else a generated one.
        extra = files[limit] if 0 < limit < len(files) else None
        files = files[:limit] if limit else files
        site = measure_site(corpus, files, extra, work, args.repeat, mkdocs=not args.no_mkdocs)
        site["corpus"] = label
        growth = measure_growth(corpus, files, work, args.repeat) if args.growth else None
        if growth:
            growth["corpus"] = label
        site["targets"] = targets(site, growth)
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "site.json").write_text(json.dumps(site, indent=1) + "\n", "utf-8")
        print(render_site(site))
        if growth:
            (args.out / "growth.json").write_text(json.dumps(growth, indent=1) + "\n", "utf-8")
            print(render_growth(growth))
        print(render_targets(site["targets"], site["articles"]))
        print(f"results: {args.out / 'site.json'}" + (f", {args.out / 'growth.json'}" if growth else ""))
    finally:
        if args.keep:
            print(f"projects kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _corpus(args: argparse.Namespace, work: Path) -> tuple[Path, str, int] | None:
    """The folder to build, how the results name it, and how many of its articles to build.

    A synthetic corpus is generated into `work`, with one article more than asked for: the seed
    added in `seed-added`.
    """
    corpus = args.corpus
    if corpus is None and not args.synthetic and DEFAULT_CORPUS.is_dir():
        corpus = DEFAULT_CORPUS
    if corpus is not None:
        if not corpus.is_dir():
            print(f"no corpus folder at {corpus}", file=sys.stderr)
            return None
        return corpus.resolve(), str(corpus), args.limit
    count = args.synthetic or SYNTHETIC_ARTICLES
    generate_corpus(work / "synthetic", count + 1)
    return (
        work / "synthetic",
        f"synthetic ({count} articles, bench.site.generate_corpus)",
        args.limit or count,
    )


if __name__ == "__main__":
    sys.exit(main())
