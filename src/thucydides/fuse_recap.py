"""Fusion of recaps: reports that name an event told elsewhere, with no day of their own.

"The raids drew condemnation from Kenya, prompting the recall of its ambassador"
(:mod:`thucydides.recap`) names a recall the corpus dates elsewhere; :func:`recap_fit` says
how well such a report fits an event, so that fusion joins it to the event it names (its article
becomes a source of that event) and never dates an event by it.
"""

from __future__ import annotations

from .fuse_cluster import LOCATED, WEAK, Cluster, armed_group, country, evidence
from .records import Mention


def recap_fit(m: Mention, c: Cluster) -> float:
    """How well a recap (:mod:`thucydides.recap`: "prompting the recall of its envoy") fits
    event ``c`` (0: not at all). It has no day of its own: it names an event of its type that
    the corpus dates on or before its article's date, with no party or place against it. A
    physical act is known by its place: the same province or named place as the event's. Any
    other act, told in another article, needs its agent (or, with none, its target) in
    common; in its own article, no contradiction is enough."""
    if m.type.plover not in c.types or c.date is None or (
            m.published is not None and c.date > m.published[:10]):
        return 0.0
    located = m.type.plover in LOCATED
    agreed = 0
    for attr in ("actor1", "actor2", "location"):
        mine, theirs = country(getattr(m, attr)), c.consensus(attr)
        if not (mine and theirs) or (attr == "location" and not located):
            continue
        if mine != theirs:
            return 0.0
        agreed += 1
    if (armed_group(m.actor1) and c.consensus("actor1")) or (
            c.has_armed_group_agent and country(m.actor1)):
        return 0.0
    told = sum(c.stated_days.values()) + WEAK * sum(c.all_days.values())
    if located:
        spot = evidence(m, c) if _provincial(m) else 0.0
        return 0.5 + spot + 0.3 * min(1.0, told / 5) if spot else 0.0
    if m.doc_id in c.docs:
        return 0.9 + WEAK * agreed
    if not agreed or not (country(m.actor1) or country(m.actor2)):
        return 0.0
    return 0.5 + 0.3 * min(1.0, told / 5) + WEAK * agreed


def _provincial(m: Mention) -> bool:
    """Whether a report is placed below country level (a province or a named place)."""
    return m.location is not None and bool(m.location.admin1) and m.location.precision not in (
        None, "country")
