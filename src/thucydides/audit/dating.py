"""The dates an article states, sentence by sentence, resolved the way the pipeline resolves them.

Each date expression is classed by the rule that reads it: *absolute* ("3 January 2020",
"mid-January 2024", "in 2020", "in January"), *deictic* (relative to the publication date: "on
Tuesday", "yesterday", "last week", "three years ago") or *chained* (relative to an earlier event:
"two days later", "two years previously"). Deictic expressions resolve against the publication
date (or the report date the pipeline inferred for an undated article); chained ones against the
last date the article stated before them, and only when that base is a day or the shift counts
months or years, so a vague base cannot make a precise claim.

A date that tells when something was said ("the group said on Thursday that its members had
carried out the bombings") dates the statement, not the act it tells: the act was done by then,
so the date bounds it from above and agrees with any earlier day (:func:`agrees`). The date stage
marks such dates on the mentions' dates (``resolve.date_statement.statement_verb``); the audit
reads the mark off the mentions of the sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..records import DatePrecision
from ..resolve.date_norm import clean_expression, match_rule
from ..resolve.date_patterns import prep_re
from ..resolve.date_statement import statement_verb
from ..resolve.dates import find_date_expressions, normalise_date, shift_relative
from .context import Article

ABSOLUTE = frozenset({"iso", "numeric", "mdy", "dmy", "month_year", "year", "month"})
DEICTIC = frozenset({"weekday", "relday", "relperiod", "ago"})
CHAINED = frozenset({"shift", "anaphor_the", "anaphor_unit_rel", "same_day"})
_BOUNDARY = frozenset({"since", "until", "till", "by", "before", "after", "from", "as of"})
_WITH_YEAR = frozenset({"iso", "month_year", "year"})
_EPISODE_PRECISIONS = frozenset({"day", "week", "month"})


@dataclass(frozen=True, slots=True)
class Stated:
    """One date expression of a sentence; ``start``/``end`` are offsets into the sentence."""

    text: str
    start: int
    end: int
    rule: str | None  # the reading rule (see module doc), None when no rule reads it
    boundary: bool  # "since 2020", "until Friday": bounds a period, does not date an event
    explicit_year: bool
    date: date | None = None
    precision: DatePrecision | None = None
    statement: bool = False  # dates a speech verb ("said on Thursday that ..."), not the act

    @property
    def relative(self) -> bool:
        return self.rule in DEICTIC or self.rule in CHAINED


@dataclass
class ArticleDates:
    """Every sentence's date expressions, resolved; and the article's own episode."""

    anchor: date | None  # the publication date (given or inferred), for deictic expressions
    anchor_given: bool
    stated: list[list[Stated]] = field(default_factory=list)
    episode: tuple[int, int] | None = None  # (year, month) most of the article's own dates name

    def near(self, i: int, spans: list[tuple[int, int]], window: int) -> list[Stated]:
        """The resolved, non-boundary expressions of sentence ``i`` within ``window`` characters
        of one of ``spans``, nearest first."""
        def dist(s: Stated) -> int:
            return min((max(a - s.end, s.start - b, 0) for a, b in spans), default=0)
        found = [s for s in self.stated[i] if s.date is not None and not s.boundary
                 and dist(s) <= window]
        return sorted(found, key=dist)


def classify(expr: str) -> tuple[str | None, bool]:
    """(reading rule, is a period boundary) of one date expression."""
    text = clean_expression(expr)
    boundary = False
    prep = prep_re().match(text)
    if prep is not None:
        boundary = " ".join(prep["prep"].lower().split()) in _BOUNDARY
        text = text[prep.end():]
    found = match_rule(text)
    return (found[0] if found else None), boundary


def article_dates(art: Article) -> ArticleDates:
    anchor, given = _anchor(art)
    out = ArticleDates(anchor, given)
    default_year = anchor.year if anchor else art.doc.year_hint
    base: tuple[date, DatePrecision] | None = None
    for i, s in enumerate(art.sentences):
        said = statement_spans(art, i)
        row = [_resolve(s.text, a, b, anchor, default_year, base) for a, b in
               find_date_expressions(s.text)]
        row = [replace(st, statement=True) if _overlaps(st, said) else st for st in row]
        out.stated.append(row)
        base = _next_base(art, i, row) or base
    return out


def statement_spans(art: Article, i: int) -> list[tuple[int, int]]:
    """The spans (offsets into sentence ``i``) of the dates the date stage read as the day of a
    speech verb, not of the act the statement tells: "said on Thursday that ..."."""
    start = art.sentences[i].start
    return sorted({(d.start - start, d.end - start) for m in art.by_sentence.get(i, [])
                   for d in m.dates if statement_verb(d) is not None})


def _overlaps(st: Stated, spans: list[tuple[int, int]]) -> bool:
    return any(st.start < b and a < st.end for a, b in spans)


def _anchor(art: Article) -> tuple[date | None, bool]:
    if art.doc.published:
        return date.fromisoformat(art.doc.published), not art.doc.published_inferred
    inferred = Counter(m.published for m in art.mentions if m.published)
    if inferred:
        return date.fromisoformat(inferred.most_common(1)[0][0]), False
    return None, False


def _resolve(text: str, start: int, end: int, anchor: date | None, default_year: int | None,
             base: tuple[date, DatePrecision] | None) -> Stated:
    expr = text[start:end]
    rule, boundary = classify(expr)
    explicit = rule in _WITH_YEAR or (rule in ("mdy", "dmy", "numeric") and _has_year(expr))
    st = Stated(expr, start, end, rule, boundary, explicit)
    if rule in CHAINED:
        return _chained(st, base)
    ref = normalise_date(expr, anchor.isoformat() if anchor else None, default_year=default_year)
    if ref is None or ref.date is None:
        return st
    return Stated(expr, start, end, rule, boundary, explicit, date.fromisoformat(ref.date),
                  ref.precision)


def _chained(st: Stated, base: tuple[date, DatePrecision] | None) -> Stated:
    if base is None:
        return st
    ref = shift_relative(st.text, base[0].isoformat())
    if ref is None or ref.date is None or ref.precision is None:
        return st
    if base[1] != "day" and ref.precision not in ("month", "year"):
        return st  # "two days after" a month: too vague to claim a day
    return Stated(st.text, st.start, st.end, st.rule, st.boundary, st.explicit_year,
                  date.fromisoformat(ref.date), ref.precision)


def _has_year(expr: str) -> bool:
    return any(len(w) == 4 and w.isdigit() for w in expr.replace(",", " ").replace("/", " ").split())


def _next_base(art: Article, i: int, row: list[Stated]) -> tuple[date, DatePrecision] | None:
    """The date later chained expressions count from: this sentence's own stated date."""
    for st in row:
        if st.date and st.precision in _EPISODE_PRECISIONS and not st.boundary \
                and st.rule not in CHAINED:
            return st.date, st.precision
    for m in art.happened(i):
        if m.date and m.date_precision in _EPISODE_PRECISIONS and m.date_rule == "expression":
            return date.fromisoformat(m.date), m.date_precision
    return None


def set_episode(art: Article, dates: ArticleDates, known: Iterable[date]) -> None:
    """The (year, month) the article's news sits in: the month with most weight, counting the
    publication month 2, each date the text states 1 (2 when counted from the publication date,
    which is about the news; none when chained from an earlier event), each landmark event it
    retells 1 (``known``); ties: the latest (background is older than news)."""
    months: Counter[tuple[int, int]] = Counter()
    if dates.anchor is not None:
        months[(dates.anchor.year, dates.anchor.month)] += 2
    for i, row in enumerate(dates.stated):
        if i in art.boilerplate:
            continue
        for st in row:
            if st.date and st.precision in _EPISODE_PRECISIONS and not st.boundary \
                    and st.rule not in CHAINED:
                months[(st.date.year, st.date.month)] += 2 if st.rule in DEICTIC else 1
    for d in known:
        months[(d.year, d.month)] += 1
    if months:
        top = max(months.values())
        dates.episode = max(k for k, v in months.items() if v == top)


def agrees(st: Stated, day: date, tolerance: int) -> bool:
    """Does the stated date (at its precision) allow the event to have happened on ``day``?"""
    if st.date is None:
        return True
    slack = timedelta(days=tolerance)
    if st.statement:  # said by then: the act is on or before the end of the stated period
        return day <= _period_end(st) + slack
    if st.precision == "day":
        return abs(st.date - day) <= slack
    if st.precision == "week":
        return abs(st.date - day) <= timedelta(days=7) + slack
    if st.precision == "month":
        first = st.date.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return first - slack <= day < nxt + slack
    years = 1 if st.rule in CHAINED or st.rule == "ago" else 0
    return abs(st.date.year - day.year) <= years


def _period_end(st: Stated) -> date:
    """The last day of the period a resolved expression names."""
    assert st.date is not None
    if st.precision == "day":
        return st.date
    if st.precision == "week":
        return st.date + timedelta(days=6)
    if st.precision == "month":
        return (st.date.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return date(st.date.year, 12, 31)
