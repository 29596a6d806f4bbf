"""A joint act told from its two sides, with two verbs of cooperation, is one event."""

from __future__ import annotations

from functools import lru_cache

from thucydides.config import Settings
from thucydides.fuse import fuse
from thucydides.joint import joint_act
from thucydides.pipeline import Toolkit, extract_events
from thucydides.records import ActorRef, Document, Event, EventType, Mention

SUPPORT = EventType("support", None, "050", 3.5, None, None, 1)
AGREE = EventType("agree", None, "030", 4.0, None, None, 1)
ACCUSE = EventType("accuse", None, "112", -2.0, None, None, 3)


def state(text: str, country: str, start: int) -> ActorRef:
    return ActorRef(text, start, start + len(text), name=text, country=country, kind="state")


def mention(doc: str, sentence: str, trigger: str, first: str, second: str,
            kind: EventType = SUPPORT) -> Mention:
    """``first`` and ``second`` name the parties as written; "the two nations" names both."""
    at = sentence.index(trigger)
    codes = {"Chile": "CHL", "Peru": "PER"}
    a = state(first, codes[first], sentence.index(first)) if first in codes else None
    b = state(second, codes[second], sentence.index(second)) if second in codes else None
    if a is None or b is None:  # one phrase for both parties
        both = sentence.index(first)
        a = state(first, "PER", both)
        b = state(first, "CHL", both)
    return Mention(
        mention_id=f"{doc}:0:{at}", doc_id=doc, sentence_index=0, sentence=sentence,
        sent_start=0, sent_end=len(sentence), trigger=trigger, trigger_start=at,
        trigger_end=at + len(trigger), type=kind, actor1=a, actor2=b, date="2022-09-05",
        date_precision="day", date_rule="expression", published="2022-09-06")


ANNOUNCED = ("Chile and Peru on Monday announced the reopening of their embassies.",
             "reopening", "Chile", "Peru")
AGREED = ("On Monday the two nations agreed to reopen their embassies.", "agreed",
          "two nations", "two nations")


def test_a_joint_act_told_from_its_two_sides_is_one_event() -> None:
    one = mention("a", *ANNOUNCED)
    other = mention("b", *AGREED, kind=AGREE)
    assert joint_act(one) and joint_act(other)
    (event,) = fuse([one, other])
    assert {s.doc_id for s in event.sources} == {"a", "b"}


def test_a_mutual_act_with_the_parties_named_apart_is_joint() -> None:
    text = "Peru mutually agreed with Chile on Monday to reopen the embassies."
    assert joint_act(mention("c", text, "agreed", "Peru", "Chile", AGREE))
    text = "Peru welcomed Chile's decision on Monday to reopen the embassies."
    assert not joint_act(mention("c", text, "welcomed", "Peru", "Chile"))


def test_one_way_acts_of_the_two_sides_stay_two_events() -> None:
    text_a = "Chile on Monday praised Peru for reopening the embassy."
    text_b = "Peru on Monday thanked Chile for its help."
    praised = mention("a", text_a, "praised", "Chile", "Peru")
    thanked = mention("b", text_b, "thanked", "Peru", "Chile")
    assert len(fuse([praised, thanked])) == 2
    text_a = "Chile and Peru's quarrel grew on Monday as Chile accused Peru of spying."
    text_b = "Peru on Monday accused Chile of spying."
    accused = mention("a", text_a, "accused", "Chile", "Peru", ACCUSE)
    back = mention("b", text_b, "accused", "Peru", "Chile", ACCUSE)
    assert not joint_act(accused)  # a hostile act is never joint this way
    assert len(fuse([accused, back])) == 2


def test_joint_acts_of_other_days_stay_apart() -> None:
    one = mention("a", *ANNOUNCED)
    other = mention("b", *AGREED, kind=AGREE)
    other.date = "2022-09-09"
    assert len(fuse([one, other])) == 2


def test_a_joint_act_dated_to_its_week_joins_the_nearest_day() -> None:
    one = mention("a", *ANNOUNCED)
    earlier = mention("c", *ANNOUNCED)
    earlier.date = "2022-09-02"
    week = mention("b", *AGREED, kind=AGREE)
    week.date, week.date_precision, week.date_rule = "2022-09-06", "week", "expression"
    events = fuse([earlier, one, week])
    joined = next(e for e in events if len(e.sources) == 2)
    assert {s.doc_id for s in joined.sources} == {"a", "b"}
    week.date = "2022-09-20"  # another week: no day of it is told as a joint act
    assert len(fuse([one, week])) == 2


@lru_cache(maxsize=1)
def kit() -> Toolkit:
    return Toolkit.load()


def events(*texts: str) -> list[Event]:
    docs = [Document(id=f"d{i}", text=t, published="2021-05-04") for i, t in enumerate(texts)]
    return [e for e in extract_events(docs, Settings(progress=False), kit())
            if e.status == "occurred"]


def test_a_joint_announcement_and_a_joint_agreement_fuse_end_to_end() -> None:
    (one,) = events("On Monday, Chile and Peru announced the restoration of full relations.",
                    "On Monday, Peru and Chile agreed to restore full relations.")
    assert {s.doc_id for s in one.sources} == {"d0", "d1"}
