"""What news pages wrap around an article: share prompts, disclaimers, credits, bios.

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


def _rule(reason: str, pattern: str, max_words: int = 150, tail_only: bool = False) -> Rule:
    return Rule(reason, re.compile(pattern, re.IGNORECASE), max_words, tail_only)


_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bemail protected\b"

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
    _rule("copyright", r"^(?:copyright\b|©|\(c\)\s)|\ball rights reserved\b", max_words=40),
    _rule(
        "comment prompt",
        r"^(?:discussion about this (?:post|article)|comment on\b|leave a (?:comment|reply)"
        r"|\d+\s+comments?$|comments?$|join the (?:discussion|conversation)|add a comment)",
        max_words=25,
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
