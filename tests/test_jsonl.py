"""JSON Lines: the bench corpus, renamed fields, and bad lines reported one by one."""

from __future__ import annotations

import gzip
import json
from datetime import date
from itertools import islice

import pytest

from eventwire.errors import InputError
from eventwire.ingest.jsonl import parse_field_names, read_jsonl

REPORT = ("Syrian government forces shelled the town of Douma on Monday, killing at least "
          "twelve civilians, a monitoring group said.")


def test_the_bench_corpus_reads_with_the_default_fields(data):
    path = data / "corpora" / "bench_articles.jsonl.gz"
    first = next(read_jsonl(path))
    with gzip.open(path, "rt") as handle:
        record = json.loads(handle.readline())
    assert first.id == record["id"] == "fakes-1914947530"
    assert first.title == record["title"] and first.published == date(2017, 4, 5)
    assert first.text == record["text"].strip()


def test_field_names_can_be_given(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"body": REPORT, "headline": "Shelling in Douma",
                                "day": "2018-02-19", "outlet": "SOHR"}) + "\n")
    fields = parse_field_names(["text=body", "title=headline", "published=day"])
    [article] = read_jsonl(path, fields=fields)
    assert (article.title, article.published, article.source) == (
        "Shelling in Douma", date(2018, 2, 19), "SOHR")


def test_bad_lines_are_reported_once_and_the_file_goes_on(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([json.dumps({"text": REPORT}), "{not json", "[1, 2]",
                               json.dumps({"title": "no text"}), "",
                               json.dumps({"text": REPORT + " Rebels denied it."})]) + "\n")
    skipped = []
    articles = list(read_jsonl(path, on_skip=lambda where, err: skipped.append((where, str(err)))))
    assert len(articles) == 2
    assert [where.rsplit(" ", 1)[1] for where, _ in skipped] == ["2", "3", "3", "4"]
    assert "not JSON" in skipped[0][1] and "not an object" in skipped[1][1]
    assert "--field text=KEY" in skipped[3][1]


def test_a_pretty_printed_json_list_is_read_too(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": REPORT}, {"text": REPORT + " More."}], indent=2))
    assert len(list(read_jsonl(path))) == 2


def test_a_wrong_field_option_says_what_is_expected():
    with pytest.raises(InputError, match="FIELD=KEY"):
        parse_field_names(["body"])


def test_reading_streams(data):
    """The 25,765-article corpus is read lazily: the first ten come without reading it all."""
    assert len(list(islice(read_jsonl(data / "corpora" / "bench_articles.jsonl.gz"), 10))) == 10


def test_a_record_misread_as_cp1252_is_read_back_and_its_quote_found(tmp_path, pipeline):
    # The start of a Times of India archive record (bench corpus, ipe-11) as it is stored.
    text = ("This story is from March 10, 2002\n\nlucknow: the all-india babri masjid action "
            "committee (aibmac) has sought a ban on vhp-sponsored march 15 programme at the "
            "acquired land in ayodhya. holding a state-level meeting on saturday, aibmac convenor "
            "jafrayab jilani said that the proposed \u00e2\u20ac\u02dcbhoomi pujan\u00e2\u20ac"
            "\u2122, even if it was symbolic, would be in violation of the supreme court status "
            "quo order. \u00e2\u20ac\u0153we demand a ban on the vhp programme as it is in clear "
            "violation of the supreme court order,\u00e2\u20ac\ufffd he said.")
    path = tmp_path / "toi.jsonl"
    path.write_text(json.dumps({"id": "ipe-11", "text": text}) + "\n", encoding="utf-8")
    article = next(read_jsonl(path))
    assert "the proposed \u2018bhoomi pujan\u2019, even" in article.text
    quotes = pipeline.extract(article).quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert [(q.text, q.source.text) for q in direct] == [
        ("\u201cwe demand a ban on the vhp programme as it is in clear violation of the supreme "
         "court order,\u201d", "he")]
    assert any(q.source.text == "aibmac convenor jafrayab jilani"
               and q.text.startswith("that the proposed \u2018bhoomi pujan\u2019") for q in quotes)
