"""Toponym resolution: every place name of a document, disambiguated in the document's context.

A name can mean many places ("Paris", "Georgia"). Candidates are scored by prominence and kind
(countries and admin1 regions before same-named small towns), then by the document's context:
countries in focus (resolved toponyms and adjectives such as "Iranian"), admin1 regions of
co-mentioned places, distance to co-mentioned places, and "City, State" containers. One sense per
name per document; unambiguous names are resolved first to build the context, then the rest.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import ParsedDoc, PlacePrecision, PlaceRef
from .doc_tokens import tokens_in
from .gazetteer import Candidate, Gazetteer
from .geo_contain import restrict, stated_countries
from .geo_data import norm_key, place_nouns
from .geo_names import demonym_table
from .geo_spans import Span, find_spans

KIND_BONUS = {"country": 0.6, "region": 0.45, "admin1": 0.25, "admin2": 0.15, "city": 0.0}
PRECISION: dict[str, PlacePrecision | None] = {
    "country": "country", "admin1": "admin1", "admin2": "point", "city": "point", "region": None}
POINT_KINDS = frozenset({"city", "admin2"})
SEED_MARGIN = 0.5  # a name is resolved before the context exists only when this clear
W_COUNTRY, W_COUNTRY_ANY, W_ADMIN1, W_NEAR, NEAR_KM = 1.2, 0.3, 0.8, 0.8, 100.0
W_IN_ADMIN1, W_IN_COUNTRY, W_IN_ADMIN2 = 2.5, 1.5, 2.0
PASSES = 2
W_PROM = 2.0
BIG_TOWN = 100_000

__all__ = ["PlaceContext", "adjective_country", "geoparse", "resolve_doc_places",
           "resolve_toponym"]


@dataclass
class PlaceContext:
    """What the document is about, geographically."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[tuple[str, str]] = field(default_factory=Counter)
    points: list[tuple[float, float]] = field(default_factory=list)

    def add(self, c: Candidate, weight: int = 1) -> None:
        if c.country:
            self.countries[c.country] += weight
        if c.country and c.admin1 and c.kind != "country":
            self.admin1s[(c.country, c.admin1)] += weight
        if c.kind in POINT_KINDS:
            self.points.append((c.lat, c.lon))


def adjective_country(word: str) -> str | None:
    """ISO-3 of the country an adjective or demonym names ("Iranian" -> "IRN"), else None."""
    hit = demonym_table().get(norm_key(word))
    return hit[1] if hit and hit[0] == "country" else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def score(c: Candidate, ctx: PlaceContext, containers: Sequence[Candidate] = ()) -> float:
    """How likely ``c`` is the place meant, given the context (higher is better)."""
    s = W_PROM * c.prominence + KIND_BONUS[c.kind]
    total = sum(ctx.countries.values())
    if total and c.country and ctx.countries[c.country]:
        s += W_COUNTRY * ctx.countries[c.country] / total + W_COUNTRY_ANY
    if c.country and c.admin1 and ctx.admin1s[(c.country, c.admin1)]:
        s += W_ADMIN1 if c.kind != "admin1" else W_ADMIN1 / 2
    if ctx.points and c.kind in POINT_KINDS:
        d = min(distance_km(c.lat, c.lon, lat, lon) for lat, lon in ctx.points)
        s += W_NEAR * math.exp(-d / NEAR_KM)
    for y in containers:
        s += _container_bonus(c, y)
    return s


def _container_bonus(c: Candidate, y: Candidate) -> float:
    """"Paris, Texas": the place after the comma contains the one before it."""
    if c.country != y.country or c.kind == y.kind == "country":
        return 0.0
    if y.kind == "country":
        return W_IN_COUNTRY
    if y.kind == "admin1" and c.admin1 == y.admin1 and c.kind != "admin1":
        return W_IN_ADMIN1
    if y.kind == "admin2" and c.admin2 == y.admin2 and c.kind == "city":
        return W_IN_ADMIN2
    return 0.0


def rank(cands: Sequence[Candidate], ctx: PlaceContext,
         containers: Sequence[Candidate] = ()) -> list[tuple[float, Candidate]]:
    if not containers and any(c.kind == "country" for c in cands):
        # a country's name means the country, not a small town named after it
        cands = [c for c in cands if c.kind not in POINT_KINDS or c.population >= BIG_TOWN]
    return sorted(((score(c, ctx, containers), c) for c in cands), key=lambda t: -t[0])


def confidence(ranked: Sequence[tuple[float, Candidate]]) -> float:
    if not ranked:
        return 0.0
    if len(ranked) == 1:
        return 0.95
    return round(0.5 + 0.45 * math.tanh(ranked[0][0] - ranked[1][0]), 3)


def to_place_ref(c: Candidate, text: str, start: int, end: int, conf: float) -> PlaceRef:
    admin1 = c.admin1 if c.kind != "country" else None  # a region has one only if it is one
    return PlaceRef(text=text, start=start, end=end, name=c.name, country=c.country,
                    admin1=admin1, lat=c.lat, lon=c.lon,
                    precision=PRECISION[c.kind] or ("admin1" if admin1 else None), confidence=conf,
                    geonames_id=c.geonames_id)


def resolve_toponym(text: str, gaz: Gazetteer, context: PlaceContext) -> PlaceRef | None:
    """Resolve one place name against ``context``; None when the gazetteer does not know it."""
    key = norm_key(text)
    cands = gaz.lookup_key(gaz.variant_key(key) or key)
    if not cands:
        iso3 = adjective_country(text)
        country = gaz.country(iso3) if iso3 else None
        return to_place_ref(country, text, 0, len(text), 0.9) if country else None
    ranked = rank(cands, context)
    return to_place_ref(ranked[0][1], text, 0, len(text), confidence(ranked))


def resolve_doc_places(pdoc: ParsedDoc, gaz: Gazetteer, *, include_demonyms: bool = False,
                       territorial: bool = False) -> list[PlaceRef]:
    """Every toponym of the document, resolved. Adjectives ("Iranian") inform the context and
    are returned only with ``include_demonyms`` (they name a country, not where things happen),
    or with ``territorial`` when they modify a place noun ("on Iranian soil", "Pakistani
    territory", "the Afghan side of the border": data/place_nouns.txt)."""
    spans = find_spans(pdoc, gaz)
    chosen = _resolve_names(spans, gaz, pdoc.doc.text)
    out: list[PlaceRef] = []
    for s in spans:
        hit = chosen.get(s.key) if s.demonym is None else _demonym_candidate(s, gaz)
        if hit is None or (s.demonym is not None and not include_demonyms
                           and not (territorial and modifies_place_noun(pdoc, s.start, s.end))):
            continue
        out.append(to_place_ref(hit[0], s.text, s.start, s.end, hit[1]))
    return out


def modifies_place_noun(pdoc: ParsedDoc, start: int, end: int) -> bool:
    """The words at ``[start, end)`` modify a place noun: "Iranian soil", "Pakistani airspace"."""
    for t in tokens_in(pdoc, start, end):
        head = pdoc.tokens[t.head]
        if not start <= head.idx < end:
            return t.dep in ("amod", "compound", "nmod") and head.idx >= end \
                and head.lemma.lower() in place_nouns()
    return False


def _demonym_candidate(s: Span, gaz: Gazetteer) -> tuple[Candidate, float] | None:
    if s.demonym is None:
        return None
    kind, value = s.demonym
    if kind == "country":
        c = gaz.country(value)
    else:
        c = next((x for x in gaz.lookup(value) if x.kind == "region"), None)
    return (c, 0.8) if c is not None else None


def _resolve_names(spans: Sequence[Span], gaz: Gazetteer,
                   text: str) -> dict[str, tuple[Candidate, float]]:
    """One sense per name: key -> (chosen candidate, confidence)."""
    weights = Counter(s.key for s in spans if s.demonym is None)
    stated = stated_countries(spans)  # "X province of Iran": the text's word beats any prior
    cands = {k: restrict(gaz.lookup_key(k), stated.get(k)) for k in weights}
    containers = _containers(spans, text)
    base = PlaceContext()
    for s in spans:
        dem = _demonym_candidate(s, gaz)
        if dem is not None:
            base.add(dem[0])
    chosen: dict[str, tuple[Candidate, float]] = {}
    for k, cs in cands.items():
        ranked = rank(cs, PlaceContext())
        if cs and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= SEED_MARGIN):
            chosen[k] = (ranked[0][1], confidence(ranked))
    for _ in range(PASSES):
        for k, cs in cands.items():
            if not cs:
                continue
            ctx = _context(base, chosen, weights, exclude=k)
            ctrs = [chosen[y][0] for y in containers.get(k, ()) if y in chosen]
            ranked = rank(cs, ctx, ctrs)
            chosen[k] = (ranked[0][1], confidence(ranked))
    return chosen


def _context(base: PlaceContext, chosen: dict[str, tuple[Candidate, float]],
             weights: Counter[str], exclude: str) -> PlaceContext:
    ctx = PlaceContext(Counter(base.countries), Counter(base.admin1s), list(base.points))
    for k, (c, _) in chosen.items():
        if k != exclude:
            ctx.add(c, weights[k])
    return ctx


def _containers(spans: Sequence[Span], text: str) -> dict[str, list[str]]:
    """key -> keys of the places written right after it, as in "Paris, Texas"."""
    out: dict[str, list[str]] = {}
    for a, b in itertools.pairwise(spans):
        if a.demonym is None and b.demonym is None and a.key != b.key \
                and text[a.end:b.start].strip() == ",":
            out.setdefault(a.key, []).append(b.key)
    return out


def geoparse(pdocs: Sequence[ParsedDoc], gaz: Gazetteer) -> list[dict[str, object]]:
    """{doc_id, start, end, name, lat, lon, country, admin1} for every resolved toponym."""
    rows: list[dict[str, object]] = []
    for pdoc in pdocs:
        for p in resolve_doc_places(pdoc, gaz, include_demonyms=True):
            rows.append({"doc_id": pdoc.doc.id, "start": p.start, "end": p.end, "text": p.text,
                         "name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country,
                         "admin1": p.admin1, "precision": p.precision,
                         "confidence": p.confidence})
    return rows
