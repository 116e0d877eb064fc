"""The words an article puts in quotation marks, and the phrase naming who said them.

Plain scanning, linear in the text: `marks.py` pairs the quotation marks within each paragraph;
`attribution.py` searches each quote's sentence for a speech verb ("said", "told", "warned"...)
and the words naming its subject; `carry.py` gives a quote whose sentence names nobody the
speaker of the quote it continues or of the sentence introducing it. The words become an entity
later, in `resolve/speakers.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.extract.attribution import Sentences, find_speaker
from generator.extract.carry import carry_speakers
from generator.extract.marks import pair_marks, paragraph_spans
from generator.model import Article, Quote


def extract_quotes(article: Article, sentences: Sequence[tuple[int, int]]) -> tuple[Quote, ...]:
    """Every quotation in the article's text, in text order, with the words naming its speaker.

    `sentences` are the article's sentence spans (from extraction); the speaker is looked for in
    the sentence(s) around the quote, then in the quote or sentence just before it. Nothing is
    filtered by length: scare quotes ("war") are quotes too.
    """
    text = article.text
    paragraphs = paragraph_spans(article)
    marked = [
        quote
        for index, (start, end) in enumerate(paragraphs)
        for quote in pair_marks(text, start, end, index)
    ]
    around = Sentences(sentences, len(text))
    found = [
        find_speaker(text, marked, k, paragraphs[quote.paragraph], around) for k, quote in enumerate(marked)
    ]
    carry_speakers(text, marked, found, paragraphs)
    quotes = []
    for quote, speaker in zip(marked, found, strict=True):
        start, end, cue = speaker if speaker else (None, None, "")
        quotes.append(
            Quote(article.id, quote.start, quote.end, text[quote.start : quote.end], start, end, cue)
        )
    return tuple(quotes)
