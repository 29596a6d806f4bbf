"""Fusion of one event told from two sides, or dated two ways by one article."""

from __future__ import annotations

from thucydides.fuse import fuse
from thucydides.records import ActorRef, EventType, Mention, PlaceRef

VISIT = EventType("consult", None, "042", 1.9, None, None, 1)
HOST = EventType("consult", None, "043", 2.8, None, None, 1)
ACCUSE = EventType("accuse", None, "111", -2.0, None, None, 3)
STRIKE = EventType("assault", "aerial", "195", -10.0, "Explosions/Remote violence",
                   "Air/drone strike", 4)


def actor(text: str, country: str, kind: str = "state") -> ActorRef:
    return ActorRef(text, 0, len(text), name=text, country=country, kind=kind)  # type: ignore[arg-type]


def place(name: str, country: str, admin1: str | None = None) -> PlaceRef:
    return PlaceRef(name, 0, len(name), name=name, country=country, admin1=admin1,
                    precision="point" if admin1 else "country")


def mention(doc: str, n: int, type_: EventType, a1: ActorRef | None, a2: ActorRef | None, *,
            date: str = "2023-03-07", rule: str = "expression", loc: PlaceRef | None = None,
            published: str = "2023-03-08") -> Mention:
    return Mention(
        mention_id=f"{doc}:{n}:0", doc_id=doc, sentence_index=n, sentence=f"sentence {n}",
        sent_start=n * 100, sent_end=n * 100 + 50, trigger="t", trigger_start=n * 100,
        trigger_end=n * 100 + 1, type=type_, actor1=a1, actor2=a2, location=loc, date=date,
        date_precision="day", date_rule=rule, published=published, outlet=doc)


KENYA, GHANA = actor("Kenya's president", "KEN"), actor("Ghana", "GHA")


def test_a_visit_and_its_reception_on_one_day_are_one_meeting() -> None:
    arrived = mention("a", 1, VISIT, KENYA, GHANA, loc=place("Kumasi", "GHA", "Ashanti"))
    received = mention("a", 3, HOST, actor("the regional minister", "GHA", "government"),
                       KENYA, loc=place("Accra", "GHA", "Greater Accra"))
    (ev,) = fuse([arrived, received])
    assert ev.actor1 is not None and ev.actor1.country == "KEN"
    assert len(ev.sources) == 2


def test_reversed_parties_stay_apart_for_other_acts_and_other_days() -> None:
    a = mention("a", 1, VISIT, KENYA, GHANA)
    assert len(fuse([a, mention("a", 2, HOST, GHANA, KENYA, date="2023-03-08")])) == 2
    strike = mention("a", 1, STRIKE, KENYA, GHANA, loc=place("Ghana", "GHA"))
    back = mention("a", 2, STRIKE, GHANA, KENYA, loc=place("Ghana", "GHA"))
    assert len(fuse([strike, back])) == 2  # a strike and the strike back
    charge = mention("a", 1, ACCUSE, KENYA, GHANA)
    answer = mention("a", 2, ACCUSE, GHANA, KENYA)
    assert len(fuse([charge, answer])) == 2  # an accusation and the counter-accusation


def test_a_call_its_article_tells_again_from_the_other_side_joins_it() -> None:
    call = mention("a", 1, VISIT, KENYA, GHANA, date="2023-03-05")
    again = mention("a", 4, VISIT, GHANA, KENYA, date="2023-03-08", rule="report-date")
    assert len(fuse([call, again])) == 1
    elsewhere = mention("b", 4, VISIT, GHANA, KENYA, date="2023-03-08", rule="report-date")
    assert len(fuse([call, elsewhere])) == 2  # another article's meeting of that day


def test_a_report_dated_by_its_article_joins_the_later_day_its_article_states() -> None:
    # an article dated (wrongly) before the strike it reports: "Kenya struck on Sunday" read as
    # the Sunday after the article's date; its other report of that strike has the article's day
    garissa = place("Garissa", "KEN", "Garissa")
    stated = mention("a", 1, STRIKE, KENYA, None, date="2023-03-12", loc=garissa,
                     published="2023-03-08")
    retold = mention("a", 3, STRIKE, KENYA, None, date="2023-03-08", rule="report-date",
                     loc=garissa, published="2023-03-08")
    (ev,) = fuse([stated, retold])
    assert ev.date == "2023-03-12"
    other = mention("b", 3, STRIKE, KENYA, None, date="2023-03-08", rule="report-date",
                    loc=garissa, published="2023-03-08")
    assert len(fuse([stated, other])) == 2  # another article's report of its own day
