"""Fusion: a dated report naming no party and no place joins the one placed event of its type
and day (texts written for this test)."""

from __future__ import annotations

from thucydides.fuse import fuse
from thucydides.fuse_admit import admissible
from thucydides.records import ActorRef, EventType, Mention, PlaceRef

RETURN = EventType("support", None, "050", 3.5, "Strategic developments", "Other", 1)
STRIKE = EventType("assault", "aerial", "195", -10.0, "Explosions/Remote violence",
                   "Air/drone strike", 4)


def actor(text: str, country: str) -> ActorRef:
    return ActorRef(text, 0, len(text), name=text, country=country, kind="state")


def mention(doc: str, n: int, type_: EventType, *, date: str = "2024-03-08",
            a1: ActorRef | None = None, loc: PlaceRef | None = None,
            published: str | None = "2024-03-09", rule: str = "expression") -> Mention:
    return Mention(
        mention_id=f"{doc}:{n}:0", doc_id=doc, sentence_index=n, sentence=f"sentence {n}",
        sent_start=n * 100, sent_end=n * 100 + 50, trigger="returned", trigger_start=n * 100,
        trigger_end=n * 100 + 8, type=type_, actor1=a1, location=loc, date=date,
        date_precision="day", date_rule=rule, published=published, outlet=doc)


def test_bare_report_joins_the_one_placed_event_of_its_type_and_day() -> None:
    # "On Friday, Chile's ambassador returned to his post in Lima." /
    # "The clash came a day after the envoys returned to their embassies." (no country named)
    placed = mention("wire-a", 1, RETURN, a1=actor("Chile", "CHL"))
    bare = mention("paper-b", 4, RETURN, rule="antecedent")
    events = fuse([placed, bare])
    assert len(events) == 1
    assert {s.doc_id for s in events[0].sources} == {"wire-a", "paper-b"}
    assert admissible(events[0])


def test_bare_report_stays_apart_when_two_events_fit() -> None:
    placed = [mention("wire-a", 1, RETURN, a1=actor("Chile", "CHL")),
              mention("wire-c", 2, RETURN, a1=actor("Norway", "NOR"))]
    bare = mention("paper-b", 4, RETURN, rule="antecedent")
    events = fuse([*placed, bare])
    assert len(events) == 3
    lone = [e for e in events if {s.doc_id for s in e.sources} == {"paper-b"}]
    assert lone and not admissible(lone[0])


def test_bare_report_of_another_day_or_type_stays_apart() -> None:
    placed = mention("wire-a", 1, RETURN, a1=actor("Chile", "CHL"))
    other_day = mention("paper-b", 4, RETURN, date="2024-03-11", rule="antecedent")
    other_type = mention("paper-d", 2, STRIKE, rule="antecedent")
    assert len(fuse([placed, other_day, other_type])) == 3


def test_bare_report_not_told_as_a_known_event_stays_apart() -> None:
    # "An envoy returned on Friday." told for itself, not as what another event is dated from
    placed = mention("wire-a", 1, RETURN, a1=actor("Chile", "CHL"))
    bare = mention("paper-b", 4, RETURN)
    assert len(fuse([placed, bare])) == 2


def test_undated_texts_keep_their_bare_events() -> None:
    # snippets with no publication date are read alone: their bare events are all they say
    placed = mention("snip-1", 1, RETURN, a1=actor("Chile", "CHL"), published=None)
    bare = mention("snip-2", 1, RETURN, published=None, rule="antecedent")
    assert len(fuse([placed, bare])) == 2
