"""Escalation analysis of a record: dyad dynamics, phases, and backtested Hawkes forecasts.

    analysis = analyze(events, links, AnalysisConfig(n_boot=30))
    to_json(analysis); to_markdown(analysis); write_charts(analysis, out_dir)
"""

from __future__ import annotations

from .record import AnalysisConfig, PairModel, RecordAnalysis, analyze
from .report import to_json, to_markdown, write_charts

__all__ = ["AnalysisConfig", "PairModel", "RecordAnalysis", "analyze", "to_json", "to_markdown",
           "write_charts"]
