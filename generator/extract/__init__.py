"""Stage 2, extract: each article's text -> what it says, read one article at a time.

Takes articles; gives candidate names and sentences (`runner.py` runs spaCy's model, cached per
article; `rules.py` and `name_types.py` correct its names with the word lists `names.py` reads
from `data/`), quotes with the phrase naming their speaker (`marks.py` pairs the quotation marks,
`quotes.py` finds the speaker), and figures and dates (`figures.py`, `dates.py`, reading words
alike through `words.py`; `build.py` runs these two in stage 3, once the researcher's metadata is
applied, since a date without a year takes the article's). Nothing here looks across articles.
"""
