"""One violent act told against places in several countries is one act per country.

"Jets struck targets in Lebanon and Jordan", "raids in Syria, Lebanon and Jordan", "missiles
toward A and B", "strikes in A and in B": when the place chosen for a violent event (CAMEO
18-20, PLOVER ASSAULT) in its own clause stands in a coordination with places of other
countries, the event happened in each of them. :func:`country_places` gives one place per
country (the chosen place for its own country, the first named for each other one, in text
order) and :func:`per_country` one mention per place, sharing everything but the place and the
casualty figures.

No split for:

* places of one country ("in Lahore and Multan": the chosen place, as before);
* a disjunction or a contrast ("in Iraq or Syria", "not in A but in B": the text does not say
  both);
* a coordination naming one shared place: a preposition or noun of
  data/places_shared_words.txt ("the border between A and B", "fired from A and B"), or places
  modifying one noun ("the Iraq and Syria border");
* an event whose patient is one of the coordinated places (the role extractor already gives
  "launched missiles toward A and B" one mention per target): that place alone.

A patient whose country the text reads off a place of one country inside its phrase ("army
posts in A and B" read as A's army) has no known country in the copies of the other countries.
A casualty figure goes only to the copy whose place the text ties it to: the figure and the
place hang from one verb or event word other than the act's own ("struck sites in A and B,
killing four in a town of A"); a figure of the whole act ("strikes in A and B killed four") is
tied to no country and goes to none of the copies, so that no figure counts twice.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from ..records import ActorRef, Figure, Mention, ParsedDoc, PlaceRef
from .geo_cues import overlaps
from .geo_data import read_words
from .geo_event import (
    NESTED,
    OWN,
    Clauses,
    choose_place,
    refine_country,
    span_root,
    token_at,
    violent_act,
)

MAX_CONJ = 8  # conjuncts climbed to find a coordination's first item
MAX_GAP_WORDS = 4  # words between two items of one list ("and also in")
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
NOT_BOTH = re.compile(r"(?i)\b(?:or|nor|but|not|either|neither|instead)\b")
WORD = re.compile(r"[\w'’-]+")

__all__ = ["coordination", "country_places", "per_country", "pick_locations", "tied", "violent"]


@lru_cache(maxsize=1)
def shared_words() -> frozenset[str]:
    """Prepositions and nouns that make a coordination one shared place
    (data/places_shared_words.txt)."""
    return frozenset(w.lower() for w in read_words("places_shared_words.txt"))


def violent(m: Mention) -> bool:
    """A violent act (CAMEO 18-20 or PLOVER ASSAULT): the only kind split by country."""
    return violent_act(m)


def _root(pdoc: ParsedDoc, p: PlaceRef | Figure) -> int | None:
    return span_root(pdoc, p.start, p.end)


def _first_conjunct(pdoc: ParsedDoc, i: int) -> int:
    toks = pdoc.tokens
    for _ in range(MAX_CONJ):
        if toks[i].dep != "conj" or toks[i].head == i:
            break
        i = toks[i].head
    return i


def _list_key(pdoc: ParsedDoc, i: int) -> int:
    """The token a list of places hangs from: the first conjunct, or for places after
    prepositions ("in Iraq and Syria", "in Iraq and in Syria") the first coordinated
    preposition."""
    first = _first_conjunct(pdoc, i)
    if pdoc.tokens[first].dep == "pobj":
        return _first_conjunct(pdoc, pdoc.tokens[first].head)
    return first


def _shared(pdoc: ParsedDoc, key: int) -> bool:
    """The list names one place between or shared by its items ("the border between A and B",
    "the A and B border", "fired from A and B")."""
    t = pdoc.tokens[key]
    head = pdoc.tokens[t.head]
    words = shared_words()
    if t.pos == "ADP":
        return t.lemma.lower() in words or head.lemma.lower() in words
    return t.dep in MODIFIER_DEPS or (t.dep == "pobj" and head.lemma.lower() in words)


def _one_list(text: str, items: Sequence[PlaceRef]) -> bool:
    """Consecutive items stand close, joined by commas or "and", never "or" / "but"."""
    for a, b in itertools.pairwise(items):
        gap = text[a.end:b.start]
        if NOT_BOTH.search(gap) or len(WORD.findall(gap)) > MAX_GAP_WORDS:
            return False
    return True


def coordination(pdoc: ParsedDoc, place: PlaceRef, cands: Sequence[PlaceRef]) -> list[PlaceRef]:
    """The places of ``cands`` standing in one list with ``place`` ("in A, B and C", "in A and in
    B"), ``place`` included, in text order; ``[place]`` when it stands in none, or in one that
    names a single shared place or is no plain "and" list (see the module doc)."""
    root = _root(pdoc, place)
    if root is None:
        return [place]
    key = _list_key(pdoc, root)
    group = sorted((p for p in cands if (r := _root(pdoc, p)) is not None
                    and _list_key(pdoc, r) == key), key=lambda p: p.start)
    if len(group) < 2 or _shared(pdoc, key) or not _one_list(pdoc.doc.text, group):
        return [place]
    return group


def country_places(pdoc: ParsedDoc, best: PlaceRef, cands: Sequence[PlaceRef],
                   patient: Mention | None = None) -> list[PlaceRef]:
    """One place per country of the list ``best`` stands in: ``best`` first, then the first
    item of each other country in text order; only the patient's place when the mention's
    patient is one of the items; ``[best]`` when the list names one country."""
    group = coordination(pdoc, best, cands)
    if len({p.country for p in group}) < 2:
        return [best]
    target = next((p for p in group if patient is not None and _is_patient(pdoc, p, patient)),
                  None)
    if target is not None:
        return [target]
    firsts: dict[str | None, PlaceRef] = {best.country: best}
    for p in group:
        firsts.setdefault(p.country, p)
    return list(firsts.values())


def _is_patient(pdoc: ParsedDoc, p: PlaceRef, m: Mention) -> bool:
    """The place is the mention's patient itself ("hit Kharkiv"), not a place inside the
    patient's phrase ("hit targets in Kharkiv")."""
    a = m.actor2
    return a is not None and overlaps(p, a) and span_root(pdoc, a.start, a.end) == _root(pdoc, p)


def per_country(m: Mention, places: Sequence[PlaceRef],
                tied: Callable[[Figure, PlaceRef], bool]) -> list[Mention]:
    """``m`` placed at each of ``places`` (one mention per country): the first keeps the
    mention's id, the others add ``#`` and the country; each copy keeps only the figures
    ``tied`` to its place."""
    if len(places) < 2:
        m.location = places[0] if places else None
        return [m]
    out: list[Mention] = []
    for k, p in enumerate(places):
        out.append(replace(
            m, mention_id=m.mention_id if k == 0 else f"{m.mention_id}#{p.country}",
            location=p, places=list(m.places), dates=list(m.dates),
            figures=[f for f in m.figures if tied(f, p)], actor2=_patient_in(m, p)))
    return out


def _patient_in(m: Mention, p: PlaceRef) -> ActorRef | None:
    """The patient of the copy placed at ``p``: one whose country the text read off a place of
    another country inside its phrase ("army posts in A", in the copy for B) is of no known
    country there."""
    a = m.actor2
    if a is None or a.country is None or a.country == p.country or not any(
            q.country == a.country and a.start <= q.start and q.end <= a.end for q in m.places):
        return a
    return replace(a, name=None, country=None, actor_id=None, confidence=0.0)


def pick_locations(m: Mention, pdoc: ParsedDoc, cl: Clauses, dominant: dict[str, PlaceRef],
                   material: bool) -> list[PlaceRef]:
    """Where the event happened: one place per country for a violent act told against a list
    of places in several countries, else the one place :func:`geo_event.pick_location` gives;
    each refined as that function refines it; ``[]`` when the sentence gives none."""
    c = choose_place(m, pdoc, cl, material)
    if c is None:
        return []
    split = material and violent(m) and c.rank[c.best.start] in (OWN, NESTED)
    places = country_places(pdoc, c.best, c.cands, m) if split else [c.best]
    return [refine_country(p, c.cands, c.rank, dominant if material else {}) for p in places]


def tied(pdoc: ParsedDoc, cl: Clauses, m: Mention, f: Figure, place: PlaceRef) -> bool:
    """The text ties figure ``f`` to ``place``: both hang from one verb or event word that is
    not the act's own ("struck sites in A and B, *killing four in* a town of A")."""
    trigger, fr, pr = token_at(pdoc, m.trigger_start), _root(pdoc, f), _root(pdoc, place)
    if trigger is None or fr is None or pr is None:
        return False
    gov = cl.governor(fr)
    return gov is not None and gov == cl.governor(pr) and gov not in cl.clause(trigger)
