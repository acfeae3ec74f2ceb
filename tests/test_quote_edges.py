"""The learned end edge of reported speech (PolNeAR finder only), on real news sentences."""

from __future__ import annotations

import pytest

from eventwire.extract.quote_edges import (best_end, content_edges, cue_edges, cue_start_candidates,
                                           cue_start_edges, end_candidates, start_edges)
from eventwire.extract.quotes import extract_quotes, find_attributions
from eventwire.model import Article, Extraction


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


def contents(nlp, text, **options):
    doc = nlp(text)
    return [[text[s:e] for s, e in a.content] for a in find_attributions(doc, all_cues=True, **options)]


def test_the_shipped_weights_load_once_with_a_positive_margin():
    edges = content_edges()
    assert edges is content_edges()
    assert edges["margin"] > 0 and len(edges["weights"]) > 1000


def test_the_rules_end_is_kept_unless_another_wins_by_the_margin():
    model = {"margin": 1.0, "weights": {"a": 0.5, "b": 2.0}}
    assert best_end([(3, ["a"]), (5, [])], 3, model) == 3  # 0.5 over 0.0: under the margin
    assert best_end([(3, []), (5, ["b"])], 3, model) == 5


def test_candidates_stop_at_the_paragraph_and_keep_the_rules_end(nlp):
    text = "The ministry said the convoy reached the town, which had been besieged.\nNext paragraph."
    doc = nlp(text)
    first = [t.i for t in doc if t.text == "the"][0]
    original = [t.i for t in doc if t.text == "town"][0]
    candidates = end_candidates(doc, first, original, text.index("\n"))
    assert original in candidates
    assert all(doc[k].idx < text.index("\n") for k in candidates)
    assert doc[candidates[-1]].text == "besieged"


def test_a_clause_the_rules_cut_short_runs_to_its_end(nlp):
    # Syria Direct (bench corpus): the rules stopped before "will fail"
    text = ("Media Activist Wael Mohammed told ARA News that Abdullah Al Huseini judge at Jaish "
            "al-Fatah and leader at Jabhat al-Nurah sent a voice message assuring Aleppo residents "
            "that the regime attempts to besiege Aleppo will fail.")
    assert contents(nlp, text, use_edges=False)[0][0].endswith("to besiege Aleppo")
    assert contents(nlp, text)[0][0].endswith("to besiege Aleppo will fail")


def test_a_content_before_its_cue_keeps_its_end(nlp):
    text = ("At least 18 civilians were killed on Tuesday when a ground-to-ground missile struck a "
            "rebel-held neighborhood in the northern Syrian city of Aleppo a monitoring group said.")
    assert contents(nlp, text) == contents(nlp, text, use_edges=False)
    assert contents(nlp, text)[0][0].endswith("city of Aleppo")


def test_the_product_stage_keeps_the_rules_edges(nlp):
    text = ("Media Activist Wael Mohammed told ARA News that Abdullah Al Huseini judge at Jaish "
            "al-Fatah and leader at Jabhat al-Nurah sent a voice message assuring Aleppo residents "
            "that the regime attempts to besiege Aleppo will fail.")
    doc = nlp(text)
    extraction = Extraction(article=Article.from_text(text))
    quote = extract_quotes(doc, extraction).quotes[0]
    assert quote.text.endswith("to besiege Aleppo")


def cues(nlp, text, **options):
    doc = nlp(text)
    return [text[a.cue[0]:a.cue[1]] for a in find_attributions(doc, all_cues=True, **options)]


def test_the_cue_edge_drops_half_a_setting(nlp):
    # bench corpus: the rules' cue took "at" without "the time"
    text = ("U.S. officials said at the time that the airstrike hit an al-Qaida gathering killing "
            "dozens of militants.")
    assert cues(nlp, text, use_edges=False) == ["said at"]
    assert cues(nlp, text) == ["said"]
    assert cue_edges() is cue_edges() and cue_edges()["margin"] > 0


def test_the_cue_edge_never_reaches_into_the_content(nlp):
    text = "The Syrian Observatory for Human Rights said on Sunday that 12 civilians were killed."
    doc = nlp(text)
    for attribution in find_attributions(doc, all_cues=True):
        assert all(attribution.cue[1] <= start for start, _ in attribution.content
                   if start >= attribution.cue[0])


def test_the_start_edge_takes_in_the_subject_the_parse_split_off(nlp):
    # bench corpus: the parse hangs "shelling on Sunday" apart from its clause
    text = "The Observatory said shelling on Sunday hit several areas of the capital."
    assert contents(nlp, text, use_edges=False) == [["hit several areas of the capital"]]
    assert contents(nlp, text) == [["shelling on Sunday hit several areas of the capital"]]
    assert start_edges() is start_edges() and start_edges()["margin"] > 0


def test_the_learned_cue_start_takes_in_the_auxiliary_the_rules_left_out(nlp):
    # FA-KES (CC BY 4.0)
    text = ("Government and opposition forces have both denied using chemical weapons during the "
            "civil war that has been going on for the last five years.")
    doc = nlp(text)
    def cues(**options):
        return [text[s:e] for s, e in (a.cue for a in find_attributions(doc, all_cues=True, **options))]
    assert cues(use_edges=False) == ["denied"]
    assert cues() == ["have both denied"]
    assert cue_start_edges()["margin"] >= 1


def test_cue_start_candidates_stop_at_punctuation_and_the_speaker(nlp):
    text = "In Geneva, the envoy said on Friday that talks would resume."
    doc = nlp(text)
    said = [t.i for t in doc if t.text == "said"][0]
    speaker_end = doc[said - 1].idx + len(doc[said - 1].text)
    assert cue_start_candidates(doc, said, said, speaker_end) == [said]
    assert doc.text.index("Geneva") not in [doc[k].idx for k in cue_start_candidates(doc, said, said, 0)]
