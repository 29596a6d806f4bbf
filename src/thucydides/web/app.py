"""The dashboard application: FastAPI routes over a read-only record, Jinja2 pages, static assets.

Every response carries a strict Content-Security-Policy (``default-src 'self'``): no inline script,
no third-party host. Only the Host names given are served (a guard against DNS rebinding).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.trustedhost import TrustedHostMiddleware

from . import geo
from .api import admin1_data, api_router
from .dyads import analyse_snapshot
from .pages import pages_router
from .query import Filters
from .record import Record, Snapshot

log = logging.getLogger("thucydides.web")

CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def _here() -> Path:
    return Path(__file__).resolve().parent


def templates() -> Jinja2Templates:
    """Jinja2 with autoescaping on for every template (article text is untrusted)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_here() / "templates"), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["pathq"] = lambda value: quote(str(value), safe="")
    for name in env.list_templates():  # compile now: the first view of each page is fast too
        env.get_template(name)
    return Jinja2Templates(env=env)


def derive(snap: Snapshot) -> dict[str, Any]:
    """Run in the background on each new snapshot: the events' admin1 areas and the map's
    boundaries (kept with the snapshot or the process), then the escalation analysis (the
    result: ``Snapshot.analysis``)."""
    admin1_data(snap, Filters())
    geo.countries_json()
    return analyse_snapshot(snap)


def create_app(db: Path | str, *, hosts: Sequence[str] = LOCAL_HOSTS) -> FastAPI:
    """The dashboard over the DuckDB file ``db`` (opened read-only, never written)."""
    record = Record(db, analyse=derive)
    record.snapshot()  # read now: a broken file fails at start-up, and the first page is fast
    app = FastAPI(title="thucydides", version="1", docs_url=None, redoc_url=None,
                  description="Read-only API over a thucydides event record. Every page of the "
                  "dashboard is built from one of these endpoints.")
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))

    @app.middleware("http")
    async def security_headers(request: Request,
                               call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.mount("/static", StaticFiles(directory=_here() / "static"), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:  # asked for by browsers showing the JSON or a CSV
        return FileResponse(_here() / "static" / "favicon.svg", media_type="image/svg+xml")

    app.include_router(api_router(record))
    app.include_router(pages_router(record, templates()))
    return app


def serve(db: Path | str, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the dashboard with uvicorn until interrupted."""
    import uvicorn

    hosts = list(LOCAL_HOSTS) if host in LOCAL_HOSTS else [*LOCAL_HOSTS, host]
    if host in ("0.0.0.0", "::"):
        log.warning("serving on all interfaces: anyone on the network can read the record")
        hosts = ["*"]
    app = create_app(db, hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_level="warning")
