"""How many codebook-worded sentences get the PLOVER type their act has (main event).

    PYTHONPATH=. python bench/events_codebook.py [-v]

The sentences (bench/events_codebook_sentences.tsv) were written from PLOVER's structured
codebook and the CAMEO code descriptions, not from any gold record: a check of dictionary
coverage on data no rule was tuned on when it was written (seventh session).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from eventwire.evaluate.events import extract_sentences, main_event

SENTENCES = Path(__file__).with_name("events_codebook_sentences.tsv")


def main(verbose: bool) -> None:
    rows = [line.split("\t") for line in SENTENCES.read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    right, total = Counter(), Counter()
    for (name, expected, text), extraction in zip(rows, extract_sentences([r[2] for r in rows])):
        event = main_event(extraction)
        found = event.type if event else "NONE"
        total[name] += 1
        right[name] += found == expected
        if verbose and found != expected:
            print(f"{name}\t{expected}\t{found}\t{text}")
    for name in total:
        print(f"{name}: {right[name]} / {total[name]} right")


if __name__ == "__main__":
    main("-v" in sys.argv)
