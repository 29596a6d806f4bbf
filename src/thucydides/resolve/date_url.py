"""The publication date, or month, a news article's URL carries.

Content systems put the publication date in the path: ``/2024/01/16/slug``, ``/2024/jan/16/slug``,
``/01/16/2024/slug`` (month first when the year comes last), ``/16-jan-2024/slug``,
``/2024-01-16/slug``, or only the month: ``/2024/01/slug``. Reading it is a standard step of news
crawlers (news-please, newspaper3k). A URL date is inferred, not given: the pipeline marks it so.

Only the path is read (a host name is no date), and only parts delimited by ``/``, ``-``, ``_`` or
``.`` so that an article number ("/1107686234/") is never read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from ..records import DatePrecision
from .date_calendar import make_date
from .date_lexicon import lexicon

_EDGE_L = r"(?:^|(?<=[/_.\-]))"
_EDGE_R = r"(?=$|[/_.\-?#])"
_Y = r"(?P<y>(?:19|20)\d\d)"
_M = r"(?P<m>0?[1-9]|1[0-2])"
_D = r"(?P<d>0?[1-9]|[12]\d|3[01])"
MIN_YEAR = 1990  # no news site put dates in URLs before this


@dataclass(frozen=True, slots=True)
class UrlDate:
    """A date read from a URL: ``day`` is the first of the month at month precision."""

    day: date
    precision: DatePrecision

    @property
    def month(self) -> str:
        """``YYYY-MM``."""
        return self.day.isoformat()[:7]


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], DatePrecision], ...]:
    mon = r"(?P<mon>[A-Za-z]{3,9})"
    sep = r"[/\-_]"
    days = (
        rf"{_Y}{sep}{_M}{sep}{_D}",  # /2024/01/16/, /2024-01-16
        rf"{_Y}{sep}{mon}{sep}{_D}",  # /2024/jan/16/
        rf"{_D}{sep}{mon}{sep}{_Y}",  # /16-jan-2024/
        rf"{mon}{sep}{_D}{sep}{_Y}",  # /jan-16-2024/
        rf"(?P<m2>0?[1-9]|1[0-2])/(?P<d2>0?[1-9]|[12]\d|3[01])/{_Y}",  # /01/16/2024/
    )
    months = (rf"{_Y}/{_M}", rf"{_Y}{sep}{mon}")  # /2024/01/, /2024/jan/
    return (tuple((re.compile(_EDGE_L + p + _EDGE_R), "day") for p in days)
            + tuple((re.compile(_EDGE_L + p + _EDGE_R), "month") for p in months))


def _month_of(m: re.Match[str]) -> int | None:
    groups = m.groupdict()
    if groups.get("mon"):
        return lexicon().months.get(groups["mon"].lower())
    text = groups.get("m") or groups.get("m2")
    return int(text) if text else None


def _from_match(m: re.Match[str], precision: DatePrecision) -> UrlDate | None:
    groups = m.groupdict()
    month = _month_of(m)
    year = int(groups["y"])
    if month is None or year < MIN_YEAR:
        return None
    day = int(groups.get("d") or groups.get("d2") or 1) if precision == "day" else 1
    found = make_date(year, month, day)
    return None if found is None else UrlDate(found, precision)


def url_date(url: str | None, *, not_after: date | None = None) -> UrlDate | None:
    """The publication day (or month) written in ``url``'s path; None when there is none.

    A day beats a month; among several, the first in the path wins. ``not_after``: a date the
    publication cannot be later than (today, say), so a URL's "2031" is no date.
    """
    if not url:
        return None
    path = urlsplit(url if "//" in url else "//" + url).path
    if not any(c.isdigit() for c in path):
        return None
    for pattern, precision in _patterns():
        for m in pattern.finditer(path):
            found = _from_match(m, precision)
            if found is not None and (not_after is None or found.day <= not_after):
                return found
    return None
