"""Run the analysis stage on Dask partitions (``pip install thucydides[dask]``).

The same stage functions as the local engine: documents are prepared centrally (publication dates,
near-duplicates need the whole corpus), ``analyse_batch`` runs on each partition in the workers,
and fusion runs once over all mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..config import Settings
from ..errors import ConfigError
from ..pipeline import (
    analyse_batch,
    copy_to_duplicates,
    fuse_corpus,
    prepare_documents,
    undated_documents,
)
from ..records import Document, Event, Mention


def _analyse_partition(docs: list[Document], settings: Settings) -> list[Mention]:
    return analyse_batch(docs, settings)


def extract_events_dask(docs: Sequence[Document], settings: Settings, client: Any,
                        partition_size: int = 64) -> list[Event]:
    """Like :func:`thucydides.pipeline.extract_events`, with analysis spread over ``client``."""
    try:
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise ConfigError("dask is not installed",
                          hint="pip install 'thucydides[dask]'") from exc
    prepared = prepare_documents(docs, settings)
    kept = [d for d in prepared if d.duplicate_of is None]
    if not kept:
        return []
    npart = max(1, -(-len(kept) // partition_size))
    bag = db.from_sequence(kept, npartitions=npart)  # type: ignore[no-untyped-call]
    worker_settings = settings.model_copy(update={"n_process": 1})
    mentions: list[Mention] = list(
        bag.map_partitions(_analyse_partition, worker_settings).compute(scheduler=client.get))
    mentions += copy_to_duplicates(prepared, mentions)
    return fuse_corpus(mentions, settings, undated_documents(prepared))[1]
