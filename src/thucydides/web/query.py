"""Filtering the events of a snapshot: by actor, country, admin1 area, type, status, source
document, date range and free-text search. The same filters drive the timeline, the map, the JSON API and the
CSV download, so every view of a filtered timeline shows the same events."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ..records import STATUSES, ActorRef, Event


@dataclass(frozen=True, slots=True)
class Filters:
    """What the user asked for; empty strings mean 'any'."""

    actor: str = ""
    country: str = ""
    area: str = ""  # an admin1 area id (see admin1.py)
    type: str = ""
    status: str = ""
    doc: str = ""
    q: str = ""
    date_from: str = ""
    date_to: str = ""

    def active(self) -> dict[str, str]:
        """The filters that are set (for links that keep the current view)."""
        return {k: v for k, v in asdict(self).items() if v}

    def normalised(self) -> Filters:
        return Filters(**{k: v.strip() for k, v in asdict(self).items()})


def _actors(e: Event) -> list[ActorRef]:
    return [a for a in (e.actor1, e.actor2) if a is not None]


def countries_of(e: Event) -> set[str]:
    """ISO-3 codes of the event's actors and place."""
    found = {a.country for a in _actors(e) if a.country}
    if e.location is not None and e.location.country:
        found.add(e.location.country)
    return found


def search_text(e: Event) -> str:
    """Everything free-text search looks at, lower-cased."""
    parts: list[str] = [e.event_type, e.event_mode or "", e.status, e.date or ""]
    for a in _actors(e):
        parts += [a.name or "", a.text]
    if e.location is not None:
        parts += [e.location.name or "", e.location.text, e.location.admin1 or ""]
    for s in e.sources:
        parts += [s.doc_id, s.sentence, s.claimant or ""]
    return "\n".join(parts).lower()


def _actor_matches(e: Event, wanted: str) -> bool:
    needle = wanted.lower()
    return any(needle in (a.name or "").lower() or needle in a.text.lower() for a in _actors(e))


def matches(e: Event, f: Filters, areas: Mapping[str, str] | None = None) -> bool:
    """True when ``e`` passes every filter that is set (``areas``: event id → admin1 area id)."""
    checks = (
        not f.actor or _actor_matches(e, f.actor),
        not f.country or f.country.upper() in countries_of(e),
        not f.area or (areas or {}).get(e.event_id) == f.area,
        not f.type or e.event_type == f.type,
        not f.status or e.status == f.status,
        not f.doc or any(s.doc_id == f.doc for s in e.sources),
        not f.date_from or (e.date is not None and e.date >= f.date_from),
        not f.date_to or (e.date is not None and e.date <= f.date_to),
    )
    if not all(checks):
        return False
    if f.q:
        text = search_text(e)
        return all(word in text for word in f.q.lower().split())
    return True


def filter_events(events: Iterable[Event], f: Filters,
                  areas: Mapping[str, str] | None = None) -> list[Event]:
    f = f.normalised()
    return [e for e in events if matches(e, f, areas)]


def facets(events: Sequence[Event], areas: Mapping[str, str] | None = None,
           area_names: Mapping[str, str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The values each filter can take, with how many events have them (most frequent first);
    admin1 areas (``areas``: event id → area id) carry their name as ``label``."""
    counters: dict[str, Counter[str]] = {k: Counter() for k in ("actor", "country", "type",
                                                                  "status", "doc", "area")}
    for e in events:
        if areas and e.event_id in areas:
            counters["area"][areas[e.event_id]] += 1
        counters["actor"].update({a.name or a.text for a in _actors(e)})
        counters["country"].update(countries_of(e))
        counters["type"][e.event_type] += 1
        counters["status"][e.status] += 1
        counters["doc"].update({s.doc_id for s in e.sources})
    out = {k: [{"value": v, "count": n} for v, n in sorted(c.items(), key=lambda x: (-x[1], x[0]))]
           for k, c in counters.items()}
    for o in out["area"]:
        o["label"] = (area_names or {}).get(str(o["value"]), str(o["value"]))
    order: dict[str, int] = {s: i for i, s in enumerate(STATUSES)}
    out["status"].sort(key=lambda x: order.get(str(x["value"]), len(order)))
    return out


def group_by_date(events: Sequence[Event]) -> list[tuple[str, list[Event]]]:
    """Consecutive events of one date together (the input is sorted by date); undated last."""
    groups: list[tuple[str, list[Event]]] = []
    for e in sorted(events, key=lambda x: (x.date is None, x.date or "", x.event_id)):
        key = e.date or "undated"
        if groups and groups[-1][0] == key:
            groups[-1][1].append(e)
        else:
            groups.append((key, [e]))
    return groups
