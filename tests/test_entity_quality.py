"""Quality gate for entity extraction, like trafilatura's eval gate: CI fails when it drops.

The floors below are measured values, rounded down; raise them when quality improves. Lowering
one is a decision to review, never a quiet edit. `python -m tests.entity_eval` prints the table.
"""

from __future__ import annotations

import os

import pytest

from tests.entity_eval import (
    GOLD,
    UNSEEN_CORPUS,
    Predicted,
    evaluate,
    mean_f1,
    parallax_predictions,
    raw_model_predictions,
    sample_corpus,
    unseen_corpus,
)

# (untyped, typed) mean per-article F1. Targets from the issue: 0.95 / 0.92 on every corpus.
SAMPLE_FLOOR = (0.95, 0.94)
UNSEEN_FLOOR = (0.90, 0.83)  # 29 BBC articles read while writing rules; below target, see README
HELD_OUT_FLOOR = (0.86, 0.79)  # 25 BBC articles never read while writing rules; below target
STORIES_FLOOR = (0.95, 0.91)  # 2 BBC stories (6 articles) never read while writing rules
FRESH_FLOOR = (0.92, 0.85)  # 3 more stories (6 articles), scored once rules were final; below target


def f1s(gold: dict[str, list[dict[str, object]]], predictions: dict[str, Predicted]) -> tuple[float, float]:
    return mean_f1(evaluate(gold, predictions, False)), mean_f1(evaluate(gold, predictions, True))


def check(
    gold: dict[str, list[dict[str, object]]],
    ours: dict[str, Predicted],
    raw: dict[str, Predicted],
    floor: tuple[float, float],
) -> None:
    scores, baseline = f1s(gold, ours), f1s(gold, raw)
    assert scores[0] >= floor[0] and scores[1] >= floor[1], f"F1 fell to {scores}, floor {floor}"
    assert scores[0] > baseline[0] and scores[1] > baseline[1], f"not better than the raw model: {baseline}"


def test_sample_articles_meet_the_gate() -> None:
    corpus = sample_corpus()
    check(GOLD["articles"], parallax_predictions(corpus), raw_model_predictions(corpus), SAMPLE_FLOOR)


@pytest.mark.parametrize(
    ("section", "floor"),
    [
        ("unseen", UNSEEN_FLOOR),
        ("held_out", HELD_OUT_FLOOR),
        ("stories_held_out", STORIES_FLOOR),
        ("stories_fresh", FRESH_FLOOR),
    ],
)
def test_bbc_articles_meet_the_gate(section: str, floor: tuple[float, float]) -> None:
    if not UNSEEN_CORPUS.is_dir():
        missing = f"the BBC articles come from {UNSEEN_CORPUS}, which this checkout does not have"
        # Where the tools are required (.ci/run), a gate that silently skips is a failure; only a
        # runner that can never have the corpus (it is not committed) says so explicitly.
        if os.environ.get("PARALLAX_REQUIRE_TOOLS") == "1" and os.environ.get("PARALLAX_NO_CORPUS") != "1":
            pytest.fail(
                f"PARALLAX_REQUIRE_TOOLS is set but {missing} (set PARALLAX_NO_CORPUS=1 where it can't)"
            )
        pytest.skip(missing)
    corpus, keys = unseen_corpus(section)
    gold = {article: GOLD[section]["articles"][key] for article, key in keys.items()}
    check(gold, parallax_predictions(corpus), raw_model_predictions(corpus), floor)
