"""The same pipeline on a Ray cluster: a pool of Ray actors, each with the model loaded once.

Each actor loads the model once and extracts batch after batch; the pool can be started
(and the model loaded) before the first article arrives. Its results reach the store one
of two ways:

- to the driver (the default): each batch's extractions come back through Ray's object
  store and the driver, the one writer, stores them one transaction per article (SQLite or
  PostgreSQL);
- to Parquet shards: each batch becomes one shard in a folder every node can reach (a
  shared filesystem, or an ``s3://``/``gs://`` URI pyarrow can write) and the actor returns
  only a receipt; ``eventwire load SHARDS`` imports the shards, in one writer.

The driver reads the inputs with the ordinary readers (every file kind, bad input reported
once) and hands them to the actors a batch at a time, reading only a few batches ahead,
so its memory stays flat on any corpus size.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from eventwire.errors import InputError
from eventwire.model import Article, Extraction
from eventwire.scale.local import (  # an actor recycles as a local worker does
    RECYCLE_AFTER, RunStats, batched, peak_rss_bytes)

SHARD_COLUMNS = ("article_id", "sha256", "title", "published", "events", "extraction")
"""Columns of a shard; ``extraction`` is the Extraction as JSON (docs/extraction.schema.json)."""
BATCH_SIZE = 64
"""Articles per actor call, and so per shard."""
IN_FLIGHT = 2
"""Batches an actor holds at once: one running, one queued behind it, so that it never
waits while the driver stores results (Ray Data's default for its actor pools, too)."""

ErrorHandler = Callable[[str, str], None]
ProgressHandler = Callable[[int], None]


@dataclass
class RayStats(RunStats):
    """A local run's figures, plus the Parquet shards written (workers keyed by actor name)."""

    shards: int = 0


def shard_table(extractions: list[Extraction]):
    """A pyarrow Table of extractions, one row each."""
    import pyarrow as pa

    return pa.table({
        "article_id": [e.article.id for e in extractions],
        "sha256": [e.article.sha256 for e in extractions],
        "title": [e.article.title for e in extractions],
        "published": [e.article.published for e in extractions],
        "events": pa.array([len(e.events) for e in extractions], pa.int32()),
        "extraction": [e.model_dump_json() for e in extractions],
    })


class ExtractOnActor:
    """A Ray actor: the pipeline, loaded once, over batches of articles (JSON)."""

    def __init__(self):
        import eventwire.scale.preload  # noqa: F401  loads the model and resources, once
        from eventwire.pipeline import default_pipeline

        self.pipeline = default_pipeline()
        self.worker = f"{os.uname().nodename}:{os.getpid()}"

    def ready(self) -> str:
        """Answers once the constructor (the model load) is done: the pool's start signal."""
        return self.worker

    def extract(self, batch: list[str]) -> tuple[list[Extraction], list[str]]:
        """The batch's extractions, and its failures as JSON ``[article id, message]``."""
        articles = [Article.model_validate_json(text) for text in batch]
        errors: list[str] = []
        extractions = list(self.pipeline.extract_many(
            articles, batch_size=len(articles),
            on_error=lambda a, e: errors.append(json.dumps([a.id, str(e)]))))
        return extractions, errors

    def receipt(self, extractions: list[Extraction], errors: list[str], shard: str = "",
                rows: Optional[list[str]] = None) -> dict:
        """What the driver counts for one batch (and, sent to the driver, the rows)."""
        return {"shard": shard, "articles": len(extractions), "errors": errors,
                "extractions": rows or [], "worker": self.worker,
                "peak_rss": peak_rss_bytes()}


class ExtractToDriver(ExtractOnActor):
    """Sends each batch's extractions (as JSON) back to the driver, which stores them."""

    def extract_batch(self, batch: list[str]) -> dict:
        extractions, errors = self.extract(batch)
        return self.receipt(extractions, errors,
                            rows=[e.model_dump_json() for e in extractions])


class ExtractToShards(ExtractOnActor):
    """Writes each batch's extractions as one Parquet shard; returns only a receipt."""

    def __init__(self, shards: str):
        super().__init__()
        self.shards = shards.rstrip("/")

    def extract_batch(self, batch: list[str]) -> dict:
        import pyarrow.parquet as pq

        extractions, errors = self.extract(batch)
        shard = ""
        if extractions:
            shard = f"{self.shards}/part-{uuid.uuid4().hex}.parquet"
            pq.write_table(shard_table(extractions), shard)
        return self.receipt(extractions, errors, shard=shard)


def quiet_ray_logs() -> None:
    """Ray logs its start and its workers' lines; keep the warnings that matter."""
    import logging

    for name in ("ray",):
        logging.getLogger(name).setLevel(logging.ERROR)


def start_ray(address: Optional[str], workers: int) -> None:
    """Connect to a cluster (``auto``, ``ray://host:10001``) or start a local Ray."""
    import logging

    # Only fatal lines from Ray's C++ core: its other lines are noise to a user.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # nothing leaves the machine
    import ray

    quiet_ray_logs()
    if ray.is_initialized():
        return
    options = {"include_dashboard": False, "log_to_driver": False,
               "logging_level": logging.WARNING, "configure_logging": False}
    if address in (None, "", "local"):
        ray.init(num_cpus=workers, **options)
    else:
        try:
            ray.init(address=address, **options)
        except (ConnectionError, RuntimeError, ValueError) as err:
            raise InputError(f"cannot reach the Ray cluster at '{address}': "
                             f"{str(err).splitlines()[0]}") from None


class ActorPool:
    """``workers`` actors on Ray, each with the pipeline loaded once, fed batch by batch.

    The pool can be started before any article exists (``start(wait=True)`` returns once
    every actor has loaded the model), as a long-running service keeps its workers warm;
    ``ingest --ray`` starts it on the first article to extract, so the actors load the
    model while the driver reads on. Ray Data's ``map_batches`` cannot do either: its
    actor pool lives for one dataset, whose input must exist before it runs (see
    docs/deploy.md). The least busy actor gets the next batch, up to ``in_flight`` each
    (the last ``workers`` batches only to an actor with none), and the driver reads up to
    ``workers + 1`` batches ahead, so it holds at most ``workers * (in_flight + 1) + 1``. An actor that has extracted ``recycle_after`` articles is replaced by a
    fresh one (when there is work for it), since spaCy's string store grows with every new
    word it sees.
    """

    def __init__(self, actor: type, *args, address: Optional[str] = None, workers: int = 2,
                 recycle_after: int = RECYCLE_AFTER, in_flight: int = IN_FLIGHT):
        self.actor, self.args = actor, args
        self.address, self.workers = address, workers
        self.recycle_after, self.in_flight = recycle_after, in_flight
        self.actors: list = []
        self.done: dict = {}  # actor handle -> articles it has extracted

    def start(self, wait: bool = False) -> "ActorPool":
        """Start Ray and the actors (once); with ``wait``, return when all have loaded."""
        import ray

        start_ray(self.address, self.workers)
        while len(self.actors) < self.workers:
            self.actors.append(self._new_actor())
        if wait:
            ray.get([actor.ready.remote() for actor in self.actors])
        return self

    def _new_actor(self):
        import ray

        # as Ray Data's pools do, an actor lost with its node comes back elsewhere; a batch
        # whose actor dies three times fails the run rather than loop on it
        handle = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=2)(
            self.actor).remote(*self.args)
        self.done[handle] = 0
        return handle

    def receipts(self, articles: Iterable[Article], batch_size: int) -> Iterator[dict]:
        """Each batch of ``articles`` extracted by the least busy actor: its receipt, in the
        order they finish. The pool starts on the first article (a rerun with nothing to
        extract starts no Ray), so the actors load while the rest of a batch is read."""
        import ray

        pending = batched(self._starting(articles), batch_size)
        ahead: deque[list[str]] = deque()  # batches read, not yet handed out
        ended = False
        running: dict = {}  # result ref -> (actor, articles in the batch)
        busy: dict = {}  # actor -> batches it has in flight

        def read(up_to: int) -> None:
            nonlocal ended
            while not ended and len(ahead) < up_to:
                batch = next(pending, None)
                ended = batch is None
                if batch is not None:
                    ahead.append(self._as_json(batch))

        read(1)
        while ahead or running:
            # hand out batches before the caller gets a result: it may take long to store.
            # The last batches go only to an actor with none, whichever is free first, so
            # that none waits behind another's at the end while an actor stands idle.
            while ahead:
                last = ended and len(ahead) <= self.workers
                actor = self._least_busy(busy, 1 if last else self.in_flight)
                if actor is None:
                    break
                batch = ahead.popleft()
                running[actor.extract_batch.remote(batch)] = (actor, len(batch))
                busy[actor] = busy.get(actor, 0) + 1
                read(1)
            read(self.workers + 1)  # read on while the actors work: the end shows early
            if not running:
                continue
            ready, _ = ray.wait(list(running), num_returns=1)
            actor, size = running.pop(ready[0])
            receipt = ray.get(ready[0])
            busy[actor] -= 1
            self.done[actor] += size
            if self.done[actor] >= self.recycle_after and not busy[actor]:
                self._retire(actor)  # a fresh one starts when there is work for it
            yield receipt

    def _least_busy(self, busy: dict, limit: int):
        """The working actor with the fewest batches in flight, if below ``limit``; a fresh
        actor in a retired one's place; None when every actor is full."""
        working = [a for a in self.actors if self.done[a] < self.recycle_after]
        if len(working) < self.workers:
            working.append(self._new_actor())
            self.actors.append(working[-1])
        actor = min(working, key=lambda a: busy.get(a, 0))
        return actor if busy.get(actor, 0) < limit else None

    def _starting(self, articles: Iterable[Article]) -> Iterator[Article]:
        for number, article in enumerate(articles):
            if number == 0:
                self.start()
            yield article

    @staticmethod
    def _as_json(batch: list[Article]) -> list[str]:
        """What an actor call carries: the articles as JSON."""
        return [a.model_dump_json() for a in batch]

    def _retire(self, actor) -> None:
        """End ``actor``, which has no batch left."""
        import ray

        self.actors.remove(actor)
        del self.done[actor]
        ray.kill(actor)

    def close(self) -> None:
        import ray

        for actor in self.actors:
            ray.kill(actor)
        self.actors, self.done = [], {}

    def __enter__(self) -> "ActorPool":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def extract_on_ray(articles: Iterable[Article], shards: str | Path, *,
                   address: Optional[str] = None, workers: int = 2,
                   batch_size: int = BATCH_SIZE, recycle_after: int = RECYCLE_AFTER,
                   on_error: Optional[ErrorHandler] = None,
                   on_progress: Optional[ProgressHandler] = None) -> RayStats:
    """Extract ``articles`` on Ray into Parquet shards under ``shards``; returns the counts.

    ``address``: None or "local" starts a local Ray with ``workers`` CPUs; anything else is
    passed to ``ray.init`` (``auto`` joins the cluster this machine belongs to).
    """
    shards = str(shards)
    if "://" not in shards:
        Path(shards).mkdir(parents=True, exist_ok=True)
        shards = str(Path(shards).resolve())
    stats = RayStats()
    started = time.perf_counter()
    with ActorPool(ExtractToShards, shards, address=address, workers=workers,
                   recycle_after=recycle_after) as pool:
        for receipt in pool.receipts(articles, batch_size):
            _count(receipt, stats, on_error)
            if on_progress:
                on_progress(receipt["articles"] + len(receipt["errors"]))
    stats.seconds = time.perf_counter() - started
    return stats


def extractions_from_ray(articles: Iterable[Article], *, address: Optional[str] = None,
                         workers: int = 2, batch_size: int = BATCH_SIZE,
                         recycle_after: int = RECYCLE_AFTER,
                         on_error: Optional[ErrorHandler] = None,
                         on_progress: Optional[ProgressHandler] = None,
                         stats: Optional[RayStats] = None,
                         pool: Optional[ActorPool] = None) -> Iterator[Extraction]:
    """The extractions of ``articles``, computed on Ray and streamed back to this process
    (not in input order); failures go to ``on_error(article id, message)``.

    ``pool``: an ActorPool of ExtractToDriver already started (and left running after);
    without it, a pool of ``workers`` actors starts on the first article and ends here.
    """
    stats = stats if stats is not None else RayStats()
    started = time.perf_counter()
    own = pool is None
    if own:
        pool = ActorPool(ExtractToDriver, address=address, workers=workers,
                         recycle_after=recycle_after)
    try:
        for receipt in pool.receipts(articles, batch_size):
            _count(receipt, stats, on_error)
            for row in receipt["extractions"]:
                extraction = Extraction.model_validate_json(row)
                stats.words += len(extraction.article.text.split())
                yield extraction
            if on_progress:
                on_progress(receipt["articles"] + len(receipt["errors"]))
    finally:
        stats.seconds = time.perf_counter() - started
        if own:
            pool.close()


def _count(receipt: dict, stats: RayStats, on_error: Optional[ErrorHandler]) -> None:
    stats.articles += receipt["articles"]
    stats.shards += bool(receipt["shard"])
    worker = receipt["worker"]
    stats.worker_peak_rss[worker] = max(stats.worker_peak_rss.get(worker, 0),
                                        receipt["peak_rss"])
    for error in receipt["errors"]:
        stats.failed += 1
        article_id, message = json.loads(error)
        if on_error is None:
            raise InputError(f"article {article_id}: {message}")
        on_error(article_id, message)


def read_shards(shards: str | Path, on_skip: Optional[Callable[[str, Exception], None]] = None
                ) -> Iterator[Extraction]:
    """The extractions in a folder of Parquet shards, streamed one row group at a time."""
    import pyarrow.parquet as pq
    from pydantic import ValidationError

    folder = Path(shards)
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else [folder]
    if not files or not files[0].exists():
        raise InputError(f"no Parquet shards in '{shards}' (write them with "
                         f"'eventwire ingest --ray ADDRESS --shards {shards}')")
    for path in files:
        try:
            parquet = pq.ParquetFile(path)
        except Exception as err:  # pyarrow's ArrowInvalid and OSError: not a shard
            if on_skip is None:
                raise InputError(f"cannot read '{path}': {err}") from None
            on_skip(str(path), InputError(f"not a Parquet shard ({err})"))
            continue
        if "extraction" not in parquet.schema_arrow.names:
            if on_skip is None:
                raise InputError(f"cannot read '{path}': it has no 'extraction' column")
            on_skip(str(path), InputError("it has no 'extraction' column"))
            continue
        for batch in parquet.iter_batches(columns=["extraction"], batch_size=256):
            for number, text in enumerate(batch.column(0).to_pylist()):
                try:
                    yield Extraction.model_validate_json(text)
                except (ValidationError, ValueError) as err:
                    if on_skip is None:
                        raise InputError(f"{path}: not an extraction ({err})") from None
                    on_skip(f"{path} row {number}", InputError("not an extraction"))


def load_shards(store, shards: str | Path, *,
                on_skip: Optional[Callable[[str, Exception], None]] = None,
                on_result: Optional[Callable] = None):
    """Import shards into ``store`` (one transaction per article); returns an IngestSummary."""
    from eventwire.store.batch import IngestSummary

    summary = IngestSummary()
    started = time.perf_counter()

    def skip(where: str, err: Exception) -> None:
        summary.skipped.append(f"{where}: {err}")
        if on_skip is not None:
            on_skip(where, err)

    for result in store.add_many(read_shards(shards, on_skip=skip),
                                 on_error=lambda where, err: skip(f"article {where}", err)):
        summary.count(result)
        if on_result is not None:
            on_result(result)
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_on_ray(store, paths: Iterable[Path], shards: str | Path | None = None, *,
                  address: Optional[str] = None, workers: int = 2,
                  console=None, **read_options):
    """``eventwire ingest --ray``: read, extract on Ray, store.

    Without ``shards`` the actors send their extractions back and this process stores them
    as they come, one transaction per article. With ``shards`` the actors write Parquet
    shards there, which are then imported (unless ``load`` is False: ``eventwire load``
    imports them later, elsewhere). Articles already in the store are not sent, articles
    that fail are reported and skipped; ``read_options`` go to ``read_articles``.
    Returns the store's IngestSummary with the Ray run's skips and time added.
    """
    from rich.console import Console

    from eventwire.ingest import read_articles
    from eventwire.scale.progress import article_progress
    from eventwire.store.batch import IngestSummary

    console = console or Console(stderr=True)
    summary = IngestSummary()
    skipped: list[str] = []

    def skip(where: str, err: object) -> None:
        skipped.append(f"{where}: {err}")
        console.print(f"eventwire: skipped {where}: {err}", markup=False, highlight=False,
                      soft_wrap=True)

    def new_articles() -> Iterator[Article]:
        for article in read_articles(paths, on_skip=skip, **read_options):
            if store.has(article.sha256):
                summary.unchanged += 1
            else:
                yield article

    def failed(article_id: str, message: str) -> None:
        skip(f"article {article_id}", message)

    paths = list(paths)
    started = time.perf_counter()
    with article_progress(console, paths, read_options.get("glob", "**/*"),
                          description=f"extracting on Ray ({workers} workers)") as advance:
        if shards is None:
            for extraction in extractions_from_ray(new_articles(), address=address,
                                                   workers=workers, on_error=failed,
                                                   on_progress=advance):
                for result in store.add_many([extraction], on_error=failed):
                    summary.count(result)
        else:
            extract_on_ray(new_articles(), shards, address=address, workers=workers,
                           on_error=failed, on_progress=advance)
    if shards is not None:
        loaded = load_shards(store, shards, on_skip=skip)
        summary.stored, summary.events = loaded.stored, loaded.events
        summary.duplicates, summary.unchanged = loaded.duplicates, (summary.unchanged
                                                                    + loaded.unchanged)
    summary.skipped = skipped
    summary.seconds = time.perf_counter() - started
    return summary
