"""``eventwire ingest``: read, extract and store a batch, with progress and a summary.

Files holding extractions (JSONL written by ``eventwire extract -f jsonl``) are stored as
they are; everything else goes through ``eventwire.ingest.read_articles`` and the pipeline.
Each article is one transaction (``Store.add``), so a batch that dies half-way keeps what
it stored and a rerun picks up where it stopped: stored articles are recognised by their
sha256 before extraction and reported as unchanged.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from pydantic import ValidationError
from rich.console import Console

from eventwire.errors import InputError
from eventwire.model import Article, Extraction
from eventwire.store.store import AddResult, Store

EXTRACTION_SUFFIXES = (".jsonl", ".ndjson")


@dataclass
class IngestSummary:
    stored: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    events: set[str] = field(default_factory=set)
    duplicates: int = 0
    seconds: float = 0.0

    @property
    def processed(self) -> int:
        return self.stored + self.unchanged

    def count(self, result: AddResult) -> None:
        if result.status == "stored":
            self.stored += 1
            self.events.update(result.events)
            self.duplicates += result.duplicate_of is not None
        else:
            self.unchanged += 1

    def describe(self) -> str:
        rate = self.processed / self.seconds if self.seconds else 0.0
        parts = [f"stored {self.stored} articles", f"{self.unchanged} already stored (no-op)",
                 f"{len(self.skipped)} skipped"]
        if self.duplicates:
            parts.append(f"{self.duplicates} near-duplicates linked")
        return (f"eventwire: {', '.join(parts)}; {len(self.events)} events touched; "
                f"{self.seconds:.1f} s ({rate:.1f} articles/s)")


def is_extraction_file(path: Path) -> bool:
    """Whether a file holds Extractions, one JSON object per line (not articles)."""
    if path.suffix.lower() not in EXTRACTION_SUFFIXES or not path.is_file():
        return False
    with open(path, encoding="utf-8", errors="replace") as stream:
        for line in stream:
            if line.strip():
                try:
                    record = json.loads(line)
                except ValueError:
                    return False
                return isinstance(record, dict) and "article" in record and "events" in record
    return False


def read_extractions(path: Path, on_skip: Callable[[str, Exception], None]
                     ) -> Iterator[Extraction]:
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                yield Extraction.model_validate_json(line)
            except (ValidationError, ValueError) as err:
                on_skip(f"{path}:{number}", InputError(f"not an extraction: {_short(err)}"))


def _short(err: Exception) -> str:
    return str(err).strip().splitlines()[0][:200]


def run_ingest(store: Store, paths: Iterable[Path], *, encoding: str = "utf-8",
               published: Optional[date] = None, console: Optional[Console] = None,
               on_result: Optional[Callable[[AddResult], None]] = None,
               workers: int = 1, glob: str = "**/*", fields: Optional[dict] = None,
               any_language: bool = False) -> IngestSummary:
    """Ingest files and folders into the store; every failure is reported and skipped.

    With ``workers`` > 1 the extraction runs in that many processes
    (``eventwire.scale.local``) and this process stays the one writer.
    """
    from eventwire.ingest import expand_paths, read_articles
    from eventwire.scale.local import extract_parallel
    from eventwire.scale.progress import article_progress

    console = console or Console(stderr=True)
    summary = IngestSummary()
    started = time.perf_counter()

    def skip(where: str, reason: Exception) -> None:
        summary.skipped.append(f"{where}: {reason}")
        console.print(f"eventwire: skipped {where}: {_short(reason)}", markup=False,
                      highlight=False, soft_wrap=True)

    paths = list(paths)
    files = list(expand_paths(paths, glob))
    extraction_files = [path for path in files if is_extraction_file(path)]
    article_files = [path for path in files if path not in set(extraction_files)]

    def items() -> Iterator[Article | Extraction]:
        for path in extraction_files:
            yield from read_extractions(path, skip)
        if article_files:
            yield from read_articles(article_files, encoding=encoding, published=published,
                                     on_skip=skip, fields=fields, any_language=any_language)

    def stored_in_workers(stream: Iterable[Article | Extraction]) -> Iterator[AddResult]:
        """Articles not yet stored are extracted by worker processes; this process stores
        them, in input order, one transaction each."""
        def marked() -> Iterator[Article | Extraction | AddResult]:
            for item in stream:
                if isinstance(item, Article) and store.has(item.sha256):
                    yield AddResult(article_id=item.id, status="unchanged")
                else:
                    yield item

        on_error = lambda where, err: skip(f"article {where}", err)  # noqa: E731
        for item in extract_parallel(marked(), workers=workers,
                                     on_error=lambda a, e: skip(f"article {a.id}", e)):
            if isinstance(item, AddResult):
                yield item
            else:
                yield from store.add_many([item], on_error)

    with article_progress(console, paths, glob, description="ingesting") as advance:
        results = (store.ingest(items(), on_error=lambda where, err: skip(
            f"article {where}", err)) if workers == 1 else stored_in_workers(items()))
        try:
            for result in results:
                summary.count(result)
                if on_result is not None:
                    on_result(result)
                advance(1)
        except KeyboardInterrupt:  # say what is stored: a rerun goes on from there
            summary.seconds = time.perf_counter() - started
            console.print(summary.describe() + " (interrupted: rerun to go on)",
                          highlight=False, soft_wrap=True)
            raise
    summary.seconds = time.perf_counter() - started
    return summary
