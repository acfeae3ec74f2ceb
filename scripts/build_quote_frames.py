"""Learn two of PolNeAR's cue conventions from train into eventwire/data/quote_cue_spans.json.

    PYTHONPATH=. python scripts/build_quote_frames.py [--docs train.spacy] [--limit 300]

- ``chain_governors``: verbs of aspect whose infinitive or gerund the gold cue takes in
  with them ("continued to call for", "went on to explain"): a governor lemma is kept when
  train's gold cues span governor and verb more often than the governor alone.
- ``weak_frames``: "<how>:<lemma>" pairs (how the finder reads the content: clause, object,
  preposition) whose attributions reach a mean exact precision over source, cue and content
  below ``--threshold`` on train ("found the money", "read the letter"); the finder drops them.

Train only (never dev or test); ``--docs`` reuses a DocBin of the train texts in archive
order, ``--limit`` reads the first N train articles. Only lemmas are written, never text.
Run it after scripts/build_quote_cues.py (which rewrites the cue-edge keys and keeps these).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import normalise, parsed_polnear
from eventwire.extract import quotes as quotes_stage

SPANS_OUT = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "quote_cue_spans.json"


def chain_governors(articles, docs, min_seen: int = 2) -> list[str]:
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # lemma -> [both, governor only]
    for article, doc in zip(articles, docs):
        cues = [c for c in (normalise(p, article.text) for g in article.attributions for p in g.cue) if c]
        for token in doc:
            head = token.head
            if token.dep_ != "xcomp" or token.pos_ != "VERB" or not 0 < token.i - head.i <= 3:
                continue
            both = any(s <= head.idx < e and s <= token.idx < e for s, e in cues)
            alone = not both and any(s <= head.idx < e for s, e in cues)
            tally[head.lemma_.lower()][0 if both else 1] += both or alone
    return sorted(lemma for lemma, (both, alone) in tally.items()
                  if both >= min_seen and both > alone and lemma.isalpha())


def weak_frames(articles, docs, threshold: float, min_found: int = 5) -> list[str]:
    spans = quotes_stage.cue_spans()
    quotes_stage.cue_spans = lambda: {**spans, "weak_frames": frozenset()}
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # frame -> [found, hits]
    for article, doc in zip(articles, docs):
        text = article.text
        gold = {role: {normalise(p, text) for g in article.attributions for p in getattr(g, role)}
                for role in ("source", "cue", "content")}
        for found in quotes_stage.find_attributions(doc, all_cues=True):
            if found.how not in ("clause", "object", "preposition") or found.cue_token < 0:
                continue
            row = tally[f"{found.how}:{doc[found.cue_token].lemma_.lower()}"]
            row[0] += 1
            row[1] += normalise(found.cue, text) in gold["cue"]
            row[1] += bool(found.source) and normalise(found.source, text) in gold["source"]
            row[1] += any(normalise(p, text) in gold["content"] for p in found.content)
    quotes_stage.cue_spans = lambda: spans
    return sorted(frame for frame, (n, hits) in tally.items()
                  if n >= min_found and hits / (3 * n) < threshold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, default=0.15)
    parser.add_argument("--docs", type=Path, help="DocBin of the train texts, in archive order")
    parser.add_argument("--limit", type=int, default=None, help="first N train articles")
    args = parser.parse_args()
    articles, docs = parsed_polnear(data_dir(), "train", args.limit, args.docs)
    learned = json.loads(SPANS_OUT.read_text("utf-8"))
    learned["chain_governors"] = chain_governors(articles, docs)
    SPANS_OUT.write_text(json.dumps(learned, indent=1) + "\n", encoding="utf-8")
    quotes_stage.cue_spans.cache_clear()  # the weak frames are read with the new governors
    learned["weak_frames"] = weak_frames(articles, docs, args.threshold)
    SPANS_OUT.write_text(json.dumps(learned, indent=1) + "\n", encoding="utf-8")
    print(f"{len(learned['chain_governors'])} chain governors, {len(learned['weak_frames'])} weak "
          f"frames from {len(articles)} train articles -> {SPANS_OUT}")


if __name__ == "__main__":
    main()
