"""Days of an occasion that lasts several days, counted from its first.

"Raisi arrived in Lahore on Tuesday, the second day of his visit": the visit began on Monday.
A later "he spent his first day in meetings" (no date of its own) is that Monday, and "the
third day" the Wednesday. :func:`ordinal_days` reads the expressions of one mention, given
the first day told so far, and returns them dated, with the first day they tell (if any).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache

from ..records import SHIFT_RULE, DateRef
from .date_lexicon import lexicon
from .date_norm import clean_expression


@lru_cache(maxsize=1)
def _ordinal_re() -> re.Pattern[str]:
    return re.compile(r"(?i)(?:on\s+)?(?:the|his|her|its|their)\s+(?P<n>[\w]+)\s+day")


def ordinal_day(expr: str) -> int | None:
    """``"the second day"`` → 2, ``"his first day"`` → 1; None for any other expression."""
    m = _ordinal_re().fullmatch(clean_expression(expr))
    return None if m is None else lexicon().ordinals.get(m["n"].lower())


def ordinal_days(dates: Sequence[DateRef], first: Date | None
                 ) -> tuple[list[DateRef], Date | None]:
    """``dates`` (one mention's, resolved) with "the <n>th day" dated from the occasion's
    ``first`` day, and the first day they tell: a day-precision date beside "the <n>th day" in
    the same sentence is that day, so the first is n - 1 days before it."""
    out = list(dates)
    counted = [(i, n) for i, d in enumerate(out) if (n := ordinal_day(d.text)) is not None]
    if not counted:
        return out, first
    day = next((d.date for d in out if d.date is not None and d.precision == "day"), None)
    for i, n in counted:
        if day is not None:
            first = Date.fromisoformat(day) - timedelta(days=n - 1)
        elif first is not None:
            when = (first + timedelta(days=n - 1)).isoformat()  # counted from a day the article gave
            out[i] = replace(out[i], date=when, precision="day", rule=SHIFT_RULE)
    return out, first
