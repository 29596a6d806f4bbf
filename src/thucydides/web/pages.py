"""HTML pages. Each renders the same data its JSON endpoint returns (see api.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .api import FilterParams, documents_data, timeline_data
from .query import Filters
from .record import Record
from .views import FIELDS, document_view, event_view

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
        return render(request, "map.html", page="map", data=data, f=filters, query=query,
                      api="/api/map" + ("?" + query if query else ""))

    @router.get("/events/{event_id}")
    def event(request: Request, event_id: str) -> HTMLResponse:
        snap = record.snapshot()
        found = snap.by_id.get(event_id)
        if found is None:
            return render(request, "missing.html", status_code=404, page="timeline",
                          what=f"event {event_id}")
        return render(request, "event.html", page="event", v=event_view(record, snap, found),
                      fields=FIELDS, api="/api/events/" + quote(event_id, safe=""))

    @router.get("/documents")
    def documents(request: Request) -> HTMLResponse:
        return render(request, "documents.html", page="documents",
                      docs=documents_data(record.snapshot()), api="/api/documents")

    @router.get("/documents/{doc_id:path}")
    def document(request: Request, doc_id: str) -> HTMLResponse:
        snap = record.snapshot()
        doc = snap.documents.get(doc_id)
        if doc is None:
            return render(request, "missing.html", status_code=404, page="documents",
                          what=f"document {doc_id}")
        return render(request, "document.html", page="documents", v=document_view(snap, doc),
                      api="/api/documents/" + quote(doc_id, safe=""))

    return router
