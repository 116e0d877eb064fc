"""The MkDocs adapter: `mkdocs build` and `mkdocs serve` run the same `build()` as the CLI.

Only changed files are written, so `mkdocs serve` reloads once after an edit, not in a loop.
The raw HTML blocks of generated pages go around Python-Markdown (see `generator.passthrough`).
Hand-written pages the nav does not list are added under "Notes" (see `generator.notes`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.build import Project, build
from generator.model import Severity
from generator.notes import add_notes, find_notes
from generator.passthrough import SetAside, set_aside
from generator.render.pages import SiteOptions
from generator.serving import SESSION, check_layout, repair_site
from generator.write import is_generated

log = logging.getLogger("mkdocs.plugins.parallax")
SEARCH_STOP = "<!--parallax:search-stop-->"
"""Where search stops indexing a generated page: on entity pages, before the mentions, which are
the articles' own sentences (indexed on the article pages). Parsing them for the index was a
third of `mkdocs build` at 2,000 articles."""


class ParallaxConfig(Config):
    # Folders relative to mkdocs.yml; MkDocs makes them absolute. They need not exist yet: a
    # missing seeds folder is reported by the build, not by MkDocs.
    seeds = config_options.Dir(exists=False, default="seeds")
    annotations = config_options.Dir(exists=False, default="annotations")
    entity_page_min_mentions = config_options.Type(int, default=2)
    # Any installed spaCy pipeline (en_core_web_md, _lg, _trf); unset: the pinned small model.
    model = config_options.Optional(config_options.Type(str))


def site_options(config: MkDocsConfig, plugin: ParallaxConfig) -> SiteOptions:
    """What the pages depend on from mkdocs.yml; `parallax build` reads the same values."""
    return SiteOptions(config.use_directory_urls, plugin.entity_page_min_mentions, plugin.model)


def kept_out_of_nav(config: MkDocsConfig) -> Callable[[str], bool]:
    """The pages MkDocs does not ask for in the nav: `exclude_docs`, `draft_docs`, `not_in_nav`."""
    specs = [s for s in (config.exclude_docs, config.draft_docs, config.not_in_nav) if s is not None]
    return lambda path: any(spec.match_file(path) for spec in specs)


class ParallaxPlugin(BasePlugin[ParallaxConfig]):
    def __init__(self) -> None:
        self.set_aside: dict[str, SetAside] = {}
        self.whole: dict[str, str] = {}
        """Pages whose content the search plugin sees only up to SEARCH_STOP, in full."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Without a nav, MkDocs lists every page itself.
        if config.nav is not None:
            notes = find_notes(
                Path(config.docs_dir),
                config.nav,
                generated=is_generated,
                kept_out=kept_out_of_nav(config),
            )
            if notes:
                config.nav = add_notes(config.nav, notes)
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        SESSION.dirty = command == "serve" and dirty

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if SESSION.dirty and check_layout(config, nav, files):
            log.info("parallax: the navigation, mkdocs.yml or your pages changed: every page is rebuilt")
        return nav

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if SESSION.dirty:
            carried = repair_site(config)
            if carried:
                log.info("parallax: search entries of %d pages not rebuilt carried over", carried)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, **_: Any) -> LiveReloadServer:
        # `mkdocs serve` rebuilds when a seed or an annotation changes; mkdocs.yml names each
        # folder once, in this plugin's options, instead of again under `watch:`.
        for folder in (self.config.seeds, self.config.annotations):
            if Path(folder).is_dir():
                server.watch(folder)
        return server

    def on_pre_build(self, *, config: MkDocsConfig, **_: Any) -> None:
        root = Path(config.config_file_path).parent
        project = Project(root, Path(self.config.seeds), Path(self.config.annotations), Path(config.docs_dir))
        try:
            result = build(project, site_options(config, self.config))
        except OSError as error:
            raise PluginError(f"parallax: cannot run: {error}") from error
        if result.written is not None:
            SESSION.removed = result.written.removed
        for problem in result.problems:
            (log.error if problem.severity is Severity.ERROR else log.warning)(str(problem))
        log.info("parallax: %s", result.summary())

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, **_: Any) -> str:
        if not is_generated(page.file.src_uri):
            return markdown
        aside = set_aside(markdown)
        self.set_aside[page.file.src_uri] = aside
        return aside.markdown

    def on_page_content(self, html: str, *, page: Page, **_: Any) -> str:
        aside = self.set_aside.pop(page.file.src_uri, None)
        if aside is None:
            return html
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= aside.anchor_ids()
        html = aside.restore(html)
        # The search plugin indexes the page's content in its `on_page_context`, which runs before
        # this plugin's (mkdocs.yml lists search first): it gets the page up to SEARCH_STOP, and the
        # page gets its whole content back before its template is rendered.
        stop = html.find(SEARCH_STOP)
        if stop < 0:
            return html
        self.whole[page.file.src_uri] = html
        return html[:stop]

    def on_page_context(self, context: Any, *, page: Page, **_: Any) -> Any:
        if SESSION.dirty:
            SESSION.rebuilt.add(page.url)
        whole = self.whole.pop(page.file.src_uri, None)
        if whole is not None:
            page.content = whole
        return context
