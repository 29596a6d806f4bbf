"""Temporal conflation: events of different years told as one episode, and relative dates that
contradict the publication date.

The article's *episode* is the month its news sits in (see ``dating.set_episode``). A sentence
whose event is known to belong to another year (it retells a landmark event of the reference
chronology) is flagged when the article tells it as part of the episode: with a relative date
that does not fit the known date ("on Friday", "two days later": high), or with no date at all
(medium; high when a sequence word joins it to an adjacent sentence of the episode). An event
told with its own year ("in 2020") is background, not conflation. An event reported as having
happened on a day after the publication date is flagged too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..records import HAPPENED, STATED_DATE_RULES, Mention
from .context import Article
from .dating import ArticleDates, Stated, agrees
from .lexicon import audit_lexicon
from .model import Finding, SentenceRef
from .reference import DATE_WINDOW, RefMatch

ADJACENT = 1  # sentences either side that may join two events into one sequence


@dataclass(frozen=True, slots=True)
class Known:
    """A sentence's event whose date is known from outside the article."""

    sentence: int
    day: date
    tolerance: int
    what: str  # for messages
    reference_id: str
    spans: tuple[tuple[int, int], ...] = ()


def known_dates(matches: list[RefMatch]) -> dict[int, Known]:
    """Sentences that retell a landmark event happening, dated by the chronology (the day when
    one event matches, its month when several of one month do)."""
    out: dict[int, Known] = {}
    for rm in matches:
        month = rm.month
        if month is not None and rm.happened:
            ev = rm.best
            single = len(rm.events) == 1
            out[rm.sentence] = Known(rm.sentence, ev.date if single else month,
                                     ev.tolerance if single else 31, ev.summary, ev.id, rm.spans)
    return out


def conflation_findings(art: Article, dates: ArticleDates, known: dict[int, Known]) -> list[Finding]:
    if dates.episode is None:
        return []
    year, month = dates.episode
    episode = f"{year}-{month:02d}"
    out: list[Finding] = []
    for i, k in sorted(known.items()):
        if k.day.year == year:
            continue
        near = dates.near(i, list(k.spans), DATE_WINDOW)
        if any(s.explicit_year for s in near):
            continue  # told with its own year: background
        relative = [s for s in (near or dates.stated[i]) if s.relative]
        if any(agrees(s, k.day, k.tolerance) for s in relative if s.date is not None):
            continue
        out.append(_conflation(art, dates, k, episode, relative))
    return out


def _conflation(art: Article, dates: ArticleDates, k: Known, episode: str,
                relative: list[Stated]) -> Finding:
    partner = _episode_neighbour(art, dates, k.sentence)
    joined = partner is not None and abs(partner - k.sentence) <= ADJACENT and \
        audit_lexicon().get("connector").search(art.sentences[k.sentence].text) is not None
    when = f"{k.day:%Y-%m}"
    if relative:
        how = f"with “{relative[0].text}”"
        if relative[0].date is not None:
            how += f" (which puts it on {relative[0].date})"
    else:
        how = "with no date of its own"
    message = (f"an event of {when} ({k.what}) is told {how} among events of {episode}, "
               f"as if one episode")
    related: list[SentenceRef] = [art.ref(partner)] if partner is not None else []
    return Finding("temporal_conflation", "high" if relative or joined else "medium", message,
                   art.ref(k.sentence), related,
                   {"event_month": when, "episode": episode, "reference_id": k.reference_id,
                    "relative": relative[0].text if relative else None})


def _episode_neighbour(art: Article, dates: ArticleDates, i: int) -> int | None:
    """The nearest sentence that states a date of the episode's year."""
    assert dates.episode is not None
    year = dates.episode[0]
    best: int | None = None
    for j, row in enumerate(dates.stated):
        if j == i or j in art.boilerplate:
            continue
        if any(s.date and s.date.year == year and not s.boundary for s in row) and (
                best is None or abs(j - i) < abs(best - i)):
            best = j
    return best


def years_finding(art: Article, dates: ArticleDates, known: dict[int, Known]) -> Finding | None:
    """An overview (info) when the article tells events of more than one year."""
    first: dict[int, int] = {}
    for i, row in enumerate(dates.stated):
        if i in art.boilerplate:
            continue
        for s in row:
            if s.date and s.precision in ("day", "week", "month") and not s.boundary:
                first.setdefault(s.date.year, i)
    for i, k in known.items():
        first[k.day.year] = min(first.get(k.day.year, i), i)
    if len(first) < 2:
        return None
    years = sorted(first)
    return Finding("temporal_conflation", "info",
                   "the article tells events of " + ", ".join(map(str, years)),
                   art.ref(first[years[0]]), [art.ref(first[y]) for y in years[1:]],
                   {"years": years})


def after_publication_findings(art: Article, dates: ArticleDates) -> list[Finding]:
    """Events told as done (as having happened, or with casualties, or in the past tense: the
    pipeline takes an event dated after publication for an announcement) on a day after the
    publication date."""
    if dates.anchor is None or not dates.anchor_given:
        return []
    out: list[Finding] = []
    for i in range(len(art.sentences)):
        for m in art.by_sentence.get(i, []):
            if m.date is None or m.date_precision != "day" or m.date_rule not in STATED_DATE_RULES \
                    or not _told_as_done(m):
                continue
            gap = (date.fromisoformat(m.date) - dates.anchor).days
            if gap > art.window:
                said = next((d.text for d in m.dates if d.date == m.date), "")
                out.append(Finding(
                    "relative_date", "high",
                    f"“{m.trigger}” is told as done on {m.date}"
                    + (f" (“{said}”)" if said else "")
                    + f", {gap} days after the publication date {dates.anchor}",
                    art.mention_ref(m), details={"date": m.date, "published": str(dates.anchor)}))
                break
    return out


def _told_as_done(m: Mention) -> bool:
    if m.negated or m.status in ("threatened", "denied"):
        return False
    return m.status in HAPPENED or bool(m.figures) or m.trigger.lower().endswith("ed")
