"""Second pass of fusion: join events that greedy clustering left apart.

Greedy clustering takes reports one by one, so the first report of a retelling can start an
event of its own: an article published the day after a strike, telling it without a date, forms
an event on its publication day, and its later reports follow it there. This pass compares whole
events (their consensus, never one odd report, so agreement is not carried along a chain) and
repeatedly merges the best-agreeing pair:

- same "happened or not" class and type family, both dated;
- the same day within the window, or a retelling: an event dated only by its articles, up to
  ``RETELL_DAYS`` after an event with a stated day;
- no contradiction: one way of meeting (a telephone call is never a visit), the same agent, the
  same place for a located act (a visit among them), the same target for two statements (a
  state or a named body with no country: the UN, NATO, a named group), a state's act never with
  an armed group's, two named armed groups never unless one is common to both;
- enough evidence: the agent and place countries agree, and a retelling also shares something
  specific (a province, a casualty figure, a named party or place).
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Sequence

from .fuse_cluster import (
    VERBAL,
    Cluster,
    day,
    other_mode,
    other_party,
    placed,
    same_trigger,
    specific,
)

RETELL_DAYS = 31  # how long after an event an article may retell it as news of its own day
MIN_SCORE = 2.0  # agreement needed to merge two events within the date window
MIN_RETELL_SPECIFIC = 1.5  # specific evidence a retelling needs on top


def merge_clusters(clusters: Sequence[Cluster], window: int) -> list[Cluster]:
    """``clusters`` with every pair that :func:`affinity` accepts merged, best pairs first.

    Only dated events of one type family and one status class, at most ``RETELL_DAYS`` apart,
    are compared (sorted by day, so the first round costs little more than the candidates)."""
    live: dict[int, Cluster] = {i: c for i, c in enumerate(clusters) if c.date is not None}
    rest = [c for c in clusters if c.date is None]
    buckets: dict[str, set[int]] = {}
    for i, c in live.items():
        for key in _keys(c):
            buckets.setdefault(key, set()).add(i)
    heap: list[tuple[float, int, int]] = []
    for members in buckets.values():
        _first_round(heap, live, sorted(members, key=lambda k: _ordinal(live[k])), window)
    while heap:
        _, i, j = heapq.heappop(heap)
        if i not in live or j not in live:
            continue  # a stale pair: one side was merged since
        merged = live.pop(i)
        for m in live.pop(j).mentions:
            merged.add(m)
        new = max(live, default=max(i, j)) + 1  # a new id: its old pairs are now stale
        live[new] = merged
        for key in _keys(merged):
            members = buckets.setdefault(key, set())
            members -= {i, j}
            for k in members:
                if abs(_ordinal(live[k]) - _ordinal(merged)) <= RETELL_DAYS:
                    _push(heap, live, k, new, window)
            members.add(new)
    return [*rest, *(live[k] for k in sorted(live))]


def _keys(c: Cluster) -> list[str]:
    status = "happened" if c.happened else c.status
    return [f"{status}:{family}" for family in sorted(c.families)]


def _ordinal(c: Cluster) -> int:
    assert c.date is not None
    return day(c.date)


def _first_round(heap: list[tuple[float, int, int]], live: dict[int, Cluster],
                 members: list[int], window: int) -> None:
    days = [_ordinal(live[k]) for k in members]
    for pos, i in enumerate(members):
        for j in members[pos + 1:bisect_right(days, days[pos] + RETELL_DAYS)]:
            _push(heap, live, i, j, window)


def _push(heap: list[tuple[float, int, int]], live: dict[int, Cluster], i: int, j: int,
          window: int) -> None:
    score = affinity(live[i], live[j], window)
    if score > 0:
        heapq.heappush(heap, (-score, min(i, j), max(i, j)))


def affinity(a: Cluster, b: Cluster, window: int) -> float:
    """0 when ``a`` and ``b`` cannot be one event, else how strongly their consensus agrees."""
    if a.happened != b.happened or (not a.happened and a.status != b.status):
        return 0.0
    if not (a.families & b.families) or a.date is None or b.date is None:
        return 0.0
    gap = abs(day(a.date) - day(b.date))
    retell = gap > window
    if retell and not _retells(a, b):
        return 0.0
    if any(same_trigger(m, b) for m in a.mentions):
        return 0.0  # one trigger's pairs of parties
    if other_mode(a.modes, b.modes):
        return 0.0  # a telephone call and a visit
    if a.has_armed_group_agent != b.has_armed_group_agent or _other_groups(a, b):
        return 0.0
    agreement = _agreement(a, b)
    if agreement is None or (a.admin1 and b.admin1 and a.admin1 != b.admin1):
        return 0.0
    extra = specific(a.admin1 is not None and a.admin1 == b.admin1, a.figures, b.figures,
                     a.names, b.names)
    if agreement < MIN_SCORE or (retell and extra < MIN_RETELL_SPECIFIC):
        return 0.0
    return agreement + extra - 0.1 * gap


def _agreement(a: Cluster, b: Cluster) -> float | None:
    """Countries in agreement (agent and place count 1, target 0.5); None on a contradiction
    (for two events of statements, also targets that are different named bodies)."""
    located = placed(a.types | b.types, a.modes | b.modes)
    statements = a.types <= VERBAL and b.types <= VERBAL  # one agent's statements to two parties
    score = 0.0
    for attr, weight in (("location", 1.0), ("actor1", 1.0), ("actor2", 0.5)):
        x, y = a.consensus(attr), b.consensus(attr)
        if x and y and x != y:
            if attr == "actor1" or (attr == "location" and located) or (
                    attr == "actor2" and statements):
                return None
            continue
        score += weight if x and x == y else 0.0
    if statements and other_party(a.target, b) and other_party(b.target, a):
        return None  # statements to a state and to a named body with no country
    if a.has_armed_group_agent:
        score += 1.0  # the same kind of agent: non-state on both sides
    return score




def _other_groups(a: Cluster, b: Cluster) -> bool:
    """Whether both events name their armed-group agents and no group is common to both."""
    mine, theirs = _groups(a), _groups(b)
    return bool(mine) and bool(theirs) and not mine & theirs


def _groups(c: Cluster) -> set[str]:
    return {m.actor1.actor_id or "" for m in c.mentions
            if m.actor1 is not None and m.actor1.named_group}


def _retells(a: Cluster, b: Cluster) -> bool:
    """Whether the later of two events, dated only by its articles, may retell the earlier,
    which has a stated day."""
    assert a.date is not None and b.date is not None
    early, late = (a, b) if a.date <= b.date else (b, a)
    return bool(early.stated_days) and not late.stated_days
