"""Country outlines for the offline map: the Natural Earth 1:110m countries of the ``world-atlas``
npm package (TopoJSON, shipped in ``static/vendor/world-atlas``), decoded to GeoJSON once."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ConfigError

Point = list[float]
Ring = list[Point]


def _load_topology() -> dict[str, Any]:
    path = resources.files(__package__ or "thucydides.web") / "static" / "vendor" / "world-atlas" \
        / "countries-110m.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the country outlines: {exc}", path=str(path)) from exc
    if not isinstance(data, dict) or data.get("type") != "Topology":
        raise ConfigError("the country outlines are not a TopoJSON topology", path=str(path))
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


def _ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    ring: Ring = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def _geometry(geom: dict[str, Any], arcs: list[Ring]) -> dict[str, Any] | None:
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
        geometry = _geometry(geom, arcs)
        if geometry is not None:
            features.append({"type": "Feature", "id": geom.get("id"), "geometry": geometry,
                             "properties": {"name": (geom.get("properties") or {}).get("name")}})
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=1)
def countries() -> dict[str, Any]:
    """World country outlines as GeoJSON."""
    return to_geojson(_load_topology(), "countries")


@lru_cache(maxsize=1)
def countries_json() -> bytes:
    """``countries()`` serialised once (the page fetches it on every map view)."""
    return json.dumps(countries(), separators=(",", ":")).encode("utf-8")
