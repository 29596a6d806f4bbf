"""Where an event happened: which of its sentence's toponyms is the event's place, and how fine.

A sentence often names several places: where the event was, where its agent comes from, where
another event of the sentence was, who spoke. Never the agent, a speaker ("Islamabad said",
"officials in Islamabad confirmed the attack") or a place that is the active subject of a verb
("the strikes, which Israel launched", "Tehran reciprocated": it acts); never, for a material
event, a capital standing for its government ("Tehran's declared intent", "pushed Tehran to
respond", "barred the envoy from returning to Islamabad"); never the place of a background event
the sentence reports no event of ("since the war in Gaza"), the destination of a journey
another verb tells of ("cancelled a trip to X and warned"), or another violent act a relative
clause tells of a participant ("a group that has attacked guards in X", "fighters who used the
border to plan attacks in X"); never, for a diplomatic sanction, the place of a violent act's
clause ("recalled its envoy a day after a strike killed two children in X"); a country adjective
on a site it may own ("an Israeli facility") only for an event in whose own clause it stands
(clauses: resolve/geo_clause.py). Among the others, in order:

1. a place in the event's own clause (its dependency path reaches the event's trigger, or the
   verb the trigger belongs to, before any other event or verb: "launched missiles at positions
   in Deir ez-Zor in retaliation for attacks in Tehran" puts the launch in Deir ez-Zor and the
   attacks in Tehran), before a place nested below it, before one in another event's clause;
2. not in the agent's own country when the patient belongs to another ("Turkish guns in Kilis
   shelled Syrian soldiers in Syria"), not where the weapons came from ("fired from Tabriz");
3. then where its patient is, the finest precision, a place introduced as a location, the
   nearest one.

A country is then refined to a finer place of that country the sentence names ("missiles at
Israeli cities, including Haifa"), else, for a material event, to the one admin1 region of that
country the article keeps naming as where things happen ("attacks on the country's parliament"
in an article about bombings in its capital), at admin1 precision and low confidence. A verbal
event takes only a place introduced as a location in its own clause ("met in Islamabad").

A violent act whose place is a list of places in several countries ("strikes in Iraq and
Syria") is placed once per country (resolve/geo_split.py, on :func:`choose_place`).

A mention whose sentence gives it no place takes the place of the story (:func:`carry_location`);
a state's protest or diplomatic sanction with no place, its seat of government
(:func:`seat_of_government`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..fuse import QUAD
from ..records import HAPPENED, PLACE_RANK, Mention, ParsedDoc, PlaceRef
from .gazetteer import capital_names
from .geo_clause import (
    CONTEXT,
    LOOSE,
    NESTED,
    OTHER,
    OWN,
    VIOLENT,
    Clauses,
    adjectival,
    attach,
    attachment,
    event_nouns,
    own_clause,
    sentence_triggers,
    span_root,
    token_at,
    violent_act,
)
from .geo_cues import (
    located,
    locative,
    origin,
    overlaps,
    owner_of_next,
    post,
    speaker,
    speech_verbs,
    venue,
)
from .geo_story import ANAPHOR_REACH, anaphoric, of_another_time

GROUP = {OWN: 0, NESTED: 1, LOOSE: 1, OTHER: 2}  # preference among attachments
DOMINANT_MIN = 2  # an admin1 named this often, more than any other of its country, is the focus
DOC_REFINED_CONFIDENCE = 0.4

VENUE_REACH = 4  # sentences over which a meeting's venue stays the place of the story

SEAT_CONFIDENCE = 0.3
SEAT_TYPES = frozenset({"accuse", "reject", "threaten", "sanction"})  # a state's protests, recalls
SEAT_KINDS = frozenset({"state", "government"})
POLITICAL = frozenset({"sanction"})  # acts that take no place of a violent act

__all__ = ["NESTED", "OWN", "VIOLENT", "Choice", "Clauses", "Story", "attachment",
           "carry_location", "choose_place", "dominant_admin1s", "pick_location", "refine_country",
           "seat_of_government", "sentence_triggers", "span_root", "token_at", "violent_act"]


def acting(pdoc: ParsedDoc, p: PlaceRef) -> bool:
    """A place that is the active subject of a verb acts: a state ("which Israel named"), or a
    capital standing for its government ("Tehran reciprocated")."""
    root = span_root(pdoc, p.start, p.end)
    return root is not None and pdoc.tokens[root].dep == "nsubj"


def speakers_place(pdoc: ParsedDoc, p: PlaceRef) -> bool:
    """The place of whoever speaks: "officials in Islamabad confirmed the attack in Quetta" (the
    place sits in the subject of a verb of speech)."""
    toks, i = pdoc.tokens, span_root(pdoc, p.start, p.end)
    for _ in range(4):
        if i is None or toks[i].head == i or toks[i].pos == "VERB":
            return False
        if toks[i].dep == "nsubj":
            return toks[toks[i].head].lemma.lower() in speech_verbs()
        i = toks[i].head
    return False


def capital_as_party(pdoc: ParsedDoc, p: PlaceRef, rank: int) -> bool:
    """A capital standing for its government, not where a strike fell: one that owns what
    follows ("Tehran's declared intent"), one urged to act ("pushed Tehran to respond"), or one
    reached through another clause without being introduced as a location ("blocking the envoy
    from returning to Islamabad")."""
    if p.precision != "point" or p.country is None or capital_names().get(p.country) != p.name:
        return False
    text, nxt = pdoc.doc.text, token_at(pdoc, p.end + 1)
    urged = (nxt is not None and pdoc.tokens[nxt].text.lower() == "to"
             and pdoc.tokens[nxt].dep == "aux")
    return owner_of_next(text, p.end) or urged or (rank in (NESTED, OTHER)
                                                   and not located(text, p.start))


def refine_country(loc: PlaceRef, cands: Sequence[PlaceRef], rank: dict[int, int],
                   dominant: dict[str, PlaceRef]) -> PlaceRef:
    """A country refined to a finer place of it that the sentence names (the one closest to the
    event in the parse, then the finest, then the nearest: "attacks in Pakistan, targeting a
    town in Balochistan"), else to the article's focus admin1 in that country (``dominant``)."""
    if loc.precision != "country" or loc.country is None:
        return loc
    finer = [p for p in cands if p.country == loc.country and p.precision in ("point", "admin1")]
    if finer:
        return min(finer, key=lambda p: (rank[p.start], PLACE_RANK.get(p.precision or "", 9),
                                         abs(p.start - loc.start)))
    focus = dominant.get(loc.country)
    if focus is None:
        return loc
    return replace(loc, name=focus.admin1, admin1=focus.admin1, lat=focus.lat, lon=focus.lon,
                   precision="admin1", confidence=DOC_REFINED_CONFIDENCE,
                   geonames_id=None)


def dominant_admin1s(pdoc: ParsedDoc, places: Sequence[PlaceRef],
                     mentions: Sequence[Mention]) -> dict[str, PlaceRef]:
    """Per country, the admin1 region the article keeps naming as the place where material
    events happen (a town counts for its region): named at least ``DOMINANT_MIN`` times and more
    often than any other region of that country. A name counts in the sentence of a material
    event, where it is introduced as a location ("in Mosul", "the province of Nineveh", "in
    Tal Afar, Nineveh province") or names an event's place ("the Mosul bombings"); not where
    a capital stands for its government ("Tehran's response") and not as the venue of talks."""
    material = [m for m in mentions if QUAD.get(m.type.plover, 4) in (2, 4)]
    spans = {(m.sent_start, m.sent_end) for m in material}
    events = frozenset[int]().union(*sentence_triggers(pdoc, material).values())
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], PlaceRef] = {}
    for p in places:
        if p.country is None or p.admin1 is None or p.precision not in ("point", "admin1"):
            continue
        if not any(s <= p.start < e for s, e in spans) or not (
                located(pdoc.doc.text, p.start) or _names_event_place(pdoc, p, events)):
            continue
        key = (p.country, p.admin1)
        counts[key] += 1
        first.setdefault(key, p)
    out: dict[str, PlaceRef] = {}
    for country in {c for c, _ in counts}:
        ranked = sorted(((n, k) for k, n in counts.items() if k[0] == country), reverse=True)
        if ranked[0][0] >= DOMINANT_MIN and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            out[country] = first[ranked[0][1]]
    return out


def _names_event_place(pdoc: ParsedDoc, p: PlaceRef, events: frozenset[int]) -> bool:
    """"the Tehran attacks": the place modifies an event's trigger or an event noun."""
    root = span_root(pdoc, p.start, p.end)
    if root is None or pdoc.tokens[root].dep not in ("compound", "nmod", "amod"):
        return False
    head = pdoc.tokens[root].head
    return head in events or pdoc.tokens[head].lemma.lower() in event_nouns()


@dataclass(frozen=True)
class Choice:
    """The place chosen for an event among its sentence's candidates, with each candidate's
    attachment to the event (OWN, NESTED, ... by start offset)."""

    best: PlaceRef
    cands: list[PlaceRef]
    rank: dict[int, int]


def choose_place(m: Mention, pdoc: ParsedDoc, cl: Clauses, material: bool) -> Choice | None:
    """The place of the sentence where the event happened, before any refinement (see the
    module doc); never the agent, a speaker or a diplomatic post. For verbal events only a place
    introduced as a location in the event's own clause ("met in Islamabad"), never a party
    named as a place unless it is the venue ("landed in Islamabad")."""
    text = pdoc.doc.text
    trigger = token_at(pdoc, m.trigger_start)
    cands = [p for p in m.places if p.country is not None and not overlaps(p, m.actor1)
             and not speaker(text, p.end) and not acting(pdoc, p)]
    att = {p.start: (LOOSE, None) if trigger is None else attach(cl, p, trigger) for p in cands}
    rank = {k: r for k, (r, _) in att.items()}
    cands = [p for p in cands if rank[p.start] != CONTEXT
             and (not adjectival(pdoc, p) or own_clause(cl, p, trigger))
             and not (m.type.plover in POLITICAL and att[p.start][1] in cl.violent)]
    if material:
        cands = [p for p in cands if not post(text, p.start) and not speakers_place(pdoc, p)
                 and not capital_as_party(pdoc, p, rank[p.start])]
    else:  # "summoned the envoy in Baghdad" was in Baghdad; "recalled its envoy in Tehran" not
        cands = [p for p in cands if rank[p.start] in (OWN, LOOSE) and locative(text, p.start)
                 and (not overlaps(p, m.actor2) or (venue(text, p.start)
                                                     and not post(text, p.start)))]
    if not cands:
        return None
    home = _agent_home(m) if material else None
    best = min(cands, key=lambda p: (owner_of_next(text, p.end), GROUP[rank[p.start]],
                                     p.country == home, origin(text, p.start),
                                     not (material and overlaps(p, m.actor2)
                                          and located(text, p.start)),
                                     PLACE_RANK.get(p.precision or "country", 9),
                                     not locative(text, p.start),
                                     abs(p.start - m.trigger_start), p.start))
    return Choice(best, cands, rank)


def pick_location(m: Mention, pdoc: ParsedDoc, cl: Clauses, dominant: dict[str, PlaceRef],
                  material: bool) -> PlaceRef | None:
    """The event's place (:func:`choose_place`), a country refined to a finer place of it
    (:func:`refine_country`; the article's focus admin1 for material events only)."""
    c = choose_place(m, pdoc, cl, material)
    return None if c is None else refine_country(c.best, c.cands, c.rank,
                                                 dominant if material else {})


def _agent_home(m: Mention) -> str | None:
    """The agent's country when the patient belongs to another one: a strike by one state on
    another's people is in the target's country, not the attacker's."""
    a, b = m.actor1, m.actor2
    if a is None or b is None or not a.country or not b.country or a.country == b.country:
        return None
    return a.country


Carried = tuple[int, PlaceRef] | None
Story = tuple[int, PlaceRef, bool] | None  # sentence, place, told of a violent act


def carry_location(m: Mention, last_place: Story,
                   last_venue: Carried) -> tuple[PlaceRef | None, Story, Carried]:
    """A mention whose sentence names no place for it takes the place of the story: a material
    event that of the previous sentence's material event, but a diplomatic sanction or a
    protest never that of a violent act ("a strike hit X. Islamabad recalled its envoy." is no
    recall in X); a cooperative verbal event (a meeting, an accord) the venue of the last such
    event within ``VENUE_REACH`` sentences, when the venue is in the country of one of its
    parties ("arrived in Lahore. The chief minister received him at the airport."). "the city"
    with no name refers back to the story's place a few sentences on; an event of another time
    ("killed in X in 2020") does not give its place to the story, nor take the story's unless
    its sentence refers back to it ("in the town in 2015"; resolve/geo_story.py).
    Returns the location and the updated (sentence, place[, violent]) memories."""
    quad = QUAD.get(m.type.plover, 4)
    loc, i, past = m.location, m.sentence_index, of_another_time(m)
    if loc is None and quad in (2, 4) and last_place and _in_reach(m, last_place, past) \
            and not (last_place[2] and m.type.plover in POLITICAL):
        loc = last_place[1]
    if past:  # background: the story goes on past it
        if last_place and last_place[0] >= i - 1:
            last_place = (i, last_place[1], last_place[2])
        return loc, last_place, last_venue
    if loc is None and quad == 1 and last_venue and last_venue[0] >= i - VENUE_REACH:
        parties = {a.country for a in (m.actor1, m.actor2) if a is not None and a.country}
        if not parties or last_venue[1].country in parties:
            loc = last_venue[1]
    if quad in (2, 4) and loc is not None:
        carried = loc is not m.location and last_place is not None and last_place[2]
        last_place = (i, loc, violent_act(m) or carried)
    if quad == 1 and m.location is not None and m.status in HAPPENED:
        last_venue = (i, m.location)
    return loc, last_place, last_venue


def _in_reach(m: Mention, story: tuple[int, PlaceRef, bool], past: bool) -> bool:
    """The story's place reaches the mention: from the previous sentence, not to an event of
    another time; or a few sentences on, to a sentence that refers back to it ("the city")."""
    if anaphoric(m, story[1]) and story[0] >= m.sentence_index - ANAPHOR_REACH:
        return True
    return not past and story[0] >= m.sentence_index - 1


def seat_of_government(m: Mention, capital: PlaceRef | None) -> PlaceRef | None:
    """Where a state's protest, rebuke or diplomatic sanction that names no place was made: its
    seat of government ("the foreign ministry summoned the ambassador", "Iraq recalled its
    envoy"). ``capital`` is the capital city of the agent's country (read off the agent's span);
    the place is given at admin1 precision and low confidence. Only for a state or government
    agent, never for a mention the text already places."""
    a = m.actor1
    if (m.location is not None or capital is None or a is None or a.kind not in SEAT_KINDS
            or m.type.plover not in SEAT_TYPES or capital.country != a.country):
        return m.location
    return replace(capital, precision="admin1", confidence=SEAT_CONFIDENCE)
