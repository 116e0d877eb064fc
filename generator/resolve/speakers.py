"""Stage 3d, speakers: each quote's speaker phrase -> the entity it names.

The extractor found the words that name a speaker ("Guterres", "Maja Kocijancic, a spokeswoman
for the European Commission", "A White House statement", "he"); linking found the names in
them. A phrase's speaker is the first person it names, else the first organisation or group,
else a place or group that is the whole phrase ("Russia said"). A pronoun stands for the last
entity of its kind named before it: `he`, `she` and `they` for a person, `it` for an organisation
(`The ports authority ... "...," it said`), never for a person.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Mapping, Sequence

from generator.model import Article, Entity, EntityType, Mention, Quote

_PREFERENCE = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GROUP, EntityType.PLACE)
_WHOLE_PHRASE = (EntityType.GROUP, EntityType.PLACE)
_WORDS = re.compile(r"[^\W_]+")


def resolve_speakers(
    articles: Sequence[Article],
    quotes: Sequence[Quote],
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity],
) -> tuple[Quote, ...]:
    texts = {article.id: article.text for article in articles}
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article, []).append(mention)
    starts = {article: [m.start for m in found] for article, found in by_article.items()}
    resolved = []
    for quote in quotes:
        speaker = None
        found = by_article.get(quote.article, [])
        if quote.speaker_start is not None and quote.speaker_end is not None:
            if quote.cue == "pronoun":
                pronoun = texts.get(quote.article, "")[quote.speaker_start : quote.speaker_end].lower()
                kind = EntityType.ORGANIZATION if pronoun == "it" else EntityType.PERSON
                speaker = _last_before(found, starts.get(quote.article, []), quote, entities, kind)
            else:
                text = texts.get(quote.article, "")
                speaker = _named_in(text, found, starts.get(quote.article, []), quote, entities)
        resolved.append(dataclasses.replace(quote, speaker=speaker))
    return tuple(resolved)


def _named_in(
    text: str, found: list[Mention], starts: list[int], quote: Quote, entities: Mapping[str, Entity]
) -> str | None:
    assert quote.speaker_start is not None and quote.speaker_end is not None
    first = bisect.bisect_left(starts, quote.speaker_start)
    inside: list[tuple[Mention, Entity]] = []
    for mention in found[first:]:
        if mention.start >= quote.speaker_end:
            break
        if mention.end <= quote.speaker_end and mention.entity in entities:
            inside.append((mention, entities[mention.entity]))
    phrase = _WORDS.findall(text[quote.speaker_start : quote.speaker_end])
    for kind in _PREFERENCE:
        for mention, entity in inside:
            if entity.type is not kind:
                continue
            # "Russia said" names a speaker; "the Libyan president" or "the UK, Italy and the
            # United States" do not: a place or group speaks only when it is the whole phrase.
            if kind in _WHOLE_PHRASE and _WORDS.findall(mention.text) != [
                w for w in phrase if w.lower() != "the"
            ]:
                continue
            return entity.id
    return None


def _last_before(
    found: list[Mention], starts: list[int], quote: Quote, entities: Mapping[str, Entity], kind: EntityType
) -> str | None:
    assert quote.speaker_start is not None
    before = min(quote.speaker_start, quote.start)
    for mention in reversed(found[: bisect.bisect_left(starts, before)]):
        entity = entities.get(mention.entity)
        if entity is not None and entity.type is kind:
            return entity.id
    return None
