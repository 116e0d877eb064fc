"""What news pages wrap around an article: share prompts, disclaimers, credits, bios, and the
furniture of wire copy (credit lines, photo captions, slideshow and advertisement markers, agency
copyright lines), on a line of their own or inside a paragraph.

Each rule names the reason shown to the reader, so every removal can be checked on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]
    max_words: int = 150
    """Longer paragraphs are article text that merely mentions such words."""
    tail_only: bool = False
    """Only in the closing part of the article (author bios look like body text elsewhere)."""


def _rule(
    reason: str, pattern: str, max_words: int = 150, tail_only: bool = False, flags: int = re.IGNORECASE
) -> Rule:
    return Rule(reason, re.compile(pattern, flags), max_words, tail_only)


_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bemail protected\b"
_PHOTO_CREDIT = (
    r"\(\s*(?:AP|AFP|Reuters|Getty|EPA|Xinhua|UPI)[\w ]{0,20}(?:Photo|Images?)\s*/[^()]{1,80}\)"
    r"|\b(?:REUTERS|AFP|EPA)/[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:/(?:File\s+)?Photo)?"
)
# A credit line's roles, by their first letters so that misspellings count ("Reportng", "Wrting").
_CREDIT_ROLES = (
    r"(?:additional\s+)?rep\w*|wr\w*|ed\w*|compil\w*|graphics|fact[- ]?check\w*|research\w*"
    r"|produc\w*|translat\w*"
)
_CREDIT_LINE = rf"\(\s*(?:{_CREDIT_ROLES})\s+by\b[^()]{{1,300}}\)"

RULES: tuple[Rule, ...] = (
    _rule("separator", r"^[\W_]+$"),
    _rule(
        "share prompt",
        r"\b(?:share (?:this|the) (?:article|story|post)|click the share buttons?"
        r"|forward this article|crosspost on|share on (?:facebook|twitter|whatsapp))\b",
        max_words=60,
    ),
    _rule(
        "disclaimer",
        r"^disclaimer\b|\bcontains copyrighted material\b|\bnot be responsible for any inaccurate\b"
        r"|\bprovisions of .?fair use\b",
    ),
    _rule(
        "copyright",
        r"^(?:copyright\b|©|\(c\)\s)|\ball rights reserved\b|\bthis material may not be published\b"
        r"|^our standards\s*:\s*the thomson reuters trust principles",
        max_words=40,
    ),
    _rule(
        "comment prompt",
        r"^(?:discussion about this (?:post|article)|comment on\b|leave a (?:comment|reply)"
        r"|\d+\s+comments?$|comments?$|join the (?:discussion|conversation)|add a comment)",
        max_words=25,
    ),
    _rule(
        "photo caption",
        # `FILE - In this Thursday, Dec. 28, 2017 file photo, ...`, or a caption that ends with its
        # agency credit: `... (AP Photo/Jane Doe, File)`, `... REUTERS/John Smith`.
        rf"^(?i:file\s*(?:photo)?\s*[-–—:]\s*(?:in this|this)\b.{{0,60}}\bphoto\b)|(?:{_PHOTO_CREDIT})$",
        max_words=120,
        flags=0,  # agency credits are written in capitals: `Reuters/Ipsos poll` is no credit
    ),
    _rule(
        "image credit",
        r"^(?:image|photo|picture|photograph|illustration|video)\s*(?:source|credit|courtesy|by)?\s*:"
        r"|\b(?:image|photo|picture) (?:source|credit)s?\s*:|\((?:photo|image)[^()]{0,80}\)$",
        max_words=40,
    ),
    _rule(
        "source note",
        r"^the original source of this article is\b"
        r"|^this (?:article|story) (?:was )?(?:originally |first )?(?:appeared|published)\b",
        max_words=40,
    ),
    _rule(
        "subscription prompt",
        r"^(?:become a member\b|subscribe (?:to|now|today)\b|sign up (?:for|to)\b|follow us\b"
        r"|support (?:our|independent) (?:work|journalism)\b|donate\b)",
        max_words=40,
    ),
    _rule("related links", r"^(?:related|read more|see also|recommended|more on this)\b\s*:?", 30),
    _rule("credit line", rf"^{_CREDIT_LINE}$", max_words=60),
    _rule("slideshow marker", r"^slideshow\s*\(\s*\d+\s+images?\s*\)$", max_words=5),
    _rule(
        "advertisement", r"^(?:advertisement|continue reading(?: the main story)?|story continues below)$", 8
    ),
    _rule("author listing", r"^articles? by\s*:", max_words=20),
    _rule("contact e-mail", _EMAIL, max_words=40, tail_only=True),
    _rule(
        "author bio",
        r"^(?:(?:dr|prof|mr|ms|mrs)\.?\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}(?:is|was)\s+(?:a|an|the)\b.{0,200}"
        r"\b(?:writer|journalist|correspondent|contributor|lecture[rs]?|professor|author|editor"
        r"|columnist|reporter|scholar|fellow|researcher)\b",
        max_words=80,
        tail_only=True,
    ),
)

# Inside the last paragraph of a text whose paragraph breaks were lost (punctuation-stripped
# copies), boilerplate starts mid-paragraph; everything from the first of these on is cut.
TRAILING: tuple[Rule, ...] = (
    _rule("share prompt", r"\b(?:note to readers|please click the share buttons?|share this article)\b"),
    _rule("disclaimer", r"\bdisclaimer\b"),
    _rule("comment prompt", r"\bdiscussion about this post\b"),
    _rule("copyright", r"\bcopyright ©"),
)
# Furniture that sits inside a paragraph: cut out wherever it is (a credit line closing the last
# paragraph, a slideshow marker after the dateline, an advertisement break mid-story).
INLINE: tuple[Rule, ...] = (
    _rule("credit line", _CREDIT_LINE),
    _rule("photo caption", _PHOTO_CREDIT, flags=0),
    _rule("slideshow marker", r"\bslideshow\s*\(\s*\d+\s+images?\s*\)"),
    _rule("advertisement", r"\b(?:advertisement\s+)?continue reading the main story\b"),
)
TAIL_SHARE = 0.6
"""Paragraphs after this share of the article count as its closing part."""


def classify_paragraph(text: str, in_tail: bool) -> str | None:
    """The reason this paragraph is boilerplate, or None when it is article text."""
    words = len(text.split())
    for rule in RULES:
        if words > rule.max_words or (rule.tail_only and not in_tail):
            continue
        if rule.pattern.search(text):
            return rule.reason
    return None


def find_trailing(text: str) -> tuple[int, str] | None:
    """Where boilerplate begins inside the closing half of a paragraph, and why."""
    found: tuple[int, str] | None = None
    for rule in TRAILING:
        match = rule.pattern.search(text, len(text) // 2)
        if match and (found is None or match.start() < found[0]):
            found = (match.start(), rule.reason)
    return found


def find_inline(text: str) -> list[tuple[int, int, str]]:
    """Furniture inside a paragraph: (start, end, reason) of each span to set aside, in order."""
    spans: list[tuple[int, int, str]] = []
    for rule in INLINE:
        spans.extend((m.start(), m.end(), rule.reason) for m in rule.pattern.finditer(text))
    spans.sort()
    kept: list[tuple[int, int, str]] = []
    for start, end, reason in spans:
        if kept and start < kept[-1][1]:
            continue  # overlapping matches: the first wins
        kept.append((start, end, reason))
    return kept
