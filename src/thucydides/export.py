"""Write events as JSONL (the spec/EVENTS.md contract), CSV, Parquet or GeoJSON.

CSV, Parquet and GeoJSON properties use the flat columns of ``serde.FLAT_EVENT_COLUMNS``.
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

from .errors import ExportError
from .records import Event
from .serde import FLAT_EVENT_COLUMNS, ColumnKind, flat_event, to_dict

ExportFormat = Literal["jsonl", "csv", "parquet", "geojson"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)

_ARROW_TYPES: dict[ColumnKind, pa.DataType] = {
    "str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
}


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


def export_events(events: Sequence[Event], fmt: ExportFormat, path: Path) -> Path:
    """Write ``events`` to ``path`` in format ``fmt``; returns the path written."""
    writers: dict[str, Callable[[Sequence[Event], Path], None]] = {
        "jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet,
        "geojson": _write_geojson,
    }
    if fmt not in writers:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}",
                          path=str(path))
    path = Path(path)
    if path.is_dir():
        raise ExportError("the output path is a directory", path=str(path),
                          hint="give a file name, e.g. events." + fmt)
    with _atomic(path) as tmp:
        writers[fmt](events, tmp)
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


def _write_csv(events: Sequence[Event], path: Path) -> None:
    events_to_frame(events).to_csv(path, index=False)


def _write_parquet(events: Sequence[Event], path: Path) -> None:
    pq.write_table(events_to_arrow(events), path)


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
