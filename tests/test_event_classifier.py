"""The learned event-type classifier beside the rules, on real sentences."""

from __future__ import annotations

import numpy as np

from eventwire.resources import event_classifier


def test_the_classifier_gives_a_distribution_over_plover_types(pipeline):
    doc = pipeline.nlp("Iraqi troops launched an assault on the last ISIS group bastion in "
                       "the country on Thursday.")
    sent = next(iter(doc.sents))
    token = next(t for t in doc if t.lower_ == "launched")
    row = event_classifier.features(token, sent, "ASSAULT", "verb")
    assert row.shape == (event_classifier.feature_size(),)
    probs = event_classifier.probabilities(row)
    assert abs(float(probs.sum()) - 1.0) < 1e-5
    assert event_classifier.LABELS[int(np.argmax(probs))] == "ASSAULT"


def test_calibrated_confidence_rises_with_the_classifier_probability():
    low = event_classifier.calibrated_confidence("verb", 0.1)
    high = event_classifier.calibrated_confidence("verb", 0.9)
    assert 0.0 < low < high < 1.0


def test_a_clear_attack_keeps_a_confident_assault(pipeline):
    sure = pipeline.extract("Government troops shelled rebel positions near Aleppo on Monday.")
    assault = [e for e in sure.events if e.type == "ASSAULT"]
    assert assault and assault[0].confidence >= 0.5
