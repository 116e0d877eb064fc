"""Stage 4, compare: what the articles share, copy, quote, count and name differently.

Takes the resolved corpus (articles, entities, mentions, quotes with speakers, figures, the
researcher's stories and provenance decisions); gives copies and shared passages (`reuse.py`),
the same quote across outlets (`quotes.py`), who names whom and how (`coverage.py`), which
articles tell one story (`stories.py`), and who echoes whom: the agencies each article is
credited to or cites (`credits.py`), the links between articles and the independent accounts
(`provenance.py`). `corpus.py` runs them in order.
"""
