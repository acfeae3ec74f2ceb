"""Train the learned end edges of PolNeAR attributions from PolNeAR train:
eventwire/data/quote_content_edges.json (end of indirect content), quote_start_edges.json (its
start), quote_cue_edges.json (end of verb cues) and quote_cue_start_edges.json (their start).
The shipped files:

    PYTHONPATH=. python scripts/train_quote_edges.py --role content --docs train.spacy
    PYTHONPATH=. python scripts/train_quote_edges.py --role cue --docs train.spacy
    PYTHONPATH=. python scripts/train_quote_edges.py --role start --margin 0.5 --docs train.spacy
    PYTHONPATH=. python scripts/train_quote_edges.py --role cue_start --margin 2 --docs train.spacy

1. Instances: the PolNeAR finder (:func:`eventwire.extract.quotes.find_attributions`,
   without the learned edges) runs over train. ``--role content``: every indirect or mixed
   content it reads from a cue word (:func:`eventwire.extract.quotes.edge_rows`) whose cue
   matches a train gold cue and whose last piece starts where a piece of that gold content
   starts; ``--role cue``: every verb cue (:func:`eventwire.extract.quotes.cue_edge_rows`)
   that starts where a gold cue starts; ``--role start``: as for content, with the end
   matching and the start learned; ``--role cue_start``: every verb cue
   (:func:`eventwire.extract.quotes.cue_start_rows`) that ends where a gold cue ends. Each
   is one instance, kept where the gold edge is among its candidates (compared as the
   scorer compares spans).
2. Model: a conditional logit over each instance's candidates (softmax of a linear score,
   L2-regularised; numpy + scipy L-BFGS, no new dependency) over the string features of
   :func:`eventwire.extract.quote_edges.end_features` (``start_features``,
   ``cue_end_features``); features seen in fewer than
   ``--min-count`` instances are left out.
3. ``--margin``: how much more than the rules' edge another candidate must score (chosen on
   dev with ``eventwire evaluate polnear --split dev``).

Train only: never dev or test. ``--docs`` reuses a spaCy DocBin of the train texts in archive
order. Only feature strings (parse labels, function words) and weights are written, never
PolNeAR text (research-only).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import normalise, parsed_polnear
from eventwire.extract import quotes as quotes_stage
from eventwire.extract.quote_edges import quote_flags

OUT = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "quote_content_edges.json"


def instances(articles, docs, role: str) -> tuple[list[list[list[str]]], list[int], Counter]:
    """Each instance's candidates' features and the index of its gold candidate."""
    groups: list[list[list[str]]] = []
    positives: list[int] = []
    tally: Counter = Counter()
    for article, doc in zip(articles, docs):
        text = article.text
        quotes = quotes_stage.quotations(text)
        paragraphs = quotes_stage._Paragraphs(text)
        flags = quote_flags(doc, quotes)
        by_cue: dict = {}
        gold_cues = set()
        for gold in article.attributions:
            for piece in gold.cue:
                cue = normalise(piece, text)
                if cue:
                    gold_cues.add(cue)
                    by_cue.setdefault(cue, []).extend(
                        p for p in (normalise(c, text) for c in gold.content) if p)
        for found in quotes_stage.find_attributions(doc, all_cues=True, use_edges=False):
            if role == "cue":
                rows = quotes_stage.cue_edge_rows(doc, found)
                piece = found.cue
                gold_pieces = list(gold_cues)
            elif role == "cue_start":
                rows = quotes_stage.cue_start_rows(doc, found, paragraphs)
                piece = found.cue
                gold_pieces = list(gold_cues)
            elif role == "start":
                rows = quotes_stage.start_edge_rows(doc, found, paragraphs)
                piece = found.content[-1] if found.content else None
                gold_pieces = by_cue.get(normalise(found.cue, text))
            else:
                rows = quotes_stage.edge_rows(doc, found, flags, paragraphs)
                piece = found.content[-1] if found.content else None
                gold_pieces = by_cue.get(normalise(found.cue, text))
            if rows is None:
                continue
            tally["rows"] += 1
            start = normalise(piece, text)
            if not gold_pieces or start is None:
                continue
            # the edge that is not learned must already match: the start for an end, the end for a start
            same_start = [p for p in gold_pieces if (p[1] == start[1] if role in ("start", "cue_start")
                                                     else p[0] == start[0])]
            if not same_start:
                continue
            tally["same start"] += 1
            original, scored = rows
            ends = [normalise((doc[k].idx, piece[1]) if role in ("start", "cue_start") else
                              (piece[0], doc[k].idx + len(doc[k].text)), text) for k, _ in scored]
            hit = [i for i, end in enumerate(ends) if end in same_start]
            if not hit:
                tally["gold end not a candidate"] += 1
                continue
            # candidates the scorer cannot tell apart ('... wraps.' and '... wraps.”'): the
            # rules' own end where it is one of them, else the one nearest to it
            best = min(hit, key=lambda i: abs(scored[i][0] - original))
            tally["rules right" if scored[best][0] == original else "rules wrong"] += 1
            groups.append([features for _, features in scored])
            positives.append(best)
    return groups, positives, tally


def fit(groups: list[list[list[str]]], positives: list[int], min_count: int,
        l2: float) -> dict[str, float]:
    counts = Counter(f for group in groups for f in {f for row in group for f in row})
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    data, indices, pointers, owner, gold_rows = [], [], [0], [], []
    for g, (group, positive) in enumerate(zip(groups, positives)):
        for r, row in enumerate(group):
            columns = sorted({vocabulary[f] for f in row if f in vocabulary})
            indices += columns
            data += [1.0] * len(columns)
            pointers.append(len(indices))
            if r == positive:
                gold_rows.append(len(owner))
            owner.append(g)
    x = sparse.csr_matrix((data, indices, pointers), shape=(len(owner), len(vocabulary)))
    owner_index = np.asarray(owner)
    # rows -> groups summation matrix
    member = sparse.csr_matrix((np.ones(len(owner)), (owner_index, np.arange(len(owner)))),
                               shape=(len(groups), len(owner)))
    gold = np.asarray(gold_rows)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        top = np.zeros(len(groups))
        np.maximum.at(top, owner_index, z)
        e = np.exp(z - top[owner_index])
        total = member @ e
        p = e / total[owner_index]
        value = -np.sum(z[gold] - top - np.log(total)) + 0.5 * l2 * w @ w
        grad = x.T @ p - np.asarray(x[gold].sum(axis=0)).ravel() + l2 * w
        return value, grad

    w = optimize.minimize(loss, np.zeros(len(vocabulary)), jac=True, method="L-BFGS-B",
                          options={"maxiter": 400}).x
    return {f: round(float(w[i]), 4) for f, i in vocabulary.items() if abs(w[i]) >= 1e-3}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=Path, help="DocBin of the train texts, in archive order")
    parser.add_argument("--limit", type=int, help="only the first N train articles")
    parser.add_argument("--min-count", type=int, default=10)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--margin", type=float, default=1.0)
    parser.add_argument("--role", choices=("content", "cue", "start", "cue_start"), default="content")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    articles, docs = parsed_polnear(data_dir(), "train", args.limit, args.docs)
    groups, positives, tally = instances(articles, docs, args.role)
    args.out = args.out or OUT.with_name(f"quote_{args.role}_edges.json")  # start: the content's start
    print(dict(tally), "instances", len(groups))
    weights = fit(groups, positives, args.min_count, args.l2)
    args.out.write_text(json.dumps({"margin": args.margin, "l2": args.l2, "min_count": args.min_count,
                                    "instances": len(groups), "weights": weights},
                                   sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights -> {args.out}")


if __name__ == "__main__":
    main()
