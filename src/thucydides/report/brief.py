"""The crisis-watch brief: events in date order, each cited with numbered footnotes.

Events that happened (status occurred/claimed) form the main list; threats, denials and
hypotheticals get their own section. Article text is untrusted: the HTML is rendered with Jinja2
autoescaping and the Markdown with every value backslash-escaped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, TemplateError

from ..errors import ExportError
from ..records import HAPPENED, Document, Event, Evidence
from .text import date_label, describe

DEFAULT_TITLE = "Crisis watch brief"
OTHERS_HEADING = "Threats, denials and unconfirmed claims"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    doc_id: str
    outlet: str | None
    title: str | None
    published: str | None
    sentence: str
    claimant: str | None


@dataclass(frozen=True, slots=True)
class BriefItem:
    event_id: str
    status: str
    date: str
    text: str
    refs: tuple[int, ...]


@dataclass(slots=True)
class Brief:
    title: str
    items: list[BriefItem] = field(default_factory=list)
    others: list[BriefItem] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    period: str | None = None
    n_docs: int = 0


class _Citations:
    """Numbers sources in order of first citation; one number per (doc, span, claimant)."""

    def __init__(self, docs: Mapping[str, Document]) -> None:
        self.docs = docs
        self.numbers: dict[tuple[str, int, int, str | None], int] = {}
        self.notes: list[Footnote] = []

    def label(self, ev: Evidence) -> str:
        doc = self.docs.get(ev.doc_id)
        return doc.outlet if doc is not None and doc.outlet else f"doc {ev.doc_id}"

    def cite(self, ev: Evidence) -> int:
        key = (ev.doc_id, ev.start, ev.end, ev.claimant)
        if key not in self.numbers:
            self.numbers[key] = len(self.notes) + 1
            doc = self.docs.get(ev.doc_id)
            self.notes.append(Footnote(
                number=self.numbers[key], doc_id=ev.doc_id,
                outlet=doc.outlet if doc else None, title=doc.title if doc else None,
                published=(doc.published if doc else None) or ev.published,
                sentence=_SPACE.sub(" ", ev.sentence).strip(), claimant=ev.claimant))
        return self.numbers[key]


def _order(e: Event) -> tuple[bool, str, str]:
    return (e.date is None, e.date or "", e.event_id)


def build_brief(events: Sequence[Event], docs: Mapping[str, Document],
                title: str = DEFAULT_TITLE) -> Brief:
    """The brief's content: sentences, footnote numbers and footnotes."""
    cites = _Citations(docs)
    ordered = sorted(events, key=_order)
    happened = [e for e in ordered if e.status in HAPPENED]
    others = [e for e in ordered if e.status not in HAPPENED]
    brief = Brief(title=title)
    for group, target in ((happened, brief.items), (others, brief.others)):
        for e in group:
            refs = tuple(dict.fromkeys(cites.cite(s) for s in e.sources))
            target.append(BriefItem(e.event_id, e.status, date_label(e.date, e.date_precision),
                                    describe(e, cites.label), refs))
    brief.footnotes = cites.notes
    dates = sorted(e.date for e in ordered if e.date)
    if dates:
        brief.period = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
    brief.n_docs = len({n.doc_id for n in cites.notes})
    return brief


def md_escape(value: Any) -> str:
    """A value for Markdown: one line, Markdown/HTML punctuation backslash-escaped."""
    if value is None:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", str(value)).strip())


def _environment(markdown: bool) -> Environment:
    return Environment(
        loader=PackageLoader("thucydides.report", "templates"),
        autoescape=not markdown, undefined=StrictUndefined, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=True,
        finalize=md_escape if markdown else None)


def render(brief: Brief, fmt: str) -> str:
    """The brief as ``md`` or ``html`` text."""
    env = _environment(markdown=fmt == "md")
    try:
        return env.get_template(f"brief.{fmt}").render(brief=brief, others_heading=OTHERS_HEADING)
    except TemplateError as exc:
        raise ExportError(f"cannot render the brief: {exc}") from exc


def write_brief(events: Sequence[Event], docs: Mapping[str, Document], out_dir: Path, *,
                title: str = DEFAULT_TITLE) -> tuple[Path, Path]:
    """Write ``brief.md`` and ``brief.html`` into ``out_dir``; returns both paths."""
    brief = build_brief(events, docs, title)
    out_dir = Path(out_dir)
    paths = (out_dir / "brief.md", out_dir / "brief.html")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for path, fmt in zip(paths, ("md", "html"), strict=True):
            path.write_text(render(brief, fmt), encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot write the brief: {exc}", path=str(out_dir)) from exc
    return paths
