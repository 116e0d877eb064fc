"""Stage 3b, resolve outlets: every article's outlet under one name, and the outlets described.

The researcher's `outlets.yml` wins: an article naming its outlet by an alias ("BBC", "bbc.co.uk")
gets the outlet's name, and an article with no outlet whose URL is on one of an outlet's domains
gets that outlet. Each change records where it came from, and the outlet remembers it so its page
can say so. Outlets the articles name but the file does not describe are outlets all the same.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from generator.annotations.outlets import OutletCuration, OutletSpec, domain_of, host_of
from generator.annotations.validate import did_you_mean
from generator.model import Article, Outlet, Problem, Severity
from generator.paths import slug


@dataclass(frozen=True, slots=True)
class ResolvedOutlets:
    articles: tuple[Article, ...]
    outlets: tuple[Outlet, ...]
    """By name, case aside."""
    problems: tuple[Problem, ...]


def resolve_outlets(articles: Sequence[Article], curation: OutletCuration) -> ResolvedOutlets:
    names: dict[str, OutletSpec] = {}
    domains: dict[str, OutletSpec] = {}
    for spec in curation.outlets:
        for name in (spec.name, *spec.aliases):
            names.setdefault(name.casefold(), spec)
        for name in spec.domains:
            domains.setdefault(name, spec)
    by_domain: dict[str, list[tuple[str, str]]] = {}
    renamed: dict[str, list[tuple[str, str]]] = {}
    resolved: list[Article] = []
    for article in articles:
        given = article.meta.outlet
        found, domain = _match(article, names, domains)
        if found is None or found.name == given:
            resolved.append(article)
            continue
        where = f"{curation.path}:{found.line}" if found.line else curation.path
        if domain is not None:
            by_domain.setdefault(found.name, []).append((article.id, domain))
            origin = f"{where}, from the URL's domain {domain}"
        else:
            renamed.setdefault(found.name, []).append((article.id, str(given)))
            origin = f"{where}, for “{given}” in the text"
        resolved.append(_with_outlet(article, found.name, origin))
    outlets = _outlets(resolved, curation, by_domain, renamed)
    problems = _unused(curation, resolved, articles)
    return ResolvedOutlets(tuple(resolved), outlets, problems)


def _match(
    article: Article, names: dict[str, OutletSpec], domains: dict[str, OutletSpec]
) -> tuple[OutletSpec | None, str | None]:
    """The described outlet the article names (by name, alias or domain), or else the one its URL
    is on, with that domain."""
    given = article.meta.outlet
    if given:
        found = names.get(given.strip().casefold())
        if found is None and (as_domain := domain_of(given)):
            found = _on_domain(as_domain, domains)[0]
        return found, None
    host = host_of(article.meta.url)
    return _on_domain(host, domains) if host else (None, None)


def _on_domain(host: str, domains: dict[str, OutletSpec]) -> tuple[OutletSpec | None, str | None]:
    """The outlet whose domain is `host` or a parent of it (`news.bbc.co.uk` is on `bbc.co.uk`);
    the longest domain wins."""
    parts = host.split(".")
    for index in range(len(parts) - 1):
        candidate = ".".join(parts[index:])
        if candidate in domains:
            return domains[candidate], candidate
    return None, None


def _with_outlet(article: Article, name: str, origin: str) -> Article:
    origins = dict(article.origins)
    origins["outlet"] = origin
    return dataclasses.replace(
        article,
        meta=dataclasses.replace(article.meta, outlet=name),
        origins=tuple((key, origins[key]) for key in sorted(origins)),
    )


def _outlets(
    articles: Sequence[Article],
    curation: OutletCuration,
    by_domain: dict[str, list[tuple[str, str]]],
    renamed: dict[str, list[tuple[str, str]]],
) -> tuple[Outlet, ...]:
    described = {spec.name: spec for spec in curation.outlets}
    named = dict.fromkeys(a.meta.outlet for a in articles if a.meta.outlet)
    ids: set[str] = set()
    outlets = []
    for name in sorted({*described, *named}, key=lambda n: (n.casefold(), n)):
        base = slug(name) or "outlet"
        outlet_id, number = base, 1
        while outlet_id in ids:  # two names with one slug ("BBC News", "BBC-News")
            number += 1
            outlet_id = f"{base}-{number}"
        ids.add(outlet_id)
        spec = described.get(name)
        if spec is None:
            outlets.append(Outlet(outlet_id, name))
            continue
        outlets.append(
            Outlet(
                outlet_id, name, spec.aliases, spec.domains, spec.country, spec.language, spec.owner,
                spec.homepage, spec.notes, spec.ratings,
                f"{curation.path}:{spec.line}" if spec.line else curation.path,
                tuple(by_domain.get(name, ())), tuple(renamed.get(name, ())),
            )
        )  # fmt: skip
    return tuple(outlets)


def _unused(
    curation: OutletCuration, resolved: Sequence[Article], original: Sequence[Article]
) -> tuple[Problem, ...]:
    """An outlet described for no article: most likely its name differs from the articles'."""
    used = {a.meta.outlet for a in resolved}
    given = sorted({a.meta.outlet for a in original if a.meta.outlet})
    return tuple(
        Problem(
            curation.path,
            f"no article has the outlet '{spec.name}' (by its name, an alias, or a domain of its URL); "
            "it is listed without articles. Add the name the articles give it to its aliases"
            + did_you_mean(spec.name, given),
            Severity.WARNING,
            spec.line,
        )
        for spec in curation.outlets
        if spec.name not in used
    )
