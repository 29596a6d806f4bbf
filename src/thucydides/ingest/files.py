"""Finding input files, telling their format and reading their bytes safely."""

from __future__ import annotations

import codecs
import glob
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import BinaryFileError, DocumentTooLargeError, EncodingError, UnreadableFileError

Format = Literal["jsonl", "text", "markdown", "html", "feed"]

HEAD_BYTES = 8192
# A character takes at most 4 bytes in UTF-8; a raw file larger than this many bytes per allowed
# character cannot hold an acceptable document and is rejected before it is read.
BYTES_PER_CHAR = 4
# In JSONL, "\uXXXX" escapes take 6 bytes per character; metadata adds a little.
JSON_BYTES_PER_CHAR = 6
JSON_SLACK = 1 << 20

EXTENSIONS: dict[str, Format] = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
    ".xhtml": "html", ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
BINARY_EXTENSIONS = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".ico", ".svgz",
    ".pdf", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z", ".rar", ".tar", ".doc",
    ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".epub", ".mp3", ".mp4", ".m4a",
    ".wav", ".ogg", ".webm", ".avi", ".mov", ".mkv", ".exe", ".dll", ".so", ".dylib", ".bin",
    ".o", ".a", ".pyc", ".class", ".jar", ".whl", ".parquet", ".arrow", ".feather", ".duckdb",
    ".db", ".sqlite", ".pkl", ".pickle", ".npy", ".npz", ".woff", ".woff2", ".ttf", ".otf",
    ".eot",
})
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BZh",
          b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ", b"RIFF", b"PAR1", b"SQLite format")
_BOM16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    explicit: bool  # named on the command line (not found in a folder or by a pattern)

    @property
    def display(self) -> str:
        return str(self.path)


def expand(item: str | Path) -> list[InputFile]:
    """The files an input names: itself, a folder's files (recursive, sorted) or a glob's."""
    path = Path(item)
    if path.is_dir():
        return [InputFile(p, False) for p in _walk(path)]
    if path.exists() or not glob.has_magic(str(item)):
        return [InputFile(path, True)]
    matches = sorted(glob.glob(str(item), recursive=True))
    if not matches:
        raise UnreadableFileError("no file matches this pattern", path=str(item))
    out: list[InputFile] = []
    for match in matches:
        found = Path(match)
        out.extend(InputFile(p, False) for p in (_walk(found) if found.is_dir() else [found]))
    return out


def _walk(folder: Path) -> list[Path]:
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(root) / n for n in sorted(names) if not n.startswith("."))
    return files


def skip_silently(item: InputFile) -> bool:
    """A file found in a folder that is clearly not text (by its name)."""
    return not item.explicit and item.path.suffix.lower() in BINARY_EXTENSIONS


def read_head(item: InputFile) -> bytes:
    """The first bytes of the file; UnreadableFileError when it cannot be opened."""
    try:
        with item.path.open("rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError as exc:
        raise UnreadableFileError(_os_reason(exc), path=item.display) from exc


def check_not_binary(item: InputFile, head: bytes) -> None:
    if item.path.suffix.lower() in BINARY_EXTENSIONS or looks_binary(head):
        raise BinaryFileError("binary file, not text", path=item.display)


def looks_binary(head: bytes) -> bool:
    """Known binary signatures, NUL bytes or more than 10 % control bytes."""
    if head.startswith(_BOM16):
        return False
    if head.startswith(_MAGIC) or b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))
    return bool(head) and controls / len(head) > 0.10


def detect_format(item: InputFile, head: bytes) -> Format:
    """By extension; unknown extensions by a look at the content."""
    known = EXTENSIONS.get(item.path.suffix.lower())
    if known is not None:
        return known
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in start:
        return "html"
    return "text"


def read_bytes(item: InputFile, max_chars: int) -> bytes:
    """The whole file, read once; DocumentTooLargeError (without reading) when too big."""
    try:
        size = item.path.stat().st_size
        if size > BYTES_PER_CHAR * max_chars:
            raise DocumentTooLargeError(
                f"file has {size} bytes, too many for max_doc_chars={max_chars}",
                path=item.display)
        return item.path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(_os_reason(exc), path=item.display) from exc


def decode(data: bytes, display: str, line: int | None = None) -> str:
    """Strict UTF-8 (a BOM is dropped; UTF-16 with a BOM is accepted)."""
    try:
        if data.startswith(_BOM16):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = "of the line" if line is not None else "of the file"
        if line is None:
            line = data.count(b"\n", 0, exc.start) + 1
        raise EncodingError(f"invalid UTF-8 (byte {exc.start} {where})",
                            path=display, line=line) from exc


def decode_html(data: bytes, display: str) -> str:
    """UTF-8, or the charset the page declares when it is not UTF-8."""
    try:
        return decode(data, display)
    except EncodingError:
        declared = _CHARSET.search(data[:HEAD_BYTES])
        if declared is None:
            raise
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
        raise


def check_size(n_chars: int, max_chars: int, display: str, line: int | None = None) -> None:
    if n_chars > max_chars:
        raise DocumentTooLargeError(
            f"document has {n_chars} characters, more than max_doc_chars={max_chars}",
            path=display, line=line)


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()
