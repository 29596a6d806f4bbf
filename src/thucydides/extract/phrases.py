"""Actor noun phrases: the span of text that names an actor, from its head token.

- ``np_span``: the head with its modifiers on the left and its "of"-phrase, never across a line
  break (a glued heading or caption) and never starting with a determiner;
- ``actor_ref``: that span as an :class:`~thucydides.records.ActorRef`, extended by an "in <place>"
  or "from <named body>" phrase of a common noun ("a court *in Guyana*", "ministers *from the
  Georgian government*": it says whose the actor is), narrowed to the last of coordinated name
  modifiers ("US and *British activists*": ``name_modifiers`` gives the others, each an actor);
- ``after_gap``: a subject parsed across a gap keeps only the name after it.
"""

from __future__ import annotations

from ..records import ActorRef
from .tree import Tree

NP_LEFT = frozenset({"compound", "amod", "poss", "nmod", "case", "flat", "nummod", "quantmod"})
NAME_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON", "FAC", "LOC"})
PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})  # names of parties: no place or site


def np_span(tree: Tree, i: int) -> tuple[int, int]:
    """Token range [a, b) of the noun phrase headed by ``i``: modifiers on the left, "of"-phrase."""
    lo = hi = i
    stack = [k for k in tree.kids[i] if k < i and tree.tokens[k].dep in NP_LEFT
             and tree.tokens[k].ent_type not in ("DATE", "TIME")]
    while stack:
        k = stack.pop()
        lo = min(lo, k)
        stack.extend(tree.kids[k])
    for p in tree.children(i, ("prep",)):
        if p > i and tree.lemmas[p] == "of":
            for o in tree.children(p, ("pobj",)):
                hi = max(hi, np_span(tree, o)[1] - 1)
    lo, hi = _entity_bounds(tree, i, lo, hi)
    for k in range(i - 1, lo - 1, -1):  # never run over a line break into a heading or caption
        if gap(tree, k):
            lo = k + 1
            break
    while lo < i and tree.tokens[lo].pos in ("PUNCT", "DET", "CCONJ"):
        lo += 1
    for k in range(i, hi):
        if gap(tree, k):
            hi = k
            break
    return lo, hi + 1


def after_gap(tree: Tree, a: int, i: int) -> int | None:
    """A subject parsed across a caption or heading gap ("(AFP Photo)   Iraq recalled"): the
    name after the last gap, else no actor."""
    gaps = [k for k in range(a, i) if gap(tree, k)]
    if not gaps:
        return a
    for k in range(gaps[-1] + 1, i):
        if tree.tokens[k].ent_type in NAME_ENTS and tree.tokens[k].ent_iob != "I":
            return entity_head(tree, k)
    return None


def gap(tree: Tree, k: int) -> bool:
    """A line break or a run of spaces after token ``k`` (glued headings, captions)."""
    t = tree.tokens[k]
    return "\n" in t.ws or len(t.ws) > 1 or t.pos == "SPACE" or (t.text.isspace() and t.text != "")


def _entity_bounds(tree: Tree, i: int, lo: int, hi: int) -> tuple[int, int]:
    toks = tree.tokens
    if not toks[i].ent_type:
        return lo, hi
    a = b = i
    while toks[a].ent_iob == "I" and a > 0:
        a -= 1
    while b + 1 < len(toks) and toks[b + 1].ent_iob == "I":
        b += 1
    return min(lo, a), max(hi, b)


def actor_ref(tree: Tree, i: int, trigger: int | None = None) -> ActorRef:
    """The raw actor span headed by token ``i`` (character offsets into the document text);
    it never takes in the ``trigger`` ("Iran Strike" as one name: the actor is "Iran")."""
    a, b = np_span(tree, i)
    b = max(b, _home(tree, i))
    split = name_modifiers(tree, i)
    if split:  # "US and British activists": this one is "British activists"
        a = max(a, max(tree.conjuncts(split[0])))
    if trigger is not None and a <= trigger < b:
        a, b = (a, trigger) if i < trigger else (trigger + 1, b)
    start, end = tree.tokens[a].idx, tree.tokens[b - 1].end
    return ActorRef(text=tree.pdoc.doc.text[start:end], start=start, end=end)


def name_modifiers(tree: Tree, i: int) -> list[int]:
    """The first names of a coordinated name modifier ("*US* and British activists", "*French*,
    *German* and Dutch troops"): each is an actor of its own, the last one stays with the noun."""
    for k in tree.children(i, ("amod", "nmod", "compound")):
        if k > i or tree.tokens[k].ent_type not in ("NORP", "GPE"):
            continue
        more = [c for c in tree.conjuncts(k) if c < i and tree.tokens[c].ent_type in ("NORP", "GPE")]
        if more:
            return [k, *more[:-1]]
    return []


def _home(tree: Tree, i: int) -> int:
    """End of a common noun's "in <country or city>" / "from <named body>" phrase ("a court *in
    Guyana*", "ministers *from the Georgian government*"): it says whose the actor is."""
    t = tree.tokens[i]
    if t.pos != "NOUN" or t.ent_type:
        return i
    for p in tree.children(i, ("prep",)):
        if p < i or tree.lemmas[p] not in ("in", "from"):
            continue
        for o in tree.children(p, ("pobj",)):
            named = tree.tokens[o].ent_type == "GPE" or (tree.lemmas[p] == "from" and any(
                tree.tokens[k].ent_type in ("GPE", "NORP", "ORG")
                for k in range(*np_span(tree, o))))
            if named and not any(gap(tree, k) for k in range(i, o)):
                return np_span(tree, o)[1]
    return i


def entity_head(tree: Tree, k: int) -> int:
    """Last token of the entity starting at ``k`` (the head of a multi-word name)."""
    while k + 1 < len(tree.tokens) and tree.tokens[k + 1].ent_iob == "I":
        k += 1
    return k


def gerund_subject(tree: Tree, v: int) -> int | None:
    """"led to *Islamabad* denouncing ...", "resulted in *Pakistan* recalling ...": a name
    right before a gerund, parsed as the object of the preposition, is its subject."""
    if tree.tokens[v].tag != "VBG":
        return None
    k = v - 1
    while k >= 0 and tree.tokens[k].pos == "ADV":
        k -= 1
    if k < 0 or tree.tokens[k].dep != "pobj" or tree.tokens[k].ent_type not in NAME_ENTS:
        return None
    return k


def misparsed_subject(tree: Tree, v: int) -> int | None:
    """A name left of a verb that the parser hung on it as a modifier ("Pakistan conducts
    strikes" parsed with Pakistan as amod): the subject the clause lacks."""
    if tree.tokens[v].pos != "VERB" or tree.child(v, ("nsubjpass", "expl")) is not None:
        return None
    names = [k for k in tree.children(v, ("amod", "compound", "npadvmod", "nmod", "dep"))
             if k < v and tree.tokens[k].pos == "PROPN" and tree.tokens[k].ent_type in NAME_ENTS]
    return names[0] if names else None
