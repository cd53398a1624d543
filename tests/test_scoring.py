"""make eval's scorer: units compared by meaning (pint, Babel's currency names), quantities matched
as ../shared/eval/README.md says."""

from types import SimpleNamespace

import pytest

from evaluation.evaluate import match_sentence, score_news_quantities
from evaluation.scoring import unit_meaning


@pytest.mark.parametrize("a, b", [
    ("mph", "mile per hour"), ("mile/hour", "mph"), ("USD/barrel", "dollar per barrel"), ("km", "kilometre"),
    ("kilometer", "km"), ("ft2", "square foot"), ("meter**2", "m2"), ("degree_Fahrenheit", "degF"),
    ("percent", "pc"), ("GBP", "pound sterling"), ("JPY", "yen"), ("GBX", "pence"), ("USD/share", "USD/shares"),
])
def test_units_that_mean_the_same_compare_equal(a, b):
    assert unit_meaning(a) == unit_meaning(b)


@pytest.mark.parametrize("a, b", [("mile", "km"), ("pound", "GBP"), ("m", "mile"), ("USD", "CAD"), ("year", "month")])
def test_units_that_differ_do_not(a, b):
    assert unit_meaning(a) != unit_meaning(b)


def fact(value, value_high=None, unit=None, bound="=", kind="count", obj=None):
    return SimpleNamespace(value=value, value_high=value_high, unit=unit, bound=bound, kind=kind, object=obj,
                           text=str(value))


def test_a_vague_gold_amount_matches_any_value_in_its_range_and_each_prediction_once():
    golds = [{"value": 2000, "value_high": 9999, "vague": True, "unit": None, "bound": "range"},
             {"value": 5, "value_high": None, "unit": None, "bound": "="}]
    pairs = match_sentence(golds, [fact(3000, bound="~"), fact(5), fact(5)])
    assert [(g["value"], f.value) for g, f in pairs] == [(2000, 3000), (5, 5)]


def test_value_unit_and_bound_scores():
    item = {"id": "x", "text": "t", "quantities": [
        {"surface": "5 km", "value": 5, "value_high": None, "unit": "km", "bound": "=", "object": None},
        {"surface": "over 3", "value": 3, "value_high": None, "unit": None, "bound": ">", "object": None}]}
    (v, u, b), lines = score_news_quantities([[fact(5, unit="kilometer", kind="measure"), fact(3), fact(9)]], [item])
    assert v[2] == pytest.approx(0.8) and u[2] == pytest.approx(0.8) and b[2] == pytest.approx(0.4)
    assert sum(line.startswith("extra") for line in lines) == 1 and sum(line.startswith("wrong") for line in lines) == 1
