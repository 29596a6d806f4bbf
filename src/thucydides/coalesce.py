"""One sentence, one event: reports of one event that a sentence tells with several triggers.

"Two children were killed when Iran struck targets late on Tuesday, in an attack that Islamabad
called a violation" has three assault triggers (killed, struck, attack) but tells one strike. The
extractor gives each its own mention, and only one of them carries the agent and the stated
date; fused separately they become events with no agent on the report date. ``coalesce`` folds
the mentions of one sentence that share a type family and status class into the one that says
most (a stated date, an agent), unless they contradict each other: two agents of different
states, an armed group and a state, two different stated days, two targets of different states.
A sentence telling two strikes by two parties keeps both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .fuse import FAMILY
from .records import HAPPENED, PLACE_RANK, STATED_DATE_RULES, ActorRef, Mention, PlaceRef


def coalesce(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions of one document with each sentence's reports of one event folded together
    (order kept: each group stands where its first mention stood)."""
    groups: dict[tuple[str, int, str, str], list[Mention]] = {}
    for m in mentions:
        groups.setdefault(_key(m), []).append(m)
    out: list[Mention] = []
    done: set[tuple[str, int, str, str]] = set()
    for m in mentions:
        key = _key(m)
        if key not in done:
            done.add(key)
            out.extend(_fold(groups[key]))
    return out


def _key(m: Mention) -> tuple[str, int, str, str]:
    status = "happened" if m.status in HAPPENED else m.status
    return (m.doc_id, m.sentence_index, FAMILY.get(m.type.plover, m.type.plover), status)


def _fold(group: list[Mention]) -> list[Mention]:
    heads: list[Mention] = []
    for m in sorted(group, key=_rank):
        for i, h in enumerate(heads):
            if _compatible(h, m):
                heads[i] = _absorb(h, m)
                break
        else:
            heads.append(m)
    return sorted(heads, key=lambda m: m.trigger_start)


def _rank(m: Mention) -> tuple[bool, bool, int]:
    """The mention that says most comes first: a stated date, then an agent."""
    return (m.date_rule not in STATED_DATE_RULES, m.actor1 is None or (m.actor1.country is None
            and m.actor1.kind != "armed_group"), m.trigger_start)


def _compatible(h: Mention, m: Mention) -> bool:
    if _clash(h.actor1, m.actor1) or _clash(h.actor2, m.actor2):
        return False
    both_stated = h.date_rule in STATED_DATE_RULES and m.date_rule in STATED_DATE_RULES
    return not (both_stated and h.date != m.date)


def _clash(a: ActorRef | None, b: ActorRef | None) -> bool:
    """Two parties that cannot be one: different states, or a state and an armed group."""
    if a is None or b is None:
        return False
    if (a.kind == "armed_group") != (b.kind == "armed_group") and (a.country or b.country):
        return True
    if a.kind == "armed_group" and b.kind == "armed_group":
        return (a.actor_id or a.name) != (b.actor_id or b.name)
    return a.country is not None and b.country is not None and a.country != b.country


def _absorb(h: Mention, m: Mention) -> Mention:
    seen = {(f.kind, f.start, f.end) for f in h.figures}
    figures = [*h.figures, *(f for f in m.figures if (f.kind, f.start, f.end) not in seen)]
    spans = {(p.start, p.end) for p in h.places}
    places = [*h.places, *(p for p in m.places if (p.start, p.end) not in spans)]
    return replace(
        h, figures=figures, places=places, actor1=h.actor1 or m.actor1,
        actor2=h.actor2 or m.actor2, location=_finer(h.location, m.location),
        claimant=h.claimant or m.claimant, claimant_kind=h.claimant_kind or m.claimant_kind,
        cue=h.cue or m.cue)


def _finer(a: PlaceRef | None, b: PlaceRef | None) -> PlaceRef | None:
    if a is None or b is None:
        return a or b
    rank = PLACE_RANK.get
    return b if rank(b.precision or "country", 9) < rank(a.precision or "country", 9) else a
