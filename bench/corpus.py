"""The benchmark corpus, shared by the scripts in bench/ (run as `python bench/NAME.py`)."""

from __future__ import annotations

from itertools import islice

from eventwire.evaluate import data_dir
from eventwire.ingest.jsonl import read_jsonl
from eventwire.model import Article

CORPUS = ("corpora", "bench_articles.jsonl.gz")


def bench_articles(count: int) -> list[Article]:
    """The first ``count`` articles of the corpus that have text, streamed from the file."""
    articles = read_jsonl(data_dir().joinpath(*CORPUS))
    return list(islice((a for a in articles if a.text.strip()), count))
