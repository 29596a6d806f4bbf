"""Round trips of every record type through plain dicts (and JSON)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from thucydides.records import (
    ActorRef,
    Claim,
    Count,
    DateRef,
    Document,
    Event,
    EventType,
    Evidence,
    Figure,
    Mention,
    PlaceRef,
)
from thucydides.serde import (
    FLAT_EVENT_COLUMNS,
    document_from_dict,
    event_from_dict,
    flat_event,
    mention_from_dict,
    to_dict,
)

TEXT = ("Drones struck a depot near Kharkiv on Monday, the regional governor said. "
        "Two guards were killed and three people were injured.")


def full_document(doc_id: str = "d1") -> Document:
    return Document(id=doc_id, text=TEXT, published="2024-03-05", published_inferred=True,
                    title="Depot hit", url="https://example.org/a", outlet="Example Wire",
                    source="in.jsonl:3", duplicate_of="d0", offsets=list(range(len(TEXT) + 1)),
                    extra={"lang": "en", "tags": ["war", 2]})


def _evidence(doc_id: str = "d1", claimant: str | None = "the regional governor") -> Evidence:
    return Evidence(doc_id=doc_id, sentence=TEXT[:73], start=0, end=73, claimant=claimant,
                    span_start=0, span_end=6, published="2024-03-05")


def _actor() -> ActorRef:
    return ActorRef(text="Russian forces", start=0, end=14, name="Russian Armed Forces",
                    country="RUS", kind="military", actor_id="rus-mil", confidence=0.9)


def _place() -> PlaceRef:
    return PlaceRef(text="Kharkiv", start=32, end=39, name="Kharkiv", country="UKR",
                    admin1="Kharkiv Oblast", lat=49.99, lon=36.23, precision="point",
                    confidence=0.8, geonames_id="706483")


def full_mention(mention_id: str = "m1", doc_id: str = "d1") -> Mention:
    return Mention(
        mention_id=mention_id, doc_id=doc_id, sentence_index=0, sentence=TEXT[:73],
        sent_start=0, sent_end=73, trigger="struck", trigger_start=7, trigger_end=13,
        type=EventType(plover="assault", mode="drone", cameo="195", goldstein=-10.0,
                       acled_event_type="Explosions/Remote violence",
                       acled_sub_event_type="Air/drone strike", quad_class=4),
        status="claimed", negated=True, actor1=_actor(),
        actor2=ActorRef(text="guards", start=78, end=84, kind="civilians"),
        places=[_place()],
        dates=[DateRef(text="Monday", start=43, end=49, date="2024-03-04", precision="day",
                       rule="weekday-before-published")],
        figures=[Figure(kind="killed", best=2, low=2, high=2, text="Two", start=74, end=77,
                        claimant="the regional governor", cumulative=True, group="guards")],
        claimant="the regional governor", claimant_kind="institution", location=_place(),
        date="2024-03-04", date_precision="day", published="2024-03-05", outlet="Example Wire",
        cue="in retaliation for the shelling")


def full_event(event_id: str = "e1", doc_id: str = "d1") -> Event:
    return Event(
        event_id=event_id, event_type="assault", status="occurred",
        sources=[_evidence(doc_id), _evidence("d2", None)], date="2024-03-04",
        date_precision="day", event_mode="drone", cameo_code="195", goldstein=-10.0,
        acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
        actor1=_actor(), actor2=ActorRef(text="guards", start=78, end=84, kind="civilians"),
        location=_place(), killed=Count(best=2, low=2, high=4), injured=Count(3, 3, 3),
        claims=[Claim("killed", 2, _evidence(doc_id)),
                Claim("killed", Count(4, 4, 4), _evidence("d2", "a local official")),
                Claim("location", {"name": "Kharkiv", "nested": [1, None]}, _evidence())],
        mention_ids=["m1", "m2"], n_outlets=2)


def test_document_round_trip() -> None:
    doc = full_document()
    assert document_from_dict(json.loads(json.dumps(to_dict(doc)))) == doc


def test_mention_round_trip() -> None:
    m = full_mention()
    back = mention_from_dict(json.loads(json.dumps(to_dict(m))))
    assert back == m
    assert isinstance(back.type, EventType)
    assert isinstance(back.places[0], PlaceRef) and isinstance(back.figures[0], Figure)


def test_event_round_trip_keeps_record_valued_claims() -> None:
    e = full_event()
    back = event_from_dict(json.loads(json.dumps(to_dict(e))))
    assert back == e
    assert isinstance(back.claims[1].value, Count)
    assert isinstance(back.sources[0], Evidence) and isinstance(back.killed, Count)


def test_minimal_records_round_trip() -> None:
    e = Event(event_id="e", event_type="consult", status="hypothetical",
              sources=[Evidence("d", "s", 0, 1)])
    assert event_from_dict(to_dict(e)) == e
    m = dataclasses.replace(full_mention(), actor1=None, actor2=None, location=None, places=[],
                            dates=[], figures=[])
    assert mention_from_dict(to_dict(m)) == m
    assert document_from_dict(to_dict(Document(id="x", text="t"))) == Document(id="x", text="t")


def test_unknown_keys_are_ignored() -> None:
    d = to_dict(full_document())
    d["added_in_a_later_version"] = 1
    assert document_from_dict(d) == full_document()


def test_to_dict_rejects_non_records() -> None:
    with pytest.raises(TypeError):
        to_dict({"a": 1})


def test_flat_event_columns_and_values() -> None:
    row = flat_event(full_event())
    assert list(row) == [name for name, _ in FLAT_EVENT_COLUMNS]
    assert row["actor1_name"] == "Russian Armed Forces"
    assert row["actor2_name"] == "guards"  # no canonical name: the text as written
    assert (row["location_lat"], row["location_lon"]) == (49.99, 36.23)
    assert (row["killed_low"], row["killed_high"], row["injured_best"]) == (2, 4, 3)
    assert row["doc_ids"] == "d1;d2" and row["n_sources"] == 2


def test_flat_event_of_bare_event_is_null_filled() -> None:
    row = flat_event(Event("e", "agree", "occurred", [Evidence("d", "s", 0, 1)]))
    assert row["actor1_name"] is None and row["location_lat"] is None
    assert row["killed_best"] is None and row["doc_ids"] == "d"
