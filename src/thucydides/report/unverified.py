"""What is disputed or unverified: conflicting accounts, claims and denials, events one outlet
reports alone, and threats or hypothetical events, kept apart from what happened."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..records import HAPPENED, Event
from .disputes import FIELD_LABELS, Dispute, denial_pairs, dispute_line, disputes, kept_clause
from .model import Citations, Clause, Item, Line, Section, line
from .narrative import order_key, speakers_of, when
from .text import actor_label, be, capital, date_phrase, event_clause, event_noun, names_text

TITLE = "Disputed or unverified"
SINGLE_TITLE = "Reported by one source only"


def unverified_section(events: Sequence[Event], cites: Citations,
                       parties: Mapping[str, str]) -> Section:
    ordered = sorted(events, key=order_key)
    section = Section(TITLE, anchor="disputed")
    section.subsections = [
        _conflicts(ordered, cites, parties), _claims_and_denials(ordered, cites),
        _single_source(ordered, cites), _not_happened(ordered, cites)]
    return section


def _conflicts(events: Sequence[Event], cites: Citations,
               parties: Mapping[str, str]) -> Section:
    out = Section("Conflicting accounts", level=3,
                  note="Sources disagree on a figure, the date or a party of these events.")
    for e in events:
        if e.status not in HAPPENED:
            continue
        for d in disputes(e, parties):
            out.items.append(Item((_with_kept(e, d, cites, parties),),
                                  anchor=f"dispute-{e.event_id}-{d.field}", kind="dispute"))
    return _or_none(out)


def _with_kept(e: Event, d: Dispute, cites: Citations, parties: Mapping[str, str]) -> Line:
    said = dispute_line(d, cites, lead=f"{FIELD_LABELS[d.field]} — {event_noun(e)} {when(e)}")
    kept = kept_clause(e, d, cites, parties)
    return Line((*said.clauses, kept)) if kept is not None else said


def _claims_and_denials(events: Sequence[Event], cites: Citations) -> Section:
    out = Section("Claims and denials", level=3,
                  note="Each denial is shown next to the reported event it most likely denies.")
    for denial, claim in denial_pairs(events):
        out.items.append(Item((_denial_line(denial, claim, cites),), kind="denied"))
    for e in events:
        if e.status == "claimed":
            names, _ = speakers_of(e, cites)
            out.items.append(Item((line(
                f"{capital(names_text(names))} claimed that {event_clause(e)} {when(e)}; "
                "no source reports it as established fact", cites.cite_all(e.sources)),),
                kind="claimed"))
    return _or_none(out)


def _denial_line(denial: Event, claim: Event | None, cites: Citations) -> Line:
    names, _ = speakers_of(denial, cites)
    if denial.actor1 is not None and not any(s.claimant for s in denial.sources):
        names = [actor_label(denial.actor1)]
    own = denial.actor1 is not None and names == [actor_label(denial.actor1)]
    denied = Clause(f"{names_text(names)} denied {event_noun(denial, agent=not own)} "
                    f"{when(denial)}", cites.cite_all(denial.sources))
    if claim is None:
        return Line((Clause(capital(denied.text) + " (no matching report is in the record)",
                            denied.refs),))
    outlets = list(dict.fromkeys(cites.outlet(s) for s in claim.sources))
    reported = Clause(f"{capital(names_text(outlets))} reported that {event_clause(claim)} "
                      f"{when(claim)}", cites.cite_all(claim.sources))
    return Line((reported, denied))


def _single_source(events: Sequence[Event], cites: Citations) -> Section:
    out = Section(SINGLE_TITLE, level=3,
                  note="No second independent source confirms these events; copies of one "
                       "story count once.")
    for e in events:
        if e.status in HAPPENED and e.sources and _single(e):
            outlets = list(dict.fromkeys(cites.outlet(s) for s in e.sources))
            by = (f"reported only by {outlets[0]}" if len(outlets) == 1 else
                  f"reported by one independent source only ({names_text(outlets)} carry "
                  "the same story)")
            text = f"{date_phrase(e.date, e.date_precision)}, {event_clause(e)}, {by}"
            out.items.append(Item((line(text, cites.cite_all(e.sources)),),
                                  kind="single-source"))
    return _or_none(out)


def _single(e: Event) -> bool:
    """One independent source (``Event.n_outlets``; wire copies count once), or one document
    when the record does not count outlets."""
    return e.single_source if e.n_outlets > 0 else len({s.doc_id for s in e.sources}) <= 1


def _not_happened(events: Sequence[Event], cites: Citations) -> Section:
    out = Section("Threats and hypothetical events", level=3,
                  note="Threatened, planned or conditional acts; none of them is reported as "
                       "having happened.")
    for e in events:
        if e.status == "threatened":
            text = _threat_text(e, cites)
        elif e.status == "hypothetical":
            noun = event_noun(e)
            text = (f"{date_phrase(e.date, e.date_precision)}, {noun} {be(noun)} reported as "
                    "planned or possible, not as having happened")
        else:
            continue
        out.items.append(Item((line(text, cites.cite_all(e.sources)),), kind=e.status))
    return _or_none(out)


def _threat_text(e: Event, cites: Citations) -> str:
    opening = date_phrase(e.date, e.date_precision)
    if e.event_type == "threaten":
        return f"{opening}, {event_clause(e)}"
    if e.actor1 is not None:
        return f"{opening}, {actor_label(e.actor1)} threatened {event_noun(e, agent=False)}"
    return f"{opening}, {names_text(speakers_of(e, cites)[0])} threatened {event_noun(e)}"


def _or_none(section: Section) -> Section:
    if not section.items:
        section.note = "None."
    return section
