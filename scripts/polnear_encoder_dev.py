"""Score cue taggers with an encoder head (scripts/polnear_encoder_head.py) on PolNeAR dev,
reading the states from a cache (scripts/polnear_encoder_features.py): the finder's tagger
path (``find_attributions(doc, all_cues=True)``) with the head's logits added to the
tagger's, the product untouched.

    PYTHONPATH=. python scripts/polnear_encoder_dev.py DEV_STATES.npy --docs dev.spacy
        --taggers a.json.gz b.json.gz --thresholds 0.6 0.75 [--file-layers 2 4 6]

Prints the scorer's source / cue / content P / R / F1 for each tagger and threshold (the
threshold on a tagged span's mean B/I probability). Dev only.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import numpy as np

from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import parsed_polnear, score_docs
from eventwire.extract import quotes as quotes_stage
from eventwire.extract.quote_tagger import features_of as tagger_features
from eventwire.extract.quote_tagger import probabilities as tagger_probabilities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("states", type=Path)
    parser.add_argument("--docs", type=Path)
    parser.add_argument("--taggers", type=Path, nargs="+", required=True)
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.75])
    parser.add_argument("--file-layers", type=int, nargs="+", default=[2, 4, 6])
    args = parser.parse_args()
    articles, docs = parsed_polnear(data_dir(), "dev", None, args.docs)
    cached = np.load(args.states, mmap_mode="r")
    offsets = np.cumsum([0] + [len(doc) for doc in docs])
    by_doc = {id(doc): k for k, doc in enumerate(docs)}

    read = {}

    def features_of(doc, *rest):  # the finder's tagger path reads the doc's features first
        read["doc"] = doc
        return tagger_features(doc, *rest)

    def probabilities(features, tagger):
        out = tagger_probabilities(features, tagger)
        if "encoder" not in tagger:
            return out
        k = by_doc[id(read["doc"])]
        layer = args.file_layers.index(tagger["encoder"]["layer"])
        states = np.asarray(cached[layer, offsets[k]:offsets[k + 1]], dtype=np.float32)
        dense = states @ np.array([tagger["encoder"]["B"], tagger["encoder"]["I"]]).T
        for row, (b, i) in zip(out, dense):  # P(O) P(B) P(I) with B's and I's logits moved
            logits = np.log(np.maximum(row, 1e-300)) + [0.0, b, i]
            p = np.exp(logits - logits.max())
            row[:] = (p / p.sum()).tolist()
        return out

    quotes_stage.features_of = features_of
    quotes_stage.probabilities = probabilities
    for path in args.taggers:
        tagger = json.loads(gzip.decompress(path.read_bytes()))
        quotes_stage.cue_tagger = lambda: tagger
        for threshold in args.thresholds:
            tagger["threshold"] = threshold
            m = score_docs(articles, docs)
            print(path.name, threshold, " | ".join(
                f"{role} {m[role + '_precision']} / {m[role + '_recall']} / {m[role + '_f1']}"
                for role in ("source", "cue", "content")), flush=True)


if __name__ == "__main__":
    main()
