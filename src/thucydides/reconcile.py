"""Reconcile the mentions of one event into its fields, keeping every reported value as a Claim.

Rules (each field records the values of all its sources in ``Event.claims``):
- status: ``occurred`` if any source reports it as fact, else ``claimed``, else the shared status.
- type: the PLOVER type most sources give; CAMEO code, mode and ACLED types from the most specific
  source of that type, so the three codings always agree (they come from one crosswalk row).
- date: the day most sources give (day precision first), else the finest coarser date.
- location: the most specific place in the consensus country.
- actors: the resolved actor most sources give.
- killed / injured: ``best`` is the figure reported by the most documents (ties: the latest
  report, then the higher figure); ``low``/``high`` span every per-event figure reported.
  Cumulative tolls are kept as claims but never widen an event's own count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from .records import (
    PLACE_RANK,
    STATED_DATE_RULES,
    ActorRef,
    Claim,
    Count,
    DatePrecision,
    Event,
    Evidence,
    Figure,
    Mention,
    PlaceRef,
)

T = TypeVar("T")


def build_event(event_id: str, ms: Sequence[Mention]) -> Event:
    ms = sorted(ms, key=lambda m: (m.published or "", m.doc_id, m.sent_start, m.trigger_start))
    statuses = {m.status for m in ms}
    status = "occurred" if "occurred" in statuses else "claimed" if "claimed" in statuses \
        else ms[0].status
    ptype = _majority([m.type.plover for m in ms])
    typed = [m for m in ms if m.type.plover == ptype]
    spec = max(typed, key=lambda m: (len(m.type.cameo or ""), m.type.mode is not None))
    mode = _majority([m.type.mode for m in typed if m.type.mode]) if any(
        m.type.mode for m in typed) else None
    date, precision = _date(ms)
    ev = Event(
        event_id=event_id, event_type=ptype, status=status, sources=_sources(ms),
        date=date, date_precision=precision, event_mode=mode or spec.type.mode,
        cameo_code=spec.type.cameo, goldstein=spec.type.goldstein,
        acled_event_type=spec.type.acled_event_type,
        acled_sub_event_type=spec.type.acled_sub_event_type,
        actor1=_actor([m.actor1 for m in ms]), actor2=_actor([m.actor2 for m in ms]),
        location=_location([m.location for m in ms]),
        mention_ids=[m.mention_id for m in ms],
        n_outlets=len({m.outlet or m.doc_id for m in ms}),
    )
    ev.killed, kclaims = _count(ms, "killed")
    ev.injured, iclaims = _count(ms, "injured")
    ev.claims = kclaims + iclaims + _field_claims(ms)
    return ev


def evidence(m: Mention, span: tuple[int, int] | None = None) -> Evidence:
    return Evidence(doc_id=m.doc_id, sentence=m.sentence, start=m.sent_start, end=m.sent_end,
                    claimant=m.claimant, span_start=span[0] if span else None,
                    span_end=span[1] if span else None, published=m.published)


def _majority(values: Sequence[T]) -> T:
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)


def _date(ms: Sequence[Mention]) -> tuple[str | None, DatePrecision | None]:
    """The finest date most sources state; inferred dates only when no source states one."""
    precisions: tuple[DatePrecision, ...] = ("day", "week", "month", "year")
    stated = [m for m in ms if m.date_rule in STATED_DATE_RULES]
    for pool in (stated, ms):
        for prec in precisions:
            days = [m.date for m in pool if m.date and m.date_precision == prec]
            if days:
                return _majority(days), prec
    return None, None


def _actor(refs: Sequence[ActorRef | None]) -> ActorRef | None:
    known = [r for r in refs if r is not None]
    if not known:
        return None
    with_country = [r for r in known if r.country] or [r for r in known if r.kind] or known
    key = _majority([(r.country, r.name or r.text) for r in with_country])
    return next(r for r in with_country if (r.country, r.name or r.text) == key)


def _location(places: Sequence[PlaceRef | None]) -> PlaceRef | None:
    """The country most reports give, then the admin1 most of those name (a town counts for its
    admin1), then the place in it most reports name, the finest first."""
    known = [p for p in places if p is not None and p.country]
    if not known:
        return None
    country = _majority([p.country for p in known])
    inside = [p for p in known if p.country == country]
    regions = [p.admin1 for p in inside if p.admin1]
    if regions:
        region = _majority(regions)
        inside = [p for p in inside if p.admin1 == region]
    rank = min(PLACE_RANK.get(p.precision or "country", 9) for p in inside)
    finest = [p for p in inside if PLACE_RANK.get(p.precision or "country", 9) == rank]
    name = _majority([p.name or p.text for p in finest])
    return next(p for p in finest if (p.name or p.text) == name)


def _count(ms: Sequence[Mention], kind: str) -> tuple[Count | None, list[Claim]]:
    reports: list[tuple[Mention, Figure]] = [
        (m, f) for m in ms for f in m.figures if f.kind == kind]
    claims = [Claim(kind, {"best": f.best, "low": f.low, "high": f.high,
                           "cumulative": f.cumulative, "text": f.text},
                    _figure_evidence(m, f)) for m, f in reports]
    own = [(m, f) for m, f in reports if not f.cumulative]
    if not own:
        return None, claims
    points = [(m, v) for m, f in own if (v := _point(f)) is not None]
    best = _best_figure(points) if points else None
    bounds = [v for _, f in own for v in (f.low, f.best, f.high) if v is not None]
    return Count(best=best, low=min(bounds) if bounds else None,
                 high=max(bounds) if bounds else None), claims


def _point(f: Figure) -> int | None:
    if f.best is not None:
        return f.best
    return f.low if f.low is not None else f.high


def _best_figure(points: Sequence[tuple[Mention, int]]) -> int:
    docs: dict[int, set[str]] = {}
    latest: dict[int, str] = {}
    for m, v in points:
        docs.setdefault(v, set()).add(m.doc_id)
        latest[v] = max(latest.get(v, ""), m.published or "")
    return max(docs, key=lambda v: (len(docs[v]), latest[v], v))


def _figure_evidence(m: Mention, f: Figure) -> Evidence:
    ev = evidence(m, (f.start, f.end))
    ev.claimant = f.claimant or m.claimant
    return ev


def _field_claims(ms: Sequence[Mention]) -> list[Claim]:
    getters: dict[str, Callable[[Mention], object]] = {
        "date": lambda m: m.date,
        "location": lambda m: m.location and (m.location.name or m.location.text),
        "actor1": lambda m: m.actor1 and (m.actor1.name or m.actor1.text),
        "actor2": lambda m: m.actor2 and (m.actor2.name or m.actor2.text),
    }
    out: list[Claim] = []
    for name, get in getters.items():
        for m in ms:
            value = get(m)
            if value:
                out.append(Claim(name, value, evidence(m)))
    return out


def _sources(ms: Sequence[Mention]) -> list[Evidence]:
    seen: set[tuple[str, int]] = set()
    out: list[Evidence] = []
    for m in ms:
        key = (m.doc_id, m.sent_start)
        if key not in seen:
            seen.add(key)
            out.append(evidence(m))
    return out
