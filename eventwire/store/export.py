"""Exports, streamed from the store a page at a time (never built in memory).

- ``jsonl``: one Extraction per line, the schema of ``docs/extraction.schema.json``;
- ``csv``: one fused event per row with ACLED-style columns (:data:`ACLED_COLUMNS`), then
  eventwire's own (event id, status, CAMEO code, how many reports, every figure);
- ``geojson``: a FeatureCollection of fused events, points where the place has coordinates;
- ``parquet``: the CSV's rows as a Parquet file (pyarrow), written in row groups.

Event exports take the filters of ``Store.events``.
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Iterator, Optional

from eventwire.store.store import FusedEvent, Store

FORMATS = ("jsonl", "csv", "geojson", "parquet")
ACLED_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "admin1", "location", "latitude", "longitude", "geo_precision", "source",
                 "notes", "fatalities"]
EXTRA_COLUMNS = ["event_id", "time_precision", "status", "cameo", "reports", "articles",
                 "fatalities_high", "figures"]
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
GEO_PRECISION = {"facility": 1, "district": 1, "city": 1, "other": 2, "admin2": 2,
                 "region": 2, "admin1": 3, "country": 3}
"""ACLED's geo_precision: 1 the exact town, 2 a part of a region near it, 3 a province."""
TIME_PRECISION = {"day": 1, "week": 2, "month": 2, "season": 3, "year": 3, "decade": 3,
                  "century": 3}


@lru_cache(maxsize=512)
def country_name(code: Optional[str]) -> str:
    """ISO 3166-1 alpha-2 to the country's name (ACLED writes names)."""
    if not code:
        return ""
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper())
    return getattr(found, "common_name", None) or getattr(found, "name", code) if found else code


def _actors(items) -> str:
    return "; ".join(f"{a.name} ({a.code})" if a.code else a.name for a in items)


def acled_row(event: FusedEvent) -> dict[str, Any]:
    """One fused event as an ACLED-style row (with eventwire's extra columns)."""
    place = event.place
    outlets = dict.fromkeys(r.outlet for r in event.reports if r.outlet)
    first = event.reports[0] if event.reports else None
    return {
        "event_date": event.date.start.isoformat() if event.date else "",
        "event_type": event.type,
        "sub_event_type": event.mode or "",
        "actor1": _actors(event.source),
        "actor2": _actors(event.target),
        "country": country_name(place.country) if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "location": (place.name or "") if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(place.feature or "", "") if place else "",
        "source": "; ".join(outlets),
        "notes": " ".join(first.sentence_text.split()) if first else "",
        "fatalities": "" if event.fatalities_low is None else int(event.fatalities_low),
        "event_id": event.id,
        "time_precision": TIME_PRECISION.get(event.date.precision, "") if event.date else "",
        "status": event.status,
        "cameo": event.cameo or "",
        "reports": len(event.reports),
        "articles": event.articles,
        "fatalities_high": "" if event.fatalities_high is None else int(event.fatalities_high),
        "figures": event.figures_text(),
    }


def write_jsonl(store: Store, out: IO[str]) -> int:
    count = 0
    for extraction in store.iter_extractions():
        out.write(extraction.model_dump_json() + "\n")
        count += 1
    return count


def write_csv(store: Store, out: IO[str], **filters: Any) -> int:
    return write_csv_rows(map(acled_row, store.iter_events(**filters)), out)


def geojson_feature(event: FusedEvent) -> dict[str, Any]:
    place = event.place
    point = (place is not None and place.lat is not None and place.lon is not None)
    return {"type": "Feature", "id": event.id,
            "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]} if point else None,
            "properties": event.model_dump(mode="json", exclude={"id"})}


def write_geojson(store: Store, out: IO[str], **filters: Any) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for event in store.iter_events(**filters):
        out.write((",\n" if count else "") + json.dumps(geojson_feature(event), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def _parquet_schema():
    import pyarrow as pa

    text_columns = {c: pa.string() for c in COLUMNS}
    text_columns.update(latitude=pa.float64(), longitude=pa.float64(),
                        geo_precision=pa.int8(), fatalities=pa.int64(),
                        fatalities_high=pa.int64(), time_precision=pa.int8(),
                        reports=pa.int32(), articles=pa.int32(), event_date=pa.date32())
    return pa.schema([(c, text_columns[c]) for c in COLUMNS])


def write_parquet(store: Store, path: str | Path, **filters: Any) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for rows in _pages(store.iter_events(**filters), 5000):
            columns = {c: [] for c in COLUMNS}
            for event in rows:
                row = acled_row(event)
                row["event_date"] = event.date.start if event.date else None
                for column in COLUMNS:
                    columns[column].append(None if row[column] == "" else row[column])
            writer.write_table(pa.table(columns, schema=schema))
            count += len(rows)
    return count


def _pages(items: Iterator, size: int) -> Iterator[list]:
    page = []
    for item in items:
        page.append(item)
        if len(page) == size:
            yield page
            page = []
    if page:
        yield page


def export(store: Store, format: str, out: IO[str] | None = None,
           path: str | Path | None = None, **filters: Any) -> int:
    """Write the store in a format to a text stream (or, for parquet, a path); returns how
    many records were written."""
    if format == "parquet":
        if path is None:
            raise ValueError("parquet needs a path")
        return write_parquet(store, path, **filters)
    if format == "jsonl":
        return write_jsonl(store, out)
    if format == "csv":
        return write_csv(store, out, **filters)
    if format == "geojson":
        return write_geojson(store, out, **filters)
    raise ValueError(f"unknown format {format!r} (use one of {', '.join(FORMATS)})")


def write_csv_rows(rows, out: IO[str]) -> int:
    """ACLED-style rows (from :func:`acled_row`) as CSV with a header."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count
