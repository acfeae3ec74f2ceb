"""PolNeAR: attribution spans (source, cue, content) scored by exact match, as CofeNet does.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates every attribution in 1,008 US
political news articles with brat standoff spans. CofeNet (Wang et al., COLING 2022) reports
exact-match F1 of the source, cue and content spans over PolNeAR's own train/dev/test split;
``eventwire evaluate polnear --split dev|test`` measures :func:`find_attributions` the same
way. The text is research-only: it is read from the archive and never copied.

Matching: a discontinuous gold span becomes one span per piece (pieces joined by blanks
only are one piece), as a token tag sequence would have it; every span, gold or found, is
compared with its edge blanks, punctuation and quote marks stripped, so that a closing
comma inside a quote does not decide a match. Articles annotated by several annotators are
scored against the first annotation file.
"""

from __future__ import annotations

import re
import tarfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from eventwire.errors import InputError
from eventwire.evaluate import prf

ARCHIVE = "quotes/polnear_v1.0.0_text_attributions.tar.gz"
ROLES = ("source", "cue", "content")
EDGE = " \t\n\r\u00a0.,;:!?\"'\u201c\u201d\u2018\u2019()[]\u2014\u2013-"

Piece = tuple[int, int]


@dataclass
class GoldAttribution:
    source: list[Piece] = field(default_factory=list)
    cue: list[Piece] = field(default_factory=list)
    content: list[Piece] = field(default_factory=list)


@dataclass
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution]


def read_polnear(data: Path, split: str) -> Iterator[GoldArticle]:
    """The articles of one PolNeAR compartment with their first annotator's attributions."""
    archive = data / ARCHIVE
    if not archive.is_file():
        raise InputError(f"PolNeAR not found at {archive} (see ../shared/data/quotes/MANIFEST.md)")
    texts: dict[str, str] = {}
    annotations: dict[str, tuple[str, str]] = {}
    with tarfile.open(archive) as tar:
        for member in tar:
            parts = member.name.split("/")
            if not member.isfile() or len(parts) < 4 or parts[-3] != split:
                continue
            body = tar.extractfile(member).read().decode("utf-8")
            name = parts[-1]
            if parts[-2] == "text" and name.endswith(".txt"):
                texts[name[:-4]] = body
            elif parts[-2] == "attributions" and name.endswith(".ann"):
                article = re.sub(r"_[0-9a-f]{4}\.ann$", "", name)
                if article not in annotations or name < annotations[article][0]:
                    annotations[article] = (name, body)
    for article in sorted(texts):
        _, body = annotations.get(article, ("", ""))
        yield GoldArticle(article, texts[article], parse_brat(body, texts[article]))


def parsed_polnear(data: Path, split: str, limit: int | None = None,
                   docbin: Path | None = None) -> tuple[list[GoldArticle], list]:
    """The first ``limit`` articles of a compartment and their spaCy Docs, read back from a
    DocBin of that compartment's texts in archive order when one is given (parsing all of
    train takes minutes), else parsed now."""
    from eventwire.nlp import load_nlp

    articles = list(read_polnear(data, split))[:limit]
    nlp = load_nlp()
    if docbin is not None:
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))[:len(articles)]
    else:
        docs = list(nlp.pipe((a.text for a in articles), batch_size=8))
    return articles, docs

def parse_brat(body: str, text: str) -> list[GoldAttribution]:
    """Attribution relations (E lines) of a brat .ann file, with their span pieces."""
    spans: dict[str, tuple[str, list[Piece]]] = {}
    relations = []
    for line in body.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            tid, info = fields[0], fields[1]
            label, _, offsets = info.partition(" ")
            pieces = []
            for piece in offsets.split(";"):
                start, end = piece.split()
                pieces.append((int(start), int(end)))
            spans[tid] = (label, join_pieces(pieces, text))
        elif line.startswith("E"):
            relations.append(line.split("\t")[1].split())
    attributions = []
    for relation in relations:
        gold = GoldAttribution()
        for arg in relation:
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in ROLES and tid in spans:
                getattr(gold, role).extend(spans[tid][1])
        attributions.append(gold)
    return attributions


def join_pieces(pieces: list[Piece], text: str) -> list[Piece]:
    """Pieces separated only by blanks are one span, as in a token tag sequence."""
    joined: list[Piece] = []
    for start, end in sorted(pieces):
        if joined and not text[joined[-1][1]:start].strip():
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def normalise(piece: Piece, text: str) -> Piece | None:
    """A span without the blanks, punctuation and quote marks at its edges."""
    start, end = piece
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return (start, end) if start < end else None


def classify(gold_cue: list[Piece], gold_content: list[Piece], text: str) -> str:
    """direct (content all inside quote marks), according_to, or indirect (incl. mixed)."""
    cue = " ".join(text[s:e] for s, e in gold_cue).lower()
    if "according" in cue:
        return "according_to"
    content = " ".join(text[s:e] for s, e in gold_content).strip().replace("''", '"')
    if content[:1] in "\"\u201c" and content.rstrip(" ,.")[-1:] in "\"\u201d":
        return "direct"
    return "indirect"


def score_polnear(split: str, data: Path) -> dict:
    """Exact-match P/R/F1 of source, cue and content spans; F1 again by attribution kind."""
    from eventwire.nlp import load_nlp

    articles = list(read_polnear(data, split))
    return score_docs(articles, load_nlp().pipe((a.text for a in articles), batch_size=8))


def score_docs(articles: list[GoldArticle], docs: Iterable) -> dict:
    """The scores of :func:`score_polnear` over articles and their parsed Docs (train's are
    read back from a DocBin: see :func:`parsed_polnear`)."""
    from eventwire.extract.quotes import find_attributions, quote_encoder

    counts = {role: [0, 0, 0] for role in ROLES}  # true positives, found, gold
    by_kind: dict[str, dict[str, list[int]]] = defaultdict(lambda: {r: [0, 0, 0] for r in ROLES})
    for article, doc in zip(articles, docs):
        text = article.text
        gold_sets = {role: {} for role in ROLES}  # normalised span -> kind
        for gold in article.attributions:
            kind = classify(gold.cue, gold.content, text)
            for role in ROLES:
                for piece in getattr(gold, role):
                    span = normalise(piece, text)
                    if span:
                        gold_sets[role].setdefault(span, kind)
        found_sets = {role: {} for role in ROLES}
        for found in find_attributions(doc, all_cues=True):
            kind = "direct" if found.kind == "direct" else (
                "according_to" if found.kind == "according_to" else "indirect")
            pieces = {"source": [found.source] if found.source else [],
                      "cue": [found.cue], "content": found.content}
            for role in ROLES:
                for piece in pieces[role]:
                    span = normalise(piece, text)
                    if span:
                        found_sets[role].setdefault(span, kind)
        for role in ROLES:
            gold_spans, found_spans = gold_sets[role], found_sets[role]
            hits = gold_spans.keys() & found_spans.keys()
            counts[role][0] += len(hits)
            counts[role][1] += len(found_spans)
            counts[role][2] += len(gold_spans)
            for kind in ("direct", "indirect", "according_to"):
                tally = by_kind[kind][role]
                tally[0] += sum(1 for s in hits if gold_spans[s] == kind)
                tally[1] += sum(1 for s in found_spans.values() if s == kind)
                tally[2] += sum(1 for s in gold_spans.values() if s == kind)
    metrics: dict = {"articles": len(articles),
                     "attributions": sum(len(a.attributions) for a in articles),
                     "cue_tagger": "encoder" if quote_encoder() is not None else "sparse"}
    for role in ROLES:
        scores = prf(*counts[role])
        for name, value in scores.items():
            metrics[f"{role}_{name}"] = round(100 * value, 1)
    for kind, tallies in by_kind.items():
        for role in ROLES:
            # recall by gold kind; precision by found kind (the two kinds may differ)
            metrics[f"{kind}_{role}_f1"] = round(100 * prf(*tallies[role])["f1"], 1)
    return metrics
