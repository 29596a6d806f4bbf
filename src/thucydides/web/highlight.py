"""Where evidence sits in an article: spans, their segments and their surrounding sentences.

Evidence offsets (``Evidence.start``/``end``, ``Mention.sent_start``/``sent_end``) point into the
input text as given (``Document.extra["input_text"]``, else ``Document.text``). The spans of a
mention's parts (actors, place, dates, figures) point into the cleaned text of the document the
mention was read from; they are mapped through ``Document.offsets`` and checked against the text,
falling back to a search inside the sentence (duplicates cite their kept copy's parse).
Everything here returns plain text pieces: the templates escape them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..records import Document, Evidence, Mention, Sentence


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    key: str  # what the span stands for: an event id, or a field name


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int
    keys: tuple[str, ...]  # the spans covering this piece, in order of appearance


def input_text(doc: Document) -> str:
    """The text that evidence offsets point into."""
    raw = doc.extra.get("input_text")
    return raw if isinstance(raw, str) else doc.text


def locate(text: str, sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``sentence`` is in ``text``: at its offsets if they agree, else its first occurrence."""
    if 0 <= start < end <= len(text) and text[start:end] == sentence:
        return start, end
    found = text.find(sentence) if sentence else -1
    return (found, found + len(sentence)) if found >= 0 else None


def locate_evidence(doc: Document, ev: Evidence) -> tuple[int, int] | None:
    return locate(input_text(doc), ev.sentence, ev.start, ev.end)


def segments(text: str, spans: Iterable[Span], lo: int = 0, hi: int | None = None) -> list[Segment]:
    """``text[lo:hi]`` cut at every span boundary; each piece lists the spans that cover it."""
    hi = len(text) if hi is None else hi
    inside = [s for s in spans if s.start < hi and s.end > lo and s.start < s.end]
    cuts = sorted({lo, hi} | {max(lo, min(hi, p)) for s in inside for p in (s.start, s.end)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        if a >= b:
            continue
        keys = tuple(dict.fromkeys(s.key for s in inside if s.start <= a and s.end >= b))
        out.append(Segment(text[a:b], a, keys))
    return out


def _cleaned_to_input(doc: Document, start: int, end: int) -> tuple[int, int]:
    if doc.offsets is None or end <= start:
        return start, end
    return doc.original_offset(start), doc.original_offset(end - 1) + 1


def _part_span(doc: Document, text: str, sent: tuple[int, int], part: str, start: int,
               end: int) -> tuple[int, int] | None:
    """The span of ``part`` (as written) inside the sentence ``sent`` of ``text``."""
    if not part:
        return None
    s, e = _cleaned_to_input(doc, start, end)
    if sent[0] <= s < e <= sent[1] and text[s:e] == part:
        return s, e
    found = text.find(part, sent[0], sent[1])
    return (found, found + len(part)) if found >= 0 else None


def mention_parts(m: Mention) -> list[tuple[str, str, int, int]]:
    """(field, text as written, start, end) of each part of a mention that has a span."""
    parts = [("event_type", m.trigger, m.trigger_start, m.trigger_end)]
    for name, actor in (("actor1", m.actor1), ("actor2", m.actor2)):
        if actor is not None:
            parts.append((name, actor.text, actor.start, actor.end))
    if m.location is not None:
        parts.append(("location", m.location.text, m.location.start, m.location.end))
    parts += [("date", d.text, d.start, d.end) for d in m.dates]
    parts += [(f.kind, f.text, f.start, f.end) for f in m.figures if f.kind in ("killed", "injured")]
    return parts


def mention_spans(doc: Document, m: Mention, sent: tuple[int, int]) -> list[Span]:
    """Spans, keyed by field name, of the parts of ``m`` inside its sentence ``sent``."""
    text = input_text(doc)
    out: list[Span] = []
    for name, part, start, end in mention_parts(m):
        where = _part_span(doc, text, sent, part, start, end)
        if where is not None:
            out.append(Span(where[0], where[1], name))
    if m.claimant:
        found = text.find(m.claimant, sent[0], sent[1])
        if found >= 0:
            out.append(Span(found, found + len(m.claimant), "claimant"))
    return out


def context(doc: Document, sentences: Sequence[Sentence], where: tuple[int, int],
            ) -> tuple[str, str]:
    """The sentence before and the sentence after the span ``where`` of the input text."""
    text = input_text(doc)
    bounds = [_cleaned_to_input(doc, s.start, s.end) for s in sentences]
    before = [b for b in bounds if b[1] <= where[0]]
    after = [b for b in bounds if b[0] >= where[1]]
    prev = text[before[-1][0]:where[0]] if before else text[max(0, where[0] - 200):where[0]]
    nxt = text[where[1]:after[0][1]] if after else text[where[1]:where[1] + 200]
    return prev, nxt
