"""matplotlib charts (Agg, no pyplot state): a pair's conflict series, phases and forecast."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from ..errors import ExportError
from .dyads import Pair
from .record import PairModel, RecordAnalysis

_TREND_COLOURS = {"escalation": "#d62728", "de-escalation": "#2ca02c"}


def _series_panel(ax: Any, analysis: RecordAnalysis, source: str, target: str) -> None:
    series = analysis.dyads.get(source, target)
    ax.set_title(f"{source} → {target}: daily Goldstein-weighted conflict", fontsize=9)
    ax.set_ylabel("conflict")
    if series is None:
        ax.text(0.5, 0.5, "no events", ha="center", va="center", transform=ax.transAxes)
        return
    days = [p.start for p in series.daily]
    ax.fill_between(days, [p.conflict for p in series.daily], step="post", color="#444444",
                    lw=0, label="conflict")
    ax.fill_between(days, [-p.cooperation for p in series.daily], step="post", color="#1f77b4",
                    lw=0, label="cooperation (below 0)")
    conflict = np.array([p.conflict for p in series.daily])
    if len(conflict) >= 7:
        smooth = np.convolve(conflict, np.ones(7) / 7, mode="full")[: len(conflict)]
        ax.plot(days, smooth, color="#ff7f0e", lw=1.2, label="7-day mean")
    ax.legend(fontsize=7, loc="upper left")
    for phase in analysis.phases.get((source, target), ()):
        colour = _TREND_COLOURS.get(phase.trend)
        if colour:
            ax.axvspan(phase.start, phase.end, color=colour, alpha=0.15, lw=0)
    ax.axhline(0, color="black", lw=0.5)


def _forecast_panel(ax: Any, model: PairModel) -> None:
    a, b = model.pair
    shown = model.shown()
    if not shown:
        ax.text(0.5, 0.5, "forecast withheld: record too short to backtest", ha="center",
                va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return
    labels = ("either side", f"{a}→{b}", f"{b}→{a}")
    for k, (f, bt) in enumerate(shown):
        points = ((f.p_any, f.interval_any), (f.p_ab, f.interval_ab), (f.p_ba, f.interval_ba))
        for j, (p, iv) in enumerate(points):
            x = k * 4 + j
            err = [[p - iv[0]], [iv[1] - p]] if iv else None
            ax.errorbar([x], [p], yerr=err, fmt="o", color=f"C{j}", capsize=3,
                        label=labels[j] if k == 0 else None)
        sc = bt.score("any")
        if sc:
            ax.text(k * 4 + 1, 1.04, f"{f.horizon_days} d: Brier {sc.brier_hawkes:.3f} "
                    f"vs base {sc.brier_base:.3f} ({bt.n_origins} origins)", ha="center",
                    fontsize=7)
    ax.set_xticks([k * 4 + 1 for k in range(len(shown))],
                  [f"next {f.horizon_days} days" for f, _ in shown])
    ax.set_ylim(0, 1.12)
    ax.set_ylabel("P(≥1 hostile act)")
    ax.set_title(f"Hawkes forecast from {model.origin} (interval: {model.boot.level:.0%} "
                 "bootstrap)", fontsize=9)
    ax.legend(fontsize=7, loc="center")


def pair_chart(analysis: RecordAnalysis, pair: Pair, model: PairModel | None, path: Path) -> None:
    rows = 3 if model else 2
    fig = Figure(figsize=(9, 2.6 * rows))
    fig.subplots_adjust(left=0.08, right=0.98, top=0.94, bottom=0.08, hspace=0.45)
    axes = fig.subplots(rows, 1)
    _series_panel(axes[0], analysis, pair[0], pair[1])
    _series_panel(axes[1], analysis, pair[1], pair[0])
    if model:
        _forecast_panel(axes[2], model)
    try:
        fig.savefig(path, dpi=100)
    except OSError as exc:
        raise ExportError(f"cannot write chart: {exc}", path=str(path)) from exc
