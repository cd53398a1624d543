"""Scoring against hand-labelled gold: body-extraction shingle F1 and line-label confusion."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

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


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry(cache_folder=None)


_PERCENT = {"percent", "per cent", "pc", "%", "percentage"}
_POINTS = {"percentage point", "percentage points", "point", "points", "pp"}


def _in_base_units(name: str) -> str | None:
    """'mile/hour' and 'mph' -> '0.44704 m / s'; None when pint does not know the unit."""
    spelled = re.sub(r"(?<=[a-zA-Z])([23])$", r"**\1", name.strip())  # "km2", "ft3"
    spelled = re.sub(r"^(?:sq\.?|square) (\w+)", r"\1**2", spelled)
    spelled = re.sub(r"^cubic (\w+)", r"\1**3", spelled).replace(" per ", "/")
    spelled = "_".join(spelled.replace("percentage", "percent").split())
    for attempt in (spelled, spelled.lower()):
        try:
            quantity = (1 * _registry().parse_units(attempt)).to_base_units()
        except Exception:  # pint raises several kinds for text that is not a unit
            continue
        return f"{quantity.magnitude:.6g} {quantity.units:~}"
    return None


# What a bare currency word means when no country is named (the guide: "USD for $ unless another
# dollar is named, GBP for pounds sterling"); "pence" is GBX, ISO 4217's code for pence sterling.
_BARE_CURRENCIES = {"dollar": "USD", "pound sterling": "GBP", "sterling": "GBP", "penny": "GBX",
                    "pence": "GBX", "rupee": "INR", "peso": "MXN", "franc": "CHF", "lira": "TRY", "mark": "DEM",
                    "yuan": "CNY", "renminbi": "CNY", "bitcoin": "BTC"}


@lru_cache(maxsize=1)
def _currency_names() -> dict[str, str]:
    """English currency names in Babel's CLDR data, singular and plural, lower case -> ISO 4217 code."""
    from babel import Locale
    from babel.numbers import get_currency_name

    names = {}
    for code, name in Locale.parse("en").currencies.items():
        for spelled in (name, get_currency_name(code, count=2, locale="en")):
            names.setdefault(spelled.lower(), code)
    names.update({f"united states {w}": "USD" for w in ("dollar", "dollars")})
    return names


def _currency_code(name: str, bare: bool) -> str | None:
    """The ISO 4217 code of a currency's English name ("Japanese yen", "euros"), or with `bare` of a
    currency word alone ("dollar", "yen": the one currency of that name, or the guide's choice)."""
    low = name.lower().strip()
    if not bare:
        return _currency_names().get(low)
    low = low.split()[-1] if low not in _BARE_CURRENCIES else low  # "lao kip": a kip, Babel's "Laotian Kip"
    singular = low[:-1] if low.endswith("s") else low
    named = {code for spelled, code in _currency_names().items() if spelled.split()[-1] in (low, singular)}
    return _BARE_CURRENCIES.get(low) or _BARE_CURRENCIES.get(singular) or (named.pop() if len(named) == 1 else None)


@lru_cache(maxsize=4096)
def unit_meaning(name: str | None) -> str | None:
    """What a unit means, as a key that two spellings of one unit share ("mph", "mile/hour",
    "mile per hour"; "USD/barrel", "USD per barrel"): ISO 4217 codes as they are, percent and
    percentage points by name, measures by what pint's registry makes of them in base units, rates
    as `X/Y` of their parts, anything else (a share, a canister) as its lower-case singular."""
    if not name:
        return None
    name = name.strip()
    low = name.lower()
    if low in _PERCENT:
        return "percent"
    if low in _POINTS:
        return "percentage point"
    if len(name) == 3 and name.isalpha() and name.isupper():
        return name  # an ISO 4217 currency code
    if (code := _currency_code(name, bare=False)) is not None:
        return code
    base = _in_base_units(name)  # "pound" is a mass here; "pounds sterling" was money above
    if base is not None:
        return base
    if (code := _currency_code(name, bare=True)) is not None:
        return code
    for joint in ("/", " per "):
        top, _, bottom = name.partition(joint)
        if top and bottom:
            return f"{unit_meaning(top)}/{unit_meaning(bottom)}"
    return low[:-1] if low.endswith("s") and not low.endswith("ss") and len(low) > 3 else low
