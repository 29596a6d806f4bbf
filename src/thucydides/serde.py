"""Records to plain JSON-able dicts and back, plus the flat (one row per event) view.

``to_dict`` works on any record of :mod:`thucydides.records`; the ``*_from_dict`` functions rebuild
the nested dataclasses so that ``x_from_dict(to_dict(x)) == x``. A ``Claim.value`` / ``Claim.ref`` /
``Consensus.value`` that is itself a record (``Count``, ``PlaceRef``, ...) is tagged with
``"__record__"`` so it comes back as a record.

``flat_event`` and ``FLAT_EVENT_COLUMNS`` define the flat columns shared by the store's events
table, CSV/Parquet/GeoJSON exports and ``events_frame()``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, Literal, cast

from .records import (
    ActorRef,
    Claim,
    Consensus,
    Count,
    DateRef,
    Document,
    Event,
    EventType,
    Evidence,
    Figure,
    Link,
    Mention,
    PlaceRef,
)

ColumnKind = Literal["str", "int", "float", "bool"]
RECORD_TAG = "__record__"


def to_dict(record: Any) -> dict[str, Any]:
    """A record as a dict of JSON-able values (nested records become dicts)."""
    cls: type = type(record)
    names = _field_names(cls)
    if not names:
        raise TypeError(f"not a record: {type(record).__name__}")
    return {name: _plain(getattr(record, name), name in _TAGGED_FIELDS) for name in names}


_SCALARS = (str, int, float, bool, type(None))
_TAGGED_FIELDS = frozenset({"value", "ref"})  # fields of type Any that may hold a record


def _plain(value: Any, tag: bool = False) -> Any:
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v, tag) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v, tag) for k, v in value.items()}
    cls: type = type(value)
    if _field_names(cls):
        out = to_dict(value)
        return {RECORD_TAG: type(value).__name__, **out} if tag else out
    return value


@lru_cache(maxsize=256)
def _field_names(cls: type) -> tuple[str, ...]:
    """The field names of a dataclass type; empty for anything else."""
    if not dataclasses.is_dataclass(cls):
        return ()
    return tuple(f.name for f in dataclasses.fields(cls))


def _opt(d: Mapping[str, Any], key: str, build: Callable[[Mapping[str, Any]], Any]) -> Any:
    value = d.get(key)
    return None if value is None else build(value)


def actor_from_dict(d: Mapping[str, Any]) -> ActorRef:
    return ActorRef(**_fields(ActorRef, d))


def place_from_dict(d: Mapping[str, Any]) -> PlaceRef:
    return PlaceRef(**_fields(PlaceRef, d))


def dateref_from_dict(d: Mapping[str, Any]) -> DateRef:
    return DateRef(**_fields(DateRef, d))


def figure_from_dict(d: Mapping[str, Any]) -> Figure:
    return Figure(**_fields(Figure, d))


def event_type_from_dict(d: Mapping[str, Any]) -> EventType:
    return EventType(**_fields(EventType, d))


def evidence_from_dict(d: Mapping[str, Any]) -> Evidence:
    return Evidence(**_fields(Evidence, d))


def count_from_dict(d: Mapping[str, Any]) -> Count:
    return Count(**_fields(Count, d))


def claim_from_dict(d: Mapping[str, Any]) -> Claim:
    return Claim(field=d["field"], value=_claim_value(d.get("value")),
                 evidence=evidence_from_dict(d["evidence"]), ref=_claim_value(d.get("ref")))


def consensus_from_dict(d: Mapping[str, Any]) -> Consensus:
    out = _fields(Consensus, d)
    out["value"] = _claim_value(d.get("value"))
    return Consensus(**out)


_TAGGED: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "ActorRef": actor_from_dict,
    "PlaceRef": place_from_dict,
    "DateRef": dateref_from_dict,
    "Figure": figure_from_dict,
    "EventType": event_type_from_dict,
    "Evidence": evidence_from_dict,
    "Count": count_from_dict,
}


def _claim_value(value: Any) -> Any:
    if isinstance(value, dict):
        name = value.get(RECORD_TAG)
        if isinstance(name, str) and name in _TAGGED:
            return _TAGGED[name]({k: v for k, v in value.items() if k != RECORD_TAG})
        return {k: _claim_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_claim_value(v) for v in value]
    return value


def _fields(cls: type, d: Mapping[str, Any]) -> dict[str, Any]:
    """The keys of ``d`` that are fields of ``cls`` (unknown keys from newer versions are dropped)."""
    names = _field_names(cls)
    return {k: v for k, v in d.items() if k in names}


def document_from_dict(d: Mapping[str, Any]) -> Document:
    out = _fields(Document, d)
    out["extra"] = dict(d.get("extra") or {})
    return Document(**out)


def mention_from_dict(d: Mapping[str, Any]) -> Mention:
    out = _fields(Mention, d)
    out["type"] = event_type_from_dict(d["type"])
    out["actor1"] = _opt(d, "actor1", actor_from_dict)
    out["actor2"] = _opt(d, "actor2", actor_from_dict)
    out["location"] = _opt(d, "location", place_from_dict)
    out["places"] = [place_from_dict(p) for p in d.get("places") or ()]
    out["dates"] = [dateref_from_dict(x) for x in d.get("dates") or ()]
    out["figures"] = [figure_from_dict(f) for f in d.get("figures") or ()]
    return Mention(**out)


def event_from_dict(d: Mapping[str, Any]) -> Event:
    out = _fields(Event, d)
    out["sources"] = [evidence_from_dict(e) for e in d.get("sources") or ()]
    out["actor1"] = _opt(d, "actor1", actor_from_dict)
    out["actor2"] = _opt(d, "actor2", actor_from_dict)
    out["location"] = _opt(d, "location", place_from_dict)
    out["killed"] = _opt(d, "killed", count_from_dict)
    out["injured"] = _opt(d, "injured", count_from_dict)
    out["claims"] = [claim_from_dict(c) for c in d.get("claims") or ()]
    out["mention_ids"] = list(d.get("mention_ids") or ())
    out["consensus"] = {str(k): consensus_from_dict(v)
                        for k, v in as_str_dict(d.get("consensus")).items()}
    return Event(**out)


def link_from_dict(d: Mapping[str, Any]) -> Link:
    out = _fields(Link, d)
    out["evidence"] = _opt(d, "evidence", evidence_from_dict)
    return Link(**out)


FLAT_EVENT_COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("event_id", "str"), ("date", "str"), ("date_precision", "str"),
    ("event_type", "str"), ("event_mode", "str"), ("cameo_code", "str"), ("goldstein", "float"),
    ("acled_event_type", "str"), ("acled_sub_event_type", "str"),
    ("actor1_name", "str"), ("actor1_country", "str"), ("actor1_kind", "str"),
    ("actor2_name", "str"), ("actor2_country", "str"), ("actor2_kind", "str"),
    ("location_name", "str"), ("location_country", "str"), ("location_admin1", "str"),
    ("location_lat", "float"), ("location_lon", "float"),
    ("killed_best", "int"), ("killed_low", "int"), ("killed_high", "int"),
    ("injured_best", "int"), ("injured_low", "int"), ("injured_high", "int"),
    ("status", "str"), ("n_sources", "int"), ("n_outlets", "int"), ("single_source", "bool"),
    ("doc_ids", "str"),
)


def flat_event(e: Event) -> dict[str, Any]:
    """One event as a flat row with the columns of ``FLAT_EVENT_COLUMNS``, in that order."""
    row: dict[str, Any] = {
        "event_id": e.event_id, "date": e.date, "date_precision": e.date_precision,
        "event_type": e.event_type, "event_mode": e.event_mode, "cameo_code": e.cameo_code,
        "goldstein": e.goldstein, "acled_event_type": e.acled_event_type,
        "acled_sub_event_type": e.acled_sub_event_type,
    }
    row.update(_flat_actor("actor1", e.actor1))
    row.update(_flat_actor("actor2", e.actor2))
    row.update(_flat_place(e.location))
    row.update(_flat_count("killed", e.killed))
    row.update(_flat_count("injured", e.injured))
    row["status"] = e.status
    row["n_sources"] = len(e.sources)
    row["n_outlets"] = e.n_outlets
    row["single_source"] = e.single_source
    row["doc_ids"] = ";".join(dict.fromkeys(s.doc_id for s in e.sources))
    return row


def _flat_actor(prefix: str, a: ActorRef | None) -> dict[str, Any]:
    return {
        f"{prefix}_name": None if a is None else (a.name or a.text),
        f"{prefix}_country": None if a is None else a.country,
        f"{prefix}_kind": None if a is None else a.kind,
    }


def _flat_place(p: PlaceRef | None) -> dict[str, Any]:
    if p is None:
        return dict.fromkeys(("location_name", "location_country", "location_admin1",
                              "location_lat", "location_lon"))
    return {"location_name": p.name or p.text, "location_country": p.country,
            "location_admin1": p.admin1, "location_lat": p.lat, "location_lon": p.lon}


def _flat_count(prefix: str, c: Count | None) -> dict[str, Any]:
    return {
        f"{prefix}_best": None if c is None else c.best,
        f"{prefix}_low": None if c is None else c.low,
        f"{prefix}_high": None if c is None else c.high,
    }


def as_str_dict(value: Any) -> dict[str, Any]:
    """``value`` if it is a dict with string keys, else an empty dict (for JSON read back)."""
    return cast(dict[str, Any], value) if isinstance(value, dict) else {}
