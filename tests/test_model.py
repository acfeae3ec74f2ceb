import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from eventwire.model import (Actor, Article, Event, Evidence, Extraction, SpanError,
                             check_spans, json_schema_text, normalise_text, text_sha256)

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "extraction.schema.json"
TEXT = "Russian Foreign Minister Sergei Lavrov on Thursday said the army halted attacks."


def lavrov(**changes) -> Actor:
    values = dict(id="a1", text="Sergei Lavrov", span=(25, 38), name="Sergei Lavrov",
                  code="RUSGOV", country="RUS", sector="GOV", kind="person")
    values.update(changes)
    return Actor(**values)


def test_schema_file_matches_the_model():
    # `make schema` regenerates the file; this fails when the two drift apart.
    assert SCHEMA.read_text() == json_schema_text()


def test_schema_names_every_top_level_field():
    schema = json.loads(SCHEMA.read_text())
    assert set(schema["properties"]) == {"article", "actors", "places", "times", "quotes",
                                         "quantities", "events"}


def test_a_span_that_points_at_its_text_is_accepted():
    article = Article.from_text(TEXT)
    extraction = Extraction(article=article, actors=[lavrov()])
    assert article.text[25:38] == "Sergei Lavrov"
    assert extraction.by_id("a1").code == "RUSGOV"


def test_a_span_that_points_elsewhere_is_refused():
    article = Article.from_text(TEXT)
    with pytest.raises(ValidationError, match="does not hold 'Sergei Lavrov'"):
        Extraction(article=article, actors=[lavrov(span=(0, 13))])


def test_check_spans_also_covers_event_triggers_added_later():
    extraction = Extraction(article=Article.from_text(TEXT))
    extraction.events.append(Event(id="e1", type="RETREAT", trigger=Evidence(text="halted",
                                   span=(0, 6)), sentence=(0, len(TEXT))))
    with pytest.raises(SpanError, match="events/e1/trigger"):
        check_spans(extraction)


def test_sha256_ignores_line_endings_and_trailing_blanks():
    assert text_sha256("a line \r\nnext\r\n") == text_sha256("a line\nnext")
    assert text_sha256("a") != text_sha256("b")


# A Times of India archive line (bench corpus, ipe-11) as stored: UTF-8 read once as cp1252,
# the closing quote's last byte lost.
MISREAD = ("aibmac convenor jafrayab jilani said that the proposed \u00e2\u20ac\u02dcbhoomi "
           "pujan\u00e2\u20ac\u2122, even if it was symbolic, would be in violation of the "
           "supreme court status quo order. \u00e2\u20ac\u0153we demand a ban on the vhp "
           "programme,\u00e2\u20ac\ufffd he said.")


def test_text_misread_as_cp1252_is_read_back_as_written():
    assert normalise_text(MISREAD) == (
        "aibmac convenor jafrayab jilani said that the proposed \u2018bhoomi pujan\u2019, even "
        "if it was symbolic, would be in violation of the supreme court status quo order. "
        "\u201cwe demand a ban on the vhp programme,\u201d he said.")


def test_text_without_misread_marks_is_kept(seed_article):
    accented = "Le président Erdoğan a dit à Genève : « señor », naïve — “café” 2–1 £5."
    assert normalise_text(accented) == accented
    assert normalise_text(seed_article.text) == seed_article.text


def test_unknown_fields_are_refused():
    with pytest.raises(ValidationError):
        lavrov(colour="red")
