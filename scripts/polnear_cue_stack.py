"""A stacked check on PolNeAR cues, fitted on dev and measured by grouped cross-validation.

The fine-tuned encoder (``quote_encoder.py``) was trained on PolNeAR train, so its outputs
there are in-sample; on dev they are not. This script asks whether a small model fitted on
dev, over the encoder's outputs and the finder's own scores, tells the finder's false cues
from its right ones well enough to raise cue F1 when an attribution whose p(right) is under a
threshold is dropped. Each found attribution of ``find_attributions(doc, all_cues=True)``
(the shipped reading) is one row: its label is whether its cue matches a gold cue exactly,
its features are listed in :func:`features`. Dev's 84 articles are split into 5 folds by
article (fixed seeds); a fold's model and its threshold are both chosen on the other four
(the threshold by a second grouped CV inside them, keeping source and content within 0.2 F1),
and the held-out folds' spans are scored together as ``score_docs`` scores them. With
``--tag-threshold 0.5`` the encoder's own cues are read down to 0.5 instead of the shipped 0.9
and the check decides on them too (those under 0.9 that are not candidates are dropped, as
shipped). Dropping a cue alone moves cue F1 as dropping its attribution does (the same cue
spans go), so the attribution is what goes.

    PYTHONPATH=. python scripts/polnear_cue_stack.py --docs dev.spacy --train-docs train.spacy \
        --cache /tmp/quotes14 [--tag-threshold 0.5] [--models logistic,trees] [--candidates rule]

``--docs``/``--train-docs`` are DocBins of the splits' texts in archive order (see
:func:`parsed_polnear`); ``--cache`` keeps the dev rows (the encoder reads an article in about a
second) and the train counts between runs. Train is read only to count how often each cue
lemma's rule cue is right (the rules are not fitted on train's cues). Prints figures only.
"""

from __future__ import annotations

import argparse
import math
import pickle
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import optimize

import eventwire.extract.quotes as quotes
from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import ROLES, normalise, parsed_polnear
from eventwire.extract.quote_tagger import cue_tagger, decode, features_of, probabilities, tagged_spans

CANDIDATES = {"rule": lambda how: how != "tagged", "tagged": lambda how: how == "tagged",
              "verbs+tagged": lambda how: how in ("clause", "object", "preposition", "tagged"),
              "all": lambda how: True}
HOWS = ("clause", "object", "quote", "according", "noun", "phrase", "preposition", "signature",
        "tagged", "passive")
SMALL = ("enc_cue_mean", "enc_cue_first_b", "enc_src_mean", "enc_cont_mean", "span_cue_overlap",
         "span_cue_exact", "sparse_cue_mean", "gate", "has_gate", "prior_lemma", "how_tagged",
         "has_source")
THRESHOLDS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def lemma_counts(train_docs: Path) -> Counter:
    """(lemma, found) and (lemma, right) counts of the rule finder's distinct cues on train."""
    articles, docs = parsed_polnear(data_dir(), "train", docbin=train_docs)
    counts: Counter = Counter()
    for article, doc in zip(articles, docs):
        gold = {c for g in article.attributions for c in (normalise(p, article.text) for p in g.cue) if c}
        seen = set()
        for found in quotes.find_attributions(doc, all_cues=True, use_tagger=False):
            span = normalise(found.cue, article.text)
            if not span or span in seen:
                continue
            seen.add(span)
            lemma = doc[found.cue_token].lemma_.lower() if found.cue_token >= 0 else "-"
            for key in (lemma, "*"):
                counts[key, "found"] += 1
                counts[key, "right"] += span in gold
    return counts


def span_tokens(doc, piece) -> list[int]:
    return [t.i for t in doc if t.idx < piece[1] and t.idx + len(t) > piece[0]] if piece else []


def features(doc, text: str, found, encoded: np.ndarray, sparse: np.ndarray, decoded: dict,
             counts: Counter, gate: dict) -> dict[str, float]:
    """One attribution's features: the encoder's B/I probability (1 - P(O)) per role over and
    around the cue, its decoded spans' agreement with the attribution's, the sparse tagger's
    cue probability, the learned cue check's logit, the cue lemma's train right-rate, and the
    reading's shape."""
    inside = 1.0 - encoded[:, :, 0]  # tokens x (source, cue, content)
    cue = span_tokens(doc, found.cue) or [max(found.cue_token, 0)]
    head = found.cue_token if found.cue_token >= 0 else cue[0]
    source, content = span_tokens(doc, found.source), [i for p in found.content for i in span_tokens(doc, p)]
    sentence = doc[head].sent
    around = [i for i in range(sentence.start, sentence.end) if i not in cue]
    lemma = doc[head].lemma_.lower() if found.cue_token >= 0 else "-"
    overall = counts["*", "right"] / counts["*", "found"]
    rate = (counts[lemma, "right"] + 5 * overall) / (counts[lemma, "found"] + 5)  # smoothed
    score = None
    if found.cue_token >= 0 and found.content and found.how not in quotes.NOT_VERB_CUES:
        score = gate["bias"] + sum(gate["weights"].get(f, 0.0) for f in quotes.gate_features(found, doc))
    row = {"enc_cue_mean": inside[cue, 1].mean(), "enc_cue_max": inside[cue, 1].max(),
           "enc_cue_min": inside[cue, 1].min(), "enc_cue_first_b": encoded[cue[0], 1, 1],
           "enc_cue_head": inside[head, 1],
           "enc_cue_left": inside[cue[0] - 1, 1] if cue[0] > 0 else 0.0,
           "enc_cue_right": inside[cue[-1] + 1, 1] if cue[-1] + 1 < len(doc) else 0.0,
           "has_source": float(bool(source)), "enc_src_mean": inside[source, 0].mean() if source else 0.0,
           "has_content": float(bool(content)),
           "enc_cont_mean": inside[content, 2].mean() if content else 0.0,
           "enc_src_near": inside[around, 0].max() if around else 0.0,
           "enc_cont_near": inside[around, 2].max() if around else 0.0,
           "sparse_cue_mean": (1.0 - sparse[cue, 0]).mean(), "sparse_cue_max": (1.0 - sparse[cue, 0]).max(),
           "gate": score or 0.0, "has_gate": float(score is not None),
           "prior_lemma": math.log(rate / (1 - rate)), "count_lemma": math.log1p(counts[lemma, "found"]),
           "cue_len": math.log1p(len(cue)), "content_len": math.log1p(len(content)),
           "pieces": float(len(found.content)), "sent_pos": (head - sentence.start) / len(sentence),
           "doc_pos": found.cue[0] / len(text), "thought": float(found.cue_kind == "thought"),
           "verb": float(doc[head].pos_ in ("VERB", "AUX"))}
    row.update({f"how_{how}": float(found.how == how) for how in HOWS})
    row.update({f"kind_{kind}": float(found.kind == kind)
                for kind in ("direct", "indirect", "mixed", "according_to")})
    mine = {"cue": [found.cue], "source": [found.source] if found.source else [],
            "content": found.content, "sparse_cue": [found.cue]}
    for role, spans in decoded.items():
        pieces = [normalise(p, text) for p in mine[role]]
        overlaps = [c for p, c, n in spans for m in pieces if m and p[0] < m[1] and m[0] < p[1]]
        row[f"span_{role}_exact"] = float(any(n in pieces for _, _, n in spans))
        row[f"span_{role}_overlap"] = max(overlaps, default=0.0)
    return row


def dev_rows(dev_docs: Path, counts: Counter, tag_threshold: float) -> dict:
    """Per found attribution: features, label, article; per article: spans found and gold.
    The encoder's cues are read down to ``tag_threshold`` (shipped: 0.9)."""
    articles, docs = parsed_polnear(data_dir(), "dev", docbin=dev_docs)
    settings = quotes.quote_encoder().settings
    shipped, settings["threshold"] = settings["threshold"], tag_threshold
    encoded = {}
    reader = quotes.token_probabilities

    def keep(doc, encoder):  # the finder's own encoder reading, kept rather than run twice
        encoded["probs"] = reader(doc, encoder)
        return encoded["probs"]

    quotes.token_probabilities = keep
    tagger, gate = cue_tagger(), quotes.cue_gate()
    table = {"features": [], "label": [], "article": [], "how": [], "found": [], "gold": []}
    for number, (article, doc) in enumerate(zip(articles, docs)):
        text = article.text
        found = quotes.find_attributions(doc, all_cues=True)
        marked = [a for a in found if a.how != "tagged"] if tagger.get("rule_marks") else []
        sparse = np.asarray(probabilities(features_of(doc, marked, quotes.quotations(text),
                                                      quotes.tagger_lexicon()), tagger))
        probs = encoded["probs"]
        decoded = {}
        for role, column in (("source", probs[:, 0]), ("cue", probs[:, 1]), ("content", probs[:, 2]),
                             ("sparse_cue", sparse)):
            rows = column.tolist()
            decoded[role] = [(p, c, normalise(p, text)) for p, c, _ in tagged_spans(doc, decode(rows), rows)]
        gold = {role: {normalise(p, text) for g in article.attributions for p in getattr(g, role)} - {None}
                for role in ROLES}
        spans = []
        for attribution in found:
            pieces = {"source": [attribution.source] if attribution.source else [],
                      "cue": [attribution.cue], "content": attribution.content}
            spans.append({role: {normalise(p, text) for p in pieces[role]} - {None} for role in ROLES})
            table["features"].append(features(doc, text, attribution, probs, sparse, decoded, counts, gate))
            table["label"].append(float(normalise(attribution.cue, text) in gold["cue"]))
            table["article"].append(number)
            table["how"].append(attribution.how)
        table["found"].append(spans)
        table["gold"].append(gold)
    quotes.token_probabilities = reader
    settings["threshold"] = shipped
    table["shipped_threshold"] = shipped
    return table


def counts_of(table: dict, articles, dropped: set[int]) -> dict[str, list[int]]:
    """True positives, found and gold spans per role over ``articles``, without the dropped
    attributions (rows), the spans compared as ``score_docs`` compares them."""
    tally = {role: [0, 0, 0] for role in ROLES}
    starts = np.cumsum([0] + [len(f) for f in table["found"]])
    for number in articles:
        found = {role: set() for role in ROLES}
        for k, spans in enumerate(table["found"][number]):
            if starts[number] + k not in dropped:
                for role in ROLES:
                    found[role] |= spans[role]
        for role in ROLES:
            gold = table["gold"][number][role]
            tally[role][0] += len(found[role] & gold)
            tally[role][1] += len(found[role])
            tally[role][2] += len(gold)
    return tally


def f1(tally: dict[str, list[int]]) -> dict[str, float]:
    return {role: 200.0 * tp / (found + gold) if found + gold else 0.0
            for role, (tp, found, gold) in tally.items()}


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float) -> tuple:
    """L2-regularised logistic regression over standardised features."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / scale

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        s = z @ theta[:-1] + theta[-1]
        residual = 1.0 / (1.0 + np.exp(-s)) - y
        return (np.sum(np.logaddexp(0.0, s) - y * s) + 0.5 * l2 * theta[:-1] @ theta[:-1],
                np.append(z.T @ residual + l2 * theta[:-1], residual.sum()))

    theta = optimize.minimize(loss, np.zeros(z.shape[1] + 1), jac=True, method="L-BFGS-B").x
    return mean, scale, theta


def predict_logistic(model: tuple, x: np.ndarray) -> np.ndarray:
    mean, scale, theta = model
    return 1.0 / (1.0 + np.exp(-(((x - mean) / scale) @ theta[:-1] + theta[-1])))


def _bins(x: np.ndarray, edges: list[np.ndarray]) -> np.ndarray:
    return np.stack([np.searchsorted(e, x[:, f]) for f, e in enumerate(edges)], 1)


def _tree(bins: np.ndarray, g: np.ndarray, h: np.ndarray, depth: int, width: int):
    """One regression tree on binned features by gradient and hessian (XGBoost's gain, l2 1)."""
    total_g, total_h = g.sum(), h.sum()
    if depth == 0 or len(g) < 10:
        return -total_g / (total_h + 1.0)
    best, split = 0.0, None
    for f in range(bins.shape[1]):
        left_g = np.cumsum(np.bincount(bins[:, f], g, width))[:-1]
        left_h = np.cumsum(np.bincount(bins[:, f], h, width))[:-1]
        gain = left_g ** 2 / (left_h + 1) + (total_g - left_g) ** 2 / (total_h - left_h + 1) \
            - total_g ** 2 / (total_h + 1)
        gain[(left_h < 3) | (total_h - left_h < 3)] = 0.0
        if gain.max() > best:
            best, split = gain.max(), (f, int(gain.argmax()))
    if split is None:
        return -total_g / (total_h + 1.0)
    f, k = split
    left = bins[:, f] <= k
    return (f, k, _tree(bins[left], g[left], h[left], depth - 1, width),
            _tree(bins[~left], g[~left], h[~left], depth - 1, width))


def _tree_values(tree, bins: np.ndarray) -> np.ndarray:
    if not isinstance(tree, tuple):
        return np.full(len(bins), tree)
    f, k, left, right = tree
    out = np.empty(len(bins))
    side = bins[:, f] <= k
    out[side], out[~side] = _tree_values(left, bins[side]), _tree_values(right, bins[~side])
    return out


def fit_trees(x: np.ndarray, y: np.ndarray, rounds: int = 100, depth: int = 2) -> tuple:
    """Gradient-boosted trees (logistic loss, 16 quantile bins, shrinkage 0.1, rows sampled
    0.8 a round, seed 0)."""
    edges = [np.unique(np.quantile(x[:, f], np.linspace(0, 1, 17)[1:-1])) for f in range(x.shape[1])]
    bins = _bins(x, edges)
    start = math.log(y.mean() / (1 - y.mean()))
    score, trees, rng = np.full(len(y), start), [], np.random.RandomState(0)
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-score))
        sample = rng.rand(len(y)) < 0.8
        tree = _tree(bins[sample], (p - y)[sample], (p * (1 - p))[sample], depth, 17)
        score += 0.1 * _tree_values(tree, bins)
        trees.append(tree)
    return edges, start, trees


def predict_trees(model: tuple, x: np.ndarray) -> np.ndarray:
    edges, start, trees = model
    bins = _bins(x, edges)
    return 1.0 / (1.0 + np.exp(-(start + 0.1 * sum(_tree_values(t, bins) for t in trees))))


MODELS = {"logistic": (lambda x, y: fit_logistic(x, y, 1.0), predict_logistic),
          "logistic-l2-10": (lambda x, y: fit_logistic(x, y, 10.0), predict_logistic),
          "logistic-l2-100": (lambda x, y: fit_logistic(x, y, 100.0), predict_logistic),
          "trees": (fit_trees, predict_trees)}


def folds(articles: list[int], k: int, seed: int) -> list[list[int]]:
    order = np.array(sorted(articles))
    np.random.RandomState(seed).shuffle(order)
    return [sorted(order[i::k].tolist()) for i in range(k)]


def out_of_fold(x, y, article, candidate, articles, k, seed, model) -> np.ndarray:
    """p(right) of the candidate rows of ``articles``, each from a model fitted on the other folds."""
    fit, predict = model
    p = np.full(len(y), np.nan)
    for held in folds(articles, k, seed):
        train = candidate & np.isin(article, [a for a in articles if a not in held])
        test = candidate & np.isin(article, held)
        p[test] = predict(fit(x[train], y[train]), x[test])
    return p


def dropped(p: np.ndarray, candidate: np.ndarray, threshold: float, below: np.ndarray) -> set[int]:
    """Candidate rows under the threshold, and the rows the shipped reading does not keep
    (``below``: the encoder's cues under its threshold) that are not candidates; a negative
    threshold is the shipped reading."""
    if threshold < 0:
        return set(np.flatnonzero(below).tolist())
    return set(np.flatnonzero((candidate & (p < threshold)) | (below & ~candidate)).tolist())


def choose_threshold(table, articles, p, candidate, below) -> float:
    """The threshold with the best cue F1 over ``articles`` whose source and content F1 fall
    by 0.2 at most against the shipped reading (-1: none does, keep the shipped reading)."""
    base = f1(counts_of(table, articles, dropped(p, candidate, -1.0, below)))
    best, chosen = base["cue"], -1.0
    for threshold in THRESHOLDS:
        score = f1(counts_of(table, articles, dropped(p, candidate, threshold, below)))
        if score["source"] >= base["source"] - 0.2 and score["content"] >= base["content"] - 0.2 \
                and score["cue"] > best:
            best, chosen = score["cue"], threshold
    return chosen


def cross_validate(table, x, candidate, below, model, seed: int, k: int = 5):
    """Held-out F1 with each fold's threshold chosen inside its training part, and with each
    fixed threshold; the thresholds chosen."""
    y, article = np.asarray(table["label"]), np.asarray(table["article"])
    articles = list(range(len(table["gold"])))
    chosen_tally = {role: [0, 0, 0] for role in ROLES}
    fixed = {t: {role: [0, 0, 0] for role in ROLES} for t in THRESHOLDS}
    chosen = []
    fit, predict = model
    for held in folds(articles, k, seed):
        training = [a for a in articles if a not in held]
        inner = out_of_fold(x, y, article, candidate, training, k, seed + 1, model)
        chosen.append(choose_threshold(table, training, inner, candidate, below))
        test_rows = np.isin(article, held)
        train, test = candidate & np.isin(article, training), candidate & test_rows
        p = np.full(len(y), np.nan)
        p[test] = predict(fit(x[train], y[train]), x[test])
        for tally, threshold in [(chosen_tally, chosen[-1])] + [(fixed[t], t) for t in THRESHOLDS]:
            gone = dropped(p, test, threshold, below & test_rows)
            for role, values in counts_of(table, held, gone).items():
                tally[role] = [a + b for a, b in zip(tally[role], values)]
    return f1(chosen_tally), {t: f1(v) for t, v in fixed.items()}, chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=Path, required=True, help="DocBin of the dev texts")
    parser.add_argument("--train-docs", type=Path, required=True, help="DocBin of the train texts")
    parser.add_argument("--cache", type=Path, required=True, help="folder for the cached rows")
    parser.add_argument("--models", default="logistic,logistic-l2-10,logistic-l2-100,trees")
    parser.add_argument("--candidates", default="rule,tagged,verbs+tagged,all")
    parser.add_argument("--features", choices=("all", "small"), default="all")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--tag-threshold", type=float, default=0.9,
                        help="read the encoder's cues down to this (the check then decides on them)")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    counts_path = args.cache / "train_lemmas.pkl"
    rows_path = args.cache / f"dev_rows_{args.tag_threshold}.pkl"
    if not counts_path.is_file():
        counts_path.write_bytes(pickle.dumps(lemma_counts(args.train_docs)))
    if not rows_path.is_file():
        rows_path.write_bytes(pickle.dumps(dev_rows(args.docs, pickle.loads(counts_path.read_bytes()),
                                                    args.tag_threshold)))
    table = pickle.loads(rows_path.read_bytes())
    names = list(SMALL if args.features == "small" else table["features"][0])
    x = np.array([[row[n] for n in names] for row in table["features"]])
    how = np.asarray(table["how"])
    below = (how == "tagged") & np.array([row["enc_cue_mean"] < table["shipped_threshold"]
                                          for row in table["features"]])
    base = f1(counts_of(table, range(len(table["gold"])), set(np.flatnonzero(below).tolist())))
    print(f"{len(how)} attributions read down to {args.tag_threshold}; the shipped reading (encoder's cues "
          f"from {table['shipped_threshold']}), source / cue / content F1:",
          " / ".join(f"{base[r]:.2f}" for r in ROLES))
    for model_name in args.models.split(","):
        for candidates in args.candidates.split(","):
            candidate = np.array([CANDIDATES[candidates](h) for h in how])
            gains = []
            for seed in map(int, args.seeds.split(",")):
                chosen, fixed, thresholds = cross_validate(table, x, candidate, below,
                                                           MODELS[model_name], seed)
                gains.append([chosen[r] - base[r] for r in ROLES])
                print(f"{model_name} {args.features} features, {candidates} cues ({candidate.sum()}), "
                      f"seed {seed}: CV F1 {' / '.join(f'{chosen[r]:.2f}' for r in ROLES)}, "
                      f"thresholds chosen {thresholds}")
                print("  fixed threshold:", "; ".join(
                    f"{t}: {' / '.join(f'{fixed[t][r]:.2f}' for r in ROLES)}" for t in THRESHOLDS[1:]))
            print(f"  mean gain over seeds: {' / '.join(f'{v:+.2f}' for v in np.mean(gains, 0))}",
                  flush=True)


if __name__ == "__main__":
    main()
