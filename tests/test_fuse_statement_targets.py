"""One agent's statements to two different states on one day are two events; a report that
names no target still joins the statement it tells (fuse_merge._verbal)."""

from __future__ import annotations

from thucydides.fuse import fuse
from thucydides.records import ActorRef, EventType, Mention, PlaceRef

REJECT = EventType("reject", None, "121", -4.0, None, None, 3)
REFUSE = EventType("reject", None, "124", -4.0, None, None, 3)
CODES = {"Norway": "NOR", "Chile": "CHL", "Peru": "PER"}


def state(sentence: str, name: str | None) -> ActorRef | None:
    if name is None:
        return None
    at = sentence.index(name)
    return ActorRef(name, at, at + len(name), name=name, country=CODES[name], kind="state")


def oslo(sentence: str) -> PlaceRef:
    """Where a statement no text places is put: the agent's seat of government."""
    at = sentence.index("Norway")
    return PlaceRef("Norway", at, at + 6, name="Oslo", country="NOR", admin1="Oslo", lat=59.91,
                    lon=10.75, precision="admin1", confidence=0.3)


def said(doc: str, sentence: str, trigger: str, target: str | None, kind: EventType) -> Mention:
    at = sentence.index(trigger)
    return Mention(
        mention_id=f"{doc}:0:{at}", doc_id=doc, sentence_index=0, sentence=sentence,
        sent_start=0, sent_end=len(sentence), trigger=trigger, trigger_start=at,
        trigger_end=at + len(trigger), type=kind, actor1=state(sentence, "Norway"),
        actor2=state(sentence, target), location=oslo(sentence), date="2023-03-06", date_precision="day",
        date_rule="expression", published="2023-03-07")


CHILE = "Norway said on Monday it would not supply arms to Chile."
PERU = "Norway on Monday refused to give Peru access to its ports."


def test_statements_to_two_states_stay_two_events() -> None:
    events = fuse([said("a", CHILE, "supply", "Chile", REJECT),
                   said("b", PERU, "refused", "Peru", REFUSE)])
    assert sorted((e.actor2.country if e.actor2 else None) for e in events) == ["CHL", "PER"]


def test_a_statement_told_without_its_target_joins_the_one_that_names_it() -> None:
    bare = "Norway said on Monday it would not supply arms."
    events = fuse([said("a", CHILE, "supply", "Chile", REJECT),
                   said("b", bare, "supply", None, REJECT)])
    assert len(events) == 1
    assert {s.doc_id for s in events[0].sources} == {"a", "b"}
