"""Parse a written count ("at least 84", "twenty-one", "between 10 and 12", "dozens") into bounds.

:func:`parse_number` returns ``(best, low, high)`` or None when the words state no number. The rules:

=====================================  ==========================================================
written                                (best, low, high)
=====================================  ==========================================================
``11``, ``1,329``, ``two``, ``a``      exact: ``(n, n, n)``; ``a``/``an``/``one`` = 1, ``no`` = 0
``twenty-one``, ``a dozen``            compound and counted words: 21, 12 (``half a dozen`` = 6)
``at least 11``                        ``(11, 11, None)``
``more than 90``, ``over 90``          ``(91, 91, None)``: best is the least value the words allow
``up to 30``, ``as many as 30``        ``(30, None, 30)``
``fewer than 30``                      ``(29, None, 29)``
``nearly 100``, ``almost 100``         ``(100, None, 100)``: the reported point value, bounded above
``about 40``, ``around 40``            ``(40, None, None)``
``10-12``, ``10 to 12``, ``between``   ``(10, 10, 12)``: best is the lower figure (as ACLED codes)
``dozens``, ``scores``, ``hundreds``   ``(None, 24, None)``, ``(None, 40, None)``, ``(None, 200,
                                       None)``: at least two of the unit, no point value
``several``, ``a number of``, ``few``  None
=====================================  ==========================================================

Words and modifier phrases live in ``data/number_words.tsv`` and ``data/number_modifiers.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from ..errors import ConfigError
from ..records import Token

WORDS_FILE = "number_words.tsv"
MODIFIERS_FILE = "number_modifiers.tsv"

Bounds = tuple[int | None, int | None, int | None]

_TOKEN_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+|-")
_DIGITS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
_RANGE_SEPARATORS = frozenset({"-", "to", "or", "and"})


def read_tsv(name: str, ncols: int) -> list[tuple[str, ...]]:
    """Rows of the data file ``name`` (``#`` comments and blank lines skipped), ``ncols`` each."""
    text = resources.files("thucydides").joinpath("data", name).read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) != ncols:
            raise ConfigError(f"expected {ncols} tab-separated fields, got {len(parts)}",
                              path=name, line=n)
        rows.append(tuple(p.strip() for p in parts))
    return rows


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    """Number words (word → (value, kind)) and bounding modifiers (word tuple → effect)."""

    words: Mapping[str, tuple[float, str]]
    modifiers: Mapping[tuple[str, ...], str]
    max_modifier: int  # longest modifier, in words


@lru_cache(maxsize=1)
def number_lexicon() -> NumberLexicon:
    """Load the number lexicon once per process."""
    words: dict[str, tuple[float, str]] = {}
    for word, value, kind in read_tsv(WORDS_FILE, 3):
        try:
            words[word.lower()] = (float(value), kind)
        except ValueError as exc:
            raise ConfigError(f"bad value {value!r} for {word!r}", path=WORDS_FILE) from exc
    modifiers = {tuple(p.lower().split()): e for p, e in read_tsv(MODIFIERS_FILE, 2)}
    longest = max((len(k) for k in modifiers), default=0)
    return NumberLexicon(MappingProxyType(words), MappingProxyType(modifiers), longest)


def is_number_word(word: str) -> bool:
    """True when ``word`` is a digit string or a number word that can carry a count."""
    w = word.lower()
    if _DIGITS_RE.match(w):
        return True
    if "-" in w and len(w) > 2:  # "twenty-one" as one token
        return all(is_number_word(p) for p in w.split("-")) and _core(w.split("-")) is not None
    entry = number_lexicon().words.get(w)
    return entry is not None and entry[1] in ("unit", "tens", "scale", "group", "plural")


def parse_number(words: str) -> Bounds | None:
    """``(best, low, high)`` of a written count, or None when it states no number."""
    toks = _TOKEN_RE.findall(words.lower().replace("–", "-").replace("—", "-"))
    if not toks:
        return None
    effect, toks = _split_modifier(toks)
    if toks and toks[0] == "between":
        toks = toks[1:]
    if toks and toks[-1] == "of":
        toks = toks[:-1]
    value = _core(toks)
    if value is None:
        return _range(toks)
    return _apply(effect, value)


def _split_modifier(toks: list[str]) -> tuple[str, list[str]]:
    lex = number_lexicon()
    for n in range(min(lex.max_modifier, len(toks) - 1), 0, -1):
        effect = lex.modifiers.get(tuple(toks[:n]))
        if effect is not None:
            return effect, toks[n:]
    return "exact", toks


def _range(toks: list[str]) -> Bounds | None:
    for k, tok in enumerate(toks):
        if tok not in _RANGE_SEPARATORS or k == 0:
            continue
        left, right = _core(toks[:k]), _core(toks[k + 1:])
        if left is None or right is None or left[1] != "exact" or right[1] != "exact":
            continue
        lo, hi = sorted((left[0], right[0]))
        return lo, lo, hi
    return None


def _apply(effect: str, value: tuple[int, str]) -> Bounds:
    n, kind = value
    if kind == "plural":
        return None, n, None
    table: dict[str, Bounds] = {
        "ge": (n, n, None), "gt": (n + 1, n + 1, None), "le": (n, None, n),
        "lt": (max(n - 1, 0), None, max(n - 1, 0)), "near": (n, None, n), "approx": (n, None, None),
    }
    return table.get(effect, (n, n, n))


def _core(toks: list[str]) -> tuple[int, str] | None:
    """The value of a plain count and its kind (``exact`` or ``plural``), or None."""
    if not toks:
        return None
    words = number_lexicon().words
    total, current, factor, prev, plural = 0.0, 0.0, 1.0, "", False
    for k, tok in enumerate(toks):
        nxt = words.get(toks[k + 1], (0.0, ""))[1] if k + 1 < len(toks) else ""
        if _DIGITS_RE.match(tok):
            if prev:
                return None
            current, prev = float(tok.replace(",", "")), "digits"
            continue
        if _joiner(tok, prev, nxt):
            continue
        value, kind = words.get(tok, (0.0, "vague"))
        if kind == "vague" or not _follows(kind, prev):
            return None
        if kind in ("unit", "tens"):
            current += value
        elif kind == "article":
            current = current or 1.0
        elif kind == "frac":
            factor = 0.5
        elif kind == "scale":
            total, current = _scale(total, current, value)
        elif kind == "group":
            current = (current or 1.0) * value
        else:  # plural: "dozens", "hundreds of thousands"
            current, plural = (current or 2.0) * value, True
        prev = kind
    value = (total + current) * factor
    if abs(value - round(value)) > 1e-9:
        return None
    result = round(value)
    return (result, "plural") if plural else (result, "exact")


def _joiner(tok: str, prev: str, nxt: str) -> bool:
    """"and" in "one hundred and twenty", "-" in "twenty-one", "of" in "tens of thousands"."""
    if tok == "and":
        return prev == "scale" and nxt in ("unit", "tens")
    if tok == "-":
        return prev == "tens" and nxt == "unit"
    return tok == "of" and prev == "plural" and nxt == "plural"


_AFTER: dict[str, frozenset[str]] = {
    "unit": frozenset({"", "tens", "scale", "article"}),
    "tens": frozenset({"", "scale", "article"}),
    "scale": frozenset({"unit", "tens", "digits", "article", "scale"}),
    "article": frozenset({"", "frac"}),
    "frac": frozenset({""}),
    "group": frozenset({"", "unit", "tens", "digits", "article", "scale"}),
    "plural": frozenset({"", "unit", "tens", "digits", "plural"}),
}


def _follows(kind: str, prev: str) -> bool:
    return prev in _AFTER.get(kind, frozenset())


def _scale(total: float, current: float, value: float) -> tuple[float, float]:
    if value >= 1000:
        return total + (current or 1.0) * value, 0.0
    return total, (current or 1.0) * value


# ---- number phrases in a parsed sentence -----------------------------------------------------

_NOT_COUNT_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
_NUMBER_JOINERS = frozenset({"-", "–", "to", "and", "or", "of"})
_ZERO_WORDS = frozenset({"no", "nobody", "none"})


@dataclass(frozen=True, slots=True)
class NumberPhrase:
    """A number phrase: tokens [first, last], its syntactic head token and its bounds."""

    first: int
    last: int
    head: int
    bounds: Bounds


class _Span:
    def __init__(self, tokens: Sequence[Token], lo: int, hi: int) -> None:
        self.toks, self.lo, self.hi = tokens, lo, hi
        self.blocked: frozenset[int] = frozenset()
        self.blocked = _non_count_entities(self)

    def low(self, i: int) -> str:
        return self.toks[i].text.lower()

    def lemma(self, i: int) -> str:
        return self.toks[i].lemma.lower()


def number_phrases(tokens: Sequence[Token], lo: int, hi: int) -> dict[int, NumberPhrase]:
    """Every number phrase of tokens [lo, hi) that can be a count, keyed by each of its tokens.

    A phrase is a run of number words and digits with its bounding modifier ("at least 84",
    "between 10 and 12", "a dozen", "dozens of"); years, ages ("12-year-old") and numbers inside a
    date, time, money, percent or quantity entity ("January 16", "1.5 km") are left out.
    """
    view = _Span(tokens, lo, hi)
    out: dict[int, NumberPhrase] = {}
    i = view.lo
    while i < view.hi:
        if not _starts_number(view, i):
            i += 1
            continue
        last = i
        step = _continues(view, i, last)
        while step:
            last += step
            step = _continues(view, i, last)
        num = _make_num(view, i, last)
        if num is not None:
            for k in range(num.first, num.last + 1):
                out[k] = num
        i = last + 1
    return out


def _starts_number(view: _Span, i: int) -> bool:
    tok = view.toks[i]
    if i in view.blocked or view.low(i) in _ZERO_WORDS:
        return False
    if view.low(i) == "one" and i > view.lo and view.low(i - 1) == "no":
        return False  # "no one"
    return is_number_word(tok.text) and not _YEAR_RE.match(tok.text)


def _non_count_entities(view: _Span) -> frozenset[int]:
    """Tokens of date, time, money, percent and quantity entities that hold more than a count.

    "January 16", "three days", "1.5 km" and "$10 million" are blocked; "between 10 and 12", which
    the NER sometimes tags as a date, is not.
    """
    blocked: set[int] = set()
    ent: list[int] = []
    for i in range(view.lo, view.hi + 1):
        tok = view.toks[i] if i < view.hi else None
        if ent and (tok is None or tok.ent_iob != "I" or tok.ent_type != view.toks[ent[0]].ent_type):
            if not all(_count_word(view, k) for k in ent):
                blocked.update(ent)
            ent = []
        if tok is not None and tok.ent_type in _NOT_COUNT_ENTS:
            ent.append(i)
    return frozenset(blocked)


def _count_word(view: _Span, k: int) -> bool:
    w = view.low(k)
    return (is_number_word(w) and not _YEAR_RE.match(w)) or w in _NUMBER_JOINERS or \
        w in _modifier_words()


@lru_cache(maxsize=1)
def _modifier_words() -> frozenset[str]:
    return frozenset({"between", *(w for m in number_lexicon().modifiers for w in m)})


def _continues(view: _Span, first: int, last: int) -> int:
    """How many tokens the number phrase [first, last] grows by (0: it ends at ``last``)."""
    nxt = last + 1
    if nxt >= view.hi:
        return 0
    if view.low(nxt) not in _NUMBER_JOINERS:
        return 1 if _starts_number(view, nxt) else 0
    if nxt + 1 >= view.hi or not _starts_number(view, nxt + 1):
        return 0
    before = view.low(first - 1) if first > view.lo else ""
    word = view.low(nxt)
    ok = {
        "and": before == "between" or number_lexicon().words.get(view.low(last), (0, ""))[1] == "scale",
        "to": before != "from",
        "of": view.low(nxt + 1).endswith("s"),
    }.get(word, True)
    return 2 if ok else 0


def _make_num(view: _Span, first: int, last: int) -> NumberPhrase | None:
    if last + 1 < view.hi and view.low(last + 1) in ("-", "–") and last + 2 < view.hi and \
            view.lemma(last + 2) in ("year", "month", "week", "day", "hour", "storey", "story"):
        return None  # "a 12-year-old", "a 3-day siege"
    first = _modifier_start(view, first)
    while last >= first:
        words = " ".join(view.toks[k].text for k in range(first, last + 1))
        bounds = parse_number(words)
        if bounds is not None:
            return NumberPhrase(first, last, _phrase_head(view, first, last), bounds)
        last -= 1
    return None


def _modifier_start(view: _Span, first: int) -> int:
    lex = number_lexicon()
    if first - 1 >= view.lo and view.low(first - 1) in ("a", "an") and \
            lex.words.get(view.low(first), (0.0, ""))[1] in ("group", "scale"):
        first -= 1  # "a dozen", "a hundred"
    if first - 1 >= view.lo and view.low(first - 1) == "between":
        return first - 1
    for n in range(lex.max_modifier, 0, -1):
        start = first - n
        if start >= view.lo and tuple(view.low(k) for k in range(start, first)) in lex.modifiers:
            return start
    return first


def _phrase_head(view: _Span, first: int, last: int) -> int:
    for k in range(last, first - 1, -1):
        if not first <= view.toks[k].head <= last:
            return k
    return last
