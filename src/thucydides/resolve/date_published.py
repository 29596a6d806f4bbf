"""Infer an article's publication date from its text, and list the years it mentions.

In order: a "Published: ..." / "Posted ..." line, else an "Updated ..." line; a dateline at the top
("KYIV, Jan. 4, 2024 (Reuters) -", "BAKU, Azerbaijan, January 4." with the year taken from the
latest year the text writes inside a full or month date, e.g. "Jan. 16, 2024" or "March 2024"; a
bare "in 2020" is too often background to count); else the latest explicit full date (with a
year) the text reports, skipping dates announced as future ("scheduled for", "will", "until"); else the latest
month-day that, with that same latest dated year, makes a date. None when nothing is there.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .date_calendar import parse_iso
from .date_find import RuleMatch, rule_matches
from .date_norm import normalise_date
from .date_patterns import DAY, YEAR, year_re

_STAMP_WINDOW = 40  # a stamp's date must start this close to its keyword
_DATELINE_WINDOW = 400  # a dateline sits in the first characters of the text
_FUTURE_WINDOW = 100  # a future cue must be in the same sentence, this close before the date
_FULL_RULES = frozenset({"iso", "numeric", "mdy", "dmy"})
_PARTIAL_RULES = frozenset({"mdy", "dmy"})
_STAMP_KEYS = ("publish", "posted", "updated", "modified")
_YEAR_RULES = frozenset({"iso", "numeric", "mdy", "dmy", "month_year"})


@lru_cache(maxsize=1)
def _stamp_re() -> re.Pattern[str]:
    return re.compile(r"(?i)\b(?P<kind>first\s+published|published|posted|last\s+updated|updated"
                      r"|last\s+modified|modified)\b(?:\s+(?:on|at))?\s*:?\s*")


@lru_cache(maxsize=1)
def _dateline_re() -> re.Pattern[str]:
    place = r"[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+)*"
    region = r"(?:\s*[A-Z][\w'.\-]+(?:\s+[A-Z][\w'.\-]+)*,)?"
    month = r"[A-Z][a-z]{2,8}\.?"
    when = rf"(?:{month}\s+{DAY}|{DAY}\s+{month})(?:,?\s+{YEAR})?"
    return re.compile(rf"(?:^|\n|\)\s*){place}(?:\s*\([^)\n]{{0,40}}\))?,{region}\s*"
                      rf"(?P<when>{when})\s*(?:[.:(\-–—/]|\n)")


@lru_cache(maxsize=1)
def _future_re() -> re.Pattern[str]:
    return re.compile(r"(?i)(?:\b(?:will|would|scheduled|due|expected|planned|plans?|set\s+for"
                      r"|deadline|upcoming|next)\b[^.\n]*|\b(?:by|until|till|before)\s+)$")


def text_years(text: str) -> list[int]:
    """Explicit years (1900–2100) mentioned in ``text``, once each, in order of first mention."""
    seen: dict[int, None] = {}
    for m in year_re().finditer(text):
        seen.setdefault(int(m.group(1)), None)
    return list(seen)


def _dated(expr: str, default_year: int | None = None) -> date | None:
    ref = normalise_date(expr, None, default_year=default_year)
    if ref is None or ref.precision != "day":
        return None
    return parse_iso(ref.date)


def _stamp(text: str) -> date | None:
    found: dict[str, date] = {}
    lower = text.lower()
    if not any(k in lower for k in _STAMP_KEYS):
        return None
    for m in _stamp_re().finditer(text):
        window = text[m.end():m.end() + _STAMP_WINDOW + 30]
        for r in sorted(rule_matches(window, _FULL_RULES), key=lambda r: r.start):
            d = _dated(window[r.start:r.end])
            if r.start <= _STAMP_WINDOW and d is not None:
                kind = "updated" if "modif" in m["kind"].lower() or "upd" in m["kind"].lower() \
                    else "published"
                found.setdefault(kind, d)
                break
    return found.get("published") or found.get("updated")


def dated_years(text: str) -> list[int]:
    """Years written as part of a day or month date ("Jan. 16, 2024", "March 2023"), sorted.

    A bare year is often background ("killed in 2020"), so only these infer a missing year.
    """
    return _years(list(rule_matches(text, _YEAR_RULES)))


def _years(matches: list[RuleMatch]) -> list[int]:
    return sorted({int(r.match["y"]) for r in matches if r.match["y"] and len(r.match["y"]) == 4})


def _dateline(text: str, years: list[int]) -> date | None:
    m = _dateline_re().search(text[:_DATELINE_WINDOW])
    if m is None:
        return None
    return _dated(m["when"], max(years) if years else None)


def _is_future(text: str, start: int, expr: str) -> bool:
    if expr.split(None, 1)[0].lower() in ("by", "until", "till", "before"):
        return True
    return _future_re().search(text[max(0, start - _FUTURE_WINDOW):start]) is not None


def _latest(text: str, matches: list[RuleMatch], default_year: int | None,
            names: frozenset[str]) -> date | None:
    best: date | None = None
    for r in matches:
        if r.rule not in names:
            continue
        expr = text[r.start:r.end]
        d = _dated(expr, default_year)
        if d is not None and not _is_future(text, r.start, expr) and (best is None or d > best):
            best = d
    return best


def infer_published(text: str) -> str | None:
    """The publication date ``YYYY-MM-DD`` an article's text implies, or None (see module doc)."""
    found = _stamp(text)
    if found is None:
        matches = list(rule_matches(text, _YEAR_RULES))
        years = _years(matches)
        found = _dateline(text, years) or _latest(text, matches, None, _FULL_RULES)
        if found is None and years:
            found = _latest(text, matches, max(years), _PARTIAL_RULES)
    return None if found is None else found.isoformat()
