"""What was known when: event_history, its agreement with `run --as-of`, and the CLI verb."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from test_corroboration import actor, place, say
from thucydides.cli import main
from thucydides.config import Settings
from thucydides.fuse import fuse
from thucydides.history import UNDATED, changes, event_history, record_as_of, value_as_of
from thucydides.reconcile import build_event
from thucydides.records import Count, Mention
from thucydides.store import Database

BOMBER = actor("a suicide bomber", None, "armed_group")
MARKET = place("Azaz", "SYR", "Aleppo")


def _reports() -> list[Mention]:
    """A toll that rises as the days go by, then a late report that repeats the first figure."""
    text = "A bomb at a market in Azaz killed {n} people on Sunday, {who} said."
    return [
        say("w1-a", text.format(n=53, who="police"), "killed", date="2023-03-05",
            published="2023-03-05", a1=BOMBER, loc=MARKET, killed=53, claimant="police",
            claimant_kind="institution"),
        say("w2-a", text.format(n=84, who="the health ministry"), "killed", date="2023-03-05",
            published="2023-03-07", a1=BOMBER, loc=MARKET, killed=84,
            claimant="the health ministry", claimant_kind="institution"),
        say("w3-a", text.format(n=53, who="a witness"), "killed", date="2023-03-05",
            published="2023-03-08", a1=BOMBER, loc=MARKET, killed=53, claimant="a witness",
            claimant_kind="anonymous"),
    ]


def test_a_rising_toll_has_a_point_per_publication_date() -> None:
    ev = build_event("ev-azaz", _reports())
    killed = [p for p in event_history(ev) if p.field == "killed"]
    assert [(p.as_of, p.value.best, p.rule) for p in killed] == [
        ("2023-03-05", 53, "only-value"),
        ("2023-03-07", 84, "latest-official"),
        ("2023-03-08", 84, "latest-official"),  # a witness repeating 53 revises nothing
    ]
    assert killed[1].value == Count(84, 53, 84)
    assert [s.doc_id for s in killed[1].sources] == ["w2-a"]
    assert killed[1].n_values == 2 and killed[1].n_sources == 1
    assert [p.as_of for p in changes(killed)] == ["2023-03-05", "2023-03-07"]
    assert ev.killed == killed[-1].value  # the record is the last point


def test_every_field_is_followed_and_sorted_by_date() -> None:
    points = event_history(build_event("ev-azaz", _reports()))
    assert [p.as_of for p in points] == sorted(p.as_of for p in points)
    assert {p.field for p in points} == {"date", "location", "actor1", "killed"}
    first_day = {p.field: p.value for p in points if p.as_of == "2023-03-05"}
    assert first_day["date"] == "2023-03-05" and first_day["location"].name == "Azaz"
    assert value_as_of(build_event("e", _reports()), "killed", "2023-03-04") is None
    as_of = record_as_of(build_event("e", _reports()), "2023-03-06")
    assert as_of["killed"] == Count(53, 53, 53) and as_of["injured"] is None


def test_reports_without_a_publication_date_are_known_from_the_start() -> None:
    ms = _reports()
    ms[0] = say("w0-a", "Police said 40 were killed in Azaz.", "killed", date="2023-03-05",
                published=None, a1=BOMBER, loc=MARKET, killed=40)
    points = [p for p in event_history(build_event("e", ms)) if p.field == "killed"]
    assert points[0].as_of == UNDATED and points[0].value.best == 40
    assert points[0].to_json()["as_of"] is None
    assert points[1].value.low == 40  # the undated figure still bounds later views


def test_history_agrees_with_fusing_only_what_was_published_by_then() -> None:
    """``run --as-of DAY`` fuses the mentions published by DAY: the same values."""
    ms = _reports()
    [full] = fuse(ms)
    for day in ("2023-03-05", "2023-03-06", "2023-03-07", "2023-03-08"):
        [view] = fuse([m for m in ms if (m.published or "") <= day])
        known = record_as_of(full, day)
        assert (view.killed, view.date, view.location, view.actor1) == (
            known["killed"], known["date"], known["location"], known["actor1"]), day


ARTICLES = [
    {"id": "t-1", "published": "2023-03-05", "outlet": "Wire A", "text": (
        "A car bomb exploded at a market in the Syrian town of Azaz on Sunday, killing 12 "
        "people, a local police official said.")},
    {"id": "t-2", "published": "2023-03-06", "outlet": "Wire B", "text": (
        "The car bomb that exploded at a market in Azaz, Syria, on Sunday killed 19 people, "
        "the town's health directorate said on Monday.")},
]


def test_run_as_of_and_history_agree(tmp_path: Path) -> None:
    from thucydides.engine.local import run

    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    settings = Settings(db=tmp_path / "record.duckdb", progress=False)
    full = run([docs], settings)
    early = run([docs], settings, as_of="2023-03-05")
    bombing = [e for e in full.events if e.killed is not None]
    assert len(bombing) == 1 and bombing[0].killed == Count(19, 12, 19)
    [then] = [e for e in early.events if e.killed is not None]
    assert record_as_of(bombing[0], "2023-03-05")["killed"] == then.killed == Count(12, 12, 12)
    with Database(settings.db, read_only=True) as db:  # the as-of view was not stored
        assert [e.killed for e in db.events() if e.killed] == [Count(19, 12, 19)]

    result = CliRunner().invoke(main, ["history", bombing[0].event_id, "--db",
                                       str(settings.db), "--json"])
    assert result.exit_code == 0, result.output
    points = json.loads(result.output)["history"]
    assert [(p["as_of"], p["value"]["best"]) for p in points if p["field"] == "killed"] == [
        ("2023-03-05", 12), ("2023-03-06", 19)]
    assert points[0]["sources"][0]["doc_id"] == "t-1"
    table = CliRunner().invoke(main, ["history", bombing[0].event_id, "--db", str(settings.db)])
    assert table.exit_code == 0 and "19 (12-19)" in table.output
    missing = CliRunner().invoke(main, ["history", "ev-nope", "--db", str(settings.db)])
    assert missing.exit_code == 2 and "no event" in missing.output
