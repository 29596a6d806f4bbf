"""Pronoun actors: "Pakistan said *it* had struck" → Pakistan."""

from __future__ import annotations

from .phrases import entity_head, np_span
from .tree import Tree

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
            return antecedent(tree, speaker) if tree.lemmas[speaker] in PRONOUN_ENTS \
                else speaker
    sents = tree.pdoc.sentences
    si = tree.tokens[i].sent
    for k in range(i - 1, sents[si].tok_start - 1, -1):  # a named subject first
        if tree.tokens[k].dep in ("nsubj", "nsubjpass") and k != i:
            a, b = np_span(tree, k)
            if any(tree.tokens[j].ent_type in labels for j in range(a, b)):
                return k
    for k in range(i - 1, sents[si].tok_start - 1, -1):
        if tree.tokens[k].ent_type in labels and tree.tokens[k].ent_iob != "I":
            return entity_head(tree, k)
    if si > 0:
        prev = sents[si - 1]
        for k in range(prev.tok_start, prev.tok_end):
            t = tree.tokens[k]
            if t.dep not in ("nsubj", "nsubjpass"):
                continue
            a, b = np_span(tree, k)  # "The Peruvian navy ... It": the navy
            if any(tree.tokens[j].ent_type in labels for j in range(a, b)):
                return k
    return i
