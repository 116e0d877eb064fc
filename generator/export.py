"""The data downloads: everything the site shows, as JSON and CSV. Pure, like the page renderer.

Offsets in later exports (mentions, quotes, reuse) are character offsets into each article's
`text` here, the exact string the site shows.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.model import Article, Corpus, Entity, Mention, Page

ARTICLE_COLUMNS = ("id", "source", "title", "outlet", "author", "date", "dateline", "url", "copy_of", "words")
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
    records = [article_record(article, corpus) for article in corpus]
    entities = [entity_record(entity, corpus) for entity in corpus.entities]
    mentions = [mention_record(mention, corpus) for mention in corpus.mentions]
    return [
        Page("data/articles.json", to_json(records)),
        Page("data/articles.csv", to_csv(records, ARTICLE_COLUMNS)),
        Page("data/entities.json", to_json(entities)),
        Page("data/mentions.csv", to_csv(mentions, MENTION_COLUMNS)),
    ]


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


def to_json(records: list[dict[str, Any]]) -> str:
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
