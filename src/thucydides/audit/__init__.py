"""The reporting audit: which articles can be trusted, and why not.

Per article, findings each linked to the sentence they are about (document id, sentence index,
character span in the input as given, the sentence's text), a severity (info / low / medium /
high) and an overall score 0–100 (formula in :mod:`thucydides.audit.score`):

- attribution: the share of factual claims (mentions reported as having happened, casualty
  figures) that carry a source other than the outlet; the unattributed ones
- casualty figures with no source
- temporal conflation: events of another year told as part of the article's episode; relative
  dates that contradict the publication date
- boilerplate (ingest's page-furniture patterns, link lists, calls to action) and repeated key
  phrases
- headings glued onto the previous sentence (the repairs ingest's cleaning makes)
- claims that contradict the reconciled record (the events fused from all articles) and dates of
  landmark events that contradict the reference chronology (data/audit_reference_events.tsv)

    audits = audit_documents(docs, settings)                 # runs the pipeline
    audits = audit_parsed(docs, mentions, events, sentences) # from what the store holds
    print(render_markdown(audits[0]))
"""

from __future__ import annotations

from .model import ArticleAudit, AuditStats, Finding, FindingKind, SentenceRef, Severity
from .render import render_markdown, render_text
from .run import audit_documents, audit_parsed

__all__ = [
    "ArticleAudit",
    "AuditStats",
    "Finding",
    "FindingKind",
    "SentenceRef",
    "Severity",
    "audit_documents",
    "audit_parsed",
    "render_markdown",
    "render_text",
]
