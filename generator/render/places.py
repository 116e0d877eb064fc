"""Where the places the articles name are: coordinates from the gazetteers, or a country's shape.

Part of stage 5 (render): pure. A place entity is looked up by its name, then by its aliases (most
written first, an all-capitals dateline also in title case). Of the entries found, one in a
country the articles name comes first, then the most prominent (see `extract.gazetteer`). That
entry decides: a country is placed at the centre of its shape in Natural Earth (world-atlas); a
city has GeoNames' coordinates, used when it is prominent (a million people or more) or lies in a
country the articles name; anything else is listed with the reason it has no point. Nothing is
guessed from a lesser entry when the best one has no coordinates.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

import pycountry

from generator.extract.gazetteer import Place, places_named
from generator.model import Corpus, Entity, EntityType
from generator.render.outlets import mentions_by_outlet, named_by
from generator.render.topojson import Shape, atlas_version, world


@dataclass(frozen=True, slots=True)
class Located:
    """A place entity with where it is, or why it has no point on the map."""

    entity: Entity
    mentions: int
    outlets: tuple[tuple[str, int], ...]
    """(outlet, mentions), most first."""
    latitude: float | None = None
    longitude: float | None = None
    source: str | None = None
    """Where the coordinates come from: the gazetteer entry, or the country shape."""
    place: Place | None = None
    """The gazetteer entry the name was read as."""
    shape: str | None = None
    """For a country: its shape's id in world-atlas (ISO 3166-1 numeric), for shading."""
    why: str = ""
    """For a place without coordinates: the reason."""
    unknown: tuple[int, int] = (0, 0)
    """(articles, mentions) of the articles that name it and whose outlet is not known."""

    @property
    def on_map(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def named_by(self) -> str:
        return named_by(self.outlets, self.unknown)


def locate_places(corpus: Corpus) -> list[Located]:
    """Every place entity, most mentioned first, with its coordinates where a gazetteer has them."""
    places = [entity for entity in corpus.entities if entity.type is EntityType.PLACE]
    found = {entity.id: _entries(entity, corpus) for entity in places}
    named_countries = {
        entries[0].country for entries in found.values() if entries and entries[0].kind == "country"
    }
    located = []
    for entity in places:
        outlets, unknown = mentions_by_outlet(corpus, entity.id)
        place = _locate(
            entity, len(corpus.mentions_of(entity.id)), outlets, found[entity.id], named_countries
        )
        located.append(dataclasses.replace(place, unknown=unknown))
    located.sort(key=lambda item: (-item.mentions, item.entity.name.casefold(), item.entity.id))
    return located


def _entries(entity: Entity, corpus: Corpus) -> tuple[Place, ...]:
    """The gazetteer's entries for the first of the entity's names it knows."""
    written = Counter(mention.text for mention in corpus.mentions_of(entity.id))
    names = [entity.name, *sorted(entity.aliases, key=lambda alias: (-written[alias], alias))]
    names += [name.title() for name in names if name.isupper() and len(name) > 3]  # "TRIPOLI", not "UAE"
    for name in dict.fromkeys(names):
        entries = places_named(name)
        if entries:
            return entries
    return ()


def _locate(
    entity: Entity,
    mentions: int,
    outlets: tuple[tuple[str, int], ...],
    entries: tuple[Place, ...],
    named_countries: set[str],
) -> Located:
    if not entries:
        return Located(entity, mentions, outlets, why="no gazetteer knows its name")
    ranked = sorted(
        entries,
        key=lambda p: (p.country not in named_countries, not p.prominent, -(p.population or 0)),
    )
    best = ranked[0]
    if best.kind == "country":
        shape = country_shape(best.country)
        if shape is None:
            return Located(entity, mentions, outlets, place=best, why="world-atlas has no shape for it")
        longitude, latitude = shape.centre()
        source = f"centre of its shape in Natural Earth (world-atlas {atlas_version()})"
        return Located(entity, mentions, outlets, latitude, longitude, source, best, shape.id)
    if best.latitude is None or best.longitude is None:
        return Located(entity, mentions, outlets, place=best, why=f"{best.describe()}, without coordinates")
    if not best.prominent and best.country not in named_countries:
        why = f"{best.describe()}, in a country the articles do not name: too uncertain to place"
        return Located(entity, mentions, outlets, place=best, why=why)
    return Located(entity, mentions, outlets, best.latitude, best.longitude, best.describe(), best)


def country_shape(alpha_2: str) -> Shape | None:
    """The finer world-atlas shape of the country with this ISO 3166-1 alpha-2 code."""
    country = pycountry.countries.get(alpha_2=alpha_2) if alpha_2 else None
    return _shapes().get(country.numeric) if country is not None else None


@cache
def _shapes() -> dict[str, Shape]:
    return {shape.id: shape for shape in world("50m") if shape.id}


def place_records(corpus: Corpus) -> list[dict[str, Any]]:
    """`data/places.json`: every place entity, with its coordinates and their source, or the reason
    it has none."""
    records = []
    for item in locate_places(corpus):
        place = item.place
        records.append(
            {"id": item.entity.id, "name": item.entity.name,
             "lat": round(item.latitude, 5) if item.latitude is not None else None,
             "lon": round(item.longitude, 5) if item.longitude is not None else None,
             "mentions": item.mentions, "source": item.source,
             "outlets": [{"outlet": outlet, "mentions": count} for outlet, count in item.outlets],
             "unknown_outlet": {"articles": item.unknown[0], "mentions": item.unknown[1]},
             "gazetteer": {"name": place.name, "kind": place.kind, "country": place.country or None,
                           "population": place.population, "source": place.source} if place else None,
             "shape": item.shape, "unplaced": item.why or None}
        )  # fmt: skip
    return records
