"""Saved web pages: main text, title, publication date, author and URL, with trafilatura.

Offline by construction: trafilatura is handed the page's bytes and never fetches what a page
links to. Settings were chosen on the dev half of the Zyte and NAEB sets
(``eventwire evaluate html-zyte``): ``favor_precision`` drops the most boilerplate.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional

from eventwire.errors import InputError
from eventwire.ingest.sniff import looks_binary, read_file_bytes
from eventwire.model import Article, normalise_text

log = logging.getLogger(__name__)

EXTRACTION_OPTIONS = {"favor_precision": True, "include_comments": False,
                      "include_tables": True, "include_images": False, "include_links": False}
"""trafilatura's settings (see the module's docstring for how they were chosen)."""

MIN_BODY_WORDS = 10
"""Fewer words than this is a menu or an error page, not an article."""


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
    return Page(body=body, title=document.title or None, published=parse_iso_date(document.date),
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
