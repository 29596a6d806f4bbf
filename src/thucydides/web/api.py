"""The JSON API (and CSV download) behind every page. All reads, no writes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response

from ..export import csv_safe, events_to_frame, geojson_features
from ..records import Document, Event
from . import admin1, geo
from .document_view import full_document_view
from .dyads import analysis_of, dyad_csv, dyad_list, dyad_view
from .event_extra import full_event_view
from .query import Filters, facets, filter_events, group_by_date
from .record import Record, Snapshot
from .views import doc_meta, event_row, jsonable

FilterParams = Annotated[Filters, Depends()]
ActorKey = Annotated[str, Query(min_length=1, max_length=200, description="an actor key: "
                                "ISO-3 country, else the actor's name (as /api/dyads lists)")]


def areas_of(snap: Snapshot) -> dict[str, str]:
    """event id → admin1 area id (computed once per snapshot)."""
    return snap.memo("areas", lambda: admin1.assign(snap.events))


def area_names(snap: Snapshot) -> dict[str, str]:
    def compute() -> dict[str, str]:
        book = admin1.atlas()
        found = (book.area(a) for a in set(areas_of(snap).values()))
        return {a.id: f"{a.name} ({a.country})" for a in found if a is not None}

    return snap.memo("area-names", compute)


def filtered(snap: Snapshot, filters: Filters) -> list[Event]:
    return filter_events(snap.events, filters, areas_of(snap))


def find_event(snap: Snapshot, event_id: str) -> Event:
    event = snap.by_id.get(event_id)
    if event is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    return event


def timeline_data(snap: Snapshot, filters: Filters) -> dict[str, Any]:
    """The timeline page's data: the filtered events grouped by date, and the filter options."""
    events = filtered(snap, filters)
    return {"filters": filters.active(), "total": len(events), "of": len(snap.events),
            "groups": [{"date": d, "events": [event_row(e) for e in group]}
                       for d, group in group_by_date(events)],
            "facets": facets(snap.events, areas_of(snap), area_names(snap))}


def admin1_data(snap: Snapshot, filters: Filters) -> dict[str, Any]:
    """The admin1 areas of the countries the filtered events fall in, with their counts."""
    areas = areas_of(snap)
    counts: dict[str, int] = {}
    for e in filtered(snap, filters):
        if e.event_id in areas:
            counts[areas[e.event_id]] = counts.get(areas[e.event_id], 0) + 1
    return admin1.area_features(counts)


def find_document(snap: Snapshot, doc_id: str) -> Document:
    doc = snap.documents.get(doc_id)
    if doc is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
    return doc


def find_dyad(snap: Snapshot, a: str, b: str) -> dict[str, Any]:
    view = dyad_view(snap, analysis_of(snap), a, b)
    if view is None:
        raise HTTPException(status_code=404, detail=f"no dyad {a!r}–{b!r}")
    return view


def documents_data(snap: Snapshot) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for e in snap.events:
        for doc_id in dict.fromkeys(s.doc_id for s in e.sources):
            counts[doc_id] = counts.get(doc_id, 0) + 1
    docs = sorted(snap.documents.values(), key=lambda d: (d.published or "", d.id))
    return [{**doc_meta(d), "n_events": counts.get(d.id, 0)} for d in docs]


def api_router(record: Record) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["api"])

    @router.get("/events", summary="Events matching the filters, as events.jsonl records")
    def events(filters: FilterParams, limit: Annotated[int, Query(ge=1, le=100_000)] = 10_000,
               offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
        found = filtered(record.snapshot(), filters)
        return {"filters": filters.active(), "total": len(found), "offset": offset,
                "events": [jsonable(e.to_json()) for e in found[offset:offset + limit]]}

    @router.get("/events.csv", summary="Events matching the filters as CSV (flat columns)",
                response_class=Response)
    def events_csv(filters: FilterParams) -> Response:
        found = filtered(record.snapshot(), filters)
        body = csv_safe(events_to_frame(found)).to_csv(index=False)
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="events.csv"'})

    @router.get("/events/{event_id}", summary="One event: fields with their evidence in context, "
                "consensus and claims, corroboration per field, history, causes and reactions")
    def event(event_id: str) -> dict[str, Any]:
        snap = record.snapshot()
        return full_event_view(record, snap, find_event(snap, event_id))

    @router.get("/timeline", summary="The timeline page's data")
    def timeline(filters: FilterParams) -> dict[str, Any]:
        return timeline_data(record.snapshot(), filters)

    @router.get("/facets", summary="Values each filter can take, with event counts")
    def facet_values() -> dict[str, list[dict[str, Any]]]:
        snap = record.snapshot()
        return facets(snap.events, areas_of(snap), area_names(snap))

    @router.get("/map", summary="Events with coordinates matching the filters, as GeoJSON")
    def map_points(filters: FilterParams) -> dict[str, Any]:
        found = filtered(record.snapshot(), filters)
        return {"type": "FeatureCollection", "features": geojson_features(found)}

    @router.get("/admin1", summary="Admin1 areas (Natural Earth 1:10m, simplified) of the "
                "countries the filtered events fall in, as GeoJSON with each area's event count")
    def admin1_areas(filters: FilterParams) -> dict[str, Any]:
        return admin1_data(record.snapshot(), filters)

    @router.get("/countries", summary="Country outlines (Natural Earth 1:110m) as GeoJSON",
                response_class=Response)
    def countries() -> Response:
        return Response(geo.countries_json(), media_type="application/geo+json",
                        headers={"Cache-Control": "max-age=86400"})

    @router.get("/documents", summary="Stored documents with the number of events citing each")
    def documents() -> list[dict[str, Any]]:
        return documents_data(record.snapshot())

    @router.get("/documents/{doc_id:path}", summary="One document: text with the spans of event "
                "evidence, link cues and audit findings; its reporting audit")
    def document(doc_id: str) -> dict[str, Any]:
        snap = record.snapshot()
        return full_document_view(record, snap, find_document(snap, doc_id))

    @router.get("/links", summary="Action → reaction links between events")
    def links() -> list[dict[str, Any]]:
        return [link.to_json() for link in record.snapshot().links]

    @router.get("/analysis", summary="The escalation analysis of the record (thucydides analyze)")
    def analysis() -> dict[str, Any]:
        return analysis_of(record.snapshot())

    @router.get("/dyads", summary="Actor pairs with their event counts and current phases")
    def dyads() -> list[dict[str, Any]]:
        return dyad_list(analysis_of(record.snapshot()))

    @router.get("/dyad", summary="One actor pair: daily series both ways, phases, reciprocity, "
                "the forecast with its backtest, the pair's events")
    def dyad(a: ActorKey, b: ActorKey) -> dict[str, Any]:
        return find_dyad(record.snapshot(), a, b)

    @router.get("/dyad.csv", summary="One actor pair's daily series (both directions) as CSV",
                response_class=Response)
    def dyad_series_csv(a: ActorKey, b: ActorKey) -> Response:
        body = dyad_csv(find_dyad(record.snapshot(), a, b))
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="dyad.csv"'})

    return router
