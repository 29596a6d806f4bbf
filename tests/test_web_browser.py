"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

uvicorn servers run in background threads over three records: the demo corpus
(examples/iran-pakistan-2024, built by the pipeline once per session), the small corpus of
test_web_api.py (with script payloads in its articles) and a hand-made record of two actors
trading blows (enough for a forecast with its backtest). The tests click timeline → event →
evidence → document → audit finding, event → cause and reaction, the map's admin1 areas, the
dyad pages, the filters and the CSV downloads; they time every page (printed at the end of the
run and written to out/web-timings.txt; each page must render in under a second), save
screenshots to out/screenshots/, record every network request (none may leave 127.0.0.1) and show
that the script payloads in the untrusted articles never run.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")

from playwright.sync_api import Browser, Dialog, Page, sync_playwright  # noqa: E402

from test_web_api import (  # noqa: E402
    PAYLOAD_ACTOR,
    PAYLOAD_DOC,
    REPRISAL_DOC,
    build_dyad_record,
    build_record,
)
from thucydides.config import Settings  # noqa: E402
from thucydides.engine.local import run  # noqa: E402
from thucydides.web import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "iran-pakistan-2024"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "out" / "screenshots"
REPORT = ROOT / "out" / "web-timings.txt"
MAX_LOAD_S = 1.0
RETRIES = 2  # a page over the limit is loaded again (cold cache) before it counts as slow

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="no /usr/bin/chromium (`make browser` installs it)")


class Browsing:
    """One page with everything it saw: requests, dialogs, console errors, load times."""

    def __init__(self, page: Page):
        self.page, self._base = page, ""
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.loads: dict[str, tuple[str, str | None, list[float]]] = {}  # name: url, ready, times
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    @property
    def base(self) -> str:
        return self._base

    @base.setter
    def base(self, url: str) -> None:
        """Serve from ``url`` from now on; the first visit to a server starts the browser's
        process and connection for it, which is not a page's time: done here, untimed."""
        self._base = url
        self.page.goto(url + "/static/favicon.svg", wait_until="load")

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def timed(self, name: str, action: Callable[[], Any] | None = None,
              ready: str | None = None, path: str | None = None) -> float:
        """Go to ``path`` (default: ``name``) or run ``action`` (a click), wait for the load
        event (and ``ready``, a selector), record the time under ``name``."""
        start = time.perf_counter()
        if action is not None:
            with self.page.expect_navigation(wait_until="load"):
                action()
        else:
            self.page.goto(self.base + (path or name), wait_until="load")
        if ready:
            self.page.wait_for_selector(ready, state="attached", timeout=5000)
        took = time.perf_counter() - start
        self.loads[name] = (self.page.url, ready, [took])
        return took

    def shot(self, name: str, full_page: bool = True) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)

    def pwned(self) -> object:
        return self.page.evaluate("() => window.__pwned")


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as r:  # the test's own server on 127.0.0.1
        return json.loads(r.read())


def cold_load(browser: Browser, url: str, ready: str | None) -> float:
    """Seconds to load ``url`` (and see ``ready``) in a fresh context: nothing cached."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url, wait_until="load")
        if ready:
            page.wait_for_selector(ready, state="attached", timeout=5000)
        return time.perf_counter() - start
    finally:
        context.close()


def check_load_times(browser: Browser, seen: Browsing, test: str, report: list[str]) -> None:
    """Record every page's load time; fail when one stays over the limit on every try (the
    machine may be busy with other work: the best of a few cold loads is the page's time)."""
    slow = {}
    for name, (url, ready, times) in seen.loads.items():
        while min(times) >= MAX_LOAD_S and len(times) <= RETRIES:
            time.sleep(0.5)  # let a burst of other work pass
            times.append(cold_load(browser, url, ready))
        shown = ", ".join(f"{t * 1000:.0f}" for t in times)
        report.append(f"{test:<34} {name:<28} {min(times) * 1000:6.0f} ms  (tries: {shown} ms)")
        if min(times) >= MAX_LOAD_S:
            slow[name] = times
    assert not slow, f"pages slower than {MAX_LOAD_S} s: {slow}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The dashboard over ``db`` on a free port of 127.0.0.1, in a background thread."""
    port = free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert srv.started, "the server did not start"
    base = f"http://127.0.0.1:{port}"
    get_json(base + "/api/analysis")  # wait for the background analysis: pages are timed alone
    yield base
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus through the whole pipeline (once per session)."""
    folder = tmp_path_factory.mktemp("web-demo")
    db = folder / "demo.duckdb"
    run([str(DEMO)], Settings(db=db, progress=False), out_dir=folder / "out")
    return db


@pytest.fixture(scope="module")
def demo(demo_db: Path) -> Iterator[str]:
    with serving(demo_db) as base:
        yield base


@pytest.fixture(scope="module")
def payloads(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(build_record(tmp_path_factory.mktemp("web-payloads"))) as base:
        yield base


@pytest.fixture(scope="module")
def dyads(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(build_dyad_record(tmp_path_factory.mktemp("web-dyads"))) as base:
        yield base


@pytest.fixture(scope="session")
def timings(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Every page's load time; printed at the end of the run and written to out/."""
    lines: list[str] = []
    yield lines
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None or not lines:
        return
    with capture.global_and_fixture_disabled():  # shown even without -s
        reporter.write_line("")
        reporter.write_line(f"dashboard page load times (limit {MAX_LOAD_S * 1000:.0f} ms; "
                            f"also in {REPORT.relative_to(ROOT)}):")
        for line in lines:
            reporter.write_line("  " + line)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        # start the renderer and fonts once, in a context that is thrown away (no page asset is
        # cached): load times then measure pages, not the browser's start-up
        warm = b.new_context()
        page = warm.new_page()
        page.set_content("<p style='font-family: system-ui, serif'>warm <b>up</b> <i>fonts</i></p>")
        page.screenshot()
        warm.close()
        yield b
        b.close()


@pytest.fixture
def browsing(browser: Browser, timings: list[str],
             request: pytest.FixtureRequest) -> Iterator[Browsing]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    seen = Browsing(context.new_page())
    yield seen
    context.close()
    outside = [u for u in seen.requests if urlsplit(u).hostname != "127.0.0.1"]
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert seen.requests, "no request was recorded"
    check_load_times(browser, seen, request.node.name.removeprefix("test_"), timings)


def revised_toll_event(base: str) -> tuple[str, dict[str, Any]]:
    """An event whose death toll changed between publication dates, and its history row."""
    for e in get_json(base + "/api/events?type=assault")["events"]:
        if e["killed"]:
            history = get_json(base + f"/api/events/{quote(e['event_id'])}")["history"]
            row = next((h for h in history if h["field"] == "killed" and h["revised"]), None)
            if row is not None:
                return e["event_id"], row
    raise AssertionError("the demo corpus has a toll revised by a later report")


def test_timeline_event_evidence_document_audit(browsing: Browsing, demo: str) -> None:
    page, browsing.base = browsing.page, demo
    event_id, history = revised_toll_event(demo)
    browsing.timed("timeline", path="/")
    assert page.locator("tr.event").count() >= 20
    browsing.shot("timeline", full_page=False)
    row = page.locator(f"tr.event[data-event-id='{event_id}']")
    browsing.timed("event", lambda: row.locator("a.event-link").click())
    assert page.url == f"{demo}/events/{event_id}"
    # the history shows the toll as it was revised by later reports (e.g. 53 → 84)
    summary = page.locator("#history [data-history=killed]")
    assert summary.inner_text() == history["summary"] and "→" in history["summary"]
    assert page.locator("#history tr.changed[data-field=killed]").count() >= 2
    # consensus: the rule that chose each value, the claims with claimant and the kept value
    assert page.locator("#fields tr[data-field=killed] abbr.rule").count() == 1
    claims = page.locator("#claims tr[data-field=killed]")
    assert claims.count() >= 2 and page.locator("#claims tr.chosen[data-field=killed]").count() >= 1
    assert "independent outlet" in page.locator("#corroboration").inner_text()
    evidence = page.locator("ol.sources li.source").first
    assert evidence.locator(".hl.f-event_type").first.is_visible()
    browsing.shot("event")
    browsing.timed("document", lambda: evidence.locator("a.evidence-link").click())
    assert "/documents/" in page.url and "#at-" in page.url
    target = page.locator("a.span:target mark")
    assert target.count() == 1 and target.is_visible()
    assert page.locator("#article mark").count() >= 1
    browsing.shot("document")
    # the audit's findings link to their sentences in the article and back
    findings = page.locator("ol.findings li.finding")
    assert findings.count() >= 1 and page.locator("#audit-score").inner_text().isdigit()
    findings.first.locator("a.finding-link").click()
    assert page.url.endswith("#f-1") and page.locator("a.fref:target").is_visible()
    page.locator("a.fref:target").click()
    assert page.url.endswith("#finding-1") and page.locator("li.finding:target").is_visible()
    browsing.shot("document-audit", full_page=False)
    back = page.locator("ul.cited a.event-link").first
    browsing.timed("event again", lambda: back.click())
    assert page.url.startswith(demo + "/events/")
    assert not browsing.errors, browsing.errors


def test_event_to_cause_and_reaction(browsing: Browsing, demo: str) -> None:
    page, browsing.base = browsing.page, demo
    link = next(k for k in get_json(demo + "/api/links")
                if k["kind"] == "explicit" and k["cue"])
    action, reaction = link["action_id"], link["reaction_id"]
    browsing.timed("action event", path=f"/events/{action}")
    out = page.locator(f"ul.reactions a.reaction-link[href='/events/{reaction}']")
    assert out.count() == 1
    browsing.timed("reaction event", lambda: out.click())
    assert page.url == f"{demo}/events/{reaction}"
    cause = page.locator("ul.causes li.link", has=page.locator(
        f"a.cause-link[href='/events/{action}']"))
    assert cause.count() == 1
    assert cause.locator("mark.cue").inner_text() == " ".join(link["cue"].split())
    cause.scroll_into_view_if_needed()
    browsing.shot("event-links", full_page=False)
    browsing.timed("cause event", lambda: cause.locator("a.cause-link").click())
    assert page.url == f"{demo}/events/{action}"
    assert not browsing.errors, browsing.errors


def free_point(page: Page, selector: str) -> tuple[str, float, float] | None:
    """A point of the largest shape matching ``selector`` that nothing covers (to click it
    with the mouse, as a person would), with the shape's ``data-area``."""
    found = page.evaluate("""(sel) => {
        const shapes = [...document.querySelectorAll(sel)].map((el) => [el, el.getBoundingClientRect()]);
        shapes.sort((p, q) => q[1].width * q[1].height - p[1].width * p[1].height);
        for (const [el, r] of shapes) {
            for (let i = 1; i < 16; i++) for (let j = 1; j < 16; j++) {
                const x = r.left + r.width * i / 16, y = r.top + r.height * j / 16;
                if (document.elementFromPoint(x, y) === el) { return [el.dataset.area, x, y]; }
            }
        }
        return null; }""", selector)
    return None if found is None else (str(found[0]), float(found[1]), float(found[2]))


def test_map_points_and_admin1_areas(browsing: Browsing, demo: str) -> None:
    page, browsing.base = browsing.page, demo
    browsing.timed("map", path="/map", ready="#map[data-ready]")
    box = page.locator("#map")
    n_points, n_areas = int(box.get_attribute("data-ready") or 0), int(
        box.get_attribute("data-areas") or 0)
    assert n_points >= 10 and page.locator("path.event-point").count() == n_points
    assert n_areas >= 10 and page.locator("path.admin1-area").count() == n_areas
    held = page.locator("path.admin1-area.has-events")
    assert held.count() >= 3
    assert page.locator(".leaflet-overlay-pane canvas").count() == 1  # countries and graticule
    assert page.locator("#map-legend .key").count() >= 2
    browsing.shot("map", full_page=False)
    spot = free_point(page, "path.admin1-area.has-events")
    assert spot is not None, "an admin1 area with events shows on the map"
    area, x, y = spot
    count = int(page.locator(f"path[data-area='{area}']").get_attribute("data-count") or 0)
    page.mouse.click(x, y)
    popup = page.locator(".leaflet-popup-content .area-popup")
    popup.wait_for(timeout=3000)
    assert f"{count} event" in popup.inner_text()
    browsing.shot("map-area", full_page=False)
    browsing.timed("area timeline", lambda: popup.locator("a.area-link").click())
    assert f"area={area}" in page.url and page.locator("tr.event").count() == count
    assert not browsing.errors, browsing.errors


def test_dyad_pages(browsing: Browsing, demo: str, dyads: str) -> None:
    page, browsing.base = browsing.page, demo
    browsing.timed("dyads", path="/dyads")
    first = page.locator("a.dyad-link").first
    browsing.timed("dyad", lambda: first.click())
    assert page.locator("#dyad-chart rect.bar").count() >= 1
    assert page.locator("#pair-events tr.event").count() >= 1
    assert page.locator("#no-forecast, table.forecast").count() == 1
    with page.expect_download() as info:
        page.click("#dyad-csv")
    lines = Path(info.value.path()).read_text(encoding="utf-8").strip().splitlines()
    assert lines[0].startswith("day,source,target") and len(lines) > 2
    browsing.shot("dyad")
    browsing.base = dyads  # two actors with enough hostile acts for a forecast and its backtest
    browsing.timed("dyad with forecast", path="/dyad?" + urlencode({"a": "AAA", "b": "BBB"}))
    assert page.locator("table.forecast tr.horizon").count() == 2
    assert page.locator("#dyad-chart rect.phase.trend-escalation").count() >= 1
    assert "Brier" in page.locator("#forecast").inner_text()
    browsing.shot("dyad-forecast")
    assert not browsing.errors, browsing.errors


def test_filters_and_csv_download(browsing: Browsing, demo: str) -> None:
    page, browsing.base = browsing.page, demo
    browsing.timed("timeline", path="/")
    total = page.locator("tr.event").count()
    page.select_option("select[name=type]", "assault")
    browsing.timed("filtered timeline", lambda: page.click("form.filters button[type=submit]"))
    shown = page.locator("tr.event").count()
    assert 0 < shown < total and "type=assault" in page.url
    assert page.locator("#n-shown").inner_text() == str(shown)
    with page.expect_download() as info:
        page.click("#csv-link")
    lines = Path(info.value.path()).read_text(encoding="utf-8").strip().splitlines()
    assert len(lines) == shown + 1 and lines[0].startswith("event_id,")
    browsing.timed("documents", path="/documents")
    assert page.locator("a.doc-link").count() >= 10
    browsing.timed("empty search", path="/?q=zeppelin")
    assert page.locator("tr.event").count() == 0 and page.locator("p.empty").is_visible()


def test_payloads_in_articles_never_run(browsing: Browsing, payloads: str, dyads: str) -> None:
    page, browsing.base = browsing.page, payloads
    browsing.timed("payload document", path=f"/documents/{PAYLOAD_DOC}")
    assert "<script>window.__pwned='outlet'</script>" in page.locator("p.meta").inner_text()
    assert page.locator("#doc-title").inner_text().startswith("<img src=x onerror=")
    assert page.locator("#article script, #article img, #article a[href^=javascript]").count() == 0
    page.locator("#doc-url").click()  # the javascript: URL is shown as text, not a link
    page.locator("#article", has_text="more").click()
    browsing.shot("payload-document")
    browsing.timed("payload event", lambda: page.locator("ul.cited a.event-link").first.click())
    # the reprisal article: payloads in link cues, audit findings and claims
    browsing.timed("reprisal document", path=f"/documents/{REPRISAL_DOC}")
    assert page.locator("#article .cue").count() >= 1 and page.locator("li.finding").count() >= 1
    assert "onerror=" in page.locator("ol.findings").inner_text()
    browsing.shot("payload-audit", full_page=False)
    for k in get_json(payloads + "/api/links"):
        browsing.timed(f"reaction {k['reaction_id'][-4:]}", path=f"/events/{k['reaction_id']}")
        assert page.locator("ul.causes mark.cue").count() >= 1
        assert page.locator("script:not([src]), img[src=x]").count() == 0
    browsing.shot("payload-links")
    browsing.timed("search payload", path="/?q=<script>")
    browsing.timed("payload map", path="/map?doc=" + PAYLOAD_DOC, ready="#map[data-ready]")
    page.locator("path.event-point").first.click(force=True)
    page.locator(".leaflet-popup-content .popup").wait_for(timeout=3000)
    browsing.base = dyads
    browsing.timed("payload dyad", path="/dyad?" + urlencode(dict(zip(
        "ab", sorted(("AAA", PAYLOAD_ACTOR)), strict=True))))
    assert PAYLOAD_ACTOR in page.locator("#dyad-title").inner_text()
    page.wait_for_timeout(100)
    assert browsing.pwned() is None
    assert browsing.dialogs == []
    assert not [e for e in browsing.errors if "Content Security Policy" in e], browsing.errors
