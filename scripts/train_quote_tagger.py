"""Train the PolNeAR cue tagger from PolNeAR train: eventwire/data/quote_cue_tagger.json.gz.

    PYTHONPATH=. python scripts/train_quote_tagger.py [--docs train.spacy] [--l2 4] [--min-count 5]

1. Rows: every token of every train article, with the features of
   :func:`eventwire.extract.quote_tagger.token_features` (its parse, its neighbours, quote
   marks, the cue lexicon; with ``--rule-marks`` also what the rule finder made of it, which
   tied the tagger to the rules and added fewer cues where they found none: dev cue F1 the
   same, a file three times larger).
2. Label: B, I or O from train's gold cue spans (edge punctuation stripped, as scored).
3. Model: multinomial logistic regression, L2-regularised (numpy + scipy L-BFGS, no new
   dependency), over features seen at least ``--min-count`` times; weights under
   ``--prune`` in absolute value are dropped to keep the file small.

Train only: never dev or test. ``--docs`` reuses a spaCy DocBin of the train texts in
archive order. Only feature strings (lemmas, parse labels) and weights are written, never
PolNeAR text (research-only).
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
from pathlib import Path

import numpy as np
from scipy import optimize

from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import normalise, parsed_polnear
from eventwire.extract import quote_tagger, quotes as quotes_stage
from train_quote_gate import binary_matrix  # a sibling script: scripts/ is on sys.path

OUT = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "quote_cue_tagger.json.gz"


def gold_labels(doc, pieces, text: str) -> list[int]:
    """0/1/2 (O/B/I) per token from the gold cue pieces, edges stripped as the scorer does."""
    labels = [0] * len(doc)
    for piece in pieces:
        span = normalise(piece, text)
        if not span:
            continue
        inside = [t.i for t in doc if span[0] <= t.idx < span[1]]
        for k, i in enumerate(inside):
            if labels[i] == 0:
                labels[i] = 1 if k == 0 else 2
    return labels


def rows(articles, docs, rule_marks: bool = False) -> tuple[list[list[str]], list[int]]:
    """Every token's features and gold label; the rule finder runs only for ``rule_marks``
    (without them its marks are dropped before the fit: train's rows then take one minute
    of CPU instead of seven)."""
    features: list[list[str]] = []
    labels: list[int] = []
    for article, doc in zip(articles, docs):
        found = (quotes_stage.find_attributions(doc, all_cues=True, use_tagger=False)
                 if rule_marks else [])
        features += quote_tagger.features_of(doc, found, quotes_stage.quotations(article.text),
                                             quotes_stage.tagger_lexicon())
        labels += gold_labels(doc, [p for g in article.attributions for p in g.cue], article.text)
    return features, labels


def fit(features: list[list[str]], labels: list[int], min_count: int,
        l2: float) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    vocabulary, x = binary_matrix(features, min_count)
    xt = x.T.tocsr()
    y = np.zeros((len(labels), 3))
    y[np.arange(len(labels)), labels] = 1.0
    n_features = len(vocabulary)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[:-3].reshape(n_features, 3)
        b = theta[-3:]
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -np.sum(y * log_p) + 0.5 * l2 * np.sum(w * w)
        residual = np.exp(log_p) - y
        grad_w = xt @ residual + l2 * w
        return value, np.concatenate([grad_w.ravel(), residual.sum(axis=0)])

    theta = optimize.minimize(loss, np.zeros(n_features * 3 + 3), jac=True, method="L-BFGS-B",
                              options={"maxiter": 400}).x
    w = theta[:-3].reshape(n_features, 3)
    b = theta[-3:]
    weights = {label: {} for label in quote_tagger.LABELS}
    for f, i in vocabulary.items():
        for k, label in enumerate(quote_tagger.LABELS):
            weights[label][f] = float(w[i, k])
    bias = {label: float(b[k]) for k, label in enumerate(quote_tagger.LABELS)}
    return weights, bias


def write(weights, bias, prune: float, threshold: float, count: int, n_rows: int,
          out: Path = OUT, rule_marks: bool = False) -> None:
    # a softmax is unchanged by a constant added to every label's weight: centre each feature
    # on O's weight so that most O weights are zero and drop small ones
    kept = {label: {} for label in quote_tagger.LABELS}
    for f in weights["O"]:
        base = weights["O"][f]
        for label in ("B", "I"):
            value = weights[label][f] - base
            if abs(value) >= prune:
                kept[label][f] = round(value, 3)
    centred_bias = {label: round(bias[label] - bias["O"], 4) for label in quote_tagger.LABELS}
    tagger = {"source": "scripts/train_quote_tagger.py on PolNeAR train (derived weights, no text)",
              "articles": count, "rows": n_rows, "threshold": threshold, "rule_marks": rule_marks, "bias": centred_bias,
              "weights": {"O": {}, "B": dict(sorted(kept["B"].items())),
                          "I": dict(sorted(kept["I"].items()))}}
    payload = json.dumps(tagger, separators=(",", ":")) + "\n"
    out.write_bytes(gzip.compress(payload.encode("utf-8"), mtime=0))
    print(f"{len(kept['B'])} + {len(kept['I'])} weights from {n_rows} tokens of {count} "
          f"train articles -> {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=Path, help="DocBin of the train texts, in archive order")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--l2", type=float, default=4.0)
    parser.add_argument("--prune", type=float, default=0.2)
    parser.add_argument("--threshold", type=float, default=0.75)
    parser.add_argument("--limit", type=int, default=None, help="first N train articles")
    parser.add_argument("--rows", type=Path, help="pickle caching the rows between runs "
                        "(with the rule finder's marks only if written with --rule-marks)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--rule-marks", action=argparse.BooleanOptionalAction, default=False,
                        help="features of what the rule finder made of each token")
    args = parser.parse_args()
    if args.rows and args.rows.is_file():
        count, features, labels = pickle.loads(args.rows.read_bytes())
    else:
        articles, docs = parsed_polnear(data_dir(), "train", args.limit, args.docs)
        features, labels = rows(articles, docs, args.rule_marks)
        count = len(articles)
        if args.rows:
            args.rows.write_bytes(pickle.dumps((count, features, labels)))
    if not args.rule_marks:  # the parse alone: cue-ness where the rules found nothing
        features = [[f for f in row if not f.startswith(quote_tagger.RULE_MARKS)] for row in features]
    weights, bias = fit(features, labels, args.min_count, args.l2)
    write(weights, bias, args.prune, args.threshold, count, len(labels), args.out, args.rule_marks)


if __name__ == "__main__":
    main()
