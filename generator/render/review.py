"""The machine's entities as YAML a researcher can read and copy from (`parallax entities`)."""

from __future__ import annotations

from collections import Counter

import yaml

from generator.model import Corpus


def render_review(corpus: Corpus) -> str:
    """Entries shaped like `annotations/entities.yml`, with counts and reasons as comments-in-data."""
    entries = []
    for entity in sorted(corpus.entities, key=lambda e: (-len(corpus.mentions_of(e.id)), e.id)):
        mentions = corpus.mentions_of(entity.id)
        written = Counter(mention.text for mention in mentions)
        entries.append(
            {
                "id": entity.id,
                "name": entity.name,
                "type": entity.type.value,
                "aliases": list(entity.aliases),
                "mentions": len(mentions),
                "articles": len({mention.article for mention in mentions}),
                "written_as": dict(written.most_common()),
                "merged_because": list(entity.why),
                "curated": entity.curated,
            }
        )
    header = (
        "# Parallax's entities, for review. This file is rewritten by `parallax entities`; do not edit it.\n"
        "# To change an entity, copy its id (and the keys you change: name, type, aliases, description,\n"
        "# links, merge) into annotations/entities.yml. `mentions`, `articles`, `written_as` and\n"
        "# `merged_because` are information only.\n"
    )
    return header + yaml.safe_dump({"entities": entries}, allow_unicode=True, sort_keys=False, width=100)
