"""Statements that tell a state or a kind of event, not an event that took place.

- ``standing_state``: a placement participle on what someone has or keeps ("which has troops
  *stationed* near the airport", "keeps warships *deployed* in the gulf"): where forces stand,
  not a deployment.
- ``generic_frequency``: an event noun said to be frequent, common or rare ("Raids on the camps
  are frequent", "such clashes have become common"; "it is rare for the two armies to clash"):
  a kind of event, not one of them.
- ``on_record``: a record of past acts, not one of them ("has attacked police stations *in the
  past*", "were shelled *on several occasions*"; not "on one occasion").
- ``goal_participle``: a participle telling what a group fights for ("rebels *fighting for* a
  homeland", "militias battling for control of the valley"): a description of the group, not a
  clash.

The cue words are in ``data/status_cues.tsv`` (kinds ``stance_verb``, ``hold_verb``,
``frequency_adj``, ``copula``, ``record_noun``, ``record_time``). ``filters.habitual`` calls the
first three, so such mentions are dropped unless they carry a point date of their own
(``extract/mentions.py``); a conflict goal participle is no candidate at all
(``extract/candidates.py``), so the act its group does in the sentence keeps its own verb
("rebels fighting for a homeland *attacked* a bus").
"""

from __future__ import annotations

from .lexicon import Lexicon
from .tree import Tree

# how a placement participle hangs on the verb of having ("has troops stationed": on "troops",
# or, as the parser may read it, on "has" itself)
ON_OBJECT = frozenset({"acl", "amod"})
ON_VERB = frozenset({"oprd", "xcomp", "ccomp", "advcl", "prep", "dep"})
EXTRAPOSED = frozenset({"advcl", "xcomp", "ccomp", "csubj"})
RECORD_PREPS = frozenset({"in", "on"})


def _holds(tree: Tree, v: int, lex: Lexicon) -> bool:
    """``v`` is a main verb of having or keeping ("has", "keeps", "maintains"), not an auxiliary."""
    return tree.tokens[v].dep not in ("aux", "auxpass") and lex.status.has(
        "hold_verb", tree.lemmas[v])


def standing_state(tree: Tree, i: int, lex: Lexicon) -> bool:
    """"which has troops stationed near the airport", "keeps ships deployed in the gulf": the
    participle tells where forces a party has stand, not that they were sent there."""
    t = tree.tokens[i]
    if t.tag != "VBN" or not lex.status.has("stance_verb", tree.lemmas[i]):
        return False
    h = tree.head(i)
    if h is None:
        return False
    if t.dep in ON_OBJECT:
        v = tree.head(h)
        return tree.tokens[h].dep == "dobj" and v is not None and _holds(tree, v, lex)
    return t.dep in ON_VERB and _holds(tree, h, lex) and bool(
        tree.children(h, ("dobj",)) or tree.children(i, ("nsubj", "nsubjpass")))


def _frequency(tree: Tree, v: int, lex: Lexicon) -> bool:
    """The verb ``v`` says something is frequent, common or rare ("are frequent", "have
    become common")."""
    return lex.status.has("copula", tree.lemmas[v]) and any(
        lex.status.has("frequency_adj", tree.lemmas[k]) for k in tree.children(v, ("acomp",)))


def generic_frequency(tree: Tree, i: int, lex: Lexicon) -> bool:
    """"Clashes between the two militias are frequent", "such raids have become common", "it
    is rare for the two armies to clash": a kind of event is rated, none is told."""
    t = tree.tokens[i]
    h = tree.head(i)
    if h is None or not _frequency(tree, h, lex):
        return False
    if t.dep in ("nsubj", "nsubjpass"):
        return t.pos in ("NOUN", "PROPN") or t.tag == "VBG"
    return t.dep in EXTRAPOSED and t.pos == "VERB"  # "it is rare for X to clash"


def on_record(tree: Tree, v: int, lex: Lexicon) -> bool:
    """"has attacked police stations in the past", "were shelled on several occasions": the
    verb ``v`` sums up a record of acts; "on one occasion", "on the occasion of" tell one."""
    for p in tree.children(v, ("prep",)):
        if tree.lemmas[p] not in RECORD_PREPS:
            continue
        for o in tree.children(p, ("pobj",)):
            if (tree.tokens[o].tag == "NNS" and lex.status.has("record_noun", tree.lemmas[o])) or (
                    lex.status.has("record_time", tree.lemmas[o]) and all(
                        tree.tokens[k].dep == "det" for k in tree.kids[o])):
                return True
    return False


def goal_participle(tree: Tree, i: int) -> bool:
    """"rebels fighting for a homeland", "militias battling for control of the valley": a
    participle after a noun telling what the group fights for describes it; no clash is told."""
    t = tree.tokens[i]
    h = tree.head(i)
    if t.tag != "VBG" or t.dep != "acl" or h is None or tree.tokens[h].pos not in ("NOUN", "PROPN"):
        return False
    if tree.children(i, ("dobj", "agent")):
        return False
    return any(tree.lemmas[p] == "for" for p in tree.children(i, ("prep",)))
