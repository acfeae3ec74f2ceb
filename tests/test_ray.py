"""The pipeline on a local Ray (2 CPUs): results stored by the driver, or shards written by
actors and loaded into the store; on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
from itertools import islice

import pytest

pytestmark = [pytest.mark.ray, pytest.mark.slow]
ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_actors_write_shards_that_load_into_the_store_once(local_ray, data, tmp_path):
    from eventwire.ingest.jsonl import read_jsonl
    from eventwire.model import Article
    from eventwire.scale.ray import extract_on_ray, load_shards, read_shards
    from eventwire.store import Store

    articles = list(islice(read_jsonl(data / "corpora" / "bench_articles.jsonl.gz"), 4))
    empty = Article.from_text(" ", id="blank")
    failed = []
    stats = extract_on_ray(articles + [empty], tmp_path / "shards", workers=2, batch_size=2,
                           on_error=lambda article_id, message: failed.append(article_id))
    assert stats.articles == 4 and failed == ["blank"]
    assert 2 <= stats.shards <= 3 and len(list((tmp_path / "shards").glob("*.parquet"))) == stats.shards
    assert sorted(e.article.id for e in read_shards(tmp_path / "shards")) == sorted(
        a.id for a in articles)
    assert all(rss > 100e6 for rss in stats.worker_peak_rss.values())
    with Store(tmp_path / "ew.db") as store:
        first = load_shards(store, tmp_path / "shards")
        again = load_shards(store, tmp_path / "shards")
    assert (first.stored, again.stored, again.unchanged) == (4, 0, 4)


def bench_jsonl(data, tmp_path, count: int, bad_line: bool = True):
    """The first ``count`` bench articles as a JSONL file, with a line that is not JSON."""
    import gzip

    with gzip.open(data / "corpora" / "bench_articles.jsonl.gz", "rt") as corpus:
        lines = list(islice(corpus, count))
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(lines) + ("{not json\n" if bad_line else ""))
    return path


def test_the_driver_stores_what_the_actors_return_once_on_each_engine(local_ray, data,
                                                                       tmp_path, store):
    from rich.console import Console

    from eventwire.scale.ray import ingest_on_ray

    path = bench_jsonl(data, tmp_path, 4)
    console = Console(stderr=True, force_terminal=False)
    first = ingest_on_ray(store, [path], workers=1, console=console)
    assert (first.stored, first.unchanged) == (4, 0)
    assert len(first.skipped) == 1 and "line 5: not JSON" in first.skipped[0]
    assert store.stats()["articles"] == 4 and store.stats()["extractions"] == 4
    again = ingest_on_ray(store, [path], workers=1, console=console)  # no Ray work at all
    assert (again.stored, again.unchanged, len(again.skipped)) == (0, 4, 1)


@pytest.fixture
def postgres_store(postgres_url):
    """An empty PostgreSQL store (SQLite's shards test is the first one above)."""
    from eventwire.store import Store

    with Store(postgres_url) as store:
        yield store


@pytest.mark.skipif(not os.environ.get("EVENTWIRE_TEST_POSTGRES"),
                    reason="PostgreSQL: set EVENTWIRE_TEST_POSTGRES (see .ci/services.sh)")
def test_shards_written_on_ray_are_imported_into_postgresql(local_ray, data, tmp_path,
                                                            postgres_store):
    from rich.console import Console

    from eventwire.scale.ray import ingest_on_ray, load_shards

    store = postgres_store

    path = bench_jsonl(data, tmp_path, 3, bad_line=False)
    summary = ingest_on_ray(store, [path], tmp_path / "shards", workers=1,
                            console=Console(stderr=True, force_terminal=False))
    assert (summary.stored, summary.unchanged, summary.skipped) == (3, 0, [])
    assert summary.events  # the fused events of what was imported
    reloaded = load_shards(store, tmp_path / "shards")
    assert (reloaded.stored, reloaded.unchanged) == (0, 3)


def test_failed_articles_come_back_to_the_driver_as_errors(local_ray, data):
    from eventwire.ingest.jsonl import read_jsonl
    from eventwire.model import Article
    from eventwire.scale.ray import RayStats, extractions_from_ray

    articles = list(islice(read_jsonl(data / "corpora" / "bench_articles.jsonl.gz"), 1))
    failed, stats = [], RayStats()
    extractions = list(extractions_from_ray(
        articles + [Article.from_text(" ", id="blank")], workers=1, batch_size=2,
        on_error=lambda article_id, message: failed.append(article_id), stats=stats))
    assert sorted(e.article.id for e in extractions) == sorted(a.id for a in articles)
    assert failed == ["blank"] and (stats.articles, stats.failed) == (1, 1)
    assert all(e.article.text == a.text for e, a in zip(
        sorted(extractions, key=lambda e: e.article.id), sorted(articles, key=lambda a: a.id)))


def test_actors_extract_what_one_process_extracts_byte_for_byte(local_ray, data, pipeline):
    """Two actors, batches of 3 cut from 7 articles (the last batch shorter): every
    extraction that comes back is the in-process pipeline's, to the byte."""
    from eventwire.ingest.jsonl import read_jsonl
    from eventwire.scale.ray import RayStats, extractions_from_ray

    articles = list(islice(read_jsonl(data / "corpora" / "bench_articles.jsonl.gz"), 7))
    stats = RayStats()
    on_ray = {e.article.id: e.model_dump_json()
              for e in extractions_from_ray(articles, workers=2, batch_size=3, stats=stats)}
    in_process = {e.article.id: e.model_dump_json()
                  for e in pipeline.extract_many(articles, batch_size=3)}
    assert stats.articles == 7 and on_ray == in_process


def test_a_pool_started_before_the_work_serves_two_runs_and_recycles_its_actor(local_ray,
                                                                                data):
    """The pool loads the model before any article (as a service keeps it warm), serves one
    run after another, and replaces an actor once it has extracted ``recycle_after``."""
    from eventwire.ingest.jsonl import read_jsonl
    from eventwire.scale.ray import ActorPool, ExtractToDriver, RayStats, extractions_from_ray

    articles = list(islice(read_jsonl(data / "corpora" / "bench_articles.jsonl.gz"), 5))
    with ActorPool(ExtractToDriver, workers=1, recycle_after=2,
                   in_flight=1).start(wait=True) as pool:
        assert len(pool.actors) == 1
        first, second = RayStats(), RayStats()
        ids = [e.article.id for e in extractions_from_ray(articles[:3], batch_size=2,
                                                          pool=pool, stats=first)]
        assert len(pool.actors) == 1  # still running for the next run
        ids += [e.article.id for e in extractions_from_ray(articles[3:], batch_size=2,
                                                           pool=pool, stats=second)]
        assert pool.actors == []  # the second actor retired too; nothing is left to do
    assert sorted(ids) == sorted(a.id for a in articles)
    assert (first.articles, second.articles) == (3, 2)
    # the first actor retires after 2 articles; its successor takes the third, then the
    # second run's two
    assert len(first.worker_peak_rss) == 2 and len(second.worker_peak_rss) == 1
    assert set(second.worker_peak_rss) < set(first.worker_peak_rss)
