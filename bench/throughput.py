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
its peak memory is its own. The clock measures the work, not the one-off start, by one rule
for all five: whatever a long-running service does once before its first article (load the
model, and for the pipeline the stages' resources, in the processes that will extract or
fork the extracting ones) happens before the clock, and whatever it does per run or per
article happens inside it. So (a), (a2) and (b) load the model ((b) its resources too)
before the clock; (c) starts its fork server, which loads both once for every worker it
forks, before it (its workers are forked inside the clock: milliseconds each); (d) starts
Ray and its pool of 2 actors, each loading both, before it (``ActorPool.start(wait=True)``,
as a service keeps its pool warm). (c) and (d) print how long that start took and its CPU.
CPU seconds count every process of the configuration, and a second line splits them by
process. Each configuration also prints when its first result came (and the CPU spent by
then) and, on runs of 20 batches or more, its steady-state rate: articles/s after the first
tenth of the results, start-up left out (labelled as such; the headline rate keeps it in).

The machine's speed can drift between minutes (a shared virtual machine), so one pass of
the configurations decides little: ``--repeat N`` runs them interleaved (a, a2, b, c, d,
then again), prints each repetition's ratios, then per configuration the median rate and
CPU seconds and, per ratio, the median of the repetitions' ratios with every value.

``--memory`` runs the chosen configurations (c and/or d) as a stream instead: the articles
are read one by one, each result is written (as JSON, to /dev/null) as it comes, and every
``--every`` articles a line gives the main process's and each worker's resident and peak
memory; workers replaced after ``--recycle-after`` articles show as new pids. This is the
"flat with corpus size" check:

    python bench/throughput.py --limit 1000                       # all five, one run
    python bench/throughput.py --limit 1000 --repeat 3            # interleaved, medians
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


class Arrivals:
    """Counts results as they arrive and notes when the first one and the one that ends the
    first tenth came: the rate after that tenth is the steady state, start-up left out.

    Results come a batch at a time, so the tenth is rounded up to a whole batch; runs
    shorter than 20 batches get no steady-state figure (a batch is too coarse a tick)."""

    def __init__(self, expected: int, sampler: MemorySampler):
        tenth_in_batches = -(-(expected // 10) // BATCH_SIZE)
        self.mark = (tenth_in_batches * BATCH_SIZE if expected >= 20 * BATCH_SIZE
                     else expected + 1)
        self.sampler = sampler
        self.count = 0
        self.started = self.first = self.at_mark = 0.0
        self.cpu_at_first = 0.0

    def start(self) -> None:
        self.started = time.perf_counter()

    def consume(self, results) -> int:
        for _ in results:
            self.count += 1
            if self.count == 1:
                self.first = time.perf_counter() - self.started
                self.cpu_at_first = self.sampler.cpu_total()
            if self.count == self.mark:
                self.at_mark = time.perf_counter() - self.started
        return self.count

    def figures(self, seconds: float, cpu_before: float) -> dict:
        after = max(0, self.count - self.mark)
        return {"first_result_s": self.first,
                "cpu_to_first_result": self.cpu_at_first - cpu_before,
                "steady_articles": after,
                "steady_articles_per_s": (after / (seconds - self.at_mark)
                                          if after > 0 and seconds > self.at_mark else 0.0)}


def run_config(config: str, limit: int, data: Path) -> dict:
    """One configuration, in this process; returns its figures."""
    from eventwire.ingest.jsonl import read_jsonl

    articles = list(islice(read_jsonl(data / CORPUS), limit))
    words = sum(len(a.text.split()) for a in articles)
    sampler = MemorySampler()
    sampler.start()
    count = 0
    arrivals = Arrivals(len(articles), sampler)
    before_clock = ""
    if config in ("a", "a2", "b"):
        from eventwire.pipeline import default_pipeline

        if config == "b":  # model and resources loaded as (c)'s fork server loads them
            import eventwire.scale.preload  # noqa: F401
        pipeline = default_pipeline()
        nlp = pipeline.nlp  # loaded before the clock starts
    started = time.perf_counter()
    cpu_before, cpu_start = sampler.cpu_total(), sampler.cpu_by_process()
    arrivals.start()
    if config in ("a", "a2"):
        count = arrivals.consume(nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE,
                                          n_process=1 if config == "a" else 2))
    elif config == "b":
        count = arrivals.consume(pipeline.extract_many(articles, batch_size=BATCH_SIZE,
                                                       on_error=lambda a, e: None))
    elif config == "c":
        from eventwire.scale.local import extract_parallel, start_fork_server

        # the one model load, in the fork server, before the clock as (a2)'s and (b)'s are
        server_started = time.perf_counter()
        start_fork_server()
        before_clock = (f"fork server with the pipeline loaded: "
                        f"{time.perf_counter() - server_started:.1f} s, CPU "
                        f"{sampler.cpu_total() - cpu_before:.1f} s")
        started = time.perf_counter()
        cpu_before, cpu_start = sampler.cpu_total(), sampler.cpu_by_process()
        arrivals.start()
        count = arrivals.consume(extract_parallel(articles, workers=2, batch_size=BATCH_SIZE,
                                                  on_error=lambda a, e: None))
    elif config == "d":
        from eventwire.scale.ray import ActorPool, ExtractToDriver

        # the actor pool with the model loaded in each actor, before the clock as (c)'s
        # fork server is (a long-running deployment keeps it warm)
        pool_started = time.perf_counter()
        pool = ActorPool(ExtractToDriver, address="local", workers=2).start(wait=True)
        before_clock = (f"local Ray and 2 actors with the pipeline loaded: "
                        f"{time.perf_counter() - pool_started:.1f} s, CPU "
                        f"{sampler.cpu_total() - cpu_before:.1f} s")
        started = time.perf_counter()
        cpu_before, cpu_start = sampler.cpu_total(), sampler.cpu_by_process()
        arrivals.start()
        count = arrivals.consume(on_ray(articles, pool=pool))
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
            **arrivals.figures(seconds, cpu_before), "before_clock": before_clock,
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


def on_ray(articles, recycle_after: int = 0, pool=None):
    """(d): the pipeline on a local Ray with 2 actors, results sent back to this process."""
    from eventwire.scale.ray import RECYCLE_AFTER, extractions_from_ray

    return extractions_from_ray(articles, address="local", workers=2, batch_size=BATCH_SIZE,
                                recycle_after=recycle_after or RECYCLE_AFTER,
                                on_error=lambda a, e: None, pool=pool)


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
    if figures.get("before_clock"):
        print(f"     before the clock: {figures['before_clock']}", flush=True)
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
    if figures.get("steady_articles"):
        print(f"     first result after {figures['first_result_s']:.1f} s (CPU "
              f"{figures['cpu_to_first_result']:.1f} s by then); steady state, the "
              f"{figures['steady_articles']} articles after the first tenth: "
              f"{figures['steady_articles_per_s']:.2f} articles/s", flush=True)
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
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the configurations this many times, interleaved (a, a2, "
                             "b, c, d, then again), and print each repetition's ratios and "
                             "their medians: the machine's speed drifts between minutes")
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
          f"{BATCH_SIZE}, {os.cpu_count()} CPUs, {args.repeat} repetition(s) of "
          f"{', '.join(configs)}, load average {os.getloadavg()[0]:.1f} at start", flush=True)
    repetitions: list[dict] = []
    for repetition in range(1, args.repeat + 1):
        if args.repeat > 1:
            print(f"--- repetition {repetition} of {args.repeat} (load average "
                  f"{os.getloadavg()[0]:.1f})", flush=True)
        results = {}
        for config in configs:
            extra = (["--memory", "--every", str(args.every), "--recycle-after",
                      str(args.recycle_after)] if args.memory else [])
            results[config] = in_fresh_process(config, args.limit, data, *extra)
            show(results[config])
            if args.memory:
                show_flatness(results[config], min(1000, args.limit))
        repetitions.append(results)
        for line in ratio_lines(ratios(results, "articles_per_s")):
            print(line, flush=True)
        steady = ratios(results, "steady_articles_per_s")
        if steady:
            print("steady state (rates after the first tenth of the results; start-up "
                  "left out): " + "; ".join(ratio_lines(steady, short=True)), flush=True)
    if args.repeat > 1:
        show_medians(repetitions, configs)
    print(f"load average at end {os.getloadavg()[0]:.1f} (other work on the machine slows "
          f"every figure; compare ratios within one repetition, and their medians)")


TARGETS = {"b/a": 0.70, "c_share": 0.90, "d_share": 0.80}


def ratios(results: dict, key: str) -> dict:
    """The ratios the issue sets targets for, from one repetition's ``key`` rates."""
    rate = {k: v.get(key, 0.0) for k, v in results.items()}
    found: dict[str, float] = {}
    if not all(rate.get(k, 1.0) > 0 for k in ("a", "a2", "b")):
        return found
    if {"a", "b"} <= rate.keys():
        found["b/a"] = rate["b"] / rate["a"]
    if {"a", "a2", "b"} <= rate.keys():
        found["spacy_gain"] = rate["a2"] / rate["a"]
        for config in ("c", "d"):
            if rate.get(config, 0.0) > 0:
                found[f"{config}/b"] = rate[config] / rate["b"]
                found[f"{config}_share"] = found[f"{config}/b"] / found["spacy_gain"]
    return found


def ratio_lines(found: dict, short: bool = False) -> list[str]:
    lines = []
    if "b/a" in found:
        lines.append(f"(b)/(a) = {found['b/a']:.2f}" + ("" if short else "   (target >= 0.70)"))
    if "spacy_gain" in found:
        lines.append(f"spaCy's own gain (a2)/(a) = {found['spacy_gain']:.2f}")
    for config, target in (("c", 90), ("d", 80)):
        if f"{config}_share" in found:
            lines.append(f"({config})/(b) = {found[f'{config}/b']:.2f} = "
                         f"{found[f'{config}_share']:.0%} of spaCy's gain"
                         + ("" if short else f" (target >= {target}%)"))
    return lines


def show_medians(repetitions: list[dict], configs: list[str]) -> None:
    """Per configuration and per ratio: the median over the repetitions, and the range."""
    from statistics import median

    print(f"=== medians over {len(repetitions)} repetitions (each ratio is taken within "
          f"one repetition, then the median of those ratios)", flush=True)
    for config in configs:
        rates = [r[config]["articles_per_s"] for r in repetitions]
        cpu = [r[config]["cpu_seconds"] for r in repetitions]
        steady = [r[config].get("steady_articles_per_s", 0.0) for r in repetitions]
        print(f"({config:>2}) {CONFIGS[config]:<30} articles/s median {median(rates):6.2f} "
              f"(range {min(rates):.2f}-{max(rates):.2f}), CPU s median {median(cpu):6.1f} "
              f"(range {min(cpu):.1f}-{max(cpu):.1f})"
              + (f", steady state median {median(steady):6.2f} articles/s"
                 if all(steady) else ""), flush=True)
    for key, label in (("articles_per_s", "whole run, start-up included"),
                       ("steady_articles_per_s", "steady state, after the first tenth")):
        per_repetition = [ratios(r, key) for r in repetitions]
        names = [n for n in per_repetition[0] if all(n in f for f in per_repetition)]
        parts = []
        for name in names:
            values = [f[name] for f in per_repetition]
            shown = (lambda v: f"{v:.0%}") if name.endswith("_share") else (lambda v: f"{v:.2f}")
            target = (f", target >= {TARGETS[name]:.0%}" if name.endswith("_share") else
                      f", target >= {TARGETS[name]:.2f}" if name in TARGETS else "")
            parts.append(f"{name} median {shown(median(values))} ("
                         + ", ".join(shown(v) for v in values) + target + ")")
        if parts:
            print(f"ratios, {label}: " + "; ".join(parts), flush=True)


if __name__ == "__main__":
    main()
