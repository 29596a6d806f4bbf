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
from datetime import date, timedelta
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
from thucydides.records import ActorRef, Event, Evidence, Link
from thucydides.serde import FLAT_EVENT_COLUMNS
from thucydides.store import Database
from thucydides.web import create_app
from thucydides.web.admin1 import atlas, contains
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
    {"id": "pk-reprisal", "title": "Pakistan answers the Quetta bombing", "outlet": "Lakeside Wire",
     "published": "2024-03-11",
     "text": "Pakistan recalled its ambassador from Kabul on Saturday, two days after the bombing "
             "in Quetta <script>window.__pwned='cue'</script> killed six people. Pakistan's army "
             "shelled militant positions in Afghanistan's Kandahar province on Monday in "
             "retaliation for the Quetta bombing <img src=x onerror=\"window.__pwned='cue2'\">, "
             "officials said. Eight <img src=x onerror=\"window.__pwned='finding'\"> fighters "
             "were killed in the raid."},
]
REPRISAL_DOC = "pk-reprisal"


def build_record(folder: Path) -> Path:
    """Write the corpus as JSONL under ``folder`` and run the whole pipeline on it."""
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "corpus.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in CORPUS), encoding="utf-8")
    db = folder / "record.duckdb"
    run([str(src)], Settings(db=db, progress=False), out_dir=folder / "out")
    return db


PAYLOAD_ACTOR = "<script>window.__pwned='actor'</script>"


def _hostile(eid: str, day: date, a1: str, a2: str, goldstein: float = -10.0,
             kind: str = "assault") -> Event:
    actor = {k: ActorRef(text=k, start=0, end=len(k), name=k, country=k if len(k) == 3 else None,
                         kind=None if len(k) == 3 else "armed_group",
                         actor_id=None if len(k) == 3 else k) for k in (a1, a2)}
    return Event(event_id=eid, event_type=kind, status="occurred",
                 sources=[Evidence(doc_id=f"doc-{eid}", sentence=f"{a1} hit {a2}.", start=0,
                                   end=len(a1) + len(a2) + 6)],
                 date=day.isoformat(), date_precision="day", goldstein=goldstein,
                 actor1=actor[a1], actor2=actor[a2])


def build_dyad_record(folder: Path, days: int = 150) -> Path:
    """A store of hand-made events: AAA and BBB trade hostile acts in bursts (enough for a
    Hawkes model, its bootstrap and a backtest), AAA talks to CCC, and an actor whose name is a
    script payload attacks AAA. Links answer some acts."""
    folder.mkdir(parents=True, exist_ok=True)
    start, events, links = date(2024, 1, 1), [], []
    for k in range(days):
        gap = 1 if days // 3 <= k < 2 * days // 3 else 12  # a burst in the middle third
        if k % gap == 0:
            events.append(_hostile(f"h{k}a", start + timedelta(k), "AAA", "BBB"))
            if k % 3:
                events.append(_hostile(f"h{k}b", start + timedelta(k + 1), "BBB", "AAA"))
                links.append(Link(f"h{k}a", f"h{k}b", "pattern", "retaliation", 1, 0.4))
        if k % 20 == 5:
            events.append(_hostile(f"c{k}", start + timedelta(k), "AAA", "CCC", 4.0, "consult"))
        if k % 50 == 7:
            events.append(_hostile(f"p{k}", start + timedelta(k), PAYLOAD_ACTOR, "AAA"))
    db = folder / "dyads.duckdb"
    with Database(db) as store:
        store.replace_events(events)
        store.replace_links(links)
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


def assert_escaped(html: str, url: str) -> None:
    assert "<script>window" not in html and "<img src=x" not in html, url
    assert "onerror=\"window" not in html and "javascript:" not in html.replace(
        "javascript:window.__pwned=&#39;", ""), url


def test_pages_escape_untrusted_text(client: TestClient) -> None:
    page = client.get(f"/documents/{PAYLOAD_DOC}").text
    assert_escaped(page, PAYLOAD_DOC)
    assert "&lt;script&gt;window.__pwned" in page and "&lt;img src=x onerror=" in page
    assert 'href="javascript:' not in page
    event_id = get_json(client, f"/api/events?doc={PAYLOAD_DOC}")["events"][0]["event_id"]
    for url in (f"/events/{event_id}", f"/?doc={PAYLOAD_DOC}", "/documents", "/?q=<script>"):
        assert_escaped(client.get(url).text, url)
    assert get_json(client, f"/api/documents/{PAYLOAD_DOC}")["document"]["link"] is None


def test_payloads_reach_the_new_pages_escaped(client: TestClient) -> None:
    """The payloads of the reprisal article reach a link's cue, the audit findings and the claims
    (the JSON holds them as written) and every page shows them as text."""
    links = get_json(client, "/api/links")
    cues = [k for k in links if k["evidence"] and k["evidence"]["doc_id"] == REPRISAL_DOC]
    assert any("<script>" in (k["cue"] or "") for k in cues)
    assert any("onerror=" in k["evidence"]["sentence"] for k in cues)
    doc = get_json(client, f"/api/documents/{REPRISAL_DOC}")
    assert any("onerror=" in f["sentence"]["text"] for f in doc["audit"]["findings"])
    assert any(p["cues"] for p in doc["segments"]) and any(p["findings"] for p in doc["segments"])
    reaction = get_json(client, f"/api/events/{cues[0]['reaction_id']}")
    assert reaction["links"]["causes"] and any(
        "<script>" in c["sentence"] or "onerror=" in c["sentence"] for c in reaction["claims"])
    urls = [f"/documents/{REPRISAL_DOC}", f"/events/{cues[0]['action_id']}",
            *(f"/events/{k['reaction_id']}" for k in cues)]
    for url in urls:
        html = client.get(url).text
        assert_escaped(html, url)
        assert "&lt;script&gt;window.__pwned" in html or "&lt;img src=x onerror=" in html, url


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
            "/api/map", "/api/documents", "/api/documents/{doc_id}", "/api/facets",
            "/api/admin1", "/api/links", "/api/analysis", "/api/dyads", "/api/dyad",
            "/api/dyad.csv"} <= paths


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


# -- the event page: consensus, claims, corroboration, history, links ------------------------


def test_event_view_consensus_claims_and_history(client: TestClient) -> None:
    view = get_json(client, f"/api/events/{kurram_event(client)['event_id']}")
    killed = next(c for c in view["consensus"] if c["field"] == "killed")
    assert killed["rule"] and killed["rule_text"] and killed["n_values"] == 2 and killed["disputed"]
    rows = {r["field"]: r for r in view["fields"]}
    assert rows["killed"]["consensus"] == killed
    claims = [c for c in view["claims"] if c["field"] == "killed"]
    assert sum(c["chosen"] for c in claims) == 1  # four and five officers: one value is kept
    kept = next(c for c in claims if c["chosen"])
    assert kept["shown"].startswith(killed["value"].split(" ")[0])
    assert {c["independent_source"] for c in claims} == {"Lakeside Wire", "Hill Dispatch"}
    corr = view["corroboration"]
    assert corr["n_outlets"] == 2 and not corr["single_source"]
    assert {f["field"] for f in corr["fields"]} >= {"killed", "date"}
    history = {h["field"]: h for h in view["history"]}["killed"]
    assert [p["as_of"] for p in history["points"]] == ["2024-03-05", "2024-03-06"]
    assert history["revised"] and history["summary"].startswith("4 → 5")


def test_event_links_to_causes_and_reactions(client: TestClient) -> None:
    links = get_json(client, "/api/links")
    explicit = [k for k in links if k["kind"] == "explicit"]
    assert explicit, "the reprisal article's cues link its events to the Quetta bombing"
    k = explicit[0]
    action = get_json(client, f"/api/events/{k['action_id']}")["links"]
    reaction = get_json(client, f"/api/events/{k['reaction_id']}")["links"]
    out = next(r for r in action["reactions"] if r["event_id"] == k["reaction_id"])
    back = next(c for c in reaction["causes"] if c["event_id"] == k["action_id"])
    assert out["cue"] == back["cue"] == k["cue"] and out["relation"] == k["relation"]
    marked = "".join(s["text"] for s in back["evidence"]["segments"] if s["cue"])
    assert marked == k["cue"]
    assert "".join(s["text"] for s in back["evidence"]["segments"]) == k["evidence"]["sentence"]
    html = client.get(f"/events/{k['reaction_id']}").text
    assert f'href="/events/{k["action_id"]}"' in html and 'class="cue"' in html


# -- the document page: audit findings linked to their sentences ------------------------------


def test_document_view_has_audit_findings_at_their_sentences(client: TestClient) -> None:
    view = get_json(client, f"/api/documents/{REPRISAL_DOC}")
    audit = view["audit"]
    assert 0 <= audit["score"] <= 100 and audit["findings"]
    for f in audit["findings"]:
        assert f["located"]
        covered = "".join(p["text"] for p in view["segments"] if f["n"] in p["findings"])
        assert covered == f["sentence"]["text"]
        assert any(f["n"] in p["finding_anchors"] for p in view["segments"])
    html = client.get(f"/documents/{REPRISAL_DOC}").text
    for f in audit["findings"]:
        assert f'id="f-{f["n"]}"' in html and f'href="#finding-{f["n"]}"' in html
        assert f'id="finding-{f["n"]}"' in html and f'href="#f-{f["n"]}"' in html


# -- the map: admin1 areas ------------------------------------------------------------------


def test_admin1_areas_are_shipped_small_and_worldwide() -> None:
    path = Path(__file__).resolve().parent.parent / "src" / "thucydides" / "web" / "static" \
        / "vendor" / "natural-earth-admin1" / "admin1-10m.topo.json.gz"
    assert path.stat().st_size < 500_000
    book = atlas()
    assert len(book.country_of) > 4000 and len(set(book.country_of.values())) > 200
    assert (path.parent / "LICENSE").is_file()


def test_admin1_lookup_keys_match_the_shipped_file() -> None:
    """The file stores lookup keys made by admin1.name_keys at build time: when the gazetteer's
    normalisation changes, names stop matching and the file must be rebuilt (admin1_build)."""
    book = atlas()
    for country in ("PAK", "IRN", "IRQ", "USA", "DEU", "NGA", "BRA"):
        areas = book.country(country)
        assert len(areas) >= 5, country
        missed = [a.name for a in areas if book.find(country, a.name) != a.id]
        assert len(missed) <= len(areas) // 10, (country, missed)  # a few share a name


def test_map_admin1_areas_with_event_counts(client: TestClient) -> None:
    areas = get_json(client, "/api/admin1")
    held = [f for f in areas["features"] if f["properties"]["n_events"]]
    assert held and areas["max_events"] == max(f["properties"]["n_events"] for f in held)
    assert {f["properties"]["country"] for f in areas["features"]} >= {"PAK"}
    for f in held:
        found = get_json(client, f"/api/events?area={f['properties']['id']}")["events"]
        assert len(found) == f["properties"]["n_events"]
        area = atlas().area(f["properties"]["id"])
        assert area is not None
        for e in found:  # each event's place lies in its area (or is named after it)
            loc = e["location"]
            assert contains(area, loc["lon"], loc["lat"]) or loc["admin1"] in area.name
    quetta = [f for f in held if f["properties"]["name"] == "Balochistan"]
    assert quetta, "the Quetta bombing falls in Balochistan"
    facets = get_json(client, "/api/facets")["area"]
    assert {o["value"] for o in facets} == {f["properties"]["id"] for f in held}


# -- the dyad pages ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dyad_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(build_dyad_record(tmp_path_factory.mktemp("dyads"))),
                      base_url="http://127.0.0.1")


def test_dyads_list_and_pair_view(dyad_client: TestClient) -> None:
    rows = get_json(dyad_client, "/api/dyads")
    assert (rows[0]["a"], rows[0]["b"]) == ("AAA", "BBB") and rows[0]["model"]
    view = get_json(dyad_client, "/api/dyad?a=AAA&b=BBB")
    assert len(view["daily"]["ab"]) == len(view["daily"]["ba"]) > 100
    assert sum(d["n_events"] for d in view["daily"]["ab"]) == view["directions"]["ab"]["n_events"]
    trends = [p["trend"] for p in view["directions"]["ab"]["phases"]]
    assert "escalation" in trends and "de-escalation" in trends
    model = view["model"]
    assert {f["horizon_days"] for f in model["forecasts"]} == {7, 30}
    for f in model["forecasts"]:  # every forecast shown has a backtest with origins
        bt = next(b for b in model["backtests"] if b["horizon_days"] == f["horizon_days"])
        assert bt["n_origins"] > 0 and bt["scores"]
    assert view["reciprocity"]["a_to_b"]["n_answered"] > 0
    assert {e["direction"] for e in view["events"]} == {"ab", "ba"}
    rows_csv = list(csv.DictReader(io.StringIO(dyad_client.get("/api/dyad.csv?a=AAA&b=BBB").text)))
    assert len(rows_csv) == 2 * len(view["daily"]["ab"])
    assert dyad_client.get("/api/dyad?a=AAA&b=ZZZ").status_code == 404
    assert dyad_client.get("/dyad?a=AAA&b=ZZZ").status_code == 404
    html = dyad_client.get("/dyad?a=AAA&b=BBB").text
    assert 'class="forecast"' in html and 'id="dyad-chart"' in html and "Brier" in html
    assert html.count('class="bar ab"') == sum(1 for d in view["daily"]["ab"] if d["n_events"])


def test_analysis_runs_once_per_snapshot_in_the_background(tmp_path: Path) -> None:
    from thucydides.web.dyads import analysis_of
    from thucydides.web.record import Record

    db = build_dyad_record(tmp_path)
    calls: list[int] = []

    def analyse(snap: Any) -> dict[str, Any]:
        calls.append(1)
        from thucydides.web.dyads import analyse_snapshot
        return analyse_snapshot(snap)

    record = Record(db, analyse=analyse)
    snap = record.snapshot()
    assert snap.analysis is not None  # started as soon as the snapshot was read
    first = analysis_of(snap)
    assert analysis_of(record.snapshot()) is first and calls == [1]
    assert first["seconds"] >= 0 and first["models"]


def test_dyad_pages_escape_actor_names(dyad_client: TestClient) -> None:
    rows = get_json(dyad_client, "/api/dyads")
    assert any(PAYLOAD_ACTOR in (r["a"], r["b"]) for r in rows)
    html = dyad_client.get("/dyads").text
    assert_escaped(html, "/dyads")
    a, b = sorted(("AAA", PAYLOAD_ACTOR))
    page = dyad_client.get("/dyad", params={"a": a, "b": b})
    assert page.status_code == 200
    assert_escaped(page.text, "/dyad")
    assert "&lt;script&gt;window.__pwned" in page.text
