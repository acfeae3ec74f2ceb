"""RSS and Atom feeds (and JSON Feed), read with feedparser: each item becomes an article.

An item's text is its full content when the feed carries it, else its summary. When the full
page an item links to was saved next to the feed (same folder; found by the page's canonical
URL, or by a file named after the link's last path segment), the item is joined to it: the
page's main text, with the feed's title, date and author where the page has none.

feedparser is handed the file's bytes, never a URL, so nothing is fetched.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Optional
from urllib.parse import urlsplit

from eventwire.errors import InputError
from eventwire.ingest.sniff import EXTENSIONS, inner_name, open_bytes, read_file_bytes
from eventwire.model import Article, normalise_text

SkipHandler = Callable[[str, InputError], None]

_CANONICAL = re.compile(
    rb"""<(?:link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"'>]+)|"""
    rb"""meta[^>]+property=["']og:url["'][^>]*content=["']([^"'>]+)|"""
    rb"""link[^>]+href=["']([^"'>]+)["'][^>]*rel=["']?canonical)""", re.I)
PAGE_HEAD_BYTES = 200_000
"""How far into a saved page its canonical URL is looked for."""

_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
               "tr", "section", "article", "pre")


def url_key(url: str) -> str:
    """A URL reduced to what identifies a page: host without www, path without slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


def url_slug(url: str) -> str:
    """The last path segment of a URL without its extension: the name a saved page gets."""
    segment = urlsplit(url.strip()).path.rstrip("/").rsplit("/", 1)[-1]
    return segment.rsplit(".", 1)[0] if "." in segment else segment


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a summary or content), one line per block."""
    if "<" not in html:
        return normalise_text(html)
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml rejects some fragments; their tags are then dropped as text
        return normalise_text(re.sub(r"<[^>]+>", " ", html))
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    text = root.text_content()
    return normalise_text("\n".join(" ".join(line.split()) for line in text.split("\n")))


@dataclass(frozen=True)
class SavedPages:
    """The saved pages in a feed's folder, by canonical URL and by file stem."""

    by_url: dict[str, Path]
    by_stem: dict[str, Path]

    @classmethod
    def beside(cls, feed: Path) -> "SavedPages":
        by_url: dict[str, Path] = {}
        by_stem: dict[str, Path] = {}
        for path in sorted(feed.parent.iterdir()):
            name = inner_name(path)
            if not path.is_file() or EXTENSIONS.get(Path(name).suffix.lower()) != "html":
                continue
            by_stem.setdefault(Path(name).stem, path)
            with open_bytes(path) as handle:
                match = _CANONICAL.search(handle.read(PAGE_HEAD_BYTES))
            if match:
                url = next(group for group in match.groups() if group)
                by_url.setdefault(url_key(url.decode("utf-8", "replace")), path)
        return cls(by_url, by_stem)

    def page_for(self, link: Optional[str]) -> Optional[Path]:
        if not link:
            return None
        return self.by_url.get(url_key(link)) or self.by_stem.get(url_slug(link))


@dataclass(frozen=True)
class FeedItem:
    """One item of any feed format, reduced to what an article needs."""

    title: Optional[str]
    link: Optional[str]
    published: Optional[date]
    author: Optional[str]
    text: str


def entry_date(entry) -> Optional[date]:
    """A feedparser entry's publication (else update) date, in UTC."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).date()
    return None


def longest_text(*fragments: Optional[str]) -> str:
    """The longest plain text among HTML fragments (full content beats a summary)."""
    texts = [fragment_text(fragment) for fragment in fragments if fragment]
    return max(texts, key=len, default="")


def xml_feed_items(raw: bytes) -> tuple[Optional[str], list[FeedItem]]:
    """(feed title, items) of an RSS or Atom feed; InputError when it is no feed at all."""
    import feedparser

    parsed = feedparser.parse(raw)  # bytes, never a URL: feedparser fetches URLs
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = getattr(parsed, "bozo_exception", None)
        detail = f" ({str(reason).splitlines()[0][:120]})" if reason else ""
        raise InputError(f"it is not an RSS or Atom feed{detail}")
    items = [FeedItem(title=fragment_text(entry.get("title", "")) or None,
                      link=entry.get("link") or None, published=entry_date(entry),
                      author=entry.get("author") or None,
                      text=longest_text(*[part.get("value") for part in entry.get("content", [])],
                                        entry.get("summary")))
             for entry in parsed.entries]
    return parsed.feed.get("title") or None, items


def json_feed_items(raw: bytes) -> tuple[Optional[str], list[FeedItem]]:
    """(feed title, items) of a JSON Feed (jsonfeed.org, versions 1 and 1.1)."""
    from eventwire.ingest.html import parse_iso_date

    try:
        feed = json.loads(raw)
    except ValueError as err:
        raise InputError(f"it is not a JSON Feed ({err})") from None
    if not isinstance(feed, dict) or not isinstance(feed.get("items"), list):
        raise InputError("it is not a JSON Feed (no 'items' list)")
    items = []
    for item in feed["items"]:
        if not isinstance(item, dict):
            continue
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        names = [a.get("name") for a in authors if isinstance(a, dict) and a.get("name")]
        items.append(FeedItem(
            title=item.get("title") or None, link=item.get("url") or None,
            published=parse_iso_date(item.get("date_published") or item.get("date_modified")),
            author=", ".join(names) or None,
            text=longest_text(item.get("content_html"), item.get("content_text"),
                              item.get("summary"))))
    return feed.get("title") or None, items


def is_json_feed(raw: bytes) -> bool:
    return raw.lstrip()[:1] == b"{" and b"jsonfeed.org" in raw[:2048]


def read_feed(path: str | Path, *, on_skip: Optional[SkipHandler] = None,
              joined: Optional[set[Path]] = None, join_pages: bool = True) -> Iterator[Article]:
    """The items of one feed file as Articles.

    An item without text goes to ``on_skip``; pages joined to items are added to ``joined``
    so that a folder reader does not read them a second time.
    """
    from eventwire.ingest.html import article_from_page, extract_page

    path = Path(path)
    raw = read_file_bytes(path)
    try:
        source, items = json_feed_items(raw) if is_json_feed(raw) else xml_feed_items(raw)
    except InputError as err:
        raise InputError(f"cannot read '{path}': {err}") from None
    pages = SavedPages.beside(path) if join_pages else SavedPages({}, {})
    for number, item in enumerate(items, 1):
        meta = {"title": item.title, "url": item.link, "published": item.published,
                "author": item.author, "source": source}
        try:
            page_path = pages.page_for(item.link)
            if page_path is not None:
                page = extract_page(read_file_bytes(page_path), url=item.link)
                if joined is not None:
                    joined.add(page_path)
                # the feed's date and link are the item's own; the page fills the rest
                overrides = {key: value for key, value in meta.items()
                             if key in ("published", "url") or getattr(page, key) is None}
                yield article_from_page(page, **overrides)
                continue
            text = item.text
            if item.title and not text.startswith(item.title):
                text = f"{item.title}\n\n{text}" if text else item.title  # a headline alone is news too
            if not text:
                raise InputError("the item has neither title nor text")
            yield Article.from_text(text, **{k: v for k, v in meta.items() if v is not None})
        except InputError as err:
            if on_skip is None:
                raise InputError(f"{path} item {number}: {err}") from None
            on_skip(f"{path} item {number}", err)
