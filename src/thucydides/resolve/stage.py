"""The resolution stage: actors, places and dates of each mention, in the context of its document.

``resolve_doc`` takes a parsed document and the mentions extracted from it and fills in
``Mention.actor1/actor2`` (name, country, kind), ``Mention.location`` and ``Mention.date``. Every
resolved value keeps the span it was read from; what the text does not say stays empty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date as Date
from functools import lru_cache
from importlib import resources

from ..fuse import QUAD
from ..records import PLACE_RANK, ActorRef, DatePrecision, DateRef, Mention, ParsedDoc, PlaceRef
from .actors import ActorDictionary
from .date_lexicon import lexicon as date_lexicon
from .dates import normalise_date, shift_relative, text_years
from .gazetteer import Gazetteer
from .places import place_nouns, resolve_doc_places

BOUNDARY_RULES = frozenset({"since", "until", "by", "before", "after", "from"})
DATELINE = re.compile(r"(?:^|(?<=[\n)])|(?<=\d\s))\s*([A-Z]{3,}[A-Z .'-]{0,27}(?:,[^\n.—–:]{0,40})?)"
                      r"\s*(?:[—–:]|-\s|\(\w[^)]{0,30}\))")
BOUNDARY_BEFORE = re.compile(r"\b(?:since|until|till|before|by)\s+(?:the\s+)?$", re.IGNORECASE)
AFTER = re.compile(r"\b(?:after|later than|following)\s*$", re.IGNORECASE)
LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|to)\s+(?:the\s+)?(?:\w+ )?$", re.IGNORECASE)
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class Resources:
    """Dictionaries the stage needs, loaded once per process."""

    actors: ActorDictionary
    gazetteer: Gazetteer

    @classmethod
    def load(cls) -> Resources:
        return cls(actors=ActorDictionary.load(), gazetteer=Gazetteer.load())


def resolve_doc(pdoc: ParsedDoc, mentions: list[Mention], res: Resources) -> list[Mention]:
    places = event_places(pdoc, res)
    anchor = pdoc.doc.published
    years = text_years(pdoc.doc.text)
    default_year = int(anchor[:4]) if anchor else (
        pdoc.doc.year_hint or (max(years) if years else None))
    dates = _DocDates(anchor, default_year)
    out: list[Mention] = []
    last_place: tuple[int, PlaceRef] | None = None
    speakers = _speakers(mentions)
    for m in sorted(mentions, key=lambda x: (x.sentence_index, x.trigger_start)):
        r = replace(m, published=anchor, outlet=pdoc.doc.outlet)
        r.dates = dates.normalise(m)
        r.date, r.date_precision = dates.pick(m, r.dates)
        r.date_rule = dates.rule
        if _announced(r):
            r.status = "hypothetical"
        r.actor1 = _resolve_actor(m.actor1, res.actors, r.date)
        r.actor2 = _resolve_actor(m.actor2, res.actors, r.date)
        r.places = [p for p in _places_in(places, m.sent_start, m.sent_end)
                    if not any(_overlaps(p, a) for a in speakers.get(m.sentence_index, ()))]
        material = QUAD.get(m.type.plover, 4) in (2, 4)
        r.location = _pick_location(r, pdoc.doc.text, material)
        if material and r.location is None and last_place and \
                last_place[0] >= m.sentence_index - 1:
            r.location = last_place[1]
        if material and r.location is not None:
            last_place = (m.sentence_index, r.location)
        out.append(r)
    return out


@dataclass
class _DocDates:
    """Date of each mention: its own date expression, else one shifted from the last dated
    event ("a day after"), else the report date (an earlier report of the same type is no
    guide: articles retell old events beside new ones)."""

    anchor: str | None
    default_year: int | None
    last: tuple[str, DatePrecision] | None = None
    rule: str | None = None  # how the last picked date was found

    def normalise(self, m: Mention) -> list[DateRef]:
        out: list[DateRef] = []
        for d in m.dates:
            n = normalise_date(d.text, self.anchor, default_year=self.default_year)
            if n is None and self.last is not None:
                n = shift_relative(d.text, self.last[0])
                n = replace(n, rule="shift") if n is not None else None
            if n is not None and n.date is not None and not _is_boundary(n.rule) \
                    and not _names_something_else(m, d):
                out.append(replace(d, date=n.date, precision=n.precision, rule=n.rule))
            else:
                out.append(replace(d, date=None, precision=None, rule=None))
        return out

    def pick(self, m: Mention, dates: list[DateRef]) -> tuple[str | None, DatePrecision | None]:
        """The mention's date; ``self.rule`` says how it was found (Mention.date_rule)."""
        earlier = _antecedent_date(m, dates)
        if earlier is not None:
            self.rule = "antecedent"
            return earlier, "day"
        resolved = [d for d in dates if d.date is not None]
        if resolved:
            best = min(resolved, key=lambda d: (PRECISION_RANK.get(d.precision or "year", 9),
                                                d.rule == "shift", abs(d.start - m.trigger_start)))
            if best.date is not None and best.precision is not None:
                if best.precision in ("day", "week"):  # a year or month dates no other report
                    self.last = (best.date, best.precision)
                self.rule = "shift" if best.rule == "shift" else "expression"
                return _best_estimate(best.date, best.precision), best.precision
        if self.anchor is not None:
            self.rule = "report-date"
            return self.anchor, "day"
        if _sequel(m.sentence):
            self.rule = None
            return None, None
        self.rule = "previous" if self.last is not None else None
        return self.last if self.last is not None else (None, None)


def _sequel(sentence: str) -> bool:
    """A sentence opening with "Later," / "Subsequently," …"""
    first = sentence.lstrip().split(" ", 1)[0].strip(",;:").lower()
    return first in date_lexicon().sequels


def _best_estimate(first_day: str, precision: DatePrecision) -> str:
    """The day an event known only to the month most likely fell on: the middle of the month
    (as ACLED codes month-precision events); other precisions keep their day."""
    return first_day[:8] + "15" if precision == "month" and first_day.endswith("-01") else first_day


def _antecedent_date(m: Mention, dates: list[DateRef]) -> str | None:
    """The date of an event named as the reference of a shift ("on Thursday, two days after
    Tehran's attack" dates the attack to Tuesday): the sentence's own date minus the shift."""
    shift = next((d for d in dates if d.end <= m.trigger_start <= d.end + 30
                  and d.rule in (None, "shift") and AFTER.search(d.text)), None)
    base = next((d for d in dates if d.date and d.rule not in (None, "shift")
                 and d.precision == "day"), None)
    if shift is None or base is None or base.date is None:
        return None
    moved = shift_relative(shift.text, base.date)
    if moved is None or moved.date is None:
        return None
    delta = Date.fromisoformat(moved.date) - Date.fromisoformat(base.date)
    return (Date.fromisoformat(base.date) - delta).isoformat()


def redate(mentions: Sequence[Mention], anchor: str) -> list[Mention]:
    """Re-resolve the dates of one document's mentions against a newly inferred report date."""
    dates = _DocDates(anchor, int(anchor[:4]))
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (x.sentence_index, x.trigger_start)):
        r = replace(m, published=anchor)
        r.dates = dates.normalise(m)
        r.date, r.date_precision = dates.pick(m, r.dates)
        r.date_rule = dates.rule
        out.append(r)
    return out


def _names_something_else(m: Mention, d: DateRef) -> bool:
    """A date that bounds a period ("since the 1979 revolution") or names a thing ("the 2015
    deal") is not when the event happened."""
    at = d.start - m.sent_start
    before, after = m.sentence[max(0, at - 12):at], m.sentence[at + len(d.text):at + len(d.text) + 2]
    return bool(BOUNDARY_BEFORE.search(before)) or (
        before.endswith(("the ", "The ")) and after[:1] == " " and after[1:2].islower())


def _is_boundary(rule: str | None) -> bool:
    return rule is not None and rule.split("+")[0] in BOUNDARY_RULES


def event_places(pdoc: ParsedDoc, res: Resources) -> list[PlaceRef]:
    """The document's toponyms that can be where an event happened: not part of an
    organisation's name ("U.S. Central Command"), not an organisation the actor dictionary
    knows, not the dateline that says where the report was filed."""
    orgs = [(e.start, e.end) for e in pdoc.entities if e.label == "ORG"]
    datelines = _datelines(pdoc.doc.text)
    places = resolve_doc_places(pdoc, res.gazetteer)
    spans = {(p.start, p.end) for p in places}
    return [p for p in places
            if not any(s <= p.start < e for s, e in datelines)
            and not any(s <= p.start and p.end <= e and (s, e) != (p.start, p.end)
                        for s, e in orgs)
            and not _is_organisation(p, res) and not _attributive(pdoc, p, spans)]


def _attributive(pdoc: ParsedDoc, p: PlaceRef, places: set[tuple[int, int]]) -> bool:
    """A country that says whose, not where: "a U.S. drone strike", "Iranian security forces"
    (but "on Iranian soil", "Pakistan's Balochistan province" name places)."""
    if p.precision != "country":
        return False
    toks = [t for t in pdoc.tokens if p.start <= t.idx < p.end]
    root = next((t for t in toks if not p.start <= pdoc.tokens[t.head].idx < p.end), None)
    if root is None or root.dep not in ("compound", "amod", "nmod", "poss"):
        return False
    head = pdoc.tokens[root.head]
    if head.pos not in ("NOUN", "PROPN") or head.lemma.lower() in place_nouns():
        return False
    return not any(s <= head.idx < e for s, e in places)


def _datelines(text: str) -> list[tuple[int, int]]:
    """Datelines near the top ("PESHAWAR, Pakistan — ", "ISLAMABAD: ", "TEHRAN (Agencies):")."""
    return [m.span(1) for m in DATELINE.finditer(text, 0, min(len(text), 600))]


def _announced(m: Mention) -> bool:
    """An event the text dates after its own publication is announced or planned, not done."""
    return (m.status in ("occurred", "claimed") and m.date_rule == "expression"
            and m.published is not None and m.date is not None and m.date > m.published)


def _is_organisation(p: PlaceRef, res: Resources) -> bool:
    """A toponym that the actor dictionary knows as an organisation (a news agency, a ministry)."""
    hit = res.actors.resolve(p.text)
    return hit is not None and hit.kind not in (None, "state")


def _resolve_actor(ref: ActorRef | None, actors: ActorDictionary,
                   date: str | None) -> ActorRef | None:
    if ref is None:
        return None
    hit = actors.resolve(ref.text, date=date)
    if hit is None:
        return ref
    return replace(ref, name=hit.name, country=hit.country, kind=hit.kind,
                   actor_id=hit.actor_id, confidence=hit.confidence)


def _places_in(places: list[PlaceRef], start: int, end: int) -> list[PlaceRef]:
    return [p for p in places if start <= p.start and p.end <= end]


def _pick_location(m: Mention, text: str, material: bool) -> PlaceRef | None:
    """The most specific place of the sentence that is not the agent itself; for verbal events
    only a place introduced as a location ("in Islamabad"), never a party named as a place."""
    cands = [p for p in m.places if p.country is not None and not _overlaps(p, m.actor1)
             and not _speaker(text, p.end)]
    if not material:
        cands = [p for p in cands if not _overlaps(p, m.actor2)
                 and LOCATIVE.search(text, max(0, p.start - 14), p.start)]
    if not cands:
        return None
    return min(cands, key=lambda p: (text.startswith(("'s", "’s"), p.end),
                                     PLACE_RANK.get(p.precision or "country", 9), p.start))


def _speakers(mentions: list[Mention]) -> dict[int, list[ActorRef]]:
    """Per sentence, the agents of its statements ("condemnation from Islamabad"): speakers,
    never where the sentence's other events happened."""
    out: dict[int, list[ActorRef]] = {}
    for m in mentions:
        if m.actor1 is not None and QUAD.get(m.type.plover, 4) in (1, 3):
            out.setdefault(m.sentence_index, []).append(m.actor1)
    return out


def _speaker(text: str, end: int) -> bool:
    """A place that speaks ("Islamabad said on Thursday its forces struck …") is a claimant."""
    return bool(speech_pattern().match(text, end))


@lru_cache(maxsize=1)
def speech_pattern() -> re.Pattern[str]:
    """ " said", " has confirmed", "'s foreign ministry said" … after a name (from
    data/attribution_verbs.tsv)."""
    raw = resources.files("thucydides.data").joinpath("attribution_verbs.tsv").read_text("utf-8")
    lemmas = [ln.split("\t")[0].strip() for ln in raw.splitlines()
              if ln.strip() and not ln.startswith("#")]
    forms = {f for w in lemmas for f in (w, w + "s", w + "ed", w + "d")} | IRREGULAR_SPEECH
    alt = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    return re.compile(rf"\s*(?:has |have |had |also |later |on \w+ )*(?:{alt})\b")


IRREGULAR_SPEECH = frozenset({"said", "says", "told", "wrote", "put"})


def _overlaps(p: PlaceRef, a: ActorRef | None) -> bool:
    return a is not None and p.start < a.end and a.start < p.end
