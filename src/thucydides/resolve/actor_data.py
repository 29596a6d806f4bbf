"""Read the actor data files under ``data/actors`` into plain tables.

Files (all UTF-8, ``#`` comments, one header row, ``|`` between multiple values):

- ``countries.tsv`` (generated from pycountry by ``tools/build_actors.py``) and ``country_names.tsv``
  (curated names, adjectives, demonyms, capitals) for every state;
- ``leaders.tsv``, ``bodies.tsv``, ``groups.tsv``, ``igos.tsv``, ``generic.tsv``: entry rows with the
  columns ``id name country kind operates_in start end flags aliases``;
- ``blocks.txt``: phrases that contain an actor name but are no actor ("Indian Ocean");
- ``modifiers.tsv``: the words that make a country a proxy patron, a past title, and so on.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from ..errors import ThucydidesError
from ..records import ActorKind
from .actor_types import (
    SPEC_COUNTRY,
    SPEC_GENERIC,
    SPEC_NAMED,
    SPEC_PERSON,
    SPEC_ROLE,
    ActorEntry,
    Country,
    EntryInfo,
    Role,
    Term,
)

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"
ENTRY_FILES = ("leaders.tsv", "bodies.tsv", "groups.tsv", "igos.tsv")  # priority order on clashes
KINDS = frozenset({"state", "military", "government", "armed_group", "igo", "civilians", "other"})
BLOCK = "block"


@dataclass(frozen=True, slots=True)
class AliasRow:
    """One alias to put in the matcher: ``key`` is an entry id or an ISO-3 code."""

    alias: str
    key: str
    role: Role | str  # Role, or BLOCK


@dataclass
class ActorTables:
    terms: dict[str, list[Term]] = field(default_factory=dict)
    info: dict[str, EntryInfo] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    aliases: list[AliasRow] = field(default_factory=list)
    offices: dict[tuple[str, str], list[ActorEntry]] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)  # lower-case adjective/demonym -> ISO-3
    modifiers: dict[str, frozenset[str]] = field(default_factory=dict)


class ActorDataError(ThucydidesError):
    """A malformed actor data file (a packaging bug, not a user error)."""

    code = "T000"
    hint = "the actor data files under thucydides/data/actors are malformed; reinstall or fix them"


def _rows(path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    """Data rows of a TSV file (comments and the header row skipped), padded to ``width``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ActorDataError(f"cannot read actor data: {exc}", path=str(path)) from exc
    header_seen = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) > width:
            raise ActorDataError(f"expected {width} columns, got {len(cells)}", path=str(path),
                                 line=number)
        yield number, cells + [""] * (width - len(cells))


def data_rows(path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    """Data rows of one of the actor TSV files (comments and header skipped), padded."""
    return _rows(path, width)


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def ascii_fold(text: str) -> str:
    """``"Türkiye"`` -> ``"Turkiye"``: drop accents so both spellings match."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _country_aliases(tables: ActorTables, iso3: str, cells: list[str]) -> None:
    _, _, aliases, adjectives, demonyms, metonyms, _ = cells
    for alias in _split(aliases):
        tables.aliases.append(AliasRow(alias, iso3, "name"))
    for role, cell in (("adjective", adjectives), ("demonym", demonyms), ("capital", metonyms)):
        for alias in _split(cell):
            tables.aliases.append(AliasRow(alias, iso3, role))
            if role != "capital":
                tables.adjectives.setdefault(alias.lower(), iso3)


def load_countries(tables: ActorTables) -> None:
    """Merge the generated country list with the curated names."""
    names: dict[str, str] = {}
    generated: dict[str, list[str]] = {}
    for _, (iso3, short, extra) in _rows(DATA_DIR / "countries.tsv", 3):
        names[iso3] = short
        generated[iso3] = [short, *_split(extra)]
    curated = {cells[0]: cells for _, cells in _rows(DATA_DIR / "country_names.tsv", 7)}
    for iso3, cells in curated.items():
        _country_aliases(tables, iso3, cells)
        names[iso3] = cells[1] or names.get(iso3, iso3)
    for iso3, forms in generated.items():
        dropped = set(_split(curated[iso3][6])) if iso3 in curated else set()
        tables.aliases.extend(AliasRow(a, iso3, "name") for a in forms if a not in dropped)
    for iso3, name in names.items():
        tables.aliases.append(AliasRow(name, iso3, "name"))
        adjective = _split(curated[iso3][3])[0] if iso3 in curated and curated[iso3][3] else None
        tables.countries[iso3] = Country(iso3, name, adjective)
        entry = ActorEntry(iso3, name, iso3, "state")
        tables.terms[iso3] = [Term(entry)]
        tables.info[iso3] = EntryInfo(SPEC_COUNTRY)


def _info(flags: set[str], generic_file: bool) -> EntryInfo:
    if "person" in flags:
        spec = SPEC_PERSON
    elif "role" in flags:
        spec = SPEC_ROLE
    elif "generic" in flags or generic_file:
        spec = SPEC_GENERIC
    else:
        spec = SPEC_NAMED
    return EntryInfo(spec, owner="owner" in flags, adj="adj" in flags, person="person" in flags,
                     domestic="domestic" in flags)


def _entry(path: Path, number: int, cells: list[str], generic_file: bool) -> ActorEntry:
    ident, name, country, kind, operates_in, start, end = cells[:7]
    if kind not in KINDS or not ident or not name:
        raise ActorDataError(f"bad entry (id/name/kind {kind!r})", path=str(path), line=number)
    return ActorEntry(
        id=f"gen/{ident}" if generic_file else ident, name=name, country=country or None,
        kind=cast(ActorKind, kind), operates_in=tuple(_split(operates_in)),
        start=start or None, end=end or None,
    )


def load_entries(tables: ActorTables, filename: str) -> None:
    """Read one entry file: rows with the same id are dated terms of one actor."""
    path = DATA_DIR / filename
    generic_file = filename == "generic.tsv"
    for number, cells in _rows(path, 9):
        entry = _entry(path, number, cells, generic_file)
        flags = set(_split(cells[7].replace(",", "|")))
        office = next((f.split("=", 1)[1] for f in flags if f.startswith("office=")), None)
        tables.terms.setdefault(entry.id, []).append(Term(entry, office))
        tables.info.setdefault(entry.id, _info(flags, generic_file))
        if office and entry.country and not generic_file:
            tables.offices.setdefault((entry.country, office), []).append(entry)
        tables.aliases.extend(AliasRow(a, entry.id, "entity") for a in _split(cells[8]))


def load_modifiers(tables: ActorTables) -> None:
    for _, (kind, words) in _rows(DATA_DIR / "modifiers.tsv", 2):
        keep_case = kind == "ambiguous_acronyms"
        tables.modifiers[kind] = frozenset(w if keep_case else w.lower() for w in _split(words))


def load_blocks(tables: ActorTables) -> None:
    path = DATA_DIR / "blocks.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ActorDataError(f"cannot read actor data: {exc}", path=str(path)) from exc
    for line in lines:
        if line.strip() and not line.startswith("#"):
            tables.aliases.append(AliasRow(line.strip(), "", BLOCK))


def load_tables() -> ActorTables:
    """All actor data, in matcher priority order: blocks, named entries, countries, generic words."""
    tables = ActorTables()
    load_blocks(tables)
    for filename in ENTRY_FILES:
        load_entries(tables, filename)
    load_countries(tables)
    load_entries(tables, "generic.tsv")
    load_modifiers(tables)
    for terms in tables.terms.values():
        terms.sort(key=lambda t: t.entry.start or "")
    return tables
