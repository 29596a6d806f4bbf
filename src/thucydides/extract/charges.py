"""The agent of an act someone is charged with: "Dhaka condemned *Naypyidaw* for launching
an airstrike", "accused *Sudan* of killing a general": the charged party is the act's agent.

The charging verbs are the ``charge_verb`` rows of ``data/role_cues.tsv``.
"""

from __future__ import annotations

from .lexicon import Lexicon
from .roles import Roles
from .tree import Tree

CHARGE_PREPS = frozenset({"for", "of"})


def charged_agent(tree: Tree, i: int, roles: Roles, lex: Lexicon) -> None:
    """Give the trigger at ``i`` (a gerund, or the object of one: "for launching a strike") the
    object of the charging verb above it as its agent, when it has none."""
    if roles.actor1 is not None:
        return
    v = _gerund(tree, i)
    if v is None:
        return
    p = tree.head(v)
    if tree.tokens[v].dep != "pcomp" or p is None or tree.lemmas[p] not in CHARGE_PREPS:
        return
    verb = tree.head(p)
    if verb is None or not lex.word("charge_verb", tree.lemmas[verb]):
        return
    charged = tree.children(verb, ("dobj",))
    if charged and charged[0] != roles.actor2:
        roles.actor1 = charged[0]


def _gerund(tree: Tree, i: int) -> int | None:
    """The gerund whose act the trigger is: itself or the gerund it is the object of
    ("launching *a strike*")."""
    if tree.tokens[i].tag == "VBG":
        return i
    h = tree.head(i)
    if h is None or tree.tokens[i].dep != "dobj" or tree.tokens[h].tag != "VBG":
        return None
    return h
