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
