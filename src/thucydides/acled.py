"""The event record in ACLED's column layout (an ACLED-compatible CSV).

One row per event that happened (status ``occurred`` or ``claimed``) and has an ACLED event type.
Columns are ACLED's own names, in ACLED's order; what the record does not know stays empty
(``region``, ``admin2``, ``admin3``, ``assoc_actor_*``, ``source_scale``). Codes are in
``data/acled.tsv``:

- ``event_id_cnty``: the thucydides ``event_id`` (so rows join back to the record);
- ``time_precision``: 1 day, 2 week, 3 month or coarser; ``geo_precision``: 1 a town or point,
  3 an admin1 or country;
- ``inter1``/``inter2``: 1 state forces (state, military, government), 2 armed groups,
  7 civilians, 8 international organisations; ``interaction`` the two codes, lower first, or the
  one code followed by 0 for a sole actor;
- ``iso``: ISO 3166 numeric code; ``country``: its name;
- ``source``: the event's independent outlets, ``; ``-separated; ``notes``: the first source
  sentence; ``fatalities``: the consensus killed figure (empty when no source gives one);
- ``tags``: thucydides flags (``single source``, ``disputed fatalities: 2-9``, ``claimed``);
- ``timestamp``: the Unix time of the latest publication among the event's sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from typing import Any

import pandas as pd

from .errors import ConfigError
from .records import HAPPENED, ActorRef, Event

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
_INT_COLUMNS = ("year", "time_precision", "inter1", "inter2", "iso", "geo_precision",
                "fatalities", "timestamp")
_FILE = "acled.tsv"


@lru_cache(maxsize=1)
def acled_codes() -> dict[str, dict[str, str]]:
    """kind → key → value, from ``data/acled.tsv``."""
    try:
        text = resources.files("thucydides").joinpath("data", _FILE).read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read ACLED codes: {exc}", path=_FILE) from exc
    out: dict[str, dict[str, str]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3:
            raise ConfigError(f"expected 3 tab-separated cells, got {len(cells)}",
                              path=f"{_FILE}:{n}")
        out.setdefault(cells[0], {})[cells[1]] = cells[2].strip()
    return out


def acled_rows(events: Sequence[Event]) -> list[dict[str, Any]]:
    """One ACLED row per event that happened and has an ACLED event type."""
    return [acled_row(e) for e in events if e.status in HAPPENED and e.acled_event_type]


def acled_frame(events: Sequence[Event]) -> pd.DataFrame:
    """The ACLED rows as a DataFrame with ACLED's columns (integer codes as nullable Int64)."""
    frame = pd.DataFrame(acled_rows(events), columns=list(ACLED_COLUMNS))
    for name in _INT_COLUMNS:
        frame[name] = frame[name].astype("Int64")
    return frame


def acled_row(e: Event) -> dict[str, Any]:
    codes = acled_codes()
    loc = e.location
    inter1, inter2 = _inter(e.actor1), _inter(e.actor2)
    row: dict[str, Any] = dict.fromkeys(ACLED_COLUMNS)
    row.update({
        "event_id_cnty": e.event_id, "event_date": e.date,
        "year": int(e.date[:4]) if e.date else None,
        "time_precision": _code("time", e.date_precision),
        "disorder_type": codes["disorder"].get(f"{e.acled_event_type}|{e.acled_sub_event_type}")
        or codes["disorder"].get(e.acled_event_type or ""),
        "event_type": e.acled_event_type, "sub_event_type": e.acled_sub_event_type,
        "actor1": _name(e.actor1), "inter1": inter1, "actor2": _name(e.actor2), "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if e.actor2 is not None
        and e.actor2.kind == "civilians" else None,
    })
    country = loc.country if loc else None
    row.update({
        "iso": _iso_numeric(country), "country": _country_name(country),
        "admin1": loc.admin1 if loc else None, "location": (loc.name or loc.text) if loc else None,
        "latitude": loc.lat if loc else None, "longitude": loc.lon if loc else None,
        "geo_precision": _code("geo", loc.precision if loc else None),
    })
    row.update({
        "source": "; ".join(_outlets(e)) or None,
        "notes": " ".join(e.sources[0].sentence.split()) if e.sources else None,
        "fatalities": e.killed.best if e.killed else None, "tags": "; ".join(_tags(e)) or None,
        "timestamp": _timestamp(e),
    })
    return row


def _code(kind: str, key: str | None) -> int | None:
    value = acled_codes()[kind].get(key or "")
    return int(value) if value else None


def _inter(a: ActorRef | None) -> int | None:
    return _code("inter", a.kind) if a is not None else None


def _name(a: ActorRef | None) -> str | None:
    return (a.name or a.text) if a is not None else None


def _interaction(inter1: int | None, inter2: int | None) -> str | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return f"{inter1}0"
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def _iso_numeric(iso3: str | None) -> int | None:
    import pycountry

    rec = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return int(rec.numeric) if rec is not None else None


def _country_name(iso3: str | None) -> str | None:
    import pycountry

    rec = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return str(getattr(rec, "common_name", None) or rec.name) if rec is not None else None


def _outlets(e: Event) -> list[str]:
    names = [s.outlet or s.doc_id for s in e.sources]
    return list(dict.fromkeys(names))


def _tags(e: Event) -> list[str]:
    tags: list[str] = []
    if e.status != "occurred":
        tags.append(e.status)
    if e.single_source:
        tags.append("single source")
    k = e.killed
    if k is not None and k.low is not None and k.high is not None and k.low != k.high:
        tags.append(f"disputed fatalities: {k.low}-{k.high}")
    return tags


def _timestamp(e: Event) -> int | None:
    days = [s.published for s in e.sources if s.published]
    try:
        return int(datetime.fromisoformat(max(days)).replace(tzinfo=UTC).timestamp()) \
            if days else None
    except ValueError:
        return None
