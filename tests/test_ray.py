"""The pipeline on a local Ray (2 CPUs): shards written by actors, loaded into the store."""

from __future__ import annotations

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
