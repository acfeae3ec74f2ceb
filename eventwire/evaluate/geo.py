"""Geoparsing on public gold sets: TR-News, GeoWebNews, LGL, and event-location linking.

On gold toponyms (the gold spans are given, we resolve them in their article): exact GeoNames
id accuracy, country accuracy, accuracy within 161 km, median error, and the AUC of the log
error (Gritta et al. 2018; lower is better). End to end (we find the names too): toponym
precision, recall and F1 by exact span. Splits follow the article parity rule.
"""

from __future__ import annotations

import gzip
import json
import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import numpy as np

from eventwire.evaluate import parity_split, prf
from eventwire.resources.gazetteer import Gazetteer, distance_km, load_gazetteer

MAX_ERROR_KM = 20039.0
"""Half the Earth's circumference: the error of a toponym left unresolved."""


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    geonameid: str
    lat: float
    lon: float
    country_geonameid: Optional[str] = None


@dataclass
class GoldArticle:
    text: str
    toponyms: list[GoldToponym]


# --- readers ---------------------------------------------------------------------------------

def read_lgl_format(path: Path) -> list[GoldArticle]:
    """LGL and TR-News XML: toponyms with a GeoNames gaztag."""
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for toponym in article.iter("toponym"):
            gaztag = toponym.find("gaztag")
            if gaztag is None or not gaztag.get("geonameid"):
                continue
            country = gaztag.find("country")
            span = _fix_span(text, int(toponym.findtext("start")), int(toponym.findtext("end")),
                             toponym.findtext("phrase") or "")
            if span is None:
                continue
            toponyms.append(GoldToponym(span[0], span[1], text[span[0]:span[1]],
                                        gaztag.get("geonameid"), float(gaztag.findtext("lat")),
                                        float(gaztag.findtext("lon")),
                                        country.get("geonameid") if country is not None else None))
        articles.append(GoldArticle(text, toponyms))
    return articles


def read_gwn(path: Path) -> list[GoldArticle]:
    """GeoWebNews XML: toponyms with a geonamesID (the 2,401 resolvable ones)."""
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for toponym in article.iter("toponym"):
            geonameid = (toponym.findtext("geonamesID") or "").strip()
            if not geonameid:
                continue
            span = _fix_span(text, int(toponym.findtext("start")), int(toponym.findtext("end")),
                             toponym.findtext("extractedName") or "")
            if span is None:
                continue
            toponyms.append(GoldToponym(span[0], span[1], text[span[0]:span[1]], geonameid,
                                        float(toponym.findtext("latitude")),
                                        float(toponym.findtext("longitude"))))
        articles.append(GoldArticle(text, sorted(toponyms, key=lambda t: t.start)))
    return articles


def _fix_span(text: str, start: int, end: int, phrase: str) -> Optional[tuple[int, int]]:
    """The gold span, moved to the nearest occurrence of its phrase where offsets drifted."""
    if text[start:end] == phrase:
        return start, end
    best = None
    for shift in range(1, 40):
        for candidate in (start - shift, start + shift):
            if 0 <= candidate and text[candidate:candidate + len(phrase)] == phrase:
                best = candidate
                break
        if best is not None:
            return best, best + len(phrase)
    return None


# --- scoring ---------------------------------------------------------------------------------

def score_trnews(split: str, data: Path) -> dict:
    return score_gold_set(read_lgl_format(data / "geo" / "tr-news" / "TR-News.xml"), split)


def score_gwn(split: str, data: Path) -> dict:
    return score_gold_set(read_gwn(data / "geo" / "geowebnews" / "GWN.xml"), split)


def score_lgl(split: str, data: Path) -> dict:
    return score_gold_set(read_lgl_format(data / "geo" / "lgl" / "lgl.xml"), split)


def score_gold_set(articles: list[GoldArticle], split: str, end_to_end: bool = True) -> dict:
    articles = parity_split(articles, split)
    metrics = {"articles": len(articles)}
    metrics.update(score_resolution(articles))
    if end_to_end:
        metrics.update(score_end_to_end(articles))
    return metrics


def score_resolution(articles: Iterable[GoldArticle]) -> dict:
    """Resolution of the gold toponyms, each in its article."""
    from eventwire.extract.places import Toponym, resolve_toponyms

    gazetteer = load_gazetteer()
    errors, coordinate_errors, exact, country_right, country_total = [], [], 0, 0, 0
    approximate = 0
    for article in articles:
        toponyms = [Toponym(t.start, t.end, t.text) for t in article.toponyms]
        resolutions = resolve_toponyms(article.text, toponyms, gazetteer)
        for gold, resolution in zip(article.toponyms, resolutions):
            entry = gazetteer.entry(resolution.entry) if resolution.entry is not None else None
            same = entry is not None and entry.geonameid == gold.geonameid
            if entry is None and resolution.located_by is not None:  # a point, but no id
                entry = gazetteer.entry(resolution.located_by)
                approximate += 1
            exact += same
            error = (MAX_ERROR_KM if entry is None
                     else distance_km(entry.lat, entry.lon, gold.lat, gold.lon))
            coordinate_errors.append(error)
            errors.append(0.0 if same else error)  # same GeoNames place: no error by definition
            gold_country = _gold_country(gold, gazetteer)
            if gold_country:
                country_total += 1
                country_right += entry is not None and entry.country == gold_country
    n = len(errors)
    if not n:
        return {"toponyms": 0}
    return {
        "toponyms": n,
        "exact_id": round(100 * exact / n, 2),
        "country": round(100 * country_right / country_total, 2) if country_total else None,
        "acc161": round(100 * sum(e <= 161 for e in errors) / n, 2),
        "acc161_coordinates": round(100 * sum(e <= 161 for e in coordinate_errors) / n, 2),
        "median_km": round(statistics.median(errors), 1),
        "auc": round(log_error_auc(errors), 4),
        "unresolved": sum(e == MAX_ERROR_KM for e in coordinate_errors),
        "placed_at_main_place": approximate,
    }


def log_error_auc(errors: list[float]) -> float:
    """Area under the sorted log-error curve, scaled to 0..1 (Gritta et al.; lower is better)."""
    if len(errors) < 2:
        return 0.0
    logs = np.log(np.sort(np.array(errors)) + 1.0)
    return float(np.trapezoid(logs) / (math.log(MAX_ERROR_KM + 1.0) * (len(errors) - 1)))


def _gold_country(gold: GoldToponym, gazetteer: Gazetteer) -> Optional[str]:
    """The gold toponym's country: its own, its gaztag's, or the nearest place's."""
    for geonameid in (gold.geonameid, gold.country_geonameid):
        entry = gazetteer.lookup(geonameid) if geonameid else None
        if entry is not None and entry.country:
            return entry.country
    return _nearest_country(gold.lat, gold.lon, gazetteer)


def _nearest_country(lat: float, lon: float, gazetteer: Gazetteer) -> Optional[str]:
    cities = gazetteer.feature == 0
    lat1, lon1 = np.radians(lat), np.radians(lon)
    lat2, lon2 = np.radians(gazetteer.lat), np.radians(gazetteer.lon)
    a = (np.sin((lat2 - lat1) / 2) ** 2
         + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2)
    a = np.where(cities, a, 2.0)
    index = int(np.argmin(a))
    if a[index] > np.sin(np.radians(1.0)) ** 2:  # nothing within ~100 km: a sea or a continent
        return None
    return gazetteer.countries[gazetteer.country_index[index]] or None


def score_end_to_end(articles: list[GoldArticle]) -> dict:
    """Find and resolve the toponyms ourselves; compare spans with the gold ones."""
    from eventwire.extract.places import find_toponyms, resolve_toponyms
    from eventwire.nlp import load_nlp

    gazetteer = load_gazetteer()
    nlp = load_nlp()
    true_positive = predicted = gold_total = resolved_right = 0
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        toponyms = find_toponyms(doc, gazetteer)
        resolutions = resolve_toponyms(doc.text, toponyms, gazetteer)
        gold = {(t.start, t.end): t for t in article.toponyms}
        predicted += len(toponyms)
        gold_total += len(gold)
        for toponym, resolution in zip(toponyms, resolutions):
            match = gold.get((toponym.start, toponym.end))
            if match is None:
                continue
            true_positive += 1
            located = resolution.entry if resolution.entry is not None else resolution.located_by
            if located is not None:
                entry = gazetteer.entry(located)
                resolved_right += (entry.geonameid == match.geonameid
                                   or distance_km(entry.lat, entry.lon, match.lat,
                                                  match.lon) <= 161)
    found = prf(true_positive, predicted, gold_total)
    located = prf(resolved_right, predicted, gold_total)
    return {"toponym_precision": found["precision"], "toponym_recall": found["recall"],
            "toponym_f1": found["f1"], "end_to_end_f1_at161": located["f1"]}


# --- event location --------------------------------------------------------------------------

def read_event_locations(path: Path) -> list[dict]:
    """Items with text, the verb's character span, and the gold location spans (by tokens)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = json.load(handle)
    items = []
    for record in records:
        tokens = record.get("tokens") or []
        spans = record.get("spans") or []
        spans = [s for s in spans if 0 <= s.get("token_start", -1) <= s.get("token_end", -1)
                 < len(tokens)]  # a few upstream records point past their tokens
        verbs = [s for s in spans if s["label"] == "VERB"]
        if not tokens or len(verbs) != 1:
            continue

        def chars(span):
            return tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]

        items.append({"text": record["text"], "source": record.get("source"),
                      "verb": chars(verbs[0]),
                      "locations": sorted(chars(s) for s in spans if s["label"] == "LOCATION")})
    return items


def score_event_location(split: str, data: Path) -> dict:
    """Accuracy of the place we link to each event verb: RELABEL items are test, others dev."""
    from eventwire.extract import token_at
    from eventwire.extract.places import event_places, find_toponyms
    from eventwire.nlp import load_nlp

    items = read_event_locations(data / "geo" / "event_location" / "labeled_text.jsonl.gz")
    items = [i for i in items if (i["source"] == "RELABEL") == (split == "test")]
    gazetteer = load_gazetteer()
    nlp = load_nlp()
    strict = lenient = with_location = found_when_located = 0
    for item, doc in zip(items, nlp.pipe(i["text"] for i in items)):
        trigger = token_at(doc, item["verb"][0])
        toponyms = find_toponyms(doc, gazetteer)
        spans = [doc.char_span(t.start, t.end, alignment_mode="expand") for t in toponyms]
        chosen = event_places(trigger, [s for s in spans if s is not None])
        predicted = sorted((s.start_char, s.end_char) for s in chosen)
        gold = item["locations"]
        strict += predicted == gold
        if not gold:
            lenient += not predicted
        else:
            with_location += 1
            hit = any(p[0] < g[1] and g[0] < p[1] for p in predicted for g in gold)
            lenient += hit
            found_when_located += hit
    n = len(items)
    return {"items": n, "accuracy": round(100 * strict / n, 2) if n else 0.0,
            "accuracy_overlap": round(100 * lenient / n, 2) if n else 0.0,
            "recall_when_located": round(100 * found_when_located / with_location, 2)
            if with_location else 0.0}


# --- fitting the ranker ----------------------------------------------------------------------

def fit_place_ranker(data: Path, split: str = "dev", rounds: int = 2) -> dict[str, float]:
    """Fit the candidate ranker on the gold toponyms of one split of the three sets.

    The gold candidate is the one with the gold GeoNames id, else the nearest within 161 km;
    toponyms without one teach nothing and are skipped. Each round reads the articles' context
    with the previous round's weights.
    """
    from eventwire.extract.places import DEFAULT_WEIGHTS, fit_ranker

    gazetteer = load_gazetteer()
    sets = [parity_split(read_lgl_format(data / "geo" / "tr-news" / "TR-News.xml"), split),
            parity_split(read_gwn(data / "geo" / "geowebnews" / "GWN.xml"), split),
            parity_split(read_lgl_format(data / "geo" / "lgl" / "lgl.xml"), split)]
    weights = dict(DEFAULT_WEIGHTS)
    for _ in range(rounds):
        examples, shares = [], []
        for articles in sets:  # each set weighs the same: LGL's local US news must not rule
            before = len(examples)
            _add_examples(articles, gazetteer, weights, examples)
            shares += [1.0 / max(1, len(examples) - before)] * (len(examples) - before)
        weights = fit_ranker(examples, example_weights=shares)
    return weights


def _add_examples(articles, gazetteer, weights, examples) -> None:
    from eventwire.extract.places import Toponym, ranking_inputs

    for article in articles:
        toponyms = [Toponym(t.start, t.end, t.text) for t in article.toponyms]
        rows, features, _context = ranking_inputs(article.text, toponyms, gazetteer, weights)
        for gold, row, feats in zip(article.toponyms, rows, features):
            target = _gold_candidate(gold, row.candidates, gazetteer)
            if target is not None and len(feats) > 1:
                examples.append((feats, target))


def _gold_candidate(gold: GoldToponym, candidates, gazetteer: Gazetteer) -> Optional[int]:
    best, best_km = None, 161.0
    for i, candidate in enumerate(candidates):
        entry = gazetteer.entry(candidate.index)
        if entry.geonameid == gold.geonameid:
            return i
        km = distance_km(entry.lat, entry.lon, gold.lat, gold.lon)
        if km <= best_km:
            best, best_km = i, km
    return best


if __name__ == "__main__":  # python -m eventwire.evaluate.geo: refit data/place_ranker.json
    from eventwire.evaluate import data_dir
    from eventwire.extract.places import RANKER

    fitted = fit_place_ranker(data_dir())
    RANKER.write_text(json.dumps({"fitted_on": "dev halves of TR-News, GeoWebNews, LGL "
                                  "(article parity rule)", "weights": fitted}, indent=1) + "\n",
                      encoding="utf-8")
    print(json.dumps(fitted, indent=1))
