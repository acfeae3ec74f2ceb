"""Learn PolNeAR's phrase cues from train: eventwire/data/quote_phrase_cues.json.

    PYTHONPATH=. python scripts/build_quote_phrases.py [--docs train.spacy] [--threshold 0.4]

PolNeAR's annotators mark cues that are no reporting verb: a copular adjective ("Graham has
been critical of Trump", "she was sure Trump would triumph") or a light verb with its object
noun ("Republicans have expressed concern about", "made the case for"). The finder reads
them with :func:`eventwire.extract.quotes._adjective_attribution` and
:func:`eventwire.extract.quotes._light_verb_attribution` when the adjective lemma, or the
"verb noun" lemma pair, is in the learned lists.

1. Candidates: the finder runs over train with every adjective and every pair allowed.
2. Precision: per adjective or pair, the attributions found and how many of their source,
   cue and content spans match train's gold exactly. A key is kept when it found at least
   ``--min-found`` attributions and its mean exact-match precision over the roles reaches
   ``--threshold`` (an item raises F1 when its precision exceeds about half the F1; the
   threshold is chosen on dev with ``eventwire evaluate polnear --split dev``).

Train only: never dev or test. ``--docs`` reuses a spaCy DocBin of the train texts in
archive order. Only lemmas and counts are written, never PolNeAR text (research-only).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import ROLES, normalise, parsed_polnear
from eventwire.extract import quotes as quotes_stage

OUT = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "quote_phrase_cues.json"


class Everything(frozenset):
    """A set holding every key: the finder tries every adjective and pair."""

    def __contains__(self, item: object) -> bool:
        return True


def phrase_key(attribution, doc) -> str | None:
    """The adjective lemma or "verb noun" pair a phrase attribution was read from."""
    span = doc.char_span(*attribution.cue, alignment_mode="expand") or []
    for token in span:
        if token.dep_ == "acomp":
            return "adjectives", token.lemma_.lower()
    for token in span:
        if token.dep_ == "dobj" and token.head.i >= span[0].i:
            return "light_objects", f"{token.head.lemma_.lower()} {token.lemma_.lower()}"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=Path, help="DocBin of the train texts, in archive order")
    parser.add_argument("--threshold", type=float, default=0.4)
    parser.add_argument("--min-found", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="first N train articles")
    parser.add_argument("--counts", type=Path, help="JSON caching the counts between runs")
    args = parser.parse_args()
    if args.counts and args.counts.is_file():
        cached = json.loads(args.counts.read_text("utf-8"))
        found = Counter({tuple(k.split("|")): n for k, n in cached["found"].items()})
        hits = Counter({tuple(k.split("|")): n for k, n in cached["hits"].items()})
        write(args, cached["articles"], found, hits)
        return
    articles, docs = parsed_polnear(data_dir(), "train", args.limit, args.docs)
    everything = {"adjectives": Everything(), "light_objects": Everything()}
    quotes_stage.phrase_cues = lambda: everything
    found: Counter = Counter()
    hits: Counter = Counter()
    for article, doc in zip(articles, docs):
        text = article.text
        gold = {role: {normalise(p, text) for g in article.attributions for p in getattr(g, role)}
                for role in ROLES}
        for attribution in quotes_stage.find_attributions(doc, all_cues=True):
            key = phrase_key(attribution, doc) if attribution.how == "phrase" else None
            if key is None:
                continue
            pieces = {"source": [attribution.source] if attribution.source else [],
                      "cue": [attribution.cue], "content": attribution.content}
            matched = [any(normalise(p, text) in gold[role] for p in pieces[role])
                       for role in ROLES if pieces[role]]
            found[key] += 1
            hits[key] += sum(matched) / len(matched)
    if args.counts:
        args.counts.write_text(json.dumps({"articles": len(articles),
                                           "found": {"|".join(k): n for k, n in found.items()},
                                           "hits": {"|".join(k): n for k, n in hits.items()}}))
    write(args, len(articles), found, hits)


def write(args, articles: int, found: Counter, hits: Counter) -> None:
    kept = {"adjectives": {}, "light_objects": {}}
    for key, n in found.items():
        precision = hits[key] / n
        if n >= args.min_found and precision >= args.threshold:
            kept[key[0]][key[1]] = [n, round(precision, 2)]
    out = {"source": "scripts/build_quote_phrases.py on PolNeAR train (lemmas and counts only)",
           "articles": articles, "threshold": args.threshold, "min_found": args.min_found,
           "columns": "found on train, mean exact precision of source, cue and content",
           **{kind: dict(sorted(keys.items())) for kind, keys in kept.items()}}
    lines = [f"{json.dumps(key)}: {json.dumps(value)}" for key, value in out.items()
             if not isinstance(value, dict)]
    for kind in kept:  # one key a line: a reviewable diff
        rows = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(kept[kind].items()))
        lines.append(f"{json.dumps(kind)}: {{\n{rows}\n}}")
    OUT.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{len(kept['adjectives'])} adjectives, {len(kept['light_objects'])} light objects "
          f"kept of {len(found)} keys from {articles} train articles -> {OUT}")
    for key, n in sorted(found.items(), key=lambda item: -item[1])[:40]:
        print(key, n, round(hits[key] / n, 2))


if __name__ == "__main__":
    main()
