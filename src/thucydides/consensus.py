"""Consensus: the value each field of an event takes among the values its sources report.

Every rule works on ``Claim`` records (value, resolved ``ref``, evidence with publication date,
outlet and claimant), so the event's fields (:mod:`thucydides.reconcile`) and their history
(:mod:`thucydides.history`) are computed by the same code. Reported values are grouped; groups
are ranked by a list of named criteria; the winner's ``Consensus.rule`` names the first criterion
that set it above the runner-up (``only-value`` when nothing competed, ``first-reported`` when
only the order of reports did). Support is counted in independent sources (corroboration.py).

- date: stated dates before dates inferred from the report date (the day of a statement that
  tells an act done by then, "said on Thursday that it had attacked", is no stated day of the
  act: resolve/date_statement.py); then a day the text tells (carried from its story, or the
  statement's) before a bare report date; then the finest precision; then the most sources;
  then the most sources that tell the day rather than only report it as their report date (one
  article repeating its date is one source).
- location: the country most sources name; in it, the admin1 most of them name (a town counts
  for its admin1); then the most specific place; then the most sources.
- actor1, actor2: a resolved actor (country, else kind) before an unresolved one; then the most
  sources.
- killed, injured: cumulative tolls ("so far", "since January") and figures of a part told as
  another incident ("another explosion ... no casualties") are kept as claims but never count.
  ``best``: the latest positive figure from an official (named or institutional) claimant when
  officials published figures on more than one day (tolls are revised; "no casualties" is a
  denial, not a revision; an official "at least 7" counts for any higher figure, so a later one
  does not revise an earlier 9); then a figure stated as a revised toll ("the death toll rose to
  84", "bringing the toll to nine"; marked ``revised`` by reconcile.py) published no earlier
  than any other figure; otherwise the figure the most sources, then the most reports, give or
  allow (an "at least two" allows three, an exact "two" does not), a number before a vague
  quantity ("dozens") on a tie in sources, then the latest report, then the higher figure.
  ``low``/``high`` span every per-event figure reported.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .records import (
    EXPRESSION_RULE,
    PLACE_RANK,
    PREVIOUS_RULE,
    STATED_DATE_RULES,
    ActorRef,
    Claim,
    Consensus,
    Count,
    DateRef,
    PlaceRef,
)
from .resolve.date_statement import BY_STATEMENT_RULE

# Consensus.rule values: the first criterion that set the chosen value above the runner-up
CONSENSUS_RULES: dict[str, str] = {
    "only-value": "every source reporting the field gives this value",
    "stated-over-inferred": "a date the text states beats one inferred from the report date",
    "direct-over-derived": "a date the text states for the event itself beats one computed from "
                           "another event's date (\"a day after the strike\")",
    "told-over-report-date": "with no stated date, the day of the story the article told (or "
                             "of the statement telling the act) beats its report date",
    "finest-precision": "a day beats a week, month or year it falls in",
    "with-country": "a value resolved to a country beats an unresolved one",
    "consensus-country": "the place lies in the country most sources name",
    "consensus-admin1": "the place lies in the admin1 most sources in that country name",
    "most-specific": "a town beats the admin1 or country that holds it",
    "latest-official": "an official figure published later supersedes earlier figures",
    "revised-toll": "a figure stated as a revised toll (\"rose to\") supersedes figures reported "
                    "no later",
    "most-sources": "more independent sources report this value",
    "most-told-sources": "more independent sources tell this day (stated, or carried from the story "
                         "the article told) rather than only report it as their report date",
    "exact-figure": "a figure stated as a number beats a vague quantity (\"dozens\"), on a tie in "
                    "sources",
    "most-reports": "more reports (sentences) give this value, on a tie in sources",
    "latest-report": "reported later, on a tie in sources",
    "higher-figure": "the higher of two equally supported figures",
    "first-reported": "the value reported first, on a tie in everything else",
}

COUNT_FIELDS = ("killed", "injured")
FIELDS = ("date", "location", "actor1", "actor2", *COUNT_FIELDS)
OFFICIAL_KINDS = frozenset({"named", "institution"})
_PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass
class Group:
    """One reported value and the claims (with their independent sources) that report it."""

    key: Hashable
    ref: Any  # the first report's resolved value
    first: int  # index of the first claim reporting it
    claims: list[Claim] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def support(self, keep: Callable[[Claim], bool] | None = None) -> int:
        """Independent sources among the claims (those ``keep`` accepts)."""
        return len({s for c, s in zip(self.claims, self.sources, strict=True)
                    if keep is None or keep(c)})

    def reports(self, keep: Callable[[Claim], bool] | None = None) -> int:
        """Reports (sentences; several per source possible, a copy's the same as its
        original's) among the claims that ``keep`` accepts."""
        return len({(s, c.evidence.sentence) for c, s in zip(self.claims, self.sources, strict=True)
                    if keep is None or keep(c)})


Criterion = tuple[str, Callable[[Group], Any]]


@dataclass(frozen=True)
class Decision:
    """A field's value as the event record holds it, and its consensus entry."""

    value: Any  # Count, (date, precision), PlaceRef or ActorRef
    consensus: Consensus
    claims: tuple[Claim, ...] = ()  # the claims reporting the chosen value


def decide(name: str, claims: Sequence[Claim], sources: Sequence[str]) -> Decision | None:
    """The value of field ``name`` from the ``claims`` of that field (``sources[i]`` is the
    independent source of ``claims[i]``); None when no claim gives a usable value."""
    pairs = [(c, s) for c, s in zip(claims, sources, strict=True) if c.field == name]
    if name in COUNT_FIELDS:
        return _decide_count(pairs)
    deciders: dict[str, Callable[[list[tuple[Claim, str]]], Decision | None]] = {
        "date": _decide_date, "location": _decide_location,
        "actor1": _decide_actor, "actor2": _decide_actor,
    }
    return deciders[name](pairs)


def _group(pairs: Sequence[tuple[Claim, str]], key: Callable[[Claim], Hashable | None],
           ref: Callable[[Claim], Any]) -> list[Group]:
    groups: dict[Hashable, Group] = {}
    for i, (claim, source) in enumerate(pairs):
        k = key(claim)
        if k is None:
            continue
        g = groups.setdefault(k, Group(k, ref(claim), i))
        g.claims.append(claim)
        g.sources.append(source)
    return list(groups.values())


def rank(groups: Sequence[Group], criteria: Sequence[Criterion]) -> tuple[Group, str]:
    """The best group and the name of the criterion that set it above the runner-up."""
    scored = [((*(f(g) for _, f in criteria), -g.first), g) for g in groups]
    best_key, best = max(scored, key=lambda x: x[0])
    others = [k for k, g in scored if g is not best]
    if not others:
        return best, "only-value"
    runner = max(others)
    names = [n for n, _ in criteria] + ["first-reported"]
    at = next(i for i, (a, b) in enumerate(zip(best_key, runner, strict=True)) if a != b)
    return best, names[at]


def _consensus(value: Any, rule: str, best: Group, groups: Sequence[Group],
               pairs: Sequence[tuple[Claim, str]]) -> Consensus:
    return Consensus(value=value, rule=rule, n_sources=best.support(),
                     n_reporting=len({s for _, s in pairs}), n_values=len(groups))


# -- date --------------------------------------------------------------------------------------

def date_ref(claim: Claim) -> DateRef:
    if isinstance(claim.ref, DateRef):
        return claim.ref
    return DateRef(text="", start=0, end=0, date=str(claim.value), precision="day")


def _stated(claim: Claim) -> bool:
    return date_ref(claim).rule in STATED_DATE_RULES


def _told(claim: Claim) -> bool:
    """The text tells the day (stated, carried from its story, or the day of the statement that
    tells the act), not only its report date."""
    rule = date_ref(claim).rule
    return rule in STATED_DATE_RULES or rule in (PREVIOUS_RULE, BY_STATEMENT_RULE)


def _decide_date(pairs: list[tuple[Claim, str]]) -> Decision | None:
    """A stated date over inferred ones; when none is stated, a date carried from a story the
    article told (rule ``previous``) over bare report dates; then the finest precision, the most
    sources and the most reports (stated dates counted among stated reports only)."""
    def key(c: Claim) -> Hashable | None:
        r = date_ref(c)
        return (r.date, r.precision) if r.date and r.precision else None

    groups = _group(pairs, key, date_ref)
    if not groups:
        return None
    any_stated = any(_stated(c) for g in groups for c in g.claims)

    def pool(g: Group) -> Callable[[Claim], bool] | None:
        """Stated dates are counted among stated reports only."""
        return _stated if any_stated and any(_stated(c) for c in g.claims) else None

    criteria: list[Criterion] = [
        ("stated-over-inferred", lambda g: any(_stated(c) for c in g.claims)),
        ("direct-over-derived", lambda g: any(date_ref(c).rule == EXPRESSION_RULE for c in g.claims)),
        ("told-over-report-date", lambda g: not any_stated and any(
            date_ref(c).rule in (PREVIOUS_RULE, BY_STATEMENT_RULE) for c in g.claims)),
        ("finest-precision", lambda g: -_PRECISION.get(g.ref.precision or "", 9)),
        ("most-sources", lambda g: g.support(pool(g))),
        ("most-told-sources", lambda g: g.support(_told)),
        ("most-reports", lambda g: g.reports(pool(g))),
    ]
    best, rule = rank(groups, criteria)
    day: str = best.ref.date
    return Decision((day, best.ref.precision), _consensus(day, rule, best, groups, pairs),
                    tuple(best.claims))


# -- location ----------------------------------------------------------------------------------

def _decide_location(pairs: list[tuple[Claim, str]]) -> Decision | None:
    def key(c: Claim) -> Hashable | None:
        p = c.ref
        if not isinstance(p, PlaceRef) or not p.country:
            return None
        return (p.country, p.admin1, p.precision or "country", p.name or p.text)

    groups = _group(pairs, key, lambda c: c.ref)
    if not groups:
        return None
    country = _tally(groups, lambda p: p.country)
    region = _tally(groups, lambda p: (p.country, p.admin1) if p.admin1 else None)
    none = ((0, 0), -len(pairs))

    def in_region(g: Group) -> tuple[tuple[int, int], int]:
        return region.get((g.ref.country, g.ref.admin1), none) if g.ref.admin1 else none

    criteria: list[Criterion] = [
        ("consensus-country", lambda g: country.get(g.ref.country, none)[0]),
        ("first-reported", lambda g: country.get(g.ref.country, none)[1]),
        ("consensus-admin1", lambda g: in_region(g)[0]),
        ("first-reported", lambda g: in_region(g)[1]),
        ("most-specific", lambda g: -PLACE_RANK.get(g.ref.precision or "country", 9)),
        ("most-sources", lambda g: g.support()),
        ("most-reports", lambda g: g.reports()),
    ]
    best, rule = rank(groups, criteria)
    return Decision(best.ref, _consensus(best.ref, rule, best, groups, pairs), tuple(best.claims))


def _tally(groups: Sequence[Group], attr: Callable[[PlaceRef], Hashable | None]
           ) -> dict[Hashable, tuple[tuple[int, int], int]]:
    """Per value of ``attr`` across groups: (independent sources, reports) and -(the index of
    its first report), so that a tie goes to the value reported first."""
    seen: dict[Hashable, set[str]] = {}
    reports: dict[Hashable, int] = {}
    first: dict[Hashable, int] = {}
    for g in sorted(groups, key=lambda g: g.first):
        value = attr(g.ref)
        if value is not None:
            seen.setdefault(value, set()).update(g.sources)
            reports[value] = reports.get(value, 0) + g.reports()
            first.setdefault(value, -g.first)
    return {k: ((len(v), reports[k]), first[k]) for k, v in seen.items()}


# -- actors ------------------------------------------------------------------------------------

def _decide_actor(pairs: list[tuple[Claim, str]]) -> Decision | None:
    def key(c: Claim) -> Hashable | None:
        a = c.ref
        return (a.country, a.name or a.text) if isinstance(a, ActorRef) else None

    groups = _group(pairs, key, lambda c: c.ref)
    if not groups:
        return None

    def resolved(g: Group) -> int:
        return 2 if g.ref.country else 1 if any(c.ref.kind for c in g.claims) else 0

    criteria: list[Criterion] = [("with-country", resolved), ("most-sources", lambda g: g.support()),
                                 ("most-reports", lambda g: g.reports())]
    best, rule = rank(groups, criteria)
    return Decision(best.ref, _consensus(best.ref, rule, best, groups, pairs), tuple(best.claims))


# -- casualty counts ---------------------------------------------------------------------------

def figure_point(value: Any) -> int | None:
    """The point value of a reported figure: ``best``, else ``low``, else ``high``."""
    if not isinstance(value, dict):
        return value if isinstance(value, int) else None
    for k in ("best", "low", "high"):
        v = value.get(k)
        if isinstance(v, int):
            return v
    return None


def own_figure(claim: Claim) -> bool:
    """Whether a count claim can be the event's own figure: not a running total, nor the
    figure of a part told as another incident ("another explosion", marked by reconcile.py)."""
    return not (isinstance(claim.value, dict) and (claim.value.get("cumulative")
                                                   or claim.value.get("part")))


def _bounds(claims: Sequence[Claim]) -> list[int]:
    out: list[int] = []
    for c in claims:
        values = (c.value.get(k) for k in ("low", "best", "high")) if isinstance(
            c.value, dict) else (c.value,)
        out += [v for v in values if isinstance(v, int)]
    return out


def _revises(g: Group, groups: Sequence[Group]) -> bool:
    """``g`` holds a figure stated as a revised toll ("rose to 84") published no earlier than
    any other figure."""
    days = [c.evidence.published or "" for c in g.claims
            if isinstance(c.value, dict) and c.value.get("revised")]
    others = [c.evidence.published or "" for h in groups if h is not g for c in h.claims]
    return bool(days) and max(days) >= max(others, default="")


def _allowing(value: int, pairs: Sequence[tuple[Claim, str]]) -> list[tuple[str, str]]:
    """The reports (source, sentence) whose figure gives or allows ``value``: within its
    low..high, where a figure with a low and no high ("at least 2") is open above."""
    return [(s, c.evidence.sentence) for c, s in pairs if _allows(c.value, value)]


def _allows(figure: Any, value: int) -> bool:
    if not isinstance(figure, dict):
        return bool(figure == value)
    best, low, high = (figure.get(k) for k in ("best", "low", "high"))
    lo = low if isinstance(low, int) else best
    if not isinstance(lo, int):
        return isinstance(high, int) and value <= high
    if isinstance(high, int):
        return lo <= value <= high
    return lo <= value if isinstance(low, int) else value == lo


def _exact(figure: Any) -> bool:
    """A figure stated as a number ("seven", "at least 11"), not a vague quantity ("dozens")."""
    return isinstance(figure, int) or (isinstance(figure, dict) and isinstance(figure.get("best"), int))


def _official(claim: Claim) -> bool:
    return claim.evidence.claimant_kind in OFFICIAL_KINDS


def _decide_count(pairs: list[tuple[Claim, str]]) -> Decision | None:
    own = [(c, s) for c, s in pairs if own_figure(c)]
    if not own:
        return None
    bounds = _bounds([c for c, _ in own])
    groups = _group(own, lambda c: figure_point(c.value), lambda c: figure_point(c.value))
    low, high = (min(bounds), max(bounds)) if bounds else (None, None)
    if not groups:
        return Decision(Count(None, low, high), Consensus(None, "only-value", 0,
                                                          len({s for _, s in own}), 0))
    official_days = {c.evidence.published for c, _ in own if _official(c) and c.evidence.published}

    def latest_official(g: Group) -> str:
        """A revised toll: positive only ("no casualties" denies, it does not revise). An
        official "at least 7" published later allows an earlier 9 and so does not revise it."""
        days = [c.evidence.published or "" for c, _ in own if _official(c) and _allows(c.value, g.ref)]
        return max(days, default="") if len(official_days) > 1 and g.ref else ""

    allowing = {g.first: _allowing(g.ref, own) for g in groups}  # reports giving or allowing it
    criteria: list[Criterion] = [
        ("latest-official", latest_official),
        ("revised-toll", lambda g: _revises(g, groups)),
        ("most-sources", lambda g: len({s for s, _ in allowing[g.first]})),
        ("exact-figure", lambda g: any(_exact(c.value) for c in g.claims)),
        ("most-reports", lambda g: len(set(allowing[g.first]))),
        ("latest-report", lambda g: max(c.evidence.published or "" for c in g.claims)),
        ("higher-figure", lambda g: g.ref),
    ]
    best, rule = rank(groups, criteria)
    count = Count(best=best.ref, low=low, high=high)
    return Decision(count, _consensus(count, rule, best, groups, own), tuple(best.claims))
