"""Event candidates of a sentence: each trigger with its type, status and roles, and triggers
of one event folded into the most specific of them ("the strike killed two children" is one
assault, not a strike and a killing). A conflict participle telling what a group fights for
("rebels fighting for a homeland") describes the group and is no candidate (``generic.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import EventType, Sentence, Status
from .generic import goal_participle
from .lexicon import Lexicon
from .referents import victims_over_place
from .roles import Roles, find_roles, venue
from .status import status_of
from .tree import Tree
from .triggers import Hit, find_triggers

SAME_EVENT_PREPS = frozenset({"in", "with", "by", "during", "of", "through", "via", "from"})


@dataclass(slots=True)
class Cand:
    hit: Hit
    type: EventType
    roles: Roles
    status: Status
    negated: bool
    scope: set[int]
    also: list[int]  # merged triggers


def _scope(tree: Tree, i: int, stop: set[int], lex: Lexicon) -> set[int]:
    """Tokens of the trigger's clause: its subtree, and the verb it is the subject/object of."""
    out: set[int] = set()
    stack = [i]
    h = tree.head(i)
    dep = tree.tokens[i].dep
    if h is not None and dep in ("nsubj", "nsubjpass", "dobj") and (
            tree.lemmas[h] in lex.roles.light_verbs or tree.lemmas[h] in lex.roles.happen_verbs):
        stack.append(h)
    while stack:
        j = stack.pop()
        if j in out or (j != i and j in stop):
            continue
        out.add(j)
        stack.extend(tree.kids[j])
    return out


def candidates(tree: Tree, sent: Sentence, lex: Lexicon) -> list[Cand]:
    """The sentence's triggers with type, status and roles, triggers of one event folded into
    the most specific of them."""
    hits = find_triggers(tree, sent, lex.triggers)
    heads = frozenset(h.i for h in hits)
    out: list[Cand] = []
    for h in hits:
        e = h.entry
        et = lex.crosswalk.lookup(e.cameo, mode=e.mode, acled=e.acled)
        conflict = (et.quad_class or 0) >= 3
        if conflict and goal_participle(tree, h.i):
            continue  # "rebels fighting for a homeland": a description of the rebels
        status, negated = status_of(tree, h.i, lex.status, conflict=conflict, triggers=heads,
                                    threat=et.plover == "threaten")
        roles = find_roles(tree, h.i, lex.roles, sym=e.sym, nominal=e.pos == "NOUN", rev=e.rev)
        if et.plover in ("consult", "mobilize", "protest") and roles.actor2 is None:
            roles.actor2 = venue(tree, h.i)
        scope = _scope(tree, h.i, set(heads), lex)
        out.append(Cand(h, et, roles, status, negated, scope, []))
    return _merge(tree, out)


def positions(c: Cand) -> list[int]:
    """The candidate's trigger and the triggers merged into it."""
    return [c.hit.i, *c.also]


def _linked_cands(tree: Tree, x: Cand, y: Cand) -> bool:
    if _by_means(tree, x, y) or _by_means(tree, y, x):
        return True
    return any(_linked(tree, a, b) or _linked(tree, b, a)
               for a in positions(x) for b in positions(y))


def _by_means(tree: Tree, x: Cand, y: Cand) -> bool:
    """``y`` names the means of the damage ``x`` tells ("destroyed by a mix of missiles and
    drone strikes"): one event."""
    if not x.hit.entry.result:
        return False
    agents = tree.children(x.hit.i, ("agent",))
    return any(y.hit.i in set(tree.subtree(a)) for a in agents)


def _linked(tree: Tree, a: int, b: int) -> bool:
    """``b`` hangs from ``a`` within two arcs, not through a coordination; or ``b`` elaborates
    the clause of ``a`` ("carried out arrests, rounding up dozens")."""
    if tree.tokens[b].dep == "advcl" and tree.tokens[b].tag == "VBG" and (
            tree.head(b) is not None and tree.head(b) == tree.head(a)):
        return True
    node = b
    for _ in range(2):
        t = tree.tokens[node]
        if t.dep == "conj" and tree.children(node, ("nsubj", "nsubjpass")):
            return False
        if t.dep == "prep" and tree.lemmas[node] not in SAME_EVENT_PREPS:
            return False  # "struck ... two days after Tehran's attack": another event
        if t.dep == "advcl" and any(tree.lemmas[k] not in ("when", "as")
                                    for k in tree.children(node, ("mark",))):
            return False
        h = tree.head(node)
        if h is None:
            return False
        if h == a:
            return True
        node = h
    return False


def _rank(c: Cand) -> tuple[int, int, int, int, int]:
    code = c.type.cameo or ""
    e = c.hit.entry
    return (0 if e.result else 1 if e.weak else 2, 1 if code not in ("190", "180") else 0, len(code),
            1 if c.type.mode else 0, 1 if c.hit.entry.pos == "NOUN" else 0)


def _same_event(x: Cand, y: Cand) -> bool:
    return x.type.plover == y.type.plover


def _merge(tree: Tree, cands: list[Cand]) -> list[Cand]:
    """Fold triggers of one event into the most specific of them."""
    live = list(cands)
    changed = True
    while changed:
        changed = False
        for x in live:
            y = next((y for y in live if y is not x and _same_event(x, y)
                      and _linked_cands(tree, x, y)), None)
            if y is not None:
                keep, lose = (x, y) if _rank(x) >= _rank(y) else (y, x)
                _absorb(tree, keep, lose)
                live.remove(lose)
                changed = True
                break
    return live


def _absorb(tree: Tree, keep: Cand, lose: Cand) -> None:
    r, o = keep.roles, lose.roles
    if tree.head(keep.hit.i) == lose.hit.i:  # "agreed to *impose sanctions*": the verb's status
        keep.status, keep.negated = lose.status, lose.negated
    own = keep.scope
    if o.actor1 in own and o.actor1 not in (keep.roles.actor1, keep.roles.actor2):
        o.actor1 = None
    if r.actor1 == lose.hit.i:
        r.actor1, r.actor1_more = o.actor1, o.actor1_more
    if r.actor2 == lose.hit.i:
        r.actor2, r.actor2_more = o.actor2, o.actor2_more
    if r.actor1 is None and o.actor1 is not None and o.actor1 != r.actor2:
        r.actor1, r.actor1_more = o.actor1, o.actor1_more
    if o.actor2 is not None and o.actor2 != r.actor1 and (r.actor2 is None or (
            lose.hit.entry.weak and victims_over_place(tree, o.actor2, r.actor2))):
        r.actor2, r.actor2_more = o.actor2, o.actor2_more
    keep.scope |= lose.scope
    keep.also.append(lose.hit.i)
