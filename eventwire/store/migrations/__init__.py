"""Alembic migrations of the store's schema, shipped in the package and run on open.

A developer adds one after changing ``eventwire/store/schema.py``::

    cd eventwire/store/migrations && EVENTWIRE_DB=/tmp/x.db \\
        alembic -c alembic.ini revision --autogenerate -m "what changed"
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
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
