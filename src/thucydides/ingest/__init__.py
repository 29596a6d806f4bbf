"""Ingest: read files, folders and glob patterns into clean, identified, de-duplicated Documents.

    result = read_inputs(["articles/", "feeds/*.xml", "docs.jsonl"], settings)
    docs = mark_duplicates(result.documents, settings.near_duplicate_threshold)

Bad inputs never raise: each becomes an InputError in ``result.errors``. Only when not one document
could be read does :func:`read_inputs` raise NothingReadError.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..config import Settings
from ..errors import InputError, MalformedRecordError, NothingReadError
from .clean import clean_text, doc_id_for
from .dedup import mark_duplicates
from .files import (
    Format,
    InputFile,
    check_not_binary,
    detect_format,
    expand,
    looks_binary,
    read_head,
    skip_silently,
)
from .jsonl import read_jsonl_file
from .readers import read_feed_file, read_html_file, read_text_file
from .result import IngestResult

__all__ = ["IngestResult", "clean_text", "doc_id_for", "mark_duplicates", "read_inputs",
           "read_jsonl"]

_SHOWN_ERRORS = 3

Reader = Callable[[InputFile, int], IngestResult]


def _read_markdown(item: InputFile, max_chars: int) -> IngestResult:
    return read_text_file(item, max_chars, markdown=True)


_READERS: dict[Format, Reader] = {
    "jsonl": read_jsonl_file, "text": read_text_file, "markdown": _read_markdown,
    "html": read_html_file, "feed": read_feed_file,
}


def read_inputs(inputs: Sequence[str | Path], settings: Settings | None = None) -> IngestResult:
    """Documents from files, folders (recursive) and glob patterns, in the order given.

    Raises NothingReadError only when no document at all was read.
    """
    settings = settings or Settings.model_validate({})
    result = IngestResult()
    seen: set[Path] = set()
    for item in inputs:
        try:
            files = expand(item)
        except InputError as exc:
            result.errors.append(exc)
            continue
        for found in files:
            key = found.path.resolve()
            if key not in seen:
                seen.add(key)
                result.extend(read_file(found, settings.max_doc_chars))
    _make_ids_unique(result)
    if not result.documents:
        raise NothingReadError(_nothing_read_message(len(inputs), result.errors))
    return result


def read_jsonl(path: str | Path, settings: Settings | None = None) -> IngestResult:
    """Documents of one JSONL file (spec/EVENTS.md); never raises for bad input."""
    settings = settings or Settings.model_validate({})
    result = read_file(InputFile(Path(path), True), settings.max_doc_chars, force="jsonl")
    _make_ids_unique(result)
    return result


def read_file(item: InputFile, max_chars: int, force: Format | None = None) -> IngestResult:
    """One file by its format; a file-level problem becomes the result's only error."""
    if skip_silently(item):
        return IngestResult()
    try:
        head = read_head(item)
        if not item.explicit and looks_binary(head):
            return IngestResult()  # found in a folder and clearly not text: skipped silently
        check_not_binary(item, head)
        return _READERS[force or detect_format(item, head)](item, max_chars)
    except InputError as exc:
        return IngestResult(errors=[exc])


def _make_ids_unique(result: IngestResult) -> None:
    """A repeated id gets a ``~n`` suffix; given ids that repeat are also reported."""
    used: set[str] = set()
    for doc in result.documents:
        if doc.id not in used:
            used.add(doc.id)
            continue
        n = 2
        while f"{doc.id}~{n}" in used:
            n += 1
        new_id = f"{doc.id}~{n}"
        used.add(new_id)
        if not doc.id.startswith("doc-"):
            path, _, line = (doc.source or "").rpartition(":")
            result.errors.append(MalformedRecordError(
                f"id {doc.id!r} was already used; renamed to {new_id!r}",
                path=path or doc.source, line=int(line) if line.isdigit() else None,
                hint="give every document its own id"))
        doc.id = new_id


def _nothing_read_message(n_inputs: int, errors: Sequence[InputError]) -> str:
    shown = "; ".join(e.one_line() for e in errors[:_SHOWN_ERRORS])
    more = f" (+{len(errors) - _SHOWN_ERRORS} more)" if len(errors) > _SHOWN_ERRORS else ""
    reason = f": {shown}{more}" if errors else ": no input files found"
    return f"no document could be read from {n_inputs} input(s){reason}"
