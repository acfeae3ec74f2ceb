"""The progress bar of a batch: articles done, articles/s and, when the total is known, ETA."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn,
                           SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text


class ArticleRateColumn(ProgressColumn):
    """Articles per second, over the whole run so far."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "", style="progress.data.speed")


@contextmanager
def article_progress(console: Console, paths: Iterable[Path], glob: str = "**/*",
                     description: str = "extracting") -> Iterator[Callable[[int], None]]:
    """A progress bar on ``console`` (only on a terminal); yields ``advance(n)``."""
    if not console.is_terminal:
        yield lambda n: None
        return
    from eventwire.ingest import estimate_articles

    total = estimate_articles(paths, glob)
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               MofNCompleteColumn(), ArticleRateColumn(), TimeElapsedColumn()]
    if total:
        columns += [TextColumn("ETA"), TimeRemainingColumn()]
    with Progress(*columns, console=console, transient=False,
                  speed_estimate_period=60) as progress:
        task = progress.add_task(description, total=total)
        yield lambda n: progress.advance(task, n)
