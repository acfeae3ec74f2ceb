"""SQLite: event_reports, article_event_actors and minhash_bands WITHOUT ROWID

The three link tables are read by their primary keys (a report's fused event, a report's
actors, an article's MinHash bands); as rowid tables each look-up read an index and then
the table, and each insert wrote both (see schema.CLUSTERED). SQLite cannot change that
in place: each table is rebuilt (created anew, rows copied, its indexes and triggers made
again), in the migration's transaction. PostgreSQL's tables have no rowid: nothing to do there.

Revision ID: 0004
Revises: 0003
"""
from alembic import op
from sqlalchemy import text


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

TABLES = ("event_reports", "article_event_actors", "minhash_bands")


def _rebuild(name: str, clustered: bool) -> None:
    conn = op.get_bind()
    table_sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'table' AND "
                                  "name = :name"), {"name": name}).scalar()
    # Its indexes and triggers (search_names is kept by one) go with the table: saved first.
    index_sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE type IN ('index', "
                                  "'trigger') AND tbl_name = :name AND sql IS NOT NULL "
                                  "ORDER BY type"), {"name": name}).scalars().all()
    body = table_sql.rstrip().removesuffix("WITHOUT ROWID").rstrip()
    body = body.replace(f"CREATE TABLE {name}", f"CREATE TABLE _new_{name}", 1)
    conn.execute(text(body + (" WITHOUT ROWID" if clustered else "")))
    conn.execute(text(f"INSERT INTO _new_{name} SELECT * FROM {name}"))
    conn.execute(text(f"DROP TABLE {name}"))  # nothing refers to these tables
    conn.execute(text(f"ALTER TABLE _new_{name} RENAME TO {name}"))
    for sql in index_sql:
        conn.execute(text(sql))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TABLES:
            _rebuild(name, clustered=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TABLES:
            _rebuild(name, clustered=False)
