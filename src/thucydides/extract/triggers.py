"""Event triggers: the lexicon in ``data/triggers.tsv`` and the search of a sentence for triggers.

A trigger is a verb or event noun whose lemma is in the lexicon. A lemma may have several rows; the
first one whose condition holds (an object, particle, preposition or nearby word) wins, and a row with
CAMEO ``-`` marks the lemma as no event in that context ("heart attack", "hit a record").
Flags: ``weak`` (a casualty verb), ``sym`` (the actors act on each other), ``result`` (what an
attack did, "destroyed": merged into the attack's trigger), ``rev`` (the subject is the receiver,
"received weapons from X": X is actor1), ``intent`` and ``inner`` (an intention, coded by the
act it announces: see ``intent.py``), ``tells`` (an accusation told in a that-clause: ``told.py``),
``speech`` (a statement coded by the act its clause tells: "said it would not send aid", ``speech.py``),
``refuse`` (a refusal coded by the act it refuses: "refused to free the men", ``speech.py``),
``recap`` (an act a sentence names as known, "prompting the recall of its envoy", is kept as a
recap that joins the event it names: ``recaps.py``), ``gives`` (its required object is a
thing given, shown or said to a party, never the target: "gave permission *to Bolivia*",
``recipients.py``), ``addressed`` (the same, and no event unless that party is written:
"expressed condolences *to Chile*", not "... to the families").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from ..records import Sentence
from .tree import Tree
from .types import load_request_topics, load_verb_forms, load_word_sets, parse_acled, read_tsv

POS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}
REQUIRE_KINDS = frozenset({"obj", "prt", "prep", "near", "dep", "objent", "depact",
                           "told"})
FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
OBJ_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
RELATIVE = frozenset({"that", "which", "who", "whom"})
# a verb in these positions is used as an adjective or a noun ("Iran-backed", "the injured")
NOMINAL_VERB_DEPS = frozenset({"amod", "compound", "nsubj", "nsubjpass", "dobj", "pobj", "attr"})


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    lemma: str
    pos: str  # VERB or NOUN
    cameo: str  # "-" = not an event
    mode: str | None
    require: tuple[tuple[str, frozenset[str]], ...] | None  # all must hold
    acled: tuple[str, str] | None
    weak: bool
    sym: bool
    line: int
    result: bool = False  # tells what an attack did ("destroyed"): the attack's trigger wins
    rev: bool = False  # the subject receives ("received weapons *from X*"): X is actor1
    intent: bool = False  # an intention: coded by the cooperative act of its xcomp (intent.py)
    inner: bool = False  # no event without such an act ("wants to help" is; "wants to" alone not)
    tells: bool = False  # an accusation told in a that-clause ("claimed that X attacked": told.py)
    speech: bool = False  # a statement coded by the act its clause tells (speech.py)
    refuse: bool = False  # a refusal coded by the act of its xcomp ("refused to free": speech.py)
    recap: bool = False  # named as a known act ("prompting the recall of its envoy"): recaps.py
    gives: bool = False  # its required object is given to a party: read past it (recipients.py)
    addressed: bool = False  # ``gives``, and no event unless that party is written


@dataclass(frozen=True, slots=True)
class Hit:
    i: int  # token index
    entry: TriggerEntry


def _parse_require(value: str, line: int) -> tuple[tuple[str, frozenset[str]], ...] | None:
    """``obj:a|b|@set`` → (("obj", {a, b, words of the set}),); sets come from role_cues.tsv.
    Conditions joined by ``&`` must all hold ("prep:on&dep:xcomp")."""
    if not value:
        return None
    return tuple(_parse_condition(part, line) for part in value.split("&"))


def _parse_condition(value: str, line: int) -> tuple[str, frozenset[str]]:
    kind, _, words = value.partition(":")
    if kind not in REQUIRE_KINDS or not words:
        raise ConfigError(f"bad trigger condition {value!r}", path="triggers.tsv", line=line)
    out: set[str] = set()
    sets = load_word_sets()
    for w in words.split("|"):
        if w.startswith("@"):
            if w[1:] not in sets:
                raise ConfigError(f"unknown word set {w!r}", path="triggers.tsv", line=line)
            out |= sets[w[1:]]
        else:
            out.add(w)
    return kind, frozenset(out)


@lru_cache(maxsize=1)
def load_triggers() -> dict[tuple[str, str], tuple[TriggerEntry, ...]]:
    """``data/triggers.tsv`` as (lemma, POS) → entries in file order."""
    out: dict[tuple[str, str], list[TriggerEntry]] = {}
    for n, r in read_tsv("triggers.tsv"):
        if r.get("pos") not in ("VERB", "NOUN") or not r.get("cameo"):
            raise ConfigError("trigger rows need lemma, pos VERB/NOUN and cameo",
                              path="triggers.tsv", line=n)
        flags = set(r.get("flags", "").split(","))
        entry = TriggerEntry(r["lemma"].lower(), r["pos"], r["cameo"], r.get("mode") or None,
                             _parse_require(r.get("require", ""), n), parse_acled(r.get("acled", "")),
                             "weak" in flags, "sym" in flags, n, "result" in flags,
                             "rev" in flags, "intent" in flags, "inner" in flags, "tells" in flags,
                             "speech" in flags, "refuse" in flags, "recap" in flags,
                             "gives" in flags or "addressed" in flags, "addressed" in flags)
        out.setdefault((entry.lemma, entry.pos), []).append(entry)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def recap_lemmas() -> frozenset[str]:
    """Lemmas of the trigger rows flagged ``recap`` (``recaps.py``)."""
    return frozenset(lemma for (lemma, _), rows in load_triggers().items()
                     if any(e.recap for e in rows))


QUANTITY = frozenset({"lot", "number", "quantity", "dozen", "dozens", "hundred", "hundreds", "stash",
                      "thousand", "thousands", "amount", "stockpile", "haul", "consignment",
                      "kind", "type", "total", "batch", "cache", "range", "variety",
                      "series", "salvo", "barrage", "volley", "wave", "string", "set", "pair",
                      "kg", "kilogram", "kilo", "ton", "tonne", "crate", "box", "truckload",
                      "sack", "bag"})


def _objects(tree: Tree, i: int) -> list[int]:
    objs = tree.children(i, OBJ_DEPS)
    t = tree.tokens[i]
    if t.dep == "acl" and t.tag == "VBN" and t.head != i:
        objs.append(t.head)  # "a statement released by ..."
    if t.dep == "relcl" and t.head != i and (
            any(tree.lemmas[o] in RELATIVE for o in objs)
            or (not objs and tree.children(i, ("nsubj",)))):
        objs.append(t.head)  # "reports that were later withdrawn", "the rifles troops seized"
    for o in list(objs):
        objs.extend(tree.conjuncts(o))
        if tree.lemmas[o] in QUANTITY:  # "a lot of weapons"
            objs.extend(tree.pobj_of(o, frozenset({"of"})))
    return objs


def _near(tree: Tree, i: int) -> list[int]:
    out = list(tree.kids[i])
    for k in tree.kids[i]:
        out.extend(tree.kids[k])
    h = tree.head(i)
    if h is not None:
        out.append(h)
    return out


def _variant_in(tree: Tree, i: int, words: frozenset[str]) -> bool:
    """Lemma, or the word with its plural stripped ("Land Forces" → force, "bases" → base;
    the lemmatizer says "basis"), is in ``words``."""
    lem, low = tree.lemmas[i], tree.tokens[i].text.lower()
    return any(w in words for w in (lem, low, lem[:-1], low[:-1]) if w)


def _fallback_lemmas(text: str, pos: str) -> tuple[str, ...]:
    """A verb's possible lemmas when the lemmatizer failed: an irregular form from data, else the
    text and, for a regular past form, its stem with the "-d" or "-ed" cut ("raped", lemmatized
    "rap", is "rape"; "jailed" is "jail")."""
    low = text.lower()
    if pos != "VERB":
        return (low,)
    if low in load_verb_forms():
        return (load_verb_forms()[low],)
    return (low, low[:-1], low[:-2]) if low.endswith("ed") and len(low) > 4 else (low,)


def holds(tree: Tree, i: int, require: tuple[tuple[str, frozenset[str]], ...] | None) -> bool:
    """Whether the conditions of a trigger row hold at token ``i``."""
    return require is None or all(_holds(tree, i, kind, words) for kind, words in require)


def _holds(tree: Tree, i: int, kind: str, words: frozenset[str]) -> bool:
    if kind == "obj":
        objs = _objects(tree, i)
        return bool(objs) and ("*" in words or any(_variant_in(tree, o, words) for o in objs))
    if kind == "objent":  # an object that names a country, a people, a body or a person
        return any(tree.tokens[k].ent_type in words for o in _objects(tree, i)
                   for k in tree.subtree(o))
    if kind == "prt":
        return any(tree.lemmas[k] in words for k in tree.children(i, ("prt",)))
    if kind == "prep":
        return any(tree.lemmas[k] in words for k in tree.children(i, ("prep", "agent")))
    if kind == "dep":
        return any(tree.tokens[k].dep in words for k in tree.kids[i])
    if kind == "depact":  # a child with this dependency that tells an act ("wants X *to free* Y")
        return any(tree.tokens[k].dep in words and (
            tree.lemmas[k] in load_request_topics() or match(tree, k, load_triggers()) is not None)
            for k in tree.kids[i])
    if kind == "told":
        return any(tree.tokens[k].dep in words and told_act(tree, k) is not None
                   for k in tree.kids[i])
    near = _near(tree, i)
    if "#NUM" in words and any(tree.tokens[k].pos == "NUM" for k in near):
        return True
    return any(tree.lemmas[k] in words for k in near)


def told_act(tree: Tree, x: int) -> int | None:
    """The act a statement's clause ``x`` says will be done ("said it *would send* aid", "said
    he would not give *permission*"): a trigger, at ``x`` or its object or xcomp, that is no
    intention or statement itself ("said it had agreed to ..." tells an agreement, not a
    statement of intent), in a clause told in the future."""
    if not any(tree.tokens[k].dep == "aux" and tree.tokens[k].text.lower() in FUTURE
               for k in tree.kids[x]):
        return None
    index = load_triggers()
    for k in (x, *tree.children(x, ("dobj", "xcomp"))):
        e = match(tree, k, index)
        if e is not None and not (e.intent or e.speech):
            return k
    return None


def match(tree: Tree, i: int,
          index: dict[tuple[str, str], tuple[TriggerEntry, ...]]) -> TriggerEntry | None:
    """The trigger row that applies at token ``i``, or None."""
    t = tree.tokens[i]
    pos = POS.get(t.pos)
    if pos == "VERB" and t.dep in NOMINAL_VERB_DEPS:
        if t.dep in ("amod", "compound") or t.tag in ("VBN", "VBG"):
            return None  # "Iran-backed", "the injured", "the wounded"
        pos = "NOUN"  # a noun mis-tagged as a verb: "killed in army airstrikes"
    if pos is None:
        return None
    entries = index.get((tree.lemmas[i], pos)) or next(
        (found for lem in _fallback_lemmas(t.text, pos) if (found := index.get((lem, pos)))), None)
    if not entries and pos == "NOUN" and t.tag in ("NNS", "NNPS"):  # "Demonstrations" as a name
        low = t.text.lower()
        entries = index.get((low[:-1], pos)) or index.get((low[:-2], pos))
    if not entries:
        return None
    for e in entries:
        if holds(tree, i, e.require):
            return None if e.cameo == "-" else e
    return None


def find_triggers(tree: Tree, sent: Sentence,
                  index: dict[tuple[str, str], tuple[TriggerEntry, ...]]) -> list[Hit]:
    """Every trigger of ``sent`` in token order."""
    out: list[Hit] = []
    for i in range(sent.tok_start, sent.tok_end):
        e = match(tree, i, index)
        if e is not None:
            out.append(Hit(i, e))
    return out
