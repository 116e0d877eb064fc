"""Entity quality against the hand-made gold in tests/gold/entities.yml.

Per article, the set of distinct entities named in it is compared with the gold: a predicted
entity matches a gold one when a name it is written as in that article is one of the gold
entity's surface forms (case-insensitive); typed scores also need the same type. Precision,
recall and F1 are per article, then averaged over the articles.

Run `python -m tests.entity_eval` for the table (also: the raw spaCy model on the same text), and
`python -m tests.entity_eval --errors` for every error on the samples and the `unseen` BBC
articles. The errors of the held-out sets (`held_out`, `stories_held_out`, `stories_fresh`) are
never printed: they stay unread by whoever writes rules. `python -m tests.entity_eval --places`
measures each source of place names (`generator.extract.gazetteer`) on every set on its own.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.build import Project, build
from generator.extract import gazetteer
from generator.extract.runner import LABELS, load_model
from generator.model import Corpus
from tests.conftest import REPO, SEEDS

GOLD = yaml.safe_load((REPO / "tests" / "gold" / "entities.yml").read_text("utf-8"))
UNSEEN_CORPUS = (REPO / GOLD["unseen"]["corpus"]).resolve()

Predicted = dict[str, tuple[str, frozenset[str]]]
"""Per article: entity key -> (type, the names it is written as in that article)."""


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def written_as(entry: dict[str, object], names: frozenset[str]) -> bool:
    """Whether a predicted entity, written as `names` in the article, is this gold entry."""
    surfaces = {str(s).casefold() for s in entry["surfaces"]}  # type: ignore[attr-defined]
    return bool({name.casefold() for name in names} & surfaces)


def score(gold: list[dict[str, object]], predicted: Predicted, typed: bool) -> Score:
    def matches(kind: str, names: frozenset[str], entry: dict[str, object]) -> bool:
        return written_as(entry, names) and (not typed or kind == entry["type"])

    hits = sum(1 for kind, names in predicted.values() if any(matches(kind, names, g) for g in gold))
    found = sum(1 for g in gold if any(matches(kind, names, g) for kind, names in predicted.values()))
    return Score(hits / len(predicted) if predicted else 0.0, found / len(gold) if gold else 1.0)


def parallax_predictions(corpus: Corpus) -> dict[str, Predicted]:
    result: dict[str, Predicted] = {}
    for article in corpus:
        names: dict[str, set[str]] = {}
        for mention in corpus.mentions_in(article.id):
            names.setdefault(mention.entity, set()).add(mention.text)
        result[article.id] = {
            entity_id: (corpus.entity(entity_id).type.value, frozenset(found))  # type: ignore[union-attr]
            for entity_id, found in names.items()
        }
    return result


def raw_model_predictions(corpus: Corpus) -> dict[str, Predicted]:
    """The small spaCy model alone: its spans as written, its labels mapped to our four types."""
    result: dict[str, Predicted] = {}
    for article in corpus:
        predicted: Predicted = {}
        for ent in load_model()(article.text).ents:
            if ent.label_ in LABELS:
                predicted[f"{ent.text}|{LABELS[ent.label_].value}"] = (
                    LABELS[ent.label_].value,
                    frozenset([ent.text]),
                )
        result[article.id] = predicted
    return result


def build_corpus(files: Iterable[tuple[str, Path]], with_annotations: bool) -> Corpus:
    with tempfile.TemporaryDirectory() as folder:
        project = Project.at(Path(folder))
        project.seeds.mkdir()
        project.docs.mkdir()
        for name, source in files:
            shutil.copyfile(source, project.seeds / name)
        if with_annotations:
            shutil.copytree(REPO / "annotations", project.annotations)
        return build(project, write=False).corpus


def sample_corpus(with_annotations: bool = False) -> Corpus:
    return build_corpus(((p.name, p) for p in sorted(SEEDS.glob("*.txt"))), with_annotations)


def unseen_corpus(section: str = "unseen") -> tuple[Corpus, dict[str, str]]:
    """BBC articles from `section` (`unseen`: read while writing rules; `held_out`: only scored),
    with article id -> gold key."""
    files, keys = [], {}
    for key in GOLD[section]["articles"]:
        name = key.replace("/", "-")
        files.append((name, UNSEEN_CORPUS / key))
        keys[Path(name).stem] = key
    return build_corpus(files, with_annotations=False), keys


def evaluate(
    gold: dict[str, list[dict[str, object]]], predictions: dict[str, Predicted], typed: bool
) -> dict[str, Score]:
    return {article: score(entries, predictions.get(article, {}), typed) for article, entries in gold.items()}


def mean_f1(scores: dict[str, Score]) -> float:
    return statistics.fmean(s.f1 for s in scores.values())


def report() -> str:
    lines = ["| corpus | system | untyped F1 | typed F1 |", "| --- | --- | --- | --- |"]
    runs = [(f"samples ({len(GOLD['articles'])})", sample_corpus(), GOLD["articles"])]
    if UNSEEN_CORPUS.is_dir():
        for section in ("unseen", "held_out", "stories_held_out", "stories_fresh"):
            corpus, keys = unseen_corpus(section)
            gold = {a: GOLD[section]["articles"][k] for a, k in keys.items()}
            runs.append((f"{section} BBC ({len(gold)})", corpus, gold))
    for label, corpus, gold in runs:
        for system, predictions in (
            ("Parallax", parallax_predictions(corpus)),
            ("raw spaCy sm", raw_model_predictions(corpus)),
        ):
            untyped, typed = (mean_f1(evaluate(gold, predictions, kind)) for kind in (False, True))
            lines.append(f"| {label} | {system} | {untyped:.3f} | {typed:.3f} |")
    return "\n".join(lines)


def places_report() -> str:
    """Each source of place knowledge measured on its own: typed F1 per gold set with none, each
    one, and all of them (`--places`)."""
    configurations = [(), *((source,) for source in gazetteer.SOURCES), gazetteer.SOURCES]
    lines = ["| corpus | place names from | untyped F1 | typed F1 |", "| --- | --- | --- | --- |"]
    with tempfile.TemporaryDirectory() as cache:
        os.environ["PARALLAX_CACHE"] = cache  # the model runs once per article, not once per row
        for label, build_set in _gold_sets():
            for sources in configurations:
                gazetteer.enabled_sources = sources
                corpus, gold = build_set()
                predictions = parallax_predictions(corpus)
                untyped, typed = (mean_f1(evaluate(gold, predictions, kind)) for kind in (False, True))
                lines.append(f"| {label} | {' + '.join(sources) or 'none'} | {untyped:.3f} | {typed:.3f} |")
    gazetteer.enabled_sources = gazetteer.SOURCES
    return "\n".join(lines)


def _gold_sets() -> list[tuple[str, Callable[[], tuple[Corpus, dict[str, list[dict[str, object]]]]]]]:
    sets: list[tuple[str, Callable[[], tuple[Corpus, dict[str, list[dict[str, object]]]]]]] = [
        (f"samples ({len(GOLD['articles'])})", lambda: (sample_corpus(), GOLD["articles"]))
    ]
    if UNSEEN_CORPUS.is_dir():
        for section in ("unseen", "held_out", "stories_held_out", "stories_fresh"):

            def build_set(section: str = section) -> tuple[Corpus, dict[str, list[dict[str, object]]]]:
                corpus, keys = unseen_corpus(section)
                return corpus, {a: GOLD[section]["articles"][k] for a, k in keys.items()}

            sets.append((f"{section} BBC ({len(GOLD[section]['articles'])})", build_set))
    return sets


def errors(gold: dict[str, list[dict[str, object]]], predictions: dict[str, Predicted]) -> list[str]:
    """Per article: names predicted but not in the gold (extra), of the wrong type, and missed."""
    lines = []
    for article, entries in gold.items():
        lines.append(f"{article}:")
        found = set()
        for kind, names in predictions.get(article, {}).values():
            matched = [entry for entry in entries if written_as(entry, names)]
            found.update(id(entry) for entry in matched)
            if not matched:
                lines.append(f"  extra   {kind:<12} {', '.join(sorted(names))}")
            elif all(entry["type"] != kind for entry in matched):
                lines.append(f"  type    {kind:<12} {', '.join(sorted(names))} (gold: {matched[0]['type']})")
        for entry in entries:
            if id(entry) not in found:
                lines.append(f"  missed  {entry['type']:<12} {', '.join(entry['surfaces'])}")  # type: ignore[arg-type]
    return lines


if __name__ == "__main__":
    if sys.argv[1:] == ["--places"]:
        sys.stdout.write(places_report() + "\n")
    elif sys.argv[1:] == ["--errors"]:
        sections = [(sample_corpus(), GOLD["articles"])]
        if UNSEEN_CORPUS.is_dir():
            corpus, keys = unseen_corpus()
            sections.append((corpus, {a: GOLD["unseen"]["articles"][k] for a, k in keys.items()}))
        for corpus, gold in sections:
            sys.stdout.write("\n".join(errors(gold, parallax_predictions(corpus))) + "\n")
    else:
        sys.stdout.write(report() + "\n")
