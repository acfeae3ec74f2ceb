"""Saved web pages: real pages from the Zyte and NAEB benchmarks, and broken ones."""

from __future__ import annotations

import gzip
import json
import tarfile
from datetime import date

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.html import score_pages, shingle_match
from eventwire.ingest.html import (extract_page, publication_date, read_html_file,
                                   structured_published)

NYT = "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34"
ARS = "b22d168fa48367e24df24f03a58ee3e6"
FOX = "6d13a78f011adaf5ee3eb110a3246d2a"  # NAEB dev: JSON-LD 2023-10-08T07:00:25-04:00
NJ = "94acef247c7ab23458a8e5ad4c6e1391"  # NAEB dev: URL .../2023/12/16-new-officers-...
NYDN = "e6f4c98eb4d3a33af58e7bbd50db0635"  # NAEB dev: JSON-LD 2023-12-23T01:48:19Z


@pytest.fixture(scope="module")
def zyte(data):
    folder = data / "html" / "scrapinghub_aeb"
    with gzip.open(folder / "ground-truth.json.gz", "rt", encoding="utf-8") as handle:
        return folder, json.load(handle)


@pytest.fixture(scope="module")
def naeb_pages(data):
    """A few NAEB pages (dev half), each with its gold record, read in one pass."""
    wanted = (ARS, FOX, NJ, NYDN)
    with gzip.open(data / "html" / "naeb" / "articles.json.gz", "rt") as handle:
        gold = json.load(handle)
    pages = {}
    with tarfile.open(data / "html" / "naeb" / "naeb-html.tar.gz") as archive:
        for member in archive:
            key = member.name.rsplit("/", 1)[-1].removesuffix(".html")
            if key in wanted:
                pages[key] = (archive.extractfile(member).read(), gold[key])
    assert set(pages) == set(wanted), "NAEB pages missing"
    return pages


@pytest.fixture(scope="module")
def ars_page(naeb_pages):
    """An Ars Technica page from NAEB, with its gold record."""
    return naeb_pages[ARS]


@pytest.mark.parametrize("key", [FOX, NJ, NYDN])
def test_the_publication_date_is_the_articles_own_in_the_publishers_day(naeb_pages, key):
    html, gold = naeb_pages[key]
    assert extract_page(html, url=gold["url"]).published == date.fromisoformat(gold["date"][:10])


def test_a_utc_stamp_keeps_a_page_date_the_same_instant_has_elsewhere(naeb_pages):
    from datetime import datetime

    stamp = structured_published(naeb_pages[NYDN][0])
    assert stamp == datetime.fromisoformat("2023-12-23T01:48:19+00:00")
    assert publication_date(date(2023, 12, 22), stamp) == date(2023, 12, 22)  # New York
    assert publication_date(date(2023, 12, 16), stamp) == date(2023, 12, 23)  # no zone has it
    stated = structured_published(naeb_pages[FOX][0])
    assert stated == datetime.fromisoformat("2023-10-08T07:00:25-04:00")
    assert publication_date(date(2023, 10, 5), stated) == date(2023, 10, 8)
    assert publication_date(None, stated) == date(2023, 10, 8)
    assert publication_date(date(2023, 10, 5), None) == date(2023, 10, 5)


def test_a_placeholder_stamp_is_no_date_and_the_pages_own_date_is_kept(zyte):
    # The Detroit News page's JSON-LD says datePublished "0001-01-01T00:00:00Z" (no date);
    # its URL and visible date say 19 November 2019.
    folder, gold = zyte
    key = "65ce3a4577a0306994efa190a0d96e84014f9d4257ad54753e807ede518f02c0"
    html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
    assert structured_published(html) is None
    assert extract_page(html, url=gold[key]["url"]).published == date(2019, 11, 19)


def test_a_stamp_at_the_calendars_end_keeps_its_date():
    from datetime import datetime

    stamp = datetime.fromisoformat("9999-12-31T23:00:00+00:00")
    assert publication_date(date(2019, 11, 19), stamp) == date(9999, 12, 31)


def test_main_text_of_a_news_page_matches_the_gold_body(zyte):
    folder, gold = zyte
    page = extract_page(gzip.decompress((folder / "html" / f"{NYT}.html.gz").read_bytes()))
    tp, fp, fn = shingle_match(gold[NYT]["articleBody"], page.body)
    assert tp / (tp + fp) > 0.9 and tp / (tp + fn) > 0.9
    assert page.body.startswith("Americans have gone to the polls four times this month")
    assert page.published == date(2019, 11, 19)


def test_title_date_author_and_url_of_a_page(ars_page):
    html, gold = ars_page
    page = extract_page(html, url=gold["url"])
    assert page.title.startswith("Daily Telescope: A simple shot of the Milky Way")
    assert page.published == date.fromisoformat(gold["date"]) == date(2023, 12, 21)
    assert page.author == gold["authors"] == "Eric Berger"
    assert page.url == gold["url"]


def test_a_saved_page_becomes_an_article_with_its_title_first(tmp_path, ars_page):
    html, _ = ars_page
    path = tmp_path / "ars.html.gz"
    path.write_bytes(gzip.compress(html))
    article = read_html_file(path)
    assert article.text.startswith(article.title + "\n\n")
    assert article.author == "Eric Berger" and article.published == date(2023, 12, 21)
    assert "Milky Way" in article.text


@pytest.mark.parametrize("content,reason", [
    (b"<html><head><title>x</title></head><body><div><p>Menu</div></tbody></p>", "no article text"),
    (b"<<html <body <p>>> \xff\xfe garbage </html", "no article text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (b"", "empty"),
])
def test_pages_without_an_article_say_why(tmp_path, content, reason):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(InputError, match=reason):
        read_html_file(path)


def test_a_fifty_megabyte_page_is_refused_before_parsing(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.write(b"<html><body>" + b"<p>Shelling hit Idlib.</p>" * 2_000_000 + b"</body></html>")
    with pytest.raises(InputError, match="more than the limit of 20 MB"):
        read_html_file(path)


def test_the_scorer_on_a_slice_of_zyte_dev(zyte):
    folder, gold = zyte
    keys = list(gold)[0:12:2]  # six dev pages
    metrics = score_pages((gold[k], gzip.decompress((folder / "html" / f"{k}.html.gz")
                                                    .read_bytes())) for k in keys)
    assert metrics["pages"] == 6 and metrics["f1"] >= 0.9 and metrics["token_f1"] >= 0.9
