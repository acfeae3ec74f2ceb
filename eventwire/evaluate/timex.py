"""Temporal expressions scored as TempEval-3 defines it, on four public gold sets.

TempEval-3 (UzZaman et al., SemEval-2013 Task 1) scores TIMEX3 recognition by span F1,
strict (same extent) and relaxed (any overlap), and the attributes of the relaxed matches:
for an attribute (type, value), its precision is the number of relaxed matches whose
attribute is right over the system's expressions, its recall the same number over the gold
expressions, and its F1 their harmonic mean; its accuracy is that number over the matches.
The metric is re-implemented here from that definition.

Each document is parsed with the project's spaCy pipeline and run through the times stage
alone, anchored at the document's creation time (DCT), as the gold annotators anchored it.
"""

from __future__ import annotations

import html
import re
import tarfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional

from eventwire.errors import InputError
from eventwire.evaluate import parity_split, prf


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: Optional[str]
    value: Optional[str]


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    dct: Optional[date]
    timexes: tuple[GoldTimex, ...]
    ignore: tuple[tuple[int, int], ...] = ()  # spans not scored (a DCT printed in the text)


# --- readers -------------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def read_inline(markup: str, tag: str = "TIMEX3", body: str = "TEXT") -> tuple[str, list[GoldTimex]]:
    """Plain text and the gold expressions of inline TimeML (or TIMEX2) markup."""
    match = re.search(rf"<{body}>(.*)</{body}>", markup, re.S)
    inner = match.group(1) if match else markup
    pieces: list[str] = []
    length = 0
    open_stack: list[tuple[int, dict]] = []
    timexes: list[GoldTimex] = []
    position = 0
    for tag_match in _TAG.finditer(inner):
        chunk = html.unescape(inner[position:tag_match.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag_match.end()
        closing, name, attributes = tag_match.groups()
        if name != tag:
            continue
        if not closing:
            open_stack.append((length, dict(_ATTRIBUTE.findall(attributes))))
        elif open_stack:
            start, attrs = open_stack.pop()
            value = attrs.get("value", attrs.get("val"))
            timexes.append(GoldTimex(start, length, attrs.get("type"), value))
    pieces.append(html.unescape(inner[position:]))
    return "".join(pieces), timexes


def _dct(markup: str) -> Optional[date]:
    found = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', markup)
    if found:
        value = dict(_ATTRIBUTE.findall(found.group())).get("value", "")
    else:
        datetime = re.search(r"<DATETIME>(.*?)</DATETIME>", markup, re.S)
        value = re.sub(r"<[^>]+>", "", datetime.group(1)).strip() if datetime else ""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_timeml(name: str, markup: str) -> GoldDocument:
    text, timexes = read_inline(markup)
    return GoldDocument(name, text, _dct(markup), tuple(timexes))


def read_timex2(name: str, markup: str) -> GoldDocument:
    text, timexes = read_inline(markup, tag="TIMEX2")
    return GoldDocument(name, text, _dct(markup), tuple(timexes))


_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "%", "'s", "n't", "'", "'re", "'ve",
                    "'ll", "'d", "'m", "]", "''"}
_NO_SPACE_AFTER = {"(", "$", "[", "``", "#"}


_MEANTIME_LAST_SENTENCE = 5


def _meantime_date(value: str) -> Optional[date]:
    """A DCT written 2009-05-14, 03-02-2009 (day first) or "May 14 , 2009"."""
    value = value.strip()
    try:
        if re.fullmatch(r"\d\d-\d\d-\d{4}", value):
            day, month, year = value.split("-")
            return date(int(year), int(month), int(day))
        if re.match(r"\d{4}-\d\d-\d\d", value):
            return date.fromisoformat(value[:10])
        from dateutil import parser as dateutil_parser
        return dateutil_parser.parse(value.replace(" ,", ","), fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def read_meantime(name: str, markup: str) -> GoldDocument:
    """MEANTIME's CAT XML: tokens joined back into text, TIMEX3 markables mapped onto it.

    MEANTIME annotates the title and the first sentences only (sentences 0 to 5), so what the
    system finds after them is not scored.
    """
    tokens = re.findall(r'<token[^>]*sentence="(\d+)"[^>]*t_id="(\d+)"[^>]*>(.*?)</token>', markup, re.S)
    offsets: dict[str, tuple[int, int]] = {}
    text, previous_sentence, previous = "", None, ""
    unannotated_from: Optional[int] = None
    for sentence, token_id, word in tokens:
        if int(sentence) > _MEANTIME_LAST_SENTENCE and unannotated_from is None:
            unannotated_from = len(text)
        word = html.unescape(word)
        if previous_sentence is not None and sentence != previous_sentence:
            text += "\n"
        elif text and word not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
            text += " "
        offsets[token_id] = (len(text), len(text) + len(word))
        text += word
        previous_sentence, previous = sentence, word
    timexes, ignore, dct = [], [], None
    for attributes, anchors in re.findall(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", markup, re.S):
        attrs = dict(_ATTRIBUTE.findall(attributes))
        ids = re.findall(r't_id="(\d+)"', anchors)
        if not ids:
            continue
        span = (min(offsets[i][0] for i in ids), max(offsets[i][1] for i in ids))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            ignore.append(span)
            dct = _meantime_date(attrs.get("value", "")) or _meantime_date(text[span[0]:span[1]])
            continue
        timexes.append(GoldTimex(span[0], span[1], attrs.get("type"), attrs.get("value")))
    if dct is None:  # a few documents lack the DCT markable: the dateline is sentence 1
        dateline = " ".join(word for sentence, _, word in tokens if sentence == "1")
        dct = _meantime_date(dateline)
    if unannotated_from is not None:
        ignore.append((unannotated_from, len(text)))
    return GoldDocument(name, text, dct, tuple(timexes), tuple(ignore))


def _members(archive: Path, suffix: str, under: str = "") -> Iterator[tuple[str, str]]:
    """(name, text) of the archive's files with a suffix, in name order."""
    if not archive.exists():
        raise InputError(f"gold data not found: {archive} (set EVENTWIRE_DATA to the data folder)")
    with tarfile.open(archive) as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(suffix)
                          and under in m.name and "/._" not in m.name), key=lambda m: m.name)
        for member in members:
            yield member.name, tar.extractfile(member).read().decode("utf-8")


# --- scoring -------------------------------------------------------------------------------


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0


def match(gold: list[GoldTimex], system: list) -> list[tuple[GoldTimex, object]]:
    """One-to-one relaxed matches (any overlap), exact-extent pairs first."""
    pairs, used = [], set()
    for exact_first in (True, False):
        for g in gold:
            if any(g is pair[0] for pair in pairs):
                continue
            for n, s in enumerate(system):
                if n in used:
                    continue
                same = (s.span[0], s.span[1]) == (g.start, g.end)
                overlap = s.span[0] < g.end and g.start < s.span[1]
                if same if exact_first else overlap:
                    pairs.append((g, s))
                    used.add(n)
                    break
    return pairs


def compare(documents: Iterable[GoldDocument], narrative: bool = False
            ) -> Iterator[tuple[GoldDocument, list, list]]:
    """(document, gold, system times) for each document, through the spaCy pass and the times
    stage (``narrative`` for history text, where the DCT says nothing about the story's time)."""
    from eventwire.extract.times import extract_times, find_times
    from eventwire.model import Article, Extraction
    from eventwire.nlp import load_nlp

    documents = list(documents)
    nlp = load_nlp()
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents)):
        article = Article.from_text(document.text, published=document.dct, id=document.name)
        if narrative:
            found = find_times(doc, document.dct, narrative=True)
        else:
            found = extract_times(doc, Extraction(article=article)).times
        system = [t for t in found
                  if not any(t.span[0] < b and a < t.span[1] for a, b in document.ignore)]
        yield document, list(document.timexes), system


def score_documents(documents: Iterable[GoldDocument], with_type: bool = True,
                    narrative: bool = False) -> dict:
    counts = Counts()
    for _document, gold, system in compare(documents, narrative):
        counts.gold += len(gold)
        counts.system += len(system)
        for g, s in match(gold, system):
            counts.relaxed += 1
            counts.strict += (s.span[0], s.span[1]) == (g.start, g.end)
            counts.type += (s.type == g.type)
            counts.value += (s.value or "") == (g.value or "")
    metrics = {"documents": None, "gold": counts.gold, "system": counts.system}
    strict = prf(counts.strict, counts.system, counts.gold)
    relaxed = prf(counts.relaxed, counts.system, counts.gold)
    value = prf(counts.value, counts.system, counts.gold)
    metrics.update({
        "strict_precision": strict["precision"], "strict_recall": strict["recall"],
        "strict_f1": strict["f1"],
        "relaxed_precision": relaxed["precision"], "relaxed_recall": relaxed["recall"],
        "relaxed_f1": relaxed["f1"],
        "value_f1": value["f1"],
        "value_accuracy": round(counts.value / counts.relaxed, 4) if counts.relaxed else 0.0,
    })
    if with_type:
        metrics["type_f1"] = prf(counts.type, counts.system, counts.gold)["f1"]
        metrics["type_accuracy"] = round(counts.type / counts.relaxed, 4) if counts.relaxed else 0.0
    return metrics


def _scored(documents: list[GoldDocument], with_type: bool = True, narrative: bool = False) -> dict:
    metrics = score_documents(documents, with_type, narrative)
    metrics["documents"] = len(documents)
    return metrics


# --- the four sets -------------------------------------------------------------------------


def te3_documents(data: Path) -> list[GoldDocument]:
    folder = data / "time" / "te3-platinum"
    if not folder.is_dir():
        raise InputError(f"gold data not found: {folder} (set EVENTWIRE_DATA to the data folder)")
    return [read_timeml(path.stem, path.read_text("utf-8")) for path in sorted(folder.glob("*.tml"))]


def tbaq_documents(data: Path) -> list[GoldDocument]:
    return [read_timeml(Path(name).stem, markup)
            for name, markup in _members(data / "time" / "tbaq-cleaned.tar.gz", ".tml")]


def meantime_documents(data: Path) -> list[GoldDocument]:
    return [read_meantime(Path(name).stem, markup)
            for name, markup in _members(data / "time" / "meantime_en_intradoc.tar.gz", ".xml",
                                         under="intra-doc_annotation/")]


def wikiwars_documents(data: Path) -> list[GoldDocument]:
    return [read_timex2(Path(name).stem, markup)
            for name, markup in _members(data / "time" / "wikiwars_v104.tar.gz", ".key.xml",
                                         under="/keyinline/")]


def score_te3(split: str, data: Path) -> dict:
    """TempEval-3 platinum: all of it is the test set."""
    if split != "test":
        raise InputError("te3-platinum is a test set only (develop on timex-tbaq, the dev set)")
    return _scored(te3_documents(data))


def score_tbaq(split: str, data: Path) -> dict:
    """TimeBank + AQUAINT (TempEval-3 training data): all of it is the dev set."""
    if split != "dev":
        raise InputError("tbaq-cleaned is a dev set only (report test figures on timex-te3)")
    return _scored(tbaq_documents(data))


def score_meantime(split: str, data: Path) -> dict:
    return _scored(parity_split(meantime_documents(data), split))


def score_wikiwars(split: str, data: Path) -> dict:
    """WikiWars is TIMEX2: no type attribute, so only spans and values are scored. Its texts are
    history, read in narrative mode (a month without a year is the story's, not the DCT's)."""
    return _scored(parity_split(wikiwars_documents(data), split), with_type=False, narrative=True)
