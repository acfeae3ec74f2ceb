"""Plain-text articles, with an optional front-matter header.

A header is a block between two ``---`` lines at the very top::

    ---
    title: Russia says Syrian regime attacks on Aleppo halted
    source: The New Arab
    url: https://...
    published: 2016-12-09
    ---

Without one, the title is the first non-blank line and the publication date is read from
a dateline near the top ("09 December, 2016", "December 9, 2016", "2016-12-09").
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Optional

from eventwire.errors import InputError
from eventwire.model import Article, normalise_text

HEADER_FIELDS = ("title", "source", "url", "published", "id")
DATELINE_LINES = 12
"""How many lines from the top a dateline may stand on."""

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")
_DATELINES = [
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS})\.?,?\s+(\d{{4}})\b", re.I), "dmy"),
    (re.compile(rf"\b({_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), "mdy"),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)"), "ymd"),
]


def parse_dateline(line: str) -> Optional[date]:
    """The date a dateline line gives, or None."""
    for pattern, order in _DATELINES:
        match = pattern.search(line)
        if not match:
            continue
        a, b, c = match.groups()
        try:
            if order == "ymd":
                return date(int(a), int(b), int(c))
            day, month, year = (a, b, c) if order == "dmy" else (b, a, c)
            month_number = datetime.strptime(month[:3].title(), "%b").month
            return date(int(year), month_number, int(day))
        except ValueError:
            continue
    return None


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(header fields, body) of a text that may start with a ``---`` header."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    fields: dict[str, str] = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in HEADER_FIELDS:
            fields[key.strip().lower()] = value.strip()
    body = text[end + 4:].lstrip("\n")
    return fields, body


def article_from_text(text: str, *, published: Optional[date] = None,
                      **meta: Optional[str]) -> Article:
    """An Article from raw text: header or first line and dateline give the metadata."""
    fields, body = split_front_matter(normalise_text(text))
    body = normalise_text(body)
    if not body:
        raise InputError("the text is empty")
    lines = body.split("\n")
    title = fields.get("title") or next((line.strip() for line in lines if line.strip()), None)
    when = published
    if when is None and fields.get("published"):
        when = parse_dateline(fields["published"])
    if when is None:
        when = next((d for d in map(parse_dateline, lines[:DATELINE_LINES]) if d), None)
    values = {"title": title, "source": fields.get("source"), "url": fields.get("url"),
              "id": fields.get("id")}
    values.update({k: v for k, v in meta.items() if v is not None})
    return Article.from_text(body, published=when,
                             **{k: v for k, v in values.items() if v is not None})


def read_text_file(path: str | Path, *, encoding: str = "utf-8",
                   published: Optional[date] = None) -> Article:
    """Read one text file as an Article; raises InputError with a one-line reason."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"cannot read '{path}': no such file")
    if path.is_dir():
        raise InputError(f"cannot read '{path}': it is a directory")
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError(f"cannot read '{path}': the file is empty")
    if b"\x00" in raw[:8192]:
        raise InputError(f"cannot read '{path}': it is a binary file, not text")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"cannot read '{path}': not {encoding} "
                         f"(try --encoding latin-1)") from None
    except LookupError:
        raise InputError(f"unknown encoding '{encoding}'") from None
    try:
        return article_from_text(text, published=published, source=None)
    except InputError as err:
        raise InputError(f"cannot read '{path}': {err}") from None
