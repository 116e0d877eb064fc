"""Stage 1, load: the files in `seeds/` -> `Article`s, each with its metadata and paragraphs.

Takes a folder and the import settings; gives articles (text exactly as shown on the site, the
metadata the file states, boilerplate set aside with its reason) and the problems met. Reads
only. `seeds.py` walks the folder; `readers.py` has one reader per format; `decode.py` turns
bytes into normalised text; `header.py` and `body.py` split what is above and below the headline;
`boilerplate.py` knows what news pages wrap around a story; `markup.py` strips scraped Markdown.
"""
