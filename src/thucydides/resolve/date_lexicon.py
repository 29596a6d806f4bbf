"""The date lexicon (month, weekday and number words, units, relative words) from ``date_words.tsv``.

The file has one ``kind<TAB>word<TAB>value`` row per word; words are lower case. The loader runs once
per process (``lru_cache``) and returns an immutable :class:`DateLexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from ..errors import ConfigError

DATA_FILE = "date_words.tsv"


@dataclass(frozen=True, slots=True)
class DateLexicon:
    """Word → value tables, one per kind of the data file."""

    months: Mapping[str, int]  # full names and abbreviations → 1..12
    month_full: tuple[str, ...]
    month_abbr: tuple[str, ...]
    weekdays: Mapping[str, int]  # full names and abbreviations → 0 (Monday) .. 6
    weekday_full: tuple[str, ...]
    weekday_abbr: tuple[str, ...]
    numbers: Mapping[str, int]  # "one".."nineteen", "a", "an", "a dozen", vague words
    vague_numbers: frozenset[str]  # "a few", "several", ...
    tens: Mapping[str, int]
    units: Mapping[str, tuple[str, int]]  # "days" → ("day", 1), "fortnight" → ("day", 14)
    parts: Mapping[str, str]  # "early"/"beginning" → "early", "mid" → "mid", "end" → "late"
    reldays: Mapping[str, int]  # "yesterday" → -1
    dayparts: tuple[str, ...]
    daylight: tuple[str, ...]  # "dawn", "midnight": "before dawn on Friday" is still Friday
    directions: Mapping[str, int]  # "later" → +1, "earlier" → -1
    anaphors: Mapping[str, int]  # "next"/"following" → +1, "previous" → -1, "same" → 0
    sequels: frozenset[str] = frozenset()  # "Later, …": after the last date, by how much unsaid
    modifiers: frozenset[str] = frozenset()  # "the missile strike": words between "the" and a noun
    ordinals: Mapping[str, int] = field(default_factory=dict)  # "second" → 2: "the second day"
    speech_nouns: frozenset[str] = frozenset()  # "The claim came a day after ...": a statement
    have_objects: frozenset[str] = frozenset()  # "had no role": "had" as a main verb, not perfect
    object_leads: frozenset[str] = frozenset()  # "had cut short a visit": words opening an object
    particles: frozenset[str] = frozenset()  # "had carried out air strikes": verb particles
    past_forms: frozenset[str] = frozenset()  # "fled", "struck", "took": irregular past forms
    question_leads: frozenset[str] = frozenset()  # "unclear who had": a question, no remark


def _rows(text: str) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ConfigError(f"expected 3 tab-separated fields, got {len(parts)}",
                              path=DATA_FILE, line=n)
        rows.append((parts[0], parts[1], parts[2]))
    return rows


def _unit(value: str) -> tuple[str, int]:
    name, _, count = value.partition(":")
    return name, int(count)


@lru_cache(maxsize=1)
def lexicon() -> DateLexicon:
    """Load (once) the date lexicon shipped in ``thucydides/data/date_words.tsv``."""
    text = resources.files("thucydides.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    by_kind: dict[str, dict[str, str]] = {}
    for kind, word, value in _rows(text):
        by_kind.setdefault(kind, {})[word] = value

    def table(*kinds: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for k in kinds:
            out.update(by_kind.get(k, {}))
        return out

    def ints(*kinds: str) -> Mapping[str, int]:
        return MappingProxyType({w: int(v) for w, v in table(*kinds).items()})

    return DateLexicon(
        months=ints("month", "month_abbr"),
        month_full=tuple(table("month")),
        month_abbr=tuple(table("month_abbr")),
        weekdays=ints("weekday", "weekday_abbr"),
        weekday_full=tuple(table("weekday")),
        weekday_abbr=tuple(table("weekday_abbr")),
        numbers=ints("number", "number_vague"),
        vague_numbers=frozenset(table("number_vague")),
        tens=ints("tens"),
        units=MappingProxyType({w: _unit(v) for w, v in table("unit").items()}),
        parts=MappingProxyType(table("part")),
        reldays=ints("relday"),
        dayparts=tuple(table("daypart")),
        daylight=tuple(table("daylight")),
        directions=ints("direction"),
        anaphors=ints("anaphor"),
        sequels=frozenset(table("sequel")),
        modifiers=frozenset(table("modifier")),
        ordinals=ints("ordinal"),
        speech_nouns=frozenset(table("speech_noun")),
        have_objects=frozenset(table("have_object")),
        object_leads=frozenset(table("object_lead")),
        particles=frozenset(table("particle")),
        past_forms=frozenset(table("past_form")),
        question_leads=frozenset(table("question_lead")),
    )


def alternation(words: tuple[str, ...] | list[str], *, cased: bool = False) -> str:
    """A regex alternation of ``words``, longest first.

    With ``cased`` each word matches only in lower, Title or UPPER case (so the month "May" is not
    the verb "may" when the pattern is used without IGNORECASE); otherwise the words are wrapped in
    a case-insensitive group.
    """
    ordered = sorted(set(words), key=len, reverse=True)
    if not cased:
        return "(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"
    variants: list[str] = []
    for w in ordered:
        for v in (w.capitalize(), w.upper()):
            if v not in variants:
                variants.append(re.escape(v))
    return "(?:" + "|".join(variants) + ")"


def number_value(words: str) -> int | None:
    """``"two"`` → 2, ``"forty-eight"`` → 48, ``"48"`` → 48, ``"a"`` → 1; None if not a number."""
    w = " ".join(words.lower().replace("-", " ").split())
    if w.isdigit():
        return int(w)
    lex = lexicon()
    if w in lex.numbers:
        return lex.numbers[w]
    if w in lex.tens:
        return lex.tens[w]
    head, _, tail = w.partition(" ")
    if head in lex.tens and tail in lex.numbers and lex.numbers[tail] < 10:
        return lex.tens[head] + lex.numbers[tail]
    return None
