"""Quality gate for quotes and their speakers, like the entity gate: CI fails when it drops.

The floors below are measured values, rounded down; raise them when quality improves. Lowering
one is a decision to review, never a quiet edit. `python -m tests.quote_eval` prints the table.
"""

from __future__ import annotations

import os

import pytest

from tests.entity_eval import sample_corpus
from tests.quote_eval import BBC_CORPUS, GOLD, Tally, bbc_corpus, predictions, tally

# (precision, recall, speaker accuracy on the long quotes found) per set: measured, rounded down
# by about 0.02 (speakers across sentences raised them from 0.68 / 0.69 / 0.64). Issue #20's
# target is speaker accuracy 0.90 on held_out, which is at 0.842. Recall rose from 0.805 / 0.872
# when quotes reopened after a sentence's end without a closing mark were found.
SAMPLE_FLOOR = (0.98, 0.98, 0.92)  # 5 sample articles (28 quotes)
READ_FLOOR = (0.98, 0.96, 0.98)  # 20 BBC articles (118 quotes) whose errors are read while writing rules
# 25 more BBC articles (195 quotes) read while writing rules, drawn towards several speakers,
# statements and continued quotes; measured at (1.000, 0.995, 0.832) when added, 1.000 once its
# errors were read and ruled on.
READ_MORE_FLOOR = (0.98, 0.97, 0.98)
HELD_OUT_FLOOR = (0.97, 0.97, 0.82)  # 20 BBC articles (117 quotes) only ever scored; target 0.90


def check(scores: Tally, floor: tuple[float, float, float]) -> None:
    measured = (scores.precision, scores.recall, scores.speaker_accuracy)
    assert all(value >= low for value, low in zip(measured, floor, strict=True)), (
        f"(precision, recall, speaker accuracy) fell to {tuple(round(v, 3) for v in measured)}, floor {floor}"
    )


def test_sample_quotes_meet_the_gate() -> None:
    check(tally(GOLD["articles"], predictions(sample_corpus())), SAMPLE_FLOOR)


@pytest.mark.parametrize(
    ("section", "floor"),
    [("read", READ_FLOOR), ("read_more", READ_MORE_FLOOR), ("held_out", HELD_OUT_FLOOR)],
)
def test_bbc_quotes_meet_the_gate(section: str, floor: tuple[float, float, float]) -> None:
    if not BBC_CORPUS.is_dir():
        missing = f"the BBC articles come from {BBC_CORPUS}, which this checkout does not have"
        # As in the entity gate: where the tools are required (.ci/run), a gate that silently skips
        # is a failure; only a runner that can never have the corpus (it is not committed) says so.
        if os.environ.get("PARALLAX_REQUIRE_TOOLS") == "1" and os.environ.get("PARALLAX_NO_CORPUS") != "1":
            pytest.fail(
                f"PARALLAX_REQUIRE_TOOLS is set but {missing} (set PARALLAX_NO_CORPUS=1 where it can't)"
            )
        pytest.skip(missing)
    corpus, gold = bbc_corpus(section)
    check(tally(gold, predictions(corpus)), floor)
