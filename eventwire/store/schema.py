"""The store's tables (SQLAlchemy Core), one schema for SQLite and PostgreSQL.

What is kept:

- ``articles``: every article once, identified by the sha256 of its normalised text; the
  text as UTF-8 bytes (so NUL bytes and any other character survive both engines) and its
  MinHash signature for near-duplicate detection.
- ``extractions``: the Extraction of each article as JSON (without the article text, which
  lives in ``articles``): the exact record the API and exports return.
- ``actors``, ``places``, ``times``, ``quotes``, ``quantities``: every extracted item, one
  row each, keyed by (article id, item id), with its span.
- ``article_events``: every event an article reports (a *report*), with the fields queries
  filter on copied in (place, date, claimant, outlet) so a filter reads one table.
- ``article_event_actors``: the source and target actors of each report, with their codes.
- ``events``: fused events, one per happening; ``event_reports`` links each to its reports.
- ``fusion_splits``: the splits users made (``eventwire events split``): reports on
  different sides of a split are never fused again.
- ``near_duplicates`` and ``minhash_bands``: near-duplicate articles (syndicated copies,
  updated versions) and the LSH index that finds them.
- ``search_names``: the distinct lower-cased actor and claimant names, for name filters.

Migrations (``eventwire/store/migrations``) create and change these tables; a test checks
that the migrations and this module agree.
"""

from __future__ import annotations

from sqlalchemy import (Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer,
                        LargeBinary, MetaData, String, Table, Text, BigInteger, func)
from sqlalchemy.types import TypeDecorator

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})


class CleanText(TypeDecorator):
    """Text for the query columns: NUL characters dropped (PostgreSQL text cannot hold them).

    The exact text of everything is kept in ``articles.text`` and ``extractions.data``;
    these columns only serve filters and listings.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return value.replace("\x00", "") if isinstance(value, str) else value


CLUSTERED = {"sqlite_with_rowid": False}
"""SQLite keeps these link tables' rows in their primary key's order (WITHOUT ROWID), as
PostgreSQL's index look-ups do anyway: a look-up by key reads the row from the key's own
b-tree, not from an index and then the table (the actor-name filter's look-ups of fused
events by report: 24 -> 8 ms CPU at 100,000 events), and an insert writes one b-tree, not
two. Rows are short and keys are read far more than scanned; see migration 0004."""


def _article_fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")


def _span() -> list[Column]:
    return [Column("text", CleanText, nullable=False),
            Column("span_start", Integer, nullable=False),
            Column("span_end", Integer, nullable=False)]


articles = Table(
    "articles", metadata,
    Column("id", String, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("title", CleanText),
    Column("source", CleanText),
    Column("url", CleanText),
    Column("published", Date),
    Column("text", LargeBinary, nullable=False),  # UTF-8, byte for byte
    Column("chars", Integer, nullable=False),
    Column("minhash", LargeBinary),  # the MinHash signature (uint64 values)
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index(None, "published"),
)

extractions = Table(
    "extractions", metadata,
    Column("article_id", String, _article_fk(), primary_key=True),
    Column("data", Text, nullable=False),  # Extraction JSON minus article.text
    Column("version", String, nullable=False),  # eventwire version that extracted it
    Column("created_at", DateTime(timezone=True), nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("article_id", String, primary_key=True),  # unchecked: see ITEM_TABLES
    Column("id", String, primary_key=True),
    *_span(),
    Column("name", CleanText, nullable=False),
    Column("code", String),
    Column("country", String),
    Column("sector", String),
    Column("kind", String, nullable=False),
    Column("refers_to", String),
)

places = Table(
    "places", metadata,
    Column("article_id", String, primary_key=True),  # unchecked: see ITEM_TABLES
    Column("id", String, primary_key=True),
    *_span(),
    Column("name", CleanText, nullable=False),
    Column("geonameid", String),
    Column("parent", String),
    Column("country", String),
    Column("admin1", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("feature", String),
    Column("qualifier", String),
    Column("role", String, nullable=False),
)

times = Table(
    "times", metadata,
    Column("article_id", String, primary_key=True),  # unchecked: see ITEM_TABLES
    Column("id", String, primary_key=True),
    *_span(),
    Column("type", String, nullable=False),
    Column("value", String),
    Column("start", Date),
    Column("end", Date),
    Column("anchor", String, nullable=False),
    Column("approximate", Boolean, nullable=False),
)

quotes = Table(
    "quotes", metadata,
    Column("article_id", String, primary_key=True),  # unchecked: see ITEM_TABLES
    Column("id", String, primary_key=True),
    *_span(),
    Column("kind", String, nullable=False),
    Column("speaker", String),
    Column("cue_text", CleanText),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("time", String),
    Column("place", String),
)

quantities = Table(
    "quantities", metadata,
    Column("article_id", String, primary_key=True),  # unchecked: see ITEM_TABLES
    Column("id", String, primary_key=True),
    *_span(),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("qualifier", String, nullable=False),
    Column("category", String, nullable=False),
    Column("who", CleanText),
    Column("part_of", String),
    Column("perpetrator", String),
    Column("place", String),
    Column("time", String),
    Column("source", String),
)

events = Table(
    "events", metadata,
    Column("id", String, primary_key=True),  # stable: derived from its first report
    Column("type", String, nullable=False),
    Column("mode", String),
    Column("cameo", String),
    Column("status", String, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("precision", String),
    Column("place_name", CleanText),
    Column("geonameid", String),
    Column("country", String),
    Column("admin1", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("feature", String),
    Column("fatalities_low", Float),
    Column("fatalities_high", Float),
    Column("reports", Integer, nullable=False),
    Column("articles", Integer, nullable=False),  # independent articles (near-duplicates once)
    Index(None, "type", "date_start"),
    Index(None, "date_start"),
    Index(None, "geonameid"),
    Index(None, "lat", "lon"),
    Index(None, "status"),
)

article_events = Table(
    "article_events", metadata,
    Column("article_id", String, primary_key=True),  # unchecked: see event_reports
    Column("id", String, primary_key=True),
    Column("type", String, nullable=False),
    Column("mode", String),
    Column("context", String),
    Column("cameo", String),
    Column("trigger_text", CleanText, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("place", String),
    Column("time", String),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("precision", String),
    Column("status", String, nullable=False),
    Column("claimed_by", String),
    Column("quote", String),
    Column("fatalities", String),
    Column("confidence", Float, nullable=False),
    # Copied in from the fatalities figure, the place, claimant and article, so each filter
    # and fusion read this table only.
    Column("fatalities_low", Float),
    Column("fatalities_high", Float),
    Column("place_name", CleanText),
    Column("geonameid", String),
    Column("place_parent", String),
    Column("place_qualifier", String),
    Column("place_feature", String),
    Column("country", String),
    Column("admin1", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("claimant_name", CleanText),
    Column("claimant_code", String),
    Column("outlet", CleanText),
    Column("published", Date),
    Index(None, "type", "date_start"),
    Index(None, "geonameid", "type"),  # fusion's candidates at a place (migration 0007)
    Index(None, "place_parent"),
    Index(None, "claimant_code"),
)

article_event_actors = Table(
    "article_event_actors", metadata,
    Column("article_id", String, primary_key=True),
    Column("event_id", String, primary_key=True),
    Column("role", String, primary_key=True),  # source | target
    Column("actor_id", String, primary_key=True),
    Column("code", String),
    Column("name", CleanText),
    Index(None, "code"),
    **CLUSTERED,
)

event_reports = Table(
    "event_reports", metadata,
    Column("article_id", String, primary_key=True),
    Column("report_id", String, primary_key=True),  # the event id inside its article
    Column("event_id", String, nullable=False),
    Index(None, "event_id"),
    **CLUSTERED,
)
"""The reports (``article_events``), their actors and these links name their article,
report and fused event without a foreign key: they are written only by ``Store.add``,
``fuse`` and ``split``, in the transaction that writes (or read) what they name, and
nothing deletes articles or reports, while a fused event's links are deleted before it
(``Store._write_events``, ``fuse``). The database's row-by-row check of each (a locking
look-up on PostgreSQL, some 13 % of an article's insert) never found anything
(migration 0008)."""

fusion_splits = Table(
    "fusion_splits", metadata,
    Column("split_id", Integer, primary_key=True),
    Column("article_id", String, primary_key=True),
    Column("report_id", String, primary_key=True),
    Column("side", Integer, nullable=False),
    Column("made_at", DateTime(timezone=True), nullable=False),
    Index(None, "article_id", "report_id"),
)

near_duplicates = Table(
    "near_duplicates", metadata,
    Column("article_id", String, _article_fk(), primary_key=True),
    Column("duplicate_of", String, _article_fk(), nullable=False),
    Column("similarity", Float, nullable=False),
    Index(None, "duplicate_of"),
)

minhash_bands = Table(
    "minhash_bands", metadata,
    Column("band", Integer, primary_key=True),
    Column("bucket", BigInteger, primary_key=True),
    Column("article_id", String, primary_key=True),  # unchecked, as ITEM_TABLES
    **CLUSTERED,
)

search_names = Table(
    "search_names", metadata,
    # lower(name) as the database computes it, so it meets the lower(...) indexes below.
    Column("name", Text, primary_key=True),
)
"""Every distinct actor and claimant name, lower-cased: a name filter ("government") scans
these few thousand rows, then reads the reports by the indexed lower(name). Triggers
(migration 0002) add the names of every row written to ``article_event_actors`` and
``article_events``, whoever writes it."""

# Case-insensitive filters (actor, place, claimant, outlet names) use lower(...) indexes.
Index("ix_articles_source_lower", func.lower(articles.c.source))
Index("ix_article_events_place_name_lower_type", func.lower(article_events.c.place_name),
      article_events.c.type)  # fusion's candidates at a place, by name (migration 0007)
Index("ix_article_events_claimant_name_lower", func.lower(article_events.c.claimant_name))
Index("ix_article_events_outlet_lower", func.lower(article_events.c.outlet))
Index("ix_article_event_actors_name_lower", func.lower(article_event_actors.c.name))

ITEM_TABLES = {"actors": actors, "places": places, "times": times, "quotes": quotes,
               "quantities": quantities}
"""Extraction list name -> table of its items.

Their ``article_id`` (and minhash_bands') is not a foreign key: these rows are written only
by ``Store.add``, in their article's transaction, and articles are never deleted, so the
database's row-by-row check of the article (about 40 an article, the costliest part of
inserting them on PostgreSQL) never found anything (migration 0006)."""
