"""What bench.site prints: issue #7's targets checked against the results, and the tables."""

from __future__ import annotations

from typing import Any

from bench.measure import DEDUPLICATED_NER, SAME_NAMES, stage_seconds
from bench.project import EDITS

GROWTH_MIN_SECONDS = 0.05
"""A stage faster than this at 1x is left out of the growth target: its ratio is timer noise."""


def targets(site: dict[str, Any], growth: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Issues #7 and #19's targets, set for the 2,225-article corpus, against what this run measured."""
    runs = site["runs"]
    cold = runs["cold"]["seconds"]
    rest = sum(seconds for stage, seconds in cold.items() if stage != "extract")
    found = [
        _target("warm rebuild (build())", runs["warm"]["build_seconds"], 5.0, "s"),
        *(
            _target(f"edit: {label} (build())", runs[label]["build_seconds"], 2.0, "s")
            for label, _ in EDITS
            if label in runs
        ),
        _target(
            "cold: all stages but extract, in % of extract", 100 * rest / cold["extract"], 25.0, "%", True
        ),
    ]
    peaks = [max(run["peak_mb"], run["workers_peak_mb"]) for run in runs.values()]
    mkdocs = site.get("mkdocs")
    if mkdocs:
        found.append(_target("mkdocs build", mkdocs["seconds"], 60.0, "s"))
        if "plain" in site:
            found.append(_target("mkdocs build / plain pages' build", site["plain"]["ratio"], 4.0, "x", True))
        found.append(_target("site size", mkdocs["site_mb"], 300.0, "MB"))
        peaks.append(mkdocs["peak_mb"])
    found.append(_target("peak memory of one process", max(peaks), 1500.0, "MB"))
    if growth:
        small = growth["runs"]["1x"]
        for kind in ("cold", "warm"):
            timed = [
                (row[f"{kind}_ratio"], row[f"{kind}_exponent"], stage)
                for stage, row in growth["stages"].items()
                if stage != "build" and stage_seconds(small[kind], stage) >= GROWTH_MIN_SECONDS
            ]
            if timed:
                ratio, exponent, stage = max(timed)
                row = _target(f"growth 4x/1x, {kind}, steepest stage: {stage}", ratio, 4.5, "x", True)
                row["measured"] += f" (exponent {exponent:.2f})"
                found.append(row)
    return found


def _target(name: str, measured: float, limit: float, unit: str, inclusive: bool = False) -> dict[str, Any]:
    return {
        "target": name,
        "wanted": f"{'<=' if inclusive else '<'} {limit:g} {unit}",
        "measured": f"{measured:,.2f} {unit}",
        "met": measured <= limit if inclusive else measured < limit,
    }


# Tables --------------------------------------------------------------------------------------


def render_site(site: dict[str, Any]) -> str:
    stages = list(dict.fromkeys(stage for run in site["runs"].values() for stage in run["seconds"]))
    lines = [
        f"{site['articles']:,} articles, {site['words']:,} words ({site['corpus']})",
        f"machine: {site['machine']}",
        "",
        "| run | " + " | ".join(stages) + " | build s | process s | articles/s | words/s | peak MB |",
        "| --- " * (len(stages) + 6) + "|",
    ]
    for label, run in site["runs"].items():
        times = " | ".join(f"{run['seconds'].get(stage, 0):.2f}" for stage in stages)
        peak = f"{run['peak_mb']:,.0f}"
        if run["workers_peak_mb"] > 0:
            peak += f" (+ workers {run['workers_peak_mb']:,.0f})"
        lines.append(
            f"| {label} | {times} | {run['build_seconds']:.2f} | {run['process_seconds']:.2f} | "
            f"{run['articles_per_second']['build']:,} | {run['words_per_second']['build']:,} | {peak} |"
        )
    mkdocs = site.get("mkdocs")
    if mkdocs:
        lines.append(
            "| mkdocs build |" + " |" * len(stages) + f" | {mkdocs['seconds']:.2f} | "
            f"{site['articles'] / mkdocs['seconds']:,.0f} | {site['words'] / mkdocs['seconds']:,.0f} | "
            f"{mkdocs['peak_mb']:,.0f} |"
        )
        lines += [
            "",
            f"mkdocs build: {mkdocs['html_pages']:,} HTML pages, site {mkdocs['site_mb']:,.1f} MB; "
            f"the generator wrote {site['runs']['cold']['pages']:,} Markdown and data files",
        ]
    plain = site.get("plain")
    if plain:
        lines.append(
            f"mkdocs build of the same articles as plain pages: {plain['seconds']:.2f} s "
            f"({plain['html_pages']:,} pages, {plain['site_mb']:,.1f} MB); "
            f"ours takes {plain['ratio']:.2f} times that"
        )
    cold = site["runs"]["cold"]
    rates = ", ".join(f"{stage} {cold['words_per_second'].get(stage, 0):,}" for stage in stages)
    lines += ["", f"cold words/s per stage: {rates}", ""]
    return "\n".join(lines)


def render_growth(growth: dict[str, Any]) -> str:
    sizes = ", ".join(f"{label}: {count:,} articles" for label, count in growth["articles"].items())
    lines = [
        f"growth ({sizes})",
        "",
        "| stage | cold 1x s | cold 4x s | ratio | exponent | warm 1x s | warm 4x s | ratio | exponent |",
        "| --- " * 9 + "|",
    ]
    small, large = growth["runs"]["1x"], growth["runs"][f"{growth['factor']}x"]
    for stage, row in growth["stages"].items():
        lines.append(
            f"| {stage} | {stage_seconds(small['cold'], stage):.2f} | "
            f"{stage_seconds(large['cold'], stage):.2f} | {row['cold_ratio']:.2f} | "
            f"{row['cold_exponent']:.2f} | {stage_seconds(small['warm'], stage):.2f} | "
            f"{stage_seconds(large['warm'], stage):.2f} | "
            f"{row['warm_ratio']:.2f} | {row['warm_exponent']:.2f} |"
        )
    lines += ["", f"extract: {DEDUPLICATED_NER}.", f"entities: {SAME_NAMES}.", ""]
    return "\n".join(lines)


def render_targets(found: list[dict[str, Any]], articles: int) -> str:
    lines = [
        f"targets (issues #7 and #19, set for the 2,225-article corpus; this run: {articles:,} articles)",
        "",
        "| target | wanted | measured | met |",
        "| --- | --- | --- | --- |",
    ]
    for row in found:
        met = "yes" if row["met"] else "NO"
        lines.append(f"| {row['target']} | {row['wanted']} | {row['measured']} | {met} |")
    return "\n".join([*lines, ""])
