"""Geometry of the dyad page's chart, drawn as inline SVG by the template (no script: the page
stays inside the Content-Security-Policy). One bar per day: ``a → b`` conflict above the axis,
``b → a`` below; each direction's phases shaded behind its half, coloured by trend."""

from __future__ import annotations

from datetime import date
from typing import Any

WIDTH, HEIGHT, LEFT, TOP, BOTTOM = 900, 260, 44, 14, 30


def _ticks(days: list[str], x: float, step: float) -> list[dict[str, Any]]:
    """About eight date labels, on Mondays when the window is longer than two weeks."""
    every = max(1, round(len(days) / 8))
    if len(days) > 14:
        every = max(7, (every + 6) // 7 * 7)
        first = next((k for k, d in enumerate(days) if date.fromisoformat(d).weekday() == 0), 0)
    else:
        first = 0
    return [{"x": round(x + (k + 0.5) * step, 1), "label": days[k][5:]}
            for k in range(first, len(days), every)]


def _bars(rows: list[dict[str, Any]], x: float, step: float, mid: float, scale: float,
          up: bool) -> list[dict[str, Any]]:
    out = []
    for k, r in enumerate(rows):
        if r["conflict"] <= 0 and r["n_events"] == 0:
            continue
        h = max(1.5, r["conflict"] * scale)
        out.append({"x": round(x + k * step + step * 0.1, 1), "w": round(max(step * 0.8, 1), 1),
                    "y": round(mid - h if up else mid, 1), "h": round(h, 1), "day": r["day"],
                    "conflict": round(r["conflict"], 1), "n_events": r["n_events"],
                    "n_hostile": r["n_hostile"]})
    return out


def _bands(phases: list[dict[str, Any]], days: list[str], x: float, step: float, y: float,
           h: float) -> list[dict[str, Any]]:
    index = {d: k for k, d in enumerate(days)}
    out = []
    for p in phases:
        k0, k1 = index.get(p["start"], 0), index.get(p["end"], len(days) - 1)
        out.append({"x": round(x + k0 * step, 1), "w": round((k1 - k0 + 1) * step, 1),
                    "y": round(y, 1), "h": round(h, 1), "trend": p["trend"],
                    "label": f"{p['start']} – {p['end']}: {p['trend']}, {p['mean']:.1f}/day"})
    return out


def dyad_chart(view: dict[str, Any]) -> dict[str, Any]:
    """Bars, phase bands, axis and tick labels for the page's SVG."""
    ab, ba = view["daily"]["ab"], view["daily"]["ba"]
    days = [r["day"] for r in ab]
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - TOP - BOTTOM
    mid = TOP + plot_h / 2
    step = plot_w / max(len(days), 1)
    peak = max([r["conflict"] for r in ab + ba] + [1.0])
    scale = (plot_h / 2 - 4) / peak
    dirs = view["directions"]
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - 8, "mid": round(mid, 1),
            "top": TOP, "bottom": TOP + plot_h, "peak": round(peak, 1),
            "bars_ab": _bars(ab, LEFT, step, mid, scale, True),
            "bars_ba": _bars(ba, LEFT, step, mid, scale, False),
            "bands": _bands(dirs["ab"]["phases"], days, LEFT, step, TOP, plot_h / 2)
            + _bands(dirs["ba"]["phases"], days, LEFT, step, mid, plot_h / 2),
            "ticks": _ticks(days, LEFT, step), "label_y": TOP + plot_h + 18}
