"""A meeting of three parties is one event per pair of parties: fusion does not join again what
one trigger's pairs keep apart (fuse_cluster.same_trigger)."""

from __future__ import annotations

from thucydides.fuse import fuse
from thucydides.records import ActorRef, EventType, Mention

MEET = EventType("consult", "meet", "040", 1.0, None, None, 1)
SENTENCE = "Norway, Chile and Peru met in Geneva on Tuesday."
CODES = {"Norway": "NOR", "Chile": "CHL", "Peru": "PER"}


def state(name: str) -> ActorRef:
    at = SENTENCE.index(name)
    return ActorRef(name, at, at + len(name), name=name, country=CODES[name], kind="state")


def pair(n: int, first: str, second: str, doc: str = "a") -> Mention:
    at = SENTENCE.index("met")
    return Mention(
        mention_id=f"{doc}:0:{at}" + (f"+{n}" if n else ""), doc_id=doc, sentence_index=0,
        sentence=SENTENCE, sent_start=0, sent_end=len(SENTENCE), trigger="met", trigger_start=at,
        trigger_end=at + 3, type=MEET, actor1=state(first), actor2=state(second),
        date="2023-05-09", date_precision="day", date_rule="expression", published="2023-05-10")


def dyads(events: list) -> set[frozenset[str]]:
    return {frozenset({e.actor1.country, e.actor2.country}) for e in events}


def test_a_meeting_of_three_is_one_event_per_pair() -> None:
    events = fuse([pair(0, "Norway", "Chile"), pair(1, "Norway", "Peru"), pair(3, "Chile", "Peru")])
    assert len(events) == 3
    assert dyads(events) == {frozenset({"NOR", "CHL"}), frozenset({"NOR", "PER"}),
                             frozenset({"CHL", "PER"})}


def test_another_article_telling_one_pair_joins_that_pair() -> None:
    events = fuse([pair(0, "Norway", "Chile"), pair(1, "Norway", "Peru"),
                   pair(0, "Norway", "Chile", doc="b")])
    assert len(events) == 2
    joined = next(e for e in events if len(e.sources) == 2)
    assert {joined.actor1.country, joined.actor2.country} == {"NOR", "CHL"}
