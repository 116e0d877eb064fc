"""One `build()` in a fresh interpreter: the parent times it and reads its peak memory, the child
(`python -m bench.site --scenario ROOT`) builds and prints what it measured as JSON."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.project import REPO, probe_passage


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
