"""Readers for the gazetteer's data files under ``thucydides.data`` (see tools/build_gazetteer.py).

Every reader returns plain rows; :mod:`.gazetteer` turns them into candidates. Files are read once
per process by the gazetteer's cached loader, never at import time.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import pickle
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

PACKAGE = "thucydides.data"
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"[\s_]+")


def norm_key(name: str) -> str:
    """Lookup key: accents, case and punctuation removed (``"Sīstān-va-Balūchestān"`` ->
    ``"sistan va baluchestan"``; ``"U.S."`` -> ``"us"``)."""
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name)
                       if not unicodedata.combining(c))
    name = name.replace("'", "").replace("’", "").replace(".", "")
    return _SPACE.sub(" ", _PUNCT.sub(" ", name.lower())).strip()


@dataclass(frozen=True, slots=True)
class CityRow:
    name: str
    cc: str
    admin1: str
    admin2: str
    lat: float
    lon: float
    population: int
    geonames_id: str
    alternates: tuple[str, ...]


def _rows(filename: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, tab-separated fields) of a data file, skipping comments and blank lines."""
    path = resources.files(PACKAGE).joinpath(filename)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"missing data file {filename}", path=str(path),
                          hint="run tools/build_gazetteer.py") from exc
    if filename.endswith(".gz"):
        raw = gzip.decompress(raw)
    for n, line in enumerate(io.StringIO(raw.decode("utf-8")), 1):
        line = line.rstrip("\n")
        if line and not line.startswith("#"):
            yield n, line.split("\t")


def _need(fields: list[str], k: int, filename: str, n: int) -> list[str]:
    if len(fields) < k:
        raise ConfigError(f"expected {k} tab-separated fields", path=filename, line=n)
    return fields


def read_cities() -> Iterator[CityRow]:
    fname = "places_cities.tsv.gz"
    for n, f in _rows(fname):
        _need(f, 8, fname, n)
        alts = tuple(a for a in f[8].split("|") if a) if len(f) > 8 else ()
        yield CityRow(f[0], f[1], f[2], f[3], float(f[4]), float(f[5]), int(f[6] or 0), f[7],
                      alts)


def read_countries() -> list[dict[str, str]]:
    fname = "places_countries.tsv"
    rows = list(_rows(fname))
    header = rows[0][1]
    return [dict(zip(header, _need(f, len(header) - 1, fname, n), strict=False))
            for n, f in rows[1:]]


def read_words(fname: str) -> list[str]:
    """The entries of a one-column data file (one word or phrase a line)."""
    return [f[0].strip() for _, f in _rows(fname) if f[0].strip()]


@lru_cache(maxsize=1)
def owned_sites() -> frozenset[str]:
    """Sites that stand where their country is, and that a country adjective may own rather than
    place (data/places_owned_sites.txt): "Israel's nuclear sites", "an Israeli facility"."""
    return frozenset(w.lower() for w in read_words("places_owned_sites.txt"))


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Head nouns a country may modify and still name a place, and compass words
    (data/place_nouns.txt, with the sites of :func:`owned_sites`): "Iranian soil", "province"."""
    return frozenset(read_words("place_nouns.txt")) | owned_sites()


def read_table(fname: str, width: int) -> list[list[str]]:
    """Rows of a hand-written TSV data file, each padded to ``width`` fields."""
    out: list[list[str]] = []
    for n, f in _rows(fname):
        _need(f, min(width, 2), fname, n)
        out.append([x.strip() for x in f] + [""] * (width - len(f)))
    return out


CACHE_FORMAT = 4
_CODE_FILES = ("geo_translit.py",)
_DATA_FILES = ("places_cities.tsv.gz", "places_countries.tsv", "places_country_points.tsv",
               "places_regions.tsv", "place_aliases.tsv", "places_admin1_names.tsv",
               "places_admin1_aliases.tsv", "places_admin_affixes.tsv", "places_translit.tsv")


def _cache_path(name: str) -> Path:
    """A cache file whose name changes whenever a data file or this format changes."""
    h = hashlib.sha1(str(CACHE_FORMAT).encode())
    for fname in _DATA_FILES:
        h.update(resources.files(PACKAGE).joinpath(fname).read_bytes())
    for module in _CODE_FILES:  # the code that computes cached keys
        h.update(resources.files("thucydides.resolve").joinpath(module).read_bytes())
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "thucydides" / f"{name}-{h.hexdigest()[:16]}.pickle"


def load_cached(name: str) -> tuple[object, ...] | None:
    """The pickled state saved by :func:`save_cached`, or None if absent or unreadable."""
    try:
        with _cache_path(name).open("rb") as fh:
            state = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return None
    return state if isinstance(state, tuple) else None


def save_cached(name: str, state: tuple[object, ...]) -> None:
    """Write ``state`` to the user cache dir (best effort: an unwritable cache is skipped)."""
    path = _cache_path(name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        return
