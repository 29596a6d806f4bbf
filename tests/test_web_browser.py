"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

A uvicorn server runs in a background thread on a free port over a record built by the pipeline
from the corpus of test_web_api.py. The tests click timeline → event → evidence → document, use
the filters, the CSV download and the map, measure each page's load time, save screenshots to
tmp/out/web/, record every network request (none may leave 127.0.0.1) and show that the script
payloads in the untrusted article never run.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")

from playwright.sync_api import Browser, Dialog, Page, sync_playwright  # noqa: E402

from test_web_api import PAYLOAD_DOC, build_record  # noqa: E402
from thucydides.web import create_app  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parent.parent / "tmp" / "out" / "web"
MAX_LOAD_S = 1.0
RETRIES = 2  # a page over the limit is loaded again (cold cache) before it counts as slow

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="no /usr/bin/chromium (`make browser` installs it)")


class Browsing:
    """One page with everything it saw: requests, dialogs, console errors, load times."""

    def __init__(self, page: Page, base: str):
        self.page, self.base = page, base
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.loads: dict[str, tuple[str, str | None, list[float]]] = {}  # name: url, ready, times
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def timed(self, name: str, action: object = None, ready: str | None = None) -> float:
        """Go to ``name`` (a path) or run ``action`` (a click), wait for load, record the time."""
        start = time.perf_counter()
        if callable(action):
            with self.page.expect_navigation(wait_until="load"):
                action()
        else:
            self.page.goto(self.base + name, wait_until="load")
        if ready:
            self.page.wait_for_selector(ready, state="attached", timeout=5000)
        took = time.perf_counter() - start
        self.loads[name] = (self.page.url, ready, [took])
        return took

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def pwned(self) -> object:
        return self.page.evaluate("() => window.__pwned")


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


def check_load_times(browser: Browser, seen: Browsing) -> None:
    """Print every page's load time; fail when one stays over the limit on every try (the
    machine may be busy with other work: the best of a few cold loads is the page's time)."""
    slow = {}
    for name, (url, ready, times) in seen.loads.items():
        while min(times) >= MAX_LOAD_S and len(times) <= RETRIES:
            time.sleep(0.5)  # let a burst of other work pass
            times.append(cold_load(browser, url, ready))
        shown = ", ".join(f"{t * 1000:.0f}" for t in times)
        print(f"load {name}: {min(times) * 1000:.0f} ms (tries: {shown} ms)")
        if min(times) >= MAX_LOAD_S:
            slow[name] = times
    assert not slow, f"pages slower than {MAX_LOAD_S} s: {slow}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_record(tmp_path_factory.mktemp("web-browser"))
    port = free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        # start the renderer, fonts and network stack once, in a context that is thrown away
        # (no page asset is cached): load times then measure pages, not the browser's start-up
        warm = b.new_context()
        page = warm.new_page()
        page.goto(server + "/openapi.json")
        page.set_content("<p style='font-family: system-ui, serif'>warm <b>up</b> <i>fonts</i></p>")
        page.screenshot()
        warm.close()
        yield b
        b.close()


@pytest.fixture
def browsing(browser: Browser, server: str) -> Iterator[Browsing]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    seen = Browsing(context.new_page(), server)
    yield seen
    context.close()
    outside = [u for u in seen.requests if urlsplit(u).hostname != "127.0.0.1"]
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert seen.requests, "no request was recorded"
    check_load_times(browser, seen)


def test_timeline_to_event_to_evidence_to_document(browsing: Browsing) -> None:
    page = browsing.page
    browsing.timed("/")
    assert page.locator("tr.event").count() >= 3
    browsing.shot("timeline")
    row = page.locator("tr.event", has_text="gunmen").first
    browsing.timed("event", lambda: row.locator("a.event-link").click())
    assert page.url.startswith(browsing.base + "/events/ev-")
    assert page.locator("#claims table.claims tr").count() >= 3  # header + two killed figures
    assert "2 outlets" in page.locator("#corroboration").inner_text()
    evidence = page.locator("ol.sources li.source").first
    assert evidence.locator(".hl.f-event_type").first.is_visible()
    assert evidence.locator(".hl.f-actor1").first.is_visible()
    browsing.shot("event")
    browsing.timed("document", lambda: evidence.locator("a.evidence-link").click())
    assert "/documents/" in page.url and "#at-" in page.url
    target = page.locator("a.span:target mark")
    assert target.count() == 1 and target.is_visible()
    assert page.locator("#article mark").count() >= 1
    browsing.shot("document")
    back = page.locator("ul.cited a.event-link").first
    browsing.timed("event again", lambda: back.click())
    assert page.url.startswith(browsing.base + "/events/")
    assert not browsing.errors, browsing.errors


def test_filters_and_csv_download(browsing: Browsing) -> None:
    page = browsing.page
    browsing.timed("/")
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
    page.fill("input[name=q]", "zeppelin")
    browsing.timed("empty search", lambda: page.click("form.filters button[type=submit]"))
    assert page.locator("tr.event").count() == 0 and page.locator("p.empty").is_visible()


def test_map_draws_points_on_bundled_outlines(browsing: Browsing) -> None:
    page = browsing.page
    browsing.timed("/map", ready="#map[data-ready]")
    n = int(page.locator("#map").get_attribute("data-ready") or "0")
    assert n >= 2
    assert page.locator("path.event-point").count() == n
    assert page.locator(".leaflet-overlay-pane canvas").count() == 1  # countries and graticule
    page.locator("path.event-point").first.click(force=True)
    popup = page.locator(".leaflet-popup-content .popup")
    popup.wait_for(timeout=3000)
    assert popup.locator("a.event-link").count() == 1
    browsing.shot("map")
    assert not browsing.errors, browsing.errors


def test_payloads_in_articles_never_run(browsing: Browsing) -> None:
    page = browsing.page
    browsing.timed(f"/documents/{PAYLOAD_DOC}")
    assert "<script>window.__pwned='outlet'</script>" in page.locator("p.meta").inner_text()
    assert page.locator("#doc-title").inner_text().startswith("<img src=x onerror=")
    assert page.locator("#article script, #article img, #article a[href^=javascript]").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    page.locator("#doc-url").click()  # the javascript: URL is shown as text, not a link
    page.locator("#article", has_text="more").click()
    browsing.shot("payload-document")
    browsing.timed("payload event", lambda: page.locator("ul.cited a.event-link").first.click())
    browsing.timed("/?q=<script>")
    browsing.timed("/map?doc=" + PAYLOAD_DOC, ready="#map[data-ready]")
    page.locator("path.event-point").first.click(force=True)
    page.locator(".leaflet-popup-content .popup").wait_for(timeout=3000)
    page.wait_for_timeout(100)
    assert browsing.pwned() is None
    assert browsing.dialogs == []
    assert not [e for e in browsing.errors if "Content Security Policy" in e], browsing.errors
