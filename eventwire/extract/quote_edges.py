"""Learned edges of PolNeAR attributions: the end and start of indirect content, the end of a
verb cue.

The rule finder (:func:`eventwire.extract.quotes.find_attributions`) ends a content where
the complement's subtree ends, less the asides its rules cut off (", which ...", ", citing
..."), and each of those rules is right about as often as it is wrong on train. Here the end
is chosen among the boundaries the parse allows (before a comma, a conjunction, a
preposition, a relative or adverbial clause, a sentence end; the rules' own end is one of
them): each candidate is scored by a conditional logit over string features of the words at
and after the edge, how they hang on the content's head and how far the edge is from the
rules' end, and the rules' end is kept unless another candidate scores ``margin`` more.

A content's start (within ``START_REACH`` words of the rules' start), a verb cue's end (the
verb up to ``CUE_REACH`` words past the rules' end: "said in an interview", "said Friday")
and its start (up to ``CUE_START_REACH`` words before the rules' start: "could not resist
pointing out", or later: "in April charged") are chosen the same way. Trained on PolNeAR
train only by ``scripts/train_quote_edges.py`` (attributions whose cue and other edge match
train's gold; the gold edge is the positive candidate); weights in
``data/quote_content_edges.json``, ``quote_start_edges.json``, ``quote_cue_edges.json`` and
``quote_cue_start_edges.json`` (feature strings and numbers; no text). Only the PolNeAR finder uses
them: the product's quotes stage keeps the rules' edges.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Optional

from spacy.tokens import Doc, Token

from eventwire.extract import token_at, tokens_of

Piece = tuple[int, int]

BOUNDARY_DEPS = {"cc", "conj", "prep", "advcl", "relcl", "acl", "mark", "advmod", "npadvmod",
                 "ccomp", "xcomp", "appos", "agent", "dative", "parataxis", "punct"}
FUNCTION_POS = {"ADP", "SCONJ", "CCONJ", "PRON", "DET", "PART", "PUNCT", "AUX"}
QUOTE_MARKS = {'"', "\u201c", "\u201d", "''", "``", "\u2018", "\u2019"}
MAX_CANDIDATES = 60


@lru_cache(maxsize=4)
def _edge_model(name: str) -> Optional[dict]:
    """The weights and margin in data/<name>.json, read once; None when absent (before the
    trainer has written them)."""
    path = resources.files("eventwire") / "data" / f"{name}.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def content_edges() -> Optional[dict]:
    """The content end-edge model (data/quote_content_edges.json)."""
    return _edge_model("quote_content_edges")


def start_edges() -> Optional[dict]:
    """The content start-edge model (data/quote_start_edges.json)."""
    return _edge_model("quote_start_edges")


def _word(token: Optional[Token]) -> str:
    """A function word or punctuation as itself, any other word as its part of speech."""
    if token is None:
        return "<end>"
    if token.pos_ in FUNCTION_POS or token.text in QUOTE_MARKS:
        return token.lower_
    return token.pos_


def _bucket(distance: int) -> str:
    size = abs(distance)
    return "0" if size == 0 else "1" if size == 1 else "2" if size == 2 else \
        "3-5" if size <= 5 else "6-10" if size <= 10 else "11-20" if size <= 20 else "21+"


def content_head(doc: Doc, first: int, last: int) -> Token:
    """The token of a span whose head lies outside it (the first such), or its first token."""
    for token in doc[first:last + 1]:
        if not (first <= token.head.i <= last) or token.head.i == token.i:
            return token
    return tokens_of(doc)[first]


def end_candidates(doc: Doc, first: int, original: int, limit: int) -> list[int]:
    """Last tokens a content starting at ``first`` may end on: the rules' ``original`` and
    every token before a boundary, up to the end of the sentence after the original's and
    never past character ``limit`` (the paragraph's end or the next cue or source)."""
    tokens = tokens_of(doc)
    sentence = tokens[original].sent
    stop = sentence.end
    if stop < len(doc) and "\n" not in tokens[stop - 1].whitespace_ and "\n" not in tokens[stop - 1].text:
        stop = tokens[stop].sent.end  # one more sentence in the same paragraph
    candidates = []
    for k in range(first, min(stop, len(doc))):
        token = tokens[k]
        if token.idx + len(token.text) > limit:
            break
        after = tokens[k + 1] if k + 1 < len(doc) else None
        if k == original or after is None or after.is_sent_start or after.dep_ in BOUNDARY_DEPS \
                or after.text in QUOTE_MARKS or "\n" in token.whitespace_:
            if not token.is_punct or k == original:
                candidates.append(k)
    if original not in candidates:
        candidates.append(original)
    candidates.sort(key=lambda k: (abs(k - original), k))
    return sorted(candidates[:MAX_CANDIDATES])


def _relation(token: Optional[Token], head: Token) -> str:
    """How the word after the edge hangs on the content's head: under it (by which child),
    its ancestor, or elsewhere."""
    if token is None:
        return "none"
    if token.i == head.i:
        return "head"
    walk = token
    while walk.head.i != walk.i:
        if walk.head.i == head.i:
            return f"under:{walk.dep_}"
        walk = walk.head
    if token in head.ancestors:
        return "ancestor"
    return "outside"


def end_features(doc: Doc, first: int, original: int, k: int, head: Token, how: str,
                 kind: str, lexicon: frozenset[str], inside_quote: list[bool],
                 cue_lemma: str = "") -> list[str]:
    """String features of ending the content on token ``k`` (the rules ended it on
    ``original``; ``cue_lemma`` is the reporting word's lemma)."""
    tokens = tokens_of(doc)
    distance = k - original
    way = "same" if distance == 0 else "long" if distance > 0 else "short"
    token = tokens[k]
    after = tokens[k + 1] if k + 1 < len(doc) else None
    after2 = tokens[k + 2] if k + 2 < len(doc) else None
    low, high = sorted((k, original))
    between = doc[low + 1:high + 1]
    cue_between = any(t.lemma_.lower() in lexicon and t.pos_ == "VERB" for t in between)
    subject_between = any(t.dep_ in ("nsubj", "nsubjpass") for t in between)
    relation = _relation(after, head)
    n, n2 = _word(after), _word(after2)
    rows = [f"way={way}", f"way|b={way}|{_bucket(distance)}",
            f"n={n}", f"nd={after.dep_ if after else '-'}", f"nt={after.tag_ if after else '-'}",
            f"way|n={way}|{n}", f"way|nd={way}|{after.dep_ if after else '-'}",
            f"n|n2={n}|{n2}", f"way|n|n2={way}|{n}|{n2}",
            f"n|n2d={n}|{after2.dep_ if after2 else '-'}",
            f"k={_word(token)}", f"kt={token.tag_}", f"kd={token.dep_}",
            f"sentend={after is None or after.is_sent_start}",
            f"parend={chr(10) in token.whitespace_ or after is None}",
            f"rel={relation}", f"way|rel={way}|{relation}", f"n|rel={n}|{relation}",
            f"redge={token.i == head.right_edge.i}", f"way|redge={way}|{token.i == head.right_edge.i}",
            f"inq={inside_quote[k]}", f"cross={inside_quote[k] != inside_quote[original]}",
            f"how|way={how}|{way}", f"kind|way={kind}|{way}",
            f"cue_between|way={cue_between}|{way}", f"subj_between|way={subject_between}|{way}",
            f"hd|way={head.dep_}|{way}", f"ht|way={head.tag_}|{way}",
            f"first|way={'start' if k == first else 'later'}|{way}",
            f"lemma|way={cue_lemma}|{way}", f"lemma|way|n={cue_lemma}|{way}|{n}"]
    if after is not None and after.is_punct and after2 is not None:
        rows.append(f"p|n2d|rel={after.text}|{after2.dep_}|{_relation(after2, head)}")
    return rows


def quote_flags(doc: Doc, quotes: list[Piece]) -> list[bool]:
    """Whether each token lies inside a quotation."""
    flags = [False] * len(doc)
    for start, end in quotes:
        first = token_at(doc, start)
        if first is None:
            continue
        for token in doc[first.i:]:
            if token.idx >= end:
                break
            flags[token.i] = True
    return flags


def best_end(scored: list[tuple[int, list[str]]], original: int, model: dict) -> int:
    """The candidate the weights prefer, or ``original`` unless another wins by the margin."""
    weights = model["weights"]
    scores = {k: sum(weights.get(f, 0.0) for f in features) for k, features in scored}
    best = max(scores, key=scores.get)
    if best != original and scores[best] - scores.get(original, 0.0) >= model["margin"]:
        return best
    return original


# --- the cue's end ----------------------------------------------------------------------------

CUE_REACH = 6  # words past the rules' cue end the cue may take in ("said in an interview")


def cue_edges() -> Optional[dict]:
    """The cue end-edge model (data/quote_cue_edges.json)."""
    return _edge_model("quote_cue_edges")


def cue_end_candidates(doc: Doc, head: int, original: int, limit: int) -> list[int]:
    """Last tokens a cue may end on: from its reporting word ``head`` to ``CUE_REACH`` words
    past the rules' end ``original``, within its sentence, before any punctuation after the
    rules' end and never past character ``limit`` (where its content or speaker starts)."""
    tokens = tokens_of(doc)
    candidates = [k for k in range(head, original + 1) if not tokens[k].is_punct]
    sentence_end = tokens[original].sent.end
    for k in range(original + 1, min(original + 1 + CUE_REACH, sentence_end)):
        token = tokens[k]
        if token.is_punct or token.text in QUOTE_MARKS or token.idx + len(token.text) > limit:
            break
        candidates.append(k)
        if "\n" in token.whitespace_:
            break
    if original not in candidates:
        candidates.append(original)
    return sorted(set(candidates))


def _span_word(token: Token) -> str:
    """A word inside a stretch the cue may take in: a date, a function word as itself, else its
    part of speech."""
    if token.ent_type_ in ("DATE", "TIME"):
        return "DATE"
    return _word(token)


def cue_end_features(doc: Doc, head: int, original: int, k: int, how: str,
                     content_after: Optional[int]) -> list[str]:
    """String features of ending the cue on token ``k`` (the rules ended it on ``original``;
    ``content_after`` is the first token of a content that follows the cue, if one does)."""
    tokens = tokens_of(doc)
    distance = k - original
    way = "same" if distance == 0 else "long" if distance > 0 else "short"
    verb = tokens[head]
    lemma = verb.lemma_.lower()
    token = tokens[k]
    after = tokens[k + 1] if k + 1 < len(doc) else None
    low, high = sorted((k, original))
    stretch = doc[low + 1:high + 1]
    shape = "+".join(_span_word(t) for t in stretch)[:40] if stretch else "-"
    first = stretch[0] if len(stretch) else None
    touches = "content" if content_after is not None and k + 1 == content_after else \
        "before-content" if content_after is not None else "no-content-after"
    rows = [f"way={way}", f"way|b={way}|{_bucket(distance)}", f"way|shape={way}|{shape}",
            f"way|first={way}|{_span_word(first) if first is not None else '-'}",
            f"way|firstdep={way}|{first.dep_ if first is not None else '-'}",
            f"way|lemma={way}|{lemma}", f"way|lemma|first={way}|{lemma}|"
            f"{_span_word(first) if first is not None else '-'}",
            f"way|how={way}|{how}", f"way|touch={way}|{touches}",
            f"k={_span_word(token)}", f"kd={token.dep_}", f"kt={token.tag_}",
            f"n={_word(after)}", f"nd={after.dep_ if after else '-'}",
            f"n|touch={_word(after)}|{touches}", f"k|n={_span_word(token)}|{_word(after)}",
            f"khead={'verb' if token.head.i == head else 'self' if k == head else 'other'}",
            f"way|vdep={way}|{verb.dep_}", f"end_is_head={k == head}"]
    if first is not None:
        rows.append(f"way|firsthead={way}|{'verb' if first.head.i == head else 'other'}")
    return rows


# --- the cue's start --------------------------------------------------------------------------

CUE_START_REACH = 5  # words before the rules' cue start the cue may take in ("could not resist")


def cue_start_edges() -> Optional[dict]:
    """The cue start-edge model (data/quote_cue_start_edges.json)."""
    return _edge_model("quote_cue_start_edges")


def cue_start_candidates(doc: Doc, head: int, original: int, floor: int) -> list[int]:
    """First tokens a cue ending past its reporting word ``head`` may start on: any word from
    the rules' start ``original`` up to ``head``, and up to ``CUE_START_REACH`` words before it
    within its sentence, stopping at punctuation, a quote mark or character ``floor`` (where
    its speaker or content ends)."""
    candidates = [k for k in range(original, head + 1) if not doc[k].is_punct]
    sentence_start = doc[original].sent.start
    for k in range(original - 1, max(sentence_start, original - CUE_START_REACH) - 1, -1):
        token = doc[k]
        if token.is_punct or token.text in QUOTE_MARKS or token.idx < floor or "\n" in token.whitespace_:
            break
        candidates.append(k)
    if original not in candidates:
        candidates.append(original)
    return sorted(set(candidates))


def cue_start_features(doc: Doc, head: int, original: int, k: int, how: str) -> list[str]:
    """String features of starting the cue on token ``k`` (the rules started it on ``original``,
    its reporting word is ``head``)."""
    distance = k - original
    way = "same" if distance == 0 else "long" if distance < 0 else "short"
    verb = doc[head]
    lemma = verb.lemma_.lower()
    token = doc[k]
    before = doc[k - 1] if k > 0 else None
    low, high = sorted((k, original))
    stretch = doc[low:high]
    shape = "+".join(_span_word(t) for t in stretch)[:40] if len(stretch) else "-"
    first = stretch[0] if len(stretch) else None
    hangs = "-" if first is None else "verb" if first.head.i == head else \
        "governor" if verb.head.i == first.i or first.i == verb.head.i else "other"
    return [f"way={way}", f"way|b={way}|{_bucket(distance)}", f"way|shape={way}|{shape}",
            f"way|first={way}|{_span_word(first) if first is not None else '-'}",
            f"way|firstdep={way}|{first.dep_ if first is not None else '-'}",
            f"way|hangs={way}|{hangs}", f"way|lemma={way}|{lemma}",
            f"way|lemma|first={way}|{lemma}|{_span_word(first) if first is not None else '-'}",
            f"way|how={way}|{how}", f"way|vdep={way}|{verb.dep_}",
            f"k={_span_word(token)}", f"kd={token.dep_}", f"kt={token.tag_}",
            f"p={_word(before)}", f"p|k={_word(before)}|{_span_word(token)}",
            f"start_is_head={k == head}", f"way|sent0={way}|{token.is_sent_start}"]


# --- the content's start ----------------------------------------------------------------------

START_REACH = 8  # words either side of the rules' start a content may start on


def start_candidates(doc: Doc, original: int, last: int, floor: int) -> list[int]:
    """First tokens a content ending on ``last`` may start on: up to ``START_REACH`` words either
    side of the rules' ``original``, within its sentence and never before character ``floor``
    (the end of its cue or speaker, or its paragraph's start)."""
    tokens = tokens_of(doc)
    sentence = tokens[original].sent
    candidates = []
    for k in range(max(sentence.start, original - START_REACH), min(last, original + START_REACH) + 1):
        token = tokens[k]
        if token.idx < floor or token.is_punct or token.text in QUOTE_MARKS:
            continue
        candidates.append(k)
    if original not in candidates:
        candidates.append(original)
    return sorted(candidates)


def start_features(doc: Doc, original: int, k: int, head: Token, how: str, cue_lemma: str,
                   cue_before: bool) -> list[str]:
    """String features of starting the content on token ``k`` (the rules started it on
    ``original``)."""
    tokens = tokens_of(doc)
    distance = k - original
    way = "same" if distance == 0 else "long" if distance < 0 else "short"
    token = tokens[k]
    before = tokens[k - 1] if k > 0 else None
    low, high = sorted((k, original))
    stretch = doc[low:high]
    shape = "+".join(_span_word(t) for t in stretch)[:40] if len(stretch) else "-"
    relation = _relation(token, head)
    return [f"way={way}", f"way|b={way}|{_bucket(distance)}", f"way|shape={way}|{shape}",
            f"w={_word(token)}", f"wd={token.dep_}", f"way|w={way}|{_word(token)}",
            f"way|wd={way}|{token.dep_}", f"p={_word(before)}", f"p|w={_word(before)}|{_word(token)}",
            f"rel={relation}", f"way|rel={way}|{relation}", f"sent0={token.is_sent_start}",
            f"how|way={how}|{way}", f"lemma|way={cue_lemma}|{way}",
            f"lemma|way|w={cue_lemma}|{way}|{_word(token)}", f"cue_before|way={cue_before}|{way}",
            f"hd|way={head.dep_}|{way}"]
