"""The map of places, drawn as static SVG at build time on Natural Earth's country shapes.

Part of stage 5 (render): pure. The view is framed on where the story is (the places that carry
most of the mentions, nearest their weighted median first); the rest are drawn on a small world
map beside it. The projection is equirectangular, stretched by the cosine of the view's middle
latitude so shapes keep their proportions there. Shapes are clipped to the view and thinned to the
pixels they cover, so the page carries only what is seen. Every name passes `escape_text`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.model import Entity
from generator.render.escape import Markup, escape_text
from generator.render.places import Located
from generator.render.topojson import Ring, Shape, world

WIDTH, HEIGHT = 960, 600
CORE_SHARE = 0.75
"""The view holds the places nearest the story's centre that carry this share of the mentions."""
MIN_SPAN = 8.0
"""Degrees of latitude the view shows at least, so a story in one city still shows its region."""
MAX_MARKERS = 300
"""Places drawn, most mentioned first; the table below the map lists them all."""
MAX_ROWS = 500
"""Rows of each table on the map page; places.json has every place."""
MAX_LABELS = 20
"""Places named on the map itself, most mentioned first, where their names do not collide."""
FINE_SPAN = 100.0
"""Views narrower than this many degrees of longitude use the finer (1:50m) shapes."""
XLINK = "http://www.w3.org/1999/xlink"
"""Links in the map are `xlink:href`: Material's instant navigation rewrites every `[href]` it finds
by assigning `element.href`, which an SVG link only has as a getter (a script error)."""
_MARGIN = 12.0
"""Pixels around the view that clipped shapes extend into, so their cut edges are never seen."""


@dataclass(frozen=True, slots=True)
class Frame:
    """A view of the world: its bounds in degrees and how they map onto the picture."""

    west: float
    south: float
    east: float
    north: float
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def stretch(self) -> float:
        """Longitude is shortened by the cosine of the middle latitude (equirectangular)."""
        return max(math.cos(math.radians((self.south + self.north) / 2)), 0.2)

    def project(self, longitude: float, latitude: float) -> tuple[float, float]:
        x = (longitude - self.west) / (self.east - self.west) * self.width
        y = (self.north - latitude) / (self.north - self.south) * self.height
        return x, y

    def contains(self, longitude: float, latitude: float) -> bool:
        return self.west <= longitude <= self.east and self.south <= latitude <= self.north


WORLD = Frame(-180.0, -60.0, 180.0, 84.0, 720, 288)
"""The whole inhabited world, for the overview (Antarctica left out)."""


def story_frame(places: Sequence[Located]) -> Frame:
    """A view around the places that carry `CORE_SHARE` of the mentions, nearest the centre first."""
    points = [p for p in places if p.on_map]
    if not points:
        return WORLD
    centre_lon = _weighted_median([(p.longitude or 0.0, p.mentions) for p in points])
    centre_lat = _weighted_median([(p.latitude or 0.0, p.mentions) for p in points])
    cos = math.cos(math.radians(centre_lat))
    by_distance = sorted(
        points,
        key=lambda p: math.hypot(((p.longitude or 0.0) - centre_lon) * cos, (p.latitude or 0.0) - centre_lat),
    )
    total = sum(max(p.mentions, 1) for p in points)
    core, carried = [], 0
    for place in by_distance:
        core.append(place)
        carried += max(place.mentions, 1)
        if carried >= CORE_SHARE * total:
            break
    lons = [p.longitude or 0.0 for p in core]
    lats = [p.latitude or 0.0 for p in core]
    return _fit(min(lons), min(lats), max(lons), max(lats))


def _weighted_median(values: Sequence[tuple[float, int]]) -> float:
    ordered = sorted(values)
    half = sum(max(weight, 1) for _, weight in ordered) / 2
    running = 0
    for value, weight in ordered:
        running += max(weight, 1)
        if running >= half:
            return value
    return ordered[-1][0]


def _fit(west: float, south: float, east: float, north: float) -> Frame:
    """Pad the bounds, keep at least `MIN_SPAN`, and widen one side to the picture's proportions."""
    pad_lat = max((north - south) * 0.2, MIN_SPAN / 2)
    south, north = max(south - pad_lat, -85.0), min(north + pad_lat, 85.0)
    middle_lat = (south + north) / 2
    stretch = max(math.cos(math.radians(middle_lat)), 0.2)
    pad_lon = max((east - west) * 0.15, 2.0)
    west, east = west - pad_lon, east + pad_lon
    # Degrees of longitude that fill the width at the scale the latitude span sets, and vice versa.
    wanted_lon = (north - south) * WIDTH / HEIGHT / stretch
    if east - west < wanted_lon:
        middle = (west + east) / 2
        west, east = middle - wanted_lon / 2, middle + wanted_lon / 2
    else:
        wanted_lat = (east - west) * stretch * HEIGHT / WIDTH
        south, north = middle_lat - wanted_lat / 2, middle_lat + wanted_lat / 2
    if east - west >= 300 or north - south >= 150:
        return Frame(WORLD.west, WORLD.south, WORLD.east, WORLD.north)
    return Frame(west, south, east, north)


def world_map(
    title: str,
    places: Sequence[Located],
    href: Callable[[Located], str],
    frame: Frame,
    shaded: set[str],
) -> Markup:
    """The places in `frame` as linked circles, area by mentions, on the countries; those in
    `shaded` (world-atlas ids) are the countries the articles name."""
    detail = "50m" if frame.east - frame.west < FINE_SPAN else "110m"
    parts = [
        f'<svg class="px-picture px-map" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="{XLINK}" '
        f'role="group" aria-labelledby="map-title" viewBox="0 0 {frame.width} {frame.height}" '
        f'width="{frame.width}" height="{frame.height}" font-family="sans-serif" font-size="15">'
        f'<title id="map-title">{escape_text(title)}</title>',
        f'<rect class="px-map-sea" width="{frame.width}" height="{frame.height}"/>',
        _countries(frame, world(detail), shaded),
    ]
    drawn = [p for p in places if p.on_map and frame.contains(p.longitude or 0.0, p.latitude or 0.0)]
    drawn = drawn[:MAX_MARKERS]
    top = max((p.mentions for p in drawn), default=1) or 1
    circles = []
    for place in drawn:
        x, y = frame.project(place.longitude or 0.0, place.latitude or 0.0)
        circles.append((x, y, 4 + 16 * math.sqrt(place.mentions / top)))
    # A name may cover neither another name nor a circle.
    taken = [(x - r, y - r, x + r, y + r) for x, y, r in circles]
    for rank, (place, (x, y, radius)) in enumerate(zip(drawn, circles, strict=True)):
        label = _label_box(x, y, radius, place.entity.name, taken) if rank < MAX_LABELS else None
        parts.append(_marker(place, href(place), x, y, radius, label))  # most mentioned first: underneath
    parts.append("</svg>")
    return Markup("".join(parts))


def overview_map(title: str, places: Sequence[Located], frame: Frame) -> Markup:
    """The whole world with every place as a dot and `frame` outlined: a picture only (the
    places outside the frame are listed as links beside it)."""
    parts = [
        f'<svg class="px-picture px-map-overview" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="overview-title" viewBox="0 0 {WORLD.width} {WORLD.height}" '
        f'width="{WORLD.width}" height="{WORLD.height}">'
        f'<title id="overview-title">{escape_text(title)}</title>',
        f'<rect class="px-map-sea" width="{WORLD.width}" height="{WORLD.height}"/>',
        _countries(WORLD, world("110m"), set()),
    ]
    for place in [p for p in places if p.on_map][:MAX_MARKERS]:  # the most mentioned
        x, y = WORLD.project(place.longitude or 0.0, place.latitude or 0.0)
        parts.append(f'<circle class="px-map-dot" cx="{x:.1f}" cy="{y:.1f}" r="2.5"/>')
    x0, y0 = WORLD.project(frame.west, frame.north)
    x1, y1 = WORLD.project(frame.east, frame.south)
    parts.append(
        f'<rect class="px-map-frame" x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}"/>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def _countries(frame: Frame, shapes: Sequence[Shape], shaded: set[str]) -> str:
    """Each country in view as one path, clipped and thinned; decorative (hidden from readers)."""
    box = (-_MARGIN, -_MARGIN, frame.width + _MARGIN, frame.height + _MARGIN)
    paths = []
    for shape in shapes:
        west, south, east, north = shape.bbox
        if north < frame.south or south > frame.north:
            continue
        # A shape across the antimeridian passes 180°: its part beyond is drawn again 360° west.
        shifts = [s for s in (0.0, -360.0, 360.0) if east + s >= frame.west and west + s <= frame.east]
        data = "".join(
            _path(frame, ring, box, shift)
            for shift in shifts
            for polygon in shape.polygons
            for ring in polygon
        )
        if data:
            kind = "px-map-named" if shape.id in shaded else "px-map-land"
            paths.append(f'<path class="{kind}" d="{data}"/>')
    return f'<g aria-hidden="true" fill-rule="evenodd">{"".join(paths)}</g>'


def _path(frame: Frame, ring: Ring, box: tuple[float, float, float, float], shift: float = 0.0) -> str:
    projected = _clip([frame.project(lon + shift, lat) for lon, lat in ring], box)
    kept: list[tuple[float, float]] = []
    for x, y in projected:  # drop points closer than a pixel to the last one kept
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= 1.0:
            kept.append((x, y))
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in kept) + "Z"


def _clip(
    points: list[tuple[float, float]], box: tuple[float, float, float, float]
) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the polygon cut to the box, one side at a time."""
    left, top, right, bottom = box
    edges: list[tuple[Callable[[float, float], bool], int, float]] = [
        (lambda x, y: x >= left, 0, left),
        (lambda x, y: x <= right, 0, right),
        (lambda x, y: y >= top, 1, top),
        (lambda x, y: y <= bottom, 1, bottom),
    ]
    for inside, axis, limit in edges:
        if not points:
            break
        result: list[tuple[float, float]] = []
        previous = points[-1]
        for point in points:
            if inside(*point):
                if not inside(*previous):
                    result.append(_cross(previous, point, axis, limit))
                result.append(point)
            elif inside(*previous):
                result.append(_cross(previous, point, axis, limit))
            previous = point
        points = result
    return points


def _cross(a: tuple[float, float], b: tuple[float, float], axis: int, limit: float) -> tuple[float, float]:
    t = (limit - a[axis]) / (b[axis] - a[axis])
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def _label_box(
    x: float, y: float, radius: float, name: str, taken: list[tuple[float, float, float, float]]
) -> tuple[float, float] | None:
    """Where the name goes: right of the circle, else left, above or below it; None when every
    place would overlap a name already placed or leave the picture."""
    width, height = 8.5 * len(name) + 4, 17.0
    gap = radius + 3
    for left, baseline in (
        (x + gap, y + 5),
        (x - gap - width, y + 5),
        (x - width / 2, y - gap - 3),
        (x - width / 2, y + gap + height - 3),
    ):
        box = (left, baseline - height + 5, left + width, baseline + 5)
        inside = box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= HEIGHT
        if inside and not any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken
        ):
            taken.append(box)
            return (left, baseline)
    return None


def _marker(
    place: Located, href: str, x: float, y: float, radius: float, label: tuple[float, float] | None
) -> str:
    name = escape_text(place.entity.name)
    plural = "s" if place.mentions != 1 else ""
    summary = escape_text(
        f"{place.entity.name}: {place.mentions} mention{plural}; named by {place.named_by()}"
    )
    text = f'<text class="px-label" x="{label[0]:.1f}" y="{label[1]:.1f}">{name}</text>' if label else ""
    return (
        f'<a class="px-map-place" xlink:href="{href}" aria-label="{summary}">'
        f"<title>{summary}</title>"
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}"/>{text}</a>'
    )


class MapView:
    """What the map page asks: the places located once, the view framed on the story."""

    def __init__(self, places: Sequence[Located]) -> None:
        self.places = list(places)
        self.frame = story_frame(self.places)
        self.located = [p for p in self.places if p.on_map]
        self.unlocated = [p for p in self.places if not p.on_map]
        self.outside = [
            p for p in self.located if not self.frame.contains(p.longitude or 0.0, p.latitude or 0.0)
        ]
        """Located places the framed view leaves out (shown on the overview)."""

    def picture(self, entity_href: Callable[[Entity], str]) -> Markup:
        """The framed map; `entity_href` gives the (already escaped) URL of an entity's page."""
        shaded = {p.shape for p in self.located if p.shape}
        shown = len(self.located) - len(self.outside)
        title = f"Map of the {shown} places named in the articles within this view; circle area by mentions"
        return world_map(title, self.located, lambda p: str(entity_href(p.entity)), self.frame, shaded)

    def overview(self) -> Markup:
        title = (
            f"World map of all {len(self.located)} places with coordinates; the frame marks the view above"
        )
        return overview_map(title, self.located, self.frame)
