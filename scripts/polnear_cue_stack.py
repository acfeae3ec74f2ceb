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

With ``--train-logits fold0.npz ...`` (the encoder's out-of-fold logits of train from the
cross-fitted runs of ``polnear_encoder_train.py``, FOLD=k/K) the check is fitted on train
instead: train is read through the same finder with each article's out-of-fold logits in place
of the shipped encoder (cached as ``train_rows_*.pkl``), each article's lemma counts leave out
its own fold, the threshold is chosen by the grouped CV above over train, and dev, read with
the shipped encoder as before, is scored once as a held-out set. ``--features untrained`` drops
the features read from models fitted on train (the sparse tagger's and the cue check's), which
are in-sample on its rows.
"""

from __future__ import annotations

import argparse
import math
import pickle
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy import optimize

import eventwire.extract.quotes as quotes
from eventwire.evaluate import data_dir
from eventwire.evaluate.quotes import ROLES, normalise, parsed_polnear
from eventwire.extract.quote_encoder import per_token, softmax
from eventwire.extract.quote_tagger import cue_tagger, decode, features_of, probabilities, tagged_spans

CANDIDATES = {"rule": lambda how: how != "tagged", "tagged": lambda how: how == "tagged",
              "verbs+tagged": lambda how: how in ("clause", "object", "preposition", "tagged"),
              "all": lambda how: True}
HOWS = ("clause", "object", "quote", "according", "noun", "phrase", "preposition", "signature",
        "tagged", "passive")
SMALL = ("enc_cue_mean", "enc_cue_first_b", "enc_src_mean", "enc_cont_mean", "span_cue_overlap",
         "span_cue_exact", "sparse_cue_mean", "gate", "has_gate", "prior_lemma", "how_tagged",
         "has_source")
TRAIN_FITTED = ("sparse_cue_mean", "sparse_cue_max", "span_sparse_cue_exact", "span_sparse_cue_overlap",
                "gate")  # read from models fitted on PolNeAR train: in-sample on its rows
THRESHOLDS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def lemma_counts(train_docs: Path) -> list[Counter]:
    """(lemma, found) and (lemma, right) counts of the rule finder's distinct cues, per train
    article (in archive order)."""
    articles, docs = parsed_polnear(data_dir(), "train", docbin=train_docs)
    out = []
    for article, doc in zip(articles, docs):
        gold = {c for g in article.attributions for c in (normalise(p, article.text) for p in g.cue) if c}
        seen, counts = set(), Counter()
        for found in quotes.find_attributions(doc, all_cues=True, use_tagger=False):
            span = normalise(found.cue, article.text)
            if not span or span in seen:
                continue
            seen.add(span)
            lemma = doc[found.cue_token].lemma_.lower() if found.cue_token >= 0 else "-"
            for key in (lemma, "*"):
                counts[key, "found"] += 1
                counts[key, "right"] += span in gold
        out.append(counts)
    return out


def train_logits(paths: list[Path]) -> tuple[dict[int, np.ndarray], dict[int, int], dict[int, str]]:
    """The train articles' out-of-fold piece logits from the runs of
    ``polnear_encoder_train.py`` with FOLD=k/K (one file a fold), each article's fold (the
    file's number) and name, by index in archive order; an article in two files is an error."""
    logits, fold, names = {}, {}, {}
    for number, path in enumerate(paths):
        with np.load(path) as run:
            pieces = np.split(run["train_logits"].astype(np.float32), np.cumsum(run["train_lengths"])[:-1])
            for index, name, piece_logits in zip(run["train_index"].tolist(), run["train_names"], pieces):
                if index in logits:
                    raise SystemExit(f"train article {index} ({name}) is in two folds")
                logits[index], fold[index], names[index] = piece_logits, number, str(name)
    return logits, fold, names


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


def split_rows(split: str, docbin: Path, counts: Callable[[int], Counter], tag_threshold: float,
               logits: dict[int, np.ndarray] | None = None) -> dict:
    """Per found attribution: features, label, article; per article: spans found and gold.
    The encoder's cues are read down to ``tag_threshold`` (shipped: 0.9). ``counts``: the lemma
    counts an article (by index) is read with. ``logits``: the encoder's piece logits to read
    instead of running it, by article index (the articles without are left out)."""
    articles, docs = parsed_polnear(data_dir(), split, docbin=docbin)
    settings = quotes.quote_encoder().settings
    shipped, settings["threshold"] = settings["threshold"], tag_threshold
    encoded = {}
    reader = quotes.token_probabilities

    def keep(doc, encoder):  # the finder's own encoder reading, kept rather than run twice
        if logits is None:
            encoded["probs"] = reader(doc, encoder)
        else:
            ids, spans = encoder.tokenize(doc.text)
            assert len(ids) == len(logits[encoded["index"]]), "logits of another tokenisation"
            encoded["probs"] = per_token(doc, spans, softmax(logits[encoded["index"]]))
        return encoded["probs"]

    quotes.token_probabilities = keep
    tagger, gate = cue_tagger(), quotes.cue_gate()
    table = {"features": [], "label": [], "article": [], "how": [], "found": [], "gold": [], "index": [],
             "name": []}
    for index, (article, doc) in enumerate(zip(articles, docs)):
        if logits is not None and index not in logits:
            continue
        number, encoded["index"], text = len(table["gold"]), index, article.text
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
            table["features"].append(features(doc, text, attribution, probs, sparse, decoded, counts(index),
                                              gate))
            table["label"].append(float(normalise(attribution.cue, text) in gold["cue"]))
            table["article"].append(number)
            table["how"].append(attribution.how)
        table["found"].append(spans)
        table["gold"].append(gold)
        table["index"].append(index)
        table["name"].append(article.name)
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


def held_out(train: tuple, dev: tuple, model, seed: int, k: int = 5):
    """Dev F1 of a check fitted on the train rows, its threshold chosen by a grouped CV over
    train (``choose_threshold``), and dev F1 at each fixed threshold; the threshold chosen.
    ``train``, ``dev``: (table, features, candidate rows, rows under the shipped threshold)."""
    (table, x, candidate, below), (dev_table, dev_x, dev_candidate, dev_below) = train, dev
    y, article = np.asarray(table["label"]), np.asarray(table["article"])
    articles = list(range(len(table["gold"])))
    inner = out_of_fold(x, y, article, candidate, articles, k, seed, model)
    chosen = choose_threshold(table, articles, inner, candidate, below)
    fit, predict = model
    p = np.full(len(dev_x), np.nan)
    p[dev_candidate] = predict(fit(x[candidate], y[candidate]), dev_x[dev_candidate])

    def score(threshold: float) -> dict[str, float]:
        return f1(counts_of(dev_table, range(len(dev_table["gold"])),
                            dropped(p, dev_candidate, threshold, dev_below)))

    return score(chosen), {t: score(t) for t in THRESHOLDS}, chosen


def matrix(table: dict, names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows' features, their readings (``how``), and whether each is an encoder cue under
    the shipped threshold."""
    how = np.asarray(table["how"])
    below = (how == "tagged") & np.array([row["enc_cue_mean"] < table["shipped_threshold"]
                                          for row in table["features"]])
    return np.array([[row[n] for n in names] for row in table["features"]]), how, below


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=Path, required=True, help="DocBin of the dev texts")
    parser.add_argument("--train-docs", type=Path, required=True, help="DocBin of the train texts")
    parser.add_argument("--cache", type=Path, required=True, help="folder for the cached rows")
    parser.add_argument("--train-logits", type=Path, nargs="*", default=[],
                        help="out-of-fold encoder logits of train (one file a fold): fit on train, score dev")
    parser.add_argument("--models", default="logistic,logistic-l2-10,logistic-l2-100,trees")
    parser.add_argument("--candidates", default="rule,tagged,verbs+tagged,all")
    parser.add_argument("--features", choices=("all", "small", "untrained"), default="all",
                        help="untrained: all but those read from models fitted on train")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--tag-threshold", type=float, default=0.9,
                        help="read the encoder's cues down to this (the check then decides on them)")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    counts_path = args.cache / "train_lemmas_by_article.pkl"
    rows_path = args.cache / f"dev_rows_{args.tag_threshold}.pkl"
    if not counts_path.is_file():
        counts_path.write_bytes(pickle.dumps(lemma_counts(args.train_docs)))
    counts = pickle.loads(counts_path.read_bytes())
    total = sum(counts, Counter())
    if not rows_path.is_file():
        rows_path.write_bytes(pickle.dumps(split_rows("dev", args.docs, lambda index: total,
                                                      args.tag_threshold)))
    table = pickle.loads(rows_path.read_bytes())
    names = [n for n in (SMALL if args.features == "small" else table["features"][0])
             if args.features != "untrained" or n not in TRAIN_FITTED]
    x, how, below = matrix(table, names)
    base = f1(counts_of(table, range(len(table["gold"])), set(np.flatnonzero(below).tolist())))
    print(f"{len(how)} attributions read down to {args.tag_threshold}; the shipped reading (encoder's cues "
          f"from {table['shipped_threshold']}), source / cue / content F1:",
          " / ".join(f"{base[r]:.2f}" for r in ROLES))
    if args.train_logits:
        logits, fold, logit_names = train_logits(args.train_logits)
        by_fold = {f: sum((counts[i] for i in fold if fold[i] == f), Counter()) for f in set(fold.values())}
        train_path = args.cache / (f"train_rows_{args.tag_threshold}_"
                                   + "+".join(p.stem for p in args.train_logits) + ".pkl")
        if not train_path.is_file():  # each article's lemma counts without its own fold's
            train_path.write_bytes(pickle.dumps(split_rows(
                "train", args.train_docs, lambda index: total - by_fold[fold[index]], args.tag_threshold,
                logits)))
        train_table = pickle.loads(train_path.read_bytes())
        assert train_table["name"] == [logit_names[i] for i in train_table["index"]], \
            "logits of other articles"
        train_x, train_how, train_below = matrix(train_table, names)
        print(f"train: {len(train_how)} attributions in {len(train_table['gold'])} articles from "
              f"{len(args.train_logits)} folds ({np.mean(train_table['label']):.3f} right)")
    for model_name in args.models.split(","):
        for candidates in args.candidates.split(","):
            candidate = np.array([CANDIDATES[candidates](h) for h in how])
            if args.train_logits:
                train_candidate = np.array([CANDIDATES[candidates](h) for h in train_how])
                if not train_candidate.any():
                    print(f"{model_name}, {candidates} cues: none on train")
                    continue
            gains = []
            for seed in map(int, args.seeds.split(",")):
                if args.train_logits:
                    chosen, fixed, thresholds = held_out(
                        (train_table, train_x, train_candidate, train_below),
                        (table, x, candidate, below), MODELS[model_name], seed)
                else:
                    chosen, fixed, thresholds = cross_validate(table, x, candidate, below,
                                                               MODELS[model_name], seed)
                gains.append([chosen[r] - base[r] for r in ROLES])
                print(f"{model_name} {args.features} features, {candidates} cues ({candidate.sum()}), "
                      f"seed {seed}: {'dev F1 fitted on train' if args.train_logits else 'CV F1'} "
                      f"{' / '.join(f'{chosen[r]:.2f}' for r in ROLES)}, thresholds chosen {thresholds}")
                print("  fixed threshold:", "; ".join(
                    f"{t}: {' / '.join(f'{fixed[t][r]:.2f}' for r in ROLES)}" for t in THRESHOLDS[1:]))
            print(f"  mean gain over seeds: {' / '.join(f'{v:+.2f}' for v in np.mean(gains, 0))}",
                  flush=True)


if __name__ == "__main__":
    main()
