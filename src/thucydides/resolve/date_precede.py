"""Dates of the events a sentence names as what its news followed, and of what a story's news
did between the story's day and the report.

"The decision follows a phone call between the two ministers": the call came before the
decision, so the report date, which dates an undated sentence's news, is no date for it. When
the article tells an event of the call's type on a stated day before that (further on: "after a
phone conversation between them on Friday"), that is the event named: the nearest such mention
gives its day (:func:`earlier_told`, rule ``previous``).

"Pakistan said the Iranian strike killed two children, with Islamabad recalling its
ambassador": the strike is the one told on Tuesday, and the recall, which the sentence tells
with it, happened after that day and by the report date; known only to lie between them, it is
put in the middle (:func:`between_days`), as an event of a month is put on the 15th.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache

from ..records import PREVIOUS_RULE, REPORT_DATE_RULE, STATED_DATE_RULES, Mention

CUE_REACH = 60  # characters before a trigger searched for "follows", "came after"
MIN_GAP_DAYS = 2  # a story's day and the report date this far apart leave a day between


@lru_cache(maxsize=1)
def preceded_re() -> re.Pattern[str]:
    """"follows a phone call", "came days after talks", "following the strike", "after a"."""
    return re.compile(r"(?i)\b(?:follow(?:s|ed|ing)?|(?:comes?|came|coming)\s+after|after)\s+"
                      r"(?:(?:a|an|the|its|their|his|her|recent|last)\s+)?"
                      r"(?:[\w'’-]+\s+){0,2}$")


def preceded(m: Mention) -> bool:
    """Whether ``m``'s trigger is named as what the sentence's news followed."""
    at = m.trigger_offset()
    return at > 0 and preceded_re().search(m.sentence[max(0, at - CUE_REACH):at]) is not None


def earlier_told(mentions: Sequence[Mention]) -> None:
    """Give each report-dated mention that the sentence's news followed the stated day of the
    nearest mention of its type (same document) told on a day before its report date."""
    for m in mentions:
        if m.date_rule != REPORT_DATE_RULE or m.date is None or not preceded(m):
            continue
        told = [o for o in mentions if o is not m and o.doc_id == m.doc_id
                and o.type.plover == m.type.plover and o.date_rule in STATED_DATE_RULES
                and o.date_precision == "day" and o.date is not None and o.date < m.date]
        if told:
            best = min(told, key=lambda o: abs(o.sentence_index - m.sentence_index))
            m.date, m.date_precision, m.date_rule = best.date, "day", PREVIOUS_RULE


def between_days(story_day: str, report_day: str) -> str | None:
    """The middle day between a story's day and the report date (the earlier middle), when at
    least one day lies between them; else None."""
    first, last = Date.fromisoformat(story_day), Date.fromisoformat(report_day)
    gap = (last - first).days
    return None if gap < MIN_GAP_DAYS else (first + timedelta(days=gap // 2)).isoformat()
