"""Actors an article names by reference, and the country a generic body belongs to in context.

Light coreference inside one article (the dictionary of :mod:`.actors` reads one span at a time):

- "the group", "the outfit", "the militants" → the last armed group the article named;
- "the country", "the nation", "the neighbour" → the last state it named, subjects first
  ("Pakistan condemned the strike by Iran. The country recalled …" is Pakistan);
- "the two neighbours", "both countries" → the last two states (actor1 and actor2 of the event),
  as are two states named together ("Pakistan and Iran signed …");
- "its forces", "their government" (an agent) → owned by the last state named, subjects first;
- "Punjab Chief Minister …" → owned by the state of a place inside the span.

The phrases and how far back they reach are data (data/actors/anaphors.tsv).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from ..records import ActorRef, ParsedDoc, PlaceRef, Token
from .actor_data import DATA_DIR, data_rows
from .actor_types import SPEC_COUNTRY, SPEC_NAMED
from .actors import ActorDictionary
from .doc_tokens import tokens_in

Refers = Literal["group", "state", "pair"]
_DEFINITE = re.compile(r"(?i)\b(?:the|this|that|these|those)\s+$")
_LEADING = re.compile(r"(?i)^(?:the|this|that|these|those)\s+")
_POSSESSIVE = re.compile(r"(?i)^(?:its|their)\s+")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CONF_ANAPHOR = 0.7
STATE_KINDS = frozenset({"government", "military"})  # what "its" can own: "its forces"
_COUNTRY_ROLES = frozenset({"name", "demonym", "capital", "adjective"})
_PARTY_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})


@dataclass(frozen=True, slots=True)
class Anaphor:
    refers: Refers
    reach: int  # sentences


@dataclass(frozen=True, slots=True)
class Named:
    """An actor the article names: where (offset, sentence), whether it is a subject, what."""

    at: int
    sent: int
    subject: bool
    ref: ActorRef


@lru_cache(maxsize=1)
def anaphors() -> dict[str, Anaphor]:
    """Lower-case phrase -> what it refers to (data/actors/anaphors.tsv)."""
    out: dict[str, Anaphor] = {}
    for _, (phrase, refers, reach) in data_rows(DATA_DIR / "anaphors.tsv", 3):
        if refers in ("group", "state", "pair"):
            kind: Refers = refers  # type: ignore[assignment]
            out[" ".join(phrase.lower().split())] = Anaphor(kind, int(reach or 3))
    return out


class ActorContext:
    """The named armed groups and states of one article, in text order."""

    def __init__(self, pdoc: ParsedDoc, actors: ActorDictionary, date: str | None,
                 places: list[PlaceRef]) -> None:
        self.pdoc = pdoc
        self.actors = actors
        self.places = places
        self.groups: list[Named] = []
        self.states: list[Named] = []
        for m in actors.find_matches(pdoc.doc.text, date=date):
            if m.role in ("proxy", "anti"):
                continue
            if m.entry.kind == "armed_group" and m.specificity >= SPEC_NAMED:
                self.groups.append(self._named(m.start, m.end, m.entry.name, m.entry.id,
                                               None, "armed_group"))
            elif m.specificity == SPEC_COUNTRY and m.role in _COUNTRY_ROLES and m.entry.country:
                self.states.append(self._named(m.start, m.end, m.entry.name, m.entry.id,
                                               m.entry.country, "state"))

    def _named(self, start: int, end: int, name: str, actor_id: str, country: str | None,
               kind: Literal["armed_group", "state"]) -> Named:
        tok = self._token_at(start)
        subject = tok is not None and _in_subject(self.pdoc.tokens, tok)
        ref = ActorRef(name, start, end, name=name, country=country, kind=kind,
                       actor_id=actor_id, confidence=_CONF_ANAPHOR)
        return Named(start, tok.sent if tok is not None else 0, subject, ref)

    def _token_at(self, offset: int) -> Token | None:
        toks = self.pdoc.tokens
        i = bisect.bisect_right(toks, offset, key=lambda t: t.idx) - 1
        return toks[i] if 0 <= i < len(toks) else None

    def place_actor(self, ref: ActorRef) -> ActorRef | None:
        """An actor span that is a place below the state ("exercises in Hokkaido", "struck Sapporo"):
        the state the place lies in is the party."""
        place = next((p for p in self.places if p.end == ref.end and ref.start <= p.start
                      and p.precision != "country"), None)
        if place is None or place.country is None or ref.text[:place.start - ref.start].strip(
                ).lower() not in ("", "the"):
            return None
        return replace(ref, name=place.name or place.text, country=place.country, kind="other",
                       confidence=0.5)

    def names_someone(self, ref: ActorRef) -> bool:
        """Whether a span the dictionary does not know may still name a party: a proper name or
        a named entity in it ("Ryon Xidawu", "Aramco"). A common noun the dictionary of actor
        words does not know ("the attack", "an explanation", "water cannons", "the site") is no
        party, and the event keeps that role empty rather than fill it with a thing."""
        return any(t.pos == "PROPN" or t.ent_type in _PARTY_ENTITIES
                   for t in tokens_in(self.pdoc, ref.start, ref.end))

    # ------------------------------------------------------------------------- references
    def anaphor(self, ref: ActorRef) -> Anaphor | None:
        """What a definite description ("the group", "the two neighbours") refers to, if any."""
        text = " ".join(ref.text.split())
        bare = _LEADING.sub("", text)
        found = anaphors().get(bare.lower())
        if found is None:
            return None
        definite = bare != text or bare.lower().startswith("both ") or bool(
            _DEFINITE.search(self.pdoc.doc.text, max(0, ref.start - 8), ref.start))
        return found if definite else None

    def referent(self, ref: ActorRef, what: Anaphor) -> list[ActorRef]:
        """The named actors an anaphor stands for (one, or two for a pair); [] if none."""
        tok = self._token_at(ref.start)
        sent = tok.sent if tok is not None else 0
        pool = self.groups if what.refers == "group" else self.states
        window = [n for n in pool if n.at < ref.start and n.sent >= sent - what.reach]
        if what.refers == "group":
            return [_as(ref, window[-1].ref)] if window else []
        if what.refers == "state":
            best = self._salient(window)
            return [_as(ref, best.ref)] if best is not None else []
        return self._pair(ref, window)

    def _salient(self, window: list[Named]) -> Named | None:
        """The last state named as a subject in the window, else the last one named."""
        subjects = [n for n in window if n.subject]
        return subjects[-1] if subjects else (window[-1] if window else None)

    def _pair(self, ref: ActorRef, window: list[Named]) -> list[ActorRef]:
        seen: dict[str, Named] = {}
        for n in reversed(window):
            if n.ref.country is not None and n.ref.country not in seen:
                seen[n.ref.country] = n
            if len(seen) == 2:
                break
        if len(seen) < 2:
            return []
        first, second = sorted(seen.values(), key=lambda n: n.at)
        return [_as(ref, first.ref), _as(ref, second.ref)]

    def state_before(self, at: int, reach: int = 4, *, not_agent: bool = False) -> str | None:
        """The salient state named before offset ``at`` (for "its", "their"). ``not_agent``:
        not the subject of the clause ``at`` stands in ("Pakistan said two children died when
        Iran struck targets inside its territory": its is Pakistan's; a state's own territory
        would be "its own")."""
        tok = self._token_at(at)
        sent = tok.sent if tok is not None else 0
        window = [n for n in self.states if n.at < at and n.sent >= sent - reach]
        agent = self._clause_subject(tok) if not_agent and tok is not None else None
        if agent is not None:
            window = [n for n in window if n.ref.country != agent] or window
        best = self._salient(window)
        return best.ref.country if best is not None else None

    def _clause_subject(self, tok: Token) -> str | None:
        """The country of the state that is the subject of the verb above ``tok``."""
        toks, k = self.pdoc.tokens, tok.i
        for _ in range(6):
            if toks[k].pos in ("VERB", "AUX") or toks[k].head == k:
                break
            k = toks[k].head
        subj = next((t for t in toks if t.head == k and t.dep in ("nsubj", "nsubjpass")
                     and t.i != k), None)
        if subj is None:
            return None
        named = next((n for n in self.states if n.at <= subj.idx < n.at + len(n.ref.text)
                      or n.ref.start <= subj.idx < n.ref.end), None)
        return named.ref.country if named is not None else None

    def place_owner(self, ref: ActorRef) -> str | None:
        """The country of a sub-national place inside the span ("Punjab Chief Minister")."""
        inside = [p for p in self.places if ref.start <= p.start and p.end <= ref.end
                  and p.country is not None and p.precision in ("admin1", "point")]
        return inside[0].country if inside else None

    @staticmethod
    def possessive(ref: ActorRef) -> bool:
        """The span opens with "its" / "their"."""
        return _POSSESSIVE.match(ref.text.strip()) is not None


def _as(span: ActorRef, named: ActorRef) -> ActorRef:
    """The named actor, at the anaphor's span."""
    return replace(named, text=span.text, start=span.start, end=span.end)


def _in_subject(tokens: list[Token], tok: Token) -> bool:
    """The token is (inside) a subject: "Pakistan said", "Pakistan's army said"."""
    t = tok
    for _ in range(3):
        if t.dep in _SUBJECT_DEPS:
            return True
        if t.dep not in ("poss", "compound", "amod", "nmod") or t.head == t.i:
            return False
        t = tokens[t.head]
    return False


def resolve_actor(ctx: ActorContext, ref: ActorRef | None, date: str | None,
                  agent: ActorRef | None = None) -> list[ActorRef]:
    """The actor(s) a span stands for: the dictionary's reading, an anaphor's referent (two for
    "the two neighbours"), a generic body owned by its context; [] for no span. ``agent`` is
    given for a patient: its "its ambassador" is the agent's own (reflexive), which says nothing
    about the other party, so a patient's possessive is left unowned."""
    if ref is None:
        return []
    pair = _coordinated_states(ctx, ref, date)
    if pair:
        return pair
    hit = ctx.actors.resolve(ref.text, date=date)
    if hit is None or (hit.actor_id or "").startswith("gen/"):
        what = ctx.anaphor(ref)
        found = ctx.referent(ref, what) if what is not None else []
        if found:
            return found
    if hit is None:
        place = ctx.place_actor(ref)
        if place is not None:
            return [place]
        return [ref] if ctx.names_someone(ref) else []
    if ctx.actors.takes_owner(hit):
        owner = ctx.place_owner(ref)
        if owner is None and agent is None and hit.kind in STATE_KINDS and ctx.possessive(ref):
            owner = ctx.state_before(ref.start)  # "Islamabad said its forces struck …"
        if owner is not None:
            hit = ctx.actors.resolve(ref.text, date=date, owner=owner) or hit
    return [_resolved(ref, hit)]


def _coordinated_states(ctx: ActorContext, ref: ActorRef, date: str | None) -> list[ActorRef]:
    """"Pakistan and Iran (signed …)": two states joined by "and" are both parties."""
    found = [m for m in ctx.actors.find_matches(ref.text, date=date)
             if m.role in ("name", "capital") and m.entry.country]
    if len(found) != 2 or found[0].entry.country == found[1].entry.country:
        return []
    between = ref.text[found[0].end:found[1].start].strip().lower()
    outside = ref.text[:found[0].start].strip().lower() in ("", "both", "both the") and \
        not ref.text[found[1].end:].strip(" .,;:")
    if between not in ("and", "&") or not outside:
        return []
    return [_as(ref, _state_ref(m.entry.name, m.entry.id, m.entry.country, m.start, m.end))
            for m in found]


def _state_ref(name: str, actor_id: str, country: str | None, start: int, end: int) -> ActorRef:
    return ActorRef(name, start, end, name=name, country=country, kind="state",
                    actor_id=actor_id, confidence=_CONF_ANAPHOR)


def owned_by_location(ctx: ActorContext, ref: ActorRef | None, country: str | None,
                      date: str | None) -> ActorRef | None:
    """A domestic generic actor ("police", "civilians") with no country of its own belongs to the
    country where its event happened."""
    if ref is None or country is None or not ctx.actors.domestic(ref):
        return ref
    hit = ctx.actors.resolve(ref.text, date=date, owner=country)
    return _resolved(ref, hit) if hit is not None and hit.country == country else ref


def _resolved(span: ActorRef, hit: ActorRef) -> ActorRef:
    return replace(span, name=hit.name, country=hit.country, kind=hit.kind,
                   actor_id=hit.actor_id, confidence=hit.confidence)
