"""`parallax` exit codes and output: 0 fine, 1 problems, 2 could not run."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.build import Project, build
from generator.cli import main


def test_build_reports_progress_and_summary(
    sample_project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARALLAX_CACHE", str(sample_project.root / "empty-cache"))  # a cold run
    assert main(["build", "--root", str(sample_project.root)]) == 0
    err = capsys.readouterr().err.splitlines()
    pages = len(build(sample_project, write=False).pages)
    assert err == [
        "read 5 articles from seeds",
        "extracting names from 5 articles (0 cached)",
        f"parallax: 5 articles read; {pages} files written, 0 unchanged, 0 removed; 0 errors, 0 warnings",
    ]


def test_could_not_run_exits_2(sample_project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    sample_project.docs.rmdir()
    sample_project.docs.write_text("not a folder")
    assert main(["build", "--root", str(sample_project.root)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("parallax: cannot run: [Errno 20] Not a directory:")


def test_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["publish"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'publish'" in capsys.readouterr().err


def test_clean_removes_generated_files_only(
    sample_project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    (sample_project.docs / "methodology.md").write_text("# Mine\n")
    pages = len(build(sample_project, write=False).pages)
    main(["build", "--root", str(sample_project.root)])
    capsys.readouterr()
    assert main(["clean", "--root", str(sample_project.root)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == f"parallax: removed {pages} generated files from docs"
    remaining = sorted(p.relative_to(sample_project.docs).as_posix() for p in sample_project.docs.rglob("*"))
    assert remaining == ["methodology.md"]


def test_python_dash_m_generator_is_the_cli(sample_project: Project) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(sample_project.root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stderr.splitlines()[-1] == "parallax: 5 articles read; 0 errors, 0 warnings"


def test_check_writes_no_file_anywhere(
    sample_project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PARALLAX_CACHE", raising=False)
    before = sorted(p.relative_to(sample_project.root) for p in sample_project.root.rglob("*"))
    assert main(["check", "--root", str(sample_project.root)]) == 0
    assert sorted(p.relative_to(sample_project.root) for p in sample_project.root.rglob("*")) == before
