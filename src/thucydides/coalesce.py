"""One sentence, one event: reports of one event that a sentence tells with several triggers.

"Two children were killed when Iran struck targets late on Tuesday, in an attack that Islamabad
called a violation" has three assault triggers (killed, struck, attack) but tells one strike. The
extractor gives each its own mention, and only one of them carries the agent and the stated
date; fused separately they become events with no agent on the report date. ``coalesce`` folds
the mentions of one sentence that share a type family and status class into the one that says
most (a stated date, an agent), unless they contradict each other: two agents of different
states, an armed group and a state, two different stated days, two targets of different states.
A sentence telling two strikes by two parties keeps both.

A joint act of coordinated parties is one act, too: "Chile and Peru signed a trade pact" is
read both ways (Chile→Peru, Peru→Chile, as the extractor pairs the conjuncts of a symmetric
trigger), but the two sides signed one pact; one event keeps it, with the party named first as
its actor1 (a meeting of three keeps one event per pair of parties).

Nor is an act one with its cause: in "the army shelled positions in Donetsk in retaliation for
the attack in Belgorod" the attack is another event, with its own place. A
mention whose trigger stands in another's link cue ("in retaliation for ...", "in response to
...") never folds into it (folded, the shelling took the finer place: the attack's city).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .fuse import FAMILY
from .records import HAPPENED, PLACE_RANK, STATED_DATE_RULES, ActorRef, Mention, PlaceRef


def coalesce(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions of one document with each sentence's reports of one event folded together
    (order kept: each group stands where its first mention stood)."""
    mentions = one_way(mentions)
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


def one_way(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without the reverse readings of joint acts: of two readings of one trigger
    whose parties are the same spans swapped, the one whose actor1 comes later is dropped."""
    dyads = {d for m in mentions if (d := _dyad(m)) is not None}
    out: list[Mention] = []
    for m in mentions:
        d = _dyad(m)
        if d is not None and d[3] > d[4] and (*d[:3], d[4], d[3]) in dyads:
            continue
        out.append(m)
    return out


def _cue_span(m: Mention) -> tuple[int, int] | None:
    if not m.cue:
        return None
    at = m.sentence.find(m.cue)
    return None if at < 0 else (m.sent_start + at, m.sent_start + at + len(m.cue))


def _causes(cause: Mention, m: Mention) -> bool:
    """Whether ``cause``'s trigger stands in ``m``'s link cue: it tells what ``m`` answers."""
    cue = _cue_span(m)
    return cue is not None and _within_span(cause.trigger_start, cause.trigger_end, cue)


def _within_span(start: int, end: int, span: tuple[int, int]) -> bool:
    return span[0] <= start and end <= span[1]


def _dyad(m: Mention) -> tuple[str, int, int, int, int] | None:
    a, b = m.actor1, m.actor2
    if a is None or b is None or a.start == b.start:
        return None
    return (m.doc_id, m.sentence_index, m.trigger_start, a.start, b.start)


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
    if _causes(h, m) or _causes(m, h):
        return False  # "struck ... in retaliation for the bombing in X": the cause is another act
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
