"""Records of the actor dictionary: entries, per-id metadata and matches in a text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..records import ActorKind

# How a match names its actor: a country by its name, adjective ("Iranian"), plural demonym
# ("Iranians") or capital ("Tehran"); any other dictionary entity; or a country (or group) that only
# qualifies the head: "Iran-backed", "pro-Iranian" (proxy) and "anti-Iran" (anti).
Role = Literal["name", "adjective", "demonym", "capital", "entity", "proxy", "anti"]

# Specificity ranks: the most specific actor in a span is its head.
SPEC_COUNTRY = 1
SPEC_ROLE = 2
SPEC_GENERIC = 3
SPEC_NAMED = 4
SPEC_PERSON = 5


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor (or one dated term of it): ``start``/``end`` bound when the row holds."""

    id: str
    name: str
    country: str | None
    kind: ActorKind
    operates_in: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None

    def holds_on(self, date: str) -> bool:
        """True when ``date`` (``YYYY-MM-DD``) falls inside this row's term."""
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class EntryInfo:
    """What resolution needs to know about an id beyond its rows."""

    specificity: int
    owner: bool = False  # takes its country from a country word in the span
    adj: bool = False  # named "<Adjective> <name>" when owned ("Pakistani civilians")
    person: bool = False
    domestic: bool = False  # owned, by default, by the country where the event happened


@dataclass(frozen=True, slots=True)
class Term:
    """A dated row of an id, with the office it stands for (``office=`` flag) if any."""

    entry: ActorEntry
    office: str | None = None


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    adjective: str | None


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """One dictionary match in a text: character span, the entry chosen (by date) and its role."""

    start: int
    end: int
    text: str
    entry: ActorEntry
    role: Role
    specificity: int
