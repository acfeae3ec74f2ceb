"""Feeds: real RSS, RDF, Atom and JSON feeds; ill-formed ones; items joined to saved pages."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date

import pytest

from eventwire.errors import InputError
from eventwire.ingest import read_articles
from eventwire.ingest.feeds import read_feed, url_key, url_slug

NYT = "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34"


@pytest.fixture(scope="module")
def feeds(data):
    return data / "feeds"


def test_guardian_rss_items_become_articles(feeds):
    articles = list(read_feed(feeds / "rss_parser_realworld" / "input" / "guardian.rss"))
    assert len(articles) == 55
    first = articles[0]
    assert first.title == "Trump State of the Union address promised unity but emphasized discord"
    assert first.published == date(2018, 1, 31)
    assert first.author == "David Smith in Washington" and first.source == "The Guardian"
    assert first.url.startswith("https://www.theguardian.com/us-news/2018/jan/31/")
    assert first.text.startswith(first.title + "\n\nThe president’s ‘new American moment’")
    assert "<p>" not in first.text


def test_rss_1_headlines_without_text_are_kept_as_headlines(feeds):
    articles = list(read_feed(feeds / "rss_parser_realworld" / "input" / "rss-1.rss"))
    assert len(articles) == 69
    assert articles[0].text == "Food for fungi" and articles[0].author == "Hines, P. J."
    assert articles[0].published == date(2017, 6, 15)


def test_gzipped_atom_and_json_feeds(feeds):
    podcast = list(read_feed(feeds / "rss_parser_realworld" / "input" / "giantbomb-podcast.rss.gz"))
    assert len(podcast) == 730
    npr = list(read_feed(feeds / "trafilatura_resources" / "feed.json"))
    assert len(npr) == 25 and npr[0].author == "Manoush Zomorodi"
    assert npr[0].published == date(2021, 10, 29)


@pytest.mark.parametrize("name", ["illformed_rss_empty_document.xml",
                                  "illformed_undeclared_namespace.xml"])
def test_a_feed_that_is_not_xml_says_so(feeds, name):
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        list(read_feed(feeds / "feedparser_selected" / name))


def test_a_german_feed_is_skipped_item_by_item_with_a_reason(feeds):
    skipped = []
    articles = list(read_articles([feeds / "rss_parser_realworld" / "input" / "heise.atom"],
                                  on_skip=lambda where, err: skipped.append(str(err))))
    assert articles == [] and len(skipped) == 15
    assert all("(de)" in reason for reason in skipped)


def test_an_item_is_joined_to_the_page_saved_beside_the_feed(tmp_path, data):
    """The feed is written here; the page it links to is a real NYT page from the Zyte set."""
    folder = data / "html" / "scrapinghub_aeb"
    with gzip.open(folder / "ground-truth.json.gz", "rt") as handle:
        url = json.load(handle)[NYT]["url"]
    shutil.copy(folder / "html" / f"{NYT}.html.gz", tmp_path / f"{url_slug(url)}.html.gz")
    (tmp_path / "opinion.rss").write_text(f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>NYT Opinion</title>
<item><title>Republicans are losing the suburbs</title><link>{url}</link>
<pubDate>Tue, 19 Nov 2019 10:00:00 GMT</pubDate><description>Short teaser.</description></item>
<item><title>Aid reaches Idlib</title><link>https://example.org/aid</link>
<description>Aid convoys reached Idlib on Monday, the United Nations said, after weeks of
shelling that forced thousands of families from their homes in the province.</description></item>
</channel></rss>""")
    articles = list(read_articles([tmp_path]))
    assert len(articles) == 2  # the saved page is read once, as the item's full text
    joined = articles[0]
    assert "Americans have gone to the polls four times this month" in joined.text
    assert joined.url == url and joined.published == date(2019, 11, 19)
    assert articles[1].text.startswith("Aid reaches Idlib\n\nAid convoys reached Idlib")


def test_urls_are_matched_without_scheme_www_or_trailing_slash():
    assert url_key("https://www.example.org/a/b/") == url_key("http://example.org/a/b")
    assert url_slug("https://example.org/news/aleppo-ceasefire.html?x=1") == "aleppo-ceasefire"
