"""Fusion: the reports of one happening become one event.

A *report* is an event as one article tells it. Two reports describe the same happening
when they come from different articles and

- have the same PLOVER type and compatible statuses (asserted and claimed go together;
  planned, requested, negated, hypothetical only with their own kind);
- name overlapping actors (a shared CAMEO code, or a shared name where codes are missing);
- happened at the same or a nested place (east Aleppo lies in Aleppo, Aleppo in Syria),
  with no conflicting qualifier (east Aleppo is not west Aleppo); when neither names an
  actor, only the same place or a named part of it (:func:`part_of`), never a town inside
  the country or province the other names;
- have dates within a window that depends on their precision: a day either side for
  day-precision dates, overlapping weeks; month- or year-precise dates only fuse when place
  and actors agree exactly. A report without a date of its own is dated by its article:
  it happened in the ``UNDATED_WINDOW`` before publication (a low-precision range, fused
  like a month-precise date); with no publication date either, it stays alone (only a
  near-duplicate copy of its article joins it).

What one side does not know (no actors, no place, no date) can be made up by the others
being strong; see :func:`same_happening`. Reports of near-duplicate articles (a syndicated
copy) with the same trigger words are the same report told twice, and fuse.

The events are the connected components of that relation, built by uniting matching pairs
in a fixed order (:func:`cluster`) under three constraints: two reports of one article never
share an event (the article itself tells them apart), an event never holds two reports
whose date ranges are disjoint (so undated reports cannot chain the fighting of five years
at one place into one "event"), and reports a user split apart are never joined again. The same reports and splits give the same events and the same ids,
whatever order articles arrived in, except where a constraint has to choose between
candidates, which it does in that fixed order.

Everything here is pure; ``store.py`` reads reports from the database and writes the
components back.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter, itemgetter
from datetime import date, timedelta
from typing import Iterable, Optional

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5,
                  "century": 6}
DAY_SLACK = {"day": timedelta(days=1), "week": timedelta(days=0)}
"""How far apart two fine-grained dates may be: time zones and "yesterday" shift a day."""
FINE_WINDOW = timedelta(days=9)
"""The widest gap between starts of two fine (day or week) dates that may still fuse."""
UNDATED_WINDOW = timedelta(days=7)
"""An event an article reports without a date happened on or before its publication,
in news almost always within the week ("on Tuesday", "yesterday", "this week")."""
STATUS_FAMILY = {"asserted": "fact", "claimed": "fact", "negated": "negated",
                 "planned": "planned", "requested": "requested", "hypothetical": "hypothetical"}


@dataclass(frozen=True)
class Report:
    """What fusion needs to know of one event as one article reports it."""

    article_id: str
    report_id: str
    type: str
    status: str = "asserted"
    published: Optional[date] = None
    date_start: Optional[date] = None
    date_end: Optional[date] = None
    precision: Optional[str] = None
    geonameid: Optional[str] = None
    place_parent: Optional[str] = None
    place_name: Optional[str] = None
    place_qualifier: Optional[str] = None
    place_feature: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    codes: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    trigger: str = ""
    # Carried along to sum up a fused event; fusion does not compare them.
    lat: Optional[float] = None
    lon: Optional[float] = None
    mode: Optional[str] = None
    cameo: Optional[str] = None
    fatalities_low: Optional[float] = None
    fatalities_high: Optional[float] = None

    @cached_property
    def key(self) -> tuple[str, str]:
        return self.article_id, self.report_id

    @cached_property
    def order(self) -> tuple:
        """The fixed order fusion works in: oldest article first."""
        return (self.published or date.max, self.article_id, _natural(self.report_id))

    @cached_property
    def fine(self) -> bool:
        return self.date_start is not None and PRECISION_RANK.get(self.precision or "", 9) <= 1

    @cached_property
    def span(self) -> Optional[tuple[date, date]]:
        """The dates fusion gives the report: its own, or without them the
        ``UNDATED_WINDOW`` before its article's publication; None when neither is known."""
        if self.date_start is not None:
            return self.date_start, self.date_end or self.date_start
        if self.published is not None:
            return self.published - UNDATED_WINDOW, self.published
        return None

    @cached_property
    def bounds(self) -> Optional[tuple[date, date]]:
        """``span`` widened by the day of slack a fine date pairs with: two reports fused
        by :func:`date_relation` always have bounds that meet (an event's reports must
        all meet, :func:`cluster`)."""
        if self.span is None or not self.fine:
            return self.span
        return self.span[0] - max(DAY_SLACK.values()), self.span[1]


def _natural(item_id: str) -> tuple:
    """e2 before e10."""
    digits = "".join(ch for ch in item_id if ch.isdigit())
    return (item_id.rstrip("0123456789"), int(digits) if digits else 0, item_id)


def place_relation(a: Report, b: Report) -> str:
    """'same', 'nested', 'different' or 'unknown'."""
    if a.geonameid and b.geonameid:
        if a.geonameid == b.geonameid:
            if a.place_qualifier and b.place_qualifier and a.place_qualifier != b.place_qualifier:
                return "different"
            return "same"
        if a.geonameid == b.place_parent or b.geonameid == a.place_parent:
            return "nested"
        for outer, inner in ((a, b), (b, a)):
            if outer.place_feature == "country" and outer.country and outer.country == inner.country:
                return "nested"
            if (outer.place_feature == "admin1" and outer.admin1 and outer.country == inner.country
                    and outer.admin1 == inner.admin1):
                return "nested"
        return "different"
    if a.place_name and b.place_name:
        return "same" if a.place_name.casefold() == b.place_name.casefold() else "different"
    return "unknown"


def part_of(a: Report, b: Report) -> bool:
    """Whether one report's place is a named part of the other's (east Aleppo of Aleppo,
    a district of its city), not merely inside the same country or province.

    With nobody named, only this nesting fuses: a country or a province sees many attacks
    a day, so a report placed there alone would join whichever one arrived first, and chain
    the attacks of two towns into one event."""
    return bool(a.geonameid and b.geonameid
                and (a.geonameid == b.place_parent or b.geonameid == a.place_parent))


def date_relation(a: Report, b: Report) -> str:
    """'match' (fine dates within the window), 'coarse' (coarse dates, or an undated
    report's publication window, that overlap), 'different' or 'unknown' (an undated report
    of an undated article)."""
    if a.date_start is None or b.date_start is None:
        if a.span is None or b.span is None:
            return "unknown"
        (a_start, a_end), (b_start, b_end) = a.span, b.span
        return "coarse" if a_start <= b_end and b_start <= a_end else "different"
    a_end, b_end = a.date_end or a.date_start, b.date_end or b.date_start
    if a.fine and b.fine:
        slack = max(DAY_SLACK.get(a.precision, timedelta(0)), DAY_SLACK.get(b.precision, timedelta(0)))
        overlap = a.date_start - slack <= b_end and b.date_start - slack <= a_end
        return "match" if overlap else "different"
    return "coarse" if a.date_start <= b_end and b.date_start <= a_end else "different"


def actor_relation(a: Report, b: Report) -> str:
    """'overlap', 'disjoint' or 'unknown' (one side names no actor)."""
    if not (a.codes or a.names) or not (b.codes or b.names):
        return "unknown"
    if a.codes & b.codes or a.names & b.names:
        return "overlap"
    return "disjoint"


def same_happening(a: Report, b: Report, near_duplicates: bool = False) -> bool:
    """Whether two reports (of different articles) describe one happening."""
    if a.article_id == b.article_id or a.type != b.type:
        return False
    when = date_relation(a, b)
    if near_duplicates and a.trigger and a.trigger.casefold() == b.trigger.casefold():
        return STATUS_FAMILY.get(a.status) == STATUS_FAMILY.get(b.status) \
            and when != "different"
    if STATUS_FAMILY.get(a.status) != STATUS_FAMILY.get(b.status) or when == "unknown":
        return False  # undated, and no publication date to bound it: nothing to go by
    place, actors = place_relation(a, b), actor_relation(a, b)
    if "different" in (place, when) or actors == "disjoint":
        return False
    if when == "coarse":  # a loose date needs everything else to agree exactly
        return place == "same" and actors == "overlap"
    if actors == "unknown":  # nobody named: the same place (or a part of it) on the same day
        return (place == "same" or (place == "nested" and part_of(a, b))) \
            and a.precision == b.precision == "day"
    if place == "unknown":
        return True  # same actors within the date window
    return True


def fine_partner_dates(report: Report) -> tuple[date, date, date]:
    """For a fine-dated report: the range a fine-dated partner's start must fall in, and
    the earliest its end may be, for :func:`candidate_pairs` to pair them and
    :func:`date_relation` to find them a match (the store's candidate query uses it)."""
    end = report.date_end or report.date_start
    slack = max(DAY_SLACK.values())
    return report.date_start - FINE_WINDOW, end + slack, report.date_start - slack


def statuses_of_family(status: str) -> Optional[list[str]]:
    """The statuses a report of this status can fuse with (None: any unknown status)."""
    family = STATUS_FAMILY.get(status)
    return None if family is None else sorted(s for s, f in STATUS_FAMILY.items() if f == family)


def candidate_pairs(reports: list[Report], only: set[int] | None = None
                    ) -> list[tuple[int, int]]:
    """Index pairs (i < j) worth testing with :func:`same_happening`, in a fixed order.

    Fine-dated reports meet the fine-dated reports of their type within ``FINE_WINDOW``,
    and the loosely dated ones at the same place (or place name, when not resolved); loosely
    dated reports meet every report of their type at the same place. With ``only``, just the
    pairs that hold one of those indices.
    """
    pairs: set[tuple[int, int]] = set()
    by_type: dict[str, list[int]] = defaultdict(list)
    wanted = None if only is None else {reports[i].type for i in only}
    for index, report in enumerate(reports):
        if wanted is None or report.type in wanted:  # pairs are of one type
            by_type[report.type].append(index)
    for indices in by_type.values():
        fine = sorted((i for i in indices if reports[i].fine),
                      key=lambda i: (reports[i].date_start, i))
        starts = [reports[i].date_start for i in fine]
        placed: dict[str, list[int]] = defaultdict(list)
        loose: dict[str, list[int]] = defaultdict(list)
        for i in indices:
            place = _place_key(reports[i])
            if place:  # an unplaced report with a loose date can match nothing
                placed[place].append(i)
                if not reports[i].fine:
                    loose[place].append(i)
        for i in (indices if only is None else [i for i in indices if i in only]):
            report = reports[i]
            place = _place_key(report)
            if report.fine:
                low = bisect_left(starts, report.date_start - FINE_WINDOW)
                high = bisect_right(starts, (report.date_end or report.date_start) + FINE_WINDOW)
                partners = fine[low:high] + loose.get(place, []) if place else fine[low:high]
            else:
                partners = placed.get(place, []) if place else []
            for j in partners:
                if j != i:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs, key=itemgetter(1, 0))


def partners(reports: list[Report], new: set[tuple[str, str]],
             originals: dict[str, str] | None = None) -> set[tuple[str, str]]:
    """The keys of the reports not in ``new`` that describe the same happening as one of the
    ``new`` reports (:func:`same_happening`, pair by pair).

    The store adds an article by re-clustering the stored events these reports are in
    with the new reports: every such event, not only those a first clustering would join
    (a constraint there, two reports of one article, could hide an event that the
    clustering of every report in order joins: ``add`` and ``fuse()`` then differed)."""
    originals = originals or {}
    reports = sorted(reports, key=attrgetter("order"))
    fresh = {index for index, report in enumerate(reports) if report.key in new}
    found: set[tuple[str, str]] = set()
    for i, j in candidate_pairs(reports, fresh):
        first, second = reports[i], reports[j]
        if (i in fresh) == (j in fresh):
            continue  # two new reports: one article's, never fused
        a_id, b_id = first.article_id, second.article_id
        if same_happening(first, second,
                          near_duplicates=originals.get(a_id, a_id) == originals.get(b_id, b_id)):
            found.add(second.key if i in fresh else first.key)
    return found


def _place_key(report: Report) -> str:
    return report.geonameid or (report.place_name or "").casefold()


@dataclass
class _Component:
    members: list[int]
    articles: set[str]
    sides: dict[int, set[int]] = field(default_factory=dict)  # split id -> sides present
    bounds: Optional[tuple[date, date]] = None  # the dates every member's bounds share


def _meet(first: Optional[tuple[date, date]], second: Optional[tuple[date, date]]
          ) -> Optional[tuple[date, date]]:
    """The dates two ranges share (either None: the other); an empty range when disjoint."""
    if first is None or second is None:
        return first or second
    return max(first[0], second[0]), min(first[1], second[1])


def _disjoint(first: Optional[tuple[date, date]], second: Optional[tuple[date, date]]) -> bool:
    shared = _meet(first, second)
    return shared is not None and shared[0] > shared[1]


def cluster(reports: list[Report], originals: dict[str, str] | None = None,
            splits: dict[tuple[str, str], list[tuple[int, int]]] | None = None,
            fixed: list[list[tuple[str, str]]] = (),
            new: set[tuple[str, str]] | None = None,
            only_new: bool = False) -> list[list[Report]]:
    """The events: groups of reports of one happening, each group in report order.

    ``originals`` maps a near-duplicate article to the article it copies: articles with the
    same original (or one the other's) are near-duplicates of each other;
    ``splits`` maps a report key to the (split id, side) pairs it was given when a user split
    an event: reports on different sides of one split never share an event.

    To add reports to events already fused, pass the events as ``fixed`` groups of report
    keys and the keys of the ``new`` reports: only pairs with a new report are tested;
    with ``only_new``, only the groups that hold a new report are returned.
    """
    splits, originals = splits or {}, originals or {}
    reports = sorted(reports, key=attrgetter("order"))
    position = {report.key: index for index, report in enumerate(reports)}
    parent = list(range(len(reports)))
    components: dict[int, _Component] = {}  # made when first needed: most stay alone

    def component(index: int) -> _Component:
        found = components.get(index)
        if found is None:
            report = reports[index]
            sides: dict[int, set[int]] = defaultdict(set)
            for split_id, side in splits.get(report.key, []):
                sides[split_id].add(side)
            found = components[index] = _Component([index], {report.article_id}, dict(sides),
                                                   report.bounds)
        return found

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def unite(a: int, b: int) -> None:
        keep, gone = (a, b) if a < b else (b, a)
        parent[gone] = keep
        merged, other = component(keep), component(gone)
        del components[gone]
        merged.members += other.members
        merged.articles |= other.articles
        merged.bounds = _meet(merged.bounds, other.bounds)
        for split_id, sides in other.sides.items():
            merged.sides.setdefault(split_id, set()).update(sides)

    for group in fixed:
        members = [position[key] for key in group if key in position]
        if len(members) > 1 and all(parent[m] == m and m not in components for m in members):
            # Members not yet united: one component at once, rooted where uniting them
            # one by one would root it (the lowest index).
            keep = min(members)
            for member in members:
                parent[member] = keep
            sides: dict[int, set[int]] = defaultdict(set)
            for member in members:
                for split_id, side in splits.get(reports[member].key, []):
                    sides[split_id].add(side)
            bounds = None
            for member in members:
                bounds = _meet(bounds, reports[member].bounds)
            components[keep] = _Component(members, {reports[m].article_id for m in members},
                                          dict(sides), bounds)
            continue
        for member in members[1:]:
            a, b = root(members[0]), root(member)
            if a != b:
                unite(a, b)
    fresh = None if new is None else {position[key] for key in new if key in position}
    for i, j in candidate_pairs(reports, fresh):
        a, b = root(i), root(j)
        if a == b:
            continue
        first, second = component(a), component(b)
        if (first.articles & second.articles or _split_apart(first, second)
                or _disjoint(first.bounds, second.bounds)):
            continue  # (intervals that meet pairwise share a date: one test an event)
        a_id, b_id = reports[i].article_id, reports[j].article_id
        dup = originals.get(a_id, a_id) == originals.get(b_id, b_id)
        if same_happening(reports[i], reports[j], near_duplicates=dup):
            unite(a, b)
    groups = [sorted(found.members) for found in components.values()]
    grouped = {i for members in groups for i in members}
    if only_new and fresh is not None:  # the groups holding a new report, nothing else
        groups = [members for members in groups if not fresh.isdisjoint(members)]
        groups += [[i] for i in sorted(fresh) if i not in grouped]
    else:
        groups += [[i] for i in range(len(reports)) if i not in grouped]
    return [[reports[i] for i in members] for members in sorted(groups)]


def _split_apart(first: _Component, second: _Component) -> bool:
    for split_id, sides in first.sides.items():
        other = second.sides.get(split_id)
        if other and (other - sides or sides - other):
            return True
    return False


def event_id(first: Report) -> str:
    """A fused event's id: stable, derived from its first report."""
    digest = hashlib.blake2b(f"{first.article_id}\x1f{first.report_id}".encode("utf-8"),
                             digest_size=6).hexdigest()
    return f"ev{digest}"


def most_precise(reports: Iterable[Report]) -> Optional[Report]:
    """The report with the finest date (ties: the most reported start, then the earliest)."""
    dated = [r for r in reports if r.date_start is not None]
    if not dated:
        return None
    starts = Counter(r.date_start for r in dated)
    return min(dated, key=lambda r: (PRECISION_RANK.get(r.precision or "", 9),
                                     -starts[r.date_start], r.date_start, r.order))


def most_specific_place(reports: Iterable[Report]) -> Optional[Report]:
    """The report whose place is the most specific (inside another, qualified, most named)."""
    placed = [r for r in reports if r.geonameid or r.place_name]
    if not placed:
        return None
    counts = Counter(r.geonameid or r.place_name for r in placed)
    return min(placed, key=lambda r: (r.place_parent is None, r.place_qualifier is None,
                                      r.place_feature == "country", r.geonameid is None,
                                      -counts[r.geonameid or r.place_name], r.order))


def fused_status(reports: Iterable[Report]) -> str:
    """Asserted once any report asserts it; otherwise the first report's status."""
    statuses = [r.status for r in reports]
    return "asserted" if "asserted" in statuses else statuses[0]
