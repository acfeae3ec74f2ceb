"""The seed article's facts built by hand, for tests of what serves them (API, dashboard, report).

The extraction stages are developed elsewhere; these tests need known events now. Every item
is a real span of the seed article (``at`` finds the words), so the model's span check holds.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterable

from eventwire.model import (Actor, Article, Event, EventDate, Evidence, Extraction, Place,
                             Quantity, Quote, Time)


def at(text: str, phrase: str, within: str | None = None) -> tuple[int, int]:
    """Span of the first ``phrase`` inside the first occurrence of ``within`` (or the text)."""
    context = text.find(within) if within else 0
    start = text.find(phrase, context) if context >= 0 else -1
    if start < 0 or (within and start + len(phrase) > context + len(within)):
        raise ValueError(f"{phrase!r} in {within!r} is not in the text")
    return start, start + len(phrase)


def sentence_of(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The paragraph-bounded sentence around a span (good enough for this article)."""
    start = max(text.rfind("\n", 0, span[0]) + 1, text.rfind(". ", 0, span[0]) + 2)
    end = text.find("\n", span[1])
    return start, len(text) if end < 0 else end


def hand_seed(article: Article) -> Extraction:
    """An Extraction of the seed article with its main actors, places, figures and events."""
    text = article.text

    def ev(phrase: str, within: str | None = None) -> dict:
        return {"text": phrase, "span": at(text, phrase, within)}

    actors = [
        Actor(id="a1", **ev("Sergei Lavrov"), name="Sergei Lavrov", code="RUSGOV",
              country="RUS", sector="GOV", kind="person"),
        Actor(id="a2", **ev("Syrian army"), name="Syrian army", code="SYRMIL", country="SYR",
              sector="MIL", kind="group"),
        Actor(id="a3", **ev("Syrian Observatory for Human Rights"),
              name="Syrian Observatory for Human Rights", code="NGO", sector="NGO",
              kind="organisation"),
        Actor(id="a4", **ev("government", "government fire on east"), name="Syrian government", code="SYRGOV",
              country="SYR", sector="GOV", kind="state"),
        Actor(id="a5", **ev("rebel", "in rebel fire"), name="Syrian rebels", code="SYRREB", country="SYR",
              sector="REB", kind="group"),
        Actor(id="a6", **ev("six western countries"), name="six western countries",
              kind="group"),
        Actor(id="a7", **ev("Russia", "urging Russia"), name="Russia", code="RUS", country="RUS",
              kind="state"),
        Actor(id="a8", **ev("Jan Egeland"), name="Jan Egeland", code="IGOUNO", sector="IGO",
              kind="person"),
        Actor(id="a9", **ev("John Kerry"), name="John Kerry", code="USAGOV", country="USA",
              sector="GOV", kind="person"),
        Actor(id="a10", **ev("Lavrov", "Lavrov and his"), name="Sergei Lavrov", code="RUSGOV", country="RUS",
              sector="GOV", kind="person", refers_to="a1"),
    ]
    aleppo = dict(name="Aleppo", geonameid="170063", country="SY", admin1="Aleppo",
                  lat=36.20124, lon=37.16117, feature="city")
    places = [
        Place(id="p1", **ev("Aleppo", "halted attacks on Aleppo to allow"), **aleppo, role="event"),
        Place(id="p2", **ev("Aleppo", "halted in eastern Aleppo"), **aleppo, qualifier="east", role="event"),
        Place(id="p3", **ev("Aleppo", "fire on east Aleppo"), **aleppo, qualifier="east", role="event"),
        Place(id="p4", **ev("Aleppo", "government-held west Aleppo"), **aleppo, qualifier="west", role="event"),
        Place(id="p5", **ev("Hamburg"), name="Hamburg", geonameid="2911298", country="DE",
              lat=53.57532, lon=10.01534, feature="city"),
        Place(id="p6", **ev("Geneva"), name="Geneva", geonameid="2660646", country="CH",
              lat=46.20222, lon=6.14569, feature="city", role="event"),
        Place(id="p7", **ev("Aleppo", "government-controlled west Aleppo"), **aleppo, qualifier="west", role="event"),
    ]
    times = [
        Time(id="t1", **ev("Thursday", "Sergei Lavrov on Thursday"), value="2016-12-08", start=date(2016, 12, 8),
             end=date(2016, 12, 8)),
        Time(id="t2", **ev("today"), value="2016-12-08", start=date(2016, 12, 8),
             end=date(2016, 12, 8), anchor="speech"),
        Time(id="t3", **ev("Saturday"), value="2016-12-10", start=date(2016, 12, 10),
             end=date(2016, 12, 10)),
        Time(id="t4", **ev("last week"), value="2016-W48", start=date(2016, 11, 28),
             end=date(2016, 12, 4)),
        Time(id="t5", **ev("Thursday", "talked Thursday"), value="2016-12-08", start=date(2016, 12, 8),
             end=date(2016, 12, 8)),
    ]
    lavrov_words = ("I can tell you that today, combat operations by the Syrian army have been "
                    "halted in eastern Aleppo because there is a large operation underway to "
                    "evacuate civilians")
    sohr_words = ("At least 384 civilians, including 45 children, have been killed in "
                  "government fire on east Aleppo since the operation began")
    quotes = [
        Quote(id="q1", **ev(lavrov_words), kind="direct", speaker="a1",
              cue=Evidence(**ev("said", "he said in Hamburg")), time="t2", place="p5"),
        Quote(id="q2", **ev(sohr_words), kind="according_to", speaker="a3",
              cue=Evidence(**ev("according to", "began, according to"))),
        Quote(id="q3", **ev("an indication that something positive could happen"),
              kind="direct", speaker=None, cue=Evidence(**ev("said", "Earnest said"))),
        Quote(id="q4", **ev('the government "finally" agreed to a UN plan to deliver aid '
                            'across front lines'), kind="mixed", speaker="a8",
              cue=Evidence(**ev("said", 'He said the government "finally"'))),
    ]
    quantities = [
        Quantity(id="n1", **ev("At least 384 civilians"), value=384, qualifier="at_least",
                 category="killed", who="civilians", perpetrator="a4", place="p3",
                 source="a3"),
        Quantity(id="n2", **ev("45 children"), value=45, category="killed", who="children",
                 part_of="n1", perpetrator="a4", place="p3", source="a3"),
        Quantity(id="n3", **ev("105 civilians"), value=105, category="killed",
                 who="civilians", perpetrator="a5", place="p4", source="a3"),
        Quantity(id="n4", **ev("35 children"), value=35, category="killed", who="children",
                 part_of="n3", perpetrator="a5", place="p4", source="a3"),
        Quantity(id="n5", **ev("8,000 evacuees"), value=8000, category="evacuated",
                 who="evacuees", source="a1"),
    ]

    def event(id_: str, trigger: str, within: str | None = None, **fields) -> Event:
        span = at(text, trigger, within)
        return Event(id=id_, trigger=Evidence(text=trigger, span=span),
                     sentence=sentence_of(text, span), **fields)

    week_of_strike = EventDate(start=date(2016, 11, 28), end=date(2016, 12, 4), precision="week")
    thursday = EventDate(start=date(2016, 12, 8), end=date(2016, 12, 8), precision="day")
    operation = EventDate(start=date(2016, 11, 17), end=date(2016, 12, 8), precision="week")
    events = [
        event("e1", "halted", "been halted in eastern", type="RETREAT", mode="ceasefire", cameo="0871",
              source=["a2"], place="p2", time="t2", date=thursday, status="claimed",
              claimed_by="a1", quote="q1", confidence=0.8),
        event("e2", "called for", None, type="REQUEST", mode="ceasefire", cameo="0256",
              source=["a6"], target=["a7"], place="p1", date=thursday, status="requested",
              confidence=0.7),
        event("e3", "killed", "killed in government fire", type="ASSAULT", mode="aerial", cameo="195",
              source=["a4"], place="p3", date=operation, status="claimed", claimed_by="a3",
              quote="q2", fatalities="n1", confidence=0.7),
        event("e4", "killed", "killed in rebel fire", type="ASSAULT", cameo="190", source=["a5"], place="p4",
              date=operation, status="claimed", claimed_by="a3", fatalities="n3",
              confidence=0.6),
        event("e5", "discussions would take place", None, type="CONSULT", cameo="043",
              source=["a10"], place="p6", time="t3",
              date=EventDate(start=date(2016, 12, 10), end=date(2016, 12, 10), precision="day"),
              status="planned", confidence=0.6),
        event("e6", "deadly attack", None, type="ASSAULT", cameo="190", place="p7", time="t4",
              date=week_of_strike, confidence=0.5),
        event("e7", "talked", None, type="CONSULT", cameo="040", source=["a10"], target=["a9"],
              place="p5", time="t5", date=thursday, confidence=0.6),
    ]
    return Extraction(article=article, actors=actors, places=places, times=times,
                      quotes=quotes, quantities=quantities, events=events)


HOSTILE_TEXT = ("Attack on Idlib\n\n"
                "<script>window.__pwned = 1</script> Government forces shelled Idlib on "
                "Monday, killing 12 civilians.\n\n"
                "A witness wrote \"><img src=x onerror=\"window.__pwned=2\"> on a wall; "
                "' OR 1=1; DROP TABLE events; -- was painted below it.")


def hostile(published: date = date(2019, 5, 8)) -> Extraction:
    """An article whose text tries to run script in the dashboard."""
    article = Article.from_text(HOSTILE_TEXT, title="Attack on Idlib <b>bold</b>",
                                published=published, source="<i>Outlet</i>")
    text = article.text

    def ev(phrase: str, within: str | None = None) -> dict:
        return {"text": phrase, "span": at(text, phrase, within)}

    span = at(text, "shelled")
    return Extraction(
        article=article,
        actors=[Actor(id="a1", **ev("<script>window.__pwned = 1</script> Government forces"),
                      name="<script>window.__pwned = 1</script>", code="SYRMIL",
                      kind="group")],
        places=[Place(id="p1", **ev("Idlib", "shelled Idlib"), name="Idlib", geonameid="169389",
                      country="SY", lat=35.93, lon=36.63, feature="city", role="event")],
        quantities=[Quantity(id="n1", **ev("12 civilians"), value=12, category="killed",
                             who="civilians", perpetrator="a1", place="p1")],
        quotes=[Quote(id="q1", **ev("\"><img src=x onerror=\"window.__pwned=2\">"),
                      kind="direct", speaker=None)],
        events=[Event(id="e1", type="ASSAULT", cameo="190", trigger=Evidence(text="shelled",
                                                                                 span=span),
                      sentence=sentence_of(text, span), source=["a1"], place="p1",
                      date=EventDate(start=published, end=published, precision="day"),
                      fatalities="n1", quote="q1", confidence=0.6)])


def seeded_catalogue(folder: Path, extractions: Iterable[Extraction]):
    """A catalogue over a fresh SQLite store in ``folder`` holding these extractions."""
    from eventwire.serve.catalogue import StoreCatalogue
    from eventwire.store import Store

    catalogue = StoreCatalogue(Store(folder / "eventwire.db"))
    for extraction in extractions:
        catalogue.add(extraction)
    return catalogue


def replicate_into(store, template: Extraction, copies: int, seed: int = 7,
                   with_items: bool = True) -> int:
    """Fill a store fast with ``copies`` of a real extraction, each a different happening.

    For load tests and benchmarks only: rows go straight into the store's tables (one fused
    event per report, as fusion makes of unrelated reports), with places spread over Syria
    and dates over six years, so that filters select realistic shares. Without items
    (actors, places, ... rows) it is faster, and event pages show no figures. Returns the
    number of events.
    """
    import hashlib
    import json
    import random
    from datetime import datetime, timedelta, timezone

    from sqlalchemy import insert

    from eventwire.store.schema import (ITEM_TABLES, article_event_actors, article_events,
                                        articles, event_reports, events, extractions)
    from eventwire.store.store import item_row, report_rows

    rng = random.Random(seed)
    now = datetime.now(timezone.utc)
    text = template.article.text.encode("utf-8")
    data = template.model_dump(mode="json")
    data["article"].pop("text")
    added = 0
    for start in range(0, copies, 500):
        rows: dict[str, list] = {"articles": [], "extractions": [], "article_events": [],
                                 "article_event_actors": [], "events": [],
                                 "event_reports": []}
        items: dict[str, list] = {name: [] for name in ITEM_TABLES}
        for n in range(start, min(copies, start + 500)):
            article_id = f"r{n:07d}"
            shift = timedelta(days=rng.randrange(0, 6 * 365))
            lat, lon = rng.uniform(32.5, 37.2), rng.uniform(35.8, 42.0)
            data["article"]["id"] = article_id
            rows["articles"].append(dict(
                id=article_id, sha256=hashlib.sha256(article_id.encode()).hexdigest(),
                title=template.article.title, source=template.article.source,
                published=template.article.published + shift, text=text,
                chars=len(template.article.text), ingested_at=now))
            rows["extractions"].append(dict(article_id=article_id, data=json.dumps(data),
                                            version="replica", created_at=now))
            for name, table in ITEM_TABLES.items() if with_items else ():
                items[name].extend(item_row(table, article_id, item)
                                   for item in getattr(template, name))
            reports, roles = report_rows(template, article_id)
            for report in reports:
                for key in ("date_start", "date_end", "published"):
                    report[key] = report[key] + shift if report[key] else None
                if report["lat"] is not None:
                    report.update(lat=lat, lon=lon, geonameid=f"ew:r{n}",
                                  place_name=f"{report['place_name']} {n % 500}")
                event_id = f"ev{article_id}{report['id']}"
                rows["events"].append(dict(
                    id=event_id, type=report["type"], mode=report["mode"],
                    cameo=report["cameo"], status=report["status"],
                    date_start=report["date_start"], date_end=report["date_end"],
                    precision=report["precision"], place_name=report["place_name"],
                    geonameid=report["geonameid"], country=report["country"],
                    admin1=report["admin1"], lat=report["lat"], lon=report["lon"],
                    feature=report["place_feature"], fatalities_low=report["fatalities_low"],
                    fatalities_high=report["fatalities_high"], reports=1, articles=1))
                rows["event_reports"].append(dict(article_id=article_id,
                                                  report_id=report["id"], event_id=event_id))
            rows["article_events"].extend(reports)
            rows["article_event_actors"].extend(roles)
            added += len(reports)
        tables = {"articles": articles, "extractions": extractions,
                  "article_events": article_events,
                  "article_event_actors": article_event_actors, "events": events,
                  "event_reports": event_reports}
        with store.engine.begin() as conn:
            for name in ("articles", "extractions"):
                conn.execute(insert(tables[name]), rows[name])
            for name, table in ITEM_TABLES.items():
                if items[name]:
                    conn.execute(insert(table), items[name])
            for name in ("article_events", "article_event_actors", "events", "event_reports"):
                if rows[name]:
                    conn.execute(insert(tables[name]), rows[name])
    return added
