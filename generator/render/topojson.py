"""The world's country shapes: Natural Earth's, as the npm package `world-atlas` ships them in
TopoJSON (vendored into `data/world-atlas/` by `make vendor`), read into plain polygons.

TopoJSON stores each border once, as an arc of delta-encoded integer points that the shapes on
both sides refer to by index (`~i` for arc `i` walked backwards). Only what the map needs is read:
Polygon and MultiPolygon geometries with a quantizing transform.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

Point = tuple[float, float]
"""(longitude, latitude) in degrees."""
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]
"""Its outer ring, then its holes."""

ATLAS = "data/world-atlas"
DETAILS = ("50m", "110m")
"""Natural Earth's scales as world-atlas names them: 1:50 million (finer) and 1:110 million."""


@dataclass(frozen=True, slots=True)
class Shape:
    """One country (or territory) of the atlas."""

    id: str
    """ISO 3166-1 numeric code as world-atlas writes it (`434` for Libya); empty for the few
    territories without one (Kosovo, Somaliland...)."""
    name: str
    polygons: tuple[Polygon, ...]
    bbox: tuple[float, float, float, float]
    """(west, south, east, north) in degrees; east may pass 180° (a shape across the antimeridian)."""

    def largest(self) -> Polygon:
        """The polygon of the largest area (by degrees, which ranks a country's parts well enough)."""
        return max(self.polygons, key=lambda polygon: abs(_area(polygon[0])))

    def centre(self) -> Point:
        """The centroid of its largest polygon's outer ring: where the map marks the country."""
        ring = self.largest()[0]
        area = lon = lat = 0.0
        for (x0, y0), (x1, y1) in itertools.pairwise(ring):
            cross = x0 * y1 - x1 * y0
            area += cross
            lon += (x0 + x1) * cross
            lat += (y0 + y1) * cross
        if abs(area) < 1e-12:  # a degenerate sliver: its first point will do
            lon, lat, area = ring[0][0] * 3, ring[0][1] * 3, 1.0
        return ((lon / (3 * area) + 180) % 360 - 180, lat / (3 * area))


@cache
def world(detail: str = "50m") -> tuple[Shape, ...]:
    """The countries at one of `DETAILS`, read once per process."""
    if detail not in DETAILS:
        raise ValueError(f"no world-atlas countries at {detail!r}; expected one of {', '.join(DETAILS)}")
    text = resources.files("generator.render").joinpath(f"{ATLAS}/countries-{detail}.json").read_text("utf-8")
    return read_topology(json.loads(text), "countries")


@cache
def atlas_version() -> str:
    """The vendored world-atlas release, for the map's caption and places.json."""
    text = resources.files("generator.render").joinpath(f"{ATLAS}/package.json").read_text("utf-8")
    return str(json.loads(text).get("version", ""))


def read_topology(topology: dict[str, Any], name: str) -> tuple[Shape, ...]:
    """The Polygon and MultiPolygon geometries of the object `name`; other geometry types are skipped."""
    arcs = [_decode(arc, topology.get("transform")) for arc in topology["arcs"]]
    shapes = []
    for geometry in topology["objects"][name]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            parts = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            parts = geometry["arcs"]
        else:
            continue
        polygons = tuple(tuple(_ring(arcs, ring) for ring in polygon) for polygon in parts)
        points = [point for polygon in polygons for point in polygon[0]]
        if not points:
            continue
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        shapes.append(
            Shape(
                str(geometry.get("id") or ""),
                str((geometry.get("properties") or {}).get("name") or ""),
                polygons,
                (min(lons), min(lats), max(lons), max(lats)),
            )
        )
    return tuple(shapes)


def _decode(arc: Sequence[Sequence[float]], transform: dict[str, Any] | None) -> list[Point]:
    if not transform:
        return [(float(x), float(y)) for x, y, *_ in arc]
    (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
    points: list[Point] = []
    x = y = 0
    for step in arc:  # delta-encoded: each point is the sum of the steps so far
        x += int(step[0])
        y += int(step[1])
        points.append((x * kx + dx, y * ky + dy))
    return points


def _ring(arcs: Sequence[list[Point]], indexes: Sequence[int]) -> Ring:
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end point
    return _unwrap(points)


def _unwrap(points: list[Point]) -> Ring:
    """A ring that crosses the antimeridian jumps from 180° to -180°; shifting what follows a jump
    by 360° makes it continuous (Russia's mainland then reaches 190°). A ring around a pole cannot
    be made continuous and is kept as it is."""
    unwrapped: list[Point] = []
    shift = 0.0
    for index, (lon, lat) in enumerate(points):
        if index and abs(lon + shift - unwrapped[-1][0]) > 180:
            shift += 360.0 if unwrapped[-1][0] > lon + shift else -360.0
        unwrapped.append((lon + shift, lat))
    if abs(unwrapped[-1][0] - unwrapped[0][0]) > 1e-6:  # did not close: it winds around a pole
        return tuple(points)
    return tuple(unwrapped)


def _area(ring: Ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2
