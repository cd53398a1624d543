"""Read numbers written in digits, words or both ("34,535", "1.5 million", "Thirty-three", "10 1/2")."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# The scale words: the one list (facts and units read it).
WESTERN_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                  "trillion": 1_000_000_000_000}
SCALES = {**WESTERN_SCALES, "lakh": 100_000, "crore": 10_000_000}
# Abbreviated scales only count right after digits ("5 bn", "3.2 mln").
# ("m" is a metre unless glued to a priced number: see units.split_glued.)
DIGIT_SCALES = {"k": 1_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
                "tn": 1_000_000_000_000, "lakhs": 100_000, "crores": 10_000_000}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100, "thousandth": 1000,
}
# Parts of a whole; "third" to "tenth" are fractions only after "a", "one" or a number word
# ("a third of", "one-third", "two-fifths"): alone they are ordinals.
FRACTION_WORDS = {"half": 0.5, "halves": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3,
                  "thirds": 1 / 3, "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2,
                  "sixth": 1 / 6, "sixths": 1 / 6, "seventh": 1 / 7, "sevenths": 1 / 7, "eighth": 0.125,
                  "eighths": 0.125, "ninth": 1 / 9, "ninths": 1 / 9, "tenth": 0.1, "tenths": 0.1}
# How many times: "twice as fast", "scored twice".
MULTIPLICATIVES = {"twice": 2, "thrice": 3}
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅕": 0.2}
# "hundreds of": a vague count, read as a range.
# (The ranges of news_quantities_guide.md: "millions" is anything from two million to under a
# billion, "tens of thousands" 20,000 to 99,999.)
VAGUE = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
         "millions": (2_000_000, 999_999_999), "billions": (2e9, 999e9), "tens": (20, 99), "scores": (40, 99)}
# "several thousand", "a few hundred": a multiple of the scale after them, as a range of it.
VAGUE_MULTIPLES = {"several": (2, 9), "a few": (2, 4), "few": (2, 4)}


def vague_times(outer: str, scale: str) -> tuple[float, float]:
    """'tens of thousands' -> 20,000-99,999: the outer range counted in the scale's units."""
    low, high = VAGUE[outer]
    unit = WESTERN_SCALES[scale.rstrip("s")] if scale.rstrip("s") in WESTERN_SCALES else VAGUE[scale][0] / 2
    return low * unit, (high + 1) * unit - 1

# A run of more than 30 digits is an identifier or noise, not a quantity (and Python will not turn
# one of over 4,300 digits into an int at all).
DIGITS = re.compile(r"^[+-]?(\d{1,3}(,\d{3}){1,10}|\d{1,2}(,\d{2}){1,14},\d{3}|\d{1,30})(\.\d{1,30})?$")
FRACTION = re.compile(r"^(\d{1,30})/(\d{1,30})$")
_ORDINAL_DIGITS = re.compile(r"^(\d{1,30})(st|nd|rd|th)$", re.I)


def is_number_word(word: str) -> bool:
    w = word.lower()
    return w in UNITS or w in TENS or w in SCALES or w == "dozen" or w in MULTIPLICATIVES


def is_fraction(word: str) -> bool:
    """'½', '3/4', '1/16'; not '9/11' or '24/7' (a date, a name: a part of a whole has a small
    denominator above its numerator)."""
    if word in VULGAR:
        return True
    match = FRACTION.match(word)
    if not match:
        return False
    num, den = int(match.group(1)), int(match.group(2))
    return 0 < num < den and (den <= 10 or den in (12, 16, 32, 64, 100))


# "1,67%", "45,5 percent", "1,5 million": a comma before one or two digits is no thousands group,
# it is a decimal comma.
DECIMAL_COMMA = re.compile(r"^([-+]?\d{1,3}),(\d{1,2})$")


def with_separators_value(digits: str) -> float:
    """The value of digits written with separators: thousands commas ("34,535") or a decimal comma
    ("1,67")."""
    digits = digits.replace("−", "-")
    decimal = DECIMAL_COMMA.match(digits)
    return float(f"{decimal.group(1)}.{decimal.group(2)}") if decimal else float(digits.replace(",", ""))


def digits_value(word: str) -> float | None:
    """'34,535', '12,34,567.89' (Indian grouping), '-5', '6.25'."""
    if not DIGITS.match(word):
        return None
    return with_separators_value(word)


def ordinal_value(word: str) -> int | None:
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    match = _ORDINAL_DIGITS.match(w)
    return int(match.group(1)) if match else None


def _fraction_value(word: str) -> float:
    if word in VULGAR:
        return VULGAR[word]
    num, den = FRACTION.match(word).groups()
    return int(num) / int(den) if int(den) else 0.0


def parse_number(words: list[str]) -> float | None:
    """The value of a run of number words, digits and fractions.

    ['1.5', 'million'] → 1.5e6, ['thirty', '-', 'three'] → 33, ['10', '1/2'] → 10.5,
    ['three', 'quarters', 'billion'] → 7.5e8, ['one', '-', 'third'] → 1/3, ['a', 'hundred'] → 100.
    """
    plain = [w.lower().strip() for w in words if w.strip() not in ("-", "")]
    if len(plain) > 3 and plain[-3:] == ["and", "a", "half"]:  # "five-and-a-half", "two and a half"
        whole = parse_number(plain[:-3])
        return whole + 0.5 if whole is not None else None
    total, current, seen = 0.0, 0.0, False
    previous_was_number = False
    for raw in words:
        w = raw.lower().strip()
        if w in ("", "-", "and", "a", "an"):
            if w in ("a", "an") and not seen:
                current, seen = 1.0, True
                previous_was_number = True  # "a third", "a hundred"
            continue
        value = digits_value(w)
        if value is not None:
            current += value
        elif is_fraction(w):
            current += _fraction_value(w)
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in MULTIPLICATIVES:
            current += MULTIPLICATIVES[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in FRACTION_WORDS and (w in ("half", "halves", "quarter", "quarters") or previous_was_number):
            current = (current or 1) * FRACTION_WORDS[w]
            previous_was_number = False  # "a third" is done; "a third million" is not a number
            seen = True
            continue
        elif w in SCALES or (w in DIGIT_SCALES and previous_was_number):
            scale = SCALES.get(w) or DIGIT_SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            return None
        seen = True
        previous_was_number = True
    return total + current if seen else None
