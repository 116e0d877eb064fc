"""Parallax: a folder of news articles -> a research microsite built by MkDocs."""

__version__ = "0.1.0"
