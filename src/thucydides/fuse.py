"""Fusion: merge the mentions that report one real event into one Event, keeping every source.

v1 rule: two mentions may report the same event when their statuses agree on "happened or not",
their PLOVER types share a quad class, their dates are at most ``window`` days apart, their location
countries agree (or one is unknown) and their actors' countries do not contradict each other.
Clustering is greedy in date order and compares a mention with the cluster's *consensus* fields,
so one odd mention cannot chain two unrelated events together.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache

from .reconcile import build_event
from .records import HAPPENED, STATED_DATE_RULES, ActorRef, Event, Evidence, Mention, PlaceRef

QUAD = {
    "agree": 1, "consult": 1, "support": 1, "concede": 1,
    "cooperate": 2, "aid": 2, "retreat": 2,
    "request": 3, "accuse": 3, "reject": 3, "threaten": 3,
    "protest": 4, "sanction": 4, "mobilize": 4, "coerce": 4, "assault": 4,
}

# Types that one real event is often reported as (a call that reached agreement is CONSULT in one
# report and AGREE in another); others fuse only with their own type (arrests after a bombing are
# a COERCE event of their own, not part of the ASSAULT).
FAMILY = {t: t for t in QUAD} | {"agree": "consult"}


SPAN = {"week": 7, "month": 31, "year": 366}  # days a coarse date may be off the event's day


@dataclass
class Cluster:
    """A growing event: its mentions plus running tallies, so checking a candidate is cheap."""

    mentions: list[Mention] = field(default_factory=list)
    countries: dict[str, Counter[str]] = field(default_factory=dict)
    stated_days: Counter[str] = field(default_factory=Counter)
    all_days: Counter[str] = field(default_factory=Counter)
    types: set[str] = field(default_factory=set)
    families: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    has_armed_group_agent: bool = False
    date: str | None = None  # the day most reports say (stated days first); kept current by add()
    cons: dict[str, str] = field(default_factory=dict)  # consensus country per attribute
    names: set[str] = field(default_factory=set)  # parties and places as named, lower case

    @classmethod
    def of(cls, m: Mention) -> Cluster:
        c = cls(countries={a: Counter() for a in ("location", "actor1", "actor2")})
        c.add(m)
        return c

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        for attr, tally in self.countries.items():
            value = _country(getattr(m, attr))
            if value:
                tally[value] += 1
                self.cons[attr] = tally.most_common(1)[0][0]
        if m.date and m.date_precision == "day":
            (self.stated_days if m.date_rule in STATED_DATE_RULES else self.all_days)[m.date] += 1
        self.types.add(m.type.plover)
        self.families.add(FAMILY[m.type.plover])
        self.docs.add(m.doc_id)
        self.names |= _names(m)
        self.has_armed_group_agent |= _armed_group(m.actor1)
        self.date = self._date()

    def consensus(self, attr: str) -> str | None:
        return self.cons.get(attr)

    def _date(self) -> str | None:
        """The day most reports say, preferring days the text states over inferred ones."""
        for tally in (self.stated_days, self.all_days):
            if tally:
                return tally.most_common(1)[0][0]
        dated = [m.date for m in self.mentions if m.date]
        return Counter(dated).most_common(1)[0][0] if dated else None

    @property
    def happened(self) -> bool:
        return self.mentions[0].status in HAPPENED

    @property
    def status(self) -> str:
        return self.mentions[0].status


def fuse(mentions: Sequence[Mention], *, window: int = 1,
         year_hints: Mapping[str, int] | None = None) -> list[Event]:
    """Cluster ``mentions`` into events (deterministic: same input, same events and ids).

    ``year_hints`` gives undated articles the year they most likely report on: their reports
    with no date join other articles' events of that year (or the year before) only."""
    hints = year_hints or {}
    order = sorted(mentions, key=lambda m: (m.date_rule not in STATED_DATE_RULES, m.date or "9999",
                                            m.doc_id, m.sentence_index, m.trigger_start))
    clusters: list[Cluster] = []
    by_family: dict[str, list[Cluster]] = {}
    for m in order:
        family = by_family.setdefault(_bucket(m), [])
        best = _best_cluster(m, family, window, hints.get(m.doc_id))
        if best is None:
            best = Cluster.of(m)
            clusters.append(best)
            family.append(best)
        else:
            best.add(m)
    clusters = adopt_undated(clusters, hints)
    events = [build_event(_event_id(c.mentions), c.mentions) for c in clusters]
    return sorted(events, key=_doc_order)


def _best_cluster(m: Mention, clusters: list[Cluster], window: int,
                  year: int | None = None) -> Cluster | None:
    best: tuple[float, Cluster] | None = None
    for c in reversed(clusters[-200:]):
        score = compatibility(m, c, window, year)
        if score > 0 and (best is None or score > best[0]):
            best = (score, c)
    return best[1] if best else None


def compatibility(m: Mention, c: Cluster, window: int, year: int | None = None) -> float:
    """0 when ``m`` cannot belong to ``c``; otherwise higher is a better fit. ``year``: the
    year hint of an undated article."""
    if (m.status in HAPPENED) != c.happened or (not c.happened and m.status != c.status):
        return 0.0
    if FAMILY[m.type.plover] not in c.families:
        return 0.0
    cdate = c.date
    if m.date is None or cdate is None:
        return _undated_fit(m, c, year)
    gap = abs(_day(m.date) - _day(cdate))
    if m.date_precision in SPAN and c.stated_days:
        # "last week", "in January": any day of that period, on strong agreement only
        return _undated_fit(m, c) if gap <= SPAN[m.date_precision] else 0.0
    if gap > window:
        # a report dated only by its article may retell an earlier event
        return _undated_fit(m, c) if m.date_rule not in STATED_DATE_RULES and cdate <= m.date else 0.0
    score = 1.0 + (window - gap)
    agreed = False
    for attr in ("location", "actor1", "actor2"):
        mine, theirs = _country(getattr(m, attr)), c.consensus(attr)
        if mine and theirs:
            if mine != theirs and not (attr != "actor1" and _same_story(m, c, gap)) and not (
                    attr == "location" and m.type.plover not in LOCATED):
                return 0.0
            agreed |= mine == theirs
            score += 1.0 if mine == theirs else 0.0
    if not agreed and m.doc_id not in c.docs and not _shared_figure(m, c) \
            and not _names(m) & c.names:
        return 0.0  # two articles' reports merge on shared evidence, never on silence alone
    if (_armed_group(m.actor1) and c.consensus("actor1")) or (
            c.has_armed_group_agent and _country(m.actor1)):
        return 0.0  # a state's strike and a non-state attack on the same day are two events
    if m.type.plover in c.types:
        score += 1.0
    return score


VERBAL = frozenset(t for t, q in QUAD.items() if q in (1, 3))


def admissible(e: Event, *, need_date: bool = True) -> bool:
    """Whether an event enters the record (the rest stay mentions in the store, with their
    evidence). On a timeline (``need_date``) an event needs a when: a report with no date, in
    an article with none, that no
    dated report of the same event joins, cannot be placed on a timeline, and one dated only to
    a year is background history, not part of the record of a crisis. A statement, request,
    accusation or agreement is an event between parties only when its speaker is known (a
    state, a state body, a leader, an armed group or an IGO); "villagers asked", "officials
    urged" are not."""
    if need_date and (e.date is None or e.date_precision == "year"):
        return False
    if e.event_type not in VERBAL:
        return True
    return _resolved(e.actor1)


def _resolved(a: ActorRef | None) -> bool:
    return a is not None and (a.country is not None or a.kind in ("armed_group", "igo"))


def adopt_undated(clusters: list[Cluster], hints: Mapping[str, int]) -> list[Cluster]:
    """Fold each undated event of one article into the one dated event that agrees with it on
    type, location country and agent: a report's first undated sentence (a headline with no
    place) must not keep the rest of its article apart from the event it tells."""
    dated = [c for c in clusters if c.date is not None and c.stated_days]
    out: list[Cluster] = []
    for c in clusters:
        if c.date is not None or len(c.docs) != 1:
            out.append(c)
            continue
        year = hints.get(next(iter(c.docs)))
        fits = [(s, d) for d in dated if (s := _cluster_fit(c, d, year)) > 0]
        fits.sort(key=lambda x: -x[0])
        if not fits or (len(fits) > 1 and fits[1][0] == fits[0][0]):
            out.append(c)
            continue
        for m in c.mentions:
            fits[0][1].add(m)
    return out


def _cluster_fit(c: Cluster, d: Cluster, year: int | None) -> float:
    """How well undated cluster ``c`` fits dated cluster ``d`` (0: not at all)."""
    if c.happened != d.happened or not (c.families & d.families) or not (c.types & d.types):
        return 0.0
    if year is not None and d.date is not None and int(d.date[:4]) not in (year - 1, year):
        return 0.0
    if c.has_armed_group_agent and not any(
            _armed_group(m.actor1) and _same_group(m, d) for m in c.mentions):
        return 0.0
    loc, agent = c.consensus("location"), c.consensus("actor1")
    if not loc or loc != d.consensus("location"):
        return 0.0
    if agent != d.consensus("actor1") or c.has_armed_group_agent != d.has_armed_group_agent:
        return 0.0
    if not (c.names & d.names) and not any(_shared_figure(m, d) for m in c.mentions):
        return 0.0  # a country in common is not enough: a named party, place or figure is
    return sum(d.stated_days.values()) + len(c.names & d.names)


# Types whose place is part of what happened; a recall or a statement "in Tehran" or "from
# Baghdad" is the same act wherever a report places it.
LOCATED = frozenset({"assault", "coerce", "protest", "mobilize"})
def _names(m: Mention) -> set[str]:
    """The parties and place of a report as named ("gunmen", "the border police")."""
    refs = (m.actor1, m.actor2, m.location)
    return {(r.name or r.text).lower() for r in refs if r is not None and (r.name or r.text)}


def _same_story(m: Mention, c: Cluster, gap: int) -> bool:
    """Within one article, one agent's action of one type on one day is one event, even when a
    headline or a side clause puts it in another place or against another target."""
    agent = _country(m.actor1)
    return (gap == 0 and m.doc_id in c.docs and agent is not None
            and agent == c.consensus("actor1") and m.type.plover in c.types)


def _bucket(m: Mention) -> str:
    """Only mentions of one type family and one "happened or not" class can fuse."""
    return FAMILY[m.type.plover] + ":" + ("happened" if m.status in HAPPENED else m.status)


@lru_cache(maxsize=65536)
def _day(iso: str) -> int:
    return Date.fromisoformat(iso).toordinal()


def _undated_fit(m: Mention, c: Cluster, year: int | None = None) -> float:
    """An undated report joins an event of its own article when nothing contradicts; an event
    of another article only on strong agreement: the same type, location country and agent
    (the same state, or no state and the same admin1 or casualty figure)."""
    loc, cloc = _country(m.location), c.consensus("location")
    agent, cagent = _country(m.actor1), c.consensus("actor1")
    if (loc and cloc and loc != cloc) or (agent and cagent and agent != cagent):
        return 0.0
    if (_armed_group(m.actor1) and cagent) or (c.has_armed_group_agent and agent):
        return 0.0
    if m.doc_id in c.docs:
        return 0.9
    if m.type.plover not in c.types or not loc or loc != cloc or not c.stated_days:
        return 0.0
    if year is not None and c.date is not None and int(c.date[:4]) not in (year - 1, year):
        return 0.0  # an undated article reports on its own time, not an event years before
    if _armed_group(m.actor1) and not _same_group(m, c):
        return 0.0  # one armed group's attack is not another's
    support = 0.5 + 0.3 * min(1.0, sum(c.stated_days.values()) / 5)
    if agent and agent == cagent:
        return support
    if not agent and not cagent and (_same_admin1(m, c) or _shared_figure(m, c)):
        return support
    return 0.0


def _same_group(m: Mention, c: Cluster) -> bool:
    """Whether ``m``'s armed-group agent is one the event's reports name as theirs."""
    mine = m.actor1.actor_id or m.actor1.name if m.actor1 else None
    return mine is not None and any(
        x.actor1 is not None and (x.actor1.actor_id or x.actor1.name) == mine for x in c.mentions)


def _same_admin1(m: Mention, c: Cluster) -> bool:
    mine = m.location.admin1 if m.location else None
    return bool(mine) and any(x.location is not None and x.location.admin1 == mine
                              for x in c.mentions)


def _shared_figure(m: Mention, c: Cluster) -> bool:
    mine = {(f.kind, f.best) for f in m.figures if f.best}
    return any(mine & {(f.kind, f.best) for f in x.figures} for x in c.mentions)


def _country(x: ActorRef | PlaceRef | None) -> str | None:
    return x.country if x is not None else None


def _armed_group(a: ActorRef | None) -> bool:
    return a is not None and a.kind == "armed_group"


def _event_id(ms: Sequence[Mention]) -> str:
    first = min(m.mention_id for m in ms)
    return "ev-" + hashlib.sha1(first.encode()).hexdigest()[:16]


def _doc_order(e: Event) -> tuple[str, int]:
    src: Evidence = e.sources[0]
    return (src.doc_id, src.start)
