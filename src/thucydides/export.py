"""Write events as JSONL (the spec/EVENTS.md contract), CSV, Parquet, GeoJSON or an ACLED-compatible
CSV, and action → reaction links as an edge table.

CSV, Parquet and GeoJSON properties use the flat columns of ``serde.FLAT_EVENT_COLUMNS``; the
ACLED CSV uses ACLED's column names (:mod:`thucydides.acled`); the edge table has one row per link
(``LINK_COLUMNS``), as CSV, or JSONL / Parquet when the file name ends so.
The ``*_frame`` functions give the same tables as pandas DataFrames.
Every file is written to a temporary sibling first and moved into place, so a failed export never
leaves a half-written file under the requested name.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Literal, get_args

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .acled import acled_frame
from .errors import ExportError
from .records import Count, Event, Link
from .serde import FLAT_EVENT_COLUMNS, ColumnKind, flat_event, to_dict

ExportFormat = Literal["jsonl", "csv", "parquet", "geojson", "acled", "links"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)

_ARROW_TYPES: dict[ColumnKind, pa.DataType] = {
    "str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
}
LINK_COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("action_id", "str"), ("reaction_id", "str"), ("kind", "str"), ("relation", "str"),
    ("lag_days", "int"), ("score", "float"), ("cue", "str"), ("doc_id", "str"),
    ("sentence", "str"), ("start", "int"), ("end", "int"), ("claimant", "str"),
)
CLAIM_COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("event_id", "str"), ("field", "str"), ("value", "str"), ("chosen", "bool"),
    ("claimant", "str"), ("claimant_kind", "str"), ("doc_id", "str"), ("outlet", "str"),
    ("published", "str"), ("copy_of", "str"), ("sentence", "str"), ("start", "int"),
    ("end", "int"),
)


def flat_arrow_schema() -> pa.Schema:
    """The Arrow schema of the flat event columns."""
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in FLAT_EVENT_COLUMNS])


def events_to_arrow(events: Sequence[Event]) -> pa.Table:
    rows = [flat_event(e) for e in events]
    schema = flat_arrow_schema()
    return pa.table({name: [r[name] for r in rows] for name in schema.names}, schema=schema)


def frame_from_arrow(table: pa.Table) -> pd.DataFrame:
    """A flat-event Arrow table as a DataFrame; integer columns stay integer (nullable Int64)."""
    table = table.cast(flat_arrow_schema())
    mapping: dict[pa.DataType, Any] = {pa.int64(): pd.Int64Dtype()}
    frame: pd.DataFrame = table.to_pandas(types_mapper=mapping.get)
    return frame


def events_to_frame(events: Sequence[Event]) -> pd.DataFrame:
    """One row per event, flat columns (see ``serde.FLAT_EVENT_COLUMNS``)."""
    return frame_from_arrow(events_to_arrow(events))


def _typed_frame(rows: Sequence[dict[str, Any]],
                 columns: Sequence[tuple[str, ColumnKind]]) -> pd.DataFrame:
    schema = pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in columns])
    table = pa.table({name: [r[name] for r in rows] for name in schema.names}, schema=schema)
    mapping: dict[pa.DataType, Any] = {pa.int64(): pd.Int64Dtype()}
    frame: pd.DataFrame = table.to_pandas(types_mapper=mapping.get)
    return frame


def link_row(link: Link) -> dict[str, Any]:
    ev = link.evidence
    return {"action_id": link.action_id, "reaction_id": link.reaction_id, "kind": link.kind,
            "relation": link.relation, "lag_days": link.lag_days, "score": link.score,
            "cue": link.cue, "doc_id": ev.doc_id if ev else None,
            "sentence": ev.sentence if ev else None, "start": ev.start if ev else None,
            "end": ev.end if ev else None, "claimant": ev.claimant if ev else None}


def links_to_frame(links: Sequence[Link]) -> pd.DataFrame:
    """The edge table: one row per link, columns ``LINK_COLUMNS``."""
    return _typed_frame([link_row(k) for k in links], LINK_COLUMNS)


def claims_to_frame(events: Sequence[Event]) -> pd.DataFrame:
    """Every reported value of every field, one row per claim, with its source; ``chosen``
    marks the values the consensus rules picked (see ``Event.consensus``)."""
    rows: list[dict[str, Any]] = []
    for e in events:
        for c in e.claims:
            ev = c.evidence
            decided = e.consensus.get(c.field)
            rows.append({
                "event_id": e.event_id, "field": c.field, "value": _claim_text(c.value),
                "chosen": None if decided is None else _chosen(c.value, decided.value),
                "claimant": ev.claimant, "claimant_kind": ev.claimant_kind,
                "doc_id": ev.doc_id, "outlet": ev.outlet, "published": ev.published,
                "copy_of": ev.copy_of, "sentence": ev.sentence, "start": ev.start,
                "end": ev.end})
    return _typed_frame(rows, CLAIM_COLUMNS)


def _claim_text(value: Any) -> str | None:
    """A claim's value as text: a figure's point value, a name, a date."""
    from .consensus import figure_point

    if value is None or isinstance(value, str):
        return value
    point = figure_point(value)
    if point is not None or isinstance(value, dict):
        return None if point is None else str(point)
    name = getattr(value, "name", None) or getattr(value, "text", None)
    return str(name) if name is not None else str(value)


def _chosen(value: Any, decided: Any) -> bool:
    """Whether a claim reports the value its field's consensus chose."""
    from .consensus import figure_point

    if isinstance(decided, Count):
        return decided.best is not None and figure_point(value) == decided.best
    return _claim_text(value) == _claim_text(decided)


def export_events(events: Sequence[Event], fmt: ExportFormat, path: Path, *,
                  links: Sequence[Link] = ()) -> Path:
    """Write ``events`` (or, for ``links``, the edge table of ``links``) to ``path`` in format
    ``fmt``; returns the path written."""
    writers: dict[str, Callable[[Path], None]] = {
        "jsonl": lambda p: _write_jsonl(events, p), "csv": lambda p: _write_csv(events, p),
        "parquet": lambda p: _write_parquet(events, p),
        "geojson": lambda p: _write_geojson(events, p),
        "acled": lambda p: _write_acled(events, p),
        "links": lambda p: _write_links(links, p, Path(path).suffix),
    }
    if fmt not in writers:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}",
                          path=str(path))
    path = Path(path)
    if path.is_dir():
        raise ExportError("the output path is a directory", path=str(path),
                          hint="give a file name, e.g. events." + fmt)
    with _atomic(path) as tmp:
        writers[fmt](tmp)
    return path


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        yield tmp
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError, pa.ArrowException) as exc:
        raise ExportError(f"cannot write export: {exc}", path=str(path)) from exc
    finally:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)


def _write_jsonl(events: Sequence[Event], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for e in events:
            fh.write(json.dumps(e.to_json(), ensure_ascii=False, default=_json_default) + "\n")


def _json_default(value: Any) -> Any:
    """Records inside claim values (a ``Count``, a ``PlaceRef``) are written as objects."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as spreadsheet formulas: article text is untrusted,
    and a cell opening with ``=``, ``+``, ``-``, ``@`` gets a leading apostrophe (OWASP)."""
    out = frame.copy()
    for col in out.select_dtypes(include=["object", "string"]).columns:
        out[col] = out[col].map(lambda v: csv_cell(v) if isinstance(v, str) else v)
    return out


def csv_cell(value: str) -> str:
    """One text cell that cannot run as a spreadsheet formula."""
    return "'" + value if value.startswith(FORMULA_LEADS) else value


def _write_csv(events: Sequence[Event], path: Path) -> None:
    csv_safe(events_to_frame(events)).to_csv(path, index=False)


def _write_parquet(events: Sequence[Event], path: Path) -> None:
    pq.write_table(events_to_arrow(events), path)


def _write_acled(events: Sequence[Event], path: Path) -> None:
    csv_safe(acled_frame(events)).to_csv(path, index=False)


def _write_links(links: Sequence[Link], path: Path, suffix: str) -> None:
    """The edge table: JSONL (``Link.to_json``) or Parquet by ``suffix``, else CSV."""
    if suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for link in links:
                fh.write(json.dumps(link.to_json(), ensure_ascii=False) + "\n")
    elif suffix == ".parquet":
        pq.write_table(pa.Table.from_pandas(links_to_frame(links), preserve_index=False), path)
    else:
        csv_safe(links_to_frame(links)).to_csv(path, index=False)


def _write_geojson(events: Sequence[Event], path: Path) -> None:
    collection = {"type": "FeatureCollection", "features": geojson_features(events)}
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")


def geojson_features(events: Sequence[Event]) -> list[dict[str, Any]]:
    """A GeoJSON Point feature per event that has coordinates (others are left out)."""
    features: list[dict[str, Any]] = []
    for e in events:
        loc = e.location
        if loc is None or loc.lat is None or loc.lon is None:
            continue
        features.append({
            "type": "Feature",
            "id": e.event_id,
            "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
            "properties": flat_event(e),
        })
    return features
