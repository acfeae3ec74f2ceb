"""Item rows and MinHash bands no longer ask the database to check their article

Every stored article writes some 40 rows to actors, places, times, quotes, quantities and
minhash_bands (16 bands), and a foreign key made the database look the article up again,
row by row, for each (on PostgreSQL a locking look-up: 221,000 of them over the bench's
5,000 articles; a 16-band insert took 0.52-0.62 ms with the check, 0.19-0.21 ms
without). These rows are written only by ``Store.add``, in the same transaction as their
article and just after it, and nothing deletes articles, so the checks never found
anything. The references that fusion's writes and reads rely on keep theirs (extractions,
article_events, near_duplicates, the link tables). PostgreSQL drops the constraints;
SQLite cannot, so each table is rebuilt without it (rows copied, indexes made again).

Revision ID: 0006
Revises: 0005
"""
from alembic import op

from eventwire.store.migrations import (add_sqlite_constraint, drop_sqlite_constraint,
                                        rebuild_sqlite_table)


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

TABLES = ("actors", "places", "times", "quotes", "quantities", "minhash_bands")


def _name(table: str) -> str:
    return f"fk_{table}_article_id_articles"


def _rebuild_sqlite(name: str, checked: bool) -> None:
    constraint = (f"CONSTRAINT {_name(name)} FOREIGN KEY(article_id) REFERENCES articles (id) "
                  "ON DELETE CASCADE")
    edit = add_sqlite_constraint if checked else drop_sqlite_constraint
    rebuild_sqlite_table(op.get_bind(), name, lambda body: edit(body, constraint))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TABLES:
            _rebuild_sqlite(name, checked=False)
    else:
        for name in TABLES:
            op.drop_constraint(_name(name), name, type_="foreignkey")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TABLES:
            _rebuild_sqlite(name, checked=True)
    else:
        for name in TABLES:
            op.create_foreign_key(_name(name), name, "articles", ["article_id"], ["id"],
                                  ondelete="CASCADE")
