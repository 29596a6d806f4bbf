"""`thucydides analyze` end to end on a store built from hand-made events, and the report."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from thucydides.analysis import AnalysisConfig, analyze, to_json, to_markdown, write_charts
from thucydides.analysis.hawkes import HawkesParams, simulate
from thucydides.cli import main
from thucydides.records import ActorRef, Event, Evidence, Link
from thucydides.store import Database

START = date(2024, 1, 1)
BURSTY = HawkesParams(mu=(0.03, 0.02), alpha=((0.4, 0.3), (0.35, 0.3)), beta=0.3)


def _actor(country: str) -> ActorRef:
    return ActorRef(text=country, start=0, end=3, name=country, country=country)


def _event(eid: str, day: date, a1: str, a2: str, goldstein: float, event_type: str) -> Event:
    return Event(event_id=eid, event_type=event_type, status="occurred",
                 sources=[Evidence(doc_id=f"doc-{eid}", sentence="A sentence.", start=0, end=11)],
                 date=day.isoformat(), date_precision="day", goldstein=goldstein,
                 actor1=_actor(a1), actor2=_actor(a2))


def record(days: int = 240, seed: int = 1) -> tuple[list[Event], list[Link]]:
    """Hostile acts of AAA and BBB from a bursty Hawkes process, some talks, and links."""
    rng = np.random.default_rng(seed)
    sim, _ = simulate(BURSTY, 0.0, float(days), rng)
    events, links = [], []
    last: dict[int, Event] = {}
    for k, (t, m) in enumerate(zip(sim.times.tolist(), sim.marks.tolist(), strict=True)):
        a1, a2 = ("AAA", "BBB") if m == 0 else ("BBB", "AAA")
        e = _event(f"h{k}", START + timedelta(int(t)), a1, a2, -10.0, "assault")
        if 1 - m in last and rng.random() < 0.5:  # answers the other side's last act
            links.append(Link(last[1 - m].event_id, e.event_id, "pattern", "response"))
        last[m] = e
        events.append(e)
    for k in range(0, days, 20):
        events.append(_event(f"c{k}", START + timedelta(k), "AAA", "CCC", 4.0, "consult"))
    return events, links


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analysis") / "record.duckdb"
    events, links = record()
    with Database(path) as db:
        db.replace_events(events)
        if hasattr(db, "replace_links"):
            db.replace_links(links)
    return path


def test_analyze_end_to_end(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", "--db", str(store), "--out", str(out),
                                       "--boot", "8", "--seed", "3"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "## Dyad dynamics" in text and "| AAA → BBB |" in text and "AAA → CCC" in text
    assert "## Forecast" in text and "### AAA ↔ BBB" in text
    assert "Backtest Brier" in text and "next" not in text.split("## Forecast")[0]
    payload = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    (model,) = payload["models"]
    assert model["pair"] == ["AAA", "BBB"] and model["n_boot"] == 8
    assert {f["horizon_days"] for f in model["forecasts"]} == {7, 30}
    for f in model["forecasts"]:
        for side in ("any", "ab", "ba"):
            lo, hi = f[f"interval_{side}"]
            assert 0.0 <= lo <= f[f"p_{side}"] <= hi <= 1.0
    assert all(b["n_origins"] > 10 for b in model["backtests"])
    assert set(model["intervals"]) == set(model["params"])
    csv = (out / "dyads.csv").read_text(encoding="utf-8").splitlines()
    assert csv[0] == "source,target,period,n_events,n_hostile,conflict,cooperation"
    png = out / "dyad_AAA_BBB.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if hasattr(Database, "links"):  # the store keeps action → reaction links
        rec = payload["reciprocity"][0]
        assert rec["a_to_b"]["n_answered"] > 0 and rec["a_to_b"]["median_lag_days"] >= 0


def test_analyze_is_reproducible_and_needs_a_store(store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["analyze", "--db", str(store), "--boot", "4", "--pairs", "1", "--horizon", "7"]
    first, second = runner.invoke(main, args), runner.invoke(main, args)
    assert first.exit_code == 0 and first.stdout == second.stdout
    missing = runner.invoke(main, ["analyze", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code != 0 and "T200" in missing.output
    bad = runner.invoke(main, ["analyze", "--db", str(store), "--since", "January"])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output


def test_a_short_record_gets_no_forecast_and_charts_still_draw(tmp_path: Path) -> None:
    events = [_event(f"e{k}", START + timedelta(k % 12), "AAA" if k % 2 else "BBB",
                     "BBB" if k % 2 else "AAA", -10.0, "assault") for k in range(20)]
    analysis = analyze(events, config=AnalysisConfig(n_boot=5, n_sims=50))
    (model,) = analysis.models
    assert model.shown() == []  # 12 days: nothing to backtest a 7-day forecast on
    md = to_markdown(analysis)
    assert "Forecast withheld" in md and "P(any hostile act)" not in md
    assert to_json(analysis)["models"][0]["forecasts"] == []
    assert [p.name for p in write_charts(analysis, tmp_path)] == ["dyad_AAA_BBB.png"]
    empty = analyze([])
    assert empty.models == () and "No event" in to_markdown(empty)


def test_without_simulation_only_the_either_side_forecast_is_given() -> None:
    events, links = record()
    analysis = analyze(events, links, AnalysisConfig(n_boot=3, n_sims=0, backtest_sims=0))
    payload = to_json(analysis)
    json.dumps(payload, allow_nan=False)  # no NaN leaks into the JSON
    (model,) = payload["models"]
    assert all(f["p_ab"] is None and f["p_any"] is not None for f in model["forecasts"])
    assert all([s["target"] for s in b["scores"]] == ["any"] for b in model["backtests"])
    assert "| – |" in to_markdown(analysis)
