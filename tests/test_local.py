"""Worker processes on one machine: same results as in-process, in order, errors reported."""

from __future__ import annotations

from itertools import islice

import pytest

from eventwire.ingest.jsonl import read_jsonl
from eventwire.model import Article
from eventwire.scale.local import RunStats, extract_parallel


@pytest.fixture(scope="module")
def articles(data):
    return list(islice(read_jsonl(data / "corpora" / "bench_articles.jsonl.gz"), 6))


def test_two_workers_give_the_in_process_results_in_input_order(articles, pipeline):
    too_long = Article.from_text("Shelling hit Idlib. " * 60_000, id="too-long")
    marker = ("already stored", "a1")  # not an Article: passes through in its place
    inputs = articles[:3] + [marker, too_long] + articles[3:]
    failed, stats = [], RunStats()
    results = list(extract_parallel(inputs, workers=2, batch_size=2, stats=stats,
                                    recycle_after=4, on_error=lambda article, err: failed.append(
                                        (article.id, str(err)))))
    assert results[3] == marker
    results.remove(marker)
    assert [e.article.id for e in results] == [a.id for a in articles]
    assert failed == [("too-long", failed[0][1])] and "limit" in failed[0][1]
    # 4 batches to extract, 2 per worker: both retire and fresh workers take their place
    assert len(stats.worker_peak_rss) >= 3 and max(stats.worker_peak_rss.values()) > 100e6
    assert stats.articles == 6 and stats.failed == 1
    # sent back as JSON from workers forked from the preloaded fork server: nothing changes
    assert results == [pipeline.extract(extraction.article) for extraction in results]


def test_a_single_batch_runs_in_process(articles):
    stats = RunStats()
    assert len(list(extract_parallel(articles[:2], workers=4, batch_size=8, stats=stats))) == 2
    assert len(stats.worker_peak_rss) == 1


def test_the_store_ingests_through_the_worker_path_once(tmp_path, data):
    import gzip

    from eventwire.store import Store
    from eventwire.store.batch import run_ingest

    corpus = tmp_path / "three.jsonl"
    with gzip.open(data / "corpora" / "bench_articles.jsonl.gz", "rt") as handle:
        corpus.write_text("".join(next(handle) for _ in range(3)))
    with Store(tmp_path / "ew.db") as store:
        first = run_ingest(store, [corpus], workers=2)
        again = run_ingest(store, [corpus], workers=2)
    assert (first.stored, first.unchanged) == (3, 0)
    assert (again.stored, again.unchanged) == (0, 3)


def test_the_fork_server_is_ready_before_a_run(articles):
    from eventwire.scale.local import start_fork_server

    assert start_fork_server()  # Linux has a fork server: workers fork from its loaded pipeline
    stats = RunStats()
    assert len(list(extract_parallel(articles[:4], workers=2, batch_size=2, stats=stats))) == 4
    assert len(stats.worker_peak_rss) == 2
