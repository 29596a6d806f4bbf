"""Read-only access to the record for the web dashboard.

The server never writes: the DuckDB file is opened with ``read_only=True`` only while a snapshot is
read, then closed again, so ``thucydides run`` can update the file while the dashboard is up. A
snapshot (events, documents, mentions, links) is kept until the file's size or modification time
changes. Sentences are read per document on first use and kept with the snapshot.

What is derived from a snapshot is computed once and kept with it (``Snapshot.memo``): the admin1
area of each event, each document's audit. The escalation analysis (dyads, phases, Hawkes fits with
bootstraps and backtests) can take seconds on a large record, so it starts in a background thread as
soon as a snapshot is read; the dyad pages wait for it the first time, then read the cached result.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..errors import ConfigError, StoreError
from ..records import Document, Event, Link, Mention, Sentence
from ..store import Database

T = TypeVar("T")


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
    links: list[Link] = field(default_factory=list)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    analysis: Future[Any] | None = None  # the escalation analysis, computing in the background

    def __post_init__(self) -> None:
        self.by_id: dict[str, Event] = {e.event_id: e for e in self.events}
        self.causes: dict[str, list[Link]] = {}  # reaction id → links from its actions
        self.reactions: dict[str, list[Link]] = {}  # action id → links to its reactions
        for link in self.links:
            self.causes.setdefault(link.reaction_id, []).append(link)
            self.reactions.setdefault(link.action_id, []).append(link)
        self._memo: dict[str, Any] = {}
        self._memo_lock = threading.RLock()

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, run once per snapshot and key (concurrent callers wait for it)."""
        with self._memo_lock:
            if key not in self._memo:
                self._memo[key] = compute()
            value: T = self._memo[key]
            return value

    def events_citing(self, doc_id: str) -> list[Event]:
        return [e for e in self.events if any(s.doc_id == doc_id for s in e.sources)]


class Record:
    """The dashboard's view of one DuckDB file; safe to share between request threads."""

    def __init__(self, path: Path | str, *, analyse: Callable[[Snapshot], Any] | None = None):
        """``analyse`` runs in the background on each new snapshot (see ``Snapshot.analysis``)."""
        self.path = Path(path)
        if not self.path.is_file():
            raise ConfigError(f"no database at {self.path}",
                              hint="run `thucydides run INPUT…` first")
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._background = ThreadPoolExecutor(max_workers=1,
                                              thread_name_prefix="thucydides-analysis")
        self.analyse = analyse

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
                if self.analyse is not None:
                    self._snapshot.analysis = self._background.submit(self.analyse,
                                                                      self._snapshot)
            return self._snapshot

    def _read(self, stamp: tuple[int, int]) -> Snapshot:
        with open_read_only(self.path) as db:
            events = db.events()
            docs = {d.id: d for d in db.documents()}
            mentions = {m.mention_id: m for m in db.mentions()}
            links = db.links()
        return Snapshot(stamp, events, docs, mentions, links)

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
