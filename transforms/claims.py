"""Versions of one claim: facts from different documents that state the same measure (the same kind
of count or amount, of the same thing, in the same unit), about the same places, peoples or events,
at a comparable size. "Hamas killed about 1,160 people on October 7" and "the attack killed
nearly 1,200 people" are versions of one claim; "the war has killed more than 34,535
Palestinians in Gaza" is another claim of the same measure, twenty times larger."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby


@dataclass(frozen=True)
class Candidate:
    kind: str
    unit: str
    measure: str  # the fact's count_type, else its predicate and object
    fact_id: str
    doc_id: str
    value: float
    context: frozenset[str]  # entity ids of the places, peoples and events around the fact


def claims_of(candidates: Iterable[Candidate], spread: float) -> Iterator[tuple[str, list[Candidate]]]:
    """(claim_id, its versions) for each claim stated by two documents or more. Candidates come
    ordered by kind, unit, measure and value. Within one measure, a claim's versions are at most
    `spread` times its smallest one, and each shares a context entity with another version."""
    for _, same_measure in groupby(candidates, key=lambda c: (c.kind, c.unit, c.measure)):
        for window in _size_windows(same_measure, spread):
            for versions in _connected_by_context(window):
                if len({v.doc_id for v in versions}) >= 2:
                    yield _claim_id(versions), versions


def _size_windows(ordered: Iterable[Candidate], spread: float) -> Iterator[list[Candidate]]:
    """Runs of the ordered candidates within `spread` times the run's first (memory holds a run)."""
    window: list[Candidate] = []
    for candidate in ordered:
        if window and (window[0].value <= 0 or candidate.value > window[0].value * spread):
            yield window
            window = []
        window.append(candidate)
    if window:
        yield window


def _connected_by_context(window: list[Candidate]) -> Iterator[list[Candidate]]:
    """Groups of the window in which each version shares a context entity with another, directly
    or through others (a version with no context joins none)."""
    parent = list(range(len(window)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, candidate in enumerate(window):
        for entity in candidate.context:
            if entity in first_with:
                parent[root(i)] = root(first_with[entity])
            else:
                first_with[entity] = i
    groups: dict[int, list[Candidate]] = {}
    for i, candidate in enumerate(window):
        groups.setdefault(root(i), []).append(candidate)
    return iter(groups.values())


def _claim_id(versions: list[Candidate]) -> str:
    return hashlib.sha256("\n".join(sorted(v.fact_id for v in versions)).encode()).hexdigest()[:16]
