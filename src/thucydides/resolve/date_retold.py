"""An act an undated article tells by a bare weekday, which the corpus dates in another period.

An article whose publication date is inferred (an explainer) may tell stories of different
periods: most of it about one week, a paragraph about a strike of the next year told only as
"in the early hours of Friday". Read against the inferred report date, that weekday puts the
strike in the wrong year, where the corpus holds nothing of the kind; the articles that state
their dates put the act on a Friday of its own. :func:`retold_days` moves such an event to the
corpus's day (rule :data:`RETOLD_RULE`), so that it joins the event it tells.

The event must be told by one undated article alone (:func:`thucydides.fuse.fuse` already put
the article's reports of the act together: its story), every report of it dated only by
counting from the article's report date (a bare weekday, "yesterday", the report date itself,
or the day the sentence before told), at least one by a bare weekday. The corpus must hold no
other article's event of the same act (one PLOVER family, one agent country, a target country
in common) within :data:`NEAR_DAYS` of the story's day or of the report date, and exactly one
event of that act dated by a stated day in a dated article whose day falls on the weekday (the
day after or before, too, for "early hours of", "late on", "Friday night": a night spans two
days). Never when a report of the story states a calendar day, is dated from another event,
or when two events fit.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date as Date

from ..fuse_cluster import FAMILY
from ..records import (
    EXPRESSION_RULE,
    HAPPENED,
    PREVIOUS_RULE,
    REPORT_DATE_RULE,
    STATED_DATE_RULES,
    DateRef,
    Event,
    Mention,
)
from .date_plan import origin, own_refs

RETOLD_RULE = "retold"  # Mention.date_rule of a report moved to the corpus's day of its act
NEAR_DAYS = 14  # another article's event of the act this close to the story is its own
WEEKDAY = "weekday"
COUNTED_RULES = frozenset({WEEKDAY, "relday", "relperiod", "ago"})  # read off the report date

# A weekday told at its edges ("early hours of Friday"): the event may fall on the day before or after
NIGHT = re.compile(r"(?i)\b(?:early|late|night|overnight|dawn|midnight|evening)\b")
COUNTS_WEEKS = re.compile(r"(?i)\b(?:last|next|this|previous|coming)\b")  # "last Friday"


@dataclass(frozen=True)
class Act:
    """What an event is, apart from its day: family, agent country, target countries."""

    family: str
    agent: str
    targets: frozenset[str]

    def same(self, other: Act) -> bool:
        return (self.family, self.agent) == (other.family, other.agent) \
            and bool(self.targets & other.targets)


@dataclass(frozen=True)
class Told:
    """A dated event of the corpus, with its act and the articles that tell it."""

    event: Event
    act: Act
    origins: frozenset[str]
    stated: bool  # a dated article states its day

    @property
    def day(self) -> Date:
        return Date.fromisoformat(str(self.event.date))


def retold_days(mentions: Sequence[Mention], events: Sequence[Event],
                undated: Collection[str]) -> dict[str, str]:
    """The day each report of an event told by one undated article (ids in ``undated``) takes
    when the corpus dates that act elsewhere on the article's weekday (see the module
    docstring), by mention id."""
    by_id = {m.mention_id: m for m in mentions}
    acted = [(e, a) for e in events if e.status in HAPPENED and (a := act(e)) is not None]
    told = [Told(e, a, frozenset(origin(by_id[i]) for i in e.mention_ids if i in by_id),
                 _dated_elsewhere(e, by_id, undated)) for e, a in acted if e.date]
    out: dict[str, str] = {}
    for f, mine in acted:
        members = [by_id[i] for i in f.mention_ids if i in by_id]
        day = _retold(f, mine, members, told, undated)
        if day is not None:
            out.update({m.mention_id: day for m in members})
    return out


def retell(mentions: Sequence[Mention], days: Mapping[str, str]) -> list[Mention]:
    """``mentions`` with each in ``days`` on its new day (rule :data:`RETOLD_RULE`); a bare
    weekday that fits the day now reads it."""
    out: list[Mention] = []
    for m in mentions:
        day = days.get(m.mention_id)
        if day is not None:
            refs = [replace(d, date=day) if d.date == m.date and _fits(m, d, day) else d
                    for d in m.dates]
            m = replace(m, date=day, date_precision="day", date_rule=RETOLD_RULE, dates=refs)
        out.append(m)
    return out


def act(e: Event) -> Act | None:
    """The act of event ``e``; None without an agent country or a target country."""
    agent = e.actor1.country if e.actor1 is not None else None
    targets = frozenset(c for c in (e.actor2.country if e.actor2 is not None else None,
                                    e.location.country if e.location is not None else None) if c)
    return Act(FAMILY[e.event_type], agent, targets) \
        if agent and targets and e.event_type in FAMILY else None


def _retold(f: Event, mine: Act, members: Sequence[Mention], told: Sequence[Told],
            undated: Collection[str]) -> str | None:
    """The day story ``f`` takes, or None (see the module docstring)."""
    if f.date is None or f.date_precision != "day" or not members \
            or len({origin(m) for m in members}) != 1 \
            or not all(m.doc_id in undated and m.published and _counted(m) for m in members):
        return None
    weekdays = [(m, d) for m in members for d in own_refs(m) if _bare_weekday(d)]
    if not weekdays:
        return None
    home = origin(members[0])
    same = [t for t in told if t.act.same(mine) and t.origins - {home}]
    days = {Date.fromisoformat(x) for x in (f.date, *(str(m.published) for m in members))}
    if any(abs((t.day - d).days) <= NEAR_DAYS for t in same for d in days):
        return None  # another article tells the act near the story: the weekday is its own
    fits = {str(t.event.date) for t in same if t.stated and t.event.date_precision == "day"
            and any(_fits(m, d, str(t.event.date)) for m, d in weekdays)}
    return fits.pop() if len(fits) == 1 else None


def _dated_elsewhere(e: Event, by_id: Mapping[str, Mention], undated: Collection[str]) -> bool:
    """Whether a dated article states event ``e``'s day in one of its reports."""
    return e.date is not None and e.date_precision == "day" and any(
        (m := by_id.get(i)) is not None and m.doc_id not in undated
        and m.date_rule in STATED_DATE_RULES and m.date == e.date for i in e.mention_ids)


def _counted(m: Mention) -> bool:
    """Whether ``m``'s day is counted from its article's report date only: the report date,
    the story's day before it, or expressions read off the report date ("on Friday")."""
    if m.negated or m.status not in HAPPENED or m.date_precision != "day":
        return False
    if m.date_rule in (REPORT_DATE_RULE, PREVIOUS_RULE):
        return True
    own = own_refs(m)
    return m.date_rule == EXPRESSION_RULE and bool(own) and all(
        d.rule in COUNTED_RULES for d in own)


def _bare_weekday(d: DateRef) -> bool:
    """"on Friday", "in the early hours of Friday" (not "last Friday": that counts weeks)."""
    return d.rule == WEEKDAY and d.date is not None and not COUNTS_WEEKS.search(d.text)


def _fits(m: Mention, d: DateRef, day: str) -> bool:
    """Whether ``day`` falls on the weekday ``d`` names (or the day before or after, for a
    weekday told at its edges)."""
    if not _bare_weekday(d) or d.date is None:
        return False
    gap = (Date.fromisoformat(day).weekday() - Date.fromisoformat(d.date).weekday()) % 7
    return gap == 0 or (gap in (1, 6) and NIGHT.search(d.text) is not None)
