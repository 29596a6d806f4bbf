"""Statements to a state and to a named body with no country (an IGO, an organisation, a named
armed group) are two events: the country comparison of fusion sees no contradiction between
"Peru" and "the OAS", so the targets' dictionary ids are compared (fuse_cluster.other_party)."""

from __future__ import annotations

from thucydides.fuse import fuse
from thucydides.fuse_cluster import Cluster
from thucydides.fuse_merge import affinity
from thucydides.records import ActorRef, EventType, Mention, PlaceRef

ACCUSE = EventType("accuse", None, "112", -2.0, None, None, 3)
MEET = EventType("consult", None, "040", 1.0, None, None, 1)
PARTIES = {"Chile": ("CHL", "state", None), "Peru": ("PER", "state", None),
           "OAS": (None, "igo", "igo/oas"), "UN chief": (None, "igo", "igo/unsg"),
           "the Shining Path": (None, "armed_group", "grp/shining_path")}


def party(sentence: str, name: str | None) -> ActorRef | None:
    if name is None:
        return None
    at = sentence.index(name)
    iso, kind, ident = PARTIES[name]
    return ActorRef(name, at, at + len(name), name=name, country=iso, kind=kind,  # type: ignore[arg-type]
                    actor_id=ident, confidence=0.9)


def santiago(sentence: str) -> PlaceRef:
    return PlaceRef("Santiago", 0, 0, name="Santiago", country="CHL",
                    admin1="Santiago Metropolitan", lat=-33.45, lon=-70.66, precision="point",
                    confidence=0.3)


def told(doc: str, sentence: str, trigger: str, agent: str, target: str | None,
         kind: EventType = ACCUSE) -> Mention:
    at = sentence.index(trigger)
    return Mention(
        mention_id=f"{doc}:0:{at}", doc_id=doc, sentence_index=0, sentence=sentence,
        sent_start=0, sent_end=len(sentence), trigger=trigger, trigger_start=at,
        trigger_end=at + len(trigger), type=kind, actor1=party(sentence, agent),
        actor2=party(sentence, target), location=santiago(sentence), date="2023-04-03",
        date_precision="day", date_rule="expression", published="2023-04-04")


TO_OAS = "Chile accused the OAS of bias on Monday."
TO_PERU = "Chile on Monday accused Peru of hiding the report."


def test_a_statement_to_a_body_does_not_join_one_to_a_state() -> None:
    events = fuse([told("a", TO_PERU, "accused", "Chile", "Peru"),
                   told("b", TO_OAS, "accused", "Chile", "OAS")])
    assert len(events) == 2
    assert {(e.actor2.country, e.actor2.name) for e in events if e.actor2} == {
        ("PER", "Peru"), (None, "OAS")}


def test_a_statement_that_names_no_target_still_joins() -> None:
    bare = "Chile on Monday accused its neighbour of bad faith."
    events = fuse([told("a", TO_OAS, "accused", "Chile", "OAS"),
                   told("b", bare, "accused", "Chile", None)])
    assert len(events) == 1


def test_whole_events_against_a_group_and_a_state_do_not_merge() -> None:
    group = "Chile accused the Shining Path of the bombing on Monday."
    a = Cluster.of(told("c", group, "accused", "Chile", "the Shining Path"))
    b = Cluster.of(told("d", TO_PERU, "accused", "Chile", "Peru"))
    assert affinity(a, b, 1) == 0.0
    again = Cluster.of(told("e", group, "accused", "Chile", "the Shining Path"))
    assert affinity(a, again, 1) > 0.0


def test_a_meeting_with_a_body_told_from_both_sides_is_one_event() -> None:
    host = "Chile received the UN chief in Santiago on Monday."
    guest = "The UN chief met Chile's leaders in Santiago on Monday."
    events = fuse([told("f", host, "received", "Chile", "UN chief", MEET),
                   told("g", guest, "met", "UN chief", "Chile", MEET)])
    assert len(events) == 1
