"""Extraction stages: each is a function ``(doc, extraction) -> extraction``.

The order they run in is the list in ``eventwire/pipeline.py``. Helpers every stage needs
live here, so that no stage imports another stage's internals.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable

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
        starts = doc.user_data["eventwire_token_starts"] = [t.idx for t in doc]
    return starts


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
    if ends is None:  # built once per doc: each look-up is then one bisection of ints
        ends = doc.user_data["eventwire_token_ends"] = [t.idx + len(t.text) for t in doc]
    return doc[min(bisect_right(ends, char), len(doc) - 1)]  # first token whose end is past char
