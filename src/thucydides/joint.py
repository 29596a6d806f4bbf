"""A joint act told from its two sides is one event.

"Chile and Peru announced a trade pact" and, in another article, "the two countries mutually
agreed on a trade pact" report one act of both states: a joint statement, an agreement both
sign, talks both hold. Its dyad has no direction: one report names Chile first (Chile→Peru),
the other Peru (Peru→Chile), and the reports pick different verbs of verbal cooperation
(SUPPORT for "announced the resumption of ties", AGREE for "agreed"). Fusion keeps a report's
orientation and its type family, so the two stay apart; :func:`join_joint_acts` joins them.

A report tells a joint act when its two parties are one phrase ("the two countries", "both
sides" read as both states), or are coordinated ("Chile and Peru agreed"), or the sentence
says the act is mutual ("mutually", "jointly", "each other", "a joint statement"). Two such
events of the same day between the same two states, both of verbal cooperation (PLOVER's quad
class 1: agree, consult, support, concede), are one; an event dated only to a week ("earlier
this week") joins the one of them nearest its date. One-way acts never join this way: "Chile
accused Peru" and "Peru accused Chile" stay two events, and so do "Chile praised Peru" and
"Peru thanked Chile", as neither is told as an act of both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .fuse_cluster import QUAD, Cluster, day, other_mode
from .records import HAPPENED, Mention

VERBAL_COOPERATION = 1  # PLOVER quad class of agree, consult, support, concede
WEEK = 7  # a date of week precision may be any day of its week: up to 6 days either side
AFTER_TRIGGER = 40  # "agreed mutually on ...": how far after the trigger a cue may stand

_RECIPROCAL = re.compile(
    r"\b(?:mutual(?:ly)?|joint(?:ly)?|each other|one another|reciprocal(?:ly)?|"
    r"(?:both|the two) (?:sides|countries|nations|governments|states|"
    r"leaders|ministers|neighbou?rs|parties|capitals))\b", re.IGNORECASE)


def join_joint_acts(clusters: Sequence[Cluster]) -> list[Cluster]:
    """``clusters`` with the events of one joint act joined: the same two states in either
    order, verbal cooperation only, each told as an act of both, on the same day; an event
    dated only to a week ("earlier this week") joins the one of those nearest its date, within
    the week. Order is kept."""
    keys = {id(c): _joint_key(c) for c in clusters}
    days: dict[tuple[frozenset[str], int], Cluster] = {}
    gone: set[int] = set()
    for c in clusters:
        key = keys[id(c)]
        if key is None or key[2] != "day":
            continue
        into = days.setdefault(key[:2], c)
        if into is not c and not other_mode(c.modes, into.modes):
            _move(c, into, gone)
    for c in clusters:
        key = keys[id(c)]
        if key is not None and key[2] == "week":
            near = [(abs(d - key[1]), d) for dyad, d in days if dyad == key[0]]
            gap, d = min(near, default=(WEEK, 0))
            if gap < WEEK and not other_mode(c.modes, days[key[0], d].modes):
                _move(c, days[key[0], d], gone)
    return [c for c in clusters if id(c) not in gone]


def _move(c: Cluster, into: Cluster, gone: set[int]) -> None:
    for m in c.mentions:
        into.add(m)
    gone.add(id(c))


def _joint_key(c: Cluster) -> tuple[frozenset[str], int, str] | None:
    """(the two states, the day, "day" or "week") of an event of verbal cooperation told as
    an act of both; none for an event dated coarser than a week."""
    if not c.happened or c.date is None or any(QUAD[t] != VERBAL_COOPERATION for t in c.types):
        return None
    a, b = c.consensus("actor1"), c.consensus("actor2")
    if a is None or b is None or a == b or not any(joint_act(m) for m in c.mentions):
        return None
    if c.stated_days or c.all_days:
        return frozenset((a, b)), day(c.date), "day"
    if all(m.date_precision == "week" for m in c.mentions if m.date):
        return frozenset((a, b)), day(c.date), "week"
    return None


def joint_act(m: Mention) -> bool:
    """Whether ``m`` tells an act of both its parties ("Chile and Peru agreed", "the two
    countries agreed", "... agreed mutually"): a happened act of verbal cooperation between
    two states."""
    a, b = m.actor1, m.actor2
    if m.status not in HAPPENED or QUAD.get(m.type.plover) != VERBAL_COOPERATION:
        return False
    if a is None or b is None or a.country is None or b.country is None or (
            a.country == b.country):
        return False
    if (a.start, a.end) == (b.start, b.end):
        return True  # one phrase for both: "the two countries", "both governments"
    return _coordinated(m.sentence, a.text, b.text) or _reciprocal(m)


def _coordinated(sentence: str, a: str, b: str) -> bool:
    return _pair_pattern(a, b).search(sentence) is not None


@lru_cache(maxsize=512)
def _pair_pattern(a: str, b: str) -> re.Pattern[str]:
    """"A and B", "B and A", "A, B and ..." (either order)."""
    x, y = re.escape(a), re.escape(b)
    return re.compile(rf"(?:{x}\s*(?:,|and|&)\s*{y}|{y}\s*(?:,|and|&)\s*{x})(?!\w)")


def _reciprocal(m: Mention) -> bool:
    """A cue of mutuality before the trigger or just after it ("mutually agreed", "agreed to
    restore ties with each other")."""
    end = m.trigger_offset() + len(m.trigger) + AFTER_TRIGGER
    return _RECIPROCAL.search(m.sentence, 0, max(end, 0)) is not None
