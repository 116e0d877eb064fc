"""The researcher's YAML in `annotations/`: read, validated against JSON Schemas, typed.

Takes the folder; gives `Annotations` (article metadata and highlights, entity curation,
outlets, stories, provenance decisions) and the import settings, with every problem at
file:line:column. Reads only; the researcher's files are never written. `read.py` builds the
typed annotations, `outlets.py` reads `outlets.yml`, `provenance.py` reads `provenance.yml`,
`validate.py` checks them against `schemas/` and words the messages, `yamlfile.py` keeps every
key's position.
"""
