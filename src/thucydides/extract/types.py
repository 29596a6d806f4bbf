"""Event types: the CAMEO → PLOVER / Goldstein / ACLED crosswalk and the weapon-mode cues.

``data/crosswalk.tsv`` is built by ``tools/build_crosswalk.py`` from the shared ontology files. Every
:class:`~thucydides.records.EventType` the extractor outputs comes from one of its rows, so the PLOVER
type always agrees with the CAMEO code. ``data/mode_cues.tsv`` refines an assault by the weapon words
of its clause (drone, missile, suicide bomber, IED, gunmen, ...).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from ..records import EventType


def data_path(name: str) -> Path:
    """Path of a file in ``thucydides/data``."""
    return Path(str(resources.files("thucydides") / "data" / name))


def read_tsv(name: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV data file with a header, as ``(line number, row)``; ``#`` lines are comments."""
    path = data_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read data file: {exc}", path=str(path)) from exc
    lines = [(n, ln) for n, ln in enumerate(text.splitlines(), 1)
             if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    reader = csv.DictReader([ln for _, ln in lines], delimiter="\t", quoting=csv.QUOTE_NONE)
    return [(n, {k: (v or "").strip() for k, v in row.items() if k is not None})
            for (n, _), row in zip(lines[1:], reader, strict=True)]


@dataclass(frozen=True, slots=True)
class Crosswalk:
    """CAMEO code → :class:`EventType` (PLOVER type and mode, Goldstein, quad class, ACLED)."""

    rows: dict[str, EventType]

    @classmethod
    def load(cls) -> Crosswalk:
        return _load_crosswalk()

    def __contains__(self, cameo: object) -> bool:
        return cameo in self.rows

    def lookup(self, cameo: str, *, mode: str | None = None,
               acled: tuple[str, str] | None = None) -> EventType:
        """A fresh EventType for ``cameo``; ``mode``/``acled`` override the row's defaults."""
        try:
            base = self.rows[cameo]
        except KeyError as exc:
            raise ConfigError(f"unknown CAMEO code {cameo!r}", path="crosswalk.tsv") from exc
        out = replace(base)
        if mode:
            out.mode = mode
        if acled:
            out.acled_event_type, out.acled_sub_event_type = acled
        return out


@lru_cache(maxsize=1)
def _load_crosswalk() -> Crosswalk:
    rows: dict[str, EventType] = {}
    for n, r in read_tsv("crosswalk.tsv"):
        try:
            rows[r["cameo"]] = EventType(
                plover=r["plover"], mode=r["mode"] or None, cameo=r["cameo"],
                goldstein=float(r["goldstein"]), quad_class=int(r["quad_class"]),
                acled_event_type=r["acled_event_type"] or None,
                acled_sub_event_type=r["acled_sub_event_type"] or None)
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"bad crosswalk row: {exc}", path="crosswalk.tsv", line=n) from exc
    return Crosswalk(rows)


@dataclass(frozen=True, slots=True)
class ModeCue:
    """A weapon word and what it implies for an assault: CAMEO code, PLOVER mode, ACLED type."""

    lemma: str
    rank: int  # lower wins when several cues appear
    cameo: str
    mode: str
    acled: tuple[str, str] | None


def parse_acled(value: str) -> tuple[str, str] | None:
    """``"Battles|Armed clash"`` → ``("Battles", "Armed clash")``; empty → None."""
    if not value:
        return None
    event_type, _, sub = value.partition("|")
    return event_type, sub


@lru_cache(maxsize=1)
def load_mode_cues() -> dict[str, ModeCue]:
    """``data/mode_cues.tsv``: lemma → cue (a lemma may be a two-word phrase ``"air strike"``)."""
    out: dict[str, ModeCue] = {}
    for n, r in read_tsv("mode_cues.tsv"):
        try:
            out[r["lemma"]] = ModeCue(r["lemma"], int(r["rank"]), r["cameo"], r["mode"],
                                      parse_acled(r["acled"]))
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"bad mode cue: {exc}", path="mode_cues.tsv", line=n) from exc
    return out


@lru_cache(maxsize=1)
def load_word_sets() -> dict[str, frozenset[str]]:
    """``data/role_cues.tsv``: kind → words (light verbs, civilian nouns, link-cue nouns, ...)."""
    words: dict[str, set[str]] = {}
    for n, r in read_tsv("role_cues.tsv"):
        if not r.get("kind") or not r.get("word"):
            raise ConfigError("role cue rows need kind and word", path="role_cues.tsv", line=n)
        words.setdefault(r["kind"], set()).add(r["word"].lower())
    return {k: frozenset(v) for k, v in words.items()}


def _appeal_demand_table(name: str, key: str) -> dict[str, tuple[str, str]]:
    """A table of ``key`` → (appeal code, demand code), every column required."""
    out: dict[str, tuple[str, str]] = {}
    for n, r in read_tsv(name):
        if not r.get(key) or not r.get("appeal") or not r.get("demand"):
            raise ConfigError(f"rows need {key}, appeal, demand", path=name, line=n)
        out[r[key].lower()] = (r["appeal"], r["demand"])
    return out


@lru_cache(maxsize=1)
def load_request_topics() -> dict[str, tuple[str, str]]:
    """``data/request_topics.tsv``: requested action → (appeal code, demand code)."""
    return _appeal_demand_table("request_topics.tsv", "word")


@lru_cache(maxsize=1)
def load_verb_forms() -> dict[str, str]:
    """``data/verb_forms.tsv``: irregular verb form → lemma."""
    return {r["form"].lower(): r["lemma"].lower() for _, r in read_tsv("verb_forms.tsv")
            if r.get("form") and r.get("lemma")}


@lru_cache(maxsize=4)
def load_code_table(name: str, key: str, value: str) -> dict[str, str]:
    """A data file mapping a CAMEO code prefix to another code (``intent_codes.tsv``:
    intended act → 03x; ``reject_codes.tsv``: refused act → 12x)."""
    out: dict[str, str] = {}
    for n, r in read_tsv(name):
        if not r.get(key) or not r.get(value):
            raise ConfigError(f"rows need {key} and {value}", path=name, line=n)
        out[r[key]] = r[value]
    return out


def prefix_code(table: dict[str, str], code: str, default: str) -> str:
    """The value of the longest prefix of ``code`` in ``table`` (at least two digits)."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return default


def intent_code(inner: str) -> str:
    """The 03x code of an intention to do the act coded ``inner`` (``data/intent_codes.tsv``;
    else 030)."""
    return prefix_code(load_code_table("intent_codes.tsv", "inner", "intent"), inner, "030")


def threat_code(inner: str) -> str:
    """The 13x code of threatening the act coded ``inner`` (``data/threat_codes.tsv``; else 130)."""
    return prefix_code(load_code_table("threat_codes.tsv", "act", "threat"), inner, "130")


def reject_code(inner: str) -> str:
    """The 12x code of refusing the act coded ``inner`` (``data/reject_codes.tsv``; else 120)."""
    return prefix_code(load_code_table("reject_codes.tsv", "inner", "reject"), inner, "120")


@lru_cache(maxsize=1)
def load_request_acts() -> dict[str, tuple[str, str]]:
    """``data/request_acts.tsv``: code prefix of a requested act → (appeal code, demand code)."""
    return _appeal_demand_table("request_acts.tsv", "act")


def request_code(act: str, demand: bool) -> str | None:
    """The appeal (or demand) code of a request for the act coded ``act`` (longest prefix)."""
    table = {k: v[1 if demand else 0] for k, v in load_request_acts().items()}
    found = prefix_code(table, act, "")
    return found or None
