"""``Database``: an embedded DuckDB file holding documents, sentences, mentions, events and runs.

Every write is an idempotent upsert inside a transaction, so a crash mid-run never loses what an
earlier committed write stored, and re-running a document replaces its rows instead of
duplicating them. Batches go to DuckDB as one Arrow table per statement, not row by row.
DuckDB exceptions are turned into :class:`thucydides.errors.StoreError` here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from ..config import Settings
from ..errors import StoreError
from ..export import frame_from_arrow
from ..records import Document, Event, Link, Mention, Sentence
from ..serde import (
    FLAT_EVENT_COLUMNS,
    document_from_dict,
    event_from_dict,
    flat_event,
    link_from_dict,
    mention_from_dict,
)
from ..serde import to_dict as record_to_dict
from . import schema
from .schema import KEYS, TABLES, quote

MEMORY = ":memory:"
_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int64(), "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "TIMESTAMP": pa.timestamp("us"),
}
_BATCH = "_thucydides_batch"


class Database:
    """The store. Use as a context manager, or call ``close()``."""

    def __init__(self, path: Path | str | None = None, *, settings: Settings | None = None,
                 read_only: bool = False):
        """Open (and create) the store; ``read_only`` opens an existing file for reading only."""
        self.path = str(path if path is not None else (settings or Settings.model_validate({})).db)
        self._depth = 0
        try:
            if self.path != MEMORY and not read_only:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(
                self.path, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"cannot open the database: {exc}", path=self.path) from exc
        if read_only:
            return
        with self.transaction():
            for statement in schema.create_statements():
                self._execute(statement)

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError("the database is closed", path=self.path)
        return self._con

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all. Nested blocks join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._rollback()
            raise
        else:
            self._execute("COMMIT")
        finally:
            self._depth = 0

    def _rollback(self) -> None:
        with suppress(duckdb.Error):  # the transaction may be gone already; nothing was committed
            self.con.execute("ROLLBACK")

    def _execute(self, sql: str, params: Sequence[Any] | None = None) -> duckdb.DuckDBPyConnection:
        try:
            return self.con.execute(sql, params)
        except duckdb.Error as exc:
            raise StoreError(f"{type(exc).__name__}: {exc}", path=self.path) from exc

    # -- writes ------------------------------------------------------------------------------

    def upsert_documents(self, docs: Iterable[Document]) -> None:
        now = datetime.now(UTC).replace(tzinfo=None)
        rows = [_document_row(d, now) for d in docs]
        with self.transaction():
            self._insert("documents", rows)

    def upsert_sentences(self, doc_id: str, sentences: Iterable[Sentence]) -> None:
        """Replace the stored sentences of ``doc_id`` with ``sentences``."""
        rows = [(doc_id, s.index, s.start, s.end, s.text, s.tok_start, s.tok_end)
                for s in sentences]
        with self.transaction():
            self._execute("DELETE FROM sentences WHERE doc_id = ?", [doc_id])
            self._insert("sentences", rows)

    def replace_mentions_for(self, doc_ids: Iterable[str], mentions: Iterable[Mention]) -> None:
        """Drop every stored mention of ``doc_ids`` (and of the mentions' own documents), then
        store ``mentions``: re-running a document replaces its mentions."""
        batch = list(mentions)
        ids = sorted(set(doc_ids) | {m.doc_id for m in batch})
        with self.transaction():
            if ids:
                self._execute("DELETE FROM mentions WHERE list_contains(?, doc_id)", [ids])
            self._insert("mentions", [_mention_row(m) for m in batch])

    def replace_events(self, events: Iterable[Event]) -> None:
        """Replace the whole events table (and its sources) atomically."""
        batch = list(events)
        sources = [row for e in batch for row in _source_rows(e)]
        with self.transaction():
            self._execute("DELETE FROM event_sources")
            self._execute("DELETE FROM events")
            self._insert("events", [_event_row(e) for e in batch])
            self._insert("event_sources", sources)

    def upsert_links(self, links: Iterable[Link]) -> None:
        """Store ``links``; a link between the same two events replaces the stored one."""
        rows = [_link_row(link) for link in links]
        with self.transaction():
            self._insert("links", rows)

    def replace_links(self, links: Iterable[Link]) -> None:
        """Replace the whole links table atomically (the events it joins were rebuilt)."""
        rows = [_link_row(link) for link in links]
        with self.transaction():
            self._execute("DELETE FROM links")
            self._insert("links", rows)

    def record_run(self, run_id: str, *, started: datetime, finished: datetime | None = None,
                   n_docs: int = 0, n_errors: int = 0,
                   args: Mapping[str, Any] | None = None) -> None:
        row = (run_id, _naive(started), _naive(finished), n_docs, n_errors,
               _dumps(dict(args or {}), "run args"))
        with self.transaction():
            self._insert("runs", [row])

    def _insert(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        columns = TABLES[table]
        unique = _last_per_key(table, rows)
        arrow_schema = pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in columns])
        data = pa.table({name: [r[i] for r in unique] for i, (name, _) in enumerate(columns)},
                        schema=arrow_schema)
        names = ", ".join(quote(n) for n, _ in columns)
        select = ", ".join(quote(n) + ("::JSON" if t == "JSON" else "") for n, t in columns)
        self.con.register(_BATCH, data)
        try:
            self._execute(f"INSERT OR REPLACE INTO {table} ({names}) SELECT {select} FROM {_BATCH}")
        finally:
            with suppress(duckdb.Error):  # an aborted transaction refuses even this
                self.con.unregister(_BATCH)

    # -- reads -------------------------------------------------------------------------------

    def documents(self, ids: Iterable[str] | None = None) -> list[Document]:
        """Stored documents, by id; in the order of ``ids`` when given (unknown ids skipped)."""
        names = [n for n, _ in schema.DOCUMENTS if n != "ingested_at"]
        sql = f"SELECT {', '.join(quote(n) for n in names)} FROM documents"
        wanted = None if ids is None else list(ids)
        if wanted is None:
            rows = self._execute(sql + " ORDER BY id").fetchall()
            return [_document(dict(zip(names, r, strict=True))) for r in rows]
        rows = self._execute(sql + " WHERE list_contains(?, id)", [wanted]).fetchall()
        found = {r[0]: _document(dict(zip(names, r, strict=True))) for r in rows}
        return [found[i] for i in dict.fromkeys(wanted) if i in found]

    def sentences(self, doc_id: str) -> list[Sentence]:
        rows = self._execute(
            'SELECT idx, start, "end", text, tok_start, tok_end FROM sentences '
            "WHERE doc_id = ? ORDER BY idx", [doc_id]).fetchall()
        return [Sentence(*r) for r in rows]

    def mentions(self, doc_ids: Iterable[str] | None = None) -> list[Mention]:
        sql = "SELECT record FROM mentions"
        params: list[Any] | None = None
        if doc_ids is not None:
            sql, params = sql + " WHERE list_contains(?, doc_id)", [sorted(set(doc_ids))]
        rows = self._execute(sql + " ORDER BY doc_id, sentence_index, mention_id", params)
        return [mention_from_dict(json.loads(r[0])) for r in rows.fetchall()]

    def events(self) -> list[Event]:
        rows = self._execute(
            "SELECT record FROM events ORDER BY date NULLS LAST, event_id").fetchall()
        return [event_from_dict(json.loads(r[0])) for r in rows]

    def events_frame(self) -> pd.DataFrame:
        """The events as a flat DataFrame (same columns as ``export.events_to_frame``)."""
        cols = ", ".join(quote(n) for n, _ in FLAT_EVENT_COLUMNS)
        try:
            table = self.con.sql(
                f"SELECT {cols} FROM events ORDER BY date NULLS LAST, event_id").to_arrow_table()
        except duckdb.Error as exc:
            raise StoreError(f"{type(exc).__name__}: {exc}", path=self.path) from exc
        return frame_from_arrow(table)

    def links(self) -> list[Link]:
        """Stored action → reaction links, ordered by action then reaction (none in a store
        written before links existed and opened read-only)."""
        if not self._has_table("links"):
            return []
        rows = self._execute(
            "SELECT record FROM links ORDER BY action_id, reaction_id").fetchall()
        return [link_from_dict(json.loads(r[0])) for r in rows]

    def links_frame(self) -> pd.DataFrame:
        """The action → reaction edge table (columns ``export.LINK_COLUMNS``)."""
        from ..export import links_to_frame

        return links_to_frame(self.links())

    def claims_frame(self) -> pd.DataFrame:
        """Every reported value of every field with its source (``export.CLAIM_COLUMNS``)."""
        from ..export import claims_to_frame

        return claims_to_frame(self.events())

    def acled_frame(self) -> pd.DataFrame:
        """The events in ACLED's columns (see :mod:`thucydides.acled`)."""
        from ..acled import acled_frame

        return acled_frame(self.events())

    def _has_table(self, table: str) -> bool:
        rows = self._execute("SELECT count(*) FROM information_schema.tables "
                             "WHERE table_name = ?", [table]).fetchall()
        return bool(rows[0][0])

    def runs(self) -> list[dict[str, Any]]:
        rows = self._execute(
            "SELECT run_id, started, finished, n_docs, n_errors, args FROM runs ORDER BY started"
        ).fetchall()
        keys = ("run_id", "started", "finished", "n_docs", "n_errors", "args")
        return [{**dict(zip(keys, r, strict=True)), "args": json.loads(r[5] or "{}")}
                for r in rows]

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        out: dict[str, int] = {}
        for table in TABLES:
            rows = self._execute(f"SELECT count(*) FROM {table}").fetchall()
            out[table] = int(rows[0][0])
        return out


def _naive(t: datetime | None) -> datetime | None:
    """UTC without tzinfo (DuckDB TIMESTAMP); naive inputs are taken as UTC already."""
    if t is None or t.tzinfo is None:
        return t
    return t.astimezone(UTC).replace(tzinfo=None)


def _dumps(value: Any, what: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise StoreError(f"{what} is not JSON-serialisable: {exc}") from exc


def _last_per_key(table: str, rows: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """One row per primary key (the last wins): DuckDB rejects a key twice in one statement."""
    positions = [i for i, (name, _) in enumerate(TABLES[table]) if name in KEYS[table]]
    by_key = {tuple(r[i] for i in positions): r for r in rows}
    return list(by_key.values())


def _document_row(d: Document, now: datetime) -> tuple[Any, ...]:
    offsets = None if d.offsets is None else _dumps(d.offsets, f"offsets of {d.id}")
    return (d.id, d.text, d.published, d.published_inferred, d.title, d.url, d.outlet, d.source,
            d.duplicate_of, offsets, _dumps(d.extra, f"extra of document {d.id}"), now)


def _document(row: dict[str, Any]) -> Document:
    row["offsets"] = None if row["offsets"] is None else json.loads(row["offsets"])
    row["extra"] = json.loads(row["extra"] or "{}")
    return document_from_dict(row)


def _mention_row(m: Mention) -> tuple[Any, ...]:
    a1, a2, loc = m.actor1, m.actor2, m.location
    return (
        m.mention_id, m.doc_id, m.sentence_index, m.status, m.type.plover, m.type.mode, m.date,
        m.date_precision, m.trigger,
        a1 and (a1.name or a1.text), a1 and a1.country,
        a2 and (a2.name or a2.text), a2 and a2.country,
        loc and (loc.name or loc.text), loc and loc.country, loc and loc.admin1,
        m.claimant, m.outlet, m.published, _dumps(record_to_dict(m), f"mention {m.mention_id}"),
    )


def _event_row(e: Event) -> tuple[Any, ...]:
    flat = flat_event(e)
    return (*(flat[n] for n, _ in FLAT_EVENT_COLUMNS),
            _dumps(record_to_dict(e), f"event {e.event_id}"))


def _link_row(link: Link) -> tuple[Any, ...]:
    ev = link.evidence
    return (link.action_id, link.reaction_id, link.kind, link.relation, link.lag_days,
            float(link.score), link.cue, ev and ev.doc_id, ev and ev.sentence,
            _dumps(record_to_dict(link), f"link {link.action_id}->{link.reaction_id}"))


def _source_rows(e: Event) -> list[tuple[Any, ...]]:
    return [(e.event_id, i, s.doc_id, s.start, s.end, s.claimant, s.sentence)
            for i, s in enumerate(e.sources)]
