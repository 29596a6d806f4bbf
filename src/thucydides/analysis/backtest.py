"""Rolling-origin backtest of the Hawkes forecast against a base-rate forecast.

At each origin day ``D`` (every ``step`` days once ``min_train_days`` have passed) the model is
fitted on the events before ``D`` and forecasts P(at least one hostile act in ``[D, D+h)``); the
outcome is read from the record. The base rate is the empirical daily rate before ``D``:
``1 - exp(-rate * h)``. Scores are Brier scores (lower is better) over the origins whose whole
horizon lies inside the record. Origins ``step`` days apart overlap when ``h > step``, so the
origins are not independent: read ``n_origins`` as an upper bound on the evidence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from ..errors import ConfigError
from .forecast import probabilities
from .hawkes import HawkesFit, Marked, fit

Target = Literal["any", "ab", "ba"]
TARGETS: tuple[Target, ...] = ("any", "ab", "ba")


@dataclass(frozen=True, slots=True)
class OriginForecast:
    origin: int  # day index from the start of the record
    p_hawkes: tuple[float, float, float]  # any, A→B, B→A
    p_base: tuple[float, float, float]
    outcome: tuple[bool, bool, bool]


@dataclass(frozen=True, slots=True)
class Score:
    target: Target
    brier_hawkes: float
    brier_base: float

    @property
    def skill(self) -> float | None:
        """Brier skill score against the base rate: > 0 means the Hawkes forecast is better."""
        return None if self.brier_base == 0 else 1 - self.brier_hawkes / self.brier_base


@dataclass(frozen=True, slots=True)
class Backtest:
    horizon_days: int
    step_days: int
    n_origins: int
    scores: tuple[Score, ...]  # one per target, empty without origins
    origins: tuple[OriginForecast, ...]
    n_skipped: int = 0  # origins with too few events before them to fit

    def score(self, target: Target = "any") -> Score | None:
        return next((s for s in self.scores if s.target == target), None)


def base_rate(data: Marked, origin: float, horizon: float) -> tuple[float, float, float]:
    """P(at least one event within ``horizon``) at the empirical rates before ``origin``."""
    n0, n1 = data.before(origin).counts()
    p = [1 - math.exp(-n / origin * horizon) for n in (n0 + n1, n0, n1)]
    return p[0], p[1], p[2]


def _outcome(data: Marked, origin: float, horizon: float) -> tuple[bool, bool, bool]:
    window = (data.times >= origin) & (data.times < origin + horizon)
    return bool(window.any()), bool((window & (data.marks == 0)).any()), \
        bool((window & (data.marks == 1)).any())


def backtest(data: Marked, end: float, horizons: Sequence[int], rng: np.random.Generator, *,
             step: int = 7, min_train_days: int = 30, min_events: int = 5,
             n_sims: int = 200) -> tuple[Backtest, ...]:
    """One :class:`Backtest` per horizon on ``data`` observed over ``[0, end]`` (days).

    ``n_sims`` = 0 scores only the either-side forecast (the per-direction ones need simulation).
    """
    if step < 1 or min_train_days < 1 or not horizons or min(horizons) < 1:
        raise ConfigError("step, min_train_days and horizons must be positive")
    rows: dict[int, list[OriginForecast]] = {h: [] for h in horizons}
    skipped, previous = 0, None
    for origin in range(min_train_days, int(end - min(horizons)) + 1, step):
        train = data.before(origin)
        if len(train) < min_events:
            skipped += 1
            continue
        previous = _refit(train, origin, previous)
        live = [h for h in horizons if origin + h <= end]
        probs = probabilities(previous.params, train, origin, live, rng, n_sims)
        for k, h in enumerate(live):
            p = (float(probs[0, k]), float(probs[1, k]), float(probs[2, k]))
            rows[h].append(OriginForecast(origin, p, base_rate(data, origin, h),
                                          _outcome(data, origin, h)))
    return tuple(_summarise(h, step, rows[h], skipped) for h in horizons)


def _refit(train: Marked, origin: float, previous: HawkesFit | None) -> HawkesFit:
    """Fit on ``[0, origin]``, warm-started from the previous origin's estimate when there is one."""
    return fit(train, 0.0, origin, start=previous.params if previous else None)


def _summarise(horizon: int, step: int, rows: list[OriginForecast], skipped: int) -> Backtest:
    scores = []
    for k, target in enumerate(TARGETS):
        usable = [r for r in rows if not math.isnan(r.p_hawkes[k])]
        if not usable:
            continue
        y = np.array([r.outcome[k] for r in usable], dtype=np.float64)
        ph = np.array([r.p_hawkes[k] for r in usable])
        pb = np.array([r.p_base[k] for r in usable])
        scores.append(Score(target, float(np.mean((ph - y) ** 2)), float(np.mean((pb - y) ** 2))))
    return Backtest(horizon, step, len(rows), tuple(scores), tuple(rows), skipped)
