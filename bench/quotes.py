"""Quotes and quantities stages: time per article on a slice of the bench corpus.

    python bench/quotes.py [--articles 300] [--polnear]

Parses the slice once with spaCy, runs the stages before quotes (actors, places) untimed,
then times the quotes and quantities stages alone on every article. With ``--polnear`` it
also times the PolNeAR reading (``find_attributions(doc, all_cues=True)``, which ``evaluate
polnear`` scores and the product's stage does not run) with the fine-tuned cue encoder and
with the sparse tagger in its place. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import time
from pathlib import Path

from eventwire.evaluate import data_dir
from eventwire.extract.quantities import extract_quantities
from eventwire.extract import quotes as quotes_stage
from eventwire.extract.quote_encoder import quote_encoder
from eventwire.extract.quotes import extract_quotes, find_attributions
from eventwire.model import Article, Extraction
from eventwire.nlp import load_nlp
from eventwire.pipeline import STAGES

CORPUS = Path("corpora") / "bench_articles.jsonl.gz"


def read_slice(n: int) -> list[str]:
    texts = []
    with gzip.open(data_dir() / CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = record.get("text") or ""
            if text.strip():
                texts.append(text)
            if len(texts) >= n:
                break
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--polnear", action="store_true", help="time the PolNeAR reading too")
    args = parser.parse_args()
    texts = read_slice(args.articles)
    nlp = load_nlp()
    docs = list(nlp.pipe(texts, batch_size=16))
    before = [stage for name, stage in STAGES if name in ("actors", "places")]
    between = [stage for name, stage in STAGES if name == "times"]
    quote_ms, quantity_ms, quotes, quantities, words = [], [], 0, 0, 0
    cpu = {"quotes": 0.0, "quantities": 0.0}  # CPU seconds: wall time is contended on a shared machine
    for doc in docs:
        extraction = Extraction(article=Article.from_text(doc.text))
        for stage in before:
            extraction = stage(doc, extraction)
        t0, c0 = time.perf_counter(), time.process_time()
        extraction = extract_quotes(doc, extraction)
        t1 = time.perf_counter()
        cpu["quotes"] += time.process_time() - c0
        for stage in between:
            extraction = stage(doc, extraction)
        t2, c2 = time.perf_counter(), time.process_time()
        extraction = extract_quantities(doc, extraction)
        t3 = time.perf_counter()
        cpu["quantities"] += time.process_time() - c2
        quote_ms.append((t1 - t0) * 1000)
        quantity_ms.append((t3 - t2) * 1000)
        quotes += len(extraction.quotes)
        quantities += len(extraction.quantities)
        words += len(doc)
    count = len(quote_ms)
    print(f"articles              {count} ({words / count:.0f} tokens each on average)")
    for name, times in (("quotes", quote_ms), ("quantities", quantity_ms)):
        print(f"{name:<12} median {statistics.median(times):7.2f} ms/article, mean "
              f"{statistics.mean(times):7.2f}, p95 {sorted(times)[int(0.95 * count)]:7.2f}, "
              f"{count / (sum(times) / 1000):8.0f} articles/s; CPU mean "
              f"{1000 * cpu[name] / count:6.2f} ms/article")
    if args.polnear:
        polnear(docs)
    print(f"load average          {os.getloadavg()[0]:.1f}")
    print(f"found                 {quotes} quotes, {quantities} quantities")
    print(f"peak resident memory  {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.0f} MB")


def polnear(docs: list) -> None:
    """CPU time of the PolNeAR reading per article, with the encoder and with the sparse
    tagger in its place (the encoder's load timed apart)."""
    c0 = time.process_time()
    encoder = quote_encoder()
    print(f"encoder load          {time.process_time() - c0:.2f} s CPU"
          + ("" if encoder else " (not installed: both rows read the sparse tagger)"))
    for name, tagger in (("encoder", quote_encoder), ("sparse tagger", lambda: None)):
        quotes_stage.quote_encoder = tagger
        c0 = time.process_time()
        found = sum(len(find_attributions(doc, all_cues=True)) for doc in docs)
        cpu = time.process_time() - c0
        print(f"polnear, {name:<13} CPU mean {1000 * cpu / len(docs):7.1f} ms/article, "
              f"{found} attributions")
    quotes_stage.quote_encoder = quote_encoder


if __name__ == "__main__":
    main()
