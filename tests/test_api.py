"""The REST API as a client meets it: the seed article's events, evidence, figures, limits."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from eventwire.model import Extraction
from eventwire.serve.api import MAX_BODY_BYTES, MAX_EXTRACT_CHARS, create_app
from hand_seed import HOSTILE_TEXT, hand_seed, hostile, seeded_catalogue
from store_fixtures import khan_sheikhoun_reports

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_extraction(seed_article) -> Extraction:
    return hand_seed(seed_article)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory, seed_extraction):
    # Three real articles on the Khan Sheikhoun attack fuse into one event with 3 figures.
    return seeded_catalogue(tmp_path_factory.mktemp("api"),
                            [seed_extraction, hostile(), *khan_sheikhoun_reports()])


@pytest.fixture(scope="module")
def client(catalogue) -> TestClient:
    return TestClient(create_app(catalogue))


def events_of(client, **params) -> list[dict]:
    response = client.get("/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()["events"]


def ceasefire(client) -> dict:
    found = [e for e in events_of(client, type="RETREAT") if e["mode"] == "ceasefire"]
    assert found
    return found[0]


def test_events_filter_by_type_place_and_period(client):
    assaults = events_of(client, type="ASSAULT", place="Aleppo", since="2016-12-01",
                         until="2016-12-09")
    assert {e["trigger"] for e in assaults} == {"killed", "deadly attack"}
    assert all(e["place"]["geonameid"] == "170063" for e in assaults)
    assert [e["trigger"] for e in events_of(client, type="ASSAULT", place="Idlib")] == ["shelled"]


def test_events_by_actor_code_and_status(client):
    planned = events_of(client, status="planned")
    assert [(e["type"], e["place"]["name"]) for e in planned] == [("CONSULT", "Geneva")]
    assert events_of(client, place="2660646") == planned
    rebels = events_of(client, actor="SYRREB")
    assert rebels and all(any(a["code"] == "SYRREB" for a in e["source"]) for e in rebels)


def test_events_are_paginated(client):
    everything = client.get("/events", params={"limit": 100}).json()
    first = client.get("/events", params={"limit": 3, "offset": 0}).json()
    second = client.get("/events", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] == everything["total"] >= 8
    ids = [e["id"] for e in first["events"] + second["events"]]
    assert ids == [e["id"] for e in everything["events"][:6]]


def test_events_as_geojson_put_the_ceasefire_at_aleppo(client):
    collection = client.get("/events", params={"format": "geojson", "type": "RETREAT"}).json()
    assert collection["type"] == "FeatureCollection"
    feature = collection["features"][0]
    lon, lat = feature["geometry"]["coordinates"]
    assert abs(lat - 36.2) < 0.1 and abs(lon - 37.16) < 0.1
    assert feature["properties"]["date_start"] == "2016-12-08"


def test_map_points_are_compact_rows_and_put_the_ceasefire_at_aleppo(client):
    response = client.get("/points", params={"type": "RETREAT"})
    data = response.json()
    assert data["columns"] == ["id", "type", "date", "lat", "lon", "fatalities"]
    [(event_id, type_, day, lat, lon, killed)] = data["points"]
    assert (type_, day, killed) == ("RETREAT", "2016-12-08", None)
    assert (lat, lon) == (36.2012, 37.1612)  # rounded to about 11 m
    assert event_id == ceasefire(client)["id"]
    assert response.headers["cache-control"].startswith("private, max-age=")


def test_timeline_counts_killed_by_day_and_perpetrator(client):
    timeline = client.get("/timeline", params={"place": "Aleppo"}).json()
    assert timeline["unit"] == "day"
    killed = {(r["period"], r["perpetrator"]): r["fatalities"] for r in timeline["killed_by"]}
    assert killed == {("2016-12-08", "Syrian government (SYRGOV)"): 384,
                      ("2016-12-08", "Syrian rebels (SYRREB)"): 105}
    events = {r["period"]: r["events"] for r in timeline["periods"]}
    assert events == {"2016-12-04": 1, "2016-12-08": 4}  # a longer event counts on its last day
    by_month = client.get("/timeline", params={"place": "Aleppo", "unit": "month"}).json()
    assert [(r["period"], r["events"]) for r in by_month["periods"]] == [("2016-12", 5)]


def test_static_files_are_compressed_and_cached(client):
    response = client.get("/static/vendor/leaflet/leaflet.js",
                          headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["cache-control"] == "public, max-age=604800"
    assert client.get("/static/dashboard.js").headers["cache-control"] == "public, max-age=3600"
    assert "cache-control" not in client.get("/events").headers  # answers may change


def test_event_has_its_report_quote_and_evidence(client, seed_extraction):
    event = client.get(f"/events/{ceasefire(client)['id']}").json()
    report = event["reports"][0]
    assert report["quote"]["speaker"]["name"] == "Sergei Lavrov"
    assert report["claimed_by"]["code"] == "RUSGOV"
    text = seed_extraction.article.text
    start, end = report["sentence"]["span"]
    assert text[start:end] == report["sentence"]["text"]
    assert "have been halted in eastern Aleppo" in report["sentence"]["text"]
    marked = {(h["kind"], h["text"]) for h in report["highlights"]}
    assert {("trigger", "halted"), ("place", "Aleppo"), ("time", "today"),
            ("actor", "Syrian army"), ("quote", report["quote"]["text"])} <= marked
    for h in report["highlights"]:
        assert text[h["span"][0]:h["span"][1]] == h["text"]


def test_competing_figures_are_listed_by_source(client):
    killed = [e for e in events_of(client, type="ASSAULT") if e["fatalities"] == 384]
    event = client.get(f"/events/{killed[0]['id']}").json()
    figures = {f["value"]: f for f in event["figures"]}
    assert figures[384]["qualifier"] == "at_least"
    assert figures[384]["source"]["name"] == "Syrian Observatory for Human Rights"
    assert figures[45]["part_of"] == figures[384]["id"]


def test_a_fused_event_lists_every_report_and_figure_side_by_side(client):
    found = events_of(client, place="Khan Sheikhoun")
    assert len(found) == 1 and found[0]["reports"] == 3
    event = client.get(f"/events/{found[0]['id']}").json()
    assert {r["article"]["source"] for r in event["reports"]} == {"Asharq Al-Awsat",
                                                                  "Ahram Online"}
    figures = sorted((f["value"], f["qualifier"], f["article_id"]) for f in event["figures"])
    assert [(v, q) for v, q, _ in figures] == [(58, "at_least"), (58, "exact"), (86, "exact")]
    assert len({a for _, _, a in figures}) == 3
    assert all(f["source"]["name"] == "Syrian Observatory for Human Rights"
               for f in event["figures"])
    assert "86" in event["figures_text"] and "58" in event["figures_text"]


def test_article_has_text_and_every_extraction_with_spans(client, seed_extraction):
    article_id = seed_extraction.article.id
    data = client.get(f"/articles/{article_id}").json()
    assert data["article"]["text"] == seed_extraction.article.text
    Extraction.model_validate({k: v for k, v in data.items() if k != "event_views"})
    assert len(data["events"]) == len(seed_extraction.events)


def test_stats_count_fatalities_by_day_and_perpetrator(client):
    stats = client.get("/stats", params={"place": "Aleppo"}).json()
    by = {(r["day"], r["perpetrator"]): r["fatalities"] for r in stats["by_day_perpetrator"]}
    assert by[("2016-12-08", "Syrian government (SYRGOV)")] == 384
    assert by[("2016-12-08", "Syrian rebels (SYRREB)")] == 105
    assert {r["type"] for r in stats["by_type"]} >= {"ASSAULT", "RETREAT", "REQUEST"}
    assert all("Aleppo" in row["place"] for row in stats["by_place"])


def test_actors_and_places(client):
    actors = client.get("/actors", params={"q": "lavrov"}).json()
    assert actors and actors[0]["code"] == "RUSGOV"
    places = client.get("/places").json()
    aleppo = [p for p in places if p["geonameid"] == "170063"]
    assert {p["name"] for p in aleppo} == {"Aleppo", "east Aleppo", "west Aleppo"}
    assert sum(p["events"] for p in aleppo) == 5
    assert [p["name"] for p in client.get("/places", params={"q": "gene"}).json()] == ["Geneva"]


def test_report_in_markdown_and_html(client):
    md = client.get("/report", params={"place": "Aleppo", "since": "2016-12-01",
                                       "until": "2016-12-09"})
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert "Sergei Lavrov (RUSGOV)" in md.text and "at least 384 civilians killed" in md.text
    assert "Idlib" not in md.text
    html = client.get("/report", params={"place": "Aleppo", "format": "html"})
    assert html.headers["content-type"].startswith("text/html")
    assert "data:image/png;base64," in html.text


def test_openapi_docs_are_served_from_the_package(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "cdn." not in docs.text and "http" not in docs.text.replace("http-equiv", "")
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/actors", "/places",
            "/stats", "/extract", "/articles", "/report"} <= set(paths)


# --- extraction and ingest -------------------------------------------------------------------

def test_extract_returns_an_extraction(client, seed_article):
    response = client.post("/extract", json={"text": seed_article.text})
    assert response.status_code == 200, response.text
    extraction = Extraction.model_validate(response.json())
    assert extraction.article.title == "Russia says Syrian regime attacks on Aleppo halted"
    assert extraction.article.published.isoformat() == "2016-12-09"


def test_extract_over_the_limit_is_413(client):
    response = client.post("/extract", json={"text": "a" * (MAX_EXTRACT_CHARS + 1)})
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]
    huge = client.post("/extract", content=b'{"text": "' + b"a" * MAX_BODY_BYTES + b'"}',
                       headers={"content-type": "application/json"})
    assert huge.status_code == 413


@pytest.mark.parametrize("body", [{"text": ""}, {}, {"text": "x", "published": "yesterday"}])
def test_extract_bad_input_is_422(client, body):
    assert client.post("/extract", json=body).status_code == 422


def test_ingest_needs_the_token(tmp_path, seed_article):
    # The extractor is the hand-built seed, so the test is about the API, not the stages.
    catalogue = seeded_catalogue(tmp_path, [])
    extractor = lambda article_in: hostile()  # noqa: E731
    read_only = TestClient(create_app(catalogue, extractor=extractor))
    assert read_only.post("/articles", json={"text": HOSTILE_TEXT}).status_code == 403
    writable = TestClient(create_app(catalogue, token="s3cret", extractor=extractor))
    assert writable.post("/articles", json={"text": HOSTILE_TEXT}).status_code == 401
    assert writable.post("/articles", json={"text": HOSTILE_TEXT},
                         headers={"Authorization": "Bearer wrong"}).status_code == 401
    done = writable.post("/articles", json={"text": HOSTILE_TEXT},
                         headers={"Authorization": "Bearer s3cret"})
    assert done.status_code == 201 and done.json()["added"] is True
    again = writable.post("/articles", json={"text": HOSTILE_TEXT},
                          headers={"Authorization": "Bearer s3cret"})
    assert again.json()["added"] is False
    assert [e["trigger"] for e in writable.get("/events").json()["events"]] == ["shelled"]


# --- security --------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/articles/../../etc/passwd", "/articles/..%2F..%2Fetc%2Fpasswd",
                                  "/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                                  "/events/..%2F..%2Fetc%2Fpasswd", "/ui/articles/..%2Fx"])
def test_path_traversal_is_404_or_422(client, path):
    response = client.get(path)
    assert response.status_code in (404, 422)
    assert "root:" not in response.text


@pytest.mark.parametrize("params", [{"type": "ASSAULT' OR 1=1 --"},
                                    {"since": "2016-01-01' OR '1'='1"},
                                    {"status": "asserted; DROP TABLE events"},
                                    {"limit": "1; DROP TABLE events"},
                                    {"near": "1,1); DROP TABLE events"}])
def test_sql_in_a_typed_filter_is_422(client, params):
    assert client.get("/events", params=params).status_code == 422


def test_sql_in_a_name_filter_is_only_a_name(client):
    before = client.get("/events").json()["total"]
    response = client.get("/events", params={"place": "x' OR '1'='1",
                                              "actor": "'; DROP TABLE events; --"})
    assert response.status_code == 200 and response.json()["total"] == 0
    assert client.get("/events").json()["total"] == before


def test_pages_escape_article_text(client):
    hostile_id = events_of(client, place="Idlib")[0]["id"]
    page = client.get(f"/ui/events/{hostile_id}").text
    assert "<script>window.__pwned" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert '"><img src=x onerror' not in page and "&lt;img src=x onerror=" in page
    assert "Attack on Idlib &lt;b&gt;bold&lt;/b&gt;" in page
    dashboard = client.get("/")
    assert "<script>window" not in dashboard.text
    assert "script-src 'self'" in dashboard.headers["content-security-policy"]


def test_serve_binds_loopback_by_default(tmp_path):
    from eventwire.cli import app
    from typer.main import get_command

    options = {p.name: p.default for p in get_command(app).commands["serve"].params}
    assert options["host"] == "127.0.0.1"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(tmp_path / "e.db"),
         "--port", str(port)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    try:
        log = ""
        deadline = time.time() + 60
        while "running on" not in log.lower() and time.time() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            log += line
        assert re.search(rf"running on http://127\.0\.0\.1:{port}", log, re.I), log
        assert "0.0.0.0" not in log
    finally:
        process.terminate()
        process.wait(timeout=20)


# --- the schema, fuzzed ----------------------------------------------------------------------

def fuzzed_app():
    """The API over a small store; a stub extractor keeps fuzzing about the API, not stages."""
    from eventwire.ingest import sample_path
    from eventwire.ingest.text import read_text_file

    folder = Path(tempfile.mkdtemp(prefix="eventwire-fuzz-"))
    catalogue = seeded_catalogue(folder, [hand_seed(read_text_file(sample_path())), hostile()])
    return create_app(catalogue, token="t", extractor=lambda article_in: hostile())


fuzzed = schemathesis.openapi.from_asgi("/openapi.json", fuzzed_app())


@fuzzed.parametrize()
@settings(max_examples=5, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_error_anywhere_in_the_schema(case):
    response = case.call()
    assert response.status_code < 500, (case.path, case.query, response.text[:300])
