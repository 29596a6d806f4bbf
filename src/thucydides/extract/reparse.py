"""Repairs of two parser misreadings of a reduced relative clause, before any role is read.

- A garden path: "The journalists *arrested* for filming the march were freed on Monday" parsed
  with "arrested" as the main verb (subject "journalists") and "were freed" as its conjunct with
  no "and" and no subject of its own. Two finite verbs are never coordinated without a
  conjunction, so the first is a participle describing the noun ("the journalists arrested for
  ...") and the second is the verb the noun is the subject of: no arrest is told, only a release
  of people who had been arrested.
- A reduced relative participle tagged as a past tense ("the men *abducted* near the border have
  been freed": ``acl`` tagged ``VBD``, no subject): it is a past participle, passive like any
  participle after a noun, so the noun is what the act was done to, not its agent.

The repaired tokens are copies: the parsed document itself is not changed (the casualty and
claimant readers work on the parse as it came).
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Token

FINITE_AUX = frozenset({"aux", "auxpass"})
# what a participle after a noun may carry besides the noun and the misread verb ("imprisoned *for*
# protesting", "detained *by* police", "arrested *last* week"); an object, an auxiliary or a clause
# of its own make it a main verb
PARTICIPLE_DEPS = frozenset({"nsubj", "conj", "prep", "agent", "advmod", "npadvmod", "punct",
                             "prt"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _kids(tokens: list[Token]) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in tokens]
    for t in tokens:
        if t.head != t.i:
            kids[t.head].append(t.i)
    return kids


def _garden_path(tokens: list[Token], kids: list[list[int]], v: int) -> tuple[int, int] | None:
    """``(subject, real verb)`` when ``v`` is a participle misread as the main verb."""
    t = tokens[v]
    if t.pos != "VERB" or t.tag not in ("VBD", "VBN") or t.dep not in ("ROOT", "ccomp"):
        return None
    deps = [tokens[k].dep for k in kids[v]]
    if any(d not in PARTICIPLE_DEPS for d in deps) or deps.count("nsubj") != 1:
        return None
    n = next(k for k in kids[v] if tokens[k].dep == "nsubj")
    if tokens[n].pos not in ("NOUN", "PROPN") or n > v or not _ends_before(tokens, n, v):
        return None
    for c in kids[v]:
        ct = tokens[c]
        if ct.dep != "conj" or c < v or any(tokens[k].dep in SUBJECTS | {"cc"} for k in kids[c]):
            continue
        if any(tokens[k].dep in FINITE_AUX for k in kids[c]) and not any(
                tokens[k].text == "," and tokens[k].head == v for k in range(v + 1, c)):
            return n, c
    return None


def _ends_before(tokens: list[Token], n: int, v: int) -> bool:
    """The phrase of the noun ``n`` ends right before ``v`` ("the officers | detained"), with no
    word of the verb's own between them."""
    k: int | None = v - 1
    for _ in range(64):
        if k is None or k == n:
            return k == n
        h = tokens[k].head
        k = None if h == k else h
    return False


def _regraft(tokens: list[Token], kids: list[list[int]], v: int, n: int, c: int) -> None:
    """Hang ``v`` on the noun ``n`` as a participle and make ``c`` the verb ``n`` is the subject
    of; what ``v`` governed outside its own phrase (before the noun, after ``c``) goes to ``c``."""
    old, root = tokens[v], tokens[v].dep == "ROOT"
    passive = any(tokens[k].dep == "auxpass" for k in kids[c])
    tokens[c] = replace(tokens[c], dep=old.dep, head=c if root else old.head)
    tokens[v] = replace(old, dep="acl", head=n, tag="VBN")
    tokens[n] = replace(tokens[n], dep="nsubjpass" if passive else "nsubj", head=c)
    for k in kids[v]:
        if k != n and k != c and (k < n or k > c):
            tokens[k] = replace(tokens[k], head=c)


def _past_for_participle(tokens: list[Token], kids: list[list[int]], t: Token) -> bool:
    """A participle after the subject of a verb that follows it ("the men *abducted* near the
    border have been freed"), tagged as a past tense. A noun that is an object ("inspects the
    rifles troops seized": an object relative) or no verb's subject at all, and a participle
    with its own object or a conjunct ("forces crossed the border and took ...": a main verb
    the parser hung on a noun), are left as they are."""
    if t.dep != "acl" or t.tag != "VBD" or any(
            tokens[k].dep in SUBJECTS | FINITE_AUX | {"dobj", "conj", "mark"} for k in kids[t.i]):
        return False
    n = tokens[t.head]
    v = tokens[n.head]
    return n.dep in SUBJECTS and n.head > t.i and v.pos in ("VERB", "AUX")


def reduced_relatives(tokens: list[Token]) -> list[Token]:
    """The tokens with reduced relative clauses read as such (a copy when anything changed)."""
    kids = _kids(tokens)
    out: list[Token] | None = None
    for t in tokens:
        if _past_for_participle(tokens, kids, t):
            out = out if out is not None else list(tokens)
            out[t.i] = replace(t, tag="VBN")
            continue
        found = _garden_path(tokens, kids, t.i)
        if found is not None:
            out = out if out is not None else list(tokens)
            _regraft(out, kids, t.i, *found)
    return out if out is not None else tokens
