"""A light view of a parsed document's dependency tree (children index built once per document)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..records import ParsedDoc, Sentence, Token
from .referents import Prior
from .reparse import reduced_relatives

SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OBJ = frozenset({"dobj", "obj", "attr", "oprd"})


class Tree:
    """Tokens of one :class:`ParsedDoc` with their children, and small tree helpers."""

    __slots__ = ("kids", "lemmas", "pdoc", "prior", "tokens")

    def __init__(self, pdoc: ParsedDoc) -> None:
        self.pdoc = pdoc
        self.tokens: list[Token] = reduced_relatives(pdoc.tokens)  # a participle misread as a verb
        self.kids: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                self.kids[t.head].append(t.i)
        self.lemmas: list[str] = [t.lemma.lower() for t in self.tokens]
        self.prior = Prior()  # the acts told so far, filled in reading order (extract/mentions.py)

    def children(self, i: int, deps: Iterable[str] | None = None) -> list[int]:
        kids = self.kids[i]
        if deps is None:
            return kids
        wanted = set(deps)
        return [k for k in kids if self.tokens[k].dep in wanted]

    def child(self, i: int, deps: Iterable[str]) -> int | None:
        found = self.children(i, deps)
        return found[0] if found else None

    def head(self, i: int) -> int | None:
        h = self.tokens[i].head
        return None if h == i else h

    def subtree(self, i: int) -> Iterator[int]:
        stack = [i]
        while stack:
            j = stack.pop()
            yield j
            stack.extend(self.kids[j])

    def pobj_of(self, i: int, preps: frozenset[str]) -> list[int]:
        """Objects of the prepositions ``preps`` attached to ``i`` ("strikes *on* X" → X)."""
        out: list[int] = []
        for p in self.children(i, ("prep", "agent")):
            if self.lemmas[p] in preps:
                out.extend(self.children(p, ("pobj", "pcomp")))
        return out

    def is_passive(self, i: int) -> bool:
        t = self.tokens[i]
        if any(self.tokens[k].dep in ("auxpass", "nsubjpass") for k in self.kids[i]):
            return True
        return t.tag == "VBN" and t.dep in ("acl", "advcl") and not self.children(i, ("aux",))

    def conjuncts(self, i: int) -> list[int]:
        """The other members of a coordination headed by ``i`` ("Iran and Pakistan" → [Pakistan])."""
        out: list[int] = []
        stack = self.children(i, ("conj",)) + self._list_appos(i)
        while stack:
            j = stack.pop(0)
            out.append(j)
            stack.extend(self.children(j, ("conj",)) + self._list_appos(j))
        return out

    def _list_appos(self, i: int) -> list[int]:
        """"The US, Russia, and Switzerland" is often parsed as an apposition: two countries
        side by side are a list, not one thing renamed."""
        label = self.tokens[i].ent_type
        if label not in ("GPE", "NORP"):
            return []
        return [k for k in self.children(i, ("appos",)) if self.tokens[k].ent_type == label]

    def left_list(self, i: int) -> list[int]:
        """Names listed before ``i`` by commas and "and" when the parse missed the coordination
        ("Chile, Peru, and Bolivia met": Bolivia is the subject, Chile and Peru hang elsewhere)."""
        label = self.tokens[i].ent_type
        if label not in ("GPE", "NORP", "ORG"):
            return []
        out: list[int] = []
        j = i - 1
        if j >= 0 and self.lemmas[j] in ("and", "&"):
            j -= 1
        while j >= 0 and self.tokens[j].text == ",":
            j -= 1
            if j < 0 or self.tokens[j].ent_type != label:
                break
            while j > 0 and self.tokens[j].ent_iob == "I":
                j -= 1
            out.append(j)
            j -= 1
        if len(out) == 0 or self.lemmas[i - 1] not in ("and", "&"):
            return []
        return out


class SentenceTree:
    """One sentence's tokens and children, for components that work a sentence at a time."""

    def __init__(self, pdoc: ParsedDoc, sent: Sentence) -> None:
        self.toks: list[Token] = pdoc.tokens
        self.lo, self.hi = sent.tok_start, sent.tok_end
        self.kids: dict[int, list[int]] = {}
        self.root = sent.tok_start
        for t in self.toks[self.lo:self.hi]:
            if t.head != t.i:
                self.kids.setdefault(t.head, []).append(t.i)
            else:
                self.root = t.i

    def children(self, i: int, *deps: str) -> list[int]:
        return [k for k in self.kids.get(i, ()) if not deps or self.toks[k].dep in deps]

    def low(self, i: int) -> str:
        return self.toks[i].text.lower()

    def lemma(self, i: int) -> str:
        return self.toks[i].lemma.lower()
