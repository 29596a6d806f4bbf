"""Claims that contradict the reconciled record: a mention whose date, casualty figure or place
differs from the fused event it belongs to, when other articles state that field too (an event
read from this article alone is no independent record). A place must be backed by at least two
other articles (a different first-level division within the country is only noted: it is often
the speaker's city taken for the event's place); a figure or date backed by fewer is a
low-severity finding."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date

from ..records import STATED_DATE_RULES, Count, Event, Mention, PlaceRef
from .context import Article
from .dating import DEICTIC, classify
from .model import Finding, Severity

FAR_DAYS = 7  # a date this far off the record is high severity
FIGURE_REL = 0.25  # a figure this far (relatively) off the record's best is medium severity
FIGURE_ABS = 2
CONSENSUS = 2  # other articles that must agree on a value before a contradiction is more than low


def record_findings(art: Article, all_mentions: Mapping[str, Mention],
                    roots: Mapping[str, str]) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[int, str]] = set()
    root = roots.get(art.doc.id, art.doc.id)
    for i in range(len(art.sentences)):
        if i in art.boilerplate:
            continue
        for m in art.happened(i):
            ev = art.event_of.get(m.mention_id)
            if ev is None:
                continue
            others = [all_mentions[x] for x in ev.mention_ids if x in all_mentions
                      and roots.get(all_mentions[x].doc_id, all_mentions[x].doc_id) != root]
            for check in _CHECKS:
                found = check(art, m, ev, others)
                if found is not None and (i, found.details["field"]) not in seen:
                    seen.add((i, found.details["field"]))
                    out.append(found)
    return out


def _n_docs(ms: list[Mention]) -> int:
    return len({m.doc_id for m in ms})


def _date_check(art: Article, m: Mention, ev: Event, others: list[Mention]) -> Finding | None:
    if m.date is None or m.date_precision != "day" or m.date_rule not in STATED_DATE_RULES:
        return None
    stated = Counter(o.date for o in others if o.date and o.date_precision == "day"
                     and o.date_rule in STATED_DATE_RULES)
    if not stated:
        return None
    record = stated.most_common(1)[0][0]
    gap = abs((date.fromisoformat(m.date) - date.fromisoformat(record)).days)
    if gap <= art.window:
        return None
    backing = _n_docs([o for o in others if o.date == record and o.date_rule in STATED_DATE_RULES])
    said = next((d.text for d in m.dates if d.date == m.date), "")
    deictic = bool(said) and classify(said)[0] in DEICTIC
    severity: Severity = "low" if backing < CONSENSUS else "high" if gap > FAR_DAYS else "medium"
    what = f"“{said}” puts “{m.trigger}” on {m.date}" if said else f"dates “{m.trigger}” {m.date}"
    return Finding("relative_date" if deictic else "record_contradiction", severity,
                   f"{what}, but {backing} other article(s) date the event {record}",
                   art.mention_ref(m),
                   details={"field": "date", "stated": m.date, "record": record,
                            "event_id": ev.event_id})


def _figure_check(kind: str) -> Callable[[Article, Mention, Event, list[Mention]], Finding | None]:
    def check(art: Article, m: Mention, ev: Event, others: list[Mention]) -> Finding | None:
        mine = [f.best for f in m.figures if f.kind == kind and not f.cumulative and f.best is not None]
        theirs = [o for o in others if any(f.kind == kind and not f.cumulative for f in o.figures)]
        record: Count | None = getattr(ev, kind)
        if not mine or not theirs or record is None or record.best is None or mine[0] == record.best:
            return None
        value, best = mine[0], record.best
        diff = abs(value - best)
        backing = _n_docs([o for o in theirs if any(f.kind == kind and f.best == best
                                                    for f in o.figures)])
        if not backing:
            return None  # no other article says what the record says
        severity: Severity = "medium" if diff >= FIGURE_ABS and diff > FIGURE_REL * max(best, 1) \
            and backing >= CONSENSUS else "low"
        span = f" (reports range {record.low}–{record.high})" if record.low != record.high else ""
        return Finding("record_contradiction", severity,
                       f"says {value} {kind}; the record has {best}, as {backing} of the "
                       f"{_n_docs(theirs)} other article(s) giving a figure report{span}",
                       art.mention_ref(m),
                       details={"field": kind, "stated": value, "record": best,
                                "low": record.low, "high": record.high, "event_id": ev.event_id})
    return check


def _place_check(art: Article, m: Mention, ev: Event, others: list[Mention]) -> Finding | None:
    loc, rec = m.location, ev.location
    if loc is None or rec is None or not _in_sentence(loc, m):
        return None
    backing = _n_docs([o for o in others if o.location is not None and _in_sentence(o.location, o)
                       and _same_place(o.location, rec)])
    if backing < CONSENSUS:
        return None
    if loc.country and rec.country and loc.country != rec.country:
        severity: Severity = "medium"
    elif loc.country == rec.country and loc.admin1 and rec.admin1 and loc.admin1 != rec.admin1:
        severity = "info"  # often the speaker's city taken for the place of the event
    else:
        return None
    return Finding("record_contradiction", severity,
                   f"places “{m.trigger}” in {_place(loc)}; the record has {_place(rec)}, as "
                   f"{backing} other articles say",
                   art.mention_ref(m),
                   details={"field": "location", "stated": _place(loc), "record": _place(rec),
                            "event_id": ev.event_id})


def _in_sentence(loc: PlaceRef, m: Mention) -> bool:
    return any(p.start == loc.start and p.end == loc.end for p in m.places)


def _same_place(a: PlaceRef, b: PlaceRef) -> bool:
    return a.country == b.country and (a.admin1 == b.admin1 or not (a.admin1 and b.admin1))


def _place(p: PlaceRef) -> str:
    parts = [p.name or p.text, p.admin1, p.country]
    return ", ".join(dict.fromkeys(x for x in parts if x))


_CHECKS: tuple[Callable[[Article, Mention, Event, list[Mention]], Finding | None], ...] = (
    _date_check, _figure_check("killed"), _figure_check("injured"), _place_check)
