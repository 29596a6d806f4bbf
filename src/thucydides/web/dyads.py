"""The dyad pages' data, from the escalation analysis (:mod:`thucydides.analysis`): per actor
pair, both directions' daily series, their escalation phases, reciprocity, and the Hawkes
forecast shown beside its rolling-origin backtest (a horizon without a backtest is withheld).

The analysis runs once per snapshot, in the background as soon as the snapshot is read
(``Record(analyse=analyse_snapshot)``); the pages read its cached JSON.
"""

from __future__ import annotations

import csv
import io
import time
from datetime import date, timedelta
from typing import Any

from ..analysis import AnalysisConfig, analyze, to_json
from ..analysis.common import actor_key
from ..export import csv_cell
from .record import Snapshot
from .views import event_row

SERIES_FIELDS = ("n_events", "n_hostile", "conflict", "cooperation")


def analyse_snapshot(snap: Snapshot) -> dict[str, Any]:
    """The analysis of a snapshot as JSON (``analysis.to_json``), with how long it took."""
    started = time.perf_counter()
    payload = to_json(analyze(snap.events, snap.links, AnalysisConfig()))
    payload["seconds"] = round(time.perf_counter() - started, 3)
    return payload


def analysis_of(snap: Snapshot) -> dict[str, Any]:
    """The snapshot's analysis: the background result, or computed now (and kept)."""
    if snap.analysis is not None:
        result: dict[str, Any] = snap.analysis.result()
        return result
    return snap.memo("analysis", lambda: analyse_snapshot(snap))


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _current(series: dict[str, Any] | None) -> dict[str, Any] | None:
    phases = series["phases"] if series else []
    return phases[-1] if phases else None


def dyad_list(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """Undirected actor pairs, busiest (hostile acts both ways, then events) first."""
    directed = {(s["source"], s["target"]): s for s in payload["dyads"]}
    models = {tuple(m["pair"]) for m in payload["models"]}
    rows = []
    for a, b in sorted({_pair(*k) for k in directed if k[0] != k[1]}):
        ab, ba = directed.get((a, b)), directed.get((b, a))
        rows.append({"a": a, "b": b, "n_ab": ab["n_events"] if ab else 0,
                     "n_ba": ba["n_events"] if ba else 0,
                     "hostile": sum(s["n_hostile"] for s in (ab, ba) if s),
                     "conflict": round(sum(s["conflict"] for s in (ab, ba) if s), 1),
                     "phase_ab": _current(ab), "phase_ba": _current(ba),
                     "model": (a, b) in models})
    rows.sort(key=lambda r: (-r["hostile"], -(r["n_ab"] + r["n_ba"]), r["a"], r["b"]))
    return rows


def _days(series: dict[str, Any] | None, start: str, n: int) -> list[dict[str, Any]]:
    """One row per day of the window (zeros for a direction with no series)."""
    first = date.fromisoformat(start)
    out = []
    for k in range(n):
        row: dict[str, Any] = {"day": (first + timedelta(k)).isoformat()}
        for f in SERIES_FIELDS:
            row[f] = series["daily"][f][k] if series else 0
        out.append(row)
    return out


def _pair_events(snap: Snapshot, a: str, b: str) -> list[dict[str, Any]]:
    found = [e for e in snap.events
             if {actor_key(e.actor1), actor_key(e.actor2)} == {a, b} and a != b]
    found.sort(key=lambda e: (e.date is None, e.date or "", e.event_id))
    return [{**event_row(e), "direction": "ab" if actor_key(e.actor1) == a else "ba"}
            for e in found]


def dyad_view(snap: Snapshot, payload: dict[str, Any], a: str, b: str) -> dict[str, Any] | None:
    """Both directions of the pair ``a``–``b``: daily series, phases, reciprocity, the model
    (forecasts with their backtests) and the pair's events; None when the pair has no series."""
    directed = {(s["source"], s["target"]): s for s in payload["dyads"]}
    ab, ba = directed.get((a, b)), directed.get((b, a))
    if (ab is None and ba is None) or a == b:
        return None
    window = payload["window"]
    n_days = (date.fromisoformat(window["end"]) - date.fromisoformat(window["start"])).days + 1
    recip = next((r for r in payload["reciprocity"] if set(r["pair"]) == {a, b}), None)
    model = next((m for m in payload["models"] if set(m["pair"]) == {a, b}), None)
    notes = [n for n in payload["notes"] if "forecast" in n or "hostile" in n]
    return {"a": a, "b": b, "window": window,
            "directions": {"ab": _direction(ab, a, b), "ba": _direction(ba, b, a)},
            "daily": {"ab": _days(ab, window["start"], n_days),
                      "ba": _days(ba, window["start"], n_days)},
            "reciprocity": recip, "model": model, "notes": notes,
            "events": _pair_events(snap, a, b), "analysis_seconds": payload.get("seconds")}


def _direction(s: dict[str, Any] | None, source: str, target: str) -> dict[str, Any]:
    if s is None:
        return {"source": source, "target": target, "n_events": 0, "n_hostile": 0,
                "conflict": 0.0, "cooperation": 0.0, "phases": []}
    return {k: s[k] for k in ("source", "target", "n_events", "n_hostile", "conflict",
                              "cooperation", "phases")}


def dyad_csv(view: dict[str, Any]) -> str:
    """The pair's daily series, both directions, as CSV."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["day", "source", "target", *SERIES_FIELDS])
    for key, (src, tgt) in (("ab", (view["a"], view["b"])), ("ba", (view["b"], view["a"]))):
        for row in view["daily"][key]:
            writer.writerow([row["day"], csv_cell(src), csv_cell(tgt), *(row[f] for f in SERIES_FIELDS)])
    return out.getvalue()
