"""Statements coded by the act they tell: "Chile said it would not give Peru permission to ...".

CAMEO codes a statement by what it does, not as a bare "make statement": a speaker who says it
*will* do a cooperative act expresses an intent to cooperate (03x), one who says it *will not*
rejects (12x: "refuse to yield", "reject material cooperation", ...). The statement is the event
and it happened; the act it tells stays hypothetical (or denied).

A trigger flagged ``speech`` in ``data/triggers.tsv`` ("say", "announce", "declare") is an event
only through the act of its clause (its ccomp, or the object or xcomp of that clause's verb):

- the act is the speaker's own (its agent is the speaker, a pronoun, or none) and told in the
  future ("will", "would"): a cooperative act gives 03x by the act's code
  (``data/intent_codes.tsv``), or, negated, 12x (``data/reject_codes.tsv``); a hostile act gives a
  threat, 13x (``data/threat_codes.tsv``) with status ``threatened``, never ``occurred``;
- anything else is no event of the statement: an act told as done is news (accusations told in a
  that-clause are ``told.py``'s), another party's act is no commitment of the speaker, a
  possibility ("could", "might") is none, and "will not strike" is no threat.

The act lends its target to the statement ("said it would send aid *to Chile*").

A refusal (flag ``refuse``: "refuse", "decline") is coded the same way by the cooperative act of its
xcomp ("refused to free the prisoners": 1243, "declined to lift the sanctions": 1244); "declined to
comment" tells no act and is no event (flag ``inner``), a bare "refused" stays 120.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..records import EventType, Status
from .lexicon import Lexicon
from .roles import Roles
from .tree import Tree
from .triggers import Hit, told_act
from .types import intent_code, reject_code, threat_code

COOPERATIVE = frozenset({1, 2})
HOSTILE = frozenset({4})  # material conflict: force, coercion, sanctions, protest
UNDONE: frozenset[Status] = frozenset({"hypothetical", "denied"})


class Stated(Protocol):
    hit: Hit
    type: EventType
    roles: Roles
    status: Status
    also: list[int]  # triggers merged into this one ("impose" into "sanctions")


def _told(tree: Tree, i: int, at: dict[int, Stated]) -> tuple[int, Stated] | None:
    """The clause verb under the statement at ``i`` and the act it says will be done ("said it
    would *send* aid", "said he would not give *permission*")."""
    for x in tree.children(i, ("ccomp",)):
        k = told_act(tree, x)
        if k is not None and k in at:
            return x, at[k]
    return None


def _negated(tree: Tree, x: int, act: int) -> bool:
    return any(tree.tokens[k].dep == "neg" for v in {x, act} for k in tree.kids[v])


def _own(tree: Tree, speaker: int | None, agent: int | None) -> bool:
    """The act is the speaker's: no agent, a pronoun, or the speaker's own word."""
    if agent is None or tree.tokens[agent].pos == "PRON":
        return True
    return speaker is not None and tree.lemmas[speaker] == tree.lemmas[agent]


def _refusal(tree: Tree, c: Stated, at: dict[int, Stated], lex: Lexicon) -> bool:
    """Code a refusal by the cooperative act it refuses ("refused to free the men": 1243);
    whether it is an event ("declined to comment" is none: flag ``inner``)."""
    act = next((at[x] for x in tree.children(c.hit.i, ("xcomp",)) if x in at), None)
    if act is None or (act.type.quad_class or 0) not in COOPERATIVE:
        return not c.hit.entry.inner
    c.type = lex.crosswalk.lookup(reject_code(act.type.cameo or ""))
    if c.roles.actor2 is None and act.roles.actor2 is not None:
        c.roles.actor2, c.roles.actor2_more = act.roles.actor2, list(act.roles.actor2_more)
    return True


def refine_speech(tree: Tree, cands: Sequence[Stated], lex: Lexicon) -> list[Stated]:
    """Code each statement by the act it tells and each refusal by the act it refuses; returns
    the statements and refusals that are no event."""
    at = {i: c for c in cands for i in (c.hit.i, *c.also)}
    drop: list[Stated] = []
    for c in cands:
        if c.hit.entry.refuse and not _refusal(tree, c, at, lex):
            drop.append(c)
        if not c.hit.entry.speech:
            continue
        told = _told(tree, c.hit.i, at)
        if told is None or told[1] is c:
            drop.append(c)
            continue
        x, act = told
        negated = _negated(tree, x, act.hit.i)
        quad = act.type.quad_class or 0
        if act.status not in UNDONE or not _own(tree, c.roles.actor1, act.roles.actor1) or (
                quad not in COOPERATIVE and (negated or quad not in HOSTILE)):
            drop.append(c)
            continue
        code = act.type.cameo or ""
        if quad in HOSTILE:  # "said it would strike the camps": a threat, never occurred
            c.type, c.status = lex.crosswalk.lookup(threat_code(code)), "threatened"
        else:
            c.type = lex.crosswalk.lookup(reject_code(code) if negated else intent_code(code))
        if act.roles.actor2 is not None:
            c.roles.actor2, c.roles.actor2_more = act.roles.actor2, list(act.roles.actor2_more)
    return drop

