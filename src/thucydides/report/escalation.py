"""Escalation: what the escalation analysis (``thucydides.analysis``) finds for each actor pair
with enough events between them — hostile and cooperative acts, how each side answers the
other, phases of rising or falling hostility, and a Hawkes forecast, shown only beside its
rolling-origin backtest.

Each sentence cites a bounded number of source sentences: one source of the first and of the
last event it rests on (a phase: its first and last hostile act; a reciprocity figure: the first
and last answered act with their answers), never every event of the pair. What the analysis
cannot say (too few events, a forecast withheld) goes in a note.

The analysis package is imported lazily: it pulls in scipy, which the rest of the brief does
not need.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..records import Event, Link
from .escalation_lines import (
    Dated,
    Pair,
    PairEvents,
    activity_lines,
    actor_name,
    day_key,
    forecast_lines,
    phase_lines,
    reciprocity_lines,
)
from .model import Chart, Citations, Item, Section

if TYPE_CHECKING:
    from ..analysis import AnalysisConfig, RecordAnalysis

TITLE = "Escalation"
MIN_PAIR_EVENTS = 5  # events (both directions) a pair needs for a subsection of its own
MAX_PAIRS = 3
CHART_PREFIX = "brief-dyad-"
METHOD_NOTE = (
    "From the escalation analysis of the record: events that happened, dated to the day or "
    "week, by actor → target. Hostile acts have a negative Goldstein score (or a conflict type "
    "without one); conflict is the sum of their absolute scores. Phases are shifts of the daily "
    "conflict found by change-point detection. A forecast is shown only with its rolling-origin "
    "backtest on this record (Brier score, lower is better, against the record's base rate; "
    "overlapping horizons make the origins dependent). Each sentence cites the first and last "
    "events it rests on.")

_REASONS = {"no actor1": "no known actor", "no actor2": "no known target",
            "no day date": "no date to the day or week",
            "not happened": "not reported as having happened",
            "outside window": "outside the analysis window"}


def brief_config() -> AnalysisConfig:
    """A modest analysis: the brief must stay quick (few bootstrap replicates, no per-direction
    backtest, which the brief does not show)."""
    from ..analysis import AnalysisConfig

    return AnalysisConfig(n_boot=20, n_sims=200, backtest_sims=0, max_pairs=MAX_PAIRS)


def shown_pairs(analysis: RecordAnalysis, events: Sequence[Event]) -> list[PairEvents]:
    """The pairs the brief describes: at least ``MIN_PAIR_EVENTS`` events between two distinct
    actors, busiest (hostile acts) first, at most ``MAX_PAIRS``."""
    from ..analysis.dyads import dyad_events

    table = analysis.dyads
    if table.start is None:
        return []
    kept, _ = dyad_events(events, since=table.start, until=table.end)
    rows: dict[Pair, list[Dated]] = defaultdict(list)
    for pair, day, e in kept:
        rows[pair].append((day, e))
    out = []
    for a, b in table.pairs():
        ab, ba = sorted(rows[(a, b)], key=day_key), sorted(rows[(b, a)], key=day_key)
        if len(ab) + len(ba) >= MIN_PAIR_EVENTS:
            out.append(PairEvents((a, b), tuple(ab), tuple(ba)))
    return out[:MAX_PAIRS]


def chart_file(pair: Pair) -> str:
    from ..analysis.report import chart_name

    return CHART_PREFIX + chart_name(pair).removeprefix("dyad_").replace("_", "-")


def draw_dyad_charts(analysis: RecordAnalysis, events: Sequence[Event],
                     out_dir: Path) -> dict[Pair, Chart]:
    """The analysis's chart of each pair of ``shown_pairs`` (both sides' daily conflict with
    its phases, and the forecast with its backtest when one is shown), as PNG files."""
    from ..analysis.charts import pair_chart

    models = {m.pair: m for m in analysis.models}
    out: dict[Pair, Chart] = {}
    for g in shown_pairs(analysis, events):
        model = models.get(g.pair)
        name = chart_file(g.pair)
        pair_chart(analysis, g.pair, model, out_dir / name)
        a, b = (actor_name(k) for k in g.pair)
        forecast = (" Below: the forecast of a hostile act, with its interval and its "
                    "backtest." if model is not None and model.shown() else "")
        out[g.pair] = Chart(
            name, f"Daily conflict and cooperation between {a} and {b}, with phases",
            f"Daily Goldstein-weighted conflict (grey, above zero) and cooperation (blue, below "
            f"zero) of {a} toward {b} (top) and of {b} toward {a}, with the 7-day mean of "
            f"conflict; red shading marks escalation phases, green de-escalation.{forecast}")
    return out


def escalation_section(analysis: RecordAnalysis | None, events: Sequence[Event],
                       links: Sequence[Link], cites: Citations,
                       charts: Mapping[Pair, Chart] | None = None) -> Section:
    """A subsection per pair of ``shown_pairs``; a note when there is none."""
    section = Section(TITLE, anchor="escalation")
    if analysis is None:
        section.note = "The escalation analysis was not run for this brief."
        return section
    groups = shown_pairs(analysis, events)
    if not groups:
        section.note = (f"No pair of actors has {MIN_PAIR_EVENTS} or more events that happened, "
                        "dated to the day or week, between them: too few for an escalation "
                        f"analysis.{_left_out(analysis)}")
        return section
    section.note = METHOD_NOTE + _left_out(analysis)
    by_id = {e.event_id: e for e in events}
    for g in groups:
        section.subsections.append(
            _pair_section(g, analysis, links, by_id, cites, (charts or {}).get(g.pair)))
    return section


def _left_out(analysis: RecordAnalysis) -> str:
    skipped = analysis.dyads.skipped
    if not skipped:
        return ""
    parts = ", ".join(f"{n} ({_REASONS.get(why, why)})" for why, n in sorted(skipped.items()))
    return f" Events left out of the analysis: {parts}."


def _pair_section(g: PairEvents, analysis: RecordAnalysis, links: Sequence[Link],
                  by_id: Mapping[str, Event], cites: Citations, chart: Chart | None) -> Section:
    a, b = g.pair
    sub = Section(f"{actor_name(a)} and {actor_name(b)}", level=3,
                  anchor=f"escalation-{chart_file(g.pair).removeprefix(CHART_PREFIX)[:-4]}")
    notes: list[str] = []
    for source, target in ((a, b), (b, a)):
        rows = g.direction(source)
        if not rows:
            notes.append(f"The record has no act by {actor_name(source)} toward "
                         f"{actor_name(target)}.")
            continue
        series = analysis.dyads.get(source, target)
        assert series is not None
        sub.items.append(Item(tuple(activity_lines(source, target, rows, series, cites)),
                              kind="dyad-activity"))
    recip = reciprocity_lines(g, analysis, links, by_id, cites)
    if recip:
        sub.items.append(Item(tuple(recip), kind="dyad-reciprocity"))
    for group in phase_lines(g, analysis, cites, notes):
        sub.items.append(Item(tuple(group), kind="dyad-phases"))
    model = next((m for m in analysis.models if m.pair == g.pair), None)
    forecast = forecast_lines(g, model, cites, notes, analysis.config)
    if forecast:
        sub.items.append(Item(tuple(forecast), kind="dyad-forecast"))
    if chart is not None:
        sub.charts.append(chart)
    sub.note = " ".join(notes) or None
    return sub


