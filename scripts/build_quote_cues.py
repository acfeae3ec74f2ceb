"""Learn the quotes stage's cue lexicon from PolNeAR train: eventwire/data/quote_cues.tsv.

    PYTHONPATH=. python scripts/build_quote_cues.py [--threshold 0.3] [--docs train.spacy]

1. Candidates: every verb lemma inside at least ``--min-gold`` gold cue spans of PolNeAR
   train (the annotators' cues), with the complement it takes there (a clause, an object
   or both), read off the parse.
2. Precision: the finder (:func:`eventwire.extract.quotes.find_attributions`, PolNeAR
   conventions) runs over train with every candidate as a cue; per cue lemma it counts the
   attributions found and how many of their source, cue and content spans match gold
   exactly. A lemma is kept when it found at least ``--min-found`` attributions and its mean
   exact-match precision over the three roles reaches ``--threshold`` (chosen on dev with
   ``eventwire evaluate polnear --split dev``; an item raises F1 when its precision exceeds
   about half the F1, so the threshold sits near 0.3).
3. Kind: speech and thought verbs are named below (the product leaves thought cues out);
   every other kept verb is a report.

Train only: never run on dev or test. Parsing train takes ~10 minutes on one core;
``--docs`` reuses a spaCy DocBin of the train texts in archive order. Only counts are
written, never PolNeAR text (research-only).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import ROLES, normalise, read_polnear
from eventwire.extract import quotes as quotes_stage
from eventwire.nlp import load_nlp

OUT = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "quote_cues.tsv"
SPANS_OUT = OUT.with_name("quote_cue_spans.json")
NOUNS_OUT = OUT.with_name("quote_noun_cues.tsv")

THOUGHT = set("""think believe want hope expect fear worry feel know wonder consider prefer like
decide seek aim intend plan doubt suspect assume imagine envision favor oppose support endorse
back embrace welcome respect trust admire hate love recognize realize understand remember learn
see view regard deem anticipate refuse decline try focus vote choose care appear seem agree
disagree blame ignore""".split())
SPEECH = set("""say tell add announce warn claim note argue suggest ask insist explain declare
acknowledge state respond reply answer concede admit deny assert stress emphasize reiterate
repeat joke remark boast complain lament question accuse blame criticize praise slam blast
denounce dismiss mock decry rail call describe mention cite refer confirm reveal allege charge
demand order propose thank assure remind tout echo challenge reject defend speak talk testify
contend shout yell plead interject speculate recount tweet vow promise pledge urge predict
brag quip muse recall concur caution counter dispute insinuate mull pitch pledge""".split())


def noun_candidates(articles, docs, min_gold: int) -> list[str]:
    """Noun lemmas of gold cues with a possessive speaker ("his call for")."""
    count: Counter = Counter()
    for article, doc in zip(articles, docs):
        for gold in article.attributions:
            for start, end in gold.cue:
                for token in doc.char_span(start, end, alignment_mode="expand") or []:
                    if token.pos_ == "NOUN" and any(c.dep_ == "poss" for c in token.children):
                        count[token.lemma_.lower()] += 1
    return sorted(lemma for lemma, n in count.items() if n >= min_gold and lemma.isalpha())


def candidates(articles, docs, min_gold: int) -> dict[str, str]:
    """Verb lemmas of gold cues with the complement they take: clause, object or both."""
    count: Counter = Counter()
    complements: dict[str, Counter] = defaultdict(Counter)
    for article, doc in zip(articles, docs):
        for gold in article.attributions:
            for start, end in gold.cue:
                span = doc.char_span(start, end, alignment_mode="expand")
                for token in span or []:
                    if token.pos_ != "VERB":
                        continue
                    lemma = token.lemma_.lower()
                    count[lemma] += 1
                    for child in token.children:
                        complements[lemma][child.dep_] += 1
    found = {}
    for lemma, n in count.items():
        if n < min_gold or not lemma.isalpha():
            continue
        deps = complements[lemma]
        clause = deps["ccomp"] + deps["xcomp"] + deps["punct"]
        obj = deps["dobj"]
        found[lemma] = "object" if obj > 1.5 * clause else "clause" if clause > 1.5 * obj else "both"
    return found


def precision_by_lemma(articles, docs, lexicon: dict[str, str],
                       nouns: list[str]) -> dict[str, list[int]]:
    """Per cue lemma: attributions found and exact matches of source, cue and content
    (noun cues as "noun:<lemma>")."""
    words = {lemma: quotes_stage.CueWord(lemma, "thought", content)
             for lemma, content in lexicon.items()}
    quotes_stage.cue_words = lambda: words
    quotes_stage.noun_cues = lambda: frozenset(nouns)
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for article, doc in zip(articles, docs):
        text = article.text
        gold = {role: {normalise(p, text) for g in article.attributions for p in getattr(g, role)}
                for role in ROLES}
        for found in quotes_stage.find_attributions(doc, all_cues=True):
            if found.how == "according":
                continue
            lemma = doc[found.cue_token].lemma_.lower()
            row = tally[f"noun:{lemma}" if found.how == "noun" else lemma]
            row[0] += 1
            pieces = {"source": [found.source] if found.source else [], "cue": [found.cue],
                      "content": found.content}
            for k, role in enumerate(ROLES, start=1):
                row[k] += any(normalise(p, text) in gold[role] for p in pieces[role])
    return dict(tally)


def span_conventions(articles, docs, min_seen: int = 5) -> dict[str, list[str]]:
    """Where PolNeAR's cue starts and ends around its verb, from the gold cues of train:
    the words just before the verb it leaves out ("when asked", "on Tuesday said"), the
    settings just after it that it takes in ("said in a statement", "wrote on Facebook") and
    the verbs whose preposition it takes in ("said of", "railed against")."""
    left: dict[str, list[int]] = defaultdict(lambda: [0, 0])     # word -> [outside, inside]
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])    # "prep noun" -> same
    verb_prep: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # "verb prep" -> same
    for article, doc in zip(articles, docs):
        for gold in article.attributions:
            for piece in gold.cue:
                span = normalise(piece, article.text)
                words = doc.char_span(*span, alignment_mode="expand") if span else None
                verb = next((t for t in words or [] if t.pos_ == "VERB"), None)
                if verb is None:
                    continue
                if verb.i > 0:
                    before = doc[verb.i - 1]
                    if before.head.i == verb.i and before.dep_ in ("advmod", "npadvmod") or \
                            before.ent_type_ == "DATE":
                        left[before.lower_][before.idx >= span[0]] += 1
                for child in verb.rights:
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if child.dep_ == "prep" and child.i == verb.i + 1 and objects:
                        inside = objects[0].idx + len(objects[0].text) <= span[1]
                        right[f"{child.lower_} {objects[0].lemma_.lower()}"][inside] += 1
                        verb_prep[f"{verb.lemma_.lower()} {child.lower_}"][child.idx < span[1]] += 1
    return {"left_outside": sorted(w for w, (o, i) in left.items() if o + i >= min_seen and o > i),
            "right_settings": sorted(w for w, (o, i) in right.items()
                                     if o + i >= min_seen and i > o),
            "right_prepositions": sorted(w for w, (o, i) in verb_prep.items()
                                         if o + i >= min_seen and i > o)}


def write(lexicon: dict[str, str], tally: dict[str, list[int]], threshold: float,
          min_found: int) -> int:
    rows = []
    for lemma, content in lexicon.items():
        found, *hits = tally.get(lemma, [0, 0, 0, 0])
        precision = sum(hits) / (3 * found) if found else 0.0
        if found >= min_found and precision >= threshold:
            kind = "thought" if lemma in THOUGHT else "speech" if lemma in SPEECH else "report"
            rows.append((lemma, kind, content, found, precision))
    rows.sort(key=lambda r: (-r[3], r[0]))
    lines = ["# Reporting verbs the quotes stage reads attributions by (eventwire/extract/quotes.py).",
             "# Built by scripts/build_quote_cues.py from PolNeAR train (counts only, no text):",
             f"# kept where the finder's attributions with this cue reach {threshold:.2f} mean exact",
             "# precision (source, cue, content) on train. kind: speech, report or thought (PolNeAR",
             "# counts thought cues, the product does not); content: the complement holding what is said.",
             "lemma\tkind\tcontent\tfound\tprecision"]
    lines += [f"{l}\t{k}\t{c}\t{n}\t{p:.2f}" for l, k, c, n, p in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def write_nouns(nouns: list[str], tally: dict[str, list[int]], threshold: float,
                min_found: int) -> int:
    rows = []
    for lemma in nouns:
        found, *hits = tally.get(f"noun:{lemma}", [0, 0, 0, 0])
        if found >= min_found and sum(hits) / (3 * found) >= threshold:
            rows.append((lemma, found, sum(hits) / (3 * found)))
    lines = ["# Nouns whose possessor is a speaker in PolNeAR (\"his call for\", \"her claim that\").",
             "# Built by scripts/build_quote_cues.py from PolNeAR train (counts only, no text).",
             "lemma\tfound\tprecision"] + [f"{l}\t{n}\t{p:.2f}" for l, n, p in rows]
    NOUNS_OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, default=0.3)
    parser.add_argument("--min-gold", type=int, default=3)
    parser.add_argument("--min-found", type=int, default=3)
    parser.add_argument("--docs", type=Path, help="DocBin of the train texts, in archive order")
    parser.add_argument("--stats", type=Path, help="JSON file caching the counts between runs")
    args = parser.parse_args()
    if args.stats and args.stats.is_file():
        lexicon, nouns, tally = json.loads(args.stats.read_text())
    else:
        articles = list(read_polnear(data_dir(), "train"))
        nlp = load_nlp()
        if args.docs:
            from spacy.tokens import DocBin
            docs = list(DocBin().from_disk(args.docs).get_docs(nlp.vocab))
        else:
            docs = list(nlp.pipe((a.text for a in articles), batch_size=8))
        learned = json.loads(SPANS_OUT.read_text()) if SPANS_OUT.is_file() else {}
        learned.update(span_conventions(articles, docs))  # keeps build_quote_frames.py's keys
        SPANS_OUT.write_text(json.dumps(learned, indent=1) + "\n")
        lexicon = candidates(articles, docs, args.min_gold)
        nouns = noun_candidates(articles, docs, args.min_gold)
        tally = precision_by_lemma(articles, docs, lexicon, nouns)
        if args.stats:
            args.stats.write_text(json.dumps([lexicon, nouns, tally]))
    kept = write(lexicon, tally, args.threshold, args.min_found)
    print(f"{kept} cue lemmas of {len(lexicon)} candidates -> {OUT}")
    kept = write_nouns(nouns, tally, args.threshold, args.min_found)
    print(f"{kept} noun cues of {len(nouns)} candidates -> {NOUNS_OUT}")


if __name__ == "__main__":
    main()
