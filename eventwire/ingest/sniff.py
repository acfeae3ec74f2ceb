"""What kind of file is this? By its name first, then by its first bytes.

A folder mixes kinds: plain text, saved web pages, RSS/Atom feeds, JSON Lines. Any of them
may be gzipped (``page.html.gz``). Binary files (images, PDFs, archives) are named as such
so that the batch can report them once and go on.
"""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path
from typing import Literal

from eventwire.errors import InputError

Kind = Literal["text", "html", "feed", "jsonl", "binary"]

MAX_FILE_BYTES = 20_000_000
"""Largest page or text file read (after decompression); trafilatura's own ceiling."""

EXTENSIONS: dict[str, Kind] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".rss": "feed", ".atom": "feed", ".rdf": "feed", ".feed": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".png": "binary", ".jpg": "binary", ".jpeg": "binary", ".gif": "binary",
    ".webp": "binary", ".pdf": "binary", ".zip": "binary", ".tar": "binary",
    ".mp3": "binary", ".mp4": "binary", ".exe": "binary", ".so": "binary",
}
"""Kinds a file name tells; ``.xml`` and unknown names are sniffed."""

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)
SNIFF_BYTES = 4096


def is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def inner_name(path: Path) -> str:
    """The file name without a ``.gz`` ending: ``page.html.gz`` -> ``page.html``."""
    return path.name[:-3] if path.name.lower().endswith(".gz") else path.name


def open_bytes(path: Path):
    """A binary stream of the file's content, decompressed when gzipped."""
    return gzip.open(path, "rb") if is_gzip(path) else path.open("rb")


def read_file_bytes(path: str | Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes (decompressed), refusing empty files and files over ``limit``."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"cannot read '{path}': no such file")
    if path.is_dir():
        raise InputError(f"cannot read '{path}': it is a directory")
    try:
        with open_bytes(path) as handle:
            raw = handle.read(limit + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise InputError(f"cannot read '{path}': {err}") from None
    if len(raw) > limit:
        size = path.stat().st_size if not is_gzip(path) else len(raw)
        raise InputError(f"cannot read '{path}': it is {size / 1e6:.1f} MB, more than the "
                         f"limit of {limit / 1e6:.0f} MB (is it one article?)")
    if not raw.strip():
        raise InputError(f"cannot read '{path}': the file is empty")
    return raw


def looks_binary(head: bytes) -> bool:
    """NUL bytes in text are the mark of a binary file (UTF-16 feeds are sniffed before)."""
    return b"\x00" in head


def sniff_kind(head: bytes) -> Kind:
    """The kind the first bytes of a file suggest."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark: XML feeds
        return "feed"
    if looks_binary(head):
        return "binary"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"{", b"[")):
        return "feed" if b"jsonfeed.org" in head else "jsonl"
    if _FEED_ROOT.search(head):
        return "feed"
    if _HTML_ROOT.search(head):
        return "html"
    return "text"


def file_kind(path: str | Path) -> Kind:
    """The kind of one file: by its extension, else by its first bytes."""
    path = Path(path)
    suffix = Path(inner_name(path)).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    try:
        with open_bytes(path) as handle:
            head = handle.read(SNIFF_BYTES)
    except (OSError, EOFError, zlib.error):
        return "binary"
    return sniff_kind(head)
