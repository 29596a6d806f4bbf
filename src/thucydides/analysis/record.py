"""The whole analysis of a record: dyad series, phases, and a backtested Hawkes forecast per pair."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from ..errors import ConfigError
from ..records import Event, Link
from .backtest import Backtest, backtest
from .changepoints import Phase, detect_phases
from .common import is_hostile
from .dyads import DyadTable, Pair, build_dyads, dyad_events
from .forecast import HorizonForecast, forecast
from .hawkes import Bootstrap, HawkesFit, Marked, bootstrap, fit


@dataclass(frozen=True, slots=True)
class AnalysisConfig:
    since: date | None = None  # analysis window (default: the record's first and last day)
    until: date | None = None
    horizons: tuple[int, ...] = (7, 30)
    n_boot: int = 30  # bootstrap replicates per pair
    n_sims: int = 1000  # simulations for the per-direction point forecast
    level: float = 0.9  # interval level for parameters and forecasts
    min_hostile: int = 8  # hostile acts (both directions) a pair needs for a Hawkes model
    max_pairs: int = 5  # model only the busiest pairs
    backtest_step: int = 7
    backtest_sims: int = 100  # per origin, for the per-direction backtest (0: either side only)
    min_train_days: int = 30
    phase_min_days: int = 5
    phase_min_events: int = 3  # a dyad needs this many events for phase detection
    seed: int = 0

    def check(self) -> None:
        if not self.horizons or min(self.horizons) < 1:
            raise ConfigError(f"horizons must be positive days, got {self.horizons}")
        if not 0 < self.level < 1:
            raise ConfigError(f"level must lie in (0, 1), got {self.level}")
        if min(self.n_boot, self.n_sims, self.max_pairs, self.backtest_sims) < 0:
            raise ConfigError("n_boot, n_sims, backtest_sims and max_pairs must not be negative")


@dataclass(frozen=True, slots=True)
class PairModel:
    """A bivariate Hawkes model of one pair: stream 0 = a's hostile acts toward b, 1 = b's toward a."""

    pair: Pair
    start: date  # day 0 of the model's time axis
    origin: date  # first day of the forecast (the day after the window)
    fit: HawkesFit
    boot: Bootstrap
    forecasts: tuple[HorizonForecast, ...]
    backtests: tuple[Backtest, ...]

    def backtest_for(self, horizon: int) -> Backtest | None:
        return next((b for b in self.backtests if b.horizon_days == horizon), None)

    def shown(self) -> list[tuple[HorizonForecast, Backtest]]:
        """The forecasts that may be shown: those whose horizon has a backtest with origins."""
        out = []
        for f in self.forecasts:
            b = self.backtest_for(f.horizon_days)
            if b is not None and b.n_origins > 0:
                out.append((f, b))
        return out


@dataclass(frozen=True, slots=True)
class RecordAnalysis:
    config: AnalysisConfig
    dyads: DyadTable
    phases: dict[Pair, tuple[Phase, ...]]  # directed (source, target) → phases of its conflict
    models: tuple[PairModel, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)


def analyze(events: Sequence[Event], links: Iterable[Link] = (),
            config: AnalysisConfig | None = None) -> RecordAnalysis:
    """Dyads, phases and backtested forecasts of a record."""
    cfg = config or AnalysisConfig()
    cfg.check()
    table = build_dyads(events, links, since=cfg.since, until=cfg.until)
    notes = [f"{n} event(s) left out: {why}" for why, n in sorted(table.skipped.items())]
    if table.start is None or table.end is None:
        return RecordAnalysis(cfg, table, {}, (), (*notes, "no event counts toward a dyad"))
    phases = {(s.source, s.target): tuple(detect_phases([p.conflict for p in s.daily], table.start,
                                                        min_size=cfg.phase_min_days))
              for s in table.series if s.n_events >= cfg.phase_min_events}
    models, more = _models(events, table, cfg)
    return RecordAnalysis(cfg, table, phases, models, (*notes, *more))


def _models(events: Sequence[Event], table: DyadTable,
            cfg: AnalysisConfig) -> tuple[tuple[PairModel, ...], list[str]]:
    assert table.start is not None and table.end is not None
    pairs = [p for p in table.pairs() if _n_hostile(table, p) >= cfg.min_hostile][:cfg.max_pairs]
    notes = [] if pairs else [f"no pair has {cfg.min_hostile} hostile acts: no forecast"]
    kept, _ = dyad_events(events, since=table.start, until=table.end)
    rngs = np.random.default_rng(cfg.seed).spawn(max(len(pairs), 1))
    models = tuple(_pair_model(pair, kept, table.start, table.end, cfg, rng)
                   for pair, rng in zip(pairs, rngs, strict=False))
    return models, notes


def _n_hostile(table: DyadTable, pair: Pair) -> int:
    return sum(s.n_hostile for s in (table.get(*pair), table.get(pair[1], pair[0])) if s)


def pair_process(kept: Iterable[tuple[Pair, date, Event]], pair: Pair, start: date,
                 rng: np.random.Generator) -> Marked:
    """Hostile acts of ``pair`` as a two-stream process in days since ``start``: each event is
    placed at a uniformly random time within its day (the record has no time of day)."""
    times, marks = [], []
    for dyad, day, e in kept:
        if is_hostile(e) and dyad in (pair, (pair[1], pair[0])):
            times.append((day - start).days + float(rng.random()))
            marks.append(0 if dyad == pair else 1)
    return Marked.build(times, marks)


def _pair_model(pair: Pair, kept: list[tuple[Pair, date, Event]], start: date, end: date,
                cfg: AnalysisConfig, rng: np.random.Generator) -> PairModel:
    data = pair_process(kept, pair, start, rng)
    t_end = float((end - start).days + 1)
    result = fit(data, 0.0, t_end)
    boot = bootstrap(result, rng, n_boot=cfg.n_boot, level=cfg.level)
    fc = forecast(result, data, t_end, cfg.horizons, rng, draws=boot.draws, n_sims=cfg.n_sims,
                  level=cfg.level)
    bt = backtest(data, t_end, cfg.horizons, rng, step=cfg.backtest_step,
                  min_train_days=cfg.min_train_days, n_sims=cfg.backtest_sims)
    return PairModel(pair, start, end + timedelta(1), result, boot, fc, bt)
