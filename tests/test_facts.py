import pytest

from transforms.facts import extract_facts, holds_number


def facts_of(parser, sentence):
    return extract_facts(parser(sentence))


def only(parser, sentence, **expected):
    facts = [f for f in facts_of(parser, sentence) if f.kind == expected.get("kind", f.kind)]
    assert len(facts) == 1, facts
    fact = facts[0]
    for key, value in expected.items():
        assert getattr(fact, key) == value, (key, getattr(fact, key), value)
    return fact


def test_count_with_qualifier_object_verb_and_attribution(parser):
    sentence = "The war has killed more than 34,535 Palestinians, according to the Hamas-run Ministry of Health."
    fact = only(parser, sentence, value=34535, qualifier="more than", bound=">", kind="count",
                object="Palestinians", predicate="kill", count_type="KILL")
    assert "Ministry of Health" in fact.attribution
    assert sentence[fact.start_char:fact.end_char] == "more than 34,535"


def test_range_with_between(parser):
    only(parser, "It calls for a truce of between 30 and 40 days.", kind="duration", value=30,
         value_high=40, bound="range", qualifier="between", unit="day")


def test_number_words_hyphenated(parser):
    only(parser, "Thirty-three Israeli hostages will be released.", value=33, object="hostages",
         predicate="release", count_type="RELEASE")


def test_a_hundred_and_approximate_bounds(parser):
    only(parser, "Gunmen killed nearly a hundred people in the village.", value=100, bound="~", qualifier="nearly")
    only(parser, "Police arrested at least 40 protesters.", value=40, bound=">=", count_type="ARREST")


def test_ordinals_are_ordinals_not_fractions(parser):
    only(parser, "It was his seventh trip to the region.", kind="ordinal", value=7, object="trip")


def test_durations_and_ages(parser):
    only(parser, "They held a three-hour meeting.", kind="duration", value=3, unit="hour")
    only(parser, "A 4-year-old girl was freed.", kind="age", value=4, unit="year")


def test_money_and_percent(parser):
    facts = {f.kind: f for f in facts_of(parser, "Sales rose 12 percent to $4.5 million last year.")}
    assert facts["percent"].value == 12 and facts["percent"].unit == "percent"
    assert facts["money"].value == 4_500_000 and facts["money"].unit == "USD"


def test_vague_hundreds_of_is_a_range(parser):
    only(parser, "Hundreds of prisoners are expected to be released.", value=200, value_high=999,
         bound="range", object="prisoners")


@pytest.mark.parametrize("sentence", [
    "The attack took place on Oct. 7, 2023.",
    "The talks ended on May 31.",
    "The meeting starts at 10:30 on Monday.",
])
def test_dates_and_times_are_not_facts(parser, sentence):
    assert facts_of(parser, sentence) == []


def test_offsets_are_shifted_into_the_body(parser):
    body = "Intro sentence here. Troops detained 12 men."
    offset = body.index("Troops")
    [fact] = extract_facts(parser(body[offset:]), offset)
    assert body[fact.start_char:fact.end_char] == "12"


def test_holds_number_is_a_cheap_prefilter():
    assert holds_number("some 136 hostages") and holds_number("a third phase") and holds_number("hundreds of")
    assert not holds_number("No numbers in this sentence at all.")
