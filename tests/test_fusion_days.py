"""One article that states two days and two places for two reports tells two events."""

from __future__ import annotations

from thucydides.fuse import fuse
from thucydides.records import ActorRef, EventType, Mention, PlaceRef

VISIT = EventType("consult", None, "042", 1.9, None, None, 1)
KENYA = ActorRef("Kenya's president", 0, 17, name="Kenya's president", country="KEN", kind="state")
GHANA = ActorRef("Ghana", 0, 5, name="Ghana", country="GHA", kind="state")


def city(name: str, lat: float, lon: float) -> PlaceRef:
    return PlaceRef(name, 0, len(name), name=name, country="GHA", admin1=name, lat=lat, lon=lon,
                    precision="point")


ACCRA, KUMASI = city("Accra", 5.56, -0.20), city("Kumasi", 6.69, -1.62)


def visit(n: int, date: str, loc: PlaceRef | None, doc: str = "a") -> Mention:
    return Mention(
        mention_id=f"{doc}:{n}:0", doc_id=doc, sentence_index=n, sentence=f"sentence {n}",
        sent_start=n * 100, sent_end=n * 100 + 50, trigger="t", trigger_start=n * 100,
        trigger_end=n * 100 + 1, type=VISIT, actor1=KENYA, actor2=GHANA, location=loc, date=date,
        date_precision="day", date_rule="expression", published="2023-03-08", outlet=doc)


def test_a_visit_told_on_two_days_in_two_cities_is_two_events() -> None:
    # "arrived in Accra on Monday" ... "on Tuesday, the second day of his visit, he flew to Kumasi"
    events = fuse([visit(1, "2023-03-06", ACCRA), visit(3, "2023-03-07", KUMASI)])
    assert sorted(e.date for e in events) == ["2023-03-06", "2023-03-07"]


def test_one_place_or_two_articles_still_fuse_across_a_day() -> None:
    assert len(fuse([visit(1, "2023-03-06", ACCRA), visit(3, "2023-03-07", ACCRA)])) == 1
    assert len(fuse([visit(1, "2023-03-06", ACCRA), visit(3, "2023-03-07", None)])) == 1
    assert len(fuse([visit(1, "2023-03-06", ACCRA), visit(1, "2023-03-07", KUMASI, "b")])) == 1
