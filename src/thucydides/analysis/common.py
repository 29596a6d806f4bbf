"""Small shared pieces: actor keys, hostility, Goldstein fallbacks, day arithmetic."""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import date
from functools import lru_cache

from ..errors import ConfigError
from ..extract.types import Crosswalk
from ..records import HAPPENED, ActorRef, Event

# a date this coarse puts an event on the first day of its month or year: useless for daily series
COARSE_PRECISIONS: frozenset[str] = frozenset({"month", "year"})


def actor_key(actor: ActorRef | None) -> str | None:
    """The dyad key of an actor: its country (ISO-3), else, for an armed group or an IGO the
    actor dictionary knows, its canonical name. Other parties ("officials", "gunmen", a misread
    "explanation") are no side of a dyad."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    return (actor.name or actor.text).strip() or None if actor.named_group else None


@lru_cache(maxsize=1)
def _type_defaults() -> dict[str, tuple[float, int]]:
    """PLOVER type → (median Goldstein, most common quad class) over the CAMEO crosswalk."""
    scores: dict[str, list[float]] = defaultdict(list)
    quads: dict[str, list[int]] = defaultdict(list)
    for et in Crosswalk.load().rows.values():
        if et.goldstein is not None:
            scores[et.plover].append(et.goldstein)
        if et.quad_class is not None:
            quads[et.plover].append(et.quad_class)
    return {t: (statistics.median(scores[t]), statistics.mode(quads[t]) if quads[t] else 0)
            for t in scores}


def goldstein_of(event: Event) -> float | None:
    """The event's Goldstein score, or the median score of its PLOVER type when it has none."""
    if event.goldstein is not None:
        return event.goldstein
    default = _type_defaults().get(event.event_type)
    return default[0] if default else None


def is_hostile(event: Event) -> bool:
    """A conflictual event: negative Goldstein (or, without a score, a conflict quad class)."""
    if event.goldstein is not None:
        return event.goldstein < 0
    default = _type_defaults().get(event.event_type)
    return default is not None and default[1] >= 3


def happened(event: Event) -> bool:
    return event.status in HAPPENED


def parse_day(text: str | None) -> date | None:
    """``YYYY-MM-DD`` (or a longer ISO string) → date; None when absent or unreadable."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def event_day(event: Event) -> date | None:
    """The day an event is placed on for daily series: None when undated or dated coarser than a week."""
    if event.date_precision in COARSE_PRECISIONS:
        return None
    return parse_day(event.date)


def check_positive(name: str, value: float) -> None:
    if not value > 0:
        raise ConfigError(f"{name} must be positive, got {value}")
