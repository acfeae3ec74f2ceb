"""The quotes stage: who says what, with which words, where.

An attribution has a cue (the reporting words: "said", "added", "according to", "Speaking
from"), a source (the words naming the speaker) and a content (what is said). They are
found on the one spaCy parse: a reporting verb from ``data/quote_cues.tsv`` with its subject
as source and its clausal complement as content, quote marks widening the content to the
whole quotation, and "according to X" attaching X to the clause it modifies. Quote marks
that never close end at their paragraph, so a stray mark never swallows the article.

:func:`find_attributions` is the pure finder (character offsets only; the PolNeAR scorer
measures it; under PolNeAR's conventions a learned check, ``data/quote_cue_gate.json``, drops
cues that read badly in their context, and learned edges (:mod:`eventwire.extract.quote_edges`)
move the end of a verb cue and both edges of an indirect content); :func:`extract_quotes`
turns its findings into ``Quote`` items linked to the actors and places the earlier stages
found, with the rules' edges.
"""

from __future__ import annotations

import bisect
import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional

from spacy.tokens import Doc, Token

from eventwire.extract import doc_text, next_id, parse_view, token_at, token_starts, tokens_of
from eventwire.extract.quote_edges import (best_end, content_edges, content_head, cue_edges,
                                           cue_end_candidates, cue_end_features, cue_start_candidates,
                                           cue_start_edges, cue_start_features, end_candidates,
                                           end_features, quote_flags, start_candidates,
                                           start_features, start_edges)
from eventwire.extract.quote_encoder import quote_encoder, token_probabilities
from eventwire.extract.quote_tagger import cue_tagger, decode, features_of, probabilities, tagged_spans
from eventwire.model import Actor, Evidence, Extraction, Place, Quote

Piece = tuple[int, int]

OPENING = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
CLOSING = {"\u201d", '"', "\u00bb"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CUE_MODIFIERS = {"aux", "auxpass", "neg", "advmod", "prt"}
# words that may stand between a speaker and the cue when the parse lost the subject link
BRIDGE_POS = {"ADV", "AUX", "PART", "ADP", "PROPN", "NOUN", "DET", "NUM", "ADJ", "PUNCT"}
PLACE_PREPOSITIONS = {"in", "from", "at"}


@dataclass(frozen=True)
class CueWord:
    lemma: str
    kind: str        # speech | report | thought
    content: str     # clause | object | both: which complement holds what is said


@dataclass
class Attribution:
    """One attribution found in a doc, in character offsets."""

    kind: str                      # direct | indirect | mixed | according_to
    cue: Piece
    source: Optional[Piece]
    content: list[Piece]
    cue_kind: str = "speech"
    cue_token: int = -1
    source_token: Optional[int] = None
    place_token: Optional[int] = field(default=None)
    how: str = "clause"            # clause | object | preposition | quote | according


@lru_cache(maxsize=1)
def cue_words() -> dict[str, CueWord]:
    """Reporting verbs by lemma (data/quote_cues.tsv)."""
    path = resources.files("eventwire") / "data" / "quote_cues.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")),
                              delimiter="\t")
        return {row["lemma"]: CueWord(row["lemma"], row["kind"], row["content"]) for row in rows}


@lru_cache(maxsize=1)
def _cue_lemmas() -> frozenset[str]:
    return frozenset(cue_words())


@lru_cache(maxsize=1)
def noun_cues() -> frozenset[str]:
    """Nouns that carry an attribution with a possessive speaker: "his call for", "Trump's
    criticism of", "her claim that" (data/quote_noun_cues.tsv, learned from PolNeAR train)."""
    path = resources.files("eventwire") / "data" / "quote_noun_cues.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return frozenset(row["lemma"] for row in rows)


@lru_cache(maxsize=1)
def cue_spans() -> dict[str, frozenset[str]]:
    """PolNeAR's cue edges learned from train (data/quote_cue_spans.json): words before the
    verb the cue leaves out, and 'prep noun' settings after it the cue takes in."""
    path = resources.files("eventwire") / "data" / "quote_cue_spans.json"
    found = {key: frozenset(words) for key, words in json.loads(path.read_text("utf-8")).items()}
    return {"left_outside": frozenset(), "right_settings": frozenset(), "right_adverbs": frozenset(),
            "chain_governors": frozenset(), "weak_frames": frozenset(),
            "right_prepositions": frozenset(), **found}


@lru_cache(maxsize=1)
def cue_gate() -> Optional[dict]:
    """The learned check on PolNeAR-style cues (data/quote_cue_gate.json, built by
    scripts/train_quote_gate.py from PolNeAR train): logistic-regression weights over the
    cue's parse features, the threshold below which an attribution is dropped, and the
    extra cue verbs read only when the check passes them (None when the file is absent)."""
    path = resources.files("eventwire") / "data" / "quote_cue_gate.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text("utf-8"))


@lru_cache(maxsize=1)
def phrase_cues() -> dict[str, frozenset[str]]:
    """PolNeAR's cues that are not a reporting verb: copular adjectives ("has been critical
    of", "was sure") and light verbs with their object noun ("expressed concern about",
    "made the case for"), learned from train by scripts/build_quote_phrases.py
    (data/quote_phrase_cues.json; empty sets when the file is absent)."""
    path = resources.files("eventwire") / "data" / "quote_phrase_cues.json"
    if not path.is_file():
        return {"adjectives": frozenset(), "light_objects": frozenset()}
    found = json.loads(path.read_text("utf-8"))
    return {"adjectives": frozenset(found["adjectives"]),
            "light_objects": frozenset(found["light_objects"])}


@lru_cache(maxsize=1)
def tagger_lexicon() -> frozenset[str]:
    """Every lemma the rule finder reads as a cue: verbs, checked verbs, nouns, adjectives."""
    gate = cue_gate() or {}
    return frozenset(cue_words()) | frozenset(gate.get("extra_cues", ())) | noun_cues() \
        | phrase_cues()["adjectives"]


PRONOUNS = {"he", "she", "they", "we", "i", "you", "it", "who", "which", "that"}


def gate_features(attribution: "Attribution", doc: Doc) -> list[str]:
    """What the cue check sees of one attribution: the cue verb and how it reads its
    content, the speaker's kind, the content's place and length, the verb's dependents."""
    tokens = tokens_of(doc)
    verb = tokens[attribution.cue_token]
    text = doc_text(doc)
    lemma = verb.lemma_.lower()
    how = attribution.how
    rows = [f"lemma={lemma}", f"how={how}", f"lemma_how={lemma}|{how}", f"dep={verb.dep_}",
            f"tag={verb.tag_}", f"kind={attribution.kind}", f"cue_kind={attribution.cue_kind}",
            f"head_pos={verb.head.pos_}", f"dep_how={verb.dep_}|{how}",
            f"lexicon={lemma in cue_words()}"]
    if attribution.source_token is None:
        rows.append("source=none")
    else:
        speaker = tokens[attribution.source_token]
        rows += [f"source_pos={speaker.pos_}", f"source_ent={speaker.ent_type_ or '-'}",
                 f"source_dep={speaker.dep_}", f"source_lemma={speaker.lower_}"
                 if speaker.lower_ in PRONOUNS else f"source_pos_how={speaker.pos_}|{how}",
                 f"lemma_source={lemma}|{speaker.ent_type_ or speaker.pos_}",
                 f"source_words={min(_word_count(text, attribution.source), 6)}"]
    if verb.dep_ in ("xcomp", "advcl", "conj", "ccomp", "relcl", "acl"):
        rows.append(f"head_lemma={verb.dep_}|{verb.head.lemma_.lower()}")
    content = attribution.content[0]
    starts = token_starts(doc)
    words = bisect.bisect_left(starts, content[1]) - bisect.bisect_left(starts, content[0])
    first = text[content[0]:content[1]].split()[0].lower()
    rows += [f"content_words={min(words.bit_length(), 7)}",
             f"content_before={content[1] <= attribution.cue[0]}",
             f"cue_words={min(_word_count(text, attribution.cue), 5)}",
             f"content_first={first if first in GATE_FIRST_WORDS else '-'}",
             f"content_end={text[content[1]:content[1] + 1] or '$'}",
             f"sentence_words={min((verb.sent.end - verb.sent.start).bit_length(), 7)}",
             f"pieces={len(attribution.content)}"]
    rows += [f"child={child.dep_}" for child in verb.children]
    rows += [f"aux={child.lower_}" for child in verb.children if child.dep_ in ("aux", "neg")]
    if verb.i + 1 < len(doc):
        after = tokens[verb.i + 1]
        rows.append(f"next={after.lower_ if after.is_punct or after.pos_ in GATE_WORD_POS else after.pos_}")
    return rows


GATE_FIRST_WORDS = {"that", "the", "he", "she", "it", "they", "we", "i"}
GATE_WORD_POS = {"ADP", "SCONJ", "PRON", "DET"}  # function words the check sees as words


def _word_count(text: str, piece: Optional[Piece]) -> int:
    return len(text[piece[0]:piece[1]].split()) if piece else 0


def _gate_passes(attribution: "Attribution", doc: Doc, gate: dict) -> bool:
    weights = gate["weights"]
    score = gate["bias"] + sum(weights.get(f, 0.0) for f in gate_features(attribution, doc))
    return score >= gate["threshold_logit"]


# --- quote marks -------------------------------------------------------------------------

QUOTE_OR_BREAK = re.compile("''|[\n\"\u201c\u201d\u00ab\u00bb]")


def quotations(text: str) -> list[Piece]:
    """Spans of quoted text, marks included. Unclosed quotes end at their paragraph's end.

    Curly marks pair by shape; a straight mark opens when none is open and closes otherwise;
    two apostrophes (''...'', the New York Times' archive style) are one straight mark.
    """
    found: list[Piece] = []
    opened: Optional[int] = None
    for mark in QUOTE_OR_BREAK.finditer(text):  # only the marks and line breaks matter
        i, char, width = mark.start(), mark.group(), len(mark.group())
        if width == 2:
            char = '"'
        if char == "\n":
            if opened is not None:  # a quote never runs past its paragraph
                if i - opened > 1:
                    found.append((opened, i))
                opened = None
        elif opened is None:
            if char in OPENING and char != "\u201d":
                opened = i
        elif char in CLOSING:
            found.append((opened, i + width))
            opened = None
        elif char == "\u201c":  # a new opening mark: the last quote was never closed
            if i - opened > 1:
                found.append((opened, i))
            opened = i
    if opened is not None and len(text) - opened > 1:
        found.append((opened, len(text)))
    return [piece for piece in found if len(text[piece[0]:piece[1]].strip("\"'\u201c\u201d \n")) > 0]


def is_full_quote(text: str, piece: Piece) -> bool:
    """A quotation long enough to be a statement, not a scare quote ("finally")."""
    return len(text[piece[0]:piece[1]].split()) >= 4


# --- the finder ---------------------------------------------------------------------------

class _Paragraphs:
    """Paragraph bounds of a text: a line break always ends an attribution."""

    def __init__(self, text: str):
        self.breaks = [i for i, char in enumerate(text) if char == "\n"]
        self.length = len(text)

    def around(self, char: int) -> Piece:
        i = bisect.bisect_right(self.breaks, char)
        start = self.breaks[i - 1] + 1 if i > 0 else 0
        end = self.breaks[i] if i < len(self.breaks) else self.length
        return start, end


def _clip(piece: Piece, bounds: Piece) -> Optional[Piece]:
    start, end = max(piece[0], bounds[0]), min(piece[1], bounds[1])
    return (start, end) if start < end else None


def _subtree_piece(token: Token) -> Piece:
    subtree = list(token.subtree)
    first, last = subtree[0], subtree[-1]
    return first.idx, last.idx + len(last.text)


def _token_piece(tokens: list[Token]) -> Piece:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _cue_piece(verb: Token) -> tuple[Piece, int]:
    """The cue words: the verb with its auxiliaries, negation and adverbs just before it."""
    first = verb
    outside = cue_spans()["left_outside"]
    for child in reversed(list(verb.lefts)):
        if child.dep_ in CUE_MODIFIERS and child.i == first.i - 1 and not child.is_punct \
                and child.lower_ not in outside:  # "when asked": the cue is "asked"
            first = child
        else:
            break
    last = verb
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == last.i + 1:
            last = child
    return (first.idx, last.idx + len(last.text)), verb.i


DATELINE = re.compile(r"^.{0,80}?(?:\(\w+\)\s*)?[\u2014\u2013-]{1,2}\s+")


def _holds_cue(clause: Token) -> bool:
    """A clause with a reporting verb of its own ("who emphasized that ...")."""
    words = cue_words()
    return any(t.lemma_.lower() in words and t.pos_ == "VERB" for t in clause.subtree)


def _after_comma(clause: Token) -> bool:
    """A participle set off by a comma: 'Trump, speaking to a veterans group, said'."""
    first = clause.left_edge
    return clause.dep_ == "acl" and first.i > 0 and tokens_of(clause.doc)[first.i - 1].text == ","


def _source_piece(speaker: Token, bounds: Piece, text: str, whole: bool = False) -> Optional[Piece]:
    """The words naming the speaker: the noun phrase without its relative clause ("Dino
    Spencer, who now runs the gym"; PolNeAR's source, ``whole``, keeps it) and without a
    dateline ("RENO, Nev. (AP) \u2014")."""
    tokens = list(speaker.subtree)
    for child in speaker.children:
        if child.dep_ in ("relcl", "acl") and child.i > speaker.i and (
                not whole or _holds_cue(child) or _after_comma(child)):
            cut = child.left_edge.i
            tokens = [t for t in tokens if t.i < cut]
            break
    if whole:  # "an arbitration panel in 2001", "Even China": the time and the focus word stay out
        for child in speaker.children:
            if child.i > speaker.i and child.dep_ == "prep" and all(
                    t.ent_type_ == "DATE" for t in child.subtree if t.i != child.i):
                tokens = [t for t in tokens if t.i < child.left_edge.i]
        while tokens and tokens[0].dep_ == "advmod" and tokens[0].head.i == speaker.i:
            tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return None
    piece = _clip(_token_piece(tokens), bounds)
    if piece is None:
        return None
    dateline = DATELINE.match(text[piece[0]:piece[1]])
    if dateline and dateline.end() < piece[1] - piece[0]:
        piece = (piece[0] + dateline.end(), piece[1])
    return piece


# "LOS ANGELES, Feb. 2 (UPI) — ", "WASHINGTON (AP) — ": a wire dateline opening a paragraph
WIRE_DATELINE = re.compile(r"[A-Z][A-Z.' ]{2,}(?:,[^\n—–―]{0,40}?)?(?:\([A-Za-z]+\)\s*)?"
                           r"(?:[—–―]|--?)\s+")


def _without_dateline(piece: Optional[Piece], text: str) -> Optional[Piece]:
    """Content that opens with a wire dateline starts after it."""
    if piece is None or (piece[0] > 0 and text[piece[0] - 1] != "\n"):
        return piece
    match = WIRE_DATELINE.match(text, piece[0], piece[1])
    return (match.end(), piece[1]) if match and match.end() < piece[1] else piece


def _cue_between(verb: Token, cue: Piece, source: Optional[Piece], content: Piece,
                 text: str) -> Piece:
    """PolNeAR's cue: with the words between source and content that train shows it takes
    in: time words after the verb ("said Thursday that"), settings ("said in a statement
    that"), adverbs before it ("also said"), but not "when" or "on Thursday" before it."""
    doc = verb.doc
    start, end = cue
    spans = cue_spans()
    k = verb.i + 1
    while content[0] > end and k < len(doc) and tokens_of(doc)[k].idx >= end:
        child = next((c for c in verb.rights if c.left_edge.i == k), None)
        if child is None:
            break
        words = list(child.subtree)
        if child.dep_ in ("npadvmod", "advmod") and (
                any(t.ent_type_ in ("DATE", "TIME") for t in words)
                or child.lower_ in spans["right_adverbs"]):
            last = child.right_edge  # "said Thursday morning", "said then"
        elif child.dep_ == "prep" and any(
                f"{child.lower_} {c.lemma_.lower()}" in spans["right_settings"]
                for c in child.children if c.dep_ == "pobj"):
            last = child.right_edge  # "said in a statement", "wrote on Facebook"
            if last.idx >= content[0] >= end:
                break
        else:
            break
        end = last.idx + len(last.text)
        k = last.i + 1
    after = tokens_of(doc)[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after is not None and after.head.i == verb.i and after.dep_ == "prep" and after.idx >= end and \
            f"{verb.lemma_.lower()} {after.lower_}" in spans["right_prepositions"]:
        end = after.idx + len(after.text)  # "said of Apple", "railed against": the preposition is cue
    first = tokens_of(doc)[verb.i]
    for child in reversed(list(verb.lefts)):
        words = list(child.subtree)
        if words[-1].i != first.i - 1 or child.dep_ not in ("prep", "npadvmod", "advmod"):
            break
        if any(t.lower_ in spans["left_outside"] for t in words):
            break  # "on Tuesday said": the cue is "said"
        if not any(t.ent_type_ == "DATE" for t in words) and child.dep_ != "advmod":
            break
        if source is not None and words[0].idx < source[1]:
            break
        first = words[0]
    return min(start, first.idx), end


def _within(piece: Piece, quotes: list[Piece]) -> Optional[Piece]:
    for quote in quotes:
        if quote[0] <= piece[0] and piece[1] <= quote[1]:
            return quote
    return None


def _subject(verb: Token) -> Optional[Token]:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)  # "He smiled and said ..."
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)  # "Blackwell spoke, noting that ..."
    return None


def _agent(verb: Token) -> Optional[Token]:
    """The speaker of a passive: 'was echoed by X'."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _inverted_subject(verb: Token, content_first: bool) -> Optional[Token]:
    """The speaker after the verb when the quote comes first: '"...", added the minister'."""
    if not content_first:
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj", "dep") and child.pos_ in (
                "PROPN", "NOUN", "PRON"):
            return child
    return None


PHRASE_MODIFIERS = {"compound", "amod", "poss", "nummod", "det", "case", "punct", "nmod"}


def _left_speaker(verb: Token, bounds: Piece) -> Optional[Token]:
    """The noun phrase just before a verb whose subject link the parse lost."""
    doc = verb.doc
    for k in range(verb.i - 1, max(verb.sent.start, verb.i - 40) - 1, -1):
        token = tokens_of(doc)[k]
        if token.idx < bounds[0] or token.pos_ not in BRIDGE_POS or token.text in (".", ";", ":", ","):
            return None
        if token.pos_ not in ("NOUN", "PROPN", "PRON") or token.dep_ in PHRASE_MODIFIERS:
            continue
        if token.dep_ == "pobj" or token.ent_type_ in ("DATE", "TIME"):
            continue  # "on Thursday" between the speaker and the verb
        return token
    return None


SAYING = {"say", "tell", "add", "write", "argue", "insist", "claim", "note", "warn", "explain"}
ADDRESSEE_VERBS = {"tell", "ask", "remind", "assure", "warn", "urge", "thank", "inform"}
CONTENT_PREPOSITIONS = {"about", "on", "for", "of", "against", "to", "at", "with", "into", "over"}
OBJECT_TAIL = {"prep", "oprd", "xcomp", "acomp"}
OBJECT_PREPOSITIONS = {"for", "as", "of", "on", "over", "about", "to", "with", "against"}


def _complement(verb: Token, cue: CueWord, bounds: Piece,
                later_clause: bool = False) -> tuple[Optional[Token], str]:
    """The head of what is said and how it hangs on the verb: clause, object or preposition.
    ``later_clause`` (PolNeAR) prefers a clause after the verb to one the parse hung before it."""
    inside = [c for c in verb.children if bounds[0] <= c.idx < bounds[1]]
    clauses = [c for c in inside if c.dep_ == "ccomp"]
    after, how = _clause_after(verb, clauses, inside) if later_clause else (None, "")
    if after is not None:
        return after, how
    if clauses:
        return clauses[0], "clause"
    objects = [c for c in inside if c.dep_ == "dobj" and c.i > verb.i]
    if cue.content in ("clause", "both"):
        for child in inside:
            if child.dep_ == "xcomp" and objects and objects[0].i < child.i:
                return objects[0], "object"  # "asked the candidates to make ..."
            if child.dep_ == "xcomp" or (child.dep_ == "advcl" and child.i > verb.i and any(
                    m.lower_ in ("if", "whether") for m in child.children if m.dep_ == "mark")
                    and not any(m.lower_ == "even" for m in child.children)):
                return child, "clause"  # "asked if ...", not "If schedules permit, he would like"
            if child.dep_ == "advcl" and child.i > verb.i and \
                    child.left_edge.lower_ == "that" and child.left_edge.i > verb.i:
                return child, "clause"  # "tweeted in the early hours that ...": a misread ccomp
            if child.dep_ == "advcl" and child.i > verb.i and verb.lemma_.lower() in SAYING and \
                    any(c.dep_ == "nsubj" for c in child.children) and \
                    not any(c.dep_ == "mark" for c in child.children):
                return child, "clause"  # "said after the convention he would not": a misread ccomp
        if verb.lemma_.lower() in ADDRESSEE_VERBS and objects:
            for clause in objects[0].subtree:  # "told a meeting of leaders that few people ..."
                if clause.dep_ in ("relcl", "acl", "ccomp") and clause.left_edge.lower_ == "that" and \
                        clause.left_edge.dep_ == "mark":
                    return clause, "clause"
    if cue.content in ("object", "both") or verb.lemma_.lower() not in ADDRESSEE_VERBS:
        for child in inside:
            if child.dep_ in ("dobj", "attr", "intj") and child.i > verb.i or \
                    child.dep_ == "dobj" and child.lower_ in ("that", "what", "which", "so"):
                return child, "object"
    for child in inside:  # "pointed to X", "called for X", "spoke about X"
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS and 0 < child.i - verb.i <= 2:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and objects[0].ent_type_ not in ("DATE", "TIME"):  # "said on Thursday": when
                return objects[0], "preposition"
    return None, ""


QUOTED = {'"', "\u201c", "\u201d", "''", "``"}


def _clause_after(verb: Token, clauses: list[Token], inside: list[Token]) -> tuple[Optional[Token], str]:
    """What is said after the verb where the parse also hung a clause before it: a clause
    ("He didn't express much remorse ...; more so, he said that CNN had"; PolNeAR train: gold
    for 52 of 60 such verbs, the clause before for 8), the "that" clause after an addressee
    ("..., Paul Manafort told friends that ..."), or an object where a semicolon or dash
    parts the verb from the clause before ("...; others have shared Gulenist material")."""
    if not clauses or clauses[0].i > verb.i or not any(
            c.dep_ in SUBJECTS and c.i < verb.i for c in verb.children):
        return None, ""  # '"...," said the monitor, who ...': the clause before is the quote
    if any(t.text in QUOTED for t in verb.doc[max(clauses[0].left_edge.i - 1, 0):verb.i]):
        return None, ""  # '"It's finished," she said in ...': a quotation before the verb is what it reports
    later = next((c for c in inside if c.i > verb.i and (c.dep_ == "ccomp" and c.tag_ != "VBG" or c.dep_
                  == "xcomp" and c.tag_ == "VB")), None)  # not '" ... " he said adding that ...'
    if later is not None:
        return later, "clause"
    objects = [c for c in inside if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return None, ""
    if verb.lemma_.lower() in ADDRESSEE_VERBS:
        that = next((c for c in objects[0].subtree if c.dep_ in ("relcl", "acl", "ccomp")
                     and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
        return (that, "clause") if that is not None else (None, "")
    edge = clauses[0].right_edge.i + 1
    parted = edge < verb.i and verb.doc[edge].text in (";", "\u2014", "\u2013", "--", "-", ":")
    return (objects[0], "object") if parted else (None, "")


def _with_addressee(content: Piece, verb: Token, infinitive: Token) -> Piece:
    """'called on Trump to stop attacking Machado': who is called on is part of the content."""
    for child in verb.children:
        if child.dep_ == "prep" and verb.i < child.i < infinitive.i and \
                f"{verb.lemma_.lower()} {child.lower_}" in cue_spans()["right_prepositions"]:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].right_edge.i < infinitive.i:
                return min(content[0], objects[0].left_edge.idx), content[1]
    return content


def _content_piece(head: Token, how: str, verb: Token, bounds: Piece, cue_words_: dict) -> Optional[Piece]:
    """The words of the content: the head's subtree, cut where another reporting verb's
    coordinated clause starts; an object takes the rest of the predicate ("X for Y")."""
    tokens = list(head.subtree)
    cut = None
    for child in head.children:  # "says A and says B": B is another attribution
        if child.dep_ == "conj" and child.i > head.i and child.lemma_.lower() in cue_words_ and \
                not any(c.dep_ in SUBJECTS or c.dep_ == "mark" for c in child.children):
            cut = child.i
            break
    if cut is not None:
        stop = cut
        while stop - 1 > head.i and tokens_of(head.doc)[stop - 1].dep_ in ("cc", "punct"):
            stop -= 1
        tokens = [t for t in tokens if t.i < stop]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if how == "object":
        for child in verb.children:
            if child.i <= head.i:
                continue
            if child.dep_ == "prep" and child.lower_ not in OBJECT_PREPOSITIONS:
                break  # "praised X at a press conference": where, not what
            if child.i > head.i and child.dep_ in OBJECT_TAIL:
                last = list(child.subtree)[-1]
                end = max(end, last.idx + len(last.text))
    return _clip((start, end), bounds)


RELATIVE_WORDS = {"which", "who", "whom", "whose", "where"}
CONCESSIVE = {"though", "although", "while", "whereas"}
ASIDE_BREAKS = {",", "\u2014", "--", ";"}


def _without_trailing_aside(content: Piece, doc: Doc, quotes: list[Piece]) -> Piece:
    """Content without the aside that closes it after a comma (PolNeAR leaves it out): a
    relative clause (", which forced her to leave") or a participle (", citing ...")."""
    tokens = tokens_of(doc)
    first = token_at(doc, content[0])
    if first is None:
        return content
    k = first.i + 1
    while k < len(doc) and tokens[k].idx < content[1]:
        token, before = tokens[k], tokens[k - 1]
        if before.text in ASIDE_BREAKS and before.idx > content[0] and \
                not _within((token.idx, token.idx + 1), quotes):
            owner = token.head if token.lower_ in RELATIVE_WORDS or token.dep_ == "mark" else token
            aside = (token.lower_ in RELATIVE_WORDS and owner.dep_ == "relcl") or \
                (token.tag_ == "VBG" and token.dep_ in ("advcl", "acl", "xcomp")) or \
                (token.dep_ == "mark" and token.lower_ in CONCESSIVE and owner.dep_ == "advcl")
            last = owner.right_edge
            if aside and last.idx + len(last.text) >= content[1] - 1:
                return content[0], before.idx
        k += 1
    return content


def _through_colon(content: Piece, doc: Doc, bounds: Piece, quotes: list[Piece]) -> Piece:
    """'she has the essential quality for the job: "Steadiness ..."': what follows a colon
    that ends the content is more of it (to the end of its sentence or quotation)."""
    text = doc_text(doc)
    k = content[1]
    while k < bounds[1] and text[k] in " \t":
        k += 1
    if k >= bounds[1] or text[k] != ":" or content[0] > k:
        return content
    after = token_at(doc, k + 1) or token_at(doc, k + 2)
    if after is None or after.idx >= bounds[1]:
        return content
    end = after.sent.end_char
    quote = _within((after.idx, after.idx + 1), quotes) or next(
        (q for q in quotes if q[0] == after.idx), None)
    if quote is not None:
        end = max(end, quote[1])
    return _trim(_clip((content[0], end), bounds), text) or content


def _lead_trimmed(piece: Optional[Piece], doc: Doc) -> Optional[Piece]:
    """Without a leading discourse word and its comma: 'Still, ...', 'Even so, ...'."""
    tokens = tokens_of(doc)
    if piece is None:
        return None
    first = token_at(doc, piece[0])
    if first is None:
        return piece
    for k in range(first.i, min(first.i + 3, len(doc))):
        token = tokens[k]
        if token.text == ",":
            if k > first.i and all(t.dep_ in ("advmod", "cc", "intj", "advcl") or t.pos_ in ("ADV", "CCONJ")
                                   for t in doc[first.i:k]):
                nxt = tokens[k + 1] if k + 1 < len(doc) else None
                if nxt is not None and nxt.idx < piece[1]:
                    return (nxt.idx, piece[1])
            break
    return piece


def _speech_place(verb: Token) -> Optional[int]:
    """The token of the place where the words were spoken: 'said in Hamburg', 'Speaking from Geneva'."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    return obj.i
        if child.dep_ == "advcl" and child.lemma_ == "speak":
            found = _speech_place(child)
            if found is not None:
                return found
    return None


def find_attributions(doc: Doc, all_cues: bool = False, use_tagger: bool = True,
                      use_edges: bool = True) -> list[Attribution]:
    """Attributions in a parsed doc, as character offsets.

    ``all_cues`` follows PolNeAR's conventions: thought and intention cues ("believes",
    "wants") count, and the cue spans every word between source and content ("told Reuters
    on Thursday"). Without it (the product) cues are speech and reports, and the cue is the
    verb with its auxiliaries ("has said"). ``use_edges`` (with ``all_cues`` only) lets the
    learned edges move the cue's end and the content's start and end (PolNeAR dev: cue +0.4,
    content +1.1 F1); the trainers turn it off to see the rules' edges.
    """
    text = doc_text(doc)
    quotes = quotations(text)
    paragraphs = _Paragraphs(text)
    words = cue_words()
    gate = cue_gate() if all_cues else None
    if gate:  # verbs that read as cues only where the check passes them
        words = {**{lemma: CueWord(lemma, "thought", content)
                    for lemma, content in gate["extra_cues"].items()}, **words}
    nouns = noun_cues() if all_cues else frozenset()
    phrases = phrase_cues() if all_cues else None
    found: list[Attribution] = []
    view, tokens = parse_view(doc), tokens_of(doc)
    for i, (lower, lemma) in enumerate(zip(view.lowers, view.lemmas)):
        if not all_cues and lemma not in words and lower != "according":
            continue  # the product's cues are all in ``words``: no Token for the other words
        token = tokens[i]
        if lower == "according" and i + 1 < len(doc) and view.lowers[i + 1] == "to":
            attribution = _according_to(token, paragraphs, quotes, text, all_cues)
            if attribution:
                found.append(attribution)
            continue
        if all_cues and lower == "in" and view.deps[i] == "prep":
            attribution = _poll_attribution(token, paragraphs, quotes, text)
            if attribution and not _within((token.idx, token.idx + 1), quotes):
                found.append(attribution)
                continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in nouns:
            attribution = _noun_attribution(token, paragraphs, text)
            if attribution and not _within((token.idx, token.idx + 1), quotes):
                found.append(attribution)
            continue
        if phrases is not None and not _within((token.idx, token.idx + 1), quotes):
            attribution = _adjective_attribution(token, phrases["adjectives"], paragraphs, quotes, text) \
                or _light_verb_attribution(token, phrases["light_objects"], paragraphs, quotes, text)
            if attribution:
                found.append(attribution)
                continue
        cue = words.get(token.lemma_.lower())
        if cue is None or token.pos_ not in ("VERB", "AUX") or token.dep_ in ("amod", "compound"):
            continue
        if _connective_said(token):
            continue  # "That said, ...", "Having said that, ...": the writer's connective
        if token.dep_ == "acl" and not (all_cues and token.tag_ == "VBG"):
            continue  # "the petition calling on him to ...": PolNeAR's, not a quote
        if not all_cues and cue.kind == "thought":
            continue
        if _within((token.idx, token.idx + 1), quotes):
            continue  # words inside a quotation are the quoted speaker's, not the article's
        governor = _governor(token) if all_cues else None
        if governor is None and token.dep_ == "xcomp" and _subject(token) is None and \
                token.head.lemma_.lower() not in words:
            continue  # "how to attack", "plans to announce": an intention, not an attribution
        if all_cues and any((_governor(c) or c).i == token.i for c in token.rights
                            if c.lemma_.lower() in words):
            continue  # "continued to call for": read from the verb it governs
        attribution = _passive_attribution(token, paragraphs, text) if all_cues else None
        attribution = attribution or _verb_attribution(token, cue, paragraphs, quotes, text,
                                                       all_cues, governor)
        if attribution and all_cues and f"{attribution.how}:{cue.lemma}" in cue_spans()["weak_frames"]:
            continue  # "found the money", "read the letter": this verb reads badly this way
        if attribution:
            found.append(attribution)
    if phrases is not None:  # "issued a statement saying": the participle is the phrase's cue
        found = [a for a in found if a.how == "phrase" or not any(
            b.how == "phrase" and b.cue[0] <= a.cue[0] and a.cue[1] <= b.cue[1] for b in found)]
    if gate:  # the learned check drops cues that read badly in their context
        found = [a for a in found if a.how in ("according", "noun", "phrase") or a.cue_token < 0
                 or _gate_passes(a, doc, gate)]
    used_quotes = _quotes_in_content(quotes, found)
    found += _signed_quotes(text, quotes, used_quotes)
    _continue_quotes(text, quotes, used_quotes, found)
    if all_cues and use_tagger and (quote_encoder() is not None or cue_tagger() is not None):
        found += _tagged_attributions(doc, found, quotes, paragraphs, text)
    if all_cues and use_edges:  # the learned edges: the cue's end and start, then the content's
        flags = quote_flags(doc, quotes)
        for model, rows_of, move in (
                (cue_edges(), lambda a: cue_edge_rows(doc, a), _end_cue),
                (cue_start_edges(), lambda a: cue_start_rows(doc, a, paragraphs), _start_cue),
                (start_edges(), lambda a: start_edge_rows(doc, a, paragraphs), _start_content),
                (content_edges(), lambda a: edge_rows(doc, a, flags, paragraphs), _end_content)):
            if model is not None:
                _move_edges(doc, found, model, rows_of, move)
    if all_cues:  # after the edges, which move an indirect content's last piece
        _continue_quotes(text, quotes, _quotes_in_content(quotes, found), found,
                         after_indirect=True)
    if all_cues:  # PolNeAR is univocal: an attribution inside another's content is not one
        found = [a for a in found if not any(
            b is not a and any(s <= a.cue[0] and a.cue[1] <= e for s, e in b.content) for b in found)]
    return found


def _connective_said(verb: Token) -> bool:
    """"That said,", "That being said,", "Having said that,": a connective opening its
    sentence, which reports nobody's words (bench corpus: 5 "That said," read as quotes whose
    speaker was "That", 3 "Having said that," as quotes whose content was "that")."""
    if verb.lower_ != "said":
        return False
    tokens = tokens_of(verb.doc)
    before = [t.lower_ for t in tokens[verb.sent.start:verb.i]
              if not (t.is_punct or t.dep_ == "cc")]
    after = [t.lower_ for t in tokens[verb.i + 1:min(verb.sent.end, verb.i + 3)]]
    if before in (["that"], ["this"], ["that", "being"], ["this", "being"]):
        return after[:1] == [","]
    return before == ["having"] and after in (["that", ","], ["this", ","])


def _move_edges(doc: Doc, found: list[Attribution], model, rows_of, move) -> None:
    """Move one edge of each attribution to the token a learned edge model picks among the
    candidates ``rows_of`` gives (none: the edge stays)."""
    tokens = tokens_of(doc)
    for attribution in found:
        rows = rows_of(attribution)
        if rows is not None:
            original, scored = rows
            move(attribution, tokens[best_end(scored, original, model)])


def _end_cue(attribution: Attribution, last: Token) -> None:
    attribution.cue = (attribution.cue[0], last.idx + len(last.text))


def _start_cue(attribution: Attribution, first: Token) -> None:
    attribution.cue = (first.idx, attribution.cue[1])


def _start_content(attribution: Attribution, first: Token) -> None:
    attribution.content[-1] = (first.idx, attribution.content[-1][1])


def _end_content(attribution: Attribution, last: Token) -> None:
    attribution.content[-1] = (attribution.content[-1][0], last.idx + len(last.text))


NOT_VERB_CUES = ("according", "noun", "tagged", "phrase", "signature")
"""Ways of reading a cue whose edges are not a reporting verb's (the learned edges leave them)."""


def _verb_cue(attribution: Attribution) -> bool:
    """Whether the attribution's cue was read from a reporting verb in the parse."""
    return attribution.cue_token >= 0 and attribution.how not in NOT_VERB_CUES


def cue_edge_rows(doc: Doc, attribution: Attribution) -> Optional[tuple[int, list[tuple[int, list[str]]]]]:
    """The end candidates of a verb cue with their features, and the token the rules ended it
    on; None for cues read otherwise (nouns, phrases, "according to", the tagger's)."""
    if not _verb_cue(attribution):
        return None
    start, end = attribution.cue
    last = token_at(doc, end - 1)
    head = attribution.cue_token
    if last is None or last.i < head or tokens_of(doc)[head].idx < start:
        return None
    limit = len(doc_text(doc))
    content_after = None
    for piece in attribution.content + ([attribution.source] if attribution.source else []):
        if piece[0] >= end:
            limit = min(limit, piece[0])
    later = [p for p in attribution.content if p[0] >= end]
    if later:
        first = token_at(doc, min(p[0] for p in later))
        content_after = first.i if first is not None else None
    candidates = cue_end_candidates(doc, head, last.i, limit)
    return last.i, [(k, cue_end_features(doc, head, last.i, k, attribution.how, content_after))
                    for k in candidates]


def cue_start_rows(doc: Doc, attribution: Attribution,
                   paragraphs: _Paragraphs) -> Optional[tuple[int, list[tuple[int, list[str]]]]]:
    """The start candidates of a verb cue with their features, and the token the rules started
    it on; None for cues read otherwise (nouns, phrases, "according to", the tagger's)."""
    if not _verb_cue(attribution):
        return None
    start, end = attribution.cue
    first = token_at(doc, start)
    head = attribution.cue_token
    if first is None or first.i > head or doc[head].idx >= end:
        return None
    floor = paragraphs.around(start)[0]
    for piece in attribution.content + ([attribution.source] if attribution.source else []):
        if piece[1] <= start:
            floor = max(floor, piece[1])
    return first.i, [(k, cue_start_features(doc, head, first.i, k, attribution.how))
                     for k in cue_start_candidates(doc, head, first.i, floor)]


def start_edge_rows(doc: Doc, attribution: Attribution,
                    paragraphs: _Paragraphs) -> Optional[tuple[int, list[tuple[int, list[str]]]]]:
    """The start candidates of an indirect or mixed content's last piece with their features,
    and the token the rules started it on; None where the edge is not the learner's to move."""
    if not attribution.content or attribution.kind == "direct" or not _verb_cue(attribution):
        return None
    start, end = attribution.content[-1]
    first, last = token_at(doc, start), token_at(doc, end - 1)
    if first is None or last is None or last.i < first.i:
        return None
    floor = paragraphs.around(start)[0]
    for piece in (attribution.cue, attribution.source) + tuple(attribution.content[:-1]):
        if piece and piece[1] <= start:
            floor = max(floor, piece[1])
    head = content_head(doc, first.i, last.i)
    cue_lemma = tokens_of(doc)[attribution.cue_token].lemma_.lower()
    cue_before = attribution.cue[1] <= start
    return first.i, [(k, start_features(doc, first.i, k, head, attribution.how, cue_lemma, cue_before))
                     for k in start_candidates(doc, first.i, last.i, floor)]


def edge_rows(doc: Doc, attribution: Attribution, inside_quote: list[bool],
              paragraphs: _Paragraphs) -> Optional[tuple[int, list[tuple[int, list[str]]]]]:
    """The end candidates of an indirect or mixed content's last piece with their features,
    and the token the rules ended it on; None where the edge is not the learner's to move
    (direct quotes end at their marks, a content before its cue at the speaker; noun and
    "according to" readings are left as read)."""
    if not attribution.content or attribution.kind == "direct" or \
            attribution.how in ("according", "noun", "tagged") or attribution.cue_token < 0:
        return None
    start, end = attribution.content[-1]
    if end <= attribution.cue[0]:
        return None  # a content before its cue ends where its speaker or cue begins
    first, last = token_at(doc, start), token_at(doc, end - 1)
    if first is None or last is None or last.i < first.i:
        return None
    limit = paragraphs.around(start)[1]
    for piece in (attribution.cue, attribution.source):
        if piece and piece[0] >= end:
            limit = min(limit, piece[0])
    head = content_head(doc, first.i, last.i)
    lexicon = _cue_lemmas()
    candidates = end_candidates(doc, first.i, last.i, limit)
    cue_lemma = tokens_of(doc)[attribution.cue_token].lemma_.lower()
    return last.i, [(k, end_features(doc, first.i, last.i, k, head, attribution.how, attribution.kind,
                                     lexicon, inside_quote, cue_lemma)) for k in candidates]


def _tagged_attributions(doc: Doc, found: list[Attribution], quotes: list[Piece],
                         paragraphs: _Paragraphs, text: str) -> list[Attribution]:
    """Cues the learned tagger finds where the rules found none ("Lawmakers Rip Trump",
    "investigators have also discovered that", "her conclusion that"). A verb cue reads
    its speaker as a lexicon verb would; the content it would read is left out (PolNeAR
    dev: content precision fell with it) unless it is a whole quotation or a that-clause,
    and any other cue stands alone. The tagger is the fine-tuned encoder where its model is
    installed (its content beside the cue then fills a cue left without; PolNeAR dev: cue
    73.8 -> 76.3, content 66.2 -> 67.6 F1), else the sparse tagger."""
    encoder = quote_encoder()
    contents: list[Piece] = []
    if encoder is not None:
        encoded = token_probabilities(doc, encoder)
        probs = encoded[:, 1].tolist()
        threshold = encoder.settings["threshold"]
        content_probs = encoded[:, 2].tolist()
        contents = [piece for piece, confidence, _ in
                    tagged_spans(doc, decode(content_probs), content_probs)
                    if confidence >= encoder.settings["content_threshold"]]
    else:
        tagger = cue_tagger()
        marked = found if tagger.get("rule_marks") else []
        probs = probabilities(features_of(doc, marked, quotes, tagger_lexicon()), tagger)
        threshold = tagger["threshold"]
    added = []
    for cue, confidence, first in tagged_spans(doc, decode(probs), probs):
        if confidence < threshold or any(a.cue[0] < cue[1] and cue[0] < a.cue[1] for a in found):
            continue
        tokens = [t for t in doc[first:] if t.idx < cue[1]]
        root = next((t for t in tokens if not (cue[0] <= t.head.idx < cue[1]) or t.head.i == t.i),
                    tokens[0])
        attribution = None
        if root.pos_ in ("VERB", "AUX") and not _within((root.idx, root.idx + 1), quotes):
            word = CueWord(root.lemma_.lower(), "thought", "both")
            attribution = _verb_attribution(root, word, paragraphs, quotes, text, True)
        if attribution is None:
            speaker = _subject(root) if root.pos_ in ("VERB", "AUX") else None
            source = _source_piece(speaker, paragraphs.around(root.idx), text, True) \
                if speaker is not None else None
            attribution = Attribution(kind="indirect", cue=cue, content=[], cue_kind="thought",
                                      source=_outside(source, cue) if source else None,
                                      source_token=speaker.i if source else None)
        attribution.cue = cue
        attribution.cue_token = root.i
        if attribution.kind != "direct" and not _that_clause(attribution, text):
            attribution.content = []  # read from a verb outside the lexicon, it fell on dev
        if not attribution.content:  # the encoder's content just before or after the cue
            attribution.content = [piece for piece in contents if 0 <= piece[0] - cue[1] <= 3
                                   or 0 <= cue[0] - piece[1] <= 3][:1]
        attribution.how = "tagged"  # (a quotation beside the cue is kept: train 5 of 8)
        added.append(attribution)
    return added


def _that_clause(attribution: Attribution, text: str) -> bool:
    """Whether a tagged cue's content is a "that" clause it governs ("investigators have also
    discovered that ..."), the one reading of a verb outside the lexicon whose content holds
    up (train 17 of 26 such contents gold, dev 2 of 3; its other clauses, infinitives and
    objects: dev 4 of 47)."""
    if attribution.how != "clause" or not attribution.content:
        return False
    after = [p for p in attribution.content if p[0] >= attribution.cue[1]]
    return bool(after) and re.match(r"that\b", text[after[0][0]:after[0][1]], re.IGNORECASE) is not None


NOUN_CONTENT_PREPOSITIONS = {"of", "for", "about", "on", "against", "to", "over", "with"}


def _noun_attribution(noun: Token, paragraphs: _Paragraphs, text: str) -> Optional[Attribution]:
    """'his call for a ban', "Trump's criticism of Clinton", 'her claim that ...': the
    possessor speaks, the noun (with its preposition) is the cue, the rest is the content.
    The cue takes in the words between possessor and noun ("Trump's harsh attacks on"):
    PolNeAR train, 19 of 19 such gold cues."""
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker is None:
        return None
    bounds = paragraphs.around(noun.idx)
    cue_end = noun
    content = None
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in child.children
                                                  if m.dep_ == "mark"):
            content = _subtree_piece(child)
            break
        if child.dep_ == "prep" and child.lower_ in NOUN_CONTENT_PREPOSITIONS and child.i == noun.i + 1:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                cue_end, content = child, _subtree_piece(objects[0])
            break
    content = _trim(_clip(content, bounds), text) if content else None
    source = _source_piece(speaker, bounds, text)
    if content is None or source is None:
        return None
    tokens = tokens_of(noun.doc)
    first = speaker.right_edge.i + 1  # "Trump's harsh attacks on": the words between are cue
    while first < noun.i and tokens[first].is_punct:
        first += 1
    start = tokens[first].idx
    doer = _own_doer(noun, speaker)
    if doer is not None:  # "Trump stepped up his attacks on": the verb is cue, its subject speaks
        start, speaker = _cue_piece(noun.head)[0][0], doer
        source = _source_piece(doer, bounds, text) or source
    return Attribution(kind="indirect", cue=(start, cue_end.idx + len(cue_end.text)),
                       source=source, content=[content], cue_kind="thought", cue_token=noun.i,
                       source_token=speaker.i, how="noun")


POSSESSIVE_SUBJECTS = {"his": "he", "her": "she", "its": "it", "their": "they"}


def _own_doer(noun: Token, possessor: Token) -> Optional[Token]:
    """The subject of the verb a noun cue is the object of, where the possessive pronoun can
    be that subject's own ("Trump ratcheted up his attacks on", "he has toned down his
    criticism of"; PolNeAR train: 8 of 9 such gold cues start at the verb; with this, 6 more
    cues exact and 4 more sources right), unless the verb reports on its own or is an
    infinitive ("to reach its goal of": none such on train)."""
    pronoun = POSSESSIVE_SUBJECTS.get(possessor.lower_)
    verb = noun.head
    if pronoun is None or noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX") or \
            verb.i > noun.i or verb.lemma_.lower() in _cue_lemmas() or \
            any(c.tag_ == "TO" for c in verb.lefts):
        return None  # "announced his endorsement of": a reporting verb is the cue alone
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" and subject.lower_ != pronoun:
        return None
    return subject


PHRASE_PREPOSITIONS = {"of", "about", "on", "for", "with", "in", "to", "at", "against", "over",
                       "toward", "towards", "behind", "into"}


COPULAS = {"be", "seem", "appear", "remain", "sound", "become", "grow"}  # "seemed confident"


def _phrase_content(word: Token) -> tuple[Optional[Token], Optional[Token]]:
    """What a cue adjective or noun takes: a clause ("sure Trump would win", "concern that
    ..."), an infinitive ("eager to"), the object of the preposition right after it
    ("critical of Trump") or of a reporting participle ("a statement saying ..."); with the
    preposition or participle, which the cue takes in."""
    for child in word.rights:
        if child.dep_ == "acl" and child.tag_ == "VBG" and child.lemma_.lower() in cue_words():
            said = next((c for c in child.children if c.dep_ in ("ccomp", "dobj", "xcomp")
                         and c.i > child.i), None)  # "issued a statement calling X a liar"
            return (said, child) if said is not None else (None, None)
        if child.dep_ in ("ccomp", "xcomp") or child.dep_ in ("acl", "advcl") and any(
                m.lower_ == "that" and m.dep_ == "mark" for m in child.children):
            return child, None
        if child.dep_ == "prep" and child.i == word.i + 1 and child.lower_ in PHRASE_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            return (objects[0], child) if objects else (None, None)
    return None, None


def _phrase_attribution(first: Token, last: Token, speaker: Optional[Token], content_head: Token,
                        paragraphs: _Paragraphs, quotes: list[Piece], text: str) -> Optional[Attribution]:
    if last.i < first.i:
        return None
    bounds = paragraphs.around(first.idx)
    cue = (first.idx, last.idx + len(last.text))
    content = _trim(_clip(_subtree_piece(content_head), bounds), text)
    content = _outside(content, cue)
    if content is None or content[0] < cue[1]:
        return None
    content = _without_trailing_aside(content, first.doc, quotes)
    source = _source_piece(speaker, bounds, text, whole=True) if speaker is not None else None
    if source is not None and not source[1] <= cue[0]:
        source = None
    return Attribution(kind="indirect", cue=cue, source=source, content=[content],
                       cue_kind="thought", cue_token=-1, how="phrase",
                       source_token=speaker.i if source is not None else None)


def _adjective_attribution(adjective: Token, adjectives: frozenset[str], paragraphs: _Paragraphs,
                           quotes: list[Piece], text: str) -> Optional[Attribution]:
    """'Graham has been critical of Trump', 'she was sure Trump would triumph': the copula's
    subject speaks (or thinks), the adjective with its preposition is the cue."""
    copula = adjective.head
    if adjective.dep_ != "acomp" or copula.lemma_.lower() not in COPULAS or copula.i > adjective.i or \
            adjective.lemma_.lower() not in adjectives:
        return None
    speaker = _subject(copula)
    if speaker is None or speaker.i > copula.i or speaker.lower_ in ("it", "this", "that", "there"):
        return None  # "it is clear that": nobody is named as holding the view
    content_head, preposition = _phrase_content(adjective)
    if content_head is None:
        return None
    first = token_at(adjective.doc, _cue_piece(copula)[0][0]) or copula
    return _phrase_attribution(first, preposition or adjective, speaker, content_head, paragraphs,
                               quotes, text)


def _light_verb_attribution(verb: Token, light_objects: frozenset[str], paragraphs: _Paragraphs,
                            quotes: list[Piece], text: str) -> Optional[Attribution]:
    """'Republicans have expressed concern about X', 'made the case for Y': a light verb and
    its object noun are the cue together, what the noun is about is the content."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("amod", "compound"):
        return None
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i > verb.i), None)
    if noun is None or f"{verb.lemma_.lower()} {noun.lemma_.lower()}" not in light_objects:
        return None
    content_head, preposition = _phrase_content(noun)
    if content_head is None:
        return None
    governor = _governor(verb)  # "failed to reach a decision on", as a reporting verb's
    first = token_at(verb.doc, _cue_piece(governor or verb)[0][0]) or verb
    return _phrase_attribution(first, preposition or noun, _subject(governor or verb),
                               content_head, paragraphs, quotes, text)


def _passive_attribution(verb: Token, paragraphs: _Paragraphs, text: str) -> Optional[Attribution]:
    """'The registration issue was first reported by The Washington Post': the agent
    speaks, the passive subject is what is said."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    said = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is None or said is None or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    speaker = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if speaker is None or not (said.i < verb.i < agent.i):
        return None
    bounds = paragraphs.around(verb.idx)
    cue_piece, cue_i = _cue_piece(verb)
    source = _source_piece(speaker, bounds, text, whole=True)
    content = _trim(_clip(_subtree_piece(said), bounds), text)
    if source is None or content is None:
        return None
    return Attribution(kind="indirect", cue=cue_piece, source=source, content=[content],
                       cue_kind="report", cue_token=cue_i, source_token=speaker.i, how="passive")


def _governor(verb: Token) -> Optional[Token]:
    """The verb of aspect a reporting verb hangs on, whose words PolNeAR's cue takes in:
    "continued to call for", "went on to explain", "keeps saying" (learned from train)."""
    head = verb.head
    if verb.dep_ == "xcomp" and 0 < verb.i - head.i <= 3 and \
            head.lemma_.lower() in cue_spans()["chain_governors"]:
        return head
    return None


def _verb_attribution(verb: Token, cue: CueWord, paragraphs: _Paragraphs,
                      quotes: list[Piece], text: str, between: bool = False,
                      governor: Optional[Token] = None) -> Optional[Attribution]:
    bounds = paragraphs.around(verb.idx)
    cue_piece, cue_i = _cue_piece(verb)
    if governor is not None:  # the cue runs from the governing verb: "continued to call for"
        cue_piece = (_cue_piece(governor)[0][0], cue_piece[1])
    head, how = _complement(verb, cue, bounds, later_clause=between)
    if how != "clause" and cue.content != "object" and _quote_just_before(verb, quotes, bounds, text):
        head, how = None, ""  # '"...," added the minister': the object is the speaker
    content: Optional[Piece] = None
    extra: list[Piece] = []
    if head is not None:
        content = _content_piece(head, how, verb, bounds, cue_words())
        if content and head.dep_ == "xcomp":
            content = _with_addressee(content, verb, head)
        content = _outside(content, cue_piece) if content else None
        if how == "preposition" and content:  # "called for X": the preposition is cue
            cue_piece = (cue_piece[0], head.head.idx + len(head.head.text))
    if content is None and verb.dep_ == "parataxis":  # "This campaign, he says, is different"
        content, extra = _around(verb, bounds)
        head = verb.head if content else None
    if content is None:
        content = _adjacent_quote(verb, quotes, bounds, text)
    if content is None:
        content = _next_paragraph(verb, bounds, text)
        if content is not None:
            bounds = (bounds[0], content[1])  # the words run on into the next paragraph
    if content is not None and content[1] <= verb.idx:
        content = _lead_trimmed(content, verb.doc)  # "In contrast, Clinton has ..., it found"
    if content is None:
        return None
    speaking = governor if governor is not None else verb
    speaker = _subject(speaking) or _agent(speaking)
    if between and speaker is not None and speaker.dep_ == "nsubjpass":
        speaker = _agent(speaking)  # "Obama's veto is expected": what is expected, not who expects
    if speaker is not None and head is not None and head.i < verb.i and speaker.i < head.i:
        speaker = None  # the parse took a word inside the quote for the subject
    raised = _raised_subject(speaking, head, content) if between else None
    if raised is not None:  # "Obama's veto is expected to come": the subject is said, not a speaker
        extra.append(_clip(_subtree_piece(raised), bounds))
    else:
        speaker = speaker or _inverted_subject(speaking, content[1] <= verb.idx) or (
            _left_speaker(speaking, bounds) if speaking.dep_ not in ("xcomp", "relcl", "acl") else None)
    source = _source_piece(speaker, bounds, text, between) if speaker is not None else None
    if speaker is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        speaker = verb.head  # "the major Super PAC backing Jeb Bush"
        before = [t for t in speaker.subtree if t.i < verb.left_edge.i]
        source = _clip(_token_piece(before), bounds) if before else None
    if source is not None:
        source = _outside(source, cue_piece)
        if source and content[0] < source[0] < content[1]:  # '"...," the minister said'
            content = (content[0], source[0])
        elif source and content[0] < source[1] <= content[1]:
            content = (source[1], content[1])
    content = _widen_to_quotes(content, quotes, bounds, cue_piece, source)
    content = _trim(_without_dateline(content, text), text)
    if content is None:
        return None
    content = _closed_quote_first(content, quotes, text, verb.idx)
    if between and head is not None:
        extra += _left_of_speaker(head, content, cue_piece, source)
    if between:
        content = _without_trailing_aside(content, verb.doc, quotes)
        content = _through_colon(content, verb.doc, bounds, quotes)
        cue_piece = _cue_between(verb, cue_piece, source, content, text)
    opening = _opening_quote(content, quotes, text, source, cue_piece, bounds)
    if opening is not None:
        extra.append(opening)
    pieces = sorted([content] + [p for p in (_trim(e, text) for e in extra) if p])
    return Attribution(kind=_kind(content, quotes, text), cue=cue_piece, source=source,
                       content=pieces, cue_kind=cue.kind, cue_token=cue_i, how=how or "quote",
                       source_token=speaker.i if speaker is not None else None,
                       place_token=_speech_place(verb))


def _left_of_speaker(head: Token, content: Piece, cue: Piece, source: Optional[Piece]) -> list[Piece]:
    """The words of the content's clause before its speaker and cue ("the speculation, which
    he said was started by ..."): PolNeAR keeps them as a piece of the content (train: 33 such
    pieces gold, 32 not, against 1 gold piece lost; dev 6 of 7)."""
    stop = min(cue[0], source[0] if source else cue[0])
    if content[0] < stop:
        return []
    inside = {t.i for t in head.subtree}
    left = [t for t in head.doc[head.left_edge.i:head.i] if t.idx < stop]
    if not left or any(t.i not in inside for t in left) or all(t.is_punct for t in left):
        return []
    return [_token_piece(left)]


RAISED_SUBJECTS = {"expect": "passive", "appear": "active"}  # counted on train, below


def _raised_subject(verb: Token, head: Optional[Token], content: Piece) -> Optional[Token]:
    """The subject of a passive or raising cue whose infinitive is the content ("The death
    toll is expected to rise"): PolNeAR takes it as a piece of the content
    (train: 42 of 55 passive "expected", 13 of 23 "appear"), and it names no speaker."""
    if head is None or head.dep_ != "xcomp" or head.head.i != verb.i or head.i < verb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > verb.i or subject.idx >= content[0] and subject.idx < content[1]:
        return None
    voice = RAISED_SUBJECTS.get(verb.lemma_.lower())
    if voice == ("passive" if subject.dep_ == "nsubjpass" else "active"):
        return subject
    return None


def _closed_quote_first(content: Piece, quotes: list[Piece], text: str, cue_start: int) -> Piece:
    """'"We will achieve justice in this case," Tulsa police Chief Chuck Jordan said': a
    content before its cue that opens with a quotation closed by a comma ends there."""
    if content[1] > cue_start:
        return content
    for quote in quotes:
        if quote[0] == content[0] and quote[1] < content[1] and \
                text[quote[0]:quote[1]].rstrip("\"'\u201d")[-1:] in (",", "?", "!"):
            return quote
    return content


def _opening_quote(content: Piece, quotes: list[Piece], text: str, source: Optional[Piece],
                   cue: Piece, bounds: Piece) -> Optional[Piece]:
    """'"A," Scott said, "B"': the quotation the cue interrupts opens before its speaker."""
    left = min(cue[0], source[0]) if source else cue[0]
    if content[0] < cue[1] or not _within((content[0], content[0] + 1), quotes):
        return None
    for quote in quotes:
        if bounds[0] <= quote[0] and quote[1] <= left and not text[quote[1]:left].strip() and \
                text[quote[0]:quote[1]].rstrip("\"'\u201d")[-1:] == "," and is_full_quote(text, quote):
            return quote
    return None


COLON_AT_END = re.compile(r"\s*:\s*$")


def _next_paragraph(verb: Token, bounds: Piece, text: str) -> Optional[Piece]:
    """'Reporter Jomana Karadsheh says:' ending its paragraph: what is said is the next one."""
    if not COLON_AT_END.match(text[verb.idx + len(verb.text):bounds[1]]):
        return None
    start = bounds[1]
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return (start, end) if end > start else None


def _around(verb: Token, bounds: Piece) -> tuple[Optional[Piece], list[Piece]]:
    """The clause a parenthetical cue interrupts, in its two pieces."""
    head = verb.head
    tokens = [t for t in head.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
    left = [t for t in tokens if t.i < verb.left_edge.i]
    right = [t for t in tokens if t.i > verb.right_edge.i]
    pieces = [_clip(_token_piece(part), bounds) for part in (left, right) if part]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None, []
    return pieces[0], pieces[1:]


# a connective the writer put before "according to" (PolNeAR train: left out 8 times, kept 2)
LEADING_CONJUNCTION = re.compile(r"(?:(?:And|But)\s+)?")


def _according_to(according: Token, paragraphs: _Paragraphs, quotes: list[Piece], text: str,
                  interrupted: bool = False) -> Optional[Attribution]:
    """'..., according to the Syrian Observatory': the source is the object of 'to'.
    ``interrupted`` (PolNeAR) reads both sides of an "according to X" inside its sentence."""
    doc = according.doc
    to = tokens_of(doc)[according.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or \
              [c for c in according.children if c.dep_ == "pobj"]
    bounds = paragraphs.around(according.idx)
    cue_piece = (according.idx, to.idx + len(to.text))
    if not objects:
        return None
    source = _clip(_subtree_piece(objects[0]), bounds)
    if source is None:
        return None
    phrase_end = source[1]
    sent = according.sent
    clause = _clip((sent.start_char, sent.end_char), bounds)
    if clause is None:
        return None
    if according.idx - clause[0] < 3 or text[clause[0]:according.idx].strip() in ("", "But", "And"):
        content = (phrase_end, clause[1])  # "According to X, ..."
    else:  # "But the toll rose to 30, according to X": the connective is the writer's
        content = (LEADING_CONJUNCTION.match(text, clause[0]).end(), cue_piece[0])
    content = _lead_trimmed(_trim(content, text), doc)
    if content is None:
        return None
    content = _widen_to_quotes(content, quotes, bounds, cue_piece, source) or content
    pieces = (_around_according(content, (phrase_end, clause[1]), text) if interrupted else None) \
        or [content]
    return Attribution(kind="according_to", cue=cue_piece, source=source, content=pieces, how="according",
                       cue_kind="speech", cue_token=according.i, source_token=objects[0].i)


INTERRUPTED_LEFT_WORDS = 8  # "At the heart of the trouble, according to X, was ...": counted on train
CONNECTIVES = {"but", "and", "in addition", "however", "also", "still", "yet", "so", "meanwhile"}


def _around_according(before: Piece, rest: Piece, text: str) -> Optional[list[Piece]]:
    """The content of an "according to X" that interrupts its sentence after a few words:
    the words before it and the rest of the sentence after X are both pieces ("Over the
    long term, according to the CBO, the rise in deficits is ..."), and a bare connective
    before it is left out ("But, according to X, 46 percent ..."). PolNeAR train, where the
    left part has 1-8 words: both pieces 18 times, the right alone 6 (5 of them after a
    connective), the left alone 0; the finder read the left part alone."""
    if before[1] > rest[0] or len(re.findall(r"\w+", text[before[0]:before[1]])) > INTERRUPTED_LEFT_WORDS:
        return None
    after = _trim(rest, text)
    if after is None or len(re.findall(r"\w+", text[after[0]:after[1]])) < 2:
        return None
    left = text[before[0]:before[1]].strip(" ,:;\u2014-").lower()
    if left in CONNECTIVES or text[before[0]:before[1]].rstrip().endswith(":"):
        return [after]
    return [before, after]


POLL_NOUNS = {"poll", "survey"}  # "In a CBS News poll last month, Mr. Cruz had ...": the poll says so


def _poll_attribution(preposition: Token, paragraphs: _Paragraphs,
                      quotes: list[Piece], text: str) -> Optional[Attribution]:
    """'In the latest YouGov/Economist survey, 71 percent of Sanders supporters approve':
    opening its sentence, the poll is the source, "In" the cue and the clause after the comma
    the content (PolNeAR train: 18 of the 21 such openings are attributions so read)."""
    doc = preposition.doc
    sent = preposition.sent
    if any(t.lower_ not in ("but", "and") for t in doc[sent.start:preposition.i]):
        return None
    poll = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if poll is None or poll.lemma_.lower() not in POLL_NOUNS:
        return None
    if preposition.head.lemma_.lower() in cue_words():
        return None  # "In the survey, 47% said ...": the verb's own attribution
    last = poll.right_edge
    if last.i + 1 >= sent.end or doc[last.i + 1].text != ",":
        return None
    bounds = paragraphs.around(preposition.idx)
    cue = (preposition.idx, preposition.idx + len(preposition.text))
    source = _clip(_subtree_piece(poll), bounds)
    content = _trim(_clip((doc[last.i + 1].idx + 1, sent.end_char), bounds), text)
    if source is None or content is None:
        return None
    content = _widen_to_quotes(content, quotes, bounds, cue, source) or content
    return Attribution(kind="indirect", cue=cue, source=source, content=[content], how="according",
                       cue_kind="report", cue_token=preposition.i, source_token=poll.i)


# '"...." ― Christina Lastra': a paragraph quoting someone and signed with a dash and a name
SIGNED_PARAGRAPH = re.compile(r"^[^\S\n]*([\u201c\u201d\"].*[\u201d\"])[^\S\n]*([\u2015\u2014])[^\S\n]*"
                              r"((?:[A-Z][\w.'\u2019-]*[^\S\n]?){1,5}?)[.,]?[^\S\n]*$", re.MULTILINE)


def _quotes_in_content(quotes: list[Piece], found: list[Attribution]) -> set[Piece]:
    """The quotations that overlap some attribution's content."""
    return {q for q in quotes for a in found for s, e in a.content if q[0] < e and s < q[1]}


def _signed_quotes(text: str, quotes: list[Piece], used: set[Piece]) -> list[Attribution]:
    """Paragraphs that quote someone and end in a dash and their name: the dash is the cue."""
    found = []
    for signed in SIGNED_PARAGRAPH.finditer(text):
        content, source = _trim(signed.span(1), text), _trim(signed.span(3), text)
        if content is None or source is None or len(text[content[0]:content[1]].split()) < 4:
            continue
        used.update(q for q in quotes if content[0] <= q[0] and q[1] <= content[1])
        found.append(Attribution(kind="direct", cue=signed.span(2), source=source,
                                 content=[content], how="signature"))
    return found


def _continue_quotes(text: str, quotes: list[Piece], used: set[Piece],
                     found: list[Attribution], after_indirect: bool = False) -> None:
    """A full quotation right after an attributed one continues the same speaker's words:
    it becomes one more piece of that attribution's content. ``after_indirect`` (PolNeAR)
    lets a closed quotation continue reported speech too (see :func:`_continues_indirect`)."""
    by_end = sorted((a for a in found if a.content), key=lambda a: a.content[-1][1])
    for quote in quotes:
        if quote in used or len(text[quote[0]:quote[1]].split()) < 2:
            continue
        before = [a for a in by_end if a.content[-1][1] <= quote[0] and (
            a.kind in ("direct", "mixed")
            or after_indirect and _continues_indirect(text, quote, a))]
        if not before:
            continue
        previous = before[-1]
        gap = text[previous.content[-1][1]:quote[0]]
        if previous.kind == "mixed" and not text[quote[0]:quote[1]].lstrip("\"'\u201c ")[:1].isupper():
            continue  # 'is "spiraling out of control" ... an "outlaw nation"': the writer's, not more of it
        if not is_full_quote(text, quote) and not (  # '"I would," Melanie said. "I would, Donald."'
                "\n" not in gap and len(gap) < 100 and previous.content[-1][1] <= previous.cue[0]
                and previous.cue[1] <= quote[0]):
            continue
        if len(gap) > 400 or gap.count("\n") > 2 or any(
                a.cue[0] >= previous.content[-1][1] and a.cue[1] <= quote[0] and a is not previous
                for a in found):
            continue
        previous.content.append(_trim(quote, text) or quote)
        used.add(quote)


def _continues_indirect(text: str, quote: Piece, previous: Attribution) -> bool:
    """'Abdel Rahman said all the dead were from six families. "There was no resistance
    ..."': a closed quotation after reported speech continues it where it runs ten words or
    more, or four or more in the same paragraph. PolNeAR train, quotations no attribution
    took: gold content 84 of 134 (ten words or more, same paragraph), 41 of 62 (next
    paragraph), 40 of 81 (four to nine words, same paragraph; next paragraph 10 of 43)."""
    words = len(text[quote[0]:quote[1]].split())
    closed = text[quote[1] - 1] in CLOSING or text[quote[1] - 2:quote[1]] == "''"
    same_paragraph = "\n" not in text[previous.content[-1][1]:quote[0]]
    return closed and (words >= 10 or words >= 4 and same_paragraph)


def _outside(piece: Optional[Piece], other: Piece) -> Optional[Piece]:
    """The longer part of a piece that does not overlap another."""
    if piece is None:
        return None
    start, end = piece
    if other[1] <= start or end <= other[0]:
        return piece
    left = (start, other[0]) if other[0] > start else None
    right = (other[1], end) if end > other[1] else None
    candidates = [p for p in (left, right) if p is not None]
    return max(candidates, key=lambda p: p[1] - p[0]) if candidates else None


# a full stop that ends a sentence, not the one of "Ms.", "Sen." or "U.S."
SENTENCE_STOP = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\bSt)[.?!](?=\s|$)")


def _ends_sentence(gap: str) -> bool:
    return SENTENCE_STOP.search(gap) is not None


def _quote_just_before(verb: Token, quotes: list[Piece], bounds: Piece, text: str) -> bool:
    for quote in quotes:
        if bounds[0] <= quote[0] and quote[1] <= verb.idx and is_full_quote(text, quote):
            gap = text[quote[1]:verb.idx]
            if len(gap) < 60 and not _ends_sentence(gap) and not any(mark in gap for mark in ("\u201c", '"', "''")) \
                    and not _cue_between_marks(verb, quote[1]):
                return True
    return False


def _adjacent_quote(verb: Token, quotes: list[Piece], bounds: Piece, text: str) -> Optional[Piece]:
    """A full quotation just after 'said:' or just before '..., he said'."""
    verb_end = verb.idx + len(verb.text)
    for quote in quotes:
        if not (bounds[0] <= quote[0] and quote[1] <= bounds[1]) or not is_full_quote(text, quote):
            continue
        after = text[verb_end:quote[0]]
        if quote[0] >= verb_end and len(after) < 30 and (":" in after or "," in after or not after.strip()):
            return quote
        before = text[quote[1]:verb.idx]
        if quote[1] <= verb.idx and len(before) < 60 and not _ends_sentence(before.strip(" ,")) \
                and not _cue_between_marks(verb, quote[1]):
            return quote[0], verb.idx  # '"..." travelling five kilometres, added'

    return None


def _cue_between_marks(verb: Token, start: int) -> bool:
    """Another reporting verb between a quotation and this verb: '"...," he said, cutting
    off a reporter who asked': the quotation is his, not the asker's."""
    words = cue_words()
    k = verb.i - 1
    while k >= 0 and tokens_of(verb.doc)[k].idx >= start:
        if tokens_of(verb.doc)[k].pos_ == "VERB" and tokens_of(verb.doc)[k].lemma_.lower() in words:
            return True
        k -= 1
    return False


def _widen_to_quotes(content: Optional[Piece], quotes: list[Piece], bounds: Piece,
                     cue: Piece, source: Optional[Piece]) -> Optional[Piece]:
    """Content touching a quotation takes the whole quotation (quotes span sentences)."""
    if content is None:
        return None
    start, end = content
    for quote in quotes:
        if quote[0] < end and start < quote[1]:
            start, end = min(start, quote[0]), max(end, quote[1])
    widened = _outside((start, end), cue)
    if widened and source:
        widened = _outside(widened, source)
    return _clip(widened, bounds) if widened else None


def _trim(piece: Optional[Piece], text: str) -> Optional[Piece]:
    """Without blanks and the commas or full stops that join it to the rest."""
    if piece is None:
        return None
    start, end = piece
    while start < end and text[start] in " \t\n,;:\u2014\u2013-":
        start += 1
    while end > start and text[end - 1] in " \t\n,;:\u2014\u2013-":
        end -= 1
    dangling = DANGLING_CONJUNCTION.search(text, start, end)
    if dangling and dangling.end() == end:  # "were not complete, and": the cut left the "and"
        return _trim((start, dangling.start()), text)
    return (start, end) if start < end else None


DANGLING_CONJUNCTION = re.compile(r",\s+(?:and|but|or)$")


def _kind(content: Piece, quotes: list[Piece], text: str) -> str:
    inside = [q for q in quotes if content[0] < q[1] and q[0] < content[1]]
    if not inside:
        return "indirect"
    quoted = sum(min(q[1], content[1]) - max(q[0], content[0]) for q in inside)
    words_outside = text[content[0]:content[1]]
    for quote in inside:
        words_outside = words_outside.replace(text[quote[0]:quote[1]], " ")
    if not any(char.isalnum() for char in words_outside) and quoted > 0:
        return "direct"
    return "mixed"


# --- the stage ------------------------------------------------------------------------------

def extract_quotes(doc: Doc, extraction: Extraction) -> Extraction:
    """Quotes with their speaker (an actor), cue and place of speech."""
    quotes = list(extraction.quotes)
    text = extraction.article.text  # the article text is the doc text
    for attribution in find_attributions(doc):
        if attribution.cue_kind == "thought" or attribution.how in ("object", "preposition"):
            continue  # "called for a ceasefire", "praised X": acts of their own, not quotes
        content = attribution.content
        start, end = content[0][0], content[-1][1]
        source_evidence = _evidence(text, attribution.source) if attribution.source else None
        speaker = _speaker(extraction.actors, attribution, doc)
        quotes.append(Quote(
            id=next_id("q", quotes), text=text[start:end], span=(start, end),
            kind=attribution.kind, speaker=speaker.id if speaker else None,
            source=source_evidence, cue=_evidence(text, attribution.cue),
            place=_place(extraction.places, attribution, doc)))
    return extraction.model_copy(update={"quotes": quotes})


def _evidence(text: str, piece: Piece) -> Evidence:
    return Evidence(text=text[piece[0]:piece[1]], span=piece)


def _speaker(actors: list[Actor], attribution: Attribution, doc: Doc) -> Optional[Actor]:
    """The actor mention named by the source words: the one holding the source's head word."""
    if attribution.source is None:
        return None
    start, end = attribution.source
    inside = [a for a in actors if a.span[0] < end and start < a.span[1]]
    if not inside:
        return None
    if attribution.source_token is not None:
        head = tokens_of(doc)[attribution.source_token]
        holding = [a for a in inside if a.span[0] <= head.idx < a.span[1]]
        if holding:
            return max(holding, key=lambda a: a.span[1] - a.span[0])
    return max(inside, key=lambda a: a.span[1] - a.span[0])


def _place(places: list[Place], attribution: Attribution, doc: Doc) -> Optional[str]:
    if attribution.place_token is None:
        return None
    token = tokens_of(doc)[attribution.place_token]
    for place in places:
        if place.span[0] <= token.idx < place.span[1]:
            return place.id
    return None
