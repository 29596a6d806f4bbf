"""The agent of an act someone is charged with: "Dhaka condemned *Naypyidaw* for launching
an airstrike", "accused *Sudan* of killing a general": the charged party is the act's agent.

The charging verbs are the ``charge_verb`` rows of ``data/role_cues.tsv``.
"""

from __future__ import annotations

from .lexicon import Lexicon
from .roles import Roles
from .tree import Tree

CHARGE_PREPS = frozenset({"for", "of"})
MEANS_PREPS = frozenset({"in", "with", "by"})


def charged_agent(tree: Tree, i: int, roles: Roles, lex: Lexicon) -> None:
    """Give the trigger at ``i`` (a gerund, or the object of one: "for launching a strike") the
    object of the charging verb above it as its agent, when it has none."""
    if roles.actor1 is not None:
        return
    verb = charging_verb(tree, i, lex)
    if verb is None:
        return
    charged = tree.children(verb, ("dobj",))
    if charged and charged[0] != roles.actor2:
        roles.actor1 = charged[0]


def charging_verb(tree: Tree, i: int, lex: Lexicon) -> int | None:
    """The verb that charges someone with the act of the trigger at ``i`` ("accused X *of
    killing* ...", "condemned X *for launching* a strike"), if any."""
    v = _gerund(tree, i)
    if v is None:
        return None
    p = tree.head(v)
    if tree.tokens[v].dep != "pcomp" or p is None or tree.lemmas[p] not in CHARGE_PREPS:
        return None
    verb = tree.head(p)
    return verb if verb is not None and lex.word("charge_verb", tree.lemmas[verb]) else None


def _gerund(tree: Tree, i: int) -> int | None:
    """The gerund whose act the trigger is: itself, the gerund it is the object of ("launching
    *a strike*") or the one it tells the means of ("killing a general *in an airstrike*")."""
    if tree.tokens[i].tag == "VBG":
        return i
    h = tree.head(i)
    if h is not None and tree.tokens[i].dep == "pobj" and tree.lemmas[h] in MEANS_PREPS:
        h = tree.head(h)
    elif tree.tokens[i].dep != "dobj":
        return None
    if h is None or tree.tokens[h].tag != "VBG":
        return None
    return h
