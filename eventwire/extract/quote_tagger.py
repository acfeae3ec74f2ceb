"""A learned cue tagger for PolNeAR-style attributions: B/I/O per token over the parse.

The rule finder (:func:`eventwire.extract.quotes.find_attributions`) reads attributions
from a lexicon of cue words and their parse frames, and drops a cue whose content it cannot
read or whose context its check rejects. The tagger reads cue-ness from every token's parse
context alone, and the PolNeAR finder adds its confident cues where no rule cue stands.
Trained with ``--rule-marks``, it also sees what the rule finder made of each token (inside
a rule cue, at its head, inside a rule content or source); the shipped weights do not
(it then learned to copy the rules: the same dev F1 from a file three times larger).

Model: multinomial logistic regression over string features (word, lemma, tag, dependency,
the head's and children's labels, the neighbours, quote marks, the cue lexicon) with the
O->I transition forbidden at decoding (Viterbi over log probabilities). Trained on PolNeAR
train only by ``scripts/train_quote_tagger.py``; weights in
``data/quote_cue_tagger.json.gz`` (feature strings, lemmas and numbers; no text).
"""

from __future__ import annotations

import bisect
import gzip
import json
import math
from functools import lru_cache
from importlib import resources
from typing import Optional

from spacy.tokens import Doc

from eventwire.extract import token_starts
from eventwire.extract.quote_edges import quote_flags

LABELS = ("O", "B", "I")
RULE_MARKS = ("rc=", "rhow=", "rhead", "rct", "rsrc", "rule=")  # features from the rule finder
Piece = tuple[int, int]


@lru_cache(maxsize=1)
def cue_tagger() -> Optional[dict]:
    """The tagger's weights (data/quote_cue_tagger.json.gz): label -> feature -> weight, the
    biases and the threshold on a span's mean B/I probability; None when absent."""
    path = resources.files("eventwire") / "data" / "quote_cue_tagger.json.gz"
    if not path.is_file():
        return None
    return json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))


def features_of(doc: Doc, attributions: list, quotes: list[Piece],
                lexicon: frozenset[str]) -> list[list[str]]:
    """Every token's features, given the rule finder's attributions and the quotations."""
    return token_features(doc, rule_marks(doc, attributions), quote_flags(doc, quotes), lexicon)


def rule_marks(doc: Doc, attributions: list) -> list[list[str]]:
    """What the rule finder made of each token: cue start or inside (with how it read the
    content), cue head, content, source."""
    marks: list[list[str]] = [[] for _ in doc]
    starts = token_starts(doc)

    def tokens_of(piece: Optional[Piece]) -> range:
        if not piece:
            return range(0)
        first = _token_index(starts, piece[0])
        last = _token_index(starts, piece[1] - 1)
        return range(first, last + 1)

    for attribution in attributions:
        cue = tokens_of(attribution.cue)
        for i in cue:
            marks[i].append("rc=B" if i == cue.start else "rc=I")
            marks[i].append(f"rhow={attribution.how}|{'B' if i == cue.start else 'I'}")
        if cue and cue.stop < len(doc):
            marks[cue.stop].append("rc=after")
        if cue and cue.start > 0:
            marks[cue.start - 1].append("rc=before")
        if 0 <= attribution.cue_token < len(doc):
            marks[attribution.cue_token].append("rhead")
        for piece in attribution.content:
            for i in tokens_of(piece):
                marks[i].append("rct")
        for i in tokens_of(attribution.source):
            marks[i].append("rsrc")
    return marks


def _token_index(starts: list[int], char: int) -> int:
    return max(0, bisect.bisect_right(starts, char) - 1)


def token_features(doc: Doc, marks: list[list[str]], inside_quote: list[bool],
                   lexicon: frozenset[str]) -> list[list[str]]:
    """String features of every token: its own parse, its head's, its children's, its
    neighbours', the quote marks around it, the cue lexicon and the rule finder's marks."""
    rows = []
    n = len(doc)
    for token in doc:
        lemma = token.lemma_.lower()
        head = token.head
        head_lemma = head.lemma_.lower()
        mark = marks[token.i]
        row = [f"w={token.lower_}", f"l={lemma}", f"t={token.tag_}", f"d={token.dep_}",
               f"l|d={lemma}|{token.dep_}", f"l|t={lemma}|{token.tag_}",
               f"hl={head_lemma}", f"hd={head.dep_}", f"ht={head.tag_}",
               f"d|hl={token.dep_}|{head_lemma}", f"d|ht={token.dep_}|{head.tag_}",
               f"side={'L' if token.i < head.i else 'R' if token.i > head.i else 'root'}",
               f"q={inside_quote[token.i]}", f"lex={lemma in lexicon}",
               f"hlex={head_lemma in lexicon}", f"lex|d={lemma in lexicon}|{token.dep_}",
               f"sent0={token.is_sent_start}"]
        for child in token.children:
            row.append(f"cd={child.dep_}")
            row.append(f"l|cd={lemma}|{child.dep_}")
        for offset in (-2, -1, 1, 2):
            j = token.i + offset
            if 0 <= j < n:
                other = doc[j]
                row.append(f"w{offset}={other.lower_}")
                row.append(f"t{offset}={other.tag_}")
                row.append(f"lex{offset}={other.lemma_.lower() in lexicon}")
            else:
                row.append(f"w{offset}=<>")
        if token.i > 0:
            row.append(f"w-1|w={doc[token.i - 1].lower_}|{token.lower_}")
        if token.i + 1 < n:
            row.append(f"w|w+1={token.lower_}|{doc[token.i + 1].lower_}")
        row += mark
        row += [f"{m}|t={token.tag_}" for m in mark if m.startswith("rc=")]
        row += [f"{m}|l={lemma}" for m in mark if m.startswith("rc=")]
        if not mark:
            row.append("rule=none")
        rows.append(row)
    return rows


def decode(probabilities: list[list[float]]) -> list[str]:
    """The most probable B/I/O sequence in which I only follows B or I (Viterbi); none for
    no tokens."""
    if not probabilities:
        return []
    allowed = {"O": ("O", "B", "I"), "B": ("O", "B", "I"), "I": ("B", "I")}  # label <- previous
    score = {label: math.log(max(p, 1e-12)) for label, p in zip(LABELS, probabilities[0])}
    score["I"] = -math.inf
    back: list[dict[str, str]] = []
    for row in probabilities[1:]:
        new, pointers = {}, {}
        for label, p in zip(LABELS, row):
            previous = max(allowed[label], key=lambda prev: score[prev])
            new[label] = score[previous] + math.log(max(p, 1e-12))
            pointers[label] = previous
        score = new
        back.append(pointers)
    label = max(score, key=score.get)
    path = [label]
    for pointers in reversed(back):
        label = pointers[label]
        path.append(label)
    return path[::-1]


def probabilities(features: list[list[str]], tagger: dict) -> list[list[float]]:
    """P(O), P(B), P(I) of each token under the tagger's weights."""
    tables = [(tagger["bias"][label], tagger["weights"][label]) for label in LABELS]
    out = []
    for row in features:
        logits = []
        for bias, table in tables:
            logits.append(bias + sum(table.get(f, 0.0) for f in row) if table else bias)
        top = max(logits)
        exp = [math.exp(v - top) for v in logits]
        total = sum(exp)
        out.append([v / total for v in exp])
    return out


def tagged_spans(doc: Doc, labels: list[str], probs: list[list[float]]) -> list[tuple[Piece, float, int]]:
    """Cue spans of a B/I/O sequence, each with its mean B/I probability and its first token."""
    spans = []
    i = 0
    while i < len(labels):
        if labels[i] != "B":
            i += 1
            continue
        j = i + 1
        while j < len(labels) and labels[j] == "I":
            j += 1
        confidence = sum(1.0 - probs[k][0] for k in range(i, j)) / (j - i)
        spans.append(((doc[i].idx, doc[j - 1].idx + len(doc[j - 1])), confidence, i))
        i = j
    return spans
