"""The probability of at least one hostile act in the next ``h`` days under a fitted Hawkes model.

For either side the probability is exact: with no new event the intensity decays
deterministically, so ``P(no event in (T, T+h]) = exp(-integral of lambda_0 + lambda_1)``.
For one direction (stream ``i``) the other stream's events in the window can trigger ``i`` events,
so it is estimated by simulation, conditioned (Rao-Blackwellised) for low variance:
``P(no i event) = E[exp(-integral lambda_i)]`` over paths of stream ``j`` simulated by Ogata's
thinning with stream ``i`` held silent, which is exactly the law of ``j`` on that event.
The interval comes from the bootstrap parameter draws: one forecast per draw, whose spread on
the logit scale is put around the point forecast.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.stats import norm  # type: ignore[import-untyped, unused-ignore]

from ..errors import ConfigError
from .hawkes import FloatArray, HawkesFit, HawkesParams, Marked, state_at

_MAX_SIM_EVENTS = 10_000
_P_CLIP = 1e-6


@dataclass(frozen=True, slots=True)
class HorizonForecast:
    """P(at least one hostile act in the next ``horizon_days``): by either side, A→B, B→A."""

    horizon_days: int
    p_any: float
    p_ab: float
    p_ba: float
    interval_any: tuple[float, float] | None = None
    interval_ab: tuple[float, float] | None = None
    interval_ba: tuple[float, float] | None = None


def p_any(params: HawkesParams, state: tuple[float, float], horizon: float) -> float:
    """Exact P(at least one event of either stream within ``horizon``) from state ``r``."""
    (a00, a01), (a10, a11) = params.alpha
    r0, r1 = state
    excited = ((a00 + a10) * r0 + (a01 + a11) * r1) * (1 - math.exp(-params.beta * horizon))
    return 1.0 - math.exp(-(sum(params.mu) * horizon + excited))


def p_stream(params: HawkesParams, state: tuple[float, float], horizons: Sequence[float],
             stream: int, rng: np.random.Generator, n_sims: int) -> FloatArray:
    """P(at least one event of ``stream`` within each horizon), by conditioned simulation."""
    i, j = stream, 1 - stream
    beta, h_max = params.beta, max(horizons)
    a_ii, a_ij = params.alpha[i][i], params.alpha[i][j]
    base = [params.mu[i] * h + (a_ii * state[i] + a_ij * state[j]) * (1 - math.exp(-beta * h))
            for h in horizons]
    survive = np.zeros(len(horizons))
    for _ in range(n_sims):
        others = _silent_path(params, state, j, h_max, rng)
        for k, h in enumerate(horizons):
            extra = sum(1 - math.exp(-beta * (h - s)) for s in others if s <= h)
            survive[k] += math.exp(-(base[k] + a_ij * extra))
    return np.asarray(1.0 - survive / max(n_sims, 1), dtype=np.float64)


def _silent_path(params: HawkesParams, state: tuple[float, float], j: int, h_max: float,
                 rng: np.random.Generator) -> list[float]:
    """Event times in ``(0, h_max]`` of stream ``j`` alone, the other stream held silent."""
    beta, mu_j = params.beta, params.mu[j]
    a_jj, a_ji = params.alpha[j][j], params.alpha[j][1 - j]
    r_j, r_i = state[j], state[1 - j]
    t, out = 0.0, list[float]()
    while len(out) < _MAX_SIM_EVENTS:
        bound = mu_j + beta * (a_jj * r_j + a_ji * r_i)
        t_next = t + float(rng.exponential(1.0 / bound))
        if t_next > h_max:
            break
        e = math.exp(-beta * (t_next - t))
        r_j, r_i, t = r_j * e, r_i * e, t_next
        if float(rng.random()) * bound < mu_j + beta * (a_jj * r_j + a_ji * r_i):
            out.append(t)
            r_j += 1.0
    return out


def probabilities(params: HawkesParams, history: Marked, origin: float,
                  horizons: Sequence[float], rng: np.random.Generator, n_sims: int) -> FloatArray:
    """Rows: either side, stream 0, stream 1; columns: ``horizons``. ``n_sims`` = 0 skips the
    per-stream simulation (those rows are NaN)."""
    state = state_at(params, history, origin)
    out = np.full((3, len(horizons)), np.nan)
    out[0] = [p_any(params, state, h) for h in horizons]
    if n_sims > 0:
        out[1] = p_stream(params, state, horizons, 0, rng, n_sims)
        out[2] = p_stream(params, state, horizons, 1, rng, n_sims)
    return out


def _logit(p: FloatArray) -> FloatArray:
    q = np.clip(p, _P_CLIP, 1 - _P_CLIP)
    return np.asarray(np.log(q / (1 - q)), dtype=np.float64)


def logit_normal_band(point: FloatArray, per_draw: FloatArray, level: float) -> FloatArray:
    """``logit(point) ± z * sd(logit(draws))``, mapped back: an interval that holds the point
    estimate and stays inside (0, 1). Percentiles of the draws do not always hold the point: the
    refitted draws share the small-sample bias of the Hawkes estimate (too little excitation)."""
    z = float(norm.ppf(0.5 + level / 2))
    half = z * np.std(_logit(per_draw), axis=0, ddof=1)
    centre = _logit(point)
    band = 1 / (1 + np.exp(-np.stack([centre - half, centre + half])))
    return np.asarray(band, dtype=np.float64)  # (2, *point.shape)


def forecast(result: HawkesFit, history: Marked, origin: float, horizons: Sequence[int],
             rng: np.random.Generator, *, draws: FloatArray | None = None, n_sims: int = 2000,
             n_sims_draw: int = 200, level: float = 0.9) -> tuple[HorizonForecast, ...]:
    """Point forecast at the estimate, with an interval from one forecast per bootstrap draw
    (see :func:`logit_normal_band`); no interval with fewer than two draws."""
    if not horizons or min(horizons) <= 0:
        raise ConfigError(f"horizons must be positive days, got {list(horizons)}")
    point = probabilities(result.params, history, origin, horizons, rng, n_sims)
    bands: FloatArray | None = None
    if draws is not None and len(draws) >= 2:
        per_draw = np.array([probabilities(HawkesParams.from_vector(d), history, origin, horizons,
                                           rng, n_sims_draw) for d in draws])
        bands = logit_normal_band(point, per_draw, level)
    out = []
    for k, h in enumerate(horizons):
        iv = [None if bands is None or np.isnan(bands[:, row, k]).any()
              else (float(bands[0, row, k]), float(bands[1, row, k])) for row in range(3)]
        out.append(HorizonForecast(int(h), float(point[0, k]), float(point[1, k]),
                                   float(point[2, k]), iv[0], iv[1], iv[2]))
    return tuple(out)
