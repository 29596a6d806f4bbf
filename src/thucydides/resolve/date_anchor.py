"""What "last week" says: when in that week an event most likely fell, and what a report's
"last week" says about its article's date once the report is known to tell a dated event.

:func:`week_estimate`: "last week" read against a report date is the seven days before it; an
event known only to that week most likely fell in its middle (report date - 4), as a month's
event is put on the 15th.

An article that says something happened "last week", after an event of a day it writes
("returned home last week after the attack on January 16"), was written in a calendar week
after that day's: :func:`week_after_floor` gives the Monday after it, the earliest report date.

An undated article's report that says "last week" and joins an event dated on Thursday 18
January was written in the calendar week after that event's: on Monday 22 January at the
earliest. :func:`deictic_floor` gives that earliest report date, so that an article retelling a
week-old story is not dated the day after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache

from ..records import DateRef
from .date_find import find_date_expressions
from .date_norm import normalise_date
from .date_refs import is_boundary

PROBE = Date(2000, 6, 15)  # any report date: how far back does an expression reach?
CALENDAR_BACK = frozenset({"last", "previous"})
WEEK_BACK = 4  # "last week" read against a report date lands at least this many days before it
WEEK_MIDDLE = 3  # days from the start of "last week" to its middle


def deictic_floor(dates: Iterable[DateRef], event_day: Date) -> Date | None:
    """The earliest report date at which one of ``dates`` (unresolved "last week") still covers
    ``event_day``: the Monday after its calendar week. None when no such expression is there."""
    if not any(d.date is None and last_week(d.text) for d in dates):
        return None
    return event_day + timedelta(days=7 - event_day.weekday())


def week_estimate(start: str, expr: str) -> str:
    """The middle of the week "last week" (``expr``) starts on ``start``; else ``start``."""
    if not last_week(expr):
        return start
    return (Date.fromisoformat(start) + timedelta(days=WEEK_MIDDLE)).isoformat()


def last_week(expr: str) -> bool:
    """"last week", "the previous week" (not "the past week": the last seven days)."""
    if not set(expr.lower().split()) & CALENDAR_BACK:
        return False
    n = normalise_date(expr, PROBE.isoformat())
    if n is None or n.date is None or n.rule != "relperiod" or n.precision != "week":
        return False
    return (PROBE - Date.fromisoformat(n.date)).days >= WEEK_BACK


@lru_cache(maxsize=1)
def _last_week_after_re() -> re.Pattern[str]:
    """"last week ... after" in one sentence (no full stop between)."""
    return re.compile(r"(?i)\b(?:last|previous)\s+week\b[^.!?\n]*?\b(?:after|following)\b"
                      r"[^.!?\n]*")


def week_after_floor(text: str, year: int) -> Date | None:
    """The earliest report date of an article that says something happened "last week" after
    an event of a day it writes in the same sentence (year-less days take ``year``): the
    Monday after the latest such day. None when the text says no such thing."""
    floor: Date | None = None
    for m in _last_week_after_re().finditer(text):
        clause = m.group(0)
        for a, b in find_date_expressions(clause):
            n = normalise_date(clause[a:b], None, default_year=year)
            if n is None or n.date is None or n.precision != "day" or "+" in (n.rule or ""):
                continue
            day = Date.fromisoformat(n.date)
            monday = day + timedelta(days=7 - day.weekday())
            floor = monday if floor is None or monday > floor else floor
    return floor


def deictic(d: DateRef) -> bool:
    """An unresolved expression that a report date would resolve ("last week", "on Friday")."""
    if d.date is not None:
        return False
    n = normalise_date(d.text, PROBE.isoformat())  # any report date: is one needed?
    return n is not None and n.date is not None and not is_boundary(n.rule)
