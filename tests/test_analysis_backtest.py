"""Rolling-origin backtest on simulated records."""

from __future__ import annotations

import math

import numpy as np
import pytest

from thucydides.analysis.backtest import backtest, base_rate
from thucydides.analysis.hawkes import HawkesParams, Marked, simulate
from thucydides.errors import ConfigError

# quiet most of the time, then bursts: what a conflict record looks like
BURSTY = HawkesParams(mu=(0.015, 0.01), alpha=((0.5, 0.3), (0.4, 0.3)), beta=0.25)


def test_hawkes_beats_the_base_rate_on_a_bursty_record() -> None:
    rng = np.random.default_rng(3)
    end = 600.0
    data, _ = simulate(BURSTY, 0.0, end, rng)
    assert len(data) > 30
    week, month = backtest(data, end, [7, 30], rng, step=7, min_train_days=30, n_sims=100)
    assert (week.horizon_days, month.horizon_days) == (7, 30)
    # origins every 7 days from day 30 while the horizon fits inside the record
    assert week.n_origins + week.n_skipped == len(range(30, int(end - 7) + 1, 7))
    assert month.n_origins == len(range(30, int(end - 30) + 1, 7)) > 50
    assert [s.target for s in week.scores] == ["any", "ab", "ba"]
    for bt in (week, month):
        for s in bt.scores:
            assert 0.0 <= s.brier_hawkes <= 1.0 and 0.0 <= s.brier_base <= 1.0
        for o in bt.origins:
            assert all(0.0 <= p <= 1.0 for p in (*o.p_hawkes, *o.p_base))
    score = week.score("any")
    assert score is not None and score.skill is not None
    assert score.brier_hawkes < score.brier_base  # the bursts are predictable
    assert score.skill > 0.1


def test_on_a_poisson_record_hawkes_does_not_do_much_better_or_worse() -> None:
    rng = np.random.default_rng(8)
    end = 500.0
    times = np.sort(rng.uniform(0, end, 60))
    data = Marked.build(times, rng.integers(0, 2, 60))
    (week,) = backtest(data, end, [7], rng, n_sims=0)
    score = week.score("any")
    assert score is not None and week.score("ab") is None  # n_sims=0: either side only
    assert abs(score.brier_hawkes - score.brier_base) < 0.03


def test_outcome_and_base_rate_are_read_from_the_record() -> None:
    data = Marked.build([1.5, 2.5, 12.2, 40.5], [0, 1, 0, 0])
    p_any, p0, p1 = base_rate(data, 10.0, 7)
    assert p_any == pytest.approx(1 - math.exp(-2 / 10 * 7))
    assert p1 == pytest.approx(1 - math.exp(-1 / 10 * 7))
    (bt,) = backtest(data, 50.0, [7], np.random.default_rng(0), step=10, min_train_days=10,
                     min_events=1, n_sims=0)
    assert [o.origin for o in bt.origins] == [10, 20, 30, 40]
    assert [o.outcome[0] for o in bt.origins] == [True, False, False, True]
    assert p0 == pytest.approx(bt.origins[0].p_base[1])


def test_too_short_a_record_has_no_origin_and_bad_arguments_fail() -> None:
    data = Marked.build([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [0, 1, 0, 1, 0, 1])
    (bt,) = backtest(data, 20.0, [30], np.random.default_rng(0))
    assert bt.n_origins == 0 and bt.scores == ()
    with pytest.raises(ConfigError):
        backtest(data, 20.0, [0], np.random.default_rng(0))
