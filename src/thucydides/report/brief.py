"""The crisis-watch brief: what happened in date order, action and reaction, death tolls over
time, what is disputed or unverified, charts, and the numbered source sentences.

Every sentence of the brief is generated from the event record and ends with the numbers of the
source sentences it rests on; article sentences appear only as quotations in the source list.
Text that is not a sentence about the record (headings, table headers, chart captions and notes
such as "None.") is marked: italics in Markdown, ``class="note"``, ``<figcaption>``, ``<th>`` or
a heading in HTML. Article text is untrusted: the HTML is rendered with Jinja2 autoescaping and
the Markdown with every value backslash-escaped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined, TemplateError

from ..errors import ExportError
from ..records import HAPPENED, Document, Event, Link, Mention, Sentence
from .charts import draw_charts, event_day
from .disputes import known_parties
from .escalation import brief_config, draw_dyad_charts, escalation_section
from .escalation_lines import Pair
from .model import Brief, Chart, Citations, Section
from .narrative import happened_section
from .quality import quality_section, run_audit
from .reactions import reaction_section
from .text import date_label
from .tolls import HistoryFn, default_history, toll_section
from .unverified import unverified_section

if TYPE_CHECKING:
    from ..analysis import RecordAnalysis
    from ..audit import ArticleAudit

DEFAULT_TITLE = "Crisis watch brief"
CHARTS_TITLE = "Charts"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_SPACE = re.compile(r"\s+")


def build_brief(events: Sequence[Event], docs: Mapping[str, Document], *,
                title: str = DEFAULT_TITLE, links: Sequence[Link] = (),
                history: HistoryFn | None = None, charts: Sequence[Chart] = (),
                analysis: RecordAnalysis | None = None,
                audits: Sequence[ArticleAudit] | None = None,
                dyad_charts: Mapping[Pair, Chart] | None = None) -> Brief:
    """The brief's content. ``links``: action → reaction links between ``events``;
    ``history``: a function giving an event's history points (default:
    ``thucydides.history.event_history``); ``charts``: the chart files drawn;
    ``analysis``: the escalation analysis of ``events`` (``thucydides.analysis.analyze``) and
    ``dyad_charts`` its charts by pair; ``audits``: the reporting audit of the articles
    (``thucydides.audit``). Without ``analysis`` or ``audits`` their section says so."""
    cites = Citations(docs)
    parties = known_parties(events)
    sections = [happened_section(events, cites, parties)]
    if links:
        sections.append(reaction_section(links, {e.event_id: e for e in events}, cites))
    sections.append(toll_section(events, history or default_history(), cites))
    sections.append(unverified_section(events, cites, parties))
    sections.append(escalation_section(analysis, events, links, cites, dyad_charts))
    sections.append(quality_section(audits, cites))
    sections.append(_chart_section(events, charts))
    return Brief(title=title, meta=_meta(events, cites), sections=sections,
                 footnotes=cites.footnotes())


def _chart_section(events: Sequence[Event], charts: Sequence[Chart]) -> Section:
    section = Section(CHARTS_TITLE, anchor="charts", charts=list(charts))
    if not charts:
        section.note = ("No chart: no event that happened has a day-precise date."
                        if not any(event_day(e) for e in events) else "Charts were not drawn.")
    return section


def _meta(events: Sequence[Event], cites: Citations) -> str:
    happened = [e for e in events if e.status in HAPPENED]
    days = sorted(e.date for e in happened if e.date and e.date_precision in (None, "day"))
    period = ""
    if days:
        first, last = date_label(days[0], "day"), date_label(days[-1], "day")
        period = f"Period: {first}" + (f" to {last}. " if last != first else ". ")
    return (f"{period}Events that happened: {len(happened)}; threats, denials and hypothetical "
            f"events: {len(events) - len(happened)}. Documents cited: {cites.n_docs}.")


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
        return env.get_template(f"brief.{fmt}").render(brief=brief)
    except TemplateError as exc:
        raise ExportError(f"cannot render the brief: {exc}") from exc


def write_brief(events: Sequence[Event], docs: Mapping[str, Document], out_dir: Path, *,
                title: str = DEFAULT_TITLE, links: Sequence[Link] = (),
                history: HistoryFn | None = None, charts: bool = True,
                mentions: Sequence[Mention] | None = None,
                sentences: Mapping[str, Sequence[Sentence]] | None = None,
                analysis: RecordAnalysis | None = None,
                audits: Sequence[ArticleAudit] | None = None) -> tuple[Path, Path]:
    """Write ``brief.md``, ``brief.html`` and their chart PNGs into ``out_dir``; returns the
    two brief paths. See ``build_brief`` for ``links`` and ``history``.

    The escalation analysis is run on ``events`` and ``links`` (a modest configuration,
    ``escalation.brief_config``) unless ``analysis`` is given. The reporting audit is run on
    the articles of ``mentions`` (the mentions extracted from ``docs``, with their parsed
    ``sentences`` by document id when at hand) unless ``audits`` are given; with neither, the
    brief says it was not run."""
    from ..analysis import analyze

    out_dir = Path(out_dir)
    paths = (out_dir / "brief.md", out_dir / "brief.html")
    if analysis is None:
        analysis = analyze(events, links, brief_config())
    if audits is None and mentions is not None:
        audits = run_audit(docs, mentions, events, sentences)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        drawn = draw_charts(events, out_dir) if charts else []
        dyads = draw_dyad_charts(analysis, events, out_dir) if charts else {}
        brief = build_brief(events, docs, title=title, links=links, history=history,
                            charts=drawn, analysis=analysis, audits=audits, dyad_charts=dyads)
        for path, fmt in zip(paths, ("md", "html"), strict=True):
            path.write_text(render(brief, fmt), encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot write the brief: {exc}", path=str(out_dir)) from exc
    return paths
