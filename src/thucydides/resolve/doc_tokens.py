"""Tokens of a parsed document by character offset (tokens are in text order)."""

from __future__ import annotations

import bisect

from ..records import ParsedDoc, Token


def tokens_in(pdoc: ParsedDoc, start: int, end: int) -> list[Token]:
    """The tokens that start in ``[start, end)``, in text order."""
    toks = pdoc.tokens
    lo = bisect.bisect_left(toks, start, key=lambda t: t.idx)
    hi = bisect.bisect_left(toks, end, key=lambda t: t.idx)
    return toks[lo:hi]
