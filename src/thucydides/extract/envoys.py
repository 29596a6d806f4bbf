"""Envoys and office holders: whose they are, and which states they name.

- Own envoy: "X recalled *its* ambassador from Y", "X and Y agreed to return *ambassadors*": an
  envoy the agent recalls, withdraws, returns or sends is the agent's own (a possessive pronoun, a
  possessor named like the agent, or no owner at all), so it is not the target. The target is the
  state the envoy leaves ("from Y", a capital standing for its state) or goes to ("to Y"), or the
  one it is accredited to ("its ambassador *to* Y", "*in* Y"), else none (``own_envoy_target``).
  Another state's envoy stays the target ("expelled Y's ambassador" is no own-envoy verb).
- Offices of coordinated states: "the foreign ministers *of X and Y*", "the ambassadors of X and
  Y": the office holder stands for each state, so Y is a party as much as X
  (``office_conjuncts``).

Role cue kinds (``data/role_cues.tsv``): ``envoy``, ``envoy_from_verb``, ``envoy_to_verb``,
``office``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .phrases import NAME_ENTS

if TYPE_CHECKING:
    from .roles import RoleCues
    from .tree import Tree

OWN_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my"})
FROM = frozenset({"from"})
TO = frozenset({"to"})
POSTED = frozenset({"to", "in", "from"})  # "its ambassador to / in / from Y"


def own_envoy(tree: Tree, v: int, o: int, agent: int | None, cues: RoleCues) -> bool:
    """Object ``o`` of verb ``v`` is an envoy the agent recalls, returns or sends: its own."""
    if tree.lemmas[o] not in cues.envoys or tree.lemmas[v] not in cues.envoy_from | cues.envoy_to:
        return False
    owners = tree.children(o, ("poss",))
    if owners:
        w = owners[0]
        return tree.tokens[w].text.lower() in OWN_PRONOUNS or (
            agent is not None and _same_name(tree, w, agent))
    if tree.pobj_of(o, frozenset({"of"})):
        return False  # "the ambassador of Y"
    return not any(tree.tokens[k].ent_type in NAME_ENTS
                   for k in tree.children(o, ("amod", "compound", "nmod")))


def own_envoy_target(tree: Tree, v: int, o: int, cues: RoleCues) -> int | None:
    """The state an own envoy leaves, goes to or is accredited to; None when none is named."""
    on_verb = FROM if tree.lemmas[v] in cues.envoy_from else TO
    for k in [*tree.pobj_of(v, on_verb), *tree.pobj_of(o, POSTED)]:
        if tree.tokens[k].ent_type in NAME_ENTS:
            return k
    return None


def _same_name(tree: Tree, w: int, agent: int) -> bool:
    """"Chad recalled *Chad's* envoy", "Chad's foreign ministry recalled Chad's envoy"."""
    name = tree.tokens[w].text.lower()
    return tree.tokens[agent].text.lower() == name or any(
        tree.tokens[k].text.lower() == name for k in tree.children(agent, ("poss", "compound")))


def office_conjuncts(tree: Tree, i: int, cues: RoleCues) -> list[int]:
    """"the foreign ministers of X and Y": the states after X that the office holder ``i`` also
    stands for ([Y]); [] for any other noun phrase."""
    if tree.lemmas[i] not in cues.offices and tree.tokens[i].text.lower() not in cues.offices:
        return []
    for o in tree.pobj_of(i, frozenset({"of"})):
        if tree.tokens[o].ent_type in NAME_ENTS:  # a country the tagger took for a person too
            return [c for c in tree.conjuncts(o) if (tree.tokens[c].ent_type in NAME_ENTS
                    or tree.tokens[c].pos == "PROPN") and not _same_entity(tree, o, c)]
    return []


def passive_envoy(tree: Tree, v: int, p: int, cues: RoleCues) -> tuple[int | None, int | None] | None:
    """"Chad's ambassador was recalled from X": (Chad, X), the owner acting on the state the envoy
    leaves; None when ``p`` is no envoy of such a verb."""
    if tree.lemmas[p] not in cues.envoys or tree.lemmas[v] not in cues.envoy_from | cues.envoy_to:
        return None
    owners = tree.children(p, ("poss",))
    return (owners[0] if owners else None), own_envoy_target(tree, v, p, cues)


def _same_entity(tree: Tree, o: int, c: int) -> bool:
    """"the ministers of *Defence and Foreign Affairs*": one name, not two parties."""
    return all(tree.tokens[k].ent_iob == "I" for k in range(o + 1, c + 1))
