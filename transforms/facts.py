"""Numeric facts from parsed sentences: value, bound, unit, counted object, verb, attribution.

The parser is costly, so the flow parses only the sentences that hold a number
(`sentences_with_numbers`), then `extract_facts` reads each parsed sentence.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from transforms.dates import MONTH_NAMES
from transforms.objects import (
    FALL_WORDS, MEASURE_KINDS, RISE_WORDS, changed_thing, index_that_moved, lemma_of, measured_object,
    past_parentheses,
)
from transforms.non_quantities import (
    COLLECTIVE_NOUNS, EVENT_NOUNS, PAGE_TEXT, PAGE_WORDS, frames_a_window, frames_another_fact, is_a_record,
    is_acceleration_benchmark, is_anaphoric, is_bowling_figures, is_pronoun_one, is_scoreline, is_some_time,
    is_stoppage_time, names_a_tenor, names_an_event, names_something, score_against_par, states_no_quantity,
)
from transforms.numbers import (
    FRACTION,
    DIGIT_SCALES, FRACTION_WORDS, SCALES, VAGUE, VAGUE_MULTIPLES, WESTERN_SCALES, is_fraction, is_number_word,
    ordinal_value, parse_number, vague_times,
)
from transforms.units import (
    DOLLAR_PREFIXES, MULTIPLIERS, SPACED_CAPITAL_UNITS, SURFACES, TIME_NAMES, Unit, canonical_unit, currency_before,
    currency_in_context, in_smaller_unit, looks_like_a_unit_symbol, names_a_prefixed_unit,
    match_unit_after, per, rate_after, scaled_currency, split_glued, unit_in_library,
)

# Hedge words as written -> bound. Longest phrases first so "more than" wins over "than".
QUALIFIERS = {
    "more than": ">", "over": ">", "well over": ">", "well above": ">", "slightly more than": ">",
    "a little more than": ">", "north of": ">", "upward of": ">", "not less than": ">=", "not more than": "<=",
    "as much as": "<=", "as high as": "<=", "as long as": "<=", "as far as": "<=", "as large as": "<=", "near": "~", "slightly less than": "<", "just shy of": "<", "circa": "~",
    "an average of": "~", "upwards of": ">", "in excess of": ">", "above": ">",
    "at least": ">=", "no fewer than": ">=", "no less than": ">=", "a minimum of": ">=",
    "less than": "<", "fewer than": "<", "under": "<", "below": "<",
    "up to": "<=", "at most": "<=", "no more than": "<=", "as many as": "<=", "a maximum of": "<=",
    "nearly": "~", "almost": "~", "about": "~", "around": "~", "some": "~", "roughly": "~",
    "approximately": "~", "an estimated": "~", "close to": "~", "estimated": "~", "just over": "~",
    "just under": "~", "exactly": "=", "precisely": "=",
    "greater than": ">", "larger than": ">", "bigger than": ">", "higher than": ">", "longer than": ">",
    "older than": ">", "exceeding": ">", "exceeded": ">", "exceeds": ">", "exceed": ">",
    "smaller than": "<", "lower than": "<", "shorter than": "<", "younger than": "<", "cheaper than": "<",
    "within": "<=",
}
# Hedge words after the amount ("300 yards or more", "five or more people", "ten days or so") -> bound.
QUALIFIERS_AFTER = {
    "or more": ">=", "or over": ">=", "or above": ">=", "or higher": ">=", "or greater": ">=", "or longer": ">=",
    "or older": ">=", "and up": ">=", "and above": ">=", "and over": ">=", "or fewer": "<=", "or less": "<=",
    "or under": "<=", "or below": "<=", "or lower": "<=", "or younger": "<=", "or so": "~", "or thereabouts": "~",
}
_QUALIFIER_WORDS = sorted(QUALIFIERS, key=lambda q: -len(q.split()))

# Governing verb (lemma) -> count type, in the spirit of GDELT's GKG counts.
COUNT_TYPES = {
    "kill": "KILL", "slaughter": "KILL", "butcher": "KILL", "massacre": "KILL", "murder": "KILL",
    "die": "KILL", "dead": "KILL", "death": "KILL", "killing": "KILL", "execute": "KILL",
    "wound": "WOUND", "injure": "WOUND", "hurt": "WOUND", "maim": "WOUND",
    "abduct": "KIDNAP", "kidnap": "KIDNAP", "take": None, "capture": "KIDNAP", "abduction": "KIDNAP",
    "arrest": "ARREST", "detain": "ARREST", "jail": "ARREST", "imprison": "ARREST", "arrests": "ARREST",
    "release": "RELEASE", "free": "RELEASE", "return": "RELEASE",
    "hold": "HOLD", "remain": "HOLD",
    "displace": "DISPLACE", "flee": "DISPLACE", "evacuate": "DISPLACE", "uproot": "DISPLACE",
    "seize": "SEIZE", "confiscate": "SEIZE",
    "protest": "PROTEST", "demonstrate": "PROTEST", "rally": "PROTEST", "march": "PROTEST",
    "affect": "AFFECT", "strand": "AFFECT", "evict": "DISPLACE",
}
# Verbs (lemmas) and words that make a number a change: "rose 6%", "fell by $2", "up 12 percent".
_UP, _DOWN = RISE_WORDS, FALL_WORDS
_EVENT_NOUNS = {"release", "slaughter", "killing", "death", "arrest", "abduction", "evacuation",
                "displacement", "return", "exchange", "massacre", "deaths"}


_PHONE = re.compile(r"(\+?\d[\d\s().-]{6,}\d)")
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")
_DECADE = re.compile(r"^(1[5-9]|20)\d0s$|^'\d0s$")
_MONTH_WORD = re.compile(
    rf"^({MONTH_NAMES})\.?$",
    re.I,
)
_HAS_NUMBER = re.compile(
    r"\d|[½¼¾⅓⅔]|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|quarter|twice|thrice|first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth)\b",
    re.I,
)
# A number after one of these labels names something ("exit 436", "No. 1"); it counts nothing.
_IDENTIFIER_WORDS = frozenset({
    "no", "no.", "nos", "number", "#", "n°", "nº", "exit", "highway", "route", "interstate", "room", "flight", "chapter",
    "page", "pages", "section", "article", "rule", "model", "version", "level", "grade", "platform", "gate",
    "bus", "line", "channel", "apartment", "suite", "box", "district", "ward", "pier", "lot", "phase", "stage",
    "act", "verse", "psalm", "item", "step", "figure", "table", "appendix", "code", "amendment", "resolution",
    "pad", "bay", "hangar", "runway", "terminal", "berth",
})
# ... and these only when the number counts nothing after it: "volume 2", "the top 10", "called 911"
# (but "called 20,000 reservists", "the top 1% of earners", "in the past week 300 people").
_IDENTIFIER_WORDS_UNLESS_COUNTED = frozenset({
    "volume", "vol", "vol.", "episode", "season", "series", "part", "round", "division", "tier",
    "call", "called", "calling", "dial", "dialled", "dialed",
})
_STREET_WORDS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive",
                           "dr", "way", "place", "pl", "terrace", "court", "square", "strasse", "straße"})
_CAPITAL_SCALES = {"M": "million", "B": "billion"}  # a scale only before a currency word
_AGE_BEFORE = frozenset({"aged", "age", "ages"})
_VAGUE_ALONE = frozenset({"dozens", "hundreds", "thousands", "millions", "billions"})  # "Thousands braved the cold"
# Nouns an ordinal places in time rather than ranks ("the second half", "the first time").
_PERIOD_NOUNS = frozenset({"half", "quarter", "minute", "second", "hour", "day", "week", "month", "year", "decade",
                           "century", "millennium", "round", "period", "innings", "inning", "leg", "set", "time",
                           "term", "season", "anniversary", "birthday"})
_MARKS = frozenset({'"', "”", "'", "’"})  # inches and feet, unless they close a quotation
_WHOLE_CURRENCIES = frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "EUR", "GBP", "CHF", "MXN", "TRY", "INR", "CNY"})


@dataclass(frozen=True)
class Fact:
    start_char: int
    end_char: int
    sentence: str
    text: str
    value: float
    value_high: float | None
    qualifier: str | None
    bound: str
    kind: str
    unit: str | None
    object: str | None
    predicate: str | None
    count_type: str | None
    attribution: str | None
    change: str | None = None  # 'up' or 'down' when the number is a rise or a fall ("sales rose 6%")
    dimension: str | None = None  # what the unit measures: 'length', 'money', 'time', 'money/count'

    def fact_id(self, doc_id: str) -> str:
        key = f"{doc_id}|{self.start_char}|{self.end_char}|{self.kind}"
        return hashlib.sha256(key.encode()).hexdigest()[:16]


def holds_number(text: str) -> bool:
    return bool(_HAS_NUMBER.search(text))


def sentences_with_numbers(doc: Doc) -> list[Span]:
    """Sentences (from a cheap sentence splitter) that may hold a numeric fact."""
    return [sent for sent in doc.sents if holds_number(sent.text)]


def _is_calendar(token: Token) -> bool:
    """Part of a calendar date or clock time (May 1, 2024; Oct. 7; 7 October; 10:30; 5 p.m.; 1990s).

    Read from the words around the number, so the facts step needs no entity recogniser.
    """
    doc, i, text = token.doc, token.i, token.text
    if _CLOCK.match(text) or _DECADE.match(text):
        return True
    if re.fullmatch(r"[0-2]\d[0-5]\d", text) and i + 1 < len(doc) and doc[i + 1].text in _TIME_ZONES:
        return True  # "0100 GMT": a time of day
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if _YEAR.fullmatch(text):
        return _is_year(doc, i)
    if i > 1 and doc[i - 1].text in ("-", "/") and _YEAR.fullmatch(doc[i - 2].text) and re.fullmatch(r"\d{1,2}", text):
        return True  # "2005-6", "2008-09": a financial or a season's year
    day = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", text, re.I)
    if day and 1 <= int(day.group(1)) <= 31:
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and prev.text == "." and i > 1:
            prev = doc[i - 2]
        if prev is not None and _MONTH_WORD.match(prev.text):
            return True
        if i > 1 and doc[i - 1].text in ("-", "–", "to", "or", "and", "&") and re.fullmatch(r"\d{1,2}", doc[i - 2].text) \
                and _is_calendar(doc[i - 2]):
            return True  # "Dec. 4-10", "May 3 to 7", "May 21 or 22": the last day of a range of days
        after = [t.text for t in doc[i + 1 : i + 5]]
        if after and (_MONTH_WORD.match(after[0]) or after[0].lower() == "of" and len(after) > 1 and _MONTH_WORD.match(after[1])):
            return True
        if len(after) >= 3 and after[0].lower() in ("and", "to", "-", "–") and re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", after[1]) \
                and _MONTH_WORD.match(after[2]):
            return True  # "between 24 and 26 December", "from 14 to 17 February"
        if nxt is not None and nxt.lower_.replace(".", "") in ("am", "pm") and int(day.group(1)) <= 12:
            return True
    return False


_YEAR = re.compile(r"(1[5-9]|20)\d\d")
_TIME_ZONES = frozenset({"GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT", "CST", "CDT", "ET", "PT", "IST",
                         "JST", "AEST", "AEDT", "local"})


# Plural nouns after a year that say what the year saw, not what a number counts.
_LEVELS_OF_A_YEAR = frozenset({"levels", "level", "figures", "highs", "lows", "peaks", "prices", "values", "rates"})


def _is_year(doc: Doc, i: int) -> bool:
    """A four-digit number from 1500 to 2099 is a year unless it counts: a unit or a plural noun
    after it ("1500 people", "The 1520 sq m centre"), or a hedge before it ("an average of 1500")."""
    after = [t.lower_ for t in doc[i + 1 : i + 7]]
    if after[:1] in (["-"], ["–"], ["to"]) and len(after) > 2 and re.fullmatch(r"\d[\d,]*", after[1]) \
            and not _YEAR.fullmatch(after[1]) and int(after[1].replace(",", "")) > int(doc[i].text):
        after = after[2:]  # "2000 - 2500 Calories": the range's unit (not "from 54% in 2018 to 53%")
    if after[:1] and after[0] in _LEVELS_OF_A_YEAR:
        return True  # "slightly above 2019 levels": what the year saw
    before = doc[i - 1].lower_ if i > 0 else ""
    if before in ("year", "fy", "season", "vintage", "class", "model") or before == "the" and after[:1] != ["-"] \
            and i + 1 < len(doc) and doc[i + 1].tag_ == "NNS":
        return True  # "fiscal year 2019", "the 2018 models", "the 2004 Olympics"; "1,500 workers" has its comma
    quoting = after[:1] and after[0] in _MARKS and (_closes_quotation(doc, i + 1) or _opens_quotation(doc, i + 1))
    if after and (match_unit_after(after) is not None and not quoting or doc[i + 1].tag_ == "NNS"
                  or after[0] in COLLECTIVE_NOUNS):
        return False
    if i > 1 and before in ("below", "above", "over", "under", "than") and (doc[i - 2].text in ("%", "percent")
                                                                            or doc[i - 2].like_num):
        return True  # "17% below 2019", "5% higher than 2019": the year compared with
    return _qualifier_before(doc, i)[0] is None or after[:1] == ["'s"]


def _is_numeric(token: Token) -> bool:
    text = token.text
    low = text.lower()
    if is_number_word(low) or is_fraction(text):
        return True
    if low in VAGUE:  # "hundreds of", "dozens of"; "Thousands braved the cold" (not "scored two hundreds": centuries)
        if token.i > 0 and (is_number_word(token.nbor(-1).lower_) or token.nbor(-1).like_num):
            return False
        return token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "of" \
            or low in _VAGUE_ALONE and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
    if low in FRACTION_WORDS:  # "half a million", "half of", "half the world's", "a third of"
        return _is_share(token)
    return split_glued(text) is not None or _glued_range(text) is not None


def _is_share(token: Token) -> bool:
    """A part of a whole: "half a million", "a quarter million", "half of them", "half the world's
    population", "a third of the workforce" (not "the second half", "a first-half goal")."""
    doc, i, low = token.doc, token.i, token.lower_
    following = [t.lower_ for t in doc[i + 1 : i + 3]]
    if following and (following[0] in SCALES or following[:1] == ["a"] and following[1:] and following[1] in SCALES):
        return low in ("half", "quarter", "quarters")
    before = doc[i - 1].lower_ if i > 0 else ""
    if before in ("final", "last", "opening", "closing", "next", "previous"):
        return False  # "the final quarter of the game": a period, as "the third quarter" is
    if ordinal_value(before) is not None or before in ("-", "the", "this", "that", "each", "every") \
            or low not in ("half", "quarter") and before not in ("a", "one"):
        return False  # "the second half", "a third" (only as "a third of")
    return bool(following) and (following[0] == "of" or doc[i + 1].tag_ in ("DT", "PRP$"))


def _glued_range(text: str) -> tuple[float, float, Unit | None, Unit | None] | None:
    """(low, high, currency, unit) of a range written as one token: '1.2bn-$1.5bn', '20kg-30kg'."""
    parts = re.split(r"[-–]", text)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        return None
    low, high = split_glued(parts[0]), split_glued(parts[1])
    if low is None or high is None:
        return None
    if not any(part[0] is not None or part[2] != 1 or part[3] is not None for part in (low, high)):
        return None  # bare numbers: "555-1234" is a phone number, "10-12" the tokenizer splits
    low_value = low[1] * (low[2] if low[2] != 1 else high[2])
    high_value = high[1] * high[2]
    if high_value <= low_value:
        return None
    return low_value, high_value, low[0] or high[0], low[3] or high[3]


def _continues_number(doc: Doc, j: int) -> int:
    """How many tokens from j still belong to the number before them (0 when none)."""
    tok, prev = doc[j], doc[j - 1]
    low = tok.lower_
    prev_low = prev.lower_
    prev_is_digits = split_glued(prev.text) is not None
    if is_number_word(low) and (is_number_word(prev_low) or prev_is_digits and low in SCALES):
        return 1
    if low in DIGIT_SCALES and prev_is_digits:
        return 1
    if tok.text == "-" and prev_is_digits and j + 1 < len(doc) and doc[j + 1].lower_ in WESTERN_SCALES:
        return 2  # "a 13.8-billion-year period"
    if tok.text == "-" and re.fullmatch(r"\d+", prev.text) and j + 1 < len(doc) and FRACTION.fullmatch(doc[j + 1].text):
        return 2  # "1-1/2 years"
    if low in ("and", "-") and (prev_is_digits or is_number_word(prev_low)):
        halves = _span_of(doc, j, ("and", "a", "half"))  # hyphens skipped: "five-and-a-half"
        if halves:
            return halves
    if tok.text == "," and re.fullmatch(r"\d{1,3}", prev.text) and j + 1 < len(doc) \
            and re.fullmatch(r"0\d\d", doc[j + 1].text):
        return 2  # "80, 000": a thousands group no list would start with a zero
    if tok.text in _CAPITAL_SCALES and prev_is_digits and j + 1 < len(doc) \
            and _money_word(doc, j + 1):
        return 1  # "1.8 M dollars"
    if low in SCALES and prev_low in FRACTION_WORDS:
        return 1
    if low == "a" and prev_low in ("half", "quarter") and j + 1 < len(doc) and doc[j + 1].lower_ in (*SCALES, "dozen"):
        return 2  # "half a million", "half a dozen"
    if is_fraction(tok.text) and (prev_is_digits or is_number_word(prev_low)):
        return 1
    if low in FRACTION_WORDS and (is_number_word(prev_low) or low.startswith(("half", "quarter"))) \
            and not (low in ("third", "fourth", "fifth") and prev_low not in ("one", "a")):
        return 1
    if tok.text in ("-", "and") and j + 1 < len(doc) and is_number_word(prev_low):
        nxt = doc[j + 1].lower_
        if tok.text == "-" and (is_number_word(nxt) or nxt in FRACTION_WORDS):
            return 2
        if tok.lower_ == "and" and prev_low in WESTERN_SCALES and is_number_word(nxt):
            return 2
    return 0


def _span_of(doc: Doc, j: int, words: tuple[str, ...]) -> int:
    """How many tokens from j spell `words`, hyphens between them included."""
    k, found = j, 0
    while k < len(doc) and found < len(words):
        if doc[k].text != "-":
            if doc[k].lower_ != words[found]:
                return 0
            found += 1
        k += 1
    return k - j if found == len(words) else 0


def _number_runs(doc: Doc) -> list[tuple[int, int]]:
    """[start, end) token ranges of one number each ('1.5 million', 'Thirty - three', '10 1/2')."""
    runs, i = [], 0
    while i < len(doc):
        tok = doc[i]
        if _is_numeric(tok) and not _is_calendar(tok):
            j = i + 1
            while j < len(doc) and not _is_calendar(doc[j]):
                step = _continues_number(doc, j)
                if not step:
                    break
                j += step
            # "a hundred", "half a million": include the article
            if i > 0 and doc[i - 1].lower_ in ("a", "an") and (doc[i].lower_ in (*SCALES, "dozen")
                                                               or doc[i].lower_ in FRACTION_WORDS):
                i -= 1
            unread = i > 0 and any(c.isdigit() for c in doc[i - 1].text)  # ("K10 billion": a sign not known)
            if not (j == i + 1 and tok.lower_ in SCALES and unread):  # the scale of a number not read is none
                runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _qualifier_before(doc: Doc, start: int) -> tuple[str | None, int]:
    """A hedge phrase right before token `start`, and the index where it begins."""
    for phrase in _QUALIFIER_WORDS:
        words = phrase.split()
        begin = start - len(words)
        if begin >= 0 and [t.lower_ for t in doc[begin:start]] == words:
            if words[0] in ("up", "down") and doc[begin].dep_ == "prt":
                return None, start  # "ticked up to 4.2%": the level reached, not a ceiling
            return doc[begin:start].text, begin
    return None, start


def _run_value(doc: Doc, start: int, end: int) -> tuple[float | None, Unit | None, Unit | None]:
    """(value, currency glued before, unit glued after) of a run of number tokens."""
    words, prefix, suffix = [], None, None
    tokens = [t.text for t in doc[start:end]]
    while "," in tokens[1:-1]:  # "80, 000": one number split by a stray space
        k = tokens.index(",", 1)
        tokens[k - 1 : k + 2] = [tokens[k - 1] + tokens[k + 1]]
    for k, text in enumerate(tokens):
        glued = split_glued(text)
        if glued is not None and not (is_number_word(text.lower()) or is_fraction(text)):
            pre, value, multiplier, post = glued
            prefix = prefix or pre
            suffix = post or suffix
            words.append(repr(value * multiplier) if multiplier != 1 else repr(value))
        else:
            words.append(_CAPITAL_SCALES.get(text, text) if k else text)
    return parse_number(words), prefix, suffix


# Words between a number and a unit of time that leave it a length of time.
_PERIOD_MODIFIERS = frozenset({"consecutive", "straight", "successive", "more", "further", "additional", "full",
                               "whole", "long", "extra", "working", "business", "trading", "calendar"})


def _unit_after(doc: Doc, end: int) -> tuple[Unit | None, int, bool]:
    """(unit, end, is_age) for a unit after the number: '40-day', 'three weeks', '5 km', '4-year-old',
    'barrels of oil a day'."""
    j = end + 1 if end < len(doc) and doc[end].text in ("-", "(", "[", "<") else end
    words = [t.lower_ for t in doc[j : j + 7]]
    if not words:
        return None, end, False
    if words[0] == "yo" or words[:2] == ["-", "old"]:
        return Unit("duration", "year"), j + 1, True
    if len(doc[j].text) == 1 and doc[j].text.isupper() and doc[j].text not in SPACED_CAPITAL_UNITS:
        return None, end, False  # "3 G", "4 K": not grams or kelvins (litres, volts and watts are capitals)
    if words[0] in _MARKS and (_closes_quotation(doc, j) or _opens_quotation(doc, j)):
        return None, end, False  # 'a legal one"' closes a quotation; 'a 10" pen' is ten inches
    found = match_unit_after(words)
    if found is not None and found[0].kind == "money":
        found = currency_in_context(found[0], words[0], doc.text, doc.user_data.get(PAGE_TEXT, "")), found[1]
        # ("200 dinars": which dinar)
    if found is None and words[0] in _PERIOD_MODIFIERS and (later := match_unit_after(words[1:])) is not None \
            and later[0].kind == "duration" and words[1 + later[1] : 2 + later[1]] != ["-"]:  # ("more second-half")
        found = later[0], later[1] + 1  # "six consecutive months", "two more weeks": a length of time
    if found is None and (looks_like_a_unit_symbol(doc[j].text) or names_a_prefixed_unit(doc[j].text)) \
            and (symbol := unit_in_library(doc[j].text)) is not None:
        found = symbol, 1  # "50 Wh", "66 Ma", "19,800 megahertz": a unit the table does not hold
    if found is None:
        return None, end, False
    unit, size = found
    if unit.kind == "money" and not doc[j].is_alpha and j + 1 < len(doc) and _is_numeric(doc[j + 1]) \
            and not _money_word(doc, j + 2):
        return None, end, False  # "1 $ 10": the sign prices the number after it (unless that one has its own)
    rest = [t.lower_ for t in doc[j + size : j + size + 3]]
    if unit.kind == "duration" and (rest[:2] == ["-", "old"] or rest[:1] == ["old"] or rest[:2] == ["of", "age"]):
        stop = j + size + (1 if rest[:1] == ["old"] else 2)
        return unit, stop, True
    if unit.kind == "measure" and "/" not in unit.name and rest[:1] == ["of"]:
        rated = _rate_after_complement(doc, j + size + 1)
        if rated is not None:
            return per(unit, rated[0]), rated[1], False
    return unit, j + size, False


def _closes_quotation(doc: Doc, i: int) -> bool:
    """The quotation mark at i closes one opened before it in the sentence."""
    mark = doc[i].text
    if mark in ("”", "’"):
        return any(t.text in ("“", "‘") for t in doc[:i])
    return sum(t.text == mark for t in doc[:i]) % 2 == 1


def _opens_quotation(doc: Doc, i: int) -> bool:
    """The quotation mark at i opens one: apart from the number before it, glued to the word after
    ('in June 2022 "following difficulties'), where an inch mark is glued to its number."""
    return i > 0 and bool(doc[i - 1].whitespace_) and not doc[i].whitespace_ and i + 1 < len(doc) and doc[i + 1].is_alpha


def _money_word(doc: Doc, i: int) -> bool:
    return i < len(doc) and getattr(SURFACES.get(doc[i].lower_), "kind", None) == "money"


def _rate_after_complement(doc: Doc, i: int) -> tuple[str, int] | None:
    """'[tons of] copper cathode a year': a rate after the few nouns a measure is of, and its end."""
    for k in range(i + 1, min(i + 4, len(doc))):
        if not all(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in doc[i:k]):
            return None
        rate = rate_after([t.lower_ for t in doc[k : k + 4]])
        if rate is not None:
            return rate[0], k + rate[1]
    return None


def _currency_before(doc: Doc, start: int) -> tuple[Unit | None, int]:
    """A currency sign or code before the number ('$', 'C $', 'US$', 'EUR'), and where it starts."""
    if start == 0:
        return None, start
    unit = currency_before(doc[start - 1].text)
    if unit is None:
        return None, start
    if doc[start - 1].text == "$" and start >= 2:
        letters = doc[start - 2]
        code = DOLLAR_PREFIXES.get(letters.lower_)
        # "C$" glued, or "C $" spaced; a spaced "a $" is the article
        if code and (not letters.whitespace_ or letters.lower_ != "a"):
            return Unit("money", code), start - 2
    return unit, start - 1


def _cents_after(doc: Doc, end: int, next_run: tuple[int, int] | None) -> tuple[float, int] | None:
    """'... dollars and forty-five cents', '15 dollars 50': the minor part of a price, and its end."""
    j = end + 1 if end < len(doc) and doc[end].lower_ == "and" else end
    if next_run is None or next_run[0] != j:
        return None
    stop = next_run[1]
    value = parse_number([t.text for t in doc[j:stop]])
    if value is None or not 0 < value < 100 or value != int(value):
        return None
    if stop < len(doc) and doc[stop].lower_ in ("cent", "cents", "¢", "pence"):
        stop += 1
    elif stop < len(doc) and not doc[stop].is_punct:
        return None  # "$4.25 and 32 is the quantity": a second number, not cents
    return value / 100, stop


def _counted_object(doc: Doc, start: int, end: int) -> Token | None:
    """The noun the number counts: the head of a nummod, or the noun after 'of' ('hundreds of X')."""
    for tok in doc[start:end]:
        if tok.dep_ in ("nummod", "amod", "quantmod", "compound") and tok.head.pos_ in ("NOUN", "PROPN") \
                and not (start <= tok.head.i < end):
            return tok.head
        if tok.dep_ == "npadvmod" and tok.head.i == end and tok.head.pos_ == "ADJ":
            k = end  # "1 million curious and excited people": parsed as how curious they are
            while k < min(len(doc), end + 5) and (doc[k].pos_ in ("ADJ", "CCONJ") or doc[k].text == ","):
                k += 1
            if k < len(doc) and doc[k].pos_ == "NOUN":
                return doc[k]
    last = doc[end - 1]
    if end < len(doc) and doc[end].lower_ == "of":
        pobj = [c for c in doc[end].children if c.dep_ == "pobj"]
        if pobj and pobj[0].pos_ != "PRON":  # ("550 of them": named before, not here)
            return pobj[0]
    if last.pos_ in ("NOUN", "PROPN") and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head
    if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") and doc[end].tag_ in ("NNS", "NNPS"):
        return doc[end]
    return None


def _predicate(anchor: Token) -> str | None:
    """Lemma of the verb (or event noun such as 'release of') that governs the counted thing."""
    tok = anchor
    for _ in range(6):
        if tok.pos_ in ("VERB",) and tok is not anchor:
            return tok.lemma_.lower()
        if tok.pos_ == "NOUN" and tok is not anchor and tok.lemma_.lower() in _EVENT_NOUNS:
            return tok.lemma_.lower()
        if tok.head is tok:
            break
        tok = tok.head
    if anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.pos_ in ("VERB", "AUX"):
        return anchor.head.lemma_.lower()
    return None


def _attribution(sent: Doc) -> str | None:
    """'according to X' or the subject of a reporting verb ('Israel says')."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(sent) and sent[tok.i + 1].lower_ == "to":
            pobj = [c for c in sent[tok.i + 1].children if c.dep_ == "pobj"]
            if pobj:
                sub = list(pobj[0].subtree)
                return sent[sub[0].i : sub[-1].i + 1].text
    for tok in sent:
        if tok.lemma_ in ("say", "report", "announce", "estimate", "claim") and tok.pos_ == "VERB":
            subj = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
            if subj:
                sub = list(subj[0].subtree)
                return sent[sub[0].i : tok.i + 1].text
    return None


def _in_number_chain(doc: Doc, start: int, end: int) -> bool:
    """'1111-2222-3333': account, phone or reference numbers joined by hyphens."""
    def linked(i: int, step: int) -> bool:
        j = i + step
        return 0 <= j < len(doc) and doc[j].text in ("-", "/") and 0 <= j + step < len(doc) and doc[j + step].like_num
    return (linked(start, -1) and linked(end - 1, 1)) or (linked(end - 1, 1) and linked(end + 1, 1)) \
        or (linked(start, -1) and linked(start - 2, -1))


def _change(doc: Doc, start: int, predicate: str | None) -> str | None:
    """'up' or 'down' when the number (its span starting at `start`, hedge and sign included)
    measures a rise or a fall; not the level it rose to or fell from ('fell 3% to $12')."""
    if start > 0 and doc[start - 1].lower_ in ("to", "from", "at", "of", "than", "with"):
        return None
    before = doc[max(0, start - 2) : start]
    words = {predicate} | {t.lower_ for t in before} | {t.lemma_.lower() for t in before}
    if words & _UP:
        return "up"
    if words & _DOWN:
        return "down"
    return None


def _is_identifier(doc: Doc, start: int, end: int) -> bool:
    """'No. 1', 'exit 436', a list marker '2 )': a number that names or orders, not one that counts."""
    before = doc[start - 1].lower_ if start > 0 else ""
    if before == "." and start > 1:
        before = doc[start - 2].lower_ + "."  # "no. 1" split as "no", "."
    if before in ("°", "º") and start > 1 and doc[start - 2].lower_ == "n":
        before = "no"  # "Compartment n° 6", "nº 5": the number sign
    if before in _IDENTIFIER_WORDS or _in_number_chain(doc, start, end):
        return True
    measured = end < len(doc) and match_unit_after([t.lower_ for t in doc[end : end + 3]]) is not None
    if before == "top" and not measured:
        return True  # "the top 10 gadgets": a rank (but "the top 1% of earners" is a share)
    if before in _IDENTIFIER_WORDS_UNLESS_COUNTED and not _names_what_is_counted(doc, end):
        return True
    after = doc[end].text if end < len(doc) else ""
    if after == ")" and (start == 0 or doc[start - 1].text in (";", ":", ",", "(", "-", "--")):
        return True
    return _is_street_number(doc, start, end) or _is_postal_code(doc, start, end) or _in_digit_groups(doc, start, end)


def _in_digit_groups(doc: Doc, start: int, end: int) -> bool:
    """'1800 333 000', '0800 555 0199': a number written in groups of digits side by side, as
    telephone numbers are (three groups or more, or two with a leading zero), not a quantity."""
    def digits(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text.isdigit()

    if end - start != 1 or not digits(start):
        return False
    first = last = start
    while digits(first - 1) and doc[first - 1].whitespace_:
        first -= 1
    while digits(last + 1) and doc[last].whitespace_:
        last += 1
    groups = [doc[i].text for i in range(first, last + 1)]
    return len(groups) >= 3 or len(groups) == 2 and any(g.startswith("0") for g in groups)


def _is_street_number(doc: Doc, start: int, end: int) -> bool:
    """'123 Random Street', '10 Downing St': a house number before a capitalised street name."""
    if end - start != 1 or not doc[start].text.isdigit():
        return False
    for tok in doc[end : end + 4]:
        if tok.lower_.rstrip(".") in _STREET_WORDS and tok.i > end:
            return True
        if not (tok.is_title or ordinal_value(tok.text) is not None):  # "11 West 42nd Street"
            return False
    return False


def _is_postal_code(doc: Doc, start: int, end: int) -> bool:
    """'PA 23456', 'NY 10001-1234': a ZIP code after a two-letter state code."""
    return start > 0 and re.fullmatch(r"[A-Z]{2}", doc[start - 1].text) is not None \
        and re.fullmatch(r"\d{5}(-\d{4})?", doc[start].text) is not None


def _range_end(doc: Doc, start: int, end: int, value: float, nxt: tuple[int, int] | None,
               beyond: tuple[int, int] | None = None):
    """(low, high, end) of 'between 30 and 40', '30 to 40', '30-40', '75 -300mm', 'between 5% and
    6%' (a unit on both ends), 'US $89 to $93 billion' and '1 to 2 thousand' (the scale of the
    second end is the first's too). Not 'rose $1.64 to $47.10' or 'increase from 350 to 400': a
    change and the level it reached."""
    if nxt is None:
        return None
    gap = _same_unit_between(doc, end, nxt)  # "5% and 6%"
    gap = past_parentheses(doc, end + gap) - end  # "between $30,000 (£16,000) and $50,000"
    if nxt[0] < end + gap:  # the next number is the equivalent in parentheses: the range goes on after it
        nxt = beyond
        if nxt is None:
            return None
    connector = doc[end + gap].lower_ if end + gap < len(doc) else ""
    sign_start = _currency_before(doc, start)[1]  # "between $30 and $40"
    before = doc[sign_start - 1].lower_ if sign_start > 0 else ""
    if nxt[0] in (end + gap + 1, end + gap + 2) and connector in ("and", "to", "-", "–", "—") \
            and (nxt[0] == end + gap + 1 or currency_before(doc[end + gap + 1].text) is not None):  # "$30 to $40"
        if connector == "and" and before != "between" or connector == "to" and _changes_to_a_level(doc, sign_start):
            return None
        high, _, _ = _run_value(doc, nxt[0], nxt[1])
    elif nxt[0] == end and doc[end].text.startswith(("-", "–")):
        high, _, _ = _run_value(doc, nxt[0], nxt[1])
        high = -high if high is not None and high < 0 else high
    else:
        return None
    scale = _scale_word_value(doc[nxt[1] - 1].lower_) if nxt[1] - nxt[0] > 1 else None
    if scale and high is not None and _scale_word_value(doc[end - 1].lower_) is None and value * scale <= high:
        value *= scale  # "$89 to $93 billion": billions both
    if high is None or high <= value:
        return None
    chained = nxt[1] + 1 < len(doc) and doc[nxt[1]].text in ("-", "–") and doc[nxt[1] + 1].like_num
    if connector != "and" and (high > 50 * max(value, 1) or chained):
        return None  # an identifier or phone number, not a range
    return value, high, nxt[1]


def _scale_word_value(word: str) -> float | None:
    return SCALES.get(word) or DIGIT_SCALES.get(word)


def _same_unit_between(doc: Doc, end: int, nxt: tuple[int, int]) -> int:
    """How many tokens after the first end of a range are a unit the second end repeats ("5% and 6%")."""
    found = match_unit_after([t.lower_ for t in doc[end : end + 3]])
    if found is None or found[0].kind == "money":
        return 0
    again = match_unit_after([t.lower_ for t in doc[nxt[1] : nxt[1] + 3]])
    return found[1] if again is not None and again[0] == found[0] else 0


def _changes_to_a_level(doc: Doc, start: int) -> bool:
    """'rose $1.64 to $47.10', 'increase the number from 350 to 400': a rise or fall before the
    number, so 'X to Y' is a change (or a level) and the level reached, not a range."""
    words = doc[max(0, start - 8) : start]
    changed = any(t.lemma_.lower() in _UP | _DOWN for t in words if t.pos_ in ("VERB", "NOUN", "ADV", "ADP"))
    return changed and (start == 0 or doc[start - 1].lower_ in ("from", "by", *(t.lower_ for t in words[-1:]
                                                                             if t.lemma_.lower() in _UP | _DOWN)))


@dataclass
class _Reading:
    """One number run of a sentence while it is read: what it says so far, and the tokens it spans."""

    start: int  # the run of number tokens [start, end)
    end: int
    value: float | None
    glued_currency: Unit | None = None  # "$5" written as one token
    glued_unit: Unit | None = None  # "10km"
    value_high: float | None = None
    bound: str | None = None
    ranged: bool = False  # the run itself is a range ("1.2bn-$1.5bn", "dozens")
    qualifier: str | None = None
    span_start: int = 0  # the fact's tokens [span_start, span_end), qualifier and unit included
    span_end: int = 0
    range_end: int = 0  # after the range's second number, if any
    unit: Unit | None = None
    unit_end: int = 0
    is_age: bool = False
    currency: Unit | None = None
    ratio: bool = False  # "one in five"

    def scale(self, factor: float) -> None:
        self.value *= factor
        if self.value_high is not None:
            self.value_high *= factor


def _number_at(sent: Doc, start: int, end: int) -> _Reading | None:
    """The value of a run ("34,535", "dozens", "1.2bn-$1.5bn") and the qualifier before it."""
    value, glued_currency, glued_unit = _run_value(sent, start, end)
    qualifier, span_start = _qualifier_before(sent, start)
    r = _Reading(start, end, value, glued_currency, glued_unit, qualifier=qualifier, span_start=span_start,
                 range_end=end)
    lowered = [t.lower_ for t in sent[start:end]]
    if r.value is None and len(lowered) == 1 and lowered[0] in VAGUE:
        r.value, r.value_high = VAGUE[lowered[0]]
        r.bound, r.ranged = "range", True
        r.qualifier = r.qualifier or f"{sent[start].text} of"
    multiple = _vague_multiple_before(sent, start) if len(lowered) == 1 and lowered[0] in WESTERN_SCALES else None
    if multiple is not None:  # "several thousand", "a few hundred"
        low, high = VAGUE_MULTIPLES[multiple[0]]
        scale = WESTERN_SCALES[lowered[0]]
        r.value, r.value_high, r.bound, r.ranged = low * scale, (high + 1) * scale - 1, "range", True
        r.qualifier, r.span_start = sent[multiple[1] : start].text, multiple[1]
    glued_range = _glued_range(sent[start].text) if r.value is None and end - start == 1 else None
    if glued_range is not None:  # "1.2bn-$1.5bn"
        r.value, r.value_high, r.glued_currency, r.glued_unit = glued_range
        r.bound, r.ranged = "range", True
    return r if r.value is not None else None


def _vague_multiple_before(sent: Doc, start: int) -> tuple[str, int] | None:
    """'several' or 'a few' right before a scale word, and where it begins."""
    for words in VAGUE_MULTIPLES:
        size = len(words.split())
        if start >= size and " ".join(t.lower_ for t in sent[start - size : start]) == words:
            return words, start - size
    return None


def _read_vague_compound(sent: Doc, r: _Reading, nxt: tuple[int, int] | None) -> int | None:
    """'tens of thousands', 'hundreds of millions': one vague amount; returns where its second word is."""
    if not r.ranged or r.end - r.start != 1 or sent[r.start].lower_ not in VAGUE or nxt != (r.end + 1, r.end + 2) \
            or sent[r.end].lower_ != "of" or sent[nxt[0]].lower_ not in VAGUE:
        return None
    r.value, r.value_high = vague_times(sent[r.start].lower_, sent[nxt[0]].lower_)
    r.range_end = nxt[1]
    r.qualifier = f"{sent[r.start : nxt[1]].text} of"
    return nxt[0]


def _read_ratio(sent: Doc, r: _Reading, nxt: tuple[int, int] | None) -> int | None:
    """'one in five children', 'two out of three': a share; returns where its second number is."""
    gap = 2 if r.end + 1 < len(sent) and [t.lower_ for t in sent[r.end : r.end + 2]] == ["out", "of"] else 1
    if nxt is None or r.value_high is not None or nxt[0] != r.end + gap or sent[r.end].lower_ not in ("in", "out"):
        return None
    whole, _, _ = _run_value(sent, nxt[0], nxt[1])
    if whole is None or whole != int(whole) or r.value != int(r.value) or not 0 < r.value < whole <= 1000:
        return None
    r.value, r.range_end, r.ratio = r.value / whole, nxt[1], True
    return nxt[0]


def _read_range(sent: Doc, r: _Reading, nxt: tuple[int, int] | None, beyond: tuple[int, int] | None) -> int | None:
    """The second number of a range ("between 30 and 40", "30-40"); returns where its run starts."""
    found = _range_end(sent, r.start, r.end, r.value, nxt, beyond) if not r.ranged else None
    if not found:
        return None
    r.value, r.value_high, r.range_end = found
    nxt = nxt if nxt[1] == r.range_end else beyond
    r.bound = "range"
    opening = _currency_before(sent, r.start)[1] - 1
    if opening >= 0 and sent[opening].lower_ in ("between", "from"):
        r.qualifier, r.span_start = sent[opening].text, opening
    return nxt[0]


def _read_unit(sent: Doc, r: _Reading) -> None:
    """The unit after the number ("3 metres", "10km/hr", "5kg a week", "millions of dollars")."""
    r.unit, r.unit_end, r.is_age = _unit_after(sent, r.range_end)
    if r.unit is None and sent[r.start].lower_ in ("half", "quarter") and r.range_end < len(sent) \
            and sent[r.range_end].lower_ in ("a", "an"):
        unit, unit_end, _ = _unit_after(sent, r.range_end + 1)
        if unit is not None and unit.kind in ("duration", "measure", "percent"):  # "half an hour", "half a mile",
            # "half a percentage point"
            r.unit, r.unit_end = unit, unit_end
    if r.unit is None and r.ranged and r.range_end < len(sent) and sent[r.range_end].lower_ == "of":
        unit, unit_end, _ = _unit_after(sent, r.range_end + 1)
        if unit is not None and unit.kind in ("money", "measure", "duration"):  # "tens of millions of dollars"
            r.unit, r.unit_end = unit, unit_end
    if _is_millions_of_things(sent, r):
        r.unit, r.glued_unit, r.unit_end = None, None, r.range_end + (r.unit is not None)
        r.scale(1e6)  # "39m cases": 39 million of them, not metres
    if r.unit is None and r.glued_unit is not None:
        r.unit = r.glued_unit
        rate = rate_after([t.lower_ for t in sent[r.range_end : r.range_end + 5]])
        if rate is not None:
            r.unit, r.unit_end = per(r.unit, rate[0]), r.range_end + rate[1]


def _is_millions_of_things(sent: Doc, r: _Reading) -> bool:
    """'39m cases', '39 m cases' glued or split by the tokenizer: an 'm' right after the digits,
    before a plural noun, is a million (a length is followed by what it measures, not things)."""
    glued = r.unit is None and r.glued_unit == SURFACES["m"]
    split = r.unit == SURFACES["m"] and r.range_end < len(sent) and sent[r.range_end].text == "m" \
        and not sent[r.range_end - 1].whitespace_
    after = r.range_end + (1 if split else 0)
    return (glued or split) and after < len(sent) and sent[after].tag_ == "NNS" and sent[after].lower_ not in EVENT_NOUNS


def _read_currency(sent: Doc, r: _Reading, covered: int) -> None:
    """A currency before the number ("$", "MAUD 60", "more than $5 million") makes it money."""
    currency, currency_start = _currency_before(sent, r.start)
    if currency is not None and currency_start < covered:
        currency = None  # "10 rmb 20 usd": the code belongs to the number before
    scaled_prefix = scaled_currency(sent[r.start - 1].text) if r.start > covered else None
    if currency is None and scaled_prefix is not None:  # "MAUD 60"
        currency, currency_start = scaled_prefix[0], r.start - 1
        r.scale(scaled_prefix[1])
    currency = currency or r.glued_currency
    if currency is not None and currency.name == "shilling":  # "Sh52 billion": the shilling of the country
        currency = currency_in_context(currency, currency.name, sent.text, sent.user_data.get(PAGE_TEXT, ""))
        # the sentence or its page names
    if currency is not None and r.unit == SURFACES["m"]:
        r.unit = None  # "£ 50m": millions of pounds, not metres
        r.scale(1e6)
    if currency is not None:
        if r.unit is not None and r.unit.kind == "money" and r.unit.name.split("/")[0] != currency.name:
            r.unit_end = r.range_end  # "rmb 10 usd 20": the code after prices the next number
        r.unit, r.span_start = currency, min(r.span_start, currency_start)
        if r.qualifier is None:  # "more than $5 million"
            r.qualifier, r.span_start = _qualifier_before(sent, r.span_start)
        rate = rate_after([t.lower_ for t in sent[r.range_end : r.range_end + 5]]) if r.unit_end == r.range_end else None
        if rate is not None:
            r.unit, r.unit_end = per(r.unit, rate[0]), r.range_end + rate[1]
    r.currency = currency
    if r.start > 0 and sent[r.start - 1].lower_ in _AGE_BEFORE:
        r.unit, r.is_age = Unit("duration", "year"), True


def _read_scale_after(sent: Doc, r: _Reading) -> None:
    """A scale after a priced number ("30 MUSD", "75 USD million", "£50m"); "361 million pounds" is money."""
    r.span_end = max(r.range_end, r.unit_end)
    scaled = scaled_currency(sent[r.range_end].text) if r.range_end < len(sent) else None
    if scaled is not None:  # "30 MUSD"
        r.unit, r.span_end = scaled[0], r.range_end + 1
        r.scale(scaled[1])
    elif r.unit is not None and r.unit.kind == "money" and r.span_end < len(sent) and (
            sent[r.span_end].lower_ in SCALES or r.currency is not None and not sent[r.span_end - 1].whitespace_
            and sent[r.span_end].lower_.rstrip(".") in MULTIPLIERS):
        word = sent[r.span_end].lower_  # "75 USD million", "£50m"
        r.scale(MULTIPLIERS[word.rstrip(".")])
        r.span_end += 1
    if r.unit is not None and r.unit.name == "lb" and sent[r.range_end - 1].lower_ in WESTERN_SCALES:
        r.unit = Unit("money", "GBP")  # "361 million pounds" is money, not weight


def _read_cents(sent: Doc, r: _Reading, nxt: tuple[int, int] | None) -> int | None:
    """Cents after whole dollars ("$5 and 20 cents") join them; returns where their run starts."""
    if r.unit is not None and r.unit.kind == "money" and r.unit.name in _WHOLE_CURRENCIES and r.value_high is None \
            and r.value == int(r.value) and (r.currency is None or sent[r.span_end - 1].is_alpha):
        cents = _cents_after(sent, r.span_end, nxt)
        if cents is not None:
            r.value += cents[0]
            r.span_end = cents[1]
            return nxt[0]
    return None


def _read_age(sent: Doc, r: _Reading) -> None:
    """An age after a name ("Michael Ferguson, 36, escaped") or after "the age of" ("died at the age of 80")."""
    if r.unit is not None or r.end - r.start != 1 or r.value != int(r.value) or not 1 <= r.value <= 120:
        return
    before = [t.lower_ for t in sent[max(0, r.start - 2) : r.start]]
    after = sent[r.end].text if r.end < len(sent) else ""
    name = sent[r.start - 2] if r.start >= 2 else None
    after_name = name is not None and before[-1] == "," and (name.pos_ == "PROPN" or name.tag_ == "NNP") \
        and (after in (",", ")", ";") or after in (".", "!") and r.end == len(sent) - 1)  # ("striker Gyokeres, 26.")
    if after_name or before == ["age", "of"] or _is_age_stated(sent, r):
        r.unit, r.is_age = Unit("duration", "year"), True


def _read_qualifier_after(sent: Doc, r: _Reading) -> None:
    """A hedge after the amount, right after it or after the noun it counts: "300 yards or more",
    "50 people or fewer", "five or more people"."""
    if r.bound is not None or r.qualifier is not None:
        return
    at = r.span_end
    for i in (at, at + 1):
        phrase = " ".join(t.lower_ for t in sent[i : i + 2])
        if phrase in QUALIFIERS_AFTER and (i == at or sent[at].pos_ in ("NOUN", "PROPN")):
            r.qualifier, r.bound = sent[i : i + 2].text, QUALIFIERS_AFTER[phrase]
            return


# Words after which "at N" is the age something happened at ("died at 86", "dead at 86").
_AGE_EVENTS = frozenset({"die", "dead", "death", "retire", "retired", "retirement", "away"})  # ("passed away at 90")
_PERSONAL = frozenset({"he", "she"})


def _is_age_stated(sent: Doc, r: _Reading) -> bool:
    """'He was 90.', 'she is 34', 'died at 86': a bare number said of a person, nothing counted after it."""
    tok = sent[r.start]
    if not tok.text.isdigit():
        return False  # news writes ages in digits ("He was the only one among them" is no age)
    after = sent[r.end] if r.end < len(sent) else None
    if after is not None and not (after.is_punct or after.pos_ in ("ADP", "CCONJ", "SCONJ")):
        return False
    before = sent[r.start - 1] if r.start > 0 else None
    if before is not None and before.lower_ == "at" and r.start > 1:
        return sent[r.start - 2].lemma_.lower() in _AGE_EVENTS  # "died at 86", "dead at 86"
    if tok.dep_ not in ("attr", "acomp") or tok.head.lemma_ != "be":
        return False
    subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and (subjects[0].lower_ in _PERSONAL or subjects[0].ent_type_ == "PERSON")


def _names_what_is_counted(sent: Doc, i: int) -> bool:
    """The tokens from i name a unit or a plural noun: what the number before them counts."""
    if i >= len(sent):
        return False
    return match_unit_after([t.lower_ for t in sent[i : i + 4]]) is not None or sent[i].tag_ in ("NNS", "NNPS")


def _states_no_quantity(sent: Doc, r: _Reading) -> bool:
    """The pronoun "one", a number inside a name, or a period that frames another fact."""
    if r.value == 0 and r.unit is None and r.currency is None and r.value_high is None:
        return True  # "from zero to 60 mph", "zero tolerance": nothing counted
    if (r.unit is None and sent[r.start].is_digit or r.unit is not None and r.unit.name in ("m", "km", "yard", "mile")) \
            and names_an_event(sent, r.start, r.span_end):  # ("the 100 and 200 metres", not "three sprint finishes")
        return True
    if r.unit is None and is_anaphoric(sent, r.start, r.end):
        return True
    if r.unit is not None and r.unit.kind == "duration" and "/" in r.unit.name:
        top, bottom = r.unit.name.split("/", 1)  # "24 hours a day", "365 days a year": always, not an amount
        whole = in_smaller_unit(1, bottom, top)
        return whole is not None and abs(whole - r.value) < 0.02 * whole
    if r.unit is not None and r.unit.name in ("mph", "km/h") and is_acceleration_benchmark(sent, r.start):
        return True
    if r.unit is None and frames_a_window(sent, r.start, r.end):
        return True  # "in his last two games": the games a statement is about, not a count stated
    if r.unit is not None and r.unit.kind == "duration" and is_some_time(sent, r.start, r.end):
        return True  # "one day very soon": some day
    named = r.currency is None and not r.ratio and (r.unit is None or sent[r.start].is_alpha) \
        and names_something(sent, r.start, r.end, lambda i: _names_what_is_counted(sent, i))
    if named or r.unit is None and r.currency is None and not r.ratio and is_pronoun_one(sent, r.start, r.end):
        return True  # (a number word in a name whatever follows it: "the Three Mile Island plant")
    compound = r.range_end < len(sent) and sent[r.range_end].text in ("-", "–")  # "a three-month ban"
    if r.unit is not None and r.unit.kind == "duration" and compound and names_a_tenor(sent, r.span_end):
        return True  # "10-year notes", "three-month aluminum"
    return r.unit is not None and r.unit.kind == "duration" and not r.is_age \
        and frames_another_fact(sent, r.span_start, r.span_end, compound)


def _read_smaller_part(sent: Doc, r: _Reading, nxt: tuple[int, int] | None) -> int | None:
    """'two hours 15 minutes', '6ft 4in', '5lb 3oz': one measure in its smaller unit; returns where
    the second number is."""
    if nxt is None or nxt[0] != r.span_end or r.unit is None or r.unit.kind not in ("duration", "measure") \
            or r.value_high is not None or "/" in r.unit.name:
        return None
    value, _, glued = _run_value(sent, nxt[0], nxt[1])
    unit, unit_end, _ = _unit_after(sent, nxt[1])
    if glued is None and unit is None and r.unit.name == "foot" and nxt[1] < len(sent) and sent[nxt[1]].lower_ == "in":
        unit, unit_end = SURFACES["inch"], nxt[1] + 1  # "6ft 4in": feet and inches
    unit = unit or glued
    if value is None or unit is None or unit.kind != r.unit.kind:
        return None
    larger = in_smaller_unit(r.value, r.unit.name, unit.name)
    if larger is None:
        return None
    r.value, r.unit = larger + value, unit
    r.span_end = r.unit_end = max(unit_end, nxt[1])
    return nxt[0]


def _counted_per(sent: Doc, obj_tok: Token | None, r: _Reading) -> str | None:
    """'1,000 alarms per shift', 'one MP every night': the rate a count is given at (its unit is then
    'alarm/shift')."""
    if obj_tok is None or obj_tok.i < r.range_end:
        return None
    rate = rate_after([t.lower_ for t in sent[obj_tok.i + 1 : obj_tok.i + 5]])
    return rate[0] if rate is not None else None


def _what_is_counted(sent: Doc, r: _Reading) -> tuple[str, str | None, str | None, str | None]:
    """The fact's kind, the lemma of the thing it counts or measures (if any), the verb it goes with,
    and "up" or "down" when it is the size of a change a noun names ("a 5% rise in sales")."""
    kind = "age" if r.is_age else (r.unit.kind if r.unit is not None else "count")
    obj_tok = measured_object(sent, r.span_start, max(r.span_end, r.unit_end), kind)
    if obj_tok is None and kind == "count":
        obj_tok = _counted_object(sent, r.start, r.range_end)
    if obj_tok is not None and obj_tok.lower_ in ("time", "times"):
        return kind, None, None, None  # "five times" is how often, not things counted (nor carried on)
    if obj_tok is not None and any(c.isdigit() for c in obj_tok.text):
        obj_tok = None  # "L-202" is a code
    changed = None if obj_tok is None or kind == "count" else changed_thing(obj_tok, r.span_start,
                                                                             max(r.span_end, r.unit_end))
    if changed is not None:
        obj_tok = changed[0]
    obj = lemma_of(obj_tok) if obj_tok is not None else None
    return kind, obj, _predicate(obj_tok if obj_tok is not None else sent[r.start]), changed and changed[1]


def _as_written(sent: Doc, r: _Reading, value: float | None) -> float | None:
    """A part of a whole to four decimals, as the guide writes it ("two-thirds" -> 0.6667); a
    number stated in digits stays as stated, less the binary noise of its scale ("4.1 million" is
    4,100,000, not 4,099,999.9999999995: twelve significant digits are kept)."""
    if value is None:
        return None
    parts = r.ratio or any(t.lower_ in FRACTION_WORDS or is_fraction(t.text) for t in sent[r.start : r.range_end])
    return round(value, 4) if parts else float(f"{value:.12g}")


def _as_fact(sent: Doc, r: _Reading, offset: int, attribution: str) -> Fact:
    kind, obj, predicate, change = _what_is_counted(sent, r)
    unit, dimension = canonical_unit(r.unit.name, r.unit.kind) if r.unit is not None else (None, None)
    per_what = _counted_per(sent, measured_object(sent, r.span_start, r.span_end, kind), r) if kind == "count" else None
    if per_what and obj:
        rate, rate_dimension = canonical_unit(per_what, "duration" if per_what in TIME_NAMES else "measure")
        unit, dimension = f"{obj}/{rate}", f"count/{rate_dimension or 'count'}"
    end = r.span_end
    if kind == "count" and unit is None and end < len(sent) and sent[end].lemma_.lower() == "point" \
            and index_that_moved(sent, r.span_start, end) is not None:
        kind, unit, end = "measure", "point", end + 1  # "the Dow fell 300 points": an index's points
    last = sent[end - 1]
    return Fact(
        start_char=offset + sent[r.span_start].idx,
        end_char=offset + last.idx + len(last.text),
        sentence=sent.text,
        text=sent[r.span_start:end].text,
        value=float(_as_written(sent, r, r.value)),
        value_high=float(_as_written(sent, r, r.value_high)) if r.value_high is not None else None,
        qualifier=r.qualifier,
        bound=r.bound or (QUALIFIERS.get(r.qualifier.lower(), "=") if r.qualifier else "="),
        kind=kind,
        unit=unit,
        object=obj,
        predicate=predicate,
        count_type=COUNT_TYPES.get(predicate) if predicate and kind == "count" else None,
        attribution=attribution or None,
        change=change or _change(sent, r.span_start, predicate),
        dimension=dimension,
    )


def extract_facts(sent: Doc, offset: int = 0) -> list[Fact]:
    """Facts in one parsed sentence; offsets are shifted by `offset` (where the sentence starts).
    Each run of number tokens is read in steps: its value, a range, a unit, a currency, a scale
    after it, cents, then what it counts."""
    if _PHONE.search(sent.text) and re.search(r"\b(call|phone|tel|fax)\b", sent.text, re.I):
        return []
    if sent.text.count("|") >= 3:
        return []  # the cells of a table ("| 1 | Kyle Busch | 5040 |"): numbers without a sentence to say what they are
    runs = _number_runs(sent)
    facts: list[Fact] = []
    attribution: str | None = None
    used: set[int] = set()  # runs read as part of a fact before them (a range's second number, cents)
    covered = 0  # tokens before this belong to a fact already read ("64.2 cents a dozen")
    for k, (start, end) in enumerate(runs):
        equivalent = start < covered and _in_parentheses(sent, start, end)  # "between $30,000 (£16,000) and ..."
        if start in used or start < covered and not equivalent or _is_identifier(sent, start, end):
            continue
        if start == 0 and end < len(sent) and sent[end].text in (".", ")", "]") and len(sent) > 3:
            continue  # a list marker opening the sentence
        nxt = runs[k + 1] if k + 1 < len(runs) else None
        counted_after = lambda i: _names_what_is_counted(sent, i)  # noqa: E731
        if is_scoreline(sent, start, end, counted_after) or is_bowling_figures(sent, start, end, counted_after) \
                or is_a_record(sent, start, end) or is_stoppage_time(sent, start, end):
            used.add(start + 2)  # the other side of the result
            continue
        if states_no_quantity(sent, start, end, counted_after):
            continue
        after_par = score_against_par(sent, start, end)
        if after_par is not None:
            used.add(after_par)
            continue
        reading = _number_at(sent, start, end)
        if reading is None:
            continue
        taken = [_read_vague_compound(sent, reading, nxt), _read_ratio(sent, reading, nxt)]
        beyond = runs[k + 2] if k + 2 < len(runs) else None
        taken.append(_read_range(sent, reading, nxt, beyond) if taken == [None, None] else None)
        _read_unit(sent, reading)
        _read_currency(sent, reading, 0 if equivalent else covered)
        _read_scale_after(sent, reading)
        _read_age(sent, reading)
        _read_qualifier_after(sent, reading)
        taken.append(_read_cents(sent, reading, nxt))
        taken.append(_read_smaller_part(sent, reading, nxt))
        used.update(t for t in taken if t is not None)
        covered = reading.span_end
        if _states_no_quantity(sent, reading):
            continue
        if attribution is None:
            attribution = _attribution(sent) or ""
        facts.append(_as_fact(sent, reading, offset, attribution))
    facts = carry_measured_objects(sent.text, offset, _equivalents_share_their_bound(sent.text, offset, facts))
    facts = listed_counts_share_their_noun(sent.text, offset, facts)
    facts.extend(_ordinal_facts(sent, offset))
    return sorted(facts, key=lambda f: f.start_char)


def _in_parentheses(sent: Doc, start: int, end: int) -> bool:
    """'(£16,000)': an amount between parentheses, its sign included."""
    opening = start - 1 if start > 0 and currency_before(sent[start - 1].text) is None else start - 2
    return opening >= 0 and sent[opening].text == "(" and end < len(sent) and sent[end].text == ")"


def _equivalents_share_their_bound(text: str, offset: int, facts: list[Fact]) -> list[Fact]:
    """'more than US$370m (£196m)': an amount in parentheses right after another is the same amount
    in another currency (or unit), so it is hedged as that one is and measures the same thing;
    'between $30,000 (£16,000) and $50,000 (£27,000)': the two in parentheses are the same range in
    pounds."""
    out = sorted(facts, key=lambda f: f.start_char)
    k = 1
    while k < len(out):
        first, second = out[k - 1], out[k]
        between = text[first.end_char - offset : second.start_char - offset].strip()
        closes = text[second.end_char - offset : second.end_char - offset + 1] == ")"
        if first.kind == second.kind and first.kind in ("money", "measure") and closes and second.qualifier is None \
                and between == "(":
            out[k] = replace(second, bound=first.bound, qualifier=first.qualifier, object=second.object or first.object)
            out[k - 1] = replace(first, object=first.object or second.object)  # "a 40-metre (130-foot) long dinosaur"
        elif first.kind == second.kind and between in ("and", "or", ",") and first.object is None and second.object:
            out[k - 1] = replace(first, object=second.object)  # "71 kWh and 95 kWh of battery capacity"
        inside = first.start_char <= second.start_char < first.end_char and first.bound == "range"
        if first.kind == second.kind == "money" and inside and k + 1 < len(out):
            third = out[k + 1]
            if text[first.end_char - offset : third.start_char - offset].strip() == "(" and third.unit == second.unit \
                    and third.value > second.value:
                out[k] = replace(second, value_high=third.value, bound="range", qualifier=first.qualifier,
                                 end_char=third.end_char, text=text[second.start_char - offset : third.end_char - offset])
                del out[k + 1]
        k += 1
    return out


def _ordinal_facts(sent: Doc, offset: int) -> list[Fact]:
    """'seventh trip', 'ninth visit': ordinals with the noun they rank."""
    facts = []
    for tok in sent:
        value = ordinal_value(tok.text)
        if value is None or _is_calendar(tok) or tok.pos_ == "PROPN" and tok.text[:1].isupper():
            continue  # (an ordinal the parser reads as part of a name: "First Solar", "the Second World War")
        head = tok.head if tok.head.pos_ in ("NOUN", "PROPN") and tok.head is not tok else None
        if head is None or (tok.i > 0 and (is_number_word(sent[tok.i - 1].lower_) or sent[tok.i - 1].like_num)):
            continue  # "second" as a time unit or adverb, or the denominator of "one-third"
        if head.lemma_.lower() in _PERIOD_NOUNS:
            continue  # "the second half", "the 52nd minute", "the 21st century": when, not how many
        facts.append(Fact(
            start_char=offset + tok.idx, end_char=offset + tok.idx + len(tok.text), sentence=sent.text,
            text=tok.text, value=float(value), value_high=None, qualifier=None, bound="=", kind="ordinal",
            unit=None, object=head.text, predicate=None, count_type=None, attribution=None,
        ))
    return facts


def iter_facts_for_texts(splitter: Language, parser: Language, texts: list[str], n_process: int = 1
                         ) -> Iterator[list[Fact]]:
    """Facts of each text, in order, each as soon as its sentences are parsed: split sentences
    cheaply, parse only those that hold a number."""
    todo: list[tuple[int, str]] = []
    n_sentences = [0] * len(texts)
    page_words: list[frozenset[str]] = [frozenset()] * len(texts)
    for n, split in enumerate(splitter.pipe(texts, batch_size=32)):
        numbered = sentences_with_numbers(split)
        n_sentences[n] = len(numbered)
        if numbered:
            page_words[n] = frozenset(t.lower_ for t in split if t.is_alpha or "-" in t.text and not t.is_punct)
        todo.extend((sent.start_char, sent.text) for sent in numbered)
    parsed = zip(todo, parser.pipe((text for _, text in todo), batch_size=64, n_process=n_process))
    for count, words, text in zip(n_sentences, page_words, texts):
        text_facts: list[Fact] = []
        for (offset, _), sent in islice(parsed, count):
            sent.user_data[PAGE_WORDS] = words  # (what sport a page is about is read off the whole page,
            sent.user_data[PAGE_TEXT] = text  # and whose shilling it prices in)
            text_facts.extend(extract_facts(sent, offset))
        yield carry_counted_objects(text_facts)


def facts_for_texts(splitter: Language, parser: Language, texts: list[str], n_process: int = 1) -> list[list[Fact]]:
    return list(iter_facts_for_texts(splitter, parser, texts, n_process))


MAX_WORDS_TO_A_CHANGE = 2  # "$2.1bn, up 5%": the percent right after an amount is its change (or its share)
MAX_WORDS_BETWEEN_LISTED = 10  # "26% of transactions in March, down from 32%": one list; farther apart, two statements


def carry_measured_objects(text: str, offset: int, facts: list[Fact]) -> list[Fact]:
    """Amounts listed or compared in one sentence measure one thing, named once: 'cash sales were
    26% of transactions, down from 32% in February and 28% a year ago', 'a net profit of $11.6bn, or
    $12.30 a share'. An amount with no object takes the object of the amount of its kind before it
    in the sentence (of its unit, or its rate: USD and USD/share), a few words before it; an amount
    that restates the one right before it takes that one's."""
    carried, last, previous = [], {}, None
    for fact in sorted(facts, key=lambda f: f.start_char):
        key = (fact.kind, (fact.unit or "").split("/")[0])
        before = last.get(key)
        if fact.kind in MEASURE_KINDS and fact.object is None and before is not None \
                and len(text[before[1] - offset : fact.start_char - offset].split()) <= MAX_WORDS_BETWEEN_LISTED:
            fact = replace(fact, object=before[0])
        if previous is not None and previous.object and _restates(text, offset, previous, fact):
            fact = replace(fact, object=previous.object)
        if fact.kind in MEASURE_KINDS and fact.object:
            last[key] = (fact.object, fact.end_char)
        carried.append(fact)
        previous = fact
    return carried


_LISTED_BETWEEN = re.compile(r"\s*(?:,\s*|,?\s+(?:and|or)\s+|,?\s*(?:nil|none|zero)\s*,?\s*(?:and\s+|or\s+)?)+")


def listed_counts_share_their_noun(text: str, offset: int, facts: list[Fact]) -> list[Fact]:
    """Counts listed before the noun the last of them names count it too: '10, 14, 42, nil and 25
    seats', 'three, four or five days'."""
    out = sorted(facts, key=lambda f: f.start_char)
    for k in range(len(out) - 2, -1, -1):
        fact, nxt = out[k], out[k + 1]
        between = text[fact.end_char - offset : nxt.start_char - offset]
        if fact.kind == nxt.kind == "count" and fact.object is None and nxt.object and _LISTED_BETWEEN.fullmatch(between):
            out[k] = replace(fact, object=nxt.object, count_type=fact.count_type or nxt.count_type)
    return out


def _names(word: str, obj: str | None) -> bool:
    """`word` as printed is the object lemma `obj` ("companies" for company, "matches" for match)."""
    return bool(obj) and word.lower().startswith(obj[:4])


def _restates(text: str, offset: int, previous: Fact, fact: Fact) -> bool:
    """`fact` measures what the amount just before it does: a percent right after it ("revenue of
    $2.1bn, up 5%", "45 points, or 0.6%") or set off after its object ("a quarter of companies (24%)",
    "half of all Palestinians - some 47%"), or the other end of a change of a count ("fell to 1.25
    million vehicles from 1.27 million"; not "five points from three matches", which names its own)."""
    between = text[previous.end_char - offset : fact.start_char - offset].split()
    if fact.kind == "percent" and fact.object is None:
        set_off = between[-1:] in (["("], ["-"], ["–"], ["—"]) and 2 <= len(between) <= 4 and _names(between[-2], previous.object)
        return len(between) <= MAX_WORDS_TO_A_CHANGE or set_off
    after = text[fact.end_char - offset :].split()[:1]
    return fact.kind == "count" and previous.kind == "count" and between[-1:] in (["from"], ["to"]) \
        and len(between) <= MAX_WORDS_TO_A_CHANGE and not (after and _names(after[0], fact.object))


def carry_counted_objects(facts: list[Fact]) -> list[Fact]:
    """A count whose noun is left out ("killed 40 people and injured more than 90"; "132 remain")
    counts the noun of the count just before it, in its sentence or the one before."""
    carried, last, sentences = [], None, []
    for fact in facts:
        if fact.sentence not in sentences[-1:]:
            sentences.append(fact.sentence)
        if fact.kind == "count" and fact.object is None and fact.predicate and last is not None \
                and last[1] in sentences[-2:]:
            fact = replace(fact, object=last[0], count_type=COUNT_TYPES.get(fact.predicate))
        if fact.kind == "count" and fact.object:
            last = (fact.object, fact.sentence)
        carried.append(fact)
    return carried
