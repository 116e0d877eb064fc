"""`requirements/install`: a lock installs exactly as written, whatever the index offers since.

Each test makes a fresh virtual environment with `python -m venv` (so with the pip that Python
bundles) and installs a small hash-pinned lock from a local folder of real wheels, built here,
that also offers a newer release of a locked package. This is the failure a fresh clone met:
pip resolved `justext`'s `lxml[html_clean]` extra on its own, picked an lxml released after the
lock was made and refused it for want of a hash.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
INSTALL = REPO / "requirements" / "install"


def supported_pythons() -> list[str]:
    """Every Python from 3.11 on that this machine has (pyenv's included), newest version once."""
    found: dict[str, str] = {}
    candidates = [sys.executable] + [f"python3.{minor}" for minor in range(11, 16)]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates += sorted(str(path) for path in pyenv.glob("3.*/bin/python3"))
    for candidate in candidates:
        path = shutil.which(candidate) or candidate
        if not Path(path).is_file():
            continue
        version = subprocess.run(
            [path, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if version and tuple(map(int, version.split("."))) >= (3, 11):
            found.setdefault(version, path)
    return [found[version] for version in sorted(found, key=lambda v: tuple(map(int, v.split("."))))]


PYTHONS = supported_pythons()


def build_wheel(folder: Path, name: str, version: str, metadata: list[str]) -> Path:
    """A real, installable pure-Python wheel with the given metadata lines."""
    dist_info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": f'VERSION = "{version}"\n',
        f"{dist_info}/METADATA": "\n".join(
            ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}", *metadata, ""]
        ),
        f"{dist_info}/WHEEL": "Wheel-Version: 1.0\nGenerator: parallax-tests\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n",
    }
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(text.encode())}")
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = "\n".join(record) + "\n"
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return wheel


def pin(wheel: Path) -> str:
    name, version = wheel.name.split("-")[:2]
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    return f"{name}=={version} \\\n    --hash=sha256:{digest}\n"


@pytest.fixture
def index(tmp_path: Path) -> dict[str, Path]:
    """A local index: alpha needs beta[html], whose extra needs gamma; beta 2.0 came out later."""
    folder = tmp_path / "index"
    folder.mkdir()
    return {
        "alpha": build_wheel(folder, "alpha", "1.0", ["Requires-Dist: beta[html]>=1.0"]),
        "beta": build_wheel(
            folder, "beta", "1.0", ["Provides-Extra: html", 'Requires-Dist: gamma; extra == "html"']
        ),
        "beta-newer": build_wheel(
            folder, "beta", "2.0", ["Provides-Extra: html", 'Requires-Dist: gamma; extra == "html"']
        ),
        "gamma": build_wheel(folder, "gamma", "1.0", []),
    }


def fresh_venv(python: str, where: Path) -> Path:
    subprocess.run([python, "-m", "venv", str(where)], check=True, timeout=300)
    return where / "bin" / "python"


def offline_env(index_folder: Path) -> dict[str, str]:
    """pip sees only the local folder: no PyPI, and none of this machine's own pip settings."""
    env = dict(os.environ)
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_FIND_LINKS=str(index_folder))
    env.pop("PIP_CONSTRAINT", None)
    return env


def install(venv_python: Path, lock: Path, index_folder: Path) -> subprocess.CompletedProcess[str]:
    """`requirements/install`, as the Makefile runs it, against the local index only."""
    return subprocess.run(
        ["sh", str(INSTALL), str(venv_python), str(lock)],
        env=offline_env(index_folder),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def installed(venv_python: Path) -> dict[str, str]:
    listing = subprocess.run(
        [str(venv_python), "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {entry["name"]: entry["version"] for entry in json.loads(listing)}


@pytest.mark.parametrize("python", PYTHONS, ids=lambda path: Path(path).parent.parent.name)
def test_a_newer_release_on_the_index_changes_nothing(
    python: str, index: dict[str, Path], tmp_path: Path
) -> None:
    lock = tmp_path / "site.lock"
    lock.write_text("".join(pin(index[name]) for name in ("alpha", "beta", "gamma")), encoding="utf-8")
    venv_python = fresh_venv(python, tmp_path / "venv")

    result = install(venv_python, lock, index["alpha"].parent)

    assert result.returncode == 0, result.stdout + result.stderr
    packages = installed(venv_python)
    assert (packages["alpha"], packages["beta"], packages["gamma"]) == ("1.0", "1.0", "1.0")


def test_an_incomplete_lock_fails_and_names_what_is_missing(index: dict[str, Path], tmp_path: Path) -> None:
    lock = tmp_path / "site.lock"
    # beta, which alpha needs, is missing from the lock. (A package that only an extra needs is
    # beyond `pip check`, which reads no extras: tests/test_locks.py checks the real locks for it.)
    lock.write_text(pin(index["alpha"]) + pin(index["gamma"]), encoding="utf-8")
    venv_python = fresh_venv(PYTHONS[0], tmp_path / "venv")

    result = install(venv_python, lock, index["alpha"].parent)

    assert result.returncode != 0
    assert "alpha 1.0 requires beta, which is not installed." in result.stdout + result.stderr
    assert "beta" not in installed(venv_python)


def test_a_package_whose_hash_is_not_in_the_lock_is_refused(index: dict[str, Path], tmp_path: Path) -> None:
    lock = tmp_path / "site.lock"
    # The lock names beta 1.0 but with gamma's hash: what the index serves does not match it.
    wrong = pin(index["beta"]).split("--hash=")[0] + "--hash=" + pin(index["gamma"]).split("--hash=")[1]
    lock.write_text(pin(index["alpha"]) + wrong + pin(index["gamma"]), encoding="utf-8")
    venv_python = fresh_venv(PYTHONS[0], tmp_path / "venv")

    result = install(venv_python, lock, index["alpha"].parent)

    assert result.returncode != 0
    assert "THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE" in result.stderr
    assert "beta" not in installed(venv_python)
