"""A record's analysis as JSON, as a Markdown section, and as PNG charts.

A forecast appears only beside its rolling-origin backtest: a horizon the record is too short to
backtest gets no forecast, just the reason.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from ..errors import ExportError
from .backtest import Backtest
from .changepoints import Phase
from .dyads import Answering, DyadSeries, Period
from .forecast import HorizonForecast
from .hawkes import BETA_BOUNDS
from .record import PairModel, RecordAnalysis

_MAX_TABLE_ROWS = 12


def _period_arrays(periods: tuple[Period, ...]) -> dict[str, Any]:
    return {"start": periods[0].start.isoformat() if periods else None,
            "n_events": [p.n_events for p in periods], "n_hostile": [p.n_hostile for p in periods],
            "conflict": [round(p.conflict, 3) for p in periods],
            "cooperation": [round(p.cooperation, 3) for p in periods]}


def _phase_json(p: Phase) -> dict[str, Any]:
    return {"start": p.start.isoformat(), "end": p.end.isoformat(), "days": p.days,
            "mean": round(p.mean, 4), "change": round(p.change, 4), "trend": p.trend}


def _series_json(s: DyadSeries, phases: tuple[Phase, ...] | None) -> dict[str, Any]:
    return {"source": s.source, "target": s.target, "n_events": s.n_events,
            "n_hostile": s.n_hostile, "conflict": round(s.conflict, 3),
            "cooperation": round(s.cooperation, 3),
            "phases": [_phase_json(p) for p in phases or ()],
            "daily": _period_arrays(s.daily), "weekly": _period_arrays(s.weekly)}


def _answering_json(a: Answering) -> dict[str, Any]:
    return {"actor": a.actor, "responder": a.responder, "n_hostile": a.n_hostile,
            "n_answered": a.n_answered, "rate": a.rate, "median_lag_days": a.median_lag_days,
            "mean_lag_days": a.mean_lag_days}


def _backtest_json(b: Backtest) -> dict[str, Any]:
    return {"horizon_days": b.horizon_days, "step_days": b.step_days, "n_origins": b.n_origins,
            "n_skipped": b.n_skipped,
            "scores": [{"target": s.target, "brier_hawkes": s.brier_hawkes,
                        "brier_base": s.brier_base, "skill": s.skill} for s in b.scores]}


def _forecast_json(f: HorizonForecast) -> dict[str, Any]:
    return {"horizon_days": f.horizon_days, "p_any": f.p_any, "p_ab": f.p_ab, "p_ba": f.p_ba,
            "interval_any": f.interval_any, "interval_ab": f.interval_ab,
            "interval_ba": f.interval_ba}


def _model_json(m: PairModel) -> dict[str, Any]:
    a, b = m.pair
    shown = m.shown()
    horizons = {f.horizon_days for f, _ in shown}
    return {
        "pair": [a, b], "streams": {"ab": f"{a}→{b}", "ba": f"{b}→{a}"},
        "start": m.start.isoformat(), "origin": m.origin.isoformat(),
        "n_events": list(m.fit.n_events), "loglik": m.fit.loglik, "converged": m.fit.converged,
        "params": m.fit.params.as_dict(), "branching_ratio": m.fit.params.branching_ratio,
        "intervals": {k: list(v) for k, v in m.boot.intervals.items()}, "level": m.boot.level,
        "n_boot": len(m.boot.draws), "n_boot_failed": m.boot.n_failed,
        "forecasts": [_forecast_json(f) for f, _ in shown],
        "backtests": [_backtest_json(bt) for bt in m.backtests],
        "withheld": [{"horizon_days": f.horizon_days, "reason": "record too short to backtest"}
                     for f in m.forecasts if f.horizon_days not in horizons],
    }


def to_json(analysis: RecordAnalysis) -> dict[str, Any]:
    """Everything the brief and the dashboard need, as plain JSON-able values."""
    t = analysis.dyads
    payload: dict[str, Any] = _finite({
        "window": {"start": t.start.isoformat() if t.start else None,
                   "end": t.end.isoformat() if t.end else None},
        "skipped": dict(t.skipped),
        "dyads": [_series_json(s, analysis.phases.get((s.source, s.target))) for s in t.series],
        "reciprocity": [{"pair": list(r.pair), "a_to_b": _answering_json(r.a_to_b),
                         "b_to_a": _answering_json(r.b_to_a)} for r in t.reciprocity],
        "models": [_model_json(m) for m in analysis.models],
        "notes": list(analysis.notes),
    })
    return payload


def _finite(value: Any) -> Any:
    """NaN and infinities (a forecast not computed) become None: JSON has no NaN."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


# -- Markdown --------------------------------------------------------------------------------


def _fmt_p(p: float, iv: tuple[float, float] | None) -> str:
    if p != p:  # NaN: not computed
        return "–"
    return f"{p:.2f}" + (f" [{iv[0]:.2f}, {iv[1]:.2f}]" if iv else "")


def _fmt_lag(x: float | None) -> str:
    return "–" if x is None else f"{x:.1f}"


def _dyad_lines(analysis: RecordAnalysis) -> list[str]:
    lines = ["| Dyad | Events | Hostile | Conflict | Cooperation | Current phase |",
             "|---|---:|---:|---:|---:|---|"]
    for s in analysis.dyads.series[:_MAX_TABLE_ROWS]:
        phases = analysis.phases.get((s.source, s.target))
        now = f"{phases[-1].trend} since {phases[-1].start}" if phases else "–"
        lines.append(f"| {s.source} → {s.target} | {s.n_events} | {s.n_hostile} | "
                     f"{s.conflict:.1f} | {s.cooperation:.1f} | {now} |")
    if len(analysis.dyads.series) > _MAX_TABLE_ROWS:
        lines.append(f"\n({len(analysis.dyads.series) - _MAX_TABLE_ROWS} quieter dyads not shown)")
    return lines


def _reciprocity_lines(analysis: RecordAnalysis) -> list[str]:
    rows = [a for r in analysis.dyads.reciprocity for a in (r.a_to_b, r.b_to_a) if a.n_hostile]
    if not rows:
        return []
    lines = ["", "**Reciprocity** (hostile acts answered by a linked reaction of the target)", "",
             "| Hostile acts of | Answered by | Acts | Answered | Median lag (days) | Mean lag |",
             "|---|---|---:|---:|---:|---:|"]
    lines += [f"| {a.actor} | {a.responder} | {a.n_hostile} | {a.n_answered} | "
              f"{_fmt_lag(a.median_lag_days)} | {_fmt_lag(a.mean_lag_days)} |"
              for a in rows[:_MAX_TABLE_ROWS]]
    return lines


def _phase_lines(analysis: RecordAnalysis) -> list[str]:
    lines = []
    for (src, tgt), phases in analysis.phases.items():
        if len(phases) > 1:
            parts = ", ".join(f"{p.start}–{p.end} {p.trend} ({p.mean:.1f}/day)" for p in phases)
            lines.append(f"- {src} → {tgt}: {parts}")
    return ["", "**Phases** of daily Goldstein-weighted conflict (change points):", "", *lines] \
        if lines else ["", "No change of phase detected in any dyad's conflict series."]


def _bound_note(beta: float) -> str:
    low, high = BETA_BOUNDS
    at = min(abs(beta - low) / low, abs(beta - high) / high) < 1e-3
    return ", at the bound of its search range: read the fit with care" if at else ""


def _model_lines(m: PairModel) -> list[str]:
    a, b = m.pair
    p = m.fit.params
    lines = ["", f"### {a} ↔ {b}", "",
             f"Bivariate Hawkes fit on {m.fit.n_events[0]} {a}→{b} and {m.fit.n_events[1]} "
             f"{b}→{a} hostile acts from {m.start}; branching ratio {p.branching_ratio:.2f}, "
             f"decay 1/β = {1 / p.beta:.1f} days{_bound_note(p.beta)} "
             f"({len(m.boot.draws)} bootstrap replicates)."]
    shown = m.shown()
    if not shown:
        return [*lines, "", "Forecast withheld: the record is too short to backtest it."]
    lines += ["", f"| From {m.origin}, next | P(any hostile act) | P({a}→{b}) | P({b}→{a}) | "
                  "Backtest Brier: Hawkes / base rate (origins) |", "|---|---|---|---|---|"]
    for f, bt in shown:
        sc = bt.score("any")
        brier = f"{sc.brier_hawkes:.3f} / {sc.brier_base:.3f} ({bt.n_origins})" if sc else "–"
        lines.append(f"| {f.horizon_days} days | {_fmt_p(f.p_any, f.interval_any)} | "
                     f"{_fmt_p(f.p_ab, f.interval_ab)} | {_fmt_p(f.p_ba, f.interval_ba)} | {brier} |")
    return lines


def to_markdown(analysis: RecordAnalysis) -> str:
    """A Markdown section: dyad table, reciprocity, phases, forecasts with their backtests."""
    t = analysis.dyads
    if t.start is None:
        return "## Dyad dynamics\n\nNo event with two actors and a day date to analyse.\n"
    out = ["## Dyad dynamics", "", f"Window {t.start} to {t.end}; events that happened "
           "(occurred or claimed), by actor1 → actor2.", "", *_dyad_lines(analysis),
           *_reciprocity_lines(analysis), *_phase_lines(analysis), "", "## Forecast"]
    if not analysis.models:
        out += ["", "No pair has enough hostile acts for a model."]
    level = round(100 * analysis.config.level)
    for m in analysis.models:
        out += _model_lines(m)
    if analysis.models:
        out += ["", f"Intervals: {level}%, from one forecast per parametric-bootstrap parameter draw. "
                "Brier scores (lower is better) from a rolling-origin backtest on this record, "
                "for a hostile act by either side; the base rate is the record's daily rate so "
                "far. Overlapping horizons make the origins dependent."]
    out += ["", *(f"- {n}" for n in analysis.notes)] if analysis.notes else []
    return "\n".join(out) + "\n"


def chart_name(pair: tuple[str, str]) -> str:
    """File name of a pair's chart: ``dyad_<a>_<b>.png`` with unsafe characters replaced."""
    return "dyad_" + "_".join(re.sub(r"[^A-Za-z0-9-]+", "-", k).strip("-") for k in pair) + ".png"


def write_charts(analysis: RecordAnalysis, out_dir: Path, *, max_pairs: int = 5) -> list[Path]:
    """One PNG per busiest pair: both directions' daily conflict with phase shading, and the
    forecast with its interval and backtest when the pair has a model."""
    from .charts import pair_chart  # matplotlib is imported only when charts are drawn

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {out_dir}: {exc}", path=str(out_dir)) from exc
    models = {m.pair: m for m in analysis.models}
    paths = []
    for pair in analysis.dyads.pairs()[:max_pairs]:
        path = out_dir / chart_name(pair)
        pair_chart(analysis, pair, models.get(pair), path)
        paths.append(path)
    return paths
