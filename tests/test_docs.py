"""The README is the user's manual: it must document every command, option and YAML key."""

from __future__ import annotations

import argparse
import re

import jsonschema
import yaml

from generator.annotations.validate import schema
from generator.cli import _parser
from tests.conftest import REPO

README = (REPO / "README.md").read_text("utf-8")


def subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_readme_gives_the_two_setup_commands() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "make site" in quick_start and "make test" in quick_start and "make serve" in quick_start


def test_every_make_target_is_documented() -> None:
    phony = re.search(r"^\.PHONY: (.+)$", (REPO / "Makefile").read_text("utf-8"), re.MULTILINE)
    assert phony is not None
    for target in phony.group(1).split():
        assert f"| `make {target}` |" in README, f"make {target} is not in the README's table of targets"


def test_every_command_and_option_is_documented() -> None:
    commands = subcommands()
    assert set(commands) == {"build", "check", "clean", "entities"}
    for name, parser in commands.items():
        assert f"`parallax {name}`" in README, name
        for action in parser._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert f"`{option}" in README, f"{option} of parallax {name} is not in the README"


def test_every_annotation_key_is_documented() -> None:
    article = schema("article")
    for key in article["properties"]:
        assert f"`{key}`" in README, key
    for key in article["properties"]["highlights"]["items"]["properties"]:
        assert f"`highlights[].{key}`" in README or f"`highlights[].{key}`," in README, key


def test_every_entity_curation_key_is_documented() -> None:
    entities = schema("entities")
    assert "`ignore`" in README
    for key in entities["properties"]["entities"]["items"]["properties"]:
        assert f"`entities[].{key}`" in README, key


def test_every_story_key_is_documented() -> None:
    for key in schema("stories")["properties"]["stories"]["items"]["properties"]:
        assert f"`stories[].{key}`" in README, key


def test_every_outlet_key_is_documented() -> None:
    for key in schema("outlets")["properties"]["outlets"]["items"]["properties"]:
        assert f"`outlets[].{key}`" in README, key


def test_every_provenance_key_is_documented() -> None:
    for key in schema("provenance")["properties"]["links"]["items"]["properties"]:
        assert f"`links[].{key}`" in README, key


def test_every_import_setting_is_documented() -> None:
    settings = schema("import")
    assert "`folders`" in README
    for key in settings["properties"]["columns"]["properties"]:
        assert f"`columns.{key}`" in README, key


def test_readme_yaml_examples_are_valid() -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", README, re.DOTALL)
    assert len(blocks) == 6
    imports, article, entities, stories, outlets, provenance = (yaml.safe_load(block) for block in blocks)
    article["date"] = str(article["date"])
    examples = (
        ("import", imports),
        ("article", article),
        ("entities", entities),
        ("stories", stories),
        ("outlets", outlets),
        ("provenance", provenance),
    )
    for name, example in examples:
        jsonschema.Draft202012Validator(schema(name)).validate(example)
    assert [block.splitlines()[0] for block in blocks] == [
        "# yaml-language-server: $schema=../generator/annotations/schemas/import.schema.json",
        "# yaml-language-server: $schema=../../generator/annotations/schemas/article.schema.json",
        "# yaml-language-server: $schema=../generator/annotations/schemas/entities.schema.json",
        "# yaml-language-server: $schema=../generator/annotations/schemas/stories.schema.json",
        "# yaml-language-server: $schema=../generator/annotations/schemas/outlets.schema.json",
        "# yaml-language-server: $schema=../generator/annotations/schemas/provenance.schema.json",
    ]


def test_repository_annotation_files_carry_the_schema_comment() -> None:
    for path in sorted((REPO / "annotations" / "articles").glob("*.yml")):
        first = path.read_text("utf-8").splitlines()[0]
        assert (
            first == "# yaml-language-server: $schema=../../generator/annotations/schemas/article.schema.json"
        ), path
    for name in ("entities", "outlets", "provenance"):
        first = (REPO / "annotations" / f"{name}.yml").read_text("utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../generator/annotations/schemas/{name}.schema.json"


def test_schema_descriptions_exist_for_editor_tooltips() -> None:
    for name in ("article", "entities", "import", "stories", "outlets", "provenance"):
        for key, spec in schema(name)["properties"].items():
            assert spec.get("description"), (name, key)
