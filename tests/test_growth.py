"""Each stage's cost grows about linearly with the corpus, so a large corpus stays buildable.

The same synthetic corpus (`bench.site.generate_corpus`) is built at n and 4n articles. It is
prefix-stable, so the 4n corpus starts with the n one, and every article brings new people,
places and organisations: 4n articles have about four times the names, not only the text. The
builds are warm (the model's results come from the session's shared `PARALLAX_CACHE`, set in
conftest.py). Stages are timed in this process's CPU time with the garbage collector paused, so
neither other programs on a busy machine nor a collection's timing count, and each stage's time
is the fastest of several builds. The test compares ratios, not absolute times, so it holds on
slow and fast machines. `make bench` measures the real corpus.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

import generator.build
from bench.site import generate_corpus
from generator.build import Project, build
from generator.extract.runner import extract_from_model, load_model
from generator.load.seeds import load_articles
from generator.model import Article

ARTICLES = 60
WORDS = 150
"""Short articles: the model's first reading of 4n of them is most of the test's time, and the
number of articles, not their length, is what a quadratic stage squares."""
FACTOR = 4
LIMIT = 6.0
"""Linear growth gives 4. A stage costing a·n + b·n² goes over 6 once its quadratic part is a
fifth of its linear part at n (b·n > a/5); a purely quadratic stage gives 16."""
FLOOR = 0.005
"""Seconds. At n, a stage faster than this is mostly fixed cost and noise, so its 4n time is
divided by FLOOR instead: it still fails if it grows past LIMIT × FLOOR."""
ROUNDS = 3
"""Builds at n and 4n alternate, so a busy moment slows both. A stage over LIMIT after a round is
measured again, up to ROUNDS times (noise fades on a second look; a quadratic stage stays over)."""


def synthetic_project(root: Path, articles: int) -> Project:
    for folder in ("seeds", "annotations/articles", "docs"):
        (root / folder).mkdir(parents=True)
    generate_corpus(root / "seeds", articles, WORDS)
    return Project.at(root)


def time_build(project: Project, fastest: dict[str, float]) -> None:
    """One warm build of every stage; `fastest` keeps each stage's (and the whole build's) fastest time.

    `build()` pauses the garbage collector itself; collecting first means no build inherits the
    previous one's garbage.
    """
    gc.collect()
    result = build(project, force=True)
    assert result.errors == 0, [str(problem) for problem in result.problems]
    for stage, seconds in [*result.seconds.items(), ("all stages", sum(result.seconds.values()))]:
        fastest[stage] = min(seconds, fastest.get(stage, seconds))


def steep_stages(at_n: dict[str, float], at_4n: dict[str, float]) -> dict[str, str]:
    ratios = {stage: at_4n[stage] / max(at_n[stage], FLOOR) for stage in at_n}
    return {
        stage: f"{at_n[stage]:.3f} s -> {at_4n[stage]:.3f} s (x{ratio:.1f})"
        for stage, ratio in ratios.items()
        if ratio > LIMIT
    }


def test_every_stage_grows_about_linearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # build() times its stages with time.perf_counter; here that clock is the process's CPU time.
    monkeypatch.setattr(generator.build, "time", SimpleNamespace(perf_counter=time.process_time))
    small = synthetic_project(tmp_path / "small", ARTICLES)
    large = synthetic_project(tmp_path / "large", ARTICLES * FACTOR)
    # First builds: the model reads each text once; the large corpus reuses the small one's n.
    first_small, first_large = build(small), build(large)
    assert len(first_small.corpus.articles) == ARTICLES
    assert len(first_large.corpus.articles) == ARTICLES * FACTOR
    assert len(first_large.corpus.entities) > 3 * len(first_small.corpus.entities)

    at_n: dict[str, float] = {}
    at_4n: dict[str, float] = {}
    for _ in range(ROUNDS):
        for _ in range(3):
            time_build(small, at_n)
            time_build(large, at_4n)
        too_steep = steep_stages(at_n, at_4n)
        if not too_steep:
            break

    assert at_n.keys() == at_4n.keys()
    assert {"load", "extract", "resolve", "compare", "render", "write"} <= at_n.keys()
    assert not too_steep, f"at {FACTOR}x the articles, these stages took more than {LIMIT}x: {too_steep}"


LONG_ARTICLE_WORDS = 8_000
"""One article of this many words at n (about 50,000 characters), four times as many at 4n."""


def test_the_rules_grow_about_linearly_with_an_articles_length(tmp_path: Path) -> None:
    """The rules after the model look around each name; over a long article (a transcript, a
    whole dataset in one file) that must not mean looking at every other name."""
    generate_corpus(tmp_path / "parts", 24, LONG_ARTICLE_WORDS * FACTOR // 24)
    parts = sorted((tmp_path / "parts").glob("*.txt"))
    bodies = [path.read_text("utf-8").split("\n", 1)[1].strip() for path in parts]
    for name, count in (("short", len(bodies) // FACTOR), ("long", len(bodies))):
        (tmp_path / "seeds").mkdir(exist_ok=True)
        (tmp_path / "seeds" / f"{name}.txt").write_text(
            "A long article\n\n" + "\n\n".join(bodies[:count]), "utf-8"
        )
    loaded = load_articles(tmp_path / "seeds", tmp_path)
    articles = {article.id: article for article in loaded.articles}
    long, short = articles["long"], articles["short"]
    assert long.text.startswith(short.text) and len(long.text) > 3.5 * len(short.text)
    doc = load_model()(long.text)
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    sentences = [(s.start_char, s.end_char) for s in doc.sents]

    def seconds(article: Article) -> float:
        end = len(article.text)
        inside = [e for e in ents if e[1] <= end], [s for s in sentences if s[1] <= end]
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            extraction = extract_from_model(article, *inside)
            best = min(best, time.process_time() - started)
        assert len(extraction.candidates) > 100
        return best

    at_n, at_4n = seconds(short), seconds(long)
    assert at_4n / max(at_n, FLOOR) <= LIMIT, f"{at_n:.3f} s -> {at_4n:.3f} s at {FACTOR}x the length"
