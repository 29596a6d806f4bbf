"""Dyad series and reciprocity on hand-built events and links."""

from __future__ import annotations

from datetime import date

import pytest

from thucydides.analysis.dyads import build_dyads
from thucydides.errors import ConfigError
from thucydides.records import ActorRef, Event, Evidence, Link, Status


def actor(key: str, *, country: bool = True) -> ActorRef:
    return ActorRef(text=key, start=0, end=len(key), name=key,
                    country=key if country else None, kind=None if country else "armed_group",
                    actor_id=None if country else key)


def event(eid: str, day: str | None, a1: str | None, a2: str | None, goldstein: float | None,
          *, status: Status = "occurred", event_type: str = "assault",
          precision: str = "day") -> Event:
    return Event(
        event_id=eid, event_type=event_type, status=status,
        sources=[Evidence(doc_id="d", sentence="s", start=0, end=1)], date=day,
        date_precision="day" if precision == "day" else "month", goldstein=goldstein,
        actor1=actor(a1) if a1 else None,
        actor2=(actor(a2, country=a2.isupper()) if a2 else None))


EVENTS = [
    event("e1", "2024-01-01", "AAA", "BBB", -10.0),
    event("e2", "2024-01-01", "AAA", "BBB", -4.0),
    event("e3", "2024-01-03", "BBB", "AAA", -10.0),  # answers e1
    event("e4", "2024-01-08", "AAA", "BBB", 3.0),  # cooperation, next week
    event("e5", "2024-01-09", "BBB", "AAA", -2.0, status="claimed"),
    event("e6", "2024-01-09", "BBB", "AAA", -9.0, status="threatened"),  # not happened
    event("e7", "2024-01-10", "AAA", None, -10.0),  # no target
    event("e8", None, "AAA", "BBB", -10.0),  # undated
    event("e9", "2024-01-01", "AAA", "BBB", -10.0, precision="month"),  # too coarse
    event("e10", "2024-01-05", "BBB", "Militia", -5.0),  # stateless target keyed by name
    event("e11", "2024-01-06", "AAA", "BBB", None, event_type="agree"),  # type's median score
]
LINKS = [
    Link("e1", "e3", "explicit", "retaliation", lag_days=2),
    Link("e2", "e3", "pattern", "response"),  # lag from the dates: 2 days
    Link("e3", "e5", "pattern", "response", lag_days=6),
    Link("e3", "e6", "explicit", "retaliation", lag_days=6),  # threatened: not an answer
    Link("e1", "e4", "pattern", "follows", lag_days=7),  # AAA → BBB: not an answer of BBB
]


def test_counts_and_goldstein_weights() -> None:
    table = build_dyads(EVENTS, LINKS)
    assert (table.start, table.end) == (date(2024, 1, 1), date(2024, 1, 9))
    ab, ba = table.get("AAA", "BBB"), table.get("BBB", "AAA")
    assert ab is not None and ba is not None
    assert len(ab.daily) == 9 and ab.daily[0].start == date(2024, 1, 1)
    assert (ab.daily[0].n_events, ab.daily[0].n_hostile, ab.daily[0].conflict) == (2, 2, 14.0)
    assert ab.daily[7].cooperation == 3.0 and ab.daily[7].conflict == 0.0
    assert ab.daily[5].cooperation > 0  # "agree" without a score takes a positive median
    assert (ab.n_events, ab.n_hostile) == (4, 2)
    assert (ba.n_events, ba.n_hostile, ba.conflict) == (2, 2, 12.0)
    # weeks start on Monday: 2024-01-01 is a Monday, so two weeks
    assert [w.start for w in ab.weekly] == [date(2024, 1, 1), date(2024, 1, 8)]
    assert [w.n_events for w in ab.weekly] == [3, 1]
    assert table.get("BBB", "Militia") is not None
    assert table.skipped == {"not happened": 1, "no actor2": 1, "no day date": 2}
    assert table.pairs()[0] == ("AAA", "BBB")


def test_reciprocity() -> None:
    table = build_dyads(EVENTS, LINKS)
    rec = {r.pair: r for r in table.reciprocity}[("AAA", "BBB")]
    a, b = rec.a_to_b, rec.b_to_a
    assert (a.actor, a.responder, a.n_hostile, a.n_answered) == ("AAA", "BBB", 2, 2)
    assert a.rate == 1.0 and a.median_lag_days == 2.0 and a.mean_lag_days == 2.0
    # BBB's two hostile acts (e3, e5): e3 answered by AAA? e5 is BBB's; AAA answered none
    assert (b.actor, b.n_hostile, b.n_answered, b.rate, b.median_lag_days) == \
        ("BBB", 2, 0, 0.0, None)
    frame = table.reciprocity_frame()
    assert set(frame["actor"]) >= {"AAA", "BBB"}


def test_frames_and_empty_inputs() -> None:
    table = build_dyads(EVENTS)
    daily, weekly = table.frame("D"), table.frame("W")
    assert daily["n_events"].sum() == weekly["n_events"].sum() == 7
    assert list(daily.columns)[:3] == ["source", "target", "period"]
    assert all(r.a_to_b.n_answered == 0 for r in table.reciprocity)  # no links, no answers
    empty = build_dyads([])
    assert empty.start is None and empty.series == () and empty.frame().empty
    with pytest.raises(ConfigError):
        build_dyads(EVENTS, since=date(2024, 2, 1), until=date(2024, 1, 1))


def test_window_cuts_events() -> None:
    table = build_dyads(EVENTS, since=date(2024, 1, 2), until=date(2024, 1, 8))
    ab = table.get("AAA", "BBB")
    assert ab is not None and ab.n_events == 2  # e11 and e4
    assert table.skipped["outside window"] == 3  # e1, e2, e5


def test_only_identified_parties_are_sides_of_a_dyad() -> None:
    from thucydides.analysis.common import actor_key
    assert actor_key(ActorRef("Iranian jets", 0, 12, name="Iran", country="IRN")) == "IRN"
    group = ActorRef("the militants", 0, 13, name="Jaish al-Adl", kind="armed_group",
                     actor_id="jaish-al-adl")
    assert actor_key(group) == "Jaish al-Adl"
    assert actor_key(ActorRef("an explanation", 0, 14, name="explanation")) is None
    assert actor_key(ActorRef("officials", 0, 9, name="Officials", kind="government")) is None
    gunmen = ActorRef("gunmen", 0, 6, name="gunmen", kind="armed_group", actor_id="gen/gunmen")
    assert actor_key(gunmen) is None
