"""Boundaries for the offline map, shipped as TopoJSON under ``static/vendor`` and decoded to
GeoJSON once: the Natural Earth 1:110m countries of the ``world-atlas`` npm package, and the
Natural Earth 1:10m admin1 areas (see admin1.py)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ConfigError

Point = list[float]
Ring = list[Point]


def load_topology(*parts: str) -> dict[str, Any]:
    """The TopoJSON file ``static/vendor/<parts>`` (gunzipped when its name ends in ``.gz``)."""
    path = resources.files(__package__ or "thucydides.web").joinpath("static", "vendor", *parts)
    try:
        raw = path.read_bytes()
        data = json.loads(gzip.decompress(raw) if parts[-1].endswith(".gz") else raw)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the map boundaries: {exc}", path=str(path)) from exc
    if not isinstance(data, dict) or data.get("type") != "Topology":
        raise ConfigError("the map boundaries are not a TopoJSON topology", path=str(path))
    return data


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Absolute lon/lat coordinates of every arc (undoing quantisation and delta encoding)."""
    transform = topology.get("transform")
    (sx, sy), (tx, ty) = (transform["scale"], transform["translate"]) if transform \
        else ((1.0, 1.0), (0.0, 0.0))
    out: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0.0
        points: Ring = []
        for dx, dy, *_ in arc:
            x, y = (x + dx, y + dy) if transform else (dx, dy)
            points.append([round(x * sx + tx, 4), round(y * sy + ty, 4)])
        out.append(points)
    return out


Arcs = Sequence[Ring] | Mapping[int, Ring]  # decoded arcs by index (all, or those needed)


def _ring(indexes: list[int], arcs: Arcs) -> Ring:
    ring: Ring = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def geometry(geom: dict[str, Any], arcs: Arcs) -> dict[str, Any] | None:
    """A TopoJSON polygon or multipolygon as a GeoJSON geometry (None for other kinds)."""
    kind = geom.get("type")
    if kind == "Polygon":
        return {"type": kind, "coordinates": [_ring(r, arcs) for r in geom["arcs"]]}
    if kind == "MultiPolygon":
        return {"type": kind,
                "coordinates": [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]]}
    return None


def to_geojson(topology: dict[str, Any], name: str) -> dict[str, Any]:
    """The object ``name`` of ``topology`` as a GeoJSON FeatureCollection (polygons only)."""
    arcs = decode_arcs(topology)
    features = []
    for geom in topology["objects"][name]["geometries"]:
        shape = geometry(geom, arcs)
        if shape is not None:
            features.append({"type": "Feature", "id": geom.get("id"), "geometry": shape,
                             "properties": {"name": (geom.get("properties") or {}).get("name")}})
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=1)
def countries() -> dict[str, Any]:
    """World country outlines as GeoJSON."""
    return to_geojson(load_topology("world-atlas", "countries-110m.json"), "countries")


@lru_cache(maxsize=1)
def countries_json() -> bytes:
    """``countries()`` serialised once (the page fetches it on every map view)."""
    return json.dumps(countries(), separators=(",", ":")).encode("utf-8")
