"""Fusion folds one-report "stragglers" into the event they retell, and only into that one."""

from __future__ import annotations

from test_fuse import actor, place
from thucydides.fuse import fuse
from thucydides.records import ActorRef, EventType, Figure, Mention, PlaceRef

STRIKE = EventType("assault", "aerial", "195", -10.0, "Explosions/Remote violence",
                   "Air/drone strike", 4)
PROTEST = EventType("accuse", None, "111", -2.0, None, None, 3)


def mention(doc: str, n: int, *, date: str, rule: str = "expression",
            type_: EventType = STRIKE, a1: ActorRef | None = None, a2: ActorRef | None = None,
            loc: PlaceRef | None = None, injured: int | None = None) -> Mention:
    figures = [Figure("injured", injured, injured, injured, str(injured), 10, 12, None)] \
        if injured is not None else []
    return Mention(
        mention_id=f"{doc}:{n}:0", doc_id=doc, sentence_index=n, sentence=f"sentence {n}",
        sent_start=n * 100, sent_end=n * 100 + 50, trigger="hit", trigger_start=n * 100,
        trigger_end=n * 100 + 3, type=type_, status="occurred", actor1=a1, actor2=a2,
        figures=figures, location=loc, date=date, date_precision="day", date_rule=rule,
        published="2023-05-11", outlet=doc.split("-")[0])


def docs_of(events: list, doc_and_sentence: tuple[str, int]) -> set[str]:
    doc, n = doc_and_sentence
    [ev] = [e for e in events if f"{doc}:{n}:0" in e.mention_ids]
    return set(ev.mention_ids)


MILITIA = actor("the Crimson Banner militia", None, "armed_group")


def _ferry_attack(victims: ActorRef, where: PlaceRef | None, type_: EventType = STRIKE) -> list:
    # a militia's attack on a ferry, its crew of two nationalities; the article's last sentence
    # ("two Chilean deckhands were also hurt in the attack") names no attacker and is dated
    # only by the article, a day later
    return [
        mention("wire-1", 0, date="2023-05-10", a1=MILITIA, a2=actor("sailors", "NOR", "civilians"),
                loc=place("Coast", "YEM", "Hodeidah")),
        mention("wire-1", 1, date="2023-05-11", rule="report-date", a1=MILITIA,
                loc=place("Coast", "YEM", "Hodeidah")),
        mention("wire-1", 5, date="2023-05-11", rule="report-date", type_=type_, a2=victims,
                loc=where, injured=2),
    ]


def test_an_unattributed_report_of_other_victims_joins_its_articles_attack() -> None:
    events = fuse(_ferry_attack(actor("Chilean deckhands", "CHL", "civilians"), None))
    assert len(events) == 1


def test_an_unattributed_report_placed_in_another_province_stays_apart() -> None:
    events = fuse(_ferry_attack(actor("Chilean deckhands", "CHL", "civilians"),
                                place("Port", "YEM", "Aden")))
    assert len(events) == 2


def test_an_unattributed_statement_about_another_party_stays_apart() -> None:
    # "in reply, the envoy of Chile was summoned" is someone else's act, not the militia's
    ms = [mention("wire-1", 0, date="2023-05-10", type_=PROTEST, a1=actor("Norway", "NOR"),
                  a2=actor("Yemen", "YEM")),
          mention("wire-1", 5, date="2023-05-11", rule="report-date", type_=PROTEST,
                  a2=actor("Chile", "CHL"))]
    assert len(fuse(ms)) == 2


def test_an_undated_report_follows_the_strike_its_own_article_dates() -> None:
    iran, iraq = actor("Iran", "IRN"), actor("Iraq", "IRQ")
    ms = [
        # article A dates the strike on the 8th and later, undated, says "Iraq recalled its
        # envoy over Iran's strike in Iraq" (a report dated by the article, the 10th)
        mention("a-1", 0, date="2023-05-08", a1=iran, loc=place("Erbil", "IRQ", "Erbil")),
        mention("a-1", 4, date="2023-05-10", rule="report-date", a1=iran, a2=iraq,
                loc=place("Iraq", "IRQ")),
        # article B misdates a report of a strike in Iraq, with no agent, to the 11th
        mention("b-1", 2, date="2023-05-11", a2=iraq, loc=place("Iraq", "IRQ")),
    ]
    events = fuse(ms)
    assert docs_of(events, ("a-1", 4)) == {"a-1:0:0", "a-1:4:0"}


def test_a_report_dated_by_the_sentence_before_may_tell_a_later_strike() -> None:
    pak, iran = actor("Pakistan", "PAK"), actor("Iran", "IRN")
    sistan = place("Sistan", "IRN", "Sistan and Baluchestan")
    ms = [
        mention("a-1", 0, date="2023-05-10", a1=pak, a2=iran, loc=sistan),
        mention("b-1", 1, date="2023-05-10", a1=pak, loc=sistan),
        # "Tehran's anger grew after Pakistan's strikes on Iran": the day of the sentence
        # before (an earlier strike) carried over
        mention("c-1", 3, date="2023-05-08", rule="previous", a1=pak, loc=place("Iran", "IRN")),
    ]
    assert len(fuse(ms)) == 1


def test_a_report_dated_by_its_article_before_a_strike_cannot_tell_it() -> None:
    pak, iran = actor("Pakistan", "PAK"), actor("Iran", "IRN")
    sistan = place("Sistan", "IRN", "Sistan and Baluchestan")
    for rule, day in (("report-date", "2023-05-08"), ("previous", "2023-04-28")):
        ms = [
            mention("a-1", 0, date="2023-05-10", a1=pak, a2=iran, loc=sistan),
            mention("b-1", 1, date="2023-05-10", a1=pak, loc=sistan),
            mention("c-1", 3, date=day, rule=rule, a1=pak, loc=place("Iran", "IRN")),
        ]
        assert len(fuse(ms)) == 2, rule


def test_a_report_dated_by_the_sentence_before_keeps_reciprocal_strikes_apart() -> None:
    pak, iran = actor("Pakistan", "PAK"), actor("Iran", "IRN")
    sistan = place("Sistan", "IRN", "Sistan and Baluchestan")
    ms = [
        mention("a-1", 0, date="2023-05-10", a1=pak, a2=iran, loc=sistan),
        mention("b-1", 1, date="2023-05-10", a1=pak, loc=sistan),
        # Iran's earlier strike on Pakistan, dated by the sentence before: another event
        mention("c-1", 3, date="2023-05-08", rule="previous", a1=iran, loc=place("Pakistan", "PAK")),
    ]
    assert len(fuse(ms)) == 2
