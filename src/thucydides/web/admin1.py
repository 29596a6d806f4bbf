"""Admin1 areas (provinces, states, governorates) for the map, fully offline.

The polygons are Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain), simplified
and shipped as one gzipped TopoJSON in ``static/vendor/natural-earth-admin1`` (rebuilt by
``python -m thucydides.web.admin1_build``). An event is placed in an area by the admin1 name its
place resolved to (any spelling Natural Earth gives, administrative affixes stripped, within the
place's country), else, for a place located to a point or a region, by the area whose polygon holds
its coordinates. A place known only to country level gets no area.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..records import Event, PlaceRef
from ..resolve.geo_data import norm_key
from ..resolve.geo_names import admin1_keys
from .geo import Ring, decode_arcs, geometry, load_topology

FILE = ("natural-earth-admin1", "admin1-10m.topo.json.gz")


@dataclass(frozen=True, slots=True)
class Area:
    id: str  # Natural Earth's adm1_code
    country: str  # ISO-3
    name: str
    geometry: dict[str, Any]  # GeoJSON Polygon or MultiPolygon
    bbox: tuple[float, float, float, float]  # west, south, east, north


class Atlas:
    """The shipped areas: names and countries indexed at once, polygons decoded per country on
    first use (the whole world takes a while; a map shows a few countries)."""

    def __init__(self, topology: dict[str, Any]):
        self._lock = threading.Lock()
        self._topology = topology
        self._arcs: dict[int, Ring] = {}
        self._areas: dict[str, list[Area]] = {}
        self._geoms: dict[str, list[dict[str, Any]]] = {}
        self.by_key: dict[tuple[str, str], str] = {}  # (ISO-3, name key) → area id
        self.country_of: dict[str, str] = {}  # area id → ISO-3
        for geom in topology["objects"]["admin1"]["geometries"]:
            props = geom.get("properties") or {}
            if not props.get("id"):
                continue
            area_id, country = str(props["id"]), str(props.get("c") or "")
            self._geoms.setdefault(country, []).append(geom)
            self.country_of[area_id] = country
            for key in str(props.get("k") or "").split("|"):
                if key:
                    self.by_key.setdefault((country, key), area_id)

    def _arc(self, i: int) -> Ring:
        if i not in self._arcs:
            self._arcs[i] = decode_arcs({**self._topology, "arcs": [self._topology["arcs"][i]]})[0]
        return self._arcs[i]

    def _decode(self, geom: dict[str, Any]) -> Area | None:
        used = {i if i >= 0 else ~i for r in _rings(geom) for i in r}
        arcs = {i: self._arc(i) for i in used}
        shape = geometry(geom, arcs)
        if shape is None:
            return None
        props = geom["properties"]
        return Area(str(props["id"]), str(props.get("c") or ""), str(props.get("n") or ""),
                    shape, _bbox(shape))

    def country(self, iso3: str) -> list[Area]:
        """The areas of one country (decoded on first use)."""
        with self._lock:
            if iso3 not in self._areas:
                decoded = (self._decode(g) for g in self._geoms.get(iso3, ()))
                self._areas[iso3] = [a for a in decoded if a is not None]
            return self._areas[iso3]

    def area(self, area_id: str) -> Area | None:
        country = self.country_of.get(area_id)
        found = [a for a in self.country(country) if a.id == area_id] if country else []
        return found[0] if found else None

    def find(self, country: str, name: str) -> str | None:
        """The id of the area of ``country`` called ``name`` (any known spelling)."""
        for key in name_keys(name):
            found = self.by_key.get((country, key))
            if found is not None:
                return found
        return None


def _rings(geom: dict[str, Any]) -> list[list[int]]:
    if geom.get("type") == "Polygon":
        return list(geom["arcs"])
    if geom.get("type") == "MultiPolygon":
        return [r for poly in geom["arcs"] for r in poly]
    return []


def name_keys(name: str) -> list[str]:
    """Lookup keys of an admin1 name: the name and its affix-stripped forms, normalised."""
    return list(dict.fromkeys(norm_key(n) for n in admin1_keys(name, name) if n.strip()))


def _polygons(shape: dict[str, Any]) -> list[list[Ring]]:
    coords = shape["coordinates"]
    return [coords] if shape["type"] == "Polygon" else list(coords)


def _bbox(shape: dict[str, Any]) -> tuple[float, float, float, float]:
    xs = [p[0] for poly in _polygons(shape) for p in poly[0]]
    ys = [p[1] for poly in _polygons(shape) for p in poly[0]]
    return min(xs), min(ys), max(xs), max(ys)


@lru_cache(maxsize=1)
def atlas() -> Atlas:
    """The shipped admin1 areas (read once per process)."""
    return Atlas(load_topology(*FILE))


def _in_ring(lon: float, lat: float, ring: Ring) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def contains(area: Area, lon: float, lat: float) -> bool:
    """Whether the point lies inside the area (outside its holes)."""
    west, south, east, north = area.bbox
    if not (west <= lon <= east and south <= lat <= north):
        return False
    return any(_in_ring(lon, lat, poly[0]) and not any(_in_ring(lon, lat, h) for h in poly[1:])
               for poly in _polygons(area.geometry))


def locate(place: PlaceRef | None, book: Atlas) -> str | None:
    """The id of the admin1 area of ``place`` (None when it is known only to country level)."""
    if place is None or not place.country:
        return None
    names = [place.admin1 or ""]
    if place.precision == "admin1":
        names += [place.name or "", place.text]
    for name in names:
        found = book.find(place.country, name) if name else None
        if found is not None:
            return found
    if place.precision in ("point", "admin1") and place.lat is not None and place.lon is not None:
        return next((a.id for a in book.country(place.country)
                     if contains(a, place.lon, place.lat)), None)
    return None


def assign(events: Iterable[Event], book: Atlas | None = None) -> dict[str, str]:
    """event id → admin1 area id, for the events placed in an area."""
    book = book or atlas()
    out: dict[str, str] = {}
    for e in events:
        area = locate(e.location, book)
        if area is not None:
            out[e.event_id] = area
    return out


def area_features(counts: Mapping[str, int], book: Atlas | None = None) -> dict[str, Any]:
    """Every area of each country that has an area with events, as GeoJSON, with its count."""
    book = book or atlas()
    countries = sorted({book.country_of[a] for a in counts if a in book.country_of})
    features = [{"type": "Feature", "id": a.id, "geometry": a.geometry,
                 "properties": {"id": a.id, "name": a.name, "country": a.country,
                                "n_events": counts.get(a.id, 0)}}
                for c in countries for a in book.country(c)]
    return {"type": "FeatureCollection", "features": features,
            "max_events": max(counts.values(), default=0)}
