"""Landmark events the article retells, checked against the reference chronology
(data/audit_reference_events.tsv).

A sentence matches a reference event when it names every participant group (not in a memorial
context: "Soleimani's tomb", "the anniversary of ..."), names one of the event's keywords when it
has any, and carries a cue of the event's kind near a participant, not under a threat or
condition (nor with every mention of the event's PLOVER type in the sentence so). An event named
only by generic parties ("Iran", "Pakistan") also needs a mention with the first as agent and the
second as target or place; without one the match is *loose*: it is never flagged, but a date
that fits it clears the sentence.

A sentence may match several events. It contradicts the chronology when it states dates near
the match and none agrees with any event it matches. A date counted from the publication date
counts only when the article gives that date; a shift from an earlier event only when it counts
months or years ("two years previously"); a date of a speech verb ("said on Thursday that its
members had carried out the bombings") dates the statement and agrees with any event on or before
it (``dating.agrees``). When every event it matches falls in one month, that
month dates the sentence for the temporal checks (``RefMatch.month``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..records import HAPPENED, ActorRef, Mention, PlaceRef
from .context import Article
from .dating import CHAINED, DEICTIC, ArticleDates, Stated, agrees
from .lexicon import ReferenceEvent, audit_lexicon, reference_events
from .model import Finding

CUE_WINDOW = 80  # characters between a participant and the cue of the event's kind
DATE_WINDOW = 120  # characters between a match and a date expression that dates it
CONTEXT_WINDOW = 40  # characters around a name searched for memorial words
IRREALIS_WINDOW = 30  # characters before a cue searched for "if", "would", "threatened to"

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class RefMatch:
    sentence: int
    events: tuple[ReferenceEvent, ...]  # best first
    spans: tuple[Span, ...]  # participants and cues of the best, in the sentence
    happened: bool  # a mention of the sentence reports an event of that type as having happened
    loose: tuple[ReferenceEvent, ...] = ()  # also matched when direction is not asked for

    @property
    def month(self) -> date | None:
        """The first day of the month every matched event falls in, if they share one."""
        months = {e.date.replace(day=1) for e in self.events}
        return months.pop() if len(months) == 1 else None

    @property
    def best(self) -> ReferenceEvent:
        return self.events[0]


def match_references(art: Article) -> list[RefMatch]:
    out: list[RefMatch] = []
    for i, s in enumerate(art.sentences):
        if i in art.boilerplate:
            continue
        mentions = art.by_sentence.get(i, [])
        lower = s.text.lower()
        scored: list[tuple[int, ReferenceEvent, list[Span], bool]] = []
        for ev in reference_events():
            hit = _match(s.text, ev, mentions) if ev.could_match(lower) else None
            if hit is not None:
                scored.append((hit[0], ev, hit[1], hit[2]))
        directed = [x for x in scored if x[3]]
        if directed:
            top = max(x[0] for x in directed)
            best = [x for x in directed if x[0] == top]
            happened = any(m.status in HAPPENED and not m.negated for m in mentions)
            out.append(RefMatch(i, tuple(x[1] for x in best), tuple(best[0][2]), happened,
                                tuple(x[1] for x in scored)))
    return out


def _match(text: str, ev: ReferenceEvent,
           mentions: list[Mention]) -> tuple[int, list[Span], bool] | None:
    """(score, spans, directed) when the sentence may retell ``ev``; ``directed`` is False when
    the event asks for a mention with its agent and target and the sentence has none."""
    spans: list[Span] = []
    for group in ev.participants:
        hits = [m.span() for m in group.finditer(text) if not _memorial(text, m.span())]
        if not hits:
            return None
        spans.extend(hits)
    if ev.keywords is not None and not ev.keywords.search(text):
        return None
    typed = [m for m in mentions if ev.plover and m.type.plover == ev.plover]
    if typed and not any(m.status in HAPPENED and not m.negated for m in typed):
        return None  # the sentence tells it as a threat, plan or condition
    lex = audit_lexicon()
    cues = [c.span() for name in ev.cues for c in lex.get(name).finditer(text)
            if _near(c.span(), spans, CUE_WINDOW) and not _irrealis(text, c.start())]
    if not cues:
        return None
    directed = not ev.needs_direction or any(_directed(m, ev) for m in typed)
    return len(ev.participants) + (ev.keywords is not None), spans + cues, directed


def _directed(m: Mention, ev: ReferenceEvent) -> bool:
    """Does the mention have the event's first group as agent and its second as target/place?"""
    def named(ref: ActorRef | PlaceRef | None, group: re.Pattern[str]) -> bool:
        return ref is not None and any(group.search(x) for x in (ref.name, ref.text) if x)
    if m.status not in HAPPENED or m.negated or not named(m.actor1, ev.participants[0]):
        return False
    return len(ev.participants) < 2 or named(m.actor2, ev.participants[1]) or \
        named(m.location, ev.participants[1])


def _near(span: Span, spans: list[Span], window: int) -> bool:
    return any(max(a - span[1], span[0] - b, 0) <= window for a, b in spans)


def _memorial(text: str, span: Span) -> bool:
    around = text[max(0, span[0] - CONTEXT_WINDOW):span[1] + CONTEXT_WINDOW]
    return audit_lexicon().get("memorial").search(around) is not None


def _irrealis(text: str, at: int) -> bool:
    return audit_lexicon().get("irrealis").search(text[max(0, at - IRREALIS_WINDOW):at]) is not None


def reference_findings(art: Article, dates: ArticleDates, matches: list[RefMatch]) -> list[Finding]:
    out: list[Finding] = []
    for rm in matches:
        given = [st for st in dates.near(rm.sentence, list(rm.spans), DATE_WINDOW)
                 if _datable(st, dates)]
        if not given or any(agrees(st, ev.date, ev.tolerance) for st in given
                            for ev in (*rm.events, *rm.loose)):
            continue
        out.append(_contradiction(art, dates, rm, given[0]))
    return out


def _datable(st: Stated, dates: ArticleDates) -> bool:
    """Can this expression contradict a known date? Not a date counted from an inferred report
    date, nor a shift of days from an earlier event (which event it counts from is a guess)."""
    if st.rule in DEICTIC:
        return dates.anchor_given
    return st.rule not in CHAINED or st.precision in ("month", "year")


def _contradiction(art: Article, dates: ArticleDates, rm: RefMatch, st: Stated) -> Finding:
    ev = rm.best
    deictic = st.rule in DEICTIC
    said = f"{st.date:%Y-%m-%d}" if st.precision == "day" else f"{st.date} ({st.precision})"
    anchor = f", counted from the publication date {dates.anchor}" if deictic else ""
    others = "; ".join(f"{e.id} {e.date}" for e in dict.fromkeys((*rm.events, *rm.loose))
                       if e is not ev)
    message = (f"“{st.text}” dates it to {said}{anchor}, but {ev.summary} happened on {ev.date}"
               + (f" (other matching events: {others})" if others else ""))
    return Finding(
        "relative_date" if deictic else "reference_contradiction", "high", message,
        art.ref(rm.sentence),
        details={"reference_id": ev.id, "reference_date": ev.date.isoformat(),
                 "stated": st.text, "stated_date": st.date.isoformat() if st.date else None,
                 "stated_precision": st.precision, "rule": st.rule,
                 "candidates": [e.id for e in rm.events]})
