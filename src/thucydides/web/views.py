"""View models: plain JSON-able dicts behind each page. The JSON API returns them as they are and
the templates render them (escaped), so a page never shows anything its API does not give."""

from __future__ import annotations

import dataclasses
from typing import Any
from urllib.parse import urlsplit

from ..records import ActorRef, Claim, Count, Document, Event, Mention, PlaceRef, Sentence
from ..serde import to_dict
from .highlight import Span, context, input_text, locate_evidence, mention_spans, segments
from .record import Record, Snapshot

FIELDS = ("date", "event_type", "actor1", "actor2", "location", "killed", "injured", "status")


def jsonable(value: Any) -> Any:
    """``value`` with records (a claim's Count or PlaceRef) turned into dicts."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


def show(value: Any) -> str:
    """A field value as short text."""
    if value is None:
        return ""
    if isinstance(value, Count):
        best = "?" if value.best is None else str(value.best)
        rng = "" if value.low == value.high or value.low is None else f" ({value.low}–{value.high})"
        return best + rng
    if isinstance(value, ActorRef):
        return (value.name or value.text) + (f" [{value.country}]" if value.country else "")
    if isinstance(value, PlaceRef):
        return ", ".join(x for x in (value.name or value.text, value.admin1, value.country) if x)
    if isinstance(value, dict):
        return _show_dict(value)
    return str(value)


def _show_dict(value: dict[str, Any]) -> str:
    """A claim value stored as a plain object: a count ({best, low, high, text}) or a named thing."""
    if "best" in value:
        count = show(Count(value.get("best"), value.get("low"), value.get("high")))
        return count + (f" “{value['text']}”" if value.get("text") else "")
    name = value.get("name") or value.get("text")
    return str(name) if name else ", ".join(f"{k}: {v}" for k, v in value.items())


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) link, else None (never a javascript: or data: link)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def doc_meta(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
            "url": doc.url, "link": safe_url(doc.url), "source": doc.source,
            "duplicate_of": doc.duplicate_of}


def event_row(e: Event) -> dict[str, Any]:
    """One timeline row."""
    return {"event_id": e.event_id, "date": e.date, "date_precision": e.date_precision,
            "event_type": e.event_type, "event_mode": e.event_mode, "status": e.status,
            "actor1": show(e.actor1), "actor2": show(e.actor2), "location": show(e.location),
            "killed": show(e.killed), "injured": show(e.injured), "n_outlets": e.n_outlets,
            "n_sources": len(e.sources), "doc_ids": list(dict.fromkeys(s.doc_id for s in e.sources))}


def _supports(m: Mention, e: Event, name: str) -> bool:
    """Whether mention ``m`` states the value the event has for field ``name``."""
    if name in ("actor1", "actor2"):
        want = getattr(e, name)
        key = None if want is None else (want.name or want.text).lower()
        return any(a is not None and (a.name or a.text).lower() == key for a in (m.actor1, m.actor2))
    if name == "location":
        return e.location is not None and m.location is not None and \
            (m.location.name or m.location.text) == (e.location.name or e.location.text)
    if name == "date":
        return e.date is not None and m.date == e.date
    if name in ("killed", "injured"):
        return getattr(e, name) is not None and any(f.kind == name for f in m.figures)
    return True  # event_type and status: every source reports the act


def _source(snap: Snapshot, sentences: dict[str, list[Sentence]], e: Event, n: int,
            mentions: list[Mention]) -> dict[str, Any]:
    ev = e.sources[n - 1]
    out: dict[str, Any] = {"n": n, "doc_id": ev.doc_id, "sentence": ev.sentence,
                           "start": ev.start, "end": ev.end, "claimant": ev.claimant,
                           "document": None, "before": "", "after": "",
                           "segments": [{"text": ev.sentence, "fields": []}], "fields": []}
    doc = snap.documents.get(ev.doc_id)
    where = None if doc is None else locate_evidence(doc, ev)
    if doc is None or where is None:
        return out
    spans: list[Span] = []
    for m in mentions:
        spans += mention_spans(doc, m, where)
    text = input_text(doc)
    out["before"], out["after"] = context(doc, sentences.get(doc.id, []), where)
    out["segments"] = [{"text": s.text, "fields": list(s.keys)}
                       for s in segments(text, spans, *where)]
    out["fields"] = [f for f in FIELDS if any(_supports(m, e, f) for m in mentions)]
    out["document"] = doc_meta(doc)
    return out


def _claim(c: Claim, snap: Snapshot) -> dict[str, Any]:
    doc = snap.documents.get(c.evidence.doc_id)
    return {"field": c.field, "value": jsonable(c.value), "shown": show(c.value),
            "claimant": c.evidence.claimant, "doc_id": c.evidence.doc_id,
            "sentence": c.evidence.sentence, "start": c.evidence.start, "end": c.evidence.end,
            "outlet": doc.outlet if doc else None, "published": doc.published if doc else None}


def event_view(record: Record, snap: Snapshot, e: Event) -> dict[str, Any]:
    """Every field with the sources that state it, the sources in context, claims, corroboration."""
    by_sentence: dict[tuple[str, int], list[Mention]] = {}
    for mid in e.mention_ids:
        m = snap.mentions.get(mid)
        if m is not None:
            by_sentence.setdefault((m.doc_id, m.sent_start), []).append(m)
    sentences = record.sentences(s.doc_id for s in e.sources if s.doc_id in snap.documents)
    sources = [_source(snap, sentences, e, n, by_sentence.get((s.doc_id, s.start), []))
               for n, s in enumerate(e.sources, 1)]
    fields = [{"field": f, "value": show(getattr(e, f)),
               "sources": [s["n"] for s in sources if f in s["fields"]],
               "claims": sum(1 for c in e.claims if c.field == f)} for f in FIELDS]
    outlets = sorted({str(s["document"]["outlet"]) for s in sources
                      if s["document"] and s["document"]["outlet"]})
    docs = list(dict.fromkeys(s.doc_id for s in e.sources))
    return {"event": jsonable(e.to_json()), "row": event_row(e), "fields": fields,
            "sources": sources, "claims": [_claim(c, snap) for c in e.claims],
            "corroboration": {"n_outlets": e.n_outlets, "n_sources": len(e.sources),
                              "outlets": outlets, "documents": docs}}
