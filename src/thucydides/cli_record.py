"""CLI verbs over the stored record: ``history`` (what was known when), ``links`` (action →
reaction edges) and ``export`` (every format, the ACLED CSV and the link table included)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from .cli_common import db_option, existing_db, handle_errors
from .errors import InputError
from .records import ActorRef, Count, Event, PlaceRef

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "geojson", "acled", "links")
_DEFAULT_NAMES = {"acled": "events_acled.csv", "links": "links.csv"}


@click.command()
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.option("--changes", "only_changes", is_flag=True,
              help="Only the points where a field's value changed.")
@handle_errors
def history(event_id: str, db: Path, as_json: bool, only_changes: bool) -> None:
    """Each field of EVENT_ID (killed, injured, date, location, actors) as known at each
    publication date, with the rule that chose it and its sources."""
    from .history import changes, event_history

    event = _stored_event(db, event_id)
    points = event_history(event)
    if only_changes:
        points = changes(points)
    if as_json:
        click.echo(json.dumps({"event_id": event.event_id, "history": [
            p.to_json() for p in points]}, ensure_ascii=False, indent=1))
        return
    click.echo(f"{event.event_id}  {event.event_type}  {event.date or 'undated'}")
    for p in points:
        docs = ", ".join(dict.fromkeys(s.doc_id for s in p.sources))
        click.echo(f"{p.as_of or 'undated':10}  {p.field:8}  {show(p.value):28}  "
                   f"{p.rule:20}  {p.n_sources} src  {docs}")


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
@handle_errors
def links(db: Path, as_json: bool) -> None:
    """The stored action → reaction links, with their cue and evidence."""
    from .store import Database

    with Database(existing_db(db), read_only=True) as store:
        stored = store.links()
        events = {e.event_id: e for e in store.events()}
    for link in stored:
        if as_json:
            click.echo(json.dumps(link.to_json(), ensure_ascii=False))
            continue
        action, reaction = events.get(link.action_id), events.get(link.reaction_id)
        click.echo(f"{link.kind:8} {link.relation:11} lag={link.lag_days} score={link.score}  "
                   f"{_label(action) or link.action_id}  ->  {_label(reaction) or link.reaction_id}")
        if link.cue:
            click.echo(f"         cue: {' '.join(link.cue.split())}")


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl",
              show_default=True, help="acled: ACLED's columns; links: the action → reaction edge "
              "table (CSV, or JSONL / Parquet by the output's suffix).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (default: events.FORMAT, events_acled.csv, links.csv).")
@handle_errors
def export(db: Path, fmt: str, output: Path | None) -> None:
    """Export the stored events (or their links)."""
    from .export import export_events
    from .store import Database

    with Database(existing_db(db), read_only=True) as store:
        events = store.events()
        stored_links = store.links() if fmt == "links" else []
    path = output or Path(_DEFAULT_NAMES.get(fmt, f"events.{fmt}"))
    written = export_events(events, fmt, path, links=stored_links)  # type: ignore[arg-type]
    click.echo(str(written))


def _stored_event(db: Path, event_id: str) -> Event:
    from .store import Database

    with Database(existing_db(db), read_only=True) as store:
        found = [e for e in store.events() if e.event_id == event_id]
    if not found:
        raise InputError(f"no event {event_id!r} in the record", path=str(db),
                         hint="`thucydides export` lists the event ids")
    return found[0]


def show(value: Any) -> str:
    """A field value in a few words: ``2 (2-9)``, ``Quetta, PAK``, ``Iran (IRN)``."""
    if isinstance(value, Count):
        span = "" if value.low == value.high else f" ({value.low}-{value.high})"
        return f"{value.best}{span}"
    if isinstance(value, PlaceRef):
        return ", ".join(x for x in (value.name or value.text, value.country) if x)
    if isinstance(value, ActorRef):
        return f"{value.name or value.text}" + (f" ({value.country})" if value.country else "")
    return "" if value is None else str(value)


def _label(e: Event | None) -> str:
    if e is None:
        return ""
    who = e.actor1.name or e.actor1.text if e.actor1 else "?"
    return f"{e.date or 'undated'} {who} {e.event_type}"
