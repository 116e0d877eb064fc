"""How input and output files are named in messages and exports: posix, relative to the project."""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path, root: Path) -> str:
    """Posix path relative to the project root when inside it, else as given.

    Not resolve(): a symlinked seed is named by its own path, not its target's.
    """
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return path.as_posix()
