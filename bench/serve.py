"""How long `mkdocs serve` takes to show a YAML edit, with and without `--dirty` (`make serve`).

    python -m bench.serve [CORPUS_FOLDER]

Builds the corpus once (filling the extraction cache), then for each mode starts a real
`mkdocs serve`, waits for its first build, adds a highlight to one article's YAML and times
until the served article page shows the note. Without a folder it uses
../shared/corpora/bbc-news-2225. Not part of `make test` or `make bench` (it takes minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

from bench.measure import machine
from bench.project import DEFAULT_CORPUS, REPO, corpus_files, edit_annotation, make_project, probe_passage

BIN = Path(sys.executable).parent
TIMEOUT = 900.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus folder at {args.corpus}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="parallax-serve-"))
    try:
        files = corpus_files(args.corpus)
        root = make_project(work / "site", args.corpus.resolve(), files)
        env = {**os.environ, "PARALLAX_CACHE": str(work / "cache"), "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([str(BIN / "parallax"), "build", "--quiet"], cwd=root, env=env, check=True)
        records = json.loads((root / "docs" / "data" / "articles.json").read_text("utf-8"))
        probe = probe_passage([SimpleNamespace(id=r["id"], text=r["text"]) for r in records])
        if probe is None:
            print("no article has a passage to highlight", file=sys.stderr)
            return 2
        results = {}
        for mode in ("full", "dirty"):
            note = f"Benchmark note {mode} {time.time_ns()}"
            results[mode] = _measure(root, env, probe, note, dirty=mode == "dirty")
            print(f"{mode}: first build {results[mode]['first_build_s']} s, "
                  f"edit shown after {results[mode]['edit_shown_s']} s", file=sys.stderr)  # fmt: skip
        report = {"corpus": str(args.corpus), "articles": len(files), "machine": machine(), "serve": results}
        out = REPO / "bench" / "results" / "serve.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=1) + "\n", "utf-8")
        print(json.dumps(report, indent=1))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _measure(
    root: Path, env: dict[str, str], probe: dict[str, str], note: str, dirty: bool
) -> dict[str, float]:
    port = _free_port()
    command = [
        str(BIN / "mkdocs"),
        "serve",
        "--dev-addr",
        f"127.0.0.1:{port}",
        *(["--dirty"] if dirty else []),
    ]
    url = f"http://127.0.0.1:{port}/articles/{probe['id']}/"
    started = time.monotonic()
    server = subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_for(url, lambda page: "px-text" in page)
        first = time.monotonic() - started
        edit_annotation(root, probe, note)
        edited = time.monotonic()
        _wait_for(url, lambda page: note in page)
        return {"first_build_s": round(first, 1), "edit_shown_s": round(time.monotonic() - edited, 1)}
    finally:
        server.terminate()
        server.wait(timeout=60)


def _wait_for(url: str, ready: object) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if ready(response.read().decode("utf-8")):  # type: ignore[operator]
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} not ready after {TIMEOUT:.0f} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


if __name__ == "__main__":
    sys.exit(main())
