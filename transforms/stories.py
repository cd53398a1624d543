"""Versions of one story (updates, syndicated copies, a page saved twice) found together: a MinHash
signature of each body's word shingles, and locality-sensitive hashing (datasketch) for the pairs
whose shingles overlap by at least a threshold (Jaccard similarity)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

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


def similarity(a: bytes, b: bytes) -> float:
    """The Jaccard similarity of two texts' shingles, estimated from their signatures (the share of
    hash functions whose minimum the two agree on, as datasketch's MinHash.jaccard reads it)."""
    return float(np.count_nonzero(_values(a) == _values(b))) / PERMUTATIONS


@functools.cache
def band_ranges(threshold: float) -> tuple[tuple[int, int], ...]:
    """The bands of locality-sensitive hashing for a similarity threshold (datasketch's banding,
    its false positives and negatives weighed alike): each band's hash values start..stop. Two
    signatures alike in every value of some band are candidate versions, to be confirmed by their
    similarity."""
    return tuple(MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS).hashranges)


def band_keys(packed: bytes, threshold: float) -> list[bytes]:
    """A signature's key in each band: the bytes of its values there."""
    return [packed[start * 8:stop * 8] for start, stop in band_ranges(threshold)]


def first_versions(similar: Iterable[tuple[str, int, str, int]]) -> dict[str, str]:
    """Each document of a similar pair (doc_id, rank, doc_id, rank): doc_id -> its story's first
    document, the lowest rank among the versions connected to it directly or through others.
    A document in no pair is a story of its own and is not listed."""
    parent: dict[str, str] = {}
    rank: dict[str, int] = {}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for a, rank_a, b, rank_b in similar:
        for doc_id, n in ((a, rank_a), (b, rank_b)):
            parent.setdefault(doc_id, doc_id)
            rank[doc_id] = n
        a, b = root(a), root(b)
        if a != b:  # the older document stays the root
            parent[max(a, b, key=rank.__getitem__)] = min(a, b, key=rank.__getitem__)
    return {doc_id: root(doc_id) for doc_id in parent}


def similar_pairs(signatures: Iterable[tuple[str, bytes]], threshold: float) -> Iterator[tuple[str, int, str, int]]:
    """(doc_id, rank, doc_id, rank) of each pair of signatures that share a band key and estimate a
    similarity of `threshold` or more, ranked in the order given; in memory (the warehouse finds
    the same pairs by a join: flows/warehouse.py)."""
    ordered = list(signatures)
    filed: dict[tuple[int, bytes], list[int]] = {}
    for n, (_, packed) in enumerate(ordered):
        for band, key in enumerate(band_keys(packed, threshold)):
            filed.setdefault((band, key), []).append(n)
    pairs = {(i, j) for ranks in filed.values() for i in ranks for j in ranks if i < j}
    for i, j in sorted(pairs):
        if similarity(ordered[i][1], ordered[j][1]) >= threshold:
            yield ordered[i][0], i, ordered[j][0], j


def story_clusters(signatures: Iterable[tuple[str, bytes]], threshold: float) -> dict[str, tuple[str, float]]:
    """Each document's story: doc_id -> (the story's first document, the similarity to it).
    Documents come in the order that decides which is first (oldest first). Two documents are
    versions of one story when their signatures estimate a similarity of `threshold` or more,
    directly or through other versions."""
    ordered = dict(signatures)
    first = first_versions(similar_pairs(ordered.items(), threshold))
    return {doc_id: (first.get(doc_id, doc_id), similarity(packed, ordered[first.get(doc_id, doc_id)]))
            for doc_id, packed in ordered.items()}


def _values(packed: bytes) -> np.ndarray:
    return np.frombuffer(packed, dtype=np.uint64)
