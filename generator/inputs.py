"""What a build reads, as one fingerprint: if it and the files written last time are unchanged,
the pages would come out the same, so `build()` can skip the work.

The fingerprint covers every seed and annotation file (by content), the generator's own code,
templates and data, the versions of every installed package (the language model, the HTML
reader...), the site options and where the inputs live.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Inputs:
    digest: str
    """The one fingerprint of everything."""
    base: str
    """The fingerprint of everything but the annotation files: environment, settings, seeds."""
    annotations: dict[str, str]
    """Each annotation file (posix path inside the annotations folder) -> its content's hash."""


def fingerprint(seeds: Path, annotations: Path, settings: str) -> str:
    return read_inputs(seeds, annotations, settings).digest


def read_inputs(seeds: Path, annotations: Path, settings: str) -> Inputs:
    digest = hashlib.sha256()
    digest.update(_environment().encode())
    digest.update(settings.encode())
    files: dict[str, dict[str, str]] = {}
    for label, folder in (("seeds", seeds), ("annotations", annotations)):
        digest.update(f"\0{label}\0{folder}\0".encode())
        files[label] = {}
        for path in _files(folder):
            relative = path.relative_to(folder).as_posix()
            content = hashlib.sha256(path.read_bytes())
            digest.update(f"{relative}\0".encode())
            digest.update(content.digest())
            files[label][relative] = content.hexdigest()
        if label == "seeds":
            base = digest.hexdigest()
    return Inputs(digest.hexdigest(), base, files["annotations"])


@cache
def _environment() -> str:
    """The generator's files and the installed packages' versions; fixed for a process's life.

    `mkdocs serve` reloads neither the generator nor packages without a restart, so caching
    this per process is as fresh as the code that runs.
    """
    digest = hashlib.sha256()
    for path in _files(_PACKAGE):
        if "__pycache__" not in path.parts:
            digest.update(f"{path.relative_to(_PACKAGE).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*") if path.is_file())
