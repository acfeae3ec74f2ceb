"""The REST API and the dashboard (FastAPI): ``create_app(catalogue)``; ``eventwire serve``.

Read-only unless started with a token: ``POST /articles`` (ingest) needs
``Authorization: Bearer TOKEN``. Article text is hostile input: templates escape it, the
JavaScript only sets text, and a Content-Security-Policy forbids inline and foreign scripts.
"""

from __future__ import annotations

import secrets
import typing
from datetime import date
from typing import Any, Callable, Literal, Optional
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from eventwire.errors import InputError
from eventwire.model import EventStatus, Extraction, PloverType
from eventwire.serve.catalogue import (COUNT_CAP, MAP_COLUMNS, TIMELINE_DAYS, Catalogue,
                                       EventFilters, timeline_periods)
from eventwire.serve.evidence import event_view, highlights, segments
from eventwire.serve.web import STATIC_DIR, template_env

MAX_EXTRACT_CHARS = 200_000
"""Longest text ``POST /extract`` and ``POST /articles`` take (about 30,000 words)."""
MAX_BODY_BYTES = 4 * MAX_EXTRACT_CHARS + 10_000
"""Largest request body: the text in UTF-8 (up to 4 bytes a character) plus its metadata."""
MAX_PAGE = 10_000
MAP_POINTS = 10_000
TABLE_ROWS = 200
"""Events the dashboard's table lists (the newest that match)."""
"""Events the dashboard's map shows (the newest that match)."""
STATIC_MAX_AGE = {"/static/vendor/": 7 * 86400, "/static/": 3600}
"""How long browsers keep static files (vendored libraries change only with upgrades)."""
DATA_MAX_AGE = 15
"""How long browsers keep map points and timelines: a reload reuses them, an ingest shows
within seconds."""
REPORT_EVENTS = 500
"""Most events a situation report reads (a report is for reading, not for exports)."""
EVENT_ID = r"^[A-Za-z0-9_.:-]{1,128}$"
ARTICLE_ID = r"^[A-Za-z0-9_.:-]{1,128}$"

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")

Extractor = Callable[..., Extraction]


class ArticleIn(BaseModel):
    """An article to extract from: its text and what is known about it."""

    text: str = Field(..., min_length=1, description=f"at most {MAX_EXTRACT_CHARS:,} characters")
    title: Optional[str] = Field(None, max_length=1000)
    source: Optional[str] = Field(None, max_length=1000, description="outlet")
    url: Optional[str] = Field(None, max_length=4000)
    published: Optional[date] = None


class Ingested(BaseModel):
    article_id: str
    added: bool = Field(..., description="false when the article was already stored")
    events: int


def default_extractor(article_in: ArticleIn) -> Extraction:
    from eventwire.ingest.text import article_from_text
    from eventwire.pipeline import default_pipeline

    meta = {k: v for k, v in article_in.model_dump().items()
            if k not in ("text", "published") and v is not None}
    article = article_from_text(article_in.text, published=article_in.published, **meta)
    return default_pipeline().extract(article)


def event_filters(
        type: Optional[PloverType] = Query(None, description="PLOVER event type"),
        actor: Optional[str] = Query(None, max_length=200, description="CAMEO code or name"),
        place: Optional[str] = Query(None, max_length=200, description="name or GeoNames id"),
        since: Optional[date] = Query(None, description="first day (YYYY-MM-DD)"),
        until: Optional[date] = Query(None, description="last day (YYYY-MM-DD)"),
        status: Optional[EventStatus] = Query(None),
        outlet: Optional[str] = Query(None, max_length=200),
        claimant: Optional[str] = Query(None, max_length=200, description="code or name"),
        near: Optional[str] = Query(None, pattern=r"^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$",
                                    description="LAT,LON"),
        km: Optional[float] = Query(None, gt=0, le=20_000, description="radius around near"),
) -> EventFilters:
    point = None
    if near:
        lat, lon = (float(v) for v in near.split(","))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise HTTPException(422, "near: latitude must be within ±90, longitude ±180")
        point = (lat, lon)
    if (point is None) != (km is None):
        raise HTTPException(422, "near and km go together (near=LAT,LON&km=N)")
    if since and until and since > until:
        raise HTTPException(422, "since is after until")
    return EventFilters(type=type, actor=actor or None, place=place or None, since=since,
                        until=until, status=status, outlet=outlet or None,
                        claimant=claimant or None, near=point, km=km)


def form_filters(request: Request) -> EventFilters:
    """The dashboard's filter form: like ``event_filters``, but empty fields mean "any"."""
    given = {k: v for k, v in request.query_params.items() if v.strip()}
    try:
        return event_filters(
            type=TypeAdapter(Optional[PloverType]).validate_python(given.get("type")),
            actor=given.get("actor"), place=given.get("place"),
            since=TypeAdapter(Optional[date]).validate_python(given.get("since")),
            until=TypeAdapter(Optional[date]).validate_python(given.get("until")),
            status=TypeAdapter(Optional[EventStatus]).validate_python(given.get("status")),
            outlet=given.get("outlet"), claimant=given.get("claimant"), near=None, km=None)
    except ValidationError as error:
        raise HTTPException(422, error.errors(include_url=False, include_context=False,
                                              include_input=False)) from None


def feature_of(point: dict) -> dict:
    """A GeoJSON feature of a map point (no geometry when the place has no coordinates)."""
    located = point["lat"] is not None and point["lon"] is not None
    properties = {k: v for k, v in point.items() if k not in ("lat", "lon")}
    return {"type": "Feature", "id": point["id"],
            "geometry": {"type": "Point", "coordinates": [point["lon"], point["lat"]]}
            if located else None, "properties": properties}


def cached(response: Response, seconds: int = DATA_MAX_AGE) -> Response:
    """The response, kept by the browser for ``seconds``."""
    response.headers["Cache-Control"] = f"private, max-age={seconds}"
    return response


def create_app(catalogue: Catalogue, token: Optional[str] = None,
               extractor: Extractor = default_extractor) -> FastAPI:
    """The API and dashboard over a catalogue of stored events."""
    app = FastAPI(title="eventwire", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Sourced, geolocated, dated events from news about armed "
                              "conflict; every field with the words behind it.")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for name in template_env().list_templates():  # compiled now, not on a user's first visit
        template_env().get_template(name)
    # The map's points compress about 8:1; level 5 costs a fifth of level 9 for 4% more bytes.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # Swagger UI from the package, not from a CDN: the server works offline.
        return get_swagger_ui_html(openapi_url="/openapi.json", title="eventwire API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/favicon.ico")

    @app.middleware("http")
    async def guard(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return JSONResponse({"detail": f"request body over {MAX_BODY_BYTES:,} bytes; "
                                           f"send at most {MAX_EXTRACT_CHARS:,} characters"},
                                status_code=413)
        response = await call_next(request)
        # Swagger UI starts from one inline script of FastAPI's; no page shows article text
        # there, so only /docs allows it.
        response.headers["Content-Security-Policy"] = (
            CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
            if request.url.path == "/docs" else CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        for prefix, seconds in STATIC_MAX_AGE.items():
            if request.url.path.startswith(prefix) and response.status_code in (200, 304):
                response.headers["Cache-Control"] = f"public, max-age={seconds}"
                break
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def require_token(request: Request) -> None:
        if token is None:
            raise HTTPException(403, "read-only server: start it with --token to allow ingest")
        given = request.headers.get("authorization", "")
        if not secrets.compare_digest(given.encode(), f"Bearer {token}".encode()):
            raise HTTPException(401, "missing or wrong token (Authorization: Bearer TOKEN)",
                                headers={"WWW-Authenticate": "Bearer"})

    def extract_checked(article_in: ArticleIn) -> Extraction:
        if len(article_in.text) > MAX_EXTRACT_CHARS:
            raise HTTPException(413, f"text has {len(article_in.text):,} characters, over the "
                                     f"limit of {MAX_EXTRACT_CHARS:,}; split it")
        try:
            return extractor(article_in)
        except InputError as error:
            raise HTTPException(422, str(error)) from None

    def event_or_404(event_id: str) -> dict:
        event = catalogue.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id}")
        return event

    def extraction_or_404(article_id: str) -> Extraction:
        extraction = catalogue.extraction(article_id)
        if extraction is None:
            raise HTTPException(404, f"no article {article_id}")
        return extraction

    # --- JSON ------------------------------------------------------------------------------

    @app.get("/events", tags=["events"], summary="Events matching the filters, newest first",
             response_class=JSONResponse,
             description=f"`total` counts up to {COUNT_CAP:,}; a larger count reads "
                         f"{COUNT_CAP + 1:,} (more than {COUNT_CAP:,}).")
    def list_events(filters: EventFilters = Depends(event_filters),
                    limit: int = Query(100, ge=1, le=MAX_PAGE),
                    offset: int = Query(0, ge=0, le=10_000_000),
                    format: Literal["json", "geojson"] = "json") -> JSONResponse:
        # Plain JSON responses: the rows are JSON-ready, and re-validating 10,000 costs seconds.
        if format == "geojson":
            total, points = catalogue.points(filters, limit, offset)
            return JSONResponse({"type": "FeatureCollection", "total": total, "limit": limit,
                                 "offset": offset, "features": [feature_of(p) for p in points]})
        total, page = catalogue.events(filters, limit, offset)
        return JSONResponse({"total": total, "limit": limit, "offset": offset,
                             "events": page})

    @app.get("/points", tags=["map"], response_class=JSONResponse,
             summary="Map points of the matching events, newest first, as compact arrays",
             description="Each point is `[" + ", ".join(MAP_COLUMNS) + "]`; only events "
                         "with coordinates. `total` counts every match, located or not, "
                         f"up to {COUNT_CAP:,}.")
    def map_points(filters: EventFilters = Depends(event_filters),
                   limit: int = Query(MAP_POINTS, ge=1, le=MAX_PAGE)) -> JSONResponse:
        total, points = catalogue.map_points(filters, limit)
        return cached(JSONResponse({"total": total, "limit": limit, "columns": MAP_COLUMNS,
                                    "points": points}))

    @app.get("/timeline", tags=["map"], response_class=JSONResponse,
             summary="Events and reported killed per period, and killed by perpetrator",
             description=f"`unit=auto` counts by day up to {TIMELINE_DAYS} days, else by "
                         "month. A longer event counts on its last day.")
    def timeline(filters: EventFilters = Depends(event_filters),
                 unit: Literal["auto", "day", "month"] = "auto") -> JSONResponse:
        return cached(JSONResponse(timeline_periods(catalogue.timeline(filters), unit)))

    @app.get("/events/{event_id}", tags=["events"],
             summary="One event: its reports, figures by source, and the evidence of each")
    def get_event(event_id: str = Path(..., pattern=EVENT_ID)) -> dict[str, Any]:
        event = event_or_404(event_id)
        figures = [f for report in event["reports"] for f in report["figures"]]
        return {**event, "figures": figures}

    @app.get("/articles/{article_id}", tags=["articles"],
             summary="An article's text and every extraction, with spans")
    def get_article(article_id: str = Path(..., pattern=ARTICLE_ID)) -> dict[str, Any]:
        extraction = extraction_or_404(article_id)
        return {**extraction.model_dump(mode="json"),
                "event_views": [event_view(extraction, e) for e in extraction.events]}

    @app.get("/actors", tags=["facets"], summary="Actors named in events, most frequent first")
    def list_actors(q: Optional[str] = Query(None, max_length=200),
                    limit: int = Query(100, ge=1, le=1000)) -> list[dict[str, Any]]:
        return catalogue.actors(q or None, limit)

    @app.get("/places", tags=["facets"], summary="Places of events, most frequent first")
    def list_places(q: Optional[str] = Query(None, max_length=200),
                    limit: int = Query(100, ge=1, le=1000)) -> list[dict[str, Any]]:
        return catalogue.places(q or None, limit)

    @app.get("/stats", tags=["facets"],
             summary="Counts and reported killed by day, type, perpetrator and place")
    def stats(filters: EventFilters = Depends(event_filters)) -> JSONResponse:
        return JSONResponse(catalogue.stats(filters))

    @app.post("/extract", tags=["extract"], response_model=Extraction,
              summary="Extract from one article's text (nothing is stored)",
              responses={413: {"description": "text over the size limit"},
                         422: {"description": "empty or invalid input"}})
    def extract(article_in: ArticleIn) -> Extraction:
        return extract_checked(article_in)

    @app.post("/articles", tags=["articles"], response_model=Ingested, status_code=201,
              dependencies=[Depends(require_token)],
              summary="Extract from an article and store it (needs the server's token)",
              responses={401: {"description": "missing or wrong token"},
                         403: {"description": "server started without a token"},
                         413: {"description": "text over the size limit"}})
    def ingest(article_in: ArticleIn) -> Ingested:
        extraction = extract_checked(article_in)
        added = catalogue.add(extraction)
        return Ingested(article_id=extraction.article.id, added=added,
                        events=len(extraction.events))

    @app.get("/report", tags=["report"], response_class=Response,
             summary="Situation report for a place and period (Markdown or HTML)",
             responses={200: {"content": {"text/markdown": {}, "text/html": {}}}})
    def report(place: Optional[str] = Query(None, max_length=200),
               since: Optional[date] = None, until: Optional[date] = None,
               format: Literal["md", "html"] = "md") -> Response:
        from eventwire.serve.report import render_html, render_markdown

        if since and until and since > until:
            raise HTTPException(422, "since is after until")
        situation = situation_report(catalogue, place or None, since, until)
        if format == "html":
            return HTMLResponse(render_html(situation))
        return Response(render_markdown(situation, inline_images=True),
                        media_type="text/markdown; charset=utf-8")

    # --- pages -----------------------------------------------------------------------------

    def page(name: str, **context) -> HTMLResponse:
        return HTMLResponse(template_env().get_template(name).render(**context))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard(request: Request, filters: EventFilters = Depends(form_filters)):
        # No query here: the page comes at once, and its script asks for the map, the
        # timeline and the table (in that order of need) while the browser lays it out.
        given = filters.given()
        query = urlencode([(k, v) for k, v in request.query_params.multi_items()
                           if k in given and v])
        data_urls = {"points": "/points" + (f"?{query}" if query else ""),
                     "timeline": "/timeline" + (f"?{query}" if query else ""),
                     "outlines": "/static/countries-110m.geojson"}
        events_url = f"/events?limit={TABLE_ROWS}" + (f"&{query}" if query else "")
        return page("dashboard.html", count_cap=COUNT_CAP,
                    events_url=events_url,
                    filters={k: given.get(k) for k in ("since", "until", "type", "actor",
                                                       "place", "status")},
                    data_urls=data_urls,
                    types=typing.get_args(PloverType), statuses=typing.get_args(EventStatus))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/ui/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(event_id: str = Path(..., pattern=EVENT_ID)):
        event = event_or_404(event_id)
        reports = []
        for report_view in event["reports"]:
            start = report_view["sentence"]["span"][0]
            reports.append({**report_view, "pieces": segments(
                report_view["sentence"]["text"], start, report_view["highlights"])})
        first = catalogue.extraction(event["reports"][0]["article_id"]) if reports else None
        article_pieces = (segments(first.article.text, 0, highlights(first))
                          if first else [])
        figures = [f for r in event["reports"] for f in r["figures"]]
        return page("event.html", event=event, reports=reports, figures=figures,
                    article=first.article if first else None, article_pieces=article_pieces)

    @app.get("/ui/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str = Path(..., pattern=ARTICLE_ID)):
        extraction = extraction_or_404(article_id)
        return page("article.html", article=extraction.article,
                    pieces=segments(extraction.article.text, 0, highlights(extraction)),
                    events=[event_view(extraction, e) for e in extraction.events])

    return app


def situation_report(catalogue: Catalogue, place: Optional[str] = None,
                     since: Optional[date] = None, until: Optional[date] = None):
    """The situation report of a place and period from the catalogue's events."""
    from eventwire.serve.report import build_report

    happenings = happenings_of(catalogue, EventFilters(place=place, since=since, until=until))
    article_ids = sorted({r["article_id"] for h in happenings for r in h["reports"]})
    articles = [x for x in map(catalogue.extraction, article_ids) if x is not None]
    return build_report(happenings, place=place, since=since, until=until, articles=articles)


def happenings_of(catalogue: Catalogue, filters: EventFilters,
                  limit: int = REPORT_EVENTS) -> list[dict]:
    """The matching events with every report, as situation reports take them."""
    _total, page = catalogue.events(filters, limit, 0)
    happenings = []
    for summary in page:
        event = catalogue.event(summary["id"])
        if event is not None:
            happenings.append({"id": summary["id"], "reports": event["reports"]})
    return happenings


def serve(catalogue: Catalogue, host: str = "127.0.0.1", port: int = 8000,
          token: Optional[str] = None) -> None:
    """Run the API and dashboard with uvicorn (loopback unless another host is asked for)."""
    import uvicorn

    uvicorn.run(create_app(catalogue, token=token), host=host, port=port, log_level="info")
