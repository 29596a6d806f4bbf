"""Read-only access to the record for the web dashboard.

The server never writes: the DuckDB file is opened with ``read_only=True`` only while a snapshot is
read, then closed again, so ``thucydides run`` can update the file while the dashboard is up. A
snapshot (events, documents, mentions) is kept until the file's size or modification time changes.
Sentences are read per document on first use and kept with the snapshot.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError, StoreError
from ..records import Document, Event, Mention, Sentence
from ..store import Database


@contextmanager
def open_read_only(path: Path) -> Iterator[Database]:
    """A ``Database`` over ``path`` opened read-only (no schema creation, no writes possible)."""
    with Database(path, read_only=True) as db:
        yield db


@dataclass
class Snapshot:
    """Everything the pages show, read in one go from one state of the file."""

    stamp: tuple[int, int]
    events: list[Event]
    documents: dict[str, Document]
    mentions: dict[str, Mention]
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id: dict[str, Event] = {e.event_id: e for e in self.events}

    def events_citing(self, doc_id: str) -> list[Event]:
        return [e for e in self.events if any(s.doc_id == doc_id for s in e.sources)]


class Record:
    """The dashboard's view of one DuckDB file; safe to share between request threads."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        if not self.path.is_file():
            raise ConfigError(f"no database at {self.path}",
                              hint="run `thucydides run INPUT…` first")
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    def _stamp(self) -> tuple[int, int]:
        try:
            st = self.path.stat()
        except OSError as exc:
            raise StoreError(f"cannot read the database: {exc}", path=str(self.path)) from exc
        return st.st_mtime_ns, st.st_size

    def snapshot(self) -> Snapshot:
        """The current snapshot, re-read when the file changed since the last one."""
        stamp = self._stamp()
        with self._lock:
            if self._snapshot is None or self._snapshot.stamp != stamp:
                self._snapshot = self._read(stamp)
            return self._snapshot

    def _read(self, stamp: tuple[int, int]) -> Snapshot:
        with open_read_only(self.path) as db:
            events = db.events()
            docs = {d.id: d for d in db.documents()}
            mentions = {m.mention_id: m for m in db.mentions()}
        return Snapshot(stamp, events, docs, mentions)

    def sentences(self, doc_ids: Iterable[str]) -> dict[str, list[Sentence]]:
        """The stored sentences (offsets into the cleaned text) of each of ``doc_ids``; those not
        read yet are read together, in one opening of the file."""
        wanted = list(dict.fromkeys(doc_ids))
        snap = self.snapshot()
        with self._lock:
            missing = [d for d in wanted if d not in snap.sentences]
        if missing:
            with open_read_only(self.path) as db:
                read = {d: db.sentences(d) for d in missing}
            with self._lock:
                snap.sentences.update(read)
        return {d: snap.sentences[d] for d in wanted}
