"""The events stage."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.model import Extraction


def extract_events(doc: Doc, extraction: Extraction) -> Extraction:
    # TODO(issue): first working version pending
    return extraction
