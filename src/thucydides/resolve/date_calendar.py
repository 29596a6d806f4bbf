"""Small calendar helpers shared by the date resolvers (pure functions over ``datetime.date``)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..records import DatePrecision
from .date_lexicon import lexicon

Resolved = tuple[date, DatePrecision]

# A date more than this many days after the anchor is taken to be in the year before ("Dec. 30" in
# an article of Jan. 2 is last December): news reports the past far more often than the future.
FUTURE_SLACK_DAYS = 62
# "on the 16th" more than this many days after the anchor is the 16th of the month before.
DAY_ONLY_SLACK_DAYS = 2
# early / mid / late part of a month → the day at the centre of that third of the month.
PART_DAY = {"early": 5, "mid": 15, "late": 25}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_iso(value: str | None) -> date | None:
    """``"2024-01-16"`` (or a longer ISO timestamp) → date; None when absent or invalid."""
    if not value:
        return None
    m = _ISO.match(value.strip())
    if m is None:
        return None
    return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(d: date, n: int) -> date:
    """``d`` shifted by ``n`` calendar months, the day clamped to the month's length."""
    index = d.year * 12 + d.month - 1 + n
    year, month = divmod(index, 12)
    for day in (d.day, 30, 29, 28):
        out = make_date(year, month + 1, day)
        if out is not None:
            return out
    raise AssertionError("unreachable: day 28 exists in every month")


def add_years(d: date, n: int) -> date:
    return add_months(d, 12 * n)


def floor_to(d: date, precision: DatePrecision) -> date:
    """The first day of the period for month/year precision (week and day are kept as is)."""
    if precision == "month":
        return d.replace(day=1)
    if precision == "year":
        return d.replace(month=1, day=1)
    return d


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (``hour``, ``day``, ``week``, ``month``, ``year``)."""
    if unit == "hour":
        return d + timedelta(days=round(n / 24))
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(days=7 * n)
    if unit == "month":
        return add_months(d, n)
    return add_years(d, n)


def precision_of(unit: str) -> DatePrecision:
    if unit in ("hour", "day"):
        return "day"
    if unit == "week":
        return "week"
    return "month" if unit == "month" else "year"


def coarser(p: DatePrecision) -> DatePrecision:
    order: tuple[DatePrecision, ...] = ("day", "week", "month", "year")
    return order[min(order.index(p) + 1, len(order) - 1)]


def guess_year(month: int, day: int, anchor: date | None, default_year: int | None) -> int | None:
    """The year of a month-day written without one (see :data:`FUTURE_SLACK_DAYS`)."""
    if anchor is None:
        return default_year
    candidate = make_date(anchor.year, month, day) or make_date(anchor.year, month, 28)
    if candidate is not None and (candidate - anchor).days > FUTURE_SLACK_DAYS:
        return anchor.year - 1
    return anchor.year


def month_with_rel(month: int, rel: str | None, anchor: date | None,
                   default_year: int | None) -> date | None:
    """First day of ``month`` named alone: "last May", "this May", "next May" or plain "May"."""
    if anchor is None:
        return None if default_year is None else date(default_year, month, 1)
    word = (rel or "").lower().split()[-1] if rel else ""
    if word in ("last", "past", "previous"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif word in ("next", "coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif word == "this":
        year = anchor.year
    else:
        year = guess_year(month, 1, anchor, None) or anchor.year
    return date(year, month, 1)


def weekday_date(weekday: int, rel: str | None, anchor: date) -> date:
    """A weekday in a news report: the most recent such day on or before the anchor.

    "last Tuesday" in a Tuesday article is a week back; "next"/"coming" Tuesday is the first one
    strictly after the anchor.
    """
    word = (rel or "").lower().split()[-1] if rel else ""
    if word in ("next", "coming"):
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead)
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and word in ("last", "past", "previous"):
        back = 7
    return anchor - timedelta(days=back)


def month_number(name: str) -> int | None:
    return lexicon().months.get(name.lower().rstrip("."))


def day_number(text: str) -> int:
    return int(text.rstrip("stndrh"))
