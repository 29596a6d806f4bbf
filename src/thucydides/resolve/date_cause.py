"""A response cannot come before its cause.

A sentence that tells an act as a response ("launched missiles on Sunday in revenge for the
attacks", "in retaliation for", "in response to", "to avenge") dates the act on or after the event
it answers. In an article whose report date is guessed, a weekday read backwards from that guess
can land before the cause; it is then the first such weekday on or after the cause's day.

The cause's day is a day-precise date the sentence writes after its response cue ("in revenge for
the March 3 bombing"), else the latest day-precise date with a year the article writes (the
guessed report date is itself the latest date the text reports, so the answered event is at most
that recent).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache

from ..records import DateRef, Mention
from . import date_calendar as cal
from .date_norm import normalise_date


@lru_cache(maxsize=1)
def response_re() -> re.Pattern[str]:
    return re.compile(r"(?i)\b(?:in\s+(?:revenge|retaliation|response|reprisal|retribution)"
                      r"\s+(?:for|to)|to\s+avenge|avenging)\b")


def response_cue(m: Mention) -> int | None:
    """The offset (in the document) where ``m``'s sentence says its act answers another, if it does."""
    found = response_re().search(m.sentence)
    return None if found is None else m.sent_start + found.start()


def cause_day(m: Mention, cue: int, anchor: str | None, default_year: int | None,
              article_days: Sequence[Date]) -> Date | None:
    """The day of the event ``m`` answers: a day date after the cue, else the article's latest."""
    for d in m.dates:
        if d.start <= cue:
            continue
        n = normalise_date(d.text, anchor, default_year=default_year)
        if n is not None and n.date is not None and n.precision == "day" \
                and (n.rule or "").rsplit("+", 1)[-1] != "weekday":
            return cal.parse_iso(n.date)
    return max(article_days, default=None)


def not_before(n: DateRef, floor: Date) -> DateRef:
    """A weekday reading ``n`` moved to the first such weekday on or after ``floor`` when it
    fell before it; any other reading unchanged."""
    if n.date is None or not (n.rule or "").endswith("weekday"):
        return n
    day = cal.parse_iso(n.date)
    if day is None or day >= floor:
        return n
    later = normalise_date(n.text, (floor + timedelta(days=6)).isoformat())
    if later is None or later.date is None or not (later.rule or "").endswith("weekday"):
        return n
    moved = cal.parse_iso(later.date)
    return later if moved is not None and moved >= floor else n
