"""Extraction stages: each is a function ``(doc, extraction) -> extraction``.

The order they run in is the list in ``eventwire/pipeline.py``. Helpers every stage needs
live here, so that no stage imports another stage's internals.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span as SpacySpan

from eventwire.model import Evidence


def next_id(prefix: str, items: Iterable) -> str:
    """The next free id of the form ``<prefix><n>`` ("a1", "a2", ...)."""
    taken = {item.id for item in items}
    n = len(taken) + 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token anew on each access."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def token_starts(doc: Doc) -> list[int]:
    """Every token's start offset, in order (built once per doc, for bisection)."""
    starts = doc.user_data.get("eventwire_token_starts")
    if starts is None:
        starts = doc.user_data["eventwire_token_starts"] = doc.to_array(IDX).tolist()
    return starts


def tokens_of(doc: Doc) -> list:
    """Every token of the doc, built once per doc: spaCy builds a new Token object on each
    ``doc[i]`` and each step of a walk over a doc or span. (The list refers back to the
    doc: ``forget_parse`` drops it once the stages are done.)"""
    tokens = doc.user_data.get("eventwire_tokens")
    if tokens is None:
        tokens = doc.user_data["eventwire_tokens"] = list(doc)
    return tokens


def forget_parse(doc: Doc) -> None:
    """Drop the per-doc caches that hold Tokens (``tokens_of``, the events stage's phrases),
    so that the doc is freed as soon as it is let go (its Tokens refer back to it: a cycle
    only the garbage collector would break)."""
    for key in ("eventwire_tokens", "eventwire_phrases"):
        doc.user_data.pop(key, None)


def remember_text(doc: Doc, text: str) -> None:
    """Give ``doc_text`` the article text the doc was parsed from (spaCy keeps every
    character), so that no stage pays for spaCy's join; a doc of another length is left be."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data.setdefault("text", text)


def span_evidence(span: SpacySpan) -> Evidence:
    return Evidence(text=span.text, span=(span.start_char, span.end_char))


def token_at(doc: Doc, char: int):
    """The token that holds (or starts nearest after) a character offset."""
    if not len(doc):
        return None
    ends = doc.user_data.get("eventwire_token_ends")
    if ends is None:  # built once per doc from arrays: each look-up is then one bisection
        ends = doc.user_data["eventwire_token_ends"] = [
            start + length for start, length in doc.to_array([IDX, LENGTH]).tolist()]
    return doc[min(bisect_right(ends, char), len(doc) - 1)]  # first token whose end is past char
