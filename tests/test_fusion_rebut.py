"""A rebuttal ("rejected X's claim", "denied that ...") is part of its speaker's accusation of
that day: one reaction, one event."""

from __future__ import annotations

from thucydides.fuse import fuse
from thucydides.fuse_rebut import rebuttal
from thucydides.records import ActorRef, EventType, Mention

ACCUSE = EventType("accuse", None, "111", -2.0, None, None, 3)
REJECT = EventType("reject", None, "120", -4.0, None, None, 3)
DENY = EventType("reject", None, "016", -2.0, None, None, 3)


def actor(text: str, country: str) -> ActorRef:
    return ActorRef(text, 0, len(text), name=text, country=country, kind="state")


def mention(doc: str, n: int, type_: EventType, sentence: str, trigger: str,
            a1: ActorRef | None, a2: ActorRef | None = None, *,
            date: str = "2022-10-04") -> Mention:
    start = n * 1000
    at = sentence.index(trigger)
    return Mention(
        mention_id=f"{doc}:{n}:0", doc_id=doc, sentence_index=n, sentence=sentence,
        sent_start=start, sent_end=start + len(sentence), trigger=trigger,
        trigger_start=start + at, trigger_end=start + at + len(trigger), type=type_,
        actor1=a1, actor2=a2, date=date, date_precision="day", date_rule="expression",
        published="2022-10-05", outlet=doc)


SERBIA, KOSOVO = actor("Serbia", "SRB"), actor("Kosovo", "XKX")
CHARGE = "Serbia on Tuesday condemned Kosovo for the arrest of a Serb policeman."


def test_a_rebuttal_is_read_off_the_words_after_its_trigger() -> None:
    assert rebuttal(mention("a", 1, REJECT, "Serbia rejected Pristina's claims outright.",
                            "rejected", SERBIA))
    assert rebuttal(mention("a", 1, DENY, "Belgrade denied that the officer was armed.",
                            "denied", SERBIA))
    assert rebuttal(mention("a", 1, REJECT, "Serbia flatly rejected the allegations.",
                            "rejected", SERBIA))
    assert not rebuttal(mention("a", 1, REJECT, "Serbia rejected the proposal for talks.",
                                "rejected", SERBIA))
    assert not rebuttal(mention("a", 1, ACCUSE, CHARGE, "condemned", SERBIA, KOSOVO))


def test_a_rebuttal_joins_its_speakers_accusation_of_that_day_in_its_article() -> None:
    charge = mention("a", 1, ACCUSE, CHARGE, "condemned", SERBIA, KOSOVO)
    rebut = mention("a", 2, REJECT, "Serbia rejected Kosovo's claim that he was armed.",
                    "rejected", SERBIA, KOSOVO)
    (ev,) = fuse([charge, rebut])
    assert ev.event_type == "accuse" and len(ev.sources) == 2


def test_other_rejections_speakers_days_and_articles_stay_apart() -> None:
    charge = mention("a", 1, ACCUSE, CHARGE, "condemned", SERBIA, KOSOVO)
    proposal = mention("a", 2, REJECT, "Serbia rejected Kosovo's proposal for a meeting.",
                       "rejected", SERBIA, KOSOVO)
    assert len(fuse([charge, proposal])) == 2
    text = "Kosovo rejected Serbia's claims about the arrest."
    other_speaker = mention("a", 2, REJECT, text, "rejected", KOSOVO, SERBIA)
    assert len(fuse([charge, other_speaker])) == 2
    text = "Serbia rejected Kosovo's claim that he was armed."
    next_day = mention("a", 2, REJECT, text, "rejected", SERBIA, KOSOVO, date="2022-10-06")
    assert len(fuse([charge, next_day])) == 2
    other_article = mention("b", 2, REJECT, text, "rejected", SERBIA, KOSOVO)
    assert len(fuse([charge, other_article])) == 2
