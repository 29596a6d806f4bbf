"""A local, read-only web dashboard over the event record (``thucydides serve``).

    from thucydides.web import create_app, serve
    app = create_app("record.duckdb")      # a FastAPI app; pages and a JSON API
    serve("record.duckdb", port=8000)      # run it on 127.0.0.1 with uvicorn

Needs the ``web`` extra (fastapi, uvicorn). See docs/web.md.
"""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
