"""The words an article puts in quotation marks, and the phrase naming who said them.

Plain scanning, linear in the text: `marks.py` pairs the quotation marks within each paragraph;
here the sentence around each quote is searched for a speech verb ("said", "told", "warned"...)
and the words naming its subject. Those words become an entity later, in `resolve/speakers.py`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from generator.extract.marks import DOUBLE_MARKS, Marked, pair_marks, paragraph_spans
from generator.model import Article, Quote

SPEECH_VERBS = frozenset(
    """
    say says said saying tell tells told write writes wrote add adds added adding
    states stated comments commented warn warns warned warning notes noted
    explain explains explained declare declares declared announce announces announced
    insist insists insisted insisting argue argues argued arguing claim claims claimed asks asked
    replies replied responds responded tweets tweeted posts posted urge urges urged
    deny denies denied emphasise emphasises emphasised emphasize emphasizes emphasized
    stresses stressed acknowledge acknowledges acknowledged admit admits admitted
    suggest suggests suggested continues continued conclude concludes concluded
    reports reported confirm confirms confirmed recalls recalled cautions cautioned
    vows vowed pledges pledged promises promised predicts predicted remarked observed
    calls called labels labelled labeled describes described dubbed accuses accused
    alleges alleged quipped shouted
    """.split()
)
"""Verbs that introduce what someone said. Only lower-case forms count ("The Post" is a name), and
base forms that are mostly nouns in news copy ("report", "post", "call", "state") are left out."""
PRONOUNS = frozenset({"he", "she", "they", "it"})
"""A speaker phrase that is only one of these gets the cue `pronoun`; the resolver maps it."""
MAX_SPEAKER_WORDS = 12
"""A longer subject is cut to its last comma-separated chunk ("..., Faiez Mustafa Sarraj")."""
MAX_WINDOW = 1000
"""Characters searched on each side of a quote: an attribution sits in the quote's sentence."""
ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm", "Brig",
    "Cmdr", "Prof", "Rev", "Fr", "St", "Jr", "Sr", "Pres", "Amb", "Hon", "Inc", "Corp", "Co", "Ltd",
)  # fmt: skip
"""Words whose full stop does not end a sentence, so "Gen. Haftar said" keeps its subject."""

# Words that steer the search; kept here because they are grammar, not knowledge about a story.
_DETERMINERS = frozenset(
    "the a an his her its their our my your this that these those such any no some many several".split()
)
_NOUN_MARKERS = _DETERMINERS | frozenset(
    "recent earlier previous latest further new media news press unconfirmed initial local".split()
)
"""Before a verb form they make it a noun: "the reports", "his comments", "media reports"."""
_BE = frozenset("be been being is was were are am".split())
"""Before a verb form they make it passive ("was told"): the subject is not the speaker."""
_ADVERBS = frozenset(
    "also later then again further once previously recently repeatedly reportedly earlier publicly "
    "privately just already still never not often always first separately long widely "
    "has have had will would could should may might must can did does do is was were".split()
)
"""Stripped from the end of a subject: "He also said", "Sarraj has labeled"."""
_NOT_ADVERBS = frozenset(
    "ally rally family assembly daily weekly monthly quarterly monopoly anomaly supply reply bully".split()
)
_CONJUNCTIONS = frozenset("and but or then so yet nor".split())
_RELATIVES = frozenset("who which that whom".split())
_CLAUSE_WORDS = frozenset("that what which because while whereas although though if when where".split())
"""A subject starts after these: "the plan, which Smith called ..." -> "Smith"."""
_ADVERBIAL = frozenset(
    "in on at after before during since earlier later last meanwhile however also speaking asked from "
    "following yesterday today then still separately instead by with without despite under amid for "
    "according".split()
)
"""A comma-separated opening chunk that starts with one of these is not the subject: "On Friday, ..."."""
_NAME_STOP = frozenset(
    "in on at after during who which when while as adding before because that to via with from "
    "according told speaking since amid following over earlier later this last yesterday today "
    "tonight also then again".split()
)
"""End a name that follows its verb: "said Guterres on Twitter" -> "Guterres"."""
_SUBJECT_START_STOP = frozenset(
    "and but or so yet nor in on at to of for from with by as while when where after before since "
    "because although though if than".split()
)
"""A phrase after a quote that starts like this is not a speaker: `"peace", while others said`."""
_FUNCTION_WORDS = _DETERMINERS | _CONJUNCTIONS | _SUBJECT_START_STOP | frozenset("of".split())

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.N.
    rf"|(?:{'|'.join(ABBREVIATIONS)})\.(?=\s)"
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: John F. Kennedy
    r"|\w+(?:[’'&.-]\w+)*"
    r"|[^\w\s]"
)
_SENTENCE_ENDS = frozenset(".!?…")
_CUE_WORD = re.compile(rf"\b(?:{'|'.join(sorted(SPEECH_VERBS))}|[Aa]ccording)\b")

_Token = tuple[int, int, str]
_Found = tuple[int, int, str]
"""A speaker phrase: start, end, cue."""


class _Sentences:
    """The article's sentence spans, looked up by offset; bad or overlapping spans are tolerated."""

    def __init__(self, spans: Sequence[tuple[int, int]], length: int) -> None:
        valid = sorted((start, end) for start, end in spans if 0 <= start < end <= length)
        self._starts = [start for start, _ in valid]
        self._ends = [end for _, end in valid]

    def around(self, offset: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self._ends[index]:
            return self._starts[index], self._ends[index]
        return None


def extract_quotes(article: Article, sentences: Sequence[tuple[int, int]]) -> tuple[Quote, ...]:
    """Every quotation in the article's text, in text order, with the words naming its speaker.

    `sentences` are the article's sentence spans (from extraction); the speaker is looked for in
    the sentence(s) around the quote, never across a paragraph. Nothing is filtered by length:
    scare quotes ("war") are quotes too.
    """
    text = article.text
    paragraphs = paragraph_spans(article)
    marked = [
        quote
        for index, (start, end) in enumerate(paragraphs)
        for quote in pair_marks(text, start, end, index)
    ]
    around = _Sentences(sentences, len(text))
    found = [
        _find_speaker(text, marked, k, paragraphs[quote.paragraph], around) for k, quote in enumerate(marked)
    ]
    _inherit_speakers(text, marked, found, paragraphs)
    quotes = []
    for quote, speaker in zip(marked, found, strict=True):
        start, end, cue = speaker if speaker else (None, None, "")
        quotes.append(
            Quote(article.id, quote.start, quote.end, text[quote.start : quote.end], start, end, cue)
        )
    return tuple(quotes)


def _find_speaker(
    text: str, marked: Sequence[Marked], k: int, paragraph: tuple[int, int], around: _Sentences
) -> _Found | None:
    """The phrase naming who said quote `k`, searched in its sentence(s) up to the neighbouring quotes."""
    quote = marked[k]
    low, high = paragraph
    previous = marked[k - 1].close if k > 0 and marked[k - 1].paragraph == quote.paragraph else low
    following = (
        marked[k + 1].open if k + 1 < len(marked) and marked[k + 1].paragraph == quote.paragraph else high
    )
    sentence = around.around(quote.open)
    before_start = max(low, previous, quote.open - MAX_WINDOW, sentence[0] if sentence else low)
    after_end = quote.close
    if quote.closed:
        first = quote.close
        while first < following and text[first].isspace():
            first += 1
        sentence = around.around(first)
        after_end = max(
            quote.close, min(following, quote.close + MAX_WINDOW, sentence[1] if sentence else high)
        )
    # Most quotes in a long text have no cue word near them; one search says so without tokenizing.
    if not (
        _CUE_WORD.search(text, before_start, quote.open) or _CUE_WORD.search(text, quote.close, after_end)
    ):
        return None
    before = _tokens(text, before_start, quote.open)
    after = _tokens(text, quote.close, after_end)
    before = _last_sentence(before)
    after = _first_sentence(after)
    # A quote that is a whole sentence may lack the comma: `"We won." said Smith`; a quoted
    # phrase inside a sentence may not (`the "rebels" said` is said by the rebels).
    whole = quote.open_sentence or not any(_is_word(token[2]) for token in before)
    found = (
        (_after(after, whole) if after else None)
        or _before(before)
        or _sentence_final(after)
        or _according_to(after, 0, len(after))
        or _according_to(before, 0, len(before))
    )
    if found is None:
        return None
    start, end, _ = found
    return (start, end, "pronoun") if text[start:end].lower() in PRONOUNS else found


def _after(tokens: list[_Token], open_sentence: bool) -> _Found | None:
    """`“...,” Guterres said`, `“...,” said Guterres`, `“...,” according to Reuters`."""
    first = 0
    while first < len(tokens) and tokens[first][2] in (",", "—", "–"):
        first += 1
    if first == len(tokens) or not open_sentence:
        return None
    if _is_verb(tokens, first):
        name = _name_after(tokens, first + 1)
        return _span(tokens, name, "said after") if name else None
    if tokens[first][2].lower() == "according":
        return _according_to(tokens, first, first + 1)
    if tokens[first][2].lower() in _SUBJECT_START_STOP:
        return None
    words = 0
    for index in range(first, len(tokens)):
        word = tokens[index][2]
        if _is_verb(tokens, index):
            if _is_passive(tokens, index):
                return None
            name = _trim(tokens, first, index)
            return _span(tokens, name, "said after") if name else None
        if word in _SENTENCE_ENDS or word in ";:" or word in DOUBLE_MARKS:
            return None
        if _is_word(word):
            words += 1
            if words > MAX_SPEAKER_WORDS:
                return None
    return None


def _sentence_final(tokens: list[_Token]) -> _Found | None:
    """`The president “strongly condemns” the attack, his office said.`: the attribution closes
    the sentence, after its last comma."""
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index][2] == ",":
            return _after(tokens[index:], open_sentence=True)
    return None


def _before(tokens: list[_Token]) -> _Found | None:
    """`Guterres said: “...”`, `A White House statement said Trump “...”`, `according to X, “...”`."""
    ending = len(tokens)
    while ending and tokens[ending - 1][2] in (",", "—", "–"):
        ending -= 1
    # `According to Reuters, “...”`: the name runs right up to the quote
    for index in range(ending - 2, -1, -1):
        if tokens[index][2].lower() == "according" and tokens[index + 1][2].lower() == "to":
            name = _name_after(tokens, index + 2)
            if name and name[1] == ending:
                return _span(tokens, name, "according to")
            break
    verbs = [i for i in range(len(tokens)) if _is_verb(tokens, i) and not _is_passive(tokens, i)]
    if not verbs:
        return None
    cue = "colon" if tokens[-1][2] == ":" else "said before"
    name = _subject(tokens, verbs)
    if name is None and not any(_is_word(token[2]) for token in tokens[: verbs[-1]]):
        # `“...,” warns Marco Minitti, “...”`: the second half of a quote its speaker interrupts
        name = _name_after(tokens, verbs[-1] + 1)
        if name and any(_is_word(token[2]) for token in tokens[name[1] : ending]):
            name = None
    return _span(tokens, name, cue) if name else None


def _subject(tokens: list[_Token], verbs: list[int]) -> tuple[int, int] | None:
    """The words before the last speech verb that name who speaks, as token indexes."""
    k = len(verbs) - 1
    while True:
        verb = verbs[k]
        end = _strip_end(tokens, 0, verb)
        last = tokens[end - 1][2].lower() if end else ""
        if not (k and (last in _CONJUNCTIONS or tokens[verb][2].endswith("ing"))):
            break
        # `Peskov ... denied any support and emphasised “...”`: the first verb's subject speaks
        k -= 1
    if last in _RELATIVES:
        end = _strip_end(tokens, 0, end - 1)  # `the minister, who said “...”`
    elif end < verb and tokens[end][2] == ",":
        # `Officials, who spoke on condition of anonymity because ..., said`: the clause between
        # the commas describes the subject, and its words ("because") must not cut it
        for index in range(end - 2, 0, -1):
            if tokens[index][2] == "," and tokens[index + 1][2] in _RELATIVES:
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
    start = chunks[0][0]
    while start < end and tokens[start][2].lower() in _CONJUNCTIONS:
        start += 1
    if _count_words(tokens, start, end) > MAX_SPEAKER_WORDS:
        start = chunks[-1][0]
        words = [index for index in range(start, end) if _is_word(tokens[index][2])]
        start = words[max(0, len(words) - MAX_SPEAKER_WORDS)]
    return _trim(tokens, start, end)


def _according_to(tokens: list[_Token], start: int, end: int) -> _Found | None:
    """`according to X` anywhere in `tokens[start:end]`, the last one first."""
    for index in range(min(end, len(tokens) - 1) - 1, start - 1, -1):
        if tokens[index][2].lower() == "according" and tokens[index + 1][2].lower() == "to":
            name = _name_after(tokens, index + 2)
            return _span(tokens, name, "according to") if name else None
    return None


def _name_after(tokens: list[_Token], start: int) -> tuple[int, int] | None:
    """The name phrase that starts at `start` and runs to punctuation or a clause word."""
    index = start
    words = 0
    while index < len(tokens):
        word = tokens[index][2]
        if not _is_word(word):
            if word not in "&’'":
                break
        elif (word.islower() and word in _NAME_STOP) or _is_verb(tokens, index):
            break
        else:
            words += 1
            if words > MAX_SPEAKER_WORDS:
                break
        index += 1
    name = _trim(tokens, start, index)
    if name is None or _is_verb(tokens, name[0]) or tokens[name[0]][2] in _SUBJECT_START_STOP:
        return None
    return name


def _trim(tokens: list[_Token], start: int, end: int) -> tuple[int, int] | None:
    """`tokens[start:end]` without the punctuation, conjunctions and adverbs at its edges."""
    while start < end and (not _is_word(tokens[start][2]) or tokens[start][2].lower() in _CONJUNCTIONS):
        start += 1
    end = _strip_end(tokens, start, end)
    while end > start and tokens[end - 1][2].lower() in _FUNCTION_WORDS:
        end = _strip_end(tokens, start, end - 1)
    if end <= start or all(tokens[i][2].lower() in _FUNCTION_WORDS for i in range(start, end)):
        return None
    return start, end


def _strip_end(tokens: list[_Token], start: int, end: int) -> int:
    """Where `tokens[start:end]` ends once trailing punctuation, auxiliaries and adverbs are gone."""
    while end > start:
        word = tokens[end - 1][2]
        if _is_word(word) and not _is_adverb(word):
            break
        end -= 1
    return end


def _is_adverb(word: str) -> bool:
    return word in _ADVERBS or (
        word.islower() and word.endswith("ly") and len(word) > 4 and word not in _NOT_ADVERBS
    )


def _chunks(tokens: list[_Token], start: int, end: int) -> list[tuple[int, int]]:
    """`tokens[start:end]` split at commas and dashes, empty pieces left out."""
    chunks = []
    piece = start
    for index in range(start, end + 1):
        if index == end or tokens[index][2] in (",", "—", "–"):
            if _count_words(tokens, piece, index):
                chunks.append((piece, index))
            piece = index + 1
    return chunks


def _is_adverbial(tokens: list[_Token], chunk: tuple[int, int]) -> bool:
    """`On Friday`, `In a joint statement`, `Three days ago`: when, not who."""
    words = [tokens[i][2].lower() for i in range(*chunk) if _is_word(tokens[i][2])]
    return bool(words) and (words[0] in _ADVERBIAL or words[-1] == "ago")


def _is_verb(tokens: list[_Token], index: int) -> bool:
    """A speech verb, unless a determiner or a following verb shows it is a noun ("the reports said")."""
    word = tokens[index][2]
    if word not in SPEECH_VERBS:
        return False
    if index and tokens[index - 1][2].lower() in _NOUN_MARKERS:
        return False
    return not (index + 1 < len(tokens) and tokens[index + 1][2] in SPEECH_VERBS)


def _is_passive(tokens: list[_Token], index: int) -> bool:
    """`was told`, `has long been described`, `written by`: someone else is the speaker."""
    if index + 1 < len(tokens) and tokens[index + 1][2] == "by":
        return True
    for back in range(index - 1, max(-1, index - 4), -1):
        word = tokens[back][2].lower()
        if word in _BE:
            return True
        if not _is_adverb(word):
            return False
    return False


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


def _count_words(tokens: list[_Token], start: int, end: int) -> int:
    return sum(1 for index in range(start, end) if _is_word(tokens[index][2]))


def _is_sentence_end(tokens: list[_Token], index: int) -> bool:
    """A full stop (or ! ? …) followed by a capitalised word: a boundary the sentence spans missed."""
    if tokens[index][2] not in _SENTENCE_ENDS or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1][2]
    return following[0].isupper() or following in DOUBLE_MARKS


def _last_sentence(tokens: list[_Token]) -> list[_Token]:
    """The tokens after the last sentence end or semicolon; a quote opening after a full stop
    starts a sentence of its own (`..., Haftar told reporters. “...”`)."""
    if tokens and tokens[-1][2] in _SENTENCE_ENDS:
        return []
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index][2] == ";" or _is_sentence_end(tokens, index):
            return tokens[index + 1 :]
    return tokens


def _first_sentence(tokens: list[_Token]) -> list[_Token]:
    for index in range(len(tokens)):
        if _is_sentence_end(tokens, index):
            return tokens[: index + 1]
    return tokens


def _span(tokens: list[_Token], name: tuple[int, int] | None, cue: str) -> _Found | None:
    if name is None:
        return None
    start, end = name
    return tokens[start][0], tokens[end - 1][1], cue


def _inherit_speakers(
    text: str, marked: Sequence[Marked], found: list[_Found | None], paragraphs: Sequence[tuple[int, int]]
) -> None:
    """Give a quote without a speaker the one of the quote it continues.

    Same speaker: `“A,” he said. “B.”` and `“peace”, “stability” and “unity”`, where little more
    than the attribution lies between the two. Continued: a quote left open at a paragraph's end
    and the quote that reopens the next paragraph are one quote in two parts. A pronoun stays a
    `pronoun` so the resolver still maps it.
    """
    for k in range(1, len(marked)):
        quote, previous = marked[k], marked[k - 1]
        source = found[k - 1]
        if found[k] is not None or source is None:
            continue
        if previous.paragraph == quote.paragraph and quote.open - previous.close <= MAX_WINDOW:
            between = _tokens(text, previous.close, quote.open)
            words = _count_words(between, 0, len(between))
            sentence_ends = sum(1 for token in between if token[2] in _SENTENCE_ENDS)
            attributed_between = previous.close <= source[0] and sentence_ends <= 1 and words <= 15
            if attributed_between or (words <= 3 and sentence_ends == 0) or _goes_on(between):
                found[k] = _inherited(source, "same speaker")
        elif _continues(text, previous, quote, paragraphs):
            found[k] = _inherited(source, "continued")
    for k in range(len(marked) - 2, -1, -1):
        source = found[k + 1]
        if found[k] is None and source is not None and _continues(text, marked[k], marked[k + 1], paragraphs):
            found[k] = _inherited(source, "continued")


def _goes_on(between: list[_Token]) -> bool:
    """`called the decision “outrageous” and said it would “...”`: the same subject speaks again."""
    words = [token[2] for token in between if _is_word(token[2])]
    if not words or words[0].lower() not in _CONJUNCTIONS:
        return False
    index = 1
    while index < len(words) and _is_adverb(words[index]):
        index += 1
    return (
        index < len(words)
        and words[index] in SPEECH_VERBS
        and not any(token[2] in _SENTENCE_ENDS for token in between)
    )


def _continues(text: str, previous: Marked, quote: Marked, paragraphs: Sequence[tuple[int, int]]) -> bool:
    """Is `quote` the reopening, at the start of the next paragraph, of `previous` left open?"""
    return (
        not previous.closed
        and quote.paragraph == previous.paragraph + 1
        and not text[paragraphs[quote.paragraph][0] : quote.open].strip()
    )


def _inherited(source: _Found, cue: str) -> _Found:
    start, end, was = source
    return start, end, "pronoun" if was == "pronoun" else cue
