"""Who the text says makes a claim: the speaker of an attribution, not the event's actor.

:func:`find_claimant` reads the attribution that governs an event (its trigger token ``anchor_i``) or,
without an anchor, the sentence's main clause:

* ``according to X`` attached to the event's clause (or to the sentence's root);
* a speech verb (``data/attribution_verbs.tsv``) whose complement holds the event (``X said that
  ...``, ``X told Reuters ...``, ``state media reported the deaths of ...``) or which hangs off the
  event's clause as a parenthetical (``..., the ministry said.``); when several govern the event the
  innermost wins (``Iran said Pakistan claimed that ...`` → Pakistan);
* the speaker is the verb's subject, the subject of the verb it continues (``..., adding that``), the
  object of ``quote`` (``IRNA quoted X as saying``) or the ``by`` agent of a passive;
* a statement noun gives its author (``the ministry's statement said``, ``a statement from X``) or,
  without one, the speaker of one of the three previous sentences; so does a ``he``/``she``
  subject (else the last person named there); ``it``/``they`` give None;
* the speaker must look like one (a person, organisation or place entity, a proper noun or a noun of
  ``data/attribution_nouns.tsv``): "the death toll was reported", "the timing indicates" give None;
* without an anchor, a speech verb that is itself the main clause counts only with a complement
  (``Iran declared a day of mourning`` and ``X claimed responsibility`` give None).

The speaker phrase is the head noun with its compounds, adjectives and possessor (``Pakistan's foreign
ministry``), not its relative clauses or appositions (a named apposition replaces a title: ``the
spokesman, Ali Bahadori Jahromi,`` → ``Ali Bahadori Jahromi``), on one line, at most 8 words, no leading
article. :func:`claimant_kind` labels it ``named`` (a person), ``institution`` or ``anonymous``
(``officials``, ``sources``, ``a security source``, ``police``: ``data/attribution_nouns.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from ..records import ParsedDoc, Sentence
from .numbers import read_tsv
from .phrases import PARTY_ENTS
from .tree import SentenceTree

VERBS_FILE = "attribution_verbs.tsv"
NOUNS_FILE = "attribution_nouns.tsv"
COUNTRIES_FILE = "places_countries.tsv"

MAX_WORDS = 8
_LOOKBACK = 3
_GOVERN_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "advcl"})
_OBJ_DEPS = frozenset({"dobj", "nsubjpass", "attr"})
_OBJ_FRAMES = frozenset({"obj", "any"})
_PAREN_DEPS = frozenset({"parataxis", "ccomp", "advcl", "conj"})
_NP_DEPS = frozenset({"compound", "amod", "poss", "case", "nmod", "flat", "nummod", "det",
                      "quantmod", "npadvmod"})
_AUTHOR_PREPS = frozenset({"from", "by", "of"})
_LEADING = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_INSTITUTION_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
_QUOTES = frozenset({'"', "“", "”", ":"})
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&-]{1,}$")


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    verbs: Mapping[str, str]  # lemma → frame (ccomp / obj)
    nouns: Mapping[str, str]  # word → anonymous / institution / statement
    places: frozenset[str]  # country and capital names, lower case


@lru_cache(maxsize=1)
def attribution_lexicon() -> AttributionLexicon:
    """Load the attribution lexicons once per process."""
    verbs = {lemma: frame for lemma, frame in read_tsv(VERBS_FILE, 2)}
    nouns = {word: kind for word, kind in read_tsv(NOUNS_FILE, 2)}
    return AttributionLexicon(MappingProxyType(verbs), MappingProxyType(nouns), _places())


def _places() -> frozenset[str]:
    """Country and capital names (a state speaks as an institution: "Islamabad said")."""
    try:
        text = resources.files("thucydides").joinpath("data", COUNTRIES_FILE).read_text("utf-8")
    except OSError:  # pragma: no cover - the file belongs to the gazetteer
        return frozenset()
    rows = [line.split("\t") for line in text.splitlines()[1:]]
    return frozenset(r[k].strip().lower() for r in rows if len(r) > 3 for k in (2, 3) if r[k])


def claimant_kind(text: str, label: str | None = None) -> str:
    """``named``, ``institution`` or ``anonymous`` for a speaker phrase (``label``: its NER label)."""
    lex = attribution_lexicon()
    words = text.split()
    if not words:
        return "anonymous"
    head = _head_word(words).lower()
    kind = lex.nouns.get(head) or lex.nouns.get(head.rstrip("s"))
    if kind == "anonymous":
        return "anonymous"
    if label == "PERSON":
        return "named"
    if kind is not None or label in _INSTITUTION_ENTS or text.lower() in lex.places:
        return "institution"
    if any(_ACRONYM_RE.match(w) for w in words):
        return "institution"
    if any(lex.nouns.get(w.lower().rstrip("'s")) == "institution" for w in words):
        return "institution"
    return "named" if any(ch.isupper() for ch in _head_word(words)) else "anonymous"


def _head_word(words: list[str]) -> str:
    for k, w in enumerate(words):
        if k and w.lower() in ("of", "from", "in", "at", "for", "with", "on", "close", "familiar"):
            return words[k - 1]
    return words[-1]


class _View(SentenceTree):
    def __init__(self, pdoc: ParsedDoc, sent: Sentence, depth: int) -> None:
        super().__init__(pdoc, sent)
        self.pdoc = pdoc
        self.sent = sent
        self.depth = depth

    def chain(self, i: int) -> list[int]:
        """``i`` and its heads up to the root of the sentence."""
        out = [i]
        while self.toks[i].head != i and len(out) < 40:
            i = self.toks[i].head
            out.append(i)
        return out


def find_claimant(pdoc: ParsedDoc, sent: Sentence,
                  anchor_i: int | None = None) -> tuple[str, str] | None:
    """``(speaker phrase, kind)`` of the attribution governing ``anchor_i`` (or the sentence)."""
    return _find(pdoc, sent, anchor_i, 0)


def _find(pdoc: ParsedDoc, sent: Sentence, anchor_i: int | None,
          depth: int) -> tuple[str, str] | None:
    lex = attribution_lexicon()
    toks = pdoc.tokens
    cues = [i for i in range(sent.tok_start, sent.tok_end)
            if toks[i].lemma.lower() in lex.verbs or _according(pdoc, sent, i)]
    if not cues:
        return None
    view = _View(pdoc, sent, depth)
    explicit = anchor_i is not None and view.lo <= anchor_i < view.hi
    anchor = anchor_i if explicit and anchor_i is not None else view.root
    ranked = sorted((d, c) for c in cues if (d := _distance(view, lex, c, anchor)) is not None)
    for _, c in ranked:
        if c == anchor and not explicit and not _has_complement(view, lex, c):
            continue  # "Iran declared a day of mourning": the verb is the event, no claim
        found = _speaker_of(view, lex, c)
        if found is not None:
            return found
    return None


def _according(pdoc: ParsedDoc, sent: Sentence, i: int) -> bool:
    toks = pdoc.tokens
    return toks[i].text.lower() == "according" and i + 1 < sent.tok_end and \
        toks[i + 1].text.lower() == "to"


def _distance(view: _View, lex: AttributionLexicon, c: int, anchor: int) -> int | None:
    """How far up from ``anchor`` the attribution ``c`` governs it (None: it does not)."""
    chain = view.chain(anchor)
    if view.low(c) == "according":
        if view.toks[c].head in chain:
            return chain.index(view.toks[c].head)
        return len(chain) + 1 if _closing(view, c) else None
    if c in chain:
        k = chain.index(c)
        if k == 0:
            return 0  # the speech verb is the event itself
        below = view.toks[chain[k - 1]].dep
        ok = below in _GOVERN_DEPS or (below in _OBJ_DEPS and lex.verbs[view.lemma(c)] in _OBJ_FRAMES)
        return k if ok else None
    head = view.toks[c].head
    if view.toks[c].dep in _PAREN_DEPS and head in chain:
        return chain.index(head) + 1  # "..., the ministry said."
    if _parenthetical(view, c) and c > anchor:
        return len(chain) + 1
    return None


def _closing(view: _View, c: int) -> bool:
    """", according to X." closing the sentence: it attributes the whole sentence, wherever the
    parser hung it."""
    if c == view.lo or view.low(c - 1) != ",":
        return False
    return all(_under(view, k, c) for k in range(c + 1, view.hi) if view.toks[k].dep != "punct")


def _under(view: _View, k: int, c: int) -> bool:
    for _ in range(8):
        if k == c:
            return True
        if view.toks[k].head == k:
            return False
        k = view.toks[k].head
    return False


def _has_complement(view: _View, lex: AttributionLexicon, c: int) -> bool:
    """A clause, quotation or (for report-like verbs) object that the speech verb reports."""
    if view.children(c, "ccomp", "parataxis", "xcomp") or _parenthetical(view, c):
        return True
    if lex.verbs.get(view.lemma(c)) in _OBJ_FRAMES and view.children(c, "dobj"):
        return True
    return any(view.toks[k].text in _QUOTES or (view.toks[k].dep == "mark" and k > c)
               for k in range(view.lo, view.hi))


def _parenthetical(view: _View, c: int) -> bool:
    """A speech verb after a comma with no complement of its own: "..., officials said"."""
    if view.children(c, "ccomp", "dobj", "xcomp"):
        return False
    return any(view.low(k) == "," for k in range(max(view.lo, c - 6), c))


def _speaker_of(view: _View, lex: AttributionLexicon, c: int) -> tuple[str, str] | None:
    if view.low(c) == "according":
        objs = [o for t in view.children(c, "prep") for o in view.children(t, "pobj")]
        if not objs and c + 2 < view.hi:
            objs = [c + 2]
        speaker = objs[0] if objs else None
    else:
        speaker = _subject(view, c)
    if speaker is None or not _speakerish(view, lex, speaker):
        return None
    return _phrase(view, lex, speaker)


def _speakerish(view: _View, lex: AttributionLexicon, h: int) -> bool:
    """Can ``h`` head a speaker? (not "the death toll was reported", "the timing indicates")."""
    tok = view.toks[h]
    if tok.ent_type in PARTY_ENTS or tok.pos == "PROPN":
        return True
    if tok.pos == "PRON":
        return view.low(h) in _PERSON_PRONOUNS
    return view.low(h) in lex.nouns or view.lemma(h) in lex.nouns


def _subject(view: _View, c: int) -> int | None:
    """The speaker of speech verb ``c``: subject, quoted person, passive agent, or continued verb's."""
    i = c
    for _ in range(4):
        subj = view.children(i, "nsubj")
        passive = view.children(i, "nsubjpass", "auxpass")
        if view.lemma(i) == "quote":  # "IRNA quoted X as saying", "X was quoted as saying"
            named = view.children(i, "dobj") or view.children(i, "nsubjpass")
            if named:
                return named[0]
        agent = _agent(view, i)
        if agent is not None and (passive or not subj or view.low(subj[0]) == "it"):
            return agent  # "as reported by state television"
        if subj:
            return subj[0]
        if passive or view.toks[i].head == i or view.toks[i].dep in ("ccomp", "parataxis"):
            return None  # "the death toll was reported at 95"
        i = view.toks[i].head
    return None


def _agent(view: _View, i: int) -> int | None:
    for a in view.children(i, "agent"):
        objs = view.children(a, "pobj")
        if objs:
            return objs[0]
    return None


def _phrase(view: _View, lex: AttributionLexicon, h: int) -> tuple[str, str] | None:
    """The speaker phrase headed by ``h`` and its kind."""
    low = view.low(h)
    if low in _PERSON_PRONOUNS:
        return _last_person(view, h)
    if view.toks[h].pos == "PRON":
        return None
    if lex.nouns.get(low) == "statement" or lex.nouns.get(view.lemma(h)) == "statement":
        return _author(view, lex, h)
    named = [a for a in view.children(h, "appos") if view.toks[a].ent_type == "PERSON"]
    if named and view.toks[h].ent_type != "PERSON":
        h = named[0]
    toks = _np_tokens(view, h, lex)
    if view.toks[h].ent_type == "PERSON":  # "Government spokesman Ali Jahromi" → the name
        toks = {k for k in toks if view.toks[k].ent_type == "PERSON"}
    text = _span_text(view, h, toks)
    if not text:
        return None
    return text, claimant_kind(text, view.toks[h].ent_type or None)


def _author(view: _View, lex: AttributionLexicon, h: int) -> tuple[str, str] | None:
    """The author of a statement: its possessor, ``from``/``by`` object, or compound modifiers."""
    authors = view.children(h, "poss") + [
        o for p in view.children(h, "prep") if view.low(p) in _AUTHOR_PREPS
        for o in view.children(p, "pobj")]
    if authors:
        return _phrase(view, lex, authors[0])
    mods = [k for k in view.children(h, "compound", "amod") if view.toks[k].pos in ("NOUN", "PROPN")]
    if mods:
        head = max(mods)
        toks = _np_tokens(view, head, lex) | {k for m in mods for k in _np_tokens(view, m, lex)}
        text = _span_text(view, head, toks)
        return (text, claimant_kind(text, view.toks[head].ent_type or None)) if text else None
    return _previous_speaker(view)  # "the statement said": whose, the text said before


def _np_tokens(view: _View, h: int, lex: AttributionLexicon) -> set[int]:
    out = {h}
    stack = [h]
    while stack:
        i = stack.pop()
        for k in view.kids.get(i, ()):
            dep = view.toks[k].dep
            keep = dep in _NP_DEPS or (dep in ("cc", "conj") and i == h) or (
                dep == "prep" and view.low(k) in ("of", "for") and i == h) or (
                dep == "pobj" and view.toks[i].dep == "prep")
            if keep and k not in out:
                out.add(k)
                stack.append(k)
    return out


def _span_text(view: _View, h: int, toks: set[int]) -> str:
    """Text of the tokens' span around ``h``: one line, no leading article, at most 8 words."""
    lo, hi = _line(view, h, min(toks), max(toks))
    while lo < h and (view.low(lo) in _LEADING or view.toks[lo].pos == "PUNCT"):
        lo += 1
    while hi > h and view.toks[hi].pos in ("PUNCT", "ADP", "CCONJ", "PART", "DET"):
        hi -= 1
    text = view.pdoc.doc.text
    while len(text[view.toks[lo].idx:view.toks[hi].end].split()) > MAX_WORDS:
        if hi > h:
            hi -= 1
        else:
            lo += 1
    return text[view.toks[lo].idx:view.toks[hi].end].strip()


def _line(view: _View, h: int, lo: int, hi: int) -> tuple[int, int]:
    """Narrow [lo, hi] to the tokens on the same line as ``h`` (headlines run into body text)."""
    a = h
    while a > lo and "\n" not in view.toks[a - 1].ws and view.toks[a - 1].pos != "SPACE":
        a -= 1
    b = h
    while b < hi and "\n" not in view.toks[b].ws and view.toks[b + 1].pos != "SPACE":
        b += 1
    return a, b


def _last_person(view: _View, h: int) -> tuple[str, str] | None:
    """Who "he"/"she" is: the speaker of one of the previous sentences, else the last person of
    two or more words named in them."""
    found = _previous_speaker(view)
    if found is not None:
        return found
    si = view.sent.index
    lo = view.pdoc.sentences[max(0, si - _LOOKBACK)].start
    before = view.toks[h].idx
    names = [e for e in view.pdoc.entities
             if e.label == "PERSON" and lo <= e.start < before and " " in e.text.strip()]
    return (names[-1].text, "named") if names else None


def _previous_speaker(view: _View) -> tuple[str, str] | None:
    """The claimant of the nearest of the previous sentences that has one ("the statement said")."""
    if view.depth > 0:
        return None
    si = view.sent.index
    for prev in reversed(view.pdoc.sentences[max(0, si - _LOOKBACK):si]):
        found = _find(view.pdoc, prev, None, 1)
        if found is not None:
            return found
    return None
