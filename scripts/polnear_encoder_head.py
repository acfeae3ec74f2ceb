"""Add a head over the frozen encoder's states to the PolNeAR cue tagger (an experiment;
the twelfth session's, dropped: see docs/evaluation.md).

    PYTHONPATH=. python scripts/polnear_encoder_head.py TAGGER.json.gz STATES.npy [STATES.npy ...]
        --rows rows.pkl --layer 4 [--file-layers 2 4 6] [--l2 10] [--weight 0.5 1.0]

The head is a multinomial logistic regression (B / I / O) over one layer's states at each
train token (``scripts/polnear_encoder_features.py``, archive order, from the first train
article on); its logits, times ``--weight``, are added to the tagger's (a product of the
two), its standardisation and biases folded into weights over the raw states. Each weight
writes TAGGER_l{layer}_w{weight}.json.gz beside TAGGER with an "encoder" entry: the layer
and the B and I weights (384 each). ``scripts/polnear_encoder_dev.py`` scores them on dev.
Labels come from the rows that ``scripts/train_quote_tagger.py --rows`` caches (train only).
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
from pathlib import Path

import numpy as np
from scipy import optimize


def fit_states(states: np.ndarray, labels: list[int], l2: float) -> tuple[np.ndarray, np.ndarray]:
    """A multinomial logistic regression over the states alone (tokens x 384, standardised):
    its weights (384 x 3) and biases, centred on O's."""
    y = np.zeros((len(labels), 3), dtype=np.float32)
    y[np.arange(len(labels)), labels] = 1.0
    width = states.shape[1]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        v = theta[:-3].reshape(width, 3)
        z = states @ v.astype(np.float32) + theta[-3:].astype(np.float32)
        z -= z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -float(np.sum(y * log_p)) + 0.5 * l2 * np.sum(v * v)
        residual = np.exp(log_p) - y
        grad = states.T @ residual + l2 * v
        return value, np.concatenate([grad.ravel(), residual.sum(axis=0)]).astype(np.float64)

    theta = optimize.minimize(loss, np.zeros(width * 3 + 3), jac=True, method="L-BFGS-B",
                              options={"maxiter": 300}).x
    v, b = theta[:-3].reshape(width, 3), theta[-3:]
    return v - v[:, :1], b - b[0]


def add_encoder(tagger: dict, layer: int, weight: float, v: np.ndarray, b: np.ndarray,
                mean: np.ndarray, std: np.ndarray) -> None:
    """Add the head's logits, times ``weight``, to the tagger's: weights over the raw states
    (standardisation folded in), biases folded into the tagger's."""
    raw = v / std[:, None] * weight
    tagger["encoder"] = {"layer": layer, "weight": weight}
    for k, label in ((1, "B"), (2, "I")):
        tagger["bias"][label] = round(tagger["bias"][label] + weight * float(b[k])
                                      - float(mean @ raw[:, k]), 4)
        tagger["encoder"][label] = [round(float(c), 5) for c in raw[:, k]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tagger", type=Path)
    parser.add_argument("states", type=Path, nargs="+")
    parser.add_argument("--rows", type=Path, required=True)
    parser.add_argument("--layer", type=int, default=4)
    parser.add_argument("--file-layers", type=int, nargs="+", default=[2, 4, 6])
    parser.add_argument("--l2", type=float, default=10.0)
    parser.add_argument("--weight", type=float, nargs="+", default=[1.0])
    args = parser.parse_args()
    index = args.file_layers.index(args.layer)
    states = np.concatenate([np.load(p, mmap_mode="r")[index] for p in args.states]).astype(np.float32)
    labels = pickle.loads(args.rows.read_bytes())[2][:len(states)]
    mean, std = states.mean(axis=0), states.std(axis=0) + 1e-6
    states -= mean
    states /= std
    v, b = fit_states(states, labels, args.l2)
    base = json.loads(gzip.decompress(args.tagger.read_bytes()))
    for weight in args.weight:
        tagger = json.loads(json.dumps(base))
        add_encoder(tagger, args.layer, weight, v, b, mean, std)
        out = args.tagger.with_name(f"{args.tagger.name.split('.')[0]}_l{args.layer}_w{weight}.json.gz")
        payload = json.dumps(tagger, separators=(",", ":")) + "\n"
        out.write_bytes(gzip.compress(payload.encode("utf-8"), mtime=0))
        print(f"head on layer {args.layer} from {len(labels)} train tokens, weight {weight} -> {out}")


if __name__ == "__main__":
    main()
