"""Seed article: model load time, and the time to extract it, whole and per stage.

    python bench/seed.py [--runs 20]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

from eventwire.ingest import sample_path
from eventwire.ingest.text import read_text_file
from eventwire.model import Extraction
from eventwire.nlp import load_nlp
from eventwire.pipeline import STAGES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs

    started = time.perf_counter()
    nlp = load_nlp()
    load_s = time.perf_counter() - started
    article = read_text_file(sample_path())

    spacy_ms, stage_ms, total_ms = [], {name: [] for name, _ in STAGES}, []
    for _ in range(runs):
        t0 = time.perf_counter()
        doc = nlp(article.text)
        t1 = time.perf_counter()
        extraction = Extraction(article=article)
        for name, stage in STAGES:
            s0 = time.perf_counter()
            extraction = stage(doc, extraction)
            stage_ms[name].append((time.perf_counter() - s0) * 1000)
        total_ms.append((time.perf_counter() - t0) * 1000)
        spacy_ms.append((t1 - t0) * 1000)

    print(f"model load            {load_s:8.2f} s")
    print(f"seed extraction       {statistics.median(total_ms):8.1f} ms (median of {runs})")
    print(f"  spaCy pass          {statistics.median(spacy_ms):8.1f} ms")
    for name, times in stage_ms.items():
        print(f"  {name:<19} {statistics.median(times):8.1f} ms")
    print(f"items                 {len(extraction.actors)} actors, {len(extraction.places)} places, "
          f"{len(extraction.times)} times, {len(extraction.quotes)} quotes, "
          f"{len(extraction.quantities)} quantities, {len(extraction.events)} events")
    print(f"peak resident memory  {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.0f} MB")


if __name__ == "__main__":
    main()
