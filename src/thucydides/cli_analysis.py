"""`thucydides analyze`: dyad dynamics, escalation phases and backtested forecasts of the record."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from .cli_common import db_option, existing_db, handle_errors
from .errors import ConfigError, ExportError
from .records import Link


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as exc:
        raise ConfigError(f"not a YYYY-MM-DD date: {value!r}") from exc


def _links(store: Any) -> list[Link]:
    reader: Callable[[], list[Link]] | None = getattr(store, "links", None)
    if reader is None:
        click.echo("note: this store has no action → reaction links yet; reciprocity is empty",
                   err=True)
        return []
    return reader()


def _write(out: Path, analysis: Any, payload: dict[str, Any]) -> list[Path]:
    from .analysis import write_charts

    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / "analysis.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1,
                                                      allow_nan=False),
                                           encoding="utf-8")
        analysis.dyads.frame("D").to_csv(out / "dyads.csv", index=False)
    except OSError as exc:
        raise ExportError(f"cannot write the analysis: {exc}", path=str(out)) from exc
    return [out / "analysis.json", out / "dyads.csv", *write_charts(analysis, out)]


@click.command()
@db_option
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Directory for analysis.json, dyads.csv and the charts (PNG).")
@click.option("--since", default=None, help="First day of the window (YYYY-MM-DD).")
@click.option("--until", default=None, help="Last day of the window (YYYY-MM-DD).")
@click.option("--horizon", "horizons", type=int, multiple=True, default=(7, 30), show_default=True,
              help="Forecast horizon in days (repeatable).")
@click.option("--boot", "n_boot", type=click.IntRange(0, 2000), default=30, show_default=True,
              help="Parametric-bootstrap replicates per pair (interval quality vs time).")
@click.option("--pairs", "max_pairs", type=click.IntRange(0, 50), default=5, show_default=True,
              help="Model the busiest N actor pairs.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@handle_errors
def analyze(db: Path, out: Path | None, since: str | None, until: str | None,
            horizons: tuple[int, ...], n_boot: int, max_pairs: int, seed: int) -> None:
    """Dyad dynamics, escalation phases and a Hawkes forecast shown with its backtest."""
    from .analysis import AnalysisConfig, to_json, to_markdown
    from .analysis import analyze as run_analysis
    from .store import Database

    config = AnalysisConfig(since=_day(since), until=_day(until), horizons=tuple(horizons),
                            n_boot=n_boot, max_pairs=max_pairs, seed=seed)
    with Database(existing_db(db), read_only=True) as store:
        events, links = store.events(), _links(store)
    analysis = run_analysis(events, links, config)
    click.echo(to_markdown(analysis), nl=False)
    if out is not None:
        for path in _write(out, analysis, to_json(analysis)):
            click.echo(f"wrote {path}", err=True)
