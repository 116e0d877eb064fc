"""How input and output files are named in messages and exports: posix, relative to the project."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path


def display_path(path: Path, root: Path) -> str:
    """Posix path relative to the project root when inside it, else as given.

    Not resolve(): a symlinked seed is named by its own path, not its target's.
    """
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return path.as_posix()


def slug(text: str, keep: str = "") -> str:
    """`Le Monde/Été 2019` -> `le-monde-ete-2019`: ASCII, lower case, hyphens; `keep` lists extra
    characters that survive (article ids keep `_`). Empty when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(rf"[^a-z0-9{re.escape(keep)}]+", "-", ascii_text.lower()).strip("-" + keep)
