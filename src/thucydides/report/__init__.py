"""The crisis-watch brief (Markdown and HTML, with PNG charts)."""

from __future__ import annotations

from .brief import build_brief, render, write_brief
from .model import Brief, Chart, Clause, Footnote, Item, Line, Row, Section, Table
from .tolls import HistoryFn, HistoryPointLike

__all__ = ["Brief", "Chart", "Clause", "Footnote", "HistoryFn", "HistoryPointLike", "Item",
           "Line", "Row", "Section", "Table", "build_brief", "render", "write_brief"]
