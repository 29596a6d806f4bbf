"""One sentence, one event: several triggers of one sentence that tell one event."""

from __future__ import annotations

from dataclasses import replace

from thucydides.coalesce import coalesce
from thucydides.records import ActorRef, EventType, Figure, Mention, PlaceRef

STRIKE = EventType("assault", "aerial", "195", -10.0, "Explosions/Remote violence",
                   "Air/drone strike", 4)


def actor(text: str, country: str | None, kind: str = "state") -> ActorRef:
    return ActorRef(text, 0, len(text), name=text, country=country, kind=kind)  # type: ignore[arg-type]


def mention(trigger: str, at: int, *, sentence: int = 0, a1: ActorRef | None = None,
            date: str = "2024-01-17", rule: str = "report-date", killed: int | None = None,
            loc: PlaceRef | None = None) -> Mention:
    figures = [Figure("killed", killed, killed, killed, str(killed), at + 1, at + 3)] \
        if killed is not None else []
    return Mention(
        mention_id=f"d:{sentence}:{at}", doc_id="d", sentence_index=sentence,
        sentence="s", sent_start=0, sent_end=200, trigger=trigger, trigger_start=at,
        trigger_end=at + len(trigger), type=STRIKE, actor1=a1, figures=figures, location=loc,
        date=date, date_precision="day", date_rule=rule, published="2024-01-17")


def test_a_casualty_verb_and_a_back_noun_join_the_trigger_with_agent_and_date() -> None:
    killed = mention("killed", 10, killed=2)
    struck = mention("struck", 40, a1=actor("Iran", "IRN"), date="2024-01-16", rule="expression")
    attack = mention("attack", 90, loc=PlaceRef("Panjgur", 0, 7, name="Panjgur", country="PAK",
                                                 precision="point"))
    (one,) = coalesce([killed, struck, attack])
    assert one.trigger == "struck" and one.date == "2024-01-16"
    assert one.actor1 is not None and one.actor1.country == "IRN"
    assert [f.best for f in one.figures] == [2]
    assert one.location is not None and one.location.name == "Panjgur"


def test_two_parties_or_two_stated_days_stay_two_events() -> None:
    iran = mention("struck", 10, a1=actor("Iran", "IRN"), date="2024-01-16", rule="expression")
    pak = mention("hit back", 60, a1=actor("Pakistan", "PAK"), date="2024-01-18",
                  rule="expression")
    assert len(coalesce([iran, pak])) == 2
    same_agent = replace(pak, actor1=actor("Iran", "IRN"))
    assert len(coalesce([iran, same_agent])) == 2  # two stated days: two strikes
    group = mention("attacked", 60, a1=actor("Jaish al-Adl", None, "armed_group"))
    assert len(coalesce([iran, group])) == 2


def test_other_sentences_are_left_alone() -> None:
    a = mention("struck", 10, a1=actor("Iran", "IRN"))
    b = mention("killed", 10, sentence=1, killed=3)
    assert len(coalesce([a, b])) == 2
