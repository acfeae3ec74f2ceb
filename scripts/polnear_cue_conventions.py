"""Count PolNeAR cue-edge conventions and false cues: which words beside a cue verb gold's cue
takes in against the finder's, and the cue precision of each lemma and reading.

    PYTHONPATH=. python scripts/polnear_cue_conventions.py [--split train] [--docs train.spacy]
        [--rules]

Run on train (``--docs`` reuses a DocBin of the split's texts in archive order, as
:func:`parsed_polnear` reads it); cues are compared as the scorer compares them (normalised
spans). ``--rules`` reads without the cue tagger, which was fitted on train (the rule finder's
own cues, with their precision and recall). Only counts and lemmas are printed, never text.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import normalise, parsed_polnear
from eventwire.extract.quotes import NOT_VERB_CUES, find_attributions

NEGATIONS = {"not", "n't", "never", "no"}


def word_kind(token, verb) -> str:
    """The kind of a word beside cue verb ``verb``, with its side."""
    side = "before" if token.i < verb.i else "after"
    if token.lower_ in NEGATIONS or token.dep_ == "neg":
        kind = "negation"
    elif token.tag_ == "MD":
        kind = "modal"
    elif token.dep_ in ("aux", "auxpass"):
        kind = "auxiliary"
    elif token.dep_ == "prt":
        kind = "particle"
    elif token.ent_type_ in ("DATE", "TIME"):
        kind = "date"
    elif token.dep_ in ("dobj", "dative", "iobj"):
        kind = "object"
    elif token.dep_ == "advmod":
        kind = "adverb"
    elif token.dep_ == "prep":
        kind = f"prep {token.lower_}"
    else:
        kind = f"{token.pos_} {token.dep_}"
    return f"{side}: {kind}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="train")
    parser.add_argument("--docs", type=Path, help="DocBin of the split's texts, in archive order")
    parser.add_argument("--min-found", type=int, default=15)
    parser.add_argument("--rules", action="store_true", help="without the cue tagger")
    args = parser.parse_args()
    articles, docs = parsed_polnear(data_dir(), args.split, docbin=args.docs)
    words: Counter = Counter()  # (kind, gold takes it in, finder takes it in)
    readings: Counter = Counter()  # (reading, exact | edges | none)
    gold_cues = 0
    for article, doc in zip(articles, docs):
        text = article.text
        gold = {c for g in article.attributions for c in (normalise(p, text) for p in g.cue) if c}
        gold_cues += len(gold)
        seen = set()
        for found in find_attributions(doc, all_cues=True, use_tagger=not args.rules):
            cue = normalise(found.cue, text)
            if cue is None or cue in seen:
                continue
            seen.add(cue)
            overlapping = [g for g in gold if g[0] < cue[1] and cue[0] < g[1]]
            verb = doc[found.cue_token] if found.cue_token >= 0 else None
            reading = f"{found.how}: {verb.lemma_.lower() if verb is not None else '-'}"
            readings[reading, "exact" if cue in gold else "edges" if overlapping else "none"] += 1
            if not overlapping or verb is None or found.how in NOT_VERB_CUES:
                continue
            match = min(overlapping, key=lambda g: abs(g[0] - cue[0]) + abs(g[1] - cue[1]))
            low, high = min(match[0], cue[0]), max(match[1], cue[1])
            inside = [t for t in verb.sent if t.idx < high and t.idx + len(t.text) > low]
            if not inside:
                continue
            beside = doc[max(inside[0].i - 1, verb.sent.start):min(inside[-1].i + 2, verb.sent.end)]
            for token in beside:
                if token.is_punct or token.i == verb.i:
                    continue
                end = token.idx + len(token.text)
                words[word_kind(token, verb), match[0] <= token.idx and end <= match[1],
                      cue[0] <= token.idx and end <= cue[1]] += 1
    totals = Counter()
    for (_, status), n in readings.items():
        totals[status] += n
    print(f"{args.split}: {sum(totals.values())} found cues, {totals['exact']} exact, "
          f"{totals['edges']} with other edges, {totals['none']} where gold has none; "
          f"{gold_cues} gold cues (cue P {totals['exact'] / sum(totals.values()):.2%}, "
          f"R {totals['exact'] / gold_cues:.2%})")
    print("\nword kind: gold in / found in: both, gold only, found only, neither; gold share")
    kinds = {kind for kind, _, _ in words}
    for kind in sorted(kinds, key=lambda k: -(words[k, True, False] + words[k, False, True])):
        both, gold_only = words[kind, True, True], words[kind, True, False]
        found_only, neither = words[kind, False, True], words[kind, False, False]
        if gold_only + found_only >= 5:
            share = (both + gold_only) / (both + gold_only + found_only + neither)
            print(f"  {kind:28} {both:6} {gold_only:6} {found_only:6} {neither:6}  {share:5.0%}")
    print(f"\nreadings with {args.min_found}+ found cues under 35 % exact:")
    for reading in sorted({r for r, _ in readings}):
        found = sum(readings[reading, s] for s in ("exact", "edges", "none"))
        if found >= args.min_found and readings[reading, "exact"] < 0.35 * found:
            print(f"  {reading:28} {readings[reading, 'exact']} of {found}")


if __name__ == "__main__":
    main()
