"""Throughput and memory: spaCy alone, the full pipeline, 2 worker processes, Ray.

Prints, for one slice of ../shared/data/corpora/bench_articles.jsonl.gz, articles/s,
words/s and peak resident memory (per process) of:

  (a)  the spaCy model alone, one process            (the floor we build on)
  (a2) the spaCy model alone, 2 processes            (nlp.pipe n_process=2)
  (b)  the full pipeline, one process
  (c)  the full pipeline, 2 worker processes         (eventwire.scale.local)
  (d)  the full pipeline on Ray, 2 local actors      (eventwire.scale.ray, results sent back
                                                      to the driver, as `ingest --ray` does)

and the ratios the issue sets targets for. Each configuration runs in a fresh process so that
its peak memory is its own. The clock measures the work, not the one-off start: (a), (a2)
and (b) load the model (and (b) the stages' resources) before it starts, (c) starts its fork
server, which loads both once for every worker it forks, before it (and prints how long that
took), (d) starts Ray before it (each actor then loads its own model inside the clock).
CPU seconds count every process of the configuration, and a second line splits them by
process.

``--memory`` runs the chosen configurations (c and/or d) as a stream instead: the articles
are read one by one, each result is written (as JSON, to /dev/null) as it comes, and every
``--every`` articles a line gives the main process's and each worker's resident and peak
memory; workers replaced after ``--recycle-after`` articles show as new pids. This is the
"flat with corpus size" check:

    python bench/throughput.py --limit 1000                       # all five, one run
    python bench/throughput.py --configs c --memory --limit 25000 # memory over 25,000
    python bench/throughput.py --configs c --memory --limit 300 --every 100 --recycle-after 100
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
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


def memory_of(pid: int) -> tuple[str, int, int]:
    """(process name, VmRSS, VmHWM in bytes) of one process, or ("", 0, 0) once it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            name = cmdline.read().replace(b"\0", b" ").decode(errors="replace")[:80]
        return (name, int(fields.get("VmRSS", "0 kB").split()[0]) * 1024,
                int(fields.get("VmHWM", "0 kB").split()[0]) * 1024)
    except (OSError, ValueError):
        return "", 0, 0


def cpu_seconds_of(pid: int) -> float:
    """User + system CPU time a process has used so far (0.0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def peak_of(pid: int) -> tuple[str, int]:
    """(process name, VmHWM in bytes) of one process, or ("", 0) once it is gone."""
    name, _rss, peak = memory_of(pid)
    return name, peak


def parent_of(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def is_fork_server(pid: int, name: str) -> bool:
    """multiprocessing's fork server: our child; the workers it forks are its children."""
    return "forkserver" in name and parent_of(pid) == os.getpid()


def is_worker(pid: int, name: str, peak: int, own_name: str,
              fork_servers: frozenset = frozenset()) -> bool:
    """Forked or spawned Python workers and Ray's actors, not the fork server, trackers or
    Ray's daemons (spaCy's own forked processes carry our command line)."""
    return (pid != os.getpid() and peak > 100 * 2**20 and pid not in fork_servers
            and ("spawn_main" in name or "forkserver" in name or "MapWorker" in name
                 or "ExtractTo" in name or name == own_name))


class MemorySampler(threading.Thread):
    """Samples the memory and CPU time of this process and all its descendants."""

    def __init__(self, interval: float = 0.5):
        super().__init__(daemon=True)
        self.interval = interval
        self.peaks: dict[int, tuple[str, int]] = {}
        self.resident: dict[int, int] = {}  # live processes' VmRSS at the last sample
        self.cpu: dict[int, float] = {}  # CPU seconds each process had used, last seen
        self.fork_servers: frozenset = frozenset()  # pids of the fork server, once seen
        self.done = threading.Event()
        self.lock = threading.Lock()

    def sample(self) -> None:
        resident = {}
        for pid in {os.getpid()} | descendants(os.getpid()):
            name, rss, peak = memory_of(pid)
            if not peak:
                continue
            if pid not in self.fork_servers and is_fork_server(pid, name):
                self.fork_servers |= {pid}
            resident[pid] = rss
            cpu = cpu_seconds_of(pid)
            with self.lock:
                self.cpu[pid] = max(cpu, self.cpu.get(pid, 0.0))
                if peak >= self.peaks.get(pid, ("", 0))[1]:
                    self.peaks[pid] = (name, peak)
        with self.lock:
            self.resident = resident

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.sample()

    def cpu_total(self) -> float:
        """CPU seconds used by this process and every descendant seen so far."""
        self.sample()
        with self.lock:
            return sum(self.cpu.values())

    def cpu_by_process(self) -> dict[int, float]:
        """CPU seconds each process seen so far has used."""
        self.sample()
        with self.lock:
            return dict(self.cpu)

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
        from eventwire.pipeline import default_pipeline

        if config == "b":  # model and resources loaded as (c)'s fork server loads them
            import eventwire.scale.preload  # noqa: F401
        pipeline = default_pipeline()
        nlp = pipeline.nlp  # loaded before the clock starts
    started = time.perf_counter()
    cpu_before, cpu_start = sampler.cpu_total(), sampler.cpu_by_process()
    if config in ("a", "a2"):
        for _doc in nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE,
                             n_process=1 if config == "a" else 2):
            count += 1
    elif config == "b":
        count = sum(1 for _ in pipeline.extract_many(articles, batch_size=BATCH_SIZE,
                                                      on_error=lambda a, e: None))
    elif config == "c":
        from eventwire.scale.local import extract_parallel, start_fork_server

        # the one model load, in the fork server, before the clock as (a2)'s and (b)'s are
        server_started = time.perf_counter()
        start_fork_server()
        print(f"fork server with the pipeline loaded ready in "
              f"{time.perf_counter() - server_started:.1f} s (CPU "
              f"{sampler.cpu_total() - cpu_before:.1f} s), before the clock", flush=True)
        started = time.perf_counter()
        cpu_before, cpu_start = sampler.cpu_total(), sampler.cpu_by_process()
        count = sum(1 for _ in extract_parallel(articles, workers=2, batch_size=BATCH_SIZE,
                                                on_error=lambda a, e: None))
    elif config == "d":
        from eventwire.scale.ray import start_ray

        start_ray("local", 2)  # cluster start-up is not the pipeline's cost
        started = time.perf_counter()
        cpu_before, cpu_start = sampler.cpu_total(), sampler.cpu_by_process()
        count = sum(1 for _ in on_ray(articles))
    seconds = time.perf_counter() - started
    cpu_seconds = sampler.cpu_total() - cpu_before
    cpu_used = {pid: cpu - cpu_start.get(pid, 0.0)
                for pid, cpu in sampler.cpu_by_process().items()}
    peaks = sampler.stop()
    own_name = peak_of(os.getpid())[0]
    servers = sampler.fork_servers
    # (c)'s probe of its fork server: ended before the clock (Ray's actors may start before)
    gone_before = {pid for pid in cpu_start
                   if pid not in sampler.resident and not cpu_used.get(pid)}
    workers = {pid: peak for pid, (name, peak) in peaks.items()
               if pid not in gone_before and is_worker(pid, name, peak, own_name, servers)}
    server_peak = sum(peak for pid, (_name, peak) in peaks.items() if pid in servers)
    others = sum(peak for pid, (name, peak) in peaks.items()
                 if pid != os.getpid() and pid not in workers and pid not in servers
                 and pid not in gone_before)
    return {"config": config, "articles": count, "words": words, "seconds": seconds,
            "articles_per_s": count / seconds, "words_per_s": words / seconds,
            "cpu_seconds": cpu_seconds, "main_peak_mb": peaks[os.getpid()][1] / 2**20,
            "worker_peak_mb": sorted(round(v / 2**20) for v in workers.values()),
            "fork_server_mb": round(server_peak / 2**20),
            "other_processes_mb": round(others / 2**20),
            "cpu_main": cpu_used.get(os.getpid(), 0.0),
            "cpu_workers": sorted(round(cpu_used.get(pid, 0.0), 1) for pid in workers),
            "cpu_fork_server": sum(cpu_used.get(pid, 0.0) for pid in servers),
            "cpu_others": sum(cpu for pid, cpu in cpu_used.items()
                              if pid != os.getpid() and pid not in workers
                              and pid not in servers)}


def on_ray(articles, recycle_after: int = 0):
    """(d): the pipeline on a local Ray with 2 actors, results sent back to this process."""
    from eventwire.scale.ray import WINDOW, extractions_from_ray

    return extractions_from_ray(articles, workers=2, batch_size=BATCH_SIZE,
                                window=recycle_after or WINDOW, on_error=lambda a, e: None)


def run_memory(config: str, limit: int, data: Path, every: int, recycle_after: int) -> dict:
    """(c) or (d) as a stream: read one by one, write each result as it comes, and report
    every process's memory every ``every`` articles."""
    from eventwire.ingest.jsonl import read_jsonl

    words = 0

    def articles():
        nonlocal words
        for article in islice(read_jsonl(data / CORPUS), limit):
            words += len(article.text.split())
            yield article

    sampler = MemorySampler(interval=1.0)  # peaks are the kernel's high-water marks
    sampler.start()
    if config == "c":
        from eventwire.scale.local import RECYCLE_AFTER, extract_parallel

        results = extract_parallel(articles(), workers=2, batch_size=BATCH_SIZE,
                                   on_error=lambda a, e: None,
                                   recycle_after=recycle_after or RECYCLE_AFTER)
    else:
        from eventwire.scale.ray import start_ray

        start_ray("local", 2)
        results = on_ray(articles(), recycle_after)
    own_name = peak_of(os.getpid())[0]
    checkpoints: list[dict] = []
    started = time.perf_counter()
    cpu_before = sampler.cpu_total()
    count = 0

    def checkpoint() -> None:
        sampler.sample()
        with sampler.lock:
            peaks, resident = dict(sampler.peaks), dict(sampler.resident)
        workers = {pid: peak for pid, (name, peak) in peaks.items()
                   if is_worker(pid, name, peak, own_name, sampler.fork_servers)}
        seconds = time.perf_counter() - started
        point = {"articles": count, "seconds": round(seconds, 1),
                 "main_rss_mb": round(resident.get(os.getpid(), 0) / 2**20),
                 "main_peak_mb": round(peaks[os.getpid()][1] / 2**20),
                 "worker_peak_mb": round(max(workers.values(), default=0) / 2**20),
                 "workers_started": len(workers)}
        checkpoints.append(point)
        live = ", ".join(f"{pid}: {resident[pid] / 2**20:.0f}/{peak / 2**20:.0f}"
                         for pid, peak in sorted(workers.items()) if pid in resident)
        retired = sorted(round(peak / 2**20) for pid, peak in workers.items()
                         if pid not in resident)
        print(f"{count:>7,} articles {seconds:7.0f} s {count / seconds:6.2f}/s  main "
              f"{point['main_rss_mb']}/{point['main_peak_mb']} MB  workers (pid: now/peak MB) "
              f"{live or '-'}" + (f"  ended workers' peaks {retired} MB" if retired else ""),
              flush=True)

    with open(os.devnull, "w", encoding="utf-8") as sink:  # the one writer, one by one
        for extraction in results:
            sink.write(extraction.model_dump_json() + "\n")
            count += 1
            if count % every == 0:
                checkpoint()
    if count % every:
        checkpoint()
    seconds = time.perf_counter() - started
    cpu_seconds = sampler.cpu_total() - cpu_before
    sampler.stop()
    return {"config": config, "articles": count, "words": words, "seconds": seconds,
            "articles_per_s": count / seconds, "words_per_s": words / seconds,
            "cpu_seconds": cpu_seconds,
            "main_peak_mb": checkpoints[-1]["main_peak_mb"],
            "worker_peak_mb": [checkpoints[-1]["worker_peak_mb"]],
            "checkpoints": checkpoints}


def in_fresh_process(config: str, limit: int, data: Path, *extra: str) -> dict:
    """Run one configuration in a new interpreter; its progress lines pass through."""
    child = subprocess.Popen([sys.executable, __file__, "--run", config, "--limit", str(limit),
                              "--data", str(data), *extra], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    errors: list[str] = []
    drain = threading.Thread(target=lambda: errors.extend(child.stderr), daemon=True)
    drain.start()
    figures = None
    for line in child.stdout:
        if line.startswith("{"):
            figures = json.loads(line)
        else:
            print("     " + line, end="", flush=True)
    child.wait()
    drain.join(timeout=5)
    if child.returncode != 0 or figures is None:
        raise SystemExit(f"configuration {config} failed:\n{''.join(errors)[-2000:]}")
    return figures


def show_flatness(figures: dict, first: int) -> None:
    """Peak memory at the first checkpoint at or after ``first`` articles, and at the end."""
    points = figures["checkpoints"]
    early = next((p for p in points if p["articles"] >= first), points[0])
    last = points[-1]
    print(f"memory ({figures['config']}): at {early['articles']:,} articles main peak "
          f"{early['main_peak_mb']} MB, worker peak {early['worker_peak_mb']} MB; at "
          f"{last['articles']:,} articles main peak {last['main_peak_mb']} MB, worker peak "
          f"{last['worker_peak_mb']} MB ({last['workers_started']} workers started in all; "
          f"target < 1,500 MB per worker, flat with corpus size)", flush=True)


def show(figures: dict) -> None:
    workers = figures["worker_peak_mb"]
    print(f"({figures['config']:>2}) {CONFIGS[figures['config']]:<30} "
          f"{figures['articles']:>6} articles {figures['seconds']:7.1f} s "
          f"{figures['articles_per_s']:7.2f} articles/s {figures['words_per_s']:8.0f} words/s "
          f"CPU {figures.get('cpu_seconds', 0):7.1f} s  "
          f"peak: main {figures['main_peak_mb']:.0f} MB"
          + (f", workers {workers} MB" if workers else "")
          + (f", fork server {figures['fork_server_mb']} MB"
             if figures.get("fork_server_mb") else "")
          + (f", other processes {figures['other_processes_mb']} MB"
             if figures.get("other_processes_mb", 0) > 50 else ""), flush=True)
    if figures.get("cpu_workers") or figures.get("cpu_others", 0) > 0.5:
        print(f"     CPU s by process: main {figures['cpu_main']:.1f}, workers "
              f"{figures['cpu_workers']}"
              + (f", fork server {figures['cpu_fork_server']:.1f}"
                 if figures.get("cpu_fork_server") else "")
              + (f", others {figures['cpu_others']:.1f}"
                 if figures.get("cpu_others", 0) > 0.05 else ""), flush=True)


def main() -> None:
    from eventwire.evaluate import data_dir

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=300,
                        help="articles from the start of the corpus (default 300: a few "
                             "minutes per configuration on 2 cores)")
    parser.add_argument("--configs", "--only", dest="configs", default="a,a2,b,c,d",
                        help="configurations to run, comma-separated (default a,a2,b,c,d)")
    parser.add_argument("--memory", action="store_true",
                        help="memory over time: stream the articles through (c) and/or (d), "
                             "printing every process's memory every --every articles")
    parser.add_argument("--every", type=int, default=1000,
                        help="with --memory: articles between memory lines (default 1000)")
    parser.add_argument("--recycle-after", type=int, default=0,
                        help="with --memory: articles per worker before a fresh one replaces "
                             "it (default: the product's, 5,000; lower it to see it on a "
                             "short run)")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    data = args.data or data_dir()
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    unknown = [c for c in configs if c not in CONFIGS]
    if not args.run and (unknown or (args.memory and not set(configs) <= {"c", "d"})):
        parser.error(f"--configs takes {', '.join(CONFIGS)}"
                     + ("; --memory takes c and d" if args.memory else ""))
    if args.run:
        figures = (run_memory(args.run, args.limit, data, args.every, args.recycle_after)
                   if args.memory else run_config(args.run, args.limit, data))
        print(json.dumps(figures))
        return
    print(f"bench/throughput.py: first {args.limit} articles of {CORPUS}, batch size "
          f"{BATCH_SIZE}, {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f} at start", flush=True)
    results = {}
    for config in configs:
        extra = (["--memory", "--every", str(args.every), "--recycle-after",
                  str(args.recycle_after)] if args.memory else [])
        results[config] = in_fresh_process(config, args.limit, data, *extra)
        show(results[config])
        if args.memory:
            show_flatness(results[config], min(1000, args.limit))
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
    print(f"load average at end {os.getloadavg()[0]:.1f} (other work on the machine slows "
          f"every figure; compare ratios within one run)")


if __name__ == "__main__":
    main()
