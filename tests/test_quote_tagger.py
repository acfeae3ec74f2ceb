"""The learned cue tagger: its decoding, and its reading of real sentences."""

from __future__ import annotations

import pytest

from eventwire.extract import quotes
from eventwire.extract.quote_tagger import cue_tagger, decode, features_of, probabilities, tagged_spans


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


def test_an_inside_tag_never_follows_an_outside_tag():
    # the most probable tag of each token alone would be O I I; the sequence must open with B
    probs = [[0.9, 0.05, 0.05], [0.2, 0.35, 0.45], [0.2, 0.1, 0.7]]
    assert decode(probs) == ["O", "B", "I"]
    assert decode([[0.1, 0.2, 0.7]]) == ["B"]
    assert decode([]) == []


@pytest.mark.parametrize("encoder", [True, False])
def test_the_polnear_reading_of_empty_or_hostile_text_finds_nothing_and_never_raises(
        nlp, monkeypatch, encoder):
    if not encoder:
        monkeypatch.setattr(quotes, "quote_encoder", lambda: None)
    for text in ("", "   \n", "\x00\ufffd" + "x" * 300 + " \u201cunbalanced"):
        assert quotes.find_attributions(nlp(text), all_cues=True) == []


def test_the_shipped_weights_load_once_and_keep_no_outside_table():
    tagger = cue_tagger()
    assert tagger is cue_tagger()
    assert tagger["weights"]["O"] == {} and 0.0 < tagger["threshold"] < 1.0
    assert tagger["weights"]["B"]["l=say"] > 0


def test_said_is_a_confident_cue_and_the_speaker_is_not(nlp):
    text = "Syrian state media said rebels shelled a school in Aleppo."
    doc = nlp(text)
    probs = probabilities(features_of(doc, [], quotes.quotations(text), quotes.tagger_lexicon()),
                          cue_tagger())
    spans = tagged_spans(doc, decode(probs), probs)
    assert [text[s:e] for (s, e), _, _ in spans] == ["said"]
    assert spans[0][1] > cue_tagger()["threshold"]
