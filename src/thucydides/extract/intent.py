"""Intentions: "agreed to lift the sanctions", "wants to help Israel", "are seeking to deepen a
partnership".

CAMEO codes an announced cooperative act as an *expression of intent* (03x) by the one who announces
it: the announcement happened, the act did not (it stays hypothetical). The intended act, the
trigger in the intention's xcomp ("to *lift* the sanctions", or the event noun of a light verb: "to
hold *talks*"), chooses the 03x code (``data/intent_codes.tsv``), lends its target when the intention
names none, and makes the intention symmetric when it is ("Brazil and the US seek to deepen a
partnership": both ways). A trigger flagged ``inner`` ("want", "seek", "offer") is no event without
such an act: "wants to attack" is no wish to cooperate; and no intention is one to cooperate when
the act it announces is hostile ("agreed to impose sanctions", "pledged to expel"). A statement
of what the speaker will or will not do ("said it would send aid", "said it would not ...") is an
intention or a rejection: ``speech.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from ..records import EventType, Status
from .lexicon import Lexicon
from .recipients import refine_recipients
from .roles import Roles
from .speech import refine_speech
from .tree import Tree
from .triggers import Hit
from .types import intent_code

COOPERATIVE = frozenset({1, 2})


class Intended(Protocol):
    hit: Hit
    type: EventType
    roles: Roles
    status: Status
    also: list[int]


def _intended(tree: Tree, i: int, at: dict[int, Intended]) -> Intended | None:
    """The trigger of the act the intention at ``i`` announces ("to lift", "to hold talks")."""
    for x in tree.children(i, ("xcomp",)):
        if x in at:
            return at[x]
        for o in tree.children(x, ("dobj",)):
            if o in at:
                return at[o]
    return None


def _done(tree: Tree, i: int, act: Intended, lex: Lexicon) -> bool:
    """The intended act is to *do* the hostile act ("to impose sanctions"), not to end it ("to
    stop attacks": "stop" is no act of the lexicon)."""
    for x in tree.children(i, ("xcomp",)):
        if x == act.hit.i or (tree.lemmas[x], "VERB") in lex.triggers:
            return True
    return False


def refine_intent(tree: Tree, cands: Sequence[Intended], lex: Lexicon) -> list[Intended]:
    """Code each intention by the act it announces, and each statement by the act it tells
    (``speech.py``), after reading past the thing an act gives to the party it goes to
    (``recipients.py``); returns the intentions and statements that are no event."""
    drop: list[Intended] = list(refine_recipients(tree, cands))
    at = {c.hit.i: c for c in cands}
    drop += refine_speech(tree, cands, lex)
    for c in cands:
        e = c.hit.entry
        if not e.intent:
            continue
        act = _intended(tree, c.hit.i, at)
        if act is None or act.type.quad_class not in COOPERATIVE:
            if e.inner or (act is not None and _done(tree, c.hit.i, act, lex)):
                drop.append(c)  # "agreed to impose sanctions": no cooperation
            continue
        kind, sub = c.type.acled_event_type, c.type.acled_sub_event_type
        acled = (kind, sub) if kind and sub else None  # "agreed to ...": an ACLED agreement
        c.type = lex.crosswalk.lookup(intent_code(act.type.cameo or ""), acled=acled)
        if c.roles.actor2 is None and act.roles.actor2 is not None:
            c.roles.actor2, c.roles.actor2_more = act.roles.actor2, list(act.roles.actor2_more)
        if act.hit.entry.sym and not e.sym:
            c.hit = Hit(c.hit.i, replace(e, sym=True))
    return drop
