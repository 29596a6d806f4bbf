"""Stated containment: the words around a toponym that name the country it lies in.

"Zanjan province of Iran", "Abhar, Iran", "in Iran's Zanjan", "Qeydar in northwestern
Iran", "the Iranian province of Zanjan", "Iranian Zanjan": the text says which country
the place is in, and that outweighs every prior (prominence, the document's focus). A name with a
candidate in the stated country is restricted to that country's candidates; a name known only in
another country takes another spelling of it that names a place in the stated one, by
transliteration skeleton (:meth:`Gazetteer.variant_in`).

Not containment: a country that speaks ("in Zanjan, Iran said"), owns what follows ("Iran's
Zanjan strike"), starts a list ("Zanjan, Iran and Iraq") or a hyphenated pair
("Zanjan in the Iran-Iraq trade talks").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..records import ParsedDoc, Token
from .doc_tokens import tokens_in
from .gazetteer import Candidate, Gazetteer
from .geo_data import place_nouns

if TYPE_CHECKING:
    from .geo_spans import Span

LINKS = frozenset({",", "in", "inside", "within", "of"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
LIST_WORDS = frozenset({"and", "or", "&"})
MAX_GAP = 60  # characters between a place and its stated country
MAX_FILL = 3  # adjectives between a country and its place ("Iran's restive southeastern X")

__all__ = ["mark_within", "place_words", "restrict", "stated_countries"]


place_words = place_nouns  # generic place nouns and compass words: "province", "southeast"


def mark_within(spans: Sequence[Span], pdoc: ParsedDoc, gaz: Gazetteer) -> None:
    """Set ``Span.within`` (and, for a spelling known only elsewhere, ``Span.key``) of every span
    whose country the text states. ``spans`` are in text order, without overlaps."""
    for i, s in enumerate(spans):
        if s.demonym is not None:
            continue
        iso = _stated_after(s, spans[i + 1], pdoc, gaz) if i + 1 < len(spans) else None
        if iso is None and i > 0:
            iso = _stated_before(spans[i - 1], s, pdoc, gaz)
        if iso is not None:
            _restrict_span(s, iso, gaz)


def stated_countries(spans: Sequence[Span]) -> dict[str, str]:
    """Lookup key -> the one country the text states for it (keys stated in two are left out)."""
    seen: dict[str, set[str]] = {}
    for s in spans:
        if s.within is not None:
            seen.setdefault(s.key, set()).add(s.within)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def restrict(cands: list[Candidate], iso3: str | None) -> list[Candidate]:
    """The candidates in the stated country (all of them when none is stated or none is there)."""
    if iso3 is None:
        return cands
    return [c for c in cands if c.country == iso3] or cands


def _restrict_span(s: Span, iso3: str, gaz: Gazetteer) -> None:
    cands = gaz.lookup_key(s.key)
    if not cands or any(c.kind == "country" for c in cands):
        return  # a country's name means the country ("Pakistan, Iran" is a list)
    if any(c.country == iso3 for c in cands):
        s.within = iso3
        return
    alt = gaz.variant_in(s.key, iso3)
    if alt is not None:
        s.key, s.within = alt, iso3


def _country_of(s: Span, gaz: Gazetteer) -> str | None:
    """ISO-3 of the one country the span's name means ("Georgia" means two places: None)."""
    if s.demonym is not None:
        return None
    cands = gaz.lookup_key(s.key)
    countries = {c.country for c in cands if c.kind == "country"}
    if len(countries) != 1 or any(c.kind in ("admin1", "region") and c.country not in countries
                                  for c in cands):
        return None
    return next(iter(countries))


def _stated_after(x: Span, y: Span, pdoc: ParsedDoc, gaz: Gazetteer) -> str | None:
    """"X province of Y", "X, Y", "X in (southeastern) Y": Y a country."""
    if y.start - x.end > MAX_GAP:
        return None
    toks = tokens_in(pdoc, x.end, y.start)
    tail = bool(toks) and toks[0].text.lower() in place_words()
    rest = toks[1:] if tail else toks
    if not rest or rest[0].text.lower() not in LINKS or (rest[0].text == "of" and not tail):
        return None
    if not _same_sentence(toks) or not _fillers(_drop_the(rest[1:])):
        return None
    iso = _country_of(y, gaz)
    if iso is None:
        return None
    nxt = _token_at(pdoc, y.end)
    if nxt is not None and (nxt.text in POSSESSIVE or nxt.text == "-"):
        return None  # "X in Iran's ...", "X in the Iran-Pakistan border area"
    if rest[0].text == "," and not _closes(pdoc, x, nxt):
        return None
    if rest[0].text.lower() != "of" and rest[0].text != "," and _capital(x, gaz):
        return None  # "the role of Moscow in Syria": a government, not a place there
    return iso


def _capital(s: Span, gaz: Gazetteer) -> bool:
    """The name is a national capital's (it stands for a government as often as for a town)."""
    return any(c.kind == "city" and c.country and gaz.capital(c.country) == c
               for c in gaz.lookup_key(s.key))


def _closes(pdoc: ParsedDoc, x: Span, nxt: Token | None) -> bool:
    """In "X, Y" the country Y closes the name: no list ("A, X, Y and Z") and no verb after Y
    ("in X, Iran said")."""
    before = _token_before(pdoc, x.start)
    if before is not None and before.text == ",":
        return False
    if nxt is None:
        return True
    if nxt.pos in ("VERB", "AUX") or nxt.text.lower() in LIST_WORDS:
        return False
    after = _token_at(pdoc, nxt.end)
    return not (nxt.text == "," and after is not None and after.text.lower() in LIST_WORDS)


def _stated_before(y: Span, x: Span, pdoc: ParsedDoc, gaz: Gazetteer) -> str | None:
    """"Y's (southeastern) X", "the Yian province of X", "Yian X"."""
    if x.start - y.end > MAX_GAP:
        return None
    toks = tokens_in(pdoc, y.end, x.start)
    if y.demonym is not None and y.demonym[0] == "country":
        iso: str | None = y.demonym[1]
        if not toks:
            return iso  # "Iranian Zanjan"
    else:
        iso = _country_of(y, gaz)
        if not toks or toks[0].text not in POSSESSIVE:
            return None
        toks = toks[1:]
    if iso is None or not _same_sentence(toks):
        return None
    framed = len(toks) >= 2 and toks[-1].text.lower() == "of" \
        and toks[-2].text.lower() in place_words()
    if framed:
        toks = toks[:-2]
    elif y.demonym is not None:
        return None  # "Iranian forces in X": the adjective says whose, not where
    if not _fillers(toks) or _owns_next(pdoc, x):
        return None
    return iso


def _owns_next(pdoc: ParsedDoc, x: Span) -> bool:
    """"Iran's Zanjan strike": the possessive owns the noun after the place, not the place."""
    nxt = _token_at(pdoc, x.end)
    return nxt is not None and nxt.pos in ("NOUN", "PROPN") \
        and nxt.text.lower() not in place_words()


def _fillers(toks: Sequence[Token]) -> bool:
    """Adjectives and compass words only ("restive southeastern"), at most a few."""
    return len(toks) <= MAX_FILL and all(
        t.pos == "ADJ" or t.text.lower() in place_words() or t.text == "-" for t in toks)


def _drop_the(toks: Sequence[Token]) -> Sequence[Token]:
    return toks[1:] if toks and toks[0].text.lower() == "the" else toks


def _same_sentence(toks: Sequence[Token]) -> bool:
    return all(t.sent == toks[0].sent for t in toks)


def _token_at(pdoc: ParsedDoc, pos: int) -> Token | None:
    """The first token starting at or after ``pos``."""
    i = bisect.bisect_left(pdoc.tokens, pos, key=lambda t: t.idx)
    return pdoc.tokens[i] if i < len(pdoc.tokens) else None


def _token_before(pdoc: ParsedDoc, pos: int) -> Token | None:
    i = bisect.bisect_left(pdoc.tokens, pos, key=lambda t: t.idx)
    return pdoc.tokens[i - 1] if i > 0 else None
