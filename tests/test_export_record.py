"""The ACLED-compatible CSV, the link edge table, the claims table and their DataFrames."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from test_corroboration import actor, copy_of, place, say
from thucydides.acled import ACLED_COLUMNS, acled_frame
from thucydides.cli import main
from thucydides.errors import ExportError
from thucydides.export import LINK_COLUMNS, claims_to_frame, export_events, links_to_frame
from thucydides.reconcile import build_event
from thucydides.records import Event, Evidence, Link, PlaceRef
from thucydides.store import Database

AZE, ARM = actor("Azerbaijan", "AZE"), actor("Armenia", "ARM")
VILLAGERS = actor("villagers", "ARM", "civilians")


def _events() -> list[Event]:
    sotk = place("Sotk", "ARM", "Gegharkunik")
    sotk.lat, sotk.lon = 40.2, 45.9
    first = say("a-1", "Azerbaijani shelling killed 3 villagers in Sotk on Tuesday.", "shelling",
                a1=AZE, a2=VILLAGERS, loc=sotk, killed=3, outlet="Caucasus Wire")
    second = say("b-1", "The shelling of Sotk killed 5, a mayor said.", "shelling", a1=AZE,
                 a2=VILLAGERS, loc=sotk, killed=5, published="2022-09-15", outlet="Daily B")
    strike = build_event("ev-strike", [first, second, copy_of(first, "c-1", "Daily C")])
    recall = build_event("ev-recall", [say(
        "d-1", "Armenia recalled its envoy on Wednesday.", "recalled", kind="sanction",
        date="2022-09-14", a1=ARM, a2=AZE, loc=place("Armenia", "ARM", None, "country"))])
    threat = build_event("ev-threat", [say(
        "e-1", "Azerbaijan threatened to strike again.", "strike", status="threatened", a1=AZE)])
    accuse = build_event("ev-accuse", [say(
        "f-1", "Azerbaijan accused Armenia of provocations.", "accused", kind="accuse", a1=AZE)])
    return [strike, recall, threat, accuse]


def _links() -> list[Link]:
    ev = Evidence("d-1", "Armenia recalled its envoy a day after the shelling.", 0, 52,
                  claimant=None, published="2022-09-14")
    return [Link("ev-strike", "ev-recall", "explicit", "response", 1, 0.75,
                 "a day after the shelling", ev),
            Link("ev-strike", "ev-accuse", "pattern", "follows", 0, 0.3)]


def test_acled_rows_use_acled_columns_and_codes() -> None:
    frame = acled_frame(_events())
    assert list(frame.columns) == list(ACLED_COLUMNS)
    assert list(frame["event_id_cnty"]) == ["ev-strike", "ev-recall"]  # threats/no type left out
    strike = frame.iloc[0]
    assert (strike["event_date"], strike["year"], strike["time_precision"]) == (
        "2022-09-13", 2022, 1)
    assert (strike["disorder_type"], strike["event_type"], strike["sub_event_type"]) == (
        "Political violence", "Battles", "Armed clash")
    assert (strike["actor1"], strike["inter1"], strike["actor2"], strike["inter2"]) == (
        "Azerbaijan", 1, "villagers", 7)
    assert strike["interaction"] == "17" and strike["civilian_targeting"] == "Civilian targeting"
    assert (strike["iso"], strike["country"], strike["admin1"], strike["location"]) == (
        51, "Armenia", "Gegharkunik", "Sotk")
    assert (strike["latitude"], strike["geo_precision"]) == (40.2, 1)
    assert strike["source"] == "Caucasus Wire; Daily C; Daily B"  # in report order
    assert strike["fatalities"] == 5 and strike["tags"] == "disputed fatalities: 3-5"
    assert strike["notes"].startswith("Azerbaijani shelling killed 3")
    assert strike["timestamp"] == 1663200000  # 2022-09-15, the latest report
    recall = frame.iloc[1]
    assert recall["disorder_type"] == "Strategic developments" and recall["interaction"] == "11"
    assert recall["geo_precision"] == 3 and pd.isna(recall["fatalities"])
    assert recall["tags"] == "single source"
    assert all(pd.isna(frame[c]).all() for c in ("region", "admin2", "admin3", "assoc_actor_1"))


def test_acled_csv_file(tmp_path: Path) -> None:
    out = export_events(_events(), "acled", tmp_path / "acled.csv")
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(ACLED_COLUMNS)
    assert rows[0]["iso"] == "51" and rows[0]["fatalities"] == "5" and rows[1]["fatalities"] == ""


def test_link_table_in_three_formats(tmp_path: Path) -> None:
    links = _links()
    frame = links_to_frame(links)
    assert list(frame.columns) == [n for n, _ in LINK_COLUMNS]
    assert list(frame["relation"]) == ["response", "follows"]
    assert frame["doc_id"].iloc[0] == "d-1" and pd.isna(frame["doc_id"].iloc[1])
    assert str(frame["lag_days"].dtype) == "Int64"
    csv_path = export_events([], "links", tmp_path / "links.csv", links=links)
    assert pd.read_csv(csv_path)["action_id"].tolist() == ["ev-strike", "ev-strike"]
    jsonl = export_events([], "links", tmp_path / "links.jsonl", links=links)
    lines = [json.loads(x) for x in jsonl.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["evidence"]["sentence"].startswith("Armenia recalled")
    assert lines[1]["evidence"] is None and lines[1]["kind"] == "pattern"
    parquet = export_events([], "links", tmp_path / "links.parquet", links=links)
    assert pd.read_parquet(parquet)["score"].tolist() == [0.75, 0.3]
    with pytest.raises(ExportError):
        export_events([], "links", tmp_path, links=links)


def test_claims_frame_marks_the_chosen_values() -> None:
    frame = claims_to_frame(_events()[:1])
    killed = frame[frame["field"] == "killed"]
    assert sorted(zip(killed["value"], killed["chosen"], killed["outlet"], strict=True)) == [
        ("3", False, "Caucasus Wire"), ("3", False, "Daily C"), ("5", True, "Daily B")]
    assert killed[killed["outlet"] == "Daily C"]["copy_of"].iloc[0] == "a-1"
    places = frame[frame["field"] == "location"]
    assert set(places["value"]) == {"Sotk"} and places["chosen"].all()


def test_store_frames_and_cli_exports(tmp_path: Path) -> None:
    db = tmp_path / "record.duckdb"
    with Database(db) as store:
        store.replace_events(_events())
        store.upsert_links(_links())
        assert list(store.links_frame()["reaction_id"]) == ["ev-accuse", "ev-recall"]
        assert list(store.acled_frame()["event_id_cnty"]) == ["ev-strike", "ev-recall"]
        assert len(store.claims_frame()) == len(claims_to_frame(store.events()))
        back = {e.event_id: e for e in store.events()}["ev-strike"]
        assert back.consensus == _events()[0].consensus  # consensus survives the store
        assert back.claims[0].ref == _events()[0].claims[0].ref
    runner = CliRunner()
    acled = tmp_path / "out.csv"
    result = runner.invoke(main, ["export", "--db", str(db), "--format", "acled", "-o", str(acled)])
    assert result.exit_code == 0, result.output
    assert pd.read_csv(acled).columns.tolist() == list(ACLED_COLUMNS)
    edges = tmp_path / "edges.jsonl"
    result = runner.invoke(main, ["export", "--db", str(db), "--format", "links", "-o", str(edges)])
    assert result.exit_code == 0, result.output
    assert len(edges.read_text(encoding="utf-8").splitlines()) == 2
    listed = runner.invoke(main, ["links", "--db", str(db)])
    assert listed.exit_code == 0 and "cue: a day after the shelling" in listed.output
    plain = runner.invoke(main, ["export", "--db", str(db), "--format", "csv", "-o",
                                 str(tmp_path / "e.csv")])
    assert plain.exit_code == 0 and (tmp_path / "e.csv").exists()


SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "spec" / "event.schema.json"


def _jsonl(tmp_path: Path) -> list[dict[str, object]]:
    events = _events()
    events[1].location = PlaceRef("the border", 0, 10, country="ARM")
    out = export_events(events, "jsonl", tmp_path / "events.jsonl")
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]


def test_events_jsonl_carries_consensus_and_corroboration(tmp_path: Path) -> None:
    first = _jsonl(tmp_path)[0]
    assert first["consensus"]["killed"]["rule"] == "latest-report"  # type: ignore[index]
    assert first["n_outlets"] == 2 and first["single_source"] is False


@pytest.mark.shared
@pytest.mark.skipif(not SCHEMA.exists(), reason="../shared/spec is not available")
def test_events_jsonl_with_consensus_validates(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for obj in _jsonl(tmp_path):
        jsonschema.validate(obj, schema)


def test_csv_cells_cannot_run_as_spreadsheet_formulas() -> None:
    import pandas as pd

    from thucydides.export import csv_safe
    frame = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "plain", None],
                          "n": [1, -2, 3, 4, 5]})
    out = csv_safe(frame)
    assert list(out["text"][:4]) == ["'=HYPERLINK(\"http://x\")", "'+1", "'@SUM(A1)", "plain"]
    assert list(out["n"]) == [1, -2, 3, 4, 5]  # numbers stay numbers
    assert frame["text"][0].startswith("=")  # the input is not changed
