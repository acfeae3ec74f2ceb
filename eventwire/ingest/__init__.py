"""Ingest: files and streams in, Article objects out."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

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
                  on_skip: Optional[SkipHandler] = None) -> Iterator[Article]:
    """Articles from files and folders; a file that cannot be read goes to ``on_skip``.

    Without ``on_skip`` the first unreadable file raises InputError.
    """
    from eventwire.ingest.text import read_text_file

    for path in expand_paths(paths, glob):
        try:
            yield read_text_file(path, encoding=encoding, published=published)
        except InputError as err:
            if on_skip is None:
                raise
            on_skip(str(path), err)
