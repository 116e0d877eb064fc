"""Whole-site build benchmark: each stage and `mkdocs build`, cold, warm and incremental.

    python -m bench.site [CORPUS_FOLDER] [--limit N] [--growth] [--no-mkdocs] [--synthetic N]

Without a folder it uses ../shared/corpora/bbc-news-2225 when present, else a synthetic corpus
it generates. The runs share one temporary project, in this order: cold (empty extraction cache),
warm (nothing changed, so `build()` skips the work), warm-full (nothing changed, every stage run
anyway with `force`), yaml-edit (one article's YAML gets a highlight), seed-added (one more
seed), then `mkdocs build`. Each run is a child process, so its peak memory is its own.
`--growth` also builds the corpus at 1x and 4x (every file repeated under other names, so other
ids) and reports the ratio and exponent per stage. Prints tables and writes
bench/results/site.json (and growth.json). Not part of `make test`: run it with `make bench`.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.load import ARTICLE_SUFFIXES
from generator.write import STATE_DIR, read_manifest

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "bbc-news-2225"
RESULTS = REPO / "bench" / "results"
GROWTH_FACTOR = 4
SYNTHETIC_ARTICLES = 200
DESCRIPTIVE_FILES = {"readme", "sources", "manifest", "license", "licence", "changelog"}
"""Stems of files at a corpus's top level that describe the dataset rather than hold an article."""
DEDUPLICATED_NER = (
    "the model reads each distinct paragraph once per build, so cold extract at 4x (repeated text) "
    "runs the model over the 1x text only; its ratio measures everything around the model"
)
SAME_NAMES = (
    "repeating the corpus repeats its names, so 4x has the entities of 1x: a cost that grows with "
    "entities x mentions looks linear here (tests/test_growth.py grows the names too)"
)


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


# Projects ------------------------------------------------------------------------------------


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


# Runs ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChildRun:
    stdout: str
    stderr: str
    seconds: float
    """Wall time of the whole process, start-up and imports included."""
    peak_mb: float
    """Largest resident set of the process or any process it waited for."""
    returncode: int


def run_child(command: Sequence[str], cwd: Path, cache: Path) -> ChildRun:
    """Run `command`, timing it and reading its own peak memory from the kernel (wait4)."""
    env = {
        **os.environ,
        "PARALLAX_CACHE": str(cache),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1700000000",
    }
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ChildRun(out.read(), err.read(), seconds, usage.ru_maxrss / 1024, process.returncode)


def build_in_child(root: Path, cache: Path, force: bool = False) -> dict[str, Any]:
    """One `build()` of the project at `root` in a fresh interpreter; its report plus process figures.

    `force` builds every stage even when nothing changed (else `build()` skips an unchanged project).
    """
    command = [sys.executable, "-m", "bench.site", "--scenario", str(root), *(["--force"] if force else [])]
    child = run_child(command, REPO, cache)
    if child.returncode != 0:
        raise RuntimeError(f"build of {root} failed ({child.returncode}):\n{child.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(child.stdout)
    report["process_seconds"] = round(child.seconds, 3)
    return report


def run_scenario(root: Path, force: bool = False) -> int:
    """The child's side: build once, print what was measured as JSON on stdout."""
    from generator.build import Project, build
    from generator.cli import options_from_mkdocs

    project = Project.at(root)
    options = options_from_mkdocs(root)  # as `parallax build` does; not part of the build's time
    result = build(project, options, force=force)
    words = sum(article.words for article in result.corpus.articles)
    articles = len(result.corpus.articles)
    build_seconds = sum(result.seconds.values())
    written = result.written
    report = {
        "articles": articles,
        "words": words,
        "seconds": {stage: round(seconds, 4) for stage, seconds in result.seconds.items()},
        "build_seconds": round(build_seconds, 4),
        "articles_per_second": _per_second(articles, result.seconds),
        "words_per_second": _per_second(words, result.seconds),
        "pages": len(result.pages),
        "files_written": len(written.written) if written else 0,
        "files_unchanged": len(written.unchanged) if written else 0,
        "entities": len(result.corpus.entities),
        "mentions": len(result.corpus.mentions),
        "copies": len(result.corpus.copies),
        "highlights": len(result.corpus.highlights),
        "errors": result.errors,
        "warnings": result.warnings,
        # ru_maxrss is in KiB on Linux; spaCy's parallel workers (cold, large corpora) are children.
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "workers_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "probe": probe_passage(result.corpus.articles),
    }
    print(json.dumps(report))
    return 0


def _per_second(count: int, seconds: dict[str, float]) -> dict[str, int]:
    rates = {stage: round(count / value) for stage, value in seconds.items() if value > 0}
    total = sum(seconds.values())
    return {**rates, "build": round(count / total) if total > 0 else 0}


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


def measure_site(
    corpus: Path, files: Sequence[Path], extra: Path | None, work: Path, repeat: int, mkdocs: bool
) -> dict[str, Any]:
    """cold, warm, yaml-edit, seed-added and `mkdocs build` on one project."""
    root = make_project(work / "site", corpus, files)
    cache = work / "cache-site"
    cache.mkdir()
    runs: dict[str, dict[str, Any]] = {}
    print(f"building {len(files)} articles from {corpus} in {root}", file=sys.stderr)
    runs["cold"] = build_in_child(root, cache)
    _progress("cold", runs["cold"])
    runs["warm"] = _fastest([build_in_child(root, cache) for _ in range(max(repeat, 1))])
    _progress("warm", runs["warm"])
    # Every stage again with nothing changed: what a warm build costs when it cannot be skipped.
    runs["warm-full"] = _fastest([build_in_child(root, cache, force=True) for _ in range(max(repeat, 1))])
    _progress("warm-full", runs["warm-full"])
    probe = runs["cold"].get("probe")
    if probe is None:
        raise RuntimeError("no article has a passage to highlight; is the corpus empty?")
    edit_annotation(root, probe, "Benchmark: a highlight added to one article's YAML.")
    runs["yaml-edit"] = build_in_child(root, cache)
    if runs["yaml-edit"]["highlights"] != 1:
        print(f"warning: the benchmark's highlight did not apply: {probe}", file=sys.stderr)
    _progress("yaml-edit", runs["yaml-edit"])
    added = root / "seeds" / "zz-bench-added.txt"
    if extra is not None:
        added = root / "seeds" / extra
        added.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(corpus / extra, added)
    else:
        # Text no article has, so the model really runs on it (as for any newly saved article).
        added.write_text(synthetic_article(random.Random("bench-added"), 10**6), "utf-8")
    runs["seed-added"] = build_in_child(root, cache)
    _progress("seed-added", runs["seed-added"])
    for run in runs.values():
        run.pop("probe", None)
    first = runs["cold"]
    result: dict[str, Any] = {
        "articles": first["articles"],
        "words": first["words"],
        "machine": machine(),
        "revision": revision(),
        "runs": runs,
        "notes": {
            "build_seconds": "the sum of the stages `build()` timed: the generator's part of a "
            "`mkdocs serve` rebuild",
            "process_seconds": "the whole `python -m bench.site --scenario` process: start-up, "
            "imports and reading mkdocs.yml included (what `parallax build` costs)",
            "seed-added": "the next corpus file when --limit leaves one, else a generated article; "
            "extract includes loading the model",
            "peak_mb": "largest resident set of the build's process; workers_peak_mb is the largest "
            "of spaCy's parallel workers, when a cold build used them",
        },
    }
    if mkdocs:
        result["mkdocs"] = measure_mkdocs(root, cache)
        _progress("mkdocs build", {"process_seconds": result["mkdocs"]["seconds"]})
    return result


def measure_mkdocs(root: Path, cache: Path) -> dict[str, Any]:
    """`mkdocs build` as a user runs it (the plugin's own generator run is warm by now)."""
    child = run_child([str(Path(sys.executable).parent / "mkdocs"), "build"], root, cache)
    if child.returncode != 0:
        raise RuntimeError(f"mkdocs build failed ({child.returncode}):\n{child.stderr[-3000:]}")
    site = root / "site"
    files = [path for path in site.rglob("*") if path.is_file()]
    return {
        "seconds": round(child.seconds, 3),
        "html_pages": sum(1 for path in files if path.suffix == ".html"),
        "site_mb": round(sum(path.stat().st_size for path in files) / 1e6, 1),
        "peak_mb": round(child.peak_mb, 1),
        "warnings": child.stderr.count("WARNING"),
    }


def measure_growth(corpus: Path, files: Sequence[Path], work: Path, repeat: int) -> dict[str, Any]:
    """Cold and warm builds at 1x and 4x; per stage the ratio 4x/1x and exponent log(ratio)/log(4)."""
    runs: dict[str, dict[str, Any]] = {}
    for factor in (1, GROWTH_FACTOR):
        label = f"{factor}x"
        root = make_project(work / f"growth-{label}", corpus, files, copies=factor)
        cache = work / f"cache-growth-{label}"
        cache.mkdir()
        print(f"growth {label}: {len(files) * factor} articles", file=sys.stderr)
        cold = build_in_child(root, cache)
        _progress(f"{label} cold", cold)
        warm = _fastest([build_in_child(root, cache, force=True) for _ in range(max(repeat, 1))])
        _progress(f"{label} warm", warm)
        for run in (cold, warm):
            run.pop("probe", None)
        runs[label] = {"cold": cold, "warm": warm}
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
    small, large = runs["1x"], runs[f"{GROWTH_FACTOR}x"]
    stages: dict[str, dict[str, float]] = {}
    for stage in (*small["warm"]["seconds"], "build"):
        row: dict[str, float] = {}
        for kind in ("cold", "warm"):
            ratio = _seconds(large[kind], stage) / max(_seconds(small[kind], stage), 1e-6)
            row[f"{kind}_ratio"] = round(ratio, 2)
            row[f"{kind}_exponent"] = round(math.log(ratio) / math.log(GROWTH_FACTOR), 2) if ratio > 0 else 0
        stages[stage] = row
    return {
        "factor": GROWTH_FACTOR,
        "articles": {label: run["warm"]["articles"] for label, run in runs.items()},
        "machine": machine(),
        "revision": revision(),
        "runs": runs,
        "stages": stages,
        "notes": {
            "corpus": f"{GROWTH_FACTOR}x is every file repeated under seeds/copy-1/ .. copy-{GROWTH_FACTOR}/ "
            "(so every article has three identical copies and the same entities)",
            "extract": DEDUPLICATED_NER,
            "entities": SAME_NAMES,
        },
    }


def _seconds(run: dict[str, Any], stage: str) -> float:
    return float(run["build_seconds"] if stage == "build" else run["seconds"].get(stage, 0.0))


def _fastest(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Of repeated runs, the one whose build was fastest (the least disturbed by other work)."""
    return min(runs, key=lambda run: float(run["build_seconds"]))


def _progress(label: str, run: dict[str, Any]) -> None:
    print(f"  {label}: {run['process_seconds']:.1f} s", file=sys.stderr)


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip() + ", "
                break
    except OSError:
        pass
    memory = ""
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        memory = f", {os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.0f} GiB RAM"
    return (
        f"{model}{platform.machine()}, {os.cpu_count()} cores{memory}, "
        f"{platform.system()}, Python {platform.python_version()}"
    )


def revision() -> str | None:
    """The commit measured, with `+changes` when the generator differs from it; None outside git."""
    try:
        commit = _git("rev-parse", "--short", "HEAD")
        changes = _git("status", "--porcelain", "generator")
    except (OSError, subprocess.CalledProcessError):
        return None
    return commit + ("+changes" if changes else "")


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()


# Targets -------------------------------------------------------------------------------------


GROWTH_MIN_SECONDS = 0.05
"""A stage faster than this at 1x is left out of the growth target: its ratio is timer noise."""


def targets(site: dict[str, Any], growth: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Issue #7's targets, set for the 2,225-article corpus, against what this run measured."""
    runs = site["runs"]
    cold = runs["cold"]["seconds"]
    rest = sum(seconds for stage, seconds in cold.items() if stage != "extract")
    found = [
        _target("warm rebuild (build())", runs["warm"]["build_seconds"], 5.0, "s"),
        _target("one article's YAML edited (build())", runs["yaml-edit"]["build_seconds"], 2.0, "s"),
        _target(
            "cold: all stages but extract, in % of extract", 100 * rest / cold["extract"], 25.0, "%", True
        ),
    ]
    peaks = [max(run["peak_mb"], run["workers_peak_mb"]) for run in runs.values()]
    mkdocs = site.get("mkdocs")
    if mkdocs:
        found.append(_target("mkdocs build", mkdocs["seconds"], 60.0, "s"))
        found.append(_target("site size", mkdocs["site_mb"], 300.0, "MB"))
        peaks.append(mkdocs["peak_mb"])
    found.append(_target("peak memory of one process", max(peaks), 1500.0, "MB"))
    if growth:
        small = growth["runs"]["1x"]
        for kind in ("cold", "warm"):
            timed = [
                (row[f"{kind}_ratio"], row[f"{kind}_exponent"], stage)
                for stage, row in growth["stages"].items()
                if stage != "build" and _seconds(small[kind], stage) >= GROWTH_MIN_SECONDS
            ]
            if timed:
                ratio, exponent, stage = max(timed)
                row = _target(f"growth 4x/1x, {kind}, steepest stage: {stage}", ratio, 4.5, "x", True)
                row["measured"] += f" (exponent {exponent:.2f})"
                found.append(row)
    return found


def _target(name: str, measured: float, limit: float, unit: str, inclusive: bool = False) -> dict[str, Any]:
    return {
        "target": name,
        "wanted": f"{'<=' if inclusive else '<'} {limit:g} {unit}",
        "measured": f"{measured:,.2f} {unit}",
        "met": measured <= limit if inclusive else measured < limit,
    }


# Tables --------------------------------------------------------------------------------------


def render_site(site: dict[str, Any]) -> str:
    stages = list(site["runs"]["cold"]["seconds"])
    lines = [
        f"{site['articles']:,} articles, {site['words']:,} words ({site['corpus']})",
        f"machine: {site['machine']}",
        "",
        "| run | " + " | ".join(stages) + " | build s | process s | articles/s | words/s | peak MB |",
        "| --- " * (len(stages) + 6) + "|",
    ]
    for label, run in site["runs"].items():
        times = " | ".join(f"{run['seconds'].get(stage, 0):.2f}" for stage in stages)
        peak = f"{run['peak_mb']:,.0f}"
        if run["workers_peak_mb"] > 0:
            peak += f" (+ workers {run['workers_peak_mb']:,.0f})"
        lines.append(
            f"| {label} | {times} | {run['build_seconds']:.2f} | {run['process_seconds']:.2f} | "
            f"{run['articles_per_second']['build']:,} | {run['words_per_second']['build']:,} | {peak} |"
        )
    mkdocs = site.get("mkdocs")
    if mkdocs:
        lines.append(
            "| mkdocs build |" + " |" * len(stages) + f" | {mkdocs['seconds']:.2f} | "
            f"{site['articles'] / mkdocs['seconds']:,.0f} | {site['words'] / mkdocs['seconds']:,.0f} | "
            f"{mkdocs['peak_mb']:,.0f} |"
        )
        lines += [
            "",
            f"mkdocs build: {mkdocs['html_pages']:,} HTML pages, site {mkdocs['site_mb']:,.1f} MB; "
            f"the generator wrote {site['runs']['cold']['pages']:,} Markdown and data files",
        ]
    cold = site["runs"]["cold"]
    rates = ", ".join(f"{stage} {cold['words_per_second'].get(stage, 0):,}" for stage in stages)
    lines += ["", f"cold words/s per stage: {rates}", ""]
    return "\n".join(lines)


def render_growth(growth: dict[str, Any]) -> str:
    sizes = ", ".join(f"{label}: {count:,} articles" for label, count in growth["articles"].items())
    lines = [
        f"growth ({sizes})",
        "",
        "| stage | cold 1x s | cold 4x s | ratio | exponent | warm 1x s | warm 4x s | ratio | exponent |",
        "| --- " * 9 + "|",
    ]
    small, large = growth["runs"]["1x"], growth["runs"][f"{growth['factor']}x"]
    for stage, row in growth["stages"].items():
        lines.append(
            f"| {stage} | {_seconds(small['cold'], stage):.2f} | {_seconds(large['cold'], stage):.2f} | "
            f"{row['cold_ratio']:.2f} | {row['cold_exponent']:.2f} | {_seconds(small['warm'], stage):.2f} | "
            f"{_seconds(large['warm'], stage):.2f} | {row['warm_ratio']:.2f} | {row['warm_exponent']:.2f} |"
        )
    lines += ["", f"extract: {DEDUPLICATED_NER}.", f"entities: {SAME_NAMES}.", ""]
    return "\n".join(lines)


def render_targets(found: list[dict[str, Any]], articles: int) -> str:
    lines = [
        f"targets (issue #7, set for the 2,225-article corpus; this run: {articles:,} articles)",
        "",
        "| target | wanted | measured | met |",
        "| --- | --- | --- | --- |",
    ]
    for row in found:
        met = "yes" if row["met"] else "NO"
        lines.append(f"| {row['target']} | {row['wanted']} | {row['measured']} | {met} |")
    return "\n".join([*lines, ""])


# Synthetic corpus ----------------------------------------------------------------------------
# Articles are prefix-stable (article i is the same in a corpus of any size) and each one brings
# new people, places and organisations, so a larger corpus has proportionally more entities.

FIRST_NAMES = (
    "Amara Bilal Carmen Dmitri Elena Farid Grace Hiroshi Ines Jonas Kwame Leila Marco Nadia Oscar "
    "Priya Quentin Rosa Samir Tanya Umar Vera Wanjiru Xavier Yusuf Zofia Abebe Beatriz Chidi Dalia "
    "Emeka Fatima Goran Hana Ivan Jamila Kofi Lucia Mateo Nour Olga Pedro Rania Sven Thabo Ulrike "
    "Viktor Wei Yara Zainab Arjun Bjorn Chiara Diego Esther Femi Gustavo Helga Isaac Jin"
).split()
"""Given names recur, as in real news: people who share one are compared for spelling variants."""
SYLLABLES = "bar ken dor lin mar vas tor wen ric sel wyn har ost mel cal dun fen gor".split()
PLACE_ENDINGS = ("ford", "ton", "bury", "field", "haven", "stad", "mouth", "wick")
ORG_ENDINGS = ("Holdings", "Group", "Institute", "Bank", "Alliance", "Party", "Foundation", "Council")
COMMON_PLACES = ("London", "Paris", "Nairobi", "Berlin", "Cairo", "Lima", "Jakarta", "Toronto")
COMMON_ORGS = ("United Nations", "World Bank", "European Union", "Red Cross", "World Health Organization")
ROLES = ("minister", "spokesperson", "director", "analyst", "chairman", "researcher", "mayor", "official")
WORDS = (
    "agreement budget border council crisis decision economy election evidence export factory figure "
    "government growth harvest inquiry interest investment island market measure network offer "
    "pension plan policy port price project protest report reserve road rule school sector shortage "
    "station strike supply talks tax trade transport union vote water weather wage"
).split()
ADJECTIVES = (
    "annual cautious central coastal costly early fragile local major modest narrow national new "
    "northern official public recent regional rural sharp slow southern strong sudden urgent"
).split()
VERBS = (
    "approved blocked delayed expanded funded halted examined extended opposed reviewed raised "
    "cut questioned backed announced criticised welcomed rejected"
).split()
PLACES_PER_ARTICLE, PEOPLE_PER_ARTICLE, ORGS_PER_ARTICLE = 1, 2, 1


def generate_corpus(folder: Path, count: int, words: int = 400, seed: str = "parallax") -> list[Path]:
    """`count` articles of about `words` words as `folder/NNNN.txt` (a headline, then paragraphs)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"{index:04d}.txt"
        path.write_text(synthetic_article(random.Random(f"{seed}:{index}"), index, words), "utf-8")
        paths.append(path)
    return paths


def synthetic_article(rng: random.Random, index: int, words: int = 400) -> str:
    """Names new to this article, names from earlier ones, quotes and figures; deterministic."""
    people = [_person(index * PEOPLE_PER_ARTICLE + k) for k in range(PEOPLE_PER_ARTICLE)]
    places = [_place(index * PLACES_PER_ARTICLE + k) for k in range(PLACES_PER_ARTICLE)]
    orgs = [_org(index * ORGS_PER_ARTICLE + k) for k in range(ORGS_PER_ARTICLE)]
    for _ in range(2):
        people.append(_person(rng.randrange((index + 1) * PEOPLE_PER_ARTICLE)))
        places.append(_place(rng.randrange((index + 1) * PLACES_PER_ARTICLE)))
        orgs.append(_org(rng.randrange((index + 1) * ORGS_PER_ARTICLE)))
    common = (rng.choice(COMMON_PLACES), rng.choice(COMMON_ORGS))
    headline = f"{people[0]} {rng.choice(VERBS)} {rng.choice(WORDS)} {rng.choice(WORDS)} in {places[0]}"
    paragraphs = []
    written = 0
    while written < words:
        sentences = [_sentence(rng, people, places, orgs, common) for _ in range(rng.randint(2, 4))]
        paragraphs.append(" ".join(sentences))
        written += len(paragraphs[-1].split())
    return "\n\n".join([headline, *paragraphs]) + "\n"


def _sentence(
    rng: random.Random, people: list[str], places: list[str], orgs: list[str], common: tuple[str, str]
) -> str:
    """One sentence from a template. Every run of five words holds a name of this article's or
    two random words: text many articles share makes `compare`'s work grow with the square of
    the corpus (as it should), which is not what a synthetic corpus is for."""
    person, place, org = rng.choice(people), rng.choice(places), rng.choice(orgs)
    word, other, third = rng.choice(WORDS), rng.choice(WORDS), rng.choice(WORDS)
    adjective, verb = rng.choice(ADJECTIVES), rng.choice(VERBS)
    number = f"{rng.randint(2, 950)}" if rng.random() < 0.5 else f"{rng.randint(1, 99)}.{rng.randint(1, 9)}%"
    match rng.randrange(6):
        case 0:
            return f'"The {adjective} {word} {verb} the {other}," said {person}, a {rng.choice(ROLES)}.'
        case 1:
            return f"{person} told reporters in {place} that the {word} was {adjective}."
        case 2:
            return f"The {org} {verb} {number} {word} {other} in {place}."
        case 3:
            return f"According to {org}, {number} {word} {verb} {adjective} {other} near {place}."
        case 4:
            return f"Officials in {place} {verb} a {adjective} {word} after {person} {rng.choice(VERBS)} it."
        case _:
            return (
                f"{adjective.capitalize()} {word} in {common[0]} {verb} {other} {third} with "
                f"{common[1]} {rng.choice(WORDS)} {number}."
            )


def _coined(number: int, syllables: int = 2) -> str:
    """A made-up word, different for every number: its digits in base len(SYLLABLES)."""
    parts = []
    for _ in range(syllables):
        number, digit = divmod(number, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    while number:
        number, digit = divmod(number - 1, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts).capitalize()


def _person(number: int) -> str:
    return f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {_coined(number * 7 + 3)}"


def _place(number: int) -> str:
    return _coined(number + 11) + PLACE_ENDINGS[number % len(PLACE_ENDINGS)]


def _org(number: int) -> str:
    return f"{_coined(number + 101)} {ORG_ENDINGS[number % len(ORG_ENDINGS)]}"


if __name__ == "__main__":
    sys.exit(main())
