"""The documents format of spec/EVENTS.md: one JSON object per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from ..errors import (
    DocumentTooLargeError,
    InputError,
    MalformedRecordError,
    UnreadableFileError,
)
from ..records import Document
from .files import JSON_BYTES_PER_CHAR, JSON_SLACK, InputFile, decode
from .result import IngestResult, Origin, make_document, parse_date

_FIELDS = ("id", "text", "published", "title", "url", "outlet")
_SKIP_CHUNK = 1 << 20


def read_jsonl_file(item: InputFile, max_chars: int) -> IngestResult:
    """Every good line becomes a document; each bad line adds an error and is skipped."""
    result = IngestResult()
    limit = JSON_BYTES_PER_CHAR * max_chars + JSON_SLACK
    try:
        with item.path.open("rb") as fh:
            for lineno, raw in _lines(fh, limit):
                origin = Origin(item.display, lineno)
                try:
                    doc = _record(raw, origin, max_chars, result.errors)
                except InputError as exc:
                    result.errors.append(exc)
                    continue
                if doc is not None:
                    result.documents.append(doc)
    except OSError as exc:
        result.errors.append(UnreadableFileError(
            (exc.strerror or type(exc).__name__).lower(), path=item.display))
    return result


def _lines(fh: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes), or None for a line longer than ``limit`` (never held whole)."""
    lineno = 0
    while chunk := fh.readline(limit + 1):
        lineno += 1
        if len(chunk) > limit and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):
                chunk = fh.readline(_SKIP_CHUNK)
            yield lineno, None
        else:
            yield lineno, chunk


def _record(raw: bytes | None, origin: Origin, max_chars: int,
            notes: list[InputError]) -> Document | None:
    if raw is None:
        raise DocumentTooLargeError(f"line too long for max_doc_chars={max_chars}",
                                    path=origin.path, line=origin.line)
    if not raw.strip():
        return None
    try:
        obj = json.loads(decode(raw, origin.path, origin.line))
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(f"invalid JSON: {exc.msg} (column {exc.colno})",
                                   path=origin.path, line=origin.line) from exc
    if not isinstance(obj, dict):
        raise MalformedRecordError("not a JSON object", path=origin.path, line=origin.line)
    return _document(obj, origin, max_chars, notes)


def _document(obj: dict[str, Any], origin: Origin, max_chars: int,
              notes: list[InputError]) -> Document:
    text = obj.get("text")
    if not isinstance(text, str):
        raise MalformedRecordError("'text' is missing or not a string",
                                   path=origin.path, line=origin.line)
    given = obj.get("id")
    if isinstance(given, bool) or not isinstance(given, str | int | None):
        raise MalformedRecordError("'id' is not a string", path=origin.path, line=origin.line)
    published = obj.get("published")
    date = parse_date(published) if isinstance(published, str) else None
    doc = make_document(
        text, origin, max_chars, doc_id=str(given) if given not in (None, "") else None,
        published=date, title=_opt_str(obj.get("title")), url=_opt_str(obj.get("url")),
        outlet=_opt_str(obj.get("outlet")),
        extra={k: v for k, v in obj.items() if k not in _FIELDS})
    if published is not None and date is None:
        doc.extra["published_given"] = published
        notes.append(MalformedRecordError(
            f"'published' {published!r} is not YYYY-MM-DD; read as null",
            path=origin.path, line=origin.line, hint="write dates as YYYY-MM-DD or null"))
    return doc


def _opt_str(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    return str(value)
