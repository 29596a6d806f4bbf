"""Run the whole job in this process: ingest → analyse → store → fuse → link → export → report."""

from __future__ import annotations

import logging
import sys
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..config import Settings
from ..corroboration import with_outlets
from ..errors import InputError
from ..ingest import read_inputs
from ..links import link_events
from ..pipeline import (
    Toolkit,
    analyse_batch,
    copy_to_duplicates,
    fuse_corpus,
    prepare_documents,
    undated_documents,
)
from ..records import Document, Event, Link, Mention, ParsedDoc, Sentence
from ..store import Database

log = logging.getLogger("thucydides")


@dataclass
class RunResult:
    n_documents: int
    n_duplicates: int
    n_mentions: int
    events: list[Event]
    errors: list[InputError] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)


def run(inputs: Sequence[str | Path], settings: Settings, *, out_dir: Path | None = None,
        as_of: str | None = None) -> RunResult:
    """Ingest ``inputs`` into the store at ``settings.db`` and rebuild the event record."""
    started = datetime.now(UTC)
    ingested = read_inputs(inputs, settings)
    docs = prepare_documents(ingested.documents, settings)
    kept = [d for d in docs if d.duplicate_of is None]
    with Database(settings.db) as db:
        db.upsert_documents(docs)
        bar = _progress(len(kept), settings.progress)

        def on_doc(pdoc: ParsedDoc) -> None:
            db.upsert_sentences(pdoc.doc.id, pdoc.sentences)
            bar.update(1)

        mentions = analyse_batch(kept, settings, Toolkit.load(), on_doc=on_doc)
        bar.close()
        mentions += copy_to_duplicates(docs, mentions)
        db.replace_mentions_for([d.id for d in docs], mentions)
        all_mentions = db.mentions()
        if as_of is not None:
            all_mentions = [m for m in all_mentions if (m.published or "") <= as_of]
        stored = db.documents()
        by_id = {d.id: d for d in stored}
        fused, events = fuse_corpus(with_outlets(all_mentions, by_id), settings,
                                    undated_documents(stored))
        links = link_events(events, fused)
        if as_of is None:  # a view as of a past day is exported, never stored as the record
            with db.transaction():
                db.replace_events(events)
                db.replace_links(links)
        db.record_run(uuid.uuid4().hex, started=started, finished=datetime.now(UTC),
                      n_docs=len(docs), n_errors=len(ingested.errors),
                      args={"inputs": [str(i) for i in inputs], "as_of": as_of})
        result = RunResult(len(docs), len(docs) - len(kept), len(mentions), events,
                           list(ingested.errors), links=links)
        if out_dir is not None:
            sentences = {i: db.sentences(i) for i in {m.doc_id for m in all_mentions}}
            result.outputs = publish(events, by_id, out_dir, links, all_mentions, sentences)
    return result


def publish(events: Sequence[Event], docs: dict[str, Document], out_dir: Path,
            links: Sequence[Link] = (), mentions: Sequence[Mention] | None = None,
            sentences: Mapping[str, Sequence[Sentence]] | None = None) -> dict[str, Path]:
    """Write every export format, the link table and the brief into ``out_dir`` (the brief's
    reporting audit reads ``mentions`` and the parsed ``sentences``)."""
    from ..export import ExportFormat, export_events
    from ..history import event_history
    from ..report import write_brief

    out_dir.mkdir(parents=True, exist_ok=True)
    outputs: dict[str, Path] = {}
    formats: tuple[ExportFormat, ...] = ("jsonl", "csv", "parquet", "geojson")
    for fmt in formats:
        outputs[fmt] = export_events(events, fmt, out_dir / f"events.{fmt}")
    outputs["acled"] = export_events(events, "acled", out_dir / "events_acled.csv")
    for suffix in ("csv", "jsonl"):
        outputs[f"links.{suffix}"] = export_events(events, "links", out_dir / f"links.{suffix}",
                                                   links=links)
    md, html = write_brief(events, docs, out_dir, links=links, history=event_history,
                           mentions=mentions, sentences=sentences)
    outputs["brief.md"], outputs["brief.html"] = md, html
    return outputs


class _NoBar:
    def update(self, n: int) -> None:
        return None

    def close(self) -> None:
        return None


def _progress(total: int, enabled: bool) -> _NoBar:
    if not enabled or total == 0:
        return _NoBar()
    from tqdm import tqdm

    bar: _NoBar = tqdm(total=total, desc="analysing", unit="doc", file=sys.stderr)
    return bar
