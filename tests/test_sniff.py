"""File kinds by name and by first bytes, and a folder that mixes every kind."""

from __future__ import annotations

import gzip
import json
import shutil

import pytest

from eventwire.ingest import estimate_articles, read_articles
from eventwire.ingest.sniff import file_kind

NYT = "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34"
REPORT = ("Government forces shelled the town of Douma on Monday, killing at least twelve "
          "civilians, the Syrian Observatory for Human Rights said.")


@pytest.fixture
def mixed_folder(tmp_path, data, sample):
    """Every kind, named and unnamed, and the bad inputs of the issue, in one folder."""
    feeds = data / "feeds"
    shutil.copy(sample, tmp_path / "seed.txt")
    shutil.copy(data / "html" / "scrapinghub_aeb" / "html" / f"{NYT}.html.gz",
                tmp_path / "nyt.html.gz")
    shutil.copy(feeds / "trafilatura_resources" / "feed2.rss", tmp_path / "example.xml")
    (tmp_path / "page-without-extension").write_bytes(
        gzip.decompress((data / "html" / "scrapinghub_aeb" / "html" / f"{NYT}.html.gz")
                        .read_bytes()).replace(b"polls four times", b"polls 4 times"))
    (tmp_path / "corpus.jsonl").write_text(json.dumps({"text": REPORT}) + "\n{oops\n")
    shutil.copy(feeds / "feedparser_selected" / "illformed_rss_empty_document.xml",
                tmp_path / "broken.rss")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (tmp_path / "blob").write_bytes(b"\x00\x01\x02\x03binary")
    return tmp_path


@pytest.mark.parametrize("name,kind", [
    ("seed.txt", "text"), ("nyt.html.gz", "html"), ("example.xml", "feed"),
    ("page-without-extension", "html"), ("corpus.jsonl", "jsonl"), ("photo.jpg", "binary"),
    ("blob", "binary"),
])
def test_kinds(mixed_folder, name, kind):
    assert file_kind(mixed_folder / name) == kind


def test_a_folder_mixes_kinds_and_reports_each_bad_input_once(mixed_folder):
    skipped = []
    articles = list(read_articles([mixed_folder],
                                  on_skip=lambda where, err: skipped.append(where)))
    titles = [article.title for article in articles]
    assert "Russia says Syrian regime attacks on Aleppo halted" in titles
    assert sum("four times this month" in a.text or "4 times this month" in a.text
               for a in articles) == 2
    assert any(a.text.startswith("Example entry") for a in articles)  # the .xml feed's item
    assert any(a.text == REPORT for a in articles)
    names = sorted(where.split("/")[-1] for where in skipped)
    assert names == ["blob", "broken.rss", "corpus.jsonl line 2", "photo.jpg"]


def test_glob_picks_one_kind(mixed_folder):
    articles = list(read_articles([mixed_folder], glob="**/*.html.gz"))
    assert len(articles) == 1 and articles[0].published.isoformat() == "2019-11-19"


def test_estimate_counts_lines_items_and_files(mixed_folder):
    # seed, two pages, one feed item, two JSONL lines, and the empty feed's zero items
    assert estimate_articles([mixed_folder]) == 6
