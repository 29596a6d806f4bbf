"""The document page's data: the article as given, cut into pieces that list what covers them —
the source sentences of events, the sentences of action → reaction cues, and the sentences the
reporting audit (``thucydides.audit``) has findings about — plus the audit itself.

The audit of a document is computed on first view from what the store holds (mentions, fused
events, parsed sentences: no NLP at serve time) and kept with the snapshot.
"""

from __future__ import annotations

from typing import Any

from ..audit import audit_parsed
from ..records import Document
from .highlight import Span, input_text, locate, locate_evidence, segments
from .record import Record, Snapshot
from .views import doc_meta, event_row


def document_audit(record: Record, snap: Snapshot, doc: Document) -> dict[str, Any] | None:
    """The reporting audit of ``doc`` as JSON (computed once per snapshot)."""
    def compute() -> dict[str, Any] | None:
        sentences = record.sentences([doc.id])
        audits = audit_parsed(list(snap.documents.values()), list(snap.mentions.values()),
                              snap.events, sentences, only={doc.id})
        return audits[0].to_json() if audits else None

    return snap.memo(f"audit:{doc.id}", compute)


def _finding_spans(text: str, audit: dict[str, Any] | None) -> list[Span]:
    spans = []
    for k, f in enumerate(audit["findings"] if audit else [], 1):
        s = f["sentence"]
        where = locate(text, s["text"], s["start"], s["end"])
        f["n"], f["located"] = k, where is not None
        if where is not None:
            spans.append(Span(where[0], where[1], f"f:{k}"))
    return spans


def _cue_spans(snap: Snapshot, doc: Document) -> list[Span]:
    spans = []
    for link in snap.links:
        ev = link.evidence
        where = locate_evidence(doc, ev) if ev is not None and ev.doc_id == doc.id else None
        if where is not None:
            spans.append(Span(where[0], where[1], f"c:{link.action_id}>{link.reaction_id}"))
    return spans


def _piece(seg_text: str, start: int, keys: tuple[str, ...], starts: dict[int, list[str]]
           ) -> dict[str, Any]:
    events = [k[2:] for k in keys if k.startswith("e:")]
    findings = [int(k[2:]) for k in keys if k.startswith("f:")]
    cues = [k[2:].split(">") for k in keys if k.startswith("c:")]
    here = starts.get(start, [])
    return {"text": seg_text, "start": start, "events": events, "findings": findings,
            "cues": [{"action_id": a, "reaction_id": r} for a, r in cues],
            "anchor": f"at-{start}" if events and any(k.startswith("e:") for k in here) else None,
            "finding_anchors": [int(k[2:]) for k in here if k.startswith("f:")]}


def full_document_view(record: Record, snap: Snapshot, doc: Document) -> dict[str, Any]:
    """The article cut into pieces (each listing the events, findings and link cues covering
    it; ``#at-OFFSET`` anchors the evidence links, ``#f-N`` the audit findings), the events
    citing it and its audit."""
    text = input_text(doc)
    citing = snap.events_citing(doc.id)
    spans: list[Span] = []
    for e in citing:
        for ev in e.sources:
            where = locate_evidence(doc, ev) if ev.doc_id == doc.id else None
            if where is not None:
                spans.append(Span(where[0], where[1], f"e:{e.event_id}"))
    audit = document_audit(record, snap, doc)
    spans += _finding_spans(text, audit) + _cue_spans(snap, doc)
    starts: dict[int, list[str]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s.key)
    pieces = [_piece(s.text, s.start, s.keys, starts) for s in segments(text, spans)]
    return {"document": doc_meta(doc), "text": text, "segments": pieces,
            "events": [event_row(e) for e in citing], "audit": audit}
