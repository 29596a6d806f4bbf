"""Death tolls over time: how an event's reported toll changed from one publication date to
the next, from ``thucydides.history.event_history`` (or any function of the same shape)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Protocol

from ..consensus import CONSENSUS_RULES
from ..records import HAPPENED, Count, Event, Evidence
from .model import Citations, Item, Row, Section, Table, line
from .narrative import order_key, when
from .text import capital, date_label, event_noun, interval, range_text

TITLE = "Death tolls over time"
HEADER = ("As of", "Deaths", "Range reported", "Rule", "Sources")


class HistoryPointLike(Protocol):
    """What the brief reads of a ``thucydides.history.HistoryPoint``."""

    @property
    def as_of(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def value(self) -> object: ...
    @property
    def rule(self) -> str: ...
    @property
    def sources(self) -> Sequence[Evidence]: ...


HistoryFn = Callable[[Event], Sequence[HistoryPointLike]]


def default_history() -> HistoryFn:
    """``thucydides.history.event_history``."""
    from ..history import event_history

    return event_history


def best_figure(value: object) -> int | None:
    """The point figure of a toll: ``best``, else the low or high bound."""
    if isinstance(value, Count):
        value = {"best": value.best, "low": value.low, "high": value.high}
    if isinstance(value, dict):
        return next((v for v in (value.get("best"), value.get("low"), value.get("high"))
                     if isinstance(v, int)), None)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def toll_changes(e: Event, history: HistoryFn, fld: str = "killed"
                 ) -> list[tuple[HistoryPointLike, int]]:
    """The points of ``e``'s history where its ``fld`` figure (the best one) changed, with that
    figure (the first known figure included); empty when it never changed."""
    out: list[tuple[HistoryPointLike, int]] = []
    for point in sorted((p for p in history(e) if p.field == fld), key=lambda p: p.as_of):
        figure = best_figure(point.value)
        if figure is None or not point.sources:
            continue
        if not out or out[-1][1] != figure:
            out.append((point, figure))
    return out if len(out) >= 2 else []


def toll_section(events: Sequence[Event], history: HistoryFn, cites: Citations) -> Section:
    """A sentence and a table for every event whose reported death toll changed."""
    section = Section(TITLE, anchor="tolls")
    for e in sorted((e for e in events if e.status in HAPPENED), key=order_key):
        changes = toll_changes(e, history)
        if not changes:
            continue
        sub = Section(capital(f"{event_noun(e)} {when(e)}"), level=3)
        refs = [cites.cite_all(p.sources) for p, _ in changes]
        steps = " to ".join(f"{n} (as of {date_label(p.as_of, 'day')})" for p, n in changes)
        sub.items.append(Item((line(f"The reported death toll {_trend(changes)} from {steps}",
                                    [n for r in refs for n in r]),)))
        rows = tuple(Row((date_label(p.as_of, "day"), str(n), _span(p.value), _rule(p.rule)), r)
                     for (p, n), r in zip(changes, refs, strict=True))
        sub.tables.append(Table(HEADER, rows))
        section.subsections.append(sub)
    if not section.subsections:
        section.note = "No reported death toll changed from one publication date to the next."
    return section


def _trend(changes: Sequence[tuple[HistoryPointLike, int]]) -> str:
    figures = [n for _, n in changes]
    pairs = list(pairwise(figures))
    if all(b > a for a, b in pairs):
        return "rose"
    return "fell" if all(b < a for a, b in pairs) else "changed"


def _span(value: object) -> str:
    span = interval(value)
    return range_text(*span) if span is not None else ""


def _rule(rule: str) -> str:
    """``latest-official: an official figure published later supersedes earlier figures``."""
    why = CONSENSUS_RULES.get(rule)
    return f"{rule}: {why}" if why else rule
