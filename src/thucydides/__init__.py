"""thucydides: a sourced, reconciled record of events from news coverage of a conflict.

The public API::

    import thucydides
    events = thucydides.extract(documents)          # list[Event], no database
    result = thucydides.run(["articles/"], db="record.duckdb", out_dir="out")
    frame = thucydides.read_events("record.duckdb")  # pandas DataFrame
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import ThucydidesError
from .records import Document, Event, Mention

if TYPE_CHECKING:
    from .engine.local import RunResult

__version__ = "0.1.0"
__all__ = ["Document", "Event", "Mention", "Settings", "ThucydidesError", "extract",
           "read_events", "run"]


def extract(documents: Sequence[Document], settings: Settings | None = None) -> list[Event]:
    """Fused events of ``documents`` (the ``thucydides extract`` contract)."""
    from .pipeline import extract_events

    return extract_events(documents, settings)


def run(inputs: Sequence[str | Path], *, db: str | Path = "thucydides.duckdb",
        out_dir: str | Path | None = None, **settings: Any) -> RunResult:
    """Ingest ``inputs`` into the record at ``db`` and write exports and the brief."""
    from .engine.local import run as run_job

    cfg = Settings(db=Path(db), **settings)
    return run_job(inputs, cfg, out_dir=Path(out_dir) if out_dir is not None else None)


def read_events(db: str | Path = "thucydides.duckdb") -> Any:
    """The stored events as a pandas DataFrame (one row per event, flat columns)."""
    from .store import Database

    with Database(Path(db)) as store:
        return store.events_frame()
