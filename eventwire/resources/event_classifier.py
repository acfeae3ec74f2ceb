"""A small learned check beside the event rules: the PLOVER type of a clause from the parse.

A multinomial logistic regression over features the spaCy pass has already computed (no new
model, no torch): the token vectors of ``en_core_web_sm`` (``doc.tensor``) at the trigger and
over its sentence, the trigger's lemma and its object's lemma (hashed), and what the rules
said (their type and the kind of rule). Trained on training and dev data only by
``scripts/train_event_classifier.py``; the weights ship in ``eventwire/data/event_classifier.npz``.
"""

from __future__ import annotations

import json
import zlib
from functools import lru_cache
from importlib import resources
from typing import Optional

import numpy as np
from spacy.tokens import Span as SpacySpan, Token

from eventwire.resources.ontology import PLOVER_TYPES

LABELS = PLOVER_TYPES + ("NONE",)
RULE_KINDS = ("trigger", "pattern", "verb", "noun", "intent", "none")
HASH_BUCKETS = 256
WIDTH = 96  # en_core_web_sm's tok2vec width
OBJECT_DEPS = {"dobj", "obj", "attr", "oprd", "pobj", "xcomp", "ccomp"}


def _bucket(word: str) -> int:
    return zlib.crc32(word.encode("utf-8")) % HASH_BUCKETS


def feature_size() -> int:
    return 2 * WIDTH + len(LABELS) + len(RULE_KINDS) + 2 * HASH_BUCKETS


def features(token: Optional[Token], sent: SpacySpan, rule_type: str, rule: str) -> np.ndarray:
    """The feature vector of one clause: its trigger (or, with none, the sentence root)."""
    doc = sent.doc
    row = np.zeros(feature_size(), dtype=np.float32)
    token = token if token is not None else sent.root
    tensor = doc.tensor
    if tensor is not None and len(tensor) == len(doc) and tensor.shape[1] == WIDTH:
        row[:WIDTH] = tensor[token.i]
        means = doc.user_data.setdefault("eventwire_sentence_means", {})
        if (sent.start, sent.end) not in means:  # several events share one sentence
            means[(sent.start, sent.end)] = tensor[sent.start:sent.end].mean(axis=0)
        row[WIDTH:2 * WIDTH] = means[(sent.start, sent.end)]
    offset = 2 * WIDTH
    row[offset + LABELS.index(rule_type if rule_type in LABELS else "NONE")] = 1.0
    offset += len(LABELS)
    row[offset + RULE_KINDS.index(rule if rule in RULE_KINDS else "none")] = 1.0
    offset += len(RULE_KINDS)
    row[offset + _bucket(token.lemma_.lower())] = 1.0
    offset += HASH_BUCKETS
    objects = [c for c in token.children if c.dep_ in OBJECTS_AND_PREPS]
    for child in objects:
        head = next((g for g in child.children if g.dep_ == "pobj"), child) if child.dep_ == "prep" else child
        row[offset + _bucket(head.lemma_.lower())] = 1.0
    return row


OBJECTS_AND_PREPS = OBJECT_DEPS | {"prep", "dative"}


@lru_cache(maxsize=1)
def _settings() -> dict:
    path = resources.files("eventwire.data").joinpath("event_classifier.json")
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}


def calibrated_confidence(rule: str, probability: Optional[float]) -> Optional[float]:
    """P(the event's type is right) from the classifier's probability of that type and the
    kind of rule that coded it (Platt scaling fitted on held-out dev predictions)."""
    found = _settings().get("calibration")
    if not found or probability is None or rule not in found["bias"]:
        return None
    return float(1.0 / (1.0 + np.exp(-(found["weight"] * probability + found["bias"][rule]))))


@lru_cache(maxsize=1)
def policy() -> dict:
    """When the classifier overrides the rules (thresholds chosen by cross-validation on dev;
    see event_classifier.json): ``override_kinds``, ``override_at``, ``drop_at``, ``add_at``."""
    return _settings().get("policy", {})


@lru_cache(maxsize=1)
def model() -> Optional[dict]:
    """The trained weights (None when the data file is absent)."""
    path = resources.files("eventwire.data").joinpath("event_classifier.npz")
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        data = np.load(handle)
        weights = {key: data[key] for key in data.files}
    # standardising folded into the weights: (x - mean) / scale @ coef = x @ W + b
    weights["folded_coef"] = (weights["coef"] / weights["scale"][:, None]).astype(np.float32)
    weights["folded_bias"] = (weights["bias"] - (weights["mean"] / weights["scale"])
                              @ weights["coef"]).astype(np.float32)
    return weights


def probabilities(row: np.ndarray) -> Optional[np.ndarray]:
    """P(label) over LABELS for one feature vector."""
    weights = model()
    if weights is None:
        return None
    logits = row @ weights["folded_coef"] + weights["folded_bias"]
    logits -= logits.max()
    p = np.exp(logits)
    return p / p.sum()
