"""Who the casualty cue of a sentence counts: the victims of each kind of cue, in the parse.

Used by :mod:`.casualties`; see its docstring for the rules.
"""

from __future__ import annotations

from ..records import ParsedDoc, Sentence
from .numbers import NumberPhrase, number_phrases
from .tree import SentenceTree

_LIFE_HEADS = frozenset({"lose", "loss", "claim", "take", "cost"})
_TOLL_PREPS = frozenset({"to", "at", "of"})
_BEARERS = frozenset({"suffer", "sustain", "receive"})  # the subject bears the injuries


class SentenceView(SentenceTree):
    """One sentence's tokens, children and number phrases."""

    def __init__(self, pdoc: ParsedDoc, sent: Sentence) -> None:
        super().__init__(pdoc, sent)
        self.pdoc, self.sent = pdoc, sent
        self.text = pdoc.doc.text
        self.nums: dict[int, NumberPhrase] = number_phrases(self.toks, self.lo, self.hi)


# ---- victims of each kind of cue ------------------------------------------------------------

def verb_victims(view: SentenceView, c: int) -> list[int]:
    kids = view.children(c)
    deps = {view.toks[k].dep for k in kids}
    if "auxpass" in deps or "nsubjpass" in deps:
        found = view.children(c, "nsubjpass", "nsubj")
    elif "dobj" in deps:
        found = view.children(c, "dobj")
    else:  # "injured between 6 and 17 others"
        found = view.children(c, "nsubj") + [o for p in view.children(c, "prep")
                                             if view.low(p) == "between"
                                             for o in view.children(p, "pobj")]
    return with_heads(view, c, found)


def intrans_victims(view: SentenceView, c: int) -> list[int]:
    return with_heads(view, c, view.children(c, "nsubj", "nsubjpass"))


def with_heads(view: SentenceView, c: int, found: list[int]) -> list[int]:
    """Add the modified noun ("people killed"), the antecedent of "who", a raising verb's subject."""
    tok = view.toks[c]
    out = [k for k in found if view.toks[k].tag not in ("WP", "WDT")]
    if tok.dep in ("acl", "relcl", "amod", "appos"):
        out += [*whole(view, tok.head), tok.head]
    elif tok.dep in ("xcomp", "oprd", "acomp", "attr") and not out:
        out += view.children(tok.head, "nsubjpass", "nsubj", "dobj")
    return out


def whole(view: SentenceView, v: int) -> list[int]:
    """The whole a part belongs to: "people" for "kids" in "nine people including four kids"."""
    prep = view.toks[v].head
    if view.toks[v].dep == "pobj" and view.lemma(prep) in ("include", "including", "among"):
        return [view.toks[prep].head]
    return []


def adj_victims(view: SentenceView, c: int) -> list[int]:
    own = number_kids(view, c)
    if view.toks[c].head in view.nums:
        own.append(view.toks[c].head)
    return own + with_heads(view, c, view.children(c, "nsubj", "nsubjpass"))


def noun_victims(view: SentenceView, c: int) -> list[int]:
    out = [c, *of_objects(view, c), *toll_victims(view, c)]
    head = view.toks[c].head
    if view.toks[c].dep == "dobj" and view.lemma(head) in _BEARERS:  # "7 soldiers suffered injuries"
        out += view.children(head, "nsubj", "nsubjpass")
    return out


def toll_victims(view: SentenceView, c: int) -> list[int]:
    out = number_kids(view, c)
    for p in view.children(c, "prep"):
        if view.low(p) in _TOLL_PREPS:
            out += view.children(p, "pobj")
    tok = view.toks[c]
    if tok.dep in ("nsubj", "nsubjpass", "dobj", "attr") and tok.head != c:
        h = tok.head
        preps = view.children(h, "prep")
        preps += [q for p in preps for q in view.children(p, "prep")]  # "from a week ... to 34"
        for p in preps:
            if view.low(p) in _TOLL_PREPS:
                out += view.children(p, "pobj")
        out += [k for k in view.children(h, "dobj", "attr", "npadvmod") if k != c]
    return out


def life_victims(view: SentenceView, c: int) -> list[int]:
    tok = view.toks[c]
    head_lemma = view.lemma(tok.head)
    if head_lemma == "of":  # "the loss of 84 lives"
        head_lemma = view.lemma(view.toks[tok.head].head)
    lost = any(view.lemma(k) == "lose" for k in view.children(c, "acl", "relcl", "amod"))
    if head_lemma not in _LIFE_HEADS and not lost:
        return []
    out = [c, *of_objects(view, c)]
    if head_lemma == "lose" and view.toks[tok.head].pos in ("VERB", "AUX"):
        out += view.children(tok.head, "nsubj")  # "84 people lost their lives"
    return out


def number_kids(view: SentenceView, c: int) -> list[int]:
    return [k for k in view.kids.get(c, ()) if k in view.nums
            and view.toks[k].dep not in ("conj", "appos", "prep")]


def of_objects(view: SentenceView, i: int) -> list[int]:
    return [o for p in view.children(i, "prep") if view.low(p) == "of"
            for o in view.children(p, "pobj")]
