"""Bytes of an input file -> normalised text, with a note of anything odd about the encoding."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

# C0 and C1 control characters except tab and newline; STX/ETX are also Python-Markdown's
# placeholder delimiters, so they must never survive into the text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
_LINE_SEPARATORS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None
    """Set when the bytes were not clean UTF-8: what was done about it."""


class NotText(ValueError):
    """The file is binary or otherwise not an article."""


def decode_bytes(data: bytes, normalize: bool = True) -> Decoded:
    """Decode an article file; UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    `normalize=False` keeps the characters as they are (JSON Lines must be split on real line
    ends before U+2028 inside a string becomes one).
    """
    finish = normalize_text if normalize else (lambda text: text)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(finish(data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError as error:
            raise NotText(
                f"starts as UTF-16 but breaks at byte offset {error.start}; not read as an article"
            ) from None
    if b"\x00" in data[:65536]:
        offset = data.index(b"\x00")
        raise NotText(f"binary file (NUL byte at offset {offset}); not read as an article")
    try:
        return Decoded(finish(data.decode("utf-8-sig")), "utf-8")
    except UnicodeDecodeError as error:
        bad = error.start
    # Valid UTF-8 stays UTF-8; only the bytes that are not are read as Windows-1252, so a file
    # mixing both (a cp1252 quote pasted into UTF-8 text) keeps its UTF-8 parts intact.
    text = data.decode("utf-8-sig", errors=_CP1252_FALLBACK)
    if _looks_binary(text):
        raise NotText(f"binary file (not text at byte offset {bad}); not read as an article")
    note = (
        f"not valid UTF-8 (first invalid byte 0x{data[bad]:02x} at offset {bad}); "
        "read those bytes as Windows-1252 (Latin-1); save the file as UTF-8 to silence this"
    )
    return Decoded(finish(text), "cp1252", note)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return chunk.decode("cp1252", errors="replace"), error.end


_CP1252_FALLBACK = "parallax-cp1252-fallback"
codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    odd = sum(1 for char in sample if char == "\ufffd" or (ord(char) < 32 and char not in "\t\r\n"))
    return odd / len(sample) > 0.05


def normalize_text(text: str) -> str:
    """One normal form for every input: NFC, `\\n` line ends, plain spaces, no control characters.

    Quotes are kept as written (curly stays curly); matching folds them where it must.
    """
    text = unicodedata.normalize("NFC", text)
    text = _LINE_SEPARATORS.sub("\n", text)
    text = _SPACES.sub(" ", text)
    return _CONTROL.sub("", text.replace("\t", " "))
