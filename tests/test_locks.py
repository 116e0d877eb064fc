"""The two locks: complete, hash-pinned, in agreement with each other and with pyproject.toml.

`requirements/install` installs a lock with `--no-deps`, so a package missing from a lock is
never fetched: it is simply absent. `pip check` catches most of that at install time, but not a
package that only an extra needs (justext needs `lxml[html_clean]`, so lxml-html-clean), since
`pip check` reads no extras. These tests walk the dependency graph from pyproject.toml with
extras, reading each locked package's own metadata from the installed test environment.
"""

from __future__ import annotations

import tomllib
from collections import deque
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import NormalizedName, canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parent.parent
SITE_LOCK = REPO / "requirements" / "site.lock"
TEST_LOCK = REPO / "requirements" / "test.lock"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Pin:
    requirement: Requirement
    hashes: frozenset[str]
    line: int

    @property
    def version(self) -> Version:
        return Version(next(iter(self.requirement.specifier)).version)

    def applies_here(self) -> bool:
        marker = self.requirement.marker
        return marker is None or marker.evaluate()


def read_lock(text: str) -> dict[NormalizedName, Pin]:
    """Each requirement of a lock written by `uv pip compile --generate-hashes`, by package name."""
    pins: dict[NormalizedName, Pin] = {}
    entry: list[str] = []
    start = 0
    for number, raw in enumerate([*text.splitlines(), ""], start=1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("--hash") else raw.strip()
        if entry and not entry[-1].endswith("\\"):
            words = " ".join(part.rstrip("\\").strip() for part in entry).split()
            hashes = frozenset(word.removeprefix("--hash=") for word in words if word.startswith("--hash="))
            requirement = Requirement(" ".join(word for word in words if not word.startswith("--hash=")))
            pins[canonicalize_name(requirement.name)] = Pin(requirement, hashes, start)
            entry = []
        if line:
            if not entry:
                start = number
            entry.append(line)
    return pins


def missing_from(lock: dict[NormalizedName, Pin], roots: list[str]) -> list[str]:
    """What the packages reachable from `roots` need (with extras, for this platform) and the lock lacks."""
    problems: list[str] = []
    queue = deque((Requirement(root), "pyproject.toml") for root in roots)
    seen: set[tuple[NormalizedName, frozenset[str]]] = set()
    while queue:
        requirement, needed_by = queue.popleft()
        name = canonicalize_name(requirement.name)
        extras = frozenset(requirement.extras)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        pin = lock.get(name)
        if pin is None:
            problems.append(f"{needed_by} needs {requirement}, which the lock does not pin")
            continue
        if not requirement.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{needed_by} needs {requirement}, but the lock pins {pin.version}")
        installed = Version(metadata.version(name))
        if installed != pin.version:
            problems.append(f"{name}: this environment has {installed}, the lock {pin.version}; reinstall")
            continue
        for dependency in metadata.requires(name) or []:
            needed = Requirement(dependency)
            if needed.marker is None or any(
                needed.marker.evaluate({**default_environment(), "extra": extra}) for extra in {"", *extras}
            ):
                queue.append((needed, f"{name} {pin.version}"))
    return problems


def site_roots() -> list[str]:
    return list(PYPROJECT["project"]["dependencies"])


def site_and_test_roots() -> list[str]:
    return site_roots() + list(PYPROJECT["project"]["optional-dependencies"]["test"])


@pytest.mark.parametrize("lock", [SITE_LOCK, TEST_LOCK], ids=lambda path: path.name)
def test_every_package_is_pinned_exactly_with_hashes(lock: Path) -> None:
    pins = read_lock(lock.read_text(encoding="utf-8"))
    assert len(pins) > 50
    for name, pin in pins.items():
        specifiers = list(pin.requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", f"{lock.name}:{pin.line}: {name}"
        assert pin.hashes and all(h.startswith("sha256:") for h in pin.hashes), f"{lock.name}:{pin.line}"


def test_the_site_lock_is_complete() -> None:
    assert missing_from(read_lock(SITE_LOCK.read_text(encoding="utf-8")), site_roots()) == []


def test_the_test_lock_is_complete() -> None:
    assert missing_from(read_lock(TEST_LOCK.read_text(encoding="utf-8")), site_and_test_roots()) == []


def test_the_site_lock_holds_no_test_tools() -> None:
    site = read_lock(SITE_LOCK.read_text(encoding="utf-8"))
    for tool in ("pytest", "playwright", "mypy", "ruff", "hypothesis", "uv"):
        assert tool not in site, f"site.lock pins the test tool {tool}"


def test_the_test_lock_adds_to_the_site_lock_without_changing_it() -> None:
    site = read_lock(SITE_LOCK.read_text(encoding="utf-8"))
    test = read_lock(TEST_LOCK.read_text(encoding="utf-8"))
    for name, pin in site.items():
        assert name in test, f"test.lock lacks {name}, which site.lock pins"
        assert test[name].version == pin.version, (
            f"{name}: site.lock {pin.version}, test.lock {test[name].version}"
        )
        assert test[name].hashes == pin.hashes, f"{name}: the two locks have different hashes"


def test_a_package_only_an_extra_needs_is_found_missing() -> None:
    """The gap `pip check` leaves: justext needs lxml[html_clean], that is lxml-html-clean."""
    text = SITE_LOCK.read_text(encoding="utf-8")
    pins = read_lock(text)
    assert "lxml-html-clean" in pins and "justext" in pins
    del pins[canonicalize_name("lxml-html-clean")]

    problems = missing_from(pins, site_roots())

    assert len(problems) == 1, problems
    lxml = pins[canonicalize_name("lxml")].version
    assert (
        problems[0]
        == f'lxml {lxml} needs lxml_html_clean; extra == "html-clean", which the lock does not pin'
    )


def test_a_pin_outside_a_range_is_found() -> None:
    pins = read_lock(SITE_LOCK.read_text(encoding="utf-8"))
    mkdocs = pins[canonicalize_name("mkdocs")]
    pins[canonicalize_name("mkdocs")] = Pin(Requirement("mkdocs==2.0.0"), mkdocs.hashes, mkdocs.line)

    problems = missing_from(pins, site_roots())

    assert problems[0] == "pyproject.toml needs mkdocs<2,>=1.6.1, but the lock pins 2.0.0"
    assert f"mkdocs: this environment has {mkdocs.version}, the lock 2.0.0; reinstall" in problems
