"""Raw HTML in generated pages, set aside before Python-Markdown and put back after it.

The generated pages are Markdown whose annotated parts (the article text, mention lists, tables)
are raw HTML blocks. Python-Markdown reads every tag of those blocks with its HTML parser only to
output them unchanged, and MkDocs reads them once more for their ids: on the BBC corpus that
was most of `mkdocs build`. The MkDocs plugin swaps each such block for a one-line HTML comment
before conversion and the block back in after it, so the HTML that comes out is the same (a test
converts every sample page both ways) and the Markdown on disk stays Markdown.

A block is passed through only when Python-Markdown would have passed it through unchanged: it
follows a blank line, starts with a block-level tag, every line starts with a tag, and it closes
the tag it opened.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass

import markdown  # type: ignore[import-untyped]  # (no types-Markdown in the locks; one list is used)

BLOCK_TAGS: frozenset[str] = frozenset(markdown.Markdown().block_level_elements)
"""Tags that open a raw HTML block in Python-Markdown (its own list)."""

_BLANK = re.compile(r"(\n[ \t]*\n)")
_FIRST_TAG = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True, slots=True)
class SetAside:
    markdown: str
    """The page's Markdown with each passed-through block replaced by a token comment."""
    blocks: dict[str, str]
    """Token -> the block it stands for."""

    def restore(self, html: str) -> str:
        """The converted page with every token replaced by its block."""
        if not self.blocks:
            return html
        tokens = re.compile("|".join(re.escape(token) for token in self.blocks))
        return tokens.sub(lambda match: self.blocks[match.group(0)], html)

    def anchor_ids(self) -> set[str]:
        """The ids in the blocks, which MkDocs would have found itself (to check links to them)."""
        return {html.unescape(a or b) for block in self.blocks.values() for a, b in _ID.findall(block)}


def set_aside(source: str, tab_length: int = 4) -> SetAside:
    """Replace each raw HTML block that Python-Markdown would copy unchanged by a token."""
    # Tokens are comments no page contains already, so restoring replaces only what was set aside.
    mark = next(f"parallax-html-{n}-" for n in itertools.count() if f"parallax-html-{n}-" not in source)
    parts = _BLANK.split(source)
    blocks: dict[str, str] = {}
    for index in range(0, len(parts), 2):  # the odd parts are the blank lines between blocks
        block = parts[index]
        if passes_through(block):
            token = f"<!--{mark}{len(blocks)}-->"
            # What Python-Markdown does to all of its input first (its NormalizeWhitespace step).
            blocks[token] = block.replace("\r\n", "\n").replace("\r", "\n").expandtabs(tab_length)
            parts[index] = token
    return SetAside("".join(parts), blocks)


def passes_through(block: str) -> bool:
    if not block.startswith("<"):
        return False
    first = _FIRST_TAG.match(block)
    if first is None or first.group(1) not in BLOCK_TAGS:
        return False
    if any(not line.startswith("<") for line in block.split("\n")):
        return False
    name = first.group(1)
    opened = len(re.findall(rf"<{name}[\s>]", block))
    closed = block.count(f"</{name}>")
    return opened == closed and block.rstrip().endswith(">")
