"""Action → reaction links between fused events.

Explicit links come from a cue in a sentence (:mod:`thucydides.link_cues`): "in retaliation for
X", "in response to X", "a day after X", "hours after X". The sentence's own event (the first event
reported outside the cue, or the events the extraction gave the cue to) is the reaction; the
action is the event the referent X names, chosen by points:

- +2 the event was read from the referent's head (the first event reported inside the cue's
  span), +0.5 from another event inside it ("recalled its envoy in protest at a strike");
- +1 its type is the one the referent's first event word names ("attack", "recalled"), -2 when
  the referent names a type and not its type;
- +1 its agent is named (a demonym, a country or its capital, an actor name: "the Iranian
  attack", "Islamabad recalled");
- +1 its place is named ("on Duhok"); +0.5 its country is named and is not the agent's;
- +0.5 each way the dyad is reversed (the action's agent is the reaction's target, and back);
- +1 the stated lag fits ("two days after": within a day of it), -1 when it does not;
- +0.5 the same article reports it.

On equal points the better corroborated event wins, then the nearer in time.
An action needs ``min_cue_points`` and at least one of: read from the referent, agent named,
place named. It is never after the reaction (when both are dated) nor more than
``max_cue_lag_days`` before it; a retaliation or response is never by the action's own agent, and
an event "after" one of the same type by the same agent on the same or next day is taken for the
same event told twice, not a link. A temporal cue ("after") between two hostile events of a reversed
dyad is typed like a pattern link (``retaliation`` or ``response``), else ``follows``.

Pattern links: event B answers event A when B's agent is A's target and B's target A's agent
(countries; the target is actor2's country, else the location's country), A is a use of force
(assault, coerce), B is hostile, and B comes at most ``max_lag_days`` days after A (on the same day
only when A was reported first). ``retaliation`` when B is a use of force too, else
``response``. A reaction gets at most one pattern link, and none when a cue already links it.
Every link is typed and scored (explicit 0.5-1, pattern below 0.6); there is one link per pair.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache

from .link_cues import Cue, find_cues, referent_words, word_forms
from .reconcile import evidence
from .records import Event, Link, Mention

LINKABLE = frozenset({"occurred", "claimed", "threatened"})
FORCE = frozenset({"assault", "coerce"})
HOSTILE = frozenset({"accuse", "reject", "threaten", "protest", "sanction", "mobilize", "coerce",
                     "assault"})


@dataclass(frozen=True)
class LinkSettings:
    max_lag_days: int = 3  # pattern links: the longest lag between action and reaction
    max_cue_lag_days: int = 60  # explicit links: how far back a cue may point
    min_cue_points: float = 2.0


@dataclass
class _Index:
    events: dict[str, Event]
    event_of: dict[str, str]  # mention id → event id
    sentences: dict[tuple[str, int], list[Mention]] = field(default_factory=dict)
    docs: dict[str, set[str]] = field(default_factory=dict)  # event id → its documents
    by_day: list[Event] = field(default_factory=list)  # dated events, by date
    days: list[int] = field(default_factory=list)  # their days (ordinals)
    undated: list[Event] = field(default_factory=list)

    @classmethod
    def of(cls, events: Sequence[Event], mentions: Sequence[Mention]) -> _Index:
        index = cls({e.event_id: e for e in events},
                    {mid: e.event_id for e in events for mid in e.mention_ids})
        for m in mentions:
            if m.mention_id in index.event_of:
                index.sentences.setdefault((m.doc_id, m.sent_start), []).append(m)
        for e in events:
            index.docs[e.event_id] = {s.doc_id for s in e.sources}
        index.by_day = sorted((e for e in events if e.date), key=lambda e: str(e.date))
        index.days = [_ordinal(str(e.date)) for e in index.by_day]
        index.undated = [e for e in events if not e.date]
        return index

    def before(self, reaction: Event, max_days: int) -> list[Event]:
        """Candidate actions: events dated at most ``max_days`` before ``reaction`` (and not
        after it), and undated ones; every event when ``reaction`` has no date."""
        if not reaction.date:
            return list(self.events.values())
        day = _ordinal(reaction.date)
        lo = bisect.bisect_left(self.days, day - max_days)
        hi = bisect.bisect_right(self.days, day)
        return self.by_day[lo:hi] + self.undated


def link_events(events: Sequence[Event], mentions: Sequence[Mention],
                settings: LinkSettings | None = None) -> list[Link]:
    """Typed action → reaction links between ``events`` (``mentions``: those they were fused
    from), explicit ones first, no pair twice, ordered by action then reaction."""
    settings = settings or LinkSettings()
    index = _Index.of(events, mentions)
    explicit = [link for ms in index.sentences.values()
                for link in _sentence_links(ms, index, settings)]
    answered = {link.reaction_id for link in explicit}
    pattern = _pattern_links(events, answered, settings)
    return _unique(explicit + pattern)


def _unique(links: Sequence[Link]) -> list[Link]:
    best: dict[frozenset[str], Link] = {}
    for link in links:
        key = frozenset((link.action_id, link.reaction_id))
        kept = best.get(key)
        if kept is None or (link.kind == "explicit", link.score) > (
                kept.kind == "explicit", kept.score):
            best[key] = link
    return sorted(best.values(), key=lambda k: (k.action_id, k.reaction_id))


# -- explicit links ----------------------------------------------------------------------------

def _sentence_links(ms: list[Mention], index: _Index, settings: LinkSettings) -> list[Link]:
    out: list[Link] = []
    for cue in _cues(ms):
        inside = sorted((m for m in ms if cue.start <= m.trigger_offset() < cue.end),
                        key=Mention.trigger_offset)
        for r in _reactions(cue, [m for m in ms if m not in inside]):
            reaction = index.events[index.event_of[r.mention_id]]
            action, lag, points = _best_action(cue, reaction, r, inside, index, settings)
            if action is None:
                continue
            relation = cue.relation if cue.relation != "follows" else (
                pattern_relation(action, reaction) or "follows")
            out.append(Link(action.event_id, reaction.event_id, "explicit", relation, lag,
                            round(min(1.0, 0.5 + 0.05 * points), 3), cue.text,
                            evidence(r)))
    return out


def _cues(ms: list[Mention]) -> list[Cue]:
    """The cues of the sentence. A cue the extraction found (``Mention.cue``, the parse's
    phrase) replaces the pattern's cue it overlaps: its span is exact."""
    sentence = ms[0].sentence
    parsed: list[Cue] = []
    for text in dict.fromkeys(m.cue for m in ms if m.cue):
        at = sentence.find(text)
        if at >= 0:
            found = find_cues(text)
            parsed.append(Cue(found[0].relation if found else "response", at, at + len(text),
                              text, found[0].referent if found else text))
    kept = [c for c in find_cues(sentence)
            if not any(c.start < p.end and p.start < c.end for p in parsed)]
    return sorted(kept + parsed, key=lambda c: c.start)


def _reactions(cue: Cue, outside: list[Mention]) -> list[Mention]:
    """The events that answer the cue: those the extraction gave it, else the first event
    reported before it (the main clause), else the first after it ("Hours after X, Y")."""
    usable = [m for m in outside if m.status in LINKABLE]
    given = [m for m in usable if m.cue and m.cue in cue.text]
    if given:
        return given
    before = sorted((m for m in usable if m.trigger_offset() < cue.start), key=Mention.trigger_offset)
    after = sorted((m for m in usable if m.trigger_offset() >= cue.end), key=Mention.trigger_offset)
    return (before or after)[:1]


def _best_action(cue: Cue, reaction: Event, r: Mention, inside: list[Mention], index: _Index,
                 settings: LinkSettings) -> tuple[Event | None, int | None, float]:
    words = referent_words(cue.referent)
    named = _Named(set(words), _countries(words), _head_types(words))
    inside_events = [index.event_of[m.mention_id] for m in inside]
    dyad = (agent_of(reaction), target_of(reaction))
    best: tuple[tuple[float, int, int, str], Event, int | None] | None = None
    for action in index.before(reaction, settings.max_cue_lag_days):
        read = 2.0 if inside_events[:1] == [action.event_id] else (
            0.5 if action.event_id in inside_events else 0.0)
        agent, place = _named_in(named, action)
        if not (read or agent or place) or action.event_id == reaction.event_id \
                or action.status not in LINKABLE:
            continue
        lag = lag_days(action, reaction)
        if (lag is not None and not 0 <= lag <= settings.max_cue_lag_days) or _implausible(
                cue, action, reaction, lag):
            continue
        points = read + agent + place + _points(cue, named, action, dyad, lag, place)
        points += 0.5 * (r.doc_id in index.docs[action.event_id])
        if points < settings.min_cue_points:
            continue
        key = (points, action.n_outlets, -(lag if lag is not None else 9999), action.event_id)
        if best is None or key > best[0]:
            best = (key, action, lag)
    return (best[1], best[2], best[0][0]) if best else (None, None, 0.0)


@dataclass(frozen=True)
class _Named:
    words: set[str]
    countries: set[str]
    types: set[str]


def _implausible(cue: Cue, action: Event, reaction: Event, lag: int | None) -> bool:
    """A retaliation by the action's own agent; one event told twice ("after" itself)."""
    agent = agent_of(action)
    if agent is None or agent != agent_of(reaction):
        return False
    if cue.relation != "follows":
        return True
    return action.event_type == reaction.event_type and (lag is None or lag <= 1)


def _named_in(named: _Named, action: Event) -> tuple[bool, bool]:
    """Whether the referent names the action's agent, and its place."""
    a1, loc = action.actor1, action.location
    agent = bool(a1 and ((a1.country and a1.country in named.countries)
                         or _names_in(a1.name or a1.text, named.words)))
    place = bool(loc and (_names_in(loc.name or loc.text, named.words)
                          or _names_in(loc.admin1 or "", named.words)))
    return agent, place


def _points(cue: Cue, named: _Named, action: Event, dyad: tuple[str | None, str | None],
            lag: int | None, place: bool) -> float:
    """Points for type, the place's country, a reversed dyad and the stated lag."""
    points = 0.0
    if named.types:
        points += 1.0 if action.event_type in named.types else -2.0
    loc, agent = action.location, agent_of(action)
    if not place and loc and loc.country in named.countries and agent != loc.country:
        points += 0.5
    points += 0.5 * (agent is not None and agent == dyad[1])
    target = target_of(action)
    points += 0.5 * (target is not None and target == dyad[0])
    if cue.lag_days is not None and lag is not None:
        points += 1.0 if abs(lag - cue.lag_days) <= 1 else -1.0
    return points


_STOP = frozenset({"the", "of", "and", "in", "on", "at", "for", "to", "a", "an", "its", "forces",
                   "state", "government", "army", "military", "people", "city", "province"})


def _names_in(name: str, words: set[str]) -> bool:
    """Some distinctive word of ``name`` (not "the", "forces", ...) is among ``words``."""
    return not _name_tokens(name).isdisjoint(words)


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> frozenset[str]:
    return frozenset(t for t in referent_words(name) if t not in _STOP and len(t) > 2)


def _countries(words: Sequence[str]) -> set[str]:
    table = _country_words()
    out = {table[w] for w in words if w in table}
    text = " " + " ".join(words) + " "
    out |= {iso for name, iso in table.items() if " " in name and f" {name} " in text}
    return out


def _head_types(words: Sequence[str]) -> set[str]:
    """The types the referent's first event word gives ("recalled its envoy in protest at a
    strike": the recall, not the strike)."""
    table = _type_words()
    for w in words:
        found = {t for form in word_forms(w) for t in table.get(form, ())}
        if found:
            return found
    return set()


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """Demonyms, country names and capitals (normalised, lower case) → ISO-3 ("Islamabad
    recalled its envoy": the capital stands for the state)."""
    from .resolve.geo_data import norm_key, read_countries
    from .resolve.geo_names import demonym_table

    out = {k: v for k, (kind, v) in demonym_table().items() if kind == "country"}
    for key in ("name", "capital"):
        for row in read_countries():
            if row.get(key) and row.get("iso3"):
                out.setdefault(norm_key(row[key]), row["iso3"])
    return out


@lru_cache(maxsize=1)
def _type_words() -> dict[str, frozenset[str]]:
    """Trigger lemmas → the PLOVER types they may give (under any condition: "recall" is a
    sanction when its object is an envoy)."""
    from .extract.lexicon import Lexicon

    lex = Lexicon.load()
    out: dict[str, set[str]] = {}
    for (lemma, _pos), entries in lex.triggers.items():
        for entry in entries:
            if entry.cameo != "-" and entry.cameo in lex.crosswalk:
                out.setdefault(lemma.lower(), set()).add(lex.crosswalk.rows[entry.cameo].plover)
    return {k: frozenset(v) for k, v in out.items()}


# -- pattern links -----------------------------------------------------------------------------

def agent_of(e: Event) -> str | None:
    return e.actor1.country if e.actor1 else None


def target_of(e: Event) -> str | None:
    """The target's country: actor2's, else the location's (not the agent's own)."""
    agent = agent_of(e)
    for country in (e.actor2.country if e.actor2 else None,
                    e.location.country if e.location else None):
        if country and country != agent:
            return country
    return None


def reversed_dyad(action: Event, reaction: Event) -> bool:
    a, b = agent_of(action), agent_of(reaction)
    return bool(a and b and a != b and target_of(action) == b and target_of(reaction) == a)


def pattern_relation(action: Event, reaction: Event) -> str | None:
    """``retaliation`` / ``response`` for a use of force answered by a hostile act of the
    reversed dyad; None otherwise."""
    if action.event_type not in FORCE or reaction.event_type not in HOSTILE:
        return None
    if not reversed_dyad(action, reaction):
        return None
    return "retaliation" if reaction.event_type in FORCE else "response"


def lag_days(action: Event, reaction: Event) -> int | None:
    if not action.date or not reaction.date:
        return None
    return _ordinal(reaction.date) - _ordinal(action.date)


@lru_cache(maxsize=65536)
def _ordinal(iso: str) -> int:
    return Date.fromisoformat(iso).toordinal()


def _first_report(e: Event) -> str:
    return min((s.published for s in e.sources if s.published), default="9999")


def _pattern_links(events: Sequence[Event], answered: set[str],
                   settings: LinkSettings) -> list[Link]:
    dated = sorted((e for e in events if e.date and e.date_precision == "day"
                    and e.status in ("occurred", "claimed")), key=lambda e: str(e.date))
    days = [_ordinal(str(e.date)) for e in dated]
    out: list[Link] = []
    for b, day in zip(dated, days, strict=True):
        if b.event_id in answered or b.event_type not in HOSTILE:
            continue
        lo = bisect.bisect_left(days, day - settings.max_lag_days)
        hi = bisect.bisect_right(days, day)
        best: tuple[float, Link] | None = None
        for a in dated[lo:hi]:
            link = _pattern_link(a, b, settings)
            if link is not None and (best is None or link.score > best[0]):
                best = (link.score, link)
        if best is not None:
            out.append(best[1])
    return out


def _pattern_link(a: Event, b: Event, settings: LinkSettings) -> Link | None:
    if a.event_id == b.event_id:
        return None
    relation = pattern_relation(a, b)
    lag = lag_days(a, b)
    if relation is None or lag is None or lag > settings.max_lag_days or lag < 0:
        return None
    if lag == 0 and not _first_report(a) < _first_report(b):
        return None
    score = 0.5 - 0.4 * lag / (settings.max_lag_days + 1) + (0.05 if relation == "retaliation"
                                                              else 0.0)
    return Link(a.event_id, b.event_id, "pattern", relation, lag, round(score, 3))
