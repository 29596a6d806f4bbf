"""Independent sources: which reports of an event or a field count as separate corroboration.

Rules:
- A source is an outlet: reports from one outlet count once, however many of its articles or
  sentences carry them. Outlet names are compared without case, a leading "The" and a feed's
  section suffix ("Meridian Post - Asia" is "Meridian Post").
- A duplicate article (a wire copy or near-duplicate, ``Evidence.copy_of``) counts as the outlet
  of the copy it duplicates, so a story republished by five sites counts once.
- An article with no outlet counts as its own source (its document id), unless the text credits
  a wire service in its dateline ("ISLAMABAD, Jan 29 (Harbour Wire) -"): then that wire is its
  outlet (:func:`wire_credit`, used when the run knows the documents).
- An event reported by one independent source is flagged ``single_source``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from .records import Claim, Document, Evidence, Mention

_SECTION = re.compile(r"\s+[-–—|:]\s+.*$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# a dateline credit near the start of an article: "CITY, Jan 29 (Some Wire) -"
_CREDIT = re.compile(r"^[^\n()]{0,80}?\(([A-Z][\w&.' ]{1,40}?)\)\s*[-–—]")
_CREDIT_CHARS = 400


def outlet_key(outlet: str) -> str:
    """An outlet name reduced for comparison: case, leading "The" and section suffix dropped."""
    name = _SECTION.sub("", outlet.strip())
    return _LEADING_THE.sub("", name).casefold().strip() or outlet.casefold()


def copied_from(mention_id: str) -> str | None:
    """The document a duplicate's mention was copied from (``pipeline.copy_to_duplicates`` names
    a copy ``<original mention id>@<duplicate doc id>``; mention ids start ``<doc id>:``)."""
    if "@" not in mention_id:
        return None
    original = mention_id.rsplit("@", 1)[0]
    parts = original.rsplit(":", 2)
    return parts[0] if len(parts) == 3 else None


def source_keys(evidence: Sequence[Evidence]) -> list[str]:
    """The independent source of each piece of evidence, in order (see the module rules)."""
    own = {ev.doc_id: _own_key(ev) for ev in evidence if ev.copy_of is None}
    return [(own.get(ev.copy_of) or f"doc:{ev.copy_of}") if ev.copy_of else own[ev.doc_id]
            for ev in evidence]


def _own_key(ev: Evidence) -> str:
    return f"outlet:{outlet_key(ev.outlet)}" if ev.outlet else f"doc:{ev.doc_id}"


def count_sources(evidence: Iterable[Evidence]) -> int:
    """The number of independent sources among ``evidence``."""
    return len(set(source_keys(list(evidence))))


def claim_sources(claims: Sequence[Claim], context: Sequence[Evidence] = ()) -> list[str]:
    """The independent source of each claim; ``context`` (the event's other evidence) lets a
    copy count as the outlet of its original when the original is cited there."""
    keys = source_keys([c.evidence for c in claims] + list(context))
    return keys[:len(claims)]


def field_corroboration(claims: Sequence[Claim], context: Sequence[Evidence] = ()
                        ) -> dict[str, int]:
    """Independent sources reporting each field (any value) among ``claims``."""
    keys = claim_sources(claims, context)
    by_field: dict[str, set[str]] = {}
    for claim, key in zip(claims, keys, strict=True):
        by_field.setdefault(claim.field, set()).add(key)
    return {name: len(found) for name, found in by_field.items()}


def wire_credit(text: str) -> str | None:
    """The wire service a dateline credits ("ISLAMABAD, Jan 29 (Harbour Wire) -"), if any."""
    for line in text[:_CREDIT_CHARS].splitlines():
        found = _CREDIT.match(line.strip())
        if found:
            return found.group(1).strip()
    return None


def with_outlets(mentions: Sequence[Mention], docs: Mapping[str, Document]) -> list[Mention]:
    """Mentions whose article names no outlet get the wire its dateline credits, if any."""
    credits = {d.id: wire_credit(d.text) for d in docs.values() if not d.outlet}
    out: list[Mention] = []
    for m in mentions:
        credit = None if m.outlet else credits.get(m.doc_id)
        out.append(replace(m, outlet=credit) if credit else m)
    return out
