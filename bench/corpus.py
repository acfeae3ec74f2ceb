"""The benchmark corpus, shared by the scripts in bench/ (run as `python bench/NAME.py`)."""

from __future__ import annotations

import time
from itertools import islice

from eventwire.evaluate import data_dir
from eventwire.ingest.jsonl import read_jsonl
from eventwire.model import Article

CORPUS = ("corpora", "bench_articles.jsonl.gz")


def bench_articles(count: int) -> list[Article]:
    """The first ``count`` articles of the corpus that have text, streamed from the file."""
    articles = read_jsonl(data_dir().joinpath(*CORPUS))
    return list(islice((a for a in articles if a.text.strip()), count))


def spacy_pass(nlp, articles: list[Article], batch_size: int = 16) -> tuple[list, float, float]:
    """The parsed docs of ``articles`` (as the pipeline parses them: an upper-case article
    truecased), with the pass's wall and CPU seconds."""
    from eventwire.nlp import parse_texts

    started, cpu = time.perf_counter(), time.process_time()
    docs = [doc for doc, _ in parse_texts(nlp, ((a.text, None) for a in articles),
                                          batch_size=batch_size)]
    return docs, time.perf_counter() - started, time.process_time() - cpu
