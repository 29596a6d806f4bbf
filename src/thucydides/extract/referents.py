"""Agents an event noun or clause gets from beyond its own subject.

- "This suicide bombing, *carried out by* X, killed ...", "the raid *that X carried out*": the
  agent (or subject) of a light verb describing the event noun is its agent (``done_by``);
- "This move was described by Y *as hitting* Z", "Y described the strikes *as targeting* Z": the
  gerund's subject is the thing described, not the describer (``described``);
- "bombings at a memorial for a general slain in a *2020 strike*": an act inside the noun phrase
  of another event and named by its year is background (``subordinate``, ``year_named``);
- "The strike killed two children", "This retaliatory move ... hit hideouts": a definite or
  demonstrative event noun with no agent of its own points back at the last act of the same type
  the article told, a few sentences before, and takes its agent (``Prior``; ``event_noun`` rows of
  ``data/role_cues.tsv`` name the nouns that can stand for an act, and ``anaphoric_det`` the
  determiners);
- "killed an Iranian general in an airstrike on a Damascus suburb": when a casualty verb folds
  into its attack word, the people it names are the target rather than the place struck
  (``victims_over_place``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .tree import Tree

REACH = 3  # sentences an event noun reaches back for its act
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near"})
NAME_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON", "FAC", "LOC"})
DESCRIBE_PREPS = frozenset({"as"})
OWNER_DEPS = ("poss",)


def done_by(tree: Tree, n: int, light: frozenset[str]) -> int | None:
    """The agent of a light verb describing the event noun ``n``: "the bombing, *carried out by*
    militants" (a participle with a "by" agent), "the raid *militants carried out*" (a relative
    clause whose subject acts)."""
    for v in tree.children(n, ("acl", "relcl")):
        if tree.lemmas[v] not in light:
            continue
        if tree.tokens[v].dep == "acl" and tree.tokens[v].tag == "VBN":
            for a in tree.children(v, ("agent",)):
                objs = tree.children(a, ("pobj",))
                if objs:
                    return objs[0]
        elif tree.tokens[v].dep == "relcl" and tree.child(v, ("nsubjpass",)) is None:
            s = tree.child(v, ("nsubj",))
            if s is not None and tree.tokens[s].pos in ("PROPN", "NOUN"):
                return s
    return None


def described(tree: Tree, v: int) -> int | None:
    """The subject of a gerund that says what something was described as: "X was described by Y
    *as hitting* Z" → X; "Y described X *as hitting* Z" → X."""
    p = tree.head(v)
    if tree.tokens[v].dep != "pcomp" or p is None or tree.lemmas[p] not in DESCRIBE_PREPS:
        return None
    h = tree.head(p)
    if h is None or tree.tokens[h].pos != "VERB":
        return None
    passive = tree.child(h, ("nsubjpass",))
    return passive if passive is not None else tree.child(h, ("dobj",))


def refers_back(tree: Tree, i: int, event_nouns: frozenset[str], dets: frozenset[str]) -> bool:
    """Token ``i`` is an event noun named as one already told: a definite or demonstrative
    determiner, no owner ("the strike", "this retaliatory move"; not "Iran's strike")."""
    if tree.tokens[i].pos != "NOUN" or tree.lemmas[i] not in event_nouns:
        return False
    if tree.children(i, OWNER_DEPS) or _placed(tree, i):
        return False
    found = tree.children(i, ("det",))
    return bool(found) and tree.lemmas[found[0]] in dets


def _placed(tree: Tree, i: int) -> bool:
    """"the attack *in Kabul*": an act named by its own place is not simply the last one told."""
    return any(tree.tokens[k].ent_type in PLACE_ENTS for o in tree.pobj_of(i, PLACE_PREPS)
               for k in _phrase(tree, o))


def _phrase(tree: Tree, o: int) -> list[int]:
    return [o, *(k for k in tree.children(o, ("poss", "compound", "amod", "nmod")))]


def named(tree: Tree, a: int) -> bool:
    """An agent worth carrying to a later reference: a name, or a noun a name qualifies
    ("Iranian forces"), not a bare common noun ("assailants")."""
    if tree.tokens[a].ent_type in NAME_ENTS or tree.tokens[a].pos == "PROPN":
        return True
    return any(tree.tokens[k].ent_type in NAME_ENTS for k in _phrase(tree, a))


def subordinate(tree: Tree, i: int, triggers: frozenset[int]) -> bool:
    """The trigger ``i`` lies inside the noun phrase of another event of its sentence ("bombings
    targeting a ceremony for a general slain in a 2020 *strike*"): background, no antecedent.
    ``triggers`` are the other events' trigger tokens."""
    node = tree.head(i)
    for _ in range(12):
        if node is None:
            return False
        if node in triggers and tree.tokens[node].pos == "NOUN":
            return True
        node = tree.head(node)
    return False


@dataclass(slots=True)
class Prior:
    """The agents of the acts an article told so far: (sentence, PLOVER type, agent token)."""

    acts: list[tuple[int, str, int]] = field(default_factory=list)

    def record(self, sent: int, plover: str, agent: int) -> None:
        self.acts.append((sent, plover, agent))

    def agent(self, sent: int, plover: str) -> int | None:
        """The agent of the last act of type ``plover`` told up to ``REACH`` sentences back."""
        for s, p, a in reversed(self.acts):
            if s < sent - REACH:
                return None
            if p == plover:
                return a
        return None


def year_named(tree: Tree, i: int) -> bool:
    """The event noun carries a bare year ("a *2020* drone strike"): named by when it was, as a
    past event is."""
    return any(tree.tokens[k].ent_type == "DATE" and tree.tokens[k].text.isdigit()
               and len(tree.tokens[k].text) == 4
               for k in tree.children(i, ("nummod", "compound", "amod", "nmod")))


PEOPLE_ENTS = frozenset({"PERSON", "NORP"})


def victims_over_place(tree: Tree, victims: int, target: int) -> bool:
    """"killed an Iranian general in an airstrike on a Damascus neighbourhood": the people a
    casualty verb names are the target, rather than the place the attack word was aimed at."""
    return any(tree.tokens[k].ent_type in PEOPLE_ENTS for k in _phrase(tree, victims)) and all(
        tree.tokens[k].ent_type not in PEOPLE_ENTS for k in _phrase(tree, target)) and any(
        tree.tokens[k].ent_type in PLACE_ENTS for k in _phrase(tree, target))


def event_agent(tree: Tree, e: int) -> int | None:
    """The party an act's target stands for when the target is itself an event ("condemned
    *Iran's* strike", "denounced the *Iranian* attack", "the attack *by gunmen*"): the event's
    agent; None when it names none ("condemned the killing of nine workers": the workers are its
    victims, not whom the condemnation is against)."""
    poss = tree.children(e, ("poss",))
    if poss:
        return poss[0]
    by = tree.pobj_of(e, frozenset({"by"}))
    if by:
        return by[0]
    names = [k for k in tree.children(e, ("amod", "compound")) if tree.tokens[k].ent_type in
             ("NORP", "GPE", "ORG")]
    return names[0] if names else None

