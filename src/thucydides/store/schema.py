"""Table layouts of the store. Each table is a tuple of (column, SQL type); the first columns
listed in ``KEYS`` form the primary key. JSON columns hold serialised records (see serde.py)."""

from __future__ import annotations

from ..serde import FLAT_EVENT_COLUMNS, ColumnKind

Columns = tuple[tuple[str, str], ...]

_SQL_TYPES: dict[ColumnKind, str] = {
    "str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN",
}

DOCUMENTS: Columns = (
    ("id", "VARCHAR"), ("text", "VARCHAR"), ("published", "VARCHAR"),
    ("published_inferred", "BOOLEAN"), ("title", "VARCHAR"), ("url", "VARCHAR"),
    ("outlet", "VARCHAR"), ("source", "VARCHAR"), ("duplicate_of", "VARCHAR"),
    ("offsets", "JSON"), ("extra", "JSON"), ("ingested_at", "TIMESTAMP"),
)

SENTENCES: Columns = (
    ("doc_id", "VARCHAR"), ("idx", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"),
    ("text", "VARCHAR"), ("tok_start", "INTEGER"), ("tok_end", "INTEGER"),
)

MENTIONS: Columns = (
    ("mention_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("sentence_index", "INTEGER"),
    ("status", "VARCHAR"), ("event_type", "VARCHAR"), ("event_mode", "VARCHAR"),
    ("date", "VARCHAR"), ("date_precision", "VARCHAR"), ("trigger", "VARCHAR"),
    ("actor1_name", "VARCHAR"), ("actor1_country", "VARCHAR"),
    ("actor2_name", "VARCHAR"), ("actor2_country", "VARCHAR"),
    ("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
    ("location_admin1", "VARCHAR"), ("claimant", "VARCHAR"), ("outlet", "VARCHAR"),
    ("published", "VARCHAR"), ("record", "JSON"),
)

EVENTS: Columns = (
    *((name, _SQL_TYPES[kind]) for name, kind in FLAT_EVENT_COLUMNS),
    ("record", "JSON"),
)

EVENT_SOURCES: Columns = (
    ("event_id", "VARCHAR"), ("idx", "INTEGER"), ("doc_id", "VARCHAR"), ("start", "INTEGER"),
    ("end", "INTEGER"), ("claimant", "VARCHAR"), ("sentence", "VARCHAR"),
)

RUNS: Columns = (
    ("run_id", "VARCHAR"), ("started", "TIMESTAMP"), ("finished", "TIMESTAMP"),
    ("n_docs", "BIGINT"), ("n_errors", "BIGINT"), ("args", "JSON"),
)

LINKS: Columns = (
    ("action_id", "VARCHAR"), ("reaction_id", "VARCHAR"), ("kind", "VARCHAR"),
    ("relation", "VARCHAR"), ("lag_days", "BIGINT"), ("score", "DOUBLE"), ("cue", "VARCHAR"),
    ("doc_id", "VARCHAR"), ("sentence", "VARCHAR"), ("record", "JSON"),
)

TABLES: dict[str, Columns] = {
    "documents": DOCUMENTS, "sentences": SENTENCES, "mentions": MENTIONS, "events": EVENTS,
    "event_sources": EVENT_SOURCES, "runs": RUNS, "links": LINKS,
}

KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("id",), "sentences": ("doc_id", "idx"), "mentions": ("mention_id",),
    "events": ("event_id",), "event_sources": ("event_id", "idx"), "runs": ("run_id",),
    "links": ("action_id", "reaction_id"),
}

def quote(name: str) -> str:
    """A quoted SQL identifier (``end`` and ``date`` are keywords)."""
    return '"' + name.replace('"', '""') + '"'


def create_statements() -> list[str]:
    """DDL for every table; safe to run on an existing database."""
    out = []
    for table, columns in TABLES.items():
        cols = ", ".join(f"{quote(n)} {t}" for n, t in columns)
        key = ", ".join(quote(k) for k in KEYS[table])
        out.append(f"CREATE TABLE IF NOT EXISTS {table} ({cols}, PRIMARY KEY ({key}))")
        # a store written by an earlier version gains the columns added since
        out += [f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {quote(n)} {t}"
                for n, t in columns]
    return out
