"""Saved web pages: main text, title, publication date, author and URL, with trafilatura.

Offline by construction: trafilatura is handed the page's bytes and never fetches what a page
links to. Settings were chosen on the dev half of the Zyte and NAEB sets
(``eventwire evaluate html-zyte``): ``favor_precision`` drops the most boilerplate.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator, Optional

from eventwire.errors import InputError
from eventwire.ingest.sniff import looks_binary, read_file_bytes
from eventwire.model import Article, normalise_text

log = logging.getLogger(__name__)

EXTRACTION_OPTIONS = {"favor_precision": True, "include_comments": False,
                      "include_tables": True, "include_images": False, "include_links": False}
"""trafilatura's settings (see the module's docstring for how they were chosen)."""

MIN_BODY_WORDS = 10
"""Fewer words than this is a menu or an error page, not an article."""

JSON_LD = re.compile(rb"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)
ARTICLE_TYPES = ("Article", "BlogPosting", "LiveBlogPosting", "Report")
"""schema.org types whose ``datePublished`` is the page's own article (``NewsArticle``,
``ReportageNewsArticle``... end in ``Article``)."""
TIME_ZONES = (timedelta(hours=-12), timedelta(hours=14))
"""The earliest and latest UTC offsets in use: the dates one UTC instant has somewhere."""
PLACEHOLDER_STAMPS = (datetime(1, 1, 1), datetime(1970, 1, 1))
"""Stamps a site's software writes for "no date" (the calendar's first instant, the Unix
epoch): no publication date."""


@dataclass(frozen=True)
class Page:
    """What a saved page holds for us; ``body`` is the main text without the title."""

    body: str
    title: Optional[str] = None
    published: Optional[date] = None
    author: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    language: Optional[str] = None


def parse_iso_date(value: Optional[str]) -> Optional[date]:
    """The date at the start of an ISO string, or None (also for 'NaT' and garbage)."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _schema_nodes(node) -> Iterator[dict]:
    """Every object of a JSON-LD document, through lists and ``@graph``."""
    if isinstance(node, list):
        for item in node:
            yield from _schema_nodes(item)
    elif isinstance(node, dict):
        yield node
        yield from _schema_nodes(node.get("@graph"))


def structured_published(html: bytes) -> Optional[datetime]:
    """The ``datePublished`` that the page's JSON-LD gives its own article (ISO 8601 only),
    with its UTC offset when it has one; None when there is none."""
    for block in JSON_LD.findall(html):
        try:
            document = json.loads(block.decode("utf-8", "replace"))
        except ValueError:
            continue
        for node in _schema_nodes(document):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            value = node.get("datePublished")
            if (isinstance(value, str) and any(isinstance(kind, str) and kind.endswith(
                    ARTICLE_TYPES) for kind in types)):
                try:
                    stamp = datetime.fromisoformat(value.strip())
                except ValueError:
                    continue
                if stamp.replace(tzinfo=None) not in PLACEHOLDER_STAMPS:
                    return stamp
    return None


def publication_date(found: Optional[date], stated: Optional[datetime]) -> Optional[date]:
    """The publication date, from trafilatura's (htmldate: URL, meta tags, visible dates)
    and the article's own JSON-LD ``datePublished``.

    The JSON-LD stamp is the article's own statement and wins, with one exception: a stamp
    in UTC does not say the publisher's day, so a date that the same instant has in some
    time zone (a page dated 22 December at 01:48 UTC is a 21 December page in New York)
    is kept.
    """
    if stated is None:
        return found
    if found is None or stated.utcoffset() is None or stated.utcoffset():
        return stated.date()  # no zone, or the publisher's own offset: the date as written
    try:
        earliest, latest = (stated + offset for offset in TIME_ZONES)
    except OverflowError:  # a stamp within a day of the calendar's end
        return stated.date()
    return found if earliest.date() <= found <= latest.date() else stated.date()


def extract_page(html: str | bytes, url: Optional[str] = None) -> Page:
    """The main text and metadata of one page; raises InputError when it holds no article."""
    import trafilatura

    head = html[:4096] if isinstance(html, bytes) else html[:4096].encode("utf-8", "replace")
    if looks_binary(head):
        raise InputError("it is a binary file, not a web page")
    for noisy in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)  # one reason line per page, not five
    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                               **EXTRACTION_OPTIONS)
    except Exception as err:  # trafilatura raises many kinds on broken markup
        log.debug("trafilatura failed", exc_info=True)
        raise InputError(f"the page cannot be parsed ({type(err).__name__})") from None
    body = normalise_text(document.text or "") if document is not None else ""
    if len(body.split()) < MIN_BODY_WORDS:
        raise InputError("no article text found in the page (is it an article page?)")
    raw = html if isinstance(html, bytes) else html.encode("utf-8", "replace")
    published = publication_date(parse_iso_date(document.date), structured_published(raw))
    return Page(body=body, title=document.title or None, published=published,
                author=document.author or None, url=document.url or url,
                source=document.sitename or document.hostname or None,
                language=document.language or None)


def article_from_page(page: Page, **overrides) -> Article:
    """An Article whose text is the title line, a blank line, then the body.

    The title is part of the text, as in plain-text articles: headlines carry events too.
    """
    text = page.body
    if page.title and not page.body.startswith(page.title):
        text = f"{page.title}\n\n{page.body}"
    values = {"title": page.title, "published": page.published, "author": page.author,
              "url": page.url, "source": page.source}
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Article.from_text(normalise_text(text),
                             **{k: v for k, v in values.items() if v is not None})


def read_html_file(path: str | Path, *, published: Optional[date] = None,
                   url: Optional[str] = None) -> Article:
    """One saved page as an Article; raises InputError with a one-line reason."""
    path = Path(path)
    raw = read_file_bytes(path)
    try:
        page = extract_page(raw, url=url)
    except InputError as err:
        raise InputError(f"cannot read '{path}': {err}") from None
    return article_from_page(page, published=published)
