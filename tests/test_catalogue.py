"""What the web asks of the store: filters as the store takes them, light pages, facets."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.serve.catalogue import COUNT_CAP, EventFilters, timeline_periods
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


def test_map_points_are_the_located_events_of_the_page(catalogue):
    total, page = catalogue.events(EventFilters(type="ASSAULT"), 100, 0)
    count, points = catalogue.map_points(EventFilters(type="ASSAULT"), 100)
    assert count == total == 4
    assert [p[0] for p in points] == [e["id"] for e in page if e["place"]["lat"] is not None]
    assert points[0][1:] == ("ASSAULT", "2019-05-08", 35.93, 36.63, 12.0)


def test_a_long_timeline_is_counted_by_month():
    days = [{"day": f"2016-{m:02d}-{d:02d}", "events": 1, "fatalities": 2.0}
            for m in range(1, 7) for d in range(1, 29)]
    killers = [{"day": "2016-01-03", "perpetrator": "A", "fatalities": 2.0},
               {"day": "2016-01-09", "perpetrator": "A", "fatalities": 3.0},
               {"day": "2016-02-01", "perpetrator": "B", "fatalities": 1.0}]
    timeline = {"by_day": days, "by_day_perpetrator": killers}
    by_month = timeline_periods(timeline)  # 168 days: over 120, so months
    assert by_month["unit"] == "month"
    assert by_month["periods"][0] == {"period": "2016-01", "events": 28, "fatalities": 56.0}
    assert by_month["killed_by"] == [
        {"period": "2016-01", "perpetrator": "A", "fatalities": 5.0},
        {"period": "2016-02", "perpetrator": "B", "fatalities": 1.0}]
    assert len(timeline_periods(timeline, "day")["periods"]) == 168


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
