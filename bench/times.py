"""The times stage's share of the pipeline's time per article, on a slice of the bench corpus.

    python bench/times.py [--articles 300] [--skip 0]

The pipeline's time is the spaCy pass plus every stage (nlp.pipe, one process); the share is
the times stage's time over that total (issue 3: at most 10%). spaCy parses in batches, so
per-article shares are not meaningful; the figure is over the whole slice. Times are CPU
seconds of this process (time.process_time), so that other work on a shared machine does
not inflate them. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import time
from datetime import date
from itertools import islice
from pathlib import Path

from eventwire.evaluate import data_dir
from eventwire.model import Article, Extraction
from eventwire.nlp import load_nlp
from eventwire.pipeline import STAGES


def articles(path: Path, skip: int, count: int) -> list[Article]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in islice(lines, skip, skip + count)]
    found = []
    for row in rows:
        try:
            published = date.fromisoformat(row["date"][:10]) if row.get("date") else None
        except ValueError:
            published = None
        if row.get("text", "").strip():
            found.append(Article.from_text(row["text"], published=published, id=row["id"]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--skip", type=int, default=0)
    options = parser.parse_args()
    corpus = data_dir() / "corpora" / "bench_articles.jsonl.gz"
    batch = articles(corpus, options.skip, options.articles)
    nlp = load_nlp()

    spacy_s, stage_s = 0.0, {name: 0.0 for name, _ in STAGES}
    times_ms, times_found, words = [], 0, 0
    started = time.process_time()
    docs = nlp.pipe((a.text for a in batch), batch_size=16)
    for article in batch:
        t0 = time.process_time()
        doc = next(docs)
        article_spacy = time.process_time() - t0
        spacy_s += article_spacy
        extraction, article_times = Extraction(article=article), 0.0
        for name, stage in STAGES:
            s0 = time.process_time()
            extraction = stage(doc, extraction)
            spent = time.process_time() - s0
            stage_s[name] += spent
            if name == "times":
                article_times = spent
        times_ms.append(article_times * 1000)
        times_found += len(extraction.times)
        words += len(doc)
    wall = time.process_time() - started
    total = spacy_s + sum(stage_s.values())

    print(f"articles              {len(batch)} (skip {options.skip}), {words:,} tokens, "
          f"{times_found:,} times found")
    print(f"pipeline              {wall:8.1f} s CPU, {len(batch) / wall:6.1f} articles per CPU second")
    print(f"  spaCy pass          {spacy_s:8.2f} s  ({spacy_s / total:6.1%})")
    for name, spent in stage_s.items():
        print(f"  {name:<19} {spent:8.2f} s  ({spent / total:6.1%})")
    print(f"times stage per article: mean {stage_s['times'] / len(batch) * 1000:.2f} ms, "
          f"median {statistics.median(times_ms):.2f} ms; share of the pipeline's time: "
          f"{stage_s['times'] / total:.1%} (target: at most 10%)")
    print(f"peak resident memory  {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.0f} MB")


if __name__ == "__main__":
    main()
