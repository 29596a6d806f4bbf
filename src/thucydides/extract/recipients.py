"""The party a verbal or cooperative act is addressed to, when the act's own object is a thing.

A trigger row flagged ``gives`` or ``addressed`` in ``data/triggers.tsv`` requires an object that
is given, shown or said ("give *permission*", "present *evidence*", "express *condolences*",
"provide *support*"): that object is never the party it goes to (unlike "summoned *the envoy*"):
"gave permission *to Bolivia*", "presented evidence *against Peru*", "expressed condolences *to
Chile*", "thanked X for *Japan's* help", "shared intelligence *with* Chile". The party is then

- the dative of the verb ("gave *Bolivia* permission", "sent aid *to* Peru"), else
- the object of a preposition of the verb or of that object noun ("to", "against", "on",
  "into", "for", "with"), when it names a party: a named country, people, body or person, or a noun
  with such a name hanging on it by "of" or a possessive ("the people *of Morocco*", "*Japan's*
  help").

An act flagged ``addressed`` is no event without such a party: sympathy "to the families of
those killed" is a gesture, not an act between parties; sympathy "to Chile" is one (CAMEO 018).
Otherwise, when no party is written, the act has no target (the thing is none: "shared
*intelligence* on the gangs").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from .phrases import PARTY_ENTS
from .roles import Roles
from .tree import Tree
from .triggers import Hit

TO_PARTY = frozenset({"to", "against", "on", "into", "for", "toward", "towards", "with"})
OF = frozenset({"of"})


class Addressed(Protocol):
    hit: Hit
    roles: Roles


A = TypeVar("A", bound=Addressed)


def _named(tree: Tree, k: int) -> bool:
    return tree.tokens[k].ent_type in PARTY_ENTS


def _party(tree: Tree, k: int) -> int | None:
    """``k`` when it names a party, else the party named on it ("the people *of X*", "*X's*
    help")."""
    if _named(tree, k):
        return k
    for o in (*tree.children(k, ("poss",)), *tree.pobj_of(k, OF)):
        if _named(tree, o):
            return o
    return None


def _thing_objects(tree: Tree, c: Addressed) -> list[int]:
    """The objects of the act that its trigger row requires ("permission", "evidence")."""
    words = next((w for kind, w in c.hit.entry.require or () if kind == "obj"), None)
    if not words or "*" in words:
        return []
    i = c.hit.i
    objs = tree.children(i, ("dobj", "nsubjpass"))
    return [o for o in objs if tree.lemmas[o] in words or tree.lemmas[o].rstrip("s") in words]


def addressee(tree: Tree, c: Addressed) -> int | None:
    """The party the act of ``c`` goes to, read past the thing its row requires, or None."""
    things = _thing_objects(tree, c)
    if not things:
        return None
    i = c.hit.i
    for d in tree.children(i, ("dative",)):  # "gave *Bolivia* permission", "sent aid *to* Peru"
        for k in tree.children(d, ("pobj",)) if tree.tokens[d].pos == "ADP" else [d]:
            if _party(tree, k) is not None:
                return _party(tree, k)
    for holder in (i, *things):
        for o in tree.pobj_of(holder, TO_PARTY):
            found = _party(tree, o)
            if found is not None:
                return found
    return None


def refine_recipients(tree: Tree, cands: Sequence[A]) -> list[A]:
    """Give each act flagged ``gives`` whose target is the thing its trigger row requires (or
    none) the party that thing goes to, when one is written; returns the acts flagged
    ``addressed`` that go to no party ("expressed condolences to the families": no event)."""
    drop: list[A] = []
    for c in cands:
        if not c.hit.entry.gives:
            continue
        things = _thing_objects(tree, c)
        if not things or (c.roles.actor2 is not None and c.roles.actor2 not in things):
            continue
        party = addressee(tree, c)
        if party is not None or c.roles.actor2 is not None:
            # the thing itself is never the party ("shared *intelligence* on the gangs")
            c.roles.actor2, c.roles.actor2_more = party, []
        if party is None and c.hit.entry.addressed:
            drop.append(c)
    return drop
