"""Shared fixtures: the gold data folder, the seed article and its extraction."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate import data_dir
from eventwire.ingest import sample_path
from eventwire.ingest.text import read_text_file


@pytest.fixture(scope="session")
def data() -> Path:
    """../shared/data (or $EVENTWIRE_DATA): the public gold sets."""
    return data_dir()


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def seed_article(data):
    return read_text_file(data / "seed" / "aleppo-2016-12-09.txt")


@pytest.fixture(scope="session")
def seed(pipeline, seed_article):
    """The seed article's Extraction, computed once for the whole session."""
    return pipeline.extract(seed_article)


@pytest.fixture(scope="session")
def sample():
    return sample_path()


def spans_of(extraction, items, text: str) -> list:
    """Items whose text is exactly ``text``."""
    return [item for item in items if item.text == text]


# ---- the store: every store test runs on SQLite, and on PostgreSQL when
# $EVENTWIRE_TEST_POSTGRES names a server (CI starts one: .ci/services.sh).

STORE_ENGINES = ["sqlite", "postgresql"]


_postgres_migrated: set[str] = set()


def reset_postgres(url: str) -> None:
    """An empty database: the first time, drop everything; then empty the tables (faster)."""
    from sqlalchemy import create_engine, text

    from eventwire.store.schema import metadata
    from eventwire.store.store import database_url

    engine = create_engine(database_url(url))
    with engine.begin() as conn:
        if url in _postgres_migrated:
            names = ", ".join(metadata.tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
            _postgres_migrated.add(url)
    engine.dispose()


@pytest.fixture
def postgres_url() -> str:
    """An empty PostgreSQL database's URL (skips without EVENTWIRE_TEST_POSTGRES)."""
    import os

    url = os.environ.get("EVENTWIRE_TEST_POSTGRES")
    if not url:
        pytest.skip("PostgreSQL: set EVENTWIRE_TEST_POSTGRES (see .ci/services.sh)")
    reset_postgres(url)
    return url


@pytest.fixture(params=STORE_ENGINES)
def store_url(request, tmp_path) -> str:
    """A fresh, empty store's URL (or path) on each engine."""
    if request.param == "sqlite":
        return str(tmp_path / "eventwire.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_url):
    from eventwire.store import Store

    opened = Store(store_url)
    yield opened
    opened.close()
