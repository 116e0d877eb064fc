"""The extraction cache in `.parallax-cache/` and articles too long for the model.

The model's results per article are cached by (model, rules, text); a re-run reads them back and
runs the model only over articles whose text changed. The only stand-in used here replaces
`generator.extract.runner._run_model` (the one place the model reads text) to see or forbid its calls.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

import generator.extract.runner
from generator.build import Project, build
from generator.extract.runner import MAX_ARTICLE_CHARS, RULES_VERSION, rules_fingerprint
from generator.model import Article, Extraction

ARTICLE_IDS = [
    "000_c9538e6b4c7c64b9",
    "001_0ecb2f08c5882e7a",
    "002_c5e94d6caf5d1f55",
    "003_6b383f3c232c05d5",
    "004_23e8d5bb857ada88",
]
REAL_RUN_MODEL = generator.extract.runner._run_model


@pytest.fixture(autouse=True)
def own_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the project's own cache folder, not the suite's shared one."""
    monkeypatch.delenv("PARALLAX_CACHE", raising=False)


def cache_files(project: Project) -> list[Path]:
    return sorted(project.cache.rglob("*.json"))


def record_model_runs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every call of the model, as the ids of the articles it was given; the real model still runs."""
    calls: list[list[str]] = []

    def recording(articles: Sequence[Article], model: str | None = None) -> list[Extraction]:
        calls.append([article.id for article in articles])
        return REAL_RUN_MODEL(articles, model)

    monkeypatch.setattr(generator.extract.runner, "_run_model", recording)
    return calls


def forbid_model_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The model fails if it is asked to read any article; returns the sizes of the calls made."""
    calls: list[int] = []

    def failing(articles: Sequence[Article]) -> list[Extraction]:
        calls.append(len(articles))
        if articles:
            raise AssertionError(f"the model was run on {[a.id for a in articles]}")
        return []

    monkeypatch.setattr(generator.extract.runner, "_run_model", failing)
    return calls


def test_the_first_build_caches_one_file_per_article(sample_project: Project) -> None:
    result = build(sample_project, force=True)
    assert result.problems == ()
    files = cache_files(sample_project)
    assert len(files) == 5
    unpunctuated = 0
    for path in files:
        assert re.fullmatch(r"[0-9a-f]{64}\.json", path.name)
        assert path.parent.name == path.name[:2]
        assert path.parent.parent == sample_project.root / ".parallax-cache"
        data = json.loads(path.read_text("utf-8"))
        assert set(data) == {"candidates", "sentences", "acronyms", "unpunctuated"}
        assert data["sentences"]
        unpunctuated += data["unpunctuated"]
    assert unpunctuated == 1  # 000, the copy stripped of punctuation
    # Beside the extractions, only the last build's saved state (see generator.increment).
    others = [p for p in sample_project.cache.rglob("*") if p.is_file() and p.suffix != ".json"]
    assert sorted(p.relative_to(sample_project.cache).parts[0::2] for p in others) == [
        ("builds", "corpus.pickle"),
        ("builds", "state.pickle"),
    ]
    assert (sample_project.docs / "data" / "entities.json").is_file()
    assert [
        p for p in sample_project.docs.rglob("*") if ".parallax-cache" in p.parts
    ] == []  # never published


def test_a_second_build_reads_every_article_from_the_cache(
    sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build(sample_project, force=True)
    stored = {path: path.read_bytes() for path in cache_files(sample_project)}
    calls = forbid_model_runs(monkeypatch)
    second = build(sample_project, force=True)
    assert sum(calls) == 0
    assert second.problems == ()
    assert second.corpus == first.corpus
    assert second.corpus.entities == first.corpus.entities
    assert second.corpus.mentions == first.corpus.mentions
    assert second.corpus.sentences == first.corpus.sentences
    assert {path: path.read_bytes() for path in cache_files(sample_project)} == stored


def test_a_fully_cached_build_never_calls_the_model(
    sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(sample_project, force=True)

    def failing(articles: Sequence[Article]) -> list[Extraction]:
        raise AssertionError("the model was called")

    monkeypatch.setattr(generator.extract.runner, "_run_model", failing)
    assert build(sample_project, force=True).problems == ()


def test_a_fully_cached_build_does_not_load_the_model(
    sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(sample_project, force=True)

    def unavailable(model: str | None = None) -> None:
        raise OSError("no spaCy English model installed")

    monkeypatch.setattr(generator.extract.runner, "load_model", unavailable)
    assert build(sample_project, force=True).problems == ()


def test_changing_one_article_runs_the_model_on_that_article_only(
    sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = record_model_runs(monkeypatch)
    build(sample_project, force=True)
    assert calls == [ARTICLE_IDS]
    changed = sample_project.seeds / "003_6b383f3c232c05d5.txt"
    changed.write_text(
        changed.read_text("utf-8") + "\nMatteo Salvini said Italy would not send troops to Tripoli.\n",
        "utf-8",
    )
    calls.clear()
    result = build(sample_project, force=True)
    assert calls == [["003_6b383f3c232c05d5"]]
    assert len(cache_files(sample_project)) == 6
    added = [m for m in result.corpus.mentions_in("003_6b383f3c232c05d5") if m.text == "Matteo Salvini"]
    assert [m.entity for m in added] == ["matteo-salvini"]
    calls.clear()
    build(sample_project, force=True)
    assert calls == []  # everything cached: the model is not called at all


def test_a_new_article_is_the_only_one_read_by_the_model(
    sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(sample_project, force=True)
    calls = record_model_runs(monkeypatch)
    (sample_project.seeds / "005_salame.txt").write_text(
        "Envoy warns of a long war\n\n"
        "Ghassan Salame, the UN envoy, told the Security Council that the fighting around Tripoli "
        "could last for months.\n",
        "utf-8",
    )
    result = build(sample_project, force=True)
    assert calls == [["005_salame"]]
    assert [m.text for m in result.corpus.mentions_in("005_salame")][:2] == ["Ghassan Salame", "UN"]


def test_a_damaged_cache_file_is_read_again_by_the_model(
    sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build(sample_project, force=True)
    calls = record_model_runs(monkeypatch)
    for path in cache_files(sample_project):
        path.write_text("{not json", "utf-8")
    second = build(sample_project, force=True)
    assert calls == [ARTICLE_IDS]
    assert second.corpus == first.corpus
    assert all(json.loads(path.read_text("utf-8"))["sentences"] for path in cache_files(sample_project))


def test_a_copied_project_reuses_nothing_but_builds_the_same(
    sample_project: Project, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build(sample_project, force=True)
    other = Project.at(tmp_path_factory.mktemp("other"))
    shutil.copytree(sample_project.seeds, other.seeds)
    calls = record_model_runs(monkeypatch)
    second = build(other, force=True)
    assert calls == [ARTICLE_IDS]
    assert second.corpus == first.corpus
    assert len(cache_files(other)) == 5


# --- an article too long for the model -------------------------------------------------------------------

BRIEFING = (
    "UN envoy warns of wider war\n\n"
    "TRIPOLI – Fighters loyal to Khalifa Haftar pushed towards Tripoli on Sunday, "
    "the United Nations said.\n\n"
    "Ghassan Salame, the UN envoy, urged both sides to halt the fighting.\n"
)
SESSION = (
    "Delegates read out the statement again, and the committee adjourned until the next morning session. "
)


def transcript() -> str:
    """A committee transcript of just over a million characters; names only in its last paragraph."""
    paragraphs = [(SESSION * 20).strip()] * 501
    paragraphs[-1] = "Ghassan Salame said Khalifa Haftar must withdraw from Tripoli and return to Benghazi."
    return "Transcript of the committee sessions\n\n" + "\n\n".join(paragraphs) + "\n"


def test_a_too_long_article_is_not_read_by_the_model_but_still_linked(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project.seeds / "briefing.txt").write_text(BRIEFING, "utf-8")
    (project.seeds / "transcript.txt").write_text(transcript(), "utf-8")
    calls = record_model_runs(monkeypatch)
    result = build(project, force=True)
    assert calls == [["briefing"]]
    article = result.corpus.get("transcript")
    assert article is not None
    assert len(article.text) == 1_000_585 > MAX_ARTICLE_CHARS
    assert [str(problem) for problem in result.problems] == [
        "seeds/transcript.txt: warning: is too long for name extraction (1,000,585 characters; the limit is "
        "1,000,000); names found in other articles are still linked in it"
    ]
    assert result.errors == 0
    assert not result.failed(strict=False)
    start = article.text.index("Ghassan Salame said")
    assert [(m.start - start, m.text, m.entity) for m in result.corpus.mentions_in("transcript")] == [
        (0, "Ghassan Salame", "ghassan-salame"),
        (20, "Khalifa Haftar", "khalifa-haftar"),
        (54, "Tripoli", "tripoli"),
    ]
    assert "Benghazi" not in {a for e in result.corpus.entities for a in e.aliases}
    page = (project.docs / "articles" / "transcript.md").read_text("utf-8")
    assert 'data-entity="khalifa-haftar" data-preview>Khalifa Haftar</a>' in page
    assert len(cache_files(project)) == 1  # only the briefing: a too-long article is never cached
    sentences = result.corpus.sentences["transcript"]
    assert len(sentences) == 501 == len(article.paragraphs)
    assert [(p.start, p.end) for p in article.paragraphs] == list(sentences)


def test_the_rules_key_changes_with_any_file_of_the_extract_stage(tmp_path: Path) -> None:
    stage = Path(generator.extract.runner.__file__).parent
    copy = tmp_path / "extract"
    shutil.copytree(stage, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert rules_fingerprint(copy) == RULES_VERSION
    seen = {RULES_VERSION}
    # A word list edited, a rule module edited, and a new rule module: each is a new key.
    names = copy / "data" / "names.yml"
    names.write_text(names.read_text("utf-8") + "# one more word\n", "utf-8")
    seen.add(rules_fingerprint(copy))
    (copy / "rules.py").write_text((copy / "rules.py").read_text("utf-8") + "\n", "utf-8")
    seen.add(rules_fingerprint(copy))
    (copy / "more_rules.py").write_text("RULE = 1\n", "utf-8")
    last = rules_fingerprint(copy)
    seen.add(last)
    assert len(seen) == 4
    # A compiled file is not a rule.
    (copy / "__pycache__").mkdir()
    (copy / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\0")
    assert rules_fingerprint(copy) == last
