"""`mkdocs serve --dirty` kept right: what the plugin carries from one rebuild to the next.

`make serve` runs `mkdocs serve --dirty`: after an edit MkDocs rebuilds only the pages whose
Markdown is newer than their HTML, and Parallax's writer touches only the files an edit changes,
so a highlight shows in seconds. A dirty rebuild alone leaves three things stale; the plugin
repairs them with this module:
- the search index would hold only the rebuilt pages (MkDocs makes new plugins for every
  rebuild, so the search plugin forgets the rest): the other pages' entries are carried over;
- a page Parallax no longer generates would still be served: its HTML is removed;
- when `mkdocs.yml`, the navigation or the set of hand-written pages changes, every page must
  show it: the site folder is emptied, so every page is rebuilt.

One `mkdocs serve` is one process, so the state lives here, at module level, for its life.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from generator.write import is_generated


@dataclass
class Session:
    dirty: bool = False
    """Set by `mkdocs serve --dirty` (the plugin's `on_startup`)."""
    layout: str | None = None
    """The fingerprint of mkdocs.yml, the navigation and the hand-written pages at the last build."""
    index: dict[str, Any] | None = None
    """The search index after the last build: every page's entries."""
    rebuilt: set[str] = field(default_factory=set)
    """URLs of the pages built in this build."""
    removed: tuple[str, ...] = ()
    """Pages (docs paths) the generator removed in this build."""


SESSION = Session()


def check_layout(config: MkDocsConfig, nav: Navigation, files: Files) -> bool:
    """Empty the site folder when what every page shows changed since the last build; True if so."""
    digest = hashlib.sha256()
    if config.config_file_path:
        digest.update(Path(config.config_file_path).read_bytes())
    for page in nav.pages:
        digest.update(f"\0{page.title}\0{page.url}".encode())
    for file in files.documentation_pages():
        if not is_generated(file.src_uri):
            digest.update(f"\0{file.src_uri}".encode())
    layout, SESSION.layout = SESSION.layout, digest.hexdigest()
    if layout is None or layout == SESSION.layout:
        return False
    utils.clean_directory(config.site_dir)
    return True


def repair_site(config: MkDocsConfig) -> int:
    """After a dirty build: remove the pages no longer generated and complete the search index.

    Returns how many pages' search entries were carried over.
    """
    gone = set()
    for path in SESSION.removed:
        if path.endswith(".md"):
            page = File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
            Path(page.abs_dest_path).unlink(missing_ok=True)
            gone.add(page.url)
    written = Path(config.site_dir) / "search" / "search_index.json"
    carried = 0
    if written.is_file():
        index = json.loads(written.read_text("utf-8"))
        if SESSION.index is not None:
            skip = SESSION.rebuilt | gone
            kept = [doc for doc in SESSION.index["docs"] if doc["location"].split("#")[0] not in skip]
            carried = len({doc["location"].split("#")[0] for doc in kept})
            index = {**index, "docs": [*kept, *index["docs"]]}
            written.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
        SESSION.index = index
    SESSION.rebuilt = set()
    SESSION.removed = ()
    return carried
