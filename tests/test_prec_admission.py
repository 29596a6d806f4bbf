"""Admission rules for events with nothing to place them, or a state's name read as its place."""

from __future__ import annotations

from thucydides.fuse import fuse
from thucydides.fuse_admit import admissible
from thucydides.records import ActorRef, EventType, Mention, PlaceRef

STRIKE = EventType("assault", "aerial", "195", -10.0, "Explosions/Remote violence",
                   "Air/drone strike", 4)
ARREST = EventType("coerce", None, "173", -5.0, "Strategic developments", "Arrests", 4)


def actor(text: str, country: str | None, kind: str = "state") -> ActorRef:
    return ActorRef(text, 0, len(text), name=text, country=country, kind=kind)  # type: ignore[arg-type]


def place(name: str, country: str, precision: str = "country") -> PlaceRef:
    return PlaceRef(name, 0, len(name), name=name, country=country,
                    precision=precision)  # type: ignore[arg-type]


def mention(type_: EventType = STRIKE, *, a1: ActorRef | None = None,
            a2: ActorRef | None = None, loc: PlaceRef | None = None) -> Mention:
    return Mention(
        mention_id="a-1:1:0", doc_id="a-1", sentence_index=1, sentence="sentence 1",
        sent_start=100, sent_end=150, trigger="struck", trigger_start=100, trigger_end=106,
        type=type_, status="occurred", actor1=a1, actor2=a2, location=loc, date="2024-05-02",
        date_precision="day", date_rule="expression", published="2024-05-03", outlet="a")


def test_an_event_with_no_party_and_no_place_stays_out() -> None:
    (bare,) = fuse([mention(ARREST)])  # "one suspect was detained"
    assert not admissible(bare)
    (placed,) = fuse([mention(ARREST, loc=place("Kandahar", "AFG", "city"))])
    assert admissible(placed)
    (with_party,) = fuse([mention(ARREST, a2=actor("two smugglers", None, "other"))])
    assert admissible(with_party)


def test_a_state_attack_placed_only_at_its_own_country_stays_out() -> None:
    india = actor("India", "IND")
    (home,) = fuse([mention(a1=india, a2=actor("Pakistan", "PAK"), loc=place("India", "IND"))])
    assert not admissible(home)
    (abroad,) = fuse([mention(a1=india, loc=place("Pakistan", "PAK"))])
    assert admissible(abroad)
    (province,) = fuse([mention(a1=india, loc=place("Manipur", "IND", "admin1"))])
    assert admissible(province)  # a named place inside its own country is a real place
    (group,) = fuse([mention(a1=actor("ULFA", "IND", "armed_group"), loc=place("India", "IND"))])
    assert admissible(group)


def test_a_single_text_read_alone_keeps_them() -> None:
    (bare,) = fuse([mention(ARREST)])
    assert admissible(bare, need_date=False)
    india = actor("India", "IND")
    (home,) = fuse([mention(a1=india, loc=place("India", "IND"))])
    assert admissible(home, need_date=False)
