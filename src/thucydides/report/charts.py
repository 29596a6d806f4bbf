"""Charts of the brief, drawn with matplotlib's object API (no pyplot state) into PNG files.

Only events that happened and carry a day-precise date are drawn; with none, no chart is made.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..records import HAPPENED, Event
from .model import Chart
from .text import country_name

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

EVENTS_FILE = "brief-events-per-day.png"
CASUALTIES_FILE = "brief-casualties.png"
_TOP_ACTORS = 7
_OTHERS = "Other actors"
_UNKNOWN = "Actor not known"


def event_day(e: Event) -> datetime.date | None:
    """The event's day, when it happened and its date is day-precise."""
    if e.status not in HAPPENED or not e.date or e.date_precision not in (None, "day"):
        return None
    try:
        return datetime.date.fromisoformat(e.date)
    except ValueError:
        return None


def actor_group(e: Event) -> str:
    """The first actor's country, or its own name when it has none."""
    a = e.actor1
    if a is None:
        return _UNKNOWN
    return country_name(a.country) if a.country else (a.name or a.text)


def draw_charts(events: Sequence[Event], out_dir: Path) -> list[Chart]:
    """Write the charts into ``out_dir``; returns what was drawn (nothing without dated events)."""
    dated = [(d, e) for e in events if (d := event_day(e)) is not None]
    if not dated:
        return []
    skipped = sum(1 for e in events if e.status in HAPPENED) - len(dated)
    charts = [_events_per_day(dated, out_dir, skipped)]
    casualties = _casualties(dated, out_dir)
    if casualties is not None:
        charts.append(casualties)
    return charts


def _days(dated: Sequence[tuple[datetime.date, Event]]) -> list[datetime.date]:
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    return [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]


def _figure() -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8.0, 3.4), dpi=110, layout="constrained")
    return fig, fig.add_subplot()


def _date_axis(ax: Axes, days: Sequence[datetime.date]) -> None:
    from matplotlib.dates import AutoDateLocator, DateFormatter
    from matplotlib.ticker import MaxNLocator

    fmt = "%d %b\n%Y" if _spans_years(days) else "%d %b"
    ax.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=10))  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(DateFormatter(fmt))  # type: ignore[no-untyped-call]
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    pad = datetime.timedelta(days=1)
    ax.set_xlim(days[0] - pad, days[-1] + pad)  # type: ignore[arg-type]
    ax.grid(axis="y", alpha=0.3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _spans_years(days: Sequence[datetime.date]) -> bool:
    return days[0].year != days[-1].year


def _save(fig: Figure, path: Path) -> None:
    fig.savefig(path, format="png", metadata={"Software": None})


def _events_per_day(dated: Sequence[tuple[datetime.date, Event]], out_dir: Path,
                    skipped: int) -> Chart:
    groups = Counter(actor_group(e) for _, e in dated)
    top = [g for g, _ in groups.most_common(_TOP_ACTORS)]
    label = {g: g if g in top else _OTHERS for g in groups}
    days = _days(dated)
    fig, ax = _figure()
    bottom = [0] * len(days)
    for name in [*top, _OTHERS]:
        counts = Counter(d for d, e in dated if label[actor_group(e)] == name)
        heights = [counts.get(day, 0) for day in days]
        if any(heights):
            ax.bar(days, heights, bottom=bottom, width=0.8, label=name)  # type: ignore[arg-type]
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_ylabel("events")
    ax.legend(fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _date_axis(ax, days)
    _save(fig, out_dir / EVENTS_FILE)
    note = f" {skipped} events without a day-precise date are not drawn." if skipped else ""
    return Chart(EVENTS_FILE, "Bar chart of events per day, stacked by actor",
                 "Events that happened, per day, by the country (or group) of the actor that "
                 f"carried them out.{note}")


def _casualties(dated: Sequence[tuple[datetime.date, Event]], out_dir: Path) -> Chart | None:
    series: dict[str, dict[datetime.date, list[int]]] = {"killed": {}, "injured": {}}
    for day, e in dated:
        for kind, count in (("killed", e.killed), ("injured", e.injured)):
            if count is None:
                continue
            best = next((v for v in (count.best, count.low, count.high) if v is not None), None)
            if best is None:
                continue
            low = count.low if count.low is not None else best
            high = count.high if count.high is not None else best
            acc = series[kind].setdefault(day, [0, 0, 0])
            acc[0], acc[1], acc[2] = acc[0] + best, acc[1] + low, acc[2] + high
    if not any(series.values()):
        return None
    days = _days(dated)
    fig, ax = _figure()
    for offset, (kind, color) in zip((-0.2, 0.2), (("killed", "#b2182b"), ("injured", "#ef8a62")),
                                     strict=True):
        points = sorted(series[kind].items())
        if not points:
            continue
        xs = [datetime.datetime(d.year, d.month, d.day) + datetime.timedelta(days=offset)
              for d, _ in points]
        heights = [v[0] for _, v in points]
        err = [[v[0] - v[1] for _, v in points], [v[2] - v[0] for _, v in points]]
        bars = ax.bar(xs, heights, width=0.4, color=color, label=kind,  # type: ignore[arg-type]
                      yerr=err, capsize=3, ecolor="#444444")
        ax.bar_label(bars, fontsize="x-small", padding=2)
    ax.set_ylabel("people")
    ax.legend(fontsize="small", frameon=False)
    _date_axis(ax, days)
    _save(fig, out_dir / CASUALTIES_FILE)
    return Chart(CASUALTIES_FILE, "Bar chart of people killed and injured per day",
                 "People killed and injured per day of the event: the record's best figure, "
                 "with a whisker spanning the lowest to the highest figure reported.")
