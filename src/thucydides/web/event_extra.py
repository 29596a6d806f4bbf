"""The event page's analysis of its sources: consensus per field (the value chosen among the
reported ones and the rule that chose it), the claims with the ones that carry the chosen value
marked, corroboration per field in independent outlets, the history of each field by publication
date, and the action → reaction links to causes and reactions with their cue sentences.
Everything returns plain JSON-able dicts; the templates escape them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..consensus import CONSENSUS_RULES, FIELDS, decide
from ..corroboration import claim_sources
from ..history import changes, event_history
from ..records import Claim, Event, Evidence, Link
from .highlight import Span, segments
from .record import Record, Snapshot
from .views import event_row, event_view, jsonable, show


def _source_name(key: str, claim: Claim) -> str:
    """An independent source key ("outlet:harbour wire", "doc:ID") as shown."""
    return claim.evidence.outlet or key.split(":", 1)[-1]


def consensus_rows(e: Event) -> list[dict[str, Any]]:
    """Per field with a consensus: the chosen value, the rule, and its independent support."""
    rows = []
    for name in FIELDS:
        c = e.consensus.get(name)
        if c is None:
            continue
        rows.append({"field": name, "value": show(c.value), "rule": c.rule,
                     "rule_text": CONSENSUS_RULES.get(c.rule, ""), "n_sources": c.n_sources,
                     "n_reporting": c.n_reporting, "n_values": c.n_values,
                     "single_source": c.n_sources <= 1, "disputed": c.n_values > 1})
    return rows


def claims_table(e: Event) -> list[dict[str, Any]]:
    """Every claim, with its independent source and whether it reports the chosen value."""
    out: list[dict[str, Any]] = []
    for name in FIELDS:
        claims = [c for c in e.claims if c.field == name]
        if not claims:
            continue
        sources = claim_sources(claims, e.sources)
        decision = decide(name, claims, sources)
        chosen = {id(c) for c in decision.claims} if decision is not None else set()
        for c, key in zip(claims, sources, strict=True):
            out.append({"field": name, "value": jsonable(c.value), "shown": show(c.value),
                        "chosen": id(c) in chosen, "claimant": c.evidence.claimant,
                        "claimant_kind": c.evidence.claimant_kind,
                        "independent_source": _source_name(key, c), "doc_id": c.evidence.doc_id,
                        "sentence": c.evidence.sentence, "start": c.evidence.start,
                        "end": c.evidence.end, "outlet": c.evidence.outlet,
                        "published": c.evidence.published})
    return out


def corroboration(e: Event, outlets: Sequence[str], documents: Sequence[str]) -> dict[str, Any]:
    """Independent outlets for the event and per field, and the single-source flag."""
    per_field = [{"field": r["field"], "n_sources": r["n_sources"],
                  "n_reporting": r["n_reporting"], "single_source": r["single_source"]}
                 for r in consensus_rows(e)]
    return {"n_outlets": e.n_outlets, "single_source": e.single_source,
            "n_sources": len(e.sources), "outlets": list(outlets), "documents": list(documents),
            "fields": per_field}


def history_rows(e: Event) -> list[dict[str, Any]]:
    """Each field's value as known at each publication date, with the changes marked."""
    points = event_history(e)
    changed = {id(p) for p in changes(points)}
    by_field: dict[str, list[dict[str, Any]]] = {}
    for p in points:
        by_field.setdefault(p.field, []).append(
            {"as_of": p.as_of or None, "value": show(p.value), "rule": p.rule,
             "n_sources": p.n_sources, "n_values": p.n_values, "changed": id(p) in changed,
             "sources": _per_document(p.sources)})
    return [{"field": name, "points": rows,
             "summary": " → ".join(r["value"] for r in rows if r["changed"]),
             "revised": sum(r["changed"] for r in rows) > 1}
            for name, rows in by_field.items()]


def _per_document(evidence: Sequence[Evidence]) -> list[dict[str, Any]]:
    """The first sentence of each document among ``evidence``, with how many it gives."""
    out: dict[str, dict[str, Any]] = {}
    for ev in evidence:
        if ev.doc_id in out:
            out[ev.doc_id]["n"] += 1
        else:
            out[ev.doc_id] = {"doc_id": ev.doc_id, "start": ev.start, "outlet": ev.outlet, "n": 1}
    return list(out.values())


def _cue_segments(ev: Evidence, cue: str | None) -> list[dict[str, Any]]:
    """The cue sentence cut so that the cue itself is marked."""
    found = ev.sentence.find(cue) if cue else -1
    spans = [Span(found, found + len(cue or ""), "cue")] if found >= 0 else []
    return [{"text": s.text, "cue": bool(s.keys)} for s in segments(ev.sentence, spans)]


def _link(link: Link, other: Event | None, other_id: str) -> dict[str, Any]:
    ev = link.evidence
    return {"event_id": other_id, "event": event_row(other) if other is not None else None,
            "relation": link.relation, "kind": link.kind, "lag_days": link.lag_days,
            "score": round(link.score, 3), "cue": link.cue,
            "evidence": None if ev is None else {
                "doc_id": ev.doc_id, "sentence": ev.sentence, "start": ev.start, "end": ev.end,
                "claimant": ev.claimant, "outlet": ev.outlet, "published": ev.published,
                "segments": _cue_segments(ev, link.cue)}}


def links_view(snap: Snapshot, e: Event) -> dict[str, list[dict[str, Any]]]:
    """The event's causes (links whose reaction it is) and reactions (links from it)."""
    causes = [_link(k, snap.by_id.get(k.action_id), k.action_id)
              for k in snap.causes.get(e.event_id, [])]
    reactions = [_link(k, snap.by_id.get(k.reaction_id), k.reaction_id)
                 for k in snap.reactions.get(e.event_id, [])]
    return {"causes": causes, "reactions": reactions}


def full_event_view(record: Record, snap: Snapshot, e: Event) -> dict[str, Any]:
    """The event page's data: fields with evidence in context (views.event_view), then the
    consensus, claims, corroboration per field, history and links."""
    view = event_view(record, snap, e)
    base = view["corroboration"]
    view["consensus"] = consensus_rows(e)
    by_field = {c["field"]: c for c in view["consensus"]}
    for row in view["fields"]:
        row["consensus"] = by_field.get(row["field"])
    view["claims"] = claims_table(e)
    view["corroboration"] = corroboration(e, base["outlets"], base["documents"])
    view["history"] = history_rows(e)
    view["links"] = links_view(snap, e)
    return view
