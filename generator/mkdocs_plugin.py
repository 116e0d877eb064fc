"""The MkDocs adapter: `mkdocs build` and `mkdocs serve` run the same `build()` as the CLI.

Only changed files are written, so `mkdocs serve` reloads once after an edit, not in a loop.
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
from mkdocs.plugins import BasePlugin

from generator.build import Project, build
from generator.model import Severity
from generator.notes import add_notes, find_notes
from generator.render.pages import SiteOptions
from generator.write import is_generated

log = logging.getLogger("mkdocs.plugins.parallax")


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
        for problem in result.problems:
            (log.error if problem.severity is Severity.ERROR else log.warning)(str(problem))
        log.info("parallax: %s", result.summary())
