"""Places, dates and link cues of a sentence, as raw spans (the resolution stage reads them).

- places: GPE/LOC/FAC entities used as places, not as modifiers or agents ("a *US* drone",
  "*Iran* said", "condemnation from *Pakistan*");
- dates: DATE entities and the date expressions the resolution stage finds, without overlaps;
- link cues: the verbatim "in retaliation for ..." / "in response to ..." phrase.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ..records import DateRef, PlaceRef, Sentence
from .lexicon import Lexicon
from .tree import Tree

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_DEPS = frozenset({"pobj", "appos", "conj", "dobj", "attr", "ROOT", "dep"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
LEADING_THE = re.compile(r"the\s+(?=\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)",
                         re.IGNORECASE)
POINT_DATE = re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|"
                        r"Sat|Sun)[a-z]*\b|\b(?:yesterday|today|tonight)\b", re.IGNORECASE)


@cache
def optional(module: str, name: str) -> Callable[..., Any] | None:
    """A function of a module another stage provides, or None when it is not there yet."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def token_at(tree: Tree, sent: Sentence, char: int) -> int:
    starts = [tree.tokens[k].idx for k in range(sent.tok_start, sent.tok_end)]
    return sent.tok_start + max(0, bisect.bisect_right(starts, char) - 1)


def places(tree: Tree, sent: Sentence, lex: Lexicon) -> list[PlaceRef]:
    """GPE/LOC/FAC entities used as places: not "a *US* drone" nor the subject "*Iran* said"."""
    out: list[PlaceRef] = []
    for e in tree.pdoc.entities:
        if e.sent != sent.index or e.label not in PLACE_LABELS:
            continue
        t = tree.tokens[e.tok_end - 1]
        h = tree.tokens[t.head]
        if t.dep == "pobj" and h.lemma.lower() == "by":
            continue
        modifier_of_place = h.ent_type in PLACE_LABELS or lex.word("territory", h.lemma.lower())
        if t.dep not in PLACE_DEPS and not (t.dep in MODIFIER_DEPS and modifier_of_place):
            continue  # "Iran-aligned group", "U.S. officials", "Iran said"
        out.append(PlaceRef(e.text, e.start, e.end))
    return out


def dates(tree: Tree, sent: Sentence) -> list[DateRef]:
    spans = [(e.start, e.end) for e in tree.pdoc.entities
             if e.sent == sent.index and e.label == "DATE"]
    finder = optional("thucydides.resolve.dates", "find_date_expressions") or optional(
        "thucydides.resolve.date_find", "find_date_expressions")
    if finder is not None:
        spans += [(sent.start + a, sent.start + b) for a, b in finder(sent.text)]
    kept: list[tuple[int, int]] = []
    for a, b in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if kept and a < kept[-1][1]:
            continue
        kept.append((a, b))
    text = tree.pdoc.doc.text
    out = [DateRef(text[a:b], a, b) for a, b in (trim_date(text, a, b) for a, b in kept)]
    return [_statement_date(tree, sent, d) for d in out]


STATEMENT_RULE = "statement"  # DateRef.rule of a date told of a speech verb: "statement@<offset>"
STATEMENT_REACH = 4  # head steps from a date's last token up to the verb it modifies
STATEMENT_CLIMB = frozenset({"prep", "pobj", "npadvmod", "nmod", "compound", "amod", "tmod",
                             "advmod", "appos"})


def _statement_date(tree: Tree, sent: Sentence, d: DateRef) -> DateRef:
    """A date that modifies a speech verb with a clause told under it ("said in a statement on
    Tuesday that it had struck", "announced late Monday that ...") dates the statement, not the
    act it tells; the rule carries the verb's character offset, so that the speech event itself
    keeps its own date (``resolve.date_context`` reads it)."""
    k = token_at(tree, sent, d.end - 1)
    speech = Lexicon.load().roles.speech_verbs
    for _ in range(STATEMENT_REACH):
        tok = tree.tokens[k]
        if tok.pos in ("VERB", "AUX") or tok.dep not in STATEMENT_CLIMB:
            break
        h = tree.head(k)
        if h is None:
            return d
        k = h
    verb = tree.tokens[k]
    if verb.pos != "VERB" or tree.lemmas[k] not in speech:
        return d
    told = [c for c in tree.children(k, ("ccomp",)) if tree.tokens[c].idx > d.start]
    if not told:
        return d
    return DateRef(d.text, d.start, d.end, rule=f"{STATEMENT_RULE}@{verb.idx}")


def trim_date(text: str, a: int, b: int) -> tuple[int, int]:
    """"the June 7, 2017, attacks": the article is no part of the date."""
    m = LEADING_THE.match(text, a, b)
    return (m.end(), b) if m else (a, b)


def link_cue(tree: Tree, sent: Sentence, lex: Lexicon) -> tuple[str, int, int] | None:
    """Verbatim "in retaliation for ..." / "in response to ..." phrase of the sentence."""
    for k in range(sent.tok_start, sent.tok_end):
        if not lex.word("cue_noun", tree.lemmas[k]):
            continue
        h = tree.head(k)
        if h is None or tree.lemmas[h] not in ("in", "as"):
            continue
        toks = sorted(tree.subtree(h))
        last = max((max(tree.subtree(j)) for j in _more_causes(tree, sent, k, h, toks[-1])),
                   default=toks[-1])
        a, b = tree.tokens[toks[0]].idx, tree.tokens[last].end
        return tree.pdoc.doc.text[a:b], toks[0], last
    return None


def _more_causes(tree: Tree, sent: Sentence, noun: int, prep: int, end: int) -> list[int]:
    """The coordinated causes after a cue ("in retaliation for the bombings and *for* attacks on
    its forces"): prepositions like the cue noun's own ("for", "to") coordinated with its phrase
    or with the verb it hangs on (the parse often hangs the second "for" on the verb)."""
    own = {tree.lemmas[p] for p in tree.children(noun, ("prep",))}
    anchors = {prep, tree.head(prep), *tree.subtree(prep)}
    return [j for j in range(end + 1, sent.tok_end)
            if tree.tokens[j].dep == "conj" and tree.tokens[j].pos == "ADP"
            and tree.lemmas[j] in own and tree.head(j) in anchors]


def point_date(tree: Tree, d: DateRef) -> bool:
    """A date that places an event in time ("in March 2019"), not the start of a span ("since
    March")."""
    before = tree.pdoc.doc.text[max(0, d.start - 8): d.start].lower().split()
    span = d.text.lower().split()
    first = span[0] if span else ""
    return bool(POINT_DATE.search(d.text)) and "since" not in (first, *before[-1:])
