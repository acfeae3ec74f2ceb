"""Extraction stages: each is a function ``(doc, extraction) -> extraction``.

The order they run in is the list in ``eventwire/pipeline.py``. Helpers every stage needs
live here, so that no stage imports another stage's internals.
"""

from __future__ import annotations

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


def span_evidence(span: SpacySpan) -> Evidence:
    return Evidence(text=span.text, span=(span.start_char, span.end_char))


def token_at(doc: Doc, char: int):
    """The token that holds (or starts nearest after) a character offset."""
    if not len(doc):
        return None
    lo, hi = 0, len(doc) - 1
    while lo < hi:  # first token whose end is past char
        mid = (lo + hi) // 2
        if doc[mid].idx + len(doc[mid].text) <= char:
            lo = mid + 1
        else:
            hi = mid
    return doc[lo]
