import datetime as dt

from transforms.dates import extract_dates

WED_MAY_1 = dt.date(2024, 5, 1)  # a Wednesday


def by_text(text, anchor=None):
    return {d.text: (d.date, d.resolution) for d in extract_dates(text, anchor)}


def test_stated_dates_are_normalised():
    got = by_text("It began on Oct. 7, 2023 and resumed on 7 October 2024, or 2024-10-08.")
    assert got == {"Oct. 7, 2023": (dt.date(2023, 10, 7), "stated"),
                   "7 October 2024": (dt.date(2024, 10, 7), "stated"),
                   "2024-10-08": (dt.date(2024, 10, 8), "stated")}


def test_a_missing_year_comes_from_the_document_date():
    got = by_text("talks on May 31 after the Oct. 7 attack", WED_MAY_1)
    assert got["May 31"] == (dt.date(2023, 5, 31), "year_inferred")
    assert got["Oct. 7"] == (dt.date(2023, 10, 7), "year_inferred")


def test_weekdays_resolve_against_the_document_date_and_never_without_one():
    assert by_text("met on Monday", WED_MAY_1)["Monday"] == (dt.date(2024, 4, 29), "weekday_resolved")
    assert by_text("met on Wednesday", WED_MAY_1)["Wednesday"] == (WED_MAY_1, "weekday_resolved")
    assert by_text("met on Monday")["Monday"] == (None, "unresolved")


def test_impossible_dates_and_the_verb_may_are_not_dates():
    assert by_text("on February 30, 2024 prices may 5 times rise") == {}


def test_date_words_inside_names_are_not_dates(ner):
    from transforms.entities import extract_mentions

    text = "He told Radio 4's Today programme on Monday that the Sunday Times had it wrong. Today he resigned."
    names = [(m.start_char, m.end_char) for m in extract_mentions(ner(text))]
    got = {d.text: d.start_char for d in extract_dates(text, WED_MAY_1, names)}
    assert "Monday" in got and got.get("Today") == text.rindex("Today")  # only the sentence's own "Today"
    assert "Sunday" not in got  # the model reads "the Sunday Times" as an organisation
    assert "Sunday" in {d.text for d in extract_dates(text, WED_MAY_1)}  # without the names it would be a date


def test_a_weekday_to_come_is_resolved_forward_and_one_beside_a_date_is_that_date():
    got = by_text("The team will be back in action on Friday, after it lost on Monday.", WED_MAY_1)
    assert got["Friday"] == (dt.date(2024, 5, 3), "weekday_resolved")
    assert got["Monday"] == (dt.date(2024, 4, 29), "weekday_resolved")
    assert by_text("They meet again next Monday", WED_MAY_1)["Monday"][0] == dt.date(2024, 5, 6)
    assert by_text("They met last Wednesday", WED_MAY_1)["Wednesday"][0] == dt.date(2024, 4, 24)
    assert by_text("They met on Wednesday", WED_MAY_1)["Wednesday"][0] == WED_MAY_1
    got = by_text("The show opens on Saturday, May 18, 2024 in Rome.", WED_MAY_1)
    assert "Saturday" not in got and got["May 18, 2024"][0] == dt.date(2024, 5, 18)


def test_a_weekday_after_a_capitalised_word_that_names_nothing_is_a_named_day():
    text = "The Cyber Monday sale starts on Tuesday. On Friday the shops close. Last Friday they opened."
    assert [d.text for d in extract_dates(text, WED_MAY_1)] == ["Tuesday", "Friday", "Friday"]
    assert [d.text for d in extract_dates("He met Blinken Monday.", WED_MAY_1, [(7, 14)])] == ["Monday"]


def test_a_future_word_that_does_not_govern_the_weekday_leaves_it_in_the_past():
    assert by_text("Police will release the footage they recorded on Saturday.", WED_MAY_1)["Saturday"][0] == \
        dt.date(2024, 4, 27)
    assert by_text("The next hearing took place on Monday.", WED_MAY_1)["Monday"][0] == dt.date(2024, 4, 29)
    assert by_text("The vote is set for Friday.", WED_MAY_1)["Friday"][0] == dt.date(2024, 5, 3)


def test_a_day_without_a_year_still_to_come_is_the_next_one():
    on = dt.date(2020, 4, 24)
    assert [m.date for m in extract_dates("Samsung will unveil its new phone on May 7.", on)] == [dt.date(2020, 5, 7)]
    assert [m.date for m in extract_dates("The exhibit runs through June 16.", on)] == [dt.date(2020, 6, 16)]
    assert [m.date for m in extract_dates("The deal was signed on May 7.", on)] == [dt.date(2019, 5, 7)]  # past


def test_a_weekday_before_a_day_without_a_year_says_which_year():
    found = extract_dates("The show opens on Friday January 20 at the hall.", dt.date(2022, 11, 30))
    assert [(d.text, d.date) for d in found] == [("January 20", dt.date(2023, 1, 20))]  # a Friday in 2023
    found = extract_dates("It ended on Thursday, Oct. 25 in Paris.", dt.date(2019, 2, 1))
    assert [(d.text, d.date) for d in found] == [("Oct. 25", dt.date(2018, 10, 25))]


def test_a_first_name_a_weekly_schedule_and_nowadays_are_no_days():
    day = dt.date(2022, 3, 30)
    named = "It was an injury to Diamonds defender Sunday Aryang."
    assert extract_dates(named, day, [(named.index("Aryang"), len(named) - 1)]) == []
    assert extract_dates("Charges apply from Monday to Saturday between 8am and 6pm.", day) == []
    assert extract_dates("The bronzes came from what is today southern Nigeria.", day) == []
    said = "The deal was signed Friday Reuters reported."  # a day before a name
    assert [d.text for d in extract_dates(said, day, [(said.index("Reuters"), said.index(" reported"))])] == ["Friday"]
    assert [d.text for d in extract_dates("They met on Monday and Tuesday.", day)] == ["Monday", "Tuesday"]


def test_a_day_still_to_come_until_it_and_a_weekday_in_parentheses_after_a_date():
    assert [(d.text, d.date) for d in extract_dates("The court adjourned the case until Monday.",
                                                    dt.date(2019, 6, 12))] == [("Monday", dt.date(2019, 6, 17))]
    found = extract_dates("The drive starts June 16 (Wednesday) in the city.", dt.date(2021, 6, 14))
    assert [(d.text, d.date) for d in found] == [("June 16", dt.date(2021, 6, 16))]


def test_a_weekday_and_its_part_of_the_day_before_a_date_in_parentheses_say_which_year():
    found = extract_dates("The strike may last until Tuesday evening (October 30), unions said.", dt.date(2018, 10, 29))
    assert [(d.text, d.date) for d in found] == [("Tuesday", dt.date(2018, 10, 30)), ("October 30", dt.date(2018, 10, 30))]
