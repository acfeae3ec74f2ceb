"""Near-duplicate articles (syndicated copies, updated versions) by MinHash (datasketch).

An article's *signature* is the MinHash of its word 5-grams; two articles whose signatures
agree on at least ``THRESHOLD`` of their values (estimated Jaccard similarity of their
5-gram sets) are near-duplicates. Finding candidates without comparing every pair uses
locality-sensitive hashing: the signature is cut into ``BANDS`` bands of ``ROWS`` values,
and articles sharing the hash of any band are candidates. The store keeps those band
hashes in an indexed table (``minhash_bands``), so lookups work across runs and processes;
:func:`find_near_duplicates` does the same in memory for a batch.

Exact copies are not this module's business: the store identifies articles by the sha256
of their normalised text.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Iterable, Iterator

import numpy as np
from datasketch import MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32

NUM_PERM = 128
BANDS, ROWS = 16, 8
"""16 bands of 8 values: a pair at similarity 0.8 is a candidate with p=0.95, at 0.5 p=0.06."""
THRESHOLD = 0.8
MAX_CANDIDATES = 20
"""Candidates checked per article, those sharing the most bands first (a story syndicated
a thousand times must not cost a thousand comparisons)."""
SHINGLE_WORDS = 5
SIGNATURE_DTYPE = "<u8"

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The article's word n-grams, lower-cased, punctuation and spacing ignored."""
    words = [word.encode("utf-8") for word in _WORD.findall(text.lower())]
    if len(words) < size:
        return {b" ".join(words)} if words else set()
    # Each word encoded once, the n-grams joined from n shifted views of the list.
    return set(map(b" ".join, zip(*(words[shift:] for shift in range(size)))))


@lru_cache(maxsize=1)
def _empty_minhash() -> MinHash:
    # Building the permutations is the costly part; every signature copies this one.
    return MinHash(num_perm=NUM_PERM, seed=1)


def minhash(text: str) -> MinHash:
    sketch = _empty_minhash().copy()
    grams = shingles(text)
    if grams:
        sketch.update_batch(list(grams))
    return sketch


def signature(text: str) -> np.ndarray:
    """The MinHash values of a text (``NUM_PERM`` unsigned integers): exactly
    ``minhash(text).hashvalues``, computed in fewer steps (the store signs every article)."""
    sketch = _empty_minhash()
    if sketch.scheme != "affine32" or sketch.hashfunc is not sha1_hash32:
        return minhash(text).hashvalues.astype(SIGNATURE_DTYPE)  # another datasketch
    grams = shingles(text)
    if not grams:
        return sketch.hashvalues.astype(SIGNATURE_DTYPE)
    # datasketch's affine32 scheme: the first 4 bytes of each n-gram's SHA-1 (little
    # endian), mixed by MurmurHash3's finalizer, then a * h + b in 32 bits, the minimum
    # of each permutation; the digests go to numpy as one buffer, not one int each.
    digest = hashlib.sha1
    hashes = np.frombuffer(b"".join([digest(gram).digest()[:4] for gram in grams]),
                           dtype="<u4").astype(np.uint32)
    a, b = sketch.permutations
    values = (_fmix32(hashes)[:, None] * a + b).min(axis=0)
    return np.minimum(sketch.hashvalues, values).astype(SIGNATURE_DTYPE)


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, as datasketch's affine32 scheme applies it."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def signature_bytes(values: np.ndarray) -> bytes:
    return np.asarray(values, dtype=SIGNATURE_DTYPE).tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=SIGNATURE_DTYPE)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures' 5-gram sets."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))


def band_buckets(values: np.ndarray) -> list[tuple[int, int]]:
    """(band, bucket) pairs: the LSH keys under which a signature is filed (signed 64-bit)."""
    values = np.asarray(values, dtype=SIGNATURE_DTYPE)
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(),
                                 digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big", signed=True)))
    return keys


def find_near_duplicates(texts: Iterable[tuple[str, str]],
                         threshold: float = THRESHOLD) -> Iterator[tuple[str, str, float]]:
    """(id, duplicate_of, similarity) for each text close to one seen before it.

    ``texts`` are (id, text) pairs; each near-duplicate is linked to the first earlier text
    it resembles, so a chain of updated versions points at the first version.
    """
    index = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=(BANDS, ROWS))
    sketches: dict[str, MinHash] = {}
    for key, text in texts:
        sketch = minhash(text)
        best: tuple[float, str] | None = None
        for other in index.query(sketch):
            score = sketch.jaccard(sketches[other])
            if score >= threshold and (best is None or score > best[0]):
                best = (score, other)
        if best is not None:
            yield key, best[1], best[0]
        if key not in sketches:
            index.insert(key, sketch)
            sketches[key] = sketch
