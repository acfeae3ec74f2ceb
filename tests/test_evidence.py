"""Events as people read them: the seed's ceasefire with the words and spans behind it."""

from __future__ import annotations

import pytest

from eventwire.serve.evidence import event_view, highlights, segments
from hand_seed import hand_seed


@pytest.fixture(scope="module")
def seed(seed_article):
    return hand_seed(seed_article)


def ceasefire(seed):
    return next(e for e in seed.events if e.mode == "ceasefire")


def test_event_view_names_who_claims_it_and_the_quote(seed):
    view = event_view(seed, ceasefire(seed))
    assert view["claimed_by"]["name"] == "Sergei Lavrov"
    assert view["quote"]["speaker"]["code"] == "RUSGOV"
    assert (view["place"]["label"], view["date"]["start"]) == ("east Aleppo", "2016-12-08")
    assert view["sentence"]["text"].startswith('"I can tell you that today')


def test_a_figure_without_a_perpetrator_takes_the_events_source(seed):
    killed = next(e for e in seed.events if e.fatalities == "n1")
    figures = event_view(seed, killed)["figures"]
    assert [(f["value"], f["part_of"]) for f in figures] == [(384, None), (45, "n1")]
    assert figures[0]["perpetrator"]["code"] == "SYRGOV"


def test_later_mentions_resolve_to_the_first(seed):
    talks = next(e for e in seed.events if e.trigger.text == "talked")
    assert event_view(seed, talks)["source"][0]["name"] == "Sergei Lavrov"


def test_segments_rebuild_the_text_and_never_overlap(seed):
    text = seed.article.text
    pieces = segments(text, 0, highlights(seed))
    assert "".join(p["text"] for p in pieces) == text
    marked = [p for p in pieces if p["kind"]]
    assert {p["kind"] for p in marked} == {"actor", "place", "time", "figure", "trigger"}
    assert any(p["quote"] and p["kind"] == "trigger" and p["text"] == "halted" for p in pieces)


def test_segments_of_a_sentence_keep_article_offsets(seed):
    event = ceasefire(seed)
    start, end = event.sentence
    pieces = segments(seed.article.text[start:end], start, highlights(seed, start, end))
    assert "".join(p["text"] for p in pieces) == seed.article.text[start:end]
    assert [p["text"] for p in pieces if p["kind"] == "place"] == ["Aleppo", "Hamburg"]
