"""The JSON API (and CSV download) behind every page. All reads, no writes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response

from ..export import events_to_frame, geojson_features
from ..records import Event
from . import geo
from .query import Filters, facets, filter_events, group_by_date
from .record import Record, Snapshot
from .views import doc_meta, document_view, event_row, event_view, jsonable

FilterParams = Annotated[Filters, Depends()]


def find_event(snap: Snapshot, event_id: str) -> Event:
    event = snap.by_id.get(event_id)
    if event is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    return event


def timeline_data(snap: Snapshot, filters: Filters) -> dict[str, Any]:
    """The timeline page's data: the filtered events grouped by date, and the filter options."""
    events = filter_events(snap.events, filters)
    return {"filters": filters.active(), "total": len(events), "of": len(snap.events),
            "groups": [{"date": d, "events": [event_row(e) for e in group]}
                       for d, group in group_by_date(events)],
            "facets": facets(snap.events)}


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
        found = filter_events(record.snapshot().events, filters)
        return {"filters": filters.active(), "total": len(found), "offset": offset,
                "events": [jsonable(e.to_json()) for e in found[offset:offset + limit]]}

    @router.get("/events.csv", summary="Events matching the filters as CSV (flat columns)",
                response_class=Response)
    def events_csv(filters: FilterParams) -> Response:
        found = filter_events(record.snapshot().events, filters)
        body = events_to_frame(found).to_csv(index=False)
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="events.csv"'})

    @router.get("/events/{event_id}", summary="One event: fields, evidence in context, claims")
    def event(event_id: str) -> dict[str, Any]:
        snap = record.snapshot()
        return event_view(record, snap, find_event(snap, event_id))

    @router.get("/timeline", summary="The timeline page's data")
    def timeline(filters: FilterParams) -> dict[str, Any]:
        return timeline_data(record.snapshot(), filters)

    @router.get("/facets", summary="Values each filter can take, with event counts")
    def facet_values() -> dict[str, list[dict[str, Any]]]:
        return facets(record.snapshot().events)

    @router.get("/map", summary="Events with coordinates matching the filters, as GeoJSON")
    def map_points(filters: FilterParams) -> dict[str, Any]:
        found = filter_events(record.snapshot().events, filters)
        return {"type": "FeatureCollection", "features": geojson_features(found)}

    @router.get("/countries", summary="Country outlines (Natural Earth 1:110m) as GeoJSON",
                response_class=Response)
    def countries() -> Response:
        return Response(geo.countries_json(), media_type="application/geo+json",
                        headers={"Cache-Control": "max-age=86400"})

    @router.get("/documents", summary="Stored documents with the number of events citing each")
    def documents() -> list[dict[str, Any]]:
        return documents_data(record.snapshot())

    @router.get("/documents/{doc_id:path}", summary="One document: text and evidence spans")
    def document(doc_id: str) -> dict[str, Any]:
        snap = record.snapshot()
        doc = snap.documents.get(doc_id)
        if doc is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
        return document_view(snap, doc)

    return router
