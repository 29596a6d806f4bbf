"""Action → reaction: each link between two events of the record as one cited sentence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..records import Event, Link
from .model import Citations, Item, Line, Section, line
from .narrative import order_key, when
from .text import date_phrase, event_clause, event_noun, relation_phrase

TITLE = "Action and reaction"


def reaction_section(links: Sequence[Link], events: Mapping[str, Event],
                     cites: Citations) -> Section:
    """One bullet per link whose two events are in the record, in the reaction's date order."""
    section = Section(TITLE, anchor="reactions")
    pairs = [(link, events[link.action_id], events[link.reaction_id]) for link in links
             if link.action_id in events and link.reaction_id in events]
    pairs.sort(key=lambda p: (order_key(p[2]), order_key(p[1])))
    for link, action, reaction in pairs:
        section.items.append(Item((link_line(link, action, reaction, cites),),
                                  kind=f"link-{link.kind}"))
    if not section.items:
        section.note = "No action → reaction link joins two events of the record."
    return section


def link_line(link: Link, action: Event, reaction: Event, cites: Citations) -> Line:
    """``On 18 January 2024, Pakistan carried out … in retaliation for an air/drone strike by
    Iran … on 16 January 2024, as the source puts it: “…” [7].`` An explicit link cites the
    sentence holding its cue; a pattern link cites one source of each event and says that no
    source states the link."""
    text = (f"{date_phrase(reaction.date, reaction.date_precision)}, {event_clause(reaction)}, "
            f"{relation_phrase(link.relation, link.lag_days)} {event_noun(action)} {when(action)}")
    if link.evidence is not None:
        if link.cue:
            text += f", in the words of the source: “{link.cue}”"
        return line(text, [cites.cite(link.evidence)])
    if link.kind == "pattern":
        text += (" (no source states the link: it rests on the two parties trading roles "
                 "within a few days)")
    return line(text, cites.cite_all([*reaction.sources[:1], *action.sources[:1]]))
