"""The store: extractions in, fused events out. SQLite by default, PostgreSQL by URL.

Python API (the CLI, the REST API and the exports are thin layers over it)::

    from eventwire.store import Store

    store = Store()                          # $EVENTWIRE_DB, else ./eventwire.db (SQLite, WAL)
    store = Store("data/events.db")          # a SQLite file
    store = Store("postgresql://user@host/db")   # PostgreSQL (psycopg 3)

    result = store.add(extraction)           # one transaction; AddResult
    result.status                            # "stored", or "unchanged" when the article's
                                             # normalised text (sha256) is already stored
    result.article_id, result.events         # the id it is stored under; fused event ids
    result.duplicate_of                      # the article it is a near-duplicate of, if any

    store.has("<sha256>")                    # is this article stored?
    store.article("<article id>")            # Article (text byte for byte) or None
    store.extraction("<article id>")         # Extraction, exactly as added, or None
    store.events(type="ASSAULT", actor="SYRMIL", place="Aleppo",
                 since="2016-12-01", until="2016-12-31", limit=50)   # list[FusedEvent]
    store.event("<event id>")                # one FusedEvent or None
    store.count_events(**filters)            # how many match
    store.select_event_ids(EventFilter(...)) # the SELECT of matching ids, to compose (the API)
    store.iter_events(**filters)             # every match, streamed in pages (exports)
    store.iter_extractions()                 # every Extraction, streamed
    store.actors("syr"), store.places("Aleppo")   # facets: names with event counts
    store.articles(limit=50)                 # stored articles, newest first
    store.near_duplicates("<article id>")    # near-duplicate links of an article
    store.split("<event id>")                # undo a wrong merge; returns the new event ids
    store.fuse()                             # recompute every fused event from scratch
    store.stats()                            # row counts

Filters of ``events`` (all optional, combined with AND; see :class:`EventFilter`):
``type`` (PLOVER), ``actor`` (a CAMEO code in capitals, or part of a name, any case),
``place`` (name, case-insensitive, or GeoNames id; places inside it match too), ``geonameid``,
``near=(lat, lon)`` with ``km``, ``since``/``until`` (dates; an event matches when its date
range overlaps), ``status``, ``outlet`` (the article's source), ``claimant`` (code in
capitals, or part of a name), ``limit``/``offset``, ``order`` ("newest", the default, or "oldest"). A fused
event matches when any of its reports does.

A :class:`FusedEvent` is one happening: its type, date, place and actors, the figures every
report gave side by side with their sources (``figures``, ``figures_text()``), and its
``reports``: each article's event with its trigger, sentence and outlet.

Every write is one transaction: a crash or ``kill -9`` of the writing process loses nothing
committed and leaves no half-written article (an operating-system crash may roll back the
last commits, never half of one, unless ``$EVENTWIRE_SYNC=full``: see SYNC_MODES). ``add`` writes each table's rows with one ``executemany`` on the driver (statements
built once; on PostgreSQL every table's rows in one statement, the transaction in one
pipeline of two or three round trips), and finds fusion candidates with one indexed query. SQLite runs in WAL mode, so readers never block the writer nor see half a write;
writers take the write lock when they begin (and on PostgreSQL an advisory lock), so
concurrent writers queue instead of failing. The schema is migrated (Alembic) when a store
is opened.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import operator
import os
import string
import time
from collections import Counter, defaultdict, deque
from contextlib import contextmanager, nullcontext
from functools import lru_cache
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import to_json
from sqlalchemy import (Boolean, LargeBinary, and_, create_engine, delete, event, func, insert,
                        or_, select, tuple_)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import (ArgumentError, DisconnectionError, NoSuchModuleError,
                            OperationalError)
from sqlalchemy.pool import StaticPool

from eventwire import __version__
from eventwire.errors import InputError
from eventwire.ingest import dedupe
from eventwire.model import Article, EventDate, Evidence, Extraction, Span, text_sha256
from eventwire.store import fusion
from eventwire.store.fusion import Report
from eventwire.store.schema import (ITEM_TABLES, CleanText, article_event_actors, article_events, articles,
                                    event_reports, events, extractions, fusion_splits,
                                    minhash_bands, near_duplicates, quantities, actors,
                                    search_names)

DEFAULT_DB = "eventwire.db"
WRITE_LOCK = 0x65766E74  # PostgreSQL advisory lock key that serialises writers ("evnt")
FIGURE_CATEGORIES = ("killed", "injured", "displaced", "evacuated", "detained", "missing",
                     "kidnapped", "people")
"""Figures shown beside a fused event: those about people, said in the event's sentence."""
PAGE = 500
FEW_MATCHES = 500
"""Up to this many reports matching a filter on reports: their events are read by id (see
select_event_ids)."""
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
"""SQLite's ``lower()``: A-Z only (see Store.folded)."""
SYNC_MODES = ("normal", "full")
"""How hard a commit is pushed to disk (``$EVENTWIRE_SYNC``, or ``Store(sync=...)``).

"normal" (the default): a commit is durable against a crash or ``kill -9`` of the
process that writes; only an operating-system crash or power loss (PostgreSQL: also a
crash of the server itself) can roll back the last commits, never half an article, and a
rerun stores them again. SQLite WAL with ``synchronous=NORMAL`` (SQLite's advice for WAL),
PostgreSQL with ``synchronous_commit=off`` (at most about 0.6 s of commits). "full": every
commit waits for the disk (SQLite ``synchronous=FULL``, PostgreSQL ``synchronous_commit=on``):
durable against power loss too, at a disk flush an article."""
SQLITE_CACHE_KIB = 65536
"""SQLite's page cache a connection (KiB, an upper bound): a 2 MiB default made the writer
read back from the file the index pages it had just written (220,000 reads over the first
1,000 articles, 12,550 with this)."""
SQLITE_CHECKPOINT_PAGES = 16384
"""WAL pages (4 KiB) between automatic checkpoints (SQLite's default: 1,000). A checkpoint
copies each changed page once and flushes the file: with the default, 368 flushes over the
first 1,000 articles (1.5 ms an article waited on the disk), 29 with this; the WAL file is
cut back to this size after each (journal_size_limit)."""
ANALYZE_CHECK_EVERY = 256
"""PostgreSQL: every this many articles a Store adds, it analyzes the reports table if it
has changed by half since its last ANALYZE (see Store._analyze_if_stale)."""
PING_AFTER_IDLE_S = 5.0
"""A pooled PostgreSQL connection idle longer than this is pinged before use (the server may
have closed it); one back sooner is used as it is (a ping an article was a round trip)."""
LOOSE_DATE = "(ae.date_start IS NULL OR ae.precision NOT IN ('day', 'week'))"
"""A stored report whose date is too loose for the fine-date window (SQL over ``ae``)."""


# ---------------------------------------------------------------------------- results

class AddResult(BaseModel):
    """What ``Store.add`` did with one extraction."""

    article_id: str
    status: str  # stored | unchanged
    events: list[str] = Field(default_factory=list, description="fused event ids it reports")
    duplicate_of: Optional[str] = None


class EventActor(BaseModel):
    name: str
    code: Optional[str] = None


class EventPlace(BaseModel):
    name: Optional[str] = None
    geonameid: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    feature: Optional[str] = None


class Figure(BaseModel):
    """One figure one report gave, with who gave it."""

    article_id: str
    quantity_id: str
    text: str
    span: Span
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: str
    category: str
    who: Optional[str] = None
    source: Optional[str] = Field(None, description="who gives the figure (an actor's name)")
    outlet: Optional[str] = Field(None, description="the article's source")
    fatalities: bool = Field(False, description="the report's fatality count")

    def describe(self) -> str:
        words = {"at_least": "at least ", "at_most": "at most ", "about": "about ",
                 "more_than": "more than ", "less_than": "less than ", "vague": ""}
        if self.value is not None:
            amount = f"{words.get(self.qualifier, '')}{self.value:g}"
        elif self.low is not None and self.high is not None:
            amount = f"{self.low:g}-{self.high:g}"
        else:
            amount = self.text
        return f"{self.source or self.outlet or self.article_id}: {amount} {self.category}"


class EventReport(BaseModel):
    """One article's account of a fused event."""

    article_id: str
    event_id: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    published: Optional[date] = None
    trigger: Evidence
    sentence: Span
    sentence_text: str
    status: str
    claimed_by: Optional[str] = None
    confidence: float
    duplicate_of: Optional[str] = Field(None, description="the article this one nearly copies")


class FusedEvent(BaseModel):
    """One happening, with every report of it."""

    model_config = ConfigDict(extra="forbid")

    id: str
    type: str
    mode: Optional[str] = None
    cameo: Optional[str] = None
    status: str
    date: Optional[EventDate] = None
    place: Optional[EventPlace] = None
    source: list[EventActor] = Field(default_factory=list)
    target: list[EventActor] = Field(default_factory=list)
    fatalities_low: Optional[float] = None
    fatalities_high: Optional[float] = None
    figures: list[Figure] = Field(default_factory=list)
    reports: list[EventReport] = Field(default_factory=list)
    articles: int = Field(0, description="independent articles (near-duplicates count once)")

    def figures_text(self) -> str:
        """Every figure side by side: "SOHR: at least 384 killed; VOA: 400 killed"."""
        return "; ".join(dict.fromkeys(figure.describe() for figure in self.figures))


class EventFilter(BaseModel):
    """Filters of ``Store.events``; every one optional, all combined with AND."""

    model_config = ConfigDict(extra="forbid")

    type: Optional[str] = None
    actor: Optional[str] = None
    place: Optional[str] = None
    geonameid: Optional[str] = None
    near: Optional[tuple[float, float]] = None
    km: float = 25.0
    since: Optional[date] = None
    until: Optional[date] = None
    status: Optional[str] = None
    outlet: Optional[str] = None
    claimant: Optional[str] = None
    limit: Optional[int] = Field(100, ge=0)
    offset: int = Field(0, ge=0)
    order: Literal["newest", "oldest"] = "newest"

    @field_validator("type", "actor", "place", "geonameid", "status", "outlet", "claimant")
    @classmethod
    def _no_nul(cls, value: Optional[str]) -> Optional[str]:
        return None if value is None else _clean(value)


# ---------------------------------------------------------------------------- engines

def database_url(url_or_path: str | os.PathLike | None = None) -> str:
    """The SQLAlchemy URL for a path or URL; default ``$EVENTWIRE_DB`` or ./eventwire.db."""
    value = str(url_or_path or os.environ.get("EVENTWIRE_DB") or DEFAULT_DB)
    if value == ":memory:":
        return "sqlite://"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    scheme, rest = value.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"  # psycopg 3, not SQLAlchemy's psycopg2 default
    return value


def sync_mode(sync: Optional[str] = None) -> str:
    """The commit durability asked for (see SYNC_MODES): ``sync``, else $EVENTWIRE_SYNC,
    else "normal"."""
    value = (sync or os.environ.get("EVENTWIRE_SYNC") or "normal").strip().lower()
    if value not in SYNC_MODES:
        raise InputError(f"unknown sync mode '{value}' (EVENTWIRE_SYNC): "
                         f"use {' or '.join(SYNC_MODES)}")
    return value


def make_engine(url: str, sync: Optional[str] = None) -> Engine:
    full = sync_mode(sync) == "full"
    if url.startswith("sqlite"):
        memory = url == "sqlite://"
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False},
                               poolclass=StaticPool if memory else None)

        @event.listens_for(engine, "connect")
        def _configure(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
            cursor = dbapi_connection.cursor()
            if not memory:
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute(f"PRAGMA wal_autocheckpoint={SQLITE_CHECKPOINT_PAGES}")
                cursor.execute(f"PRAGMA journal_size_limit={SQLITE_CHECKPOINT_PAGES * 4096}")
            # WAL + NORMAL: a commit survives the process's crash (see SYNC_MODES)
            cursor.execute(f"PRAGMA synchronous={'FULL' if full else 'NORMAL'}")
            cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()
            _ensure_math(dbapi_connection)

        @event.listens_for(engine, "begin")
        def _begin(connection):
            # A writer takes the write lock up front, so it queues instead of failing later.
            write = connection.get_execution_options().get("eventwire_write")
            connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    # JIT off: the candidate query of a dense article is estimated costly enough to be
    # compiled, 0.3-0.6 s of the server's CPU for a query that runs in 20 ms without.
    options = f"-c jit=off -c synchronous_commit={'on' if full else 'off'}"
    try:
        engine = create_engine(url, connect_args={"options": options})
    except ModuleNotFoundError as err:
        raise InputError(f"cannot open '{url}': the driver is missing "
                         "(pip install 'eventwire[postgres]')") from err

    @event.listens_for(engine, "connect")
    def _compress_with_lz4(dbapi_connection, _record):
        # Long values (an extraction's JSON) compressed with LZ4, not pglz: 45-63 us an
        # article's extraction and text against 160-240 (the server's CPU, measured), for
        # 15 % more bytes. The values are the same; a server before 14 or built without
        # LZ4 keeps pglz.
        try:
            dbapi_connection.execute("SET default_toast_compression = lz4")
            dbapi_connection.commit()
        except Exception:
            dbapi_connection.rollback()

    @event.listens_for(engine, "checkin")
    def _idle_from(_dbapi_connection, record):
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection, record, _proxy):
        # pool_pre_ping, but only for a connection left idle a while: the writer takes its
        # connection back for every article, and a ping each time was a round trip each.
        idle_since = record.info.pop("idle_since", None)
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_S:
            return  # just opened, or in use a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as err:  # the pool drops it and opens another
            raise DisconnectionError(str(err)) from err

    return engine


def _ensure_math(dbapi_connection) -> None:
    """Distance queries use SQL math functions; older SQLite builds lack them."""
    try:
        dbapi_connection.execute("SELECT sin(1)")
    except Exception:
        for name in ("sin", "cos", "asin", "sqrt", "radians"):
            dbapi_connection.create_function(name, 1, getattr(math, name), deterministic=True)


# ---------------------------------------------------------------------------- the store

class Store:
    """Articles, extractions and fused events in one database (see the module docstring)."""

    def __init__(self, url_or_path: str | os.PathLike | None = None, *, migrate: bool = True,
                 sync: Optional[str] = None):
        self.url = database_url(url_or_path)
        self.sync = sync_mode(sync)
        try:
            self.engine = make_engine(self.url, self.sync)
        except (ArgumentError, NoSuchModuleError) as err:
            raise InputError(f"cannot open the store '{url_or_path}': not a database URL "
                             "(give a file path or postgresql://user@host/db)") from err
        self.dialect = self.engine.dialect.name
        self._inserts: dict[str, BulkInsert] = {}
        self._combined_inserts: dict[tuple, CombinedInsert] = {}
        self._reports = ReportCache()
        self._added = 0
        if migrate:
            from eventwire.store.migrations import upgrade

            try:
                with self._write() as conn:
                    upgrade(conn)
            except Exception as err:
                if isinstance(err, InputError):
                    raise
                raise InputError(f"cannot open the store '{self.display_url}': "
                                 f"{_first_line(err)}") from err

    @property
    def display_url(self) -> str:
        """The URL without its password."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.display_url!r})"

    @contextmanager
    def _write(self, lock: bool = True) -> Iterator[Connection]:
        """One write transaction; writers queue on the database's write lock (with
        ``lock=False`` on PostgreSQL, the caller takes it: ``_lock``)."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(eventwire_write=True)
            with conn.begin():
                if lock:
                    self._lock(conn)
                yield conn

    def _lock(self, conn: Connection, generic_plans: bool = False) -> None:
        """PostgreSQL: take the writers' advisory lock (SQLite's BEGIN IMMEDIATE takes its
        own); in a pipeline, it goes with the statements that follow. ``generic_plans``:
        for the rest of the transaction, a prepared statement runs its one generic plan
        (``SET LOCAL plan_cache_mode``; see ``add``)."""
        if self.dialect == "postgresql":
            sql = RawSQL(self.dialect)
            generic = (", set_config('plan_cache_mode', 'force_generic_plan', true)"
                       if generic_plans else "")
            # prepared: one text, parsed and planned anew at every article otherwise
            sql.run(conn, f"SELECT pg_advisory_xact_lock({sql.value(WRITE_LOCK)}){generic}",
                    rows=False, prepared=True)

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """One read transaction: a consistent snapshot."""
        with self.engine.connect() as conn:
            with conn.begin():
                yield conn

    # ------------------------------------------------------------------ writing

    def add(self, extraction: Extraction) -> AddResult:
        """Store one article's extraction and fuse its events, in one transaction.

        On PostgreSQL the whole transaction is one pipeline, waited on only where an answer
        is needed: (1) BEGIN, the writers' lock, the look-ups of the fusion candidates, of
        the article and of its near-duplicates; then its inserts (one statement),
        not waited for: the server writes while this process fuses; (2) for an article
        whose reports match stored events, those events' reports, near-duplicate links
        and splits; (3) the event writes and COMMIT. Two or three round trips an
        article."""
        article_id = extraction.article.id
        with self._write_pipelined() as conn:
            # Generic plans: add's prepared statements (the inserts, the near-duplicate and
            # candidate queries) take arrays, their plans do not depend on the values, and
            # the server otherwise planned the candidate query anew at every call (1.6 ms
            # of its CPU each for a dense article); its plans are made again when ANALYZE
            # changes the statistics (_analyze_if_stale). Unprepared statements, planned
            # with their values, are not affected.
            self._lock(conn, generic_plans=True)
            rows = report_rows(extraction, article_id)
            new = reports_from_rows(*rows)
            # The look-ups first: the candidates (as for an article that copies none; the
            # rare copy asks again, with its copies), which the server looks up while this
            # process signs the text (the MinHash signature), then the article and its
            # near-duplicates (one statement); the other rows and the inserts' parameters
            # are built while the server answers, and the inserts sent after, so that the
            # server writes while this process fuses (a pipeline's answers come in order:
            # sent before the look-ups, the inserts were waited for with them).
            candidates = self._send_candidates(conn, article_id, new) if new else None
            sha256 = text_sha256(extraction.article.text)
            signature = dedupe.signature(extraction.article.text)
            bands = dedupe.band_buckets(signature)
            stored, similar = self._send_stored(conn, sha256, article_id, bands)
            insert = self._inserts_of(self._extraction_rows(
                extraction, article_id, sha256, signature, bands, rows))
            found = stored()
            if sha256 in found:
                return AddResult(article_id=found[sha256], status="unchanged")
            if found:  # another text holds the id: this one is stored as id~sha256 prefix
                article_id = f"{article_id}~{sha256[:12]}"
                rows = report_rows(extraction, article_id)
                new = reports_from_rows(*rows)
                insert = self._inserts_of(self._extraction_rows(
                    extraction, article_id, sha256, signature, bands, rows))
                similar = self._send_near_duplicates(conn, article_id, bands)
                candidates = None
            insert(conn)  # not waited for: errors come with the next answer, or COMMIT
            duplicate_of = self._link_near_duplicate(conn, article_id, signature, similar())
            if duplicate_of is not None:
                candidates = None
            event_ids = self._fuse_article(conn, article_id, new, duplicate_of, candidates)
            self._commit_with_last_writes(conn)
            # what the cache keeps, made while the server commits
            read_back = [as_read_back(report) for report in new]
        self._reports.add(read_back)  # committed: stored reports never change
        self._added += 1
        if self._added % ANALYZE_CHECK_EVERY == 0:
            self._analyze_if_stale()
        return AddResult(article_id=article_id, status="stored", events=event_ids,
                         duplicate_of=duplicate_of)

    def _analyze_if_stale(self) -> None:
        """PostgreSQL: ANALYZE ``article_events``, the table the candidate query reads,
        when it has changed by more than half (and 500 rows) since its last ANALYZE, in a
        transaction of its own.

        Autovacuum looks only once a minute (autovacuum_naptime), and the candidate query
        runs on one generic plan (see ``add``), made again only when the table's
        statistics change: a plan made for a nearly empty table would otherwise serve a
        store filling from empty for that long. Analyzed again each time it grows by half,
        the work is a geometric series (over the 5,000 bench articles, 5-6 ANALYZEs). A
        role that does not own the table is only warned by the server; a failure never
        fails the add (autovacuum gathers the statistics too)."""
        if self.dialect != "postgresql":
            return
        try:
            with self.engine.connect() as conn:
                stale = conn.exec_driver_sql(
                    "SELECT 1 FROM pg_stat_user_tables WHERE schemaname = current_schema() "
                    "AND relname = 'article_events' AND n_mod_since_analyze > "
                    "greatest(500, n_live_tup / 2)").first()
                if stale:
                    conn.exec_driver_sql("ANALYZE article_events")
                conn.commit()
        except Exception:  # noqa: BLE001 statistics only speed the queries up
            pass

    def add_many(self, items: Iterable[Extraction],
                 on_error: Optional[Callable[[str, Exception], None]] = None
                 ) -> Iterator[AddResult]:
        """``add`` each extraction in turn, one transaction each.

        An extraction the store refuses goes to ``on_error(article id, error)`` and is
        skipped (without a handler the error is raised); a database that cannot be written
        raises InputError and stops the batch.
        """
        for extraction in items:
            try:
                yield self.add(extraction)
            except OperationalError as err:
                raise InputError(f"cannot write to the store '{self.display_url}': "
                                 f"{_first_line(err)}") from err
            except Exception as err:  # one bad article never stops a batch
                if on_error is None:
                    raise
                on_error(extraction.article.id, err)

    def ingest(self, items: Iterable[Article | Extraction],
               on_error: Optional[Callable[[str, Exception], None]] = None,
               batch_size: int = 16) -> Iterator[AddResult]:
        """Extract and store articles (Extractions are stored as they are), one transaction
        each. Articles already stored are not extracted again: they come back "unchanged".
        Failures go to ``on_error(article id, error)`` and the batch goes on.
        """
        from eventwire.pipeline import extract_many

        ready: deque[AddResult | Extraction] = deque()

        def fresh() -> Iterator[Article]:
            for item in items:
                if isinstance(item, Extraction):
                    ready.append(item)
                    continue
                known = self._article_id_of(text_sha256(item.text))
                if known is not None:
                    ready.append(AddResult(article_id=known, status="unchanged"))
                    continue
                yield item

        def drain() -> Iterator[AddResult]:
            while ready:
                item = ready.popleft()
                if isinstance(item, AddResult):
                    yield item
                else:
                    yield from self.add_many([item], on_error)

        def extraction_failed(article: Article, err: Exception) -> None:
            if on_error is None:
                raise err
            on_error(article.id, err)

        articles_to_extract = fresh()
        first = next(articles_to_extract, None)
        if first is None:  # nothing new: no need to load the language model
            yield from drain()
            return
        for extraction in extract_many(itertools.chain([first], articles_to_extract),
                                       batch_size=batch_size, on_error=extraction_failed):
            yield from drain()
            yield from self.add_many([extraction], on_error)
        yield from drain()

    def _article_id_of(self, sha256: str) -> Optional[str]:
        with self._read() as conn:
            return conn.execute(select(articles.c.id).where(articles.c.sha256 == sha256)).scalar()

    def _pipeline(self, conn: Connection):
        """On PostgreSQL, psycopg's pipeline mode: the statements inside go to the server
        without waiting for each answer (errors still raise, at the block's end at the
        latest); elsewhere, or inside a pipeline already (each block's end is a round
        trip), nothing."""
        driver = conn.connection.driver_connection
        if self.dialect != "postgresql" or driver.pgconn.pipeline_status:
            return nullcontext()
        return driver.pipeline()

    @contextmanager
    def _write_pipelined(self) -> Iterator[Connection]:
        """One write transaction in one pipeline (PostgreSQL; see ``_pipeline``), the
        writers' lock left to the caller (``_lock``); the pipeline's closing sync sends
        what is still queued, COMMIT included when the caller queued it
        (``_commit_with_last_writes``)."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(eventwire_write=True)
            if self.dialect != "postgresql":
                with conn.begin():
                    yield conn
                return
            # BEGIN queued in the pipeline with the first statements: psycopg, left to
            # begin the transaction itself, sends BEGIN and waits for its answer before
            # the first statement (a round trip an article, 0.3 ms measured). Autocommit
            # only while the pipeline lasts: every other transaction begins as before.
            driver = conn.connection.driver_connection
            driver.autocommit = True
            try:
                with conn.begin(), driver.pipeline():
                    RawSQL(self.dialect).run(conn, "BEGIN", rows=False)
                    yield conn
            finally:
                from psycopg.pq import TransactionStatus

                if driver.pgconn.transaction_status == TransactionStatus.IDLE:
                    driver.autocommit = False
                else:  # broken mid-transaction: the pool must not hand it out again
                    conn.invalidate()

    def _commit_with_last_writes(self, conn: Connection) -> None:
        """PostgreSQL: queue COMMIT behind the last writes of a ``_write_pipelined``
        transaction, so that they and the commit take one round trip (the driver then finds
        no transaction to commit); SQLite commits when the block ends."""
        if self.dialect == "postgresql":
            RawSQL(self.dialect).run(conn, "COMMIT", rows=False)

    def _extraction_rows(self, extraction: Extraction, article_id: str, sha256: str,
                         signature, bands: list[tuple[int, int]],
                         reports: tuple[list[dict], list[dict]]
                         ) -> list[tuple[Any, list[dict[str, Any]]]]:
        """The rows of the article, its extraction, its items and its reports (``reports``:
        ``report_rows``), as (table, rows) for ``_inserts_of``."""
        article = extraction.article
        now = datetime.now(timezone.utc)
        writes: list[tuple[Any, list[dict[str, Any]]]] = []
        write = lambda table, rows: writes.append((table, rows))  # noqa: E731
        write(articles, [dict(
            id=article_id, sha256=sha256, title=article.title, source=article.source,
            url=article.url, published=article.published,
            text=article.text.encode("utf-8", "surrogatepass"), chars=len(article.text),
            minhash=dedupe.signature_bytes(signature), ingested_at=now)])
        if article_id == article.id:
            data = extraction.model_dump_json(exclude={"article": {"text"}})
        else:
            record = extraction.model_dump(mode="json", exclude={"article": {"text"}})
            record["article"]["id"] = article_id
            data = json.dumps(record)
        write(extractions, [dict(article_id=article_id, data=data, version=__version__,
                                 created_at=now)])
        items = extraction.model_dump(include=set(ITEM_TABLES))  # one dump for every item
        for name, table in ITEM_TABLES.items():
            write(table, [item_row(table, article_id, item) for item in items[name]])
        event_rows, role_rows = reports
        write(article_events, event_rows)
        write(article_event_actors, role_rows)
        write(minhash_bands, [{"band": band, "bucket": bucket, "article_id": article_id}
                              for band, bucket in bands])
        return writes

    def _inserts_of(self, writes: list[tuple[Any, list[dict[str, Any]]]]
                    ) -> Callable[[Connection], None]:
        """The insert of rows into several tables, its parameters built now; the returned
        function sends it. On PostgreSQL one statement (each table's INSERT a
        data-modifying WITH clause, none for a table without rows: every statement, and
        every clause, cost the client and the server their own round of work), elsewhere
        a bulk insert a table."""
        writes = [(table, rows) for table, rows in writes if rows]
        if self.dialect == "postgresql" and writes:
            combined = self._combined(writes)
            params = combined.parameters([rows for _, rows in writes])
            if params is not None:
                return lambda conn: combined.send(conn, params)
        return lambda conn: [self._bulk(conn, table, rows) for table, rows in writes]

    def _send_stored(self, conn: Connection, sha256: str, article_id: str,
                     bands: list[tuple[int, int]]
                     ) -> tuple[Callable[[], dict[str, str]], Callable[[], list[tuple]]]:
        """Send the look-up of the stored articles holding this sha256 or this id, and of
        the article's near-duplicate candidates (as ``_send_near_duplicates``), in one
        statement; the returned functions read them (sha256 -> id; (id, signature) pairs).
        Run after the writers' lock, so no other writer can store one before this
        transaction ends."""
        sql = RawSQL(self.dialect)
        rows = sql.send(conn, "SELECT id, sha256, NULL FROM articles WHERE sha256 = "
                              f"{sql.value(sha256)} OR id = {sql.value(article_id)} UNION ALL "
                              f"{self._near_duplicates_sql(sql, article_id, bands, 'NULL, ')}",
                        "stored", prepared=True)
        fetched = lru_cache(maxsize=None)(rows)  # read once, by whichever asks first
        return (lambda: {found_sha: found_id for found_id, found_sha, _ in fetched()
                         if found_sha is not None},
                lambda: [(found_id, minhash) for found_id, found_sha, minhash in fetched()
                         if found_sha is None])

    def _combined(self, writes: list[tuple[Any, list[dict[str, Any]]]]) -> "CombinedInsert":
        key = tuple(table.name for table, _ in writes)
        found = self._combined_inserts.get(key)
        if found is None:
            found = self._combined_inserts[key] = CombinedInsert(
                [self._bulk_insert(table) for table, _ in writes])
        return found

    def _bulk(self, conn: Connection, table, rows: list[dict[str, Any]],
              update: bool = False) -> None:
        """Insert rows (or, with ``update``, update the rows of their primary keys) through
        the driver, with a statement built once."""
        if rows:
            self._bulk_insert(table).execute(conn, rows, update=update)

    def _bulk_insert(self, table) -> "BulkInsert":
        found = self._inserts.get(table.name)
        if found is None:
            found = self._inserts[table.name] = BulkInsert(table, self.engine.dialect)
        return found

    def _send_near_duplicates(self, conn: Connection, article_id: str,
                              bands: list[tuple[int, int]]) -> Callable[[], list[tuple]]:
        """Send the look-up of the stored articles sharing the most MinHash bands with
        this one (id, signature); its rows come with the returned function."""
        sql = RawSQL(self.dialect)
        return sql.send(conn, self._near_duplicates_sql(sql, article_id, bands),
                        "near_duplicates", prepared=True)

    @staticmethod
    def _near_duplicates_sql(sql: "RawSQL", article_id: str, bands: list[tuple[int, int]],
                             columns: str = "") -> str:
        """The query of ``_send_near_duplicates`` (``columns`` go before the signature)."""
        # One indexed look-up a band (a row-value IN list made SQLite scan every band).
        # Every signature has the same bands, so the text never changes: prepared on
        # PostgreSQL, whose generic plan (an OR of primary-key look-ups) cannot turn into
        # a scan; joined to unnest(bands, buckets) instead, it sometimes did.
        pairs = " OR ".join(f"(band = {sql.value(band)} AND bucket = {sql.value(bucket)})"
                            for band, bucket in bands)
        return (f"SELECT a.id, {columns}a.minhash FROM articles a JOIN (SELECT article_id, "
                f"count(*) AS shared FROM minhash_bands WHERE ({pairs}) "
                f"AND article_id <> {sql.value(article_id)} GROUP BY article_id "
                f"ORDER BY shared DESC, article_id LIMIT {int(dedupe.MAX_CANDIDATES)}) ranked "
                "ON ranked.article_id = a.id")

    def _link_near_duplicate(self, conn: Connection, article_id: str, signature,
                             candidates: list[tuple]) -> Optional[str]:
        """Link the article to the most similar of the candidates (id, signature) above
        the threshold; the article it is linked to, if any."""
        best: Optional[tuple[float, str]] = None
        for candidate_id, minhash in sorted(candidates):
            score = dedupe.similarity(signature, dedupe.signature_from_bytes(minhash))
            if score >= dedupe.THRESHOLD and (best is None or score > best[0]):
                best = (score, candidate_id)
        if best is None:
            return None
        # Run on the driver, rows fetched: in psycopg's pipeline a SQLAlchemy result had no
        # rows yet, and a copy of a copy was linked to the copy on PostgreSQL.
        sql = RawSQL(self.dialect)
        original = next(iter(sql.run(conn, "SELECT duplicate_of FROM near_duplicates "
                                           f"WHERE article_id = {sql.value(best[1])}")),
                        (None,))[0]
        duplicate_of = original or best[1]  # copies of copies point at the first version
        self._bulk(conn, near_duplicates, [dict(article_id=article_id,
                                                duplicate_of=duplicate_of, similarity=best[0])])
        return duplicate_of

    # ------------------------------------------------------------------ fusion

    def _fuse_article(self, conn: Connection, article_id: str, new: list[Report],
                      duplicate_of: Optional[str] = None,
                      candidate_rows: Optional[Callable[[], "Candidates"]] = None) -> list[str]:
        """Fuse a new article's reports with the stored events they match (``duplicate_of``:
        the article it nearly copies, if any; ``candidate_rows``: its candidates, sent
        already by ``_send_candidates``)."""
        if not new:
            return []
        new_keys = {report.key for report in new}
        if candidate_rows is None:
            candidate_rows = self._send_candidates(conn, article_id, new, duplicate_of)
        found = candidate_rows()
        candidates, event_of, originals = self._candidate_results(conn, found.rows)
        if duplicate_of is not None:
            originals[article_id] = duplicate_of
        # The stored events holding a report that describes one of the new reports'
        # happenings: re-clustered with them below, in fusion's fixed order.
        matched = {event_of[key] for key in fusion.partners(candidates + new, new_keys,
                                                             originals)}
        if not matched:  # the common case: every report is a happening of its own so far
            self._write_events(conn, [[report] for report in new], {}, [], originals)
            return sorted(fusion.event_id(report) for report in new)
        members, member_events, member_originals, splits = self._event_members(
            conn, sorted(matched), found.members)
        groups_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for member, event_id in zip(members, member_events):
            groups_of[event_id].append(member.key)
        known = originals.keys() | {r.article_id for r in new}
        originals.update((found_id, original) for found_id, original in member_originals
                         if found_id not in known)
        # A new article has no splits yet: those of the members' articles are all there are.
        groups = self._cluster(conn, members + new, fixed=list(groups_of.values()),
                               new=new_keys, originals=originals, only_new=True,
                               splits=splits)
        changed = [group for group in groups if any(r.key in new_keys for r in group)]
        changed_keys = {report.key for group in changed for report in group}
        old_ids = [event_id for event_id, keys in groups_of.items()
                   if changed_keys.intersection(keys)]
        current = {key: event_id for event_id in old_ids for key in groups_of[event_id]}
        self._write_events(conn, changed, current, old_ids, originals)
        return sorted(fusion.event_id(group[0]) for group in changed)

    def _send_candidates(self, conn: Connection, article_id: str, new: list[Report],
                         duplicate_of: Optional[str] = None) -> Callable[[], "Candidates"]:
        """Send the query of the stored reports a new report might describe the same
        happening as (rows for ``_candidate_results``: with their events and the article
        each one's article copies); the rows come with the returned function. Candidates
        are fine dates that meet, loose dates at the same place, and, for a near-duplicate
        article, every report of the articles it copies with (the same trigger fuses them
        whatever their dates; see fusion.same_happening).

        The reports are found through indexes (type and date, GeoNames id, place name), and
        only then filtered, so the cost follows the candidates, not the store's size. The
        query is written as SQL text and run on the driver: it changes shape with every
        article, and building it with SQLAlchemy cost more than running it."""
        types = sorted({report.type for report in new})
        # A fine-dated stored report can only fuse with a fine-dated new one of its type
        # and status family whose dates it meets (fusion.fine_partner_dates).
        fine = _merged_fine_terms({(r.type, *fusion.fine_partner_dates(r), tuple(
            fusion.statuses_of_family(r.status) or ())) for r in new if r.fine})
        copies = self._copies_of(conn, duplicate_of) if duplicate_of is not None else []
        codes = sorted({code for r in new for code in r.codes})
        names = sorted({_clean(name) for r in new for name in r.names})
        place_ids = sorted({p for r in new for p in (r.geonameid, r.place_parent) if p})
        place_names = sorted({_clean(self.folded(r.place_name)) for r in new if r.place_name})
        # At a place, the stored reports a date cannot pair (a loose date on either side)
        # fuse only when they also share an actor (fusion.same_happening): a report that
        # names nobody needs no place term. (Testing each term's own actors in SQL cost
        # PostgreSQL three times the query's time: a look-up a row and a term.)
        # An undated report's span is its article's week (fusion.Report.span); one of an
        # undated article fuses with nothing but its copies.
        place_terms = _merged_place_terms(
            (r.type, "ae.geonameid" if r.geonameid else "lower(ae.place_name)",
             r.geonameid or _clean(self.folded(r.place_name)), r.fine, *r.span,
             tuple(fusion.statuses_of_family(r.status) or ()))
            for r in new if (r.geonameid or r.place_name) and (r.codes or r.names) and r.span)
        if not fine and not copies and not place_terms:
            return lambda: Candidates([])
        if self.dialect == "postgresql":
            return self._send_candidates_postgresql(conn, article_id, fine, copies, types,
                                                    place_terms, place_ids, place_names,
                                                    codes, names)

        # Positional parameters: the text is written in order, left to right.
        sql = RawSQL(self.dialect)
        # Every term below reads an index (type and date, GeoNames id, lower(place name),
        # article id), so the database ORs index look-ups; the event of each report is read
        # by its key, for the rows kept only (a join with the look-ups as a subquery let
        # PostgreSQL, its statistics behind a fast-growing store, rescan them per row).
        head = f"{CANDIDATE_HEAD} WHERE ae.article_id <> {sql.value(article_id)}"
        conditions = [
            f"(ae.type = {sql.value(kind)} AND ae.date_start BETWEEN {sql.value(low)} AND "
            f"{sql.value(high)} AND coalesce(ae.date_end, ae.date_start) >= {sql.value(ends)} "
            f"AND ae.precision IN ('day', 'week')"
            + (f" AND ae.status{sql.among(statuses)})" if statuses else ")")
            for kind, low, high, ends, statuses in fine]
        # At a new report's place: reports of its type and status family whose dates do
        # not contradict it (loosely dated ones only, beside a fine date: the fine ones
        # meet it above).
        for kind, column, value, fine_date, start, end, statuses in place_terms:
            term = f"(ae.type = {sql.value(kind)} AND {column} = {sql.value(value)}"
            if statuses:
                term += f" AND ae.status{sql.among(statuses)}"
            if fine_date:
                term += f" AND {LOOSE_DATE}"
            if start is not None:  # dates that meet; undated, an article of the days after
                term += (f" AND ((ae.date_start IS NULL AND {PUBLISHED} BETWEEN "
                         f"{sql.value(start)} AND {sql.value(end + fusion.UNDATED_WINDOW)}) OR "
                         f"(ae.date_start <= {sql.value(end)} "
                         f"AND coalesce(ae.date_end, ae.date_start) >= {sql.value(start)}))")
            conditions.append(term + ")")
        # Only reports that could pass same_happening: a shared place, or a shared actor
        # (tested last: the one condition that reads another table).
        terms = []
        if conditions:
            plausible = []
            if place_ids:
                plausible += [f"ae.geonameid{sql.among(place_ids)}",
                              f"ae.place_parent{sql.among(place_ids)}"]
            plausible.append(f"lower(ae.place_name){sql.among(place_names)}")
            if codes or names:
                plausible.append(
                    "EXISTS (SELECT 1 FROM article_event_actors aea WHERE "
                    "aea.article_id = ae.article_id AND aea.event_id = ae.id AND "
                    f"(aea.code{sql.among(codes)} OR lower(aea.name){sql.among(names)}))")
            terms.append(f"(({' OR '.join(conditions)}) AND ({' OR '.join(plausible)}))")
        if copies:  # a copy's report fuses by its trigger, whoever and wherever it names
            terms.append(f"(ae.article_id{sql.among(copies)} AND ae.type{sql.among(types)})")
        return _fused_rows(sql.send(conn, f"{head} AND ({' OR '.join(terms)})", "candidates"))

    def _candidate_results(self, conn: Connection, rows: list[tuple]
                           ) -> tuple[list[Report], dict[tuple[str, str], str], dict[str, str]]:
        """Reports, their events and the near-duplicate map from candidate rows (article
        id, report id, event id, the article its article copies)."""
        reports = self._reports.get(conn, [(row[0], row[1]) for row in rows])
        return (reports, {(row[0], row[1]): row[2] for row in rows},
                {row[0]: row[3] for row in rows if row[3] is not None})

    def _send_candidates_postgresql(self, conn: Connection, article_id: str, fine: list,
                                    copies: list[str], types: list[str], place_terms: list,
                                    place_ids: list[str], place_names: list[str],
                                    codes: list[str], names: list[str]
                                    ) -> Callable[[], "Candidates"]:
        """The candidate query of ``_send_candidates`` on PostgreSQL: the same rows, found
        term by term. The terms go as arrays (one a column) that the query unnests, and
        each term's reports are read by a look-up of its own (a LATERAL subquery on the
        type and date index, or the GeoNames id or place name index), tested against that
        term only; the terms' rows are then merged (UNION). The one query that ORed every
        term tested each report it read against all of them (some 60 for a dense article,
        padded to a power of two): 4-5 ms of the server's CPU a dense article's query,
        most of it those tests. The text depends only on which kinds of term there are (a
        dozen texts), so it is prepared: planned once, not parsed and planned each time."""
        sql = RawSQL(self.dialect)
        me = sql.value(article_id)
        # a term's statuses as one array literal (arrays of arrays must be of one length)
        statuses = lambda family: _pg_array(family) if family else None  # noqa: E731
        status_ok = "coalesce(ae.status = ANY(t.statuses::text[]), true)"  # NULL: any status
        plausible = []  # written once, with the first term that needs it (every marker used)

        def shares_place_or_actor() -> str:
            if not plausible:
                plausible.append(
                    f"(ae.geonameid{sql.among(place_ids)} OR ae.place_parent"
                    f"{sql.among(place_ids)} OR lower(ae.place_name){sql.among(place_names)} "
                    "OR EXISTS (SELECT 1 FROM article_event_actors aea WHERE aea.article_id = "
                    f"ae.article_id AND aea.event_id = ae.id AND (aea.code{sql.among(codes)} "
                    f"OR lower(aea.name){sql.among(names)}) OFFSET 0))")
            return plausible[0]

        branches = []

        def unnested(columns: list[tuple[str, str, list]]) -> str:
            # Each array as its text (psycopg adapts a list value by value, about 3 us a
            # date, some 0.5 ms of the client's CPU for a dense article's terms)
            arrays = ", ".join(f"{sql.value(_pg_array(values))}::{kind}[]"
                               for _, kind, values in columns)
            return f"unnest({arrays}) AS t({', '.join(name for name, _, _ in columns)})"

        def branch(terms: str, condition: str) -> str:
            # OFFSET 0: a subquery run for each term with its values (an index look-up),
            # never flattened into a join over every report
            return (f"SELECT hit.article_id, hit.id FROM {terms} CROSS JOIN LATERAL ("
                    f"SELECT ae.article_id, ae.id FROM article_events ae WHERE {condition} "
                    f"AND ae.article_id <> {me} AND {shares_place_or_actor()} OFFSET 0) hit")

        if fine:
            kinds, lows, highs, ends, families = zip(*fine)
            branches.append(branch(
                unnested([("type", "text", list(kinds)), ("low", "date", list(lows)),
                          ("high", "date", list(highs)), ("ends", "date", list(ends)),
                          ("statuses", "text", [statuses(f) for f in families])]),
                "ae.type = t.type AND ae.date_start BETWEEN t.low AND t.high AND "
                "coalesce(ae.date_end, ae.date_start) >= t.ends AND ae.precision IN "
                f"('day', 'week') AND {status_ok}"))
        for column in ("ae.geonameid", "lower(ae.place_name)"):
            terms = [term for term in place_terms if term[1] == column]
            if not terms:
                continue
            kinds, _, values, fine_dates, starts, ends_, families = zip(*terms)
            branches.append(branch(
                unnested([("type", "text", list(kinds)), ("value", "text", list(values)),
                          ("fine", "boolean", [bool(f) for f in fine_dates]),
                          ("start", "date", list(starts)), ("last", "date", list(ends_)),
                          ("undated_last", "date",
                           [end + fusion.UNDATED_WINDOW if end else None for end in ends_]),
                          ("statuses", "text", [statuses(f) for f in families])]),
                f"ae.type = t.type AND {column} = t.value AND {status_ok} AND (NOT t.fine OR "
                f"{LOOSE_DATE}) AND (t.start IS NULL OR (ae.date_start IS NULL AND {PUBLISHED} "
                "BETWEEN t.start AND t.undated_last) OR (ae.date_start <= t.last AND "
                "coalesce(ae.date_end, ae.date_start) >= t.start))"))
        if copies:  # a copy's report fuses by its trigger, whoever and wherever it names
            branches.append(
                f"SELECT ae.article_id, ae.id FROM article_events ae WHERE "
                f"ae.article_id{sql.among(copies)} AND ae.type{sql.among(types)} AND "
                f"ae.article_id <> {me}")
        # With the candidates, every report of their fused events and, of those reports'
        # articles, the near-duplicate links and splits: what ``_event_members`` reads for
        # the events that match, sent in the same round trip (rows tagged 0 to 3) instead of
        # a second one once the client has matched them.
        query = (f"WITH c AS MATERIALIZED (SELECT c.article_id, c.id, (SELECT er.event_id "
                 "FROM event_reports er WHERE er.article_id = c.article_id AND er.report_id = "
                 "c.id) AS event_id, (SELECT nd.duplicate_of FROM near_duplicates nd WHERE "
                 f"nd.article_id = c.article_id) AS duplicate_of FROM ({' UNION '.join(branches)}) c), "
                 # each event's reports by the event id index (OFFSET 0: never a scan of
                 # every report joined to the events, which the plan of a small store was)
                 "m AS MATERIALIZED (SELECT er.article_id, er.report_id, er.event_id FROM "
                 "(SELECT DISTINCT c.event_id FROM c) e CROSS JOIN LATERAL (SELECT "
                 "er.article_id, er.report_id, er.event_id FROM event_reports er WHERE "
                 "er.event_id = e.event_id OFFSET 0) er) "
                 "SELECT 0, c.article_id, c.id, c.event_id, c.duplicate_of, NULL::integer, "
                 "NULL::integer FROM c "
                 "UNION ALL SELECT 1, m.article_id, m.report_id, m.event_id, NULL, NULL, NULL "
                 "FROM m UNION ALL SELECT 2, nd.article_id, nd.duplicate_of, NULL, NULL, NULL, "
                 "NULL FROM near_duplicates nd WHERE nd.article_id IN (SELECT m.article_id "
                 "FROM m) UNION ALL SELECT 3, fs.article_id, fs.report_id, NULL, NULL, "
                 "fs.split_id, fs.side FROM fusion_splits fs WHERE fs.article_id IN (SELECT "
                 "m.article_id FROM m)")
        return _with_members(sql.send(conn, query, "candidates", prepared=True))

    def _copies_of(self, conn: Connection, original: str) -> list[str]:
        """An article and the articles recorded as its near-duplicates."""
        sql = RawSQL(self.dialect)
        found = sql.run(conn, "SELECT article_id FROM near_duplicates "
                              f"WHERE duplicate_of = {sql.value(original)}")
        return sorted({original, *(row[0] for row in found)})

    def _event_members(self, conn: Connection, event_ids: list[str],
                       fetched: Optional[tuple[list[tuple], list[tuple], list[tuple]]] = None
                       ) -> tuple[list[Report], list[str], list[tuple[str, str]],
                                  dict[tuple[str, str], list[tuple[int, int]]]]:
        """The reports of fused events, the event of each, and, of their articles, the
        near-duplicate links (article, the article it copies) and the splits (as
        ``_splits``): three queries sent at once, or, ``fetched`` (``Candidates.members``),
        those rows of more events, kept for these."""
        if fetched is not None:
            wanted = set(event_ids)
            rows = [row for row in fetched[0] if row[2] in wanted]
            articles_of = {row[0] for row in rows}
            return (self._reports.get(conn, [(row[0], row[1]) for row in rows]),
                    [row[2] for row in rows],
                    [row for row in fetched[1] if row[0] in articles_of],
                    _splits_by_report(row for row in fetched[2] if row[1] in articles_of))
        sent = []
        for query, cursor in (
                ("SELECT article_id, report_id, event_id FROM event_reports "
                 "WHERE event_id{}", "members"),
                ("SELECT article_id, duplicate_of FROM near_duplicates WHERE article_id IN "
                 "(SELECT article_id FROM event_reports WHERE event_id{})", "originals"),
                ("SELECT split_id, article_id, report_id, side FROM fusion_splits WHERE "
                 "article_id IN (SELECT article_id FROM event_reports WHERE event_id{})",
                 "splits")):
            sql = RawSQL(self.dialect)
            sent.append(sql.send(conn, query.format(sql.among(event_ids)), cursor))
        rows, originals, splits = (rows() for rows in sent)
        return (self._reports.get(conn, [(row[0], row[1]) for row in rows]),
                [row[2] for row in rows], originals, _splits_by_report(splits))

    def _cluster(self, conn: Connection, reports: list[Report],
                 fixed: list[list[tuple[str, str]]] = (),
                 new: Optional[set[tuple[str, str]]] = None,
                 originals: Optional[dict[str, str]] = None,
                 only_new: bool = False,
                 splits: Optional[dict[tuple[str, str], list[tuple[int, int]]]] = None
                 ) -> list[list[Report]]:
        """Cluster reports (fusion.cluster); ``originals`` (the near-duplicate map) and
        ``splits`` (the splits of the reports' articles) are read when not given."""
        article_ids = sorted({report.article_id for report in reports})
        if splits is None:
            found = []
            for chunk in _chunks(article_ids, 500):
                sql = RawSQL(self.dialect)
                found += sql.run(conn, "SELECT split_id, article_id, report_id, side FROM "
                                       f"fusion_splits WHERE article_id{sql.among(chunk)}")
            splits = _splits_by_report(found)
        if originals is None:
            originals = self._duplicate_map(conn, set(article_ids))
        return fusion.cluster(reports, originals, splits, fixed=fixed, new=new,
                              only_new=only_new)

    def _write_events(self, conn: Connection, groups: list[list[Report]],
                      current: dict[tuple[str, str], str], old_ids: Iterable[str],
                      duplicates: Optional[dict[str, str]] = None) -> None:
        """Write groups of reports as fused events, touching only what changed.

        ``current`` maps the reports already linked to the event they are in; ``old_ids``
        are the events these groups replace (dropped unless a group keeps the id);
        ``duplicates`` the near-duplicate map of their articles, when known.
        """
        old_ids = set(old_ids)
        if duplicates is None:
            duplicates = self._duplicate_map(conn, {r.article_id for g in groups for r in g})
        inserts, updates, new_links, moved_links, kept = [], [], [], [], set()
        for group in groups:
            row = event_row(group, duplicates)
            kept.add(row["id"])
            if row["id"] in old_ids:
                updates.append(row)
            else:
                inserts.append(row)
            for report in group:
                linked = current.get(report.key)
                link = {"article_id": report.article_id, "report_id": report.report_id,
                        "event_id": row["id"]}
                if linked is None:
                    new_links.append(link)
                elif linked != row["id"]:
                    moved_links.append(link)
        gone = sorted(old_ids - kept)
        if not updates and not moved_links and not gone:  # new events only: one statement
            self._inserts_of([(events, inserts), (event_reports, new_links)])(conn)
            return
        with self._pipeline(conn):  # PostgreSQL: the writes in one round trip
            self._bulk(conn, events, inserts)
            self._bulk(conn, events, updates, update=True)
            self._bulk(conn, event_reports, moved_links, update=True)
            self._bulk(conn, event_reports, new_links)
            for chunk in _chunks(gone, 500):
                for table, column in (("event_reports", "event_id"), ("events", "id")):
                    sql = RawSQL(self.dialect)
                    sql.run(conn, f"DELETE FROM {table} WHERE {column}{sql.among(chunk)}",
                            rows=False)

    def _duplicate_map(self, conn: Connection, article_ids: set[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(sorted(article_ids), 500):
            sql = RawSQL(self.dialect)
            found.update(sql.run(conn, "SELECT article_id, duplicate_of FROM near_duplicates "
                                       f"WHERE article_id{sql.among(chunk)}"))
        return found

    def fuse(self) -> dict[str, int]:
        """Recompute every fused event from the stored reports and splits (deterministic)."""
        with self._write() as conn:
            reports = load_reports(conn, None)
            groups = self._cluster(conn, reports)
            conn.execute(delete(event_reports))
            conn.execute(delete(events))
            self._write_events(conn, groups, {}, [])
        return {"reports": len(reports), "events": len(groups)}

    def split(self, event_id: str, reports: Optional[Iterable[tuple[str, str]]] = None
              ) -> list[str]:
        """Split a fused event: every report apart, or the given (article id, event id)
        reports apart from the rest. Fusion never joins them again. Returns the new ids."""
        with self._write() as conn:
            members = load_reports(conn, tuple_(article_events.c.article_id, article_events.c.id)
                                   .in_(select(event_reports.c.article_id,
                                               event_reports.c.report_id)
                                        .where(event_reports.c.event_id == event_id)))
            if not members:
                raise InputError(f"no event '{event_id}' (see 'eventwire query')")
            if len(members) == 1:
                raise InputError(f"event '{event_id}' has one report: nothing to split")
            chosen = {tuple(key) for key in reports} if reports is not None else None
            if chosen is not None:
                unknown = chosen - {m.key for m in members}
                if unknown or not chosen or len(chosen) == len(members):
                    raise InputError(f"give some, not all, of the reports of '{event_id}' "
                                     "as ARTICLE:EVENT")
            split_id = (conn.execute(select(func.max(fusion_splits.c.split_id))).scalar() or 0) + 1
            now = datetime.now(timezone.utc)
            conn.execute(insert(fusion_splits), [
                {"split_id": split_id, "article_id": m.article_id, "report_id": m.report_id,
                 "side": (int(m.key in chosen) if chosen is not None else index),
                 "made_at": now}
                for index, m in enumerate(sorted(members, key=lambda r: r.order))])
            groups = self._cluster(conn, members)
            self._write_events(conn, groups, {m.key: event_id for m in members}, [event_id])
        return [fusion.event_id(group[0]) for group in groups]

    # ------------------------------------------------------------------ reading

    def has(self, sha256: str) -> bool:
        """Whether an article with this sha256 (of its normalised text) is stored."""
        return self._article_id_of(sha256) is not None

    def stored_sha256(self, digests: Iterable[str]) -> set[str]:
        """Which of these sha256 digests are stored."""
        found: set[str] = set()
        with self._read() as conn:
            for chunk in _chunks(sorted(set(digests)), 500):
                found.update(conn.execute(select(articles.c.sha256)
                                          .where(articles.c.sha256.in_(chunk))).scalars())
        return found

    def article(self, article_id: str) -> Optional[Article]:
        """The stored article (its text byte for byte), or None."""
        extraction = self.extraction(article_id, items=False)
        return extraction.article if extraction else None

    def extraction(self, article_id: str, items: bool = True) -> Optional[Extraction]:
        """The stored Extraction of an article, exactly as it was added, or None."""
        with self._read() as conn:
            row = conn.execute(select(extractions.c.data, articles.c.text)
                               .join(articles, articles.c.id == extractions.c.article_id)
                               .where(extractions.c.article_id == article_id)).first()
        return None if row is None else _extraction_from_row(row.data, row.text, items)

    def iter_extractions(self) -> Iterator[Extraction]:
        """Every stored Extraction, in article id order, read a page at a time."""
        last = None
        while True:
            query = (select(extractions.c.article_id, extractions.c.data, articles.c.text)
                     .join(articles, articles.c.id == extractions.c.article_id)
                     .order_by(extractions.c.article_id).limit(50))
            if last is not None:
                query = query.where(extractions.c.article_id > last)
            with self._read() as conn:
                rows = conn.execute(query).all()
            if not rows:
                return
            for row in rows:
                yield _extraction_from_row(row.data, row.text, True)
            last = rows[-1].article_id

    def near_duplicates(self, article_id: str) -> list[tuple[str, str, float]]:
        """(article, duplicate_of, similarity) links that involve this article."""
        with self._read() as conn:
            rows = conn.execute(select(near_duplicates).where(or_(
                near_duplicates.c.article_id == article_id,
                near_duplicates.c.duplicate_of == article_id))
                .order_by(near_duplicates.c.article_id)).all()
        return [(r.article_id, r.duplicate_of, r.similarity) for r in rows]

    def events(self, **filters: Any) -> list[FusedEvent]:
        """Fused events matching the filters, newest first (see :class:`EventFilter`)."""
        query = EventFilter(**filters)
        with self._read() as conn:
            ids = conn.execute(self.select_event_ids(query, conn=conn)).scalars().all()
            return self._load_events(conn, ids)

    def count_events(self, **filters: Any) -> int:
        """How many fused events match the filters (see :class:`EventFilter`)."""
        query = EventFilter(**{**filters, "limit": None, "offset": 0})
        with self._read() as conn:
            event_conditions, matching = self._conditions(query, conn)
            if matching is not None and not event_conditions:  # count the reports' side only
                return conn.execute(select(func.count(matching.c.event_id.distinct()))).scalar()
            ids = self.select_event_ids(query, conn=conn).order_by(None)
            return conn.execute(select(func.count()).select_from(ids.subquery())).scalar()

    def event(self, event_id: str) -> Optional[FusedEvent]:
        with self._read() as conn:
            found = self._load_events(conn, [event_id])
        return found[0] if found else None

    def iter_events(self, **filters: Any) -> Iterator[FusedEvent]:
        """Every matching fused event, in id order, read ``PAGE`` at a time (for exports)."""
        query = EventFilter(**{**filters, "limit": None, "offset": 0})
        last = None
        while True:
            select_ids = self.select_event_ids(query, order_by_id=True).limit(PAGE)
            if last is not None:
                select_ids = select_ids.where(events.c.id > last)
            with self._read() as conn:
                ids = conn.execute(select_ids).scalars().all()
                page = self._load_events(conn, ids)
            if not ids:
                return
            yield from page
            last = ids[-1]

    def actors(self, query: Optional[str] = None, limit: int = 50) -> list[dict[str, Any]]:
        """Actors named in fused events, with how many events each is in, most first;
        ``query`` keeps those whose name or code holds it."""
        key = func.coalesce(article_event_actors.c.code, article_event_actors.c.name)
        rows = (select(func.min(article_event_actors.c.name).label("name"),
                       article_event_actors.c.code,
                       func.count(event_reports.c.event_id.distinct()).label("events"))
                .join(event_reports, and_(
                    event_reports.c.article_id == article_event_actors.c.article_id,
                    event_reports.c.report_id == article_event_actors.c.event_id))
                .where(article_event_actors.c.name.is_not(None))
                .group_by(key, article_event_actors.c.code))
        if query:
            rows = rows.where(or_(
                func.lower(article_event_actors.c.name).contains(self.folded(query),
                                                                 autoescape=True),
                article_event_actors.c.code == query.upper()))
        rows = rows.order_by(func.count(event_reports.c.event_id.distinct()).desc(),
                             func.min(article_event_actors.c.name)).limit(limit)
        with self._read() as conn:
            return [dict(row._mapping) for row in conn.execute(rows)]

    def places(self, query: Optional[str] = None, limit: int = 50) -> list[dict[str, Any]]:
        """Places of fused events, with how many events each has, most first; ``query``
        keeps those whose name or GeoNames id holds it."""
        rows = (select(func.min(events.c.place_name).label("name"), events.c.geonameid,
                       func.min(events.c.country).label("country"),
                       func.min(events.c.lat).label("lat"), func.min(events.c.lon).label("lon"),
                       func.count().label("events"))
                .where(events.c.place_name.is_not(None))
                .group_by(func.coalesce(events.c.geonameid, events.c.place_name),
                          events.c.geonameid))
        if query:
            rows = rows.where(or_(
                func.lower(events.c.place_name).contains(self.folded(query), autoescape=True),
                events.c.geonameid == query))
        rows = rows.order_by(func.count().desc(), func.min(events.c.place_name)).limit(limit)
        with self._read() as conn:
            return [dict(row._mapping) for row in conn.execute(rows)]

    def articles(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles, newest first: id, title, source, url, published, events."""
        reports = (select(article_events.c.article_id, func.count().label("events"))
                   .group_by(article_events.c.article_id).subquery())
        rows = (select(articles.c.id, articles.c.title, articles.c.source, articles.c.url,
                       articles.c.published,
                       func.coalesce(reports.c.events, 0).label("events"))
                .outerjoin(reports, reports.c.article_id == articles.c.id)
                .order_by(articles.c.published.desc().nulls_last(), articles.c.id)
                .limit(limit).offset(offset))
        with self._read() as conn:
            return [dict(row._mapping) for row in conn.execute(rows)]

    def stats(self) -> dict[str, int]:
        """How many rows each table holds."""
        from eventwire.store.schema import metadata

        with self._read() as conn:
            return {name: conn.execute(select(func.count()).select_from(table)).scalar()
                    for name, table in metadata.tables.items()}

    def select_event_ids(self, query: EventFilter, order_by_id: bool = False,
                         conn: Optional[Connection] = None):
        """The SELECT of the ids of the fused events matching ``query`` (an EventFilter),
        newest first (or ``query.order``), with its limit and offset; ``order_by_id`` orders
        by id instead (for paging through every match). Compose it as a subquery, or run it.

        Filters on reports (place, outlet, claimant, actor) are looked up first: when a few
        thousand events match or fewer, their ids go into the query, so the database reads
        those events only; when more match, it walks the events in order and keeps those
        that match, stopping at the page's end. ``conn`` serves that look-up (default: a
        short read of its own).
        """
        if conn is None:
            with self._read() as own:
                return self.select_event_ids(query, order_by_id, own)
        event_conditions, matching = self._conditions(query, conn)
        conditions = list(event_conditions)
        if matching is not None:
            # Not DISTINCT: SQLite would then walk every report in event order.
            few = conn.execute(select(matching.c.event_id).limit(FEW_MATCHES + 1)).scalars().all()
            if len(few) <= FEW_MATCHES:
                conditions.append(events.c.id.in_(sorted(set(few))))
            else:  # ``id || ''``: not the id index, so the scan follows the order's index
                conditions.append(events.c.id.concat("").in_(select(matching.c.event_id)))
        ids = select(events.c.id).where(*conditions)
        if order_by_id:
            return ids.order_by(events.c.id)
        when = events.c.date_start.desc() if query.order == "newest" else events.c.date_start.asc()
        ids = ids.order_by(when.nulls_last(), events.c.id)
        if query.limit is not None:
            ids = ids.limit(query.limit)
        return ids.offset(query.offset) if query.offset else ids

    _select_ids = select_event_ids  # the old private name, until eventwire/serve uses the new

    def folded(self, text: str) -> str:
        """``text`` lower-cased as this engine's ``lower()`` folds the stored names it is
        compared with: PostgreSQL folds every letter, SQLite only A-Z, so on SQLite a name
        with a non-ASCII capital ("Al Ḩasakah") is found as written (or with other A-Z
        case), where Python's full ``lower()`` would never meet SQLite's."""
        return text.lower() if self.dialect == "postgresql" else text.translate(ASCII_LOWER)

    def _conditions(self, query: EventFilter, conn: Connection):
        """The filter's conditions on ``events``, and the subquery of the event ids its
        conditions on reports and actors match (None without such conditions)."""
        conditions = []
        if query.type:
            conditions.append(events.c.type == query.type.upper())
        if query.status:
            conditions.append(events.c.status == query.status.lower())
        if query.since:
            conditions.append(func.coalesce(events.c.date_end, events.c.date_start) >= query.since)
        if query.until:
            conditions.append(events.c.date_start <= query.until)
        if query.near:
            conditions.append(_within(events.c.lat, events.c.lon, query.near, query.km))
        report_conditions = []
        if query.geonameid:
            report_conditions.append(or_(article_events.c.geonameid == query.geonameid,
                                         article_events.c.place_parent == query.geonameid))
        if query.place:  # a name, or a GeoNames id; places inside it match too
            raw = query.place.strip()
            name = self.folded(raw)
            inside = select(article_events.c.geonameid).where(
                func.lower(article_events.c.place_name) == name,
                article_events.c.geonameid.is_not(None)).distinct()
            report_conditions.append(or_(func.lower(article_events.c.place_name) == name,
                                         article_events.c.geonameid == raw,
                                         article_events.c.place_parent == raw,
                                         article_events.c.place_parent.in_(inside)))
        if query.outlet:
            report_conditions.append(
                func.lower(article_events.c.outlet) == self.folded(query.outlet))
        if query.claimant:
            claimant = query.claimant.strip()
            report_conditions.append(
                article_events.c.claimant_code == claimant if _is_code(claimant)
                else func.lower(article_events.c.claimant_name).in_(
                    _names_holding(conn, self.folded(claimant))))
        found = []
        if report_conditions:
            found.append(select(event_reports.c.event_id).join(article_events, and_(
                article_events.c.article_id == event_reports.c.article_id,
                article_events.c.id == event_reports.c.report_id))
                .where(*report_conditions))
        if query.actor:
            actor = query.actor.strip()
            found.append(select(event_reports.c.event_id).join(article_event_actors, and_(
                article_event_actors.c.article_id == event_reports.c.article_id,
                article_event_actors.c.event_id == event_reports.c.report_id))
                .where(article_event_actors.c.code == actor if _is_code(actor)
                       else func.lower(article_event_actors.c.name).in_(
                           _names_holding(conn, self.folded(actor)))))
        if not found:
            return conditions, None
        if len(found) == 2:  # both: events matching each
            found = [found[0].where(event_reports.c.event_id.in_(found[1]))]
        return conditions, found[0].subquery("matching")

    def _load_events(self, conn: Connection, ids: list[str]) -> list[FusedEvent]:
        """Fused events with their reports, actors and figures, in the order of ``ids``."""
        if not ids:
            return []
        rows = {row.id: row for row in conn.execute(select(events).where(events.c.id.in_(ids)))}
        link = and_(article_events.c.article_id == event_reports.c.article_id,
                    article_events.c.id == event_reports.c.report_id)
        report_rows = conn.execute(
            select(event_reports.c.event_id.label("fused_id"), article_events,
                   articles.c.title, articles.c.url, near_duplicates.c.duplicate_of)
            .join(article_events, link)
            .join(articles, articles.c.id == article_events.c.article_id)
            .outerjoin(near_duplicates, near_duplicates.c.article_id == article_events.c.article_id)
            .where(event_reports.c.event_id.in_(ids))).all()
        texts = _sentences(conn, report_rows)
        role_rows = conn.execute(
            select(event_reports.c.event_id.label("fused_id"), article_event_actors)
            .join(article_event_actors, and_(
                article_event_actors.c.article_id == event_reports.c.article_id,
                article_event_actors.c.event_id == event_reports.c.report_id))
            .where(event_reports.c.event_id.in_(ids))).all()
        source = actors.alias("figure_source")
        figure_rows = conn.execute(
            select(event_reports.c.event_id.label("fused_id"), quantities,
                   article_events.c.id.label("report_id"),
                   article_events.c.fatalities.label("report_fatalities"),
                   article_events.c.outlet, source.c.name.label("source_name"))
            .join(article_events, link)
            .join(quantities, and_(quantities.c.article_id == article_events.c.article_id, or_(
                quantities.c.id == article_events.c.fatalities,
                and_(quantities.c.span_start >= article_events.c.sentence_start,
                     quantities.c.span_end <= article_events.c.sentence_end,
                     quantities.c.category.in_(FIGURE_CATEGORIES)))))
            .outerjoin(source, and_(source.c.article_id == quantities.c.article_id,
                                    source.c.id == quantities.c.source))
            .where(event_reports.c.event_id.in_(ids))).all()

        reports_of: dict[str, list] = defaultdict(list)
        for row in report_rows:
            reports_of[row.fused_id].append(row)
        roles_of: dict[str, list] = defaultdict(list)
        for row in role_rows:
            roles_of[row.fused_id].append(row)
        figures_of: dict[str, list] = defaultdict(list)
        for row in figure_rows:
            figures_of[row.fused_id].append(row)

        found = []
        for event_id in ids:
            row = rows.get(event_id)
            if row is None:
                continue
            found.append(_fused_event(row, reports_of[event_id], roles_of[event_id],
                                      figures_of[event_id], texts))
        return found


# ---------------------------------------------------------------------------- rows

class BulkInsert:
    """An INSERT of every column of a table, built once for an engine; rows go to the
    driver's ``executemany`` as tuples. SQLAlchemy's per-row statement and parameter
    handling was most of the cost of storing an article (about 150 rows)."""

    def __init__(self, table, dialect):
        quote = dialect.identifier_preparer.quote
        marker = "?" if dialect.paramstyle == "qmark" else "%s"
        self.table_name = table.name
        self.names = [column.name for column in table.columns]
        self.processors = [
            (index, _drop_nul if isinstance(column.type, CleanText)
             else column.type.dialect_impl(dialect).bind_processor(dialect))
            for index, column in enumerate(table.columns)]
        self.processors = [(index, process) for index, process in self.processors if process]
        # Rows dumped to JSON as they are, when no column needs more than NUL characters
        # dropped (checked on the JSON text) or a bool kept a bool.
        self.dump_as_is = all(isinstance(table.columns[index].type, (CleanText, Boolean))
                              for index, _ in self.processors)
        self.binary = any(isinstance(column.type, LargeBinary) for column in table.columns)
        self.empty = dict.fromkeys(self.names)
        pick = operator.itemgetter(*self.names)
        self.pick = pick if len(self.names) > 1 else lambda row: (pick(row),)
        self.head_sql = (f"INSERT INTO {quote(table.name)} "
                         f"({', '.join(quote(name) for name in self.names)})")
        self.sql = f"{self.head_sql} VALUES ({', '.join([marker] * len(self.names))})"
        self.typed_markers = ", ".join(
            f"{marker}::{column.type.compile(dialect=dialect)}" for column in table.columns)
        keys = [column.name for column in table.primary_key.columns]
        others = [name for name in self.names if name not in keys]
        self.update_sql = (f"UPDATE {quote(table.name)} SET "
                           f"{', '.join(f'{quote(name)} = {marker}' for name in others)} WHERE "
                           f"{' AND '.join(f'{quote(name)} = {marker}' for name in keys)}")
        self.update_order = operator.itemgetter(*[self.names.index(name)
                                                  for name in others + keys])
        self.columns_sql = self.update_columns_sql = None
        if dialect.name == "postgresql":
            # Many rows: one statement taking every row as one JSON text, one text for
            # every batch, so the server parses it once (one row a statement cost most of
            # the server's time storing an article); one JSON string is dumped by the
            # json module's C code, where arrays cost psycopg a Python call a value.
            rows_sql = f"json_populate_recordset(NULL::{quote(table.name)}, %s::json)"
            self.columns_sql = (f"INSERT INTO {quote(table.name)} "
                                f"({', '.join(quote(name) for name in self.names)}) "
                                f"SELECT {', '.join(quote(name) for name in self.names)} "
                                f"FROM {rows_sql}")
            # An UPDATE takes arrays (unnest): its join to the table is planned for as
            # many rows as they hold, where the JSON function's guess (100) may pick a scan.
            arrays = ", ".join(f"%s::{column.type.compile(dialect=dialect)}[]"
                               for column in table.columns)
            self.update_columns_sql = (
                f"UPDATE {quote(table.name)} SET "
                f"{', '.join(f'{quote(name)} = v.{quote(name)}' for name in others)} "
                f"FROM unnest({arrays}) AS v({', '.join(quote(name) for name in self.names)}) "
                f"WHERE {' AND '.join(f'{quote(table.name)}.{quote(name)} = v.{quote(name)}' for name in keys)}")

    def values(self, row: dict[str, Any]) -> list:
        values = list(self.pick({**self.empty, **row}))  # columns a row lacks are NULL
        for index, process in self.processors:
            if values[index] is not None:
                values[index] = process(values[index])
        return values

    def json(self, rows: list[dict[str, Any]]) -> Optional[str]:
        """The rows as one JSON array of objects (dates as ISO text); None when a value
        has no exact JSON form (bytes, text that is not Unicode): then the rows go one
        by one."""
        if self.binary:
            return None
        try:
            if self.dump_as_is:  # a column a row lacks is NULL in json_populate_recordset
                found = _json_text(rows)
                if "\\u0000" not in found:
                    return found
            return _json_text([dict(zip(self.names, self.values(row))) for row in rows])
        except ValueError:
            return None

    def execute(self, conn: Connection, rows: list[dict[str, Any]], update: bool = False
                ) -> None:
        cursor = driver_cursor(conn)  # the DBAPI connection, inside conn's transaction
        many = len(rows) > 1
        if update and many and self.update_columns_sql is not None:
            # An UPDATE joins its rows to the table: planned with its values (RawSQL.run)
            cursor.execute(self.update_columns_sql,
                           [list(column) for column in zip(*map(self.values, rows))],
                           **UNPREPARED["postgresql"])
        elif update:
            cursor.executemany(self.update_sql,
                               [self.update_order(self.values(row)) for row in rows])
        else:
            rows_json = self.json(rows) if many and self.columns_sql is not None else None
            if rows_json is not None:
                cursor.execute(self.columns_sql, [rows_json])
            else:
                cursor.executemany(self.sql, [self.values(row) for row in rows])


class CombinedInsert:
    """PostgreSQL: the INSERTs of several tables as one statement, one text whatever the
    rows: a table of one row a value list (``ONE_ROW``: the article, with its bytes, and
    its extraction), any other table all its rows as one JSON text (as
    ``BulkInsert.json``). Its text depends on the tables only: ``Store._inserts_of``
    leaves out those without rows, whose clauses (a JSON function, an empty insert, the
    statement triggers of ``search_names``) the server otherwise ran for nothing."""

    ONE_ROW = ("articles", "extractions")

    def __init__(self, inserts: list[BulkInsert]):
        self.inserts = inserts
        clauses = [bulk.sql if bulk.table_name in self.ONE_ROW else bulk.columns_sql
                   for bulk in inserts]
        *first, last = clauses
        self.sql = (f"WITH {', '.join(f'w{index} AS ({clause})' for index, clause in enumerate(first))} "
                    f"{last}") if first else last

    def parameters(self, tables_rows: list[list[dict[str, Any]]]) -> Optional[list]:
        """The statement's parameters for these rows (a list a table, in order); None when
        a table's rows have no such form (a one-row table without exactly one row, rows
        without an exact JSON form): then they go table by table."""
        params: list[Any] = []
        for bulk, rows in zip(self.inserts, tables_rows):
            if bulk.table_name in self.ONE_ROW:
                if len(rows) != 1:
                    return None
                params += bulk.values(rows[0])
            else:
                rows_json = bulk.json(rows)
                if rows_json is None:
                    return None
                params.append(rows_json)
        return params

    def send(self, conn: Connection, params: list) -> None:
        driver_cursor(conn).execute(self.sql, params)


def item_row(table, article_id: str, item) -> dict[str, Any]:
    """A table row for an extracted item (model or its dump): the fields the table has,
    span split in two."""
    data = item if isinstance(item, dict) else item.model_dump()
    row = {"article_id": article_id, "span_start": data["span"][0], "span_end": data["span"][1]}
    cue = data.get("cue")
    if cue:
        row.update(cue_text=cue["text"], cue_start=cue["span"][0], cue_end=cue["span"][1])
    columns = _column_names(table)
    row.update({key: value for key, value in data.items()
                if key in columns and key not in row})
    return row


@lru_cache(maxsize=None)
def _column_names(table) -> frozenset[str]:
    """A table's column names, as a set made once (``Table.columns.keys()`` is a new list
    each call, searched from its start: some 55 item rows an article)."""
    return frozenset(table.columns.keys())


def report_rows(extraction: Extraction, article_id: str) -> tuple[list[dict], list[dict]]:
    """Rows of ``article_events`` and ``article_event_actors`` for an extraction's events."""
    article = extraction.article
    by_id = {item.id: item for items in (extraction.actors, extraction.places,
                                         extraction.quantities) for item in items}

    def actor(actor_id: Optional[str]):
        found = by_id.get(actor_id) if actor_id else None
        if found is not None and not found.code and found.refers_to in by_id:
            return by_id[found.refers_to]  # a later mention: the first names it fully
        return found

    events_out, roles_out = [], []
    for item in extraction.events:
        place = by_id.get(item.place) if item.place else None
        claimant = actor(item.claimed_by)
        figure = by_id.get(item.fatalities) if item.fatalities else None
        low, high = _figure_range(figure)
        events_out.append({
            "article_id": article_id, "id": item.id, "type": item.type, "mode": item.mode,
            "context": item.context, "cameo": item.cameo,
            "trigger_text": item.trigger.text, "trigger_start": item.trigger.span[0],
            "trigger_end": item.trigger.span[1],
            "sentence_start": item.sentence[0], "sentence_end": item.sentence[1],
            "place": item.place, "time": item.time,
            "date_start": item.date.start if item.date else None,
            "date_end": item.date.end if item.date else None,
            "precision": item.date.precision if item.date else None,
            "status": item.status, "claimed_by": item.claimed_by, "quote": item.quote,
            "fatalities": item.fatalities, "confidence": item.confidence,
            "fatalities_low": low, "fatalities_high": high,
            "place_name": place.name if place else None,
            "geonameid": place.geonameid if place else None,
            "place_parent": place.parent if place else None,
            "place_qualifier": place.qualifier if place else None,
            "place_feature": place.feature if place else None,
            "country": place.country if place else None,
            "admin1": place.admin1 if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "claimant_name": claimant.name if claimant else None,
            "claimant_code": claimant.code if claimant else None,
            "outlet": article.source, "published": article.published,
        })
        seen = set()
        for role, actor_ids in (("source", item.source), ("target", item.target)):
            for actor_id in actor_ids:
                if (role, actor_id) in seen:
                    continue
                seen.add((role, actor_id))
                named = actor(actor_id)
                roles_out.append({"article_id": article_id, "event_id": item.id, "role": role,
                                  "actor_id": actor_id,
                                  "code": named.code if named else None,
                                  "name": named.name if named else None})
    return events_out, roles_out


CANDIDATE_HEAD = (
    "SELECT ae.article_id, ae.id, (SELECT er.event_id FROM event_reports er WHERE "
    "er.article_id = ae.article_id AND er.report_id = ae.id), (SELECT nd.duplicate_of FROM "
    "near_duplicates nd WHERE nd.article_id = ae.article_id) FROM article_events ae")
"""The candidate query's columns, on both engines: article, report, its fused event, the
article its article copies."""
PUBLISHED = "ae.published"
"""The publication date of a candidate's article (its reports keep a copy): an undated
report's span (SQL over ``ae``). Read from ``articles`` instead, it was an index look-up a
row, two for BETWEEN: most of the candidate query's time for an article at a busy place."""


@dataclasses.dataclass
class Candidates:
    """What ``Store._send_candidates`` reads: the candidate reports in a fused event
    (article, report, its event, the article its article copies) and, on PostgreSQL,
    fetched with them, ``_event_members``' rows for every one of their events (reports,
    near-duplicate links, splits), of which the caller keeps those of the events that
    match; None: read when needed."""
    rows: list[tuple]
    members: Optional[tuple[list[tuple], list[tuple], list[tuple]]] = None


def _fused_rows(rows: Callable[[], list[tuple]]) -> Callable[[], Candidates]:
    """Candidate rows (``Store._send_candidates``) of reports in a fused event only."""
    return lambda: Candidates([row for row in rows() if row[2] is not None])


def _with_members(rows: Callable[[], list[tuple]]) -> Callable[[], Candidates]:
    """The candidates and their events' members from the PostgreSQL candidate query's
    tagged rows (kind, then the columns of that kind)."""
    def read() -> Candidates:
        kinds: tuple[list[tuple], ...] = ([], [], [], [])
        for kind, *row in rows():
            kinds[kind].append(row)
        candidates, members, originals, splits = kinds
        return Candidates(
            [tuple(row[:4]) for row in candidates if row[2] is not None],
            ([tuple(row[:3]) for row in members], [tuple(row[:2]) for row in originals],
             [(row[4], row[0], row[1], row[5]) for row in splits]))
    return read


def _splits_by_report(rows: Iterable[tuple]) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """Split rows (split id, article id, report id, side) as (split id, side) by report."""
    splits: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for split_id, article_id, report_id, side in rows:
        splits[(article_id, report_id)].append((split_id, side))
    return splits


def _merged_statuses(families: Iterable[tuple]) -> tuple:
    """The statuses of several terms at once; () (any status) when one of them takes any."""
    families = list(families)
    return () if not all(families) else tuple(sorted(set().union(*families)))


def _merged_fine_terms(terms: Iterable[tuple]) -> list[tuple]:
    """The candidate query's fine-date terms (type, lowest start, highest start, earliest
    end, statuses), those of one type whose start ranges meet merged into one.

    A dense article gives a dozen reports of one type a few days apart: each term is
    rechecked on every row the query reads, and one term reads each row once. Merged
    terms read a superset, which fusion's pair test then sorts out (same result)."""
    merged: list[list] = []
    for kind, low, high, ends, statuses in sorted(terms):
        last = merged[-1] if merged else None
        if last is not None and last[0] == kind and low <= last[2]:
            last[2], last[3] = max(last[2], high), min(last[3], ends)
            last[4] = _merged_statuses([last[4], statuses])
        else:
            merged.append([kind, low, high, ends, statuses])
    return [tuple(term) for term in merged]


def _merged_place_terms(terms: Iterable[tuple]) -> list[tuple]:
    """The candidate query's place terms (type, column, value, fine, start, end, statuses),
    one a type and place: the widest dates (None: any), loose stored dates only when every
    merged report is fine; a superset, like _merged_fine_terms."""
    by_place: dict[tuple, list[tuple]] = defaultdict(list)
    for term in terms:
        by_place[term[:3]].append(term)
    merged = []
    for key, group in by_place.items():
        starts = [term[4] for term in group]
        undated = any(start is None for start in starts)
        merged.append((*key, all(term[3] for term in group),
                       None if undated else min(starts),
                       None if undated else max(term[5] for term in group),
                       _merged_statuses(term[6] for term in group)))
    return merged


def _json_text(value: Any) -> str:
    """JSON text of rows for PostgreSQL's JSON functions: pydantic's serializer, which
    writes in Rust what the json module's encoder calls back into Python for (every date),
    in 0.16-0.30 ms an article's rows against 0.59-0.66 (measured over 600 bench
    articles). Dates and times in ISO 8601; a float that is not finite as the text
    "Infinity" or "NaN", which a float column reads as that float (it is stored as when
    sent as a value); text that is not Unicode (a lone surrogate) raises ValueError."""
    return to_json(value, inf_nan_mode="strings").decode()


def _pg_array(values: Iterable[Any]) -> str:
    """A PostgreSQL array literal (one dimension) of texts, dates or booleans; None is
    NULL. Texts are quoted, so any text is read back as it is."""
    def element(value: Any) -> str:
        if value is None:
            return "NULL"
        if isinstance(value, bool):
            return "t" if value else "f"
        if isinstance(value, date):
            return value.isoformat()
        return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "{" + ",".join(map(element, values)) + "}"


def _drop_nul(value):
    """What CleanText does to a value bound to a query column (NUL characters dropped)."""
    return value.replace("\x00", "") if isinstance(value, str) else value


def _figure_range(figure) -> tuple[Optional[float], Optional[float]]:
    if figure is None:
        return None, None
    low = figure.low if figure.low is not None else figure.value
    high = figure.high if figure.high is not None else figure.value
    return low, high


def load_reports(conn: Connection, condition) -> list[Report]:
    """Reports (for fusion) of the article events matching a condition (None: all)."""
    query = select(article_events)
    roles = select(article_event_actors)
    if condition is not None:
        query = query.where(condition)
        roles = roles.where(tuple_(article_event_actors.c.article_id,
                                   article_event_actors.c.event_id).in_(
            select(article_events.c.article_id, article_events.c.id).where(condition)))
    role_rows = [row._mapping for row in conn.execute(roles)]
    return reports_from_rows([row._mapping for row in conn.execute(query)], role_rows)


def reports_from_rows(event_rows: Iterable, role_rows: Iterable) -> list[Report]:
    """Reports (for fusion) from ``article_events`` and ``article_event_actors`` rows."""
    codes: dict[tuple[str, str], set[str]] = defaultdict(set)
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in role_rows:
        key = (row["article_id"], row["event_id"])
        if row["code"]:
            codes[key].add(row["code"])
        elif row["name"]:
            names[key].add(row["name"].casefold())
    return [report_from_row(row, codes.get((row["article_id"], row["id"]), ()),
                            names.get((row["article_id"], row["id"]), ()))
            for row in event_rows]


LIST_SEPARATOR = "\x1f"
"""Joins the codes and names of a report's actors in one column (a name holding it would
count as two names, for fusion's name overlap only)."""


def report_from_row(row, codes: Optional[Iterable[str]] = None,
                    names: Optional[Iterable[str]] = None) -> Report:
    """A Report from an ``article_events`` row; its actors given, or in the row's
    ``actor_codes`` and ``actor_names`` columns (see _with_actor_lists)."""
    if codes is None:
        codes = [code for code in (row["actor_codes"] or "").split(LIST_SEPARATOR) if code]
        names = [name.casefold() for name in (row["actor_names"] or "").split(LIST_SEPARATOR)
                 if name]
    return Report(
        article_id=row["article_id"], report_id=row["id"], type=row["type"],
        status=row["status"], published=row["published"], date_start=row["date_start"],
        date_end=row["date_end"], precision=row["precision"], geonameid=row["geonameid"],
        place_parent=row["place_parent"], place_name=row["place_name"],
        place_qualifier=row["place_qualifier"], place_feature=row["place_feature"],
        country=row["country"], admin1=row["admin1"],
        codes=frozenset(codes), names=frozenset(names or ()),
        trigger=row["trigger_text"], lat=row["lat"], lon=row["lon"], mode=row["mode"],
        cameo=row["cameo"], fatalities_low=row["fatalities_low"],
        fatalities_high=row["fatalities_high"])


def as_read_back(report: Report) -> Report:
    """A new report as reading it back from the store gives it: NUL characters dropped
    from the query columns (schema.CleanText), names split as _with_actor_lists joins them."""
    names = frozenset(part for name in report.names
                      for part in _clean(name).split(LIST_SEPARATOR) if part)
    trigger = _clean(report.trigger)
    place_name = None if report.place_name is None else _clean(report.place_name)
    if names == report.names and trigger == report.trigger and place_name == report.place_name:
        return report  # the common case: nothing to drop (a copy cost more than the rest)
    return dataclasses.replace(report, trigger=trigger, names=names, place_name=place_name)


class ReportCache:
    """Reports (for fusion) by (article id, report id), read once and kept: a stored report
    never changes (fusion changes the events and their links, never the reports), so each
    ``add`` reads the keys of its candidates and only builds the reports it has not seen.
    Bounded: past ``limit`` reports it starts again empty."""

    def __init__(self, limit: int = 200_000):
        self.limit = limit
        self.found: dict[tuple[str, str], Report] = {}

    def add(self, reports: Iterable[Report]) -> None:
        if len(self.found) > self.limit:
            self.found.clear()
        self.found.update((report.key, report) for report in reports)

    def get(self, conn: Connection, keys: list[tuple[str, str]]) -> list[Report]:
        """The reports of these keys, in their order; those not kept are read (every report
        of their articles at once)."""
        missing = sorted({article_id for article_id, report_id in keys
                          if (article_id, report_id) not in self.found})
        for chunk in _chunks(missing, 500):
            sql = RawSQL(conn.dialect.name)
            self.add(_report_from_tuple(row) for row in sql.run(conn, _with_actor_lists(
                f"SELECT {REPORT_COLUMNS_SQL} FROM article_events ae "
                f"WHERE ae.article_id{sql.among(chunk)}", conn.dialect.name)))
        return [self.found[key] for key in keys]


UNPREPARED = {"postgresql": {"prepare": False}}
"""Keyword arguments to the driver's execute that keep a statement unprepared."""


class RawSQL:
    """SQL text run on the driver, for the queries of every ``add``: its parameters are
    numbered in the order they are written (qmark for SQLite; for PostgreSQL the server's
    own $1, $2..., run on psycopg's RawCursor, which sends the text as it is: psycopg
    parses a %s text for its markers, and caches the result only for texts under 4,096
    characters and 50 parameters, which the candidate query of a dense article is not)."""

    def __init__(self, dialect: str):
        self.dialect = dialect
        self.params: list[Any] = []

    def value(self, value: Any) -> str:
        if self.dialect == "sqlite":
            if isinstance(value, date):
                value = value.isoformat()  # how SQLAlchemy stores dates in SQLite
            self.params.append(value)
            return "?"
        self.params.append(value)
        return f"${len(self.params)}"

    def values(self, values: Iterable[Any]) -> str:
        """An IN list; never empty (an empty list matches nothing)."""
        markers = [self.value(value) for value in values]
        return f"({', '.join(markers)})" if markers else "(NULL)"

    def among(self, values: Iterable[Any]) -> str:
        """``IN (...)`` on SQLite; on PostgreSQL ``= ANY(array)``, one parameter whatever the
        count, so the query's text stays the same from one article to the next."""
        if self.dialect == "sqlite":
            return f" IN {self.values(values)}"
        return f" = ANY({self.value(list(values))})"

    def run(self, conn: Connection, query: str, rows: bool = True,
            prepared: bool = False) -> list[tuple]:
        """Run the query; its rows (none with ``rows=False``: a write).

        Not a prepared statement on PostgreSQL unless ``prepared``: after 5 calls the server
        may settle on one generic plan, and for a store growing from nothing that can be a
        plan made for a nearly empty table (the event members' look-up ran 5 times slower
        for a whole run, measured); each call is planned with its values."""
        cursor = driver_cursor(conn, raw=True)
        cursor.execute(query, self.params,
                       **({} if prepared else UNPREPARED.get(self.dialect, {})))
        return cursor.fetchall() if rows else []

    def send(self, conn: Connection, query: str, cursor: str, prepared: bool = False
             ) -> Callable[[], list[tuple]]:
        """Send the query now, read its rows later (the returned function): on
        PostgreSQL, inside a pipeline, it goes with the statements around it and its rows
        are waited for only when read (on a cursor of its own, ``cursor``, so that later
        statements do not take its place); on SQLite it runs when its rows are read."""
        if self.dialect != "postgresql":
            return lambda: self.run(conn, query, prepared=prepared)
        sent = driver_cursor(conn, cursor, raw=True)
        sent.execute(query, self.params, **({} if prepared else UNPREPARED[self.dialect]))
        return sent.fetchall


def driver_cursor(conn: Connection, name: str = "main", raw: bool = False):
    """The driver's cursor of this connection, made once and reused by every statement
    ``add`` runs (a new psycopg cursor a statement, with its own adapters, was some 17 us
    of the client's CPU each, about 15 an article). Each statement's rows are fetched
    before the next one runs on the same cursor, so one cursor serves them all; a query
    whose rows are read later (``RawSQL.send``) takes a cursor of its own ``name``.
    ``raw``: on PostgreSQL, a RawCursor (for RawSQL's $n parameters)."""
    driver = conn.connection.driver_connection
    raw = raw and conn.dialect.name == "postgresql"
    key = f"eventwire_cursor_{name}{'_raw' if raw else ''}"
    found = conn.info.get(key)
    if found is None or found.connection is not driver or getattr(found, "closed", False):
        if raw:
            from psycopg import RawCursor

            found = conn.info[key] = RawCursor(driver)
        else:
            found = conn.info[key] = driver.cursor()
    return found


REPORT_COLUMNS = [column.name for column in article_events.columns]
REPORT_COLUMNS_SQL = ", ".join(f"ae.{name}" for name in REPORT_COLUMNS)
_COLUMN = {name: index for index, name in enumerate(REPORT_COLUMNS)}
_DATE_COLUMNS = [_COLUMN[name] for name in ("date_start", "date_end", "published")]


def _with_actor_lists(query: str, dialect: str) -> str:
    """Add each report's actor codes, and the names of its actors without a code (joined
    by LIST_SEPARATOR), after the report columns of a query over ``article_events ae``."""
    join = "group_concat" if dialect == "sqlite" else "string_agg"
    own = "FROM article_event_actors r WHERE r.article_id = ae.article_id AND r.event_id = ae.id"
    lists = (f"(SELECT {join}(r.code, '{LIST_SEPARATOR}') {own}), "
             f"(SELECT {join}(CASE WHEN r.code IS NULL OR r.code = '' THEN r.name END, "
             f"'{LIST_SEPARATOR}') {own})")
    return query.replace(f"SELECT {REPORT_COLUMNS_SQL}", f"SELECT {REPORT_COLUMNS_SQL}, {lists}", 1)


def _report_from_tuple(row: tuple) -> Report:
    """A Report from a driver row: the report columns, actor codes, actor names, ..."""
    values = list(row[:len(REPORT_COLUMNS)])
    for index in _DATE_COLUMNS:
        if isinstance(values[index], str):
            values[index] = date.fromisoformat(values[index])
    mapping = dict(zip(REPORT_COLUMNS, values))
    mapping["actor_codes"], mapping["actor_names"] = row[len(REPORT_COLUMNS):len(REPORT_COLUMNS) + 2]
    return report_from_row(mapping)


def event_row(group: list[Report], duplicates: dict[str, str]) -> dict[str, Any]:
    """The ``events`` row summing up a group of reports of one happening."""
    first = group[0]
    dated = fusion.most_precise(group)
    placed = fusion.most_specific_place(group)
    lows = [r.fatalities_low for r in group if r.fatalities_low is not None]
    highs = [r.fatalities_high for r in group if r.fatalities_high is not None]
    articles_in = {r.article_id for r in group}
    independent = {a for a in articles_in if duplicates.get(a) not in articles_in}
    return {
        "id": fusion.event_id(first), "type": first.type,
        "mode": _most_common(r.mode for r in group),
        "cameo": _most_common(r.cameo for r in group),
        "status": fusion.fused_status(group),
        "date_start": dated.date_start if dated else None,
        "date_end": (dated.date_end or dated.date_start) if dated else None,
        "precision": dated.precision if dated else None,
        "place_name": _place_label(placed) if placed else None,
        "geonameid": placed.geonameid if placed else None,
        "country": placed.country if placed else None,
        "admin1": placed.admin1 if placed else None,
        "lat": placed.lat if placed else None, "lon": placed.lon if placed else None,
        "feature": placed.place_feature if placed else None,
        "fatalities_low": min(lows) if lows else None,
        "fatalities_high": max(highs) if highs else None,
        "reports": len(group), "articles": len(independent),
    }


def _place_label(report: Report) -> Optional[str]:
    if report.place_qualifier and report.place_name:
        return f"{report.place_qualifier} {report.place_name}"
    return report.place_name


def _most_common(values: Iterable[Optional[str]]) -> Optional[str]:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _extraction_from_row(data: str, text_bytes: bytes, items: bool) -> Extraction:
    record = json.loads(data)
    record["article"]["text"] = bytes(text_bytes).decode("utf-8", "surrogatepass")
    if not items:
        record = {"article": record["article"]}
    return Extraction.model_validate(record)


def _sentences(conn: Connection, report_rows: list) -> dict[tuple[str, str], str]:
    """The sentence of each report, cut from its article's text."""
    article_ids = sorted({row.article_id for row in report_rows})
    texts = {}
    for chunk in _chunks(article_ids, 200):
        for row in conn.execute(select(articles.c.id, articles.c.text)
                                .where(articles.c.id.in_(chunk))):
            texts[row.id] = bytes(row.text).decode("utf-8", "surrogatepass")
    return {(row.article_id, row.id): texts[row.article_id][row.sentence_start:row.sentence_end]
            for row in report_rows}


def _fused_event(row, reports: list, roles: list, figures: list,
                 sentences: dict[tuple[str, str], str]) -> FusedEvent:
    reports = sorted(reports, key=lambda r: (r.published or date.max, r.article_id,
                                             fusion._natural(r.id)))
    order = {(r.article_id, r.id): i for i, r in enumerate(reports)}
    actors_by_role: dict[str, dict[tuple, EventActor]] = {"source": {}, "target": {}}
    for role in sorted(roles, key=lambda r: (order.get((r.article_id, r.event_id), 0),
                                             fusion._natural(r.actor_id))):
        if not role.name:
            continue
        key = (role.code,) if role.code else (None, role.name.casefold())
        actors_by_role[role.role].setdefault(key, EventActor(name=role.name, code=role.code))
    figure_items = []
    seen = set()
    for figure in sorted(figures, key=lambda f: (order.get((f.article_id, f.report_id), 0),
                                                 f.span_start)):
        if (figure.article_id, figure.id) in seen:
            continue
        seen.add((figure.article_id, figure.id))
        figure_items.append(Figure(
            article_id=figure.article_id, quantity_id=figure.id, text=figure.text,
            span=(figure.span_start, figure.span_end), value=figure.value, low=figure.low,
            high=figure.high, qualifier=figure.qualifier, category=figure.category,
            who=figure.who, source=figure.source_name, outlet=figure.outlet,
            fatalities=figure.id == figure.report_fatalities))
    return FusedEvent(
        id=row.id, type=row.type, mode=row.mode, cameo=row.cameo, status=row.status,
        date=EventDate(start=row.date_start, end=row.date_end or row.date_start,
                       precision=row.precision or "day") if row.date_start else None,
        place=EventPlace(name=row.place_name, geonameid=row.geonameid, country=row.country,
                         admin1=row.admin1, lat=row.lat, lon=row.lon, feature=row.feature)
        if row.place_name or row.geonameid else None,
        source=list(actors_by_role["source"].values()),
        target=list(actors_by_role["target"].values()),
        fatalities_low=row.fatalities_low, fatalities_high=row.fatalities_high,
        figures=figure_items,
        reports=[EventReport(
            article_id=r.article_id, event_id=r.id, title=r.title, outlet=r.outlet, url=r.url,
            published=r.published, trigger=Evidence(text=r.trigger_text,
                                                    span=(r.trigger_start, r.trigger_end)),
            sentence=(r.sentence_start, r.sentence_end),
            sentence_text=sentences.get((r.article_id, r.id), ""), status=r.status,
            claimed_by=r.claimant_name, confidence=r.confidence,
            duplicate_of=r.duplicate_of) for r in reports],
        articles=row.articles)


def _within(lat_column, lon_column, near: tuple[float, float], km: float):
    """Rows within ``km`` of a point: a bounding box (indexed), then the great-circle distance."""
    lat, lon = near
    dlat = km / 111.195
    dlon = km / max(111.195 * math.cos(math.radians(lat)), 1e-6)
    box = and_(lat_column.between(lat - dlat, lat + dlat),
               lon_column.between(lon - dlon, lon + dlon)) if dlon < 180 else \
        lat_column.between(lat - dlat, lat + dlat)
    rlat, rlon = math.radians(lat), math.radians(lon)
    half_dlat = (func.radians(lat_column) - rlat) / 2
    half_dlon = (func.radians(lon_column) - rlon) / 2
    haversine = (func.sin(half_dlat) * func.sin(half_dlat)
                 + math.cos(rlat) * func.cos(func.radians(lat_column))
                 * func.sin(half_dlon) * func.sin(half_dlon))
    return and_(box, 2 * 6371.0088 * func.asin(func.sqrt(haversine)) <= km)


def _names_holding(conn: Connection, part: str) -> list[str]:
    """The lower-cased actor and claimant names that hold ``part``: a scan of the few
    thousand distinct names (``search_names``), not of every report's. Given as values,
    they meet the lower(name) indexes (as a subquery, SQLite scanned every report)."""
    return conn.execute(select(search_names.c.name).where(  # ``part``: Store.folded
        search_names.c.name.contains(part, autoescape=True))).scalars().all()


def _is_code(value: str) -> bool:
    """An actor code (SYRMIL, RUS, IGOUNO) is written in capitals: matched on the indexed
    code column; anything else is part of a name (a scan of the names)."""
    return len(value) >= 3 and value.isalpha() and value.isupper()


def _clean(value: str) -> str:
    """A value compared with the query columns, which hold no NUL (see schema.CleanText)."""
    return value.replace("\x00", "")


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _first_line(err: Exception) -> str:
    return (str(getattr(err, "orig", None) or err).strip().splitlines() or [type(err).__name__])[0]
