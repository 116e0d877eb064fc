"""Stage 4, compare: what the articles share, copy, quote, count and name differently.

Takes the resolved corpus (articles, entities, mentions, quotes with speakers, figures, the
researcher's stories); gives copies and shared passages (`reuse.py`), the same quote across
outlets (`quotes.py`), who names whom and how (`coverage.py`), and which articles tell one story
(`stories.py`). `corpus.py` runs them in order.
"""
