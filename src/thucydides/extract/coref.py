"""Pronoun actors: "Pakistan said *it* had struck" → Pakistan; a reflexive object stands for the
act's own agent ("the rebels shelled *themselves*" → the rebels)."""

from __future__ import annotations

from collections.abc import Callable

from .claimants import attribution_lexicon
from .phrases import entity_head, np_span
from .roles import subject_of
from .tree import Tree

OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "oprd"})
REFLEXIVES = frozenset({"itself", "themselves", "themself", "himself", "herself", "ourselves",
                        "ourself", "oneself"})

PRONOUN_ENTS = {"it": ("GPE", "ORG", "NORP"), "its": ("GPE", "ORG", "NORP"),
                "they": ("GPE", "ORG", "NORP"), "their": ("GPE", "ORG", "NORP"),
                "them": ("GPE", "ORG", "NORP"), "he": ("PERSON",), "his": ("PERSON",),
                "she": ("PERSON",), "her": ("PERSON",), "him": ("PERSON",)}


def antecedent(tree: Tree, i: int) -> int:
    """A pronoun actor ("Pakistan said *it* had struck") stands for the nearest name of the
    right kind before it in its sentence, else for the subject of the sentence before."""
    labels = PRONOUN_ENTS.get(tree.lemmas[i]) or PRONOUN_ENTS.get(tree.tokens[i].text.lower())
    if labels is None:
        return i
    v = tree.head(i)
    if tree.tokens[i].dep == "nsubj" and v is not None and tree.tokens[v].dep == "ccomp":
        speaker = tree.child(tree.tokens[v].head, ("nsubj",))  # "Peru's navy said it ..."
        if speaker is not None and speaker < i and tree.tokens[speaker].pos in (
                "NOUN", "PROPN", "PRON"):  # not a verb misparsed as the subject
            if tree.lemmas[speaker] in PRONOUN_ENTS:
                return antecedent(tree, speaker)
            issuer = _issuer(tree, speaker, labels)
            if issuer is not None or not _document(tree, speaker):
                return speaker if issuer is None else issuer
    sents = tree.pdoc.sentences
    si = tree.tokens[i].sent
    bound = _own_subject(tree, i)
    for k in range(i - 1, sents[si].tok_start - 1, -1):  # a named subject first
        if tree.tokens[k].dep in ("nsubj", "nsubjpass") and k != i and k not in bound and \
                _names(tree, k, labels):
            return k
    for k in range(i - 1, sents[si].tok_start - 1, -1):
        if tree.tokens[k].ent_type in labels and tree.tokens[k].ent_iob != "I" and \
                not _in_any(tree, k, bound) and not _struck(tree, entity_head(tree, k)):
            return entity_head(tree, k)
    if si > 0:
        prev = sents[si - 1]
        for k in range(prev.tok_start, prev.tok_end):
            t = tree.tokens[k]
            if t.dep not in ("nsubj", "nsubjpass"):
                continue
            found = _issuer(tree, k, labels)  # "The Peruvian navy ... It": the navy
            if found is not None:
                return found
    return i


ISSUE_PREPS = frozenset({"from", "by", "of"})
TARGET_PREPS = frozenset({"on", "against", "at", "into"})


def _names(tree: Tree, k: int, labels: tuple[str, ...]) -> bool:
    """The subject ``k`` names a party of the right kind: in its own words ("The Peruvian navy")
    or in its "of" phrase ("the government of Peru", "thousands of Sudanese protesters"), but not
    as the owner of something else there ("the timing of *Iran's* attack" names an attack)."""
    a, b = np_span(tree, k)
    return any(tree.tokens[j].ent_type in labels and not (j > k and tree.tokens[j].dep == "poss")
               for j in range(a, b))


def _struck(tree: Tree, k: int) -> bool:
    """The name is the target of an act ("Iran's attack *on Pakistan*, after it launched"): the
    party a later pronoun subject stands for is rather the one that acts."""
    h = tree.head(k)
    return tree.tokens[k].dep == "pobj" and h is not None and tree.lemmas[h] in TARGET_PREPS


def _issuer(tree: Tree, k: int, labels: tuple[str, ...]) -> int | None:
    """The party a subject names: itself when its phrase holds a name of the right kind ("The
    Peruvian navy"); for a statement or report with no name in its own words, the one it comes
    from ("a statement *from* the Guards said it ..."); None when it names no one."""
    a, b = np_span(tree, k)
    if any(tree.tokens[j].ent_type in labels for j in range(a, b)) or \
            tree.tokens[k].ent_type in labels:
        return k
    if tree.tokens[k].pos != "NOUN":
        return None
    for o in tree.pobj_of(k, ISSUE_PREPS):
        c, d = np_span(tree, o)
        if any(tree.tokens[j].ent_type in labels for j in range(c, d)):
            return o
    return None


def _own_subject(tree: Tree, i: int) -> set[int]:
    """The subject of the clause an object pronoun sits in ("X struck Y, accusing *it* of ..."):
    a plain pronoun object never stands for its own clause's subject, so X is no antecedent."""
    if tree.tokens[i].dep not in OBJECT_DEPS or tree.lemmas[i] in ("its", "their", "his", "her"):
        return set()
    v = tree.head(i)
    if v is not None and tree.tokens[i].dep == "pobj":
        v = tree.head(v)
    if v is None or tree.tokens[v].pos not in ("VERB", "AUX"):
        return set()
    s = subject_of(tree, v)
    if s is None:
        return set()
    return {s, antecedent(tree, s)} if tree.lemmas[s] in PRONOUN_ENTS else {s}


def _in_any(tree: Tree, k: int, heads: set[int]) -> bool:
    """Token ``k`` lies inside the noun phrase of one of ``heads``."""
    for h in heads:
        a, b = np_span(tree, h)
        if a <= k < b:
            return True
    return False


def _document(tree: Tree, k: int) -> bool:
    """A statement, report or communique: its author, not the document, is the party."""
    return attribution_lexicon().nouns.get(tree.tokens[k].text.lower()) == "statement"


def reflexive_target(tree: Tree, i: int, agent: int, self_harm: Callable[[str], bool],
                     ) -> int | None:
    """The party a target ``i`` stands for when it is a reflexive pronoun object: the act's own
    ``agent`` ("Iraq attacked *itself*", "fired on *themselves*"); whom the self is handed over
    to ("surrendered *himself* to police" → police); None for a self-destruction, whose victims
    are others ("bombers blew *themselves* up", verbs for which ``self_harm`` holds). Any other
    ``i`` (also a reflexive stressing a name, "Putin *himself*") is returned as it is."""
    t = tree.tokens[i]
    if t.text.lower() not in REFLEXIVES or t.dep not in OBJECT_DEPS or t.head == i:
        return i
    v = t.head if t.dep != "pobj" else tree.tokens[t.head].head
    if self_harm(tree.lemmas[v]):
        return None
    if t.dep == "dobj":
        to = tree.pobj_of(v, frozenset({"to"}))
        if to:
            return to[0]
    return agent
