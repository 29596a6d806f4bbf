"""Proposed for tests/test_coalesce.py: mentions placed in different countries are two events."""

from __future__ import annotations

from thucydides.coalesce import coalesce
from thucydides.records import ActorRef, EventType, Mention, PlaceRef

TEXT = "Jets struck bases in Chad on Monday, a day after they bombed camps in Niger."


def _mention(n: int, trigger: str, place: str, country: str) -> Mention:
    t, p = TEXT.index(trigger), TEXT.index(place)
    return Mention(mention_id=f"m{n}", doc_id="d", sentence_index=0, sentence=TEXT, sent_start=0,
                   sent_end=len(TEXT), trigger=trigger, trigger_start=t,
                   trigger_end=t + len(trigger), type=EventType("assault"),
                   actor1=ActorRef("Jets", 0, 4, country="FRA", kind="military"),
                   location=PlaceRef(place, p, p + len(place), name=place, country=country,
                                     precision="country"))


def test_acts_placed_in_two_countries_are_not_folded() -> None:
    out = coalesce([_mention(0, "struck", "Chad", "TCD"), _mention(1, "bombed", "Niger", "NER")])
    assert sorted(m.location.country for m in out if m.location) == ["NER", "TCD"]


def test_one_act_split_by_country_stays_split() -> None:
    a, b = _mention(0, "struck", "Chad", "TCD"), _mention(1, "struck", "Niger", "NER")
    assert len(coalesce([a, b])) == 2


def test_a_place_not_told_as_a_location_still_folds() -> None:
    a = _mention(0, "struck", "Chad", "TCD")
    b = _mention(1, "bombed", "Jets", "FRA")  # a party's name read as a place: no "in" before it
    assert len(coalesce([a, b])) == 1
