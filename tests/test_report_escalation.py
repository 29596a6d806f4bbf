"""The brief's Escalation section: counts, reciprocity, phases and a forecast shown only with its
backtest, every sentence citing the first and last events it rests on.

The records are built here: ``hostile_record`` is a long run of tit-for-tat strikes between Iran
and Pakistan, quiet for two months, then a burst of daily strikes, then quiet again, so the
change points, the model and its backtest all have something to work on.

``hostile_record`` and ``record_docs`` are shared with test_brief_citations.py.
"""

from __future__ import annotations

import datetime
import re
from itertools import pairwise
from pathlib import Path

import pytest

from thucydides.analysis import AnalysisConfig, RecordAnalysis, analyze
from thucydides.records import ActorRef, Document, Event, Evidence, Link
from thucydides.report import build_brief, write_brief
from thucydides.report.escalation import MIN_PAIR_EVENTS, brief_config, shown_pairs
from thucydides.report.escalation_lines import _pct, _span, verdict
from thucydides.report.model import Line, Section

IRAN = ActorRef("Iran", 0, 4, name="Iran", country="IRN", kind="state", actor_id="IRN")
PAKISTAN = ActorRef("Pakistan", 0, 8, name="Pakistan", country="PAK", kind="state",
                    actor_id="PAK")
START = datetime.date(2024, 1, 1)
# days after START: sparse, a burst in March, sparse again
QUIET = (0, 9, 21, 33, 44, 52, 61, 68)
BURST = tuple(range(70, 89))
LATE = (100, 115)


def strike(i: int, day: int, *, by_iran: bool, goldstein: float = -10.0) -> Event:
    text = (f"Officials said that {'Iranian' if by_iran else 'Pakistani'} forces struck a "
            f"border post in the attack numbered {i}.")
    src = Evidence(doc_id=f"s{i:02d}", sentence=text, start=0, end=len(text),
                   claimant="officials")
    return Event(event_id=f"ev-{i:02d}", event_type="assault", status="occurred", sources=[src],
                 date=(START + datetime.timedelta(day)).isoformat(), date_precision="day",
                 actor1=IRAN if by_iran else PAKISTAN, actor2=PAKISTAN if by_iran else IRAN,
                 goldstein=goldstein, n_outlets=1)


def hostile_record() -> list[Event]:
    days = (*QUIET, *BURST, *LATE)
    return [strike(i, d, by_iran=i % 2 == 0) for i, d in enumerate(days)]


def record_docs(events: list[Event]) -> dict[str, Document]:
    return {s.doc_id: Document(id=s.doc_id, text=s.sentence, published=e.date,
                               outlet=f"Outlet {k % 3}")
            for k, e in enumerate(events) for s in e.sources}


def answers(events: list[Event]) -> list[Link]:
    """In the burst, each strike is answered the next day by the other side."""
    burst = [e for e in events if e.date and "2024-03-11" <= e.date <= "2024-03-16"]
    return [Link(a.event_id, b.event_id, "pattern", "follows", 1)
            for a, b in pairwise(burst)]


def section(brief_sections: list[Section], title: str) -> Section:
    return next(s for s in brief_sections if s.title == title)


def text(line: Line) -> str:
    return "; ".join(c.text for c in line.clauses)


@pytest.fixture(scope="module")
def modelled() -> tuple[list[Event], RecordAnalysis]:
    events = hostile_record()
    return events, analyze(events, answers(events), brief_config())


def test_the_record_is_modelled_and_backtested(modelled: tuple[list[Event], RecordAnalysis]
                                              ) -> None:
    _, analysis = modelled
    (model,) = analysis.models
    assert [f.horizon_days for f, _ in model.shown()] == [7, 30]
    assert all(bt.n_origins > 0 for _, bt in model.shown())


def test_escalation_section_for_a_modelled_pair(modelled: tuple[list[Event], RecordAnalysis]
                                                ) -> None:
    events, analysis = modelled
    brief = build_brief(events, record_docs(events), links=answers(events), analysis=analysis)
    esc = section(brief.sections, "Escalation")
    (pair,) = esc.subsections
    assert pair.title == "Iran and Pakistan"
    lines = [text(ln) for item in pair.items for ln in item.lines]
    assert any(t.startswith("Between 1 January and 25 April 2024, the record has 15 acts by "
                            "Iran toward Pakistan: all hostile") for t in lines)
    assert any("rose to a mean of" in t and "(an escalation phase)" in t for t in lines)
    assert any("fell to a mean of" in t and "(a de-escalation phase)" in t for t in lines)
    assert any(t.startswith("Pakistan answered 3 of the 15 hostile acts by Iran") for t in lines)
    forecasts = [t for t in lines if "probability of at least one hostile act" in t]
    assert len(forecasts) == 2
    for t, days in zip(forecasts, (7, 30), strict=True):
        # the forecast, its interval and its backtest in one sentence
        assert f"in the {days} days from 26 April 2024 at " in t
        assert re.search(r"\(90% interval [^)]+ to [^)]+\)", t)
        assert re.search(r"rolling-origin backtest on this record over \d+ origins, its Brier "
                         r"score was [\d.]+ against [\d.]+ for the base rate: \w+", t)


def test_each_sentence_cites_a_bounded_number_of_sources(
        modelled: tuple[list[Event], RecordAnalysis]) -> None:
    events, analysis = modelled
    brief = build_brief(events, record_docs(events), links=answers(events), analysis=analysis)
    (pair,) = section(brief.sections, "Escalation").subsections
    for item in pair.items:
        for ln in item.lines:
            assert 1 <= len(ln.refs) <= 4, text(ln)
    # the count of Iran's acts rests on its first and last strike: two sources, not fifteen
    numbers = {f.number: f.doc_id for f in brief.footnotes}
    first = pair.items[0].lines[0]
    assert [numbers[n] for n in first.refs] == ["s00", "s28"]


def test_a_phase_with_no_hostile_act_cites_the_act_it_fell_from() -> None:
    events = hostile_record()[:27]  # the burst ends the record's acts …
    events.append(strike(99, 160, by_iran=True))  # … but for one strike months later
    analysis = analyze(events, [], brief_config())
    brief = build_brief(events, record_docs(events), analysis=analysis)
    (pair,) = section(brief.sections, "Escalation").subsections
    lines = [ln for item in pair.items for ln in item.lines]
    quiet = [ln for ln in lines if "with no hostile act in the phase" in text(ln)]
    assert quiet and all(len(ln.refs) == 1 for ln in quiet)


def test_a_forecast_without_backtest_is_withheld() -> None:
    # ten strikes in twenty days: enough to fit, too short to backtest (30 days of training)
    events = [strike(i, 2 * i, by_iran=i % 2 == 0) for i in range(10)]
    analysis = analyze(events, [], brief_config())
    (model,) = analysis.models
    assert model.forecasts and not model.shown()
    brief = build_brief(events, record_docs(events), analysis=analysis)
    (pair,) = section(brief.sections, "Escalation").subsections
    assert not any("probability" in text(ln) or "Hawkes" in text(ln)
                   for item in pair.items for ln in item.lines)
    assert pair.note is not None and "Forecast withheld" in pair.note


def test_too_few_hostile_acts_for_a_model_is_a_note() -> None:
    events = [strike(i, 3 * i, by_iran=i % 2 == 0) for i in range(MIN_PAIR_EVENTS)]
    brief = build_brief(events, record_docs(events),
                        analysis=analyze(events, [], brief_config()))
    (pair,) = section(brief.sections, "Escalation").subsections
    assert pair.note is not None and "No forecast: the pair has 5 hostile acts" in pair.note


def test_no_pair_with_enough_events_is_said_in_a_note() -> None:
    events = [strike(i, 3 * i, by_iran=True) for i in range(MIN_PAIR_EVENTS - 1)]
    analysis = analyze(events, [], brief_config())
    assert shown_pairs(analysis, events) == []
    esc = section(build_brief(events, record_docs(events), analysis=analysis).sections,
                  "Escalation")
    assert esc.empty() and esc.note is not None and esc.note.startswith("No pair of actors")


def test_cooperation_is_counted_apart_and_one_way_pairs_say_so_in_a_note() -> None:
    events = [strike(i, 2 * i, by_iran=True) for i in range(4)]
    events.append(strike(9, 10, by_iran=True, goldstein=4.0))
    brief = build_brief(events, record_docs(events),
                        analysis=analyze(events, [], brief_config()))
    (pair,) = section(brief.sections, "Escalation").subsections
    assert text(pair.items[0].lines[0]).endswith(
        "5 acts by Iran toward Pakistan: 4 hostile (Goldstein-weighted conflict 40.0) and "
        "1 cooperative (cooperation 4.0)")
    assert pair.note is not None and "no act by Pakistan toward Iran" in pair.note


def test_without_analysis_the_section_says_it_was_not_run() -> None:
    esc = section(build_brief([], {}).sections, "Escalation")
    assert esc.note == "The escalation analysis was not run for this brief."


def test_write_brief_runs_the_analysis_and_draws_the_pair_chart(tmp_path: Path) -> None:
    events = hostile_record()
    md_path, _ = write_brief(events, record_docs(events), tmp_path, links=answers(events))
    md = md_path.read_text(encoding="utf-8")
    assert "## Escalation" in md and "### Iran and Pakistan" in md
    assert "![Daily conflict and cooperation between Iran and Pakistan, with phases]" \
           "(brief-dyad-IRN-PAK.png)" in md
    assert (tmp_path / "brief-dyad-IRN-PAK.png").read_bytes()[:4] == b"\x89PNG"
    assert "Brier score was" in md


def test_words() -> None:
    day = datetime.date
    assert _span(day(2024, 1, 4), day(2024, 1, 4)) == "On 4 January 2024"
    assert _span(day(2024, 1, 4), day(2024, 1, 9)) == "Between 4 and 9 January 2024"
    assert _span(day(2024, 1, 4), day(2024, 2, 2)) == "Between 4 January and 2 February 2024"
    assert _span(day(2023, 12, 30), day(2024, 1, 2)) == \
        "Between 30 December 2023 and 2 January 2024"
    assert [_pct(p) for p in (0.999, 0.001, 0.456, float("nan"))] == [
        "over 99%", "under 1%", "46%", "not computed"]
    assert verdict(0.2) == "better than the base rate"
    assert verdict(-0.2) == "worse than the base rate"
    assert verdict(0.01) == "about as good as the base rate"


def test_brief_config_is_modest() -> None:
    cfg = brief_config()
    assert isinstance(cfg, AnalysisConfig) and cfg.n_boot <= 30 and cfg.backtest_sims == 0
