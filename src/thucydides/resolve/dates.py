"""Date resolution: find date expressions, normalise them against the report date, shift them
from another event's date, and infer an undated article's publication date.

Public API (pure functions; regexes and the word lists of ``data/date_words.tsv`` load once)::

    find_date_expressions(text) -> list[(start, end)]
    normalise_date(expr, anchor, *, default_year=None) -> DateRef | None
    shift_relative(expr, base) -> DateRef | None
    infer_published(text) -> "YYYY-MM-DD" | None
    url_date(url) -> UrlDate(day, precision "day" | "month") | None   (publication date in a URL)
    text_years(text) -> list[int]

Resolution rules (details in :mod:`.date_norm`): a weekday is the most recent such day on or before
the report date (the report day itself when it is the same weekday; "last <weekday>" then a week
back); "yesterday" / "last night" / "overnight" = report date − 1; a month-day with no year takes the
report's year unless that lands more than 62 days after the report (then the year before); a month
alone → its first day (precision month); early / mid / late <month> → 5th / 15th / 25th (precision
week); a year → 1 January (precision year); "last week" → report date − 7 (precision week);
expressions anchored on another event ("two days later") resolve only through ``shift_relative``.
"""

from __future__ import annotations

from .date_find import find_date_expressions
from .date_norm import normalise_date, shift_relative
from .date_published import infer_published, text_years
from .date_url import UrlDate, url_date

__all__ = [
    "UrlDate",
    "find_date_expressions",
    "infer_published",
    "normalise_date",
    "shift_relative",
    "text_years",
    "url_date",
]
