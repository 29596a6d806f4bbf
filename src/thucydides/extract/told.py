"""Accusations told in a that-clause: "Chile claimed that the rebels had attacked Peru".

A trigger flagged ``tells`` in ``data/triggers.tsv`` ("claimed that", "alleged that") is the
speaker's accusation (CAMEO 112) against the one its clause says did a hostile act: that act's agent
is the target. The speech act happened; the act it tells keeps its own status (``claimed``). It is no
accusation when the clause tells no hostile act, names no one who did it, or says the speaker did it
itself ("claimed that it had struck …" claims an act of its own).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..records import EventType
from .roles import Roles
from .tree import Tree
from .triggers import Hit

HOSTILE = frozenset({3, 4})


class Told(Protocol):
    hit: Hit
    type: EventType
    roles: Roles


def _clause(tree: Tree, i: int) -> int | None:
    return tree.child(i, ("ccomp",))


def _self(tree: Tree, speaker: int | None, agent: int) -> bool:
    """The agent of the told act is the speaker: a pronoun ("it had struck", "its fighters
    killed"), or the same word."""
    if tree.tokens[agent].pos == "PRON" or any(
            tree.tokens[k].pos == "PRON" and k < agent for k in tree.children(agent)):
        return True
    return speaker is not None and tree.lemmas[speaker] == tree.lemmas[agent]


def refine_told(tree: Tree, cands: Sequence[Told]) -> list[Told]:
    """Give each told accusation the agent of its clause's hostile act as the target; returns the
    ones that are no accusation."""
    drop: list[Told] = []
    for c in cands:
        if not c.hit.entry.tells:
            continue
        clause = _clause(tree, c.hit.i)
        inside = set(tree.subtree(clause)) if clause is not None else set()
        acts = [o for o in cands if o is not c and o.hit.i in inside
                and (o.type.quad_class or 0) in HOSTILE and o.roles.actor1 is not None]
        agent = acts[0].roles.actor1 if acts else None
        if agent is None or _self(tree, c.roles.actor1, agent):
            drop.append(c)
            continue
        c.roles.actor2, c.roles.actor2_more = agent, list(acts[0].roles.actor1_more)
    return drop
