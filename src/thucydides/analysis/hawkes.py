"""A bivariate Hawkes process with exponential kernels: likelihood, fit, simulation, bootstrap.

The intensity of stream ``i`` (0 = A's hostile acts toward B, 1 = B's toward A) is

    lambda_i(t) = mu_i + sum_j alpha[i][j] * beta * sum_{t_l in j, t_l < t} exp(-beta (t - t_l))

so ``alpha[i][j]`` is a branching ratio: the expected number of ``i`` events one ``j`` event
triggers. One decay ``beta`` (per day) is shared by the four kernels: a record of a few hundred
events cannot pin down four decays. The process is stationary when the spectral radius of
``alpha`` is below 1.

The log-likelihood uses the exact O(n) recursion of Ozaki (1979), with its analytic gradient, and
is maximised by L-BFGS-B (scipy): no maintained Hawkes library fits on Python 3.11 here (tick's
learners fail at construction). Uncertainty comes from a parametric bootstrap: simulate the fitted
process by Ogata's thinning over the observed window, refit, and take bootstrap-normal (default)
or percentile intervals.
Every random draw comes from a ``numpy.random.Generator`` the caller passes in.
"""

from __future__ import annotations

import math
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize  # type: ignore[import-untyped, unused-ignore]
from scipy.stats import norm  # type: ignore[import-untyped, unused-ignore]

from ..errors import ConfigError

PARAM_NAMES: tuple[str, ...] = ("mu0", "mu1", "alpha00", "alpha01", "alpha10", "alpha11", "beta")
# decay bounds, per day: with day-resolution dates a kernel shorter than half a day is an
# artefact of the jitter inside a day, and one longer than a season is a trend, not excitation
BETA_BOUNDS: tuple[float, float] = (1 / 120, 2.0)
_MU_MIN = 1e-6
_ALPHA_MAX = 5.0

FloatArray = NDArray[np.float64]
IntervalMethod = Literal["normal", "percentile"]
IntArray = NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Marked:
    """Event times (days, sorted) of a two-stream point process, with the stream (0/1) of each."""

    times: FloatArray
    marks: IntArray

    @classmethod
    def build(cls, times: list[float] | FloatArray, marks: list[int] | IntArray) -> Marked:
        t = np.asarray(times, dtype=np.float64)
        m = np.asarray(marks, dtype=np.int64)
        if t.shape != m.shape:
            raise ConfigError("times and marks differ in length")
        order = np.argsort(t, kind="stable")
        return cls(t[order], m[order])

    @classmethod
    def empty(cls) -> Marked:
        return cls(np.zeros(0), np.zeros(0, dtype=np.int64))

    def before(self, t: float) -> Marked:
        cut = int(np.searchsorted(self.times, t, side="left"))
        return Marked(self.times[:cut], self.marks[:cut])

    def counts(self) -> tuple[int, int]:
        n1 = int(self.marks.sum())
        return len(self.marks) - n1, n1

    def __len__(self) -> int:
        return len(self.times)


@dataclass(frozen=True, slots=True)
class HawkesParams:
    mu: tuple[float, float]
    alpha: tuple[tuple[float, float], tuple[float, float]]
    beta: float

    @classmethod
    def from_vector(cls, v: FloatArray | list[float]) -> HawkesParams:
        x = [float(a) for a in v]
        return cls((x[0], x[1]), ((x[2], x[3]), (x[4], x[5])), x[6])

    def vector(self) -> FloatArray:
        return np.array([*self.mu, *self.alpha[0], *self.alpha[1], self.beta])

    def as_dict(self) -> dict[str, float]:
        return dict(zip(PARAM_NAMES, self.vector().tolist(), strict=True))

    @property
    def branching_ratio(self) -> float:
        """Spectral radius of ``alpha``: below 1 the process is stationary."""
        return float(max(abs(np.linalg.eigvals(np.array(self.alpha)))))

    def stationary_rates(self) -> tuple[float, float] | None:
        """Long-run events per day of each stream, or None when the process is explosive."""
        if self.branching_ratio >= 1:
            return None
        rates = np.linalg.solve(np.eye(2) - np.array(self.alpha), np.array(self.mu))
        return float(rates[0]), float(rates[1])


@dataclass(frozen=True, slots=True)
class HawkesFit:
    params: HawkesParams
    loglik: float
    n_events: tuple[int, int]
    t0: float  # observation window [t0, t1], days
    t1: float
    converged: bool


@dataclass(frozen=True, slots=True)
class Bootstrap:
    """Parametric bootstrap: refitted parameter draws (rows, PARAM_NAMES order) and intervals."""

    draws: FloatArray
    level: float
    intervals: dict[str, tuple[float, float]] = field(default_factory=dict)
    n_failed: int = 0  # replicates dropped (explosive simulation or failed fit)


# -- likelihood ------------------------------------------------------------------------------


def loglik_and_grad(v: FloatArray, data: Marked, t0: float, t1: float) -> tuple[float, FloatArray]:
    """Exact log-likelihood of ``data`` on ``[t0, t1]`` and its gradient in PARAM_NAMES order.

    One pass over the events keeps, per stream j, ``r_j = sum exp(-beta (t - t_l))`` and
    ``s_j = sum (t - t_l) exp(-beta (t - t_l))`` (for d/dbeta); the compensator is vectorised.
    """
    mu0, mu1, a00, a01, a10, a11, beta = (float(x) for x in v)
    mus, rows = (mu0, mu1), ((a00, a01), (a10, a11))
    r0 = r1 = s0 = s1 = 0.0
    prev, ll = t0, 0.0
    g = [0.0] * 7
    for t, m in zip(data.times.tolist(), data.marks.tolist(), strict=True):
        d = t - prev
        if d > 0.0:
            e = math.exp(-beta * d)
            s0, s1 = e * (s0 + d * r0), e * (s1 + d * r1)
            r0, r1 = e * r0, e * r1
            prev = t
        am0, am1 = rows[m]
        lam = mus[m] + beta * (am0 * r0 + am1 * r1)
        ll += math.log(lam)
        inv = 1.0 / lam
        g[m] += inv
        g[2 + 2 * m] += inv * beta * r0
        g[3 + 2 * m] += inv * beta * r1
        g[6] += inv * (am0 * (r0 - beta * s0) + am1 * (r1 - beta * s1))
        if m:
            r1 += 1.0
        else:
            r0 += 1.0
    span = t1 - t0
    for j in (0, 1):
        tau = t1 - data.times[data.marks == j]
        decay = np.exp(-beta * tau)
        big_g, d_g = float(np.sum(1.0 - decay)), float(np.sum(tau * decay))
        for i in (0, 1):
            ll -= rows[i][j] * big_g
            g[2 + 2 * i + j] -= big_g
            g[6] -= rows[i][j] * d_g
    ll -= (mu0 + mu1) * span
    g[0] -= span
    g[1] -= span
    return ll, np.array(g)


def _bounds() -> list[tuple[float | None, float | None]]:
    alpha: tuple[float | None, float | None] = (0.0, _ALPHA_MAX)
    mu: tuple[float | None, float | None] = (_MU_MIN, None)
    return [mu, mu, alpha, alpha, alpha, alpha, BETA_BOUNDS]


def _start_points(data: Marked, span: float) -> list[FloatArray]:
    n0, n1 = data.counts()
    mu = [max(0.5 * n / span, 2 * _MU_MIN) for n in (n0, n1)]
    return [np.array([*mu, 0.2, 0.1, 0.1, 0.2, b]) for b in (0.1, 0.7)]


def fit(data: Marked, t0: float, t1: float, *, start: HawkesParams | None = None) -> HawkesFit:
    """Maximum-likelihood fit on the window ``[t0, t1]`` (all of ``data`` must lie inside it).

    Without ``start`` two starting decays are tried and the better optimum kept.
    """
    if t1 <= t0:
        raise ConfigError(f"empty fit window [{t0}, {t1}]")
    if len(data) and (data.times[0] < t0 or data.times[-1] > t1):
        raise ConfigError("events outside the fit window")
    starts = [start.vector()] if start is not None else _start_points(data, t1 - t0)
    best: HawkesFit | None = None
    with _one_blas_thread():
        for x0 in starts:
            res = minimize(_negative, x0, args=(data, t0, t1), jac=True, method="L-BFGS-B",
                           bounds=_bounds(), options={"maxiter": 500})
            cand = HawkesFit(HawkesParams.from_vector(res.x), -float(res.fun), data.counts(), t0,
                             t1, bool(res.success))
            if best is None or cand.loglik > best.loglik:
                best = cand
    assert best is not None
    return best


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    """threadpoolctl's controller (built once: it scans the loaded libraries), or None."""
    try:
        from threadpoolctl import (  # type: ignore[import-untyped, unused-ignore]
            ThreadpoolController,
        )
    except ImportError:
        return None
    return ThreadpoolController()


def _one_blas_thread() -> AbstractContextManager[object]:
    """L-BFGS-B makes many tiny BLAS calls: threaded OpenBLAS makes a fit 5-50x slower on a busy
    machine. Limit BLAS to one thread for the fit (threadpoolctl, when installed), then restore."""
    controller = _blas_controller()
    if controller is None:
        return nullcontext()
    limited: AbstractContextManager[object] = controller.limit(limits=1, user_api="blas")
    return limited


def _negative(v: FloatArray, data: Marked, t0: float, t1: float) -> tuple[float, FloatArray]:
    ll, g = loglik_and_grad(v, data, t0, t1)
    return -ll, -g


# -- simulation ------------------------------------------------------------------------------


def state_at(params: HawkesParams, history: Marked, t: float) -> tuple[float, float]:
    """``r_j(t) = sum_{t_l in j, t_l < t} exp(-beta (t - t_l))`` for both streams."""
    past = history.before(t)
    w = np.exp(-params.beta * (t - past.times))
    r1 = float(np.sum(w[past.marks == 1]))
    return float(np.sum(w)) - r1, r1


def simulate(params: HawkesParams, t_start: float, t_end: float, rng: np.random.Generator, *,
             history: Marked | None = None, max_events: int = 100_000) -> tuple[Marked, bool]:
    """Events on ``(t_start, t_end]`` by Ogata's thinning, continuing ``history`` (events before
    ``t_start``). Returns the events and whether the run was cut at ``max_events`` (explosive)."""
    (mu0, mu1), ((a00, a01), (a10, a11)), beta = params.mu, params.alpha, params.beta
    r0, r1 = state_at(params, history, t_start) if history is not None else (0.0, 0.0)
    t, times, marks = t_start, list[float](), list[int]()
    while len(times) < max_events:
        bound = mu0 + mu1 + beta * ((a00 + a10) * r0 + (a01 + a11) * r1)
        t_next = t + float(rng.exponential(1.0 / bound))
        if t_next > t_end:
            return Marked.build(times, marks), False
        e = math.exp(-beta * (t_next - t))
        r0, r1, t = r0 * e, r1 * e, t_next
        lam0 = mu0 + beta * (a00 * r0 + a01 * r1)
        u = float(rng.random()) * bound
        if u < lam0:
            times.append(t)
            marks.append(0)
            r0 += 1.0
        elif u < lam0 + mu1 + beta * (a10 * r0 + a11 * r1):
            times.append(t)
            marks.append(1)
            r1 += 1.0
    return Marked.build(times, marks), True


# -- uncertainty -----------------------------------------------------------------------------


def bootstrap(result: HawkesFit, rng: np.random.Generator, *, n_boot: int = 40,
              level: float = 0.95, method: IntervalMethod = "normal") -> Bootstrap:
    """Parametric bootstrap of ``result``: ``n_boot`` simulated records on the same window, each
    refitted from the estimate. Intervals at ``level``: ``normal`` (estimate ± z · bootstrap
    standard error, cut at the parameter bounds) or ``percentile``. With a few dozen replicates
    the standard error is steadier than the tail percentiles, and covered the true values more
    often in simulation (see tests/test_analysis_hawkes.py)."""
    if not 0 < level < 1:
        raise ConfigError(f"level must lie in (0, 1), got {level}")
    cap = 20 * max(sum(result.n_events), 10)
    draws: list[FloatArray] = []
    failed = 0
    for _ in range(n_boot):
        sim, cut = simulate(result.params, result.t0, result.t1, rng, max_events=cap)
        if cut:
            failed += 1
            continue
        refit = fit(sim, result.t0, result.t1, start=result.params)
        draws.append(refit.params.vector())
    arr = np.array(draws) if draws else np.zeros((0, len(PARAM_NAMES)))
    make = normal_intervals if method == "normal" else percentile_intervals
    return Bootstrap(arr, level, make(arr, level, result.params.vector()), failed)


def percentile_intervals(draws: FloatArray, level: float,
                         estimate: FloatArray | None = None) -> dict[str, tuple[float, float]]:
    """Per-column percentile interval of bootstrap draws; empty when there are none."""
    if len(draws) == 0:
        return {}
    tail = 100 * (1 - level) / 2
    lo, hi = np.percentile(draws, [tail, 100 - tail], axis=0)
    return {n: (float(a), float(b)) for n, a, b in zip(PARAM_NAMES, lo, hi, strict=True)}


def normal_intervals(draws: FloatArray, level: float,
                     estimate: FloatArray) -> dict[str, tuple[float, float]]:
    """``estimate ± z * sd(draws)`` per parameter, cut at the parameter bounds; empty without
    at least two draws."""
    if len(draws) < 2:
        return {}
    z = float(norm.ppf(0.5 + level / 2))
    half = z * np.std(draws, axis=0, ddof=1)
    out = {}
    for k, (name, (low, high)) in enumerate(zip(PARAM_NAMES, _bounds(), strict=True)):
        lo, hi = float(estimate[k] - half[k]), float(estimate[k] + half[k])
        out[name] = (max(lo, low or 0.0), min(hi, high) if high is not None else hi)
    return out
