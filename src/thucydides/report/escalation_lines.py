"""The sentences of the brief's Escalation section, built from the escalation analysis
(``thucydides.analysis``): per direction of a pair, its acts (hostile and cooperative) and its
busiest week; how each side answers the other (reciprocity, from the action → reaction links);
its phases of rising or falling conflict; and the pair's Hawkes forecast, always with its
backtest. Each sentence cites one source sentence of the first and of the last event it rests
on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from ..records import Event, Link
from .model import Citations, Line, line
from .text import capital, country_name, date_label

if TYPE_CHECKING:
    from ..analysis import AnalysisConfig, PairModel, RecordAnalysis
    from ..analysis.changepoints import Phase
    from ..analysis.dyads import Answering, DyadSeries

MAX_PHASES = 6  # the most recent phases of one direction
_TRENDS = {"escalation": ("rose", "an escalation"), "de-escalation": ("fell", "a de-escalation"),
           "stable": ("held", "no marked change")}
Pair = tuple[str, str]
Dated = tuple[date, Event]
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class PairEvents:
    """The events of one pair ``(a, b)`` (the analysis's sorted keys), in date order."""

    pair: Pair
    ab: tuple[Dated, ...]  # a → b
    ba: tuple[Dated, ...]  # b → a

    def direction(self, source: str) -> tuple[Dated, ...]:
        return self.ab if source == self.pair[0] else self.ba

    def hostile(self) -> list[Event]:
        from ..analysis.common import is_hostile

        return [e for _, e in sorted((*self.ab, *self.ba), key=day_key) if is_hostile(e)]


def day_key(row: Dated) -> tuple[date, str]:
    return row[0], row[1].event_id


def actor_name(key: str) -> str:
    """A dyad key as words: a country's short name for an ISO-3 code, else the key itself."""
    return country_name(key) if len(key) == 3 and key.isupper() else key


# -- citations -----------------------------------------------------------------------------


def cite_events(events: Iterable[Event], cites: Citations) -> tuple[int, ...]:
    """One source sentence (the first) of each event, in order, without repeats."""
    unique = {e.event_id: e for e in events}
    return tuple(dict.fromkeys(cites.cite(e.sources[0]) for e in unique.values() if e.sources))


def _ends(items: Sequence[_T]) -> list[_T]:
    """The first and the last of ``items`` (one item once)."""
    return [] if not items else [items[0]] if len(items) == 1 else [items[0], items[-1]]


# -- counts ----------------------------------------------------------------------------------


def _span(first: date, last: date) -> str:
    """``On 4 January 2024``, ``Between 4 and 9 January 2024``, ``Between 4 January and
    2 February 2024``."""
    end = date_label(last.isoformat(), "day")
    if first == last:
        return f"On {end}"
    if first.year != last.year:
        return f"Between {date_label(first.isoformat(), 'day')} and {end}"
    begin = f"{first.day}" if first.month == last.month else f"{first.day} {first:%B}"
    return f"Between {begin} and {end}"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def activity_lines(source: str, target: str, rows: Sequence[Dated], series: DyadSeries,
              cites: Citations) -> list[Line]:
    from ..analysis.common import goldstein_of, is_hostile

    events = [e for _, e in rows]
    hostile = [e for e in events if is_hostile(e)]
    coop = [e for e in events if not is_hostile(e) and (goldstein_of(e) or 0.0) > 0]
    other = len(events) - len(hostile) - len(coop)
    parts = [text for n, text in (
        (len(hostile), f"{len(hostile)} hostile (Goldstein-weighted conflict "
                       f"{series.conflict:.1f})"),
        (len(coop), f"{len(coop)} cooperative (cooperation {series.cooperation:.1f})"),
        (other, f"{other} neutral")) if n]
    if len(parts) == 1:
        parts = [parts[0].replace(f"{len(events)} ", "all ", 1)]
    text = (f"{_span(rows[0][0], rows[-1][0])}, the record has {_n(len(events), 'act')} by "
            f"{actor_name(source)} toward {actor_name(target)}: {_and(parts)}")
    lines = [line(text, cite_events(_ends(events), cites))]
    week = _busiest_week(series, rows)
    if week is not None:
        start, in_week = week
        n_hostile = sum(1 for e in in_week if is_hostile(e))
        share = ("all" if n_hostile == len(in_week) else "none" if not n_hostile
                 else str(n_hostile))
        lines.append(line(
            f"The busiest week of these acts began on {date_label(start.isoformat(), 'day')}, "
            f"with {_n(len(in_week), 'act')}, {share} of them hostile",
            cite_events(_ends(in_week), cites)))
    return lines


def _and(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" and {parts[-1]}"


def _busiest_week(series: DyadSeries, rows: Sequence[Dated]) -> tuple[date, list[Event]] | None:
    """The week (Monday) with the most events, when the acts fall in more than one week."""
    weeks = [w for w in series.weekly if w.n_events]
    if len(weeks) < 2:
        return None
    top = max(weeks, key=lambda w: (w.n_events, w.n_hostile, -w.start.toordinal()))
    in_week = [e for d, e in rows if 0 <= (d - top.start).days < 7]
    return (top.start, in_week) if len(in_week) >= 2 else None


# -- reciprocity -----------------------------------------------------------------------------


def reciprocity_lines(g: PairEvents, analysis: RecordAnalysis, links: Sequence[Link],
                       by_id: Mapping[str, Event], cites: Citations) -> list[Line]:
    recip = next((r for r in analysis.dyads.reciprocity if r.pair == g.pair), None)
    if recip is None:
        return []
    out = []
    for ans in (recip.a_to_b, recip.b_to_a):
        if ans.n_hostile:
            out.append(_answer_line(ans, g.direction(ans.actor), links, by_id, cites))
    return out


def _answer_line(ans: Answering, rows: Sequence[Dated], links: Sequence[Link],
                 by_id: Mapping[str, Event], cites: Citations) -> Line:
    from ..analysis.common import is_hostile

    actor, responder = actor_name(ans.actor), actor_name(ans.responder)
    hostile = [e for _, e in rows if is_hostile(e)]
    if not ans.n_answered:
        acts, has = (("The one hostile act", "has no") if ans.n_hostile == 1 else
                     (f"None of the {ans.n_hostile} hostile acts", "has a"))
        return line(f"{acts} by {actor} toward {responder} {has} reaction by {responder} "
                    "linked to it in the record", cite_events(_ends(hostile), cites))
    pairs = answered(hostile, ans, links, by_id)
    cited = [e for act, reaction in _ends(pairs) for e in (act, reaction)]
    lag = ""
    if ans.median_lag_days is not None:
        days = ans.median_lag_days
        lag = f", with a median lag of {days:g} day{'' if days == 1 else 's'}"
    return line(f"{capital(responder)} answered {ans.n_answered} of the "
                f"{_n(ans.n_hostile, 'hostile act')} by {actor} toward it with a reaction the "
                f"record links to it{lag}", cite_events(cited or _ends(hostile), cites))


def answered(hostile: Sequence[Event], ans: Answering, links: Sequence[Link],
             by_id: Mapping[str, Event]) -> list[tuple[Event, Event]]:
    """(act, first answer) for each of ``hostile`` that a link answers as the analysis counts
    it: a happened act of the responder toward the actor (or toward no stated target)."""
    from ..analysis.common import actor_key, happened

    reactions: dict[str, list[Event]] = defaultdict(list)
    for link in links:
        r = by_id.get(link.reaction_id)
        if (r is not None and happened(r) and actor_key(r.actor1) == ans.responder
                and actor_key(r.actor2) in (None, ans.actor)):
            reactions[link.action_id].append(r)
    return [(e, min(reactions[e.event_id], key=lambda r: (r.date or "", r.event_id)))
            for e in hostile if reactions.get(e.event_id)]


# -- phases ----------------------------------------------------------------------------------


def phase_lines(g: PairEvents, analysis: RecordAnalysis, cites: Citations,
                notes: list[str]) -> list[list[Line]]:
    """The phases of each direction (one group of sentences per direction)."""
    out: list[list[Line]] = []
    for source, target in (g.pair, g.pair[::-1]):
        rows = g.direction(source)
        phases = analysis.phases.get((source, target))
        if not rows:
            continue
        if not phases:
            notes.append(f"Too few acts by {actor_name(source)} toward {actor_name(target)} "
                         f"({len(rows)}) to look for phases.")
            continue
        out.append(_direction_phases(source, target, phases, rows, cites, notes))
    return out


def _direction_phases(source: str, target: str, phases: Sequence[Phase], rows: Sequence[Dated],
                      cites: Citations, notes: list[str]) -> list[Line]:
    who = f"{actor_name(source)} toward {actor_name(target)}"
    if len(phases) == 1:
        p = phases[0]
        return [line(f"{_span(p.start, p.end)}, the conflict of the acts by {who} shows no "
                     f"change of phase (a mean of {p.mean:.2f} a day)",
                     cite_events(_ends([e for _, e in rows]), cites))]
    shown = list(enumerate(phases))[-MAX_PHASES:]
    if len(phases) > MAX_PHASES:
        notes.append(f"Only the last {MAX_PHASES} of {len(phases)} phases of the acts by {who} "
                     "are given.")
    return [_phase_line(who, p, phases[k - 1] if k else None, rows, cites) for k, p in shown]


def _phase_line(who: str, p: Phase, previous: Phase | None, rows: Sequence[Dated],
                cites: Citations) -> Line:
    from ..analysis.common import is_hostile

    inside = [e for d, e in rows if p.start <= d <= p.end and is_hostile(e)]
    span = _span(p.start, p.end)
    if previous is None:
        text = f"{span}, the conflict of the acts by {who} averaged {p.mean:.2f} a day"
    else:
        verb, trend = _TRENDS[p.trend]
        text = (f"{span}, the conflict of the acts by {who} {verb} to a mean of "
                f"{p.mean:.2f} a day, from {previous.mean:.2f} ({trend} phase)")
    if inside:
        return line(text, cite_events(_ends(inside), cites))
    before = [e for d, e in rows if d < p.start]
    cited = before[-1:] or [e for _, e in rows][:1]
    return line(text + ", with no hostile act in the phase", cite_events(cited, cites))


# -- forecast --------------------------------------------------------------------------------


def forecast_lines(g: PairEvents, model: PairModel | None, cites: Citations, notes: list[str],
                    config: AnalysisConfig) -> list[Line]:
    hostile = g.hostile()
    if model is None:
        if len(hostile) < config.min_hostile:
            notes.append(f"No forecast: the pair has {_n(len(hostile), 'hostile act')}; the "
                         f"model needs {config.min_hostile}.")
        else:
            notes.append(f"No forecast: only the {config.max_pairs} busiest pairs are modelled.")
        return []
    shown = model.shown()
    if not shown:
        notes.append("Forecast withheld: the record is too short to backtest it "
                     f"({config.min_train_days} days of history are needed before the first "
                     "origin).")
        return []
    if not model.fit.converged:
        notes.append("The model's fit did not converge: read its forecast with care.")
    refs = cite_events(_ends(hostile), cites)
    out = [_fit_line(model, refs)]
    origin = date_label(model.origin.isoformat(), "day")
    for f, bt in shown:
        score = bt.score("any")
        if score is None:
            continue
        interval = (f"{model.boot.level:.0%} interval {_pct(f.interval_any[0])} to "
                    f"{_pct(f.interval_any[1])}" if f.interval_any else
                    "no interval: too few bootstrap replicates")
        out.append(line(
            f"It puts the probability of at least one hostile act by either side in the "
            f"{f.horizon_days} days from {origin} at {_pct(f.p_any)} ({interval}); in a "
            f"rolling-origin backtest on this record over {_n(bt.n_origins, 'origin')}, its "
            f"Brier score was {_brier(score.brier_hawkes)} against {_brier(score.brier_base)} "
            f"for the base rate: {verdict(score.skill)}", refs))
    return out


def _fit_line(model: PairModel, refs: tuple[int, ...]) -> Line:
    a, b = (actor_name(k) for k in model.pair)
    ratio = model.fit.params.branching_ratio
    meaning = (f"each hostile act sets off about {ratio:.2f} more, directly, on average"
               if ratio < 1 else "explosive: the fit describes no stable process")
    return line(f"A bivariate Hawkes model fitted to the {model.fit.n_events[0]} hostile acts by "
                f"{a} toward {b} and the {model.fit.n_events[1]} by {b} toward {a} has a "
                f"branching ratio of {ratio:.2f} ({meaning})", refs)


def verdict(skill: float | None, margin: float = 0.05) -> str:
    """How the forecast compares with the base rate, from its Brier skill score."""
    if skill is None:
        return "the base rate scored perfectly, so no comparison can be made"
    if skill > margin:
        return "better than the base rate"
    return "worse than the base rate" if skill < -margin else "about as good as the base rate"


def _pct(p: float) -> str:
    if p != p:
        return "not computed"
    if p > 0.995:
        return "over 99%"
    return "under 1%" if p < 0.005 else f"{p:.0%}"


def _brier(x: float) -> str:
    return f"{x:.3f}" if x >= 0.0005 else "under 0.001"
