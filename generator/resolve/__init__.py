"""Stage 3, resolve: the whole corpus and the researcher's decisions -> entities and links.

Takes articles, extractions and annotations; gives articles with the researcher's metadata and
anchored highlights (`articles.py`, `anchor.py`), each article's outlet under one name with the
outlets described (`outlets.py`), entities merged across the corpus with the
curation applied (`entities.py`, `curation.py`), every mention of every alias (`link.py`), and
each quote's speaker (`speakers.py`). A human decision always beats the machine's.
"""
