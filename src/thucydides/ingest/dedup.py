"""Exact and near-duplicate articles (wire copies, re-posts, lightly edited versions)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace

from ..errors import ConfigError
from ..records import Document

SHINGLE_WORDS = 5
NUM_PERM = 128
# LSH only proposes candidates; each is verified with the exact Jaccard similarity, so the LSH
# threshold sits below the requested one to miss fewer true pairs.
_LSH_MARGIN = 0.15
_LSH_MIN = 0.2
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> frozenset[str]:
    """Lower-cased word k-shingles (one shingle of all words for texts shorter than k)."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(" ".join(words[i:i + k]) for i in range(len(words) - k + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def mark_duplicates(docs: Sequence[Document], threshold: float = 0.85) -> list[Document]:
    """All ``docs`` in their order; each (near-)duplicate gets ``duplicate_of`` = the kept id.

    Of a group of copies the earliest published is kept, then the longest, then the first given.
    Near duplicates share at least ``threshold`` of their word 5-shingles (Jaccard).
    """
    if not 0.0 <= threshold <= 1.0:
        raise ConfigError(f"duplicate threshold {threshold} is not between 0 and 1")
    order = sorted(range(len(docs)), key=lambda i: _priority(docs[i], i))
    dup_of = _Finder(docs, threshold).run(order)
    return [replace(d, duplicate_of=dup_of.get(i)) for i, d in enumerate(docs)]


def _priority(doc: Document, index: int) -> tuple[bool, str, int, int]:
    return doc.published is None, doc.published or "", -len(doc.text), index


class _Finder:
    """Walks documents in keep-priority order; each is a copy of an earlier kept one or kept."""

    def __init__(self, docs: Sequence[Document], threshold: float) -> None:
        from datasketch import MinHashLSH

        self.docs = docs
        self.threshold = threshold
        self.brute_force = threshold - _LSH_MARGIN < _LSH_MIN
        lsh_threshold = min(1.0, max(_LSH_MIN, threshold - _LSH_MARGIN))
        self.lsh = MinHashLSH(threshold=lsh_threshold, num_perm=NUM_PERM)
        self.kept_by_hash: dict[str, int] = {}
        self.kept_shingles: dict[int, frozenset[str]] = {}

    def run(self, order: Sequence[int]) -> dict[int, str]:
        from datasketch import MinHash

        copy_of: dict[int, int] = {}
        unique: list[int] = []
        for i in order:
            digest = hashlib.sha256(self.docs[i].text.encode("utf-8")).hexdigest()
            first = self.kept_by_hash.setdefault(digest, i)
            if first != i:
                copy_of[i] = first
            else:
                unique.append(i)
        sets = {i: shingles(self.docs[i].text) for i in unique}
        with_words = [i for i in unique if sets[i]]
        hashes = MinHash.bulk([[s.encode("utf-8") for s in sorted(sets[i])] for i in with_words],
                              num_perm=NUM_PERM)
        for i, mh in zip(with_words, hashes, strict=True):
            kept = self._near(sets[i], mh)
            if kept is not None:
                copy_of[i] = kept
            else:
                self.lsh.insert(str(i), mh)
                self.kept_shingles[i] = sets[i]
        return {i: self.docs[_root(copy_of, i)].id for i in copy_of}

    def _near(self, sh: frozenset[str], mh: object) -> int | None:
        if self.brute_force:
            candidates = sorted(self.kept_shingles)
        else:
            candidates = sorted(int(key) for key in self.lsh.query(mh))
        best: tuple[float, int] | None = None
        for c in candidates:
            score = jaccard(sh, self.kept_shingles[c])
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, c)
        return best[1] if best is not None else None


def _root(copy_of: dict[int, int], i: int) -> int:
    while i in copy_of:
        i = copy_of[i]
    return i
