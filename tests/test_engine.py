"""The same stage functions give the same events in-process and on Dask partitions."""

from __future__ import annotations

import pytest

from thucydides.config import Settings
from thucydides.pipeline import extract_events
from thucydides.records import Document

DOCS = [
    Document(id="e-1", published="2024-03-05", outlet="Wire A", text=(
        "Gunmen attacked a police checkpoint in the Kurram district of Pakistan on Monday, "
        "killing four officers, a police spokesman said.")),
    Document(id="e-2", published="2024-03-05", outlet="Wire B", text=(
        "Four police officers were killed on Monday when gunmen stormed a checkpoint in "
        "Kurram, officials said. The foreign ministry condemned the attack.")),
    Document(id="e-3", published="2024-03-06", outlet="Wire C", text=(
        "Turkey and Greece agreed on Tuesday to hold talks in Athens next month.")),
]


def signature(events: list) -> list[tuple]:  # type: ignore[type-arg]
    return sorted((e.event_id, e.event_type, e.date, tuple(sorted(s.doc_id for s in e.sources)))
                  for e in events)


def test_dask_partitions_give_the_local_result() -> None:
    distributed = pytest.importorskip("distributed")
    from thucydides.engine.dask import extract_events_dask

    settings = Settings(progress=False)
    local = extract_events(DOCS, settings)
    with distributed.Client(processes=False, n_workers=2, threads_per_worker=1,
                            dashboard_address=None) as client:
        remote = extract_events_dask(DOCS, settings, client, partition_size=1)
    assert local and signature(local) == signature(remote)
