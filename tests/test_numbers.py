import pytest

from transforms.numbers import ordinal_value, parse_number


@pytest.mark.parametrize(
    "words, value",
    [
        (["34,535"], 34535), (["1.5", "million"], 1_500_000), (["Thirty", "-", "three"], 33),
        (["a", "hundred"], 100), (["two", "hundred", "thousand"], 200_000),
        (["one", "hundred", "and", "five"], 105), (["a", "dozen"], 12), (["1", "million"], 1_000_000),
    ],
)
def test_parse_number(words, value):
    assert parse_number(words) == value


def test_parse_number_refuses_non_numbers():
    assert parse_number(["hostages"]) is None
    assert parse_number([]) is None


def test_ordinals_in_words_and_digits():
    assert ordinal_value("Seventh") == 7
    assert ordinal_value("21st") == 21
    assert ordinal_value("seven") is None


def test_a_digit_run_too_long_to_be_a_quantity_is_not_a_number():
    from transforms.numbers import digits_value, ordinal_value

    assert digits_value("9" * 30) == float("9" * 30) and ordinal_value("21st") == 21
    assert digits_value("9" * 31) is None and digits_value("1" * 5000) is None
    assert ordinal_value("1" * 5000 + "th") is None  # (int() refuses over 4,300 digits)
    assert parse_number(["1" * 5000]) is None


def test_a_comma_before_one_or_two_digits_is_a_decimal_comma():
    from transforms.numbers import with_separators_value

    assert with_separators_value("1,67") == 1.67
    assert with_separators_value("−45,5") == -45.5
    assert with_separators_value("34,535") == 34535
    assert with_separators_value("12,34,567") == 1234567  # Indian grouping
