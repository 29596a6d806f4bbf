"""The growing event of fusion and the evidence that reports of one event share.

A :class:`Cluster` keeps its mentions plus running tallies (countries per role, days, types,
named parties, provinces, casualty figures), so checking whether a report or another cluster
belongs to it is cheap. The evidence helpers score how *specifically* two reports agree: a
country in common is weak (a country has many events a day); the same province, a shared
casualty figure or the same named party picks the right event among compatible ones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache

from .records import HAPPENED, STATED_DATE_RULES, ActorRef, Mention, PlaceRef

QUAD = {
    "agree": 1, "consult": 1, "support": 1, "concede": 1,
    "cooperate": 2, "aid": 2, "retreat": 2,
    "request": 3, "accuse": 3, "reject": 3, "threaten": 3,
    "protest": 4, "sanction": 4, "mobilize": 4, "coerce": 4, "assault": 4,
}

# Statements: the types of the verbal cooperation and verbal conflict quad classes.
VERBAL = frozenset(t for t, q in QUAD.items() if q in (1, 3))

# Types that one real event is often reported as (a call that reached agreement is CONSULT in one
# report and AGREE in another); others fuse only with their own type (arrests after a bombing are
# a COERCE event of their own, not part of the ASSAULT).
FAMILY = {t: t for t in QUAD} | {"agree": "consult"}

# Types whose place is part of what happened; a recall or a statement "in Tehran" or "from
# Baghdad" is the same act wherever a report places it.
LOCATED = frozenset({"assault", "coerce", "protest", "mobilize"})

# Ways of meeting that exclude each other: parties to a telephone call are apart, a visit brings
# them together, so a report of one never tells the other ("the ministers agreed by phone" is not
# the visit one of them cut short).
VISIT = "visit"
MEETING_MODES = frozenset({"phone", VISIT})

# What a day in common, a country in common or the same type adds to a report's fit with an event:
# little next to specific evidence (a province, a figure, a named party), as a country has many
# events a day and an article retelling an older event is dated by its own day.
WEAK = 0.5

# A casualty figure this small is shared by many unrelated events; it is no evidence of identity.
MIN_FIGURE = 3


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
    stated_docs: set[str] = field(default_factory=set)  # articles that state this event's day
    has_armed_group_agent: bool = False
    date: str | None = None  # the day most reports say (stated days first); kept current by add()
    cons: dict[str, str] = field(default_factory=dict)  # consensus country per attribute
    names: set[str] = field(default_factory=set)  # specific parties and places, lower case
    labels: set[str] = field(default_factory=set)  # every party and place as written, lower case
    admin1s: Counter[str] = field(default_factory=Counter)  # provinces the reports place it in
    figures: set[tuple[str, int]] = field(default_factory=set)  # (kind, best) casualty figures
    modes: set[str] = field(default_factory=set)  # ways of meeting its reports tell (MEETING_MODES)
    targets: Counter[str] = field(default_factory=Counter)  # its reports' targets (:func:`party`)

    @classmethod
    def of(cls, m: Mention) -> Cluster:
        c = cls(countries={a: Counter() for a in ("location", "actor1", "actor2")})
        c.add(m)
        return c

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        for attr, tally in self.countries.items():
            value = country(getattr(m, attr))
            if value:
                tally[value] += 1
                self.cons[attr] = tally.most_common(1)[0][0]
        if m.date_rule in STATED_DATE_RULES:
            self.stated_docs.add(m.doc_id)
        if m.date and m.date_precision == "day":
            (self.stated_days if m.date_rule in STATED_DATE_RULES else self.all_days)[m.date] += 1
        self.types.add(m.type.plover)
        self.families.add(FAMILY[m.type.plover])
        self.docs.add(m.doc_id)
        self.names |= names(m)
        self.labels |= labels(m)
        if m.location is not None and m.location.admin1:
            self.admin1s[m.location.admin1] += 1
        self.figures |= figures(m)
        self.modes |= modes(m)
        if (target := party(m.actor2)) is not None:
            self.targets[target] += 1
        self.has_armed_group_agent |= armed_group(m.actor1)
        self.date = self._date()

    def consensus(self, attr: str) -> str | None:
        return self.cons.get(attr)

    @property
    def target(self) -> str | None:
        """The party most reports name as the target (:func:`party`)."""
        return self.targets.most_common(1)[0][0] if self.targets else None

    @property
    def admin1(self) -> str | None:
        """The province most reports place the event in (not any: a growing event must not
        reach out through its one odd report)."""
        return self.admin1s.most_common(1)[0][0] if self.admin1s else None

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


def evidence(m: Mention, c: Cluster, named: set[str] | None = None,
             counted: set[tuple[str, int]] | None = None) -> float:
    """How specifically ``m`` agrees with ``c`` beyond countries: the same province, a shared
    casualty figure, the same named parties or place. ``named`` and ``counted``: ``m``'s
    :func:`names` and :func:`figures`, when the caller computed them once for many events."""
    return specific(same_admin1(m, c), figures(m) if counted is None else counted, c.figures,
                    names(m) if named is None else named, c.names)


def specific(province: bool, mine: set[tuple[str, int]], theirs: set[tuple[str, int]],
             named: set[str], their_names: set[str]) -> float:
    """The specific-evidence score shared by mention and cluster comparisons: the same
    province, a shared casualty figure, shared names (two at most)."""
    return 1.5 * province + 1.5 * bool(mine & theirs) + min(2, len(named & their_names))


def labels(m: Mention) -> set[str]:
    """The parties and place of a report as named, however generic ("gunmen", "Pakistan"):
    on one day, two reports of gunmen storming a checkpoint share that much."""
    refs = (m.actor1, m.actor2, m.location)
    return {(r.name or r.text).lower() for r in refs if r is not None and (r.name or r.text)}


def names(m: Mention) -> set[str]:
    """The parties and place of a report as named, when they say more than a country: resolved
    non-state actors, bodies and people ("the Islamic State", "the foreign ministry") and places
    below country level ("Mosul"); not "gunmen" or "terrorists", which name any attacker, nor
    "Iran", which the country comparison already counts."""
    parties = {(a.name or a.text).lower() for a in (m.actor1, m.actor2)
               if a is not None and a.actor_id and not a.actor_id.startswith("gen/")
               and a.kind != "state"}
    place = m.location
    if place is not None and place.country and place.precision not in (None, "country") \
            and (place.name or place.text):
        parties.add((place.name or place.text).lower())
    return parties


def figures(m: Mention) -> set[tuple[str, int]]:
    """The casualty figures of a report large enough to tell events apart."""
    return {(f.kind, f.best) for f in m.figures if f.best is not None and f.best >= MIN_FIGURE}


def same_group(m: Mention, c: Cluster) -> bool:
    """Whether ``m``'s armed-group agent is one the event's reports name as theirs; a generic
    role ("terrorists", "gunmen") may be any group."""
    mine = m.actor1.actor_id or m.actor1.name if m.actor1 else None
    return mine is not None and any(
        x.actor1 is not None and (x.actor1.actor_id or x.actor1.name) == mine for x in c.mentions)


def same_admin1(m: Mention, c: Cluster) -> bool:
    """Whether ``m`` is placed in a province some report of ``c`` names."""
    return m.location is not None and m.location.admin1 in c.admin1s


def shared_figure(m: Mention, c: Cluster) -> bool:
    return bool(figures(m) & c.figures)


def modes(m: Mention) -> set[str]:
    """The way of meeting ``m`` tells, if any: a telephone call or a visit."""
    return {m.type.mode} if m.type.mode in MEETING_MODES else set()


def other_mode(mine: set[str], theirs: set[str]) -> bool:
    """Whether two reports or events tell meetings of different ways (a call and a visit)."""
    return len(mine | theirs) > 1


def placed(types: set[str], ways: set[str]) -> bool:
    """Whether the place of an act of these types and ways of meeting is part of what happened:
    a violent or coercive act, a protest, and a visit (a visit to Davos is not the meeting in
    Islamabad its guest flew home for)."""
    return bool(types & LOCATED) or VISIT in ways


def party(a: ActorRef | None) -> str | None:
    """Who a party is, to tell targets apart: its country, else the dictionary id of a named
    party that has none (an IGO, an organisation, a named armed group)."""
    if a is None:
        return None
    if a.country:
        return a.country
    return a.actor_id if a.actor_id and not a.actor_id.startswith("gen/") else None


def other_target(mine: str | None, theirs: str | None) -> bool:
    """Whether two targets (:func:`party`) cannot be one party: a state and a named party with
    no country, or two such parties ("told the UN" is not "told Peru", nor "told NATO")."""
    return mine is not None and theirs is not None and mine != theirs and (
        "/" in mine or "/" in theirs)


def other_party(target: str | None, c: Cluster) -> bool:
    """Whether ``target`` (:func:`party`) contradicts event ``c``'s target and is none of its
    agents (a meeting told from its other side names the host as target in one report and as
    agent in the other)."""
    return other_target(target, c.target) and not any(
        party(x.actor1) == target for x in c.mentions)


def other_addressee(m: Mention, c: Cluster) -> bool:
    """Whether statement ``m`` and event ``c``, all statements, name targets that cannot be one
    party, one of them a named body with no country ("wrote to the UN", "accused Peru"), which
    the comparison of countries cannot tell apart."""
    return m.type.plover in VERBAL and c.types <= VERBAL and other_party(party(m.actor2), c)


def country(x: ActorRef | PlaceRef | None) -> str | None:
    return x.country if x is not None else None


def armed_group(a: ActorRef | None) -> bool:
    return a is not None and a.kind == "armed_group"


@lru_cache(maxsize=65536)
def day(iso: str) -> int:
    return Date.fromisoformat(iso).toordinal()


def same_trigger(m: Mention, c: Cluster) -> bool:
    """Whether an event already holds a report read off the same word as ``m``: "the US, Russia
    and Switzerland met" is one meeting per pair of parties, which fusion must not join again."""
    return any(x.doc_id == m.doc_id and x.sentence_index == m.sentence_index
               and x.trigger_start == m.trigger_start for x in c.mentions)
