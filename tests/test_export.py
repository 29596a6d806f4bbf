"""Exports: JSONL follows the event contract; CSV/Parquet/GeoJSON carry the flat columns."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from test_serde import full_event
from thucydides.errors import ExportError
from thucydides.export import events_to_frame, export_events
from thucydides.records import Event, Evidence, PlaceRef
from thucydides.serde import FLAT_EVENT_COLUMNS

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "spec" / "event.schema.json"
COLUMNS = [name for name, _ in FLAT_EVENT_COLUMNS]


def _events() -> list[Event]:
    bare = Event(event_id="e2", event_type="consult", status="threatened",
                 sources=[Evidence("d9", "Talks may follow, an aide said.", 5, 37, "an aide")])
    no_coords = full_event("e3")
    no_coords.location = PlaceRef(text="the border", start=0, end=10, country="UKR")
    return [full_event("e1"), bare, no_coords]


def _assert_contract(obj: dict[str, Any]) -> None:
    """The rules of spec/event.schema.json, asserted directly (no ../shared needed)."""
    assert isinstance(obj["event_id"], str) and obj["event_id"]
    assert obj["status"] in {"occurred", "claimed", "threatened", "denied", "hypothetical"}
    assert obj["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", obj["date"])
    assert obj["cameo_code"] is None or re.fullmatch(r"\d{2,4}", obj["cameo_code"])
    for key in ("actor1", "actor2"):
        actor = obj[key]
        assert actor is None or (isinstance(actor["name"], str)
                                 and (actor["country"] is None
                                      or re.fullmatch("[A-Z]{3}", actor["country"])))
    for key in ("killed", "injured"):
        assert obj[key] is None or set(obj[key]) == {"best", "low", "high"}
    assert obj["sources"], "at least one source"
    for src in obj["sources"]:
        assert isinstance(src["doc_id"], str) and isinstance(src["start"], int)


def test_jsonl_follows_the_contract(tmp_path: Path) -> None:
    out = export_events(_events(), "jsonl", tmp_path / "events.jsonl")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [o["event_id"] for o in lines] == ["e1", "e2", "e3"]
    for obj in lines:
        _assert_contract(obj)
    expected = _events()[0].to_json()
    assert {k: v for k, v in lines[0].items() if k != "claims"} == {
        k: v for k, v in expected.items() if k != "claims"}
    assert lines[0]["claims"][1]["value"] == {"best": 4, "low": 4, "high": 4}  # a Count value
    assert lines[0]["claims"][1]["claimant"] == "a local official"


@pytest.mark.shared
@pytest.mark.skipif(not SCHEMA.exists(), reason="../shared/spec is not available")
def test_jsonl_validates_against_the_shared_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    out = export_events(_events(), "jsonl", tmp_path / "events.jsonl")
    for line in out.read_text(encoding="utf-8").splitlines():
        jsonschema.validate(json.loads(line), schema)


def test_csv_has_flat_columns(tmp_path: Path) -> None:
    out = export_events(_events(), "csv", tmp_path / "events.csv")
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == COLUMNS
    assert rows[0]["doc_ids"] == "d1;d2" and rows[0]["killed_high"] == "4"
    assert rows[0]["actor1_country"] == "RUS" and rows[1]["actor1_name"] == ""


def test_parquet_round_trips_the_frame(tmp_path: Path) -> None:
    out = export_events(_events(), "parquet", tmp_path / "events.parquet")
    back = pd.read_parquet(out)
    assert list(back.columns) == COLUMNS
    assert back["location_lat"].iloc[0] == pytest.approx(49.99)
    assert back["killed_best"].iloc[0] == 2 and pd.isna(back["killed_best"].iloc[1])


def test_geojson_points_only_for_events_with_coordinates(tmp_path: Path) -> None:
    out = export_events(_events(), "geojson", tmp_path / "events.geojson")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert [f["id"] for f in data["features"]] == ["e1"]
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.23, 49.99]}
    assert feature["properties"]["event_type"] == "assault"


def test_frame_of_no_events_has_the_columns() -> None:
    frame = events_to_frame([])
    assert list(frame.columns) == COLUMNS and len(frame) == 0
    full = events_to_frame(_events())
    assert str(full["n_sources"].dtype) == "Int64" and list(full["n_sources"]) == [2, 1, 2]


def test_bad_format_and_path(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export_events(_events(), "xml", tmp_path / "e.xml")  # type: ignore[arg-type]
    with pytest.raises(ExportError):
        export_events(_events(), "csv", tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError) as info:
        export_events(_events(), "jsonl", blocker / "events.jsonl")
    assert info.value.code == "T500"


def test_failed_export_leaves_no_partial_file(tmp_path: Path) -> None:
    bad = full_event("e9")
    bad.claims[0].value = object()
    target = tmp_path / "events.jsonl"
    with pytest.raises(ExportError):
        export_events([full_event("e1"), bad], "jsonl", target)
    assert list(tmp_path.iterdir()) == []
