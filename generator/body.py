"""The lines below the header -> the article's paragraphs, with boilerplate set aside."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.boilerplate import TAIL_SHARE, classify_paragraph, find_trailing
from generator.markup import has_open_bracket, strip_markdown_links
from generator.model import Paragraph, Removed

_SENTENCE_END = re.compile(r"[.!?:;…\"”’')\]]$")
_JOIN_MIN_WORDS = 20
"""A paragraph this long that ends mid-sentence was broken by a stray blank line."""


@dataclass(frozen=True, slots=True)
class Body:
    text: str
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removed, ...]


def parse_body(lines: list[str]) -> Body:
    pieces = _split_paragraphs(lines)
    tail_from = int(len(pieces) * TAIL_SHARE)
    kept: list[str] = []
    removed: list[Removed] = []
    joinable = False  # may the next piece continue the last kept paragraph?
    for position, piece in enumerate(pieces):
        reason = classify_paragraph(piece, in_tail=position >= max(tail_from, 1))
        if reason:
            removed.append(Removed(piece, reason))
            joinable = False
            continue
        if joinable and _continues(kept[-1], piece):
            kept[-1] = f"{kept[-1]} {piece}"
        else:
            kept.append(piece)
        joinable = True
    if kept and (trailing := find_trailing(kept[-1])):
        cut, reason = trailing
        head, tail = kept[-1][:cut].rstrip(), kept[-1][cut:].strip()
        removed.append(Removed(tail, reason))
        if head:
            kept[-1] = head
        else:
            kept.pop()
    return _assemble(kept, removed)


def _split_paragraphs(lines: list[str]) -> list[str]:
    """Blank lines separate blocks; in a block each line is a paragraph unless it is hard-wrapped."""
    pieces: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        line = " ".join(line.split())
        if line:
            block.append(line)
            continue
        pieces.extend(_block_paragraphs(block))
        block = []
    return [text for text in (strip_markdown_links(piece).strip() for piece in pieces) if text]


def _block_paragraphs(block: list[str]) -> list[str]:
    if _is_hard_wrapped(block):
        return [" ".join(block)]
    paragraphs: list[str] = []
    for line in block:
        if paragraphs and has_open_bracket(paragraphs[-1]):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return paragraphs


def _is_hard_wrapped(block: list[str]) -> bool:
    if len(block) < 3 or max(len(line) for line in block) > 100:
        return False
    open_ended = sum(1 for line in block[:-1] if not _SENTENCE_END.search(line))
    return open_ended * 3 >= (len(block) - 1) * 2


def _continues(previous: str, piece: str) -> bool:
    """`... Secretary of State Mike` + `Pompeo had called ...` is one sentence."""
    if _SENTENCE_END.search(previous) or not piece[:1].isalnum():
        return False
    return has_open_bracket(previous) or len(previous.split()) >= _JOIN_MIN_WORDS


def _assemble(kept: list[str], removed: list[Removed]) -> Body:
    paragraphs: list[Paragraph] = []
    offset = 0
    for text in kept:
        paragraphs.append(Paragraph(offset, offset + len(text)))
        offset += len(text) + 2
    return Body("\n\n".join(kept), tuple(paragraphs), tuple(removed))
