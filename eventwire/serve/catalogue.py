"""What the API and the dashboard ask of the store, in one small interface.

``Catalogue`` is the read side the web needs: filtered, paginated event summaries (light:
one row per fused event, for maps and tables of thousands), one event with the evidence of
every report, articles with their extractions, facet counts, and ingest. The store's own
query (``Store.events``) chooses the events; the facets are aggregate SQL over its tables.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Optional, Protocol

from sqlalchemy import String, and_, case, cast, func, literal, select

from eventwire.model import Extraction
from eventwire.serve.evidence import actor_label, event_view
from eventwire.store import Store
from eventwire.store.schema import article_event_actors, article_events, event_reports, events


@dataclass(frozen=True)
class EventFilters:
    """The store's query filters, as the API and the dashboard take them."""

    type: Optional[str] = None
    actor: Optional[str] = None      # CAMEO code or name (case-insensitive)
    place: Optional[str] = None      # name or GeoNames id
    since: Optional[date] = None
    until: Optional[date] = None
    status: Optional[str] = None
    outlet: Optional[str] = None
    claimant: Optional[str] = None
    near: Optional[tuple[float, float]] = None
    km: Optional[float] = None

    def given(self) -> dict:
        """Only the filters that are set."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) not in (None, "")}

    def for_store(self) -> dict[str, Any]:
        """The filters as ``Store.events`` takes them (a numeric place is a GeoNames id)."""
        given = self.given()
        place = given.pop("place", None)
        if place is not None:
            geonames = place.isdigit() or place.startswith("ew:")
            given["geonameid" if geonames else "place"] = place
        return given


class Catalogue(Protocol):
    def events(self, filters: EventFilters, limit: int, offset: int) -> tuple[int, list[dict]]:
        """(how many match, the page of event summaries), newest first."""

    def points(self, filters: EventFilters, limit: int, offset: int) -> tuple[int, list[dict]]:
        """(how many match, a page of map points: id, type, date, place, lat, lon, ...)."""

    def map_points(self, filters: EventFilters, limit: int) -> tuple[int, list[tuple]]:
        """(how many match, the newest ``limit`` matches that have coordinates, as
        ``MAP_COLUMNS`` tuples): all a map needs, compact."""

    def timeline(self, filters: EventFilters) -> dict:
        """Events and reported killed per day, and killed per day by perpetrator."""

    def event(self, event_id: str) -> Optional[dict]:
        """An event's summary with ``reports``: the event view of each report."""

    def extraction(self, article_id: str) -> Optional[Extraction]: ...

    def stats(self, filters: EventFilters) -> dict: ...

    def actors(self, query: Optional[str], limit: int) -> list[dict]: ...

    def places(self, query: Optional[str], limit: int) -> list[dict]: ...

    def add(self, extraction: Extraction) -> bool:
        """Store an extraction; False when the article was already stored."""


def _label(name: Optional[str], code: Optional[str]) -> Optional[str]:
    return actor_label({"name": name, "code": code}) if name else None


_ROLE_LINK = and_(article_event_actors.c.article_id == event_reports.c.article_id,
                  article_event_actors.c.event_id == event_reports.c.report_id)
_REPORT_LINK = and_(article_events.c.article_id == event_reports.c.article_id,
                    article_events.c.id == event_reports.c.report_id)
_ACTOR_LABEL = case((article_event_actors.c.code.is_not(None),
                     article_event_actors.c.name + literal(" (") + article_event_actors.c.code
                     + literal(")")), else_=article_event_actors.c.name)
COUNT_CAP = 10_000
"""Totals above this are reported as COUNT_CAP + 1 ("more than 10,000")."""
_KILLED = func.coalesce(events.c.fatalities_low, events.c.fatalities_high, 0)
# Dates as the stored text (SQLite) or ISO text (PostgreSQL): parsing 10,000 dates into
# Python objects only to print them again cost more than the query.
_DAY = cast(func.coalesce(events.c.date_end, events.c.date_start), String)
_START = cast(events.c.date_start, String)
_PERPETRATOR = (select(func.min(_ACTOR_LABEL))
                .select_from(event_reports).join(article_event_actors, _ROLE_LINK)
                .where(event_reports.c.event_id == events.c.id,
                       article_event_actors.c.role == "source")
                .correlate(events).scalar_subquery())
"""An event's perpetrator: the first (by label) source actor of any of its reports."""
MAP_COLUMNS = ("id", "type", "date", "lat", "lon", "fatalities")
"""What each map point holds, in order."""
MAP_DECIMALS = 4
"""Coordinates on the map to about 11 m: more digits only make the payload longer."""


def _rounded(column):
    """``column`` to ``MAP_DECIMALS`` decimals, in SQL: round(x) of one argument, as
    PostgreSQL has no round(double precision, digits)."""
    scale = 10 ** MAP_DECIMALS
    return func.round(column * scale) / scale


class StoreCatalogue:
    """The catalogue over a :class:`eventwire.store.Store`."""

    def __init__(self, store: Store):
        self.store = store

    def _ids(self, filters: EventFilters, limit: Optional[int] = None, offset: int = 0,
             conn=None):
        """The SELECT of the matching event ids, in the store's order and semantics (the
        store may look names up on ``conn`` to build it)."""
        from eventwire.store import EventFilter

        # The store's own filter query, so the API and `eventwire query` agree on what matches.
        return self.store.select_event_ids(EventFilter(**filters.for_store(), limit=limit,
                                                       offset=offset), conn=conn)

    def _total(self, filters: EventFilters, got: int, limit: int, offset: int) -> int:
        """How many events match, reported up to ``COUNT_CAP`` (a larger count reads
        ``COUNT_CAP + 1``, as the API documents); a short page tells the total for free."""
        if got < limit and (got or not offset):
            return offset + got
        # The store's own count: it counts name and code matches on the reports' side
        # without reading every matching event back.
        return min(self.store.count_events(**filters.for_store()), COUNT_CAP + 1)

    def events(self, filters: EventFilters, limit: int, offset: int) -> tuple[int, list[dict]]:
        with self.store.engine.connect() as conn:
            order = conn.execute(self._ids(filters, limit, offset, conn)).scalars().all()
            if not order:
                return self._total(filters, 0, limit, offset), []
            # The page's ids as values: the filter query runs once, not once per query below.
            chosen = events.c.id.in_(order)
            rows = {row.id: row for row in conn.execute(select(events).where(chosen))}
            roles: dict[str, dict[str, list]] = {}
            for row in conn.execute(
                    select(event_reports.c.event_id, article_event_actors.c.role,
                           article_event_actors.c.name, article_event_actors.c.code)
                    .join(article_event_actors, _ROLE_LINK)
                    .where(event_reports.c.event_id.in_(order))
                    .order_by(event_reports.c.event_id, event_reports.c.article_id,
                              article_event_actors.c.actor_id)):
                people = roles.setdefault(row.event_id, {"source": [], "target": []})[row.role]
                if row.name and all(p["name"] != row.name for p in people):
                    people.append({"name": row.name, "code": row.code})
            first: dict[str, Any] = {}
            for row in conn.execute(
                    select(event_reports.c.event_id, article_events.c.article_id,
                           article_events.c.trigger_text, article_events.c.published)
                    .join(article_events, _REPORT_LINK)
                    .where(event_reports.c.event_id.in_(order))):
                key = (row.published or date.max, row.article_id)
                if row.event_id not in first or key < first[row.event_id][0]:
                    first[row.event_id] = (key, row)
        nobody = {"source": [], "target": []}
        page = [summary_of(rows[i], roles.get(i, nobody), first[i][1] if i in first else None)
                for i in order if i in rows]
        return self._total(filters, len(order), limit, offset), page

    def points(self, filters: EventFilters, limit: int, offset: int) -> tuple[int, list[dict]]:
        """Like ``events`` but only what a map needs, read from one table (fast for 10,000)."""
        names = ("id", "type", "mode", "status", "date_start", "date_end", "place", "lat",
                 "lon", "fatalities", "reports")
        with self.store.engine.connect() as conn:
            ids = self._ids(filters, limit, offset, conn).subquery()
            query = (select(events.c.id, events.c.type, events.c.mode, events.c.status,
                            _START, _DAY, events.c.place_name, events.c.lat, events.c.lon,
                            func.coalesce(events.c.fatalities_low, events.c.fatalities_high),
                            events.c.reports)
                     .join(ids, ids.c.id == events.c.id)
                     .order_by(events.c.date_start.desc().nulls_last(), events.c.id))
            found = [dict(zip(names, row)) for row in conn.execute(query)]
        return self._total(filters, len(found), limit, offset), found

    def map_points(self, filters: EventFilters, limit: int) -> tuple[int, list[tuple]]:
        # The filter query itself with the map's columns in place of the id: one indexed
        # read of the events table, in the store's order, no subquery to join back.
        with self.store.engine.connect() as conn:
            query = self._ids(filters, limit, conn=conn).with_only_columns(
                events.c.id, events.c.type, _START, _rounded(events.c.lat),
                _rounded(events.c.lon),
                func.coalesce(events.c.fatalities_low, events.c.fatalities_high))
            rows = conn.execute(query).all()
        located = [tuple(row) for row in rows if row[3] is not None and row[4] is not None]
        return self._total(filters, len(rows), limit, 0), located

    def _matching(self, query, filters: EventFilters, conn):
        """``query`` over the events that match ``filters`` (all of them: no page)."""
        if not filters.given():
            return query  # every event: no need to ask the filter query for all the ids
        ids = self._ids(filters, conn=conn)
        if ids.get_final_froms() == [events] and ids.whereclause is not None:
            # The filter's own conditions on the events table: SQLite then reads each
            # matching row once, where "id IN (the filter query)" looks every id up again.
            return query.where(ids.whereclause)
        return query.where(events.c.id.in_(ids.order_by(None)))

    def timeline(self, filters: EventFilters) -> dict:
        with self.store.engine.connect() as conn:
            by_day = self._matching(select(_DAY, func.count(), func.sum(_KILLED))
                                    .group_by(_DAY), filters, conn)
            # The perpetrator only for events with reported killed (a few), in a query of
            # its own: grouped by together with the day, SQLite looks each one up twice.
            by_who = self._matching(select(_DAY, _PERPETRATOR.label("who"), func.sum(_KILLED))
                                    .where(_KILLED > 0).group_by(_DAY, "who"), filters, conn)
            return timeline_of(conn.execute(by_day).all(), conn.execute(by_who).all())

    def event(self, event_id: str) -> Optional[dict]:
        fused = self.store.event(event_id)
        if fused is None:
            return None
        extractions: dict[str, Optional[Extraction]] = {}
        views = []
        for report in fused.reports:
            if report.article_id not in extractions:
                extractions[report.article_id] = self.store.extraction(report.article_id)
            extraction = extractions[report.article_id]
            item = extraction.by_id(report.event_id) if extraction else None
            if item is not None:
                views.append({**event_view(extraction, item), "duplicate_of": report.duplicate_of})
        data = fused.model_dump(mode="json")
        return {**data, "figures_text": fused.figures_text(), "store_figures": data["figures"],
                "place": _place(data["place"]), "reports": views,
                "trigger": views[0]["trigger"]["text"] if views else None}

    def extraction(self, article_id: str) -> Optional[Extraction]:
        return self.store.extraction(article_id)

    def add(self, extraction: Extraction) -> bool:
        return self.store.add(extraction).status == "stored"

    def stats(self, filters: EventFilters) -> dict:
        # One pass over the matching events, each perpetrator looked up once (the costly
        # part), counted here: five GROUP BYs each looked every perpetrator up again.
        with self.store.engine.connect() as conn:
            query = self._matching(select(_DAY, events.c.type, events.c.place_name, _KILLED,
                                          _PERPETRATOR), filters, conn)
            return stats_of(conn.execute(query))

    def actors(self, query: Optional[str], limit: int) -> list[dict]:
        count = func.count(func.distinct(event_reports.c.event_id)).label("events")
        found = (select(article_event_actors.c.name, article_event_actors.c.code, count)
                 .join(event_reports, _ROLE_LINK)
                 .where(article_event_actors.c.name.is_not(None))
                 .group_by(article_event_actors.c.name, article_event_actors.c.code)
                 .order_by(count.desc(), article_event_actors.c.name).limit(limit))
        if query:
            found = found.where((article_event_actors.c.code == query.strip().upper())
                                | func.lower(article_event_actors.c.name).contains(
                                    self.store.folded(query.strip()), autoescape=True))
        with self.store.engine.connect() as conn:
            return [{"name": r.name, "code": r.code, "events": r.events}
                    for r in conn.execute(found)]

    def places(self, query: Optional[str], limit: int) -> list[dict]:
        count = func.count().label("events")
        found = (select(events.c.place_name, events.c.geonameid, events.c.country,
                        func.min(events.c.lat).label("lat"), func.min(events.c.lon).label("lon"),
                        count)
                 .where(events.c.place_name.is_not(None))
                 .group_by(events.c.place_name, events.c.geonameid, events.c.country)
                 .order_by(count.desc(), events.c.place_name).limit(limit))
        if query:
            found = found.where((events.c.geonameid == query.strip())
                                | func.lower(events.c.place_name).contains(
                                    self.store.folded(query.strip()), autoescape=True))
        with self.store.engine.connect() as conn:
            return [{"name": r.place_name, "geonameid": r.geonameid, "country": r.country,
                     "lat": r.lat, "lon": r.lon, "events": r.events}
                    for r in conn.execute(found)]


def stats_of(rows) -> dict:
    """Counts and reported killed by day, type, perpetrator and place from (day, type,
    place_name, killed, perpetrator) rows; a longer period counts on its last day."""
    by_day: dict[str, list] = defaultdict(lambda: [0, 0.0])
    by_day_who: dict[tuple, float] = defaultdict(float)
    facets = {name: (Counter(), Counter()) for name in ("type", "perpetrator", "place")}
    total = 0
    for day, type_, place, killed, who in rows:
        total += 1
        keys = {"type": type_, "perpetrator": who or "unattributed", "place": place or "unknown"}
        for name, key in keys.items():
            facets[name][0][key] += 1
            facets[name][1][key] += killed
        if day is not None:
            by_day[day][0] += 1
            by_day[day][1] += killed
            if killed:
                by_day_who[day, keys["perpetrator"]] += killed

    def facet(name: str) -> list[dict]:
        counts, killed = facets[name]
        return [{name: key, "events": n, "fatalities": killed[key]}
                for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    timeline = timeline_of(((day, n, k) for day, (n, k) in by_day.items()),
                           ((day, who, k) for (day, who), k in by_day_who.items()))
    return {"events": total, **timeline, "by_type": facet("type"),
            "by_perpetrator": facet("perpetrator"), "by_place": facet("place")}


def timeline_of(days, killed_by) -> dict:
    """The timeline from (day, events, killed) and (day, perpetrator or None, killed) rows;
    a longer period counts on its last day."""
    return {"by_day": [{"day": day, "events": n, "fatalities": float(killed)}
                       for day, n, killed in sorted(days, key=lambda r: r[0] or "")
                       if day is not None],
            "by_day_perpetrator": sorted(
                ({"day": day, "perpetrator": who or "unattributed", "fatalities": killed}
                 for day, who, killed in killed_by if day is not None and killed),
                key=lambda r: (r["day"], r["perpetrator"]))}


TIMELINE_DAYS = 120
"""Longest timeline drawn by day; a longer one is drawn by month (bars stay visible)."""


def timeline_periods(timeline: dict, unit: str = "auto") -> dict:
    """The dashboard's timeline: ``timeline`` (by day) as periods of a ``unit`` (day, month,
    or auto: by day up to ``TIMELINE_DAYS`` days, else by month)."""
    if unit == "auto":
        unit = "day" if len(timeline["by_day"]) <= TIMELINE_DAYS else "month"
    key = (lambda day: day) if unit == "day" else (lambda day: day[:7])
    periods: dict[str, list] = {}
    for row in timeline["by_day"]:
        counts = periods.setdefault(key(row["day"]), [0, 0.0])
        counts[0] += row["events"]
        counts[1] += row["fatalities"]
    killed_by: dict[tuple[str, str], float] = defaultdict(float)
    for row in timeline["by_day_perpetrator"]:
        killed_by[key(row["day"]), row["perpetrator"]] += row["fatalities"]
    return {"unit": unit,
            "periods": [{"period": k, "events": n, "fatalities": killed}
                        for k, (n, killed) in periods.items()],
            "killed_by": [{"period": k, "perpetrator": who, "fatalities": killed}
                          for (k, who), killed in sorted(killed_by.items())]}


def _place(place: Optional[dict]) -> Optional[dict]:
    if not place:
        return None
    return {"name": place.get("name"), "label": place.get("name") or place.get("geonameid"),
            "geonameid": place.get("geonameid"), "country": place.get("country"),
            "lat": place.get("lat"), "lon": place.get("lon")}


def summary_of(row, roles: dict[str, list], first_report) -> dict:
    """The short form of a fused event that lists, maps and tables show."""
    killed = row.fatalities_low if row.fatalities_low is not None else row.fatalities_high
    source = roles["source"]
    return {"id": row.id, "type": row.type, "mode": row.mode, "cameo": row.cameo,
            "status": row.status,
            "date": None if row.date_start is None else {
                "start": row.date_start.isoformat(),
                "end": (row.date_end or row.date_start).isoformat(),
                "precision": row.precision or "day"},
            "place": _place({"name": row.place_name, "geonameid": row.geonameid,
                             "country": row.country, "lat": row.lat, "lon": row.lon})
            if row.place_name or row.geonameid else None,
            "source": source, "target": roles["target"],
            "trigger": first_report.trigger_text if first_report else None,
            "perpetrator": _label(source[0]["name"], source[0]["code"]) if source else None,
            "fatalities": killed, "reports": row.reports, "articles": row.articles,
            "article_id": first_report.article_id if first_report else None}


def open_catalogue(db: Optional[str] = None) -> StoreCatalogue:
    """The catalogue over the store at ``db`` (a path or URL; default ``$EVENTWIRE_DB`` or
    ``./eventwire.db``)."""
    return StoreCatalogue(Store(db))
