"""Every core of one machine: worker processes that each load the model once.

The reading process (the caller) sends batches of articles to the workers through a bounded
queue, and at most a fixed number of batches are in flight at once, so memory stays flat
whatever the corpus size. Each worker runs the whole pipeline (one spaCy pass through
``nlp.pipe``, then every stage) on its batch and sends the extractions back as JSON (a third
of the cost of pickling the pydantic objects, both ways); the caller gets them in input order
and is the one writer (stdout, JSONL, or the store).

Workers are forked from a fork server that has loaded the model and the stages' resources
once (``preload.py``), so neither the first workers nor a recycled worker's successor load
anything again; where there is no fork server (Windows), workers are spawned and load their own.

With one worker nothing is spawned: the pipeline runs in the calling process.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Callable, Iterable, Iterator, Optional

from eventwire.errors import InputError
from eventwire.model import Article, Extraction

ErrorHandler = Callable[[Article, Exception], None]
ProgressHandler = Callable[[int], None]

BATCH_SIZE = 32
"""Articles per task sent to a worker (and per ``nlp.pipe`` batch)."""
BATCHES_PER_WORKER = 3
"""Batches in flight per worker: enough to keep each busy, few enough to keep memory flat."""
POLL_SECONDS = 1.0
RECYCLE_AFTER = 5_000
"""Articles a worker extracts before a fresh one replaces it: spaCy's string store grows
with every new word it sees, so a long-lived worker's memory would creep with corpus size."""


def default_workers() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def peak_rss_bytes() -> int:
    """This process's peak resident memory (VmHWM on Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@dataclass
class RunStats:
    """What a run did: counts, time, and each worker's peak memory."""

    articles: int = 0
    words: int = 0
    failed: int = 0
    seconds: float = 0.0
    worker_peak_rss: dict[int, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


class _Failure(Exception):
    """An article's error as it comes back from a worker (the message survives pickling)."""


def batched(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def tasks_of(items: Iterable, size: int) -> Iterator[tuple[bool, list]]:
    """(to extract?, items): runs of Articles in batches of ``size``; anything else (an
    Extraction read from a file, a note that an article is already stored) in runs of its
    own that pass through untouched, in their place in the order."""
    run: list = []
    extracting = True
    for item in items:
        is_article = isinstance(item, Article)
        if run and (is_article != extracting or len(run) == size):
            yield extracting, run
            run = []
        extracting = is_article
        run.append(item)
    if run:
        yield extracting, run


def _extract_batch(pipeline, batch: list[Article]) -> tuple[list[Extraction], list[tuple]]:
    failures: list[tuple[Article, Exception]] = []
    extractions = list(pipeline.extract_many(batch, batch_size=len(batch),
                                             on_error=lambda a, e: failures.append((a, e))))
    return extractions, failures


def _exit_with_parent() -> None:
    """End this worker when its parent dies (even by SIGKILL) instead of waiting forever."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="eventwire-parent-watch", daemon=True).start()


DONE, RETIRED = -1, -2
"""What a worker's last message says instead of a batch index."""


def _worker(tasks, results, recycle_after: int) -> None:
    """A worker process: extract batch after batch with the (preloaded) pipeline.

    After ``recycle_after`` articles it retires (the parent starts a fresh one).
    """
    from eventwire.pipeline import default_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    _exit_with_parent()
    pipeline = default_pipeline()  # loaded by the fork server, or with the first batch
    done = 0
    while done < recycle_after and (task := tasks.get()) is not None:
        index, batch = task
        extractions, failures = _extract_batch(pipeline, batch)
        sendable = [(article, f"{err}" if isinstance(err, InputError)
                     else f"{type(err).__name__}: {err}") for article, err in failures]
        rows = [extraction.model_dump_json() for extraction in extractions]
        results.put((index, rows, sendable, os.getpid(), peak_rss_bytes()))
        done += len(batch)
    results.put((RETIRED if done >= recycle_after else DONE, [], [], os.getpid(),
                 peak_rss_bytes()))


def worker_context():
    """Fork server with the pipeline preloaded where the platform has one, else spawn.

    Not plain fork: the caller may run threads (a progress bar, the reader), and forking a
    process with threads can copy a lock another thread holds.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["eventwire.scale.preload"])  # once the server runs: kept
    return context


def _ready() -> None:
    """A worker that does nothing: forking it proves the fork server has preloaded."""


def start_fork_server() -> bool:
    """Start the fork server and wait until it has loaded the pipeline (a few seconds, once
    per process), so that the workers of the next run start at once. False where workers are
    spawned instead. A run starts the server itself when needed; this only moves the wait."""
    context = worker_context()
    if context.get_start_method() != "forkserver":
        return False
    probe = context.Process(target=_ready, daemon=True)
    probe.start()
    probe.join()
    return True


def extract_parallel(articles: Iterable[Article], *, workers: Optional[int] = None,
                     batch_size: int = BATCH_SIZE, on_error: Optional[ErrorHandler] = None,
                     on_progress: Optional[ProgressHandler] = None,
                     stats: Optional[RunStats] = None,
                     recycle_after: int = RECYCLE_AFTER) -> Iterator[Extraction]:
    """Extractions of ``articles``, in input order, computed by ``workers`` processes.

    An article that fails goes to ``on_error`` (without one, the error is raised);
    ``on_progress(n)`` is called as each batch of n articles is done. Items that are not
    Articles pass through untouched, in their place.
    """
    workers = workers or default_workers()
    stats = stats if stats is not None else RunStats()
    started = time.perf_counter()
    iterator = iter(articles)
    first = list(islice(iterator, batch_size))
    if len(first) < batch_size:  # one batch: starting processes would cost more than it saves
        workers = 1
    articles = chain(first, iterator)
    runner = _in_process if workers == 1 else _in_workers
    try:
        for item in runner(articles, workers, batch_size, on_error, on_progress, stats,
                           recycle_after):
            if isinstance(item, Extraction):
                stats.articles += 1
                stats.words += len(item.article.text.split())
            yield item
    finally:
        stats.seconds = time.perf_counter() - started


def _in_process(articles, _workers, batch_size, on_error, on_progress, stats, _recycle):
    from eventwire.pipeline import default_pipeline

    pipeline = default_pipeline()
    for extracting, batch in tasks_of(articles, batch_size):
        if not extracting:
            yield from batch
        else:
            extractions, failures = _extract_batch(pipeline, batch)
            yield from extractions
            _report(failures, on_error, stats)
        if on_progress:
            on_progress(len(batch))
    stats.worker_peak_rss[os.getpid()] = peak_rss_bytes()


def _report(failures, on_error, stats) -> None:
    for article, err in failures:
        stats.failed += 1
        if on_error is None:
            raise err if isinstance(err, Exception) else _Failure(err)
        on_error(article, err if isinstance(err, Exception) else _Failure(err))


def _in_workers(articles, workers, batch_size, on_error, on_progress, stats, recycle_after):
    context = worker_context()
    in_flight = threading.BoundedSemaphore(workers * BATCHES_PER_WORKER)
    tasks = context.Queue(maxsize=workers * 2)
    results = context.Queue()  # bounded by in_flight: the reader waits for a free slot
    stop = threading.Event()
    fed: dict[str, object] = {"batches": None, "error": None}

    def feed() -> None:
        count = 0
        try:
            for extracting, batch in tasks_of(articles, batch_size):
                while not in_flight.acquire(timeout=POLL_SECONDS):
                    if stop.is_set():
                        return
                if stop.is_set():
                    return
                if extracting:
                    tasks.put((count, batch))
                else:  # straight to the results, to keep its place in the order
                    results.put((count, batch, [], 0, 0))  # pid 0: not JSON
                count += 1
        except BaseException as err:  # reading failed: stop the run and raise it below
            fed["error"] = err
        finally:
            fed["batches"] = count
            for _ in range(workers):
                tasks.put(None)

    processes: list = []

    def start_worker() -> None:
        process = context.Process(target=_worker, args=(tasks, results, recycle_after),
                                  daemon=True, name=f"eventwire-worker-{len(processes)}")
        process.start()
        processes.append(process)

    for _ in range(workers):
        start_worker()
    feeder = threading.Thread(target=feed, name="eventwire-reader", daemon=True)
    feeder.start()
    pending: dict[int, tuple[list, list]] = {}
    next_index = finished = 0
    try:
        while fed["batches"] is None or next_index < fed["batches"]:
            if fed["error"] is not None:
                raise fed["error"]
            try:
                index, rows, failures, pid, peak = results.get(timeout=POLL_SECONDS)
            except queue.Empty:
                dead = [p for p in processes if not p.is_alive() and p.exitcode not in (0, None)]
                if dead and finished < workers:
                    raise RuntimeError(f"a worker process died (exit code {dead[0].exitcode}"
                                       f"; out of memory?); rerun with fewer --workers")
                continue
            if pid:
                stats.worker_peak_rss[pid] = peak
            if index == RETIRED:
                start_worker()
                continue
            if index == DONE:
                finished += 1
                continue
            pending[index] = (rows, failures, pid != 0)
            while next_index in pending:
                rows, failures, from_worker = pending.pop(next_index)
                for row in rows:  # JSON from a worker, or an item passed through as it was
                    yield Extraction.model_validate_json(row) if from_worker else row
                _report(failures, on_error, stats)
                in_flight.release()
                next_index += 1
                if on_progress:
                    on_progress(len(rows) + len(failures))
        if fed["error"] is not None:
            raise fed["error"]
        _collect_peaks(results, processes, stats, workers - finished, start_worker)
    finally:
        stop.set()
        for process in processes:
            process.join(timeout=0.1 if stop.is_set() and next_index < (fed["batches"] or 0)
                         else 5)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)
        tasks.cancel_join_thread()
        results.cancel_join_thread()


def _collect_peaks(results, processes, stats: RunStats, remaining: int,
                   start_worker: Callable[[], None]) -> None:
    """Each worker's last message carries its final peak memory."""
    deadline = time.monotonic() + 30
    while remaining > 0 and time.monotonic() < deadline:
        try:
            index, _rows, _failures, pid, peak = results.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if not any(process.is_alive() for process in processes):
                return
            continue
        stats.worker_peak_rss[pid] = peak
        if index == RETIRED:  # retired on its last batch: its successor takes the stop sign
            start_worker()
        remaining -= index == DONE
