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

One operation told with two verbs is one event, too: in "troops killed a commander and arrested
five of his men" the killing and the arrests are one raid (ACLED and UCDP code one operation as
one event: its most severe act gives the type, the arrests are counted in its figures). An arrest
whose trigger is coordinated with an attack of the same sentence and the same agent (one subject
span), against no other side and at no other place, folds into that attack; "struck X, a day
after arresting Y" (a clause about another time) and "killed two in A and arrested five in B"
(two places) stay two events. A beating told with an arrest ("police arrested and beat five")
is the arrest's force: the arrest names that event.

Nor is an act one with its cause: in "the army shelled positions in Donetsk in retaliation for
the attack in Belgorod" the attack is another event, with its own place. A
mention whose trigger stands in another's link cue ("in retaliation for ...", "in response to
...") never folds into it (folded, the shelling took the finer place: the attack's city).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .fuse import FAMILY
from .fuse_cluster import modes, other_mode
from .records import HAPPENED, PLACE_RANK, STATED_DATE_RULES, ActorRef, Mention, PlaceRef
from .resolve.geo_cues import located


def coalesce(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions of one document with each sentence's reports of one event folded together
    (order kept: each group stands where its first mention stood)."""
    mentions = one_way(mentions)
    groups: dict[tuple[str, int, str, str], list[Mention]] = {}
    for m in mentions:
        groups.setdefault(_key(m), []).append(m)
    cues = _sentence_cues(mentions)
    out: list[Mention] = []
    done: set[tuple[str, int, str, str]] = set()
    for m in mentions:
        key = _key(m)
        if key not in done:
            done.add(key)
            out.extend(_fold(groups[key], cues.get(key[:2], [])))
    return one_operation(out)


def _sentence_cues(mentions: Sequence[Mention]) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """The link cues' spans of each sentence, whichever of its mentions carries them."""
    out: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for m in mentions:
        span = _cue_span(m)
        if span is not None and span not in out.setdefault((m.doc_id, m.sentence_index), []):
            out[(m.doc_id, m.sentence_index)].append(span)
    return out


def _across_cue(h: Mention, m: Mention, cues: Sequence[tuple[int, int]]) -> bool:
    """One trigger stands in a link cue of the sentence and the other does not: the cause and
    the act that answers it ("the strikes were in retaliation for ... and for attacks on ..."),
    whether or not the act's mention carries the cue."""
    return any(_within_span(h.trigger_start, h.trigger_end, c) != _within_span(
        m.trigger_start, m.trigger_end, c) for c in cues)


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


ARREST = "173"  # CAMEO arrest, detain: the lesser act an operation's report adds ("and arrested")
BEATING = "182"  # CAMEO physically assault: with an arrest, the force the arrest used
# Words between two triggers that set one act at another time than the other ("killed ... a day
# after it arrested ..."): two acts, not one operation.
_SEQUENCE = re.compile(r"\b(?:after|before|since|following|later|earlier|until|prior)\b", re.I)
_AND = re.compile(r"\band\b|,", re.I)


def one_operation(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each arrest that an operation's report adds ("... and arrested five")
    folded into the attack it is coordinated with in its sentence ("troops killed two ...")."""
    out = list(mentions)
    for m in mentions:
        if not _arrest(m):
            continue
        lead = next((i for i, h in enumerate(out) if _one_operation(h, m)), None)
        if lead is None:
            continue
        h = out[lead]
        at = min(lead, out.index(m))
        out[at] = _absorb(m, h) if _force_of_arrest(h) else _absorb(h, m)
        out.remove(m if at == lead else h)
    return out


def _force_of_arrest(h: Mention) -> bool:
    """"Police arrested and beat six men": a beating told with an arrest is the arrest's force;
    the arrest names the event."""
    return (h.type.cameo or "").startswith(BEATING)


def _one_operation(h: Mention, m: Mention) -> bool:
    """``h`` is an attack that the subject of the arrest ``m`` makes in a clause coordinated
    with ``m``'s, against no other side, at no other place and time."""
    if h.type.plover != "assault":
        return False
    if (h.doc_id, h.sentence_index) != (m.doc_id, m.sentence_index) or not (
            h.status in HAPPENED and m.status in HAPPENED):
        return False
    a, b = h.actor1, m.actor1
    if a is None or b is None or (a.start, a.end) != (b.start, b.end):
        return False
    if not _compatible(h, m) or _elsewhere(h.location, m.location) or _two_places(h, m):
        return False
    return _coordinated(h, m)


def _arrest(m: Mention) -> bool:
    return m.type.plover == "coerce" and (m.type.cameo or "").startswith(ARREST)


def _coordinated(h: Mention, m: Mention) -> bool:
    """The text between the two triggers joins them ("and", a comma) and sets neither at
    another time ("after", "before", "a day later")."""
    first, second = sorted((h, m), key=lambda x: x.trigger_start)
    between = h.sentence[first.trigger_end - h.sent_start:second.trigger_start - h.sent_start]
    return bool(_AND.search(between)) and not _SEQUENCE.search(between)


def _two_places(h: Mention, m: Mention) -> bool:
    """Each act told with a place of its own: "killed two in A and arrested five in B"."""
    first, second = sorted((h, m), key=lambda x: x.trigger_start)
    places = {(p.start, p.end): p for p in (*h.places, *m.places)}.values()
    own = [{p.name or p.text for p in places if lo <= p.start < hi} for lo, hi in (
        (first.trigger_end, second.trigger_start), (second.trigger_end, h.sent_end))]
    return bool(own[0]) and bool(own[1]) and not own[0] & own[1]


def _elsewhere(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    """Two resolved places that are not one (another gazetteer entry or name)."""
    if a is None or b is None:
        return False
    return (a.geonames_id or a.name or a.text) != (b.geonames_id or b.name or b.text)


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


def _fold(group: list[Mention], cues: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    heads: list[Mention] = []
    for m in sorted(group, key=_rank):
        for i, h in enumerate(heads):
            if _compatible(h, m) and not _across_cue(h, m, cues):
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
    if _apart(h, m):
        return False  # "strikes in Iraq and Syria": one act per country (resolve/geo_split.py)
    if other_mode(modes(h), modes(m)):
        return False  # "spoke by phone after visiting X": a call and a visit are two meetings
    both_stated = h.date_rule in STATED_DATE_RULES and m.date_rule in STATED_DATE_RULES
    return not (both_stated and h.date != m.date)


def _apart(h: Mention, m: Mention) -> bool:
    """Placed in different countries: one act told against places in several countries (one
    trigger, split by resolve/geo_split.py), or two acts each introduced as where it happened
    ("bases in Pakistan were targeted ..., a day after the Guards attacked targets in Iraq")."""
    a, b = h.location, m.location
    if a is None or b is None or a.country is None or b.country is None or a.country == b.country:
        return False
    return h.trigger_start == m.trigger_start or (_located_in(h, a) and _located_in(m, b))


def _located_in(m: Mention, p: PlaceRef) -> bool:
    """The place is named in the mention's sentence, introduced as where things are ("in X")."""
    return m.sent_start <= p.start < m.sent_end and located(m.sentence, p.start - m.sent_start)


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
