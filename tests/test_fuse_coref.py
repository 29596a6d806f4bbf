"""Cross-document event coreference: scoring, ordering and the merge pass of fusion."""

from __future__ import annotations

from test_fuse import actor, place
from thucydides.fuse import fuse
from thucydides.fuse_cluster import Cluster, names
from thucydides.fuse_merge import affinity, merge_clusters
from thucydides.records import ActorRef, EventType, Figure, Mention, PlaceRef

STRIKE = EventType("assault", "aerial", "195", -10.0, "Explosions/Remote violence",
                   "Air/drone strike", 4)
BOMBING = EventType("assault", None, "183", -10.0, "Explosions/Remote violence",
                    "Suicide bomb", 4)


IRAN, PAK, ISRAEL = actor("Iran", "IRN"), actor("Pakistan", "PAK"), actor("Israel", "ISR")
GROUP = actor("Sun Brigade", None, "armed_group", "grp/sun_brigade")


def mention(doc: str, n: int, *, date: str | None = "2024-03-05", type_: EventType = STRIKE,
            a1: ActorRef | None = None, a2: ActorRef | None = None, loc: PlaceRef | None = None,
            killed: int | None = None, rule: str | None = "expression",
            precision: str = "day") -> Mention:
    figures = [Figure("killed", killed, killed, killed, str(killed), 10, 12, None)] \
        if killed is not None else []
    return Mention(
        mention_id=f"{doc}:{n}:0", doc_id=doc, sentence_index=n, sentence=f"sentence {n}",
        sent_start=n * 100, sent_end=n * 100 + 50, trigger="struck", trigger_start=n * 100,
        trigger_end=n * 100 + 6, type=type_, actor1=a1, actor2=a2, figures=figures,
        location=loc, date=date, date_precision=precision if date else None,  # type: ignore[arg-type]
        date_rule=rule if date else None, published="2024-03-06", outlet=doc)


def cluster(*ms: Mention) -> Cluster:
    c = Cluster.of(ms[0])
    for m in ms[1:]:
        c.add(m)
    return c


def docs_of(events: list) -> list[set[str]]:  # type: ignore[type-arg]
    return sorted(({s.doc_id for s in e.sources} for e in events), key=sorted)


def test_a_retelling_that_started_its_own_event_is_merged_into_the_stated_one() -> None:
    # the later article's first report names nobody, so it starts an event of its own; its
    # second report names a target no other report does and cannot join the stated event alone
    arbil = place("Arbil", "IRQ", "Arbil")
    ms = [mention("a", 1, a1=IRAN, a2=actor("Iraq", "IRQ"), loc=arbil),
          mention("b", 1, date="2024-03-06", rule="report-date"),
          mention("b", 2, date="2024-03-06", rule="report-date", a1=IRAN, a2=ISRAEL,
                  loc=place("Iraq", "IRQ"))]
    events = fuse(ms)
    assert docs_of(events) == [{"a", "b"}]
    assert events[0].date == "2024-03-05"


def test_a_retelling_weeks_later_joins_on_a_shared_province_and_figure() -> None:
    kerm = place("Kerman", "IRN", "Kerman")
    stated = cluster(mention("a", 1, date="2024-03-05", type_=BOMBING, a1=GROUP, loc=kerm,
                             killed=84))
    told = cluster(mention("b", 1, date="2024-03-20", rule="report-date", type_=BOMBING,
                           a1=GROUP, loc=kerm, killed=84))
    assert affinity(stated, told, 1) > 0
    elsewhere = cluster(mention("c", 1, date="2024-03-20", rule="report-date", type_=BOMBING,
                                a1=GROUP, loc=place("Iran", "IRN")))
    assert affinity(stated, elsewhere, 1) == 0  # a country and a group are not enough
    own_day = cluster(mention("d", 1, date="2024-03-20", type_=BOMBING, a1=GROUP, loc=kerm,
                              killed=84))
    assert affinity(stated, own_day, 1) == 0  # two stated days two weeks apart: two events
    months_later = cluster(mention("e", 1, date="2024-06-20", rule="report-date",
                                   type_=BOMBING, a1=GROUP, loc=kerm, killed=84))
    assert merge_clusters([stated, months_later], 1) == [stated, months_later]


def test_the_merge_pass_keeps_events_placed_in_two_provinces_apart() -> None:
    one = cluster(mention("a", 1, a1=IRAN, loc=place("Idlib", "SYR", "Idlib")))
    other = cluster(mention("b", 1, rule="report-date", a1=IRAN,
                            loc=place("Damascus", "SYR", "Damascus")))
    assert affinity(one, other, 1) == 0
    same = cluster(mention("c", 1, rule="report-date", a1=IRAN, loc=place("Syria", "SYR")))
    assert affinity(one, same, 1) > 0


def test_the_merge_pass_never_joins_reciprocal_strikes() -> None:
    one = cluster(mention("a", 1, a1=IRAN, a2=PAK, loc=place("Pakistan", "PAK")))
    other = cluster(mention("b", 1, a1=PAK, a2=IRAN, loc=place("Iran", "IRN")))
    assert affinity(one, other, 1) == 0
    assert len(merge_clusters([one, other], 1)) == 2


def test_a_report_goes_to_the_event_it_shares_a_province_and_a_toll_with() -> None:
    # the same day, the same country: a strike that killed two, and a bombing told again; a
    # report of "the bombing in Kerman that killed 84" belongs to the second
    ms = [mention("a", 1, date="2024-03-20", type_=BOMBING, a2=IRAN, loc=place("Iran", "IRN"),
                  killed=2),
          mention("b", 1, date="2024-03-05", type_=BOMBING, loc=place("Kerman", "IRN", "Kerman"),
                  killed=84),
          mention("c", 1, date="2024-03-20", rule="report-date", type_=BOMBING, a2=IRAN,
                  loc=place("Kerman", "IRN", "Kerman"), killed=84)]
    assert docs_of(fuse(ms)) == [{"a"}, {"b", "c"}]


def test_last_week_joins_the_event_the_day_precise_reports_form() -> None:
    iran = place("Iran", "IRN")
    ms = [mention("a", 1, date="2024-03-11", a1=PAK, loc=iran),
          mention("b", 1, date="2024-03-04", precision="week", a1=PAK, loc=iran)]
    assert docs_of(fuse(ms)) == [{"a", "b"}]


def test_a_report_does_not_retell_an_event_years_before() -> None:
    syria = place("Syria", "SYR")
    ms = [mention("a", 1, date="2019-06-04", a1=IRAN, loc=syria),
          mention("b", 1, date="2024-03-05", rule="report-date", a1=IRAN, loc=syria)]
    assert len(fuse(ms)) == 2


def test_one_agents_strikes_in_two_countries_told_in_one_article_are_two_events() -> None:
    ms = [mention("a", 1, a1=IRAN, a2=PAK, loc=place("Pakistan", "PAK")),
          mention("a", 2, rule="report-date", a1=IRAN, loc=place("Iraq", "IRQ"))]
    assert len(fuse(ms)) == 2


def test_reciprocal_strikes_on_one_day_are_two_events() -> None:
    ms = [mention("a", 1, a1=IRAN, a2=PAK), mention("b", 1, a1=PAK, a2=IRAN)]
    assert len(fuse(ms)) == 2


def test_an_undated_report_of_a_group_in_another_province_is_another_attack() -> None:
    ms = [mention("a", 1, a1=GROUP, loc=place("Kerman", "IRN", "Kerman")),
          mention("b", 1, date=None, a1=GROUP, loc=place("Zahedan", "IRN", "Sistan"))]
    assert len(fuse(ms)) == 2


def test_a_generic_attacker_label_does_not_pull_an_undated_article_into_another_event() -> None:
    # "terrorists" in two articles about one country is no evidence of one attack
    attackers = actor("terrorists", None, "armed_group", "gen/terrorists")
    iran = place("Iran", "IRN")
    ms = [mention("a", 1, a1=attackers, loc=iran),
          mention("u", 1, date=None, a1=attackers, loc=iran)]
    assert len(fuse(ms)) == 2


def test_a_small_shared_toll_is_no_evidence_but_a_large_one_is() -> None:
    iran = place("Iran", "IRN")
    few = [mention("a", 1, a2=IRAN, loc=iran, killed=2),
           mention("b", 1, date=None, a2=IRAN, loc=iran, killed=2)]
    assert len(fuse(few)) == 2
    many = [mention("a", 1, a2=IRAN, loc=iran, killed=27),
            mention("b", 1, date=None, a2=IRAN, loc=iran, killed=27)]
    assert len(fuse(many)) == 1


def test_only_specific_names_count_as_shared_evidence() -> None:
    m = mention("a", 1, a1=actor("terrorists", None, "armed_group", "gen/terrorists"),
                a2=IRAN, loc=place("Kerman", "IRN", "Kerman"))
    assert names(m) == {"kerman"}
    assert names(mention("b", 1, a1=GROUP, loc=place("Iran", "IRN"))) == {"sun brigade"}
