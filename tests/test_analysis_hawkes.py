"""The bivariate Hawkes model: likelihood, recovery of known parameters, simulation, forecast."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import approx_fprime  # type: ignore[import-untyped, unused-ignore]

from thucydides.analysis.forecast import forecast, p_any, probabilities
from thucydides.analysis.hawkes import (
    PARAM_NAMES,
    HawkesParams,
    Marked,
    bootstrap,
    fit,
    loglik_and_grad,
    simulate,
    state_at,
)
from thucydides.errors import ConfigError

TRUE = HawkesParams(mu=(0.2, 0.1), alpha=((0.3, 0.2), (0.4, 0.1)), beta=0.5)


def test_loglik_matches_a_direct_sum_and_its_gradient_is_exact() -> None:
    data = Marked.build([0.5, 1.0, 1.2, 3.0, 4.5], [0, 1, 0, 1, 1])
    v, t1 = TRUE.vector(), 6.0
    ll, grad = loglik_and_grad(v, data, 0.0, t1)
    direct = 0.0  # O(n^2) textbook formula
    for t, m in zip(data.times, data.marks, strict=True):
        past = data.times < t
        kern = TRUE.beta * np.exp(-TRUE.beta * (t - data.times[past]))
        direct += np.log(TRUE.mu[m] + sum(TRUE.alpha[m][j] * kern[data.marks[past] == j].sum()
                                          for j in (0, 1)))
    for i in (0, 1):
        direct -= TRUE.mu[i] * t1 + sum(
            TRUE.alpha[i][j] * (1 - np.exp(-TRUE.beta * (t1 - data.times[data.marks == j]))).sum()
            for j in (0, 1))
    assert ll == pytest.approx(direct, rel=1e-12)
    numeric = approx_fprime(v, lambda x: loglik_and_grad(x, data, 0.0, t1)[0], 1e-7)
    assert np.allclose(grad, numeric, rtol=1e-4, atol=1e-5)


def test_simulation_recovers_known_parameters_within_their_intervals() -> None:
    rng = np.random.default_rng(20240117)
    horizon = 2500.0
    data, cut = simulate(TRUE, 0.0, horizon, rng)
    rates = TRUE.stationary_rates()
    assert not cut and rates is not None
    n0, n1 = data.counts()  # ~ 910 and ~ 680 expected
    assert abs(n0 / horizon - rates[0]) < 0.2 * rates[0]
    assert abs(n1 / horizon - rates[1]) < 0.2 * rates[1]
    result = fit(data, 0.0, horizon)
    boot = bootstrap(result, rng, n_boot=40, level=0.95)
    assert boot.n_failed == 0 and len(boot.draws) == 40
    est = result.params.as_dict()
    for name, true in zip(PARAM_NAMES, TRUE.vector(), strict=True):
        lo, hi = boot.intervals[name]
        assert lo <= true <= hi, f"{name}: true {true} outside [{lo:.3f}, {hi:.3f}]"
        assert lo <= est[name] <= hi
        assert hi - lo < 0.25, f"{name}: interval [{lo:.3f}, {hi:.3f}] too wide to mean anything"


def test_fit_finds_no_excitation_in_a_poisson_process() -> None:
    rng = np.random.default_rng(7)
    t0 = np.sort(rng.uniform(0, 1000, 300))
    t1 = np.sort(rng.uniform(0, 1000, 200))
    data = Marked.build(np.concatenate([t0, t1]), [0] * 300 + [1] * 200)
    p = fit(data, 0.0, 1000.0).params
    assert p.branching_ratio < 0.15
    assert p.mu[0] == pytest.approx(0.3, rel=0.2) and p.mu[1] == pytest.approx(0.2, rel=0.2)


def test_fit_window_is_checked() -> None:
    data = Marked.build([1.0, 5.0], [0, 1])
    with pytest.raises(ConfigError):
        fit(data, 0.0, 3.0)
    with pytest.raises(ConfigError):
        fit(data, 2.0, 2.0)
    with pytest.raises(ConfigError):
        Marked.build([1.0], [0, 1])


def test_explosive_simulation_is_cut() -> None:
    explosive = HawkesParams((0.5, 0.5), ((0.9, 0.5), (0.5, 0.9)), 1.0)
    assert explosive.stationary_rates() is None
    _, cut = simulate(explosive, 0.0, 1000.0, np.random.default_rng(0), max_events=500)
    assert cut


def test_forecast_agrees_with_brute_force_simulation() -> None:
    rng = np.random.default_rng(11)
    bursty = HawkesParams((0.02, 0.01), ((0.4, 0.3), (0.5, 0.2)), 0.3)
    history = Marked.build([90.0, 92.5, 93.0, 96.0, 99.0], [0, 1, 0, 1, 0])
    origin, horizons = 100.0, [7, 30]
    probs = probabilities(bursty, history, origin, horizons, rng, 3000)
    n, hits = 3000, np.zeros((3, 2))
    for _ in range(n):
        future, _ = simulate(bursty, origin, origin + 30, rng, history=history)
        for k, h in enumerate(horizons):
            inside = future.times <= origin + h
            hits[:, k] += [inside.any(), (inside & (future.marks == 0)).any(),
                           (inside & (future.marks == 1)).any()]
    assert np.allclose(probs, hits / n, atol=0.03)
    # with no excitation the formula is the Poisson one
    quiet = HawkesParams((0.1, 0.05), ((0.0, 0.0), (0.0, 0.0)), 1.0)
    assert p_any(quiet, state_at(quiet, history, origin), 7) == pytest.approx(1 - np.exp(-1.05))


def test_forecast_intervals_bracket_the_point_and_grow_with_the_horizon() -> None:
    rng = np.random.default_rng(5)
    data, _ = simulate(TRUE, 0.0, 300.0, rng)
    result = fit(data, 0.0, 300.0)
    boot = bootstrap(result, rng, n_boot=15)
    out = forecast(result, data, 300.0, [7, 30], rng, draws=boot.draws, n_sims=300,
                   n_sims_draw=50)
    week, month = out
    assert week.p_any <= month.p_any and week.p_ab <= month.p_ab
    for f in out:
        assert f.interval_any is not None and f.interval_ab is not None
        assert f.interval_any[0] <= f.p_any <= f.interval_any[1]
        assert max(f.p_ab, f.p_ba) <= f.p_any + 0.05  # either side is at least each side
    with pytest.raises(ConfigError):
        forecast(result, data, 300.0, [0], rng)


@pytest.mark.slow
def test_interval_coverage_over_many_simulations() -> None:
    """Coverage of the 95% bootstrap intervals over 30 simulated records (about 2 minutes)."""
    hits, n_runs = np.zeros(len(PARAM_NAMES)), 30
    for seed in range(n_runs):
        rng = np.random.default_rng(1000 + seed)
        data, _ = simulate(TRUE, 0.0, 2000.0, rng)
        boot = bootstrap(fit(data, 0.0, 2000.0), rng, n_boot=40, level=0.95)
        hits += [boot.intervals[n][0] <= v <= boot.intervals[n][1]
                 for n, v in zip(PARAM_NAMES, TRUE.vector(), strict=True)]
    coverage = dict(zip(PARAM_NAMES, (hits / n_runs).round(2).tolist(), strict=True))
    print("coverage", coverage)
    assert min(coverage.values()) >= 0.8, coverage
