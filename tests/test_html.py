"""The generated pages are valid HTML, checked by the Nu HTML Checker (vnu.jar from npm)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Findings in Material's own templates (the palette toggle), not in anything Parallax writes.
THEME_FINDINGS = [
    re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
    re.compile(r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden"),
]


def validate(*paths: Path) -> list[str]:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        if os.environ.get("PARALLAX_REQUIRE_TOOLS") == "1":
            pytest.fail(f"PARALLAX_REQUIRE_TOOLS is set but java or {VNU} is missing")
        pytest.skip("HTML validation needs Java and vnu.jar: run `make test` (npm ci) with a JDK installed")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['type']}: {m['message']}"
        for m in messages
        if not any(pattern.search(m["message"]) for pattern in THEME_FINDINGS)
    ]


@pytest.mark.parametrize("site_fixture", ["sample_site", "hostile_site"])
def test_generated_pages_are_valid_html(site_fixture: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(site_fixture) / "site"
    assert validate(site / "index.html", site / "articles", site / "data" / "index.html") == []


def test_validator_reports_invalid_html(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div id=a></div><span id=a></span>")
    findings = validate(page)
    assert any("Duplicate ID “a”" in finding for finding in findings), findings
