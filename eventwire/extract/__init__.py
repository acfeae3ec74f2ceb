"""Extraction stages: each is a function ``(doc, extraction) -> extraction``.

The order they run in is the list in ``eventwire/pipeline.py``. Helpers every stage needs
live here, so that no stage imports another stage's internals.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, POS, SENT_START, TAG
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


_NAMES: dict[int, str] = {}
_LOWER_CASE_NAMES: dict[int, str] = {}
_MOST_NAMES = 500_000  # a bound on the caches below (a few tens of MB at most)


def _names(doc: Doc, keys: list[int], cache: dict[int, str] = _NAMES) -> list[str]:
    """The strings of these hashes (or symbol ids), from a process-wide cache: a hash names
    the same string in every doc, and the StringStore's look-up is slow beside a dict's."""
    try:
        return list(map(cache.__getitem__, keys))  # most docs' words are all known by now
    except KeyError:
        pass
    missing = set(keys).difference(cache)
    if missing:
        if len(cache) > _MOST_NAMES:
            cache.clear()
            missing = set(keys)
        strings = doc.vocab.strings
        lower = cache is _LOWER_CASE_NAMES
        cache.update((key, strings[key].lower() if lower else strings[key]) for key in missing)
    return list(map(cache.__getitem__, keys))


class ParseView:
    """One doc's parse as plain Python lists, read once from whole-doc arrays: walking the
    tree through these indices builds no spaCy Token (spaCy builds a new one for every
    ``doc[i]``, ``.head``, and each step of ``.children`` and ``.subtree``)."""

    __slots__ = ("heads", "deps", "pos", "tags", "lowers", "lemmas", "sentence_of", "sentence_starts",
                 "_by_head", "_first_child", "_subtrees")

    def __init__(self, doc: Doc):
        array = doc.to_array([HEAD, DEP, POS, TAG, LOWER, LEMMA, SENT_START])
        # HEAD is relative, stored unsigned; the index arrays are computed whole in numpy
        heads = array[:, 0].view("int64") + numpy.arange(len(array))
        self.heads: list[int] = heads.tolist()
        self.deps = _names(doc, array[:, 1].tolist())
        self.pos = _names(doc, array[:, 2].tolist())
        self.tags = _names(doc, array[:, 3].tolist())
        self.lowers = _names(doc, array[:, 4].tolist())
        self.lemmas = _names(doc, array[:, 5].tolist(), _LOWER_CASE_NAMES)  # as the stages read them
        starts = array[:, 6] == 1
        starts[:1] = True  # as Token.sent reads SENT_START
        self.sentence_of: list[int] = (numpy.cumsum(starts) - 1).tolist()
        # of spaCy's sentences (Token.sent), then len(doc)
        self.sentence_starts: list[int] = numpy.flatnonzero(starts).tolist() + [len(array)]
        # children as slices of one list sorted (stably) by head: no list per token
        self._by_head: list[int] = numpy.argsort(heads, kind="stable").tolist()
        self._first_child: list[int] = [0] + numpy.cumsum(
            numpy.bincount(heads, minlength=len(array))).tolist()
        self._subtrees: dict[int, list[int]] = {}

    def children(self, i: int) -> list[int]:
        """The indices of Token.children: left children then right ones, in text order."""
        found = self._by_head[self._first_child[i]:self._first_child[i + 1]]
        if self.heads[i] == i:  # a root is its own head, not its own child
            found.remove(i)
        return found

    def subtree(self, i: int) -> list[int]:
        """The indices of Token.subtree, in its order (built once per token)."""
        found = self._subtrees.get(i)
        if found is None:
            found = []
            children = self.children(i)
            for child in children:
                if child > i:
                    break
                found += self.subtree(child)
            found.append(i)
            for child in children:
                if child > i:
                    found += self.subtree(child)
            self._subtrees[i] = found
        return found

    def breaks_line(self, i: int) -> bool:
        """Whether token ``i`` is a line break that ends a line of its own (a headline, a
        paragraph: a sentence starts after it or with it, ``nlp.paragraph_breaks``), not the
        break of a hard-wrapped line inside a sentence."""
        if "\n" not in self.lowers[i]:
            return False
        number = self.sentence_of[i]
        return i + 1 >= len(self.heads) or self.sentence_of[i + 1] != number \
            or self.sentence_starts[number] == i

    def sentence(self, i: int) -> tuple[int, int]:
        """Start and end of the spaCy sentence of token ``i`` (``Token.sent``)."""
        number = self.sentence_of[i]
        return self.sentence_starts[number], self.sentence_starts[number + 1]


def parse_view(doc: Doc) -> ParseView:
    """The doc's ``ParseView``, built once per doc."""
    view = doc.user_data.get("eventwire_parse_view")
    if view is None:
        view = doc.user_data["eventwire_parse_view"] = ParseView(doc)
    return view


def ents_of(doc: Doc) -> tuple:
    """``doc.ents``, built once per doc: spaCy builds every entity's Span anew on each access.
    (The Spans refer back to the doc: ``forget_parse`` drops them.)"""
    ents = doc.user_data.get("eventwire_ents")
    if ents is None:
        ents = doc.user_data["eventwire_ents"] = doc.ents
    return ents


def forget_parse(doc: Doc) -> None:
    """Drop the per-doc caches that hold Tokens or Spans (``tokens_of``, ``ents_of``, the
    events stage's phrases), so that the doc is freed as soon as it is let go (they refer
    back to it: a cycle only the garbage collector would break), and the ParseView, whose
    lists a doc kept after the stages (as a benchmark keeps its docs) need not carry."""
    for key in ("eventwire_tokens", "eventwire_phrases", "eventwire_ents",
                "eventwire_parse_view", "eventwire_item_ranges"):
        doc.user_data.pop(key, None)


def remember_text(doc: Doc, text: str) -> None:
    """Give ``doc_text`` the article text the doc was parsed from (spaCy keeps every
    character), so that no stage pays for spaCy's join; a doc of another length is left be."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data.setdefault("text", text)


def token_range(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """The tokens a character span covers, as ``doc.char_span(..., alignment_mode="expand")``
    finds them ((0, 0) where it finds none); cached per doc, since the actors and events
    stages look the same mentions up many times, and no Span is built on a hit."""
    cache = doc.user_data.get("eventwire_token_ranges")
    if cache is None:
        cache = doc.user_data["eventwire_token_ranges"] = {}
    found = cache.get(span)
    if found is None:
        found = cache[span] = _expanded_range(doc, span)
    return found


def _expanded_range(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """``doc.char_span``'s "expand" alignment by bisection on the token offsets, with no Span
    built; spaCy's own call for the rare spans this does not cover (empty, out of the doc, or
    ending in its last token's trailing space)."""
    start_char, end_char = span
    ends = token_ends(doc)
    if len(doc) and 0 <= start_char < end_char <= ends[-1]:
        starts = token_starts(doc)
        first = bisect_right(starts, start_char) - 1  # the token whose text or space holds it
        if first >= 0:
            if start_char == ends[first]:  # in the space after a token: not that token
                first += 1
            return first, bisect_right(starts, end_char - 1)
    span_tokens = doc.char_span(start_char, end_char, alignment_mode="expand")
    return (span_tokens.start, span_tokens.end) if span_tokens is not None else (0, 0)


def token_ends(doc: Doc) -> list[int]:
    """Every token's end offset (its text, not its trailing space), built once per doc."""
    ends = doc.user_data.get("eventwire_token_ends")
    if ends is None:
        # two flat arrays: a (start, length) pair per token would be a list per token, and
        # those small lists set off the garbage collector
        ends = doc.user_data["eventwire_token_ends"] = (
            doc.to_array(IDX) + doc.to_array(LENGTH)).tolist()
    return ends


def span_evidence(span: SpacySpan) -> Evidence:
    return Evidence(text=span.text, span=(span.start_char, span.end_char))


def token_at(doc: Doc, char: int):
    """The token that holds (or starts nearest after) a character offset."""
    if not len(doc):
        return None
    ends = token_ends(doc)  # built once per doc from arrays: each look-up is then one bisection
    return tokens_of(doc)[min(bisect_right(ends, char), len(doc) - 1)]  # first token whose end is past char
