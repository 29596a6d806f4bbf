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
  sentence get the same reading; force against violent demonstrators is part of their riot. Which
  words count (riot police, tear gas, "non-violent", violence told in the next sentences, arrests
  that only name a protest): ``protest_cues.py``;
- armed sides: coordinated armed agents, or armed forces among the targets, fight a battle
  ("Armed clash") whoever else is killed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from ..records import EventType
from .lexicon import Lexicon
from .protest_cues import (
    cue_words,
    following_violence,
    names_protest,
    protest_words,
    topic_tokens,
)
from .roles import Roles, can_act
from .tree import Tree
from .triggers import match
from .types import request_code

REFINABLE = frozenset({"190", "180", "183", "193", "194", "195", "1823", "186", "202"})
PROTESTS = "Protests"
DESTROY = "1712"


class Refinable(Protocol):
    type: EventType
    roles: Roles
    scope: set[int]


def mode_cue(tree: Tree, tokens: list[int], lex: Lexicon) -> str | None:
    """The strongest weapon cue among ``tokens`` (one word or two adjacent words)."""
    best: tuple[int, str] | None = None
    words = [tree.lemmas[k] for k in sorted(tokens)
             if tree.tokens[k].pos != "PUNCT" and tree.tokens[k].text not in ("-", "–")]
    for n, w in enumerate(words):
        for key in (w, f"{w} {words[n + 1]}" if n + 1 < len(words) else ""):
            cue = lex.modes.get(key)
            if cue is not None and (best is None or cue.rank < best[0]):
                best = (cue.rank, key)
    return best[1] if best else None


REMOTE = "Explosions/Remote violence"


def refine_weapon(tree: Tree, c: Refinable, lex: Lexicon, sentence: list[int]) -> None:
    """The weapon words of the clause (else the sentence) choose the assault's code; property
    destroyed *by* missiles, drones or air strikes is a strike, not looting ("strikes destroyed
    houses", "missiles were used to destroy two bases")."""
    if c.type.cameo == DESTROY:
        key = mode_cue(tree, list(c.scope), lex)
        cue = lex.modes[key] if key is not None else None
        if cue is not None and cue.acled is not None and cue.acled[0] == REMOTE:
            c.type = lex.crosswalk.lookup(cue.cameo, mode=cue.mode, acled=cue.acled)
        return
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


def refine_request(tree: Tree, c: Refinable, i: int, lex: Lexicon) -> None:
    """"urged X to *release* ..." → appeal for release (0253); "demanded a *ceasefire*" → 107; else
    the requested act's own code says what is asked for ("urged X to *free* the men": 0253;
    ``data/request_acts.tsv``). "wants X to act" asks X: X is the target."""
    if c.type.cameo not in ("020", "100"):
        return
    kids = tree.children(i, ("xcomp", "dobj", "ccomp"))
    kids += tree.pobj_of(i, frozenset({"for"}))
    for k in kids:
        for w in (tree.lemmas[k], *(tree.lemmas[d] for d in tree.children(k, ("dobj",)))):
            codes = lex.topics.get(w)
            if codes is not None:
                code = codes[0] if c.type.cameo == "020" else codes[1]
                c.type = lex.crosswalk.lookup(code)
                _asked(tree, c, k, lex)
                return
    for k in tree.children(i, ("xcomp", "ccomp")):
        act = match(tree, k, lex.triggers)
        found = request_code(act.cameo, c.type.cameo == "100") if act is not None else None
        if found is not None:
            c.type = lex.crosswalk.lookup(found)
            _asked(tree, c, k, lex)
            return


def _asked(tree: Tree, c: Refinable, k: int, lex: Lexicon) -> None:
    """"wants *Putin* to attack": the subject of the requested clause is the one asked (not an
    event noun: "urged that *talks* resume")."""
    if c.roles.actor2 is not None or tree.tokens[k].dep != "ccomp":
        return
    who = tree.child(k, ("nsubj",))
    if who is not None and can_act(tree, who, lex.roles) and match(tree, who, lex.triggers) is None:
        c.roles.actor2 = who


def _gunmen(tree: Tree, lex: Lexicon, a1: int | None) -> bool:
    """Gunmen, assailants, bandits, "armed men": attackers who are not a fighting force."""
    if a1 is None:
        return False
    return _is(tree, lex, "gunman", a1) or (
        tree.lemmas[a1] in ("man", "men", "group", "individual", "person")
        and any(tree.lemmas[k] == "armed" for k in tree.children(a1, ("amod",))))


def refine_target(tree: Tree, c: Refinable, lex: Lexicon,
                  groups: frozenset[str] = frozenset(), words: frozenset[str] = frozenset(),
                  ) -> None:
    """Civilians or armed targets (actor2, else the victims' group); mobs; who took territory
    (``words``: the sentence's lemmas)."""
    a1, a2 = c.roles.actor1, c.roles.actor2
    if c.type.cameo == "192":
        if words & lex.words.get("unopposed", frozenset()):
            c.type = replace(c.type, acled_event_type="Strategic developments",
                             acled_sub_event_type="Non-violent transfer of territory")
        elif _is(tree, lex, "state_force", a1):
            c.type = replace(c.type, acled_sub_event_type="Government regains territory")
        elif _is(tree, lex, "nonstate", a1):
            c.type = replace(c.type, acled_sub_event_type="Non-state actor overtakes territory")
        return
    if c.type.plover != "assault":
        return
    if _is(tree, lex, "mob", a1):
        c.type = lex.crosswalk.lookup("145", acled=("Riots", "Mob violence"))
    elif c.type.acled_event_type == "Battles" and not _is(tree, lex, "armed_target", a2) and (
            _is(tree, lex, "civilian", a2) or groups & CIVILIAN_GROUPS or _gunmen(tree, lex, a1)
    ) and not _two_armed_sides(tree, c, lex):
        c.type = replace(c.type, acled_event_type="Violence against civilians",
                         acled_sub_event_type="Attack")


ARMED = ("state_force", "nonstate", "armed_target")


def _armed(tree: Tree, lex: Lexicon, i: int) -> bool:
    return any(_is(tree, lex, kind, i) for kind in ARMED)


def _two_armed_sides(tree: Tree, c: Refinable, lex: Lexicon) -> bool:
    """A fight of armed sides is a battle whoever else dies: coordinated armed agents ("troops and
    rebels clashed, killing civilians"), or armed forces among the targets ("attacking a market
    and an army base", "an attack to capture army positions")."""
    a1, a2 = c.roles.actor1, c.roles.actor2
    if a1 is not None and _armed(tree, lex, a1) and any(
            _armed(tree, lex, k) for k in [*c.roles.actor1_more, *tree.conjuncts(a1)]):
        return True
    goals = [k for i in c.scope for k in tree.children(i, ("acl", "xcomp")) if k not in c.scope]
    targets = ([*tree.conjuncts(a2), *c.roles.actor2_more] if a2 is not None else []) + [
        k for k in (*c.scope, *goals) if tree.tokens[k].dep == "dobj"] + [
        o for g in goals for o in tree.children(g, ("dobj",))]
    return any(_is(tree, lex, "armed_target", k) for k in targets)


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
    if not protest_words(tree, sentence, lex) and not any(
            c.type.acled_event_type == PROTESTS for c in cands):  # "a *sit-in*", "*picketed*"
        return
    related = [c for c in cands if c.type.plover in ("protest", "assault") or (
        c.type.cameo == "173" and not names_protest(tree, c.scope, sentence, lex))]
    if not related:
        return
    topic: set[int] = set()
    for c in cands:
        if c.type.plover == "protest":
            topic |= topic_tokens(tree, c.scope, lex)
    words = cue_words(tree, [k for k in sentence if k not in topic], lex)
    cameo, acled = _protest_reading(words, lex)
    if cameo != "145" and following_violence(tree, sentence, lex):
        cameo, acled = "145", ("Riots", "Violent demonstration")
    for c in related:
        if c.type.plover == "assault":
            _protest_assault(tree, c, lex, cameo, acled)
        elif c.type.plover == "protest" and cameo == "145":
            c.type = lex.crosswalk.lookup(cameo, acled=acled)
        else:
            c.type = replace(c.type, acled_event_type=acled[0], acled_sub_event_type=acled[1])


GENERIC_ASSAULT = frozenset({"190", "180", "182", "1712", "171", "18", "19"})


def _protest_assault(tree: Tree, c: Refinable, lex: Lexicon, cameo: str,
                     acled: tuple[str, str]) -> None:
    """Violence by protesters is a riot (145); violence against them repression (175)."""
    riot = ("Riots", "Violent demonstration")
    if _is(tree, lex, "protester", c.roles.actor1):
        c.type = lex.crosswalk.lookup("145", acled=riot) if c.type.cameo in GENERIC_ASSAULT \
            else replace(c.type, acled_event_type=riot[0], acled_sub_event_type=riot[1])
    elif _is(tree, lex, "protester", c.roles.actor2) or cameo != "145":
        # force against demonstrators who are violent themselves is part of the riot
        c.type = lex.crosswalk.lookup("175", acled=acled)
    else:
        c.type = lex.crosswalk.lookup("145", acled=acled)
