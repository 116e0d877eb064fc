"""Pictures for the comparison page, drawn as static SVG at build time (no script at view time).

Every label is escaped like any other untrusted text. Each picture carries a title and is
followed on the page by the table it is drawn from, its text alternative.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.render.escape import Markup, escape_text

CELL = 26
LABEL_WIDTH = 190
HEADER_HEIGHT = 120
INK = "hsl(231, 48%, 35%)"


def heat_map(
    title: str, rows: Sequence[str], columns: Sequence[str], counts: Sequence[Sequence[int]]
) -> Markup:
    """A matrix of counts: darker is more; every non-zero cell also shows its number."""
    width = LABEL_WIDTH + CELL * len(columns) + 110  # room for the last slanted column label
    height = HEADER_HEIGHT + CELL * len(rows) + 10
    top = max((count for row in counts for count in row), default=0) or 1
    parts = [open_svg("px-heat-map", "heat-map-title", title, width, height)]
    for x, column in enumerate(columns):
        turn = f"translate({LABEL_WIDTH + CELL * x + CELL // 2 + 4},{HEADER_HEIGHT - 6}) rotate(-55)"
        parts.append(_label(0, 0, shorten(column, 24), transform=turn))
    for y, row in enumerate(rows):
        top_y = HEADER_HEIGHT + CELL * y
        parts.append(_label(LABEL_WIDTH - 6, top_y + CELL * 0.65, shorten(row, 30), anchor="end"))
        for x, count in enumerate(counts[y]):
            left = LABEL_WIDTH + CELL * x
            # Lightness falls with the count; near-white means none (and shows no number).
            lightness = 97 - round(62 * count / top) if count else 97
            parts.append(
                f'<rect x="{left}" y="{top_y}" width="{CELL - 2}" height="{CELL - 2}" '
                f'fill="hsl(231, 48%, {lightness}%)" stroke="#c5cae9"/>'
            )
            if count:
                parts.append(
                    f'<text x="{left + (CELL - 2) / 2:.1f}" y="{top_y + CELL * 0.62:.1f}" '
                    f'text-anchor="middle" fill="{"#fff" if lightness < 60 else "#000"}">{count}</text>'
                )
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True, slots=True)
class Mark:
    """One point on a timeline row."""

    date: dt.date
    published: bool
    """The row's publication date (a filled dot) rather than a date the text mentions (a ring)."""
    label: str


def timeline(title: str, rows: Sequence[tuple[str, Sequence[Mark]]], width: int = 760) -> Markup:
    """Rows of dated marks on one time axis, with the first and last dates written at the ends."""
    dates = [mark.date for _, marks in rows for mark in marks]
    if not dates:
        return Markup("")
    first, last = min(dates), max(dates)
    span = max((last - first).days, 1)
    plot = width - LABEL_WIDTH - 20
    row_height = 22
    height = 40 + row_height * len(rows)
    parts = [
        open_svg("px-timeline", "timeline-title", title, width, height),
        _label(LABEL_WIDTH, 14, first.isoformat()),
        _label(LABEL_WIDTH + plot, 14, last.isoformat(), anchor="end"),
        f'<line x1="{LABEL_WIDTH}" y1="22" x2="{LABEL_WIDTH + plot}" y2="22" stroke="#888"/>',
    ]
    for y, (label, marks) in enumerate(rows):
        middle = 40 + row_height * y
        parts.append(_label(LABEL_WIDTH - 6, middle + 4, shorten(label, 30), anchor="end"))
        parts.append(
            f'<line x1="{LABEL_WIDTH}" y1="{middle}" x2="{LABEL_WIDTH + plot}" y2="{middle}" stroke="#ddd"/>'
        )
        for mark in marks:
            x = LABEL_WIDTH + plot * (mark.date - first).days / span
            parts.append(
                f'<circle cx="{x:.1f}" cy="{middle}" r="5" fill="{INK if mark.published else "none"}" '
                f'stroke="{INK}" stroke-width="2"><title>{escape_text(mark.label)}</title></circle>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def open_svg(kind: str, title_id: str, title: str, width: int, height: int) -> str:
    return (
        f'<svg class="px-picture {kind}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{title_id}" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="11"><title id="{title_id}">{escape_text(title)}</title>'
    )


def _label(x: float, y: float, text: str, anchor: str = "start", transform: str = "") -> str:
    """A text label (escaped), coloured by the page's stylesheet so it follows the theme."""
    where = f'transform="{transform}"' if transform else f'x="{x:.1f}" y="{y:.1f}"'
    return f'<text class="px-label" {where} text-anchor="{anchor}">{escape_text(text)}</text>'


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
