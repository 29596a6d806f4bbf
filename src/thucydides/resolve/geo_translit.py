"""A transliteration normaliser for place names: one *skeleton* for the spellings of a name.

Names from Persian, Arabic, Urdu, Pashto or Kurdish reach English in many spellings: vowels vary
("Baluchistan", "Balochestan", "Seistan"), connectors vary ("Sistan-o-Baluchestan", "Sistan va
Baluchestan", "Sistan and Baluchestan"), so do letter groups ("kh"/"h", "q"/"k") and the Arabic
article ("Deir ez-Zor", "Dayr az Zawr"). The skeleton keeps the consonants and where the vowels
are, not which vowels (a run of vowels, or of w or y inside a word, becomes one "a"), drops the
connecting words and letter variants of data/places_translit.tsv, collapses doubled letters and
sorts the words. It is the gazetteer's fallback key for a name it does not know, never a
replacement for an exact match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .geo_data import read_table

MIN_SKELETON = 6  # shorter skeletons ("arbal") collide too often to be trusted
_VOWELS = re.compile(r"[aeiouyw]+")
_DOUBLE = re.compile(r"(\w\w?)\1+")


@dataclass(frozen=True, slots=True)
class _Rules:
    drop: frozenset[str]
    letters: re.Pattern[str]
    replace: dict[str, str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    rows = read_table("places_translit.tsv", 3)
    drop = frozenset(r[1] for r in rows if r[0] == "drop")
    replace = {r[1]: r[2] for r in rows if r[0] == "letters"}
    alt = "|".join(sorted(map(re.escape, replace), key=len, reverse=True))
    return _Rules(drop, re.compile(alt or r"(?!)"), replace)


def skeleton(key: str) -> str:
    """The skeleton of a lookup key (see :func:`geo_data.norm_key`); "" when too short to use."""
    rules = _rules()
    words = []
    for word in key.split():
        if word not in rules.drop:
            w = rules.letters.sub(lambda m: rules.replace[m.group()], word)
            w = w[:1] + _VOWELS.sub("a", w[1:]) if w[:1] in "wy" else _VOWELS.sub("a", w)
            w = _DOUBLE.sub(r"\1", w)
            if w:
                words.append(w)
    out = " ".join(sorted(words))
    return out if len(out.replace(" ", "")) >= MIN_SKELETON else ""


def connectors() -> frozenset[str]:
    """The connecting words a skeleton drops ("o", "va", "al", "ez" ...)."""
    return _rules().drop


def initials(key: str) -> str:
    """The sorted first letters of a key's words, connectors dropped: two spellings of one
    name start their words alike ("Khorasan-e Razavi" and "Razavi Khorasan": "kr")."""
    drop = _rules().drop
    return "".join(sorted(w[0] for w in key.split() if w not in drop))
