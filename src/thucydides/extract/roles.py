"""Actor roles from the dependency parse: who acted (actor1) and on whom (actor2).

Rules, in order (see docs in ``extract/__init__.py``):

- verb, active: actor1 = subject (a relative pronoun is replaced by the noun the clause describes; a
  verb without a subject takes the one of the verb it depends on, or the object of a control verb:
  "urged Pakistan to attack"); actor2 = direct object, else the object of on/against/at/into.
- verb, passive: actor1 = the "by" agent, actor2 = the passive subject (or the noun a reduced
  relative describes: "militants killed in the raid").
- noun: actor1 = possessor ("Iran's strike"), "by X", a light verb describing it ("the raid,
  carried out by X"; ``referents.done_by``), or a name-like modifier ("Iranian strikes",
  "US drone strike"); else the subject of the light verb it is the object of ("carried out
  strikes"); actor2 = the object of on/against/at (on the noun or its light verb), or "with X".
- "talks between X and Y": actor1 = X, actor2 = Y; "engaged X in a firefight": actor2 = X;
  "arrest warrants for X": actor2 = X.
- receiving (flag ``rev``): "X received weapons from Y": actor1 = Y, actor2 = X.
- a weapon with no owner is no actor ("rockets hit the camp"; "Iranian drones" still are).
- a name right before a gerund is its subject ("led to Islamabad denouncing ...").
- speech verbs never give actor1 to the event they report: the event is read in its own clause.
- a country compound on an event noun ("the Pakistan strike") is the agent, unless another agent
  is named for it (possessive, "by X", light-verb subject): then it is the target.
- a passive casualty with no agent takes the owner of the attack it happened in ("killed in
  *Israeli* tank shelling"; role_cues ``in_agent``); "claimed *responsibility*" is no target.

Coordinated actors ("Iran and Pakistan agreed", "US and British activists"): the first conjunct
is the actor, the others are returned in ``actor1_more`` / ``actor2_more`` so the assembly can emit
one mention per actor. The text span of an actor is read in ``phrases.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .envoys import office_conjuncts, own_envoy, own_envoy_target, passive_envoy
from .phrases import (
    NAME_ENTS,
    actor_ref,
    after_gap,
    entity_head,
    gerund_subject,
    misparsed_subject,
    name_modifiers,
    np_span,
)
from .referents import described, done_by
from .tree import Tree
from .venue import venue

__all__ = [
    "NAME_ENTS",
    "RoleCues",
    "Roles",
    "actor_ref",
    "entity_head",
    "find_roles",
    "np_span",
    "venue",
]

RELATIVE = frozenset({"who", "which", "that", "whom"})
DEMONSTRATIVE = frozenset({"this", "these", "those"})
PATIENT = frozenset({"on", "against", "at", "upon", "into", "targeting", "toward", "towards"})
PARTNER = frozenset({"with"})
NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
QUANTITY_NOUNS = frozenset({"series", "wave", "number", "string", "salvo", "barrage", "volley",
                            "round", "spate", "flurry", "set", "pair", "couple", "dozens", "mix",
                            "combination", "hail"})
CLAIM_NOUNS = frozenset({"responsibility", "credit"})
CLAIM_VERBS = frozenset({"claim", "take", "accept", "admit", "assume"})


@dataclass(slots=True)
class Roles:
    actor1: int | None = None
    actor2: int | None = None
    actor1_more: list[int] = field(default_factory=list)
    actor2_more: list[int] = field(default_factory=list)
    mutual: bool = False  # coordinated agents act on each other when no target is named


@dataclass(frozen=True, slots=True)
class RoleCues:
    light_verbs: frozenset[str]
    happen_verbs: frozenset[str]
    skip_objects: frozenset[str]  # weapon words: "fired missiles at X" → X is the target
    speech_verbs: frozenset[str] = frozenset()  # their subject is a speaker, never an actor
    of_patient: frozenset[str] = frozenset()  # nouns whose "of" object is the target
    visit_nouns: frozenset[str] = frozenset()  # "during a visit": the clause's subject visits
    from_agent: frozenset[str] = frozenset()  # "condemnation *from* X": X is the actor
    weapons: frozenset[str] = frozenset()  # "missiles destroyed the camp": no actor
    for_patient: frozenset[str] = frozenset()  # "warrants *for* X": X is the target
    to_patient: frozenset[str] = frozenset()  # "against travel *to* X": X is the target
    in_agent: frozenset[str] = frozenset()  # "killed in *Israeli* shelling": the shellers act
    envoys: frozenset[str] = frozenset()  # "recalled *its* ambassador from X": X (envoys.py)
    envoy_from: frozenset[str] = frozenset()  # verbs an own envoy leaves "from X" by
    envoy_to: frozenset[str] = frozenset()  # verbs an own envoy goes "to X" by
    offices: frozenset[str] = frozenset()  # "the ministers of X and Y": X and Y (envoys.py)


def _antecedent(tree: Tree, i: int) -> int:
    """A relative pronoun stands for the noun its clause describes."""
    if tree.lemmas[i] in RELATIVE:
        clause = tree.head(i)
        if clause is not None and tree.tokens[clause].dep in ("relcl", "acl"):
            h = tree.head(clause)
            if h is not None:
                return h
    return i


def subject_of(tree: Tree, v: int, depth: int = 0,
               speech: frozenset[str] = frozenset()) -> int | None:
    """The subject of verb ``v``, inherited through xcomp/advcl/conj/relcl chains when missing.

    A speech verb's subject is never inherited: "X said ... and struck" does not make X the actor.
    """
    s = tree.child(v, ("nsubj", "csubj"))
    if s is None:
        s = misparsed_subject(tree, v)
    if s is None:
        s = described(tree, v)  # "X was described as hitting Y": X
    if s is not None:
        return _antecedent(tree, s)
    t = tree.tokens[v]
    h = tree.head(v)
    named = gerund_subject(tree, v)
    if named is not None:
        return named
    if h is None or depth > 3 or tree.lemmas[h] in speech:
        return None
    if t.dep in ("relcl", "acl") and not tree.is_passive(v):
        return h
    if t.dep == "xcomp":
        obj = tree.child(h, ("dobj",))
        if obj is None and tree.is_passive(h):  # "X is scheduled to visit": X visits
            obj = tree.child(h, ("nsubjpass",))
        return obj if obj is not None else subject_of(tree, h, depth + 1, speech)
    if t.dep == "acomp":  # "Iran is ready to help": the subject of "is"
        return subject_of(tree, h, depth + 1, speech)
    if t.dep == "conj" and v > 0 and tree.tokens[v - 1].pos in ("NOUN", "PROPN", "PRON"):
        return None  # "jailed a student for helping militants *join* a group": no "and", misparsed
    if t.dep in ("advcl", "conj") and not tree.children(v, ("mark",)):
        return agent_of(tree, h) if tree.is_passive(h) else subject_of(tree, h, depth + 1, speech)
    return None


def agent_of(tree: Tree, v: int) -> int | None:
    for a in tree.children(v, ("agent",)):
        objs = tree.children(a, ("pobj",))
        if objs:
            return objs[0]
    return None


def repair(tree: Tree, i: int) -> int:
    """A date parsed as the head of a name ("met Bashar Assad Tuesday"): the name is the actor."""
    if tree.tokens[i].ent_type not in NOT_ACTOR_ENTS:
        return i
    names = [k for k in tree.children(i, ("compound",)) if tree.tokens[k].ent_type in NAME_ENTS]
    return names[-1] if names else i


def can_act(tree: Tree, i: int, cues: RoleCues) -> bool:
    """Dates, numbers and weapons are never actors."""
    t = tree.tokens[i]
    if t.ent_type in NOT_ACTOR_ENTS or tree.lemmas[i] in cues.skip_objects:
        return False
    if t.pos not in ("NOUN", "PROPN", "PRON") and t.ent_type not in NAME_ENTS:
        return False  # "fired at what it said were ...": a clause is not an actor
    if tree.lemmas[i] in QUANTITY_NOUNS:  # "a series of missiles"
        return not any(tree.lemmas[o] in cues.skip_objects
                       for o in tree.pobj_of(i, frozenset({"of"})))
    return True


def _patient(tree: Tree, v: int, cues: RoleCues) -> int | None:
    """Direct object, else the object of on/against/at... of the verb or of its non-actor object
    ("fired missiles *at X*", "lifted the sanctions *on X*"); a journey's destination ("advised
    against travel *to X*")."""
    dobjs = tree.children(v, ("dobj",))  # "claimed *responsibility* for": no target
    objs = [o for o in dobjs if can_act(tree, o, cues) and tree.lemmas[o] not in CLAIM_NOUNS]
    if objs:
        return objs[0]
    for holder in (v, *dobjs):
        found = [d for o in tree.pobj_of(holder, PATIENT) for d in _destination(tree, o, cues)
                 if can_act(tree, d, cues)]
        if found:
            return found[0]
    return None


def _destination(tree: Tree, o: int, cues: RoleCues) -> list[int]:
    """A patient noun as written, or the place a journey noun goes to ("travel to X")."""
    if tree.lemmas[o] in cues.to_patient:
        return tree.pobj_of(o, frozenset({"to"}))
    return [o]


def verb_roles(tree: Tree, v: int, cues: RoleCues, sym: bool) -> Roles:
    r = Roles()
    if tree.is_passive(v):
        r.actor1 = agent_of(tree, v)
        p = tree.child(v, ("nsubjpass",))
        h = tree.head(v)
        envoy = passive_envoy(tree, v, p, cues) if p is not None else None
        if envoy is not None:  # "Chad's envoy was recalled from X": Chad acts on X
            r.actor1, r.actor2 = r.actor1 if r.actor1 is not None else envoy[0], envoy[1]
        elif p is not None and tree.lemmas[p] in cues.skip_objects:
            r.actor2 = _patient(tree, v, cues)  # "a mortar was fired at X"
        elif p is not None:
            r.actor2 = _antecedent(tree, p)
        elif tree.tokens[v].dep == "acl" and h is not None:
            r.actor2 = h
        if r.actor1 is None:
            r.actor1 = _in_attack_owner(tree, v, cues)
    else:
        r.actor1 = subject_of(tree, v, speech=cues.speech_verbs)
        r.actor2 = _patient(tree, v, cues)
        if r.actor2 in tree.children(v, ("dobj",)) and own_envoy(tree, v, r.actor2, r.actor1, cues):
            r.actor2 = own_envoy_target(tree, v, r.actor2, cues)  # "recalled its envoy from X"
            r.mutual = r.actor2 is None  # "X and Y agreed to return ambassadors"
    if r.actor2 is None and sym:
        partners = tree.pobj_of(v, PARTNER)
        r.actor2 = partners[0] if partners else None
    return r


def _name_modifier(tree: Tree, n: int, cues: RoleCues) -> int | None:
    for k in tree.children(n, ("poss",)):
        return k
    by = tree.pobj_of(n, frozenset({"by"}))
    if not by and tree.lemmas[n] in cues.from_agent:  # "condemnation from Pakistan"
        by = tree.pobj_of(n, frozenset({"from"}))
    if by:
        return by[0]
    mods = tree.children(n, ("amod", "compound", "nmod"))
    for k in [*mods, *(g for m in mods for g in tree.children(m, ("amod", "compound")))]:
        t = tree.tokens[k]  # "Iranian strikes", "Israeli tank shelling"
        if (tree.lemmas[k] in cues.skip_objects and t.ent_type not in NAME_ENTS) or (
                t.ent_type in NOT_ACTOR_ENTS):
            continue
        if t.ent_type in NAME_ENTS:
            return k
    return None


def _country_compound(tree: Tree, n: int) -> int | None:
    """A country or city name compounded onto the event noun ("the Pakistan strike"): agent
    or place. It is the place (target) when the sentence names another agent of the act."""
    for k in tree.children(n, ("compound",)):
        if tree.tokens[k].ent_type == "GPE" and tree.tokens[k].pos == "PROPN":
            return k
    return None


def _claimer(tree: Tree, n: int) -> int | None:
    """"X claimed responsibility for the attack" → X is the attacker."""
    p = tree.head(n)
    r = tree.head(p) if p is not None and tree.lemmas[p] == "for" else None
    if r is not None and tree.lemmas[r] in CLAIM_VERBS and any(
            tree.lemmas[k] in CLAIM_NOUNS for k in tree.children(r, ("dobj",))):
        return subject_of(tree, r)  # "X took credit for the blasts"
    v = tree.head(r) if r is not None and tree.lemmas[r] in CLAIM_NOUNS else None
    if v is None or tree.lemmas[v] not in CLAIM_VERBS:
        return None
    return subject_of(tree, v)


def _light(tree: Tree, i: int, cues: RoleCues) -> bool:
    """A light verb, also when the lemmatizer stumbled ("staged" → "stag")."""
    if tree.lemmas[i] in cues.light_verbs:
        return True
    low = tree.tokens[i].text.lower()
    stems = (low, low[:-2], low[:-1], low[:-3]) if low.endswith(("ed", "es", "ing")) else (low,)
    return any(st in cues.light_verbs for st in stems)


def noun_roles(tree: Tree, n: int, cues: RoleCues, sym: bool) -> Roles:
    a1 = _name_modifier(tree, n, cues)
    doer = done_by(tree, n, cues.light_verbs)  # "the bombing, carried out by X"
    a1 = doer if doer is not None and (a1 is None or tree.tokens[a1].dep != "poss") else a1
    r = Roles(actor1=a1 if a1 is not None else _claimer(tree, n))
    n0 = n
    if tree.tokens[n].dep == "compound" and tree.head(n) is not None:
        n = tree.tokens[n].head  # "issued arrest warrants": the warrants stand in the clause
    h = tree.head(n)
    dep = tree.tokens[n].dep
    if h is not None and dep == "pobj" and tree.lemmas[h] == "of":
        q = tree.head(h)  # "undertook a series of strikes": the series stands for the strikes
        if q is not None and tree.lemmas[q] in QUANTITY_NOUNS and tree.head(q) is not None:
            h, dep = tree.head(q), tree.tokens[q].dep
    if h is not None and dep == "pobj" and tree.lemmas[h] in ("in", "during", "on", "for"):
        v = tree.head(h)  # "engaged X in a firefight", "was in Tehran for talks with Y"
        if v is not None and (_light(tree, v, cues) or tree.lemmas[n] in
                              cues.visit_nouns) and tree.tokens[v].pos in ("VERB", "AUX"):
            h, dep = v, "dobj"
            if r.actor2 is None and tree.lemmas[n] not in cues.visit_nouns:
                r.actor2 = _patient(tree, v, cues)
    if r.actor1 is None and h is not None and dep == "dobj" and tree.lemmas[n] in cues.from_agent:
        sources = tree.pobj_of(h, frozenset({"from"}))  # "drew condemnation from Pakistan"
        r.actor1 = sources[0] if sources else None
    light = h is not None and (_light(tree, h, cues) or tree.lemmas[n] in cues.visit_nouns)
    compound = _country_compound(tree, n0)
    if (r.actor1 is None or r.actor1 == compound) and light and h is not None and \
            dep in ("dobj", "nsubjpass"):
        doer = agent_of(tree, h) if tree.is_passive(h) else subject_of(
            tree, h, speech=cues.speech_verbs)
        r.actor1 = doer if doer is not None or r.actor1 is None else r.actor1
    place_target = compound if compound is not None and r.actor1 not in (None, compound) \
        else None  # "Iran's Pakistan strike", "Iran carried out the Pakistan strike"
    between = tree.pobj_of(n, frozenset({"between"}))
    if between and r.actor1 is None:
        r.actor1 = between[0]
        more = tree.conjuncts(between[0])
        r.actor2 = more[-1] if more else None  # "between X, title Y, and Z": Z
        return r
    targets = [t for t in tree.pobj_of(n, PATIENT) if can_act(tree, t, cues)]
    if not targets and light and h is not None:
        targets = [t for t in tree.pobj_of(h, PATIENT) if can_act(tree, t, cues) and t != n]
    if not targets and tree.lemmas[n] in cues.of_patient:
        targets = [t for t in tree.pobj_of(n, frozenset({"of"})) if can_act(tree, t, cues)]
    if not targets and tree.lemmas[n] in cues.for_patient:  # "arrest warrants for two men"
        holders = [n, h] if light and h is not None else [n]
        targets = [t for x in holders for t in tree.pobj_of(x, frozenset({"for"}))
                   if can_act(tree, t, cues)]
    if targets:
        r.actor2 = targets[0]
    elif place_target is not None and r.actor2 is None:
        r.actor2 = place_target
    elif sym or tree.lemmas[n] in ("visit",):
        partners = tree.pobj_of(n, PARTNER | {"to"}) or (
            tree.pobj_of(h, PARTNER) if light and h is not None else [])
        r.actor2 = partners[0] if partners else r.actor2  # "engaged X in a firefight": X
    return r


def find_roles(tree: Tree, i: int, cues: RoleCues, *, sym: bool = False,
               nominal: bool | None = None, rev: bool = False) -> Roles:
    """Actor heads of the trigger at token ``i`` (verb or event noun), with coordinated extras.
    ``rev``: the subject receives ("received weapons from X": X acts on the subject)."""
    if nominal is None:
        nominal = tree.tokens[i].pos in ("NOUN", "PROPN")
    r = noun_roles(tree, i, cues, sym) if nominal else verb_roles(tree, i, cues, sym)
    if rev and not nominal:
        givers = [g for x in (i, *tree.children(i, ("dobj",)))
                  for g in tree.pobj_of(x, frozenset({"from"}))]
        r.actor1, r.actor2 = (givers[0] if givers else None), r.actor1
    r.actor1 = repair(tree, r.actor1) if r.actor1 is not None else None
    r.actor2 = repair(tree, r.actor2) if r.actor2 is not None else None
    if r.actor1 is None and nominal:  # "the recall of *its* ambassador": its = the actor
        for o in tree.pobj_of(i, frozenset({"of"})):
            owner = [k for k in tree.children(o, ("poss",)) if tree.tokens[k].pos == "PRON"
                     or tree.lemmas[o] in cues.envoys]  # "the recall of *Chad's* envoy"
            if owner:
                r.actor1 = owner[0]
    if r.actor2 is None and nominal and tree.lemmas[i] in cues.envoy_from | cues.envoy_to:
        r.actor2 = next((own_envoy_target(tree, i, o, cues) for o in tree.pobj_of(
            i, frozenset({"of"})) if tree.lemmas[o] in cues.envoys), None)  # "recall of X's envoy"
    if r.actor1 is not None and (tree.tokens[r.actor1].ent_type in NOT_ACTOR_ENTS
                                 or tree.lemmas[r.actor1] in RELATIVE | DEMONSTRATIVE
                                 or _weapon(tree, r.actor1, cues)):
        r.actor1 = None  # "missiles destroyed the camp": a weapon is no actor
    if r.actor1 is not None and r.actor1 < i:
        r.actor1 = after_gap(tree, r.actor1, i)
    if r.actor2 is not None and not can_act(tree, r.actor2, cues):
        r.actor2 = None
    if r.actor2 is not None and (r.actor1 == r.actor2 or not can_act(tree, r.actor2, cues)):
        r.actor2 = None
    if r.actor1 is not None and not tree.pobj_of(i, frozenset({"between"})) and not any(
            tree.lemmas[k] == "or" for k in tree.children(r.actor1, ("cc",))):
        r.actor1_more = [c for c in tree.conjuncts(r.actor1) or tree.left_list(r.actor1)
                         if c != r.actor2 and _name_like(tree, c)]
    if r.actor2 is not None:
        r.actor2_more = [c for c in tree.conjuncts(r.actor2) if _name_like(tree, c)]
    if r.actor1 is not None:
        offices = office_conjuncts(tree, r.actor1, cues)  # "the ministers of X and Y"
        r.actor1_more = name_modifiers(tree, r.actor1) + r.actor1_more + offices
        r.mutual = r.mutual or bool(offices)
    if r.actor2 is not None:
        r.actor2_more = name_modifiers(tree, r.actor2) + r.actor2_more + office_conjuncts(
            tree, r.actor2, cues)
    return r


def _in_attack_owner(tree: Tree, v: int, cues: RoleCues) -> int | None:
    """"were killed in *Israeli* tank shelling", "died in a *US* raid": a casualty told with no
    agent takes the owner named on the attack it happened in."""
    for o in tree.pobj_of(v, frozenset({"in"})):
        if tree.lemmas[o] in cues.in_agent or tree.tokens[o].text.lower() in cues.in_agent:
            return _name_modifier(tree, o, cues)
        nxt = o + 1  # "in Turkish tank | shelling": the gerund hung on the verb, its modifier
        if nxt < len(tree.tokens) and tree.tokens[nxt].tag == "VBG" and tree.head(nxt) == v \
                and tree.tokens[nxt].text.lower() in cues.in_agent:
            return o if tree.tokens[o].ent_type in NAME_ENTS else _name_modifier(tree, o, cues)
    return None


def _weapon(tree: Tree, i: int, cues: RoleCues) -> bool:
    """A weapon that names no owner ("rockets and drones", "a mix of missiles"), not "Iranian
    drones" (the adjective says whose)."""
    a, b = np_span(tree, i)
    if any(tree.tokens[k].ent_type in NAME_ENTS for k in range(a, b)):
        return False
    return tree.lemmas[i] in cues.weapons or (tree.lemmas[i] in QUANTITY_NOUNS and any(
        tree.lemmas[o] in cues.weapons for o in tree.pobj_of(i, frozenset({"of"}))))


def _name_like(tree: Tree, i: int) -> bool:
    t = tree.tokens[i]
    return t.ent_type in NAME_ENTS or t.pos == "PROPN"
