"""The dashboard's JSON API, CSV download, escaping and read-only guarantees (FastAPI TestClient).

The record is built by the real pipeline from a small corpus written for these tests, including
one article whose title, outlet, URL and text carry script-injection payloads.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # starlette's TestClient warns about its httpx dependency
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from click.testing import CliRunner

from thucydides.cli import main
from thucydides.config import Settings
from thucydides.engine.local import run
from thucydides.errors import ConfigError, StoreError
from thucydides.serde import FLAT_EVENT_COLUMNS
from thucydides.store import Database
from thucydides.web import create_app
from thucydides.web.highlight import Span, locate, segments
from thucydides.web.record import Record, open_read_only
from thucydides.web.views import safe_url

PAYLOAD_DOC = "pk-market"
CORPUS: list[dict[str, str]] = [
    {"id": "lw-kurram", "title": "Gunmen kill police officers in Kurram", "outlet": "Lakeside Wire",
     "published": "2024-03-05", "url": "https://news.example.org/kurram",
     "text": "Gunmen attacked a police checkpoint in the Kurram district of Pakistan on Monday, "
             "killing four officers, a police spokesman said. The attackers fled towards the "
             "border after the raid.\n\nThe provincial government ordered an inquiry."},
    {"id": "hd-kurram", "title": "Checkpoint raid in Kurram", "outlet": "Hill Dispatch",
     "published": "2024-03-06",
     "text": "Five police officers were killed on Monday when gunmen stormed a checkpoint in "
             "Kurram, local officials said. The interior ministry promised to find those "
             "responsible."},
    {"id": "ct-talks", "title": "Turkey and Greece agree to talks", "outlet": "Coast Times",
     "published": "2024-03-07",
     "text": "Turkey and Greece agreed on Wednesday to hold talks in Athens next month, the "
             "Greek foreign ministry said. Both sides described the meeting as constructive."},
    {"id": PAYLOAD_DOC, "title": "<img src=x onerror=\"window.__pwned='title'\">Quetta blast",
     "outlet": "<script>window.__pwned='outlet'</script>", "published": "2024-03-08",
     "url": "javascript:window.__pwned='url'",
     "text": "A bomb exploded near a market in Quetta on Thursday, killing six people "
             "<script>window.__pwned='text';alert('x')</script>, police said. "
             "<a href=\"javascript:window.__pwned='link'\">more</a> "
             "<img src=x onerror=\"window.__pwned='img';alert(1)\"> "
             "Pakistan's army said it would respond."},
]


def build_record(folder: Path) -> Path:
    """Write the corpus as JSONL under ``folder`` and run the whole pipeline on it."""
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "corpus.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in CORPUS), encoding="utf-8")
    db = folder / "record.duckdb"
    run([str(src)], Settings(db=db, progress=False), out_dir=folder / "out")
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_record(tmp_path_factory.mktemp("web-api"))


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), base_url="http://127.0.0.1")


def get_json(client: TestClient, url: str) -> Any:
    r = client.get(url)
    assert r.status_code == 200, (url, r.text[:300])
    return r.json()


def kurram_event(client: TestClient) -> dict[str, Any]:
    events = get_json(client, "/api/events?doc=hd-kurram&type=assault")["events"]
    both = [e for e in events if {s["doc_id"] for s in e["sources"]} >= {"lw-kurram", "hd-kurram"}]
    assert both, "the two Kurram reports should fuse into one event"
    return dict(both[0])


def test_events_api_filters(client: TestClient) -> None:
    everything = get_json(client, "/api/events")
    assert everything["total"] == len(everything["events"]) >= 3
    checks: list[tuple[str, Callable[[dict[str, Any]], bool]]] = [
        ("type=assault", lambda e: e["event_type"] == "assault"),
        ("status=occurred", lambda e: e["status"] == "occurred"),
        ("doc=ct-talks", lambda e: "ct-talks" in {s["doc_id"] for s in e["sources"]}),
        ("country=GRC", lambda e: "GRC" in {(e["actor1"] or {}).get("country"),
                                            (e["actor2"] or {}).get("country"),
                                            (e["location"] or {}).get("country")}),
        ("actor=gunmen", lambda e: "gunmen" in json.dumps([e["actor1"], e["actor2"]]).lower()),
        ("q=checkpoint+officers", lambda e: "checkpoint" in json.dumps(e).lower()),
    ]
    for query, check in checks:
        found = get_json(client, "/api/events?" + query)
        assert 0 < found["total"] < everything["total"], query
        assert all(check(e) for e in found["events"]), query
    assert get_json(client, "/api/events?q=zeppelin")["total"] == 0
    dated = get_json(client, "/api/events?date_from=2024-03-06")["events"]
    assert dated and all(e["date"] >= "2024-03-06" for e in dated)


def test_timeline_groups_and_facets(client: TestClient) -> None:
    data = get_json(client, "/api/timeline")
    dates = [g["date"] for g in data["groups"]]
    assert dates == sorted(dates, key=lambda d: (d == "undated", d))
    assert sum(len(g["events"]) for g in data["groups"]) == data["total"]
    assert {"actor", "country", "type", "status", "doc"} <= set(data["facets"])
    assert {o["value"] for o in data["facets"]["doc"]} >= {"lw-kurram", "ct-talks"}


def test_csv_download_matches_the_filtered_view(client: TestClient) -> None:
    r = client.get("/api/events.csv?type=assault")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == [name for name, _ in FLAT_EVENT_COLUMNS]
    assert len(rows) == get_json(client, "/api/events?type=assault")["total"]
    assert {row["event_type"] for row in rows} == {"assault"}


def test_event_view_has_fields_evidence_claims_and_corroboration(client: TestClient) -> None:
    event = kurram_event(client)
    view = get_json(client, f"/api/events/{event['event_id']}")
    assert view["corroboration"]["n_outlets"] == 2
    assert set(view["corroboration"]["documents"]) >= {"lw-kurram", "hd-kurram"}
    killed = [c for c in view["claims"] if c["field"] == "killed"]
    assert {c["doc_id"] for c in killed} == {"lw-kurram", "hd-kurram"}
    assert all(c["sentence"] for c in killed)
    by_field = {f["field"]: f for f in view["fields"]}
    assert by_field["killed"]["sources"] and by_field["event_type"]["sources"]
    for s in view["sources"]:
        assert "".join(seg["text"] for seg in s["segments"]) == s["sentence"]
    first = next(s for s in view["sources"] if s["doc_id"] == "lw-kurram")
    marked = {f: seg["text"] for seg in first["segments"] for f in seg["fields"]}
    assert marked.get("event_type") == "attacked" and "Gunmen" in marked.get("actor1", "")
    assert "The attackers fled" in first["after"]


def test_document_view_marks_the_source_sentences(client: TestClient) -> None:
    view = get_json(client, "/api/documents/lw-kurram")
    text = view["text"]
    assert "".join(p["text"] for p in view["segments"]) == text
    marked = [p for p in view["segments"] if p["events"]]
    assert marked and marked[0]["anchor"] == f"at-{marked[0]['start']}"
    cited = {e["event_id"] for e in view["events"]}
    assert {eid for p in marked for eid in p["events"]} <= cited
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/events/nope").status_code == 404


def test_pages_escape_untrusted_text(client: TestClient) -> None:
    page = client.get(f"/documents/{PAYLOAD_DOC}").text
    assert "<script>window" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned" in page and "&lt;img src=x onerror=" in page
    assert 'href="javascript:' not in page
    event_id = get_json(client, f"/api/events?doc={PAYLOAD_DOC}")["events"][0]["event_id"]
    for url in (f"/events/{event_id}", f"/?doc={PAYLOAD_DOC}", "/documents", "/?q=<script>"):
        html = client.get(url).text
        assert "<script>window" not in html and "<img src=x" not in html, url
        assert "javascript:" not in html.replace("javascript:window.__pwned=&#39;", ""), url
    assert get_json(client, f"/api/documents/{PAYLOAD_DOC}")["document"]["link"] is None


def test_security_headers_and_host_check(client: TestClient) -> None:
    for url in ("/", "/api/events", "/static/app.css", "/static/vendor/leaflet/leaflet.js"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "default-src 'self'" in r.headers["content-security-policy"], url
        assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/docs").status_code == 404  # Swagger UI would load a CDN: switched off


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(get_json(client, "/openapi.json")["paths"])
    assert {"/api/events", "/api/events.csv", "/api/events/{event_id}", "/api/timeline",
            "/api/map", "/api/documents", "/api/documents/{doc_id}", "/api/facets"} <= paths


def _inside(lon: float, lat: float, ring: list[list[float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def test_map_points_and_bundled_outlines(client: TestClient) -> None:
    points = get_json(client, "/api/map")
    assert points["features"], "events with coordinates"
    for f in points["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    outlines = get_json(client, "/api/countries")
    by_name = {f["properties"]["name"]: f["geometry"] for f in outlines["features"]}
    assert len(by_name) > 150

    def contains(name: str, lon: float, lat: float) -> bool:
        g = by_name[name]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        return any(_inside(lon, lat, poly[0]) for poly in polys)

    assert contains("Pakistan", 67.0, 30.2) and contains("Greece", 23.7, 38.0)
    assert not contains("Pakistan", 51.4, 35.7)


def test_the_file_is_never_written(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    before = copy.read_bytes()
    client = TestClient(create_app(copy), base_url="http://127.0.0.1")
    event_id = get_json(client, "/api/events")["events"][0]["event_id"]
    for url in ("/", "/map", "/documents", f"/events/{event_id}", "/documents/lw-kurram",
                "/api/events.csv", "/api/timeline"):
        assert client.get(url).status_code == 200
    assert copy.read_bytes() == before
    with open_read_only(copy) as store, pytest.raises(Exception, match="read-only"):
        store.con.execute("CREATE TABLE scratch (i INTEGER)")


def test_a_changed_file_is_read_again(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    client = TestClient(create_app(copy), base_url="http://127.0.0.1")
    n = get_json(client, "/api/events")["total"]
    with Database(copy) as store:
        events = store.events()
        store.replace_events(events[:1])
    assert n > 1 and get_json(client, "/api/events")["total"] == 1


def test_missing_or_broken_database(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        Record(tmp_path / "absent.duckdb")
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError):
        Record(bad).snapshot()
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "absent.duckdb")])
    assert result.exit_code == 2 and "no database" in result.output


def test_serve_help_defaults_to_localhost() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "127.0.0.1" in result.output and "--port" in result.output


def test_segments_and_links() -> None:
    text = "abcdefghij"
    pieces = segments(text, [Span(2, 6, "a"), Span(4, 8, "b")])
    assert [(p.text, p.keys) for p in pieces] == [
        ("ab", ()), ("cd", ("a",)), ("ef", ("a", "b")), ("gh", ("b",)), ("ij", ())]
    assert locate(text, "def", 0, 3) == (3, 6) and locate(text, "xyz", 0, 3) is None
    assert safe_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//x", None):
        assert safe_url(bad) is None
