"""Exports: JSONL extractions, ACLED-style CSV, GeoJSON and Parquet, streamed from the store."""

from __future__ import annotations

import csv
import io
import json

from eventwire.model import Extraction
from eventwire.store.export import ACLED_COLUMNS, COLUMNS, export, write_parquet
from store_fixtures import eastern_ghouta_reports, khan_sheikhoun_reports, seed_extraction


def fill(store) -> list[Extraction]:
    added = [seed_extraction()] + khan_sheikhoun_reports() + eastern_ghouta_reports()
    for extraction in added:
        store.add(extraction)
    return added


def test_jsonl_gives_back_every_extraction(store):
    added = fill(store)
    out = io.StringIO()
    assert export(store, "jsonl", out=out) == len(added)
    back = [Extraction.model_validate_json(line) for line in out.getvalue().splitlines()]
    assert sorted(back, key=lambda e: e.article.id) == sorted(added, key=lambda e: e.article.id)


def test_csv_has_acled_columns_and_one_row_per_happening(store):
    fill(store)
    out = io.StringIO()
    assert export(store, "csv", out=out, type="ASSAULT") == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0])[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    attack = next(r for r in rows if r["location"] == "Khan Sheikhoun")
    assert attack["event_date"] == "2017-04-04" and attack["event_type"] == "ASSAULT"
    assert attack["country"] == "Syria" and attack["geo_precision"] == "1"
    assert attack["actor1"] == "Syrian government (SYRGOV); Syrian government jets (SYRMIL)"
    assert attack["source"] == "Asharq Al-Awsat; Ahram Online"
    assert attack["fatalities"] == "58" and attack["fatalities_high"] == "86"
    assert "Dozens of people have been killed in Syrias northern Idlib" in attack["notes"]
    aleppo = next(r for r in rows if r["location"] == "Aleppo")
    assert (aleppo["latitude"], aleppo["longitude"]) == ("36.20124", "37.16117")


def test_geojson_is_a_feature_collection_of_points(store):
    fill(store)
    out = io.StringIO()
    count = export(store, "geojson", out=out)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == count
    ghouta = next(f for f in collection["features"]
                  if f["properties"]["place"]["name"] == "Eastern Ghouta")
    assert ghouta["geometry"] == {"type": "Point", "coordinates": [36.38, 33.52]}
    assert len(ghouta["properties"]["reports"]) == 2


def test_parquet_holds_the_csv_rows(store, tmp_path):
    import pyarrow.parquet as pq

    fill(store)
    path = tmp_path / "events.parquet"
    assert write_parquet(store, path) == 4
    table = pq.read_table(path)
    assert table.column_names == COLUMNS
    rows = table.to_pylist()
    attack = next(r for r in rows if r["location"] == "Khan Sheikhoun")
    assert attack["fatalities"] == 58 and str(attack["event_date"]) == "2017-04-04"
    assert attack["latitude"] == 35.4417
