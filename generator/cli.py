"""`parallax` on the command line: build, check and clean. Progress and problems go to stderr."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from generator.build import BuildResult, Project, build
from generator.render.pages import SiteOptions
from generator.render.review import render_review
from generator.write import clean_generated

EXIT_OK, EXIT_PROBLEMS, EXIT_CANNOT_RUN = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _log_to_stderr(quiet=args.quiet)
    project = Project.at(Path(args.root), args.seeds, args.annotations, args.docs)
    if args.command == "clean":
        removed = clean_generated(project.docs)
        print(
            f"parallax: removed {len(removed)} generated files from {project.show(project.docs)}",
            file=sys.stderr,
        )
        return EXIT_OK
    try:
        options = options_from_mkdocs(project.root)
        if args.model:
            options = dataclasses.replace(options, model=args.model)
        if args.command == "entities":
            return _review_entities(project, Path(args.output), options)
        building = args.command == "build"
        result = build(project, options, write=building, force=building and args.force)
    except (OSError, MkDocsException) as error:
        print(f"parallax: cannot run: {error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    return _report(result, strict=args.strict)


def _log_to_stderr(quiet: bool) -> None:
    """Progress lines from the pipeline's `parallax` logger, on this run's stderr."""
    logger = logging.getLogger("parallax")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    logger.propagate = False


def _review_entities(project: Project, output: Path, options: SiteOptions) -> int:
    """Write the machine's entities for review; never into the researcher's annotations."""
    target = output if output.is_absolute() else project.root / output
    folder = project.annotations.resolve()
    if target.resolve() == folder or folder in target.resolve().parents:
        print(
            f"parallax: will not write into {project.show(project.annotations)}; choose another --output",
            file=sys.stderr,
        )
        return EXIT_CANNOT_RUN
    result = build(project, options, write=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_review(result.corpus), "utf-8")
    print(
        f"parallax: {len(result.corpus.entities)} entities written to {project.show(target)} for review; "
        f"copy the entries you want to change into {project.show(project.annotations)}/entities.yml",
        file=sys.stderr,
    )
    return _report(result, strict=False)


def options_from_mkdocs(root: Path) -> SiteOptions:
    """The page options set in the project's mkdocs.yml, so the CLI writes what `mkdocs serve` would."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return SiteOptions()
    from mkdocs.config import load_config  # the MkDocs adapter's import, only when there is a config

    from generator.mkdocs_plugin import ParallaxPlugin, site_options

    config = load_config(str(config_file))
    plugin = next((p for p in config.plugins.values() if isinstance(p, ParallaxPlugin)), None)
    return site_options(config, plugin.config) if plugin else SiteOptions(config.use_directory_urls)


def _report(result: BuildResult, strict: bool) -> int:
    for problem in result.problems:
        print(problem, file=sys.stderr)
    print(f"parallax: {result.summary()}", file=sys.stderr)
    if result.failed(strict):
        reason = "errors" if result.errors else "warnings (--strict)"
        print(f"parallax: failed because of {reason}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Turn a folder of news articles into a research microsite (Markdown for MkDocs).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in (
        ("build", "generate the site's Markdown pages and data files into the docs folder"),
        ("check", "validate seeds and annotations without writing anything"),
        ("clean", "remove every generated file (hand-written pages stay)"),
        ("entities", "write the machine's entities (counts, types, merges and why) to a review file"),
    ):
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--root", default=".", help="project folder (default: current folder)")
        command.add_argument("--seeds", type=Path, help="article folder (default: seeds)")
        command.add_argument("--annotations", type=Path, help="annotation folder (default: annotations)")
        command.add_argument("--docs", type=Path, help="MkDocs docs folder to write into (default: docs)")
        command.add_argument("--strict", action="store_true", help="treat warnings as failure (exit 1)")
        command.add_argument("--quiet", action="store_true", help="print only problems and the summary")
        if name != "clean":
            command.add_argument(
                "--model",
                help="installed spaCy pipeline that reads names (default: mkdocs.yml's, else the small one)",
            )
        if name == "build":
            command.add_argument(
                "--force", action="store_true", help="rebuild even when nothing changed since the last build"
            )
        if name == "entities":
            command.add_argument(
                "--output",
                default="entities-review.yml",
                help="review file to write (default: entities-review.yml)",
            )
    return parser


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
