"""The store's links table: round trip, upsert by (action, reaction), atomic replacement."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from thucydides.records import Evidence, Link
from thucydides.store import Database


@pytest.fixture
def db() -> Iterator[Database]:
    with Database(":memory:") as database:
        yield database


def _link(action: str, reaction: str, score: float = 0.9) -> Link:
    ev = Evidence("doc-7", "The navy shelled the port in retaliation for the raid.", 120, 175,
                  claimant="the navy", published="2023-05-02")
    return Link(action, reaction, "explicit", "retaliation", lag_days=1, score=score,
                cue="in retaliation for the raid", evidence=ev)


def test_links_round_trip(db: Database) -> None:
    links = [_link("e1", "e2"), Link("e2", "e3", "pattern", "follows", lag_days=3, score=0.4)]
    db.upsert_links(links)
    assert db.links() == links
    assert db.counts()["links"] == 2


def test_upsert_replaces_the_same_pair_and_keeps_others(db: Database) -> None:
    db.upsert_links([_link("e1", "e2", 0.5), _link("e3", "e4")])
    db.upsert_links([_link("e1", "e2", 0.8), _link("e1", "e2", 0.95)])  # last of a batch wins
    stored = db.links()
    assert [(lk.action_id, lk.reaction_id) for lk in stored] == [("e1", "e2"), ("e3", "e4")]
    assert stored[0].score == 0.95


def test_replace_links_drops_the_old_table(db: Database) -> None:
    db.upsert_links([_link("e1", "e2")])
    db.replace_links([_link("e5", "e6")])
    assert [(lk.action_id, lk.reaction_id) for lk in db.links()] == [("e5", "e6")]
    db.replace_links([])
    assert db.links() == []


def test_old_store_without_links_reads_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE documents (id VARCHAR)")
    con.close()
    with Database(path, read_only=True) as ro:
        assert ro.links() == []
