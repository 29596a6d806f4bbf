"""The triggers of one sentence read together, after each has its own roles.

- One attack, several words: "Two children were killed when Iran struck targets late on Tuesday,
  in an attack that Islamabad called a violation" tells one assault three times. A casualty verb, or
  an event noun in an adjunct ("in an attack that ...") or an apposition, that names no agent takes
  the agent (and, lacking its own, the target and the dates) of the sentence's assault verb or noun
  that does, when the sentence names only one attacker and neither word stands in a clause about
  another time or event ("a day after X raided ...", "in response to the raid").
- A participant's background: an event told in a relative clause about a party of another event of
  the sentence ("Israel released the mayor, a member of Hamas *jailed* a year ago"; "the civilians
  *imprisoned* for protesting were released") describes that party; it is no new event.
- A charge: an act told as what someone was jailed, sentenced or executed for ("jailed a trader
  *for helping* men join a militia") is the reason of that act, not an event of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..records import EventType
from .filters import across_lines, clause_path, party
from .lexicon import Lexicon
from .roles import Roles
from .tree import Tree
from .triggers import Hit

ADJUNCT_PREPS = frozenset({"in", "during", "with", "through"})
TIME_MARKS = frozenset({"after", "before", "since", "until", "till", "once", "following"})
PUNISHMENT_CODES = ("173", "1823")  # arrest, jail, sentence; execute


class Reading(Protocol):
    hit: Hit
    type: EventType
    roles: Roles


def _agentless(tree: Tree, c: Reading, lex: Lexicon) -> bool:
    """A casualty verb or an indefinite event noun without an agent ("in an attack that ..."):
    it may tell another trigger's event ("the attack" points back at an event told before)."""
    if c.roles.actor1 is not None:
        return False
    if c.hit.entry.weak:
        return True
    i = c.hit.i
    h = tree.head(i)
    adjunct = tree.tokens[i].dep == "appos" or (  # "..., in an attack that ...": the same act
        tree.tokens[i].dep == "pobj" and h is not None and tree.lemmas[h] in ADJUNCT_PREPS)
    return adjunct and tree.tokens[i].pos in ("NOUN", "PROPN") and not any(
        lex.word("anaphoric_det", tree.lemmas[d]) for d in tree.children(i, ("det",)))


def elsewhen(tree: Tree, i: int, lex: Lexicon) -> bool:
    """Token ``i`` stands in a clause or phrase about another time or event ("a day after Iran
    struck", "after the raid", "since the attack", "in response to the assassinations")."""
    node = i
    for _ in range(12):
        h = tree.head(node)
        if h is None:
            return False
        t = tree.tokens[node]
        if t.dep in ("advcl", "acl", "pcomp") and any(
                tree.lemmas[m] in TIME_MARKS for m in tree.children(node, ("mark", "advmod"))):
            return True
        if t.dep == "pobj" and (tree.lemmas[h] in TIME_MARKS or lex.word("anchor_prep",
                                                                          tree.lemmas[h])):
            return True
        if lex.word("cue_noun", tree.lemmas[h]):
            return True  # "in response to Israeli assassinations"
        node = h
    return False


def share_agents(tree: Tree, cands: Sequence[Reading], lex: Lexicon) -> dict[int, Reading]:
    """Give each agentless assault word the roles of the one assault of the sentence that names
    its agent; returns ``id(follower) → lead`` (the followers may take the lead's dates)."""
    assaults = [c for c in cands if c.type.plover == "assault" and not elsewhen(tree, c.hit.i, lex)]
    words = {c.hit.i for c in cands}
    leads = [c for c in assaults if c.roles.actor1 is not None and c.roles.actor1 not in words
             and not c.hit.entry.weak and party(tree, c.roles.actor1, c.hit.i)]
    agents = {tree.lemmas[c.roles.actor1] for c in leads if c.roles.actor1 is not None}
    if len(agents) != 1:
        return {}
    lead = leads[0]
    out: dict[int, Reading] = {}
    for c in assaults:
        if c is lead or not _agentless(tree, c, lex) or across_lines(tree, c.hit.i, lead.hit.i):
            continue
        r, lr = c.roles, lead.roles
        r.actor1, r.actor1_more = lr.actor1, list(lr.actor1_more)
        if r.actor2 is None and lr.actor2 is not None:
            r.actor2, r.actor2_more = lr.actor2, list(lr.actor2_more)
        out[id(c)] = lead
    return out


def describes_party(tree: Tree, c: Reading, cands: Sequence[Reading]) -> bool:
    """The event of ``c`` is told in a relative clause about a party of another event."""
    if c.hit.entry.weak:
        return False  # "two guards who were killed": the victims of the sentence's event
    v = clause_path(tree, c.hit.i)[-1]
    t = tree.tokens[v]
    reduced = t.dep == "acl" and t.tag == "VBN" and not tree.children(
        v, ("aux", "nsubj", "nsubjpass", "mark"))  # "the men jailed in 2019", not "claims that"
    if not (t.dep == "relcl" or reduced) or across_lines(tree, v, t.head):
        return False
    nouns: set[int] = set()
    node = tree.head(v)
    while node is not None and node not in nouns:
        nouns.add(node)  # "the mayor, a member jailed ...", "the headquarters of the group, which"
        h = tree.head(node)
        dep = tree.tokens[node].dep
        up = dep == "appos" or (dep == "pobj" and h is not None and (
            tree.lemmas[h] == "of" or _in_noun(tree, h)))  # "a memorial *for* a general slain"
        node = (h if dep == "appos" else tree.head(h) if h is not None else None) if up else None
    for o in cands:
        if o is c:
            continue
        r = o.roles
        if nouns & {r.actor1, r.actor2, *r.actor1_more, *r.actor2_more}:
            return True
    return False


def _in_noun(tree: Tree, p: int) -> bool:
    """The preposition ``p`` attaches its object to a noun: that object is part of the noun's
    phrase ("a memorial *for* a general")."""
    g = tree.head(p)
    return g is not None and tree.tokens[g].pos in ("NOUN", "PROPN")


def charged(tree: Tree, c: Reading, cands: Sequence[Reading]) -> bool:
    """The event of ``c`` is what a punishment of the sentence was for ("jailed X *for helping*
    militants join a group", "executed for carrying out attacks")."""
    punished = {o.hit.i for o in cands if o is not c and (o.type.cameo or "").startswith(
        PUNISHMENT_CODES)}
    node = _bare_infinitive_head(tree, c.hit.i)
    for _ in range(8):
        h = tree.head(node)
        if h is None or not punished:
            return False
        g = tree.head(h)
        if tree.tokens[node].dep in ("pcomp", "pobj") and tree.lemmas[h] == "for" and (
                g in punished):
            return True
        node = h
    return False


def _bare_infinitive_head(tree: Tree, v: int) -> int:
    """"helping militants *join* a group" parsed with "join" as a conjunct of the main verb (no
    "and", no subject, right after the noun): it is the complement of the verb of that noun."""
    t = tree.tokens[v]
    if t.dep != "conj" or t.tag != "VB" or v == 0 or tree.children(v, ("nsubj", "nsubjpass")):
        return v
    prev = tree.tokens[v - 1]
    h = tree.head(v - 1)
    if prev.pos not in ("NOUN", "PROPN", "PRON") or h is None or tree.tokens[h].pos != "VERB" or (
            h == t.head or any(tree.lemmas[k] in ("and", "or") for k in range(h, v))):
        return v
    return h
