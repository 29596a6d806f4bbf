"""A plan the corpus announced, fulfilled: when an undated article tells an act only by days
counted from its own (inferred) report date, the day another report announced for that act.

An undated article's report date is inferred from its text: the day after the latest calendar
day it reports, say. That is only a lower bound: the article may have been written days later,
and every date it counts from its report date ("yesterday", "on Friday", the report date
itself) is then a lower bound too. When the corpus holds a plan of the same act (same agent,
same type, same destination: "the minister will visit Egypt on February 12", status
hypothetical) with a day of its own, and that day is not before the lower bound, the act took
place on the announced day, and the article's report date is the one that puts it there
(``yesterday`` of a visit on the 12th: written on the 13th). :func:`fulfilled_anchors` gives
those report dates; the pipeline moves the article's anchor on to them, so that everything the
article counts from its report date moves with it.

Only a plan another article announced (not a copy of the report's own). Never for a report
that writes its own calendar day ("on February 7"): the text decides. Never for a plan dated
only by a boundary ("by February 12": a deadline, not a day) or by a deictic
expression in an undated article (its day is no surer than the report's), nor for a negated
plan ("will not visit").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..corroboration import copied_from
from ..records import EXPRESSION_RULE, HAPPENED, REPORT_DATE_RULE, DateRef, Mention
from .date_norm import normalise_date

PLAN_STATUSES = frozenset({"hypothetical"})
CALENDAR_RULES = ("iso", "numeric", "mdy", "dmy")  # date expressions that need no anchor
MAX_GAP_DAYS = 14  # an announced day this far at most after the lower bound is the same act


@dataclass(frozen=True)
class Plan:
    """An announced act with its own day."""

    mention: Mention
    day: date


def fulfilled_anchors(mentions: Sequence[Mention], undated: Collection[str],
                      skip: Collection[str] = ()) -> dict[str, list[str]]:
    """For each undated article (id in ``undated``), the report dates at which one of its
    occurred reports with a derived day falls on the day a plan of the same act announced.
    Mentions whose id is in ``skip`` (their event is dated by other articles) are left alone."""
    plans = [p for p in (_plan(m, undated) for m in mentions) if p is not None]
    out: dict[str, list[str]] = {}
    if not plans:
        return out
    for m in mentions:
        if m.doc_id not in undated or m.mention_id in skip:
            continue
        anchor = _fulfilled(m, plans)
        if anchor is not None:
            out.setdefault(m.doc_id, []).append(anchor.isoformat())
    return out


def _plan(m: Mention, undated: Collection[str]) -> Plan | None:
    """``m`` as a plan: hypothetical, not negated, with a day its sentence writes (a calendar
    day, or any day in a dated article), not a boundary ("by February 12")."""
    if m.status not in PLAN_STATUSES or m.negated or m.date_rule != EXPRESSION_RULE \
            or m.date_precision != "day" or m.date is None:
        return None
    own = own_refs(m)
    if not own or any("+" in (d.rule or "") for d in own):
        return None
    if m.doc_id in undated and not any(is_calendar(d) for d in own):
        return None
    return Plan(m, date.fromisoformat(m.date))


def _fulfilled(m: Mention, plans: Iterable[Plan]) -> date | None:
    """The report date that puts occurred report ``m`` on the earliest day a plan of the same
    act announced, no earlier than its derived day and at most ``MAX_GAP_DAYS`` after; None
    when ``m`` has no derived day or no plan fits."""
    if m.status not in HAPPENED or m.negated or m.date is None or m.published is None \
            or m.date_precision != "day":
        return None
    counted = _counted(m)
    if counted is None:
        return None
    low = date.fromisoformat(m.date)
    days = sorted(p.day for p in plans if origin(p.mention) != origin(m)
                  and 0 <= (p.day - low).days <= MAX_GAP_DAYS and same_act(p.mention, m))
    for day in days:
        anchor = date.fromisoformat(m.published) + (day - low)
        if counted == "" or _lands(counted, anchor, day):
            return anchor
    return None


def origin(m: Mention) -> str:
    """The article ``m`` was read in: a wire copy's report (``doc:3:26@copy``) is its
    original's (:func:`thucydides.corroboration.copied_from`). A plan in the article that tells
    the act ("will visit again on the 20th") is another act, or told as past ("was due on the
    12th") no surer than the report."""
    return copied_from(m.mention_id) or m.doc_id


def _counted(m: Mention) -> str | None:
    """How ``m``'s day is counted from its report date: "" for the report date itself, else the
    deictic expression that gives it ("yesterday"); None when its sentence writes a calendar
    day, a boundary, or its day came from another event."""
    if m.date_rule == REPORT_DATE_RULE:
        return "" if m.date == m.published else None
    if m.date_rule != EXPRESSION_RULE:
        return None
    own = own_refs(m)
    if not own or any(is_calendar(d) or "+" in (d.rule or "") for d in own):
        return None
    return own[0].text


def _lands(expr: str, anchor: date, day: date) -> bool:
    """Whether ``expr`` read against report date ``anchor`` gives ``day``."""
    ref = normalise_date(expr, anchor.isoformat())
    return ref is not None and ref.precision == "day" and ref.date == day.isoformat()


def own_refs(m: Mention) -> list[DateRef]:
    """The date expressions of ``m`` that give its day."""
    return [d for d in m.dates if d.date == m.date and d.precision == m.date_precision]


def is_calendar(d: DateRef) -> bool:
    """A date expression that needs no anchor: a calendar day ("January 26", "2024-01-26")."""
    return (d.rule or "").endswith(CALENDAR_RULES)


def same_act(plan: Mention, m: Mention) -> bool:
    """The same kind of act by the same agent to the same destination: one PLOVER type (and
    mode, when both give one), one actor (by name when both are named, else by country and
    kind), one destination country (the target's, else the place's)."""
    modes = {plan.type.mode, m.type.mode} - {None}
    if plan.type.plover != m.type.plover or len(modes) > 1:
        return False
    a, b = plan.actor1, m.actor1
    if a is None or b is None:
        return False
    if a.name and b.name:
        if a.name != b.name:
            return False
    elif a.country is None or (a.country, a.kind) != (b.country, b.kind):
        return False
    where = _destination(plan)
    return where is not None and where == _destination(m)


def _destination(m: Mention) -> str | None:
    if m.actor2 is not None and m.actor2.country:
        return m.actor2.country
    return m.location.country if m.location is not None else None

