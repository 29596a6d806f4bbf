"""The ingest result and the one place a Document is built from raw text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import EmptyDocumentError, InputError
from ..records import Document
from .clean import clean_text, doc_id_for
from .files import check_size

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


@dataclass
class IngestResult:
    """Documents read, and the problems met on the way (bad files, lines, documents)."""

    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    def extend(self, other: IngestResult) -> None:
        self.documents.extend(other.documents)
        self.errors.extend(other.errors)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document came from: the file as named and, for JSONL, the line."""

    path: str
    line: int | None = None
    entry: int | None = None  # n-th entry of a feed

    @property
    def label(self) -> str:
        """The path, with ``#n`` for a feed entry (errors carry the line separately)."""
        return f"{self.path}#{self.entry}" if self.entry is not None else self.path

    @property
    def source(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.label


def make_document(raw: str, origin: Origin, max_chars: int, *, markdown: bool = False,
                  doc_id: str | None = None, **meta: Any) -> Document:
    """Check, clean and wrap ``raw``; ``meta`` are further Document fields."""
    check_size(len(raw), max_chars, origin.label, origin.line)
    text, offsets = clean_text(raw, markdown=markdown)
    if not text:
        raise EmptyDocumentError("empty document", path=origin.label, line=origin.line)
    doc = Document(id=doc_id or doc_id_for(text), text=text, offsets=offsets,
                   source=origin.source, **meta)
    if offsets is not None:  # evidence quotes the input as given, not the cleaned text
        doc.extra["input_text"] = raw
    return doc


def parse_date(value: str) -> str | None:
    """``YYYY-MM-DD`` (an ISO date-time is cut to its date); None when not a valid date."""
    m = _ISO_DATE.fullmatch(value.strip())
    if m is None:
        return None
    try:
        return dt.date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None
