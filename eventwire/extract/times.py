"""The times stage: temporal expressions found, typed and normalised to the calendar.

Three steps, each a plain function:

1. :func:`find_expressions` scans the text with token patterns built from the vocabulary in
   ``eventwire/data/times.json`` and returns :class:`Found` items: where an expression is and
   what it says (a :class:`Spec`), before any calendar arithmetic.
2. :func:`tense_direction` reads the spaCy parse around an expression: past (-1), future
   (+1) or unknown (0), so that "would take place on Saturday" is the next Saturday and
   "said on Thursday" the last one.
3. :func:`resolve` turns a Spec into a TIMEX3 value and the dates of its interval, given the
   anchor (the publication date, or the speech time inside a quote) and the reference time
   (the last date the narrative mentioned, for "the previous evening").

Values follow TimeML TIMEX3 (``2016-12-08``, ``2016-W48``, ``2016-12``, ``2016-SU``, ``P3W``,
``PRESENT_REF``). Absolute dates are checked by python-dateutil; an impossible one
("31 February") is kept with a reason instead of a value. Without a publication date,
relative expressions come out unanchored (``anchor == "none"``) with a reason, never guessed.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Optional

from dateutil import parser as dateutil_parser
from spacy.tokens import Doc, Token

from eventwire.extract import doc_text, next_id, token_at
from eventwire.model import Extraction, Quote, Time

# --- vocabulary ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The word lists of eventwire/data/times.json, loaded once."""
    return json.loads(resources.files("eventwire.data").joinpath("times.json").read_text("utf-8"))


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that it matches greedily."""
    # ties broken by the word itself: set order changes with PYTHONHASHSEED
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


# --- what an expression says, before calendar arithmetic --------------------------------------

GRAINS = ("day", "weekend", "week", "month", "quarter", "half", "season", "year", "decade",
          "century")
UNIT_GRAIN = {"D": "day", "W": "week", "WE": "weekend", "M": "month", "Q": "quarter",
              "Y": "year", "DE": "decade", "CE": "century", "FN": "week"}
SEASONS = ("WI", "SP", "SU", "FA")


@dataclass(frozen=True)
class Spec:
    """What a temporal expression says, independent of any anchor.

    A point is absolute when ``year`` is known and ``shift`` is None; relative points are
    ``shift`` steps of ``grain`` from the base date (the anchor, or the reference time when
    ``base == "reference"``); a missing year or an unshifted weekday is chosen by tense.
    """

    type: str = "DATE"
    grain: Optional[str] = None
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    index: Optional[int] = None       # quarter, half, season (0..3) number
    weekday: Optional[int] = None     # 0 = Monday
    weekday_hint: Optional[int] = None  # the weekday printed beside a date without a year
    shift: Optional[int] = None       # steps of grain from the base; None = by tense
    past_shift: Optional[int] = None  # the shift instead, in a past-tense sentence
    year_shift: Optional[int] = None  # "July last year": the year is this many from the base's
    quarter_echo: bool = False        # "a year earlier" after a quarter: that quarter a year before
    base: str = "anchor"              # anchor | reference
    part: Optional[str] = None        # part of day: MO AF EV NI
    clock: Optional[str] = None       # "10:30"
    value: Optional[str] = None       # a value that needs no calendar (P3W, PRESENT_REF, P1D)
    span_days: int = 0                # duration length in days, to place it on the calendar
    span_direction: int = 0           # -1: ends at the base ("the past three weeks"), +1: starts there
    mod: Optional[str] = None         # START MID END: the part of the interval meant
    approximate: bool = False
    reason: Optional[str] = None      # why no value can be given

    @property
    def relative(self) -> bool:
        """Whether the value depends on an anchor."""
        if self.reason or self.type == "SET":
            return False
        if self.value is not None:
            return self.value == "PRESENT_REF" or self.span_direction != 0
        return self.year is None or self.shift is not None or self.year_shift is not None


@dataclass(frozen=True)
class Found:
    """A temporal expression located in the text."""

    start: int
    end: int
    rule: str
    spec: Spec


@dataclass(frozen=True)
class Resolved:
    value: Optional[str]
    start: Optional[date]
    end: Optional[date]
    reason: Optional[str] = None


# --- calendar points ---------------------------------------------------------------------------


def _season_of(day: date) -> tuple[int, int]:
    """(year, season index) of a day, seasons by meteorological quarters (Dec-Feb = winter)."""
    if day.month == 12:
        return day.year + 1, 0
    return day.year, (day.month % 12) // 3


def point_of(day: date, grain: str) -> tuple:
    """The point of a grain holding a day, as a tuple that ``shift_point`` can step."""
    if grain == "day":
        return (day.toordinal(),)
    if grain in ("week", "weekend"):
        monday = day - timedelta(days=day.weekday())
        return (monday.toordinal() // 7,)
    if grain == "month":
        return (day.year * 12 + day.month - 1,)
    if grain == "quarter":
        return (day.year * 4 + (day.month - 1) // 3,)
    if grain == "half":
        return (day.year * 2 + (day.month - 1) // 6,)
    if grain == "season":
        year, index = _season_of(day)
        return (year * 4 + index,)
    if grain == "year":
        return (day.year,)
    if grain == "decade":
        return (day.year // 10,)
    return (day.year // 100,)  # century


def shift_point(point: tuple, steps: int) -> tuple:
    return (point[0] + steps,)


def point_value(point: tuple, grain: str) -> str:
    n = point[0]
    if grain == "day":
        return date.fromordinal(n).isoformat()
    if grain in ("week", "weekend"):
        year, week, _ = date.fromordinal(n * 7 + 1).isocalendar()  # ordinal 1 is a Monday
        return f"{year:04d}-W{week:02d}" + ("-WE" if grain == "weekend" else "")
    if grain == "month":
        return f"{n // 12:04d}-{n % 12 + 1:02d}"
    if grain == "quarter":
        return f"{n // 4:04d}-Q{n % 4 + 1}"
    if grain == "half":
        return f"{n // 2:04d}-H{n % 2 + 1}"
    if grain == "season":
        return f"{n // 4:04d}-{SEASONS[n % 4]}"
    if grain == "year":
        return f"{n:04d}"
    if grain == "decade":
        return f"{n:03d}"
    return f"{n:02d}"


def point_interval(point: tuple, grain: str) -> tuple[date, date]:
    n = point[0]
    if grain == "day":
        return date.fromordinal(n), date.fromordinal(n)
    if grain == "week":
        return date.fromordinal(n * 7 + 1), date.fromordinal(n * 7 + 7)
    if grain == "weekend":
        return date.fromordinal(n * 7 + 6), date.fromordinal(n * 7 + 7)
    if grain in ("month", "quarter", "half"):
        months = {"month": 1, "quarter": 3, "half": 6}[grain]
        first = n * months
        last = first + months  # first month of the next period
        return (date(first // 12, first % 12 + 1, 1),
                date(last // 12, last % 12 + 1, 1) - timedelta(days=1))
    if grain == "season":
        year, index = divmod(n, 4)
        starts = {0: (year - 1, 12), 1: (year, 3), 2: (year, 6), 3: (year, 9)}
        first_year, first_month = starts[index]
        start = date(first_year, first_month, 1)
        end_month = first_month + 3
        end = date(first_year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1) - timedelta(days=1)
        return start, end
    years = {"year": 1, "decade": 10, "century": 100}[grain]
    return date(max(n * years, 1), 1, 1), date(n * years + years - 1, 12, 31)


def narrow(interval: tuple[date, date], mod: Optional[str]) -> tuple[date, date]:
    """The first, middle or last third of an interval ("early", "mid", "late")."""
    start, end = interval
    length = (end - start).days
    if mod is None or length < 3:
        return interval
    third = length // 3
    if mod == "START":
        return start, start + timedelta(days=third)
    if mod == "END":
        return end - timedelta(days=third), end
    return start + timedelta(days=third), end - timedelta(days=third)


def spec_point(spec: Spec) -> Optional[tuple]:
    """The point of an absolute Spec (year known, no shift)."""
    grain, year = spec.grain, spec.year
    if grain == "day":
        return (date(year, spec.month, spec.day).toordinal(),)
    if grain == "month":
        return (year * 12 + spec.month - 1,)
    if grain == "quarter":
        return (year * 4 + spec.index - 1,)
    if grain == "half":
        return (year * 2 + spec.index - 1,)
    if grain == "season":
        return (year * 4 + spec.index,)
    if grain == "year":
        return (year,)
    if grain == "decade":
        return (year // 10,)
    if grain == "century":
        return (year // 100,)
    return None


# --- resolving a Spec on the calendar ----------------------------------------------------------


def _choose_year(month_day: tuple, base_month_day: tuple, base_year: int, direction: int,
                 shift: Optional[int]) -> int:
    """The year of a month (and day) given without one, by explicit shift or by tense."""
    if shift is not None:  # "last March" / "next March" / "this March"
        if shift < 0:
            return base_year if month_day < base_month_day else base_year - 1
        if shift > 0:
            return base_year if month_day > base_month_day else base_year + 1
        return base_year
    if direction < 0:
        return base_year if month_day <= base_month_day else base_year - 1
    if direction > 0:
        return base_year if month_day >= base_month_day else base_year + 1
    return base_year


def _nearest(base: date, on: Callable[[int], date]) -> date:
    """Of the same month (and day) last year, this year and next year, the one nearest to base."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(on(year))
        except ValueError:  # 29 February
            continue
    return min(candidates, key=lambda day: (abs((day - base).days), day > base))


def _by_tense(base: date, on: Callable[[int], date], direction: int, near: timedelta) -> date:
    """A month (or day) given without its year: the nearest one when the tense says nothing;
    in a past-tense clause the last one, unless the next one is only days away ("was extended
    to Nov. 16"); in a future-tense clause the next one."""
    before = [d for d in _around(base, on) if d <= base]
    after = [d for d in _around(base, on) if d >= base]
    last, coming = (before[-1] if before else None), (after[0] if after else None)
    if direction > 0 and coming:
        return coming
    if direction < 0 and last:
        return coming if coming and coming - base <= near else last
    return _nearest(base, on)


def _around(base: date, on: Callable[[int], date]) -> list[date]:
    found = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            found.append(on(year))
        except ValueError:  # 29 February
            continue
    return found


def _year_by_weekday(base: date, month: int, day_number: int, weekday: int) -> date:
    candidates = []
    for year in range(base.year - 3, base.year + 4):
        try:
            candidate = date(year, month, day_number)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            candidates.append(candidate)
    if not candidates:
        raise ValueError(f"{month}/{day_number} is not that weekday in any nearby year")
    return min(candidates, key=lambda day: abs((day - base).days))


def _weekday_date(base: date, weekday: int, shift: Optional[int], direction: int) -> date:
    delta = weekday - base.weekday()
    if shift == 0:      # "this Thursday": in the base's week
        return base + timedelta(days=delta)
    if shift == -1:     # "last Thursday": the one strictly before
        return base + timedelta(days=(delta % 7) - 7 if delta % 7 else -7)
    if shift == 1:      # "next Thursday": the one strictly after
        return base + timedelta(days=delta % 7 or 7)
    back, ahead = base - timedelta(days=(-delta) % 7), base + timedelta(days=delta % 7)
    if direction < 0:
        return back
    if direction > 0:
        return ahead
    return back  # news reports what happened: an undated weekday is the last one


def resolve(spec: Spec, anchor: Optional[date], reference: Optional[date] = None,
            direction: int = 0) -> Resolved:
    """A Spec's TIMEX3 value and interval, given the anchor and reference dates."""
    if spec.reason:
        return Resolved(None, None, None, spec.reason)
    base = reference if spec.base == "reference" and reference else anchor
    if spec.value is not None:  # durations, sets, PRESENT_REF, PAST_REF ...
        if spec.value == "PRESENT_REF" and base:
            return Resolved(spec.value, base, base)
        if spec.span_direction and base:
            other = base + timedelta(days=spec.span_direction * spec.span_days)
            return Resolved(spec.value, min(base, other), max(base, other))
        return Resolved(spec.value, None, None)
    if spec.relative and base is None:
        return Resolved(None, None, None, "relative expression with no date to anchor it "
                                          "(the article has no publication date)")
    try:
        point, grain = _spec_point_at(spec, base, direction)
    except (ValueError, OverflowError):  # 30 February, or a year out of the calendar's range
        return Resolved(None, None, None, "no such date on the calendar")
    value = point_value(point, grain)
    start, end = narrow(point_interval(point, grain), spec.mod)
    if spec.part or spec.clock:
        value += "T" + (spec.clock or spec.part)
    return Resolved(value, start, end)


def _spec_point_at(spec: Spec, base: Optional[date], direction: int) -> tuple[tuple, str]:
    grain = spec.grain
    if spec.year_shift is not None:
        spec = replace(spec, year=base.year + spec.year_shift, year_shift=None)
    if spec.weekday is not None:
        day = _weekday_date(base, spec.weekday, spec.shift, direction)
        return point_of(day, "day"), "day"
    if spec.year is None and spec.shift is None:  # month, day-of-month, season, quarter: by tense
        if grain == "day":
            if spec.weekday_hint is not None:  # "Monday, Oct. 26": the year that makes it a Monday
                return (_year_by_weekday(base, spec.month, spec.day, spec.weekday_hint).toordinal(),), "day"
            on = (lambda year: date(year, spec.month, spec.day))
            return (_by_tense(base, on, direction, timedelta(days=45)).toordinal(),), "day"
        if grain == "month":
            on = (lambda year: date(year, spec.month, 1))
            first = _by_tense(base.replace(day=1), on, direction, timedelta(days=31))
            return (first.year * 12 + spec.month - 1,), "month"
        if grain == "season":
            base_year, base_index = _season_of(base)
            year = _choose_year((spec.index,), (base_index,), base_year, direction, None)
            return (year * 4 + spec.index,), "season"
        if grain == "quarter":  # "the third quarter" is this year's unless it is yet to come
            base_index = (base.month - 1) // 3 + 1
            year = base.year if spec.index <= base_index or direction > 0 else base.year - 1
            return (year * 4 + spec.index - 1,), "quarter"
        if grain == "half":
            return (base.year * 2 + spec.index - 1,), "half"
    if spec.year is None and spec.month is not None:  # "last March", "next May"
        year = _choose_year((spec.month,), (base.month,), base.year, direction, spec.shift)
        return (year * 12 + spec.month - 1,), "month"
    if spec.year is None and spec.index is not None and grain == "season":  # "last winter"
        base_year, base_index = _season_of(base)
        year = _choose_year((spec.index,), (base_index,), base_year, direction, spec.shift)
        return (year * 4 + spec.index,), "season"
    if spec.shift is not None:
        steps = spec.past_shift if spec.past_shift is not None and direction < 0 else spec.shift
        return shift_point(point_of(base, grain), steps), grain
    return spec_point(spec), grain


# --- finding expressions -----------------------------------------------------------------------

Handler = Callable[[re.Match, str], Optional[Spec]]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    handler: Handler
    trigger: str  # the TRIGGERS entry whose words every match of the rule holds


# which rule looks near which trigger words (see trigger_patterns)
RULE_TRIGGERS = {
    "months": ("month_day_year", "day_month_year", "month_year", "month_day", "day_month", "month",
               "month_set"),
    "digits": ("iso_date", "slash_date", "year", "decade", "bc_year"),
    "century": ("century",),
    "quarter": ("quarter", "fiscal_quarter"),
    "seasons": ("season", "direction_season"),
    "holidays": ("holiday",),
    "weekdays": ("weekday", "weekday_set"),
    "deictic": ("deictic",),
    "day_parts": ("this_part", "overnight"),
    "units": ("anaphoric", "direction_unit", "span_units", "ago", "into", "duration", "unit_long",
              "bare_units", "set", "definite_unit", "vague_ago", "vague_span"),
    "clock": ("clock", "clock_zone", "noon"),
    "spoken": ("spoken_year", "spoken_decade"),
    "refs": ("present_ref", "past_ref", "future_ref"),
    "set_adverbs": ("set_adverb",),
}


def _number(word: str) -> float | str | None:
    """The value of a number word or numeral ("three" -> 3, "several" -> "X")."""
    word = " ".join(word.lower().replace(",", "").split())
    numbers = vocabulary()["numbers"]
    if word.endswith(" 1/2") and word[:-4].isdigit():  # "5 1/2 hours"
        return int(word[:-4]) + 0.5
    if word in numbers:
        return numbers[word]
    try:
        return float(word) if "." in word else int(word)
    except ValueError:
        pass
    if "-" in word or " " in word:  # "twenty-five", "twenty four"
        tens, _, ones = word.replace("-", " ").partition(" ")
        if isinstance(numbers.get(tens), int) and isinstance(numbers.get(ones), int):
            return numbers[tens] + numbers[ones]
    return None


def _duration_value(amount: float | str, unit: str) -> str:
    """TIMEX3 duration: P3W, PT4H, P10Y for a decade, PXY for "years"."""
    time_units = {"H": "H", "MIN": "M", "S": "S"}
    if unit == "FN":
        unit, amount = "W", amount * 2 if amount != "X" else "X"
    if unit in ("DE", "CE") and amount != "X":
        amount, unit = amount * (10 if unit == "DE" else 100), "Y"
    if amount == "X":
        return f"PT{'X'}{time_units[unit]}" if unit in time_units else f"PX{unit}"
    smaller = {"Y": (12, "M"), "M": (4, "W"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"),
               "MIN": (60, "S")}
    whole = int(amount)
    parts = [(whole, unit)] if whole else []
    rest = amount - whole
    if rest and unit in smaller:  # "five and a half hours" -> PT5H30M
        factor, small = smaller[unit]
        parts.append((int(round(rest * factor)), small))
    date_part = "".join(f"{n}{u}" for n, u in parts if u not in time_units)
    time_part = "".join(f"{n}{time_units[u]}" for n, u in parts if u in time_units)
    return "P" + date_part + (("T" + time_part) if time_part else "")


def _unit_code(word: str) -> str:
    return vocabulary()["units"][word.lower()]


def _days_in(amount: float | str, unit: str) -> int:
    per_unit = {"D": 1, "W": 7, "FN": 14, "M": 30, "Q": 91, "Y": 365, "DE": 3652, "CE": 36524,
                "WE": 2}
    if amount == "X" or unit not in per_unit:
        return 0
    return int(round(amount * per_unit[unit]))


def _mod(words: Optional[str]) -> Optional[str]:
    if not words:
        return None
    key = words.strip().lower().rstrip("-").strip()
    mods = vocabulary()["part_modifiers"]
    return mods.get(key) or mods.get(key + "-")


def _year(text: str) -> int:
    return int(text)


def _month(text: str) -> int:
    return vocabulary()["months"][text.rstrip(".")]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _checked_date(year: int, month: int, day: int, text: str) -> Spec:
    """A day Spec, or one with a reason when the date does not exist ("31 February")."""
    try:
        parsed = dateutil_parser.parse(f"{year:04d}-{month:02d}-{day:02d}")
    except (ValueError, OverflowError):
        return Spec(grain="day", reason=f"no such date: {text!r}")
    return Spec(grain="day", year=parsed.year, month=parsed.month, day=parsed.day)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every pattern, compiled once from the vocabulary."""
    v = vocabulary()
    month = rf"(?P<month>{_alternation(v['months'])})\.?"
    weekday = rf"(?P<weekday>{_alternation(v['weekdays'])})"
    opt_weekday = rf"(?:(?:{_alternation(v['weekdays'])}),?\s+)?"  # the comma and space follow any weekday
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>1\d{3}|20\d{2})"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    number = (rf"(?P<number>(?:{tens})[\s-](?:{ones})\b|{_alternation(k for k in v['numbers'] if k != 'the')}|"
              r"\d+(?:\s+1/2|\.\d+)?)")
    unit = rf"(?P<unit>{_alternation(v['units'])})"
    season = rf"(?P<season>{_alternation(v['seasons'])})"
    part = rf"(?P<part>{_alternation(v['day_parts'])})"
    mod = rf"(?:(?P<mod>{_alternation(v['part_modifiers'])})[\s-]*)"
    direction = rf"(?P<direction>{_alternation(v['directions'])})"
    ordinal = rf"(?P<ordinal>{_alternation(v['ordinals'])})"
    # not inside a word, a number or an amount; but the second year of "1861-1863"
    left = r"(?:(?<=\d{4}[-\u2013])|(?<![\w$£€#.,/\u2013-]))"
    # hedges that bound an amount belong to the expression in TimeML ("nearly two years")
    bound = rf"(?:(?P<bound>{_alternation(v['bounding_hedges'])})\s+)?"
    i = re.IGNORECASE

    trigger_of = {name: trigger for trigger, names in RULE_TRIGGERS.items() for name in names}

    def rule(name: str, pattern: str, handler: Handler, flags: int = 0) -> Rule:
        return Rule(name, re.compile(pattern, flags), handler, trigger_of[name])

    return (
        rule("month_day_year", rf"\b{opt_weekday}{mod}?{month}\s+{day},?\s+{year}\b", _month_day_year),
        rule("day_month_year", rf"\b{opt_weekday}(?:the\s+)?{day}(?:\s+of)?\s+{month},?\s+{year}\b",
             _month_day_year),
        rule("iso_date", r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:T(?P<clock>\d\d:\d\d))?\b",
             _numeric_date),
        rule("slash_date", r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d{2})\b", _numeric_date),
        rule("month_year", rf"\b{mod}?{month},?\s+(?:of\s+)?{year}\b", _month_year),
        rule("month_day", rf"\b(?:{weekday},?\s+)?{mod}?{month}\s+{day}\b(?![,.]?\d|\s*(?:%|percent))", _month_day),
        rule("day_month", rf"\b(?:the\s+)?{day}(?:\s+of)?\s+{month}\b", _month_day),
        rule("month", rf"\b(?:(?:{direction}|{mod})\s*)?{month}\b(?!-)", _month_alone),
        rule("year", rf"{left}(?:{mod}|(?P<fiscal>(?:the\s+)?(?:fiscal|calendar|financial)\s+(?:year\s+)?)|"
                     rf"(?P<the_year>the\s+year\s+))?{year}(?!\s*%|\s+percent|[\d,]\d|-\d\d?\b|\.\d)"
                     r"(?P<suffix>'s)?", _year_rule),
        rule("bc_year", r"\b(?:c(?:a)?\.\s*)?(?P<bc>\d{1,4})\s*(?:BCE?|B\.C\.(?:E\.)?)", _bc_year),
        rule("decade", rf"\b(?:the\s+)?{mod}?(?:(?P<decade>1\d{{2}}0|20\d0)|'(?P<short>\d0))'?s\b", _decade),
        rule("century", rf"\b(?:the\s+)?{mod}?(?:{ordinal}|(?P<nth>\d{{1,2}})(?:st|nd|rd|th))[\s-]+century\b",
             _century, i),
        rule("quarter", rf"\b(?:the\s+(?!\w+-quarter\b))?(?:{ordinal}|(?P<rel>year-earlier|year-ago|latest|current|"
                        rf"previous|next|same|comparable))[\s-]+(?P<which>quarter|half)"
                        rf"(?:\s+(?:of\s+)?{year})?\b", _quarter, i),
        rule("fiscal_quarter", rf"\bQ(?P<index>[1-4])\s*(?:{year})?\b", _quarter),
        rule("season", rf"\b(?:(?:{direction}|(?:the\s+)?{mod}|(?P<det>the|in|during|this))\s+)?{season}"
                       rf"(?:\s+(?:of\s+)?{year})?\b", _season, i),
        rule("holiday", rf"\b(?P<holiday>{_alternation(v['holidays'])})(?:\s+{year})?\b", _holiday),
        rule("weekday", rf"\b(?:(?P<wdir>last|this|next|coming|past|previous|the\s+previous|the\s+following|early|late)\s+)?{weekday}"
                        rf"(?:'s)?(?:\s+{part})?\b", _weekday),
        rule("deictic", rf"\b(?P<before>the\s+day\s+(?:before|after)\s+)?(?P<deictic>today|tonight|yesterday|tomorrow)"
                        rf"(?:'s)?(?:\s+{part})?\b", _deictic, i),
        rule("this_part", rf"\b(?P<which>this|last|early\s+this|late\s+last|late\s+this)\s+{part}\b", _this_part, i),
        rule("anaphoric", r"\b(?:(?P<the>the)\s+)?(?P<rel>previous|next|following|same|preceding|prior|that|the\s+day\s+before|the\s+day\s+after)"
                          r"(?:\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year|weekend))?\b",
             _anaphoric, i),
        rule("direction_unit", rf"\b{mod}?(?P<the>the\s+)?{direction}\s+(?P<unit>week|weekend|month|year|quarter|"
                               rf"decade|century|fortnight)\b", _direction_unit, i),
        rule("direction_season", rf"\b{mod}?(?P<the>the\s+)?{direction}\s+{season}\b", _season, i),
        rule("span_units", rf"\b(?P<the>the\s+)?(?P<which>past|last|next|coming|previous|first|final|following|"
                           rf"recent|latest)\s+{number}\s+(?:(?:trading|business|working|full|straight|consecutive)\s+)?{unit}"
                           r"(?:\s+or\s+so)?\b",
             _span_units, i),
        rule("ago", rf"\b{bound}{number}[\s-]+(?:more\s+)?{unit}\s+(?P<rel>ago|from\s+now|hence|back\b(?!\s+(?:to|in|from|into|on))|(?:earlier|later)\b(?!\s+(?:than|to)\b))",
             _ago, i),
        rule("into", rf"\b(?P<core>{number}\s+{unit})\s+into\b", _into, i),
        rule("duration", rf"\b{bound}(?P<the>the\s+)?{number}(?:\s+|-)(?P<half>and\s+a\s+half\s+|and-a-half-)?(?:(?:more|additional|other|extra|straight|consecutive|full|trading|business|working)\s+)?"
                         rf"{unit}(?P<adj>-long|-old)?(?P<half_after>\s+and\s+a\s+half)?(?:\s+or\s+so)?\b(?!\s+old\b)", _duration, i),
        rule("unit_long", r"\b(?P<unit>days|weeks|months|years|decades|day|week|month|year|decade|hour|hours)-long\b",
             _unit_long, i),
        rule("bare_units", r"\b(?:for|over|in|within|of|than|after|take|took|takes|lasted|last|past|recent)\s+"
                           r"(?P<core>(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries))\b", _bare_units, i),
        rule("set", rf"\b(?P<every>every|each|per|a)\s+(?P<other>other\s+)?(?:{unit}|{weekday}|{season})\b", _set_rule, i),
        rule("month_set", rf"\b(?:every|each)\s+{month}\b", _month_set),
        rule("set_adverb", rf"\b(?P<adverb>{_alternation(v['set_adverbs'])})\b", _set_adverb, i),
        rule("clock", r"\b(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)"
                      rf"(?:\s+(?P<zone>{_alternation(v['time_zones'])})\b)?", _clock, i),
        rule("clock_zone", rf"\b(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\s*(?P<zone>{_alternation(v['time_zones'])})\b",
             _clock),
        rule("noon", r"\b(?P<noon>noon|midday|midnight)\b", _clock, i),
        rule("definite_unit", rf"\b{mod}?the\s+(?:(?:current\s+)?(?:fiscal|full|calendar)\s+)?(?P<unit>quarter|year|week|month|weekend)\b"
                              r"(?![-\u2019']|\s+(?:of|before|after|earlier|later|ago|to|in\s+which|when|that|\d))",
             _definite_unit, i),
        rule("spoken_year", rf"\b(?:the\s+year\s+)?(?P<spoken>nineteen(?:\s+hundred)?(?:\s+and)?\s+(?:(?:{tens})(?:[\s-](?:{ones}))?\b|"
                            rf"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:oh[\s-])?(?:{ones}))|"
                            rf"two\s+thousand(?:\s+and)?(?:\s+(?:{ones}|ten|eleven|twelve))?)\b", _spoken_year, i),
        rule("spoken_decade", r"\bthe\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?P<word>twenties|thirties|forties|fifties|sixties|"
                              r"seventies|eighties|nineties)\b", _spoken_decade, i),
        rule("vague_ago", r"\b(?P<unit>years|months|weeks|days|decades)\s+ago\b", _ref("PAST_REF"), i),
        rule("overnight", r"\bovernight\b", _overnight, i),
        rule("weekday_set", rf"\b(?P<weekdays>{_alternation(v['weekdays_plural'])})\b", _weekday_set),
        rule("present_ref", rf"\b(?:{_alternation(v['present_ref'])})\b(?!\s+that\b|-)", _ref("PRESENT_REF"), i),
        rule("past_ref", rf"\b(?:{_alternation(v['past_ref'])})\b", _ref("PAST_REF"), i),
        rule("future_ref", rf"\b(?:{_alternation(v['future_ref'])})\b(?!\s+(?:as|after|enough)\b|-)", _ref("FUTURE_REF"), i),
        rule("vague_span", r"\b(?:(?P<the>the)\s+)?(?P<which>coming|next|past|last|recent|previous|following)\s+"
                           r"(?P<unit>days|weeks|months|years|decades|quarters|hours)\b", _vague_span, i),
    )


# handlers: a match (and the text, for context) -> Spec, or None to reject


def _before(text: str, match: re.Match, chars: int = 24) -> str:
    return text[max(0, match.start() - chars):match.start()]


def _month_day_year(m: re.Match, text: str) -> Spec:
    day_number = _day_number(m["day"])
    spec = _checked_date(_year(m["year"]), _month(m["month"]), day_number, m.group())
    return replace(spec, mod=_mod(m.groupdict().get("mod")))


def _numeric_date(m: re.Match, text: str) -> Optional[Spec]:
    year = int(m["year"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    spec = _checked_date(year, int(m["month"]), int(m["day"]), m.group())
    if m.groupdict().get("clock") and not spec.reason:
        return replace(spec, type="TIME", clock=m["clock"])
    return spec


def _month_year(m: re.Match, text: str) -> Spec:
    return Spec(grain="month", year=_year(m["year"]), month=_month(m["month"]), mod=_mod(m["mod"]))


def _month_day(m: re.Match, text: str) -> Optional[Spec]:
    day_number = _day_number(m["day"])
    month = _month(m["month"])
    try:
        date(2000, month, day_number)  # a leap year: 29 February exists
    except ValueError:
        return Spec(grain="day", reason=f"no such date: {m.group()!r}")
    hint = vocabulary()["weekdays"][m["weekday"]] if m.groupdict().get("weekday") else None
    return Spec(grain="day", month=month, day=day_number, mod=_mod(m.groupdict().get("mod")),
                weekday_hint=hint)


def _month_alone(m: re.Match, text: str) -> Optional[Spec]:
    name = m["month"]
    shift = None
    if m["direction"]:
        shift = vocabulary()["directions"][m["direction"].lower()]
    elif not m["mod"] and name in vocabulary()["months_needing_context"]:
        previous = re.findall(r"[A-Za-z]+", _before(text, m))
        if not previous or previous[-1].lower() not in vocabulary()["month_context_before"]:
            return None
    if len(name) <= 4 and not m.group().endswith(".") and name not in ("June", "July", "May"):
        # a bare abbreviation ("Mar", "Sun"-like) without its full stop is too ambiguous
        return None
    return Spec(grain="month", month=_month(name), shift=shift, mod=_mod(m["mod"]))


def _year_rule(m: re.Match, text: str) -> Optional[Spec]:
    value = int(m["year"])
    if m["suffix"]:  # "1990's" is a decade
        return None
    has_cue = m["mod"] or m["fiscal"] or m["the_year"]
    if not has_cue:
        previous = re.findall(r"[A-Za-z]+", _before(text, m, 12))
        after_preposition = previous and previous[-1].lower() in {
            "in", "since", "by", "until", "from", "of", "to", "and", "through", "during", "before",
            "after", "between", "early", "late", "mid", "year", "summer", "spring", "winter",
            "autumn", "fall", "or", "till", "around", "circa", "c"}
        if not (1900 <= value <= 2099 or (1000 <= value < 1900 and after_preposition)):
            return None
    return Spec(grain="year", year=value, mod=_mod(m["mod"]))


def _bc_year(m: re.Match, text: str) -> Spec:
    """A year before the common era: TIMEX3 writes it BC0493; the calendar here starts at 1."""
    return Spec(value=f"BC{int(m['bc']):04d}")


def _decade(m: re.Match, text: str) -> Spec:
    if m["decade"]:
        first = int(m["decade"])
    else:  # "the '90s": the century of the 20th (or 21st for '00s-'20s)
        short = int(m["short"])
        first = (2000 if short <= 20 else 1900) + short
    return Spec(grain="decade", year=first, mod=_mod(m["mod"]))


def _century(m: re.Match, text: str) -> Spec:
    nth = int(m["nth"]) if m["nth"] else vocabulary()["ordinals"][m["ordinal"].lower()]
    return Spec(grain="century", year=(nth - 1) * 100, mod=_mod(m["mod"]))


def _quarter(m: re.Match, text: str) -> Optional[Spec]:
    groups = m.groupdict()
    which = (groups.get("which") or "quarter").lower()
    grain = "half" if which == "half" else "quarter"
    year = _year(groups["year"]) if groups.get("year") else None
    if groups.get("index"):
        return Spec(grain="quarter", index=int(groups["index"]), year=year)
    rel = (groups.get("rel") or "").lower()
    if rel:
        shifts = {"year-earlier": -5, "year-ago": -5, "previous": -1, "next": 1, "latest": -1,
                  "current": 0, "same": 0, "comparable": -4}
        steps = shifts[rel]
        if grain == "half":
            steps = {-5: -3}.get(steps, steps)
        return Spec(grain=grain, shift=steps, quarter_echo=steps == -5)
    index = vocabulary()["ordinals"][groups["ordinal"].lower()]
    if index > (2 if grain == "half" else 4):
        return None
    return Spec(grain=grain, index=index, year=year)


def _season(m: re.Match, text: str) -> Optional[Spec]:
    groups = m.groupdict()
    word = groups["season"].lower()
    index = SEASONS.index(vocabulary()["seasons"][word])
    year = _year(groups["year"]) if groups.get("year") else None
    cue = groups.get("direction") or groups.get("mod") or groups.get("det")
    if not cue and year is None:
        return None
    if word in ("fall", "spring") and not (year or groups.get("direction") or groups.get("mod")
                                           or (groups.get("det") or "").lower() in ("the", "this")):
        return None  # "fall" and "spring" are verbs far more often than seasons
    shift = None
    if groups.get("direction"):
        shift = vocabulary()["directions"][groups["direction"].lower()]
    elif (groups.get("det") or "").lower() == "this":
        shift = 0
    return Spec(grain="season", index=index, year=year, shift=shift, mod=_mod(groups.get("mod")))


def _holiday(m: re.Match, text: str) -> Spec:
    month, day_number = (int(x) for x in vocabulary()["holidays"][m["holiday"]].split("-"))
    if m["year"]:
        return Spec(grain="day", year=_year(m["year"]), month=month, day=day_number)
    return Spec(grain="day", month=month, day=day_number)


def _weekday(m: re.Match, text: str) -> Spec:
    weekday_index = vocabulary()["weekdays"][m["weekday"]]
    wdir = " ".join((m["wdir"] or "").lower().split())
    shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1,
             "the previous": -1, "the following": 1}.get(wdir)
    base = "reference" if wdir.startswith("the ") else "anchor"
    mod = {"early": "START", "late": "END"}.get((m["wdir"] or "").lower())
    part = vocabulary()["day_parts"][m["part"].lower()] if m["part"] else None
    return Spec(type="TIME" if part else "DATE", grain="day", weekday=weekday_index, shift=shift,
                part=part, mod=mod, base=base)


def _deictic(m: re.Match, text: str) -> Spec:
    word = m["deictic"].lower()
    shift = vocabulary()["deictic_days"][word]
    if m["before"]:
        shift += -1 if "before" in m["before"].lower() else 1
    part = vocabulary()["day_parts"][m["part"].lower()] if m["part"] else None
    if word == "tonight":
        part = "NI"
    return Spec(type="TIME" if part else "DATE", grain="day", shift=shift, part=part)


def _this_part(m: re.Match, text: str) -> Spec:
    which = m["which"].lower()
    part = vocabulary()["day_parts"][m["part"].lower()]
    shift = -1 if which.endswith("last") else 0  # "last night" is yesterday's
    return Spec(type="TIME", grain="day", shift=shift, part=part)


def _anaphoric(m: re.Match, text: str) -> Optional[Spec]:
    rel = " ".join(m["rel"].lower().split())
    unit = (m["unit"] or "").lower()
    if rel in ("the day before", "the day after"):
        if unit:
            return None
        return Spec(grain="day", shift=-1 if rel.endswith("before") else 1, base="reference")
    if not unit:
        return None
    if rel == "that" or rel == "same":
        if rel == "same" and not m["the"]:
            return None
        shift = 0
    elif rel in ("previous", "preceding", "prior"):
        shift = -1
    else:
        if not m["the"]:  # "next week" is deictic: the direction_unit rule takes it
            return None
        shift = 1
    if unit in vocabulary()["day_parts"]:
        return Spec(type="TIME", grain="day", shift=shift, part=vocabulary()["day_parts"][unit],
                    base="reference")
    grain = {"day": "day", "week": "week", "month": "month", "year": "year", "weekend": "weekend"}[unit]
    return Spec(grain=grain, shift=shift, base="reference")


def _direction_unit(m: re.Match, text: str) -> Optional[Spec]:
    word = m["direction"].lower()
    unit = m["unit"].lower()
    the = bool(m["the"]) or word.startswith("the ")
    word = word.removeprefix("the ").strip()
    shift = vocabulary()["directions"].get(word, 0)
    grain = UNIT_GRAIN[_unit_code(unit)]
    if the and word == "past":  # "the past week": the week up to now, a duration
        code = _unit_code(unit)
        return Spec(type="DURATION", value=_duration_value(1, code), span_days=_days_in(1, code),
                    span_direction=-1)
    base = "anchor"
    if the and word in ("previous", "preceding", "following", "next", "same", "prior"):
        base = "reference"  # "the previous week", "the following year": from the narrative's time
    return Spec(grain=grain, shift=shift, base=base, mod=_mod(m["mod"]))


def _span_units(m: re.Match, text: str) -> Optional[Spec]:
    amount = _number(m["number"])
    if amount is None:
        return None
    code = _unit_code(m["unit"])
    which = m["which"].lower()
    direction = 1 if which in ("next", "coming", "following") else -1
    if which == "first":
        direction = 0
    return Spec(type="DURATION", value=_duration_value(amount, code),
                span_days=_days_in(amount, code), span_direction=direction)


def _ago(m: re.Match, text: str) -> Optional[Spec]:
    amount = _number(m["number"])
    if amount is None or m["number"].lower() == "the":
        return None
    code = _unit_code(m["unit"])
    rel = " ".join(m["rel"].lower().split())
    sign = 1 if rel in ("later", "from now", "hence") else -1
    base = "reference" if rel in ("earlier", "later") else "anchor"
    if amount == "X":
        return Spec(value="PAST_REF" if sign < 0 else "FUTURE_REF")
    if code in ("H", "MIN", "S"):
        return Spec(grain="day", shift=0, base=base)
    grain = UNIT_GRAIN.get(code, "day")
    steps = int(amount * (2 if code == "FN" else 1))
    return Spec(grain=grain, shift=sign * steps, base=base,
                quarter_echo=code == "Y" and steps == 1 and sign < 0)


def _into(m: re.Match, text: str) -> Optional[Spec]:
    amount = _number(m["number"])
    if amount is None or amount == "X":
        return None
    code = _unit_code(m["unit"])
    return Spec(type="DURATION", value=_duration_value(amount, code),
                span_days=_days_in(amount, code), span_direction=-1, approximate=True)


def _duration(m: re.Match, text: str) -> Optional[Spec]:
    if m["adj"] and m["adj"].lower() == "-old":
        return None  # ages ("a 45-year-old man") are not times
    number_word = m["number"].lower()
    if number_word in ("the", "some", "many"):
        return None
    amount = _number(m["number"])
    if amount is None:
        return None
    code = _unit_code(m["unit"])
    if code == "WE" or (code == "Q" and "-" in m.group()):
        return None  # "three-quarters" is a fraction
    if isinstance(amount, (int, float)) and amount >= 1000 and not m["unit"].lower().endswith("s"):
        return None  # "the 1988 quarter" is a year's quarter, not 1988 quarters
    if code == "Q" and re.match(r"\s+of\b", text[m.end():m.end() + 4]):
        return None  # "three quarters of the city"
    if m["half"] or m["half_after"]:
        amount = amount + 0.5 if amount != "X" else amount
    if number_word in ("a", "an") and code in ("S", "Q"):
        return None  # "a second A380", "about a quarter of its dealers"
    if number_word in ("a", "an") and re.search(r"(?:\d|times|twice|once|million|billion|percent|%)\W*$",
                                                _before(text, m)):
        return None  # "358,000 a month", "24 hours a day": a rate, the set rule takes it
    if number_word in ("a", "an", "one") and re.search(r"\b(?:per|every|each)\s*$", _before(text, m, 8), re.I):
        return None
    ahead = bool(re.search(r"\b(?:in|within)\s+(?:the\s+next\s+)?$", _before(text, m, 20), re.I))
    # "in two weeks" in a future clause ends two weeks after the anchor (see find_times)
    return Spec(type="DURATION", value=_duration_value(amount, code),
                span_days=_days_in(amount, code) if ahead else 0)


def _unit_long(m: re.Match, text: str) -> Spec:
    unit = m["unit"].lower()
    return Spec(type="DURATION", value=_duration_value("X" if unit.endswith("s") else 1, _unit_code(unit)))


def _bare_units(m: re.Match, text: str) -> Spec:
    return Spec(type="DURATION", value=_duration_value("X", _unit_code(m["unit"])))


def _set_rule(m: re.Match, text: str) -> Optional[Spec]:
    every = m["every"].lower()
    if every == "a":  # "twice a year", "$5 million a year": only after a count or an amount
        if not re.search(r"(?:\d|times|twice|once|million|billion|dollars|percent|%)\W*$", _before(text, m)):
            return None
    if m["weekday"]:
        # the rule reads any case ("every wednesday" in a lower-cased archive); the names are capitalised
        return Spec(type="SET", value=f"XXXX-WXX-{vocabulary()['weekdays'][m['weekday'].capitalize()] + 1}")
    if m["season"]:
        return Spec(type="SET", value=f"XXXX-{vocabulary()['seasons'][m['season'].lower()]}")
    code = _unit_code(m["unit"])
    if m["unit"].lower().endswith("s") and code not in ("S",):
        return None
    step = 2 if m["other"] else 1
    return Spec(type="SET", value=_duration_value(step, code))


def _month_set(m: re.Match, text: str) -> Spec:
    return Spec(type="SET", value=f"XXXX-{_month(m['month']):02d}")


def _set_adverb(m: re.Match, text: str) -> Spec:
    return Spec(type="SET", value=vocabulary()["set_adverbs"][m["adverb"].lower()])


def _clock(m: re.Match, text: str) -> Optional[Spec]:
    groups = m.groupdict()
    if groups.get("noon"):
        clock = "24:00" if groups["noon"].lower() == "midnight" else "12:00"
        return Spec(type="TIME", grain="day", shift=0, clock=clock, base="reference")
    hour = int(groups["hour"])
    minute = int(groups["minute"] or 0)
    ampm = (groups.get("ampm") or "").lower()
    if ampm:
        if hour > 12 or hour == 0:
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
    zone = "Z" if (groups.get("zone") or "").upper() in ("UTC", "GMT") else ""
    return Spec(type="TIME", grain="day", shift=0, clock=f"{hour:02d}:{minute:02d}{zone}", base="reference")


def _definite_unit(m: re.Match, text: str) -> Spec:
    unit = m["unit"].lower()
    grain = UNIT_GRAIN[_unit_code(unit)]
    if grain == "year" and re.match(r"\s+end(?:ed|ing)\b", text[m.end():m.end() + 8]):
        # "the year ended June 30" is a fiscal year: a duration, not the calendar year
        return Spec(type="DURATION", value=_duration_value(1, _unit_code(unit)))
    # "the quarter" in a past-tense sentence is the last one reported; "the weekend" the last one
    past_shift = -1 if grain in ("quarter", "weekend") else None
    return Spec(grain=grain, shift=0, past_shift=past_shift, mod=_mod(m["mod"]))


_SPOKEN = {"oh": 0, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
           "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}


def _spoken_year(m: re.Match, text: str) -> Optional[Spec]:
    words = m["spoken"].lower().replace("-", " ").replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        year = 2000 + (_number(rest[0]) if rest else 0)
    else:
        rest = [w for w in words[1:] if w not in ("hundred", "oh")]
        value = 0
        for word in rest:
            value += _SPOKEN.get(word) or _number(word) or 0
        year = 1900 + value
    return Spec(grain="year", year=int(year))


def _spoken_decade(m: re.Match, text: str) -> Spec:
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
            "seventies": 7, "eighties": 8, "nineties": 9}[m["word"].lower()]
    return Spec(grain="decade", year=1900 + tens * 10, mod=_mod(m["mod"]))


def _overnight(m: re.Match, text: str) -> Spec:
    return Spec(type="TIME", grain="day", shift=0, part="NI", base="reference")


def _weekday_set(m: re.Match, text: str) -> Spec:
    return Spec(type="SET", value=f"XXXX-WXX-{vocabulary()['weekdays_plural'][m['weekdays']] + 1}")


def _vague_span(m: re.Match, text: str) -> Optional[Spec]:
    which = m["which"].lower()
    if which in ("last", "next", "previous", "following") and not m["the"]:
        return None  # "last weeks" is rare; "next days" is not English news
    return Spec(type="DURATION", value=_duration_value("X", _unit_code(m["unit"])))


def _ref(value: str) -> Handler:
    def handler(m: re.Match, text: str) -> Optional[Spec]:
        return Spec(value=value)
    return handler


@lru_cache(maxsize=1)
def trigger_words() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Which trigger groups each word wakes up, as (case-sensitive, lower-case) lookups.

    Every match of a rule holds at least one word of its group (RULE_TRIGGERS).
    """
    v = vocabulary()
    refs = {w for phrase in (*v["present_ref"], *v["past_ref"], *v["future_ref"])
            for w in phrase.split() if w.lower() not in ("the", "in", "at", "for", "these", "right")}
    exact_groups = {
        "months": [m for m in v["months"]],
        "holidays": [w for phrase in v["holidays"] for w in re.findall(r"[A-Za-z]+", phrase)],
        "weekdays": [*v["weekdays"], *v["weekdays_plural"]],
        "quarter": ["Q"],
        "digits": ["BC", "BCE", "B"],
    }
    lower_groups = {
        "century": ["century", "centuries"],
        "quarter": ["quarter", "quarters", "half"],
        "seasons": list(v["seasons"]),
        "deictic": list(v["deictic_days"]),
        "day_parts": [*[w for part in v["day_parts"] for w in part.split()], "tonight"],
        "units": [*v["units"], *v["day_parts"]],  # "the previous evening" is the anaphoric rule's
        "clock": ["noon", "midday", "midnight"],
        "spoken": ["nineteen", "thousand", "twenties", "thirties", "forties", "fifties", "sixties",
                   "seventies", "eighties", "nineties"],
        "refs": [w.lower() for w in refs],
        "set_adverbs": [w for adverb in v["set_adverbs"] for w in adverb.split() if w != "every"
                        and w != "each"],
    }

    def lookup(groups: dict[str, list[str]], lower: bool) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for group, group_words in groups.items():
            for word in group_words:
                found.setdefault(word.lower() if lower else word, []).append(group)
        return {word: tuple(dict.fromkeys(names)) for word, names in found.items()}

    return lookup(exact_groups, False), lookup(lower_groups, True)


_WORD = re.compile(r"[A-Za-z]+|\d+(?:[:/]\d+)?(?:'?s\b)?")
_AM_PM = re.compile(r"\s*[ap]\.?m\b", re.IGNORECASE)


def _trigger_groups(text: str, match: re.Match) -> tuple[str, ...]:
    word = match.group()
    if word[0].isdigit():
        if ":" in word:
            return ("clock",)
        if _AM_PM.match(text, match.end()):
            return ("clock",)
        if "/" in word or len(word) == 4 or word.endswith("0s") or word.endswith("0's"):
            return ("digits",)
        if word.isdigit() and len(word) > 4 and word[:4].isdigit():
            return ()
        return ()
    exact, lower = trigger_words()
    return exact.get(word, ()) + lower.get(word.lower(), ())


_WINDOW = 72
"""Characters around a trigger word that any expression holding it fits in."""


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger group, the stretches of text around its words, merged: the only places
    its rules look at. One scan of the text for all groups."""
    windows: dict[str, list[tuple[int, int]]] = {name: [] for name in RULE_TRIGGERS}
    for match in _WORD.finditer(text):
        names = _trigger_groups(text, match)
        if not names:
            continue
        start, end = max(0, match.start() - _WINDOW), min(len(text), match.end() + _WINDOW)
        while end < len(text) and not text[end].isspace():  # never cut a word at the edge
            end += 1
        for name in names:
            group = windows[name]
            if group and start <= group[-1][1]:
                group[-1] = (group[-1][0], max(end, group[-1][1]))
            else:
                group.append((start, end))
    return windows


def find_expressions(text: str) -> list[Found]:
    """Temporal expressions in a text, longest first where they overlap, in text order.

    Rules run only near trigger words (months, weekdays, units, years...), which keeps the
    scan cheap on the long stretches of news that say nothing about time.
    """
    candidates: list[Found] = []
    windows = _windows(text)
    for rule in rules():
        for window_start, window_end in windows[rule.trigger]:
            for match in rule.pattern.finditer(text, window_start, window_end):
                spec = rule.handler(match, text)
                if spec is None:
                    continue
                # a "core" group marks the expression inside the words that confirm it
                core = match.span("core") if "core" in rule.pattern.groupindex else match.span()
                start, end = _trim(text, *core)
                if end > start:
                    candidates.append(Found(start, end, rule.name, spec))
    # the longest expression wins an overlap; ties go to the earlier rule (more specific)
    order_of = {rule.name: n for n, rule in enumerate(rules())}
    candidates.sort(key=lambda f: (-(f.end - f.start), order_of[f.rule], f.start))
    taken: list[Found] = []
    starts: list[int] = []  # of the taken expressions, sorted; they never overlap each other
    for found in candidates:
        at = bisect.bisect_left(starts, found.start)
        if at > 0 and taken[at - 1].end > found.start:
            continue
        if at < len(taken) and taken[at].start < found.end:
            continue
        taken.insert(at, found)
        starts.insert(at, found.start)
    return _join_clock_and_day(taken, text)


_CLOCK_RULES = ("clock", "clock_zone", "noon")
_MONTH_YEAR_GAP = re.compile(r",?\s+(?:of\s+)?")
_CLOCK_DAY_GAP = re.compile(r"\s+(?:on\s+)?")


def _join_clock_and_day(found: list[Found], text: str) -> list[Found]:
    """"9 a.m. Tuesday" is one expression: the clock time on that day."""
    joined: list[Found] = []
    for item in found:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.rule in _CLOCK_RULES and item.spec.grain == "day"
                and item.spec.clock is None and item.spec.part is None and not item.spec.reason
                and _CLOCK_DAY_GAP.fullmatch(text[previous.end:item.start])):
            spec = replace(item.spec, type="TIME", clock=previous.spec.clock)
            joined[-1] = Found(previous.start, item.end, item.rule, spec)
            continue
        if (previous is not None and previous.spec.grain in ("month", "season", "quarter", "half")
                and previous.spec.year is None and previous.spec.shift is None
                and item.spec.grain == "year" and item.spec.mod is None
                and _MONTH_YEAR_GAP.fullmatch(text[previous.end:item.start])):
            # "July last year", "January nineteen ninety-seven", "the winter of 1994"
            if item.spec.year is not None:
                spec = replace(previous.spec, year=item.spec.year)
            else:
                spec = replace(previous.spec, year_shift=item.spec.shift)
            joined[-1] = Found(previous.start, item.end, previous.rule, spec)
            continue
        joined.append(item)
    return joined


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop blanks and a possessive "'s" at the edges, so that spans are the words alone."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


# --- direction from the parse ------------------------------------------------------------------


def governing_verb(token: Token, limit: int = 8) -> Optional[Token]:
    """The nearest verb above a token in the dependency tree (the token itself if a verb)."""
    for _ in range(limit):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def tense_direction(doc: Doc, start: int, end: int) -> int:
    """-1 when the clause around a span is past, +1 when future or planned, 0 when unknown."""
    token = token_at(doc, start)
    if token is None:
        return 0
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span):
        token = span.root
    if re.search(r"\bas\s+(?:soon|early)\s+as\s+$", doc_text(doc)[max(0, start - 16):start], re.I):
        return 1  # "as soon as Tuesday" is a coming day
    verb = governing_verb(token)
    if verb is None:
        return 0
    return verb_direction(verb)


def verb_direction(verb: Token) -> int:
    v = vocabulary()
    future_aux = set(v["future_auxiliaries"])
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    lowered = {child.lower_ for child in auxiliaries}
    if lowered & future_aux:
        return 1
    if verb.lower_ in future_aux:
        return 1
    if "to" in lowered or verb.dep_ in ("xcomp",):  # "plans to meet", "is due to vote"
        head = verb.head
        if head.i == verb.i:
            return 1  # a headline's "Leaders to meet on Tuesday" is a plan
        if head.lemma_ in v["future_cue_verbs"] or head.lower_ in ("due", "set", "going", "about") \
                or (head.lemma_ == "be" and head.i < verb.i):  # "is to resume trading Tuesday"
            return 1
        return verb_direction(head) if head.pos_ in ("VERB", "AUX") else 0
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return -1
    if verb.tag_ == "VBN" and lowered & {"has", "have", "had", "'ve", "'s"}:
        return -1
    if verb.tag_ == "VBG" and lowered & {"is", "are", "am", "'s", "'re"}:
        return 1  # "is meeting on Saturday": the present progressive of a plan
    return 0


# --- speech times --------------------------------------------------------------------------------


def _root_actor(extraction: Extraction, actor_id: Optional[str],
                by_id: Optional[dict] = None):
    """The actor a mention refers to in the end; ``by_id`` (from ``_items_by_id``) saves
    ``extraction.by_id``'s scan of every item on each step."""
    find = extraction.by_id if by_id is None else by_id.get
    actor, seen = find(actor_id), set()
    while actor is not None and actor.refers_to and actor.id not in seen:
        seen.add(actor.id)
        actor = find(actor.refers_to)
    return actor


def _items_by_id(extraction: Extraction) -> dict:
    """Every item by its id, as ``Extraction.by_id`` finds it (the first item with an id)."""
    found: dict = {}
    for items in (extraction.actors, extraction.places, extraction.times, extraction.quotes,
                  extraction.quantities, extraction.events):
        for item in items:
            found.setdefault(item.id, item)
    return found


def _inside(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _day_time(time: Time) -> bool:
    return time.value is not None and time.start is not None and time.start == time.end


def speech_time(doc: Doc, extraction: Extraction, quote: Quote, times: list[Time],
                dated: Optional[dict[str, Time]] = None) -> Optional[Time]:
    """The time of a quote's speech act: a date on its cue verb, else the same speaker's
    last dated speech before it ("Lavrov on Thursday said ... he said")."""
    outside = [t for t in times if _day_time(t) and not _inside(t.span, quote.span)
               and t.type == "DATE"]
    if not outside:
        return None
    if quote.cue is not None:
        cue_token = token_at(doc, quote.cue.span[0])
        for time in outside:
            if _attached_to(doc, time, {cue_token.i}):
                return time
    by_id = _items_by_id(extraction)
    speaker = _root_actor(extraction, quote.speaker, by_id)
    if speaker is None:
        return None
    speech_verbs = set(vocabulary()["speech_verbs"])
    mentions = [a for a in extraction.actors if a.span[1] <= quote.span[0]
                and (_root_actor(extraction, a.id, by_id) or a).id == speaker.id]
    for mention in sorted(mentions, key=lambda a: a.span[0], reverse=True):
        token = token_at(doc, mention.span[1] - 1)
        verbs = set()
        verb = governing_verb(token)
        if verb is not None:
            verbs.add(verb.i)
        for nearby in doc[token.i + 1:min(token.i + 7, len(doc))]:  # "Lavrov on Thursday said"
            if nearby.lemma_ in speech_verbs and nearby.pos_ == "VERB":
                verbs.add(nearby.i)
                break
            if nearby.is_sent_start:
                break
        for time in outside:
            if time.span[0] < quote.span[0] and _attached_to(doc, time, verbs):
                return time
    dated = dated or {}
    earlier = [q for q in extraction.quotes if q.id in dated and q.span[1] <= quote.span[0]
               and (_root_actor(extraction, q.speaker, by_id) or q).id == speaker.id]
    return dated[earlier[-1].id] if earlier else None


def _attached_to(doc: Doc, time: Time, verb_indexes: set[int]) -> bool:
    verbs = doc.user_data.setdefault("eventwire_time_verbs", {})  # asked per quote and mention
    if time.span not in verbs:
        span = doc.char_span(time.span[0], time.span[1], alignment_mode="expand")
        verb = governing_verb(span.root) if span is not None and len(span) else None
        verbs[time.span] = verb.i if verb is not None else None
    return verbs[time.span] is not None and verbs[time.span] in verb_indexes


# --- the stage ---------------------------------------------------------------------------------


def find_times(doc: Doc, published: Optional[date],
               speech: Optional[list[tuple[tuple[int, int], date]]] = None,
               start_id: int = 1, found_in_text: Optional[list[Found]] = None,
               narrative: bool = False) -> list[Time]:
    """Every temporal expression of a parsed text as Time items.

    ``speech`` lists (quote span, speech date): relative expressions inside such a span are
    anchored at the speech date instead of the publication date. ``narrative`` is for
    history text (HeidelTime's narrative type): a month or day without its year belongs to
    the period the text last named ("In 1940 ... In April ..."), not to the publication's.
    """
    text = doc_text(doc)
    times: list[Time] = []
    reference: Optional[date] = None
    last_quarter: Optional[tuple[tuple[int, int], int]] = None  # ((year, quarter), where)
    story_time: Optional[date] = None  # narrative mode: the middle of the last period named
    hedges = _alternation(vocabulary()["approximate_hedges"])
    hedge_before = re.compile(rf"\b(?:{hedges})\s*$", re.IGNORECASE)
    hedge_inside = re.compile(rf"(?:{hedges})\s", re.IGNORECASE)
    for found in find_expressions(text) if found_in_text is None else found_in_text:
        anchor, anchor_kind = published, "publication"
        for span, spoken in speech or ():
            if _inside((found.start, found.end), span):
                anchor, anchor_kind = spoken, "speech"
                break
        spec = found.spec
        echo = spec.quarter_echo
        if echo and last_quarter and found.start - last_quarter[1] < _QUARTER_CONTEXT:
            # in an earnings report, "a year ago" is the same quarter of the year before
            year, index = last_quarter[0]
            spec = Spec(grain="quarter", year=year - 1, index=index)
        direction = tense_direction(doc, found.start, found.end) if _needs_direction(spec) else 0
        if narrative and story_time is not None and spec.base == "anchor" and spec.year is None \
                and spec.shift is None and spec.value is None and spec.grain is not None:
            spec, direction = replace(spec, base="reference"), 0  # the story's year, not today's
        if spec.type == "DURATION" and spec.span_days and not spec.span_direction:
            if tense_direction(doc, found.start, found.end) > 0:  # "will resume in two weeks"
                spec = replace(spec, span_direction=1)
        resolved = resolve(spec, anchor, (story_time if narrative else reference) or anchor, direction)
        relative = spec.relative
        if not relative:
            kind = "none"
        elif spec.base == "reference" and reference is not None:
            kind = "event"
        elif resolved.value is None and anchor is None:
            kind = "none"
        else:
            kind = anchor_kind
        approximate = spec.approximate or bool(hedge_before.search(text[max(0, found.start - 16):found.start])) \
            or bool(hedge_inside.match(text, found.start))
        time_type = spec.type
        times.append(Time(id=f"t{start_id + len(times)}", text=text[found.start:found.end],
                          span=(found.start, found.end), type=time_type, value=resolved.value,
                          start=resolved.start, end=resolved.end, anchor=kind,
                          approximate=approximate, reason=resolved.reason))
        if resolved.start is not None and resolved.start == resolved.end and time_type in ("DATE", "TIME"):
            reference = resolved.start  # the narrative's time moves on
        if narrative and resolved.start is not None and time_type in ("DATE", "TIME"):
            story_time = _middle(resolved.start, resolved.end)
        quarter = re.fullmatch(r"(\d{4})-Q([1-4])", resolved.value or "")
        if quarter and not echo:  # the quarter compared with stays the one reported
            last_quarter = ((int(quarter[1]), int(quarter[2])), found.end)
    return times


def _middle(start: date, end: date) -> date:
    """The middle of a period: from there the nearest April of "1940" is in 1940."""
    return start + (end - start) / 2


_QUARTER_CONTEXT = 1500
"""Characters after a quarter within which "a year ago" still compares with it."""


def _needs_direction(spec: Spec) -> bool:
    return spec.past_shift is not None or (spec.weekday is not None and spec.shift is None) or (
        spec.year is None and spec.shift is None and spec.value is None and spec.grain is not None)


def extract_times(doc: Doc, extraction: Extraction) -> Extraction:
    """Find, type and normalise the article's temporal expressions; date its quotes."""
    published = extraction.article.published
    start_id = int(next_id("t", extraction.times)[1:])
    found = find_expressions(doc_text(doc))
    times = find_times(doc, published, start_id=start_id, found_in_text=found)
    speech: list[tuple[tuple[int, int], date]] = []
    dated: dict[str, Time] = {}
    for quote in sorted(extraction.quotes, key=lambda q: q.span[0]):
        spoken = speech_time(doc, extraction, quote, times, dated)
        if spoken is not None:
            dated[quote.id] = spoken
            speech.append((quote.span, spoken.start))
    quote_times = {quote_id: time.id for quote_id, time in dated.items()}
    if speech:  # re-anchor what was said at the time it was said
        times = find_times(doc, published, speech=speech, start_id=start_id, found_in_text=found)
    quotes = [q.model_copy(update={"time": quote_times.get(q.id, q.time)}) for q in extraction.quotes]
    return extraction.model_copy(update={"times": [*extraction.times, *times], "quotes": quotes})
