"""HTML pages. Each renders the same data its JSON endpoint returns (see api.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .api import ActorKey, FilterParams, documents_data, find_dyad, timeline_data
from .charts import dyad_chart
from .document_view import full_document_view
from .dyads import analysis_of, dyad_list
from .event_extra import full_event_view
from .query import Filters
from .record import Record
from .views import FIELDS

FIELD_LABELS = {
    "date": "Date", "event_type": "Type", "actor1": "Actor 1", "actor2": "Actor 2",
    "location": "Place", "killed": "Killed", "injured": "Injured", "status": "Status",
    "claimant": "Claimant",
}


def _query(filters: Filters) -> str:
    return urlencode(filters.active())


def pages_router(record: Record, templates: Jinja2Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

    def render(request: Request, name: str, status_code: int = 200,
               **context: Any) -> HTMLResponse:
        context.setdefault("api", None)
        return templates.TemplateResponse(request, name, {"labels": FIELD_LABELS, **context},
                                          status_code=status_code)

    def missing(request: Request, page: str, what: str) -> HTMLResponse:
        return render(request, "missing.html", status_code=404, page=page, what=what)

    @router.get("/")
    def timeline(request: Request, filters: FilterParams) -> HTMLResponse:
        data = timeline_data(record.snapshot(), filters)
        query = _query(filters)
        return render(request, "timeline.html", page="timeline", data=data, f=filters,
                      query=query, api="/api/timeline" + ("?" + query if query else ""))

    @router.get("/map")
    def map_page(request: Request, filters: FilterParams) -> HTMLResponse:
        data = timeline_data(record.snapshot(), filters)
        query = _query(filters)
        suffix = "?" + query if query else ""
        return render(request, "map.html", page="map", data=data, f=filters, query=query,
                      api="/api/map" + suffix, areas="/api/admin1" + suffix)

    @router.get("/events/{event_id}")
    def event(request: Request, event_id: str) -> HTMLResponse:
        snap = record.snapshot()
        found = snap.by_id.get(event_id)
        if found is None:
            return missing(request, "timeline", f"event {event_id}")
        return render(request, "event.html", page="event",
                      v=full_event_view(record, snap, found), fields=FIELDS,
                      api="/api/events/" + quote(event_id, safe=""))

    @router.get("/documents")
    def documents(request: Request) -> HTMLResponse:
        return render(request, "documents.html", page="documents",
                      docs=documents_data(record.snapshot()), api="/api/documents")

    @router.get("/documents/{doc_id:path}")
    def document(request: Request, doc_id: str) -> HTMLResponse:
        snap = record.snapshot()
        doc = snap.documents.get(doc_id)
        if doc is None:
            return missing(request, "documents", f"document {doc_id}")
        return render(request, "document.html", page="documents",
                      v=full_document_view(record, snap, doc),
                      api="/api/documents/" + quote(doc_id, safe=""))

    @router.get("/dyads")
    def dyads(request: Request) -> HTMLResponse:
        payload = analysis_of(record.snapshot())
        return render(request, "dyads.html", page="dyads", rows=dyad_list(payload),
                      a=payload, api="/api/dyads")

    @router.get("/dyad")
    def dyad(request: Request, a: ActorKey, b: ActorKey) -> HTMLResponse:
        try:
            view = find_dyad(record.snapshot(), a, b)
        except HTTPException:
            return missing(request, "dyads", f"actor pair {a} – {b}")
        query = urlencode({"a": a, "b": b})
        return render(request, "dyad.html", page="dyads", v=view, chart=dyad_chart(view),
                      query=query, api="/api/dyad?" + query)

    return router
