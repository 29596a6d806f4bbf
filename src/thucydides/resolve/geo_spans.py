"""Finding toponym spans in a parsed document: NER entities plus gazetteer matches the NER missed.

A span carries its lookup key (see :func:`norm_key`) and, for adjectives such as "Iranian", the
place the adjective stands for. A hyphenated compound the gazetteer knows ("Chaharmahal-va-Bakhtiari",
"Deir ez-Zor") is one span, never cut into its parts; the country the text states a place is in
("X province of Iran") is marked on the span (:mod:`.geo_contain`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Entity, ParsedDoc, Token
from .gazetteer import Gazetteer
from .geo_contain import mark_within, place_words
from .geo_data import norm_key
from .geo_names import demonym_table
from .geo_translit import connectors, skeleton

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NON_NAME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                             "QUANTITY", "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT", "PRODUCT"})
GENERIC_TAILS = frozenset({"province", "governorate", "district", "region", "state", "oblast",
                           "prefecture", "city", "town", "village", "area", "territory",
                           "territories", "municipality", "county", "parish"})
_LEAD = re.compile(r"(?:the|The|THE)\s+")
_POSS = re.compile(r"(?:'s|’s|'|’)$")
NAMED_THINGS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})  # a place only when framed
MAX_WINDOW = 3
JOINERS = frozenset({"and", "&", "va", "o", "e", "-"})
MIN_POP_OTHER_LABEL = 10_000  # an ORG-labelled entity that is exactly a town at least this big


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str
    key: str
    label: str  # the NER label, or "GAZ" for a gazetteer match outside the entities
    demonym: tuple[str, str] | None = None  # ("country", ISO-3) / ("region", name)
    within: str | None = None  # ISO-3 of the country the text says the place is in


def find_spans(pdoc: ParsedDoc, gaz: Gazetteer, *, area_only_outside: bool = False) -> list[Span]:
    """Every toponym span of ``pdoc`` in text order, without overlaps. A hyphenated compound
    the gazetteer knows ("Chaharmahal-va-Bakhtiari") wins over any span that cuts it."""
    text = pdoc.doc.text
    compounds = _hyphen_spans(text, pdoc.tokens, gaz)
    spans: list[Span] = []
    covered = bytearray(len(pdoc.tokens) + 1)
    for ent in pdoc.entities:
        for i in range(ent.tok_start, ent.tok_end):
            covered[i] = 1
        spans.extend(_entity_spans(text, ent, gaz))
    spans.extend(_joined_spans(text, pdoc.tokens, gaz))
    spans.extend(_missed_spans(text, pdoc.tokens, covered, gaz, area_only_outside))
    spans = _uncut(spans, compounds) + compounds
    spans.extend(_uncut(_same_name_spans(text, pdoc, {s.key for s in spans}, gaz), compounds))
    spans.sort(key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for s in spans:
        if not out or s.start >= out[-1].end:
            out.append(s)
    mark_within(out, pdoc, gaz)
    return out


def _uncut(spans: list[Span], compounds: list[Span]) -> list[Span]:
    """The spans that do not cut a compound (one inside it, or across its edge)."""
    if not compounds:
        return spans
    return [s for s in spans if not any(s.start < c.end and c.start < s.end
                                        and (s.start > c.start or s.end < c.end)
                                        for c in compounds)]


def _entity_spans(text: str, ent: Entity, gaz: Gazetteer) -> list[Span]:
    if ent.label in NON_NAME_LABELS:
        if ent.label not in NAMED_THINGS or not (_framed(text, ent.end) or _FRAMED_BEFORE.search(
                text, max(0, ent.start - 16), ent.start)):
            return []
        span = _match(text, ent.start, ent.end, ent.label, gaz, loose=True)
        return [span] if span is not None and span.demonym is None else []  # "port of Gwadar"
    framed = _framed(text, ent.end)
    if ent.label not in PLACE_LABELS and _locative(text, ent.start, ent.end):
        span = _match(text, ent.start, ent.end, ent.label, gaz, loose=framed)
        if span is not None and span.demonym is None:
            return [span]  # "in Ziarat district", "near Zabol" mislabelled ORG or NORP
    if ent.label == "NORP":
        dem = demonym_table().get(norm_key(_POSS.sub("", ent.text)))
        return [Span(ent.start, ent.end, ent.text, norm_key(ent.text), ent.label, dem)] if dem \
            else []
    out: list[Span] = []
    for start, end in _parts(text, ent.start, ent.end):
        span = _match(text, start, end, ent.label, gaz, loose=framed and end == ent.end)
        if span is not None and (ent.label in PLACE_LABELS or _is_area(span.key, gaz)
                                 or (ent.label == "ORG" and _is_town(span.key, gaz))):
            out.append(span)
    return out


def _same_name_spans(text: str, pdoc: ParsedDoc, keys: set[str], gaz: Gazetteer) -> list[Span]:
    """One sense per discourse: a name read as a place once is a place wherever it recurs,
    whatever label the NER gave it there ("Gainesville" tagged PERSON, "COLUMBUS" untagged)."""
    out: list[Span] = []
    for ent in pdoc.entities:
        if ent.label not in PLACE_LABELS and ent.label not in NON_NAME_LABELS:
            span = _match(text, ent.start, ent.end, ent.label, gaz)
            if span is not None and span.key in keys:
                out.append(span)
    for t in pdoc.tokens:
        if t.ent_iob in ("", "O") and t.text[:1].isupper():
            key = norm_key(t.text)
            if key in keys:
                out.append(Span(t.idx, t.end, t.text, key, "GAZ", demonym_table().get(key)))
    return out


def _locative(text: str, start: int, end: int) -> bool:
    """A name framed as a place: followed by "district", "area", "city" …, or right after
    "in", "near", "outside" (with or without "the"), or "the town of", "the province of" …"""
    return _framed(text, end) or bool(_LOCATIVE_BEFORE.search(text, max(0, start - 16), start))


def _framed(text: str, end: int) -> bool:
    """Followed by a generic place word: "Khuzistan province", "Ziarat district"."""
    tail = _TAIL_WORD.match(text, end)
    return bool(tail and tail.group(1).lower() in GENERIC_TAILS)


_TAIL_WORD = re.compile(r"\s+([A-Za-z]+)")
_FRAMED_BEFORE = re.compile(r"\b(?:city|town|village|port|district|province|region|governorate)"
                            r"\s+of\s+$")
_LOCATIVE_BEFORE = re.compile(rf"\b(?:in|near|outside|around)\s+(?:the\s+)?$|{_FRAMED_BEFORE.pattern}")


def _joined_spans(text: str, tokens: list[Token], gaz: Gazetteer) -> list[Span]:
    """Areas named "X and Y" ("Sistan and Baluchestan", "Jammu and Kashmir") that the NER cut in
    two: two capitalised words joined by a connector that together name a known area."""
    out: list[Span] = []
    for i in range(1, len(tokens) - 1):
        mid = tokens[i]
        if mid.text.lower() not in JOINERS:
            continue
        a, b = tokens[i - 1], tokens[i + 1]
        if not (a.text[:1].isupper() and b.text[:1].isupper()) or a.sent != b.sent:
            continue
        key = norm_key(text[a.idx:b.end])
        if key not in gaz:  # another spelling, but never of two countries ("French-Ghana")
            key = "" if _country_pair([a.text, b.text], gaz) else gaz.variant_key(key) or ""
        if key and _is_area(key, gaz):
            out.append(Span(a.idx, b.end, text[a.idx:b.end], key, "GAZ"))
    return out


def _is_town(key: str, gaz: Gazetteer) -> bool:
    return any(c.population >= MIN_POP_OTHER_LABEL for c in gaz.lookup_key(key))


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Alexandria, La." into its comma-separated parts (offsets)."""
    out: list[tuple[int, int]] = []
    pos = start
    for piece in text[start:end].split(","):
        s = pos + len(piece) - len(piece.lstrip())
        e = pos + len(piece.rstrip())
        if e > s:
            out.append((s, e))
        pos += len(piece) + 1
    return out


def _match(text: str, start: int, end: int, label: str, gaz: Gazetteer, *,
           loose: bool = False) -> Span | None:
    """The span's own name, else without a leading "the", a possessive or a generic tail, else
    (a place entity, or ``loose``: a name followed by "province" …) another spelling of it."""
    lead = _LEAD.match(text, start, end)
    if lead:
        start = lead.end()
    surface = text[start:end]
    poss = _POSS.search(surface)
    if poss and poss.start() > 0:
        surface = surface[: poss.start()]
        end = start + len(surface)
    key = norm_key(surface)
    if key in gaz:
        return Span(start, end, surface, key, label)
    dem = demonym_table().get(key)
    if dem is not None:
        return Span(start, end, surface, key, label, dem)
    words = key.split()
    head = " ".join(words[:-1]) if len(words) > 1 and words[-1] in GENERIC_TAILS else None
    if head is not None and head in gaz:
        return Span(start, end, surface, head, label)
    if label in ("GPE", "LOC") or loose:  # a spelling the gazetteer lacks
        variant = (gaz.variant_key(key) if loose else _variant(key, gaz)) or (
            gaz.variant_key(head) if head else None)
        if variant is not None:
            return Span(start, end, surface, variant, label)
    return None


def _variant(key: str, gaz: Gazetteer) -> str | None:
    """A compound name in another spelling ("Sistan-o-Baluchistan", "Khorasan-e Razavi"); a
    single word ("Khuzistan") only with a generic tail ("Khuzistan province"): one-word look-alikes
    are too often people ("Buhari" is no Bukhara)."""
    return gaz.variant_key(key) if len(skeleton(key).split()) >= 2 else None


def _is_area(key: str, gaz: Gazetteer) -> bool:
    return any(c.kind in ("country", "admin1", "region") for c in gaz.lookup_key(key))


def _missed_spans(text: str, tokens: list[Token], covered: bytearray, gaz: Gazetteer,
                  area_only: bool) -> list[Span]:
    """Capitalised token windows outside the entities that name a known area or big city."""
    out: list[Span] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if covered[i] or not t.text[:1].isupper() or t.pos not in ("PROPN", "ADJ", "NOUN"):
            i += 1
            continue
        span = _window_match(text, tokens, covered, i, gaz, area_only)
        if span is None:
            i += 1
            continue
        out.append(span[0])
        i = span[1]
    return out


def _window_match(text: str, tokens: list[Token], covered: bytearray, i: int, gaz: Gazetteer,
                  area_only: bool) -> tuple[Span, int] | None:
    n = len(tokens)
    for w in range(min(MAX_WINDOW, n - i), 0, -1):
        j = i + w
        if any(covered[k] or not tokens[k].text[:1].isupper() for k in range(i, j)):
            continue
        start, end = tokens[i].idx, tokens[j - 1].end
        key = norm_key(text[start:end])
        if key not in gaz:
            continue
        sent_initial = i == 0 or tokens[i - 1].sent != tokens[i].sent
        cands = gaz.lookup_key(key)
        area = any(c.kind in ("country", "admin1", "region", "admin2") for c in cands)
        # a big city by its own name, not by a rare alternate ("Lion" for Lyon)
        big = any(c.kind == "city" and c.population >= 100_000 and norm_key(c.name) == key
                  for c in cands)
        if area or (big and not area_only and not (sent_initial and w == 1)):
            return Span(start, end, text[start:end], key, "GAZ"), j
    return None


def _hyphen_spans(text: str, tokens: list[Token], gaz: Gazetteer) -> list[Span]:
    """Names written as one hyphenated compound ("Chaharmahal-va-Bakhtiari", "Khyber-Pakhtunkhwa",
    "Ras al-Khaimah", "Deir ez-Zor") that the tokenizer cut at the hyphens: the longest window
    around a glued hyphen that the gazetteer knows (also by transliteration skeleton)."""
    out: list[Span] = []
    i, n = 1, len(tokens) - 1
    while i < n:
        if tokens[i].text == "-" and _glued(tokens, i - 1) and _glued(tokens, i):
            lo, hi = _run(tokens, i)
            span = _compound(text, tokens, lo, hi, gaz)
            if span is not None:
                out.append(span)
            i = hi
        i += 1
    return out


def _glued(tokens: list[Token], i: int) -> bool:
    """Token ``i`` and the next are written without a space and in one sentence."""
    return tokens[i].end == tokens[i + 1].idx and tokens[i].sent == tokens[i + 1].sent


def _run(tokens: list[Token], i: int) -> tuple[int, int]:
    """Token range [lo, hi] of the glued run around token ``i``, widened by up to two
    capitalised words before it ("Deir ez-Zor") and one after it."""
    lo, hi = i, i
    while lo > 0 and _glued(tokens, lo - 1):
        lo -= 1
    while hi + 1 < len(tokens) and _glued(tokens, hi):
        hi += 1
    for _ in range(2):
        if lo > 0 and _spaced_word(tokens, lo - 1):
            lo -= 1
    if hi + 1 < len(tokens) and _spaced_word(tokens, hi, after=True):
        hi += 1
    return lo, hi


def _spaced_word(tokens: list[Token], k: int, *, after: bool = False) -> bool:
    """The capitalised word at ``k`` (``k + 1`` with ``after``) is one space from its neighbour."""
    a, b = tokens[k], tokens[k + 1]
    word = b if after else a
    return b.idx == a.end + 1 and a.sent == b.sent and word.text[:1].isupper() \
        and word.text.isalpha()


def _compound(text: str, tokens: list[Token], lo: int, hi: int, gaz: Gazetteer) -> Span | None:
    windows = [(a, b) for a in range(lo, hi + 1) for b in range(hi, a + 1, -1)
               if _window_ok(tokens, a, b, lo)]
    windows.sort(key=lambda w: (w[0] - w[1], w[0]))
    for a, b in windows:
        start, end = tokens[a].idx, tokens[b].end
        exact = _country_pair(text[start:end].split("-"), gaz)
        span = _match(text, start, end, "GAZ", gaz) if exact else \
            _match(text, start, end, "GPE", gaz)
        if span is not None and span.demonym is None and _is_place(span.key, gaz):
            return span
    return None


def _window_ok(tokens: list[Token], a: int, b: int, lo: int) -> bool:
    """Tokens a..b are words and hyphens, start on a capital (or on a leading particle:
    "al-Qaim"), end on a capital, hold a glued hyphen, and are not only compass words
    ("North-West")."""
    first, last = tokens[a], tokens[b]
    if not (last.text[:1].isupper() and all(t.text.isalpha() or t.text == "-"
                                             for t in tokens[a:b + 1])):
        return False  # "Atlanta-area" is Atlanta; "Gilgit-Baltistan, I" no name
    if not first.text[:1].isupper() and not (a == lo and first.text in connectors()):
        return False
    if not any(tokens[k].text == "-" and _glued(tokens, k - 1) and _glued(tokens, k)
               for k in range(a + 1, b)):
        return False
    words = [t.text.lower() for t in tokens[a:b + 1] if t.text.isalpha()]
    return not all(w in place_words() for w in words)


def _country_pair(parts: list[str], gaz: Gazetteer) -> bool:
    """Every part names a country or a people ("Iran-Pakistan", "French-Ghana"): such a
    compound is a pair, a name only when spelt exactly as one ("Bosnia-Herzegovina"), never
    another spelling of one ("French-Ghana" is no French Guiana)."""
    keys = [norm_key(p) for p in parts]
    return len(keys) > 1 and all(
        k in demonym_table() or any(c.kind == "country" for c in gaz.lookup_key(k)) for k in keys)


def _is_place(key: str, gaz: Gazetteer) -> bool:
    """An area, or a town by its own name (not by an alternate: "al-Sham" is no Damascus)."""
    return any(c.kind != "city" or norm_key(c.name) == key for c in gaz.lookup_key(key))

