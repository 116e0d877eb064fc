"""Bad input files: each gets one clear line naming the file, the rest still builds, seeds stay untouched.

Every test runs the real CLI (`generator.cli.main`) on real files in tmp_path and reads its stderr.
"""

from __future__ import annotations

import html
import os
import re
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.build import Project, build
from generator.cli import main

FORMATS = ".txt, .text, .md, .markdown, .html, .htm, .csv, .jsonl, .ndjson, .json"
GOOD = (
    "Rebels Advance on Tripoli\n\n"
    "By Jane Doe\n\n"
    "Forces loyal to the eastern commander Khalifa Haftar pushed into the southern suburbs of Tripoli "
    "on Saturday, residents said, in the heaviest fighting since the offensive began in April.\n\n"
    "The United Nations envoy said the clashes had displaced more than 75,000 people and called on "
    "both sides to respect a humanitarian truce.\n"
)
PROBLEM_LINE = re.compile(r"^(?P<path>\S.*?): (?P<severity>warning|error): (?P<message>.+)$")
URL_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

CP1252 = b"caf\xe9 \x93quoted\x94"
UNDEFINED_CP1252 = b"\x81\x8d\x8f\x90\x9d" * 200
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"


def run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, list[str]]:
    """`parallax <args> --root <root>`: the exit code and the stderr lines."""
    capsys.readouterr()
    code = main([*args, "--root", str(root)])
    captured = capsys.readouterr()
    assert captured.out == ""
    return code, captured.err.splitlines()


def problems(lines: list[str]) -> list[str]:
    return [line for line in lines if PROBLEM_LINE.match(line)]


def write_seed(project: Project, name: str, data: bytes | str) -> Path:
    path = project.seeds / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below `folder` (hidden ones too) -> (bytes, mtime in ns)."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def generated_articles(project: Project) -> list[str]:
    folder = project.docs / "articles"
    return sorted(path.stem for path in folder.glob("*.md") if path.name != "index.md")


# --- one bad file next to a good one --------------------------------------------------------

BAD_FILES = [
    pytest.param(
        "empty.txt",
        b"",
        "seeds/empty.txt: warning: is empty (no text in the file); skipped",
        False,
        id="empty",
    ),
    pytest.param(
        "blank.txt",
        b"  \n\n\t \r\n   \n",
        "seeds/blank.txt: warning: is empty (no text in the file); skipped",
        False,
        id="whitespace-only",
    ),
    pytest.param(
        "invisible.txt",
        "\u00a0\u200b \ufeff\u3000\n\n".encode(),
        "seeds/invisible.txt: warning: is empty (no text in the file); skipped",
        False,
        id="invisible-spaces-only",
    ),
    pytest.param(
        "image.txt",
        PNG,
        "seeds/image.txt: error: binary file (NUL byte at offset 8); not read as an article; skipped",
        False,
        id="binary-nul",
    ),
    pytest.param(
        "noise.txt",
        UNDEFINED_CP1252,
        "seeds/noise.txt: error: binary file (not text at byte offset 0); not read as an article; skipped",
        False,
        id="binary-no-nul",
    ),
    pytest.param(
        "cafe.txt",
        CP1252,
        "seeds/cafe.txt: warning: not valid UTF-8 (first invalid byte 0xe9 at offset 3); "
        "read those bytes as Windows-1252 (Latin-1); save the file as UTF-8 to silence this",
        True,
        id="cp1252",
    ),
    pytest.param(
        "header-only.txt",
        b"Rebels Advance on Tripoli\n\nBy Jane Doe\n\nGlobal Research, April 21, 2019\n",
        "seeds/header-only.txt: warning: has no article text after its header and boilerplate",
        True,
        id="header-only",
    ),
    pytest.param(
        "report.pdf",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        f"seeds/report.pdf: warning: not an article file (expected one of: {FORMATS}; found: .pdf); skipped",
        False,
        id="pdf",
    ),
    pytest.param(
        "README",
        b"Notes for the research team.\n",
        f"seeds/README: warning: not an article file (expected one of: {FORMATS}; found: no extension); "
        "skipped",
        False,
        id="no-extension",
    ),
]


@pytest.mark.parametrize(("name", "data", "message", "built"), BAD_FILES)
def test_bad_file_reported_once_and_others_still_build(
    project: Project, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str, built: bool
) -> None:
    write_seed(project, "good.txt", GOOD)
    write_seed(project, name, data)
    is_error = ": error: " in message
    seeds_before = snapshot(project.seeds)

    code, lines = run(capsys, project.root, "check")
    assert problems(lines) == [message]
    assert code == (1 if is_error else 0)
    expected_count = 2 if built else 1
    summary = (
        f"parallax: {expected_count} articles read; {int(is_error)} errors, {int(not is_error)} warnings"
    )
    assert summary in lines
    assert list(project.docs.iterdir()) == []

    code, lines = run(capsys, project.root, "check", "--strict")
    assert code == 1
    assert problems(lines) == [message]
    reason = "errors" if is_error else "warnings (--strict)"
    assert lines[-1] == f"parallax: failed because of {reason}"

    code, lines = run(capsys, project.root, "build", "--strict")
    assert code == 1
    assert problems(lines) == [message]
    stem = Path(name).stem
    assert generated_articles(project) == (sorted(["good", stem]) if built else ["good"])
    assert "Forces loyal to the eastern commander" in (project.docs / "articles/good.md").read_text("utf-8")

    code, lines = run(capsys, project.root, "build")
    assert code == (1 if is_error else 0)
    assert problems(lines) == [message]
    assert snapshot(project.seeds) == seeds_before


def test_cp1252_text_is_decoded(project: Project) -> None:
    write_seed(project, "cafe.txt", CP1252)
    result = build(project, write=False)
    article = result.corpus.get("cafe")
    assert article is not None
    assert article.text == "café “quoted”"
    assert [str(p) for p in result.problems] == [
        "seeds/cafe.txt: warning: not valid UTF-8 (first invalid byte 0xe9 at offset 3); "
        "read those bytes as Windows-1252 (Latin-1); save the file as UTF-8 to silence this"
    ]


def test_cp1252_offset_names_first_invalid_byte(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    # Saved by an old Windows editor: every non-ASCII character is one cp1252 byte.
    data = b"Rebels Advance on Tripoli\r\n\r\nThe caf\xe9 owner said \x93we are afraid\x94.\r\n"
    write_seed(project, "quotes.txt", data)
    assert data.index(b"\xe9") == 36
    code, lines = run(capsys, project.root, "check")
    assert code == 0
    assert problems(lines) == [
        "seeds/quotes.txt: warning: not valid UTF-8 (first invalid byte 0xe9 at offset 36); "
        "read those bytes as Windows-1252 (Latin-1); save the file as UTF-8 to silence this"
    ]
    article = build(project, write=False).corpus.get("quotes")
    assert article is not None
    assert article.text == "The café owner said “we are afraid”."


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), id="utf8-bom-crlf"),
        pytest.param(lambda text: text.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(lambda text: text.replace("\n", "\r").encode(), id="old-mac-cr"),
        pytest.param(lambda text: text.replace("\n", "\r\n").encode("utf-16"), id="utf16-bom-crlf"),
    ],
)
def test_bom_and_line_ends_read_clean(
    project: Project, capsys: pytest.CaptureFixture[str], encode: Callable[[str], bytes]
) -> None:
    write_seed(project, "reference.txt", GOOD)
    write_seed(project, "variant.txt", encode(GOOD))
    code, lines = run(capsys, project.root, "check", "--strict")
    assert code == 0
    assert problems(lines) == []
    assert "parallax: 2 articles read; 0 errors, 0 warnings" in lines
    corpus = build(project, write=False).corpus
    reference, variant = corpus.get("reference"), corpus.get("variant")
    assert reference is not None
    assert variant is not None
    assert variant.meta.title == "Rebels Advance on Tripoli"
    assert variant.meta.author == "Jane Doe"
    assert variant.meta == reference.meta
    assert variant.text == reference.text
    assert variant.paragraphs == reference.paragraphs
    assert "\r" not in variant.text
    assert "\ufeff" not in variant.text


# --- a very large article --------------------------------------------------------------------


def large_article(size: int) -> str:
    paragraphs = ["A Very Long Dossier on the Libyan War"]
    total = len(paragraphs[0])
    number = 0
    while total < size:
        paragraph = (
            f"In dispatch number {number}, forces loyal to the eastern commander advanced on district "
            f"{number % 97} of the capital, officials said, while the United Nations called for calm "
            f"and for talks in round {number // 7}."
        )
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
        number += 1
    return "\n\n".join(paragraphs) + "\n"


def test_ten_megabyte_article_builds_with_warning(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    text = large_article(10_000_000)
    write_seed(project, "big.txt", text)
    write_seed(project, "good.txt", GOOD)
    assert 9_950_000 <= (project.seeds / "big.txt").stat().st_size < 10_050_000
    code, lines = run(capsys, project.root, "build")
    assert code == 0
    found = problems(lines)
    assert found[0] == "seeds/big.txt: warning: is 10.0 MB, unusually large for one article; built anyway"
    assert re.fullmatch(
        r"seeds/big\.txt: warning: is too long for name extraction \(10,000,\d{3} characters; the limit is "
        r"1,000,000\); names found in other articles are still linked in it",
        found[1],
    )
    assert len(found) == 2
    assert generated_articles(project) == ["big", "good"]
    page = (project.docs / "articles/big.md").read_text("utf-8")
    last = text.rstrip().rsplit("\n\n", 1)[1]
    assert last.startswith("In dispatch number ")
    assert last in html.unescape(re.sub(r"<[^>]+>", "", page))  # its words, whatever names are linked


class TookTooLong(Exception):
    pass


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Interrupt a runaway (e.g. quadratic) build instead of letting the suite hang for an hour."""

    def interrupt(signum: int, frame: object) -> None:
        raise TookTooLong(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_large_punctuation_stripped_article_builds(project: Project) -> None:
    # A republished copy that lost its punctuation but kept its paragraph breaks (like seed 000,
    # which lost both). Well-formed text of this size builds in about a second.
    paragraphs = [
        f"In dispatch number {n} forces loyal to the eastern commander advanced on district {n % 97} of "
        f"the capital officials said while the United Nations called for calm and talks in round {n // 7}"
        for n in range(13_800)
    ]
    write_seed(project, "stripped.txt", "\n\n".join(paragraphs) + "\n")
    # A guard against a runaway (quadratic) build, not a speed claim: it takes 12 s on an idle
    # 2-core machine, and a runaway would take an hour; a busy machine must not fail it.
    with time_budget(90):
        result = build(project, write=False)
    article = result.corpus.get("stripped")
    assert article is not None
    assert [str(p) for p in result.problems] == [
        "seeds/stripped.txt: warning: is 2.5 MB, unusually large for one article; built anyway",
        f"seeds/stripped.txt: warning: is too long for name extraction ({len(article.text):,} characters; "
        "the limit is 1,000,000); names found in other articles are still linked in it",
    ]
    article = result.corpus.get("stripped")
    assert article is not None
    assert article.words == sum(len(p.split()) for p in paragraphs)


# --- file names -----------------------------------------------------------------------------


def test_two_files_with_the_same_page_id(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    write_seed(project, "A b.txt", GOOD)
    write_seed(project, "a-b.txt", GOOD.replace("Jane Doe", "John Roe"))
    message = (
        "seeds/a-b.txt: warning: would get the page id 'a-b', already used by seeds/A b.txt; "
        "given the id 'a-b-af149e' instead (rename one of the files to choose)"
    )
    code, lines = run(capsys, project.root, "check")
    assert code == 0
    assert problems(lines) == [message]

    code, lines = run(capsys, project.root, "build", "--strict")
    assert code == 1
    assert problems(lines) == [message]
    assert generated_articles(project) == ["a-b", "a-b-af149e"]
    assert "Jane Doe" in (project.docs / "articles/a-b.md").read_text("utf-8")
    assert "John Roe" in (project.docs / "articles/a-b-af149e.md").read_text("utf-8")

    # The same ids on the next run: links and annotation files keep working.
    code, lines = run(capsys, project.root, "build")
    assert code == 0
    assert problems(lines) == [message]
    assert generated_articles(project) == ["a-b", "a-b-af149e"]


def test_same_page_id_as_a_skipped_file_is_no_clash(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    write_seed(project, "A b.txt", b"")
    write_seed(project, "a-b.txt", GOOD)
    code, lines = run(capsys, project.root, "check")
    assert code == 0
    assert problems(lines) == ["seeds/A b.txt: warning: is empty (no text in the file); skipped"]
    corpus = build(project, write=False).corpus
    assert [a.id for a in corpus] == ["a-b"]


@pytest.mark.parametrize(
    ("name", "expected_id"),
    [
        ("Été 2019.txt", "ete-2019"),
        ("E\u0301te\u0301 2019.txt", "ete-2019"),
        ("Le Monde/Été 2019.txt", "le-monde-ete-2019"),
        ("#?%.txt", "article-df400b"),
        ("日本語.txt", "ri-ben-yu"),  # transliterated (python-slugify), no longer a hash
        ("Новости дня.txt", "novosti-dnia"),
        ("Reuters report (final) v2.TXT", "reuters-report-final-v2"),
        ("  spaced   name .txt", "spaced-name"),
        ("Al-Jazeera_2019-04-21 (copy).text", "al-jazeera_2019-04-21-copy"),
    ],
)
def test_odd_file_names_get_url_safe_ids(
    project: Project, capsys: pytest.CaptureFixture[str], name: str, expected_id: str
) -> None:
    write_seed(project, name, GOOD)
    code, lines = run(capsys, project.root, "build", "--strict")
    assert code == 0
    assert problems(lines) == []
    assert URL_SAFE_ID.match(expected_id)
    assert generated_articles(project) == [expected_id]
    corpus = build(project, write=False).corpus
    assert [(a.id, a.source) for a in corpus] == [(expected_id, f"seeds/{name}")]


def test_hidden_files_are_ignored_silently(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    write_seed(project, "good.txt", GOOD)
    write_seed(project, ".DS_Store", b"\x00\x00\x00\x01Bud1\x00")
    write_seed(project, ".drafts/unfinished.txt", b"")
    code, lines = run(capsys, project.root, "check", "--strict")
    assert code == 0
    assert problems(lines) == []
    assert "parallax: 1 articles read; 0 errors, 0 warnings" in lines


def test_broken_symlink_is_reported(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    write_seed(project, "good.txt", GOOD)
    os.symlink(project.root / "moved-away" / "article.txt", project.seeds / "gone.txt")
    code, lines = run(capsys, project.root, "check")
    assert [line for line in problems(lines) if line.startswith("seeds/gone.txt: ")] != []
    assert code == 1


# --- missing folders, exit codes, nothing written by check, seeds untouched ------------------


def test_missing_seeds_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, tmp_path, "check")
    assert code == 1
    assert problems(lines) == [
        "seeds: error: seeds folder not found; nothing was built (create it, or pass --seeds DIR)"
    ]
    assert lines[-2:] == [
        "parallax: 0 articles read; 1 errors, 0 warnings",
        "parallax: failed because of errors",
    ]
    assert list(tmp_path.iterdir()) == []


def test_missing_seeds_folder_given_by_option(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    write_seed(project, "good.txt", GOOD)
    capsys.readouterr()
    code = main(["check", "--root", str(project.root), "--seeds", "articles"])
    lines = capsys.readouterr().err.splitlines()
    assert code == 1
    assert problems(lines) == [
        "articles: error: seeds folder not found; nothing was built (create it, or pass --seeds DIR)"
    ]


def test_build_with_missing_seeds_folder_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "good.txt").write_text(GOOD, "utf-8")
    assert run(capsys, tmp_path, "build")[0] == 0
    built = snapshot(tmp_path / "docs")
    (tmp_path / "seeds" / "good.txt").unlink()
    (tmp_path / "seeds").rmdir()
    code, lines = run(capsys, tmp_path, "build")
    assert snapshot(tmp_path / "docs") == built  # the last good site is kept, not wiped
    assert code == 1
    assert problems(lines) == [
        "seeds: error: seeds folder not found; nothing was built (create it, or pass --seeds DIR)"
    ]
    assert lines[-1] == "parallax: failed because of errors"


def test_exit_codes_clean_warning_error(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    write_seed(project, "good.txt", GOOD)
    assert run(capsys, project.root, "check")[0] == 0
    assert run(capsys, project.root, "check", "--strict")[0] == 0
    assert run(capsys, project.root, "build", "--strict")[0] == 0

    write_seed(project, "empty.txt", b"")
    assert run(capsys, project.root, "check")[0] == 0
    assert run(capsys, project.root, "check", "--strict")[0] == 1
    assert run(capsys, project.root, "build")[0] == 0
    assert run(capsys, project.root, "build", "--strict")[0] == 1

    write_seed(project, "image.txt", PNG)
    assert run(capsys, project.root, "check")[0] == 1
    assert run(capsys, project.root, "build")[0] == 1
    code, lines = run(capsys, project.root, "check", "--strict")
    assert code == 1
    assert problems(lines) == [
        "seeds/empty.txt: warning: is empty (no text in the file); skipped",
        "seeds/image.txt: error: binary file (NUL byte at offset 8); not read as an article; skipped",
    ]
    assert lines[-2:] == [
        "parallax: 1 articles read; 1 errors, 1 warnings",
        "parallax: failed because of errors",
    ]


def all_bad_inputs(project: Project) -> None:
    write_seed(project, "good.txt", GOOD)
    for param in BAD_FILES:
        name, data = param.values[0], param.values[1]
        assert isinstance(name, str)
        assert isinstance(data, bytes)
        write_seed(project, name, data)
    write_seed(project, "A b.txt", GOOD)
    write_seed(project, "a-b.txt", GOOD)
    write_seed(project, "Le Monde/Été 2019.txt", GOOD)
    write_seed(project, "#?%.txt", GOOD)
    write_seed(project, "bom.txt", b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())


def test_check_writes_nothing(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    all_bad_inputs(project)
    code, _ = run(capsys, project.root, "check")
    assert code == 1
    assert list(project.docs.iterdir()) == []
    assert list((project.root / "annotations").rglob("*.*")) == []

    project.docs.rmdir()
    code, _ = run(capsys, project.root, "check")
    assert code == 1
    assert not project.docs.exists()


def test_check_leaves_a_built_site_alone(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    all_bad_inputs(project)
    run(capsys, project.root, "build")
    built = snapshot(project.docs)
    assert "articles/good.md" in built
    write_seed(project, "new.txt", GOOD.replace("Jane Doe", "John Roe"))
    (project.seeds / "good.txt").unlink()
    code, _ = run(capsys, project.root, "check")
    assert code == 1
    assert snapshot(project.docs) == built


def test_seed_files_never_modified(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    all_bad_inputs(project)
    seeds = project.seeds
    (seeds / "read-only.txt").write_text(GOOD, encoding="utf-8")
    (seeds / "read-only.txt").chmod(0o444)
    before = snapshot(seeds)
    for args in (
        ("check",),
        ("check", "--strict"),
        ("build",),
        ("build", "--strict"),
        ("build",),
        ("clean",),
    ):
        run(capsys, project.root, *args)
        assert snapshot(seeds) == before, args
    assert sorted(before) == sorted(p.relative_to(seeds).as_posix() for p in seeds.rglob("*") if p.is_file())


def test_mixed_utf8_and_cp1252_keeps_the_utf8_parts(project: Project) -> None:
    (project.seeds / "mixed.txt").write_bytes(
        b"Mixed Bytes Here\n\nThe caf\xc3\xa9 said \x93no comment\x94 today.\n"
    )
    result = build(project, write=False)
    article = result.corpus.get("mixed")
    assert article is not None
    assert article.text == "The café said “no comment” today."
    assert [str(p) for p in result.problems] == [
        "seeds/mixed.txt: warning: not valid UTF-8 (first invalid byte 0x93 at offset 33); read those bytes "
        "as Windows-1252 (Latin-1); save the file as UTF-8 to silence this"
    ]


def test_truncated_utf16_file_is_reported_not_a_crash(project: Project) -> None:
    write_seed(project, "broken.txt", b"\xff\xfeA")
    write_seed(project, "good.txt", GOOD)
    result = build(project, write=False)
    assert [str(p) for p in result.problems] == [
        "seeds/broken.txt: error: starts as UTF-16 but breaks at byte offset 2; not read as an article; "
        "skipped"
    ]
    assert [a.id for a in result.corpus] == ["good"]
