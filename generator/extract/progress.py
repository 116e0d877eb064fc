"""Progress of a long stage: a line on the `parallax` log every few seconds, never more often.

Lines rather than a redrawn bar, so the same output reads well in a terminal, in CI logs and
under `mkdocs serve`, whose own log lines a bar would garble.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

log = logging.getLogger("parallax")
T = TypeVar("T")

EVERY_SECONDS = 5.0


def progress(items: Iterable[T], total: int, what: str, every: float = EVERY_SECONDS) -> Iterator[T]:
    """Yield `items`, logging "`what`: done/total (share), rate, time left" every `every` seconds."""
    started = last = time.monotonic()
    for done, item in enumerate(items, start=1):
        yield item
        now = time.monotonic()
        if now - last >= every and done < total:
            last = now
            rate = done / (now - started)
            left = (total - done) / rate if rate else 0.0
            log.info("%s: %d/%d (%.0f%%), %.0f a second, about %.0f s left", what, done, total,
                     100 * done / total, rate, left)  # fmt: skip
