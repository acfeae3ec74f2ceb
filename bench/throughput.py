"""Throughput and memory: spaCy alone, the full pipeline, 2 worker processes, Ray.

Prints, for one slice of ../shared/data/corpora/bench_articles.jsonl.gz, articles/s,
words/s and peak resident memory (per process) of:

  (a)  the spaCy model alone, one process            (the floor we build on)
  (a2) the spaCy model alone, 2 processes            (nlp.pipe n_process=2)
  (b)  the full pipeline, one process
  (c)  the full pipeline, 2 worker processes         (eventwire.scale.local)
  (d)  the full pipeline on Ray, 2 local actors      (eventwire.scale.ray)

and the ratios the issue sets targets for. Each configuration runs in a fresh process so that
its peak memory is its own. ``--memory-sizes 1000,25000`` also runs (c) at those sizes to show
that a worker's peak memory does not grow with the corpus.

    python bench/throughput.py --limit 300
    python bench/throughput.py --limit 1000 --memory-sizes 1000,25000 --only c
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CORPUS = "corpora/bench_articles.jsonl.gz"
CONFIGS = {"a": "spaCy alone, 1 process", "a2": "spaCy alone, 2 processes",
           "b": "full pipeline, 1 process", "c": "full pipeline, 2 workers",
           "d": "full pipeline, Ray, 2 actors"}
BATCH_SIZE = 32


def descendants(root: int) -> set[int]:
    """Every live process below ``root`` (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, stack = set(), [root]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def peak_of(pid: int) -> tuple[str, int]:
    """(process name, VmHWM in bytes) of one process, or ("", 0) once it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            name = cmdline.read().replace(b"\0", b" ").decode(errors="replace")[:80]
        return name, int(fields.get("VmHWM", "0 kB").split()[0]) * 1024
    except OSError:
        return "", 0


class MemorySampler(threading.Thread):
    """Samples the peak memory of this process and all its descendants every 0.2 s."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peaks: dict[int, tuple[str, int]] = {}
        self.done = threading.Event()

    def sample(self) -> None:
        for pid in {os.getpid()} | descendants(os.getpid()):
            name, peak = peak_of(pid)
            if peak and peak >= self.peaks.get(pid, ("", 0))[1]:
                self.peaks[pid] = (name, peak)

    def run(self) -> None:
        while not self.done.wait(0.2):
            self.sample()

    def stop(self) -> dict[int, tuple[str, int]]:
        self.sample()
        self.done.set()
        return self.peaks


def run_config(config: str, limit: int, data: Path) -> dict:
    """One configuration, in this process; returns its figures."""
    from eventwire.ingest.jsonl import read_jsonl

    articles = list(islice(read_jsonl(data / CORPUS), limit))
    words = sum(len(a.text.split()) for a in articles)
    sampler = MemorySampler()
    sampler.start()
    count = 0
    if config in ("a", "a2", "b"):
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline()
        nlp = pipeline.nlp  # loaded before the clock starts, as the workers' are not
    started = time.perf_counter()
    if config in ("a", "a2"):
        for _doc in nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE,
                             n_process=1 if config == "a" else 2):
            count += 1
    elif config == "b":
        count = sum(1 for _ in pipeline.extract_many(articles, batch_size=BATCH_SIZE,
                                                      on_error=lambda a, e: None))
    elif config == "c":
        from eventwire.scale.local import extract_parallel

        count = sum(1 for _ in extract_parallel(articles, workers=2, batch_size=BATCH_SIZE,
                                                on_error=lambda a, e: None))
    elif config == "d":
        from eventwire.scale.ray import extract_on_ray, start_ray

        start_ray("local", 2)  # cluster start-up is not the pipeline's cost
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as shards:
            stats = extract_on_ray(articles, shards, workers=2, batch_size=BATCH_SIZE,
                                   on_error=lambda a, e: None)
        count = stats.articles
    seconds = time.perf_counter() - started
    peaks = sampler.stop()
    # workers: spawned Python processes and Ray's actors, not trackers or Ray's daemons
    own_name = peak_of(os.getpid())[0]  # spaCy's forked processes carry our command line
    workers = {pid: peak for pid, (name, peak) in peaks.items()
               if pid != os.getpid() and peak > 100 * 2**20
               and ("spawn_main" in name or "MapWorker" in name or "ExtractToShards" in name
                    or name == own_name)}
    others = sum(peak for pid, (name, peak) in peaks.items()
                 if pid != os.getpid() and pid not in workers)
    return {"config": config, "articles": count, "words": words, "seconds": seconds,
            "articles_per_s": count / seconds, "words_per_s": words / seconds,
            "main_peak_mb": peaks[os.getpid()][1] / 2**20,
            "worker_peak_mb": sorted(round(v / 2**20) for v in workers.values()),
            "other_processes_mb": round(others / 2**20)}


def in_fresh_process(config: str, limit: int, data: Path) -> dict:
    result = subprocess.run([sys.executable, __file__, "--run", config, "--limit", str(limit),
                             "--data", str(data)], capture_output=True, text=True)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"configuration {config} failed:\n{result.stderr[-2000:]}")
    return json.loads(lines[-1])


def show(figures: dict) -> None:
    workers = figures["worker_peak_mb"]
    print(f"({figures['config']:>2}) {CONFIGS[figures['config']]:<30} "
          f"{figures['articles']:>6} articles {figures['seconds']:7.1f} s "
          f"{figures['articles_per_s']:7.2f} articles/s {figures['words_per_s']:8.0f} words/s  "
          f"peak: main {figures['main_peak_mb']:.0f} MB"
          + (f", workers {workers} MB" if workers else "")
          + (f", other processes {figures['other_processes_mb']} MB"
             if figures.get("other_processes_mb", 0) > 50 else ""), flush=True)


def main() -> None:
    from eventwire.evaluate import data_dir

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=300,
                        help="articles from the start of the corpus (default 300: a few "
                             "minutes per configuration on 2 cores)")
    parser.add_argument("--only", default="a,a2,b,c,d", help="configurations to run")
    parser.add_argument("--memory-sizes", default="",
                        help="also run (c) at these sizes, e.g. 1000,25000")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    data = args.data or data_dir()
    if args.run:
        print(json.dumps(run_config(args.run, args.limit, data)))
        return
    print(f"bench/throughput.py: first {args.limit} articles of {CORPUS}, batch size "
          f"{BATCH_SIZE}, {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f} at start", flush=True)
    results = {}
    for config in args.only.split(","):
        results[config] = in_fresh_process(config, args.limit, data)
        show(results[config])
    rate = {k: v["articles_per_s"] for k, v in results.items()}
    if {"a", "b"} <= rate.keys():
        print(f"(b)/(a) = {rate['b'] / rate['a']:.2f}   (target >= 0.70)")
    if {"a", "a2", "b", "c"} <= rate.keys():
        spacy_gain = rate["a2"] / rate["a"]
        print(f"spaCy's own gain (a2)/(a) = {spacy_gain:.2f}; (c)/(b) = "
              f"{rate['c'] / rate['b']:.2f} = {rate['c'] / rate['b'] / spacy_gain:.0%} of it "
              f"(target >= 90%)")
        if "d" in rate:
            print(f"(d)/(b) = {rate['d'] / rate['b']:.2f} = "
                  f"{rate['d'] / rate['b'] / spacy_gain:.0%} of spaCy's gain (target >= 80%)")
    for size in filter(None, args.memory_sizes.split(",")):
        figures = in_fresh_process("c", int(size), data)
        print(f"memory at {int(size):,} articles: ", end="")
        show(figures)
    print(f"load average at end {os.getloadavg()[0]:.1f} (other work on the machine slows "
          f"every figure; compare ratios within one run)")


if __name__ == "__main__":
    main()
