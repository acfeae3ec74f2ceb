"""Where the full pipeline's time goes beyond spaCy: CPU ms per article for each stage.

Issue 8 asks the full pipeline in one process to keep at least 70% of spaCy-alone throughput
(``bench/throughput.py``, (b)/(a)); that holds only while the stages plus the pipeline's own
work cost at most ~43% of the spaCy pass, and we aim at ~25% for margin.

    PYTHONPATH=. python bench/stages.py [N]             # first N bench articles (default 300)
    PYTHONPATH=. python bench/stages.py 300 --profile   # plus cProfile's top functions

Parses the first N articles of the bench corpus with ``nlp.pipe`` (batches of 32, as the
throughput benchmark does), then runs ``Pipeline.run``'s work on every doc with each step
timed apart: building the Extraction (and dropping the per-doc Token caches after the stages,
counted with it), each stage, ``check_spans``. Times are CPU seconds of
this process (``time.process_time``), which hold on a machine that other work shares; wall
seconds are printed beside them. Resources are loaded (by extracting the first article)
before any clock starts.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time

from eventwire.extract import forget_parse, remember_text
from eventwire.model import Extraction, check_spans
from eventwire.nlp import load_nlp
from eventwire.pipeline import STAGES, default_pipeline

from corpus import bench_articles, spacy_pass  # bench/corpus.py

BATCH_SIZE = 32


def timed_stages(docs, articles) -> tuple[dict[str, float], dict[str, float]]:
    """CPU and wall seconds of each step of ``Pipeline.run`` over every doc."""
    steps = ["extraction", *(name for name, _ in STAGES), "check_spans"]
    cpu = dict.fromkeys(steps, 0.0)
    wall = dict.fromkeys(steps, 0.0)

    def clocked(step: str, work, *args):
        started, cpu_started = time.perf_counter(), time.process_time()
        result = work(*args)
        cpu[step] += time.process_time() - cpu_started
        wall[step] += time.perf_counter() - started
        return result

    for doc, article in zip(docs, articles):
        extraction = clocked("extraction", lambda: Extraction(article=article))
        clocked("extraction", remember_text, doc, article.text)
        for name, stage in STAGES:
            extraction = clocked(name, stage, doc, extraction)
        clocked("extraction", forget_parse, doc)  # as Pipeline.run: no Token outlives its doc
        clocked("check_spans", check_spans, extraction)
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=300)
    parser.add_argument("--profile", action="store_true",
                        help="also run the stages under cProfile and print the top functions")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()

    nlp = load_nlp()
    articles = bench_articles(args.count)
    default_pipeline().extract(articles[0])  # every lazily loaded resource, before the clocks
    docs, spacy_wall, spacy_cpu = spacy_pass(nlp, articles, batch_size=BATCH_SIZE)
    cpu, wall = timed_stages(docs, articles)

    n = len(articles)
    print(f"{n} bench articles, {sum(len(a.text.split()) for a in articles):,} words; "
          f"load average {os.getloadavg()[0]:.1f}; ms per article, CPU (wall)")
    print(f"{'spaCy (nlp.pipe)':<18}{1000 * spacy_cpu / n:8.1f} ({1000 * spacy_wall / n:.1f})")
    for step in cpu:
        print(f"{step:<18}{1000 * cpu[step] / n:8.1f} ({1000 * wall[step] / n:.1f})"
              f"   {cpu[step] / spacy_cpu:6.1%} of spaCy")
    total_cpu, total_wall = sum(cpu.values()), sum(wall.values())
    print(f"{'all beyond spaCy':<18}{1000 * total_cpu / n:8.1f} ({1000 * total_wall / n:.1f})"
          f"   {total_cpu / spacy_cpu:6.1%} of spaCy")
    print(f"(b)/(a) this implies (CPU): {spacy_cpu / (spacy_cpu + total_cpu):.2f}")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        timed_stages(docs, articles)
        profiler.disable()
        stats = pstats.Stats(profiler).strip_dirs().sort_stats("tottime")
        stats.print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
