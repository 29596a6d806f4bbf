"""Reconcile the mentions of one event into its fields, keeping every reported value as a Claim.

Each field's value is chosen among its claims by :mod:`thucydides.consensus` (the rules are
documented there and in docs/architecture.md) and recorded in ``Event.consensus`` with the rule
that chose it and its corroboration in independent sources (:mod:`thucydides.corroboration`).
Status and type are decided here, from the mentions:
- status: ``occurred`` if any source reports it as fact, else ``claimed``, else the shared status.
- type: the PLOVER type most sources give; CAMEO code, mode and ACLED types from the most specific
  source of that type, so the three codings always agree (they come from one crosswalk row).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from .consensus import FIELDS, decide
from .corroboration import claim_sources, copied_from, count_sources
from .extract.casualty_cues import other_incident, revised_figure
from .extract.claimants import claimant_kind
from .records import (
    ActorRef,
    Claim,
    DateRef,
    Event,
    Evidence,
    Figure,
    Mention,
    PlaceRef,
)

T = TypeVar("T")


def build_event(event_id: str, ms: Sequence[Mention]) -> Event:
    ms = sorted(ms, key=lambda m: (m.published or "", m.doc_id, m.sent_start, m.trigger_start))
    statuses = {m.status for m in ms}
    status = "occurred" if "occurred" in statuses else "claimed" if "claimed" in statuses \
        else ms[0].status
    ptype = _majority([m.type.plover for m in ms])
    typed = [m for m in ms if m.type.plover == ptype]
    spec = max(typed, key=lambda m: (len(m.type.cameo or ""), m.type.mode is not None))
    mode = _majority([m.type.mode for m in typed if m.type.mode]) if any(
        m.type.mode for m in typed) else None
    ev = Event(
        event_id=event_id, event_type=ptype, status=status, sources=_sources(ms),
        event_mode=mode or spec.type.mode, cameo_code=spec.type.cameo,
        goldstein=spec.type.goldstein, acled_event_type=spec.type.acled_event_type,
        acled_sub_event_type=spec.type.acled_sub_event_type,
        mention_ids=[m.mention_id for m in ms],
    )
    ev.claims = _count_claims(ms, "killed") + _count_claims(ms, "injured") + _field_claims(ms)
    ev.n_outlets = count_sources(ev.sources)
    apply_consensus(ev, ev.claims)
    return ev


def apply_consensus(ev: Event, claims: Sequence[Claim]) -> None:
    """Set every field of ``ev`` that ``claims`` decide, and ``ev.consensus``."""
    sources = claim_sources(claims, ev.sources)
    ev.consensus = {}
    for name in FIELDS:
        decision = decide(name, claims, sources)
        if decision is None:
            continue
        ev.consensus[name] = decision.consensus
        if name == "date":
            ev.date, ev.date_precision = decision.value
        else:
            setattr(ev, name, decision.value)


def evidence(m: Mention, span: tuple[int, int] | None = None) -> Evidence:
    return Evidence(doc_id=m.doc_id, sentence=m.sentence, start=m.sent_start, end=m.sent_end,
                    claimant=m.claimant, span_start=span[0] if span else None,
                    span_end=span[1] if span else None, published=m.published,
                    outlet=m.outlet, claimant_kind=m.claimant_kind,
                    copy_of=copied_from(m.mention_id))


def _majority(values: Sequence[T]) -> T:
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)


def _count_claims(ms: Sequence[Mention], kind: str) -> list[Claim]:
    """Every figure of ``kind``; one stated as a revised toll ("the death toll rose to 84") is
    marked ``revised`` for the consensus, and one of a mention told as another incident
    ("another explosion ..., but there were no casualties") in an event whose other mentions
    give figures is marked ``part``: a figure of a part of the event, not its toll."""
    others = {m.mention_id for m in ms if _other_incident(m)}
    parts = others if any(_tolls(m) for m in ms if m.mention_id not in others) else set()
    out: list[Claim] = []
    for m in ms:
        for f in m.figures:
            if f.kind != kind:
                continue
            value: dict[str, Any] = {"best": f.best, "low": f.low, "high": f.high,
                                     "cumulative": f.cumulative, "text": f.text}
            if revised_figure(m.sentence, f.text, f.start - m.sent_start):
                value["revised"] = True
            if m.mention_id in parts:
                value["part"] = True
            out.append(Claim(kind, value, _figure_evidence(m, f)))
    return out


def _other_incident(m: Mention) -> bool:
    return _tolls(m) and other_incident(m.sentence, m.trigger, m.trigger_offset())


def _tolls(m: Mention) -> bool:
    return any(f.kind in ("killed", "injured") for f in m.figures)


def _figure_evidence(m: Mention, f: Figure) -> Evidence:
    ev = evidence(m, (f.start, f.end))
    if f.claimant and f.claimant != m.claimant:
        ev.claimant, ev.claimant_kind = f.claimant, claimant_kind(f.claimant)
    return ev


def _field_claims(ms: Sequence[Mention]) -> list[Claim]:
    getters: dict[str, Callable[[Mention], ActorRef | PlaceRef | DateRef | None]] = {
        "date": _date_ref, "location": lambda m: m.location,
        "actor1": lambda m: m.actor1, "actor2": lambda m: m.actor2,
    }
    out: list[Claim] = []
    for name, get in getters.items():
        for m in ms:
            ref = get(m)
            value = _shown(ref)
            if value:
                out.append(Claim(name, value, evidence(m), ref=ref))
    return out


def _date_ref(m: Mention) -> DateRef | None:
    """The mention's resolved date, with the expression that states it when there is one."""
    if not m.date:
        return None
    said = next((d for d in m.dates if d.date == m.date), None)
    return DateRef(text=said.text if said else "", start=said.start if said else 0,
                   end=said.end if said else 0, date=m.date, precision=m.date_precision,
                   rule=m.date_rule)


def _shown(ref: ActorRef | PlaceRef | DateRef | None) -> Any:
    if isinstance(ref, DateRef):
        return ref.date
    return ref and (ref.name or ref.text)


def _sources(ms: Sequence[Mention]) -> list[Evidence]:
    seen: set[tuple[str, int]] = set()
    out: list[Evidence] = []
    for m in ms:
        key = (m.doc_id, m.sent_start)
        if key not in seen:
            seen.add(key)
            out.append(evidence(m))
    return out
