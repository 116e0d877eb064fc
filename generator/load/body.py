"""The lines below the header -> the article's paragraphs, with boilerplate set aside."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.load.boilerplate import TAIL_SHARE, classify_paragraph, find_inline, find_trailing
from generator.load.markup import bracket_balance, strip_markdown_links
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
    groups: list[_Joined] = []
    removed: list[Removed] = []
    joinable = False  # may the next piece continue the last kept paragraph?
    for position, piece in enumerate(pieces):
        reason = classify_paragraph(piece, in_tail=position >= max(tail_from, 1))
        if not reason:
            piece = _set_aside_inline(piece, removed)
            if not piece:
                continue
        if reason:
            removed.append(Removed(piece, reason))
            joinable = False
            continue
        if joinable and groups[-1].continued_by(piece):
            groups[-1].add(piece)
        else:
            groups.append(_Joined(piece))
        joinable = True
    kept = [" ".join(group.pieces) for group in groups]
    if kept and (trailing := find_trailing(kept[-1])):
        cut, reason = trailing
        head, tail = kept[-1][:cut].rstrip(), kept[-1][cut:].strip()
        removed.append(Removed(tail, reason))
        if head:
            kept[-1] = head
        else:
            kept.pop()
    return _assemble(kept, removed)


def _set_aside_inline(piece: str, removed: list[Removed]) -> str:
    """The paragraph without the furniture inside it; each cut span is recorded with its reason."""
    spans = find_inline(piece)
    if not spans:
        return piece
    parts: list[str] = []
    last = 0
    for start, end, reason in spans:
        parts.append(piece[last:start])
        removed.append(Removed(piece[start:end], reason))
        last = end
    parts.append(piece[last:])
    return " ".join(" ".join(parts).split())


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
    paragraphs: list[list[str]] = []
    open_brackets = 0  # a link broken over two lines: `[Dr. Binoy` / `Kampmark](#)`
    for line in block:
        if paragraphs and open_brackets > 0:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
            open_brackets = 0
        open_brackets += bracket_balance(line)
    return [" ".join(lines) for lines in paragraphs]


def _is_hard_wrapped(block: list[str]) -> bool:
    if len(block) < 3 or max(len(line) for line in block) > 100:
        return False
    open_ended = sum(1 for line in block[:-1] if not _SENTENCE_END.search(line))
    return open_ended * 3 >= (len(block) - 1) * 2


class _Joined:
    """A paragraph being assembled from pieces a stray blank line separated; costs O(piece) to grow."""

    def __init__(self, piece: str) -> None:
        self.pieces = [piece]
        self.words = 0
        self.open_brackets = 0
        self._count(piece)

    def _count(self, piece: str) -> None:
        self.words += len(piece.split())
        self.open_brackets += bracket_balance(piece)

    def add(self, piece: str) -> None:
        self.pieces.append(piece)
        self._count(piece)

    def continued_by(self, piece: str) -> bool:
        """`... Secretary of State Mike` + `Pompeo had called ...` is one sentence."""
        if _SENTENCE_END.search(self.pieces[-1]) or not piece[:1].isalnum():
            return False
        return self.open_brackets > 0 or self.words >= _JOIN_MIN_WORDS


def _assemble(kept: list[str], removed: list[Removed]) -> Body:
    paragraphs: list[Paragraph] = []
    offset = 0
    for text in kept:
        paragraphs.append(Paragraph(offset, offset + len(text)))
        offset += len(text) + 2
    return Body("\n\n".join(kept), tuple(paragraphs), tuple(removed))
