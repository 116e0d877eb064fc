"""Stage 5, render: the corpus -> `Page`s of Markdown and data files. Pure: strings, no I/O.

Takes the whole `Corpus` and the site options; gives every page and data download as a `Page`
(a path and its text) for the writer. `pages.py` fills the Jinja templates in `templates/`;
`comparison.py` builds the comparison page's HTML pieces, with `diff.py` for changed words and
`svg.py` for pictures; `provenance.py` what the pages say about who echoes whom, with its
diagram and `provenance.json`; `outlets.py` the outlet pages; `places.py` locates the places
and `worldmap.py` draws the map on the country shapes `topojson.py` reads from `data/world-atlas/`;
`export.py` the data downloads; `review.py` the entity review file. Every
value from a source or the researcher's YAML passes through `escape.py`.
"""
