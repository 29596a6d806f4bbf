"""The ``thucydides`` command: thin verbs over the library.

Data goes to stdout or files, progress and messages to stderr. Every ThucydidesError becomes one
line ``error T###: where: message (hint: ...)`` and its exit code.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from .cli_common import db_option, existing_db, handle_errors, make_settings, report_errors
from .errors import ConfigError, NothingReadError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages to stderr.")
@click.version_option(package_name="thucydides")
def main(verbose: bool) -> None:
    """thucydides: who did what to whom, when, where, with how many killed and injured —
    according to whom."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True, help="Folder for exports and the brief.")
@click.option("--n-process", type=int, default=1, show_default=True, help="spaCy processes.")
@click.option("--as-of", default=None, help="Only reports published on or before YYYY-MM-DD.")
@click.option("--undated-events", type=click.Choice(["auto", "keep", "drop"]), default="auto",
              show_default=True, help="Events no date could be found for: auto drops them when "
              "the corpus has dates (a timeline), keeps them when it has none.")
@click.option("--no-progress", is_flag=True, help="No progress bars.")
@handle_errors
def run(inputs: tuple[str, ...], db: Path, out_dir: Path, n_process: int, as_of: str | None,
        undated_events: str, no_progress: bool) -> None:
    """Ingest INPUTS (files, folders, globs) → extract → resolve → fuse → store → export → brief."""
    from .engine.local import run as run_job

    settings = make_settings(db=db, n_process=n_process, progress=not no_progress,
                             undated_events=undated_events)
    try:
        result = run_job(inputs, settings, out_dir=out_dir, as_of=as_of)
    except NothingReadError:
        raise
    report_errors(result.errors)
    click.echo(f"{result.n_documents} documents ({result.n_duplicates} duplicates), "
               f"{result.n_mentions} mentions, {len(result.events)} events; database {db}",
               err=True)
    for name, path in result.outputs.items():
        click.echo(f"{name}\t{path}")


@main.command()
@click.argument("docs", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              default=Path("-"), help="EVENTS.jsonl (default: stdout).")
@click.option("--n-process", type=int, default=1, show_default=True, help="spaCy processes.")
@click.option("--undated-events", type=click.Choice(["auto", "keep", "drop"]), default="auto",
              show_default=True, help="Events no date could be found for: auto drops them when "
              "the corpus has dates (a timeline), keeps them when it has none.")
@handle_errors
def extract(docs: Path, output: Path, n_process: int, undated_events: str) -> None:
    """Read DOCS.jsonl (spec/EVENTS.md documents) and write fused events as JSON Lines."""
    from .ingest import read_jsonl
    from .pipeline import extract_events

    settings = make_settings(n_process=n_process, progress=False, undated_events=undated_events)
    ingested = read_jsonl(docs, settings)
    report_errors(ingested.errors)
    if not ingested.documents:
        raise NothingReadError("no document could be read", path=str(docs))
    events = extract_events(ingested.documents, settings)
    lines = "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in events)
    if str(output) == "-":
        sys.stdout.write(lines)
    else:
        output.write_text(lines, encoding="utf-8")
    click.echo(f"{len(ingested.documents)} documents, {len(events)} events", err=True)


@main.command()
@db_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True)
@handle_errors
def report(db: Path, out_dir: Path) -> None:
    """Write the brief (Markdown and HTML) of the stored events, every line citing its sources."""
    from .report import write_brief
    from .store import Database

    with Database(existing_db(db), read_only=True) as store:
        events, docs, links = store.events(), {d.id: d for d in store.documents()}, store.links()
        mentions = store.mentions()
        sentences = {i: store.sentences(i) for i in {m.doc_id for m in mentions}}
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in write_brief(events, docs, out_dir, links=links, mentions=mentions,
                            sentences=sentences):
        click.echo(str(path))


@main.command()
@click.argument("docs", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              default=Path("-"), help="PLACES.jsonl (default: stdout).")
@handle_errors
def geoparse(docs: Path, output: Path) -> None:
    """Write every resolved toponym of DOCS.jsonl as {doc_id, start, end, name, lat, lon, ...}."""
    from .ingest import read_jsonl
    from .nlp import parse
    from .resolve.gazetteer import Gazetteer
    from .resolve.places import geoparse as run_geoparse

    ingested = read_jsonl(docs, make_settings(progress=False))
    report_errors(ingested.errors)
    rows = run_geoparse(parse(ingested.documents), Gazetteer.load())
    by_id = {d.id: d for d in ingested.documents}
    for r in rows:  # offsets into the input text as given, not the cleaned text
        d = by_id[str(r["doc_id"])]
        r["start"], r["end"] = (d.original_offset(int(str(r["start"]))),
                                d.original_offset(int(str(r["end"]))))
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if str(output) == "-":
        sys.stdout.write(lines)
    else:
        output.write_text(lines, encoding="utf-8")


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (keep 127.0.0.1 unless you mean to share the record).")
@click.option("--port", type=int, default=8000, show_default=True, help="TCP port.")
@handle_errors
def serve(db: Path, host: str, port: int) -> None:
    """Browse the stored record in a local web dashboard (read-only; needs thucydides[web])."""
    try:
        from .web import serve as run_server
    except ImportError as exc:
        raise ConfigError(f"the web dashboard needs extra packages: {exc}",
                          hint="pip install 'thucydides[web]'") from exc

    click.echo(f"thucydides dashboard on http://{host}:{port}/ (database {db}; Ctrl-C stops)",
               err=True)
    run_server(existing_db(db), host=host, port=port)


def _register(group: click.Group) -> None:
    """Verbs that live in their own modules (cli_*.py)."""
    from .cli_analysis import analyze
    from .cli_audit import audit
    from .cli_record import export, history, links

    for command in (analyze, audit, export, history, links):
        group.add_command(command)


_register(main)
