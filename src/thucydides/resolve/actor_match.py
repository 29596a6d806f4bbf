"""Token-trie matcher for actor aliases: longest match, word boundaries, case rules.

Text and aliases are cut into the same tokens: runs of letters/digits, dotted acronyms ("U.S." ->
``US``), and single punctuation marks. Hyphens and dashes are skipped, so "al-Qaeda" = "al Qaeda" and
"Iran-backed" = "Iran backed". Each alias gets a case rule from its spelling:

- *exact*: an acronym (two or more capitals, no lower case: "IS", "US", "ISI") matches only as
  written, so the verb "is" and the pronoun "us" never match;
- *proper*: a name with a capital ("Iran", "al-Qaeda") matches any case as long as the token where
  the alias has its first capital is capitalised in the text too ("turkey" is no country);
- *lower*: a common word ("militants", "foreign ministry") matches in any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .actor_data import BLOCK, AliasRow, ascii_fold

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+|[^\w\s\-\u2010-\u2015]")
_PUNCT_NORM = {"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"}
Mode = Literal["exact", "proper", "lower"]


@dataclass(frozen=True, slots=True)
class Tok:
    raw: str  # as written (dots of acronyms removed)
    norm: str  # lower case, apostrophes unified
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Target:
    key: str
    role: str
    mode: Mode
    raw: tuple[str, ...]
    cap_at: int  # index of the alias token whose first letter must be upper case (proper mode)
    alias: str


@dataclass(slots=True)
class Node:
    children: dict[str, Node] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)


def tokenize(text: str) -> list[Tok]:
    out: list[Tok] = []
    for m in TOKEN.finditer(text):
        raw = m.group()
        if len(raw) > 2 and raw[1] == "." and raw.endswith("."):
            raw = raw.replace(".", "")
        norm = _PUNCT_NORM.get(raw, raw).lower()
        out.append(Tok(raw, norm, m.start(), m.end()))
    return out


def _mode(raw: tuple[str, ...]) -> tuple[Mode, int]:
    letters = "".join(raw)
    if sum(c.isupper() for c in letters) >= 2 and not any(c.islower() for c in letters):
        return "exact", 0
    for i, tok in enumerate(raw):
        if tok[:1].isupper():
            return "proper", i
    return "lower", 0


class Trie:
    """Aliases by token sequence; targets at a node keep insertion (priority) order."""

    def __init__(self, rows: list[AliasRow]) -> None:
        self.root = Node()
        seen: set[tuple[str, str, tuple[str, ...]]] = set()
        for row in rows:
            for alias in {row.alias, ascii_fold(row.alias)}:
                self._add(alias, row, seen)

    def _add(self, alias: str, row: AliasRow, seen: set[tuple[str, str, tuple[str, ...]]]) -> None:
        toks = tokenize(alias)
        if not toks:
            return
        raw = tuple(t.raw for t in toks)
        if raw[0].lower() == "the" and len(raw) > 1:
            raw = ("the", *raw[1:])  # "The Gambia" needs no capital on "the"
        marker = (row.key, row.role, raw)
        if marker in seen:
            return
        seen.add(marker)
        node = self.root
        for tok in toks:
            node = node.children.setdefault(tok.norm, Node())
        mode, cap_at = _mode(raw)
        node.targets.append(Target(row.key, row.role, mode, raw, cap_at, alias))

    def starts_alias(self, norm: str) -> bool:
        return norm in self.root.children


@dataclass(frozen=True, slots=True)
class RawMatch:
    i: int  # first token
    j: int  # one past the last token
    target: Target


class Matcher:
    """Finds non-overlapping longest alias matches, left to right."""

    def __init__(self, trie: Trie, ambiguous: frozenset[str]) -> None:
        self.trie = trie
        self.ambiguous = ambiguous

    def scan(self, text: str, toks: list[Tok]) -> list[RawMatch]:
        out: list[RawMatch] = []
        i, n = 0, len(toks)
        while i < n:
            found = self._longest(text, toks, i)
            if found is None:
                i += 1
                continue
            if found.target.role != BLOCK:
                out.append(found)
            i = found.j
        return out

    def _longest(self, text: str, toks: list[Tok], i: int) -> RawMatch | None:
        node = self.trie.root
        ends: list[tuple[int, Node]] = []
        j = i
        while j < len(toks):
            nxt = node.children.get(toks[j].norm)
            if nxt is None:
                break
            node, j = nxt, j + 1
            if node.targets:
                ends.append((j, node))
        for j_end, end_node in reversed(ends):
            for target in end_node.targets:
                if self._accept(text, toks, i, j_end, target):
                    return RawMatch(i, j_end, target)
        return None

    def _accept(self, text: str, toks: list[Tok], i: int, j: int, target: Target) -> bool:
        if target.mode == "lower":
            return True
        if target.mode == "proper":
            return toks[i + target.cap_at].raw[:1].isupper()
        if any(t.raw != a for t, a in zip(toks[i:j], target.raw, strict=True)):
            return False
        if text[toks[j - 1].end:toks[j - 1].end + 1] == "$":  # "US$5 million"
            return False
        return target.alias not in self.ambiguous or not self._in_caps(toks, i, j)

    def _in_caps(self, toks: list[Tok], i: int, j: int) -> bool:
        """True when a neighbour is an all-capitals word that starts no alias: a shouted headline."""
        for k in (i - 1, j):
            if not 0 <= k < len(toks):
                continue
            raw = toks[k].raw
            shouting = len(raw) > 1 and raw.isalpha() and raw.isupper()
            if shouting and not self.trie.starts_alias(toks[k].norm):
                return True
        return False
