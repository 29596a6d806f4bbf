"""Pieces shared by every CLI verb module: error handling, common options, settings."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .config import Settings
from .errors import ConfigError, InputError, ThucydidesError

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ThucydidesError as exc:
            click.echo(exc.one_line(), err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


def report_errors(errors: list[InputError]) -> None:
    for e in errors:
        click.echo(e.one_line(), err=True)


def db_option(fn: F) -> F:
    return click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path),
                        default=Path("thucydides.duckdb"), show_default=True,
                        help="DuckDB file holding the record.")(fn)


def make_settings(**kwargs: Any) -> Settings:
    try:
        return Settings(**kwargs)
    except ValueError as exc:
        raise ConfigError(str(exc).splitlines()[0]) from exc


def existing_db(db: Path) -> Path:
    if not db.exists():
        raise ConfigError(f"no database at {db}", hint="run `thucydides run INPUT…` first")
    return db
