"""Main-text extraction from saved pages, scored on the Zyte and NAEB benchmarks.

The metric is the Zyte article-extraction benchmark's: word 4-gram shingles of the predicted
and gold body, true/false positives and negatives normalised per page, precision and recall
averaged over pages, F1 from those averages (so 0.958 for trafilatura is comparable). A plain
bag-of-words token F1 (micro-averaged) is given beside it, and for NAEB how often the
publication date is right.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import tarfile
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, Optional

from eventwire.errors import InputError
from eventwire.evaluate import parity_split, prf
from eventwire.ingest.html import Page, extract_page, parse_iso_date

SHINGLE = 4
_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = SHINGLE) -> Counter:
    """Word n-grams of a text, with their counts."""
    words = _WORD.findall(text or "")
    return Counter(tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))
                   if words[i:i + n])


def shingle_match(gold: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised to sum to 1 so that long pages weigh no more."""
    gold_counts, predicted_counts = shingles(gold), shingles(predicted)
    tp = sum((gold_counts & predicted_counts).values())
    fp = sum((predicted_counts - gold_counts).values())
    fn = sum((gold_counts - predicted_counts).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_averaged_f1(matches: list[tuple[float, float, float]]) -> dict[str, float]:
    """The benchmark's precision, recall (means over pages) and F1 of the means."""
    def precision(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean([precision(*m) for m in matches if m[0] + m[1] > 0] or [0.0])
    r = statistics.mean([recall(*m) for m in matches if m[0] + m[2] > 0] or [0.0])
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def token_counts(gold: str, predicted: str) -> tuple[int, int, int]:
    """(overlap, predicted, gold) counts of lower-cased word tokens."""
    gold_tokens = Counter(word.lower() for word in _WORD.findall(gold or ""))
    predicted_tokens = Counter(word.lower() for word in _WORD.findall(predicted or ""))
    return (sum((gold_tokens & predicted_tokens).values()), sum(predicted_tokens.values()),
            sum(gold_tokens.values()))


def predicted_page(html: bytes, url: Optional[str]) -> Optional[Page]:
    try:
        return extract_page(html, url=url)
    except InputError:
        return None


def score_pages(items: Iterable[tuple[dict, Optional[bytes]]]) -> dict:
    """Score (gold record, page bytes or None when missing) pairs."""
    matches, tokens = [], [0, 0, 0]
    dates_right = dates_near = dates_gold = pages = missing = 0
    for gold, html in items:
        if html is None:
            missing += 1
            continue
        pages += 1
        page = predicted_page(html, gold.get("url"))
        body = page.body if page else ""
        matches.append(shingle_match(gold.get("articleBody", ""), body))
        tokens = [a + b for a, b in zip(tokens, token_counts(gold.get("articleBody", ""), body))]
        gold_date = parse_iso_date(gold.get("date"))
        if gold_date:  # NAEB has 'NaT' for two pages
            dates_gold += 1
            found = page.published if page else None
            dates_right += found == gold_date
            dates_near += bool(found and abs((found - gold_date).days) <= 1)
    shingle = page_averaged_f1(matches)
    token = prf(*tokens)
    metrics = {"pages": pages, "f1": shingle["f1"], "precision": shingle["precision"],
               "recall": shingle["recall"], "token_f1": token["f1"],
               "token_precision": token["precision"], "token_recall": token["recall"]}
    if dates_gold:
        metrics.update({"date_accuracy": round(dates_right / dates_gold, 4),
                        "date_within_1_day": round(dates_near / dates_gold, 4),
                        "dates_gold": dates_gold})
    if missing:
        metrics["pages_missing"] = missing
    return metrics


def score_zyte(split: str, data: Path) -> dict:
    """Zyte (Scrapinghub) article-extraction benchmark: 181 pages, parity split."""
    folder = data / "html" / "scrapinghub_aeb"
    with gzip.open(folder / "ground-truth.json.gz", "rt", encoding="utf-8") as handle:
        gold = json.load(handle)
    keys = parity_split(list(gold), split)

    def items() -> Iterator[tuple[dict, Optional[bytes]]]:
        for key in keys:
            path = folder / "html" / f"{key}.html.gz"
            yield gold[key], gzip.decompress(path.read_bytes()) if path.exists() else None

    return score_pages(items())


def score_naeb(split: str, data: Path) -> dict:
    """NAEB (newspaper article extraction benchmark): 424 articles, gold dates, parity split."""
    folder = data / "html" / "naeb"
    with gzip.open(folder / "articles.json.gz", "rt", encoding="utf-8") as handle:
        gold = json.load(handle)
    keys = set(parity_split(list(gold), split))
    pages: dict[str, bytes] = {}
    with tarfile.open(folder / "naeb-html.tar.gz") as archive:
        for member in archive:
            key = Path(member.name).stem
            if member.isfile() and key in keys:
                pages[key] = archive.extractfile(member).read()
    return score_pages((gold[key], pages.get(key)) for key in parity_split(list(gold), split))
