"""`thucydides audit`: the reporting audit of one file, one stored document, or the whole store."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .audit import ArticleAudit, audit_documents, audit_parsed, render_text
from .audit.model import SEVERITIES
from .cli_common import db_option, existing_db, handle_errors, make_settings, report_errors
from .config import Settings
from .errors import ConfigError


@click.command()
@click.argument("target", required=False, metavar="[DOC_ID|FILE]")
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article (JSON Lines).")
@click.option("--min-severity", type=click.Choice(SEVERITIES), default="low", show_default=True,
              help="Hide findings below this severity (text output).")
@handle_errors
def audit(target: str | None, db: Path, as_json: bool, min_severity: str) -> None:
    """Audit the reporting of articles: who is cited, casualty figures with no source, events of
    other years told as one episode, boilerplate, glued headings, claims that contradict the
    record or the reference chronology; each finding cites its sentence, each article gets a
    score 0-100.

    FILE (any input `run` reads) is run through the pipeline and audited; DOC_ID is a document
    of the store given by --db; with no argument every stored document is audited."""
    settings = make_settings(db=db, progress=False)
    if target is not None and Path(target).exists():
        audits = _audit_file(target, settings)
    else:
        audits = _audit_store(target, db, settings)
    for a in audits:
        if as_json:
            click.echo(json.dumps(a.to_json(), ensure_ascii=False))
        else:
            click.echo(render_text(a, min_severity=min_severity))


def _audit_file(target: str, settings: Settings) -> list[ArticleAudit]:
    from .ingest import read_inputs

    ingested = read_inputs([target], settings)
    report_errors(ingested.errors)
    return audit_documents(ingested.documents, settings)


def _audit_store(doc_id: str | None, db: Path, settings: Settings) -> list[ArticleAudit]:
    from .store import Database

    with Database(existing_db(db), read_only=True) as store:
        docs = store.documents(None if doc_id is None else [doc_id])
        if doc_id is not None and not docs:
            raise ConfigError(f"no file or stored document {doc_id!r}", path=str(db),
                              hint="give a file to audit, or an id listed by the store")
        mentions = store.mentions()
        events = store.events()
        sentences = {d.id: store.sentences(d.id) for d in docs}
    analysed = {m.doc_id for m in mentions}
    fresh = [d for d in docs if d.id not in analysed and d.duplicate_of is None]
    audits = audit_parsed(docs, mentions, events, sentences, settings=settings,
                          only={d.id for d in docs} - {d.id for d in fresh})
    if fresh:  # stored but never analysed: run the pipeline on the stored text
        audits += audit_documents(fresh, settings)
    order = {d.id: k for k, d in enumerate(docs)}
    return sorted(audits, key=lambda a: order.get(a.doc_id, len(order)))

