"""Fusion: merge the mentions that report one real event into one Event, keeping every source.

Two mentions may report the same event when their statuses agree on "happened or not", their
PLOVER types share a family, their dates are at most ``window`` days apart (or one retells the
other, up to a year before its article), their location countries agree (or one is unknown)
and their actors' countries do not contradict each other. Clustering is greedy, reports that
pin a day first, and compares a mention with the cluster's *consensus* fields, so one odd
mention cannot chain two unrelated events together; among compatible clusters the one sharing
the most specific evidence wins (a province, a casualty figure, a named party:
:func:`thucydides.fuse_cluster.evidence`), as a country in common is weak evidence, and a
report that states no day prefers the event its own article dates. A telephone call is never
a visit, a visit is where it happened, and a statement to a named body with no country (the UN,
a named group) is not one to a state (:mod:`thucydides.fuse_cluster`: ``other_mode``,
``placed``, ``other_addressee``). A second pass (:mod:`thucydides.fuse_merge`) joins whole
events the greedy pass left apart. A meeting told from its two sides on one day ("X arrived in
Y", "Y's minister received X") is one event (:func:`other_side`), and a rebuttal joins its
speaker's accusation of that day in its article (:mod:`thucydides.fuse_rebut`). A recap
("prompting the recall of its envoy", :mod:`thucydides.recap`) has no day of its own: it joins
the event of its type, dated on or before its article, that it names (:func:`recap_fit`), and
is no event alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from .fuse_cluster import (
    FAMILY,
    LOCATED,
    QUAD,
    WEAK,
    Cluster,
    armed_group,
    country,
    day,
    evidence,
    figures,
    labels,
    modes,
    names,
    other_addressee,
    other_mode,
    placed,
    same_admin1,
    same_group,
    same_trigger,
    shared_figure,
)
from .fuse_merge import merge_clusters
from .fuse_rebut import adopt_rebuttals
from .fuse_recap import recap_fit
from .joint import join_joint_acts
from .recap import is_recap, only_recaps
from .reconcile import build_event
from .records import (
    ANTECEDENT_RULE,
    HAPPENED,
    PREVIOUS_RULE,
    REPORT_DATE_RULE,
    STATED_DATE_RULES,
    Event,
    Evidence,
    Mention,
)

__all__ = ["FAMILY", "QUAD", "Cluster", "adopt_undated", "adopt_unplaced",
           "compatibility", "fuse", "recap_fit"]

# What an article's own dated telling adds for its reports that state no day: "Iraq recalled its
# ambassador over the attack" in an article that dates the strike tells that strike, not one on
# the article's day that another article's misdated report started.
OWN_STORY = 2.0
MEET = "consult"  # a meeting, visit or talks: one act of both its parties
SPAN = {"week": 7, "month": 31, "year": 366}  # days a coarse date may be off the event's day


def fuse(mentions: Sequence[Mention], *, window: int = 1,
         year_hints: Mapping[str, int] | None = None) -> list[Event]:
    """Cluster ``mentions`` into events (deterministic: same input, same events and ids).

    ``year_hints`` gives undated articles the year they most likely report on: their reports
    with no date join other articles' events of that year (or the year before) only."""
    hints = year_hints or {}
    order = sorted(mentions, key=_arrival)
    clusters: list[Cluster] = []
    by_family: dict[str, list[Cluster]] = {}
    for m in order:
        family = by_family.setdefault(_bucket(m), [])
        best = _best_cluster(m, family, window, hints.get(m.doc_id))
        if best is None:
            best = Cluster.of(m)
            clusters.append(best)
            family.append(best)
        else:
            best.add(m)
    clusters = adopt_unplaced(merge_clusters(adopt_undated(clusters, hints), window))
    clusters = join_joint_acts(adopt_rebuttals(clusters))
    events = [build_event(_event_id(c.mentions), c.mentions) for c in clusters]
    return sorted(events, key=_doc_order)


def _arrival(m: Mention) -> tuple[bool, bool, str, str, int, int]:
    """Reports that pin an event to a day come first, so an event forms around them: a stated
    day, then a day from the article's date; "last week", "in January" and no date at all only
    join what the precise reports formed."""
    coarse = m.date is not None and m.date_precision != "day"
    return (coarse, m.date_rule not in STATED_DATE_RULES, m.date or "9999", m.doc_id,
            m.sentence_index, m.trigger_start)


def _best_cluster(m: Mention, clusters: list[Cluster], window: int,
                  year: int | None = None) -> Cluster | None:
    best: tuple[float, Cluster] | None = None
    named, counted = names(m), figures(m)
    for c in reversed(clusters[-200:]):
        score = compatibility(m, c, window, year)
        if score > 0:
            score += evidence(m, c, named, counted) + OWN_STORY * _own_story(m, c)
        if score > 0 and (best is None or score > best[0]):
            best = (score, c)
    return best[1] if best else None


def compatibility(m: Mention, c: Cluster, window: int, year: int | None = None) -> float:
    """0 when ``m`` cannot belong to ``c``; otherwise higher is a better fit. ``year``: the
    year hint of an undated article."""
    if (m.status in HAPPENED) != c.happened or (not c.happened and m.status != c.status):
        return 0.0
    if FAMILY[m.type.plover] not in c.families:
        return 0.0
    cdate = c.date
    if is_recap(m.mention_id):
        return recap_fit(m, c)
    if cdate is None and only_recaps(x.mention_id for x in c.mentions):
        return 0.0  # a recap that named no event is none for a report to join
    if same_trigger(m, c):
        return 0.0  # one trigger's several pairs of parties: kept apart on purpose (coalesce)
    if other_mode(modes(m), c.modes):
        return 0.0  # a telephone call is not a visit
    if m.date is None or cdate is None:
        return _undated_fit(m, c, year)
    gap = abs(day(m.date) - day(cdate))
    if m.date_precision in SPAN and c.stated_days:
        # "last week", "in January": any day of that period, on strong agreement only
        return _undated_fit(m, c) if gap <= SPAN[m.date_precision] else 0.0
    if gap > window:
        # a report dated only by its article (or the sentence before) may retell an event
        return _undated_fit(m, c) if _retelling(m, c, cdate, gap) else 0.0
    if gap and _told_apart(m, c):
        return 0.0
    score = 1.0 + WEAK * (window - gap)
    agreed = turned = gap == 0 and other_side(m, c)
    for attr in ("location", "actor1", "actor2"):
        mine, theirs = country(getattr(m, attr)), c.consensus(attr)
        if turned and attr != "location":
            continue
        if mine and theirs:
            if mine != theirs and not (attr == "actor2" and _same_story(m, c, gap)) and not (
                    attr == "location" and not placed({m.type.plover}, modes(m) | c.modes)):
                return 0.0
            agreed |= mine == theirs
            score += WEAK if mine == theirs else 0.0
    if other_addressee(m, c) and not _same_story(m, c, gap):
        return 0.0  # a statement to the UN is not one to a state, nor to another body
    if not agreed and m.doc_id not in c.docs and not shared_figure(m, c) \
            and not labels(m) & c.labels:
        return 0.0  # two articles' reports merge on shared evidence, never on silence alone
    if (armed_group(m.actor1) and c.consensus("actor1")) or (
            c.has_armed_group_agent and country(m.actor1)):
        return 0.0  # a state's strike and a non-state attack on the same day are two events
    if m.type.plover in c.types:
        score += WEAK
    return score


def adopt_undated(clusters: list[Cluster], hints: Mapping[str, int]) -> list[Cluster]:
    """Fold each undated event of one article into the one dated event that agrees with it on
    type, location country and agent: a report's first undated sentence (a headline with no
    place) must not keep the rest of its article apart from the event it tells."""
    dated = [c for c in clusters if c.date is not None and c.stated_days]
    out: list[Cluster] = []
    for c in clusters:
        if c.date is not None or len(c.docs) != 1 or only_recaps(m.mention_id for m in c.mentions):
            out.append(c)  # a recap that fitted no event (``recap_fit``) names none
            continue
        year = hints.get(next(iter(c.docs)))
        fits = [(s, d) for d in dated if (s := _cluster_fit(c, d, year)) > 0]
        fits.sort(key=lambda x: -x[0])
        if not fits or (len(fits) > 1 and fits[1][0] == fits[0][0]):
            out.append(c)
            continue
        for m in c.mentions:
            fits[0][1].add(m)
    return out


def _cluster_fit(c: Cluster, d: Cluster, year: int | None) -> float:
    """How well undated cluster ``c`` fits dated cluster ``d`` (0: not at all)."""
    if c.happened != d.happened or not (c.families & d.families) or not (c.types & d.types):
        return 0.0
    if other_mode(c.modes, d.modes):
        return 0.0
    if year is not None and d.date is not None and int(d.date[:4]) not in (year - 1, year):
        return 0.0
    if c.has_armed_group_agent and not any(
            armed_group(m.actor1) and same_group(m, d) for m in c.mentions):
        return 0.0
    if c.docs <= d.docs and _no_clash(c, d):
        # the rest of its article went to ``d``: a headline with no place follows its story
        return 1.0 + sum(d.stated_days.values())
    loc, agent = c.consensus("location"), c.consensus("actor1")
    if not loc or loc != d.consensus("location"):
        return 0.0
    if agent != d.consensus("actor1") or c.has_armed_group_agent != d.has_armed_group_agent:
        return 0.0
    if c.admin1 and d.admin1 and c.admin1 != d.admin1:
        return 0.0  # most reports of each place it in a different province
    if not (c.names & d.names) and not any(shared_figure(m, d) for m in c.mentions):
        return 0.0  # a country in common is not enough: a named party, place or figure is
    return sum(d.stated_days.values()) + len(c.names & d.names)


def adopt_unplaced(clusters: list[Cluster]) -> list[Cluster]:
    """Fold each event that names no party and no place but is told as the known event another
    is dated from ("the clash came a day after the ambassadors returned to their posts", with no
    country) into the one event of its type, day and "happened or not" class that does: alone
    it cannot enter a timeline, and an event the writer takes as known is one the record tells
    (:func:`_referred`). A bare report of its own ("a recall was announced") stays apart."""
    placed = [c for c in clusters if c.stated_days and not _bare(c)]
    out: list[Cluster] = []
    for c in clusters:
        fits = [d for d in placed if d.date == c.date and d.happened == c.happened
                and (c.happened or d.status == c.status)
                and c.types & d.types] if _bare(c) and _referred(c) else []
        if len(fits) != 1:
            out.append(c)
            continue
        for m in c.mentions:
            fits[0].add(m)
    return out


def _referred(c: Cluster) -> bool:
    """Whether an event has a day, some report dates it as the event another is dated from
    (the "antecedent" rule), and all its reports come from published (dated) articles: a
    timeline's (undated texts read alone keep their events with no party or place)."""
    return c.date is not None and all(m.published for m in c.mentions) and any(
        m.date_rule == ANTECEDENT_RULE for m in c.mentions)


def _bare(c: Cluster) -> bool:
    """Whether an event has no party and no place (nor an armed group as its agent)."""
    return not c.has_armed_group_agent and not any(
        c.consensus(attr) for attr in ("location", "actor1", "actor2"))


def _no_clash(c: Cluster, d: Cluster) -> bool:
    """Whether two events agree on place and agent wherever both say one, and on the kind of
    agent (a state or an armed group)."""
    return c.has_armed_group_agent == d.has_armed_group_agent and all(
        not (x and y and x != y) for x, y in
        ((c.consensus(attr), d.consensus(attr)) for attr in ("location", "actor1")))


def _same_story(m: Mention, c: Cluster, gap: int) -> bool:
    """Within one article, one agent's action of one type on one day is one event, even when a
    headline or a side clause names another target; a physical act's report with no agent names
    the victims of its article's act, whatever their nationality (not so a statement's: "X
    was summoned in reply" is another party's act). (Not another place: "the strike came a day
    after Iran's attacks in Iraq" tells another strike, in another country.)"""
    agent = country(m.actor1)
    if m.doc_id not in c.docs or m.type.plover not in c.types:
        return False
    if agent is None and not armed_group(m.actor1) and m.type.plover in LOCATED:
        # "two other Filipinos were injured in the attack": its victims, unless placed elsewhere
        return not (m.location is not None and m.location.admin1 and c.admin1
                    and m.location.admin1 != c.admin1)
    return gap == 0 and agent is not None and agent == c.consensus("actor1")


def _told_apart(m: Mention, c: Cluster) -> bool:
    """One article stating two different days and two different places for two of its reports
    tells two events (the arrival in the capital on Monday, the next city on Tuesday)."""
    return m.date_rule in STATED_DATE_RULES and m.date_precision == "day" and _place(m) is not None \
        and any(o.doc_id == m.doc_id and o.date_rule in STATED_DATE_RULES and o.date_precision == "day"
                and o.date != m.date and _place(o) not in (None, _place(m)) for o in c.mentions)


def _place(m: Mention) -> tuple[float, float] | None:
    loc = m.location
    return None if loc is None or loc.lat is None or loc.lon is None else (loc.lat, loc.lon)


def other_side(m: Mention, c: Cluster) -> bool:
    """Whether ``m`` tells meeting ``c`` from its other side: a visit is told by the guest
    ("the president arrived in Nairobi", guest→host) and by the host ("the governor received the
    president", host→guest); talks, too, are one meeting whoever a report names first. Both
    meetings must be of one type and their parties' countries the same ones, swapped."""
    if m.type.plover != MEET or MEET not in c.types:
        return False
    a, b = country(m.actor1), country(m.actor2)
    return a is not None and b is not None and a != b and (
        a == c.consensus("actor2") and b == c.consensus("actor1"))


def _bucket(m: Mention) -> str:
    """Only mentions of one type family and one "happened or not" class can fuse."""
    return FAMILY[m.type.plover] + ":" + ("happened" if m.status in HAPPENED else m.status)


def _undated_fit(m: Mention, c: Cluster, year: int | None = None) -> float:
    """An undated report joins an event of its own article when nothing contradicts; an event
    of another article only on strong agreement: the same type, location country and agent
    (the same state, or no state and the same admin1 or casualty figure). A meeting its own
    article tells from the other side (:func:`other_side`) is no contradiction."""
    loc, cloc = country(m.location), c.consensus("location")
    agent, cagent = country(m.actor1), c.consensus("actor1")
    turned = m.doc_id in c.docs and other_side(m, c)
    if (loc and cloc and loc != cloc) or (agent and cagent and agent != cagent and not turned):
        return 0.0
    if (armed_group(m.actor1) and cagent) or (c.has_armed_group_agent and agent):
        return 0.0
    if m.doc_id in c.docs:
        return 0.9
    if m.type.plover not in c.types or not loc or loc != cloc or not c.stated_days:
        return 0.0
    if year is not None and c.date is not None and int(c.date[:4]) not in (year - 1, year):
        return 0.0  # an undated article reports on its own time, not an event years before
    if armed_group(m.actor1) and not same_group(m, c):
        return 0.0  # one armed group's attack is not another's
    support = 0.5 + 0.3 * min(1.0, sum(c.stated_days.values()) / 5)
    if agent and agent == cagent:
        return support
    if not agent and not cagent and (same_admin1(m, c) or shared_figure(m, c)):
        return support
    return 0.0


def _retelling(m: Mention, c: Cluster, cdate: str, gap: int) -> bool:
    """Whether ``m``, ``gap`` days off event ``c`` of ``cdate``, may tell it all the same: a
    report dated only by its article may retell an event of the last year; one that took its day
    from the sentence before ("Tehran reciprocated ...", after a sentence dating the first
    strike) may also tell an event of the following week, and so may one dated by its article
    when the same article states that later day for the event: what an article tells as done
    cannot come after it, so the article's date is wrong (inferred, or a wire's first date)."""
    if m.date_rule in STATED_DATE_RULES or m.date is None:
        return False
    if cdate <= m.date:
        return gap <= SPAN["year"]
    return gap <= SPAN["week"] and (m.date_rule == PREVIOUS_RULE or (
        m.date_rule == REPORT_DATE_RULE and m.doc_id in c.stated_docs))


def _own_story(m: Mention, c: Cluster) -> bool:
    """Whether ``m`` states no day, its own article dates event ``c`` in another report, and
    ``m`` names the event's agent or place country (a report with neither, "two children were
    killed", may belong to any event of its article)."""
    if m.date_rule in STATED_DATE_RULES or m.doc_id not in c.stated_docs:
        return False
    return any((mine := country(getattr(m, attr))) is not None and mine == c.consensus(attr)
               for attr in ("location", "actor1"))


def _event_id(ms: Sequence[Mention]) -> str:
    first = min(m.mention_id for m in ms)
    return "ev-" + hashlib.sha1(first.encode()).hexdigest()[:16]


def _doc_order(e: Event) -> tuple[str, int]:
    src: Evidence = e.sources[0]
    return (src.doc_id, src.start)

