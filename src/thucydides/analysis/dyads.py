"""Dyad dynamics: per directed actor pair, daily and weekly event counts and Goldstein-weighted
conflict and cooperation; per undirected pair, reciprocity from the action → reaction links.

An actor is keyed by its country (ISO-3) or, for a stateless actor, its name. Only events that
happened (status ``occurred`` or ``claimed``), with both actors and a date to the day or week,
enter the series; the rest are counted in ``DyadTable.skipped``. Conflict is the sum of
``|goldstein|`` over events with a negative score, cooperation the sum over positive ones (an
event without a score takes its PLOVER type's median score in the CAMEO crosswalk).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import pandas as pd

from ..errors import ConfigError
from ..records import Event, Link
from .common import actor_key, event_day, goldstein_of, happened, is_hostile

Freq = Literal["D", "W"]
Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Period:
    """One day (or the week starting on that Monday) of one directed dyad."""

    start: date
    n_events: int = 0
    n_hostile: int = 0
    conflict: float = 0.0
    cooperation: float = 0.0


@dataclass(frozen=True, slots=True)
class DyadSeries:
    source: str  # actor1's key
    target: str  # actor2's key
    daily: tuple[Period, ...]
    weekly: tuple[Period, ...]

    @property
    def n_events(self) -> int:
        return sum(p.n_events for p in self.daily)

    @property
    def n_hostile(self) -> int:
        return sum(p.n_hostile for p in self.daily)

    @property
    def conflict(self) -> float:
        return sum(p.conflict for p in self.daily)

    @property
    def cooperation(self) -> float:
        return sum(p.cooperation for p in self.daily)


@dataclass(frozen=True, slots=True)
class Answering:
    """How ``responder`` answers ``actor``'s hostile acts toward it."""

    actor: str
    responder: str
    n_hostile: int  # actor's hostile acts toward responder
    n_answered: int  # ... with at least one linked responder → actor reaction
    median_lag_days: float | None  # lag to the first answer
    mean_lag_days: float | None

    @property
    def rate(self) -> float | None:
        return self.n_answered / self.n_hostile if self.n_hostile else None


@dataclass(frozen=True, slots=True)
class Reciprocity:
    pair: Pair  # sorted keys (a, b)
    a_to_b: Answering  # a's hostile acts and b's answers
    b_to_a: Answering


@dataclass(frozen=True, slots=True)
class DyadTable:
    start: date | None  # first and last day of the series (None when no event counted)
    end: date | None
    series: tuple[DyadSeries, ...]  # busiest first
    reciprocity: tuple[Reciprocity, ...]
    skipped: dict[str, int]  # reason → events left out

    def get(self, source: str, target: str) -> DyadSeries | None:
        return next((s for s in self.series if (s.source, s.target) == (source, target)), None)

    def pairs(self) -> list[Pair]:
        """Undirected pairs of distinct actors, busiest (hostile acts both ways) first."""
        hostile: Counter[Pair] = Counter()
        for s in self.series:
            if s.source != s.target:
                hostile[_sorted_pair(s.source, s.target)] += s.n_hostile
        return sorted(hostile, key=lambda p: (-hostile[p], p))

    def frame(self, freq: Freq = "D") -> pd.DataFrame:
        """Long table: source, target, period, n_events, n_hostile, conflict, cooperation."""
        rows = [{"source": s.source, "target": s.target, "period": p.start,
                 "n_events": p.n_events, "n_hostile": p.n_hostile,
                 "conflict": p.conflict, "cooperation": p.cooperation}
                for s in self.series for p in (s.daily if freq == "D" else s.weekly)]
        cols = ["source", "target", "period", "n_events", "n_hostile", "conflict", "cooperation"]
        return pd.DataFrame(rows, columns=cols)

    def reciprocity_frame(self) -> pd.DataFrame:
        rows = [{"actor": a.actor, "responder": a.responder, "n_hostile": a.n_hostile,
                 "n_answered": a.n_answered, "rate": a.rate,
                 "median_lag_days": a.median_lag_days, "mean_lag_days": a.mean_lag_days}
                for r in self.reciprocity for a in (r.a_to_b, r.b_to_a)]
        return pd.DataFrame(rows, columns=["actor", "responder", "n_hostile", "n_answered", "rate",
                                           "median_lag_days", "mean_lag_days"])


def _sorted_pair(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def dyad_events(events: Iterable[Event], *, since: date | None = None,
                until: date | None = None) -> tuple[list[tuple[Pair, date, Event]], Counter[str]]:
    """The events that count, as ((source, target), day, event), and why the others were left out."""
    kept: list[tuple[Pair, date, Event]] = []
    skipped: Counter[str] = Counter()
    for e in events:
        src, tgt, day = actor_key(e.actor1), actor_key(e.actor2), event_day(e)
        reason = ("not happened" if not happened(e) else "no actor1" if src is None
                  else "no actor2" if tgt is None else "no day date" if day is None
                  else "outside window" if (since and day < since) or (until and day > until)
                  else None)
        if reason:
            skipped[reason] += 1
        else:
            assert src is not None and tgt is not None and day is not None
            kept.append(((src, tgt), day, e))
    return kept, skipped


def build_dyads(events: Sequence[Event], links: Iterable[Link] = (), *, since: date | None = None,
                until: date | None = None) -> DyadTable:
    """Series for every directed dyad and reciprocity for every undirected pair."""
    if since and until and since > until:
        raise ConfigError(f"since ({since}) is after until ({until})")
    kept, skipped = dyad_events(events, since=since, until=until)
    if not kept:
        return DyadTable(None, None, (), (), dict(skipped))
    start = since or min(d for _, d, _ in kept)
    end = until or max(d for _, d, _ in kept)
    by_pair: dict[Pair, list[tuple[date, Event]]] = defaultdict(list)
    for pair, day, e in kept:
        by_pair[pair].append((day, e))
    series = [_series(pair, rows, start, end) for pair, rows in by_pair.items()]
    series.sort(key=lambda s: (-s.n_hostile, -s.n_events, s.source, s.target))
    recip = _reciprocity(kept, list(links), events)
    return DyadTable(start, end, tuple(series), recip, dict(skipped))


def _series(pair: Pair, rows: list[tuple[date, Event]], start: date, end: date) -> DyadSeries:
    n_days = (end - start).days + 1
    count, hostile = [0] * n_days, [0] * n_days
    conflict, coop = [0.0] * n_days, [0.0] * n_days
    for day, e in rows:
        k = (day - start).days
        count[k] += 1
        hostile[k] += is_hostile(e)
        g = goldstein_of(e) or 0.0
        conflict[k] += -g if g < 0 else 0.0
        coop[k] += g if g > 0 else 0.0
    daily = tuple(Period(start + timedelta(k), count[k], hostile[k], conflict[k], coop[k])
                  for k in range(n_days))
    return DyadSeries(pair[0], pair[1], daily, _weekly(daily))


def _weekly(daily: tuple[Period, ...]) -> tuple[Period, ...]:
    """Sum days into weeks starting on Monday (the first and last week may be partial)."""
    weeks: dict[date, list[Period]] = defaultdict(list)
    for p in daily:
        weeks[p.start - timedelta(p.start.weekday())].append(p)
    return tuple(Period(w, sum(p.n_events for p in ps), sum(p.n_hostile for p in ps),
                        sum(p.conflict for p in ps), sum(p.cooperation for p in ps))
                 for w, ps in sorted(weeks.items()))


def _reciprocity(kept: list[tuple[Pair, date, Event]], links: list[Link],
                 events: Sequence[Event]) -> tuple[Reciprocity, ...]:
    """A's hostile act toward B is answered when a link makes a happened B → A event (or a B event
    with no stated target) its reaction. Lag: the link's own, else the difference of the dates."""
    by_id = {e.event_id: e for e in events}
    reactions: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        reactions[link.action_id].append(link)
    acts: dict[Pair, list[tuple[bool, float | None]]] = defaultdict(list)  # answered?, lag
    for (src, tgt), day, e in kept:
        if src == tgt or not is_hostile(e):
            continue
        lags = [_lag(link, day, by_id.get(link.reaction_id)) for link in reactions[e.event_id]
                if _answers(by_id.get(link.reaction_id), src, tgt)]
        known = [x for x in lags if x is not None]
        acts[(src, tgt)].append((bool(lags), min(known) if known else None))
    pairs = sorted({_sorted_pair(a, b) for a, b in acts})
    return tuple(Reciprocity((a, b), _answering(a, b, acts[(a, b)]), _answering(b, a, acts[(b, a)]))
                 for a, b in pairs)


def _answers(reaction: Event | None, actor: str, responder: str) -> bool:
    if reaction is None or not happened(reaction) or actor_key(reaction.actor1) != responder:
        return False
    target = actor_key(reaction.actor2)
    return target is None or target == actor


def _lag(link: Link, day: date, reaction: Event | None) -> float | None:
    if link.lag_days is not None:
        return float(link.lag_days)
    other = event_day(reaction) if reaction is not None else None
    return float((other - day).days) if other is not None else None


def _answering(actor: str, responder: str, acts: list[tuple[bool, float | None]]) -> Answering:
    lags = [lag for answered, lag in acts if answered and lag is not None]
    return Answering(actor, responder, len(acts), sum(answered for answered, _ in acts),
                     statistics.median(lags) if lags else None,
                     statistics.fmean(lags) if lags else None)
