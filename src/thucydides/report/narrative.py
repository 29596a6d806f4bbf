"""What happened, in date order: one bullet per day, one generated sentence per event.

Each event's sentence is built from its record (type, parties, place, date, figures) and cites
every source sentence of the event. A casualty figure the sources agree on is given with who
reported it; figures they disagree on are given as a range and followed by a sentence that
states every side with its own citations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby

from ..records import HAPPENED, Claim, Count, Event
from .disputes import Side, dispute_line, disputes, figure_sides, speakers
from .model import Citations, Item, Line, Section, line
from .text import capital, date_label, date_phrase, event_clause, names_text, range_text

_VERBS = {"killed": "killing", "injured": "injuring"}
_NOUNS = {"killed": "the dead", "injured": "the injured"}


def order_key(e: Event) -> tuple[bool, str, str]:
    return (e.date is None, e.date or "", e.event_id)


def _count_span(count: Count | None) -> tuple[int | None, int | None] | None:
    if count is None:
        return None
    low = count.low if count.low is not None else count.best
    high = count.high if count.high is not None else count.best
    return None if low is None and high is None else (low, high)


def casualty_phrase(e: Event, cites: Citations) -> str:
    """``, killing 2 and injuring 3, according to Pakistan`` or ``, with accounts of the dead
    ranging from 2 to 9`` (the sides are stated in a sentence of their own)."""
    agreed: list[str] = []
    who: list[str] = []
    ranges: list[str] = []
    for kind in ("killed", "injured"):
        sides = figure_sides(e, kind)
        if len(sides) >= 2:
            lows = [s.low for s in sides if s.low is not None]
            highs = [s.high if s.high is not None else s.low for s in sides]
            top = max((h for h in highs if h is not None), default=None)
            count = e.killed if kind == "killed" else e.injured
            kept = f" ({count.best} in the record)" if count and count.best is not None else ""
            ranges.append(f"with accounts of {_NOUNS[kind]} ranging from "
                          f"{min(lows, default=None)} to {top}{kept}")
            continue
        span = (sides[0].low, sides[0].high) if sides else _count_span(
            e.killed if kind == "killed" else e.injured)
        if span is None:
            continue
        agreed.append(f"{_VERBS[kind]} {range_text(*span)}")
        who += [n for n in _side_speakers(sides, cites) if n not in who]
    text = " and ".join(agreed)
    if agreed and who:
        text += f", according to {names_text(who)}"
    return "".join(f", {part}" for part in [text, *ranges] if part)


def _side_speakers(sides: Sequence[Side], cites: Citations) -> list[str]:
    return speakers(sides[0].claims, cites)[0] if sides else []


def event_sentence(e: Event, cites: Citations, *, dated: bool = True) -> Line:
    """``On 16 January 2024, Iran carried out … in Quetta, killing 2, according to X [1] [2].``"""
    text = event_clause(e) + casualty_phrase(e, cites)
    text = f"{date_phrase(e.date, e.date_precision)}, {text}" if dated else capital(text)
    if e.status == "claimed":
        names, _ = speakers_of(e, cites)
        text += f" (a claim by {names_text(names)}, not confirmed as fact)"
    return line(text, cites.cite_all(e.sources))


def speakers_of(e: Event, cites: Citations) -> tuple[list[str], bool]:
    """Who the event's sources quote (claimants), else the outlets that reported it."""
    return speakers([Claim("source", None, s) for s in e.sources], cites)


def happened_section(events: Sequence[Event], cites: Citations,
                     parties: Mapping[str, str]) -> Section:
    """One bullet per date: each event that happened, then the sides of its disputed figures."""
    section = Section("What happened", anchor="what-happened")
    happened = sorted((e for e in events if e.status in HAPPENED), key=order_key)
    for (date, precision), group in groupby(happened, key=lambda e: (e.date, e.date_precision)):
        lines: list[Line] = []
        for i, e in enumerate(group):
            lines.append(event_sentence(e, cites, dated=i == 0))
            for d in disputes(e, parties, fields=("killed", "injured")):
                lines.append(dispute_line(d, cites))
        section.items.append(Item(tuple(lines), anchor=f"day-{date or 'unknown'}",
                                  kind=f"precision-{precision or 'none'}"))
    if not section.items:
        section.note = "No events that happened are in the record."
    return section


def when(e: Event) -> str:
    """``on 16 January 2024``, ``in January 2024``: the event's date inside a sentence."""
    label = date_label(e.date, e.date_precision)
    return f"on {label}" if e.date_precision in (None, "day") else f"in {label}"
