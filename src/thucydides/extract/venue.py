"""Where a meeting takes place, as its party of last resort."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .tree import Tree


def venue(tree: Tree, i: int) -> int | None:
    """The country or city a meeting takes place in ("met in Zurich"): CAMEO codes it as the
    target of a consultation that names no other party."""
    holders = [i]
    p = tree.head(i)
    if p is not None and tree.tokens[i].dep == "pobj" and tree.head(p) is not None:
        holders.append(tree.tokens[p].head)  # "landed in Oslo on a visit"
    elif p is not None and tree.tokens[i].dep == "dobj":
        holders.append(p)  # "staged a protest in Beijing"
    for h in holders:
        for k in tree.pobj_of(h, frozenset({"in", "to"})):
            if tree.tokens[k].ent_type == "GPE":
                return k
    return None
