"""Words for the brief, built only from the fields of an event record (nothing is invented).

The wording of each event type lives in ``templates/phrases.json``, short country names in
``templates/country_names.json`` (others come from pycountry).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry

from ..errors import ConfigError
from ..records import ActorRef, Count, Event, PlaceRef

_MAX_NAMES = 3
_PREPOSITIONS = frozenset({"against", "of", "to", "with", "for", "by", "on", "in", "towards",
                           "from", "near", "involving"})
_SPACE = re.compile(r"\s+")
# words that already make a claimant a noun phrase ("several officials", "two witnesses")
_DETERMINERS = frozenset({"a", "an", "the", "some", "several", "many", "two", "three", "both",
                          "his", "her", "their", "its", "one", "other", "unnamed"})


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
    """Phrases by lookup level (acled_sub_event_type, cameo_code, event_mode, event_type) and key."""
    raw = _load("phrases.json")
    return {level: {key: _phrase(entry) for key, entry in raw.get(level, {}).items()
                    if not key.startswith("_")}
            for level in ("acled_sub_event_type", "cameo_code", "event_mode", "event_type")}


def _phrase(entry: dict[str, str]) -> Phrase:
    prep = entry.get("prep", "")
    return Phrase(verb=entry["verb"], prep=prep, alone=entry.get("alone", entry["verb"]),
                  noun=entry["noun"], noun_prep=entry.get("noun_prep", prep or "against"))


def phrase_for(e: Event) -> Phrase:
    table = phrase_table()
    code = e.cameo_code or ""
    for level, key in (("acled_sub_event_type", e.acled_sub_event_type),
                       ("cameo_code", code), ("cameo_code", code[:3]),
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
    """``16 January 2024``, ``January 2024``, ``2024``, ``the week of 2 February 2024``."""
    if not date:
        return "an unknown date"
    try:
        day = datetime.date.fromisoformat(date[:10] if len(date) >= 10 else f"{date[:7]}-01")
    except ValueError:
        return date
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{day:%B} {day.year}"
    text = f"{day.day} {day:%B} {day.year}"
    return f"the week of {text}" if precision == "week" else text


def date_phrase(date: str | None, precision: str | None) -> str:
    """How a sentence opens: ``On 16 January 2024``, ``In January 2024``."""
    if not date:
        return "On an unknown date"
    on = "On" if precision in (None, "day") else "In"
    return f"{on} {date_label(date, precision)}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _tail(prep: str, target: str | None, place: str | None) -> str:
    out = ""
    if target:
        out += f" {prep} {target}" if prep else f" {target}"
    return out + (f" in {place}" if place else "")


def _parts(e: Event) -> tuple[Phrase, str | None, str | None, str | None]:
    return (phrase_for(e), actor_label(e.actor1) if e.actor1 else None,
            actor_label(e.actor2) if e.actor2 else None,
            place_label(e.location) if e.location else None)


def event_clause(e: Event) -> str:
    """``Iran carried out an air/drone strike against Pakistan in Quetta``: who did what to whom
    and where, as an active clause; ``there was an attack in Quetta`` without a known actor."""
    ph, actor, target, place = _parts(e)
    if actor:
        verb = ph.verb if target else ph.alone
        return f"{actor} {verb}{_tail(ph.prep, target, place)}"
    return f"there {be(ph.noun)} {ph.noun}{_tail(ph.noun_prep, target, place)}"


def be(noun: str) -> str:
    """``was`` or ``were`` for a noun phrase: plural when its head (the last word before a
    preposition) ends in a plural ``s`` (talks, arrests, coercive measures)."""
    words = noun.split()
    if not words or words[0] in ("a", "an"):
        return "was"
    head = words[0]
    for word in words:
        if word in _PREPOSITIONS:
            break
        head = word
    return "were" if head.endswith("s") and not head.endswith("ss") else "was"


def event_noun(e: Event, *, agent: bool = True) -> str:
    """``an air/drone strike by Iran against Pakistan in Quetta``: the event as a noun phrase
    (``agent=False``: without ``by Iran``, for a sentence that names the actor already)."""
    ph, actor, target, place = _parts(e)
    by = f" by {actor}" if actor and agent else ""
    return f"{ph.noun}{by}{_tail(ph.noun_prep, target, place)}"


def speaker(name: str) -> str:
    """A claimant as the subject of ``said``: ``the local news agency``, ``Pakistan``."""
    name = _SPACE.sub(" ", name).strip()
    first = name.split(" ", 1)[0]
    if name[:1].islower() and first.lower() not in _DETERMINERS:
        return f"the {name}"
    return name


def names_text(names: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``, ``A, B, C and 2 others``."""
    shown = list(names[:_MAX_NAMES])
    if len(names) > _MAX_NAMES:
        more = len(names) - _MAX_NAMES
        shown.append(f"{more} other source{'s' if more > 1 else ''}")
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + f" and {shown[-1]}"


def interval(value: Any) -> tuple[int | None, int | None] | None:
    """A reported figure as (low, high): an int, a Count, a {best, low, high} dict or a pair."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return (value, value)
    if isinstance(value, Count):
        value = {"best": value.best, "low": value.low, "high": value.high}
    if isinstance(value, dict):
        low, high, best = value.get("low"), value.get("high"), value.get("best")
        if low is None and high is None:  # a bare or approximate figure: "about 50"
            return None if best is None else (best, best)
        return (low, high)  # an open side stays open: "more than 170" is at least 171
    if isinstance(value, list | tuple) and len(value) == 2:
        return (value[0], value[1])
    return None


def range_text(low: int | None, high: int | None) -> str:
    """``2``, ``between 7 and 9``, ``at least 53``, ``up to 10``."""
    if low is not None and high is not None:
        return str(low) if low == high else f"between {low} and {high}"
    return f"at least {low}" if low is not None else f"up to {high}"


def figure_clause(low: int | None, high: int | None, kind: str) -> str:
    """``2 were killed``, ``1 was injured``, ``at least 53 were killed``."""
    verb = "was" if low == high == 1 else "were"
    return f"{range_text(low, high)} {verb} {kind}"


@lru_cache(maxsize=1)
def _relations() -> dict[str, str]:
    raw = _load("phrases.json").get("relations", {})
    return {k: str(v) for k, v in raw.items() if not k.startswith("_")}


def relation_phrase(relation: str, lag_days: int | None = None) -> str:
    """``in retaliation for``, ``in response to``, ``3 days after``."""
    phrase = _relations().get(relation, "after")
    if phrase == "after" and lag_days:
        return f"{lag_days} day{'s' if lag_days != 1 else ''} after"
    return phrase
