"""Refining an event's type from its context (after the trigger gave the base CAMEO code).

- weapons: the weapon words of the trigger's clause (else of its sentence) choose CAMEO code, PLOVER
  mode and ACLED sub-type of an assault ("drone" → 195/drone/Air/drone strike);
- targets: an attack on civilians is ACLED "Violence against civilians: Attack", one on armed
  forces stays "Battles: Armed clash"; a mob as attacker gives "Riots: Mob violence";
- territory: who takes a town decides "Government regains territory" vs "Non-state actor
  overtakes territory";
- protests: in a sentence about a protest, violence by the protesters gives a riot (CAMEO 145),
  lethal force against them CAMEO 175 ("Excessive force against protesters"), police intervention
  "Protest with intervention", else "Peaceful protest". All protest-related mentions of the
  sentence get the same reading.
"""

from __future__ import annotations

from dataclasses import replace
from collections.abc import Sequence
from typing import Protocol

from ..records import EventType
from .lexicon import Lexicon
from .roles import Roles
from .tree import Tree

REFINABLE = frozenset({"190", "180", "183", "193", "194", "195", "1823", "186", "202"})
PROTESTS = "Protests"


class Refinable(Protocol):
    type: EventType
    roles: Roles
    scope: set[int]


def mode_cue(tree: Tree, tokens: list[int], lex: Lexicon) -> str | None:
    """The strongest weapon cue among ``tokens`` (one word or two adjacent words)."""
    best: tuple[int, str] | None = None
    words = [tree.lemmas[k] for k in sorted(tokens) if tree.tokens[k].pos != "PUNCT"]
    for n, w in enumerate(words):
        for key in (w, f"{w} {words[n + 1]}" if n + 1 < len(words) else ""):
            cue = lex.modes.get(key)
            if cue is not None and (best is None or cue.rank < best[0]):
                best = (cue.rank, key)
    return best[1] if best else None


def refine_weapon(tree: Tree, c: Refinable, lex: Lexicon, sentence: list[int]) -> None:
    if c.type.cameo not in REFINABLE:
        return
    key = mode_cue(tree, list(c.scope), lex) or mode_cue(tree, sentence, lex)
    if key is not None:
        cue = lex.modes[key]
        c.type = lex.crosswalk.lookup(cue.cameo, mode=cue.mode, acled=cue.acled)


def _is(tree: Tree, lex: Lexicon, kind: str, i: int | None) -> bool:
    return i is not None and lex.word(kind, tree.lemmas[i])


CIVILIAN_GROUPS = frozenset({"civilians", "children", "women", "journalists", "tourists",
                             "aid workers", "students", "workers", "medics"})


def refine_target(tree: Tree, c: Refinable, lex: Lexicon,
                  groups: frozenset[str] = frozenset()) -> None:
    """Civilians or armed targets (actor2, else the victims' group); mobs; who took territory."""
    a1, a2 = c.roles.actor1, c.roles.actor2
    if c.type.cameo == "192":
        if _is(tree, lex, "state_force", a1):
            c.type = replace(c.type, acled_sub_event_type="Government regains territory")
        elif _is(tree, lex, "nonstate", a1):
            c.type = replace(c.type, acled_sub_event_type="Non-state actor overtakes territory")
        return
    if c.type.plover != "assault":
        return
    if _is(tree, lex, "mob", a1):
        c.type = lex.crosswalk.lookup("145", acled=("Riots", "Mob violence"))
    elif c.type.acled_event_type == "Battles" and not _is(tree, lex, "armed_target", a2) and (
            _is(tree, lex, "civilian", a2) or groups & CIVILIAN_GROUPS
            or (a2 is None and _is(tree, lex, "gunman", a1))):
        c.type = replace(c.type, acled_event_type="Violence against civilians",
                         acled_sub_event_type="Attack")


def _protest_reading(words: set[str], lex: Lexicon) -> tuple[str, tuple[str, str]]:
    """CAMEO code and ACLED (type, sub-type) of a protest sentence from its words."""
    def has(kind: str) -> bool:
        return bool(words & lex.words.get(kind, frozenset()))
    if has("violent_protest"):
        return "145", ("Riots", "Violent demonstration")
    if has("lethal"):
        return "175", (PROTESTS, "Excessive force against protesters")
    if has("intervention"):
        return "141", (PROTESTS, "Protest with intervention")
    return "141", (PROTESTS, "Peaceful protest")


def refine_protest(tree: Tree, cands: Sequence[Refinable], lex: Lexicon,
                   sentence: list[int]) -> None:
    """Give every protest-related mention of a protest sentence the same reading."""
    words = {tree.lemmas[k] for k in sentence}
    if not words & lex.words.get("protest_word", frozenset()):
        return
    related = [c for c in cands if c.type.plover in ("protest", "assault")
               or c.type.cameo == "173"]
    if not related:
        return
    cameo, acled = _protest_reading(words, lex)
    for c in related:
        if c.type.plover == "assault" or (c.type.plover == "protest" and cameo == "145"):
            code = cameo if cameo in ("145", "175") else "175"
            c.type = lex.crosswalk.lookup(code, acled=acled)
        else:
            c.type = replace(c.type, acled_event_type=acled[0], acled_sub_event_type=acled[1])
