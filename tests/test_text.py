"""Plain-text ingest: front matter, first-line titles, datelines, and unreadable files."""

from datetime import date

import pytest

from eventwire.errors import InputError
from eventwire.ingest import read_articles
from eventwire.ingest.text import article_from_text, parse_dateline, read_text_file


def test_seed_title_and_dateline(seed_article):
    assert seed_article.title == "Russia says Syrian regime attacks on Aleppo halted"
    assert seed_article.published == date(2016, 12, 9)
    assert seed_article.text.startswith("Russia says Syrian regime attacks on Aleppo halted\n")


@pytest.mark.parametrize("line,expected", [
    ("09 December, 2016", date(2016, 12, 9)),
    ("December 9, 2016 10:42 GMT", date(2016, 12, 9)),
    ("Published 3rd Sept 2019", date(2019, 9, 3)),
    ("2016-12-09T10:00:00Z", date(2016, 12, 9)),
    ("3 min read", None),
    ("31 February 2016", None),
])
def test_datelines(line, expected):
    assert parse_dateline(line) == expected


def test_front_matter_gives_the_metadata():
    article = article_from_text(
        "---\ntitle: Aid reaches Douma\nsource: Reuters\nurl: https://example.org/a\n"
        "published: 2018-04-12\n---\nAid convoys reached Douma on Thursday, the UN said.\n")
    assert (article.title, article.source, article.url) == (
        "Aid reaches Douma", "Reuters", "https://example.org/a")
    assert article.published == date(2018, 4, 12)
    assert article.text == "Aid convoys reached Douma on Thursday, the UN said."


def test_a_given_publication_date_wins(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title\n09 December, 2016\nBody text.")
    assert read_text_file(path, published=date(2017, 1, 1)).published == date(2017, 1, 1)


def test_same_text_same_id_whatever_the_line_endings(tmp_path):
    one, two = tmp_path / "1.txt", tmp_path / "2.txt"
    one.write_bytes(b"Title\r\nShelling hit Idlib.\r\n")
    two.write_bytes(b"Title\nShelling hit Idlib.  \n")
    assert read_text_file(one).sha256 == read_text_file(two).sha256


@pytest.mark.parametrize("content,message", [
    (b"", "the file is empty"),
    (b"   \n\n", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("Alep – rapport de l’ONU".encode("latin-1", errors="replace") + b"\xe9t\xe9", "not utf-8"),
])
def test_unreadable_files_say_why(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_text_file(path)


def test_latin1_reads_with_the_right_encoding(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_bytes("Titre\nLes forces ont été repoussées.".encode("latin-1"))
    assert "été" in read_text_file(path, encoding="latin-1").text


def test_a_folder_yields_what_it_can_and_reports_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("Title\nRebels shelled Aleppo.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "image.bin").write_bytes(b"\x00\x01\x02binary")
    skipped = []
    articles = list(read_articles([tmp_path], on_skip=lambda p, e: skipped.append(p)))
    assert [a.title for a in articles] == ["Title"]
    assert sorted(p.rsplit("/", 1)[1] for p in skipped) == ["empty.txt", "image.bin"]
