"""One operation told with two verbs ("killed a commander and arrested five") is one event."""

from __future__ import annotations

from functools import lru_cache

from thucydides.coalesce import coalesce, one_operation
from thucydides.config import Settings
from thucydides.pipeline import Toolkit, extract_events
from thucydides.records import ActorRef, Document, Event, EventType, Figure, Mention, PlaceRef

KILL = EventType("assault", None, "190", -10.0, "Battles", "Armed clash", 4)
BEAT = EventType("assault", None, "182", -9.5, "Violence against civilians", "Attack", 4)
ARREST = EventType("coerce", None, "173", -5.0, "Strategic developments", "Arrests", 4)
SEIZE = EventType("coerce", None, "192", -9.5, "Strategic developments", "Other", 4)

SENTENCE = "Soldiers killed a rebel commander near Gao and arrested seven of his men."
TROOPS = ActorRef("Soldiers", 0, 8, name="Mali Military", country="MLI", kind="military")
GAO = PlaceRef("Gao", 39, 42, name="Gao", country="MLI", precision="point")


def mention(trigger: str, kind: EventType, *, sentence: str = SENTENCE,
            actor1: ActorRef | None = TROOPS, figures: list[Figure] | None = None,
            places: list[PlaceRef] | None = None, status: str = "occurred") -> Mention:
    at = sentence.index(trigger)
    return Mention(
        mention_id=f"d:0:{at}", doc_id="d", sentence_index=0, sentence=sentence, sent_start=0,
        sent_end=len(sentence), trigger=trigger, trigger_start=at, trigger_end=at + len(trigger),
        type=kind, status=status, actor1=actor1, figures=figures or [],  # type: ignore[arg-type]
        places=places if places is not None else [GAO], location=GAO, date="2021-03-02",
        date_precision="day", date_rule="expression", published="2021-03-03")


def seven() -> Figure:
    at = SENTENCE.index("seven")
    return Figure("arrested", 7, 7, 7, "seven", at, at + 5)


def test_an_arrest_coordinated_with_a_killing_folds_into_the_killing() -> None:
    killed = mention("killed", KILL)
    arrested = mention("arrested", ARREST, figures=[seven()])
    (one,) = coalesce([killed, arrested])
    assert one.type.plover == "assault" and one.trigger == "killed"
    assert [(f.kind, f.best) for f in one.figures] == [("arrested", 7)]


def test_a_beating_with_an_arrest_is_the_arrest_s_force() -> None:
    text = "Police arrested and beat five students in Bamako on Friday."
    police = ActorRef("Police", 0, 6, name="Mali Police", country="MLI", kind="police")
    arrested = mention("arrested", ARREST, sentence=text, actor1=police, places=[])
    beat = mention("beat", BEAT, sentence=text, actor1=police, places=[])
    (one,) = one_operation([arrested, beat])
    assert one.type.cameo == "173"


def test_acts_of_two_agents_or_two_places_or_two_times_stay_apart() -> None:
    killed = mention("killed", KILL)
    police = ActorRef("police", 60, 66, name="Mali Police", country="MLI", kind="police")
    assert len(one_operation([killed, mention("arrested", ARREST, actor1=police)])) == 2
    text = "Soldiers killed two rebels in Gao and arrested seven men in Kidal."
    kidal = PlaceRef("Kidal", text.index("Kidal"), text.index("Kidal") + 5, name="Kidal")
    gao = PlaceRef("Gao", text.index("Gao"), text.index("Gao") + 3, name="Gao")
    two = [mention(w, k, sentence=text, places=[gao, kidal]) for w, k in
           (("killed", KILL), ("arrested", ARREST))]
    assert len(one_operation(two)) == 2
    text = "Soldiers arrested seven men, a day after they killed two rebels."
    two = [mention(w, k, sentence=text, places=[]) for w, k in
           (("killed", KILL), ("arrested", ARREST))]
    assert len(one_operation(two)) == 2


def test_only_arrests_fold_and_only_acts_that_happened() -> None:
    killed = mention("killed", KILL)
    seized = mention("arrested", SEIZE)  # another coercion (a seizure) is an act of its own
    assert len(one_operation([killed, seized])) == 2
    planned = mention("arrested", ARREST, status="hypothetical")
    assert len(one_operation([killed, planned])) == 2


@lru_cache(maxsize=1)
def kit() -> Toolkit:
    return Toolkit.load()


def events(text: str) -> list[Event]:
    doc = Document(id="d", text=text, published="2021-05-04")
    return extract_events([doc], Settings(progress=False), kit())


def test_a_raid_told_with_two_verbs_is_one_event_end_to_end() -> None:
    (one,) = events("On Monday, Nigerian troops killed a senior commander of the group and "
                    "arrested twelve of his fighters near Maiduguri.")
    assert one.event_type == "assault"
    apart = events("On Monday, Nigerian troops killed two gunmen in Maiduguri and arrested "
                   "five men in Kano.")
    assert sorted(e.event_type for e in apart) == ["assault", "coerce"]
