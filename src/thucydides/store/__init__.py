"""The DuckDB store: the only package that speaks SQL or imports duckdb."""

from __future__ import annotations

from .database import Database

__all__ = ["Database"]
