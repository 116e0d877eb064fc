"""Progress lines for long stages: counts, share and time left, at most every few seconds."""

from __future__ import annotations

import logging

import pytest

from generator.extract.progress import progress


def test_each_line_gives_count_share_rate_and_time_left(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="parallax")
    assert list(progress(range(5), 5, "reading names", every=0.0)) == [0, 1, 2, 3, 4]
    lines = [record.getMessage() for record in caplog.records]
    assert [line.split(",")[0] for line in lines] == [
        "reading names: 1/5 (20%)",
        "reading names: 2/5 (40%)",
        "reading names: 3/5 (60%)",
        "reading names: 4/5 (80%)",
    ]  # no line once everything is done: the stage's own summary follows
    assert all(line.endswith(" s left") and " a second, about " in line for line in lines)


def test_quiet_until_the_interval_has_passed(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="parallax")
    assert sum(progress(range(1000), 1000, "reading names", every=3600.0)) == sum(range(1000))
    assert caplog.records == []
