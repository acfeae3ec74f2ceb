"""Reports, their actors and their links to fused events no longer ask the database to
check what they refer to

Each stored article writes its reports (``article_events``) and their actors
(``article_event_actors``) in one statement with the article itself, and its events'
links (``event_reports``) with the fused events they name; a foreign key made the
database look the parent up again, row by row, for each (on PostgreSQL a locking
look-up: about 13 % of the article's insert under ``EXPLAIN ANALYZE``). These rows are
written only by ``Store.add``, ``fuse`` and ``split``, with or just after what they
refer to, in one transaction; nothing deletes articles or reports, and the fused events
that are dropped have their links deleted first (``Store._write_events``, ``fuse``), so
the checks never found anything and the cascades never ran. PostgreSQL drops the
constraints. SQLite cannot: each table is rebuilt without them, the two that refer to
``article_events`` first, so that rebuilding it cascades to nothing.

Revision ID: 0008
Revises: 0007
"""
from alembic import op

from eventwire.store.migrations import (add_sqlite_constraint, drop_sqlite_constraint,
                                        rebuild_sqlite_table)


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

FOREIGN_KEYS = {  # table -> (name, columns, referred table, its columns), in the order rebuilt
    "article_event_actors": [("fk_article_event_actors_article_id_article_events",
                              ["article_id", "event_id"], "article_events", ["article_id", "id"])],
    "event_reports": [("fk_event_reports_article_id_article_events", ["article_id", "report_id"],
                       "article_events", ["article_id", "id"]),
                      ("fk_event_reports_event_id_events", ["event_id"], "events", ["id"])],
    "article_events": [("fk_article_events_article_id_articles", ["article_id"], "articles",
                        ["id"])],
}


def _rebuild_sqlite(table: str, checked: bool) -> None:
    def edit(body: str) -> str:
        for name, columns, referred, referred_columns in FOREIGN_KEYS[table]:
            # as SQLite keeps the text SQLAlchemy wrote (migration 0001)
            constraint = (f"CONSTRAINT {name} FOREIGN KEY({', '.join(columns)}) REFERENCES "
                          f"{referred} ({', '.join(referred_columns)}) ON DELETE CASCADE")
            body = (add_sqlite_constraint if checked else drop_sqlite_constraint)(body, constraint)
        return body

    rebuild_sqlite_table(op.get_bind(), table, edit)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, foreign_keys in FOREIGN_KEYS.items():
        if sqlite:
            _rebuild_sqlite(table, checked=False)
        else:
            for name, *_ in foreign_keys:
                op.drop_constraint(name, table, type_="foreignkey")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, foreign_keys in reversed(FOREIGN_KEYS.items()):  # the referred table first
        if sqlite:
            _rebuild_sqlite(table, checked=True)
        else:
            for name, columns, referred, referred_columns in foreign_keys:
                op.create_foreign_key(name, table, referred, columns, referred_columns,
                                      ondelete="CASCADE")
