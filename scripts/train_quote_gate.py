"""Train the quotes stage's cue check from PolNeAR train: eventwire/data/quote_cue_gate.json.

    PYTHONPATH=. python scripts/train_quote_gate.py [--docs train.spacy] [--threshold 0.3]

1. Candidates: the finder (:func:`eventwire.extract.quotes.find_attributions`, PolNeAR
   conventions) runs over train with the cue lexicon plus every other verb lemma inside at
   least ``--min-gold`` gold cues of train (the extra cues), and every attribution it reads
   from a cue word (not "according to", not a signed or continued quotation) is a row.
2. Label: the share of the row's source, cue and content spans that match train's gold
   exactly (a soft label between 0 and 1).
3. Model: L2-regularised logistic regression (numpy + scipy L-BFGS, no new dependency)
   over the string features of :func:`eventwire.extract.quotes.gate_features`; features seen
   fewer than ``--min-count`` times are left out. The finder drops an attribution whose
   predicted share is under ``--threshold`` (chosen on dev with ``eventwire evaluate polnear
   --split dev``).

Train only: never dev or test. ``--docs`` reuses a spaCy DocBin of the train texts in archive
order. Only lemmas, parse labels and weights are written, never PolNeAR text (research-only).
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import ROLES, normalise, parsed_polnear
from eventwire.extract import quotes as quotes_stage

OUT = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "quote_cue_gate.json"


def extra_cues(articles, docs, min_gold: int) -> dict[str, str]:
    """Verb lemmas of train's gold cues that the lexicon lacks, with the complement they take."""
    count: Counter = Counter()
    clause: Counter = Counter()
    obj: Counter = Counter()
    lexicon = quotes_stage.cue_words()
    for article, doc in zip(articles, docs):
        for gold in article.attributions:
            for start, end in gold.cue:
                for token in doc.char_span(start, end, alignment_mode="expand") or []:
                    lemma = token.lemma_.lower()
                    if token.pos_ != "VERB" or lemma in lexicon or not lemma.isalpha():
                        continue
                    count[lemma] += 1
                    deps = [c.dep_ for c in token.children]
                    clause[lemma] += sum(d in ("ccomp", "xcomp", "punct") for d in deps)
                    obj[lemma] += deps.count("dobj")
    return {lemma: "object" if obj[lemma] > 1.5 * clause[lemma] else
            "clause" if clause[lemma] > 1.5 * obj[lemma] else "both"
            for lemma, n in sorted(count.items()) if n >= min_gold}


def rows(articles, docs, extras: dict[str, str]) -> tuple[list[list[str]], list[float]]:
    """Features and soft labels of every cue-word attribution the ungated finder reads."""
    features: list[list[str]] = []
    labels: list[float] = []
    seen: list = []
    quotes_stage.cue_gate = lambda: {"extra_cues": extras}
    quotes_stage._gate_passes = lambda attribution, doc, gate: seen.append(attribution) or True
    for article, doc in zip(articles, docs):
        text = article.text
        gold = {role: {normalise(p, text) for g in article.attributions for p in getattr(g, role)}
                for role in ROLES}
        seen.clear()
        quotes_stage.find_attributions(doc, all_cues=True)
        for found in seen:
            pieces = {"source": [found.source] if found.source else [], "cue": [found.cue],
                      "content": found.content}
            hits = [any(normalise(p, text) in gold[role] for p in pieces[role])
                    for role in ROLES if pieces[role]]
            features.append(quotes_stage.gate_features(found, doc))
            labels.append(sum(hits) / len(hits))
    return features, labels


def binary_matrix(features: list[list[str]],
                  min_count: int) -> tuple[dict[str, int], sparse.csr_matrix]:
    """The features seen in at least ``min_count`` rows, numbered, and the rows as a 0/1
    sparse matrix over them (shared with scripts/train_quote_tagger.py)."""
    counts = Counter(f for row in features for f in set(row))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    data, indices, pointers = [], [], [0]
    for row in features:
        columns = sorted({vocabulary[f] for f in row if f in vocabulary})
        indices += columns
        data += [1.0] * len(columns)
        pointers.append(len(indices))
    x = sparse.csr_matrix((data, indices, pointers), shape=(len(features), len(vocabulary)),
                          dtype=np.float64)
    return vocabulary, x


def fit(features: list[list[str]], labels: list[float], min_count: int,
        l2: float) -> tuple[dict[str, float], float]:
    vocabulary, x = binary_matrix(features, min_count)
    y = np.asarray(labels)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        value = np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * w @ w
        residual = p - y
        return value, np.append(x.T @ residual + l2 * w, residual.sum())

    theta = optimize.minimize(loss, np.zeros(len(vocabulary) + 1), jac=True, method="L-BFGS-B",
                              options={"maxiter": 500}).x
    weights = {f: round(float(theta[i]), 4) for f, i in vocabulary.items() if abs(theta[i]) >= 1e-3}
    return weights, round(float(theta[-1]), 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=Path, help="DocBin of the train texts, in archive order")
    parser.add_argument("--threshold", type=float, default=0.3)
    parser.add_argument("--min-gold", type=int, default=3)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--limit", type=int, default=None, help="first N train articles")
    parser.add_argument("--rows", type=Path, help="pickle caching the rows between runs")
    args = parser.parse_args()
    if args.rows and args.rows.is_file():
        import pickle
        count, extras, features, labels = pickle.loads(args.rows.read_bytes())
        write(args, count, extras, features, labels)
        return
    articles, docs = parsed_polnear(data_dir(), "train", args.limit, args.docs)
    extras = extra_cues(articles, docs, args.min_gold)
    features, labels = rows(articles, docs, extras)
    if args.rows:
        import pickle
        args.rows.write_bytes(pickle.dumps((len(articles), extras, features, labels)))
    write(args, len(articles), extras, features, labels)


def write(args, count: int, extras: dict[str, str], features: list[list[str]],
          labels: list[float]) -> None:
    weights, bias = fit(features, labels, args.min_count, args.l2)
    gate = {"source": "scripts/train_quote_gate.py on PolNeAR train (derived weights, no text)",
            "articles": count, "rows": len(labels), "threshold": args.threshold,
            "threshold_logit": round(math.log(args.threshold / (1 - args.threshold)), 4),
            "bias": bias, "extra_cues": extras, "weights": dict(sorted(weights.items()))}
    OUT.write_text(json.dumps(gate, indent=0) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights, {len(extras)} extra cues from {len(labels)} rows of "
          f"{count} train articles -> {OUT}")


if __name__ == "__main__":
    main()
