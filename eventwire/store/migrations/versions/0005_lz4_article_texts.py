"""PostgreSQL: compress article texts and extraction JSON with LZ4, not pglz

Each stored article writes its text and its extraction's JSON (several KB each), which
PostgreSQL compresses when it stores them: with its default (pglz) that was a third of
the server's time inserting those two rows; LZ4 halves it (PostgreSQL 14 and newer,
built with LZ4, as Debian's is; elsewhere nothing changes). Only values written from
now on are compressed so; both kinds read back alike. SQLite does not compress.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
from sqlalchemy import text


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

COLUMNS = (("articles", "text"), ("extractions", "data"))


def _lz4_available() -> bool:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return False
    return bool(conn.execute(text(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
        "WHERE name = 'default_toast_compression'")).scalar())


def _set(method: str) -> None:
    for table, column in COLUMNS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION {method}")


def upgrade() -> None:
    if _lz4_available():
        _set("lz4")


def downgrade() -> None:
    if _lz4_available():
        _set("default")
