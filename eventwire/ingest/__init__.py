"""Ingest: files and streams in, Article objects out."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Optional

from eventwire.errors import InputError
from eventwire.model import Article

SkipHandler = Callable[[str, InputError], None]

SAMPLE = "aleppo-2016-12-09.txt"
"""The seed article, bundled as the demo sample."""


def sample_path(name: str = SAMPLE) -> Path:
    """Path of a sample article shipped in the package (eventwire/data/samples/)."""
    return Path(str(resources.files("eventwire") / "data" / "samples" / name))


def expand_paths(paths: Iterable[str | Path], glob: str = "**/*") -> Iterator[Path]:
    """Files named, and the files under folders named, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.glob(glob) if p.is_file()
                              and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            yield path


def read_articles(paths: Iterable[str | Path], *, encoding: str = "utf-8",
                  published: Optional[date] = None, glob: str = "**/*",
                  on_skip: Optional[SkipHandler] = None,
                  fields: Optional[Mapping[str, str]] = None,
                  any_language: bool = False) -> Iterator[Article]:
    """Articles from files and folders of any kind: text, web pages, feeds, JSON Lines.

    Each file's kind comes from its name, else from its first bytes. A file, feed item or
    line that cannot be read, and an article not in English (unless ``any_language``), goes
    to ``on_skip`` once and the rest goes on; without ``on_skip`` the first one raises.
    Feeds are read first so that a page saved beside a feed is read once, joined to its item.
    """
    from eventwire.ingest.language import not_english_reason
    from eventwire.ingest.sniff import file_kind

    def skip(where: str, err: InputError) -> None:
        if on_skip is None:
            raise err
        on_skip(where, err)

    files = [(path, file_kind(path) if path.is_file() else "text")
             for path in expand_paths(paths, glob)]
    files.sort(key=lambda item: item[1] != "feed")  # stable: the order within kinds stays
    joined: set[Path] = set()
    for path, kind in files:
        if path in joined:
            continue
        try:
            for article in _read_kind(path, kind, encoding=encoding, published=published,
                                      fields=fields, on_skip=skip, joined=joined):
                reason = None if any_language else not_english_reason(article.text)
                if reason:
                    label = f" ({article.title[:60]})" if article.title and kind in (
                        "feed", "jsonl") else ""
                    skip(f"{path}{label}", NotEnglish(reason))
                    continue
                yield article
        except InputError as err:
            skip(str(path), err)


class NotEnglish(InputError):
    """An article in another language: skipped, and counted apart in summaries."""


def _read_kind(path: Path, kind: str, *, encoding: str, published: Optional[date],
               fields: Optional[Mapping[str, str]], on_skip: SkipHandler,
               joined: set[Path]) -> Iterator[Article]:
    """The articles of one file of a known kind."""
    if kind == "binary":
        raise InputError(f"cannot read '{path}': it is a binary file, not text")
    if kind == "html":
        from eventwire.ingest.html import read_html_file

        yield read_html_file(path, published=published)
    elif kind == "feed":
        from eventwire.ingest.feeds import read_feed

        yield from read_feed(path, on_skip=on_skip, joined=joined)
    elif kind == "jsonl":
        from eventwire.ingest.jsonl import read_jsonl

        yield from read_jsonl(path, fields=fields, on_skip=on_skip)
    else:
        from eventwire.ingest.text import read_text_file

        yield read_text_file(path, encoding=encoding, published=published)


def estimate_articles(paths: Iterable[str | Path], glob: str = "**/*") -> Optional[int]:
    """About how many articles the inputs hold (for a progress bar's ETA); None if unknown.

    One per page or text file, one per line of JSON Lines, one per item of a feed.
    """
    import re

    from eventwire.ingest.sniff import file_kind, open_bytes

    item = re.compile(rb"<item[\s>]|<entry[\s>]")
    total = 0
    try:
        for path in expand_paths(paths, glob):
            kind = file_kind(path)
            if kind in ("jsonl", "feed"):
                with open_bytes(path) as handle:
                    while chunk := handle.read(1 << 20):
                        total += chunk.count(b"\n") if kind == "jsonl" else len(item.findall(chunk))
            elif kind != "binary":
                total += 1
    except OSError:
        return None
    return total or None
