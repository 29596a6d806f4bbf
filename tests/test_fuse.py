"""Fusion and reconciliation on hand-made mentions."""

from __future__ import annotations

from thucydides.fuse import fuse
from thucydides.fuse_admit import admissible
from thucydides.records import ActorRef, EventType, Figure, Mention, PlaceRef

STRIKE = EventType("assault", "aerial", "195", -10.0, "Explosions/Remote violence",
                   "Air/drone strike", 4)
RECALL = EventType("sanction", None, "161", -4.0, "Strategic developments", "Other", 4)


def actor(text: str, country: str | None, kind: str = "state",
          actor_id: str | None = None) -> ActorRef:
    return ActorRef(text, 0, len(text), name=text, country=country, kind=kind,  # type: ignore[arg-type]
                    actor_id=actor_id)


def place(name: str, country: str, admin1: str | None = None) -> PlaceRef:
    return PlaceRef(name, 0, len(name), name=name, country=country, admin1=admin1,
                    precision="admin1" if admin1 else "country")


def mention(doc: str, n: int, *, date: str = "2024-01-16", type_: EventType = STRIKE,
            a1: ActorRef | None = None, a2: ActorRef | None = None,
            loc: PlaceRef | None = None, killed: int | None = None, status: str = "occurred",
            published: str = "2024-01-17", claimant: str | None = None,
            date_rule: str = "expression") -> Mention:
    figures = [Figure("killed", killed, killed, killed, str(killed), 10, 12, claimant)] \
        if killed is not None else []
    return Mention(
        mention_id=f"{doc}:{n}:0", doc_id=doc, sentence_index=n, sentence=f"sentence {n}",
        sent_start=n * 100, sent_end=n * 100 + 50, trigger="struck", trigger_start=n * 100,
        trigger_end=n * 100 + 6, type=type_, status=status,  # type: ignore[arg-type]
        actor1=a1, actor2=a2, figures=figures, claimant=claimant, location=loc, date=date,
        date_precision="day", date_rule=date_rule, published=published,
        outlet=doc.split("-")[0])


def test_reports_of_one_strike_fuse_and_keep_every_figure() -> None:
    iran, pak = actor("Iran", "IRN"), actor("Pakistan", "PAK")
    bal = place("Balochistan", "PAK", "Balochistan")
    ms = [
        mention("a-1", 1, a1=iran, a2=pak, loc=bal, killed=2, claimant="Pakistan's foreign office"),
        mention("b-1", 3, a1=iran, loc=place("Pakistan", "PAK"), killed=3, claimant="local officials",
                published="2024-01-18"),
        mention("c-1", 2, a2=pak, loc=bal, killed=2, date="2024-01-17"),
    ]
    events = fuse(ms)
    assert len(events) == 1
    ev = events[0]
    assert ev.killed is not None
    assert (ev.killed.best, ev.killed.low, ev.killed.high) == (2, 2, 3)
    assert ev.location is not None and ev.location.admin1 == "Balochistan"
    assert ev.actor1 is not None and ev.actor1.country == "IRN"
    assert {s.doc_id for s in ev.sources} == {"a-1", "b-1", "c-1"}
    killed_claims = [c for c in ev.claims if c.field == "killed"]
    assert {c.evidence.claimant for c in killed_claims} == {
        "Pakistan's foreign office", "local officials", None}
    assert ev.n_outlets == 3


def test_different_countries_or_dates_stay_apart() -> None:
    iran, pak = actor("Iran", "IRN"), actor("Pakistan", "PAK")
    ms = [
        mention("a-1", 1, a1=iran, loc=place("Pakistan", "PAK")),
        mention("a-1", 2, a1=pak, loc=place("Iran", "IRN"), date="2024-01-18"),
        mention("b-1", 1, a1=iran, loc=place("Iraq", "IRQ"), date="2024-01-16"),
        mention("c-1", 1, a1=iran, loc=place("Pakistan", "PAK"), date="2024-01-20"),
    ]
    assert len(fuse(ms)) == 4


def test_a_state_strike_and_an_armed_group_attack_are_two_events() -> None:
    loc = place("Iran", "IRN")
    ms = [mention("a-1", 1, a1=actor("Iran", "IRN"), loc=loc),
          mention("b-1", 1, a1=actor("militants", None, "armed_group"), loc=loc)]
    assert len(fuse(ms)) == 2


def test_threats_never_merge_with_what_happened() -> None:
    ms = [mention("a-1", 1, a1=actor("Iran", "IRN")),
          mention("b-1", 1, a1=actor("Iran", "IRN"), status="threatened")]
    statuses = sorted(e.status for e in fuse(ms))
    assert statuses == ["occurred", "threatened"]


def test_quad_classes_do_not_mix_and_ids_are_stable() -> None:
    ms = [mention("a-1", 1, a1=actor("Iran", "IRN")),
          mention("a-1", 2, a1=actor("Pakistan", "PAK"), type_=RECALL)]
    first, second = fuse(ms), fuse(list(reversed(ms)))
    assert len(first) == 2  # same quad (material conflict) but different actors
    assert sorted(e.event_id for e in first) == sorted(e.event_id for e in second)


def test_the_most_reported_figure_wins_and_the_range_spans_all() -> None:
    city = place("Kerbala", "IRQ", "Karbala")
    ms = [mention(f"{o}-1", 1, killed=k, published=p, loc=city)
          for o, k, p in (("a", 53, "2024-01-03"), ("b", 84, "2024-01-04"),
                          ("c", 84, "2024-01-05"), ("d", 95, "2024-01-04"))]
    for m in ms:
        m.date = "2024-01-03"
    (ev,) = fuse(ms)
    assert ev.killed is not None
    assert (ev.killed.best, ev.killed.low, ev.killed.high) == (84, 53, 95)


def test_a_later_article_retelling_an_event_cites_it_instead_of_inventing_one() -> None:
    iran, pak = actor("Iran", "IRN"), actor("Pakistan", "PAK")
    loc = place("Pakistan", "PAK")
    ms = [mention("a-1", 1, a1=iran, loc=loc),
          mention("b-1", 1, a1=iran, loc=loc),
          # an April article, no date of its own for the strike: dated by its publication
          mention("c-1", 4, a1=iran, loc=loc, date="2024-04-21", date_rule="report-date"),
          # a stated April date is a different event
          mention("d-1", 2, a1=iran, loc=place("Iraq", "IRQ"), date="2024-04-21"),
          mention("e-1", 2, a1=pak, loc=loc, date="2024-04-21", date_rule="report-date")]
    events = fuse(ms)
    strike = next(e for e in events if "a-1" in {s.doc_id for s in e.sources})
    assert {s.doc_id for s in strike.sources} == {"a-1", "b-1", "c-1"}
    assert strike.date == "2024-01-16"
    assert len(events) == 3


def test_the_location_is_where_most_reports_put_it_not_the_finest_stray_place() -> None:
    iran = actor("Iran", "IRN")
    capital = PlaceRef("Islamabad", 0, 9, name="Islamabad", country="PAK", admin1="Islamabad",
                       precision="point")
    town = PlaceRef("Panjgur", 0, 7, name="Panjgur", country="PAK", admin1="Balochistan",
                    precision="point")
    ms = [mention("a-1", 1, a1=iran, loc=place("Balochistan", "PAK", "Balochistan")),
          mention("b-1", 1, a1=iran, loc=town),
          mention("c-1", 1, a1=iran, loc=capital)]
    (ev,) = fuse(ms)
    assert ev.location is not None and ev.location.name == "Panjgur"
    assert ev.location.admin1 == "Balochistan"


def test_reports_that_share_nothing_but_a_day_and_a_type_stay_apart() -> None:
    ms = [mention("a-1", 1, type_=RECALL, a1=actor("Chad", "TCD")),
          mention("b-1", 1, type_=RECALL),
          mention("b-1", 2, type_=RECALL, a1=actor("Chad", "TCD"))]
    events = fuse(ms)
    assert len(events) == 2
    merged = next(e for e in events if len(e.sources) == 2)
    assert {(s.doc_id, s.start) for s in merged.sources} == {("a-1", 100), ("b-1", 200)}


def undated(doc: str, n: int, **kw: object) -> Mention:
    from dataclasses import replace
    m = mention(doc, n, **kw)  # type: ignore[arg-type]
    return replace(m, date=None, date_precision=None, date_rule=None, published=None)


def test_an_undated_article_joins_the_dated_event_it_tells_even_after_a_placeless_headline() -> None:
    iran, pak = actor("Iran", "IRN"), actor("Pakistan", "PAK")
    bal = place("Balochistan", "PAK", "Balochistan")
    dated = [mention("a-1", 1, a1=iran, a2=pak, loc=bal), mention("b-1", 1, a1=iran, loc=bal)]
    headline = undated("u-1", 0, a1=iran)  # no place: cannot fit another article's event alone
    body = undated("u-1", 3, a1=actor("IRGC", "IRN", "military"), a2=actor("security forces", "IRN"),
                   loc=bal)
    events = fuse([*dated, headline, body])
    assert len(events) == 1
    assert {s.doc_id for s in events[0].sources} == {"a-1", "b-1", "u-1"}
    assert events[0].date == "2024-01-16"


def test_an_undated_report_never_joins_an_event_years_before_its_article() -> None:
    group = actor("Islamic State", None, "armed_group")
    old = mention("a-1", 1, a1=group, loc=place("Tehran", "IRN", "Tehran"), date="2017-06-07",
                  killed=17)
    new = undated("u-1", 1, a1=group, loc=place("Tehran", "IRN", "Tehran"), killed=17)
    assert len(fuse([old, new], year_hints={"u-1": 2024})) == 2
    assert len(fuse([old, new], year_hints={"u-1": 2017})) == 1


def test_one_armed_groups_attack_is_not_anothers() -> None:
    place_ = place("Kerman", "IRN", "Kerman")
    a = mention("a-1", 1, a1=actor("Islamic State", None, "armed_group"), loc=place_, killed=3)
    b = undated("u-1", 1, a1=actor("Jaish al-Adl", None, "armed_group"), loc=place_, killed=3)
    assert len(fuse([a, b])) == 2


def test_a_statement_enters_the_record_only_with_a_known_speaker() -> None:
    accuse = EventType("accuse", None, "111", -2.0, None, None, 3)
    known = mention("a-1", 1, type_=accuse, a1=actor("Pakistan", "PAK"), a2=actor("Iran", "IRN"))
    vague = mention("b-1", 1, type_=accuse, a1=actor("villagers", None, "civilians"),
                    a2=actor("the government", None, "government"), date="2024-02-01")
    strike = mention("c-1", 1, a2=actor("villagers", None, "civilians"), date="2024-03-01",
                     loc=place("Kech", "PAK"))
    events = [e for e in fuse([known, vague, strike]) if admissible(e)]
    assert {e.sources[0].doc_id for e in events} == {"a-1", "c-1"}


def test_an_event_with_no_date_at_all_stays_out_of_the_record() -> None:
    (ev,) = fuse([undated("u-1", 1, a1=actor("Iran", "IRN"), loc=place("Kech", "PAK"))])
    assert not admissible(ev)
    (dated,) = fuse([mention("a-1", 1, a1=actor("Iran", "IRN"), loc=place("Kech", "PAK"))])
    assert admissible(dated)


def test_a_meeting_told_from_both_sides_is_one_event() -> None:
    # one meeting, one event: "Iran's minister met his Pakistani counterpart" and "Pakistan's
    # minister hosted his Iranian counterpart" on one day tell the same talks (a strike told
    # both ways is two strikes: see test_fuse_coref)
    call = EventType("consult", None, "040", 1.0, None, None, 1)
    iran, pak = actor("Iran", "IRN"), actor("Pakistan", "PAK")
    a = mention("a-1", 1, type_=call, a1=iran, a2=pak, date="2024-01-19")
    b = mention("b-1", 1, type_=call, a1=pak, a2=iran, date="2024-01-19")
    assert len(fuse([a, b])) == 1
    c = mention("c-1", 1, type_=call, a1=iran, a2=pak, date="2024-01-19")
    (ev,) = fuse([a, b, c])
    assert ev.actor1 is not None and ev.actor1.country == "IRN"  # the side most reports name
    later = mention("d-1", 1, type_=call, a1=pak, a2=iran, date="2024-01-20")
    assert len(fuse([a, later])) == 2  # the return visit the next day is another meeting


def test_a_recall_is_one_act_wherever_reports_place_it() -> None:
    iraq, iran = actor("Iraq", "IRQ"), actor("Iran", "IRN")
    a = mention("a-1", 1, type_=RECALL, a1=iraq, a2=iran, loc=place("Baghdad", "IRQ"))
    b = mention("b-1", 1, type_=RECALL, a1=iraq, a2=iran, loc=place("Tehran", "IRN"))
    assert len(fuse([a, b])) == 1
    strike_a = mention("a-1", 2, a1=iran, loc=place("Erbil", "IRQ"))
    strike_b = mention("b-1", 2, a1=iran, loc=place("Idlib", "SYR"))
    assert len(fuse([strike_a, strike_b])) == 2  # strikes in two countries are two strikes
