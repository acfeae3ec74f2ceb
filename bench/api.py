"""API latency at 100,000 stored events (SQLite): /events with each filter, the map, stats.

    PYTHONPATH=. python bench/api.py [--events 100000] [--db /tmp/eventwire-bench-api.db]

The store is filled once (and reused) with copies of the seed article's hand-built
extraction, each copy a different happening (places spread over Syria, dates over six
years; see tests/hand_seed.py:replicate_into). Requests go through the ASGI app in process
(FastAPI's TestClient), so the figures are the server's time without the network. Prints
the median wall time and the median CPU time of this process (the client's share is small)
per request: on a shared, loaded machine the CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

REQUESTS = [
    ("/events (no filter, first page of 100)", "/events"),
    ("/events?type=ASSAULT", "/events?type=ASSAULT"),
    ("/events?place=Aleppo 7", "/events?place=Aleppo%207"),
    ("/events?place=<geonameid>", "/events?place=ew:r123"),
    ("/events?actor=SYRREB", "/events?actor=SYRREB"),
    ("/events?actor=lavrov (name)", "/events?actor=lavrov"),
    ("/events?since&until (one month)", "/events?since=2018-03-01&until=2018-03-31"),
    ("/events?status=planned", "/events?status=planned"),
    ("/events?near=36.2,37.15&km=25", "/events?near=36.2,37.15&km=25"),
    ("/events?claimant=RUSGOV", "/events?claimant=RUSGOV"),
    ("/events type+since+until+status", "/events?type=ASSAULT&since=2018-01-01&until=2018-12-31"
                                        "&status=claimed"),
    ("/events?type=ASSAULT&offset=20000", "/events?type=ASSAULT&offset=20000"),
    ("/events geojson, 10,000 points", "/events?format=geojson&limit=10000"),
    ("/points (the map: 10,000 compact points)", "/points"),
    ("/points?type=ASSAULT&since=2018-01-01", "/points?type=ASSAULT&since=2018-01-01"),
    ("/timeline (all events)", "/timeline"),
    ("/timeline?type=ASSAULT&since=2018-01-01", "/timeline?type=ASSAULT&since=2018-01-01"),
    ("/stats (all events)", "/stats"),
    ("/stats?type=ASSAULT&since=2018-01-01", "/stats?type=ASSAULT&since=2018-01-01"),
    ("/ (dashboard page)", "/"),
]


def fill(db: Path, events: int):
    from eventwire.ingest import sample_path
    from eventwire.ingest.text import read_text_file
    from eventwire.store import Store
    from hand_seed import hand_seed, replicate_into

    store = Store(db)
    have = store.count_events()
    if have < events:
        template = hand_seed(read_text_file(sample_path()))
        copies = -(-(events - have) // len(template.events))
        started = time.perf_counter()
        added = replicate_into(store, template, copies, with_items=False, seed=have)
        print(f"filled {added:,} events in {time.perf_counter() - started:.1f} s")
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/eventwire-bench-api.db"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from eventwire.serve.api import create_app
    from eventwire.serve.catalogue import StoreCatalogue

    store = fill(args.db, args.events)
    client = TestClient(create_app(StoreCatalogue(store)))
    print(f"{store.count_events():,} events in {args.db} (SQLite); {args.runs} runs each")
    if hasattr(os, "getloadavg"):
        print("load average before: " + " ".join(f"{x:.1f}" for x in os.getloadavg()))
    print(f"{'request':45} {'wall ms':>8} {'cpu ms':>7} {'matches':>9}")
    for name, url in REQUESTS:
        walls, cpus = [], []
        for _ in range(args.runs):
            started, cpu = time.perf_counter(), time.process_time()
            response = client.get(url, headers={"Accept-Encoding": "gzip"})
            walls.append((time.perf_counter() - started) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
            assert response.status_code == 200, (url, response.text[:200])
        body = response.json() if "json" in response.headers["content-type"] else {}
        matches = body.get("total", body.get("events", "")) if isinstance(body, dict) else ""
        print(f"{name:45} {statistics.median(walls):8.1f} {statistics.median(cpus):7.1f} "
              f"{matches!s:>9}")
    if hasattr(os, "getloadavg"):
        print("load average after: " + " ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
