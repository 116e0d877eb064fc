"""Markup that scraped article text carries besides its words: Markdown links and images."""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_LINK = re.compile(r"\[(?P<text>[^\[\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")


def strip_markdown_links(text: str) -> str:
    """`[stress](#)` -> `stress`; images are dropped: their words are not the article's."""
    return _LINK.sub(lambda match: match["text"], _IMAGE.sub("", text))


def bracket_balance(text: str) -> int:
    """How many `[` and `(` in `text` are left open (negative: more closed than opened)."""
    return text.count("(") + text.count("[") - text.count(")") - text.count("]")
