"""The brief's sections: disputes with both sides, denials next to claims, action → reaction,
death tolls over time, charts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from test_report import (
    DOCS,
    IRAN,
    PAKISTAN,
    S1,
    S2,
    S3,
    denial,
    ev,
    killed,
    reprisal,
    retaliation_link,
    strike,
    threat,
    world,
)
from thucydides.records import ActorRef, Claim, Count, DateRef, Event, Evidence, Link
from thucydides.report import build_brief
from thucydides.report.charts import CASUALTIES_FILE, EVENTS_FILE, draw_charts
from thucydides.report.disputes import (
    actor_sides,
    date_sides,
    denial_pairs,
    dispute_line,
    disputes,
    figure_sides,
    kept_clause,
)
from thucydides.report.model import Citations, Line
from thucydides.report.reactions import link_line
from thucydides.report.tolls import default_history, toll_changes, toll_section


def text(line: Line) -> str:
    return "; ".join(c.text + "".join(f" [{n}]" for n in c.refs) for c in line.clauses) + "."


# -- disputes ----------------------------------------------------------------------------------

def test_figure_sides_leave_running_totals_out() -> None:
    e = strike()
    e.claims.append(killed(40, ev("b7", S2, "the ministry", start=90), cumulative=True))
    assert [(s.low, s.high) for s in figure_sides(e, "killed")] == [(2, 2), (3, 3)]
    assert figure_sides(e, "injured")[0].content == "3 were injured"
    assert [d.field for d in disputes(e, {})] == ["killed"]


def test_dispute_names_both_claimants_and_when_they_published() -> None:
    e = strike()
    e.sources[1].published = "2024-01-20"
    e.claims[1].evidence.published = "2024-01-20"
    docs = {**DOCS, "b7": DOCS["b7"].__class__(id="b7", text="", published="2024-01-20",
                                              outlet="Gulf Daily")}
    cites = Citations(docs)
    (d,) = disputes(e, {})
    assert text(dispute_line(d, cites)) == (
        "Pakistan's foreign ministry said on 17 January 2024 that 2 were killed [1]; "
        "the local officials said on 20 January 2024 that 3 were killed [2].")
    kept = kept_clause(e, d, cites, {})
    assert kept is not None and kept.refs == (1,)
    assert kept.text == ("the record keeps the account that 2 were killed "
                         "(more independent sources report this value)")


def test_an_outlet_speaks_when_no_claimant_is_named() -> None:
    e = strike()
    e.claims[1].evidence.claimant = None
    (d,) = disputes(e, {})
    assert "; Gulf Daily reported that 3 were killed [2]." in text(dispute_line(d, Citations(DOCS)))


def _date_claim(day: str, rule: str, evidence: Evidence) -> Claim:
    return Claim("date", day, evidence, ref=DateRef("", 0, 0, date=day, precision="day",
                                                     rule=rule))


def test_only_stated_dates_dispute_a_date() -> None:
    e = strike()
    a, b = e.sources
    e.claims = [_date_claim("2024-01-16", "expression", a),
                _date_claim("2024-01-17", "report-date", b)]
    assert date_sides(e) == []  # the second is only the day of the report
    e.claims[1] = _date_claim("2024-01-15", "expression", b)
    sides = date_sides(e)
    assert [s.content for s in sides] == ["it happened on 15 January 2024",
                                          "it happened on 16 January 2024"]
    same = ev("a1", S1, None)  # one sentence giving two days is not two sources disagreeing
    e.claims = [_date_claim("2024-01-16", "expression", same),
                _date_claim("2024-01-15", "expression", same)]
    assert date_sides(e) == []


def test_dates_without_refs_need_two_days_gap() -> None:
    e = strike()
    a, b = e.sources
    e.claims = [Claim("date", "2024-01-16", a), Claim("date", "2024-01-17", b)]
    assert date_sides(e) == []
    e.claims[1] = Claim("date", "2024-01-26", b)
    assert len(date_sides(e)) == 2


def test_perpetrator_dispute_needs_different_parties_from_different_sentences() -> None:
    e = strike()
    a, b = e.sources
    jaish = ActorRef("Jaish al-Adl", 0, 12, name="Jaish al-Adl", kind="armed_group",
                     actor_id="grp/jaish_al_adl")
    gunmen = ActorRef("gunmen", 0, 6, name="gunmen", kind="armed_group", actor_id="gen/gunmen")
    irgc = ActorRef("IRGC", 0, 4, name="IRGC", country="IRN", kind="military")
    e.claims = [Claim("actor1", "IRGC", a, ref=irgc), Claim("actor1", "Iran", b, ref=IRAN)]
    assert actor_sides(e, "actor1", {}) == []  # the same country named twice
    e.claims[1] = Claim("actor1", "gunmen", b, ref=gunmen)
    assert actor_sides(e, "actor1", {}) == []  # a bare role is not a party
    e.claims[1] = Claim("actor1", "Jaish al-Adl", b, ref=jaish)
    sides = actor_sides(e, "actor1", {})
    assert [s.content for s in sides] == ["it was carried out by IRGC",
                                          "it was carried out by Jaish al-Adl"]
    e.claims[1] = Claim("actor1", "Jaish al-Adl", a, ref=jaish)
    assert actor_sides(e, "actor1", {}) == []
    # records without refs: parties come from the record's resolved actors
    e.claims = [Claim("actor1", "IRGC", a), Claim("actor1", "Jaish al-Adl", b)]
    assert len(actor_sides(e, "actor1", {"IRGC": "IRN", "Jaish al-Adl": "Jaish al-Adl"})) == 2


# -- denials -----------------------------------------------------------------------------------

def test_a_denial_sits_next_to_the_claim_it_denies() -> None:
    pairs = denial_pairs(world())
    assert [(d.event_id, c.event_id if c else None) for d, c in pairs] == [
        ("ev-denial", "ev-strike")]
    far = denial()
    far.date = "2024-01-25"
    assert denial_pairs([strike(), far]) == [(far, None)]
    other = denial()
    other.event_type = "consult"
    assert denial_pairs([strike(), other])[0][1] is None
    brief = build_brief(world(), DOCS)
    unverified = next(s for s in brief.sections if s.title == "Disputed or unverified")
    subs = {s.title: s for s in unverified.subsections}
    (item, claimed) = subs["Claims and denials"].items
    assert text(item.lines[0]) == (
        "Frontier Post and Gulf Daily reported that Iran (IRGC) carried out an air/drone strike "
        "against Pakistan in Panjgur, Balochistan, Pakistan on 16 January 2024 [2] [3]; "
        "Iran denied an attack against Pakistan on 17 January 2024 [6].")
    assert claimed.kind == "claimed"


# -- action → reaction -------------------------------------------------------------------------

def test_explicit_link_quotes_its_cue_and_cites_its_sentence() -> None:
    cites = Citations(DOCS)
    line = link_line(retaliation_link(), strike(), reprisal(), cites)
    assert text(line) == (
        "On 18 January 2024, Pakistan carried out an air/drone strike against Iran in Saravan, "
        "Iran, in retaliation for an air/drone strike by Iran (IRGC) against Pakistan in Panjgur, "
        "Balochistan, Pakistan on 16 January 2024, in the words of the source: "
        "“in retaliation for the Iranian attack” [1].")
    assert cites.footnotes()[0].sentence == S3


def test_pattern_link_cites_both_events_and_says_no_text_states_it() -> None:
    cites = Citations(DOCS)
    link = Link("ev-strike", "ev-reprisal", "pattern", "follows", lag_days=2, score=0.4)
    out = text(link_line(link, strike(), reprisal(), cites))
    assert ", 2 days after an air/drone strike by Iran (IRGC)" in out
    assert "no source states the link" in out and out.endswith("[1] [2].")
    assert {n.sentence for n in cites.footnotes()} == {S3, S1}


def test_links_to_events_outside_the_record_are_dropped() -> None:
    stray = Link("ev-strike", "ev-gone", "explicit", "response", evidence=ev("c3", S3, None))
    brief = build_brief([strike(), reprisal()], DOCS, links=[stray, retaliation_link()])
    (section,) = [s for s in brief.sections if s.title == "Action and reaction"]
    assert len(section.items) == 1
    assert "Action and reaction" not in [s.title for s in build_brief([strike()], DOCS).sections]


# -- death tolls over time ---------------------------------------------------------------------

@dataclass(frozen=True)
class Point:
    as_of: str
    field: str
    value: object
    rule: str
    sources: list[Evidence]


def toll_history(e: Event) -> Sequence[Point]:
    """A history in the shape of thucydides.history.event_history: the strike's toll was 2 on
    the 17th, still 2 on the 18th, 3 from the 20th."""
    if e.event_id != "ev-strike":
        return [Point("2024-01-18", "killed", Count(9, 9, 9), "only-value", e.sources[:1])]
    a, b = e.sources
    return [Point("2024-01-17", "killed", Count(2, 2, 2), "only-value", [a]),
            Point("2024-01-17", "date", "2024-01-16", "only-value", [a]),
            Point("2024-01-18", "killed", Count(2, 2, 2), "only-value", [a]),
            Point("2024-01-20", "killed", Count(3, 2, 3), "latest-official", [a, b])]


def test_toll_history_keeps_the_changes_only() -> None:
    changes = toll_changes(strike(), toll_history)
    assert [(p.as_of, n) for p, n in changes] == [("2024-01-17", 2), ("2024-01-20", 3)]
    assert toll_changes(reprisal(), toll_history) == []


def test_toll_section_sentence_and_table() -> None:
    cites = Citations(DOCS)
    section = toll_section([reprisal(), strike(), threat()], toll_history, cites)
    (sub,) = section.subsections
    assert sub.title.startswith("An air/drone strike by Iran (IRGC) against Pakistan")
    assert text(sub.items[0].lines[0]) == (
        "The reported death toll rose from 2 (as of 17 January 2024) to 3 "
        "(as of 20 January 2024) [1] [2].")
    (table,) = sub.tables
    assert table.header == ("As of", "Deaths", "Range reported", "Rule", "Sources")
    assert [(r.cells, r.refs) for r in table.rows] == [
        (("17 January 2024", "2", "2", "only-value: every source reporting the field gives "
          "this value"), (1,)),
        (("20 January 2024", "3", "between 2 and 3", "latest-official: an official figure "
          "published later supersedes earlier figures"), (1, 2))]
    assert toll_section([reprisal()], toll_history, Citations(DOCS)).note is not None


def test_toll_history_from_the_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """By default the brief reads thucydides.history.event_history: a toll first reported as
    53 and then, by an official two days later, as 84."""
    from thucydides.reconcile import apply_consensus

    a = ev("a1", "State television said at least 53 people were killed in the blasts.", None)
    b = ev("c3", "The interior minister said the number of dead had reached 84.",
           "the interior minister")
    b.claimant_kind = "named"
    e = Event(event_id="ev-blasts", event_type="assault", status="occurred", sources=[a, b],
              date="2024-01-03", date_precision="day", claims=[killed(53, a), killed(84, b)])
    apply_consensus(e, e.claims)
    assert default_history()(e)  # the module is there
    brief = build_brief([e], DOCS)
    (tolls,) = [s for s in brief.sections if s.title == "Death tolls over time"]
    assert text(tolls.subsections[0].items[0].lines[0]) == (
        "The reported death toll rose from 53 (as of 17 January 2024) to 84 "
        "(as of 18 January 2024) [1] [2].")


# -- charts ------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n"


def test_charts_are_pngs_next_to_the_brief(tmp_path: Path) -> None:
    charts = draw_charts(world(), tmp_path)
    assert [c.file for c in charts] == [EVENTS_FILE, CASUALTIES_FILE]
    for c in charts:
        assert (tmp_path / c.file).read_bytes()[:8] == PNG
    assert "1 events without a day-precise date are not drawn" in charts[0].caption


def test_charts_survive_missing_dates_and_figures(tmp_path: Path) -> None:
    undated = strike()
    undated.date = None
    assert draw_charts([undated, threat()], tmp_path) == []
    assert not list(tmp_path.iterdir())
    calm = reprisal()
    calm.killed, calm.claims = None, []
    assert [c.file for c in draw_charts([calm], tmp_path)] == [EVENTS_FILE]
    bad = reprisal()
    bad.date = "2024-13-45"
    assert draw_charts([bad], tmp_path / "x") == []


def test_event_day_uses_only_day_precise_happened_events() -> None:
    from thucydides.report.charts import actor_group, event_day

    e = strike()
    assert str(event_day(e)) == "2024-01-16" and actor_group(e) == "Iran"
    e.date_precision = "month"
    assert event_day(e) is None
    assert event_day(threat()) is None
    assert actor_group(Event(event_id="x", event_type="assault", status="occurred",
                             sources=[], actor1=PAKISTAN)) == "Pakistan"
    assert actor_group(Event(event_id="y", event_type="assault", status="occurred",
                             sources=[])) == "Actor not known"
