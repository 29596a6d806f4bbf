"""What was known when: each field of an event as it stood at each publication date.

Report time is kept apart from event time: every claim carries the publication date of the
article it was read from (``Evidence.published``). The value of a field *as of* a day is what the
consensus rules (:mod:`thucydides.consensus`, the same code that builds the event) choose among
the claims published on or before that day. Claims from articles with no publication date count
as known from the start, as ``thucydides run --as-of`` keeps them; a field reported only by such
articles has one point with ``as_of`` ``""``.

A field gets a point on each day new reports of it were published, whether or not its value
changed (a toll confirmed by a second outlet is news too); :func:`changes` keeps the points where
the value changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .consensus import FIELDS, decide
from .corroboration import claim_sources
from .records import Claim, Event, Evidence, field_json, source_json

UNDATED = ""  # HistoryPoint.as_of of reports with no publication date


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    """A field's value as known on ``as_of`` (a publication date), the rule that chose it among
    the values reported by then, and the evidence for the chosen value."""

    as_of: str
    field: str
    value: Any  # Count for killed/injured, "YYYY-MM-DD" for date, PlaceRef / ActorRef otherwise
    rule: str
    sources: list[Evidence]
    n_sources: int = 0  # independent sources reporting the chosen value by then
    n_values: int = 1  # distinct values reported by then

    def to_json(self) -> dict[str, Any]:
        return {"as_of": self.as_of or None, "field": self.field, "value": field_json(self.value),
                "rule": self.rule, "n_sources": self.n_sources, "n_values": self.n_values,
                "sources": [source_json(e) for e in self.sources]}


def event_history(event: Event, fields: Sequence[str] = FIELDS) -> list[HistoryPoint]:
    """Each field of ``event`` (``killed``, ``injured``, ``date``, ``location``, ``actor1``,
    ``actor2``) as known at each publication date of a report of it, in date order."""
    out: list[HistoryPoint] = []
    for name in fields:
        claims = [c for c in event.claims if c.field == name]
        for day in sorted({_day(c.evidence) for c in claims}):
            point = value_as_of(event, name, day)
            if point is not None:
                out.append(point)
    order = {name: i for i, name in enumerate(fields)}
    return sorted(out, key=lambda p: (p.as_of, order[p.field]))


def value_as_of(event: Event, name: str, day: str) -> HistoryPoint | None:
    """Field ``name`` of ``event`` as known on ``day`` (None when nothing usable was
    reported by then)."""
    known = [c for c in event.claims if c.field == name and _day(c.evidence) <= day]
    context = [s for s in event.sources if _day(s) <= day]
    decision = decide(name, known, claim_sources(known, context))
    if decision is None:
        return None
    value = decision.value[0] if name == "date" else decision.value
    c = decision.consensus
    return HistoryPoint(day, name, value, c.rule, _evidence(decision.claims), c.n_sources,
                        c.n_values)


def record_as_of(event: Event, day: str) -> dict[str, Any]:
    """Every field of ``event`` as known on ``day`` (fields unknown by then are None)."""
    out: dict[str, Any] = {}
    for name in FIELDS:
        point = value_as_of(event, name, day)
        out[name] = point.value if point is not None else None
    return out


def changes(points: Sequence[HistoryPoint]) -> list[HistoryPoint]:
    """The points where a field's value differs from its previous point (the first kept)."""
    last: dict[str, Any] = {}
    out: list[HistoryPoint] = []
    for p in points:
        if p.field not in last or last[p.field] != p.value:
            out.append(p)
        last[p.field] = p.value
    return out


def _day(e: Evidence) -> str:
    return e.published or UNDATED


def _evidence(claims: Sequence[Claim]) -> list[Evidence]:
    """The claims' evidence, one per document sentence and value span, in report order."""
    seen: set[tuple[str, int, int | None]] = set()
    out: list[Evidence] = []
    for c in claims:
        key = (c.evidence.doc_id, c.evidence.start, c.evidence.span_start)
        if key not in seen:
            seen.add(key)
            out.append(c.evidence)
    return out
