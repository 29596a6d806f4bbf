"""The DuckDB store: round trips, idempotent re-runs, atomic replacement, crash safety."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from test_serde import full_document, full_event, full_mention
from thucydides.config import Settings
from thucydides.errors import StoreError
from thucydides.records import Document, Sentence
from thucydides.serde import FLAT_EVENT_COLUMNS
from thucydides.store import Database


@pytest.fixture
def db() -> Iterator[Database]:
    with Database(":memory:") as database:
        yield database


def _sentences() -> list[Sentence]:
    return [Sentence(0, 0, 10, "First one.", 0, 3), Sentence(1, 11, 22, "Second one.", 3, 6)]


def test_documents_round_trip_and_upsert(db: Database) -> None:
    docs = [full_document("d1"), full_document("d2"), Document(id="d3", text="Bare.")]
    db.upsert_documents(docs)
    assert db.documents() == docs
    changed = dataclasses.replace(docs[0], title="New title")
    db.upsert_documents([changed, changed])  # same key twice in one batch: last wins
    assert db.counts()["documents"] == 3
    assert db.documents(["d1"]) == [changed]
    assert db.documents(["d3", "nope", "d2"]) == [docs[2], docs[1]]


def test_sentences_are_replaced_per_document(db: Database) -> None:
    db.upsert_sentences("d1", _sentences())
    db.upsert_sentences("d2", _sentences())
    db.upsert_sentences("d1", _sentences()[:1])
    assert db.sentences("d1") == _sentences()[:1]
    assert db.sentences("d2") == _sentences()


def test_rerun_replaces_mentions_without_duplicates(db: Database) -> None:
    db.replace_mentions_for(["d1", "d2"], [full_mention("m1", "d1"), full_mention("m2", "d1"),
                                           full_mention("m3", "d2")])
    db.replace_mentions_for(["d1"], [full_mention("m9", "d1")])
    assert [m.mention_id for m in db.mentions()] == ["m9", "m3"]
    db.replace_mentions_for(["d2"], [])  # a re-run that finds nothing clears the document
    assert [m.mention_id for m in db.mentions()] == ["m9"]
    assert db.mentions(["d1"]) == [full_mention("m9", "d1")]


def test_replace_events_and_frame(db: Database) -> None:
    db.replace_events([full_event("e1"), full_event("e2")])
    db.replace_events([full_event("e2"), full_event("e3")])
    assert [e.event_id for e in db.events()] == ["e2", "e3"]
    assert db.events()[0] == full_event("e2")
    assert db.counts()["event_sources"] == 4
    frame = db.events_frame()
    assert list(frame.columns) == [n for n, _ in FLAT_EVENT_COLUMNS]
    assert list(frame["event_id"]) == ["e2", "e3"]
    assert str(frame["killed_high"].dtype) == "Int64" and frame["killed_high"].iloc[0] == 4


def test_failed_replace_keeps_previous_events(db: Database) -> None:
    db.replace_events([full_event("e1")])
    bad = full_event("e2")
    bad.claims[0].value = object()  # not JSON: fails after the old rows were deleted
    with pytest.raises(StoreError):
        db.replace_events([full_event("e3"), bad])
    assert [e.event_id for e in db.events()] == ["e1"]


def test_crash_in_transaction_keeps_earlier_rows(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    with Database(path) as db:
        db.upsert_documents([full_document("d1")])
        db.replace_mentions_for(["d1"], [full_mention("m1")])
        with pytest.raises(RuntimeError), db.transaction():
            db.upsert_documents([full_document("d2")])
            db.replace_mentions_for(["d1"], [])
            raise RuntimeError("worker died")
        assert [d.id for d in db.documents()] == ["d1"]
    with Database(path) as db:
        assert [d.id for d in db.documents()] == ["d1"]
        assert [m.mention_id for m in db.mentions()] == ["m1"]


def test_duckdb_errors_become_store_errors(db: Database) -> None:
    db.upsert_documents([full_document("d1")])
    with pytest.raises(StoreError) as info:
        db._execute("SELECT * FROM no_such_table")
    assert info.value.code == "T400"
    assert [d.id for d in db.documents()] == ["d1"]  # the connection is still usable


def test_file_persists_and_rerun_does_not_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "store.duckdb"
    for _ in range(2):
        with Database(settings=Settings.model_validate({"db": path})) as db:
            db.upsert_documents([full_document("d1"), full_document("d2")])
            db.replace_mentions_for(["d1", "d2"], [full_mention("m1"), full_mention("m2", "d2")])
            db.replace_events([full_event("e1")])
            db.record_run("r1", started=datetime(2024, 1, 1, tzinfo=UTC), n_docs=2,
                          args={"inputs": ["a.jsonl"]})
    with Database(path) as db:
        assert db.counts() == {"documents": 2, "sentences": 0, "mentions": 2, "events": 1,
                               "event_sources": 2, "runs": 1, "links": 0}
        run = db.runs()[0]
        assert run["args"] == {"inputs": ["a.jsonl"]} and run["n_docs"] == 2
        assert run["started"] == datetime(2024, 1, 1)


def test_closed_and_unopenable_databases(tmp_path: Path) -> None:
    db = Database(":memory:")
    db.close()
    db.close()  # idempotent
    with pytest.raises(StoreError):
        db.documents()
    with pytest.raises(StoreError):
        Database(tmp_path)  # a directory is not a database file


def test_large_batch_is_fast_enough(db: Database) -> None:
    docs = [Document(id=f"d{i:05d}", text=f"Text {i}.", extra={"i": i}) for i in range(20000)]
    db.upsert_documents(docs)
    assert db.counts()["documents"] == 20000
    assert db.documents(["d00042"])[0].extra == {"i": 42}


def test_events_frame_matches_the_export_frame(db: Database) -> None:
    from thucydides.export import events_to_frame
    from thucydides.records import Event, Evidence

    events = [full_event("e1"), Event("e2", "agree", "occurred", [Evidence("d", "s", 0, 1)])]
    db.replace_events(events)
    pd.testing.assert_frame_equal(db.events_frame(), events_to_frame(events))


def test_read_only_opening_reads_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.duckdb"
    with Database(path) as db:
        db.upsert_documents([Document(id="r1", text="Text written for the read-only test.")])
    with Database(path, read_only=True) as ro:
        assert [d.id for d in ro.documents()] == ["r1"]
        with pytest.raises(StoreError):
            ro.upsert_documents([Document(id="r2", text="Another text.")])
    with pytest.raises(StoreError):
        Database(tmp_path / "missing.duckdb", read_only=True)
