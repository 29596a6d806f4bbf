"""The crisis-watch brief (Markdown and HTML)."""

from __future__ import annotations

from .brief import Brief, BriefItem, Footnote, build_brief, render, write_brief

__all__ = ["Brief", "BriefItem", "Footnote", "build_brief", "render", "write_brief"]
