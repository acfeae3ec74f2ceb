"""JSON Lines: one article per line, with configurable field names.

Defaults fit common corpora (``{"id", "title", "text", "date" or "published", "url",
"source", "author"}``); ``fields`` renames any of them, e.g. ``{"text": "body"}``. Files may be
gzipped. A line that is not JSON, not an object, or has no text is reported and skipped; the
rest of the file goes on. A file holding one JSON object or a list of them (pretty-printed)
is read too.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Callable, Iterator, Mapping, Optional

from eventwire.errors import InputError
from eventwire.ingest.sniff import MAX_FILE_BYTES, open_bytes
from eventwire.model import Article, normalise_text

SkipHandler = Callable[[str, InputError], None]

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "articleBody"),
    "title": ("title", "headline"),
    "published": ("published", "date", "date_published", "datePublished"),
    "url": ("url", "link"),
    "source": ("source", "outlet", "site"),
    "author": ("author", "authors", "byline"),
    "id": ("id",),
}
"""Article field -> the keys tried, in order, when no name is given for it."""


def parse_field_names(specs: list[str]) -> dict[str, str]:
    """``["text=body", "published=date"]`` -> ``{"text": "body", "published": "date"}``."""
    names: dict[str, str] = {}
    for spec in specs:
        field, sep, key = spec.partition("=")
        if not sep or field.strip() not in DEFAULT_FIELDS or not key.strip():
            raise InputError(f"--field '{spec}' is not FIELD=KEY with FIELD one of "
                             f"{', '.join(DEFAULT_FIELDS)}")
        names[field.strip()] = key.strip()
    return names


def _value(record: Mapping, keys: tuple[str, ...]):
    for key in keys:
        value = record.get(key)
        if value not in (None, "", []):
            return value
    return None


def article_from_record(record: object, fields: Optional[Mapping[str, str]] = None) -> Article:
    """An Article from one JSON object; raises InputError when it has no text."""
    from eventwire.ingest.html import parse_iso_date
    from eventwire.ingest.text import parse_dateline

    if not isinstance(record, dict):
        raise InputError(f"it is a JSON {type(record).__name__}, not an object")
    fields = fields or {}
    keys = {field: (fields[field],) if field in fields else default
            for field, default in DEFAULT_FIELDS.items()}
    text = _value(record, keys["text"])
    if not isinstance(text, str) or not normalise_text(text):
        raise InputError(f"no text in field '{'/'.join(keys['text'])}' "
                         f"(name it with --field text=KEY)")
    meta: dict[str, object] = {}
    for field in ("title", "url", "source", "author", "id"):
        value = _value(record, keys[field])
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if value is not None:
            meta[field] = str(value)
    published = _value(record, keys["published"])
    if isinstance(published, str):
        meta["published"] = parse_iso_date(published) or parse_dateline(published)
    return Article.from_text(normalise_text(text), **{k: v for k, v in meta.items() if v})


def read_jsonl(path: str | Path, *, fields: Optional[Mapping[str, str]] = None,
               on_skip: Optional[SkipHandler] = None,
               max_line_bytes: int = MAX_FILE_BYTES) -> Iterator[Article]:
    """The articles of a JSON Lines file, streamed line by line (memory stays flat)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"cannot read '{path}': no such file")

    def skip(where: str, err: InputError) -> None:
        if on_skip is None:
            raise InputError(f"{where}: {err}")
        on_skip(where, err)

    with open_bytes(path) as raw:
        lines = io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
        first = True
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path} line {number}"
            if len(line) > max_line_bytes:
                skip(where, InputError(f"the line has {len(line):,} characters, more than "
                                       f"the limit of {max_line_bytes:,}"))
                continue
            try:
                record = json.loads(line)
            except ValueError as err:
                if first:  # a pretty-printed JSON file rather than JSON Lines
                    yield from read_json_document(path, fields=fields, on_skip=on_skip)
                    return
                skip(where, InputError(f"not JSON ({err})"))
                continue
            first = False
            records = record if isinstance(record, list) else [record]
            for record in records:
                try:
                    yield article_from_record(record, fields)
                except InputError as err:
                    skip(where, err)


def read_json_document(path: Path, *, fields: Optional[Mapping[str, str]] = None,
                       on_skip: Optional[SkipHandler] = None) -> Iterator[Article]:
    """A whole-file JSON object or list of objects (for files that are not JSON Lines)."""
    from eventwire.ingest.sniff import read_file_bytes

    try:
        document = json.loads(read_file_bytes(path))
    except ValueError as err:
        raise InputError(f"cannot read '{path}': not JSON ({err})") from None
    for number, record in enumerate(document if isinstance(document, list) else [document], 1):
        try:
            yield article_from_record(record, fields)
        except InputError as err:
            if on_skip is None:
                raise InputError(f"{path} item {number}: {err}") from None
            on_skip(f"{path} item {number}", err)
