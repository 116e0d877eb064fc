"""Ids and display paths: readable ids from names in any script, posix paths in messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.paths import display_path, slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le Monde/Été 2019", "le-monde-ete-2019"),
        ("Khalifa Haftar", "khalifa-haftar"),
        ("Fayez al-Sarraj", "fayez-al-sarraj"),
        ("U.S.", "u-s"),
        # Names in other scripts are transliterated, not dropped (they used to give "").
        ("Владимир Путин", "vladimir-putin"),
        ("Αλέξης Τσίπρας", "alexes-tsipras"),
        ("محمد", "mhmd"),
        ("Straße", "strasse"),
        ("!!!", ""),
    ],
)
def test_slug_is_ascii_lower_case_with_hyphens(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_slug_keeps_the_characters_asked_for_but_not_at_the_ends() -> None:
    assert slug("001_0ecb2f08c5882e7a", keep="_") == "001_0ecb2f08c5882e7a"
    assert slug("_draft_ Été", keep="_") == "draft_-ete"
    assert slug("001_0ecb2f08c5882e7a") == "001-0ecb2f08c5882e7a"


def test_display_path_is_posix_and_relative_to_the_root(tmp_path: Path) -> None:
    assert display_path(tmp_path / "seeds" / "a.txt", tmp_path) == "seeds/a.txt"
    assert display_path(Path("/elsewhere/a.txt"), tmp_path) == "/elsewhere/a.txt"
