"""The dashboard in a real browser (Debian's Chromium driven by Playwright) over a seeded store.

Run with ``pytest -m browser``; skipped only where /usr/bin/chromium is absent (CI installs
it with ``.ci/services.sh start_browser``). Screenshots go to the test's tmp folder and
their paths are printed.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from eventwire.serve.api import create_app
from hand_seed import hand_seed, hostile, replicate_into, seeded_catalogue
from store_fixtures import khan_sheikhoun_reports

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")]


class Server:
    """uvicorn on a free loopback port in a thread, for one module's tests."""

    def __init__(self, app):
        import uvicorn

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started and time.time() < deadline:
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory, seed_article):
    catalogue = seeded_catalogue(tmp_path_factory.mktemp("web"),
                                 [hand_seed(seed_article), hostile(), *khan_sheikhoun_reports()])
    with Server(create_app(catalogue)) as running:
        yield running


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: errors.append(message.text)
              if message.type == "error" else None)
    # Nothing may leave the machine: no tiles, no fonts, no scripts from elsewhere.
    outside: list[str] = []
    opened.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                 if not route.request.url.startswith("http://127.0.0.1") else route.continue_())
    yield opened
    context.close()
    assert not errors, errors
    assert not outside, outside


def loaded(page) -> None:
    page.wait_for_selector("body[data-loaded=true]", timeout=30_000)


def shot(page, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path


def cluster_total(page) -> int:
    """Events on the map: single markers plus the counts on cluster icons."""
    singles = page.locator("path.ew-marker").count()
    clusters = page.locator(".marker-cluster span").all_inner_texts()
    return singles + sum(int(n) for n in clusters)


def test_dashboard_map_timeline_filter_and_evidence(page, server, tmp_path):
    page.goto(server.url + "/")
    loaded(page)
    assert page.locator("#map").get_attribute("data-markers") == "9"
    assert cluster_total(page) == 9
    assert page.locator("#timeline svg rect.killed-bar").count() >= 2
    assert "Syrian government (SYRGOV)" in page.locator("#timeline").inner_text()
    assert page.locator("#event-table tbody tr").count() == 9
    shot(page, tmp_path, "dashboard")

    page.select_option("#filter-type", "RETREAT")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/?*type=RETREAT*")
    loaded(page)
    assert page.locator("#map").get_attribute("data-markers") == "1"
    rows = page.locator("#event-table tbody tr")
    assert rows.count() == 1 and rows.first.get_attribute("data-type") == "RETREAT"

    rows.first.locator("a").click()
    page.wait_for_selector("#event-title")
    assert "RETREAT" in page.locator("#event-title").inner_text()
    evidence = page.locator("#report-1 blockquote.evidence")
    assert evidence.locator("mark.hl-trigger").inner_text() == "halted"
    assert "Syrian army" in evidence.locator("mark.hl-actor").all_inner_texts()
    assert "Aleppo" in evidence.locator("mark.hl-place").all_inner_texts()
    assert "today" in evidence.locator("mark.hl-time").all_inner_texts()
    assert "I can tell you" in evidence.locator(".in-quote").first.inner_text()
    assert "Sergei Lavrov (RUSGOV)" in page.locator("#report-1 .quote").inner_text()
    assert page.locator("#article-text mark.hl-figure", has_text="At least 384 civilians").count() == 1
    shot(page, tmp_path, "event")


def test_competing_figures_side_by_side(page, server, tmp_path):
    page.goto(server.url + "/?place=Khan+Sheikhoun")
    loaded(page)
    page.locator("#event-table tbody tr a").first.click()
    page.wait_for_selector("#figures")
    rows = [r.split("\t") for r in page.locator("#figures tbody tr").all_inner_texts()]
    assert sorted((r[3], r[6]) for r in rows) == [("58", "Ahram Online"),
                                                   ("58", "Asharq Al-Awsat"),
                                                   ("86", "Ahram Online")]
    assert page.locator("article.report").count() == 3
    assert "58" in page.locator("article.report mark.hl-figure").all_inner_texts()
    shot(page, tmp_path, "fused-event")


def test_hostile_article_text_is_shown_as_text(page, server):
    page.goto(server.url + "/?place=Idlib")
    loaded(page)
    page.locator("#event-table tbody tr a").first.click()
    page.wait_for_selector("#article-text")
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert '"><img src=x onerror="window.__pwned=2">' in text
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#article-text img, #article-text script").count() == 0
    # The dashboard's popups and legend also take text only.
    page.goto(server.url + "/")
    loaded(page)
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script> (SYRMIL)" in page.locator("#timeline").inner_text()


def test_api_docs_render_offline(page, server):
    page.goto(server.url + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=30_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/events" in paths and "/extract" in paths


BREAKDOWN = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const resources = performance.getEntriesByType("resource").map((r) => ({
    url: r.name, start: r.requestStart, end: r.responseEnd, bytes: r.encodedBodySize}));
  const marks = performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]);
  return {html: [nav.requestStart, nav.responseEnd], dom: nav.domContentLoadedEventEnd,
          resources, marks, loaded: Number(document.body.dataset.loadMs)};
}"""


def print_breakdown(timings: dict, server_cpu: dict[str, float]) -> None:
    """Where a page load's time went: the browser's own timings (ms from navigation) and
    the server's CPU time for each request (replayed in process)."""
    start, end = timings["html"]
    print(f"  page HTML            {start:6.0f} -> {end:6.0f} ms   server CPU "
          f"{server_cpu.get('/', 0):5.1f} ms")
    print(f"  DOMContentLoaded     {timings['dom']:6.0f} ms (scripts parsed and run)")
    for r in sorted(timings["resources"], key=lambda r: r["start"]):
        path = r["url"].split("//", 1)[1].split("/", 1)[1]
        print(f"  /{path[:38]:38} {r['start']:6.0f} -> {r['end']:6.0f} ms "
              f"{r['bytes'] / 1000:7.1f} kB  server CPU {server_cpu.get('/' + path, 0):5.1f} ms")
    for name, at in timings["marks"]:
        print(f"  {name:20} {at:6.0f} ms")
    print(f"  server CPU, all requests: {sum(server_cpu.values()):.0f} ms")


def server_cpu_per_request(app, paths: list[str], runs: int = 3) -> dict[str, float]:
    """Median CPU time of this process to answer each path (in process, no network)."""
    import statistics

    from fastapi.testclient import TestClient

    client = TestClient(app)
    cpu = {}
    for path in paths:
        took = []
        for _ in range(runs):
            started = time.process_time()
            client.get(path, headers={"Accept-Encoding": "gzip"})
            took.append((time.process_time() - started) * 1000)
        cpu[path] = statistics.median(took)
    return cpu


@pytest.mark.slow
def test_first_load_with_ten_thousand_events(browser, tmp_path, seed_article):
    import os

    catalogue = seeded_catalogue(tmp_path, [])
    count = replicate_into(catalogue.store, hand_seed(seed_article), 1430, with_items=False)
    app = create_app(catalogue)
    with Server(app) as running:
        # Twice, each in a fresh browser (nothing cached): the first load also warms the
        # server (templates compiled, database pages read); the second is a user's first
        # visit to a running server.
        for visit in ("server's first page", "fresh browser, warm server"):
            page = browser.new_page(viewport={"width": 1300, "height": 1000})
            started = time.perf_counter()
            page.goto(running.url + "/")
            loaded(page)
            elapsed = time.perf_counter() - started
            in_view = int(page.locator("#map").get_attribute("data-markers"))
            timings = page.evaluate(BREAKDOWN)
            marks = dict(timings["marks"])
            print(f"\nfirst load with {in_view:,} events in view ({count:,} stored), "
                  f"{visit}: {elapsed * 1000:.0f} ms wall; in the browser: map and "
                  f"clusters {marks['ew:map-drawn']:.0f} ms, timeline "
                  f"{marks['ew:timeline-drawn']:.0f} ms, all with the table "
                  f"{timings['loaded']:.0f} ms (load average "
                  f"{os.getloadavg()[0]:.1f})")
            assert count == 10_010 and in_view == 10_000  # the map shows a page of 10,000
            assert cluster_total(page) == in_view
            assert page.locator("#event-table tbody tr").count() == 200
            if visit.startswith("fresh"):
                shot(page, tmp_path, "dashboard-10k")
            page.close()
    paths = ["/" + r["url"].split("//", 1)[1].split("/", 1)[1] for r in timings["resources"]]
    print_breakdown(timings, server_cpu_per_request(app, ["/", *paths]))
