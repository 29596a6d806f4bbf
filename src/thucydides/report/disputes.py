"""Where the sources of one event disagree, and how the brief states both sides.

A dispute is a field of one event whose claims (``Event.claims``) give different values:
- killed / injured: two or more different figures for the event itself (running totals aside);
- date: a source dates the event two days or more away from the record's date (a day's gap is
  what a report dated by its publication day gives, not a disagreement);
- actor1 / actor2: sources name parties of different countries (or different named armed groups)
  as the perpetrator or the target. Bare roles ("officials", "militants") never make a dispute.

Each side of a dispute keeps its claims, so the sentence that states it cites every source of
every side and names who said what.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from ..consensus import CONSENSUS_RULES, own_figure
from ..records import HAPPENED, STATED_DATE_RULES, ActorRef, Claim, Count, DateRef, Event
from .model import Citations, Clause, Line
from .text import capital, date_label, figure_clause, interval, names_text, speaker

FIGURE_FIELDS = ("killed", "injured")
FIELD_LABELS = {"killed": "Deaths", "injured": "Injuries", "date": "Date",
                "actor1": "Perpetrator", "actor2": "Target"}
_MIN_DATE_GAP = 2


@dataclass(frozen=True, slots=True)
class Side:
    content: str  # what this side says, as a that-clause: "2 were killed"
    claims: tuple[Claim, ...]
    low: int | None = None  # the figure, for killed / injured
    high: int | None = None
    key: str | None = None  # the day (date) or party (actor1/actor2) this side gives


@dataclass(frozen=True, slots=True)
class Dispute:
    field: str
    sides: tuple[Side, ...]


def figure_sides(e: Event, kind: str) -> list[Side]:
    """The event's own figures of ``kind`` (running totals aside), one side per value."""
    groups: dict[tuple[int | None, int | None], list[Claim]] = {}
    for c in e.claims:
        if c.field != kind or not own_figure(c):
            continue
        span = interval(c.value)
        if span is not None:
            groups.setdefault(span, []).append(c)
    ordered = sorted(groups.items(), key=lambda kv: (_num(kv[0][0]), _num(kv[0][1])))
    return [Side(figure_clause(lo, hi, kind), tuple(cs), lo, hi) for (lo, hi), cs in ordered]


def _num(v: int | None) -> int:
    return -1 if v is None else v


def _day(value: object) -> datetime.date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def date_sides(e: Event) -> list[Side]:
    """The days sources give for the event, when they differ. Where claims carry their resolved
    date (``Claim.ref``), only dates the text states count; older records fall back to dates two
    days or more from the record's date (a day's gap is what dating by the report gives)."""
    claims = [c for c in e.claims if c.field == "date" and _day(c.value) is not None]
    if any(isinstance(c.ref, DateRef) for c in claims):
        kept = [c for c in claims if isinstance(c.ref, DateRef) and c.ref.precision == "day"
                and c.ref.rule in STATED_DATE_RULES]
    else:
        anchor = _day(e.date) if e.date_precision in (None, "day") else None
        kept = [] if anchor is None else [
            c for c in claims if (d := _day(c.value)) is not None
            and (d == anchor or abs((d - anchor).days) >= _MIN_DATE_GAP)]
    groups: dict[str, list[Claim]] = {}
    for c in kept:
        groups.setdefault(cast(datetime.date, _day(c.value)).isoformat(), []).append(c)
    groups = _own_sentences(groups)
    if len(groups) < 2:
        return []
    return [Side(f"it happened on {date_label(d, 'day')}", tuple(cs), key=d)
            for d, cs in sorted(groups.items())]


def known_parties(events: Sequence[Event]) -> dict[str, str]:
    """Actor name → the party it stands for (its country, or its own name for a stateless
    armed group or IGO), from every resolved actor of the record."""
    out: dict[str, str] = {}
    for e in events:
        for a in (e.actor1, e.actor2):
            if a is not None and (a.country or a.named_group):
                out.setdefault(a.name or a.text, a.country or (a.name or a.text))
    return out


def party_of(c: Claim, parties: Mapping[str, str]) -> str | None:
    """The party a claim of actor1/actor2 names: from its resolved actor (``Claim.ref``), else
    from the record's resolved actors of that name."""
    if isinstance(c.ref, ActorRef):
        return c.ref.country or ((c.ref.name or c.ref.text) if c.ref.named_group else None)
    return parties.get(c.value) if isinstance(c.value, str) else None


def actor_sides(e: Event, fld: str, parties: Mapping[str, str]) -> list[Side]:
    """Sides naming parties that differ as the perpetrator (actor1) or target (actor2)."""
    groups: dict[str, list[Claim]] = {}
    names: dict[str, str] = {}
    for c in e.claims:
        party = party_of(c, parties) if c.field == fld else None
        if party is not None:
            groups.setdefault(party, []).append(c)
            names.setdefault(party, c.value)
    groups = _own_sentences(groups)
    if len(groups) < 2:
        return []
    verb = "it was carried out by" if fld == "actor1" else "it was directed at"
    return [Side(f"{verb} {names[p]}", tuple(cs), key=p) for p, cs in groups.items()]


def _own_sentences(groups: dict[str, list[Claim]]) -> dict[str, list[Claim]]:
    """Drop the claims read in a sentence that also gives another side: one sentence naming two
    parties (``struck only militants, not Pakistan``) or two days (``said on Wednesday that
    Tuesday's attack``) is not two sources disagreeing."""
    seen: dict[tuple[str, int], set[str]] = {}
    for key, claims in groups.items():
        for c in claims:
            seen.setdefault((c.evidence.doc_id, c.evidence.start), set()).add(key)
    kept = {key: [c for c in claims if len(seen[(c.evidence.doc_id, c.evidence.start)]) == 1]
            for key, claims in groups.items()}
    return {key: claims for key, claims in kept.items() if claims}


def disputes(e: Event, parties: Mapping[str, str], *,
             fields: Sequence[str] = ("killed", "injured", "date", "actor1", "actor2")
             ) -> list[Dispute]:
    """Every disputed field of ``e``, in the order of ``fields``."""
    out: list[Dispute] = []
    for fld in fields:
        if fld in FIGURE_FIELDS:
            sides = figure_sides(e, fld)
        elif fld == "date":
            sides = date_sides(e)
        else:
            sides = actor_sides(e, fld, parties)
        if len(sides) >= 2:
            out.append(Dispute(fld, tuple(sides)))
    return out


def speakers(claims: Sequence[Claim], cites: Citations) -> tuple[list[str], bool]:
    """Who made these claims (claimant, else the outlet), and whether any claimant is named."""
    names: list[str] = []
    named = False
    for c in claims:
        who = speaker(c.evidence.claimant) if c.evidence.claimant else cites.outlet(c.evidence)
        named = named or c.evidence.claimant is not None
        if who.lower() not in {n.lower() for n in names}:
            names.append(who)
    return names, named


def _first_published(side: Side, cites: Citations) -> str:
    return min((cites.published(c.evidence) or "9999" for c in side.claims), default="9999")


def dispute_line(d: Dispute, cites: Citations, lead: str | None = None) -> Line:
    """``Pakistan said 2 were killed [3]; Iranian officials said 9 were killed [5].``

    Each side names its sources and when they published, if the sides published on different
    days (a toll that rose is told apart from one that was contested)."""
    days = {_first_published(s, cites) for s in d.sides}
    clauses: list[Clause] = []
    for i, side in enumerate(d.sides):
        names, named = speakers(side.claims, cites)
        verb = "said" if named else "reported"
        when = _first_published(side, cites)
        on = f" on {date_label(when, 'day')}" if len(days) > 1 and when != "9999" else ""
        text = f"{names_text(names)} {verb}{on} that {side.content}"
        if i == 0:
            text = capital(text) if lead is None else f"{lead}: {text}"
        clauses.append(Clause(text, cites.cite_all(c.evidence for c in side.claims)))
    return Line(tuple(clauses))


def chosen_side(e: Event, d: Dispute, parties: Mapping[str, str]) -> Side | None:
    """The side whose value the record keeps (``Event.consensus``, else the event's field)."""
    chosen = e.consensus.get(d.field)
    value = chosen.value if chosen is not None else getattr(e, d.field, None)
    for side in d.sides:
        if d.field in FIGURE_FIELDS and isinstance(value, Count):
            if value.best is not None and side.low == side.high == value.best:
                return side
        elif d.field == "date" and value is not None:
            if side.key == (value if isinstance(value, str) else e.date):
                return side
        elif isinstance(value, ActorRef):
            party = value.country or (value.name or value.text)
            if side.key == party or side.key == parties.get(value.name or value.text):
                return side
    return None


def kept_clause(e: Event, d: Dispute, cites: Citations, parties: Mapping[str, str]
                ) -> Clause | None:
    """``the record keeps 84: an official figure published later supersedes earlier figures``."""
    side = chosen_side(e, d, parties)
    if side is None:
        return None
    chosen = e.consensus.get(d.field)
    why = CONSENSUS_RULES.get(chosen.rule, chosen.rule) if chosen is not None else None
    text = f"the record keeps the account that {side.content}" + (f" ({why})" if why else "")
    return Clause(text, cites.cite_all(c.evidence for c in side.claims))


def denial_pairs(events: Sequence[Event]) -> list[tuple[Event, Event | None]]:
    """Each denied event with the reported event it most likely denies (None when none fits):
    the same type, two days apart or less, and a shared country or source document."""
    candidates = [e for e in events if e.status in HAPPENED]
    out: list[tuple[Event, Event | None]] = []
    for d in (e for e in events if e.status == "denied"):
        scored = [(s, c) for c in candidates if (s := _denial_fit(d, c)) > 0]
        out.append((d, max(scored, key=lambda sc: sc[0])[1] if scored else None))
    return out


def _denial_fit(d: Event, c: Event) -> float:
    """How well a reported event ``c`` fits what denial ``d`` denies: the same agent's country
    (1.5) and target's country (1), other shared countries (0.5 each) and source documents (1
    each), less half a point a day apart (a point when a date is coarser than a day); 0 when
    the two cannot be the same event."""
    if d.event_type != c.event_type:
        return 0.0
    gap = _gap_days(d.date if d.date_precision in (None, "day") else None,
                    c.date if c.date_precision in (None, "day") else None)
    if gap is not None and gap > _MIN_DATE_GAP:
        return 0.0
    shared_docs = len({s.doc_id for s in d.sources} & {s.doc_id for s in c.sources})
    (agent_d, target_d), (agent_c, target_c) = _roles(d), _roles(c)
    roles = 1.5 * (agent_d is not None and agent_d == agent_c) + 1.0 * (
        target_d is not None and target_d == target_c)
    others = len(_countries(d) & _countries(c) - {agent_d, target_d} & {agent_c, target_c})
    if not (shared_docs or roles or others):
        return 0.0
    score = roles + 0.5 * others + shared_docs - (0.5 * gap if gap is not None else 1.0)
    return max(score, 0.0)


def _roles(e: Event) -> tuple[str | None, str | None]:
    """The agent's country and the target's (actor2's, else the place's)."""
    target = e.actor2.country if e.actor2 is not None else None
    if target is None and e.location is not None:
        target = e.location.country
    return (e.actor1.country if e.actor1 is not None else None), target


def _countries(e: Event) -> set[str]:
    refs = (e.actor1, e.actor2, e.location)
    return {r.country for r in refs if r is not None and r.country}


def _gap_days(a: str | None, b: str | None) -> int | None:
    da, db = _day(a), _day(b)
    return None if da is None or db is None else abs((da - db).days)
