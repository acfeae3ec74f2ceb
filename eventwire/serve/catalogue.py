"""What the API and the dashboard ask of stored events, in one small interface.

``Catalogue`` is the read side the web needs: filtered, paginated event summaries, one
event with every report, articles with their extractions, facet counts, and ingest. The
store answers it (``StoreCatalogue``); ``MemoryCatalogue`` answers it from extractions in
memory (no fusion: each event is its own happening), for a quick look at a few files.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, fields
from datetime import date
from typing import Iterable, Optional, Protocol

from eventwire.model import Extraction
from eventwire.serve.evidence import actor_label, event_view


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


class Catalogue(Protocol):
    def events(self, filters: EventFilters, limit: int, offset: int) -> tuple[int, list[dict]]:
        """(how many match, the page of event summaries), oldest first."""

    def event(self, event_id: str) -> Optional[dict]:
        """An event's summary with ``reports``: the event view of each report."""

    def extraction(self, article_id: str) -> Optional[Extraction]: ...

    def stats(self, filters: EventFilters) -> dict: ...

    def actors(self, query: Optional[str], limit: int) -> list[dict]: ...

    def places(self, query: Optional[str], limit: int) -> list[dict]: ...

    def add(self, extraction: Extraction) -> bool:
        """Store an extraction; False when the article was already stored."""


def summary_of(view: dict, event_id: str, reports: int = 1) -> dict:
    """The short form of an event that lists, maps and tables show."""
    place = view.get("place")
    return {"id": event_id, "type": view["type"], "mode": view["mode"], "cameo": view["cameo"],
            "status": view["status"], "date": view["date"],
            "place": None if not place else {k: place[k] for k in (
                "name", "label", "qualifier", "geonameid", "country", "lat", "lon")},
            "source": [a for a in view["source"] if a], "target": [a for a in view["target"] if a],
            "trigger": view["trigger"]["text"],
            "perpetrator": actor_label(view["perpetrator"]) or None,
            "fatalities": view["fatalities"], "reports": reports,
            "article_id": view["article_id"]}


def stats_of(summaries: Iterable[dict]) -> dict:
    """Counts and reported killed by day, type, perpetrator and place."""
    by_day: dict[str, list] = defaultdict(lambda: [0, 0.0])
    by_day_perpetrator: Counter = Counter()
    by_type, by_perpetrator, by_place = Counter(), Counter(), Counter()
    killed_type, killed_perpetrator, killed_place = Counter(), Counter(), Counter()
    total = 0
    for s in summaries:
        total += 1
        killed = s["fatalities"] or 0
        perpetrator = s["perpetrator"] or "unattributed"
        place = s["place"]["name"] if s["place"] else "unknown"
        by_type[s["type"]] += 1
        by_perpetrator[perpetrator] += 1
        by_place[place] += 1
        killed_type[s["type"]] += killed
        killed_perpetrator[perpetrator] += killed
        killed_place[place] += killed
        if s["date"]:
            # Longer periods count on their last day: the day the figure is known to cover.
            day = s["date"]["end"]
            by_day[day][0] += 1
            by_day[day][1] += killed
            if killed:
                by_day_perpetrator[(day, perpetrator)] += killed
    return {
        "events": total,
        "by_day": [{"day": d, "events": n, "fatalities": k} for d, (n, k) in sorted(by_day.items())],
        "by_day_perpetrator": [{"day": d, "perpetrator": p, "fatalities": k}
                               for (d, p), k in sorted(by_day_perpetrator.items())],
        "by_type": [{"type": t, "events": n, "fatalities": killed_type[t]}
                    for t, n in by_type.most_common()],
        "by_perpetrator": [{"perpetrator": p, "events": n, "fatalities": killed_perpetrator[p]}
                           for p, n in by_perpetrator.most_common()],
        "by_place": [{"place": p, "events": n, "fatalities": killed_place[p]}
                     for p, n in by_place.most_common()],
    }


def _matches(view: dict, f: EventFilters) -> bool:
    if f.type and view["type"] != f.type:
        return False
    if f.status and view["status"] != f.status:
        return False
    when = view["date"]
    if (f.since or f.until) and not when:
        return False
    if f.since and date.fromisoformat(when["end"]) < f.since:
        return False
    if f.until and date.fromisoformat(when["start"]) > f.until:
        return False
    if f.place:
        place = view["place"] or {}
        wanted = f.place.casefold()
        if wanted not in {str(place.get(k) or "").casefold() for k in ("name", "geonameid")}:
            return False
    if f.actor:
        wanted = f.actor.casefold()
        actors = [a for a in view["source"] + view["target"] if a]
        if not any(wanted in ((a.get("code") or "").casefold(), a["name"].casefold())
                   for a in actors):
            return False
    return True


class MemoryCatalogue:
    """Extractions held in memory; every event of every article is listed on its own."""

    def __init__(self, extractions: Iterable[Extraction] = ()):
        self._extractions: dict[str, Extraction] = {}
        self._views: list[tuple[str, dict]] = []
        for extraction in extractions:
            self.add(extraction)

    def add(self, extraction: Extraction) -> bool:
        if extraction.article.id in self._extractions:
            return False
        self._extractions[extraction.article.id] = extraction
        for event in extraction.events:
            self._views.append((f"{extraction.article.id}-{event.id}",
                                event_view(extraction, event)))
        self._views.sort(key=lambda item: ((item[1]["date"] or {}).get("start") or "9999",
                                           item[0]))
        return True

    def _matching(self, filters: EventFilters) -> list[dict]:
        return [summary_of(view, event_id) for event_id, view in self._views
                if _matches(view, filters)]

    def events(self, filters: EventFilters, limit: int, offset: int) -> tuple[int, list[dict]]:
        found = self._matching(filters)
        return len(found), found[offset:offset + limit]

    def event(self, event_id: str) -> Optional[dict]:
        for found_id, view in self._views:
            if found_id == event_id:
                return {**summary_of(view, event_id), "reports": [view]}
        return None

    def extraction(self, article_id: str) -> Optional[Extraction]:
        return self._extractions.get(article_id)

    def stats(self, filters: EventFilters) -> dict:
        return stats_of(self._matching(filters))

    def actors(self, query: Optional[str], limit: int) -> list[dict]:
        counts: Counter = Counter()
        for _, view in self._views:
            for actor in view["source"] + view["target"]:
                if actor:
                    counts[(actor["name"], actor.get("code"))] += 1
        rows = [{"name": n, "code": c, "events": k} for (n, c), k in counts.most_common()]
        return [r for r in rows if _contains(query, r["name"], r["code"])][:limit]

    def places(self, query: Optional[str], limit: int) -> list[dict]:
        counts: Counter = Counter()
        for _, view in self._views:
            p = view["place"]
            if p:
                counts[(p["name"], p["geonameid"], p["country"], p["lat"], p["lon"])] += 1
        rows = [{"name": n, "geonameid": g, "country": c, "lat": la, "lon": lo, "events": k}
                for (n, g, c, la, lo), k in counts.most_common()]
        return [r for r in rows if _contains(query, r["name"], r["geonameid"])][:limit]


def _contains(query: Optional[str], *values: Optional[str]) -> bool:
    return not query or any(query.casefold() in (v or "").casefold() for v in values)
