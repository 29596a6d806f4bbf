"""What the place of an article's story may be carried to and from (resolve/geo_event.py,
:func:`geo_event.carry_location`).

- An event told as of another time ("the general whom a drone strike killed in X in 2020") is
  background: its place is not the story's, so the sentences after it do not take it, and it
  takes the story's place only when its sentence refers back to it ("bombed a clinic in the
  town in 2015") (:func:`of_another_time`). The story goes on past it.
- "the city", "the town", "that village" with no name of its own refers back to the place of the
  story ("more than 100 people were taken to hospitals across the city"): a mention whose
  sentence says so takes the story's place even a few sentences on (:func:`anaphoric`).
"""

from __future__ import annotations

import re
from datetime import date

from ..records import STATED_DATE_RULES, Mention, PlaceRef

BACKGROUND_DAYS = 31  # an earlier year's date this close to the report (December) is the story's
ANAPHOR_REACH = 4  # sentences over which "the city" still means the story's place
ANAPHOR = re.compile(r"(?i)\b(?:the|that|this)\s+(?:same\s+)?(?:city|town|village)\b"
                     r"(?!\s+of\b)")
ANAPHOR_PRECISIONS = frozenset({"point", "admin1"})  # a city is no country

__all__ = ["ANAPHOR_REACH", "anaphoric", "of_another_time"]


def of_another_time(m: Mention) -> bool:
    """The text dates the mention (not the report) to an earlier year: to a year alone that is
    not the report's ("in 2020"), or to a day or month of an earlier year more than
    ``BACKGROUND_DAYS`` before the report. Without a report date, a date of a year alone."""
    if m.date is None or m.date_rule not in STATED_DATE_RULES:
        return False
    year = _year(m.date)
    if year is None:
        return False
    if m.published is None or _year(m.published) is None:
        return m.date_precision == "year"
    if year >= (_year(m.published) or 0):
        return False
    if m.date_precision == "year":
        return True
    day, report = _day(m.date), _day(m.published)
    return day is None or report is None or (report - day).days > BACKGROUND_DAYS


def anaphoric(m: Mention, story: PlaceRef) -> bool:
    """The mention's sentence refers back to a town or city with no name ("across the city",
    "in the town"), the story's place is one (not a country), and the sentence names no other
    town the words could mean ("the mayor of X said the city ...")."""
    return (story.precision in ANAPHOR_PRECISIONS and ANAPHOR.search(m.sentence) is not None
            and not any(p.precision == "point" and p.name != story.name for p in m.places))


def _year(text: str) -> int | None:
    return int(text[:4]) if text[:4].isdigit() else None


def _day(text: str) -> date | None:
    """A day of a date written ``YYYY-MM-DD`` or ``YYYY-MM`` (its 15th)."""
    try:
        return date.fromisoformat(text[:10] if len(text) >= 10 else f"{text[:7]}-15")
    except ValueError:
        return None
