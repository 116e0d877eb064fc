"""The timed runs: cold, warm, the researcher's edits and seed-added builds, `mkdocs build` of one
project and of the same articles as plain pages, and the growth runs at 1x and 4x, each with the
machine and revision measured."""

from __future__ import annotations

import math
import os
import platform
import random
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.child import build_in_child, run_child
from bench.project import EDITS, REPO, make_plain_project, make_project
from bench.synthetic import synthetic_article

GROWTH_FACTOR = 4
DEDUPLICATED_NER = (
    "the model reads each distinct paragraph once per build, so cold extract at 4x (repeated text) "
    "runs the model over the 1x text only; its ratio measures everything around the model"
)
SAME_NAMES = (
    "repeating the corpus repeats its names, so 4x has the entities of 1x: a cost that grows with "
    "entities x mentions looks linear here (tests/test_growth.py grows the names too)"
)


def measure_site(
    corpus: Path, files: Sequence[Path], extra: Path | None, work: Path, repeat: int, mkdocs: bool
) -> dict[str, Any]:
    """cold, warm, the edits, seed-added and `mkdocs build` on one project; plain pages beside it."""
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
    # The edits a researcher makes in annotations/, one build after each (see bench.project).
    for label, edit in EDITS:
        edit(root, probe)
        runs[label] = build_in_child(root, cache)
        _progress(label, runs[label])
    if runs["highlight-added"]["highlights"] != 1:
        print(f"warning: the benchmark's highlight did not apply: {probe}", file=sys.stderr)
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
        plain = make_plain_project(work / "plain", root)
        result["plain"] = measure_mkdocs(plain, cache)
        result["plain"]["ratio"] = round(result["mkdocs"]["seconds"] / result["plain"]["seconds"], 2)
        _progress("mkdocs build, plain pages", {"process_seconds": result["plain"]["seconds"]})
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
            ratio = stage_seconds(large[kind], stage) / max(stage_seconds(small[kind], stage), 1e-6)
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


def stage_seconds(run: dict[str, Any], stage: str) -> float:
    """A run's seconds for one stage, or for its whole `build()` when `stage` is "build"."""
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
