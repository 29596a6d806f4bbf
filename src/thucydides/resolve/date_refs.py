"""Reference dates: the dates an article writes with their year ("June 7, 2017", "mid-January
2024"), where and when, that :mod:`.date_context` reads year-less dates and weekdays against.
A boundary ("since June 2017", "by 2024") is no reference: it says when a period ends, not when
something happened.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date

from ..records import DatePrecision, Mention, Sentence
from . import date_calendar as cal
from .date_find import find_date_expressions
from .date_norm import normalise_date
from .date_patterns import year_re

BOUNDARY_RULES = frozenset({"since", "until", "by", "before", "after", "from"})


@dataclass(frozen=True, slots=True)
class RefDate:
    """A date the article writes with its year: where (character offset, sentence) and when."""

    at: int
    sent: int
    day: Date
    precision: DatePrecision


def doc_references(text: str, sentences: Sequence[Sentence]) -> list[RefDate]:
    """Every event-like date with an explicit year in ``text``, in text order."""
    if year_re().search(text) is None:
        return []
    starts = [s.start for s in sentences]
    out: list[RefDate] = []
    for a, b in find_date_expressions(text):
        sent = max(0, bisect.bisect_right(starts, a) - 1)
        ref = _reference(text[a:b], a, sentences[sent].index if sentences else 0)
        if ref is not None:
            out.append(ref)
    return out


def mention_references(mentions: Sequence[Mention]) -> list[RefDate]:
    """The reference dates of a document known only through its mentions (re-dating)."""
    found = {(d.start, m.sentence_index, d.text) for m in mentions for d in m.dates}
    refs = (_reference(text, at, sent) for at, sent, text in sorted(found))
    return [r for r in refs if r is not None]


def _reference(expr: str, at: int, sent: int) -> RefDate | None:
    if year_re().search(expr) is None:
        return None
    n = normalise_date(expr, None)
    if n is None or n.date is None or n.precision is None or is_boundary(n.rule):
        return None
    day = cal.parse_iso(n.date)
    return None if day is None else RefDate(at, sent, day, n.precision)


def is_boundary(rule: str | None) -> bool:
    return rule is not None and "+" in rule and rule.split("+")[0] in BOUNDARY_RULES
