"""What the web asks of the store: filters as the store takes them, light pages, facets."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.serve.catalogue import COUNT_CAP, EventFilters
from hand_seed import hand_seed, hostile, replicate_into, seeded_catalogue


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory, seed_article):
    return seeded_catalogue(tmp_path_factory.mktemp("catalogue"),
                            [hand_seed(seed_article), hostile()])


def test_a_numeric_place_is_a_geonames_id():
    assert EventFilters(place="170063").for_store() == {"geonameid": "170063"}
    assert EventFilters(place="Aleppo", since=date(2016, 12, 1)).for_store() == {
        "place": "Aleppo", "since": date(2016, 12, 1)}


def test_pages_are_newest_first_and_points_match_events(catalogue):
    total, page = catalogue.events(EventFilters(), 3, 0)
    assert total == 8 and [e["date"]["start"] for e in page] == ["2019-05-08", "2016-12-10",
                                                                  "2016-12-08"]
    _, points = catalogue.points(EventFilters(), 3, 0)
    assert [p["id"] for p in points] == [e["id"] for e in page]
    assert points[0]["place"] == "Idlib" and points[0]["fatalities"] == 12


def test_stats_count_each_event_once(catalogue):
    stats = catalogue.stats(EventFilters(place="Aleppo"))
    assert stats["events"] == 5
    assert sum(r["events"] for r in stats["by_day"]) == 5
    assert {r["perpetrator"]: r["fatalities"] for r in stats["by_perpetrator"]}[
        "Syrian government (SYRGOV)"] == 384


def test_totals_are_capped(tmp_path, seed_article, monkeypatch):
    from eventwire.serve import catalogue

    monkeypatch.setattr(catalogue, "COUNT_CAP", 50)  # the same code path as 10,000, smaller
    big = seeded_catalogue(tmp_path, [])
    replicate_into(big.store, hand_seed(seed_article), 10, with_items=False)
    total, page = big.events(EventFilters(), 10, 0)
    assert total == 51 and len(page) == 10
    assert big.events(EventFilters(type="REQUEST"), 5, 0)[0] == 10  # under the cap: exact
    assert big.events(EventFilters(), 100, 0)[0] == 70  # a short page is its own total
    assert COUNT_CAP == 10_000
