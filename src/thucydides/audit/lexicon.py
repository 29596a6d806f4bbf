"""The audit's data: word lists (data/audit_lexicon.tsv) and the reference chronology
(data/audit_reference_events.tsv), loaded once per process."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from ..errors import ConfigError

LEXICON_FILE = "audit_lexicon.tsv"
REFERENCE_FILE = "audit_reference_events.tsv"
_REFERENCE_COLUMNS = 9
_SHORT_CAPS = re.compile(r"^[A-Z.]{1,4}$")


@dataclass(frozen=True, slots=True)
class AuditLexicon:
    patterns: Mapping[str, re.Pattern[str]]  # category -> one alternation at word boundaries
    stopwords: frozenset[str]

    def get(self, category: str) -> re.Pattern[str]:
        try:
            return self.patterns[category]
        except KeyError:
            raise ConfigError(f"no entries of category {category!r}", path=LEXICON_FILE) from None


@dataclass(frozen=True, slots=True)
class ReferenceEvent:
    """One landmark event of the reference chronology."""

    id: str
    date: date
    tolerance: int
    plover: str | None
    cues: tuple[str, ...]  # cue sets of the lexicon ("cue:<name>")
    participants: tuple[re.Pattern[str], ...]  # every group must be named
    generic: tuple[bool, ...]  # per group: a state or side that many events share
    stems: tuple[tuple[str, ...], ...]  # per group, lower-case first words of its aliases
    keywords: re.Pattern[str] | None  # one must occur, when given
    place: str
    summary: str
    line: int

    @property
    def needs_direction(self) -> bool:
        """Only generic names and no keyword: a mention must have the first group as its agent
        and the second as its target or place."""
        return self.keywords is None and all(self.generic)

    def could_match(self, lower: str) -> bool:
        """A cheap test on the lower-cased sentence: may every group be named in it?"""
        return all(any(stem in lower for stem in group) for group in self.stems)


def _data_rows(name: str) -> Iterator[tuple[int, list[str]]]:
    text = resources.files("thucydides").joinpath("data", name).read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield n, [p.strip() for p in line.split("\t")]


def _compile(source: str, name: str, line: int, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise ConfigError(f"bad regular expression: {exc}", path=f"data/{name}", line=line) from exc


@lru_cache(maxsize=1)
def audit_lexicon() -> AuditLexicon:
    """The audit's word lists (see data/audit_lexicon.tsv)."""
    parts: dict[str, list[str]] = {}
    stop: set[str] = set()
    for n, row in _data_rows(LEXICON_FILE):
        if len(row) != 2:
            raise ConfigError("expected category<TAB>entry", path=f"data/{LEXICON_FILE}", line=n)
        category, entry = row
        if category == "stopword":
            stop.update(entry.lower().split())
        else:
            _compile(entry, LEXICON_FILE, n)
            parts.setdefault(category, []).append(f"(?:{entry})")
    patterns = {c: _compile(r"(?<!\w)(?:" + "|".join(p) + r")(?!\w)", LEXICON_FILE, 0)
                for c, p in parts.items()}
    return AuditLexicon(MappingProxyType(patterns), frozenset(stop))


def alias_pattern(aliases: str, name: str = REFERENCE_FILE, line: int = 0) -> re.Pattern[str]:
    """One pattern for ``a|b|c``: whole words, case-insensitive except short all-capital aliases
    ("US", "IS"); a trailing ``*`` lets the word continue ("Iran*" also matches "Iranian")."""
    alts: list[str] = []
    for alias in (a.strip() for a in aliases.split("|")):
        if not alias:
            continue
        stem = alias.rstrip("*")
        body = re.escape(stem) + (r"\w*" if alias.endswith("*") else "")
        body = r"\s+".join(body.split(r"\ "))
        alts.append(body if _SHORT_CAPS.match(stem) else f"(?i:{body})")
    if not alts:
        raise ConfigError("empty alias list", path=f"data/{name}", line=line)
    return _compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?![\w])", name, line, flags=0)


def _stems(aliases: str) -> tuple[str, ...]:
    return tuple(a.strip().rstrip("*").split()[0].lower() for a in aliases.split("|") if a.strip())


@lru_cache(maxsize=1)
def reference_events() -> tuple[ReferenceEvent, ...]:
    """The reference chronology (see data/audit_reference_events.tsv)."""
    out: list[ReferenceEvent] = []
    lex = audit_lexicon()
    for n, row in _data_rows(REFERENCE_FILE):
        if row[0] == "id":
            continue
        out.append(_reference_row(row, n, lex))
    return tuple(out)


def _reference_row(row: list[str], n: int, lex: AuditLexicon) -> ReferenceEvent:
    where = f"data/{REFERENCE_FILE}"
    if len(row) != _REFERENCE_COLUMNS:
        raise ConfigError(f"expected {_REFERENCE_COLUMNS} tab-separated fields, got {len(row)}",
                          path=where, line=n)
    rid, day, tolerance, plover, cues, participants, keywords, place, summary = row
    try:
        when, tol = date.fromisoformat(day), int(tolerance)
    except ValueError as exc:
        raise ConfigError(f"bad date or tolerance: {exc}", path=where, line=n) from exc
    cue_sets = tuple(f"cue:{c.strip()}" for c in cues.split(",") if c.strip())
    for c in cue_sets:
        lex.get(c)
    parts = [g.strip() for g in participants.split(";") if g.strip()]
    groups = tuple(alias_pattern(g.lstrip("~"), line=n) for g in parts)
    if not groups or not cue_sets:
        raise ConfigError("an event needs participants and cues", path=where, line=n)
    return ReferenceEvent(
        id=rid, date=when, tolerance=tol, plover=None if plover == "-" else plover,
        cues=cue_sets, participants=groups, generic=tuple(g.startswith("~") for g in parts),
        stems=tuple(_stems(g.lstrip("~")) for g in parts),
        keywords=None if keywords == "-" else alias_pattern(keywords, line=n),
        place=place, summary=summary, line=n)
