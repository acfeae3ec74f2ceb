"""Cache the frozen encoder's states at every token of PolNeAR train or dev (an experiment
helper for ``scripts/polnear_encoder_head.py`` and ``polnear_encoder_dev.py``; writes no
PolNeAR text, only the states).

    PYTHONPATH=. python scripts/polnear_encoder_features.py SPLIT OUT.npy [--docs SPLIT.spacy]
        [--layers 2 4 6] [--start K] [--limit N]

OUT.npy holds layers x tokens x 384 (float16), the tokens of every article in archive order,
as ``token_states`` in ``scripts/polnear_encoder_numpy.py`` gives them.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import parsed_polnear
from polnear_encoder_numpy import token_states  # a sibling script: scripts/ is on sys.path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("split")
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=Path)
    parser.add_argument("--layers", type=int, nargs="+", default=[2, 4, 6])
    parser.add_argument("--start", type=int, default=0, help="skip the first K articles")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    articles, docs = parsed_polnear(data_dir(), args.split, args.limit, args.docs)
    docs = docs[args.start:]
    layers = tuple(args.layers)
    parts = []
    began = time.process_time()
    for k, doc in enumerate(docs):
        parts.append(token_states(doc, layers).astype(np.float16))
        if k % 50 == 0:
            print(k, f"{time.process_time() - began:.1f}s", file=sys.stderr, flush=True)
    seconds = time.process_time() - began
    np.save(args.out, np.concatenate(parts, axis=1))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(docs)} articles, {sum(len(d) for d in docs)} tokens: {seconds:.1f} s CPU, "
          f"{seconds / len(docs):.3f} s an article; peak RSS {peak:.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
