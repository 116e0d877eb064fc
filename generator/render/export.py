"""The data downloads: everything the site shows, as JSON and CSV. Pure, like the page renderer.

Offsets in later exports (mentions, quotes, reuse) are character offsets into each article's
`text` here, the exact string the site shows.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
from typing import Any

from generator.model import Article, Corpus, Entity, Mention, Page, Reuse
from generator.render.outlets import outlet_records
from generator.render.places import place_records
from generator.render.provenance import provenance_records

ARTICLE_COLUMNS = ("id", "source", "title", "outlet", "author", "date", "dateline", "url", "copy_of", "words")
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


TERM_COLUMNS = ("term", "words", "article", "start", "end", "text", "quoted", "sentence", "copy_of")

MENTION_COLUMNS = (
    "article",
    "start",
    "end",
    "text",
    "entity",
    "entity_name",
    "type",
    "sentence",
    "descriptors",
)


def render_data(corpus: Corpus) -> list[Page]:
    entities = [entity_record(entity, corpus) for entity in corpus.entities]
    mentions = [mention_record(mention, corpus) for mention in corpus.mentions]
    terms = term_records(corpus)
    return [
        *render_article_data(corpus),
        Page("data/entities.json", to_json(entities)),
        Page("data/mentions.csv", to_csv(mentions, MENTION_COLUMNS)),
        Page("data/quotes.json", to_json(quote_records(corpus))),
        Page("data/terms.json", to_json(terms)),
        Page("data/terms.csv", to_csv([use for term in terms for use in term["uses"]], TERM_COLUMNS)),
        Page("data/reuse.json", to_json([reuse_record(reuse) for reuse in corpus.comparison.reuse])),
        Page("data/figures.json", to_json(figure_records(corpus))),
        Page("data/coverage.json", to_json(coverage_records(corpus))),
        Page("data/stories.json", to_json(story_records(corpus))),
        Page("data/provenance.json", to_json(provenance_records(corpus))),
        Page("data/outlets.json", to_json(outlet_records(corpus))),
        Page("data/places.json", to_json(place_records(corpus))),
    ]


def render_article_data(corpus: Corpus) -> list[Page]:
    """The downloads that hold the articles and their highlights."""
    records = [article_record(article, corpus) for article in corpus]
    return [
        Page("data/articles.json", to_json(records)),
        Page("data/articles.csv", to_csv(records, ARTICLE_COLUMNS)),
    ]


def story_records(corpus: Corpus) -> dict[str, Any]:
    """The stories (none when the corpus is one story) and the articles in none."""
    return {
        "stories": [
            {"id": story.id, "name": story.name, "description": story.description,
             "articles": list(story.articles), "origin": story.origin}
            for story in corpus.comparison.stories
        ],
        "unstoried": list(corpus.comparison.unstoried),
    }  # fmt: skip


def quote_records(corpus: Corpus) -> list[dict[str, Any]]:
    """Every quote, and every unmarked version of a shared quote (`quoted: false`)."""
    records = []
    for article in corpus:
        for quote in corpus.quotes_in(article.id):
            group = corpus.quote_group(article.id, quote.start)
            speaker_text = (
                article.text[quote.speaker_start : quote.speaker_end]
                if quote.speaker_start is not None and quote.speaker_end is not None
                else None
            )
            records.append(
                {"article": quote.article, "start": quote.start, "end": quote.end, "text": quote.text,
                 "quoted": True, "speaker": quote.speaker, "speaker_text": speaker_text,
                 "speaker_start": quote.speaker_start, "speaker_end": quote.speaker_end,
                 "cue": quote.cue or None,
                 "group": group.id if group else None, "trimmed": None, "altered": None}
            )  # fmt: skip
    quoted = {(record["article"], record["start"]): record for record in records}
    for group in corpus.comparison.quote_groups:
        for version in group.versions:
            record = quoted.get((version.article, version.start)) if version.quoted else None
            if record is not None:
                record["trimmed"], record["altered"] = version.trimmed, version.altered
            elif not version.quoted:
                carrier = corpus.get(version.article)
                records.append(
                    {"article": version.article, "start": version.start, "end": version.end,
                     "text": carrier.text[version.start : version.end] if carrier else None, "quoted": False,
                     "speaker": None, "speaker_text": None, "speaker_start": None, "speaker_end": None,
                     "cue": None, "group": group.id, "trimmed": version.trimmed, "altered": version.altered}
                )  # fmt: skip
    return records


def term_records(corpus: Corpus) -> list[dict[str, Any]]:
    """Every shared term with every use: in quotation marks (`quoted`) or adopted without them.

    `quoted_in` and `unquoted_in` name articles; `sources` counts them with each copy counted
    as its original.
    """
    records = []
    for term in corpus.comparison.terms:
        uses = []
        quoted_in: set[str] = set()
        unquoted_in: set[str] = set()
        sources: set[str] = set()
        for use in term.uses:
            article, copy = corpus.get(use.article), corpus.copy_of(use.article)
            sentences = corpus.sentences.get(use.article, ())
            index = bisect.bisect_right(sentences, use.start, key=lambda span: span[0]) - 1
            uses.append(
                {"term": term.id, "words": term.words, "article": use.article, "start": use.start,
                 "end": use.end, "text": article.text[use.start : use.end] if article else None,
                 "quoted": use.quoted, "sentence": index if index >= 0 else None,
                 "copy_of": copy.original if copy else None}
            )  # fmt: skip
            (quoted_in if use.quoted else unquoted_in).add(use.article)
            sources.add(copy.original if copy else use.article)
        records.append(
            {"id": term.id, "words": term.words, "text": term.text,
             "sources": len(sources), "quoted_in": sorted(quoted_in),
             "unquoted_in": sorted(unquoted_in), "uses": uses}
        )  # fmt: skip
    return records


def reuse_record(reuse: Reuse) -> dict[str, Any]:
    return {
        "first": reuse.first,
        "second": reuse.second,
        "overlap": reuse.overlap,
        "copy": reuse.copy,
        "likely_source": reuse.first if reuse.dated else None,
        "passages": [
            {"first": {"start": a.start, "end": a.end}, "second": {"start": b.start, "end": b.end}}
            for a, b in reuse.passages
        ],
    }


def figure_records(corpus: Corpus) -> dict[str, Any]:
    group_of = {(f.article, f.start): g.unit for g in corpus.comparison.figures for f in g.figures}
    return {
        "figures": [
            {"article": f.article, "start": f.start, "end": f.end, "text": f.text, "value": f.value,
             "approximate": f.approximate, "unit": f.unit, "context": f.context,
             "compared": (f.article, f.start) in group_of}
            for f in corpus.figures
        ],
        "disagreements": [g.unit for g in corpus.comparison.figures if g.disagree],
        "dates": [
            {"article": d.article, "start": d.start, "end": d.end, "text": d.text, "date": d.date}
            for d in corpus.dates
        ],
    }  # fmt: skip


def coverage_records(corpus: Corpus) -> dict[str, Any]:
    coverage = corpus.comparison.coverage
    return {
        "matrix": [
            {"entity": e, "counts": {a: coverage.counts.get((e, a), 0) for a in coverage.articles}}
            for e in coverage.entities
        ] if coverage else [],
        "exclusive": dict(coverage.exclusive) if coverage else {},
        "missing": dict(coverage.missing) if coverage else {},
        "labels": [
            {"entity": labels.entity,
             "by_outlet": [{"outlet": o, "labels": [{"label": la, "count": n} for la, n in items]}
                           for o, items in labels.by_outlet]}
            for labels in corpus.comparison.labels
        ],
        "pairs": [
            {"first": pair.first, "second": pair.second,
             "sentences": [{"article": a, "sentence": i} for a, i in pair.sentences]}
            for pair in corpus.comparison.pairs
        ],
    }  # fmt: skip


def entity_record(entity: Entity, corpus: Corpus) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type.value,
        "aliases": list(entity.aliases),
        "description": entity.description,
        "links": dict(entity.links),
        "curated": entity.curated,
        "why": list(entity.why),
        "typed_by": list(entity.typed_by),
        "mentions": [
            {"article": m.article, "start": m.start, "end": m.end, "text": m.text, "sentence": m.sentence,
             "descriptors": list(m.descriptors)}
            for m in corpus.mentions_of(entity.id)
        ],
    }  # fmt: skip


def mention_record(mention: Mention, corpus: Corpus) -> dict[str, Any]:
    entity = corpus.entity(mention.entity)
    return {
        "article": mention.article,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "entity": mention.entity,
        "entity_name": entity.name if entity else None,
        "type": entity.type.value if entity else None,
        "sentence": mention.sentence,
        "descriptors": "; ".join(mention.descriptors),
    }


def article_record(article: Article, corpus: Corpus) -> dict[str, Any]:
    copy = corpus.copy_of(article.id)
    meta = article.meta
    return {
        "id": article.id,
        "source": article.source,
        "title": meta.title,
        "outlet": meta.outlet,
        "author": meta.author,
        "date": meta.date,
        "dateline": meta.dateline,
        "url": meta.url,
        "copy_of": copy.original if copy else None,
        "copy_overlap": copy.overlap if copy else None,
        "words": article.words,
        "labels": [{"label": key, "value": value} for key, value in meta.labels],
        "origins": dict(article.origins),
        "paragraphs": [[paragraph.start, paragraph.end] for paragraph in article.paragraphs],
        "highlights": [
            {
                "start": h.start,
                "end": h.end,
                "text": article.text[h.start : h.end],
                "note": h.note,
                "tags": list(h.tags),
                "origin": h.origin,
            }
            for h in corpus.highlights_in(article.id)
        ],
        "text": article.text,
        "removed": [{"text": removed.text, "reason": removed.reason} for removed in article.removed],
    }


def to_json(records: list[dict[str, Any]] | dict[str, Any]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def to_csv(records: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record[column]) for column in columns])
    return buffer.getvalue()


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
