"""Numeric facts from parsed sentences: value, bound, unit, counted object, verb, attribution.

The parser is costly, so the flow parses only the sentences that hold a number
(`sentences_with_numbers`), then `extract_facts` reads each parsed sentence.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from transforms.numbers import VAGUE, is_number_word, ordinal_value, parse_number

# Hedge words as written -> bound. Longest phrases first so "more than" wins over "than".
QUALIFIERS = {
    "more than": ">", "over": ">", "upwards of": ">", "in excess of": ">", "above": ">",
    "at least": ">=", "no fewer than": ">=", "no less than": ">=", "a minimum of": ">=",
    "less than": "<", "fewer than": "<", "under": "<", "below": "<",
    "up to": "<=", "at most": "<=", "no more than": "<=", "as many as": "<=", "a maximum of": "<=",
    "nearly": "~", "almost": "~", "about": "~", "around": "~", "some": "~", "roughly": "~",
    "approximately": "~", "an estimated": "~", "close to": "~", "estimated": "~", "just over": "~",
    "just under": "~", "exactly": "=", "precisely": "=",
}
_QUALIFIER_WORDS = sorted(QUALIFIERS, key=lambda q: -len(q.split()))

TIME_UNITS = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "month": "month", "year": "year", "decade": "decade", "century": "century", "night": "night",
}
MEASURE_UNITS = {
    "km": "km", "kilometre": "km", "kilometer": "km", "mile": "mile", "metre": "m", "meter": "m",
    "m": "m", "cm": "cm", "mm": "mm", "foot": "foot", "feet": "foot", "inch": "inch",
    "kg": "kg", "kilogram": "kg", "gram": "g", "g": "g", "tonne": "tonne", "ton": "ton",
    "pound": "lb", "lb": "lb", "litre": "l", "liter": "l", "gallon": "gallon", "barrel": "barrel",
    "acre": "acre", "hectare": "hectare", "degree": "degree", "mph": "mph", "kph": "km/h",
    "megawatt": "MW", "mw": "MW", "gigawatt": "GW", "kwh": "kWh", "sq": "sq",
}
CURRENCIES = {
    "$": "USD", "us$": "USD", "dollar": "USD", "usd": "USD", "€": "EUR", "euro": "EUR", "eur": "EUR",
    "£": "GBP", "pound sterling": "GBP", "gbp": "GBP", "¥": "JPY", "yen": "JPY", "yuan": "CNY",
    "shekel": "ILS", "rupee": "INR", "₹": "INR", "franc": "CHF", "ruble": "RUB", "rouble": "RUB",
}
PERCENT_WORDS = {"%", "percent", "per cent", "pct"}

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
_EVENT_NOUNS = {"release", "slaughter", "killing", "death", "arrest", "abduction", "evacuation",
                "displacement", "return", "exchange", "massacre", "deaths"}

_MONTHS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b(monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow)\b|\b(1[5-9]|20)\d\d\b",
    re.I,
)
_PHONE = re.compile(r"(\+?\d[\d\s().-]{7,}\d)")
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
_HAS_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth)\b",
    re.I,
)


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

    def fact_id(self, doc_id: str) -> str:
        key = f"{doc_id}|{self.start_char}|{self.end_char}|{self.kind}"
        return hashlib.sha256(key.encode()).hexdigest()[:16]


def holds_number(text: str) -> bool:
    return bool(_HAS_NUMBER.search(text))


def sentences_with_numbers(doc: Doc) -> list[Span]:
    """Sentences (from a cheap sentence splitter) that may hold a numeric fact."""
    return [sent for sent in doc.sents if holds_number(sent.text)]


def _is_calendar(token: Token) -> bool:
    """Part of a calendar date or clock time (May 1, 2024; Oct. 7; 10:30): dates are not facts."""
    if token.ent_type_ in ("DATE", "TIME"):
        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        if _MONTHS.search(ent.text) or ":" in ent.text or re.search(r"\b[ap]\.?m\b", ent.text, re.I):
            return True
    if _CLOCK.match(token.text):
        return True
    text = token.text
    if re.fullmatch(r"(1[5-9]|20)\d\d", text) and token.ent_type_ in ("DATE", ""):
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return not (nxt is not None and nxt.tag_ in ("NNS",))
    return False


def _is_numeric(token: Token) -> bool:
    text = token.text.lower()
    if is_number_word(text):
        return True
    if text in VAGUE:  # "hundreds of", "dozens of"
        return token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "of"
    return bool(re.fullmatch(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?", text))


def _joins_number_words(doc: Doc, j: int) -> bool:
    """'thirty - three' and 'one hundred and five' are one number; 'two and three' are two."""
    if j + 1 >= len(doc) or not is_number_word(doc[j + 1].text) or not is_number_word(doc[j - 1].text):
        return False
    if doc[j].text == "-":
        return True
    return doc[j].lower_ == "and" and doc[j - 1].lower_ in ("hundred", "thousand", "million", "billion")


def _number_runs(doc: Doc) -> list[tuple[int, int]]:
    """[start, end) token ranges of consecutive number tokens ('1.5 million', 'Thirty - three')."""
    runs, i = [], 0
    while i < len(doc):
        tok = doc[i]
        if _is_numeric(tok) and not _is_calendar(tok):
            j = i + 1
            while j < len(doc):
                nxt = doc[j]
                if _is_numeric(nxt) and not _is_calendar(nxt):
                    j += 1
                elif _joins_number_words(doc, j):
                    j += 2
                else:
                    break
            # "a hundred": include the article
            if i > 0 and doc[i - 1].lower_ in ("a", "an") and doc[i].lower_ in ("hundred", "thousand", "million", "billion", "dozen"):
                i -= 1
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
            return doc[begin:start].text, begin
    return None, start


def _unit_after(doc: Doc, end: int) -> tuple[str | None, str | None, int]:
    """(kind, unit, end) for a unit straight after the number: '40-day', 'three weeks', '5 km'."""
    j = end
    if j < len(doc) and doc[j].text == "-":
        j += 1
    if j >= len(doc):
        return None, None, end
    tok = doc[j]
    lemma = tok.lemma_.lower() if tok.lemma_ else tok.lower_
    word = tok.lower_
    if lemma in TIME_UNITS or word.rstrip("s") in TIME_UNITS:
        unit = TIME_UNITS.get(lemma) or TIME_UNITS[word.rstrip("s")]
        # "4-year-old", "29 years old", "ten years of age"
        rest = [t.lower_ for t in doc[j + 1 : j + 4]]
        if unit == "year" and (rest[:2] == ["-", "old"] or rest[:1] == ["old"] or rest[:2] == ["of", "age"]):
            stop = j + (3 if rest[:2] in (["-", "old"], ["of", "age"]) else 2)
            return "age", "year", stop
        return "duration", unit, j + 1
    if word in PERCENT_WORDS or lemma in PERCENT_WORDS:
        return "percent", "percent", j + 1
    if word == "per" and j + 1 < len(doc) and doc[j + 1].lower_ == "cent":
        return "percent", "percent", j + 2
    if lemma in CURRENCIES or word in CURRENCIES:
        return "money", CURRENCIES.get(lemma) or CURRENCIES[word], j + 1
    if lemma in MEASURE_UNITS or word in MEASURE_UNITS:
        return "measure", MEASURE_UNITS.get(lemma) or MEASURE_UNITS[word], j + 1
    return None, None, end


def _currency_before(doc: Doc, start: int) -> str | None:
    if start > 0 and doc[start - 1].lower_ in CURRENCIES:
        return CURRENCIES[doc[start - 1].lower_]
    return None


def _counted_object(doc: Doc, start: int, end: int) -> Token | None:
    """The noun the number counts: the head of a nummod, or the noun after 'of' ('hundreds of X')."""
    for tok in doc[start:end]:
        if tok.dep_ in ("nummod", "amod", "quantmod", "compound") and tok.head.pos_ in ("NOUN", "PROPN") \
                and not (start <= tok.head.i < end):
            return tok.head
    last = doc[end - 1]
    if end < len(doc) and doc[end].lower_ == "of":
        pobj = [c for c in doc[end].children if c.dep_ == "pobj"]
        if pobj:
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


def extract_facts(sent: Doc, offset: int = 0) -> list[Fact]:
    """Facts in one parsed sentence; offsets are shifted by `offset` (where the sentence starts)."""
    facts: list[Fact] = []
    if _PHONE.search(sent.text) and re.search(r"\b(call|phone|tel|fax)\b", sent.text, re.I):
        return facts
    runs = _number_runs(sent)
    attribution = None
    used: set[int] = set()
    for k, (start, end) in enumerate(runs):
        if start in used:
            continue
        words = [t.text for t in sent[start:end]]
        lowered = [w.lower() for w in words]
        value = parse_number(words)
        value_high = None
        bound_override = None
        qualifier, q_start = _qualifier_before(sent, start)
        span_start = q_start
        # list markers: "1." or "2)" opening the sentence
        if start == 0 and end < len(sent) and sent[end].text in (".", ")") and len(sent) > 3:
            continue
        if value is None and len(lowered) == 1 and lowered[0] in VAGUE:
            value, value_high = VAGUE[lowered[0]]
            bound_override = "range"
            qualifier = qualifier or f"{words[0]} of"
        if value is None:
            continue
        # Ranges: "between 30 and 40", "from 3 to 5", "30 to 40", "30-40"
        range_end = end
        nxt = runs[k + 1] if k + 1 < len(runs) else None
        if nxt and nxt[0] == end + 1 and sent[end].lower_ in ("and", "to", "-", "–"):
            before = sent[start - 1].lower_ if start > 0 else ""
            if sent[end].lower_ != "and" or before == "between":
                high = parse_number([t.text for t in sent[nxt[0] : nxt[1]]])
                if high is not None and high > value:
                    value_high, range_end = high, nxt[1]
                    used.add(nxt[0])
                    bound_override = "range"
                    if before in ("between", "from"):
                        qualifier, span_start = sent[start - 1].text, start - 1
        kind, unit, unit_end = _unit_after(sent, range_end)
        currency = _currency_before(sent, start)
        if currency:
            kind, unit = "money", currency
            span_start = min(span_start, start - 1)
        if kind is None:
            kind = "count"
        span_end = max(range_end, unit_end)
        anchor_start, anchor_end = start, range_end
        obj_tok = _counted_object(sent, anchor_start, anchor_end)
        if kind == "duration" or kind == "age":
            obj = sent[unit_end - 1].text if kind == "duration" else "year"
            obj_tok = obj_tok if kind == "age" else sent[unit_end - 1]
        else:
            obj = obj_tok.text if obj_tok is not None else None
        predicate = _predicate(obj_tok if obj_tok is not None else sent[start])
        if attribution is None:
            attribution = _attribution(sent) or ""
        fact = Fact(
            start_char=offset + sent[span_start].idx,
            end_char=offset + sent[span_end - 1].idx + len(sent[span_end - 1].text),
            sentence=sent.text,
            text=sent[span_start:span_end].text,
            value=float(value),
            value_high=float(value_high) if value_high is not None else None,
            qualifier=qualifier,
            bound=bound_override or (QUALIFIERS[qualifier.lower()] if qualifier and qualifier.lower() in QUALIFIERS else "="),
            kind=kind,
            unit=unit,
            object=obj,
            predicate=predicate,
            count_type=COUNT_TYPES.get(predicate) if predicate else None,
            attribution=attribution or None,
        )
        facts.append(fact)
    for tok in sent:
        value = ordinal_value(tok.text)
        if value is None or _is_calendar(tok):
            continue
        head = tok.head if tok.head.pos_ in ("NOUN", "PROPN") and tok.head is not tok else None
        if head is None:
            continue  # "second" as a time unit or adverb ("first, ..."), not an ordinal of a thing
        facts.append(
            Fact(
                start_char=offset + tok.idx,
                end_char=offset + tok.idx + len(tok.text),
                sentence=sent.text,
                text=tok.text,
                value=float(value),
                value_high=None,
                qualifier=None,
                bound="=",
                kind="ordinal",
                unit=None,
                object=head.text,
                predicate=None,
                count_type=None,
                attribution=None,
            )
        )
    return sorted(facts, key=lambda f: f.start_char)


def facts_for_texts(splitter: Language, parser: Language, texts: list[str], n_process: int = 1) -> list[list[Fact]]:
    """Facts of each text: split sentences cheaply, parse only those that hold a number."""
    todo: list[tuple[int, int, str]] = []
    for n, split in enumerate(splitter.pipe(texts, batch_size=32)):
        todo.extend((n, sent.start_char, sent.text) for sent in sentences_with_numbers(split))
    facts: list[list[Fact]] = [[] for _ in texts]
    parsed = parser.pipe((text for _, _, text in todo), batch_size=64, n_process=n_process)
    for (n, offset, _), sent in zip(todo, parsed):
        facts[n].extend(extract_facts(sent, offset))
    return facts
