"""Escalation phases on synthetic daily series with known jumps."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from thucydides.analysis.changepoints import breakpoints, detect_phases
from thucydides.errors import ConfigError

START = date(2024, 3, 1)


def noisy(levels: list[tuple[float, int]], seed: int = 0) -> list[float]:
    """Daily Goldstein-weighted conflict: Poisson counts of events scoring 5 each."""
    rng = np.random.default_rng(seed)
    return [5.0 * float(rng.poisson(lam)) for lam, days in levels for _ in range(days)]


def test_jump_up_is_an_escalation_at_the_right_day() -> None:
    phases = detect_phases(noisy([(0.3, 40), (3.0, 30)]), START)
    assert [p.trend for p in phases] == ["stable", "escalation"]
    assert abs((phases[1].start - (START + timedelta(40))).days) <= 2
    assert phases[1].mean > 4 * phases[0].mean and phases[1].change > 0
    assert phases[-1].end == START + timedelta(69)
    assert sum(p.days for p in phases) == 70


def test_up_then_down() -> None:
    phases = detect_phases(noisy([(0.2, 30), (4.0, 20), (0.2, 30)], seed=3), START)
    assert [p.trend for p in phases] == ["stable", "escalation", "de-escalation"]
    assert abs((phases[2].start - (START + timedelta(50))).days) <= 2


def test_no_change_in_a_steady_series() -> None:
    phases = detect_phases(noisy([(1.0, 90)], seed=5), START)
    assert len(phases) == 1 and phases[0].trend == "stable"


@pytest.mark.parametrize("values", [[], [0.0], [5.0, 0.0, 10.0], [0.0] * 30, [2.0] * 8])
def test_short_flat_or_empty_series_give_one_phase_or_none(values: list[float]) -> None:
    phases = detect_phases(values, START)
    assert len(phases) == (1 if values else 0)
    if values:
        assert phases[0].days == len(values) and phases[0].trend == "stable"


def test_bad_min_size() -> None:
    with pytest.raises(ConfigError):
        breakpoints([1.0, 2.0], min_size=0)
