"""Fusion: one event per happening, every report and figure kept, deterministic, splittable.

The happenings are real: the sarin attack on Khan Sheikhoun on 4 April 2017 as three
articles told it (and a fourth that places it in Syria only), and the air strikes on
Eastern Ghouta the same day (FA-KES corpus).
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.errors import InputError
from eventwire.store import Store
from eventwire.store.fusion import (Report, actor_relation, cluster, date_relation,
                                    place_relation, same_happening)
from store_fixtures import (al_maleh_battle_a_day_apart, aleppo_barrel_bombs_years_apart,
                            eastern_ghouta_reports, fakes_extraction, khan_sheikhoun_reports,
                            seed_extraction, syria_only_report)

ALEPPO = "170063"


def report(article: str, **fields) -> Report:
    values = dict(report_id="e1", type="ASSAULT", date_start=date(2016, 12, 8),
                  date_end=date(2016, 12, 8), precision="day", geonameid=ALEPPO,
                  place_name="Aleppo", country="SY", codes=frozenset({"SYRGOV"}))
    values.update(fields)
    return Report(article_id=article, **values)


def test_east_and_west_aleppo_are_different_places():
    east = report("a", place_qualifier="east")
    west = report("b", place_qualifier="west", codes=frozenset({"SYRGOV", "SYRREB"}))
    assert place_relation(east, west) == "different"
    assert not same_happening(east, west)
    assert place_relation(east, report("c")) == "same"  # "Aleppo" does not contradict "east"


def test_a_place_inside_another_is_nested():
    district = report("a", geonameid="ew:aleppo-east", place_parent=ALEPPO)
    syria = report("b", geonameid="163843", place_feature="country", country="SY")
    assert place_relation(district, report("c")) == "nested"
    assert place_relation(report("c"), syria) == "nested"
    assert place_relation(report("c", country="IQ", geonameid="98182"), syria) == "different"


def test_date_windows_follow_precision():
    assert date_relation(report("a"), report("b", date_start=date(2016, 12, 9),
                                             date_end=date(2016, 12, 9))) == "match"
    assert date_relation(report("a"), report("b", date_start=date(2016, 12, 11),
                                             date_end=date(2016, 12, 11))) == "different"
    week = dict(date_start=date(2016, 12, 5), date_end=date(2016, 12, 11), precision="week")
    assert date_relation(report("a"), report("b", **week)) == "match"
    year = dict(date_start=date(2016, 1, 1), date_end=date(2016, 12, 31), precision="year")
    assert date_relation(report("a"), report("b", **year)) == "coarse"
    # A year-precise report joins only at the very same place with the same actors.
    assert same_happening(report("a"), report("b", **year))
    assert not same_happening(report("a", place_parent="163843", geonameid="ew:x"),
                              report("b", **year))


def test_an_undated_report_is_dated_by_its_article_and_an_event_never_spans_disjoint_dates():
    undated = dict(date_start=None, date_end=None, precision=None)
    # Published 10 December: it happened in the week before.
    assert report("a", published=date(2016, 12, 10), **undated).span == (
        date(2016, 12, 3), date(2016, 12, 10))
    assert same_happening(report("a"), report("b", published=date(2016, 12, 10), **undated))
    assert not same_happening(report("a"), report("b", published=date(2016, 12, 20), **undated))
    # No date and no publication date: nothing bounds it, it stays alone.
    assert not same_happening(report("a", **undated), report("b", **undated))
    # Each pair meets, the three do not (3-4 Dec, 9-16 Dec): no chain through the middle.
    early, middle, late = (report(name, published=date(2016, 12, day), **undated)
                           for name, day in (("a", 4), ("b", 10), ("c", 16)))
    assert same_happening(early, middle) and same_happening(middle, late)
    groups = cluster([late, middle, early])
    assert [[r.article_id for r in group] for group in groups] == [["a", "b"], ["c"]]


def test_actors_must_overlap_by_code():
    assert actor_relation(report("a"), report("b", codes=frozenset({"SYRMIL", "SYRGOV"}))) \
        == "overlap"
    assert not same_happening(report("a"), report("b", codes=frozenset({"SYRREB"})))
    nobody = report("b", codes=frozenset())
    assert actor_relation(report("a"), nobody) == "unknown"
    assert same_happening(report("a"), nobody)  # same place, same day
    assert not same_happening(report("a"), report("b", codes=frozenset(), geonameid=None,
                                                  place_name=None))


def test_statuses_and_types_must_agree():
    assert same_happening(report("a"), report("b", status="claimed"))
    assert not same_happening(report("a", type="CONSULT", status="planned"),
                              report("b", type="CONSULT"))
    assert not same_happening(report("a"), report("b", type="COERCE"))


def test_reports_of_one_article_are_never_fused():
    groups = cluster([report("a"), report("a", report_id="e2"), report("b")])
    assert sorted(len(group) for group in groups) == [1, 2]


def test_a_split_keeps_reports_apart():
    reports = [report("a"), report("b"), report("c")]
    assert len(cluster(reports)) == 1
    splits = {("a", "e1"): [(1, 0)], ("b", "e1"): [(1, 1)]}
    groups = cluster(reports, splits=splits)
    assert len(groups) == 2 and [r.article_id for r in groups[0]] == ["a", "c"]


def all_reports():
    return khan_sheikhoun_reports() + eastern_ghouta_reports()


def summary(store: Store) -> list[tuple]:
    return sorted((e.id, e.place.name, tuple(sorted((r.article_id, r.event_id)
                                                     for r in e.reports)))
                  for e in store.events())


def test_one_happening_told_three_times_is_one_event_with_every_figure(store):
    for extraction in all_reports():
        store.add(extraction)
    assert store.count_events() == 2
    [attack] = store.events(place="Khan Sheikhoun")
    assert [r.outlet for r in attack.reports] == ["Asharq Al-Awsat", "Ahram Online",
                                                  "Ahram Online"]
    assert attack.date.start == date(2017, 4, 4)
    assert {a.code for a in attack.source} == {"SYRGOV", "SYRMIL"}
    assert (attack.fatalities_low, attack.fatalities_high) == (58, 86)
    assert attack.figures_text() == ("Syrian Observatory for Human Rights: 58 killed; "
                                     "Syrian Observatory for Human Rights: at least 58 killed; "
                                     "Syrian Observatory for Human Rights: 86 killed")
    assert attack.articles == 3
    [ghouta] = store.events(place="Eastern Ghouta")
    assert len(ghouta.reports) == 2 and ghouta.fatalities_low == 19


def test_fusion_is_the_same_whatever_the_order(store_url, tmp_path):
    with Store(store_url) as forward:
        for extraction in all_reports():
            forward.add(extraction)
        expected = summary(forward)
        assert forward.fuse() == {"reports": 5, "events": 2}
        assert summary(forward) == expected
    with Store(tmp_path / "backward.db") as backward:
        for extraction in reversed(all_reports()):
            backward.add(extraction)
        assert summary(backward) == expected


def test_a_report_placed_only_in_the_country_fuses_the_same_whatever_the_order(
        store_url, tmp_path):
    # Nobody named, placed in Syria only: it could be Khan Sheikhoun's attack or Eastern
    # Ghouta's, the same day. Joined to either, it would chain the two into one event (a
    # fuse() from scratch did); the store's candidate query never offered it (arrival order
    # decided). It stays an event of its own, in any order and after a fresh fuse().
    reports = all_reports() + [syria_only_report()]
    assert place_relation(as_report(reports[-1]), as_report(reports[0])) == "nested"
    assert not same_happening(as_report(reports[-1]), as_report(reports[0]))
    summaries = []
    for name, order in (("forward", reports), ("backward", reports[::-1]),
                        ("first", reports[-1:] + reports[:-1])):
        with Store(store_url if name == "forward" else tmp_path / f"{name}.db") as store:
            for extraction in order:
                store.add(extraction)
            summaries.append(summary(store))
            assert store.fuse() == {"reports": 6, "events": 3}
            assert summary(store) == summaries[-1]
    assert summaries[0] == summaries[1] == summaries[2]
    [syria] = [event for event in summaries[0] if event[1] == "Syria"]
    assert syria[2] == (("fakes-1914947530", "e1"),)


def as_report(extraction) -> Report:
    """The fusion Report of an extraction's first event, as the store builds it."""
    from eventwire.store.store import report_rows, reports_from_rows

    return reports_from_rows(*report_rows(extraction, extraction.article.id))[0]


def test_a_wrong_merge_can_be_split_and_stays_split(store):
    for extraction in khan_sheikhoun_reports():
        store.add(extraction)
    [attack] = store.events()
    new_ids = store.split(attack.id, [("fakes-1923848144", "e1")])
    assert len(new_ids) == 2 and store.count_events() == 2
    store.fuse()
    assert sorted(len(e.reports) for e in store.events()) == [1, 2]
    whole = [e for e in store.events() if len(e.reports) == 2][0]
    assert len(store.split(whole.id)) == 2
    assert store.fuse() == {"reports": 3, "events": 3}


def test_splitting_what_cannot_be_split_is_one_line(store):
    store.add(seed_extraction())
    with pytest.raises(InputError, match="no event"):
        store.split("evmissing")
    single = store.events()[0]
    with pytest.raises(InputError, match="one report"):
        store.split(single.id)


def test_undated_reports_of_attacks_years_apart_stay_apart(store):
    # Barrel bombs on Aleppo by government aircraft, June 2014 and August 2016: the same
    # type, place and actor, neither dated by the stages. Fused, they began a chain that
    # made one "event" of five years of fighting in a district.
    for extraction in aleppo_barrel_bombs_years_apart():
        store.add(extraction)
    assert store.count_events() == 2
    assert store.fuse() == {"reports": 2, "events": 2}


def test_undated_reports_of_one_battle_a_day_apart_fuse(store):
    # The battle around al-Maleh as two outlets told it on 30 June and 1 July 2016.
    for extraction in al_maleh_battle_a_day_apart():
        store.add(extraction)
    [battle] = store.events()
    assert [r.outlet for r in battle.reports] == ["The New Arab", "Jordan Times"]
    assert battle.date is None  # fusion bounded it by publication; it claims no date


def test_adding_articles_in_publication_order_fuses_as_fuse_does(store):
    # Regime attacks told by three real FA-KES articles (fields given by hand): Y and X
    # report one on 1-2 October 2016; X also reports another on 4 October, which Z
    # (published 7 October) reports on the 3rd. Z's report could join X's first report
    # alone, but not the event of X's and Y's (their dates share 1 October only, a day
    # of slack short of the 3rd); it is X's second report that it fuses with. ``add``
    # used to look only at the events a first clustering joined, where Z's report took
    # X's first report and so hid the second (two reports of one article): Z stayed
    # alone, and fuse() from scratch gave other events than adding.
    regime = ("regime", dict(name="Syrian government", code="SYRMIL", kind="organisation"))
    told = [
        fakes_extraction("fakes-1923848289", "Ahram Online", actors=(regime,), events=(
            {"type": "ASSAULT", "trigger": "killed", "source": ["regime"],
             "date": "2016-10-01"},)),
        fakes_extraction("fakes-1923102911", "The New Arab", actors=(regime,), events=(
            {"type": "ASSAULT", "trigger": "killed", "source": ["regime"],
             "date": "2016-10-02"},
            {"type": "ASSAULT", "trigger": "killed", "nth": 1, "source": ["regime"],
             "date": "2016-10-04"})),
        fakes_extraction("fakes-1924058193", "The New Arab", actors=(regime,), events=(
            {"type": "ASSAULT", "trigger": "killed", "source": ["regime"],
             "date": "2016-10-03"},)),
    ]
    for extraction in told:
        store.add(extraction)
    def events() -> list[tuple]:
        return sorted(tuple(sorted((r.article_id, r.event_id) for r in event.reports))
                      for event in store.events())
    added = events()
    assert store.fuse() == {"reports": 4, "events": 2}
    assert events() == added
    assert added == [
        (("fakes-1923102911", "e1"), ("fakes-1923848289", "e1")),
        (("fakes-1923102911", "e2"), ("fakes-1924058193", "e1"))]
