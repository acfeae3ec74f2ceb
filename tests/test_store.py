"""The store on both engines: add once, read back exactly, query by every filter, survive
crashes, concurrent readers and hostile text."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date

import pytest
from sqlalchemy import func, select

from eventwire.model import Extraction
from eventwire.store import Store
from store_fixtures import (REPO, build, eastern_ghouta_reports, fakes_extraction,
                            khan_sheikhoun_reports, seed_extraction, voa_article)


def test_add_stores_once_and_reads_back_exactly(store):
    seed = seed_extraction()
    first = store.add(seed)
    assert first.status == "stored" and first.article_id == "seed"
    assert len(first.events) == 2
    again = store.add(seed)
    assert again.status == "unchanged" and again.article_id == "seed"
    assert store.extraction("seed") == seed
    assert store.article("seed").text == seed.article.text
    assert store.has(seed.article.sha256)
    assert store.stats()["articles"] == 1 and store.stats()["article_events"] == 2


def test_the_same_text_with_other_whitespace_is_the_same_article(store):
    seed = seed_extraction()
    store.add(seed)
    spaced = Extraction(article=seed.article.model_copy(
        update={"text": seed.article.text.replace("\n", "\r\n") + "\n\n", "id": "again"}))
    assert store.add(spaced).status == "unchanged"


def test_another_text_under_a_taken_id_gets_its_own_id(store):
    text, published, _ = voa_article(0)
    store.add(build(text, published=published, article_id="story"))
    other_text, _, _ = voa_article(1)
    result = store.add(build(other_text, published=published, article_id="story"))
    assert result.status == "stored" and result.article_id.startswith("story~")
    assert store.article(result.article_id).text == other_text
    assert store.article("story").text == text


def test_a_figure_without_a_json_form_is_stored_and_looked_up_all_the_same(store):
    # PostgreSQL sends an article's rows as JSON in one statement, with its look-up; an
    # infinite figure has no JSON form, so that article takes the table-by-table path.
    from eventwire.store.schema import quantities

    text, published, _ = voa_article(0)
    words = text.split()[0]
    extraction = build(text, published=published, article_id="figures",
                       quantities=((words, dict(value=float("inf"))),))
    assert store.add(extraction).status == "stored"
    assert store.add(extraction).status == "unchanged"
    other_text, _, _ = voa_article(1)
    clash = store.add(build(other_text, published=published, article_id="figures",
                            quantities=((other_text.split()[0], dict(value=float("inf"))),)))
    assert clash.status == "stored" and clash.article_id.startswith("figures~")
    with store.engine.connect() as conn:
        assert conn.execute(select(quantities.c.value)).scalars().all() == [float("inf")] * 2
    assert store.stats()["articles"] == 2


def test_missing_things_are_none(store):
    assert store.article("nope") is None
    assert store.extraction("nope") is None
    assert store.event("evnothing") is None
    assert store.events() == []


HOSTILE = ("'; DROP TABLE articles; -- \" OR 1=1 /* */ %s %% \\x00 \x00 NUL\x00bytes\n"
           "emoji 💥🕊️🇸🇾 and RTL \u202bحلب\u202c \u200fשלום\u200e zero\u200bwidth\n"
           + "x" * 1_000_000 + "\nend \U0001F600\r\n\ttabs\x1b[31m ansi")


def test_hostile_text_comes_back_byte_for_byte(store):
    words = "DROP TABLE articles"
    extraction = build(HOSTILE, published=date(2024, 1, 1), source="Al-\x00Source 💥",
                       title="'; DELETE FROM events; --", article_id="x'; --",
                       actors=((words, dict(name="Bobby\x00Tables 💥", kind="person")),),
                       events=({"type": "ASSAULT", "trigger": "DROP", "source": [words],
                                "date": "2024-01-01"},))
    result = store.add(extraction)
    assert result.status == "stored"
    back = store.extraction(result.article_id)
    assert back == extraction
    assert back.article.text.encode("utf-8") == extraction.article.text.encode("utf-8")
    assert back.article.title == "'; DELETE FROM events; --"
    assert store.add(extraction).status == "unchanged"
    assert store.stats()["articles"] == 1  # nothing was dropped or deleted
    assert store.events(actor="bobby")[0].reports[0].trigger.text == "DROP"
    assert store.count_events(actor="Bobby\x00Tables", outlet="'; DROP TABLE events; --") == 0


@pytest.fixture
def filled(store):
    """The seed and two VOA stories with known events."""
    store.add(seed_extraction())
    text, published, story_id = voa_article(0)  # Iraq: IS deputy caliph killed in Anbar
    store.add(build(
        text, published=published, source="VOA", article_id=story_id,
        actors=(("Iraqi Prime Minister Mohammed Shia al-Sudani",
                 dict(name="Mohammed Shia al-Sudani", code="IRQGOV", kind="person")),
                ("Iraqi special forces", dict(name="Iraqi special forces", code="IRQMIL",
                                              kind="organisation")),
                ("Abdallah Makki Muslih al-Rufay'i",
                 dict(name="Abdallah Makki Muslih al-Rufay'i", code="IMGREB", kind="person"))),
        places=(("Anbar", dict(name="Anbar", geonameid="99592", country="IQ", admin1="Anbar",
                               lat=32.8, lon=42.5, feature="admin1", role="event")),),
        events=({"type": "ASSAULT", "trigger": "killed", "nth": 1,
                 "source": ["Iraqi special forces"],
                 "target": ["Abdallah Makki Muslih al-Rufay'i"], "place": "Anbar",
                 "date": "2025-03-13", "status": "claimed",
                 "claimed_by": "Iraqi Prime Minister Mohammed Shia al-Sudani"},)))
    return store


FILTER_CASES = [
    ({}, 3),
    ({"type": "ASSAULT"}, 2),
    ({"type": "retreat"}, 1),
    ({"actor": "SYRGOV"}, 2),
    ({"actor": "special forces"}, 1),
    ({"place": "Aleppo"}, 2),
    ({"geonameid": "170063"}, 2),
    ({"near": (36.2, 37.15), "km": 10}, 2),
    ({"near": (33.3, 44.4), "km": 10}, 0),  # Baghdad: nothing within 10 km
    ({"since": "2016-12-08", "until": "2016-12-08"}, 2),
    ({"since": "2025-01-01"}, 1),
    ({"status": "claimed"}, 2),
    ({"outlet": "voa"}, 1),
    ({"claimant": "lavrov"}, 1),
    ({"claimant": "IRQGOV"}, 1),
    ({"type": "ASSAULT", "place": "Aleppo", "actor": "SYRCVL"}, 1),
]


def test_each_filter(filled):
    for filters, expected in FILTER_CASES:
        assert filled.count_events(**filters) == expected, filters
        assert len(filled.events(**filters)) == expected, filters


def test_events_carry_reports_figures_and_evidence(filled):
    [assault] = filled.events(type="ASSAULT", place="Aleppo")
    assert assault.date.start == date(2016, 12, 8)
    assert {a.code for a in assault.source} == {"SYRGOV"}
    assert assault.fatalities_low == 384
    [report] = assault.reports
    assert report.outlet == "The New Arab"
    assert "384 civilians" in report.sentence_text
    assert filled.article(report.article_id).text[slice(*report.trigger.span)] == "killed"
    assert assault.figures_text() == "Syrian Observatory for Human Rights: at least 384 killed"
    assert filled.events(limit=1)[0].date.start == date(2025, 3, 13)  # newest first


def test_iter_events_streams_every_match(filled):
    assert len(list(filled.iter_events())) == 3
    assert [e.type for e in filled.iter_events(outlet="VOA")] == ["ASSAULT"]


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrations_build_exactly_the_schema(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from eventwire.store.schema import metadata

    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_where_the_store_lives(tmp_path, monkeypatch):
    from eventwire.store import database_url

    assert database_url("postgresql://me@db.example/events") == \
        "postgresql+psycopg://me@db.example/events"
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTWIRE_DB", raising=False)
    assert database_url(None) == f"sqlite:///{tmp_path / 'eventwire.db'}"
    monkeypatch.setenv("EVENTWIRE_DB", "elsewhere.db")
    assert database_url(None) == f"sqlite:///{tmp_path / 'elsewhere.db'}"
    assert database_url("given.db") == f"sqlite:///{tmp_path / 'given.db'}"


def test_reopening_keeps_everything(store_url):
    with Store(store_url) as first:
        first.add(seed_extraction())
    with Store(store_url) as second:
        assert second.extraction("seed") == seed_extraction()


def test_a_connection_the_server_closed_is_replaced(postgres_url, monkeypatch):
    # Connections are pinged only after an idle spell (not a round trip an article); one the
    # server closed meanwhile is dropped and the next article stored on a new one.
    # (PostgreSQL only: an SQLite file has no server to close a connection.)
    import eventwire.store.store as module

    with Store(postgres_url) as store:
        store.add(seed_extraction())
        with store.engine.connect() as conn:
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with Store(store.url) as other, other.engine.connect() as conn:
            conn.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)})")
            conn.commit()
        monkeypatch.setattr(module, "PING_AFTER_IDLE_S", 0.0)
        text, published, story_id = voa_article(0)
        assert store.add(build(text, published=published, article_id=story_id)).status == "stored"
        assert store.stats()["articles"] == 2


def test_commits_skip_the_disk_flush_unless_full_sync_is_asked(store_url, monkeypatch):
    # "normal": a commit survives the writer's crash (the kill test below) without a disk
    # flush an article; "full" ($EVENTWIRE_SYNC or sync=) flushes each commit. PostgreSQL
    # never JIT-compiles the candidate query (0.3-0.6 s of server CPU a dense article).
    from eventwire.errors import InputError

    def settings(store):
        with store.engine.connect() as conn:
            if store.dialect == "sqlite":
                return conn.exec_driver_sql("PRAGMA synchronous").scalar()
            return (conn.exec_driver_sql("SHOW synchronous_commit").scalar(),
                    conn.exec_driver_sql("SHOW jit").scalar())

    with Store(store_url) as store:
        store.add(seed_extraction())
        assert settings(store) == (1 if store.dialect == "sqlite" else ("off", "off"))
    monkeypatch.setenv("EVENTWIRE_SYNC", "full")
    with Store(store_url) as store:
        assert store.sync == "full"
        assert settings(store) == (2 if store.dialect == "sqlite" else ("on", "off"))
        assert store.extraction("seed") == seed_extraction()
    with pytest.raises(InputError, match="unknown sync mode 'always'"):
        Store(store_url, sync="always")


def test_a_store_that_cannot_be_opened_is_one_line(tmp_path):
    from eventwire.errors import InputError

    with pytest.raises(InputError, match="cannot open the store"):
        Store(str(tmp_path / "no" / "such" / "dir" / "x.db"))
    with pytest.raises(InputError, match="not a database URL"):
        Store("mongodb://localhost/events")
    with pytest.raises(InputError, match="cannot open the store"):
        Store("postgresql://nobody@127.0.0.1:9/nothing")  # no server listens there


# ---- reliability: crashes, concurrent readers

def replicas(count: int) -> list[Extraction]:
    """Distinct articles (their own text, so their own sha256) with the seed's events."""
    seed = seed_extraction()
    found = []
    for n in range(count):
        text = seed.article.text + f"\nUpdated {n} times."
        article = seed.article.model_copy(update={"text": text, "id": f"r{n}",
                                                  "sha256": f"{n}"})
        found.append(seed.model_copy(update={"article": article}))
    return found


def write_jsonl(path, extractions) -> None:
    with open(path, "w", encoding="utf-8") as stream:
        for extraction in extractions:
            stream.write(extraction.model_dump_json() + "\n")


def ingest_process(path, store_url) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "eventwire", "ingest", str(path),
                             "--db", store_url], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def check_consistent(store: Store) -> None:
    """Every stored article is whole: its extraction, items and reports, each fused once."""
    from eventwire.store.schema import (article_events, articles, event_reports, events,
                                        extractions, minhash_bands)

    with store.engine.connect() as conn:
        def count(table, *where):
            return conn.execute(select(func.count()).select_from(table).where(*where)).scalar()

        stored = count(articles)
        assert count(extractions) == stored
        assert count(minhash_bands) == 16 * stored
        reports = count(article_events)
        assert count(event_reports) == reports
        assert conn.execute(select(func.sum(events.c.reports))).scalar() in (reports, None)
        for extraction in store.iter_extractions():
            assert count(article_events, article_events.c.article_id
                         == extraction.article.id) == len(extraction.events)


def test_a_killed_ingest_loses_nothing_and_a_rerun_completes(store_url, tmp_path):
    batch = replicas(40)
    path = tmp_path / "batch.jsonl"
    write_jsonl(path, batch)
    process = ingest_process(path, store_url)
    with Store(store_url) as store:
        deadline = time.monotonic() + 120
        while store.stats()["articles"] < 10 and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        stored = store.stats()["articles"]
        assert 10 <= stored < len(batch), "the ingest was not killed mid-batch"
        check_consistent(store)
        from eventwire.store.batch import run_ingest

        rerun = run_ingest(store, [path])  # what `eventwire ingest` runs, in this process
        assert (rerun.stored, rerun.unchanged, rerun.skipped) == (len(batch) - stored, stored, [])
        check_consistent(store)
        assert store.stats()["articles"] == len(batch)
        assert sorted(e.article.id for e in store.iter_extractions()) == sorted(
            e.article.id for e in batch)
        [assault] = store.events(type="ASSAULT")
        assert len(assault.reports) == len(batch)  # one event, every report once


def test_readers_see_no_errors_and_no_lost_writes_while_one_writer_ingests(store_url, tmp_path):
    batch = replicas(25)
    path = tmp_path / "batch.jsonl"
    write_jsonl(path, batch)
    errors: list[BaseException] = []
    seen: list[list[int]] = [[] for _ in range(3)]
    done = threading.Event()

    def read(counts: list[int]) -> None:
        with Store(store_url) as reader:
            while not done.is_set():
                try:
                    found = reader.events(type="ASSAULT", place="Aleppo")
                    count = reader.stats()["articles"]
                    if found:
                        assert found[0].reports
                    counts.append(count)
                    time.sleep(0.01)  # an API's pace, not a busy loop starving the writer
                except BaseException as error:  # every reader error fails the test
                    errors.append(error)
                    return

    with Store(store_url):  # migrated before readers and writer start
        pass
    readers = [threading.Thread(target=read, args=(counts,)) for counts in seen]
    for thread in readers:
        thread.start()
    writer = ingest_process(path, store_url)
    output, stderr = writer.communicate(timeout=300)
    done.set()
    for thread in readers:
        thread.join()
    assert writer.returncode == 0, stderr
    assert not errors, errors
    for counts in seen:  # each reader read again and again, and saw the store only grow
        assert len(counts) > 3 and counts == sorted(counts)
    with Store(store_url) as store:
        assert store.stats()["articles"] == len(batch)
        check_consistent(store)


def test_facets_count_events_per_actor_and_place(filled):
    actors = filled.actors()
    assert {"name": "Syrian government", "code": "SYRGOV", "events": 2} in actors
    assert filled.actors("special") == [{"name": "Iraqi special forces", "code": "IRQMIL",
                                         "events": 1}]
    [aleppo] = filled.places("alep")
    assert (aleppo["geonameid"], aleppo["events"], aleppo["country"]) == ("170063", 2, "SY")
    assert [a["id"] for a in filled.articles()] == ["8011115", "seed"]
    assert filled.count_events(place="170063") == 2  # a GeoNames id works as a place
    oldest = filled.events(order="oldest")
    assert oldest[0].date.start == date(2016, 12, 8)


def test_the_pipelines_own_extraction_round_trips(store, seed):
    result = store.add(seed)
    assert store.extraction(result.article_id) == seed
    # One article: no two of its events are fused, so every event is its own.
    assert store.count_events() == len(seed.events) > 0
    for kind in {event.type for event in seed.events}:
        assert store.count_events(type=kind) == sum(e.type == kind for e in seed.events)


def test_a_store_of_the_first_schema_upgrades_and_its_names_are_searchable(store_url):
    from alembic import command

    from eventwire.store.migrations import alembic_config, current_revision, head_revision

    old = Store(store_url, migrate=False)
    with old._write() as conn:
        command.upgrade(alembic_config(conn), "0001")  # the schema before search_names
    old.add(seed_extraction())
    old.close()
    with Store(store_url) as store:  # opening migrates
        with store.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        assert store.stats()["search_names"] > 0  # the names stored before, indexed
        assert store.count_events(actor="government") == store.count_events(actor="SYRGOV") == 2
        assert store.count_events(claimant="lavrov") == 1
        text, published, story_id = voa_article(0)
        store.add(build(text, published=published, source="VOA", article_id=story_id,
                        actors=(("Iraqi special forces", dict(name="Iraqi special forces",
                                                              code="IRQMIL", kind="group")),),
                        events=({"type": "ASSAULT", "trigger": "killed", "nth": 1,
                                 "source": ["Iraqi special forces"],
                                 "date": "2025-03-13"},)))
        assert store.count_events(actor="special forces") == 1  # new names too (triggers)


def test_a_store_of_the_seventh_schema_keeps_every_report_and_link_and_splits_after(store_url):
    # Migration 0008 drops the report tables' foreign keys (on SQLite it rebuilds the
    # tables): no report, actor or link may be lost on the way, and the deletes that
    # splitting and fusing make, which the cascades no longer cover, must still be whole.
    from alembic import command

    from eventwire.store.migrations import alembic_config

    old = Store(store_url, migrate=False)
    with old._write() as conn:
        command.upgrade(alembic_config(conn), "0007")
    for extraction in khan_sheikhoun_reports() + eastern_ghouta_reports():
        old.add(extraction)
    counts, before = old.stats(), old.events()
    old.close()
    assert counts["events"] == 2 and counts["event_reports"] == 5
    with Store(store_url) as store:  # opening migrates
        assert store.stats() == counts
        assert store.events() == before
        [attack] = store.events(place="Khan Sheikhoun")
        assert len(store.split(attack.id)) == 3
        assert store.fuse() == {"reports": 5, "events": 4}
        after = store.stats()
        assert (after["events"], after["event_reports"]) == (4, 5)
        assert after["article_event_actors"] == counts["article_event_actors"]


def test_a_name_with_a_non_ascii_capital_is_found_as_written(store):
    # GeoNames calls Hasakah "Al Ḩasakah"; SQLite's lower() folds only A-Z, so a filter that
    # lower-cased the query in full ("al ḩasakah") never met the stored name on SQLite.
    reporter = "Syrian Observatory for Human Rights"
    store.add(fakes_extraction(
        "fakes-1924058103", "Reuters",
        actors=((reporter, dict(name=reporter, code="SYRNGO", kind="organisation")),),
        places=(("Hasakah", dict(name="Al Ḩasakah", geonameid="173811", country="SY",
                                 lat=36.50237, lon=40.74772, feature="city", role="event")),),
        events=({"type": "ASSAULT", "trigger": "suicide bombing", "source": [reporter],
                 "place": "Hasakah", "date": "2016-10-03"},)))
    assert store.count_events(place="Al Ḩasakah") == 1
    assert store.count_events(place="AL Ḩasakah") == 1  # other A-Z case, the same name
    assert store.count_events(place="173811") == 1
    assert [p["name"] for p in store.places("Ḩasakah")] == ["Al Ḩasakah"]
    assert store.count_events(actor="syrian observatory") == 1
    assert store.count_events(place="Aleppo") == 0
