"""Scoring against hand-labelled gold: body-extraction shingle F1 and line-label confusion."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from transforms.text import comparable, shingles  # noqa: F401  (comparable: for callers)

@dataclass(frozen=True)
class PageScore:
    precision: float
    recall: float


def score_page(predicted: str, gold: str) -> PageScore:
    """Per-page precision and recall of word 4-gram shingles, counted as multisets."""
    pred, want = shingles(predicted), shingles(gold)
    if not pred and not want:
        return PageScore(1.0, 1.0)
    matched = sum((pred & want).values())
    precision = matched / sum(pred.values()) if pred else 0.0
    recall = matched / sum(want.values()) if want else 0.0
    return PageScore(precision, recall)


def f1_of_averages(scores: Iterable[PageScore]) -> tuple[float, float, float]:
    """Macro-averaged precision and recall over pages, and the F1 of those two averages."""
    scores = list(scores)
    if not scores:
        return 0.0, 0.0, 0.0
    p = sum(s.precision for s in scores) / len(scores)
    r = sum(s.recall for s in scores) / len(scores)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, Counter]:
    """gold label -> Counter of predicted labels."""
    table: dict[str, Counter] = {}
    for gold, predicted in pairs:
        table.setdefault(gold, Counter())[predicted] += 1
    return table


def value_f1(predicted: list[list], gold: list[list]) -> tuple[float, float, float]:
    """Micro precision, recall and F1 of items matched as multisets, sentence by sentence."""
    tp = n_pred = n_gold = 0
    for pred, want in zip(predicted, gold):
        pc, wc = Counter(pred), Counter(want)
        tp += sum((pc & wc).values())
        n_pred += sum(pc.values())
        n_gold += sum(wc.values())
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)
