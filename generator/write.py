"""Stage 6, write: pages -> files in the docs folder. The only stage that touches the disk.

- A file is written only when its content changed (so `mkdocs serve` does not rebuild in a loop),
  atomically (temp file, then rename: a killed build leaves the old or the new version).
- A manifest (`<docs>/.parallax/manifest.json`) lists what the generator owns; only those files
  are ever replaced or removed. A file at a generated path that Parallax did not write is a
  reported conflict, never overwritten. A generated file edited by hand is saved before it is
  replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.model import Page, Problem, Severity

STATE_DIR = ".parallax"
MANIFEST = f"{STATE_DIR}/manifest.json"
RECORD = f"{STATE_DIR}/last-build.json"
EDITED_DIR = f"{STATE_DIR}/edited"
_TEMPORARY = re.compile(r"^\..+\.\d+\.tmp$")
GENERATED = (
    "index.md",
    "articles/",
    "entities/",
    "compare/",
    "network/",
    "outlets/",
    "map/",
    "data/",
    f"{STATE_DIR}/",
)
"""What Parallax owns in the docs folder, by path (a file, or a folder ending in `/`), written or not
yet: every page it renders falls here, and every other page there is the researcher's."""


@dataclass(frozen=True, slots=True)
class Written:
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    problems: tuple[Problem, ...]


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def is_generated(path: str) -> bool:
    """Whether `path` (posix, relative to the docs folder) is one of Parallax's, per `GENERATED`."""
    return any(path == owned or (owned.endswith("/") and path.startswith(owned)) for owned in GENERATED)


def write_pages(pages: Sequence[Page], docs: Path, display_docs: str, partial: bool = False) -> Written:
    """Write `pages`, the whole site; with `partial`, only some of its pages, the others left as they are."""
    # Hand-written pages are told apart from generated ones by path (see `generator.notes`).
    stray = [page.path for page in pages if not is_generated(page.path)]
    if stray:
        raise ValueError(f"rendered outside the paths in write.GENERATED: {', '.join(stray)}; add them there")
    manifest = read_manifest(docs)
    problems: list[Problem] = []
    written: list[str] = []
    unchanged: list[str] = []
    plan: dict[str, bytes] = {}
    for page in pages:
        content = page.content.encode("utf-8")
        target = docs / page.path
        current = _read(target)
        if current == content:
            unchanged.append(page.path)
            plan[page.path] = content
            continue
        if current is not None and page.path not in manifest:
            problems.append(
                Problem(
                    f"{display_docs}/{page.path}",
                    "exists but was not written by Parallax; not overwritten. Move or rename it "
                    "(or delete it if it is an old generated page) so the generated page can be written",
                    Severity.ERROR,
                )
            )
            continue
        plan[page.path] = content
    # Claim the new files before writing them, so an interrupted run still knows they are ours.
    _write_manifest(
        docs,
        {path: sorted({*manifest.get(path, []), digest(data)}) for path, data in plan.items()}
        | {path: hashes for path, hashes in manifest.items() if path not in plan},
    )
    same = set(unchanged)
    for path, content in plan.items():
        if path in same:
            continue
        target = docs / path
        current = _read(target)
        if current is not None and digest(current) not in manifest.get(path, [digest(current)]):
            _save_edited(docs, path, current)
            problems.append(
                Problem(
                    f"{display_docs}/{path}",
                    f"was edited by hand since Parallax wrote it; replaced, and your version saved to "
                    f"{display_docs}/{EDITED_DIR}/{path}. Make lasting changes in annotations/ instead",
                )
            )
        atomic_write(target, content)
        written.append(path)
    removed = [] if partial else _remove_stale(docs, display_docs, manifest, set(plan), problems)
    _remove_leftover_temporaries(docs, plan)
    kept = {path: hashes for path, hashes in manifest.items() if path not in plan} if partial else {}
    _write_manifest(docs, kept | {path: [digest(data)] for path, data in plan.items()})
    return Written(tuple(written), tuple(unchanged), tuple(removed), tuple(problems))


@dataclass(frozen=True, slots=True)
class LastBuild:
    """What the last complete build read and wrote, so an unchanged project can skip building."""

    inputs: str
    """The fingerprint of everything it read (see `generator.inputs`)."""
    articles: int
    problems: tuple[Problem, ...]
    files: dict[str, tuple[int, int]]
    """Each file it owns: (size, modification time in ns), to notice a file changed or removed."""

    def still_written(self, docs: Path) -> bool:
        for path, (size, modified) in self.files.items():
            try:
                found = (docs / path).stat()
            except OSError:
                return False
            if (found.st_size, found.st_mtime_ns) != (size, modified):
                return False
        return True


def forget_build(docs: Path) -> None:
    """Before writing: a build that stops half way must not look complete to the next one."""
    (docs / RECORD).unlink(missing_ok=True)


def record_build(
    docs: Path, inputs: str, articles: int, problems: Sequence[Problem], paths: Sequence[str]
) -> None:
    files = {}
    for path in sorted(paths):
        found = (docs / path).stat()
        files[path] = [found.st_size, found.st_mtime_ns]
    data = {
        "inputs": inputs,
        "articles": articles,
        "problems": [
            {
                "path": p.path,
                "message": p.message,
                "severity": p.severity.value,
                "line": p.line,
                "column": p.column,
            }
            for p in problems
        ],
        "files": files,
    }
    atomic_write(docs / RECORD, (json.dumps(data, indent=1) + "\n").encode())


def read_last_build(docs: Path) -> LastBuild | None:
    try:
        data = json.loads((docs / RECORD).read_text("utf-8"))
        return LastBuild(
            str(data["inputs"]),
            int(data["articles"]),
            tuple(
                Problem(p["path"], p["message"], Severity(p["severity"]), p["line"], p["column"])
                for p in data["problems"]
            ),
            {str(path): (int(size), int(modified)) for path, (size, modified) in data["files"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read_manifest(docs: Path) -> dict[str, list[str]]:
    try:
        data = json.loads((docs / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {str(path): [str(h) for h in hashes] for path, hashes in files.items() if isinstance(hashes, list)}


def _write_manifest(docs: Path, files: dict[str, list[str]]) -> None:
    data = {"generator": "parallax", "files": dict(sorted(files.items()))}
    content = (json.dumps(data, indent=1) + "\n").encode()
    if _read(docs / MANIFEST) != content:
        atomic_write(docs / MANIFEST, content)


def _remove_stale(
    docs: Path, display_docs: str, manifest: dict[str, list[str]], keep: set[str], problems: list[Problem]
) -> list[str]:
    removed = []
    for path in sorted(set(manifest) - keep):
        outcome = _remove_owned(docs, path, manifest[path])
        if outcome == "edited":
            problems.append(
                Problem(
                    f"{display_docs}/{path}",
                    f"is no longer generated but was edited by hand; your version saved to "
                    f"{display_docs}/{EDITED_DIR}/{path}",
                )
            )
        if outcome:
            removed.append(path)
    return removed


def _remove_owned(docs: Path, path: str, hashes: list[str]) -> str | None:
    """Delete a file Parallax wrote; a hand-edited one is saved first. None when already gone."""
    target = docs / path
    current = _read(target)
    if current is None:
        return None
    edited = digest(current) not in hashes
    if edited:
        _save_edited(docs, path, current)
    target.unlink()
    _remove_empty_parents(target.parent, docs)
    return "edited" if edited else "removed"


def _remove_leftover_temporaries(docs: Path, plan: dict[str, bytes]) -> None:
    """Temporary files of a build that was killed before it could rename them."""
    for folder in {(docs / path).parent for path in plan} | {docs / STATE_DIR}:
        for leftover in folder.glob(".*.tmp"):
            if _TEMPORARY.match(leftover.name):
                leftover.unlink(missing_ok=True)


def _remove_empty_parents(folder: Path, docs: Path) -> None:
    while folder != docs and docs in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _save_edited(docs: Path, path: str, content: bytes) -> None:
    atomic_write(docs / EDITED_DIR / path, content)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


def atomic_write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(content)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def clean_generated(docs: Path) -> list[str]:
    """Remove every file the manifest lists (for `parallax clean`); hand-written files stay."""
    manifest = read_manifest(docs)
    removed = [path for path in sorted(manifest) if _remove_owned(docs, path, manifest[path])]
    (docs / MANIFEST).unlink(missing_ok=True)
    forget_build(docs)
    _remove_empty_parents(docs / STATE_DIR, docs)
    return removed
