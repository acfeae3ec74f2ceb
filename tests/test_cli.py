"""The command line as a user meets it: real processes, real files, exit codes and stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "eventwire", *args], capture_output=True,
                          text=True, cwd=cwd or REPO, env=env, timeout=300)


def one_line_error(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("eventwire: ") and words in lines[0], lines[0]


def test_extract_json_is_a_valid_extraction(sample):
    from eventwire.model import Extraction

    result = run("extract", str(sample), "--format", "json")
    assert result.returncode == 0, result.stderr
    extraction = Extraction.model_validate(json.loads(result.stdout))
    assert extraction.article.published.isoformat() == "2016-12-09"


def test_extract_table_shows_events_figures_and_quotes(sample):
    result = run("extract", str(sample))
    assert result.returncode == 0, result.stderr
    for heading in ("Events", "Figures", "Quotes"):
        assert heading in result.stdout


def test_published_overrides_the_dateline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Shelling in Idlib\nGovernment forces shelled Idlib on Monday.")
    result = run("extract", str(path), "--published", "2019-05-08", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["article"]["published"] == "2019-05-08"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    one_line_error(run("extract", str(path)), "the file is empty")


def test_binary_file(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    one_line_error(run("extract", str(path)), "binary")


def test_non_utf8_file_and_the_encoding_override(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_bytes("Alep\nLes forces syriennes ont été repoussées à Alep.".encode("latin-1"))
    one_line_error(run("extract", str(path)), "--encoding latin-1")
    result = run("extract", str(path), "--encoding", "latin-1", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert "été" in json.loads(result.stdout)["article"]["text"]


def test_missing_path(tmp_path):
    one_line_error(run("extract", str(tmp_path / "nowhere.txt")), "no such file")


def test_bad_published_date(sample):
    one_line_error(run("extract", str(sample), "--published", "yesterday"), "YYYY-MM-DD")


def test_folder_of_mixed_files_extracts_what_it_can(tmp_path, sample):
    (tmp_path / "seed.txt").write_text(sample.read_text())
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blob.bin").write_bytes(b"\x00\xff\x00binary")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 1
    assert "skipped" in result.stderr and "empty.txt" in result.stderr
    assert "blob.bin" in result.stderr and "Traceback" not in result.stderr


def test_five_megabyte_text_is_refused_with_a_reason(tmp_path, sample):
    path = tmp_path / "huge.txt"
    body = sample.read_text()
    path.write_text(body * (5_000_000 // len(body) + 1))
    result = run("extract", str(path))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "limit" in result.stderr and "split" in result.stderr


def test_unknown_evaluation():
    one_line_error(run("evaluate", "nonsense"), "unknown evaluation")


def test_demo_shows_the_seed_events(tmp_path):
    # --no-serve: print the dashboard's URL and exit instead of serving it.
    result = run("demo", "--no-serve", "--db", str(tmp_path / "demo.db"))
    assert result.returncode == 0, result.stderr
    assert "Russia says Syrian regime attacks on Aleppo halted" in result.stdout
    assert "RETREAT" in result.stdout
    assert "http://127.0.0.1:8000/" in result.stdout and "eventwire serve" in result.stdout
    assert "eventwire query --place Aleppo" in result.stdout  # the demo stored the sample
    from eventwire.store import Store

    with Store(tmp_path / "demo.db") as store:
        assert [a["title"] for a in store.articles()] == [
            "Russia says Syrian regime attacks on Aleppo halted"]


# ---- the store's commands: ingest, query, export, events, fuse

def test_ingest_stores_once_skips_bad_files_and_reruns_as_a_no_op(tmp_path, sample):
    from eventwire.store import Store

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "seed.txt").write_text(sample.read_text())
    (folder / "empty.txt").write_text("")
    stories = [json.loads(line) for line in
               open(REPO.parent / "shared" / "data" / "corpora" / "voa" / "voa_stories.jsonl")][:2]
    for story in stories:
        (folder / f"voa-{story['id']}.txt").write_text(
            f"---\ntitle: {story['title']}\nsource: VOA\npublished: {story['published'][:10]}\n"
            f"---\n{story['text']}")
    db = str(tmp_path / "store.db")
    first = run("ingest", str(folder), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "stored 3 articles, 0 already stored (no-op), 1 skipped" in first.stdout
    assert "skipped" in first.stderr and "empty.txt" in first.stderr
    again = run("ingest", str(folder), "--db", db)
    assert "stored 0 articles, 3 already stored (no-op), 1 skipped" in again.stdout
    with Store(db) as store:
        outlets = sorted(str(a["source"]) for a in store.articles())
        assert outlets == ["None", "VOA", "VOA"]


@pytest.fixture
def filled_db(tmp_path):
    from eventwire.store import Store
    from store_fixtures import eastern_ghouta_reports, khan_sheikhoun_reports

    db = str(tmp_path / "filled.db")
    with Store(db) as store:
        for extraction in khan_sheikhoun_reports() + eastern_ghouta_reports():
            store.add(extraction)
    return db


def invoke(*args: str):
    """A command in this process (no model load, no interpreter start)."""
    from typer.testing import CliRunner

    from eventwire.cli import app

    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def test_query_filters_and_formats(filled_db):
    result = invoke("query", "--db", filled_db, "--place", "Khan Sheikhoun", "--format", "json")
    assert result.exit_code == 0, result.output
    [event] = json.loads(result.stdout)
    assert event["type"] == "ASSAULT" and len(event["reports"]) == 3
    result = invoke("query", "--db", filled_db, "--near", "33.52,36.38", "--km", "5",
                    "--format", "csv")
    rows = result.stdout.strip().splitlines()
    assert len(rows) == 2 and rows[0].startswith("event_date,event_type,sub_event_type,actor1")
    assert "Eastern Ghouta" in rows[1]
    table = invoke("query", "--db", filled_db, "--actor", "SYRMIL", "--since", "2017-04-01")
    assert "1 events" in table.stdout and "Khan Sheikhoun" in table.stdout


def test_query_refuses_bad_filters_in_one_line(filled_db):
    one_line_error(run("query", "--db", filled_db, "--near", "north"), "LAT,LON")
    result = invoke("query", "--db", filled_db, "--since", "April")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_export_each_format(filled_db, tmp_path):
    for fmt in ("jsonl", "csv", "geojson", "parquet"):
        path = tmp_path / f"out.{fmt}"
        result = invoke("export", "--db", filled_db, "--format", fmt, "--output", str(path))
        assert result.exit_code == 0, result.output
        assert path.stat().st_size > 0
    assert len(open(tmp_path / "out.jsonl").read().splitlines()) == 5
    assert json.loads(open(tmp_path / "out.geojson").read())["features"]
    one_line_error(run("export", "--db", filled_db, "--format", "parquet"), "--output")


def test_split_a_fused_event_and_show_it(filled_db):
    from eventwire.store import Store

    with Store(filled_db) as store:
        [attack] = store.events(place="Khan Sheikhoun")
    shown = invoke("events", "show", attack.id, "--db", filled_db)
    assert "Asharq Al-Awsat" in shown.stdout and "Reports" in shown.stdout
    result = invoke("events", "split", attack.id, "--db", filled_db,
                    "--report", "fakes-1923848144:e1")
    assert result.exit_code == 0, result.output
    assert "into 2 events" in result.stdout
    fused = invoke("fuse", "--db", filled_db)
    assert "fused 5 reports into 3 events" in fused.stdout
    one_line_error(run("events", "split", "evnothing", "--db", filled_db), "no event")


def test_extract_mixes_pages_feeds_and_jsonl_in_a_folder(tmp_path, data):
    import shutil

    page = "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34.html.gz"
    shutil.copy(data / "html" / "scrapinghub_aeb" / "html" / page, tmp_path / "nyt.html.gz")
    shutil.copy(data / "feeds" / "rss_parser_realworld" / "input" / "heise.atom", tmp_path)
    (tmp_path / "wire.jsonl").write_text(json.dumps({"text": "Rebels shelled Aleppo on "
                                                              "Monday, a monitor said."})
                                         + "\n{broken\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    result = run("extract", str(tmp_path), "--format", "jsonl", "--workers", "2")
    assert result.returncode == 0, result.stderr
    titles = [json.loads(line)["article"]["title"] for line in result.stdout.splitlines()]
    assert len(titles) == 2 and titles[0].startswith("Opinion")  # the page, then the JSONL line
    assert result.stderr.count("(de)") == 15 and "wire.jsonl line 2: not JSON" in result.stderr
    assert "photo.jpg" in result.stderr and "extracted 2, skipped 17" in result.stderr


def test_ingest_a_folder_of_pages_then_load_refuses_a_folder_without_shards(tmp_path, data):
    import shutil

    page = "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34.html.gz"
    shutil.copy(data / "html" / "scrapinghub_aeb" / "html" / page, tmp_path / "nyt.html.gz")
    (tmp_path / "notes.txt").write_text("Not a page.")
    db = tmp_path / "ew.db"
    result = run("ingest", str(tmp_path), "--glob", "**/*.html*", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "stored 1 articles" in result.stdout
    one_line_error(run("load", str(tmp_path), "--db", str(db)), "no Parquet shards")


def test_a_bare_ray_flag_means_a_local_ray(tmp_path):
    from eventwire.cli import bare_ray_flag

    assert bare_ray_flag(["ingest", "--ray", str(tmp_path)]) == ["ingest", "--ray=local", str(tmp_path)]
    assert bare_ray_flag(["ingest", "x", "--ray"]) == ["ingest", "x", "--ray=local"]
    assert bare_ray_flag(["ingest", "--ray", "auto", "x"]) == ["ingest", "--ray", "auto", "x"]


def test_shards_without_ray_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("Shelling hit Aleppo on Friday, residents said.")
    result = invoke("ingest", str(tmp_path), "--shards", str(tmp_path / "shards"),
                    "--db", str(tmp_path / "ew.db"))
    assert result.exit_code == 2 and "--shards needs --ray" in result.output
    assert not (tmp_path / "shards").exists()


def test_every_bad_input_of_the_issue_is_reported_once_and_counted(tmp_path, sample, data):
    """Malformed HTML, a feed that is not XML, a JSONL line that is not JSON, a 50 MB page,
    a German page and two binary files, beside two good articles: one line each, the batch
    goes on, the summary counts seven skipped."""
    import gzip
    import shutil

    zyte = data / "html" / "scrapinghub_aeb" / "html"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sample, folder / "seed.txt")
    (folder / "malformed.html").write_bytes(b"<<html <body <p>>> \xff\xfe garbage </html")
    shutil.copy(data / "feeds" / "feedparser_selected" / "illformed_rss_empty_document.xml",
                folder / "broken.rss")
    (folder / "lines.jsonl").write_text(json.dumps({"text": "Shelling killed four people "
                                                    "in Idlib on Monday, rescuers said."})
                                        + "\n{oops\n")
    with (folder / "huge.html").open("wb") as page:
        page.write(b"<html><body><p>Shelling hit Idlib.</p>")
        page.truncate(50_000_000)  # sparse: 50 MB on paper, nothing written
    (folder / "german.html").write_bytes(gzip.decompress(
        (zyte / "57b4dafd18cfd0531b69f81e87158648227c673ef159f8d8c87d34e34bdb21f2.html.gz")
        .read_bytes()))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (folder / "blob").write_bytes(b"\x00\x01\x02\x03binary")
    result = run("ingest", str(folder), "--db", str(tmp_path / "ew.db"), "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert "stored 2 articles, 0 already stored (no-op), 7 skipped" in result.stdout
    skipped = [line for line in result.stderr.splitlines() if "skipped" in line]
    for name, reason in [("malformed.html", "no article text"),
                         ("broken.rss", "not an RSS or Atom feed"),
                         ("lines.jsonl line 2", "not JSON"), ("huge.html", "50.0 MB"),
                         ("german.html", "(de)"), ("photo.jpg", "binary"), ("blob", "binary")]:
        lines = [line for line in skipped if f"{name}:" in line or f"{name}'" in line]
        assert len(lines) == 1 and reason in lines[0], (name, skipped)
    assert len(skipped) == 7
