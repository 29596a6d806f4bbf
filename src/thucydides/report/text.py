"""Words for the brief, built only from the fields of an event record (nothing is invented).

The wording of each event type lives in ``templates/phrases.json``, short country names in
``templates/country_names.json`` (others come from pycountry).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry

from ..errors import ConfigError
from ..records import HAPPENED, ActorRef, Count, Event, Evidence, PlaceRef

SourceLabel = Callable[[Evidence], str]
STATUS_LABELS: dict[str, str] = {
    "threatened": "Threatened", "denied": "Denied", "hypothetical": "Hypothetical",
    "claimed": "Claimed",
}
_MAX_ATTRIBUTIONS = 3


@dataclass(frozen=True, slots=True)
class Phrase:
    verb: str  # active verb phrase, followed by prep + target
    prep: str
    alone: str  # verb phrase when there is no target
    noun: str  # the act as a noun phrase
    noun_prep: str


def _load(name: str) -> dict[str, Any]:
    path = resources.files(__package__ or "thucydides.report") / "templates" / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read report data: {exc}", path=str(path)) from exc
    if not isinstance(data, dict):
        raise ConfigError("report data must be a JSON object", path=str(path))
    return data


@lru_cache(maxsize=1)
def phrase_table() -> dict[str, dict[str, Phrase]]:
    """Phrases by lookup level (acled_sub_event_type, event_mode, event_type) and key."""
    raw = _load("phrases.json")
    return {level: {key: _phrase(entry) for key, entry in raw[level].items()}
            for level in ("acled_sub_event_type", "event_mode", "event_type")}


def _phrase(entry: dict[str, str]) -> Phrase:
    prep = entry.get("prep", "")
    return Phrase(verb=entry["verb"], prep=prep, alone=entry.get("alone", entry["verb"]),
                  noun=entry["noun"], noun_prep=entry.get("noun_prep", prep or "against"))


def phrase_for(e: Event) -> Phrase:
    table = phrase_table()
    for level, key in (("acled_sub_event_type", e.acled_sub_event_type),
                       ("event_mode", f"{e.event_type}/{e.event_mode}"),
                       ("event_type", e.event_type)):
        if key and key in table[level]:
            return table[level][key]
    name = e.event_type.replace("_", " ")
    return Phrase(verb=f"took part in a {name} event", prep="with", alone=f"took part in a "
                  f"{name} event", noun=f"a {name} event", noun_prep="involving")


@lru_cache(maxsize=1)
def _country_overrides() -> dict[str, str]:
    return {k: v for k, v in _load("country_names.json").items() if not k.startswith("_")}


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """A short English name for an ISO alpha-3 code; the code itself when unknown."""
    if code in _country_overrides():
        return _country_overrides()[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def actor_label(a: ActorRef) -> str:
    """``Iran (Islamic Revolutionary Guard Corps)``; a bare name for states and stateless actors."""
    name = a.name or a.text
    if a.country is None or a.kind == "state":
        return name
    country = country_name(a.country)
    bare = country.removeprefix("the ")
    if bare.lower() in name.lower() or name.lower() in (bare.lower(), a.country.lower()):
        return name
    return f"{country} ({name})"


def place_label(p: PlaceRef) -> str:
    parts: list[str] = []
    for part in (p.name or p.text, p.admin1, country_name(p.country) if p.country else None):
        if part and part.lower() not in {x.lower() for x in parts}:
            parts.append(part)
    return ", ".join(parts)


def date_label(date: str | None, precision: str | None) -> str:
    if not date:
        return "date unknown"
    if precision == "month":
        return date[:7]
    if precision == "year":
        return date[:4]
    return f"week of {date}" if precision == "week" else date


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _tail(prep: str, target: str | None, place: str | None) -> str:
    out = ""
    if target:
        out += f" {prep} {target}" if prep else f" {target}"
    return out + (f" in {place}" if place else "")


def event_clause(e: Event) -> str:
    """What happened, who did it to whom and where, worded for the event's status."""
    ph = phrase_for(e)
    actor = actor_label(e.actor1) if e.actor1 else None
    target = actor_label(e.actor2) if e.actor2 else None
    place = place_label(e.location) if e.location else None
    if e.status in HAPPENED and actor:
        verb = ph.verb if target else ph.alone
        clause = f"{actor} {verb}{_tail(ph.prep, target, place)}"
    else:
        by = f" by {actor}" if actor else ""
        clause = f"{ph.noun}{by}{_tail(ph.noun_prep, target, place)}"
    if e.status not in HAPPENED:
        return f"{STATUS_LABELS.get(e.status, _capital(e.status))}: {clause}"
    clause = _capital(clause)
    return f"{clause} (claimed)" if e.status == "claimed" else clause


def describe(e: Event, source_label: SourceLabel) -> str:
    """The brief's sentence for an event, without its date and footnotes."""
    figures = [t for t in (casualty_text(e, "killed", source_label),
                           casualty_text(e, "injured", source_label)) if t]
    return event_clause(e) + (f"; {', '.join(figures)}" if figures else "") + "."


def _interval(value: Any) -> tuple[int | None, int | None] | None:
    """A claimed figure as (low, high): an int, a Count, a {best, low, high} dict or a pair."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return (value, value)
    if isinstance(value, Count):
        value = {"best": value.best, "low": value.low, "high": value.high}
    if isinstance(value, dict):
        low, high = value.get("low"), value.get("high")
        best = value.get("best")
        return (low if low is not None else best, high if high is not None else best)
    if isinstance(value, list | tuple) and len(value) == 2:
        return (value[0], value[1])
    return None


def _range_text(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}–{high}"
    return f"at least {low}" if low is not None else f"up to {high}"


def _attributions(e: Event, kind: str, label: SourceLabel) -> dict[str, list[str]]:
    """Who reported which figure: range text → distinct reporters, in source order."""
    out: dict[str, list[str]] = {}
    for claim in e.claims:
        span = _interval(claim.value) if claim.field == kind else None
        if span is None or span == (None, None):
            continue
        who = claim.evidence.claimant or label(claim.evidence)
        names = out.setdefault(_range_text(*span), [])
        if who not in names:
            names.append(who)
    return out


def _who(names: list[str]) -> str:
    shown = names[:_MAX_ATTRIBUTIONS]
    more = len(names) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else "")


def casualty_text(e: Event, kind: str, label: SourceLabel) -> str | None:
    """``2 killed (Pakistan's foreign ministry)`` or ``2–4 killed (2: X; 4: Y)``."""
    count = e.killed if kind == "killed" else e.injured
    if count is None:
        return None
    low = count.low if count.low is not None else count.best
    high = count.high if count.high is not None else count.best
    if low is None and high is None:
        return None
    text = f"{_range_text(low, high)} {kind}"
    by_value = _attributions(e, kind, label)
    if low != high:
        if count.best is not None and count.best not in (low, high):
            text += f", best estimate {count.best}"
        detail = "; ".join(f"{value}: {_who(names)}" for value, names in by_value.items())
        return f"{text} ({detail})" if detail else text
    names = by_value.get(_range_text(low, high)) or []
    return f"{text} ({_who(names)})" if names else text
