"""Statements that tell a state or a kind of event, not an event that took place.

- ``standing_state``: a placement participle on what someone has or keeps ("which has troops
  *stationed* near the airport", "keeps warships *deployed* in the gulf"): where forces stand,
  not a deployment.
- ``generic_frequency``: an event noun said to be frequent, common or rare ("Raids on the camps
  are frequent", "such clashes have become common"; "it is rare for the two armies to clash"):
  a kind of event, not one of them.
- ``on_record``: a record of past acts, not one of them ("has attacked police stations *in the
  past*", "were shelled *on several occasions*"; not "on one occasion").
- ``aggregate``: a plural event noun counted by a vague quantity, summing up many acts ("has
  launched *many* attacks", "carried out *dozens of* raids *during its campaign*", "*several*
  strikes *since 2015*"): a vague quantity in the present perfect, or any quantity with a span of
  time, tells a pattern, not an event.
- ``goal_participle``: a participle telling what a group fights for ("rebels *fighting for* a
  homeland", "militias battling for control of the valley"): a description of the group, not a
  clash.

The cue words are in ``data/status_cues.tsv`` (kinds ``stance_verb``, ``hold_verb``,
``frequency_adj``, ``copula``, ``record_noun``, ``record_time``, ``many_vague``, ``many_count``,
``many_noun``, ``span_noun``). ``filters.habitual`` calls all but ``goal_participle``, so such
mentions are dropped unless they carry a point date of their own (``extract/mentions.py``); a
conflict goal participle is no candidate at all (``extract/candidates.py``), so the act its group
does in the sentence keeps its own verb ("rebels fighting for a homeland *attacked* a bus").
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
SPAN_PREPS = frozenset({"during", "over", "throughout", "since"})
QUANTITY_DEPS = frozenset({"amod", "nummod", "quantmod"})


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


def present_perfect(tree: Tree, v: int) -> bool:
    """"has carried out", "have been launching": a record up to now, not one dated event."""
    return any(tree.lemmas[k] == "have" and tree.tokens[k].tag in ("VBZ", "VBP")
               for k in tree.children(v, ("aux",)))


def _quantity(tree: Tree, i: int, lex: Lexicon) -> str | None:
    """"vague" for "many attacks", "count" for "several attacks" or "dozens of attacks"."""
    for k in tree.children(i, QUANTITY_DEPS):
        if lex.status.has("many_vague", tree.lemmas[k]):
            return "vague"
        if lex.status.has("many_count", tree.lemmas[k]):
            return "count"
    p = tree.head(i)
    q = tree.head(p) if p is not None and tree.tokens[i].dep == "pobj" else None
    if p is not None and q is not None and tree.lemmas[p] == "of" and (
            lex.status.has("many_noun", tree.lemmas[q])):
        return "count"  # "dozens of raids", "a series of strikes"
    return None


def _span_word(tree: Tree, o: int, lex: Lexicon, since: bool) -> bool:
    """``o`` names a long-running activity ("its campaign", "the course of the war") or, after
    "since", a year ("since 2015")."""
    if since and tree.tokens[o].tag == "CD" and len(tree.tokens[o].text) == 4 and (
            tree.tokens[o].text.isdigit()):
        return True
    if lex.status.has("span_noun", tree.lemmas[o]):
        return True
    return any(lex.status.has("span_noun", tree.lemmas[k])
               for p in tree.children(o, ("prep",)) if tree.lemmas[p] == "of"
               for k in tree.children(p, ("pobj",)))


def _span(tree: Tree, n: int, lex: Lexicon) -> bool:
    """"during its six-year campaign", "over the course of the war", "since 2015" on ``n``."""
    return any(_span_word(tree, o, lex, tree.lemmas[p] == "since")
               for p in tree.children(n, ("prep",)) if tree.lemmas[p] in SPAN_PREPS
               for o in tree.children(p, ("pobj",)))


def aggregate(tree: Tree, i: int, v: int, lex: Lexicon) -> bool:
    """The plural event noun ``i`` (in the clause of the verb ``v``) sums up many acts: "has
    launched many attacks", "carried out dozens of raids during its campaign", "several strikes
    since 2015". A count on one day ("launched several attacks on Monday") has a point date and
    is kept by the caller."""
    t = tree.tokens[i]
    if t.pos == "VERB" and i == v:
        return _many_acts(tree, v, lex)
    if t.tag != "NNS":
        return False
    q = _quantity(tree, i, lex)
    if q is None:
        return False
    if _span(tree, v, lex) or _span(tree, i, lex):
        return True
    return q == "vague" and present_perfect(tree, v)


def _many_acts(tree: Tree, v: int, lex: Lexicon) -> bool:
    """A verb told of many acts: "have attacked the post *many times*" (or several times during
    the war), "have kidnapped *dozens of* aid workers *since 2019*" (many victims over a span)."""
    span = _span(tree, v, lex)
    for k in tree.children(v, ("npadvmod", "advmod")):
        q = _quantity(tree, k, lex) if tree.lemmas[k] == "time" else None
        if q is not None and (span or (q == "vague" and present_perfect(tree, v))):
            return True
    return span and any(tree.tokens[o].tag == "NNS" and (
        _quantity(tree, o, lex) or _counted(tree, o, lex)) for o in tree.children(v, ("dobj",)))


def _counted(tree: Tree, n: int, lex: Lexicon) -> bool:
    """"dozens of aid workers": the noun ``n`` is a vague count of something."""
    return lex.status.has("many_noun", tree.lemmas[n]) and bool(tree.pobj_of(n, frozenset({"of"})))
