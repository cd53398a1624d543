"""Versions of one claim: same measure, shared context, comparable size, two documents or more."""

from transforms.claims import Candidate, claims_of


def candidate(fact: str, doc: str, value: float, *context: str, measure: str = "KILL") -> Candidate:
    return Candidate("count", "", measure, fact, doc, value, frozenset(context))


def grouped(candidates: list[Candidate], spread: float = 2.0) -> list[set[str]]:
    ordered = sorted(candidates, key=lambda c: (c.kind, c.unit, c.measure, c.value, c.fact_id))
    return sorted(({v.fact_id for v in versions} for _, versions in claims_of(ordered, spread)), key=sorted)


def test_versions_of_a_toll_from_two_sources_are_one_claim_and_a_toll_twenty_times_larger_another():
    tolls = [candidate("a1", "a", 1160, "israel"), candidate("b1", "b", 1200, "israel", "gaza"),
             candidate("a2", "a", 27840, "gaza"), candidate("b2", "b", 34535, "gaza"), candidate("c2", "c", 40130, "gaza")]
    assert grouped(tolls) == [{"a1", "b1"}, {"a2", "b2", "c2"}]


def test_a_claim_needs_a_shared_place_people_or_event_and_two_documents():
    counts = [candidate("fire", "a", 5, "lagos"), candidate("quake", "b", 6, "ankara"),
              candidate("x1", "c", 10, "gaza"), candidate("x2", "c", 11, "gaza")]
    assert grouped(counts) == []


def test_different_measures_and_a_larger_spread_than_allowed_stay_apart():
    counts = [candidate("k", "a", 100, "gaza"), candidate("w", "b", 120, "gaza", measure="WOUND"),
              candidate("k2", "b", 190, "gaza"), candidate("k3", "c", 210, "gaza")]
    assert grouped(counts) == [{"k", "k2"}]
    assert grouped(counts, spread=2.5) == [{"k", "k2", "k3"}]
