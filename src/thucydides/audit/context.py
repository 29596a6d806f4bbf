"""One article as the audit sees it: its sentences (with spans in the input as given), its
mentions by sentence, and the fused events they belong to."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..records import HAPPENED, Document, Event, Mention, Sentence
from .model import SentenceRef

_SPLIT = re.compile(r"\n+|(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass
class Article:
    """Everything the checks need about one document."""

    doc: Document
    sentences: list[Sentence]
    refs: list[SentenceRef]  # refs[i] locates sentences[i] in the input
    mentions: list[Mention]
    by_sentence: dict[int, list[Mention]]
    event_of: Mapping[str, Event]  # mention_id -> fused event (corpus-wide)
    window: int = 1  # days two dates of one event may differ (Settings.fuse_date_window_days)
    boilerplate: set[int] = field(default_factory=set)  # sentence indices that are page furniture

    @property
    def input_text(self) -> str:
        raw = self.doc.extra.get("input_text")
        return raw if isinstance(raw, str) else self.doc.text

    def happened(self, i: int) -> list[Mention]:
        """The mentions of sentence ``i`` that report something as having happened."""
        return [m for m in self.by_sentence.get(i, []) if m.status in HAPPENED and not m.negated]

    def ref(self, i: int) -> SentenceRef:
        return self.refs[i]

    def mention_ref(self, m: Mention) -> SentenceRef:
        """The sentence of a mention as it cites it (offsets into the input as given)."""
        index = self.sentence_of(m)
        return SentenceRef(self.doc.id, index, m.sent_start, m.sent_end, m.sentence)

    def sentence_of(self, m: Mention) -> int | None:
        if 0 <= m.sentence_index < len(self.refs) and self.refs[m.sentence_index].start <= \
                m.sent_start < max(self.refs[m.sentence_index].end, m.sent_start + 1):
            return m.sentence_index
        return self.sentence_at(m.sent_start)

    def sentence_at(self, offset: int) -> int | None:
        """The sentence whose input span holds ``offset`` (or the next one), if any."""
        starts = [r.start for r in self.refs]
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and offset < self.refs[k].end:
            return k
        return k + 1 if k + 1 < len(self.refs) else None


def build_article(doc: Document, sentences: Sequence[Sentence] | None, mentions: Sequence[Mention],
                  event_of: Mapping[str, Event], window: int = 1) -> Article:
    sents = list(sentences) if sentences else split_sentences(doc.text)
    refs = [_sentence_ref(doc, s) for s in sents]
    art = Article(doc, sents, refs, sorted(mentions, key=lambda m: (m.sent_start, m.trigger_start)),
                  {}, event_of, window)
    for m in art.mentions:
        i = art.sentence_of(m)
        if i is not None:
            art.by_sentence.setdefault(i, []).append(m)
    return art


def _sentence_ref(doc: Document, s: Sentence) -> SentenceRef:
    start, end, text = doc.original_span(s.start, s.end)
    return SentenceRef(doc.id, s.index, start, end, text)


def split_sentences(text: str) -> list[Sentence]:
    """A plain sentence split (lines, then sentence-final punctuation before a capital), for
    documents whose parse is not at hand."""
    out: list[Sentence] = []
    pos = 0
    for m in [*_SPLIT.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            s, e = pos + lead, pos + len(chunk.rstrip())
            out.append(Sentence(len(out), s, e, text[s:e], 0, 0))
        if m is not None:
            pos = m.end()
    return out
