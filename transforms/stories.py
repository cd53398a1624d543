"""Versions of one story (updates, syndicated copies, a page saved twice) found together: a MinHash
signature of each body's word shingles, and locality-sensitive hashing (datasketch) for the pairs
whose shingles overlap by at least a threshold (Jaccard similarity)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5  # a shingle: five words in a row (a shared sentence makes several)
PERMUTATIONS = 64  # hash functions of a signature: its Jaccard estimate is within ±0.06 or so
_SEED = 1  # every signature of the warehouse uses the same hash functions
_SCHEME = "affine32"  # datasketch 2's default, named: a signature read back must say how it was made
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """The text's runs of k words, lower-cased (a text of fewer words is one shingle)."""
    words = _WORD.findall(text.lower())
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(max(1, len(words) - k + 1))} if words else set()


def signature(text: str) -> bytes:
    """The MinHash signature of a text's shingles, as bytes (PERMUTATIONS unsigned 64-bit ints)."""
    minhash = MinHash(num_perm=PERMUTATIONS, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash.hashvalues.astype(np.uint64).tobytes()


def _minhash(packed: bytes) -> MinHash:
    return MinHash(num_perm=PERMUTATIONS, seed=_SEED, scheme=_SCHEME, hashvalues=np.frombuffer(packed, dtype=np.uint64))


def similarity(a: bytes, b: bytes) -> float:
    """The Jaccard similarity of two texts' shingles, estimated from their signatures."""
    return _minhash(a).jaccard(_minhash(b))


def story_clusters(signatures: Iterable[tuple[str, bytes]], threshold: float) -> dict[str, tuple[str, float]]:
    """Each document's story: doc_id -> (the story's first document, the similarity to it).
    Documents come in the order that decides which is first (oldest first). Two documents are
    versions of one story when their signatures estimate a similarity of `threshold` or more,
    directly or through other versions."""
    ordered = list(signatures)
    lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    hashes = {}
    for doc_id, packed in ordered:
        hashes[doc_id] = _minhash(packed)
        lsh.insert(doc_id, hashes[doc_id], check_duplication=False)
    rank = {doc_id: n for n, (doc_id, _) in enumerate(ordered)}
    parent = {doc_id: doc_id for doc_id in rank}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for doc_id, minhash in hashes.items():
        for other in lsh.query(minhash):
            if other != doc_id and minhash.jaccard(hashes[other]) >= threshold:
                a, b = root(doc_id), root(other)
                if a != b:  # the older document stays the root
                    parent[max(a, b, key=rank.__getitem__)] = min(a, b, key=rank.__getitem__)
    return {doc_id: (first := root(doc_id), 1.0 if first == doc_id else minhash.jaccard(hashes[first]))
            for doc_id, minhash in hashes.items()}
