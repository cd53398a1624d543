"""What a number counts or measures, read from the parse: the head noun of the thing, lower-case
lemma ("1.25 million vehicles" -> vehicle, "a 25% stake" -> stake, "a three-month ban" -> ban,
"revenues of A$2.6bn" -> revenue, "16.5% of the total" -> total, "the economy expanded by 1.7%"
-> economy). The steps are tried in order; the first that names a noun outside the fact wins.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms.dates import MONTHS, WEEKDAYS
from transforms.units import MULTIPLIERS, SURFACES

_NOUNS = ("NOUN", "PROPN")
_MODIFIES = ("nummod", "amod", "quantmod", "compound", "npadvmod", "nmod", "predet")  # ("half the population")
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})
# Words that make a number a rise or a fall ("rose 6%", "fell by $2", "up 12 percent"); the facts
# step reads them too.
RISE_WORDS = frozenset({"rise", "increase", "grow", "gain", "climb", "jump", "surge", "soar", "advance", "rally", "up",
                        "raise", "boost", "add", "expand", "improve", "double", "triple", "widen", "swell"})
FALL_WORDS = frozenset({"fall", "drop", "decline", "decrease", "sink", "slump", "plunge", "tumble", "lose", "slide",
                        "shrink", "cut", "reduce", "down", "dip", "ease", "slip", "contract", "narrow", "plummet",
                        "lower"})
# Of those, the ones whose subject causes the change rather than undergoes it ("the bank cut rates").
_CAUSES_A_CHANGE = frozenset({"raise", "boost", "cut", "reduce", "lower", "widen", "swell", "up", "down"})
# Verbs whose subject is what the amount measures: a level or a change of it ("the economy grew 3%",
# "its debt is close to 12bn euros", "the market was worth £1,152m"), unlike "the duchy generated £12m".
_STATES_AN_AMOUNT = (RISE_WORDS | FALL_WORDS) - _CAUSES_A_CHANGE | {
    "be", "cost", "total", "reach", "stand", "hit", "value", "exceed", "measure", "weigh", "last", "average",
    "close", "end", "trade", "range", "amount", "come", "tick", "edge", "inch", "creep", "move", "settle", "hold",
    "remain",
}
# Verbs whose subject is what a measure measures ("the tee shot went 189 yards", "the river will peak
# at 18 feet", "the fire spread to 217,581 acres", "a fire which burned a million acres").
_MEASURED_SUBJECT_VERBS = frozenset({"go", "peak", "crest", "spread", "burn", "scorch", "char", "travel", "fly", "stretch",
                                     "extend", "span", "cover", "rise", "fall", "sink", "drop"})
# Words after a distance that place the noun before it ("a fire 20km east of Dunedoo").
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "north-east", "north-west", "south-east", "south-west", "away", "off", "offshore", "inland",
                         "outside", "from", "upstream", "downstream"})
_CALENDAR_WORDS = frozenset(WEEKDAYS) | {name for name in MONTHS if len(name) > 3} \
    | {"today", "yesterday", "tomorrow", "tonight"}  # (not "may")
# Nouns that frame a count rather than name what is counted ("an annual rate of 4.19 million",
# "expectations of about 30 million").
_FRAMES = frozenset({"rate", "pace", "level", "total", "tally", "figure", "expectation", "estimate", "forecast",
                     "range", "record", "mark", "high", "low", "average", "maximum", "minimum"})
_PACE_NOUNS = frozenset({"rate", "pace"})
# Words that are how a number is written or how often, not what it counts.
_NOT_OBJECTS = frozenset({"time", "times", "worth", "percent", "per", "cent", "nil", "row"})  # ("one, nil and 25
# seats", "for five days in a row")
# Subjects of the verb that governs a money, percent or measure fact ("the economy grew 3%").
_SUBJECTS = ("nsubj", "nsubjpass")


def _outside(tok: Token | None, start: int, end: int) -> Token | None:
    return tok if tok is not None and not start <= tok.i < end else None


def modified_noun(doc: Doc, start: int, end: int, counted: bool = True) -> Token | None:
    """The noun the fact's words modify: '1.25 million vehicles', 'a £350m stadium', 'a 10-day event'
    (and 'worth of goods': what the worth is of)."""
    for tok in doc[start:end]:
        head = tok.head
        if tok.dep_ in _MODIFIES and head.pos_ in _NOUNS and _outside(head, start, end):
            if head.lower_ == "worth":  # "$20bn worth of goods"
                return of_object(doc, head.i + 1, end) or head
            if head.lower_ == "time" and head.head.pos_ in _NOUNS:  # "a five-time NBA champion"
                return head.head
            while not counted and head.dep_ == "compound" and head.head.pos_ in _NOUNS and head.head.i > head.i:
                head = head.head  # "a billion-dollar telecoms deal" (but "a three-phase deal" counts phases)
            return head
    return None


def head_of_phrase(doc: Doc, start: int, end: int, measure: bool = False) -> Token | None:
    """'An all-new 2.0-liter, naturally-aspirated four-cylinder engine', 'a 22 kW second on-board
    charging device': a fact opening a noun phrase (after an article) modifies its last noun, however
    the parser attached it; so does a measure right before a noun ('1 tsp ground cinnamon')."""
    before = [t for t in doc[max(0, start - 4) : start] if t.pos_ in ("DET", "PRON") or t.tag_ == "PRP$"]
    if not before and not (measure and end < len(doc) and doc[end].pos_ in ("NOUN", "ADJ")):
        return None
    last, after = None, past_parentheses(doc, end)  # ("the sinewy 5-kilometer (3.1-mile) Marina Bay track")
    for tok in doc[after : after + 8]:
        if tok.pos_ in _NOUNS:
            last = tok
        elif not (tok.pos_ in ("ADJ", "NUM", "ADV") or tok.text in ("-", ",") or tok.tag_ == "VBG"
                  or tok.dep_ in ("amod", "compound")):
            break
    return last


def of_object(doc: Doc, i: int, end: int = 0) -> Token | None:
    """The noun after 'of' at i: '16.5% of the total', 'hundreds of pensioners', '30 hours of debate'."""
    if i < len(doc) and doc[i].lower_ == "of":
        pobj = [c for c in doc[i].children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
        return pobj[0] if pobj else None
    return None


# Nouns after "in" that say when or where an amount was seen, not what it is ("$251 in regular trading").
_SETTINGS = frozenset({"trading", "session", "deal", "quarter", "period", "year", "month", "week", "day", "time",
                       "total", "all", "market"})


def _object_after(doc: Doc, i: int, preposition: str) -> Token | None:
    """The noun after `preposition` at i, unless it says when or where the amount was seen."""
    if i < len(doc) and doc[i].lower_ == preposition:
        pobj = [c for c in doc[i].children if c.dep_ == "pobj" and c.pos_ == "NOUN" and c.lemma_.lower() not in _SETTINGS]
        return pobj[0] if pobj else None
    return None


def in_object(doc: Doc, i: int) -> Token | None:
    """'$1bn in assets', 'two years in prison': the noun after 'in'."""
    return _object_after(doc, i, "in")


def for_object(doc: Doc, i: int) -> Token | None:
    """'$9 million for capital improvements': what money is for."""
    return _object_after(doc, i, "for")


# Verbs of what money is set aside or spent to do ("$2bn to pay for layoffs", "$180m to cover the costs").
_PURPOSE_VERBS = frozenset({"pay", "cover", "fund", "finance", "buy", "build", "repair", "upgrade", "compensate",
                            "settle", "purchase", "acquire", "refurbish", "renovate", "subsidise", "subsidize"})


def purpose_object(doc: Doc, i: int) -> Token | None:
    """'$2 billion to pay for layoffs', 'about $180 million to cover the costs of poor students': what
    money is for, named by the object of the verb of purpose right after it."""
    if i + 1 >= len(doc) or doc[i].lower_ != "to" or doc[i + 1].lemma_.lower() not in _PURPOSE_VERBS:
        return None
    verb = doc[i + 1]
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if noun is None:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if prep is not None else None
    return noun


# Nouns that make a place or a part of a phrase ("in front of 15,522"), not what is counted.
_PHRASE_NOUNS = frozenset({"front", "back", "side", "top", "bottom", "middle", "end", "part", "lot", "number", "total"})


# Words opening a fact that set a bound, after which the noun before the fact is what it bounds
# ("theft of property over $10,000", "homes under $300,000").
_BOUND_WORDS = frozenset({"over", "under", "above", "below", "around", "nearly", "almost", "about"})


_PARENTS = frozenset({"mother", "father", "parent", "mum", "mom", "dad", "grandmother", "grandfather", "grandparent"})


def noun_before_of(doc: Doc, start: int) -> Token | None:
    """'revenues of A$2.6bn', 'a sentence of 85 years', 'a truce of between 30 and 40 days'; and the
    noun right before 'at' or a bound ('petrol at 137.7', 'property over $10,000')."""
    if start > 0 and doc[start - 1].lower_ == "of" and doc[start - 1].head.pos_ in _NOUNS \
            and doc[start - 1].head.lower_ not in _PHRASE_NOUNS and doc[start - 1].head.lower_ != "age":
        # ("a mother of two" counts her children, whom the sentence does not name)
        return None if doc[start - 1].head.lemma_.lower() in _PARENTS else doc[start - 1].head
    before = start - 1 if doc[start].lower_ in _BOUND_WORDS else start - 2 if start > 1 and doc[start - 1].lower_ == "at" \
        else None
    if before is not None and before >= 0 and doc[before].pos_ == "NOUN" and doc[before].lower_ not in _PHRASE_NOUNS:
        return doc[before]
    return None


def label_before_colon(doc: Doc, start: int) -> Token | None:
    """'Revenue: $110.81 billion vs $111.6 billion expected': a noun labelling what follows its colon,
    with no verb between the colon and the fact."""
    colon = next((t.i for t in reversed(doc[max(0, start - 8):start]) if t.text in (":", ".", ";")), None)
    if colon is None or doc[colon].text != ":" or colon == 0 or doc[colon - 1].pos_ != "NOUN" \
            or any(t.pos_ in ("VERB", "AUX") for t in doc[colon + 1:start]):
        return None
    return doc[colon - 1]


def _named(tok: Token) -> Token:
    """'Copper CMCU3', 'Nikkei futures NKc1': a ticker code stands for the word before it."""
    if any(c.isdigit() for c in tok.text):
        words = [c for c in tok.children if c.dep_ == "compound" and c.is_alpha]
        return words[0] if words else tok
    if tok.lower_ in _RELATIVE_PRONOUNS:  # "wait times that exceeded two hours"
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        return tok.head.head if tok.head.dep_ == "relcl" else before if before is not None and before.pos_ == "NOUN" else tok
    return tok


def _root_of(doc: Doc, start: int, end: int) -> Token | None:
    """The token of [start, end) whose head is outside it."""
    return next((t for t in doc[start:end] if not start <= t.head.i < end), None)


def subject_of_governor(doc: Doc, start: int, end: int, kind: str = "") -> Token | None:
    """What the verb the fact hangs from changes or describes: its object when the fact is how much
    ('expand the fleet by 30%'), else its subject ('the economy expanded by 1.7%', 'its shares were
    down 10%', 'the company's debt is close to 12bn euros')."""
    root = _root_of(doc, start, end)
    tok = root
    through_a_comparison = root is not None and (root.lower_ in ("than", "with", "for") or root.tag_ in ("JJR", "RBR"))
    for _ in range(4):
        if tok is None or tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in _NOUNS and tok.dep_ == "npadvmod" and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head  # "prices climbed 6.2% year on year": the parse hangs the amount from "year"
        elif tok.lemma_.lower() in _PACE_NOUNS and tok.head.lower_ == "at" and tok.head.head.pos_ == "VERB":
            tok = tok.head.head  # "the economy grew at an annual rate of 3.7%": how fast the verb's subject grew
        if tok.pos_ in ("VERB", "AUX"):
            objects = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ in _NOUNS and not start <= c.i < end]
            via_by = root is not None and (root.head.lower_ == "by" or root.head.lower_ in ("to", "from")
                                           and tok.lemma_.lower() in _CAUSES_A_CHANGE)  # "raise their bid to £1.5bn"
            subjects = [c for c in tok.children if c.dep_ in _SUBJECTS and (c.pos_ in _NOUNS or c.lower_ in
                                                                             _RELATIVE_PRONOUNS)]
            given = [c for c in tok.children if c.dep_ == "dative" and c.pos_ in _NOUNS]  # "giving the car 355 hp"
            if not subjects and tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX"):
                subjects = [c for c in tok.head.children if c.dep_ in _SUBJECTS and c.pos_ in _NOUNS]  # "pay is to rise by"
            if not subjects and tok.dep_ == "acl" and tok.head.pos_ in _NOUNS and tok.tag_ in ("VBD", "VBN", "VBG") \
                    and root.dep_ not in _SUBJECTS:
                subjects = [tok.head]  # "the jobless rate held at 4.2 per cent", parsed as a noun phrase
            if tok.lemma_.lower() not in _STATES_AN_AMOUNT and not (kind == "measure"
                                                                    and tok.lemma_.lower() in _MEASURED_SUBJECT_VERBS):
                subjects = []  # "the duchy generated £12m": who earned it, not what it measures
            chosen = objects[0] if objects and via_by else (given or subjects or [None])[0]
            return _named(chosen) if chosen is not None else None
        if tok.pos_ in _NOUNS:  # "particles smaller than 2.5 microns", "a car with 355 horsepower"
            return tok if through_a_comparison else None
        through_a_comparison = tok.lower_ in ("than", "with", "for") or tok.tag_ in ("JJR", "RBR")
    return None


# Nouns that name a rise or a fall ("a 5% increase in revenue"); the amount measures what changed.
# (Not "improvement", "expansion" or "loss": "$9m for capital improvements" are works, "a $5m loss" a result.)
CHANGE_NOUNS_UP = frozenset({"increase", "rise", "gain", "growth", "jump", "surge", "hike", "boost", "climb", "uptick"})
CHANGE_NOUNS_DOWN = frozenset({"decrease", "fall", "drop", "decline", "reduction", "cut", "slump", "dip",
                               "contraction", "plunge", "downturn"})
# Nouns that stand for the amount of what follows them ("the number of arrests", "the price of gold").
_AMOUNT_NOUNS = frozenset({"number", "amount", "level", "rate", "volume", "count", "share", "proportion", "price",
                           "prices", "length", "distance", "height", "depth", "width", "area", "size", "weight",
                           "duration"})  # ("a 237 kilometre length of viaduct": the viaduct is measured)
_DIMENSIONS = frozenset({"length", "distance", "height", "depth", "width", "area", "size", "weight", "duration"})


def changed_thing(tok: Token, start: int, end: int) -> tuple[Token, str] | None:
    """'a 15% reduction in the risk', 'a 3% rise in the number of arrests', '25lb weight gain': when
    the noun a fact modifies names a change, "up" or "down" and what changed (the noun itself when
    nothing else is named: 'a $5m cut'); the fact's own tokens are [start, end)."""
    lemma = tok.lemma_.lower()
    change = "up" if lemma in CHANGE_NOUNS_UP else "down" if lemma in CHANGE_NOUNS_DOWN else None
    if change is None:
        return None
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "for") and c.i == tok.i + 1]
    named = next((p for c in preps for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"
                  and not start <= p.i < end and p.lemma_.lower() not in _SETTINGS), None)  # (not "a rise for the year")
    if named is not None and named.lower_ in _AMOUNT_NOUNS:
        named = of_object(named.doc, named.i + 1) or named
    if named is None:
        named = next((c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == tok.i - 1
                      and not start <= c.i < end and c.lower_ not in _NOT_OBJECTS), None)  # (not "one-time gains")
    if named is None and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB" \
            and tok.head.head.lemma_.lower() in RISE_WORDS | FALL_WORDS:
        # "export orders rose 3.1% after a 7.0% increase in May": the thing that rose before, too
        named = next((c for c in tok.head.head.children if c.dep_ in _SUBJECTS and c.pos_ == "NOUN"), None)
    if named is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _SHOWS_A_CHANGE \
            and any(t.head.i == tok.i for t in tok.doc[start:end]):
        # "cruise passenger numbers posted a 23% increase", "council tax will see a 3% rise": what rose
        named = next((c for c in tok.head.children if c.dep_ in _SUBJECTS and c.pos_ == "NOUN"), None)
        if named is not None and named.lemma_.lower() in ("number", "count", "volume"):
            named = of_object(named.doc, named.i + 1) or next(  # ("passenger numbers": the passengers)
                (c for c in reversed(list(named.children)) if c.dep_ == "compound" and c.pos_ == "NOUN"), named)
    return (named if named is not None else tok), change


# Verbs whose subject undergoes the change their object names ("sales posted a 5% rise").
_SHOWS_A_CHANGE = frozenset({"post", "record", "see", "show", "register", "log", "report", "suffer", "experience",
                             "enjoy", "notch", "book", "clock", "chalk", "witness", "mark"})


UNCHANGED_PLURALS = ("species", "series")


def lemma_of(tok: Token) -> str:
    """The object as the guide writes it: a lower-case singular ("Palestinians" -> palestinian,
    "Grammys" -> grammy), a name whole ("60,000 New Yorkers" -> new yorker)."""
    if tok.lower_.endswith(UNCHANGED_PLURALS):
        return tok.lower_  # "species", "series": the singular is the plural (the lemmatiser cuts an s)
    first = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1 and c.is_alpha]
    if tok.pos_ == "PROPN" and first:
        return f"{first[0].lower_} {_singular(tok)}"
    return _hyphenated_prefix(tok) + _singular(tok)


def _hyphenated_prefix(tok: Token) -> str:
    """'e-' of "e-mails", 'by-' of "by-elections": the word glued before the object by a hyphen, which
    the tokenizer splits off."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha and not doc[i - 2].like_num:
        return f"{doc[i - 2].lower_}-"
    return ""


def _singular(tok: Token) -> str:
    lemma, text = tok.lemma_.lower(), tok.lower_
    if text.endswith("xes") and lemma.endswith("xis") and tok.tag_ == "NNS":
        lemma = text[:-2]  # "taxes" is more often tax than taxi: the lemmatiser reads taxis
    counted = any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in tok.children)
    plural = tok.tag_ == "NNPS" or tok.pos_ == "PROPN" and (tok.tag_ == "NNS" or counted and lemma == text)  # "two Grammys"
    return lemma[:-1] if plural and lemma.endswith("s") and not lemma.endswith("ss") else lemma


def past_parentheses(doc: Doc, end: int) -> int:
    """Where the words after a fact go on, past an equivalent in parentheses ("$27.5bn (£14.5bn) in
    unpaid taxes") or past the parenthesis that closes around the fact itself."""
    if end < len(doc) and doc[end].text in (")", '"', "”", "’"):
        return end + 1  # (and past the quotation mark closing around it: '"several billion dollars" of costs')
    if end < len(doc) and doc[end].text == "(":
        close = next((t.i for t in doc[end + 1 : end + 9] if t.text == ")"), None)
        return close + 1 if close is not None else end
    return end


def _same_line_noun(doc: Doc, tok: Token, start: int) -> bool:
    """A noun on the fact's own line (a listing or a headline glued to the next line is another
    sentence), and not one word of a longer name ('Hong Kong')."""
    low, high = sorted((tok.idx, doc[start].idx))
    if "\n" in doc.text[low:high] or tok.pos_ not in _NOUNS or len(tok.text) < 2:
        return False
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not doc[tok.i].whitespace_:
        return False  # "e" of "e-mail": half a word
    return not (tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children))


# The kinds of fact that measure a thing (not counts, durations or ages).
MEASURE_KINDS = ("money", "percent", "measure")


def _hangs_from_a_verb(doc: Doc, start: int, end: int) -> bool:
    """The fact is the complement of a verb, or of its preposition ("sales reached 4 million", "rose to
    170,690"), not its subject ("32 is the quantity")."""
    root = _root_of(doc, start, end)
    if root is None or root.dep_ in ("nsubj", "nsubjpass"):
        return False
    head = root.head.head if root.head.dep_ == "prep" and root.head.lower_ in ("to", "from", "at") else root.head
    return head.pos_ in ("VERB", "AUX")


def index_that_moved(doc: Doc, start: int, end: int) -> Token | None:
    """'The Dow Jones industrial average fell 300 points': what rose or fell by so many points (an
    index), not the points ('Kane scored 30 points' counts points)."""
    root = _root_of(doc, start, end)
    verb = root.head.head if root is not None and root.head.lemma_.lower() == "point" else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in (RISE_WORDS | FALL_WORDS | {"close", "end"}):
        return None
    return next((c for c in verb.children if c.dep_ in _SUBJECTS and c.pos_ in _NOUNS), None)


def noun_before_its_change(doc: Doc, start: int) -> Token | None:
    """'Industrial output rose 2.1% - adjusted for …', 'CD album sales fell by 13.8%': the noun right
    before the verb of change right before the amount, however the parser attached them."""
    verb = start - 2 if start > 1 and doc[start - 1].lower_ in ("by", "to") else start - 1
    if verb < 1 or doc[verb].pos_ != "VERB" or doc[verb].lemma_.lower() not in (RISE_WORDS | FALL_WORDS) - _CAUSES_A_CHANGE:
        return None
    noun = doc[verb - 1]
    if noun.pos_ != "NOUN":
        return None
    while noun.dep_ == "pobj" and noun.head.lower_ in ("for", "from", "to", "in", "at") and noun.head.head.pos_ == "NOUN" \
            and noun.head.head.i < noun.i:
        noun = noun.head.head  # "export orders for the industry rose 3.6%": the orders rose, not the industry
    return noun


def _beyond_the_frame(frame: Token) -> Token | None:
    """What a frame noun frames: what it is for or of ("the average for wheat production"), else,
    when the amount is reached through it, the verb's object or subject ("reduce output to a range
    of …", "copper slid to a two-week low of …")."""
    for prep in frame.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
            noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if noun is not None:
                return noun
    if frame.dep_ != "pobj" or frame.head.dep_ not in ("prep", "dative") or frame.head.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = frame.head.head
    return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None) \
        or next((c for c in verb.children if c.dep_ in _SUBJECTS and c.pos_ in ("NOUN", "PROPN")), None)


# Verbs of a participle set off after the noun it measures ("cocaine, weighing approximately 168 kg").
_MEASURING_PARTICIPLES = frozenset({"weigh", "measure", "cost", "total", "span", "stretch"})


def noun_set_off_before(doc: Doc, start: int, end: int) -> Token | None:
    """'a large quantity of cocaine, weighing approximately 168 kilogrammes': the noun before the comma
    that sets off the participle the amount completes."""
    root = _root_of(doc, start, end)
    verb = root.head if root is not None else None
    if verb is None or verb.tag_ != "VBG" or verb.lemma_.lower() not in _MEASURING_PARTICIPLES or verb.i < 2 \
            or doc[verb.i - 1].text != "," or doc[verb.i - 2].pos_ != "NOUN":
        return None
    return doc[verb.i - 2]


def _of_object_inside(doc: Doc, start: int, end: int) -> Token | None:
    """'approximately 350,000 litres of fuel every day': a rate read over what the amount is of,
    which lies inside the fact's words."""
    for tok in doc[start + 1 : end - 1]:
        if tok.lower_ == "of" and doc[tok.i - 1].lower_ in SURFACES:
            return next((c for c in tok.children if c.dep_ == "pobj" and c.pos_ == "NOUN" and c.i < end), None)
    return None


def measured_object(doc: Doc, start: int, end: int, kind: str) -> Token | None:
    """The noun the fact [start, end) counts or measures (its lemma is the object), or None."""
    if kind == "measure" and (inside := _of_object_inside(doc, start, end)) is not None \
            and inside.lower_ not in SURFACES and inside.is_alpha:
        return inside
    after = past_parentheses(doc, end)
    steps = [of_object(doc, after, end), modified_noun(doc, start, end, counted=kind == "count"),
             head_of_phrase(doc, start, end, measure=kind == "measure")]
    if kind in ("money", "duration"):
        steps.append(in_object(doc, after))
    if kind == "money":
        steps += [for_object(doc, after), purpose_object(doc, after)]
    steps.append(noun_before_of(doc, start))
    if kind in MEASURE_KINDS:
        steps += [label_before_colon(doc, start), noun_before_its_change(doc, start), noun_set_off_before(doc, start, end)]
    if kind in MEASURE_KINDS or _hangs_from_a_verb(doc, start, end):
        steps.append(subject_of_governor(doc, start, end, kind))  # "the economy grew 3%", "sales reached 4 million"
    if kind == "measure" and after < len(doc) and doc[after].lower_ in _DIRECTIONS and start > 0 \
            and doc[start - 1].pos_ == "NOUN":
        steps.insert(0, doc[start - 1])  # "a fire 20km east of Dunedoo": where the fire is
    for tok in steps:
        tok = _outside(tok, start, end)
        if tok is not None and kind == "count" and tok.lemma_.lower() == "point" \
                and (index := index_that_moved(doc, start, end)) is not None:
            return index  # "the Dow fell 300 points": the Dow's points
        if tok is not None and kind != "percent" and tok.lemma_.lower() in _FRAMES:
            beyond = _outside(_beyond_the_frame(tok), start, end)  # ("raise rates to 5%": the rate)
            if (beyond is None or beyond.lemma_.lower() in _FRAMES) and kind == "count":
                continue
            tok = beyond if beyond is not None and beyond.lemma_.lower() not in _FRAMES else tok
            # (else the frame itself: "recorded a new all-time high of 31.5C")
        if tok is not None and not _same_line_noun(doc, tok, start):
            continue
        if tok is not None and tok.lower_ in _AMOUNT_NOUNS:  # "the number of new homes rose to 170,690"
            of = of_object(doc, tok.i + 1)
            tok = tok if of is not None and tok.lower_ in _DIMENSIONS and not _outside(of, start, end) else of or tok
            # ("at a depth of 10 kilometers": the depth)
        if tok is not None and (tok.pos_ == "PRON" or tok.lower_ in _CALENDAR_WORDS):
            continue  # "550 of them", "early Monday": no thing named
        if tok is not None and tok.is_alpha and tok.lower_ not in _NOT_OBJECTS and tok.lower_ not in SURFACES \
                and tok.lower_ not in MULTIPLIERS \
                and not (kind == "age" and tok.pos_ == "PROPN"):  # "4-year-old Abigail Edan": a person, not a thing
            return tok
    return None
