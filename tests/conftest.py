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
