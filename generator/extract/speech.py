"""The grammar of an attribution, read from words alone: speech verbs, and the phrase that is
their subject or follows them; `attribution.py` and `carry.py` use it to find who speaks, so no
parser is needed. Also the nouns that stand for a speaker without naming it ("the ministry",
"the statement"), from `data/speakers.yml`, which `resolve/speakers.py` reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from generator.extract.marks import DOUBLE_MARKS

SPEECH_VERBS = frozenset(
    """
    say says said saying tell tells told telling write writes wrote add adds added adding
    states stated comments commented warn warns warned warning notes noted
    explain explains explained declare declares declared announce announces announced
    insist insists insisted insisting argue argues argued arguing claim claims claimed asks asked
    replies replied responds responded tweets tweeted posts posted urge urges urged
    deny denies denied emphasise emphasises emphasised emphasize emphasizes emphasized
    stresses stressed acknowledge acknowledges acknowledged admit admits admitted
    concede concedes conceded asserts asserted maintains maintained contends contended
    reiterates reiterated complains complained boasts boasted joked
    suggest suggests suggested continues continued conclude concludes concluded
    reports reported confirm confirms confirmed recalls recalled cautions cautioned
    vows vowed pledges pledged promises promised predicts predicted remarked observed
    calls called labels labelled labeled describes described dubbed accuses accused
    alleges alleged quipped shouted questioned credited praised praises hailed hails
    condemned condemns criticised criticises criticized criticizes branded
    """.split()
)
"""Verbs that introduce what someone said. Only lower-case forms count ("The Post" is a name), and
base forms that are mostly nouns in news copy ("report", "post", "call", "state") are left out."""
BASE_SPEECH_VERBS = frozenset("say tell stress warn explain insist argue emphasise emphasize urge".split())
"""Base forms that introduce speech after `to` ("was keen to stress his view"): only looking back
from a quote, where a sentence of its own follows them."""
VIEW_VERBS = frozenset(
    "believes believed thinks feels hopes hoped fears feared expects agrees agreed disagrees "
    "disagreed".split()
)
"""Verbs of holding a view: a sentence with one introduces the quote after it (`Smith believes the
plan will fail.` then `“It cannot work.”`), though it never attributes a quote in its own sentence."""
PRONOUNS = frozenset({"he", "she", "they", "it"})
"""A speaker phrase that is only one of these stands for someone named before; the resolver maps it."""
_PERSONAL = frozenset({"he", "she", "they"})
"""Only ever a subject: ending a longer phrase before a verb, the pronoun alone is the subject."""
MAX_SPEAKER_WORDS = 12
"""A longer subject is cut to its last comma-separated chunk ("..., Faiez Mustafa Sarraj")."""
ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm", "Brig",
    "Cmdr", "Prof", "Rev", "Fr", "St", "Jr", "Sr", "Pres", "Amb", "Hon", "Inc", "Corp", "Co", "Ltd",
)  # fmt: skip
"""Words whose full stop does not end a sentence, so "Gen. Haftar said" keeps its subject."""

# Words that steer the search; kept here because they are grammar, not knowledge about a story.
DETERMINERS = frozenset(
    "the a an his her its their our my your this that these those such any no some many several".split()
)
_NOUN_MARKERS = DETERMINERS | frozenset(
    "recent earlier previous latest further new media news press unconfirmed initial local".split()
)
"""Before a verb form they make it a noun: "the reports", "his comments", "media reports"."""
BE = frozenset("be been being is was were are am".split())
"""Before a verb form they make it passive ("was told"): the subject is not the speaker."""
_ADVERBS = frozenset(
    "also later then again further once previously recently repeatedly reportedly earlier publicly "
    "meanwhile however instead now too yesterday today tonight "
    "privately just already still never not often always first separately long widely "
    "has have had will would could should may might must can did does do is was were".split()
)
"""Stripped from the end of a subject: "He also said", "Sarraj has labeled"."""
_NOT_ADVERBS = frozenset(
    "ally rally family assembly daily weekly monthly quarterly monopoly anomaly supply reply bully".split()
)
CONJUNCTIONS = frozenset("and but or then so yet nor".split())
RELATIVES = frozenset("who which that whom".split())
_CLAUSE_WORDS = frozenset("that what which because while whereas although though if when where but".split())
"""A subject starts after these: "the plan, which Smith called ..." -> "Smith"; "X claimed Y was
to blame but his lawyer said" -> "his lawyer"."""
_STANDALONE = frozenset("meanwhile however separately instead also then still now".split())
"""Adverbs that open a sentence with no object: the words after them are the subject
(`Meanwhile Mark Osei, the party's spokesman, said`)."""
_ADVERBIAL = frozenset(
    "in on at after before during since earlier later last meanwhile however also speaking asked from "
    "following yesterday today then still separately instead by with without despite under amid for "
    "according".split()
)
"""A comma-separated opening chunk that starts with one of these is not the subject: "On Friday, ..."."""
_NAME_STOP = frozenset(
    "in on at after during who which when while as adding before because that to via with from "
    "according told speaking since amid following over earlier later this last yesterday today "
    "tonight also then again quoted quoting cited citing".split()
)
"""End a name that follows its verb: "said Guterres on Twitter" -> "Guterres"; "said one analyst
quoted by AFP" -> "one analyst", who speaks (the agency only relays)."""
SUBJECT_START_STOP = frozenset(
    "and but or so yet nor in on at to of for from with by as while when where after before since "
    "because although though if than during".split()
)
"""A phrase that starts like this is not a speaker: `"peace", while others said`, `in the election`."""
_PREPOSITIONS = frozenset(
    "in on at during after before since following for from with by under amid despite over".split()
)
"""Open a phrase that says when or where: `In his New Year message the leader said`."""
_FUNCTION_WORDS = DETERMINERS | CONJUNCTIONS | SUBJECT_START_STOP | frozenset("of".split())
_RELAYED = frozenset("quoted reported cited".split())
_AUXILIARIES = frozenset(
    "is was are were has have had will would can could may might must should also".split()
)
_NEGATIONS = frozenset("not never no declined refused n't nothing".split())
"""Before a base form (`declined to comment`) or after a verb (`said nothing`): nobody spoke."""

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.N.
    rf"|(?:{'|'.join(ABBREVIATIONS)})\.(?=\s)"
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: John F. Kennedy
    r"|\w+(?:[’'&.-]\w+)*"
    r"|[^\w\s]"
)
SENTENCE_ENDS = frozenset(".!?…")

Token = tuple[int, int, str]
"""A word or a punctuation mark: start, end, text."""
Span = tuple[int, int]
"""A phrase as token indexes: start, end."""


def tokenize(text: str, start: int, end: int) -> list[Token]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


def count_words(tokens: list[Token], start: int, end: int) -> int:
    return sum(1 for index in range(start, end) if is_word(tokens[index][2]))


@cache
def cue_words() -> re.Pattern[str]:
    """Any word that may introduce speech or a view: most text near a quote has none."""
    words = SPEECH_VERBS | VIEW_VERBS | speaker_words().speech_phrases.keys()
    return re.compile(rf"\b(?:{'|'.join(sorted(words))}|[Aa]ccording)\b")


def is_verb(tokens: list[Token], index: int) -> bool:
    """A speech verb, unless a determiner or a following verb shows it is a noun ("the reports said")."""
    word = tokens[index][2]
    if word not in SPEECH_VERBS and not _is_phrase_verb(tokens, index):
        return False
    if index and tokens[index - 1][2].lower() in _NOUN_MARKERS:
        return False
    return not (index + 1 < len(tokens) and tokens[index + 1][2] in SPEECH_VERBS)


def _is_phrase_verb(tokens: list[Token], index: int) -> bool:
    """`pointed out`, `repeated his call`: a verb of several words from `speakers.yml`."""
    for rest in speaker_words().speech_phrases.get(tokens[index][2], ()):
        following = [token[2].lower() for token in tokens[index + 1 : index + 1 + len(rest)]]
        if tuple(following) == rest:
            return True
    return False


def is_base_verb(tokens: list[Token], index: int) -> bool:
    """`to stress`, `to say`, unless a negation before it says nobody spoke (`declined to say`)."""
    if index < 1 or tokens[index][2] not in BASE_SPEECH_VERBS or tokens[index - 1][2] != "to":
        return False
    return not any(tokens[back][2].lower() in _NEGATIONS for back in range(max(0, index - 4), index - 1))


def is_view_verb(tokens: list[Token], index: int) -> bool:
    return tokens[index][2] in VIEW_VERBS and not (index and tokens[index - 1][2].lower() in _NOUN_MARKERS)


def leading_name(tokens: list[Token]) -> Span | None:
    """The subject of a sentence with no speech verb, when it plainly names someone: a pronoun
    (`He is confident ...`), a titled name (`Mr Hawkins is ...`), or a name of two words or more
    before an auxiliary or a past tense (`Prime Minister Tony Blair visited ...`)."""
    chunks = _chunks(tokens, 0, len(tokens))
    start = chunks[1][0] if len(chunks) > 1 and _is_adverbial(tokens, chunks[0]) else 0
    if start >= len(tokens):
        return None
    if tokens[start][2].lower() in ("he", "she", "they"):
        return start, start + 1
    end = start
    while end < len(tokens) and is_word(tokens[end][2]) and tokens[end][2][0].isupper():
        end += 1
    following = tokens[end][2] if end < len(tokens) else ""
    titled = end - start > 1 and tokens[start][2] in speaker_words().person_titles
    acting = following in _AUXILIARIES or (following.islower() and following.endswith("ed"))
    return (start, end) if end - start > 1 and (titled or acting) else None


def trailing_name(tokens: list[Token]) -> Span | None:
    """The titled name a sentence ends with, introducing who speaks next: `... grew out of
    research done by the firm's director Dr Ana Ruiz.`"""
    end = strip_end(tokens, 0, len(tokens))
    start = end
    while start > 0 and is_word(tokens[start - 1][2]) and tokens[start - 1][2][0].isupper():
        start -= 1
    titles = speaker_words().person_titles
    while start < end - 1 and tokens[start][2] not in titles:
        start += 1  # `... director Dr Ana Ruiz`, `the Harbour Board's Mr Ruiz`
    return (start, end) if start and end - start > 1 and tokens[start][2] in titles else None


def is_passive(tokens: list[Token], index: int) -> bool:
    """`was told`, `has long been described`, `written by`: someone else is the speaker."""
    if index + 1 < len(tokens) and tokens[index + 1][2] == "by":
        return True
    if tokens[index][2].endswith("ing"):
        return False  # `Smith is saying`: going on, not passive
    for back in range(index - 1, max(-1, index - 4), -1):
        word = tokens[back][2].lower()
        if word in BE:
            return True
        if not is_adverb(word):
            return False
    return False


def is_negated(tokens: list[Token], index: int) -> bool:
    """`said nothing`, `did not say`: the verb at `index` reports that nobody spoke."""
    following = tokens[index + 1][2].lower() if index + 1 < len(tokens) else ""
    return following in _NEGATIONS or any(
        tokens[back][2].lower() in _NEGATIONS for back in range(max(0, index - 2), index)
    )


def is_adverb(word: str) -> bool:
    return word in _ADVERBS or (
        word.islower() and word.endswith("ly") and len(word) > 4 and word not in _NOT_ADVERBS
    )


def subject(tokens: list[Token], verbs: list[int]) -> Span | None:
    """The words before the last speech verb that name who speaks, as token indexes."""
    k = len(verbs) - 1
    while True:
        verb = verbs[k]
        end = strip_end(tokens, 0, verb)
        last = tokens[end - 1][2].lower() if end else ""
        if not k:
            break
        participle = tokens[verb][2].endswith("ing") and not _new_subject(tokens, verbs[k - 1], verb)
        if not (last in CONJUNCTIONS or participle):
            break
        # `Peskov ... denied any support and emphasised “...”`: the first verb's subject speaks
        k -= 1
    if last in RELATIVES:
        end = strip_end(tokens, 0, end - 1)  # `the minister, who said “...”`
        named = _name_before(tokens, end)
        if named is not None:
            return named  # `X posted a video of his daughter Mira Sund, who wrote “...”`
    elif end < verb and tokens[end][2] == ",":
        # `Officials, who spoke on condition of anonymity because ..., said`: the clause between
        # the commas describes the subject, and its words ("because") must not cut it
        for index in range(end - 2, 0, -1):
            if tokens[index][2] == "," and tokens[index + 1][2] in RELATIVES:
                end = index
                break
    start = 0
    verb_at = set(verbs[:k])
    for index in range(end - 1, -1, -1):
        word = tokens[index][2]
        if word.lower() in _CLAUSE_WORDS or word in ";:" or word in DOUBLE_MARKS or index in verb_at:
            start = index + 1
            break
    chunks = _chunks(tokens, start, end)
    while len(chunks) > 1 and _is_adverbial(tokens, chunks[0]):
        chunks.pop(0)
    if not chunks:
        return None
    if (
        len(chunks) > 1
        and tokens[chunks[-1][0]][2].lower() in PRONOUNS
        and chunks[-1][1] - chunks[-1][0] == 1
    ):
        # `A finalist last year, she added`: the pronoun is the subject, the rest describes it
        return chunks[-1]
    start = chunks[0][0]
    while start < end and (
        tokens[start][2].lower() in CONJUNCTIONS or tokens[start][2].lower() in _STANDALONE
    ):
        start += 1
    if end - start > 1 and tokens[end - 1][2].lower() in _PERSONAL:
        # `Asked if he would welcome them he told the BBC`: a clause without its comma, then
        # the pronoun that is the subject
        return end - 1, end
    if tokens[start][2].lower() in _PREPOSITIONS:
        opened = _after_opening_phrase(tokens, start, end)
        if opened is None:
            return None  # `in the 2016 election`: when or where, not who
        start = opened
    if count_words(tokens, start, end) > MAX_SPEAKER_WORDS:
        if len(chunks) > 1 and _is_name(tokens, chunks[0]) and not _is_name(tokens, chunks[-1]):
            # `Cory Dolan, European coordinator for a long-named group, said`: the name speaks,
            # not in a list (`After beating A, B and C to the prize, D said`)
            return trim(tokens, *chunks[0])
        start = chunks[-1][0]
        words = [index for index in range(start, end) if is_word(tokens[index][2])]
        start = words[max(0, len(words) - MAX_SPEAKER_WORDS)]
    if last in CONJUNCTIONS and not k:
        # `A party spokesman played down the row with Smith and said`: the subject ends at the
        # first verb, before its object
        return _before_verb(tokens, start, end)
    if tokens[verb][2].endswith("ing"):
        # `But she rejected the council's call for a cap, saying`: a pronoun or a name before the
        # first verb is the subject, not its object (`The film showed Mr Osei ..., telling`)
        cut = _before_verb(tokens, start, end)
        pieces = _chunks(tokens, *cut) if cut is not None and cut[1] < end else []
        named = trim(tokens, *pieces[-1]) if pieces else None
        if named is not None and (_is_name(tokens, named) or _is_pronoun(tokens, named)):
            return named
    return trim(tokens, start, end)


def _is_pronoun(tokens: list[Token], span: Span) -> bool:
    return span[1] - span[0] == 1 and tokens[span[0]][2].lower() in PRONOUNS


def _is_name(tokens: list[Token], chunk: Span) -> bool:
    words = [tokens[i][2] for i in range(*chunk) if is_word(tokens[i][2])]
    return 0 < len(words) <= 4 and all(word[0].isupper() for word in words)


def _before_verb(tokens: list[Token], start: int, end: int) -> Span | None:
    """`tokens[start:end]` up to its first auxiliary or past-tense verb."""
    for index in range(start + 1, end):
        word = tokens[index][2]
        if (
            word in BE
            or word in ("has", "had", "have", "will", "would")
            or (word.islower() and word.endswith("ed"))
        ):
            return trim(tokens, start, index)
    return trim(tokens, start, end)


def _new_subject(tokens: list[Token], start: int, end: int) -> bool:
    """Does a name with a verb of its own stand between `start` and `end` (`the comments, Smith
    was heard saying`), so that a participle at `end` is its own and not the earlier verb's?"""
    return any(
        tokens[index][2][0].isupper() and (tokens[index + 1][2] in _AUXILIARIES or tokens[index + 1][2] in BE)
        for index in range(start + 1, end - 1)
    )


def _name_before(tokens: list[Token], end: int) -> Span | None:
    """The name that ends at `end`, when the words before it do something (`X posted a video of
    his daughter Mira Sund`): the relative clause after it is about the name, not the subject."""
    start = end
    while start > 0 and is_word(tokens[start - 1][2]) and tokens[start - 1][2][0].isupper():
        start -= 1
    if start == end or start == 0 or tokens[start - 1][2] in (",", "—", "–"):
        return None
    # a verb in the past tense before the name: it is an object, not a description of the subject
    doing = any(
        tokens[i][2].islower() and tokens[i][2].endswith("ed") and len(tokens[i][2]) > 3 for i in range(start)
    )
    return (start, end) if doing else None


def _after_opening_phrase(tokens: list[Token], start: int, end: int) -> int | None:
    """Where the subject starts after an opening phrase written without its comma: `In his New
    Year message the party leader`, `On the tsunami he`, `During the debate Smith`."""
    for index in range(start + 2, end):
        word = tokens[index][2]
        if word.lower() in PRONOUNS or word.lower() in ("the", "a", "an"):
            return index
        if word in speaker_words().person_titles:
            return index  # `On Thursday Mr Osei`
        previous = tokens[index - 1][2]
        if word[0].isupper() and is_word(previous) and previous.islower() and previous not in DETERMINERS:
            return index
    return None


def clause_subject(tokens: list[Token], verb: int) -> Span | None:
    """The subject of `X was keen to stress`, `X wanted to say`: the phrase before the verb `verb`
    (a base form after `to`), cut at its first auxiliary or past-tense verb."""
    found = subject(tokens, [verb])
    return None if found is None else _before_verb(tokens, *found)


def name_after(tokens: list[Token], start: int) -> Span | None:
    """The name phrase that starts at `start` and runs to punctuation or a clause word."""
    index = start
    words = 0
    while index < len(tokens):
        word = tokens[index][2]
        if not is_word(word):
            if word not in "&’'":
                break
        elif (word.islower() and word in _NAME_STOP) or is_verb(tokens, index):
            break
        else:
            words += 1
            if words > MAX_SPEAKER_WORDS:
                break
        index += 1
    name = trim(tokens, start, index)
    if name is None or is_verb(tokens, name[0]) or tokens[name[0]][2] in SUBJECT_START_STOP:
        return None
    return _with_apposition(tokens, name)


def _with_apposition(tokens: list[Token], name: Span) -> Span:
    """`said the firm's chief executive, John Brown`: a description whose name follows it after a
    comma takes the name in."""
    start, end = name
    if any(tokens[i][2][0].isupper() and not tokens[i][2].endswith(("'s", "’s")) for i in range(start, end)):
        return name
    index = end + 1
    if end >= len(tokens) or tokens[end][2] != ",":
        return name
    while index < len(tokens) and is_word(tokens[index][2]) and tokens[index][2][0].isupper():
        index += 1
    closed = index == len(tokens) or not is_word(tokens[index][2])
    return (start, index) if closed and index - end > 2 else name


def trim(tokens: list[Token], start: int, end: int) -> Span | None:
    """`tokens[start:end]` without the punctuation, conjunctions and adverbs at its edges, and
    without `was quoted as` (`he was quoted as saying` names `he`)."""
    while start < end and (not is_word(tokens[start][2]) or tokens[start][2].lower() in CONJUNCTIONS):
        start += 1
    for index in range(start + 1, end - 1):
        if tokens[index][2] in BE and tokens[index + 1][2] in _RELAYED:
            end = index
            break
    end = strip_end(tokens, start, end)
    while end > start and tokens[end - 1][2].lower() in _FUNCTION_WORDS:
        end = strip_end(tokens, start, end - 1)
    if end <= start or all(tokens[i][2].lower() in _FUNCTION_WORDS for i in range(start, end)):
        return None
    return start, end


def strip_end(tokens: list[Token], start: int, end: int) -> int:
    """Where `tokens[start:end]` ends once trailing punctuation, auxiliaries and adverbs are gone."""
    while end > start:
        word = tokens[end - 1][2]
        if is_word(word) and not is_adverb(word):
            break
        end -= 1
    return end


def _chunks(tokens: list[Token], start: int, end: int) -> list[Span]:
    """`tokens[start:end]` split at commas and dashes, empty pieces left out."""
    chunks = []
    piece = start
    for index in range(start, end + 1):
        if index == end or tokens[index][2] in (",", "—", "–"):
            if count_words(tokens, piece, index):
                chunks.append((piece, index))
            piece = index + 1
    return chunks


def _is_adverbial(tokens: list[Token], chunk: Span) -> bool:
    """`On Friday`, `In a joint statement`, `Three days ago`: when, not who."""
    words = [tokens[i][2].lower() for i in range(*chunk) if is_word(tokens[i][2])]
    if len(words) > 1 and words[0] in _STANDALONE:
        return False  # `Meanwhile Mark Osei`: the adverb is alone, the name follows
    # `Commenting on the films`, `Speaking to reporters`: a participle opens a clause, not a name
    participle = bool(words) and words[0].endswith("ing") and len(words) > 1
    return bool(words) and (words[0] in _ADVERBIAL or words[-1] == "ago" or participle)


def is_sentence_end(tokens: list[Token], index: int) -> bool:
    """A full stop (or ! ? …) followed by a capitalised word: a boundary the sentence spans missed."""
    if tokens[index][2] not in SENTENCE_ENDS or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1][2]
    return following[0].isupper() or following in DOUBLE_MARKS


def last_sentence(tokens: list[Token]) -> list[Token]:
    """The tokens after the last sentence end or semicolon; a quote opening after a full stop
    starts a sentence of its own (`..., Haftar told reporters. “...”`)."""
    if tokens and tokens[-1][2] in SENTENCE_ENDS:
        return []
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index][2] == ";" or is_sentence_end(tokens, index):
            return tokens[index + 1 :]
    return tokens


def first_sentence(tokens: list[Token]) -> list[Token]:
    for index in range(len(tokens)):
        if is_sentence_end(tokens, index):
            return tokens[: index + 1]
    return tokens


def has_words(tokens: Iterable[Token]) -> bool:
    return any(is_word(token[2]) for token in tokens)


@dataclass(frozen=True, slots=True)
class SpeakerWords:
    """Nouns that stand for a speaker without naming it (`generator/extract/data/speakers.yml`)."""

    spokespeople: frozenset[str]
    roles: frozenset[str]
    organisations: dict[str, tuple[str, ...]]
    """A body's noun -> every noun of its group (`military` -> `military`, `army`, ...)."""
    documents: dict[str, tuple[str, ...]]
    """A document's noun -> every noun of its group (`suit` -> `lawsuit`, `suit`, ...)."""
    firms: frozenset[str]
    """Nouns that stand for the organisation named last: `the firm`, `the club`."""
    events: frozenset[str]
    together: frozenset[str]
    pronoun_of_title: dict[str, str]
    """`Mr` -> `he`, `Ms` -> `she`."""
    person_titles: frozenset[str]
    """Every title before a person's name: `Mr`, `Ms`, `Dr`..."""
    speech_phrases: dict[str, tuple[tuple[str, ...], ...]]
    """A verb of several words, by its first word: `pointed` -> (`out`,)."""


@cache
def speaker_words() -> SpeakerWords:
    text = resources.files("generator.extract.data").joinpath("speakers.yml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)

    def grouped(groups: list[list[str]]) -> dict[str, tuple[str, ...]]:
        return {noun: tuple(group) for group in groups for noun in group}

    return SpeakerWords(
        spokespeople=frozenset(data["spokespeople"]),
        roles=frozenset(data["roles"]),
        organisations=grouped(data["organisations"]),
        documents=grouped(data["documents"]),
        firms=frozenset(data["firms"]),
        events=frozenset(data["events"]),
        together=frozenset(data["together"]),
        pronoun_of_title={
            title: pronoun
            for pronoun, titles in data["titles"].items()
            if pronoun != "either"
            for title in titles
        },
        person_titles=frozenset(title for titles in data["titles"].values() for title in titles),
        speech_phrases=_phrases(data["speech_phrases"]),
    )


def _phrases(phrases: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        first, *rest = phrase.split()
        found.setdefault(first, []).append(tuple(rest))
    return {first: tuple(rests) for first, rests in found.items()}
