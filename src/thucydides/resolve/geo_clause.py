"""The clause structure of a sentence, for placing its events (resolve/geo_event.py).

Which clause a toponym stands in relative to an event's trigger (:func:`attach`): the event's own
clause, nested below it, another event's clause (also the verb an event noun is the subject of:
"an Iranian strike *killed* two children in X" is the strike's), no clause, or the background of
a participant ("a group that has attacked guards in X", "fighters who used the border to plan
attacks in X": a relative clause that tells another violent act of a participant). The
destination of a journey another verb tells of is the journey's ("cancelled a planned trip to X
and warned that ...": X is no place of the warning; data/places_travel_nouns.txt). And what is
weak evidence of a place: a country adjective on a site it may own ("an Israeli facility"),
which places only an event in whose own clause it stands (:func:`adjectival`,
:func:`own_clause`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..records import Mention, ParsedDoc, PlaceRef, Token
from .geo_data import owned_sites, read_words
from .places import adjective_country

MAX_CLIMB = 24  # dependency steps; a parse deeper than this is no clause we can read
OWN, NESTED, LOOSE, OTHER, CONTEXT = 0, 1, 2, 3, 4
VIOLENT = frozenset({"18", "19", "20"})  # CAMEO roots of violent acts
DESTINATION = frozenset({"to"})  # "a trip to X"
ARGUMENT = frozenset({"dobj", "nsubj", "nsubjpass"})  # a journey a verb tells of

__all__ = ["CONTEXT", "LOOSE", "MAX_CLIMB", "NESTED", "OTHER", "OWN", "VIOLENT", "Clauses",
           "adjectival", "attach", "attachment", "event_nouns", "own_clause", "owned_sites",
           "sentence_triggers", "span_root", "token_at", "travel_nouns", "violent_act",
           "violent_verbs", "violent_words"]


@lru_cache(maxsize=1)
def travel_nouns() -> frozenset[str]:
    """Nouns of a journey whose destination is its own place ("a trip to X"):
    data/places_travel_nouns.txt."""
    return frozenset(w.lower() for w in read_words("places_travel_nouns.txt"))


@lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    """Nouns naming an event whose places are its own ("the war in Gaza"):
    data/places_event_nouns.txt."""
    return frozenset(w.lower() for w in read_words("places_event_nouns.txt"))


def token_at(pdoc: ParsedDoc, offset: int) -> int | None:
    """Index of the token that covers character ``offset``."""
    toks = pdoc.tokens
    i = bisect.bisect_right(toks, offset, key=lambda t: t.idx) - 1
    return i if 0 <= i < len(toks) and toks[i].idx <= offset < toks[i].end + 1 else None


def span_root(pdoc: ParsedDoc, start: int, end: int) -> int | None:
    """The token of ``[start, end)`` whose head lies outside it."""
    toks = pdoc.tokens
    i = bisect.bisect_left(toks, start, key=lambda t: t.idx)
    while i < len(toks) and toks[i].idx < end:
        h = toks[toks[i].head]
        if not start <= h.idx < end or toks[i].head == i:
            return i
        i += 1
    return None


def sentence_triggers(pdoc: ParsedDoc, mentions: Iterable[Mention]) -> dict[int, frozenset[int]]:
    """Per sentence, the token indices of its mentions' triggers."""
    out: dict[int, set[int]] = {}
    for m in mentions:
        i = token_at(pdoc, m.trigger_start)
        if i is not None:
            out.setdefault(m.sentence_index, set()).add(i)
    return {k: frozenset(v) for k, v in out.items()}


@dataclass(frozen=True)
class Clauses:
    """The clause structure of one sentence: which tokens head an event or a clause
    (``violent``: the triggers of violent acts, a subset of ``triggers``)."""

    pdoc: ParsedDoc
    triggers: frozenset[int]
    violent: frozenset[int] = frozenset()

    def stop(self, t: Token) -> bool:
        return t.i in self.triggers or t.pos == "VERB" or t.lemma.lower() in event_nouns()

    def governor(self, i: int) -> int | None:
        """The first event word or verb above token ``i`` (None at the root)."""
        toks = self.pdoc.tokens
        for _ in range(MAX_CLIMB):
            h = toks[i].head
            if h == i:
                return None
            if self.stop(toks[h]):
                return h
            i = h
        return None

    def clause(self, trigger: int) -> set[int]:
        """The trigger and the verb it belongs to (the trigger's "home")."""
        home = {trigger}
        gov = self.governor(trigger)
        if gov is not None and self.pdoc.tokens[gov].pos == "VERB":
            home.add(gov)
        return home

    @cached_property
    def predicates(self) -> dict[int, int]:
        """Verbs that tell of an event noun that is their subject, and that event's trigger:
        "an Iranian strike *killed* two children in X" (``killed`` -> ``strike``)."""
        toks = self.pdoc.tokens
        return {toks[t].head: t for t in self.triggers
                if toks[t].dep in ("nsubj", "nsubjpass") and toks[t].pos == "NOUN"
                and toks[toks[t].head].pos == "VERB" and toks[t].head not in self.triggers}


def attachment(cl: Clauses, p: PlaceRef, trigger: int) -> int:
    """OWN: the place is in the event's clause; NESTED: below it, through verbs that are no
    events ("forces fighting inside Iraq"); LOOSE: in no clause; OTHER: in another event's or
    verb's clause; CONTEXT: the place of a background event the text names but reports no
    event of ("since the war in Gaza")."""
    return attach(cl, p, trigger)[0]


def attach(cl: Clauses, p: PlaceRef, trigger: int) -> tuple[int, int | None]:
    """:func:`attachment`, and the trigger of the other event whose clause holds the place
    (the trigger above it, or the event noun a verb above it tells of: "an Iranian strike
    killed two children in X"), when there is one."""
    root = span_root(cl.pdoc, p.start, p.end)
    if root is None:
        return LOOSE, None
    journey = _journey_of(cl, root)
    if journey is not None and journey != trigger and cl.pdoc.tokens[journey].head != trigger:
        return OTHER, journey if journey in cl.triggers else None
    home = cl.clause(trigger)
    gov = cl.governor(root)
    if gov is None:
        return LOOSE, None
    if gov in home:
        return OWN, None
    owner: int | None = None
    for _ in range(MAX_CLIMB):
        if _told_of_participant(cl, root, gov):
            return CONTEXT, None
        if owner is None:
            owner = gov if gov in cl.triggers else cl.predicates.get(gov)
            if owner is None and cl.pdoc.tokens[gov].lemma.lower() in event_nouns():
                return CONTEXT, None
        gov = cl.governor(gov)
        if gov is None or gov in home:
            return (NESTED if gov is not None and owner is None else OTHER), owner
    return OTHER, owner


def _journey_of(cl: Clauses, root: int) -> int | None:
    """The journey a place is the destination of, when the journey is an argument of a verb
    ("cancelled a planned *trip* to X", "her *visit* to X was postponed"; also when the parser
    hangs "to X" on the verb right after the noun): the place is the journey's, not that of
    another event the verb is coordinated with. Not a journey that frames the sentence ("during
    a visit to X, the two leaders signed")."""
    toks = cl.pdoc.tokens
    prep = toks[root].head
    if toks[root].dep != "pobj" or toks[prep].text.lower() not in DESTINATION or prep == 0 \
            or toks[prep - 1].sent != toks[prep].sent:
        return None
    noun = toks[prep].head if toks[toks[prep].head].pos == "NOUN" else prep - 1
    t = toks[noun]
    if t.pos != "NOUN" or t.lemma.lower() not in travel_nouns() or t.dep not in ARGUMENT:
        return None
    return noun


def _told_of_participant(cl: Clauses, root: int, v: int) -> bool:
    """"a group *that has often attacked* guards in X", "fighters *who used* the border *to
    plan attacks* in X": a relative clause on a participant (no event noun, no trigger) that
    tells another violent act of it (its verb, or, when the clause is no event of its own, a
    violent word between it and the place), not the event's."""
    toks = cl.pdoc.tokens
    t = toks[v]
    if t.dep != "relcl" or t.pos != "VERB" or t.head in cl.triggers \
            or toks[t.head].lemma.lower() in event_nouns():
        return False
    return t.lemma.lower() in violent_verbs() or (v not in cl.triggers
                                                   and _violent_between(cl.pdoc, root, v))


def _violent_between(pdoc: ParsedDoc, i: int, top: int) -> bool:
    """A word of violence (a verb or noun the trigger lexicon codes as violence) on the
    dependency path from token ``i`` up to ``top`` (excluded), or the object of a verb on it
    ("to *stage raids* in X")."""
    toks = pdoc.tokens
    for _ in range(MAX_CLIMB):
        if i == top or toks[i].head == i:
            return False
        if toks[i].lemma.lower() in violent_words() or (
                toks[i].pos == "VERB" and _violent_object(pdoc, i)):
            return True
        i = toks[i].head
    return False


def _violent_object(pdoc: ParsedDoc, v: int) -> bool:
    sent = pdoc.sentences[pdoc.tokens[v].sent]
    return any(t.head == v and t.dep == "dobj" and t.lemma.lower() in violent_words()
               for t in pdoc.tokens[sent.tok_start:sent.tok_end])


@lru_cache(maxsize=1)
def violent_verbs() -> frozenset[str]:
    """Verbs the trigger lexicon codes as violence (CAMEO 18-20) with no condition."""
    return _violent_lemmas(frozenset({"VERB"}))


@lru_cache(maxsize=1)
def violent_words() -> frozenset[str]:
    """Verbs and nouns the trigger lexicon codes as violence with no condition ("attack")."""
    return _violent_lemmas(frozenset({"VERB", "NOUN"}))


def _violent_lemmas(pos: frozenset[str]) -> frozenset[str]:
    from ..extract.lexicon import Lexicon  # the extraction's trigger data

    return frozenset(lemma for (lemma, p), entries in Lexicon.load().triggers.items()
                     if p in pos and any(e.require is None and e.cameo[:2] in VIOLENT
                                         for e in entries))


def violent_act(m: Mention) -> bool:
    """A violent act (CAMEO 18-20 or PLOVER ASSAULT)."""
    return m.type.plover == "assault" or (m.type.cameo or "")[:2] in VIOLENT


def adjectival(pdoc: ParsedDoc, p: PlaceRef) -> bool:
    """A country read off an adjective on a site it may own rather than place ("an Israeli
    facility", data/places_owned_sites.txt; not "Iranian soil", "the Rwandan capital"): weak
    evidence, a place only for an event in whose own clause it stands."""
    i = token_at(pdoc, p.start)
    if i is None or pdoc.tokens[i].pos != "ADJ" or adjective_country(p.text) is None:
        return False
    head = pdoc.tokens[pdoc.tokens[i].head]
    return head.lemma.lower() in owned_sites() and head.idx >= p.end


def own_clause(cl: Clauses, p: PlaceRef, trigger: int | None) -> bool:
    """The place hangs from the trigger itself, or from the verb of a trigger that is a noun
    ("launched strikes on Iranian soil"); not from the verb above a trigger that is a verb of
    its own ("an Israeli facility existed at the site *that was hit*")."""
    root = span_root(cl.pdoc, p.start, p.end)
    gov = None if root is None or trigger is None else cl.governor(root)
    return gov is not None and trigger is not None and (gov == trigger or (
        cl.pdoc.tokens[trigger].pos != "VERB" and gov in cl.clause(trigger)))
