"""Gazetteer load time and memory, and resolution time per toponym.

    PYTHONPATH=. python bench/places.py [N_ARTICLES]

Prints: the time to load the compiled gazetteer (building it first if the cache is empty),
the process's resident memory after loading, and the mean time to resolve one toponym over
the toponyms spaCy and the gazetteer find in the first N articles of the bench corpus
(default 300). Run it in a fresh process: the load figure is a cold load from the cache file.
"""

from __future__ import annotations

import gzip
import json
import resource
import sys
import time


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(n_articles: int = 300) -> None:
    from eventwire.evaluate import data_dir
    from eventwire.resources import gazetteer as gazetteer_module

    built = not gazetteer_module.index_path().exists()
    base_mb = resident_mb()
    started = time.perf_counter()
    gazetteer = gazetteer_module.load_gazetteer()
    load_s = time.perf_counter() - started
    print(f"gazetteer: {len(gazetteer):,} places, {len(gazetteer.keys):,} names"
          f"{' (index built now)' if built else ''}")
    print(f"load: {load_s:.2f} s; resident memory {resident_mb():.0f} MB "
          f"({resident_mb() - base_mb:.0f} MB for the gazetteer)")

    from eventwire.extract.places import find_toponyms, resolve_toponyms
    from eventwire.nlp import load_nlp

    corpus = data_dir() / "corpora" / "bench_articles.jsonl.gz"
    texts = []
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n_articles:
                break
    nlp = load_nlp()
    articles = [(doc.text, find_toponyms(doc, gazetteer)) for doc in nlp.pipe(texts)]
    from eventwire.extract.places import _major_names

    _major_names(gazetteer)  # built once per process, on the first misspelt name
    resolve_toponyms(*articles[0], gazetteer)  # warm the lazy tables
    started, cpu_started = time.perf_counter(), time.process_time()
    toponyms = 0
    for text, found in articles:
        resolve_toponyms(text, found, gazetteer)
        toponyms += len(found)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"resolution: {toponyms:,} toponyms in {len(articles)} articles, "
          f"{1000 * elapsed / max(1, toponyms):.3f} ms per toponym "
          f"({1000 * cpu / max(1, toponyms):.3f} ms of CPU time; the wall figure includes "
          "waiting for a shared core)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
