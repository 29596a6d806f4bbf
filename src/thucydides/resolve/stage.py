"""The resolution stage: actors, places and dates of each mention, in the context of its document.

``resolve_doc`` takes a parsed document and the mentions extracted from it and fills in
``Mention.actor1/actor2`` (name, country, kind), ``Mention.location`` and ``Mention.date``. Every
resolved value keeps the span it was read from; what the text does not say stays empty.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..fuse import QUAD
from ..records import EXPRESSION_RULE, ActorRef, Mention, ParsedDoc, PlaceRef
from .actor_context import ActorContext, owned_by_location, resolve_actor
from .actors import ActorDictionary
from .date_context import DocDates
from .date_precede import earlier_told
from .date_refs import doc_references, mention_references
from .dates import text_years
from .doc_tokens import tokens_in
from .gazetteer import Gazetteer
from .geo_cues import located, locative, overlaps
from .geo_data import place_nouns
from .geo_event import (
    Clauses,
    Story,
    carry_location,
    dominant_admin1s,
    seat_of_government,
    sentence_triggers,
    violent_act,
)
from .geo_split import per_country, pick_locations, tied
from .places import resolve_doc_places, to_place_ref

DATELINE = re.compile(r"(?:^|(?<=[\n)])|(?<=\d\s))\s*([A-Z]{3,}[A-Z .'-]{0,27}(?:,[^\n.—–:]{0,40})?)"
                      r"\s*(?:[—–:]|-\s|\(\w[^)]{0,30}\))")
OWN_TERRITORY = re.compile(r"\b(?:on|in|into|inside|within|over)\s+((?:its|their)\s+(?:own\s+)?"
                           r"([a-z]+))\b", re.IGNORECASE)


@dataclass(frozen=True)
class Resources:
    """Dictionaries the stage needs, loaded once per process."""

    actors: ActorDictionary
    gazetteer: Gazetteer

    @classmethod
    def load(cls) -> Resources:
        return cls(actors=ActorDictionary.load(), gazetteer=Gazetteer.load())


def resolve_doc(pdoc: ParsedDoc, mentions: list[Mention], res: Resources) -> list[Mention]:
    toponyms = resolve_doc_places(pdoc, res.gazetteer, territorial=True)
    places = event_places(pdoc, res, toponyms)
    anchor = pdoc.doc.published
    actors = ActorContext(pdoc, res.actors, anchor, toponyms)
    places = sorted(places + _own_territory(pdoc, actors, res.gazetteer), key=lambda p: p.start)
    years = text_years(pdoc.doc.text)
    default_year = int(anchor[:4]) if anchor else (
        pdoc.doc.year_hint or (max(years) if years else None))
    dates = DocDates(anchor, default_year, inferred=anchor is None or pdoc.doc.published_inferred,
                     refs=doc_references(pdoc.doc.text, pdoc.sentences))
    out: list[Mention] = []
    speakers = _speakers(pdoc, mentions)
    triggers = sentence_triggers(pdoc, mentions)
    where = _Where(pdoc, triggers, dominant_admin1s(pdoc, places, mentions),
                   sentence_triggers(pdoc, [m for m in mentions if violent_act(m)]))
    for m in sorted(mentions, key=lambda x: (x.sentence_index, x.trigger_start)):
        r = replace(m, published=anchor, outlet=pdoc.doc.outlet)
        r.dates = dates.normalise(m)
        r.date, r.date_precision = dates.pick(m, r.dates)
        r.date_rule = dates.rule
        if _announced(r) and not pdoc.doc.published_inferred:
            r.status = "hypothetical"
        _resolve_actors(r, actors)
        r.places = [p for p in _places_in(places, m.sent_start, m.sent_end)
                    if not any(overlaps(p, a) and (speaks or not locative(pdoc.doc.text, p.start))
                               for a, speaks in speakers.get(m.sentence_index, ()))]
        for c in where.place(r):  # one mention per country of "strikes in A and B"
            if c.location is not None and located(pdoc.doc.text, c.location.start):
                # "police officers were killed in Iran": Iran's police
                c.actor1 = owned_by_location(actors, c.actor1, c.location.country, c.date)
                c.actor2 = owned_by_location(actors, c.actor2, c.location.country, c.date)
            c.actor2 = _post_country(c, pdoc.doc.text, res) or c.actor2
            out.append(c)
    earlier_told(out)
    for r in _partners(out):
        r.location = where.carry(r)
        if r.location is None:
            r.location = seat_of_government(r, _capital(r.actor1, res.gazetteer))
    return out


def _capital(a: ActorRef | None, gaz: Gazetteer) -> PlaceRef | None:
    """The capital of an actor's country, read off the actor's span (None when unknown)."""
    city = gaz.capital(a.country) if a is not None and a.country else None
    return None if a is None or city is None else to_place_ref(city, a.text, a.start, a.end, 0.3)


@dataclass
class _Where:
    """Where each mention of a document happened, in reading order (see geo_event.py)."""

    pdoc: ParsedDoc
    triggers: dict[int, frozenset[int]]
    dominant: dict[str, PlaceRef]
    violent: dict[int, frozenset[int]]  # per sentence, the triggers of violent acts
    last_place: Story = None
    last_venue: tuple[int, PlaceRef] | None = None
    last_act: tuple[tuple[int, int], str | None] | None = None  # (sentence, trigger), country

    def place(self, m: Mention) -> list[Mention]:
        """``m`` with its place set; a violent act told against places in several countries
        as one mention per country (resolve/geo_split.py)."""
        material = QUAD.get(m.type.plover, 4) in (2, 4)
        cl = Clauses(self.pdoc, self.triggers.get(m.sentence_index, frozenset()),
                     self.violent.get(m.sentence_index, frozenset()))
        places = pick_locations(m, self.pdoc, cl, self.dominant, material)
        return per_country(m, places, lambda f, p: tied(self.pdoc, cl, m, f, p))

    def carry(self, m: Mention) -> PlaceRef | None:
        """The place of the story for a mention its sentence does not place; an act just told
        in several countries (one trigger, places in two countries) leaves the story no one
        place to carry."""
        loc, self.last_place, self.last_venue = carry_location(m, self.last_place,
                                                               self.last_venue)
        act = (m.sentence_index, m.trigger_start)
        if self.last_act is not None and self.last_act[0] == act and loc is not None \
                and self.last_act[1] != loc.country and m.location is not None:
            self.last_place = None
        if m.location is not None:
            self.last_act = (act, m.location.country)
        return loc


def _partners(mentions: list[Mention]) -> list[Mention]:
    """"Pakistan and Iran signed eight accords": one mention per state, each with nothing for a
    patient; each state is the other's partner."""
    by_trigger: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_trigger.setdefault((m.sentence_index, m.trigger_start), []).append(m)
    for group in by_trigger.values():
        states = [m for m in group if m.actor1 is not None and m.actor1.kind == "state"]
        if len(group) != 2 or len(states) != 2:
            continue
        a, b = states
        if a.actor1 and b.actor1 and a.actor1.country != b.actor1.country:
            for m, other in ((a, b.actor1), (b, a.actor1)):
                if m.actor2 is None or m.actor2.kind is None:
                    m.actor2 = other
    return mentions


def redate(mentions: Sequence[Mention], anchor: str) -> list[Mention]:
    """Re-resolve the dates of one document's mentions against a newly inferred report date."""
    dates = DocDates(anchor, int(anchor[:4]), inferred=True, refs=mention_references(mentions))
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (x.sentence_index, x.trigger_start)):
        r = replace(m, published=anchor)
        r.dates = dates.normalise(m)
        r.date, r.date_precision = dates.pick(m, r.dates)
        r.date_rule = dates.rule
        out.append(r)
    earlier_told(out)
    return out


def event_places(pdoc: ParsedDoc, res: Resources,
                 places: list[PlaceRef] | None = None) -> list[PlaceRef]:
    """The document's toponyms that can be where an event happened: not part of an
    organisation's name ("U.S. Central Command"), not an organisation the actor dictionary
    knows, not the dateline that says where the report was filed."""
    orgs = [(e.start, e.end) for e in pdoc.entities if e.label == "ORG"]
    datelines = _datelines(pdoc.doc.text)
    if places is None:
        places = resolve_doc_places(pdoc, res.gazetteer, territorial=True)
    spans = {(p.start, p.end) for p in places}
    return [p for p in places
            if not any(s <= p.start < e for s, e in datelines)
            and not any(s <= p.start and p.end <= e and (s, e) != (p.start, p.end)
                        for s, e in orgs)
            and not _is_organisation(p, res) and not _attributive(pdoc, p, spans)]


def _own_territory(pdoc: ParsedDoc, ctx: ActorContext, gaz: Gazetteer) -> list[PlaceRef]:
    """"strikes by Iran on its territory": the territory of the state the sentence is about
    (the last state named, subjects first), at country precision; "attacks on its capital" are
    in that state's capital city. Not "outside its territory"."""
    out: list[PlaceRef] = []
    for m in OWN_TERRITORY.finditer(pdoc.doc.text):
        noun = m.group(2).lower()
        if noun not in place_nouns():
            continue
        iso3 = ctx.state_before(m.start(), not_agent=" own " not in f" {m.group(1).lower()} ")
        place = (gaz.capital(iso3) if noun == "capital" else None) or gaz.country(iso3) \
            if iso3 else None
        if place is not None:
            out.append(to_place_ref(place, m.group(1), m.start(1), m.end(1), 0.6))
    return out


def _attributive(pdoc: ParsedDoc, p: PlaceRef, places: set[tuple[int, int]]) -> bool:
    """A country that says whose, not where: "a U.S. drone strike", "Iranian security forces"
    (but "on Iranian soil", "Pakistan's Balochistan province" name places)."""
    if p.precision != "country":
        return False
    first = bisect.bisect_left(pdoc.tokens, p.start, key=lambda t: t.idx)
    toks = list(itertools.takewhile(lambda t: t.idx < p.end, pdoc.tokens[first:first + 8]))
    root = next((t for t in toks if not p.start <= pdoc.tokens[t.head].idx < p.end), None)
    if root is None or root.dep not in ("compound", "amod", "nmod", "poss"):
        return False
    head = pdoc.tokens[root.head]
    if head.pos not in ("NOUN", "PROPN") or head.lemma.lower() in place_nouns():
        return False
    return not any(s <= head.idx < e for s, e in places)


def _datelines(text: str) -> list[tuple[int, int]]:
    """Datelines near the top ("PESHAWAR, Pakistan — ", "ISLAMABAD: ", "TEHRAN (Agencies):")."""
    return [m.span(1) for m in DATELINE.finditer(text, 0, min(len(text), 600))]


def _announced(m: Mention) -> bool:
    """An event the text dates after its own publication is announced or planned, not done."""
    return (m.status in ("occurred", "claimed") and m.date_rule == EXPRESSION_RULE
            and m.published is not None and m.date is not None and m.date > m.published)


def _is_organisation(p: PlaceRef, res: Resources) -> bool:
    """A toponym that the actor dictionary knows as an organisation (a news agency, a ministry)."""
    hit = res.actors.resolve(p.text)
    return hit is not None and hit.kind not in (None, "state")


def _resolve_actors(r: Mention, ctx: ActorContext) -> None:
    """Both actors of a mention; a pair as the agent ("the two neighbours", "Pakistan and Iran")
    is both parties when the patient names no actor ("signed eight accords")."""
    agents = resolve_actor(ctx, r.actor1, r.date)
    r.actor1 = agents[0] if agents else None
    patients = resolve_actor(ctx, r.actor2, r.date, agent=r.actor1)
    r.actor2 = patients[0] if patients else None
    if len(agents) == 2 and (r.actor2 is None or r.actor2.kind is None):
        r.actor2 = agents[1]


def _places_in(places: list[PlaceRef], start: int, end: int) -> list[PlaceRef]:
    return [p for p in places if start <= p.start and p.end <= end]


def _speakers(pdoc: ParsedDoc,
              mentions: list[Mention]) -> dict[int, list[tuple[ActorRef, bool]]]:
    """Per sentence, the agents of its statements ("condemnation from Islamabad"; flag True) and
    the subjects of its other events ("with Islamabad recalling its ambassador"; flag False):
    actors, never where the sentence's other events happened. A subject's place introduced as a
    place still is one ("Tehran's attack *in Balochistan*"), and "the Tehran attacks" (no
    subject) names a place."""
    out: dict[int, list[tuple[ActorRef, bool]]] = {}
    for m in mentions:
        if m.actor1 is None:
            continue
        speaks = QUAD.get(m.type.plover, 4) in (1, 3)
        if speaks or _subject(pdoc, m.actor1):
            out.setdefault(m.sentence_index, []).append((m.actor1, speaks))
    return out


def _subject(pdoc: ParsedDoc, a: ActorRef) -> bool:
    return any(t.dep in ("nsubj", "nsubjpass") and not a.start <= pdoc.tokens[t.head].idx < a.end
               for t in tokens_in(pdoc, a.start, a.end))


def _post_country(m: Mention, text: str, res: Resources) -> ActorRef | None:
    """"recalled its ambassador from Tehran": the other party is the state of the post."""
    a = m.actor2
    if a is None or a.country is not None or not OWN_DIPLOMAT.match(a.text):
        return None
    post = next((p for p in m.places if p.country and a.end <= p.start <= a.end + POST_GAP
                 and POST_PREP.match(text, a.end, p.start)), None)
    if post is None or post.country is None:
        return None
    state = res.actors.entry(post.country)
    name = state.name if state is not None else post.country
    return replace(a, name=name, country=post.country, kind="state", actor_id=post.country,
                   confidence=0.6)


POST_GAP = 10
OWN_DIPLOMAT = re.compile(r"(?i)(?:its|their)\s+(?:own\s+)?(?:ambassadors?|envoys?|diplomats?"
                          r"|charg[eé] d['’]affaires)\b")
POST_PREP = re.compile(r"(?i)\s+(?:to|from|in)\s+(?:the\s+)?\Z")
