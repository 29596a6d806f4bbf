"""Human-readable audits: Markdown (for the brief) and plain text (for the terminal)."""

from __future__ import annotations

from .model import FINDING_LABELS, SEVERITY_RANK, ArticleAudit, Finding, SentenceRef
from .score import WEIGHTS

QUOTE_CHARS = 220


def _quote(ref: SentenceRef) -> str:
    text = " ".join(ref.text.split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1] + "…"


def _where(ref: SentenceRef) -> str:
    sent = f"s{ref.sentence_index}" if ref.sentence_index is not None else "removed text"
    return f"{ref.doc_id} {sent} [{ref.start}–{ref.end}]"


def render_markdown(audit: ArticleAudit, *, min_severity: str = "low") -> str:
    """One article's audit as Markdown: score, points lost per dimension, findings with the
    sentence each cites (``min_severity`` hides the smaller ones; "info" shows everything)."""
    title = audit.title or audit.doc_id
    lines = [f"### Reporting audit: {title}", "",
             f"**Score {audit.score}/100** · `{audit.doc_id}`"
             + (f" · published {audit.published}" if audit.published else "")
             + (f" · {audit.outlet}" if audit.outlet else ""), "",
             _stats_line(audit), "",
             "| dimension | points lost | of |", "|---|---:|---:|"]
    lines += [f"| {k} | {v:g} | {WEIGHTS[k]:g} |" for k, v in audit.penalties.items()]
    shown = [f for f in audit.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min_severity]]
    lines += ["", f"#### Findings ({len(shown)} of {len(audit.findings)})", ""]
    for f in shown:
        where = _where(f.sentence) + (f" · +{len(f.related)} related" if f.related else "")
        lines.append(f"- **{f.severity.upper()}** {FINDING_LABELS[f.kind]}: {f.message} <sub>{where}</sub>")
        lines.append(f"  > {_quote(f.sentence)}")
    return "\n".join(lines) + "\n"


def _stats_line(audit: ArticleAudit) -> str:
    s = audit.stats
    parts = [f"{s.n_claims} factual claims, {s.attributed_share:.0%} sourced",
             f"{s.n_figures} casualty figures ({s.n_unsourced_figures} with no source)",
             f"boilerplate {s.boilerplate_share:.0%} of lines", f"{s.n_glued} glued headings"]
    if s.episode:
        parts.append(f"episode {s.episode}")
    return "; ".join(parts)


def render_text(audit: ArticleAudit, *, min_severity: str = "low") -> str:
    """One article's audit for the terminal."""
    head = f"{audit.doc_id}  score {audit.score}/100" + (f"  {audit.title}" if audit.title else "")
    lost = ", ".join(f"{k} -{v:g}" for k, v in audit.penalties.items() if v)
    lines = [head, f"  {_stats_line(audit)}", f"  points lost: {lost or 'none'}"]
    for f in audit.findings:
        if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min_severity]:
            lines.append(_finding_line(f))
    return "\n".join(lines) + "\n"


def _finding_line(f: Finding) -> str:
    sent = f"s{f.sentence.sentence_index}" if f.sentence.sentence_index is not None else "-"
    extra = f" (+{len(f.related)} related)" if f.related else ""
    return (f"  [{f.severity.upper():6}] {f.kind} {sent} {f.sentence.start}-{f.sentence.end}: "
            f"{f.message}{extra}\n           “{_quote(f.sentence)}”")
