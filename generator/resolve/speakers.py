"""Stage 3d, speakers: each quote's speaker phrase -> the entity it names or stands for.

The extractor found the words that name a speaker ("Guterres", "Maja Kocijancic, a spokeswoman
for the European Commission", "A White House statement", "he", "the ministry"); linking found the
names in them. A phrase's speaker is the first person it names (not one named only as the owner
of someone else: "Smith's nephew"), else the first organisation, else a place or group that is the
whole phrase ("Russia said"), or several speaking together ("France, along with the UK and
Italy"). A phrase that names nobody may stand for someone named before it:

- a pronoun: `he`, `she` and `they` for a person, preferring the subject of a sentence before it
  or one the text just had speak, and never a name inside a quote; `it` for an organisation
  (or the firm a "the company" after it stands for), never a person;
- a role: "the minister", "the Libyan president" for the last person the text gave that role
  (cue `description`);
- a body or a spokesperson for one: "the military", "a spokesperson for the ministry" for the
  organisation the text named with that noun ("the Defence Forces", "the Ministry of Health"); "the
  firm", "the club" for the organisation named last (cue `description`);
- a document: "the statement", "the lawsuit" for whoever the text said issued it ("the Harbour
  Union's lawsuit", "a statement from the ministry") (cue `document`).

He and she pass over people whose titles say otherwise ("Ms Rellie" is not "he"). A definite
description of a person ("the 31-year-old", "the New Zealander") with no role to match stands for
the person a pronoun would.

The phrase is kept as written; a phrase headed by an event or a time ("in the 2016 election")
never speaks.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from generator.extract.names import knowledge
from generator.extract.speech import PRONOUNS, SPEECH_VERBS, speaker_words
from generator.model import Article, Entity, EntityType, Mention, Quote

_PREFERENCE = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GROUP, EntityType.PLACE)
_WHOLE_PHRASE = (EntityType.GROUP, EntityType.PLACE)
_TOGETHER = frozenset("the and along with together as well both two three four five".split())
"""Words joining places that speak together: "France, along with the UK and Italy"."""
_SPEAKS = (EntityType.PERSON, EntityType.ORGANIZATION)
_WORDS = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s?\s+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_DEFINITE = frozenset("the this that his her its their our".split())
"""A role stands for someone named before only when definite: "the minister", not "a minister"."""
_NOUN_END = frozenset("for of at from in on with by who which that".split())
"""End the noun group that heads a phrase: "a spokesperson for the ministry" -> "spokesperson"."""
_DIRECT = frozenset({"said after", "said before", "colon", "according to", "subject"})
"""Cues that say where the phrase is; `description` and `document` replace them when the phrase
stands for an entity named elsewhere. Cues that carry a phrase over (`same speaker`,
`continued`, `earlier`) are kept."""
LOOK_BACK = 3000
"""Characters searched before a quote for the entity a role, body or document stands for."""
_SUBJECT_WORDS = 6
"""Words a sentence may open with before its subject's name: titles and roles (`Former party
leader`, `The 26-year-old`)."""
_OPENING_STOP = frozenset("in on at for from with by to about after before since".split())
"""Before a name they make it an object or an adverbial (`For Johnson, ...`), not the subject; `and`
stays allowed in titles (`Work and Pensions Secretary`)."""
_ADVERBIAL_OPENING = re.compile(r"\s*(?:In|On|At|After|Before|During|Since|Speaking|Asked|Later|Earlier)\b")
_SENTENCE_WINDOW = 400
"""Characters searched on each side of a document's noun for the sentence naming its issuer."""
_ROLE_WINDOW = 120
"""Characters before a person's name that may hold its role ("Libya's President of ..., X")."""


@dataclass(frozen=True, slots=True)
class _Text:
    """One article's text and linked names, in text order."""

    text: str
    mentions: list[Mention]
    starts: list[int]
    entities: Mapping[str, Entity]
    pronouns: dict[str, str]
    """Person id -> `he` or `she`, where a title says so (`Mr Hawkins`, `Ms Rellie`) or a quote
    resolved so (`“...,” she said`)."""
    quoted: list[tuple[int, int]]
    """The article's quotes, in text order: a name inside one is not the subject of the text."""
    complements: list[tuple[int, int]]
    """Where speaker phrases say whose or where (`The MP for Eastvale`), as found: a name
    in one is no one a pronoun stands for."""
    bodies: dict[int, str]
    """Where a group or an organisation was named speaking, as found: `they` may stand for it."""

    def in_quote(self, offset: int) -> bool:
        index = bisect.bisect_right(self.quoted, (offset, len(self.text))) - 1
        return index >= 0 and self.quoted[index][0] <= offset < self.quoted[index][1]

    def before(self, offset: int, since: int = 0) -> Iterator[tuple[Mention, Entity]]:
        """Mentions of known entities that end before `offset`, the nearest first."""
        for index in range(bisect.bisect_left(self.starts, offset) - 1, -1, -1):
            mention = self.mentions[index]
            if mention.start < since:
                break
            entity = self.entities.get(mention.entity)
            if entity is not None and mention.end <= offset:
                yield mention, entity

    def within(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        first = bisect.bisect_left(self.starts, start)
        found = []
        for mention in self.mentions[first:]:
            if mention.start >= end:
                break
            if mention.end <= end and mention.entity in self.entities:
                found.append((mention, self.entities[mention.entity]))
        return found


def resolve_speakers(
    articles: Sequence[Article],
    quotes: Sequence[Quote],
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity],
) -> tuple[Quote, ...]:
    """Each quote with `speaker` set (or `None`), and its cue saying how a phrase that names
    nobody was tied to an entity (`description`, `document`)."""
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article, []).append(mention)
    quoted: dict[str, list[tuple[int, int]]] = {}
    for quote in quotes:
        quoted.setdefault(quote.article, []).append((quote.start, quote.end))
    texts = {}
    for article in articles:
        found = sorted(by_article.get(article.id, []), key=lambda m: (m.start, m.end))
        texts[article.id] = _Text(
            article.text,
            found,
            [m.start for m in found],
            entities,
            _pronouns(article.text, found),
            sorted(quoted.get(article.id, [])),
            [],
            {},
        )
    resolved: list[Quote] = []
    speakers: dict[str, dict[int, str]] = {}
    """Per article: where each person quoted so far is named as a speaker."""
    for quote in quotes:
        speaker, cue = None, quote.cue
        text = texts.get(quote.article)
        if text is not None and quote.speaker_start is not None and quote.speaker_end is not None:
            spoken = speakers.setdefault(quote.article, {})
            speaker, how = _speaker(text, quote.speaker_start, quote.speaker_end, quote.start, spoken)
            if how and quote.cue in _DIRECT:
                cue = how
            # `A Harbour Board spokesman said: ...` then `“...,” he added`: the he is the body's voice
            words = {w.lower() for w in _WORDS.findall(text.text, quote.speaker_start, quote.speaker_end)}
            if speaker is not None and entities[speaker].type is not EntityType.PLACE:
                if entities[speaker].type is EntityType.PERSON or words & speaker_words().spokespeople:
                    spoken[quote.speaker_start] = speaker
                else:
                    text.bodies[quote.speaker_start] = speaker
        resolved.append(dataclasses.replace(quote, speaker=speaker, cue=cue))
    return tuple(resolved)


def _pronouns(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """Person id -> the pronoun its titles call for, for people with titles that agree."""
    titles = speaker_words().pronoun_of_title
    found: dict[str, set[str]] = {}
    for mention in mentions:
        ahead = _TITLE_AHEAD.search(text, max(0, mention.start - 12), mention.start)
        for title in (*mention.descriptors, ahead.group(1) if ahead else ""):
            if title in titles:
                found.setdefault(mention.entity, set()).add(titles[title])
    return {entity: pronouns.pop() for entity, pronouns in found.items() if len(pronouns) == 1}


def _speaker(
    text: _Text, start: int, end: int, quote: int, speakers: Mapping[int, str]
) -> tuple[str | None, str]:
    """The entity the phrase `text[start:end]` names or stands for, and how (`""` when named)."""
    phrase = text.text[start:end]
    before = min(start, quote)
    if phrase.lower() in PRONOUNS:
        # `But Okafor had been “hurt”, he added`: the pronoun after a quote is not a name of the
        # quote's own sentence, which is what was said
        own = _sentence_start(text.text, quote) if start > quote else before
        found = _pronoun(text, before, phrase.lower(), speakers, own)
        if phrase.lower() == "they":
            found = _body_speaking(text, own, speakers) or found
        if found is not None and phrase.lower() in ("he", "she"):
            text.pronouns.setdefault(found, phrase.lower())
        return found, ""
    complement = _complement(text.text, start, end)
    if complement is not None:
        text.complements.append(complement)
    person = _named_in(text, start, end, (EntityType.PERSON,), skip=complement) or _surname(text, start, end)
    if person is not None:
        return person, ""
    return _stands_for(text, start, end, before, speakers)


def _named_in(
    text: _Text,
    start: int,
    end: int,
    kinds: tuple[EntityType, ...] = _PREFERENCE,
    whole: bool = True,
    skip: tuple[int, int] | None = None,
) -> str | None:
    """The first entity of the first of `kinds` the phrase names, leaving out what lies in `skip`;
    a place or a group only when it is the `whole` phrase."""
    inside = text.within(start, end)
    if skip is not None:
        inside = [(m, e) for m, e in inside if not skip[0] <= m.start < skip[1]]
    phrase = _WORDS.findall(text.text[start:end])
    for kind in kinds:
        for mention, entity in inside:
            if entity.type is not kind:
                continue
            # "Russia said" names a speaker; "the Libyan president" or "the UK, Italy and the
            # United States" do not: a place or group speaks only when it is the whole phrase.
            if whole and kind in _WHOLE_PHRASE and not _only_places(phrase, inside):
                continue
            if kind is EntityType.PERSON and _owner_of_another(text.text, mention.end, end):
                continue
            return entity.id
    return None


def _only_places(phrase: list[str], inside: list[tuple[Mention, Entity]]) -> bool:
    """Does the phrase name nothing but places or groups: `Russia`, `the Dockers`, or several
    speaking together (`The two countries, along with the UK and Italy`)?"""
    named = [w for m, e in inside if e.type in _WHOLE_PHRASE for w in _WORDS.findall(m.text)]
    rest = [w.lower() for w in phrase]
    for word in named:
        if word.lower() in rest:
            rest.remove(word.lower())
    if len(named) == len(phrase) - len(rest) and set(rest) <= {"the"}:
        return True
    return len([m for m, e in inside if e.type in _WHOLE_PHRASE]) > 1 and all(
        w in _TOGETHER or w.isdigit() or w in speaker_words().together for w in rest
    )


def _surname(text: _Text, start: int, end: int) -> str | None:
    """`said Walker` where linking left `Walker` alone unlinked: the person of the article whose
    name ends with a capitalised word of the phrase, the nearest before it first."""
    words = {w for w in _WORDS.findall(text.text, start, end) if w[0].isupper()}
    if not words:
        return None
    people = [e for m, e in text.before(start) if e.type is EntityType.PERSON]
    people += [e for m, e in text.within(end, len(text.text)) if e.type is EntityType.PERSON]
    for entity in people:
        names = (entity.name, *entity.aliases)
        if any(len(name.split()) > 1 and name.split()[-1] in words for name in names):
            return entity.id
    return None


def _owner_of_another(text: str, end: int, limit: int) -> bool:
    """`Smith's nephew`, `Smith's daughter Mira`: the name owns the noun after it, someone else
    (a spokesperson or a document speaks for its owner: `Smith's spokesman`, `Smith's letter`)."""
    owner = _POSSESSIVE.match(text, end, limit)
    if owner is None:
        return False
    following = _WORDS.findall(text, owner.end(), limit)
    words = speaker_words()
    return bool(following) and following[0].lower() not in words.spokespeople | set(words.documents)


def _pronoun(
    text: _Text, before: int, pronoun: str, speakers: Mapping[int, str], own: int | None = None
) -> str | None:
    """`it` for the last organisation named before the phrase; `he`, `she`, `they` for the last
    person, since the paragraph before, who is the subject of a sentence (`Johnson hit back.`) or
    whom the text had speak (a quote's speaker, or a name with a speech verb after it in its
    sentence: `Blair said he would ...`), else the last person named."""
    if pronoun == "it":
        return _it(text, before)
    since = _paragraph_start(text.text, _paragraph_start(text.text, before) - 2)
    own = before if own is None else own
    people = [
        (m.start, m.end, e.id)
        for m, e in text.before(own)
        if e.type is EntityType.PERSON and not any(low <= m.start < high for low, high in text.complements)
    ]
    people += [(at, at, entity) for at, entity in speakers.items() if at < own]
    # `he` passes over Ms Rellie, `she` over Mr Hawkins
    people = [p for p in people if text.pronouns.get(p[2], pronoun) == pronoun or pronoun == "they"]
    people.sort(reverse=True)
    if not people:
        return None
    following = before
    for start, end, entity in people:
        if start < since:
            break
        if start == end or (
            not text.in_quote(start)
            and (_opens_sentence(text.text, start) or _speaks(text.text, end, following))
        ):
            return entity
        following = start
    return people[0][2]


def _it(text: _Text, before: int) -> str | None:
    """The last organisation named before `before`, or the one a firm's noun written after it
    stands for (`In a statement, the company said ... “...,” it said.`)."""
    last = next(((m, e) for m, e in text.before(before) if e.type is EntityType.ORGANIZATION), None)
    low = max(last[0].end if last else 0, before - LOOK_BACK)
    described = list(_firm_nouns().finditer(text.text, low, before))
    if described:
        found = _body(text, described[-1].group(1).lower(), described[-1].start())
        if found is not None:
            return found
    return last[1].id if last else None


@cache
def _firm_nouns() -> re.Pattern[str]:
    nouns = sorted(speaker_words().firms, key=len, reverse=True)
    return re.compile(rf"\b[Tt]he ({'|'.join(map(re.escape, nouns))})\b")


def _opens_sentence(text: str, start: int) -> bool:
    """Is the name at `start` the subject its sentence opens with: `Work and Pensions Secretary
    Alan Johnson hit back`, `On Monday, Johnson ...`, not `For Johnson, ...` or `... victim Bland`?"""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - _ROLE_WINDOW), start)]
    if not breaks and start > _ROLE_WINDOW:
        return False
    ahead = text[breaks[-1] if breaks else 0 : start]
    words = _WORDS.findall(
        ahead.rsplit(",", 1)[-1] if "," in ahead and _ADVERBIAL_OPENING.match(ahead) else ahead
    )
    return len(words) <= _SUBJECT_WORDS and not any(
        word.lower() in _OPENING_STOP or (word.islower() and word.endswith(("ed", "ing"))) for word in words
    )


def _paragraph_start(text: str, offset: int) -> int:
    return text.rfind("\n\n", 0, max(0, offset)) + 1


def _speaks(text: str, end: int, limit: int) -> bool:
    """Is the name ending at `end` the subject of a speech verb before `limit` (the next person
    named) and the end of its sentence: `MacIntyre, of the band, ... but said he ...`?"""
    stop = _SENTENCE_BREAK.search(text, end, limit)
    return any(word in SPEECH_VERBS for word in _WORDS.findall(text, end, stop.start() if stop else limit))


def _stands_for(
    text: _Text, start: int, end: int, before: int, speakers: Mapping[int, str]
) -> tuple[str | None, str]:
    """A phrase naming no person: the organisation it names, or the entity its noun stands for
    (a role, a body, a spokesperson or a document named before it)."""
    words = [w.lower() for w in _WORDS.findall(text.text, start, end)]
    head_words: list[str] = []
    for word in words:
        if word in _NOUN_END:
            break
        head_words.append(word)
    known = speaker_words()
    own = _named_in(text, start, end, skip=_complement(text.text, start, end)) or _acronym(text, start, end)
    if not head_words:
        return own, ""
    head = head_words[-1]
    person = _is_person_noun(head) or _nationality(text, start, end, head_words)
    if head in known.events or " ".join(head_words[-2:]) in known.events:
        return None, ""  # `the 2016 election said`: an event never speaks
    # "the ministry's spokesman", "a military spokesman", "a spokesperson for the ministry"
    modifiers = [_POSSESSIVE_END.sub("", word) for word in head_words[:-1]]
    complement = words[len(head_words) + 1 :]
    definite = words[0] in _DEFINITE
    if own is not None and (head in known.spokespeople or not person):
        return own, ""
    if head in known.spokespeople:
        # `a Downing Street spokesman`, `a spokesman for the Kremlin`: the place speaks
        named = _named_in(text, start, end, _WHOLE_PHRASE, whole=False)
        if named is not None:
            return named, ""
        body = next((w for w in [*complement[-1:], *modifiers] if w in known.organisations), None)
        if body is not None:
            return _body(text, body, before), "description"
        return (_role(text, head, before) if definite else None), "description"
    if head in known.organisations or (definite and head in known.firms):
        return _body(text, head, before), "description"
    if head in known.documents:
        # `the council's ruling`: the body that owns it, named before with its noun
        owner = next((w for w in modifiers if w in known.organisations), None)
        issuer = _body(text, owner, before) if owner is not None else None
        return issuer or _document(text, known.documents[head], before), "document"
    if definite and person:
        # `the Libyan president`: the person given that role; `the Liberal Democrat leader`, `the
        # 31-year-old`, whose role the text may not repeat: the person it just had speak
        people = {
            at: entity for at, entity in speakers.items() if text.entities[entity].type is EntityType.PERSON
        }
        found = _role(text, head, before) or _pronoun(text, before, "they", people)
        if found is not None:
            return found, "description"
    written = _WORDS.findall(text.text, start, end)[len(head_words) - 1]
    if person and head not in known.spokespeople and written.islower():
        # `a Green Party backbencher`: a person, never the party
        named = _named_next(text, end)
        return named, "description" if named else ""
    return own, ""


def _body_speaking(text: _Text, before: int, speakers: Mapping[int, str]) -> str | None:
    """`..., the MPs said.` then `..., they said.`: the group or organisation the text last had
    speak, since the paragraph before, if no person was named or spoke after it."""
    since = _paragraph_start(text.text, _paragraph_start(text.text, before) - 2)
    spoke = [at for at in text.bodies if since <= at < before]
    if not spoke:
        return None
    last = max(spoke)
    people = (m for m, e in text.before(before, since=last) if e.type is EntityType.PERSON)
    if any(not text.in_quote(m.start) for m in people) or any(last < at < before for at in speakers):
        return None
    return text.bodies[last]


def _sentence_start(text: str, offset: int) -> int:
    """Where the sentence holding `offset` starts (the lookahead sees the word at `offset`)."""
    low = max(0, offset - _SENTENCE_WINDOW)
    breaks = (m.end() for m in _SENTENCE_BREAK.finditer(text, low, offset + 2) if m.end() <= offset)
    return max(breaks, default=low)


def _complement(text: str, start: int, end: int) -> tuple[int, int] | None:
    """`The MP for Eastvale and Marsh`, `a friend of the Smiths`: what follows a person's
    noun after `for` or `of` (to the next comma) says whose or where, and never speaks."""
    words = list(_WORDS.finditer(text, start, end))
    if not words or words[0].group().lower() not in ("the", "a", "an"):
        return None
    for noun, joint in pairwise(words[1:6]):
        if joint.group() in ("for", "of"):
            if (
                not _is_person_noun(noun.group().lower())
                or noun.group().lower() in speaker_words().spokespeople
            ):
                return None
            comma = text.find(",", joint.end(), end)
            return joint.end(), end if comma < 0 else comma
    return None


def _acronym(text: _Text, start: int, end: int) -> str | None:
    """`an HPA statement`, `a HPA spokesman`: the organisation named before whose initials the
    phrase writes (`Harbour Pilots Association`)."""
    short = {w for w in _WORDS.findall(text.text, start, end) if w.isupper() and 2 <= len(w) <= 6}
    if not short:
        return None
    for _, entity in text.before(start):
        if entity.type is EntityType.ORGANIZATION:
            initials = "".join(w[0] for w in entity.name.split() if w[0].isupper())
            if initials in short:
                return entity.id
    return None


def _named_next(text: _Text, end: int) -> str | None:
    """News opens with who, unnamed (`..., a Green Party backbencher has said.`), and names them as the
    next paragraph opens: the person it opens with, for a phrase in the first paragraph."""
    if "\n\n" in text.text[:end]:
        return None
    following = text.text.find("\n\n", end)
    if following < 0:
        return None
    for mention, entity in text.within(following + 2, following + 2 + _ROLE_WINDOW):
        if _opens_sentence(text.text, mention.start) and entity.type is EntityType.PERSON:
            return entity.id
        break
    return None


def _nationality(text: _Text, start: int, end: int, head_words: list[str]) -> bool:
    """`the New Zealander`, `the Australian`: a short phrase headed by a capitalised singular
    noun that names no organisation, person or place stands for a person."""
    words = _WORDS.findall(text.text, start, end)[: len(head_words)]
    named = {e.type for _, e in text.within(start, end)}
    return (
        len(words) <= 3
        and words[-1][0].isupper()
        and not words[-1].endswith("s")
        and not named & {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE}
    )


def _is_person_noun(word: str) -> bool:
    """`president`, `striker`, `31-year-old`, `Welshman`: a noun that describes a person."""
    return (
        word in _person_nouns()
        or word.endswith("-year-old")
        or (word.endswith(("man", "woman")) and len(word) > 5)
    )


@cache
def _person_nouns() -> frozenset[str]:
    names = knowledge()
    roles = names.descriptor_nouns | names.person_roles | names.organisation_roles | speaker_words().roles
    return frozenset(role.lower() for role in roles)


def _role(text: _Text, role: str, before: int) -> str | None:
    """The last person before `before` whose name the text gives with `role`: as a title
    ("President X"), a label kept by linking, or in its sentence ("X, a spokesman for ...")."""
    pattern = re.compile(rf"\b{re.escape(role)}\b", re.IGNORECASE)
    for mention, entity in text.before(before, since=max(0, before - LOOK_BACK)):
        if entity.type is not EntityType.PERSON:
            continue
        if any(pattern.search(label) for label in mention.descriptors) or pattern.search(
            _around(text, mention)
        ):
            return entity.id
    return None


def _around(text: _Text, mention: Mention) -> str:
    """The words that may give a name its role: before it in its sentence, back to the name
    before it ("Libya's President of ..., X"), and the clause after it ("X, a spokesman for the
    board, ...")."""
    index = bisect.bisect_left(text.starts, mention.start)
    low = max(0, mention.start - _ROLE_WINDOW, text.mentions[index - 1].end if index else 0)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text.text, low, mention.start)]
    ahead = text.text[breaks[-1] if breaks else low : mention.start]
    after = text.text[mention.end : mention.end + _ROLE_WINDOW]
    clause = _APPOSITION.match(after)
    return f"{ahead} {clause.group() if clause else ''}"


def _body(text: _Text, noun: str, before: int) -> str | None:
    """The organisation the text last named with `noun` or a noun of its kind: in its name ("the
    Defence Ministry" for "the ministry", "the Defence Forces" for "the military"); for a firm or
    a club ("the brewer"), the organisation the text names most."""
    known = speaker_words()
    nouns = known.organisations.get(noun, (noun,))
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, nouns))})\b", re.IGNORECASE)
    named: dict[str, int] = {}
    for mention, entity in text.before(before, since=max(0, before - LOOK_BACK)):
        if entity.type is EntityType.ORGANIZATION:
            if pattern.search(mention.text):
                return entity.id
            named[entity.id] = named.get(entity.id, 0) + 1
    if noun not in known.firms or not named:
        return None
    # the firm the text is about: the organisation named most, the nearest of those first
    return max(named, key=lambda entity: named[entity])


def _document(text: _Text, nouns: tuple[str, ...], before: int) -> str | None:
    """Who the text said issued the document last written with one of `nouns` before `before`:
    the name just before it ("the union's lawsuit", "a White House statement"), after it ("a
    statement from the ministry", "the suit filed by X"), or else in its sentence ("X said in a
    statement")."""
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, nouns))})\b", re.IGNORECASE)
    low = max(0, before - LOOK_BACK)
    for occurrence in reversed(list(pattern.finditer(text.text, low, before))):
        found = _issuer(text, occurrence.start(), occurrence.end())
        if found is not None:
            return found
    return None


_TITLE_AHEAD = re.compile(r"\b([A-Z][a-z]*\.?)\s+$")
_CLAUSE_BREAK = re.compile(r"[.!?;][\"”’]?\s+|\n")
_APPOSITION = re.compile(r"\s*,[^,.;\n]*")
"""`, a spokesman for the board`: the clause right after a name that says what it is."""
_OWNER_GAP = re.compile(r"(?:['’]s?)?(?:\s+[\w-]+){0,2}\s+$")
_ISSUER_GAP = re.compile(r"^(?:\s+[\w-]+){0,2}?\s+(?:of|from|by|for|at)\s+(?:the\s+)?$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+(?=[\"“‘]?[A-Z])")


def _issuer(text: _Text, start: int, end: int) -> str | None:
    """The speaking entity the text writes with the noun at `start:end`."""
    low = max(0, start - _SENTENCE_WINDOW)
    sentence_start = max((m.end() for m in _SENTENCE_BREAK.finditer(text.text, low, start)), default=low)
    following = _SENTENCE_BREAK.search(text.text, end, end + _SENTENCE_WINDOW)
    sentence_end = following.start() + 1 if following else min(len(text.text), end + _SENTENCE_WINDOW)
    nearest: tuple[int, str] | None = None
    for mention, entity in text.within(sentence_start, sentence_end):
        if entity.type not in _SPEAKS:
            continue
        if mention.end <= start and _OWNER_GAP.fullmatch(text.text, mention.end, start):
            return entity.id
        if mention.start >= end and _ISSUER_GAP.match(text.text[end : mention.start]):
            return entity.id
        distance = start - mention.end if mention.end <= start else mention.start - end
        if nearest is None or distance < nearest[0]:
            nearest = (distance, entity.id)
    return nearest[1] if nearest else None
