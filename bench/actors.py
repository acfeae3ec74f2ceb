"""Actor stage time per article against the spaCy pass (issue 5: actors + events add at most
30% to the spaCy pass).

    PYTHONPATH=. python bench/actors.py [N]      # first N bench articles (default 300)

Prints the spaCy pass time, the actors stage time and its share of the spaCy pass, per
article and per 1,000 words, and the memory the actor dictionary takes.
"""

from __future__ import annotations

import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from eventwire.extract.actors import extract_actors
from eventwire.model import Extraction
from eventwire.nlp import load_nlp
from eventwire.resources.actors import actor_dictionary, person_index

from corpus import bench_articles, spacy_pass  # bench/corpus.py


def main(count: int) -> None:
    nlp = load_nlp()
    tracemalloc.start()
    started = time.perf_counter()
    actor_dictionary()
    person_index()  # built on first use; a one-off cost like the dictionary's
    load_seconds = time.perf_counter() - started
    dictionary_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()

    records = bench_articles(count)
    words = sum(len(r.text.split()) for r in records)
    docs, spacy_seconds, spacy_cpu = spacy_pass(nlp, records)

    started, cpu = time.perf_counter(), time.process_time()
    actors = 0
    for doc, article in zip(docs, records):
        actors += len(extract_actors(doc, Extraction(article=article)).actors)
    actor_seconds, actor_cpu = time.perf_counter() - started, time.process_time() - cpu

    print(f"articles: {len(records)} ({words:,} words), first of {Path('bench_articles.jsonl.gz')}")
    print(f"actor dictionary: loaded in {load_seconds:.2f} s, {dictionary_bytes / 2**20:.0f} MiB")
    print(f"spaCy pass:   {spacy_seconds:7.2f} s  {1000 * spacy_seconds / len(records):7.1f} ms/article"
          f"  {1000 * spacy_seconds / words * 1000:6.1f} ms/1k words")
    print(f"actors stage: {actor_seconds:7.2f} s  {1000 * actor_seconds / len(records):7.1f} ms/article"
          f"  {1000 * actor_seconds / words * 1000:6.1f} ms/1k words  ({actors:,} actors)")
    print(f"actors / spaCy pass: {100 * actor_seconds / spacy_seconds:.1f}% wall")
    # CPU time is the fairer figure on a shared machine: other jobs inflate wall time unevenly
    print(f"CPU time: spaCy {1000 * spacy_cpu / len(records):.1f} ms/article, actors "
          f"{1000 * actor_cpu / len(records):.1f} ms/article = {100 * actor_cpu / spacy_cpu:.1f}% "
          f"(load average {os.getloadavg()[0]:.1f})")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
