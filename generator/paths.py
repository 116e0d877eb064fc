"""How input and output files are named in messages and exports: posix, relative to the project."""

from __future__ import annotations

import os
import re
from pathlib import Path

from slugify import slugify


def display_path(path: Path, root: Path) -> str:
    """Posix path relative to the project root when inside it, else as given.

    Not resolve(): a symlinked seed is named by its own path, not its target's.
    """
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return path.as_posix()


def slug(text: str, keep: str = "") -> str:
    """`Le Monde/Été 2019` -> `le-monde-ete-2019`, `Путин` -> `putin`: ASCII, lower case, hyphens.

    python-slugify transliterates every script (text-unidecode), so a name in Cyrillic or Arabic
    gets a readable id. `keep` lists extra characters that survive (article ids keep `_`). Empty
    when nothing is left.
    """
    pattern = rf"[^-a-z0-9{re.escape(keep)}]+"
    return slugify(text, regex_pattern=pattern).strip("-" + keep)
