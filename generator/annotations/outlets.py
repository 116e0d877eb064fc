"""`annotations/outlets.yml` -> `OutletCuration`: each outlet's name, aliases, web domains and what
the researcher knows of it. Reads only; problems name file:line:column.

An alias that looks like a web domain (`bbc.co.uk`, `https://www.bbc.co.uk/`) is also a domain, and
so is the homepage's: an article without an outlet whose URL is on it gets the outlet (stage 3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from generator.annotations.validate import meets, validate
from generator.annotations.yamlfile import Location, YamlDocument, YamlError, load_yaml
from generator.model import Problem, Severity
from generator.paths import display_path

_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})/?", re.IGNORECASE)
_FIELDS = ("country", "language", "owner", "notes")


@dataclass(frozen=True, slots=True)
class OutletSpec:
    """One entry of `outlets.yml`."""

    name: str
    line: int | None
    aliases: tuple[str, ...] = ()
    """Other names, as written (domains included: an article may name its outlet by its domain)."""
    domains: tuple[str, ...] = ()
    """Lower case, without `www.`: from the aliases that are domains and from the homepage."""
    country: str | None = None
    language: str | None = None
    owner: str | None = None
    homepage: str | None = None
    notes: str | None = None
    ratings: tuple[tuple[str, str], ...] = ()
    """(key, value) as the researcher wrote them, in the file's order."""


@dataclass(frozen=True, slots=True)
class OutletCuration:
    path: str = "annotations/outlets.yml"
    outlets: tuple[OutletSpec, ...] = ()


def domain_of(text: str) -> str | None:
    """`bbc.co.uk` for `bbc.co.uk`, `www.bbc.co.uk` or `https://www.bbc.co.uk/`; None for a name."""
    match = _DOMAIN.fullmatch(text.strip())
    return match.group(1).lower() if match else None


def host_of(url: str | None) -> str | None:
    """The host of an http(s) URL, lower case, without `www.`; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def load_outlets(folder: Path, root: Path, problems: list[Problem]) -> OutletCuration:
    """Read `folder/outlets.yml`; a missing file means no outlet is described yet."""
    path = folder / "outlets.yml"
    display = display_path(path, root)
    if not path.is_file():
        return OutletCuration(display)
    try:
        document = load_yaml(path, display)
    except YamlError as error:
        problems.append(error.problem)
        return OutletCuration(display)
    problems.extend(validate(document, "outlets"))
    data = document.data if isinstance(document.data, dict) else {}
    raw = data.get("outlets")
    specs: list[OutletSpec] = []
    claimed: dict[str, tuple[str, int | None]] = {}
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        spec = _spec(document, index, item)
        if spec is not None and _claim(document, index, spec, claimed, problems):
            specs.append(spec)
    return OutletCuration(display, tuple(specs))


def _spec(document: YamlDocument, index: int, item: object) -> OutletSpec | None:
    if not isinstance(item, dict) or not _text(item.get("name")):
        return None  # reported by validation
    mark = document.mark(("outlets", index))
    raw_aliases = item.get("aliases")
    aliases = tuple(a.strip() for a in (raw_aliases if isinstance(raw_aliases, list) else []) if _text(a))
    homepage = item.get("homepage")
    homepage = (
        homepage.strip() if isinstance(homepage, str) and meets("outlets", homepage, *_HOMEPAGE) else None
    )
    domains = [domain for alias in aliases if (domain := domain_of(alias))]
    home = host_of(homepage)
    if home:
        domains.append(home)
    raw_ratings = item.get("ratings")
    ratings = tuple(
        (str(key), str(value))
        for key, value in (raw_ratings.items() if isinstance(raw_ratings, dict) else ())
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip()
    )
    fields = {name: _text(item.get(name)) for name in _FIELDS}
    return OutletSpec(
        name=str(_text(item["name"])),
        line=mark.line if mark else None,
        aliases=aliases,
        domains=tuple(dict.fromkeys(domains)),
        homepage=homepage,
        ratings=ratings,
        **fields,
    )


_HOMEPAGE = ("properties", "outlets", "items", "properties", "homepage")


def _claim(
    document: YamlDocument,
    index: int,
    spec: OutletSpec,
    claimed: dict[str, tuple[str, int | None]],
    problems: list[Problem],
) -> bool:
    """Register the outlet's names and domains; an entry that reuses another's is left out."""
    keys: list[tuple[str, str, Location]] = [("name", spec.name, ("outlets", index, "name"))]
    for position, alias in enumerate(spec.aliases):
        keys.append(("alias", alias, ("outlets", index, "aliases", position)))
        if domain := domain_of(alias):
            keys.append(("domain", domain, ("outlets", index, "aliases", position)))
    if home := host_of(spec.homepage):
        keys.append(("domain", home, ("outlets", index, "homepage")))
    mine: dict[str, str] = {}
    for kind, value, location in keys:
        folded = value.casefold() if kind != "domain" else f"domain:{value}"
        owner = claimed.get(folded)
        if owner is not None and owner[0] != spec.name:
            where = f"line {owner[1]}" if owner[1] else "above"
            problems.append(
                document.problem(
                    location,
                    f"the {kind} '{value}' already belongs to the outlet '{owner[0]}' ({where}); "
                    "a name or domain can mean one outlet only: remove it here or there. "
                    f"This entry ('{spec.name}') is not applied",
                    Severity.ERROR,
                )
            )
            return False
        mine[folded] = value
    for folded in mine:
        claimed[folded] = (spec.name, spec.line)
    return True


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
