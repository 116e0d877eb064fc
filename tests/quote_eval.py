"""Quote quality against the hand-made gold in tests/gold/quotes.yml and quotes_held_out.yml.

Quote finding. Within one article, a predicted quote matches a gold quote when their folded words
(casefolded runs of letters and digits: case, punctuation and spacing aside) overlap
substantially: the words they share, counted with repetition, are at least half of the longer
one's words. Each gold quote matches at most one predicted quote and the other way round; pairs
are taken best overlap first (text order on ties), so "weaker" and "weaker pattern" each find
their own. Precision is matched predictions / predictions, recall matched gold / gold, both
summed over the set's articles (not averaged per article).

Speakers. For a gold quote that was found, the speaker is right when a name of the predicted
speaker entity (its name, its aliases, or the names it is written as in that article) is one of
the gold `speaker_surfaces` (casefolded), or when both are empty: the gold names nobody and the
prediction has no speaker. Short gold quotes (`short: true`: scare quotes and labels of one to four
words) are scored apart, and the speaker accuracy the gate uses is on long quotes only; short
quotes count in precision and recall.

Run `python -m tests.quote_eval` for the table of every set, and `python -m tests.quote_eval
--errors` for every error of the samples and of the `read` and `read_more` BBC articles. The errors
of `held_out` are never printed: they stay unread by whoever writes rules.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.model import Corpus
from tests.conftest import REPO
from tests.entity_eval import build_corpus, sample_corpus

GOLD_DIR = REPO / "tests" / "gold"
GOLD = yaml.safe_load((GOLD_DIR / "quotes.yml").read_text("utf-8"))
HELD_OUT = yaml.safe_load((GOLD_DIR / "quotes_held_out.yml").read_text("utf-8"))
BBC_SETS: dict[str, dict[str, object]] = {
    "read": GOLD["read"],
    "read_more": GOLD["read_more"],
    "held_out": HELD_OUT["held_out"],
}
BBC_CORPUS = (REPO / GOLD["read"]["corpus"]).resolve()
MATCH = 0.5
"""The share of the longer quote's words the two must share to match."""

Entry = dict[str, object]
"""One gold quote: text, speaker, speaker_surfaces, kind and optionally short."""
_WORDS = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Predicted:
    """A quote as Parallax found it, with the names its speaker entity goes by."""

    text: str
    speaker: str | None
    """The speaker's entity name (for error lines), `None` without a speaker."""
    names: frozenset[str]
    """Casefolded: the entity's name, its aliases, and the names it is written as in the article."""
    cue: str
    start: int


@dataclass
class Tally:
    gold: int = 0
    gold_short: int = 0
    predicted: int = 0
    found: int = 0
    found_short: int = 0
    speaker_right: int = 0
    """Long gold quotes found with the right speaker."""
    short_speaker_right: int = 0

    @property
    def precision(self) -> float:
        return (self.found + self.found_short) / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return (
            (self.found + self.found_short) / (self.gold + self.gold_short)
            if self.gold + self.gold_short
            else 1.0
        )

    @property
    def recall_long(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def recall_short(self) -> float:
        return self.found_short / self.gold_short if self.gold_short else 1.0

    @property
    def speaker_accuracy(self) -> float:
        """On the long gold quotes that were found."""
        return self.speaker_right / self.found if self.found else 1.0

    @property
    def short_speaker_accuracy(self) -> float:
        return self.short_speaker_right / self.found_short if self.found_short else 1.0


def words(text: str) -> list[str]:
    return _WORDS.findall(text.casefold())


def overlap(first: str, second: str) -> float:
    """Shared words (with repetition) over the longer one's word count."""
    a, b = Counter(words(first)), Counter(words(second))
    longer = max(sum(a.values()), sum(b.values()))
    return sum((a & b).values()) / longer if longer else 0.0


def align(gold: list[Entry], predicted: list[Predicted]) -> dict[int, int]:
    """Gold index -> predicted index, one to one, best overlap first."""
    pairs = []
    for g, entry in enumerate(gold):
        for p, quote in enumerate(predicted):
            share = overlap(str(entry["text"]), quote.text)
            if share >= MATCH:
                pairs.append((-share, g, p))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, g, p in sorted(pairs):
        if g not in matched and p not in taken:
            matched[g] = p
            taken.add(p)
    return matched


def speaker_right(entry: Entry, quote: Predicted) -> bool:
    surfaces = {str(s).casefold() for s in entry["speaker_surfaces"]}  # type: ignore[attr-defined]
    if not surfaces or not quote.names:
        return not surfaces and not quote.names
    return bool(surfaces & quote.names)


def predictions(corpus: Corpus) -> dict[str, list[Predicted]]:
    result: dict[str, list[Predicted]] = {}
    for article in corpus:
        written: dict[str, set[str]] = {}
        for mention in corpus.mentions_in(article.id):
            written.setdefault(mention.entity, set()).add(mention.text)
        found = []
        for quote in corpus.quotes_in(article.id):
            entity = corpus.entity(quote.speaker) if quote.speaker else None
            names: frozenset[str] = frozenset()
            if entity is not None:
                every = {entity.name, *entity.aliases, *written.get(entity.id, ())}
                names = frozenset(name.casefold() for name in every)
            found.append(
                Predicted(quote.text, entity.name if entity else None, names, quote.cue, quote.start)
            )
        result[article.id] = found
    return result


def tally(gold: dict[str, list[Entry]], predicted: dict[str, list[Predicted]]) -> Tally:
    total = Tally()
    for article, entries in gold.items():
        quotes = predicted.get(article, [])
        total.predicted += len(quotes)
        matched = align(entries, quotes)
        for g, entry in enumerate(entries):
            short = bool(entry.get("short"))
            right = g in matched and speaker_right(entry, quotes[matched[g]])
            if short:
                total.gold_short += 1
                total.found_short += g in matched
                total.short_speaker_right += right
            else:
                total.gold += 1
                total.found += g in matched
                total.speaker_right += right
    return total


def bbc_corpus(section: str) -> tuple[Corpus, dict[str, list[Entry]]]:
    """The BBC articles of `section` (`read`, `read_more` or `held_out`) built as one project, with
    the gold by article id. Each file is copied as `<folder>-<NNN>.txt`, so Parallax drops the
    headline."""
    articles: dict[str, list[Entry]] = BBC_SETS[section]["articles"]  # type: ignore[assignment]
    files, gold = [], {}
    for key, entries in articles.items():
        name = key.replace("/", "-")
        files.append((name, BBC_CORPUS / key))
        gold[Path(name).stem] = entries
    return build_corpus(files, with_annotations=False), gold


def sets(names: Iterable[str]) -> list[tuple[str, dict[str, list[Entry]], dict[str, list[Predicted]]]]:
    """(label, gold by article id, predictions) for `samples` and each BBC set the corpus allows."""
    result = []
    for name in names:
        if name == "samples":
            result.append((name, GOLD["articles"], predictions(sample_corpus())))
        elif BBC_CORPUS.is_dir():
            corpus, gold = bbc_corpus(name)
            result.append((name, gold, predictions(corpus)))
    return result


def report() -> str:
    lines = [
        "| set | articles | gold quotes (long + short) | predicted | precision | recall | recall long"
        " | recall short | speaker accuracy (long) | speaker accuracy (short) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, gold, predicted in sets(("samples", "read", "read_more", "held_out")):
        t = tally(gold, predicted)
        lines.append(
            f"| {name} | {len(gold)} | {t.gold} + {t.gold_short} | {t.predicted} | {t.precision:.3f}"
            f" | {t.recall:.3f} | {t.recall_long:.3f} | {t.recall_short:.3f}"
            f" | {t.speaker_accuracy:.3f} ({t.speaker_right}/{t.found})"
            f" | {t.short_speaker_accuracy:.3f} ({t.short_speaker_right}/{t.found_short}) |"
        )
    if not BBC_CORPUS.is_dir():
        lines.append(f"(the BBC sets need {BBC_CORPUS}, which this checkout does not have)")
    return "\n".join(lines)


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= width else f'"{text[: width - 3]}..."'


def errors(
    gold: dict[str, list[Entry]], predicted: dict[str, list[Predicted]]
) -> tuple[list[str], Counter[str]]:
    """Per article: gold quotes missed, quotes found with the wrong speaker (none found where the
    gold names one, one found where it names nobody: spurious, or another one: wrong), and predicted
    quotes that match no gold quote (extra); with counts by error and gold kind."""
    lines: list[str] = []
    counts: Counter[str] = Counter()
    for article, entries in gold.items():
        quotes = predicted.get(article, [])
        matched = align(entries, quotes)
        lines.append(f"{article}:")
        for g, entry in enumerate(entries):
            kind = f"{entry['kind']}{' short' if entry.get('short') else ''}"
            want = entry["speaker"] or "(nobody)"
            if g not in matched:
                lines.append(f"  missed   {kind:<20} {_clip(str(entry['text']))} ({want})")
                counts[f"missed, {kind}"] += 1
            elif not speaker_right(entry, quote := quotes[matched[g]]):
                got = quote.speaker or "(nobody)"
                lines.append(
                    f"  speaker  {kind:<20} {_clip(str(entry['text']))} gold: {want}; found: {got}"
                    f" (cue: {quote.cue or '-'})"
                )
                problem = "none found" if not quote.names else "spurious" if not entry["speaker"] else "wrong"
                counts[f"speaker {problem}, {kind}"] += 1
        for p, quote in enumerate(quotes):
            if p not in matched.values():
                lines.append(f"  extra    {'':<20} {_clip(quote.text)} ({quote.speaker or '(nobody)'})")
                counts["extra"] += 1
    return lines, counts


def main(argv: list[str]) -> None:
    started = time.perf_counter()
    if argv == ["--errors"]:
        for name, gold, predicted in sets(("samples", "read", "read_more")):
            lines, counts = errors(gold, predicted)
            sys.stdout.write(f"## {name}\n" + "\n".join(lines) + "\n")
            summary = ", ".join(f"{kind}: {n}" for kind, n in sorted(counts.items()))
            sys.stdout.write(f"errors in {name}: {summary or 'none'}\n\n")
    else:
        sys.stdout.write(report() + "\n")
    sys.stderr.write(f"({time.perf_counter() - started:.1f} s)\n")


if __name__ == "__main__":
    main(sys.argv[1:])
