"""Which fused events enter the record (:func:`admissible`); the rest stay mentions in the store."""

from __future__ import annotations

from .fuse_cluster import VERBAL
from .recap import only_recaps
from .records import ActorRef, Event


def admissible(e: Event, *, need_date: bool = True) -> bool:
    """Whether an event enters the record (the rest stay mentions in the store, with their
    evidence). On a timeline (``need_date``) an event needs a when: a report with no date, in
    an article with none, that no
    dated report of the same event joins, cannot be placed on a timeline, and one dated only to
    a year is background history, not part of the record of a crisis. A statement, request,
    accusation or agreement is an event between parties only when its speaker is known (a
    state, a state body, a leader, an armed group or an IGO); "villagers asked", "officials
    urged" are not. On a timeline, too, an event with no party and no place ("one was
    arrested") says nothing that places it in the crisis, and a state's attack placed only at
    its own country ("India strikes back", "the raids, which Delhi named ...") has its
    agent's name read as a place: the articles tell that attack elsewhere with its real place.
    A single text read alone (no timeline) keeps them: it is all there is."""
    if only_recaps(e.mention_ids):
        return False  # an act named as known ("prompting the recall of its envoy") that no
        # report of the corpus tells: no event of its own
    if need_date and (e.date is None or e.date_precision == "year" or _unplaced(e)
                      or _placed_at_home(e)):
        return False
    if e.event_type not in VERBAL:
        return True
    return _resolved(e.actor1)


def _unplaced(e: Event) -> bool:
    return e.actor1 is None and e.actor2 is None and e.location is None


def _placed_at_home(e: Event) -> bool:
    a, loc = e.actor1, e.location
    return (e.event_type == "assault" and a is not None and a.kind == "state"
            and loc is not None and loc.precision == "country" and loc.country == a.country)


def _resolved(a: ActorRef | None) -> bool:
    return a is not None and (a.country is not None or a.kind in ("armed_group", "igo"))
