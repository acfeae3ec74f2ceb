"""Events stage time per article against the spaCy pass (issue 5: actors + events add at most
30% to the spaCy pass).

    PYTHONPATH=. python bench/events.py [N]      # first N bench articles (default 300)

Runs the spaCy pass, then the stages before events (actors, places, quotes, times,
quantities), then the events stage, on the first N articles of the bench corpus, and prints
each time, the events and actors+events shares of the spaCy pass, events per article, and
the memory the event ontology takes once loaded. The gazetteer, which places and the actors'
datelines share, is loaded before the stages are timed, and its load time printed apart; then
every other resource the stages load on first use (the actor dictionary and its indexes), as
the fork server and ``bench/throughput.py``'s (b) load them (``eventwire.scale.preload``), so
that a one-off load is not timed as the first articles' work.
"""

from __future__ import annotations

import sys
import time
import tracemalloc

from eventwire.extract import remember_text
from eventwire.extract.events import extract_events, status_cues
from eventwire.resources import event_classifier
from eventwire.model import Extraction
from eventwire.nlp import load_nlp
from eventwire.pipeline import STAGES
from eventwire.resources.gazetteer import load_gazetteer
from eventwire.resources.ontology import cameo_plover, triggers

from corpus import bench_articles, spacy_pass  # bench/corpus.py


def main(count: int) -> None:
    nlp = load_nlp()
    tracemalloc.start()
    started = time.perf_counter()
    triggers(), cameo_plover(), status_cues(), event_classifier.model(), event_classifier.policy()
    load_seconds = time.perf_counter() - started
    ontology_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    started = time.perf_counter()
    load_gazetteer()
    gazetteer_seconds = time.perf_counter() - started
    started = time.perf_counter()
    import eventwire.scale.preload  # noqa: F401  the stages' other resources, as (b) loads them
    preload_seconds = time.perf_counter() - started

    records = bench_articles(count)
    words = sum(len(r.text.split()) for r in records)
    docs, spacy_seconds, spacy_cpu = spacy_pass(nlp, records)

    before = [(name, stage) for name, stage in STAGES if name != "events"]
    seconds = {name: 0.0 for name, _ in before}
    cpu_seconds = {name: 0.0 for name, _ in before}
    extractions = []
    for doc, article in zip(docs, records):
        extraction = Extraction(article=article)
        remember_text(doc, article.text)  # as Pipeline.run gives it, before the stages
        for name, stage in before:
            started, cpu = time.perf_counter(), time.process_time()
            extraction = stage(doc, extraction)
            seconds[name] += time.perf_counter() - started
            cpu_seconds[name] += time.process_time() - cpu
        extractions.append(extraction)

    started, cpu = time.perf_counter(), time.process_time()
    events = 0
    for doc, extraction in zip(docs, extractions):
        events += len(extract_events(doc, extraction).events)
    event_seconds = time.perf_counter() - started
    event_cpu = time.process_time() - cpu

    actor_seconds = seconds.get("actors", 0.0)
    print(f"articles {len(records)}  words {words:,}")
    print(f"spaCy pass        {spacy_seconds:8.2f} s  ({1000 * spacy_seconds / len(records):.1f} ms/article)")
    for name, value in seconds.items():
        print(f"{name:<17} {value:8.2f} s  ({100 * value / spacy_seconds:5.1f}% of spaCy)")
    print(f"events            {event_seconds:8.2f} s  ({100 * event_seconds / spacy_seconds:5.1f}% of spaCy, "
          f"{1000 * event_seconds / len(records):.2f} ms/article, "
          f"{1000 * event_seconds / (words / 1000):.2f} ms per 1,000 words)")
    print(f"actors + events   {100 * (actor_seconds + event_seconds) / spacy_seconds:5.1f}% of the spaCy pass "
          f"(target: at most 30%)")
    actor_cpu = cpu_seconds.get("actors", 0.0)
    print(f"CPU time: spaCy {spacy_cpu:.2f} s, actors {actor_cpu:.2f} s, events {event_cpu:.2f} s; "
          f"actors + events {100 * (actor_cpu + event_cpu) / spacy_cpu:5.1f}% of the spaCy pass")
    print(f"events found      {events}  ({events / len(records):.2f} per article)")
    print(f"ontology load     {load_seconds:.2f} s, {ontology_bytes / 2**20:.1f} MiB")
    print(f"gazetteer load    {gazetteer_seconds:.2f} s (before the stages are timed)")
    print(f"preload           {preload_seconds:.2f} s (the other resources; before the stages are timed)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
