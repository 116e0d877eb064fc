"""The researcher's own pages: Markdown in the docs folder that Parallax does not generate and the
nav in mkdocs.yml does not reach, listed under "Notes" so `mkdocs build --strict` publishes them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePosixPath

NOTES = "Notes"
"""The title of the nav section that lists them."""
MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
"""The endings MkDocs reads as pages (`mkdocs.utils.markdown_extensions`)."""


def find_notes(
    docs: Path,
    nav: Sequence[object],
    *,
    generated: Callable[[str], bool],
    kept_out: Callable[[str], bool],
) -> list[str]:
    """The hand-written pages under `docs` that `nav` does not reach: posix paths relative to `docs`,
    sorted.

    `generated` decides by path what Parallax owns, so the answer is the same before the first build
    and after it. `kept_out` matches pages the configuration keeps out of the nav (`not_in_nav`,
    `exclude_docs`, `draft_docs`): MkDocs does not ask for those in the nav. Hidden files and folders
    are skipped, as MkDocs skips them.
    """
    listed = set(nav_pages(nav))
    return sorted(
        path for path in _markdown_files(docs, generated) if path not in listed and not kept_out(path)
    )


def nav_pages(nav: object) -> Iterator[str]:
    """Every path the nav names, in sections at any depth, as MkDocs looks it up (`a/./b.md` is `a/b.md`)."""
    if isinstance(nav, str):
        yield PurePosixPath(nav).as_posix()
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_pages(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_pages(item)


def add_notes(nav: Sequence[object], pages: Sequence[str]) -> list[object]:
    """`nav` with `pages` at the end of its top-level "Notes" section, added last when there is none.

    Each page is a bare path, so MkDocs titles it by its first heading. A "Notes" entry that is a page,
    not a section, becomes the section's first entry.
    """
    result = list(nav)
    for index, item in enumerate(result):
        if isinstance(item, dict) and list(item) == [NOTES]:
            section = item[NOTES]
            entries = list(section) if isinstance(section, list) else [{NOTES: section}]
            result[index] = {NOTES: [*entries, *pages]}
            return result
    return [*result, {NOTES: list(pages)}]


def _markdown_files(docs: Path, generated: Callable[[str], bool]) -> Iterator[str]:
    # Symbolic links are followed, as MkDocs follows them; generated folders are not entered at all.
    for folder, subfolders, names in os.walk(docs, followlinks=True):
        relative = PurePosixPath(Path(folder).relative_to(docs).as_posix())
        subfolders[:] = [
            name
            for name in subfolders
            if not name.startswith(".") and not generated(f"{(relative / name).as_posix()}/")
        ]
        for name in names:
            path = (relative / name).as_posix()
            if name.endswith(MARKDOWN) and not name.startswith(".") and not generated(path):
                yield path
