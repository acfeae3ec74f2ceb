"""Language vote: English kept, other languages named, short texts let through."""

import gzip
import json

import pytest

from eventwire.ingest.language import detect_language, not_english_reason


@pytest.fixture(scope="module")
def zyte_bodies(data):
    with gzip.open(data / "html" / "scrapinghub_aeb" / "ground-truth.json.gz", "rt") as handle:
        gold = json.load(handle)
    return {key[:10]: record["articleBody"] for key, record in gold.items()}


@pytest.mark.parametrize("key,language", [
    ("04a6711caa", "en"),   # New York Times
    ("57b4dafd18", "de"),   # comwrap, German
    ("11ea381ad9", "pt"),   # NASCAR standings, Portuguese
    ("3c6d3381ef", "ru"),   # Cyrillic
    ("85439e26c4", "ja"),   # Japanese
])
def test_languages_of_real_pages(zyte_bodies, key, language):
    assert detect_language(zyte_bodies[key]) == language


def test_a_short_text_is_too_short_to_judge():
    assert detect_language("Les forces syriennes ont été repoussées à Alep.") is None
    assert not_english_reason("Les forces syriennes ont été repoussées à Alep.") is None


def test_the_reason_names_the_language_and_the_way_out(zyte_bodies):
    reason = not_english_reason(zyte_bodies["57b4dafd18"])
    assert "(de)" in reason and "--any-language" in reason
