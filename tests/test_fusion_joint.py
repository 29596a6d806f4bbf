"""One sentence, one joint act: coordinated parties of a symmetric act give one event, and an
act's cause (in its link cue) is never folded into it."""

from __future__ import annotations

from functools import lru_cache

from thucydides.coalesce import coalesce, one_way
from thucydides.config import Settings
from thucydides.pipeline import analyse_batch
from thucydides.records import ActorRef, EventType, Mention, PlaceRef

PACT = EventType("agree", None, "057", 8.0, None, None, 1)
STRIKE = EventType("assault", "aerial", "195", -10.0, "Explosions/Remote violence",
                   "Air/drone strike", 4)


def party(text: str, at: int, country: str) -> ActorRef:
    return ActorRef(text, at, at + len(text), name=text, country=country, kind="state")


def reading(n: int, a1: ActorRef, a2: ActorRef, *, trigger_at: int = 20) -> Mention:
    return Mention(
        mention_id=f"d:0:{trigger_at}" + (f"+{n}" if n else ""), doc_id="d", sentence_index=0,
        sentence="s", sent_start=0, sent_end=80, trigger="signed", trigger_start=trigger_at,
        trigger_end=trigger_at + 6, type=PACT, actor1=a1, actor2=a2, date="2023-05-02",
        date_precision="day", date_rule="expression", published="2023-05-03")


def test_a_joint_act_read_both_ways_is_one_event_led_by_the_first_party() -> None:
    chile, peru = party("Chile", 0, "CHL"), party("Peru", 10, "PER")
    (one,) = one_way([reading(0, chile, peru), reading(1, peru, chile)])
    assert one.actor1 is chile and one.actor2 is peru
    (kept,) = coalesce([reading(1, peru, chile), reading(0, chile, peru)])
    assert kept.actor1 is not None and kept.actor1.country == "CHL"


def test_three_parties_keep_one_event_per_pair_and_other_triggers_are_left_alone() -> None:
    a, b, c = party("Chile", 0, "CHL"), party("Peru", 10, "PER"), party("Bolivia", 20, "BOL")
    pairs = [(a, b), (a, c), (b, a), (b, c), (c, a), (c, b)]
    kept = one_way([reading(n, x, y) for n, (x, y) in enumerate(pairs)])
    assert [(m.actor1.text, m.actor2.text) for m in kept if m.actor1 and m.actor2] == [
        ("Chile", "Peru"), ("Chile", "Bolivia"), ("Peru", "Bolivia")]
    # two acts of one sentence by each side ("Chile sued Peru and Peru sued Chile") stay two
    other = reading(0, party("Peru", 10, "PER"), party("Chile", 0, "CHL"), trigger_at=50)
    assert len(one_way([reading(0, a, b), other])) == 2


@lru_cache(maxsize=8)
def parsed(text: str) -> tuple[Mention, ...]:
    from thucydides.records import Document
    doc = Document(id="t", text=text, published="2023-05-03")
    return tuple(analyse_batch([doc], Settings()))


def test_a_parsed_joint_signing_gives_one_event() -> None:
    ms = [m for m in parsed("Chile and Peru signed a trade agreement on Tuesday.")
          if m.status == "occurred"]
    assert [(m.actor1.text if m.actor1 else None, m.actor2.text if m.actor2 else None)
            for m in ms] == [("Chile", "Peru")]


def test_the_cause_in_a_link_cue_keeps_its_own_place() -> None:
    ms = parsed("The Russian army shelled Ukrainian positions in Ukraine's Donetsk province in "
                "retaliation for a bombing in Belgorod.")
    places = {m.trigger: m.location.name if m.location else None for m in ms}
    assert places == {"shelled": "Donetsk", "bombing": "Belgorod"}


def test_the_cause_is_not_folded_into_the_answer_on_hand_made_mentions() -> None:
    text = "Russia struck a depot in Kharkiv in response to the bombing in Kursk."

    def at(word: str) -> tuple[int, int]:
        return text.index(word), text.index(word) + len(word)

    camp = PlaceRef("Kharkiv", *at("Kharkiv"), name="Kharkiv", country="UKR", precision="point")
    city = PlaceRef("Kursk", *at("Kursk"), name="Kursk", country="RUS", precision="point")
    answer = Mention(
        mention_id="d:0:5", doc_id="d", sentence_index=0, sentence=text, sent_start=0,
        sent_end=len(text), trigger="struck", trigger_start=at("struck")[0],
        trigger_end=at("struck")[1], type=STRIKE, actor1=party("Russia", 0, "RUS"),
        location=camp, date="2024-01-15", date_precision="day", date_rule="report-date",
        cue="in response to the bombing in Kursk")
    cause = Mention(
        mention_id="d:0:47", doc_id="d", sentence_index=0, sentence=text, sent_start=0,
        sent_end=len(text), trigger="bombing", trigger_start=at("bombing")[0],
        trigger_end=at("bombing")[1], type=STRIKE, location=city, date="2024-01-15",
        date_precision="day", date_rule="report-date")
    out = coalesce([answer, cause])
    assert [(m.trigger, m.location.name if m.location else None) for m in out] == [
        ("struck", "Kharkiv"), ("bombing", "Kursk")]
