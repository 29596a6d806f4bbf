"""Normalise one date expression against a report date, or shift one from another event's date.

Conventions (see also ``dates.py``):

* weekdays are the most recent such day on or before the anchor ("on Tuesday" in a Wednesday
  article is the day before; in a Tuesday article the anchor itself; "last Tuesday" in a Tuesday
  article a week back; "next Tuesday" the first one after);
* a month-day without a year takes the anchor's year unless that puts it more than 62 days after
  the anchor, then the year before; a month alone follows the same rule (first day, precision month);
* early / mid / late <month> → the 5th / 15th / 25th, precision week; early / mid / late <year> and
  a bare year → 1 January, precision year;
* "last week" = anchor − 7, "this week" = anchor, precision week (the date is not aligned to Monday);
  "last month" / "this month" / "last year" → first day of that month / year;
* "yesterday", "last night", "overnight" = anchor − 1; "today", "tonight", "this morning" = anchor;
* a leading "since" / "until" / "by" / "before" / "after" / "from" is kept in ``rule`` as
  ``"since+year"`` etc.: the date is the boundary, not necessarily an event's day;
* expressions relative to another event ("two days later", "the previous day") return None here
  and are resolved by :func:`shift_relative`; durations ("for two years", "48 hours") return None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from ..records import DateRef
from . import date_calendar as cal
from .date_calendar import Resolved
from .date_lexicon import lexicon, number_value
from .date_patterns import ANAPHORIC, prep_re, rules

Resolver = Callable[[re.Match[str], date | None, int | None], Resolved | None]

_STRIP = " \t\n,;:()[]\"'“”‘’"
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_BOUNDARY_PREPS = frozenset({"since", "until", "till", "by", "before", "after", "from", "as of"})


def clean_expression(expr: str) -> str:
    """Trim punctuation, a possessive "'s" and extra spaces from an expression."""
    text = " ".join(expr.split()).strip(_STRIP)
    text = _POSSESSIVE.sub("", text).strip(_STRIP)
    return text.rstrip(",;:!?") if not text.endswith(".") else _trim_period(text)


def _trim_period(text: str) -> str:
    # Keep the dot of an abbreviation ("Jan.", "Tues."), drop a sentence full stop.
    head = text[:-1]
    last = head.split()[-1] if head.split() else ""
    if last.lower() in lexicon().months or last.lower() in lexicon().weekdays:
        return text
    return head


def _ymd(m: re.Match[str], anchor: date | None, dy: int | None) -> Resolved | None:
    d = cal.make_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None if d is None else (d, "day")


def _numeric(m: re.Match[str], anchor: date | None, dy: int | None) -> Resolved | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    year = y if y >= 100 else 2000 + y if y < 70 else 1900 + y
    day_first = cal.make_date(year, b, a)
    month_first = cal.make_date(year, a, b)
    options = [d for d in (day_first, month_first) if d is not None]
    if not options:
        return None
    if len(options) == 2 and anchor is not None and day_first != month_first:
        # Both readings valid: the one nearest the anchor without being after it, else day-first.
        past = [d for d in options if d <= anchor]
        if past:
            return max(past), "day"
    return options[0], "day"


def _month_day(m: re.Match[str], anchor: date | None, dy: int | None) -> Resolved | None:
    month, day = cal.month_number(m["mon"]), cal.day_number(m["d"])
    if month is None:
        return None
    year = int(m["y"]) if m["y"] else cal.guess_year(month, day, anchor, dy)
    d = None if year is None else cal.make_date(year, month, day)
    return None if d is None else (d, "day")


def _part(m: re.Match[str]) -> str | None:
    word = m["part"] or m["partn"]
    return lexicon().parts.get(word.lower()) if word else None


def _day_only(m: re.Match[str], anchor: date | None, dy: int | None) -> Resolved | None:
    """"on the 16th": that day of the anchor's month, else of the month before (news reports the
    past)."""
    if anchor is None:
        return None
    day = cal.day_number(m["d"])
    d = cal.make_date(anchor.year, anchor.month, day)
    if d is None or (d - anchor).days > cal.DAY_ONLY_SLACK_DAYS:
        prev = cal.add_months(anchor.replace(day=1), -1)
        d = cal.make_date(prev.year, prev.month, day)
    return None if d is None else (d, "day")


def _month_year(m: re.Match[str], anchor: date | None, dy: int | None) -> Resolved | None:
    month = cal.month_number(m["mon"])
    if month is None:
        return None
    if m["y"]:
        year = int(m["y"])
    elif anchor is not None:
        year = anchor.year + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
    else:
        return None
    return _with_part(date(year, month, 1), _part(m))


def _with_part(first: date, part: str | None) -> Resolved:
    if part is None:
        return first, "month"
    return first.replace(day=cal.PART_DAY[part]), "week"


def _month(m: re.Match[str], anchor: date | None, dy: int | None) -> Resolved | None:
    month = cal.month_number(m["mon"])
    if month is None:
        return None
    first = cal.month_with_rel(month, m["rel"] or m["rel2"], anchor, dy)
    return None if first is None else _with_part(first, _part(m))


def _year(m: re.Match[str], anchor: date | None, dy: int | None) -> Resolved | None:
    return date(int(m["y"]), 1, 1), "year"


def _weekday(m: re.Match[str], anchor: date | None, dy: int | None) -> Resolved | None:
    wd = lexicon().weekdays.get(m["wd"].lower().rstrip("."))
    if anchor is None or wd is None:
        return None
    return cal.weekday_date(wd, m["rel"], anchor), "day"


def _relday(m: re.Match[str], anchor: date | None, dy: int | None) -> Resolved | None:
    offset = lexicon().reldays.get(" ".join(m["word"].lower().split()))
    if anchor is None or offset is None:
        return None
    return anchor + timedelta(days=offset), "day"


def _relperiod(m: re.Match[str], anchor: date | None, dy: int | None) -> Resolved | None:
    if anchor is None:
        return None
    rel = m["rel"].lower().split()[-1]
    unit = m["unit"].lower()
    if rel == "the" and unit != "weekend" and not (m["when"] or _part(m)):
        return None
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit == "weekend":
        return _weekend(anchor, step), "week"
    precision = cal.precision_of(unit)
    start = cal.floor_to(cal.shift(anchor, unit, step), precision)
    return _with_part(start, _part(m)) if unit == "month" else (start, precision)


def _weekend(anchor: date, step: int) -> date:
    saturday = cal.weekday_date(5, None, anchor)
    if step > 0:
        return saturday + timedelta(days=7)
    if step < 0 and anchor.weekday() >= 5:
        return saturday - timedelta(days=7)
    return saturday


def count_unit(m: re.Match[str]) -> tuple[str, int, bool] | None:
    """(unit, signed-less count, vague) of a "<n> <unit>" match; None if ``n`` is not a number."""
    unit, per = lexicon().units[" ".join(m["unit"].lower().split())]
    n_text = m["n"]
    if n_text is None:
        return unit, 2 * per, True
    n = number_value(n_text)
    if n is None:
        return None
    return unit, n * per, " ".join(n_text.lower().split()) in lexicon().vague_numbers


def _ago(m: re.Match[str], anchor: date | None, dy: int | None) -> Resolved | None:
    parsed = count_unit(m)
    if anchor is None or parsed is None:
        return None
    unit, n, vague = parsed
    precision = cal.precision_of(unit)
    precision = cal.coarser(precision) if vague and unit != "hour" else precision
    return cal.floor_to(cal.shift(anchor, unit, -n), precision), precision


RESOLVERS: dict[str, Resolver] = {
    "iso": _ymd, "numeric": _numeric, "mdy": _month_day, "dmy": _month_day,
    "dmy_dash": _month_day, "day_only": _day_only,
    "month_year": _month_year, "month": _month, "year": _year, "weekday": _weekday,
    "relday": _relday, "relperiod": _relperiod, "ago": _ago,
}


def match_rule(text: str, names: frozenset[str] | None = None) -> tuple[str, re.Match[str]] | None:
    """The first rule (in priority order) that full-matches ``text``; retried title-cased."""
    for candidate in (text, _title(text)):
        for rule in rules():
            if names is not None and rule.name not in names:
                continue
            m = rule.pattern.fullmatch(candidate)
            if m is not None:
                return rule.name, m
    return None


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def _strip_preposition(text: str) -> tuple[str, str]:
    """``"since 2012"`` -> (``"2012"``, ``"since+"``); a plain "in"/"on" leaves no boundary."""
    prep = prep_re().match(text)
    if prep is None:
        return text, ""
    word = " ".join(prep["prep"].lower().split())
    return text[prep.end():], (f"{word}+" if word in _BOUNDARY_PREPS else "")


def normalise_date(expr: str, anchor: str | None, *,
                   default_year: int | None = None) -> DateRef | None:
    """Resolve ``expr`` against the report date ``anchor`` (``YYYY-MM-DD``); None if it can't be.

    Without an anchor only expressions that carry their own year, or month-days when
    ``default_year`` is given, resolve.
    """
    text = clean_expression(expr)
    found = match_rule(text)  # "in the early hours of Friday", "before dawn on Friday"
    boundary = ""
    if found is None:
        text, boundary = _strip_preposition(text)
        found = match_rule(text)
    if found is None or found[0] in ANAPHORIC:
        return None
    name, m = found
    resolved = RESOLVERS[name](m, cal.parse_iso(anchor), default_year)
    if resolved is None:
        return None
    day, precision = resolved
    return DateRef(text=expr, start=0, end=len(expr), date=day.isoformat(),
                   precision=precision, rule=boundary + name)


def _shift_count(m: re.Match[str], base: date) -> Resolved | None:
    parsed = count_unit(m)
    if parsed is None:
        return None
    unit, n, vague = parsed
    sign = lexicon().directions.get(m["dir"].lower(), 1)
    if unit == "hour" and m["q"] and m["q"].lower() in ("less", "fewer"):
        n = max(0, -(-n // 24) - 1) * 24  # "less than 48 hours later" → one day later
    precision = cal.precision_of(unit)
    precision = cal.coarser(precision) if vague and unit != "hour" else precision
    return cal.floor_to(cal.shift(base, unit, sign * n), precision), precision


def _shift_the(m: re.Match[str], base: date) -> Resolved | None:
    unit = m["unit"].lower()
    groups = m.groupdict()
    if groups.get("ana"):
        sign = lexicon().anaphors.get(groups["ana"].lower(), 0)
    else:
        sign = lexicon().directions.get(groups["dir"].lower(), 1)
    if unit == "weekend":
        return _adjacent_saturday(base, sign), "week"
    if unit not in ("week", "month", "year"):
        unit = "day"
    precision = cal.precision_of(unit)
    return cal.floor_to(cal.shift(base, unit, sign), precision), precision


def _adjacent_saturday(base: date, sign: int) -> date:
    if sign > 0:
        return base + timedelta(days=(5 - base.weekday()) % 7 or 7)
    back = (base.weekday() - 5) % 7
    return base - timedelta(days=(back or 7) if sign < 0 else back)


def _same_period(m: re.Match[str], base: date) -> Resolved | None:
    unit = m["unit"].lower()
    precision = cal.precision_of(unit if unit in ("week", "month", "year") else "day")
    return cal.floor_to(base, precision), precision


_SHIFTERS: dict[str, Callable[[re.Match[str], date], Resolved | None]] = {
    "shift": _shift_count, "anaphor_the": _shift_the, "anaphor_unit_rel": _shift_the,
    "same_day": _same_period,
}


def shift_relative(expr: str, base: str) -> DateRef | None:
    """Resolve an expression relative to another event's date ``base`` (``YYYY-MM-DD``).

    "a day after", "two days later", "less than 48 hours later", "the next day", "the following
    day", "a week earlier", "two years earlier", "a month before", "the previous day", "that day".
    Vague counts ("days later", "a few weeks later") get one step coarser precision.
    """
    day = cal.parse_iso(base)
    found = match_rule(clean_expression(expr), ANAPHORIC)
    if day is None or found is None:
        return None
    name, m = found
    resolved = _SHIFTERS[name](m, day)
    if resolved is None:
        return None
    out, precision = resolved
    return DateRef(text=expr, start=0, end=len(expr), date=out.isoformat(),
                   precision=precision, rule=name)
