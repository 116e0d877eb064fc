"""Untrusted text -> inert text for a Markdown page. Every value from a source or YAML passes here.

Generated pages carry article text inside raw HTML blocks. HTML-escaping alone is not enough:
Markdown extensions read the page before it becomes HTML (snippet includes `--8<--`,
abbreviations `*[..]:`, attribute lists `{: ..}`, Jinja in macro plugins). So every ASCII
punctuation character that could start such syntax becomes a numeric character reference,
which every Markdown flavour and every browser shows as the character itself.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup

__all__ = ["Markup", "escape_text", "safe_url"]

_INERT = set(".,?; ")
_TABLE = {
    code: f"&#{code};" for code in range(0x21, 0x7F) if not chr(code).isalnum() and chr(code) not in _INERT
}
# Control characters (incl. Python-Markdown's STX/ETX placeholder delimiters) are dropped;
# newlines become spaces so a value can never end a raw HTML block early.
_TABLE.update({code: None for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]})
_TABLE[0x0A] = " "
_TABLE[0x09] = " "
_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


def escape_text(value: object) -> Markup:
    """`value` as text that no Markdown extension or HTML parser will treat as markup."""
    if isinstance(value, Markup):
        return value
    return Markup(str(value).translate(_TABLE))


def safe_url(value: str | None) -> str | None:
    """`value` when it is an absolute http(s) URL with a host, else None (never emitted as a link)."""
    if not value or not _URL.match(value.strip()):
        return None
    url = value.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None
