"""Alembic migrations of the store's schema, shipped in the package and run on open.

A developer adds one after changing ``eventwire/store/schema.py``::

    cd eventwire/store/migrations && EVENTWIRE_DB=/tmp/x.db \\
        alembic -c alembic.ini revision --autogenerate -m "what changed"
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection

HERE = Path(__file__).resolve().parent


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection) -> None:
    """Bring the database to the newest schema, inside the caller's transaction."""
    if current_revision(connection) == head_revision():
        return
    command.upgrade(alembic_config(connection), "head")


def rebuild_sqlite_table(connection: Connection, name: str, edit: Callable[[str], str]) -> None:
    """SQLite, which cannot drop or add a table's constraint in place: make the table anew
    from its CREATE TABLE text as ``edit`` changes it, copy its rows, drop the old one and
    make its indexes and triggers again, in the caller's transaction.

    Dropping a table deletes its rows first, and with foreign keys on (as the store opens
    SQLite) that delete cascades to the rows of every table whose foreign key refers to
    it: such a table is refused, so a migration rebuilds the tables that refer to it
    first."""
    referring = connection.execute(text(
        "SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f "
        "WHERE m.type = 'table' AND f.\"table\" = :name AND m.name <> :name"),
        {"name": name}).scalars().all()
    if referring:
        raise RuntimeError(f"cannot rebuild {name}: {', '.join(referring)} refer to it")
    table_sql = connection.execute(text("SELECT sql FROM sqlite_master WHERE type = 'table' "
                                        "AND name = :name"), {"name": name}).scalar()
    index_sql = connection.execute(text(
        "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = :name "
        "AND sql IS NOT NULL ORDER BY type"), {"name": name}).scalars().all()
    # SQLite keeps a renamed table's name quoted ("minhash_bands", after 0004).
    body, renamed = re.subn(rf'^CREATE TABLE\s+("?){name}\1', f"CREATE TABLE _new_{name}",
                            table_sql.strip(), count=1)
    assert renamed == 1, table_sql
    connection.execute(text(edit(body)))
    connection.execute(text(f"INSERT INTO _new_{name} SELECT * FROM {name}"))
    connection.execute(text(f"DROP TABLE {name}"))
    connection.execute(text(f"ALTER TABLE _new_{name} RENAME TO {name}"))
    for sql in index_sql:
        connection.execute(text(sql))


def drop_sqlite_constraint(body: str, constraint: str) -> str:
    """A CREATE TABLE text without one of its table constraints (its text as written)."""
    dropped, count = re.subn(r",\s*" + re.escape(constraint), "", body)
    assert count == 1, body
    return dropped


def add_sqlite_constraint(body: str, constraint: str) -> str:
    """A CREATE TABLE text with one more table constraint, last."""
    return re.sub(r"\)(\s*(WITHOUT ROWID)?\s*)$", f", \n\t{constraint}\n)\\1", body.rstrip())
