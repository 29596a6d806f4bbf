"""Link cues in a sentence: "in retaliation for X", "in response to X", "a day after X".

A cue names an earlier event (its *referent*, "the Turkish attack on Duhok") that the
sentence's own event answers. :func:`find_cues` returns each cue's relation, its span in the
sentence, the referent's words and, for "N days after", the lag the text states. The words are
in ``data/link_cues.tsv``; the countries and event-type words a referent names come from the
demonym table, the country table and the trigger lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .errors import ConfigError

_CUES_FILE = "link_cues.tsv"
_NUMBERS_FILE = "number_words.tsv"
_NUMBER_KINDS = frozenset({"unit", "tens", "article"})
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_CLAUSE_END = re.compile(r"[,;:.!?()\n]|\s[-–—]\s|\b(?:but|while|which|who|whom|as|when)\b")
_MAX_REFERENT_WORDS = 12


@dataclass(frozen=True, slots=True)
class CueWords:
    nouns: dict[str, str]  # cue noun → relation
    units: dict[str, int]  # time unit → days
    counts: dict[str, int]  # number word → value
    leads: frozenset[str]


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue of a sentence: its relation, span, stated lag and the referent's words."""

    relation: str  # retaliation / response / follows
    start: int  # span of the whole cue in the sentence
    end: int
    text: str
    referent: str  # "the Turkish attack on Duhok"
    lag_days: int | None = None  # "two days after": 2; None when the text gives no number


@lru_cache(maxsize=1)
def cue_words() -> CueWords:
    try:
        text = resources.files("thucydides").joinpath("data", _CUES_FILE).read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read link cues: {exc}", path=_CUES_FILE) from exc
    tables: dict[str, dict[str, str]] = {"noun": {}, "unit": {}, "count": {}, "lead": {}}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or cells[0] not in tables:
            raise ConfigError(f"bad link cue row {line!r}", path=f"{_CUES_FILE}:{n}")
        tables[cells[0]][cells[1].strip().lower()] = cells[2].strip()
    try:
        counts = _number_words() | {k: int(v) for k, v in tables["count"].items()}
        return CueWords(tables["noun"], {k: int(v) for k, v in tables["unit"].items()},
                        counts, frozenset(tables["lead"]))
    except ValueError as exc:
        raise ConfigError(f"a link cue number is not an integer: {exc}", path=_CUES_FILE) from exc


def _number_words() -> dict[str, int]:
    """"two", "ten", "twenty", "a": the small numbers of ``number_words.tsv``."""
    try:
        text = resources.files("thucydides").joinpath("data", _NUMBERS_FILE).read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read number words: {exc}", path=_NUMBERS_FILE) from exc
    out: dict[str, int] = {}
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) >= 3 and cells[2].strip() in _NUMBER_KINDS and cells[1].strip().isdigit():
            out[cells[0].strip().lower()] = int(cells[1])
    return out


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = cue_words()
    nouns = "|".join(sorted(map(re.escape, words.nouns), key=len, reverse=True))
    noun = re.compile(rf"\b(?:in|as)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?P<noun>{nouns})\s+"
                      rf"(?:for|to|against|over)\s+", re.IGNORECASE)
    counts = "|".join(sorted(map(re.escape, words.counts), key=len, reverse=True))
    units = "|".join(sorted(map(re.escape, words.units), key=len, reverse=True))
    leads = "|".join(sorted(map(re.escape, words.leads), key=len, reverse=True))
    after = re.compile(
        rf"\b(?:(?:(?P<count>\d+|{counts})\s+)?(?P<unit>{units})|(?P<lead>{leads}))\s+after\s+",
        re.IGNORECASE)
    return noun, after


def find_cues(sentence: str) -> list[Cue]:
    """Every link cue of ``sentence``, in order."""
    noun, after = _patterns()
    words = cue_words()
    out: list[Cue] = []
    for found in noun.finditer(sentence):
        relation = words.nouns[found.group("noun").lower()]
        out.append(_cue(sentence, found.start(), found.end(), relation, None))
    for found in after.finditer(sentence):
        out.append(_cue(sentence, found.start(), found.end(), "follows", _lag(found, words)))
    return sorted((c for c in out if c.referent), key=lambda c: c.start)


def _cue(sentence: str, start: int, ref_start: int, relation: str, lag: int | None) -> Cue:
    stop = _CLAUSE_END.search(sentence, ref_start)
    end = stop.start() if stop else len(sentence)
    words = list(_WORD.finditer(sentence, ref_start, end))
    if len(words) > _MAX_REFERENT_WORDS:
        end = words[_MAX_REFERENT_WORDS - 1].end()
    end = len(sentence[:end].rstrip())
    referent = sentence[ref_start:end].strip()
    return Cue(relation, start, end, sentence[start:end], referent, lag)


def _lag(found: re.Match[str], words: CueWords) -> int | None:
    if found.group("lead"):
        return 0
    unit = words.units[found.group("unit").lower()]
    count = found.group("count")
    if unit == 0:
        return 0
    if count is None:
        return None
    value = int(count) if count.isdigit() else words.counts[count.lower()]
    return value * unit


def referent_words(referent: str) -> list[str]:
    """The referent's words, lower case, possessive ``'s`` dropped."""
    return [w.lower().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(referent)]


def word_forms(word: str) -> tuple[str, ...]:
    """A word and its likely lemmas ("attacks" → attack, "bombings" → bombing)."""
    forms = [word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.append(word[: -len(suffix)] + repl)
    return tuple(forms)
