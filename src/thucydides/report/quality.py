"""Reporting quality: the reporting audit (``thucydides.audit``) of the articles the record was
built from — the worst-scoring ones, each with its main findings, every finding citing the
article sentence it points to (and up to two related sentences).

The audit's score and the numbers behind it are not claims about the record: they go in the
notes, as do the scores of the articles not listed.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..audit.model import FINDING_LABELS
from ..records import Document, Event, Evidence, Mention, Sentence
from .model import Citations, Clause, Item, Line, Section
from .text import capital, date_label

if TYPE_CHECKING:
    from ..audit import ArticleAudit, Finding, SentenceRef

TITLE = "Reporting quality"
MAX_ARTICLES = 10
MAX_FINDINGS = 5  # per article
MAX_RELATED = 2  # related sentences cited beside a finding's own
MAIN_SEVERITIES = ("high", "medium")
QUOTE_CHARS = 400
METHOD_NOTE = (
    "From the reporting audit of each article the record was built from: who is cited for its "
    "claims and casualty figures, events of other years told as one episode, dates that "
    "contradict the publication date or the record, boilerplate and glued headings. Scores run "
    "from 0 to 100 (higher is better). Listed: the lowest-scoring articles with a finding of "
    "high or medium severity, and those findings.")
# where a message's own sentences end (the brief gives each one its citation)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")


def run_audit(docs: Mapping[str, Document], mentions: Sequence[Mention],
              events: Sequence[Event],
              sentences: Mapping[str, Sequence[Sentence]] | None = None) -> list[ArticleAudit]:
    """Audit the articles ``mentions`` come from (copies of one story once: the kept copy)."""
    from ..audit import audit_parsed

    analysed = {m.doc_id for m in mentions}
    chosen = [d for d in docs.values() if d.id in analysed]
    only = {d.id for d in chosen if d.duplicate_of is None}
    return audit_parsed(chosen, mentions, events, sentences, only=only)


def main_findings(audit: ArticleAudit) -> list[Finding]:
    return [f for f in audit.findings if f.severity in MAIN_SEVERITIES]


def quality_section(audits: Sequence[ArticleAudit] | None, cites: Citations) -> Section:
    """A subsection per listed article (lowest score first), a note on the others."""
    section = Section(TITLE, anchor="reporting-quality")
    if audits is None:
        section.note = ("The reporting audit was not run for this brief: it needs the mentions "
                        "extracted from the articles.")
        return section
    kept = [a for a in audits if a.duplicate_of is None]
    if not kept:
        section.note = "No article was audited."
        return section
    flagged = sorted((a for a in kept if main_findings(a)), key=lambda a: (a.score, a.doc_id))
    listed = flagged[:MAX_ARTICLES]
    ids = {a.doc_id for a in listed}
    rest = [a for a in kept if a.doc_id not in ids]
    section.note = " ".join(n for n in (METHOD_NOTE, rest_note(rest, len(flagged) - len(listed)))
                            if n)
    section.subsections = [_article(a, cites) for a in listed]
    return section


def rest_note(rest: Sequence[ArticleAudit], n_flagged: int) -> str:
    """One line on the articles not listed: how many, and their scores."""
    if not rest:
        return ""
    scores = sorted(a.score for a in rest)
    one = len(rest) == 1
    head = "The other audited article" if one else f"The other {len(rest)} audited articles"
    spread = (f"score{'s' if one else ''} {scores[0]}" if scores[0] == scores[-1] else
              f"score from {scores[0]} to {scores[-1]} (median {statistics.median(scores):g})")
    who = "it has" if one else f"{n_flagged} of them have"
    tail = (f"{who} findings of medium or high severity not listed here" if n_flagged else
            f"{'it has no' if one else 'none has a'} finding of medium or high severity")
    return f"{head} {spread}; {tail}."


def _article(audit: ArticleAudit, cites: Citations) -> Section:
    name = audit.title or f"document {audit.doc_id}"
    sub = Section(f"{name}: score {audit.score} of 100", level=3,
                  anchor=f"audit-{re.sub(r'[^A-Za-z0-9-]+', '-', audit.doc_id)}")
    findings = main_findings(audit)
    for f in findings[:MAX_FINDINGS]:
        sub.items.append(Item((finding_line(f, cites),), kind=f"finding-{f.severity}"))
    hidden = len(findings) - MAX_FINDINGS
    sub.note = _article_note(audit) + (
        f" {hidden} more finding{'s' if hidden > 1 else ''} of medium or high severity not "
        "listed." if hidden > 0 else "")
    return sub


def _article_note(audit: ArticleAudit) -> str:
    from ..audit.score import WEIGHTS

    where = ", ".join(p for p in (audit.outlet, date_label(audit.published, "day")
                                  if audit.published else None) if p)
    s = audit.stats
    lost = ", ".join(f"{k} {v:.1f} of {WEIGHTS.get(k, 0):g}"
                     for k, v in audit.penalties.items() if v)
    return (f"{where + ', ' if where else ''}document {audit.doc_id}. "
            f"{_n(s.n_claims, 'factual claim')}, {s.attributed_share:.0%} sourced; "
            f"{_n(s.n_figures, 'casualty figure')}, {s.n_unsourced_figures} with no source. "
            f"Points lost: {lost or 'none'}.")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def finding_line(f: Finding, cites: Citations) -> Line:
    """``Unsourced figure (medium): casualty figure with no source: “…” [4].`` A message of
    several sentences becomes one clause per sentence, each with the citations."""
    refs = tuple(dict.fromkeys(cites.cite(evidence(r, cites.docs))
                               for r in [f.sentence, *f.related[:MAX_RELATED]]))
    text = f"{FINDING_LABELS.get(f.kind, f.kind)} ({f.severity}): {f.message}".rstrip(" .")
    parts = [capital(p.rstrip(" .;")) for p in _SENTENCE_END.split(text) if p.strip(" .;")]
    return Line(tuple(Clause(p, refs) for p in parts))


def evidence(ref: SentenceRef, docs: Mapping[str, Document]) -> Evidence:
    """The finding's sentence as the brief cites it (offsets into the input as given, like the
    pipeline's evidence, so one sentence gets one number)."""
    text = " ".join(ref.text.split())
    if len(text) > QUOTE_CHARS:
        text = text[:QUOTE_CHARS - 1] + "…"
    doc = docs.get(ref.doc_id)
    return Evidence(doc_id=ref.doc_id, sentence=text, start=ref.start, end=ref.end,
                    published=doc.published if doc else None, outlet=doc.outlet if doc else None)
