"""Units of measure and currencies: what a number is counted in, and its normalised name.

`match_unit_after(words)` reads a unit from the words that follow a number ("square metres",
"degrees Celsius", "miles an hour", "barrels a day"); `currency_before(word)` reads a currency
sign or code written before it ("$", "C$", "USD"); `split_glued(token)` takes apart tokens where
the unit is glued to the number ("200lbs", "USD115", "1.8M", "10kph").
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from transforms.numbers import DIGIT_SCALES, SCALES, WESTERN_SCALES, with_separators_value

_TableRow = tuple[str, str, tuple[str, ...]]  # kind, normalised unit, surfaces
# kind, normalised unit, and the surfaces (lower case; plurals listed where not a trailing "s")
_TABLE: list[_TableRow] = [
    ("duration", "millisecond", ("millisecond", "ms", "msec")),
    ("duration", "second", ("second", "sec", "secs")),
    ("duration", "minute", ("minute", "min", "mins")),
    ("duration", "hour", ("hour", "hr", "hrs")),
    ("duration", "day", ("day",)),
    ("duration", "night", ("night",)),
    ("duration", "week", ("week", "wk", "wks")),
    ("duration", "month", ("month",)),
    ("duration", "year", ("year", "yr", "yrs")),
    ("duration", "decade", ("decade",)),
    ("duration", "century", ("century", "centuries")),
    ("percent", "percent", ("%", "percent", "per cent", "pct", "pc", "percentage")),
    ("percent", "percentage point", ("percentage point", "points percentage")),
    ("percent", "basis point", ("basis point", "bps")),  # a hundredth of a percentage point
    ("measure", "m", ("m", "metre", "meter")),
    ("measure", "km", ("km", "kilometre", "kilometer", "kms")),
    ("measure", "cm", ("cm", "centimetre", "centimeter")),
    ("measure", "mm", ("mm", "millimetre", "millimeter")),
    ("measure", "dm", ("dm", "decimetre", "decimeter")),
    ("measure", "μm", ("μm", "micrometre", "micrometer", "micron")),
    ("measure", "pm", ("picometre", "picometer")),
    ("measure", "mile", ("mile", "mi")),
    ("measure", "nautical mile", ("nautical mile",)),
    ("measure", "light-year", ("light-year", "light year", "lightyear", "light - year")),
    ("measure", "foot", ("foot", "feet", "ft")),
    ("measure", "inch", ("inch", "inches", '"', "”")),
    ("measure", "yard", ("yard", "yd", "yds")),
    ("measure", "m2", ("square metre", "square meter", "sq m", "m2", "m²", "sqm")),
    ("measure", "km2", ("square kilometre", "square kilometer", "sq km", "km2", "km²")),
    ("measure", "sq mile", ("square mile", "sq mile", "sq mi")),
    ("measure", "sq ft", ("square foot", "square feet", "sq ft", "sq feet")),
    ("measure", "acre", ("acre",)),
    ("measure", "hectare", ("hectare", "ha")),
    ("measure", "m3", ("cubic metre", "cubic meter", "m3", "m³")),
    ("measure", "cu ft", ("cubic foot", "cubic feet", "cu ft", "cu.ft", "cu. ft", "cu.ft.")),
    ("measure", "l", ("l", "litre", "liter")),
    ("measure", "ml", ("ml", "millilitre", "milliliter")),
    ("measure", "gallon", ("gallon", "gal")),
    ("measure", "barrel", ("barrel", "bbl")),
    ("measure", "barrel/day", ("bpd", "b/d", "barrels per day")),  # oil output, as the trade abbreviates it
    ("measure", "cup", ("cup",)),
    ("measure", "tablespoon", ("tablespoon", "tbsp")),
    ("measure", "teaspoon", ("teaspoon", "tsp")),
    ("measure", "kg", ("kg", "kilogram", "kilogramme", "kilo", "kgs")),
    ("measure", "g", ("g", "gram", "gramme", "grams", "grammes")),
    ("measure", "mg", ("mg", "milligram", "milligramme")),
    ("measure", "μg", ("μg", "microgram", "mcg", "microgramme")),
    ("measure", "tonne", ("tonne", "metric ton", "metric tonne", "t", "mt")),  # ("mt": commodity news)
    ("measure", "ton", ("ton",)),
    ("measure", "lb", ("lb", "lbs", "pound")),
    ("measure", "oz", ("oz", "ounce")),
    ("measure", "km/h", ("km/h", "kph", "kmph", "km/hr", "kmh", "kilometres per hour", "kilometers per hour",
                         "kilometre per hour", "kilometer per hour", "kilometres an hour", "kilometers an hour")),
    ("measure", "mph", ("mph", "miles per hour", "miles an hour", "mile per hour")),
    ("measure", "mpg", ("mpg", "miles per gallon", "miles to the gallon")),
    ("measure", "kcal", ("kcal", "calorie", "kilocalorie")),  # a food Calorie is a kilocalorie
    ("measure", "radian", ("radian", "rad")),
    ("measure", "turn", ("turn",)),
    ("measure", "knot", ("knot",)),
    ("measure", "celsius", ("° celsius", "° c", "degrees celsius", "degree celsius", "degrees c", "degree c", "deg c", "°c", "℃",
                             "celsius", "celcius", "centigrade", "deg celsius", "degrees centigrade")),
    ("measure", "fahrenheit", ("° fahrenheit", "° f", "degrees fahrenheit", "degree fahrenheit", "degrees f", "degree f", "deg f",
                                "°f", "℉", "fahrenheit", "farenheit", "deg fahrenheit", "degrees farenheit")),
    ("measure", "degree", ("degree", "deg", "°")),
    ("measure", "byte", ("byte",)),
    ("measure", "kb", ("kb", "kilobyte")),
    ("measure", "mb", ("mb", "megabyte")),
    ("measure", "gb", ("gb", "gigabyte")),
    ("measure", "tb", ("tb", "terabyte")),
    ("measure", "bit", ("bit",)),
    ("measure", "megabit", ("megabit", "mbit")),
    ("measure", "kbit/s", ("kbps", "kbit/s", "kb/s", "kilobits per second")),
    ("measure", "Mbit/s", ("mbps", "mbit/s", "mb/s", "megabits per second")),
    ("measure", "Gbit/s", ("gbps", "gbit/s", "gigabits per second")),
    ("measure", "watt", ("watt", "w")),
    ("measure", "kw", ("kw", "kilowatt")),
    ("measure", "mw", ("mw", "megawatt")),
    ("measure", "gw", ("gw", "gigawatt")),
    ("measure", "kwh", ("kwh", "kilowatt-hour", "kilowatt hour")),
    ("measure", "volt", ("volt", "v")),
    ("measure", "mwh", ("mwh", "megawatt-hour", "megawatt hour")),
    ("measure", "hp", ("hp", "horsepower", "bhp")),
    ("measure", "lb-ft", ("lb-ft", "pound-feet", "pound-foot", "lb - ft")),
    ("measure", "bushel", ("bushel",)),
    ("measure", "mmbtu", ("mmbtu",)),
    ("money", "USD", ("$", "us$", "usd", "dollar", "us dollar", "u.s. dollar", "american dollar", "buck")),
    ("money", "CAD", ("c$", "cad", "canadian dollar")),
    ("money", "AUD", ("a$", "aud", "australian dollar")),
    ("money", "NZD", ("nz$", "nzd", "nzd$", "new zealand dollar")),
    ("money", "HKD", ("hk$", "hkd", "hong kong dollar")),
    ("money", "EUR", ("€", "eur", "euro")),
    ("money", "GBP", ("£", "gbp", "pound sterling", "sterling", "british pound")),
    ("money", "JPY", ("¥", "jpy", "yen", "japanese yen")),
    ("money", "CNY", ("cny", "rmb", "yuan", "renminbi", "chinese yuan", "元")),
    ("money", "INR", ("₹", "inr", "rupee", "rs", "rs.", "indian rupee")),
    ("money", "ILS", ("₪", "ils", "shekel", "nis", "new shekel")),
    ("money", "CHF", ("chf", "swiss franc", "franc")),  # the franc still in use; older ones are named
    ("money", "FRF", ("frf", "french franc")),
    ("money", "BEF", ("bef", "belgian franc")),
    ("money", "NLG", ("nlg", "dutch guilder", "netherlands guilder", "guilder")),
    ("money", "FIM", ("fim", "finnish markka", "markka", "markkaa")),
    ("money", "DEM", ("dem", "deutsche mark", "deutschmark", "german mark")),
    ("money", "RUB", ("₽", "rub", "ruble", "rouble")),
    ("money", "MXN", ("mxn", "mex$", "mexican peso", "peso")),
    ("money", "TRY", ("turkish lira", "lira")),
    ("money", "BTC", ("₿", "btc", "bitcoin")),
    ("money", "KRW", ("₩", "krw", "won", "korean won", "south korean won")),
    ("money", "NGN", ("₦", "ngn", "naira")),
    ("money", "PHP", ("₱", "philippine peso")),
    ("money", "VND", ("₫", "vnd", "dong", "vietnamese dong")),
    ("money", "THB", ("฿", "thb", "baht", "thai baht")),
    ("money", "UAH", ("₴", "uah", "hryvnia")),
    ("money", "CRC", ("₡", "crc", "colón", "colon", "costa rican colón")),
    ("money", "GEL", ("₾", "gel", "lari", "georgian lari")),
    ("money", "LAK", ("₭", "lak", "kip", "lao kip")),
    ("money", "LKR", ("ரூ", "lkr", "sri lankan rupee")),
    ("money", "ZAR", ("zar", "rand", "south african rand")),
    ("money", "SAR", ("sar", "riyal", "saudi riyal")),
    ("money", "AED", ("aed", "dirham", "uae dirham", "dh", "dhs")),  # ("Dh26 million", as Gulf news writes it)
    ("money", "cent", ("cent", "¢")),
    ("money", "GBX", ("penny", "pence", "p")),  # pence sterling: ISO 4217's minor-unit code
]

# Words that end a CLDR currency's English name but say something else far more often after a
# number ("5 real reasons", "a 20 mark", "3 dram of whisky", "Córdoba", "Balboa", "Sierra Leone").
_NOT_CURRENCY_WORDS = frozenset({"real", "mark", "gold", "sol", "dram", "córdoba", "balboa", "leone", "tala", "kina",
                                 "pula", "loti", "vatu", "dobra", "escudo", "florin", "lev", "lek", "kip", "won"})


_Candidates = tuple[tuple[str, tuple[str, ...]], ...]  # (ISO code, the words that name its country) per currency


@lru_cache(maxsize=1)
def _cldr_currencies() -> tuple[list[_TableRow], dict[str, _Candidates]]:
    """The currencies in tender today, from the Unicode CLDR (Babel's copy): (money rows of the unit
    table: each full English name, "kenyan shilling" -> KES, and a name's last word where only one
    currency ends with it, "zloty" -> PLN), and for a last word several end with ("dinar",
    "shilling", "rupee") each candidate's code and the words that name its country ("Algerian",
    "Algeria")."""
    from babel import Locale
    from babel.core import get_global

    english = Locale("en")
    names, territories = english.currencies, english.territories
    where: dict[str, set[str]] = {}
    for territory, spans in get_global("territory_currencies").items():
        for code, _start, end, tender in spans:
            if end is None and tender:
                where.setdefault(code, set()).add(territory)
    rows, by_last = [], {}
    for code in sorted(where):
        name = names.get(code)
        if not name or "(" in name:
            continue
        rows.append(("money", code, (name.lower(), name.lower() + "s")))  # ("zlotys", not "zloties")
        *country, last = name.lower().split()
        places = tuple(w for w in [" ".join(country)] + [territories.get(t, "").lower() for t in where[code]] if w)
        by_last.setdefault(last, []).append((code, places))
    for last, codes in by_last.items():
        if len(codes) == 1 and last not in _NOT_CURRENCY_WORDS:
            rows.append(("money", codes[0][0], (last, last + "s")))
    ambiguous = {last: tuple(codes) for last, codes in by_last.items() if len(codes) > 1 and last != "dollar"}
    return rows, ambiguous


def currency_in_context(unit: "Unit", word: str, sentence: str, page: str = "") -> "Unit":
    """A currency written with a word several share ("200 dinars", "5,000 shillings", "500 rupees",
    "Sh5 billion") is the one whose country the sentence names ("Algeria", "Kenyan", "Pakistan"), or
    when it names none, the one whose country its page names; when they name none or two, the word's
    usual reading stays (rupee: INR) or, without one, the word ("dinar")."""
    word, shared = word.lower(), _cldr_currencies()[1]
    codes = shared.get(word) or shared.get(word.removesuffix("s"))
    if unit.kind != "money" or codes is None:
        return unit

    def named_in(text: str) -> set[str]:
        return {code for code, places in codes if any(re.search(rf"\b{re.escape(p)}\b", text) for p in places)}

    named = named_in(sentence.lower())
    if not named and page:
        named = named_in(page.lower())
    if len(named) != 1:
        return unit
    code = named.pop()
    return Unit("money", code + unit.name[unit.name.index("/"):] if "/" in unit.name else code)


# A number written as, or scaled by, a word after it.
MULTIPLIERS = {word: float(value) for word, value in {**SCALES, **DIGIT_SCALES, "m": 1e6, "b": 1e9}.items()}

# Signs and codes that stand before the number they price.
_PREFIX_CURRENCIES = ("$", "us$", "usd", "c$", "cad", "a$", "aud", "nz$", "nzd", "nzd$", "hk$", "hkd", "€", "eur",
                      "£", "gbp", "¥", "jpy", "cny", "rmb", "₹", "inr", "rs", "rs.", "₪", "ils", "nis", "chf",
                      "₽", "rub", "btc", "₿", "mex$", "¢", "₩", "₦", "₱", "₫", "฿", "₴", "₡", "₾", "₭", "ரூ", "dh", "dhs")
# Letters written before a separate "$" that make it another dollar ("C $ 1.34", "US $ 10").
DOLLAR_PREFIXES = {"us": "USD", "c": "CAD", "hk": "HKD", "nz": "NZD", "a": "AUD", "au": "AUD", "s": "SGD"}


@dataclass(frozen=True)
class Unit:
    kind: str  # duration, percent, measure, money
    name: str  # normalised


def _surfaces() -> dict[str, Unit]:
    table: dict[str, Unit] = {}
    rows, ambiguous = _cldr_currencies()
    shared = [("money", last, (last,)) for last in ambiguous]  # read as written, then by the sentence
    for kind, name, forms in _TABLE + rows + shared:
        for form in forms:
            unit = Unit(kind, name)
            table.setdefault(form, unit)
            if form[-1].isalpha() and len(form) > 2 and not form.endswith("s"):
                plural = form[:-1] + "ies" if form.endswith("y") and form[-2] not in "aeiou" else form + "s"
                table.setdefault(plural, unit)
                if form.endswith(("ch", "sh", "x")):
                    table.setdefault(form + "es", unit)
            if " " in form and form.split()[0].endswith(("re", "er", "le", "ot", "on", "ar", "ol")):
                head, rest = form.split(" ", 1)
                table.setdefault(f"{head} {rest}s", unit)
    return table


SURFACES = _surfaces()
_MAX_WORDS = max(len(form.split()) for form in SURFACES)
PREFIX_CURRENCIES = {form: SURFACES[form] for form in _PREFIX_CURRENCIES}
_NOT_RATES = frozenset({"the", "a", "an", "cent", "cents", "se", "their", "its", "his", "her", "our", "your", "of", "one", "other", "them", "and", "or", "to"})
_RATE_WORDS = {"per", "a", "an", "each", "every", "/"}
# Words that may follow "for each <noun>" when that noun is the whole rate ("for each offence he
# committed"); another word there may be the noun's head ("for each face amount").
_AFTER_A_RATE = frozenset({"and", "or", "in", "of", "that", "which", "who", "he", "she", "they", "it", "was", "is",
                           "were", "are", "to", "on", "at", "by", "with", "from", "sold", "delivered"})
_RATE_SYNONYMS = {"annum": "year", "hr": "hour", "ms": "millisecond", "sec": "second", "min": "minute", "mo": "month",
                  "yr": "year", "wk": "week"}
# "a year earlier" dates what came before; it is not a rate
_NOT_RATE_AFTER = frozenset({"earlier", "ago", "later", "before", "after", "prior", "previously", "old"})
_RATE_UNITS = {"millisecond", "second", "minute", "hour", "day", "week", "month", "year", "share", "gram", "gramme", "night", "person", "head",
               "capita", "barrel", "gallon", "litre", "liter", "kg", "tonne", "ton", "dozen", "unit", "ounce", "oz", "pound",
               "lb", "bushel", "mmbtu", "kwh", "mwh", "acre", "hectare", "mile", "km", "kilometre", "kilometer", "student",
               "passenger", "employee", "household", "visitor", "resident", "patient", "seat", "ticket", "vehicle"}

# The one-character currency signs ("$", "€", "₹"), from the prefixes above.
CURRENCY_SIGNS = "".join(sorted(form for form in PREFIX_CURRENCIES if len(form) == 1 and not form.isalnum()))
# A ± sign (kept) or a currency prefix, digits, then a unit or multiplier glued on.
_GLUED = re.compile(
    rf"^(?P<pre>[^\W\d]{{1,3}}\$|[{re.escape(CURRENCY_SIGNS)}]|[a-z]{{2,3}}(?=\d))?(?P<num>[-+−]?\d[\d,]*(?:\.\d+)?)"
    r"(?P<post>[^\d\s]{1,6}[23]?)?$",  # "m2", "km3": an area or volume glued on
    re.I,
)


def match_unit_after(words: list[str]) -> tuple[Unit, int] | None:
    """The longest unit (and how many words it spans) at the start of `words` (lower case), with
    a rate after it ('miles an hour', 'cents a share')."""
    for size in range(min(_MAX_WORDS, len(words)), 0, -1):
        unit = SURFACES.get(" ".join(words[:size]))
        if unit is not None:
            rate = rate_after(words[size:])
            if rate is not None:
                return per(unit, rate[0]), size + rate[1]
            return unit, size
    return None


_SPEEDS = {("km", "hour"): "km/h", ("mile", "hour"): "mph"}


def per(unit: Unit, rate: str) -> Unit:
    """A unit per some other: 'USD/share', 'gallon/year'; speeds by their usual names."""
    return Unit(unit.kind, _SPEEDS.get((unit.name, rate), f"{unit.name}/{rate}"))


def rate_after(words: list[str]) -> tuple[str, int] | None:
    """'per hour', 'a day', 'an hour', 'a share', '/ms', '- a - share', 'per annum', 'for each
    offence' after a unit:
    the rate's unit and how many words it spans."""
    i = 1 if words[:1] == ["-"] else 0
    if words[i : i + 2] in (["for", "each"], ["for", "every"]) and (len(words) < i + 4 or not words[i + 3].isalpha()
                                                                   or words[i + 3] in _AFTER_A_RATE):
        words = [*words[:i], "per", *words[i + 2 :]]  # "$1,000 for each offence" is per offence
        shift = 1
    else:
        shift = 0
    if len(words) < i + 2 or words[i] not in _RATE_WORDS:
        return None
    j = i + 1
    if words[j] == "-" and len(words) > j + 1:
        j += 1
    if words[i] == "per" and words[j].endswith("ed") and len(words) > j + 1 and words[j + 1].isalpha():
        j += 1  # "per diluted share"
    word = words[j]
    base = _RATE_SYNONYMS.get(word) or (word[:-1] if word.endswith("s") and word != "s" else word)
    # after "per" any noun is the rate ("per shift", "per charge"); after "a" only the usual ones ("$5 a share")
    known = base in _RATE_UNITS or words[i] == "per" and base.isalpha() and base not in _NOT_RATES
    if not known or (words[i] != "per" and len(words) > j + 1 and words[j + 1] in _NOT_RATE_AFTER):
        return None
    unit = SURFACES.get(base)
    return (unit.name if unit else base), j + 1 + shift


@lru_cache(maxsize=1)
def local_currency_signs() -> dict[str, Unit]:
    """The signs English-language outlets of a country write before its currency's amounts, as the
    Unicode CLDR gives them (Babel's copy of its en_XX locales): 'Ksh' (KES), 'TSh', 'USh', 'Rp',
    'FBu'. Only signs of mixed case, matched as written: 'K', 'P', 'R' or 'MK' glued to a number are
    as often a code ('K9', 'P1', 'MK2'). Kenyan and Ugandan papers write 'Sh' for their shilling,
    which CLDR does not list: it is read as the shilling, whose country the sentence may name."""
    from babel import Locale, localedata
    from babel.core import get_global

    tender = get_global("territory_currencies")
    signs: dict[str, set[str]] = {}
    for locale in localedata.locale_identifiers():
        territory = locale.split("_")[-1]
        if not locale.startswith("en_") or territory not in tender:
            continue
        codes = [code for code, _start, end, in_tender in tender[territory] if end is None and in_tender]
        sign = Locale.parse(locale).currency_symbols.get(codes[0]) if codes else None
        if sign and sign.isalpha() and len(sign) > 1 and not sign.isupper() and not sign.islower():
            signs.setdefault(sign, set()).add(codes[0])
    found = {sign: Unit("money", codes.pop()) for sign, codes in signs.items() if len(codes) == 1}
    found.setdefault("Sh", Unit("money", "shilling"))
    return found


def currency_before(word: str) -> Unit | None:
    """A sign or code written before the number: '$', 'EUR', 'C$', 'usd$', 'Mex$', 'Ksh'."""
    if (local := local_currency_signs().get(word)) is not None:
        return local
    word = word.lower()
    unit = PREFIX_CURRENCIES.get(word)
    if unit is None and len(word) > 1 and word.endswith("$"):
        letters = word[:-1]
        code = DOLLAR_PREFIXES.get(letters)
        named = PREFIX_CURRENCIES.get(letters) or SURFACES.get(letters)  # "usd$", "mxn$"
        unit = Unit("money", code) if code else (named if named is not None and named.kind == "money" else None)
    return unit


# Capital letters that are a unit or a scale glued to a number (million, billion, Celsius, Fahrenheit,
# thousand, volt, watt, litre); any other ("3G", "3D") names a generation or a format. Written apart
# from the number, only litres, volts and watts are capitals.
CAPITAL_SUFFIXES = frozenset("MBCFKVWL")
SPACED_CAPITAL_UNITS = frozenset("LVW")


def split_glued(token: str) -> tuple[Unit | None, float, float, Unit | None] | None:
    """(prefix currency, number, multiplier, suffix unit) for tokens like 'US$5', '200lbs', '1.8M'.

    None when the token is not a number with at most a known sign or unit glued to it.
    """
    head, dash, tail = token.partition("-")
    if dash and head and tail.isalpha() and (read := split_glued(head)) is not None:
        return read  # "46%-owned", "5m-long"
    match = _GLUED.match(token)
    if not match:
        return None
    pre, num, post = match.group("pre"), match.group("num"), match.group("post")
    prefix = currency_before(pre) if pre else None
    if pre and prefix is None:
        return None
    try:
        value = with_separators_value(num)
    except ValueError:
        return None
    multiplier, suffix = 1.0, None
    if post and len(post) == 1 and post.isupper() and (post not in CAPITAL_SUFFIXES or post == "K" and not pre):
        return None  # "3G", "5G", "3D", "4K": a generation or a format, not grams or thousands
    if post == "p" and (value >= 100 or pre):
        return None  # "1080p", "720p": a picture's lines; pence are "50p", "99p"
    if post:
        low = post.lower()
        if low in MULTIPLIERS and low not in WESTERN_SCALES:
            multiplier = MULTIPLIERS[low]
            if low == "m" and not post.isupper() and prefix is None:
                multiplier, suffix = 1.0, SURFACES["m"]  # "1m" is a metre; "1.8M" or "$5m" a million
        elif post in ("C", "F"):  # "35C", "95F"
            suffix = SURFACES["celsius" if post == "C" else "fahrenheit"]
        elif low in SURFACES:
            suffix = SURFACES[low]
        elif low.endswith("s") and low[:-1] in SURFACES:
            suffix = SURFACES[low[:-1]]
        else:
            suffix = unit_in_library(post)  # "2.4Ghz", "15kHz", "2.14degF"
            if suffix is None:
                return None
    return prefix, value, multiplier, suffix


# What a unit glued to a number may measure in news (pint reads "pc" as a parsec and "am" as
# attomolar: text that is not one of these is not taken for a unit).
def _dimension(**exponents: int) -> frozenset:
    return frozenset((f"[{name}]", power) for name, power in exponents.items())


NEWS_DIMENSIONS = {
    _dimension(length=1): "length", _dimension(mass=1): "mass", _dimension(time=1): "time",
    _dimension(length=2): "area", _dimension(length=3): "volume", _dimension(length=1, time=-1): "speed",
    _dimension(time=-1): "frequency", _dimension(temperature=1): "temperature",
    _dimension(length=2, mass=1, time=-3): "power", _dimension(length=2, mass=1, time=-2): "energy",
    _dimension(length=2, mass=1, time=-3, current=-1): "voltage", _dimension(length=-1, mass=1, time=-2): "pressure",
}
# Units news uses that pint does not define (or defines as something else), with their dimension.
_OUTSIDE_THE_LIBRARY = {"mpg": "length/volume", "mmbtu": "energy", "night": "time", "decade": "time",
                        "lb-ft": "torque", "degree": "angle", "turn": "angle", "radian": "angle"}
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "Mt", "Sr", "Jr", "Co", "No", "Ft", "Pt", "Gen", "Col", "Sgt", "Lt"})
_NOT_UNITS = frozenset({"st", "nd", "rd", "th", "am", "pm", "s", "x", "h"})  # ordinals, clock times, "4x4"


@lru_cache(maxsize=1)
def _registry():
    import logging

    import pint  # only when a glued suffix is not in the table above (about a second to load)

    # A case-blind registry finds 'kg' to be kilo-gram or kilo-gauss, takes the first, and logs a
    # warning on every such parse (a flood in a cluster worker's log): what news means is the first.
    logging.getLogger("pint.util").setLevel(logging.ERROR)
    return pint.UnitRegistry(cache_folder=None, case_sensitive=False)


@lru_cache(maxsize=1024)
def unit_in_library(text: str) -> Unit | None:
    """A unit pint's registry knows and news measures with ("GHz", "kHz", "degF"), by its name
    there; None for anything else."""
    if len(text) < 2 or text.lower() in _NOT_UNITS or not text.isascii() or not text.isalpha():
        return None
    for registry in (_exact_registry, _registry):  # "Ma" is a megaannum as written, "Ghz" a gigahertz only without case
        try:
            units = registry().parse_units(text)
        except Exception:  # pint raises several kinds for text that is not a unit
            continue
        dimension = NEWS_DIMENSIONS.get(frozenset(units.dimensionality.items()))
        return Unit("measure", str(units)) if dimension else None
    return None


_SI_PREFIXES = ("kilo", "mega", "giga", "tera", "milli", "micro", "nano")


def names_a_prefixed_unit(text: str) -> bool:
    """'megahertz', 'kilojoules', 'milliseconds': a unit's name spelled out with an SI prefix (the
    words a bare name could be, 'hand' or 'point', carry none)."""
    return text.isalpha() and text.islower() and text.startswith(_SI_PREFIXES) and len(text) > 6


def looks_like_a_unit_symbol(text: str) -> bool:
    """'Wh', 'MWh', 'GHz', 'Ma': short, with a capital, as unit symbols are written (a word such as
    'hand' or 'point' is not taken for the unit pint also knows by that name)."""
    return 1 < len(text) <= 4 and text.isascii() and text.isalpha() and any(c.isupper() for c in text) \
        and not text.isupper() and text not in _TITLES and not is_a_plural_acronym(text)


def is_a_plural_acronym(text: str) -> bool:
    """'MPs', 'CEOs', 'NGOs': things counted ("65 MPs"), not metres per second nor a title."""
    return len(text) > 2 and text[:-1].isupper() and text[:-1].isalpha() and text.endswith("s")


def _pint_spelling(text: str) -> str:
    """'sq mile' -> 'mile**2', 'm2' -> 'm**2', 'cu ft' -> 'ft**3', 'kilometres per hour' -> 'kilometres/hour'."""
    text = re.sub(r"(?<=[a-zA-Z])([23²³])$", lambda m: "**" + {"²": "2", "³": "3"}.get(m.group(1), m.group(1)), text)
    text = re.sub(r"^(?:sq\.?|square) (\w+)", r"\1**2", text)
    text = re.sub(r"^(?:cu\.?|cubic) (\w+)", r"\1**3", text)
    return "_".join(text.replace(" per ", "/").split())


@lru_cache(maxsize=1)
def _exact_registry():
    import pint

    return pint.UnitRegistry(cache_folder=None)


def _library_name(forms: tuple[str, ...]) -> tuple[str, str] | None:
    """The first of a unit's written forms (longest first: 'megabyte' before 'mb', a millibarn to
    pint) that pint's registry reads as a unit of a dimension news measures in: (its name there,
    the dimension)."""
    for form in sorted(forms, key=len, reverse=True):
        try:
            units = _exact_registry().parse_units(_pint_spelling(form))
        except Exception:  # pint raises several kinds for text that is not a unit
            continue
        name = str(units).replace(" / ", "/").replace(" ** ", "**")
        if "byte" in name or "bit" in name:
            return name, "information"
        if (dimension := NEWS_DIMENSIONS.get(frozenset(units.dimensionality.items()))) is not None:
            return name, dimension
    return None


_FORMS = {name: forms for _, name, forms in _TABLE}
TIME_NAMES = frozenset(name for kind, name, _ in _TABLE if kind == "duration")


@lru_cache(maxsize=4096)
def canonical_unit(name: str | None, kind: str) -> tuple[str | None, str | None]:
    """(one key per unit, its dimension): ISO 4217 codes for money ('money'), 'percent', pint's
    name for a measure or a duration ('kilometer', 'mile_per_hour', 'megabyte': 'length', 'speed',
    'information'), 'X/Y' for a rate ('USD/share': 'money/count', 'barrel/day': 'volume/time')."""
    if name is None:
        return None, None
    if "/" in name and (name not in _FORMS or _library_name(_FORMS[name]) is None):  # ("bpd": barrel/day)
        top, bottom = name.split("/", 1)
        top_key, top_dimension = canonical_unit(top, kind)
        bottom_key, bottom_dimension = canonical_unit(bottom, "duration" if bottom in TIME_NAMES else "measure")
        return f"{top_key}/{bottom_key}", f"{top_dimension}/{bottom_dimension or 'count'}"
    if kind == "money":
        return name, "money"
    if kind == "percent":
        return name, "percent"
    if name in _OUTSIDE_THE_LIBRARY:
        return name, _OUTSIDE_THE_LIBRARY[name]
    found = _library_name(_FORMS.get(name, (name,)))
    if found is not None:
        return found
    return name, "time" if kind == "duration" else None


def in_smaller_unit(value: float, larger: str, smaller: str) -> float | None:
    """`value` larger units in smaller ones ('2 hour' -> 120 minutes, '6 foot' -> 72 inches), by
    pint's registry; None unless both are measures of one dimension and the second is smaller."""
    factor = _factor(larger, smaller)
    return value * factor if factor is not None and factor > 1 else None


@lru_cache(maxsize=1024)
def _factor(larger: str, smaller: str) -> float | None:
    try:
        return (1 * _exact_registry().parse_units(_pint_spelling(larger))).to(_pint_spelling(smaller)).magnitude
    except Exception:  # not units pint knows, or of different dimensions
        return None


_SCALED_CODE = re.compile(r"^(?P<scale>m|k|bn|mn)(?P<code>[a-z]{3})$", re.I)
_CODE_SCALES = {"m": 1e6, "mn": 1e6, "k": 1e3, "bn": 1e9}


def scaled_currency(word: str) -> tuple[Unit, float] | None:
    """Finance shorthand for amounts in thousands or millions: 'MUSD', 'MEUR', 'kEUR', 'bnUSD'."""
    match = _SCALED_CODE.match(word)
    if not match:
        return None
    unit = PREFIX_CURRENCIES.get(match.group("code").lower())
    return (unit, _CODE_SCALES[match.group("scale").lower()]) if unit is not None else None
