"""Named-entity mentions from spaCy, each resolved to one canonical entity.

Within a document (`extract_mentions`):
- titles, honorifics, possessives and edge punctuation are stripped ("President Isaac Herzog's"),
- each name takes the label its mentions vote for ("Rafah" tagged a person three times and a place
  twice is a place: an unintroduced lone "person" votes with half a voice),
- a country, territory or union is one entity by its CLDR name ("US", "U.S.", "United States":
  transforms/territories.py), an acronym joins the one name of the page it abbreviates ("NYSE"),
- a short form resolves to the one fuller name of the same label that ends with it ("Blinken"),
- close spellings of one person ("Gabi"/"Gadi Eisenkot") are one entity, named as the page first
  prints it (captions and title count: they come before the body on the page).
Across documents (`resolve_across_documents`): a lone surname resolves to the one full name that
the warehouse knows with that surname, where its page and one naming that person name someone else
in common. Each mention records how it was resolved (`resolved_by`).
The entity id is a hash of label and canonical name: the same in every run and document.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from transforms.territories import UNIONS, home_nations, settlement_names, territory_name

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})

_TITLES = re.compile(
    r"""^((U\.?S\.?|US|UK|Israeli|American|British|French|former|then|late|acting|deputy|vice|chief|senior)\s+)*
    (president|prime\ minister|secretary(\ of\ state)?|minister|senator|sen\.|rep\.|gov\.|governor|
    mayor|king|queen|prince|princess|pope|general|gen\.|lt\.?\ gen\.|col\.|capt\.|chief|judge|justice|
    dr\.?|mr\.?|mrs\.?|ms\.?|sir|dame|lord|lady|rabbi|sheikh|ambassador|spokesman|spokeswoman|spokesperson|
    professor|prof\.?|chancellor|emir|crown\ prince|imam|cardinal|bishop|father|sister|coach|
    datuk|datin|dato['’]?|tan\ sri|puan\ sri|tun|alhaji)\s+""",
    re.I | re.X,
)
_POSSESSIVE = re.compile(r"(['’]s|['’])$")
# a picture credit run into the name ("Image Credit: WeWork", "Getty Alibaba"), a list's "and"
_CREDIT = re.compile(r"^(?:(?:image|photo|picture|video)\s*(?:credit)?\s*:\s*|getty(?:\s+images)?\s+)", re.I)
_TRAILING_CONJUNCTION = re.compile(r"\s+(?:and|or|&)$")
_EDGE_PUNCT = re.compile(r"^[\s\"'“”‘’(\[]+|[\s\"'“”‘’)\],;:!?]+$")
_TRAILING_DOT = re.compile(r"(?<![A-Z])(?<!\b[A-Z]\.[A-Z])\.$")


@dataclass(frozen=True)
class Mention:
    start_char: int
    end_char: int
    text: str  # as printed
    label: str
    name: str  # cleaned: the alias this mention contributes
    canonical_name: str
    entity_id: str
    resolved_by: str  # how name became canonical_name
    in_body: bool = True  # False: printed before the body (title, dek, caption); offsets then index
    # the entity step's input text, not the body


LONE_NAME_RESOLVED = "short_form_known_in_warehouse"  # resolved_by of a lone name resolved across documents
# resolved_by of a lone name two or more full names end with ("Smith": Anna and John Smith): it may
# be either, so it stays an entity of its own document, never one entity across documents
LONE_NAME_AMBIGUOUS = "lone_name_of_two_or_more"
# resolved_by of a country's name in a side's place on a page of sport ("India beat England"): the
# side is an organisation of its own, never merged with the country by a label vote
NATIONAL_SIDE = "national_side"


def entity_id_for(canonical_name: str, label: str, scope: str = "") -> str:
    """The entity's id: its label and name, and for a name that stays within one document (an
    ambiguous lone name) that document."""
    key = f"{label}|{canonical_name.casefold()}" + (f"|{scope}" if scope else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1 << 15)
def clean_name(text: str, label: str) -> str:
    """Strip possessives, edge punctuation, a picture credit, a trailing 'and', a leading 'the' and
    (for persons) titles."""
    name = _CREDIT.sub("", _EDGE_PUNCT.sub("", text))
    name = _TRAILING_CONJUNCTION.sub("", name)
    name = _POSSESSIVE.sub("", name)
    name = _TRAILING_DOT.sub("", _EDGE_PUNCT.sub("", name))
    if label != "WORK_OF_ART":
        name = re.sub(r"^the\s+", "", name, flags=re.I)
    if label == "PERSON":
        while True:
            stripped = _TITLES.sub("", name)
            if stripped == name or not stripped:
                break
            name = stripped
        name = _from_the_first_name(name)
    return re.sub(r"\s+", " ", name).strip()


# How the first-name list reads a given name, as the pronoun an article writes its bearer with.
FIRST_NAME_GENDERS = {"male": "he", "mostly_male": "he", "female": "she", "mostly_female": "she"}


@lru_cache(maxsize=1)
def first_names():
    """First names and their usual gender (gender-guesser's list, shipped in its wheel)."""
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


def _from_the_first_name(name: str) -> str:
    """'Town Clerk Patricia Strauss' -> 'Patricia Strauss', 'North Eastern Region Co-ordinator Mohamed
    Saleh' -> 'Mohamed Saleh': the words of a role before a person's first name, when none of them
    is a name itself and two words at least remain."""
    words = name.split()
    if len(words) < 3:
        return name
    known = [first_names().get_gender(w) != "unknown" for w in words]
    first = next((i for i, k in enumerate(known) if k), None)
    if first is None or first == 0 or len(words) - first < 2:
        return name
    return " ".join(words[first:])


def close_spelling(a: str, b: str) -> bool:
    """One edit apart (substitution, insertion or deletion), for names of four letters or more."""
    if a == b or min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})  # what follows a surname ("Andy Ruiz Jr.")


def _resolve_short_forms(names: Iterable[str]) -> dict[str, str]:
    """Map each name to the one fuller name of the same label whose last words it is.

    A short form that two different full names end with ("Smith": "Ann Smith", "Bob Smith") is
    ambiguous and stays as it is.
    """
    distinct = set(names)
    endings: dict[tuple[str, ...], list[str]] = {}  # last words -> the longer names that end with them
    for full in distinct:
        words = tuple(full.casefold().split())  # ("Van Niekerk" opening a sentence is Lara van Niekerk)
        if len(words) > 2 and words[-1].rstrip(".") in _GENERATIONS:
            words = words[:-1]  # "Ruiz" is Andy Ruiz Jr.
        for size in range(1, len(words)):
            endings.setdefault(words[-size:], []).append(full)
    resolved = {}
    for name in distinct:
        longer = endings.get(tuple(name.casefold().split()), [])
        maximal = {f for f in longer if not any(o != f and o.endswith(" " + f) for o in longer)}
        resolved[name] = maximal.pop() if len(maximal) == 1 else name
    return resolved


def _resolve_first_names(names: Iterable[str]) -> dict[str, str]:
    """A lone given name ("Susan") -> the one full name of the page it opens ("Susan Boyle"), when
    no full name ends with it (then it is a surname: "Thomas" of "Dylan Thomas")."""
    distinct = set(names)
    resolved = {}
    for name in distinct:
        if " " in name or first_names().get_gender(name) not in FIRST_NAME_GENDERS:
            continue
        opened = {f for f in distinct if f.split()[0] == name and len(f.split()) >= 2}
        ended = any(f.split()[-1] == name and f != name for f in distinct)
        if len(opened) == 1 and not ended:
            resolved[name] = opened.pop()
    return resolved


def _page_variants(full_names: Iterable[str], page_text: str) -> dict[str, str]:
    """Persons printed with two close spellings on one page: each maps to the first one printed."""
    by_surname: dict[str, list[str]] = {}
    for name in full_names:
        words = name.split()
        if len(words) == 2:
            by_surname.setdefault(words[1], []).append(words[0])
    if not by_surname:
        return {}
    pattern = re.compile(r"\b([A-Z][\w’'-]+)\s+(" + "|".join(map(re.escape, sorted(by_surname))) + r")\b")
    first_spelling: dict[tuple[str, str], str] = {}
    for m in pattern.finditer(page_text):
        printed, surname = m.group(1), m.group(2)
        for first in by_surname[surname]:
            if (first, surname) not in first_spelling and (printed == first or close_spelling(printed, first)):
                first_spelling[(first, surname)] = printed
    return {f"{first} {surname}": f"{printed} {surname}"
            for (first, surname), printed in first_spelling.items() if printed != first}


def _close_spelling_variants(names: set[str], page_text: str) -> dict[str, str]:
    """Close spellings of one full name ("Gabi"/"Gadi Eisenkot"), each mapped to the one printed first
    on the page, whether the other spelling stands in the body or only in a caption or the title."""
    variants = _page_variants({n for n in names if len(n.split()) == 2}, page_text)
    by_surname: dict[str, list[str]] = {}
    for name in sorted({variants.get(n, n) for n in names}, key=lambda n: (page_text.find(n) % (len(page_text) + 1), n)):
        if len(name.split()) == 2:
            by_surname.setdefault(name.split()[1], []).append(name)
    for group in by_surname.values():
        for other in group[1:]:
            if close_spelling(other.split()[0], group[0].split()[0]):
                variants[other] = group[0]
    return {n: variants.get(variants.get(n, n), variants.get(n, n)) for n in names}


Span_ = tuple[int, int, str]  # start_char, end_char, label

_ORG_WORDS = frozenset({
    "authority", "council", "ministry", "strip", "office", "department", "agency", "forces", "army", "party",
    "union", "bank", "court", "committee", "company", "group", "news", "times", "post", "press", "corp",
    "inc", "ltd", "university", "school", "hospital", "association", "institute", "center", "centre",
    "foundation", "fund", "organization", "organisation", "commission", "service", "board", "house",
})
_NAME_PAIR = r"([A-Z][a-z’'-]+(?:\s[A-Z][a-z’'-]+)?)"


_SEPARATORS = ("•", "|", "·")


def _split_runs(text: str, spans: list[Span_]) -> list[Span_]:
    """A name run across a paragraph's end ("Maria Lopez\nRain") cut to its longest line, or run on
    from a dateline's separator ("PARIS • Holger Rune") cut to what follows it; a list ("Herzog,
    Blinken") split at its commas."""
    split: list[Span_] = []
    for start, end, label in spans:
        piece = text[start:end]
        cut = max(piece.rfind(mark) for mark in _SEPARATORS)
        if cut >= 0 and piece[cut + 1:].strip():
            start += cut + 1 + len(piece[cut + 1:]) - len(piece[cut + 1:].lstrip())
            piece = text[start:end]
        if "\n" in piece.strip():
            parts = piece.split("\n")
            best = max(range(len(parts)), key=lambda k: (len(parts[k].split()), -k))
            start += sum(len(part) + 1 for part in parts[:best])
            end, piece = start + len(parts[best]), parts[best]
        if ", " in piece and label != "GPE":
            offset = start
            for part in piece.split(", "):
                split.append((offset, offset + len(part), label))
                offset += len(part) + 2
        else:
            split.append((start, end, label))
    return split


def _repair_spans(text: str, spans: list[Span_], words: frozenset[str] = frozenset()) -> list[Span_]:
    """Mend what a small NER model gets wrong about people, using the document itself: lists split
    at commas ("Herzog, Blinken"), a name run across a line break, a person's name tagged as an
    organisation or a place ("Karolina Muchova" as ORG: by its words, `words` being english_words)
    and so its surname ("Blinken" as GPE), a place run into a name ("Gaza Sigrid Kaag"), a name the
    model missed beside a person ("Benny Gantz and Gabi Eisenkot"), and surnames it missed
    elsewhere."""
    split = [(s, e, "PERSON" if lab != "PERSON" and is_a_persons_name(text[s:e], words) else lab)
             for s, e, lab in _split_runs(text, spans)]  # (two words as printed: no "the", no role, no place)
    introduced = _surnames(text, split)
    split = [(s, e, _read_as_a_person_but(text, s, e, introduced) if lab == "PERSON" else lab) for s, e, lab in split]
    places = {text[s:e] for s, e, lab in split if lab in ("GPE", "LOC")}
    full_names = {clean_name(text[s:e], "PERSON") for s, e, lab in split if lab == "PERSON"}
    full_names = {name for name in full_names if len(name.split()) >= 2}
    surnames = {name.split()[-1] for name in full_names}
    repaired: list[Span_] = []
    for start, end, label in split:
        words = text[start:end].split()
        name = clean_name(text[start:end], "PERSON")
        if label != "PERSON" and (name in surnames or name in full_names):
            label = "PERSON"
        elif label != "PERSON" and len(words) >= 3 and words[0] in places and 2 <= len(words) - 1 <= 3 \
                and all(w[:1].isupper() and w.lower() not in _ORG_WORDS for w in words[1:]):
            cut = start + len(words[0]) + 1
            repaired.append((start, cut - 1, "GPE"))
            start, label = cut, "PERSON"
        repaired.append((start, end, label))
    covered = bytearray(len(text) + 1)  # characters already inside a span
    for s, e, _ in repaired:
        covered[s:e] = b"\x01" * (e - s)

    def free(s: int, e: int) -> bool:
        return not any(covered[s:e])

    def take(s: int, e: int) -> None:
        covered[s:e] = b"\x01" * (e - s)

    people = sorted({text[s:e] for s, e, label in repaired if label == "PERSON"}, key=len, reverse=True)
    if people:
        listed = "(?:" + "|".join(map(re.escape, people)) + ")"
        for pattern in (re.compile(listed + r"\s+and\s+" + _NAME_PAIR), re.compile(_NAME_PAIR + r"\s+and\s+" + listed)):
            for m in pattern.finditer(text):
                g = m.span(1)
                words = text[g[0]:g[1]].split()
                if len(words) == 2 and free(*g) and words[-1].lower() not in _ORG_WORDS:
                    repaired.append((g[0], g[1], "PERSON"))
                    take(*g)
    if surnames:
        for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b", text):
            if free(*m.span()):
                repaired.append((m.start(), m.end(), "PERSON"))
                take(*m.span())
    return sorted(repaired)


# A club's name after its town's ("Manchester United", "Leicester City": not "Kansas City", a city)
_CLUB_WORDS = frozenset({"United", "City", "Rovers", "Wanderers", "Athletic", "Albion", "Town", "County", "Rangers",
                         "Hotspur", "Argyle", "Orient", "Wednesday", "Forest", "Villa", "Olympic", "Dynamo"})
# A settlement's name may open with these, which are first names too ("San Diego", "St Albans")
_PLACE_OPENINGS = frozenset({"San", "Santa", "Santo", "São", "Saint", "St", "St.", "Port", "Fort", "Mount", "New", "El",
                             "La", "Le", "Los", "Las"})


def _surnames(text: str, spans: list[Span_]) -> set[str]:
    """The last words of the names of two words or more the spans read as persons."""
    return {name.split()[-1] for s, e, lab in spans if lab == "PERSON"
            and len((name := clean_name(text[s:e], "PERSON")).split()) >= 2}


def _read_as_a_person_but(text: str, start: int, end: int, surnames: set[str]) -> str:
    """The label of a name the model reads as a person that the page does not introduce as one: a
    town or city of the gazetteer ("Vadodara", "San Diego's"; not "Houston" or "Jackson", first
    names too, nor the surname of someone the page names in full) is a place; a town's club
    ("Manchester United") and a plural after "the" ("the Leafs", "the Bruins") an organisation."""
    name = clean_name(text[start:end], "GPE")
    words = name.split()
    if not words or name in surnames:
        return "PERSON"
    if name in settlement_names() and (words[0] in _PLACE_OPENINGS and len(words) > 1
                                       or first_names().get_gender(words[0]) == "unknown"):
        return "GPE"
    if len(words) == 2 and words[1] in _CLUB_WORDS and words[0] in settlement_names() and name not in settlement_names():
        return "ORG"
    plural = len(words) == 1 and name.endswith("s") and first_names().get_gender(name) == "unknown"
    return "ORG" if plural and re.search(r"\b[Tt]he\s+$", text[max(0, start - 5):start]) else "PERSON"


# Words around a country's name or its nationality that make it a piece of a longer name the model
# cut ("Port of Spain", "the Gulf of Aden", "Anglo American", "the Australian Open", "the Indian ocean"),
# not the country: a place's or a body's word and "of" before it (not a person's: "Gharib of Morocco";
# nor an office: "President of France"), or a competition's, a show's or a sea's word after it
_PIECE_BEFORE = re.compile(r"(?:\b(?:Port|Gulf|Bay|Bight|Bank|University|Isle|Isles|Cape|Strait|Straits|Sea|Lake|"
                           r"Church|Museum|College|Sultanate|Emirate|Archipelago) of (?:the )?|\bAnglo[ -])$")
_PIECE_AFTER = re.compile(r"^\s(?:Open|Masters|Classic|Grand Prix|Idol|Ocean|ocean|Sea|sea)\b")


def _a_piece_of_a_longer_name(text: str, start: int, end: int, label: str) -> bool:
    if label not in ("GPE", "NORP", "LOC"):
        return False
    return bool(_PIECE_BEFORE.search(text[max(0, start - 30):start]) or _PIECE_AFTER.match(text[end:end + 12]))


def _a_word_opening_its_sentence(text: str, start: int, end: int, label: str, words: frozenset[str]) -> bool:
    """'Salary increments were promised', 'Commuters packed the metro': one English word the model
    took for a name only because it opens a sentence, which the page never capitalises elsewhere
    (nor a town, a country or a given name: "Hope said", "Reading won"; nor an organisation's
    name in the singular: "Twitter said" once is the company)."""
    word = text[start:end]
    lower = word.lower()
    plural = lower.endswith("s") and lower[:-1] in words
    if " " in word or not word[:1].isupper() or word.isupper() or not (lower in words or plural) \
            or label == "ORG" and not plural:
        return False
    opens = start == 0 or re.search(r"(?:[.!?][\"”’)]?\s+|\n\s*)$", text[max(0, start - 4):start]) is not None
    if not opens or word in settlement_names() or territory_name(word, "GPE") is not None \
            or first_names().get_gender(word) in FIRST_NAME_GENDERS:
        return False
    return re.search(rf"(?<![.!?\n]\s)(?<![.!?\n])\b{re.escape(word)}\b", text[:start] + " " * len(word) + text[end:]) is None


def extract_mentions(doc: Doc, body_start: int = 0, words: frozenset[str] = frozenset()) -> list[Mention]:
    """Mentions of named entities in `doc`, resolved within the document.

    `doc` holds what the page prints before its body (title, dek, captions), then the body from
    character `body_start` on. Names before the body help resolve the body's names (the page's
    first spelling of a person wins). Body mentions have offsets into the body; the others are
    marked `in_body=False`. `words` (english_words) tell a person's name the model misreads.
    """
    text = doc.text
    spans = _repair_spans(text, [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in NAMED_LABELS], words)
    cleaned: dict[tuple[int, int], tuple[str, str]] = {}
    for start, end, label in spans:
        name = clean_name(text[start:end], label)
        if name and any(ch.isalpha() for ch in name) and not (name.islower() and " " not in name and name in words) \
                and not _a_word_opening_its_sentence(text, start, end, label, words) \
                and not _a_piece_of_a_longer_name(text, start, end, label):
            cleaned[(start, end)] = (name, label)  # (not a common word in lower case: "the metro", "lng")
    sides = frozenset(span for span, (_, label) in cleaned.items() if is_a_national_side(text, *span, label))
    cleaned, places = _vote_labels(cleaned, text, words, sides)
    canonical = _resolve_within(cleaned, places, text)
    mentions = []
    for (start, end), (name, _) in cleaned.items():
        full, how, label = canonical[(name, _)]
        printed = text[start:end]
        if (start, end) in sides:
            how = NATIONAL_SIDE
        elif how == "exact":
            how = unresolved_how(name, printed)
        in_body = start >= body_start
        shift = body_start if in_body else 0
        mentions.append(Mention(start - shift, end - shift, printed, label, name, full,
                                entity_id_for(full, label), how, in_body))
    return mentions


UNINTRODUCED_PERSON_VOTE = 0.5  # a lone word tagged a person that the page never names in full


def person_surnames(names: Iterable[tuple[str, str]]) -> set[str]:
    """The last words of the full names (two words or more) a document gives persons."""
    return {name.split()[-1] for name, label in names if label == "PERSON" and " " in name}


def is_unintroduced_person(name: str, label: str, surnames: set[str]) -> bool:
    """A lone word tagged a person whose document names no one in full who ends with it (the same
    rule in SQL: sql/load/label_votes.sql)."""
    return label == "PERSON" and " " not in name and name not in surnames


# What the words around a name say it is, whatever the model read: a place by the nouns that place
# it ("a suburb of Peshawar", "Kafra Nbel, a town near Idlib", "north of Glen Innes", "Boracay
# island"), a wire dateline's city ("PUYALLUP, Wash. (AP) —").
_SETTLEMENTS = r"(?:town|city|village|suburb|suburbs|outskirts|province|district|county|capital|port|hamlet|municipality)"
_DIRECTIONS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_PLACE_BEFORE = re.compile(r"\b(?:" + _SETTLEMENTS + r"\s+of|" + _DIRECTIONS + r"\s+of|(?:km|miles|kilometres|kilometers)"
                           r"\s+(?:from|of|outside)|capital,?)\s+(?:the\s+)?$", re.I)  # ("the capital, Dhaka")
_PLACE_AFTER = re.compile(r"^(?:,\s+(?:a|the)\s+(?:[a-z-]+\s+){0,2}" + _SETTLEMENTS + r"\b|\s+(?:town|city|village|"
                          r"province|district|county|constituency|region|tehsil|municipality|borough|parish|ward)\b|"
                          r"[’']s\s+(?:\(\w+\)\s+)?(?:provincial\s+|state\s+)?capital\b|,\s+(?:about\s+|some\s+)?[\d,.]+\s*(?:km|miles|kilometres|"
                          r"kilometers)\s+(?:" + _DIRECTIONS + r"\s+)?(?:of|from)\b)")  # (lower-case: "Manchester City" is a
# club; "Petit Goave, 60 miles west of Port-au-Prince")
# The last words of organisations' names (not "House", "Street" or "Park", which name places too)
_ORGANISATION_ENDINGS = frozenset({"team", "fc", "club", "inc", "inc.", "ltd", "ltd.", "plc", "llc", "corp", "corp.",
                                   "corporation", "group", "bank", "company", "co.", "association", "foundation",
                                   "institute", "university", "council", "committee", "commission", "ministry",
                                   "agency", "authority", "party", "union", "federation", "league", "trust"})
_COUNTY = re.compile(r"(?:Co\.?|County)\s+(?!(?:Hall|Council|Court|Ground|Cricket|Club|Championship|Board|Show|"
                     r"Library|Hospital|Road|Offices?|Buildings?)$)[A-Z][a-z]+$")  # ("County Hall" is a building)
_LISTED_PLACES_AFTER = re.compile(r"^(?:\s*(?:,|,?\s+and|,?\s+or)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}){1,8}\s+"
                                  r"(?:regions|districts|provinces|states|counties|towns|villages|cities|tehsils|"
                                  r"municipalities|constituencies|suburbs|townships|boroughs|parishes)\b")
# A town's name before the words of its local government or its people ("Mildura mayor Ali Cupper",
# "the Norfolk area port director"), for a name the gazetteer holds
_LOCAL_AFTER = re.compile(r"^\s+(?:mayor|council|councillors?|councilors?|shire|residents|area|region|district|"
                          r"police|authorities)\b")
_ISLAND_AFTER = re.compile(r"^\s+island\b")
# A common noun after a name that makes it a building or a work ("Heathrow airport", "Wembley stadium")
_FACILITY_AFTER = re.compile(r"^\s+(?:airport|stadium|arena|station|bridge|harbou?r|dam|hospital|highway|expressway|"
                             r"racecourse|circuit|velodrome)\b")
# ... or the members of an armed group ("Boko Haram militants", "Hamas fighters"; not "Trump supporters")
_MEMBERS_AFTER = re.compile(r"^\s+(?:militants?|fighters?|insurgents?|rebels?|gunmen|jihadists?|operatives?)\b")
# The last word of a competition's name ("the China Open", "the Davis Cup", "the Commonwealth Games")
_EVENT_ENDINGS = frozenset({"open", "cup", "championship", "championships", "games", "olympics", "trophy", "marathon",
                            "grand prix", "masters", "classic", "invitational", "series", "world cup"})
_ISLANDS_BEFORE = re.compile(r"\bislands?\s+of\s+(?:the\s+)?$", re.I)
_DATELINE_AFTER = re.compile(r"^,\s+[A-Z][a-z]{1,4}\.\s*(?:\([A-Z][\w ]{0,20}\)\s*)?[-–—]")
# A verb in the plural after a name the model reads as a person ("Arrows were the side with more
# possession", "Aston Villa have won"): a team, a band or a company, not one person.
_PLURAL_VERB_AFTER = re.compile(r"^\s+(?:were|are|have|have been)\b(?!\s+to\b)")
# ... unless the name is one of a list, or a preposition's object ("the fans of John Smith were")
_NOT_THE_SUBJECT_BEFORE = re.compile(r"(?:\band|&|,|\b(?:of|in|for|with|by|from|to|at|on|like|than))\s+$", re.I)
CONTEXT_VOTE = 3.0  # a place the words around it name outweighs the model's reading of a few mentions
# A town's or a country's name the model reads as something else, where the words before it put it
# on the map ("in Cardiff", "near Winston-Salem", "of May Street, Burnley"); "at" only for a name the
# model does not read as an organisation ("five years at Burnley" is a club).
_IN_A_PLACE_BEFORE = re.compile(r"(?:\b(?:in|near|outside|across|throughout|around)|\b(?:Street|Road|Avenue|Lane|Drive|Close|"
                                r"Crescent|Terrace|Way),)\s+$")
_AT_A_PLACE_BEFORE = re.compile(r"\b(?:at|At)\s+$")
# A country's or a city's name for its side in a game: words of sport in the sentence (or many on the
# page), and the name in a side's place ("India wrapped the first Test", "Tests against England",
# "after losing to Wales", "a 1-0 victory over Austin", "The Cougars scored").
_SPORT_WORDS = re.compile(
    r"\b(?:match(?:es)?|Tests?|ODIs?|T20s?|innings?|wickets?|runs|goals?|tries|penalt(?:y|ies)|half-time|quarter|"
    r"semi-finals?|finals?|league|cup|tournament|squad|coach|captain|skipper|bowl(?:ed|ing|ers?)|bat(?:ted|ting|ters?|smen)|"
    r"scor(?:ed|ing)|kick(?:ed)?|fixtures?|stadium|rebounds|touchdowns?|play-?offs?|Six Nations|World Cup|"
    r"striker|midfielder|defender|goalkeeper|fly-half|backs|forwards|season|game|goalie|saves|shootout|"
    r"pitcher|homer|puck|netball|rugby|hockey|baseball|basketball|football|soccer|cricket)\b")
SPORT_PAGE_WORDS = 8  # a page with this many words of sport is about sport throughout
_SIDE_BEFORE = re.compile(r"\b(?:against|over|beat|beating|beats|defeated|defeating|edged|thrashed|vs\.?|v\.?|versus|"
                          r"(?:lost|losing|lose|loss|defeat|fell|went down) to|dr(?:ew|aw) with)\s+$")
_SIDE_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:(?:\w+\s+){0,2}(?:goals|points|tries|runs|wickets)\b|starter|goalie|goaltender|"
                         r"pitcher|backup|closer|reliever|quarterback|keeper|won|win|wins|beat|beats|lost|lose|loses|drew|"
                         r"draw|defeated|edged|thrashed|"
                         r"wrapped|clinched|sealed|were|are|bowled|batted|scored|score|levelled|led|lead|leads|trail|"
                         r"trailed|posted|declared|reached|chased|need|needed|coach|captain|skipper|squad|bowlers|batsmen|"
                         r"batters|players|side|team|fans|supporters|manager|head coach|forwards|strikers?|midfielders?|"
                         r"defenders?|goalkeepers?|openers?|attack|defence|defense|vs\.?|v\.?|versus|"
                         r"(?:\w+\s+){0,2}(?:innings|total|lead|semi-final|final|quarter-final|campaign|title))(?=\W|$)")
_NOT_A_SIDE_BEFORE = re.compile(r"\b(?:in|at|from|of|near|to)\s+$")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) that holds text[start:end], at most 300 characters each side."""
    left = text[max(0, start - 300):start]
    cut = max(left.rfind(". "), left.rfind("? "), left.rfind("! "), left.rfind("\n"))
    right = text[end:end + 300]
    stops = [i for i in (right.find(". "), right.find("? "), right.find("! "), right.find("\n")) if i >= 0]
    return left[cut + 1:] + text[start:end] + right[:min(stops, default=len(right))]


@lru_cache(maxsize=64)
def _is_a_sport_page(text: str) -> bool:
    return len(_SPORT_WORDS.findall(text)) >= SPORT_PAGE_WORDS


# On a page about sport, a name that is the subject of what a side does ("India secured back-to-back
# penalty corners", "England had taken the lead", "Australia came out on top", "India drawing their game")
_PLAYS_AFTER = re.compile(r"^\s+(?:(?:only|then|also|still|again|eventually|finally)\s+)?(?:[a-z]+ed|[a-z]{3,}ing|has|have|had|"
                          r"came|comes|looks|saw|sat|took|takes|made|makes|kept|keeps|held|holds|went|goes|got|gets|"
                          r"put|puts|gave|ran|found|finds|faced|face|faces|play|plays)\b")


def _is_a_side(text: str, start: int, end: int, before: str, after: str) -> bool:
    """A name in a side's place in a sentence (or on a page) about sport."""
    if _is_a_sport_page(text) and _PLAYS_AFTER.match(after) and not _NOT_A_SIDE_BEFORE.search(before) \
            and _SPORT_WORDS.search(_sentence_around(text, start, end)):
        return True
    owned = after.startswith(("'s", "’s")) and _SIDE_AFTER.match(after)  # ("one of Calgary's two goals")
    if (_NOT_A_SIDE_BEFORE.search(before) and not owned) or not (_SIDE_BEFORE.search(before) or _SIDE_AFTER.match(after)):
        return False
    return bool(_SPORT_WORDS.search(_sentence_around(text, start, end))) or _is_a_sport_page(text)


@lru_cache(maxsize=4)
def english_words(model_path: str | None) -> frozenset[str]:
    """The nouns, verbs and adjectives of English (WordNet's index, in the spaCy model's lemmatizer
    tables), lower-case: the words a surname usually is not. Empty without the model's files."""
    tables = Path(model_path or "") / "lemmatizer" / "lookups"
    if not model_path or not (tables / "lookups.bin").exists():
        return frozenset()
    from spacy.lookups import Lookups

    index = Lookups().from_disk(tables).get_table("lemma_index")
    return frozenset(w for pos in ("noun", "verb", "adj") if pos in index for w in index[pos])


def is_a_persons_name(name: str, words: frozenset[str]) -> bool:
    """'Karolina Muchova', 'Diego Schwartzman': a usual first name, then a capitalised word that is
    no English word and no town ("Forest Hill", "Carlyle Group", "Heinz Field" are not)."""
    parts = name.split()
    if len(parts) != 2 or not words or not parts[1][:1].isupper() or parts[1].isupper() \
            or not re.fullmatch(r"[\w’'-]+", parts[1]) or any(c.isdigit() for c in parts[1]):
        return False
    return first_names().get_gender(parts[0]) in ("male", "female") \
        and not {p.lower() for p in parts} & words and name not in settlement_names() \
        and parts[1] not in settlement_names()


def _printed_name(text: str, start: int, end: int) -> str:
    """The name a mention prints, less a possessive ("Sri Lanka's" -> Sri Lanka)."""
    return re.sub(r"[’']s$", "", text[start:end])


def is_a_national_side(text: str, start: int, end: int, label: str) -> bool:
    """A country's name in a side's place in a sentence (or on a page) about sport ("India wrapped
    the first Test", "a 1-0 win over England"), not one a person bears ("Jordan scored")."""
    name = _printed_name(text, start, end)
    if territory_name(name, "GPE") is None and name not in home_nations() \
            or label == "PERSON" and first_names().get_gender(name.split()[0]) != "unknown":
        return False
    return _is_a_side(text, start, end, text[max(0, start - 40):start], text[end:end + 60])


def context_label(text: str, start: int, end: int, label: str = "") -> str | None:
    """The label the words around text[start:end] (which the model reads as `label`) give a name, or
    None when they say nothing."""
    before, after = text[max(0, start - 40):start], text[end:end + 60]
    if label == "PERSON" and _PLURAL_VERB_AFTER.match(after) and not _NOT_THE_SUBJECT_BEFORE.search(before):
        return "ORG"
    name = _printed_name(text, start, end)
    country = territory_name(name, "GPE") is not None and first_names().get_gender(name.split()[0]) == "unknown"
    named_place = label in ("GPE", "LOC") or country or (label != "PERSON" and name in settlement_names())
    # (a country the model reads as a person, "Sri Lanka", but not "Jordan"; a town's name, not "Lopez")
    plural_with_the = label not in ("ORG", "GPE") and re.search(r"\b[Tt]he\s+$", before) and name.endswith("s")
    if (named_place or plural_with_the) and _is_a_side(text, start, end, before, after):
        return "ORG"
    if label == "PERSON" and territory_name(name, "GPE") is not None \
            and first_names().get_gender(name.split()[0]) not in FIRST_NAME_GENDERS:
        return "GPE"  # a country read as a person ("Sri Lanka's"), whose first word is rarely a first name
    if _ISLAND_AFTER.match(after) or _ISLANDS_BEFORE.search(before):
        return "LOC"
    if label != "FAC" and _FACILITY_AFTER.match(after):
        return "FAC"
    if label in ("PERSON", "GPE", "NORP") and _MEMBERS_AFTER.match(after) and not (
            label == "GPE" and territory_name(name, "GPE") is not None):  # ("Iran supporters": a country's)
        return "ORG"
    words = name.split()
    if label in ("ORG", "PERSON", "FAC", "PRODUCT") and len(words) >= 2 and words[-1].lower() in _EVENT_ENDINGS:
        return "EVENT"  # "the Victor China Open", "the Davis Cup"
    if label == "PERSON" and len(words) == 1 and re.fullmatch(r"[A-Z][a-z]+ers?", name) \
            and (name.rstrip("s")[:-2] in settlement_names() or name.rstrip("s")[:-1] in settlement_names()):
        return "NORP"  # "Dubliner", "Londoners": people of a town, not a person
    if label == "NORP" and name in settlement_names():
        return "GPE"  # "Maharashtra", "Selangor": a town's or a region's name is no nationality
    if _PLACE_BEFORE.search(before) or _PLACE_AFTER.match(after):
        return "GPE"
    if label in ("PERSON", "GPE", "NORP", "PRODUCT") and len(name.split()) >= 2 \
            and name.split()[-1].lower() in _ORGANISATION_ENDINGS:
        return "ORG"  # "Tudor Pro Cycling Team", "Carphone Warehouse Group": a name an organisation's word ends
    if _COUNTY.match(name) or _LISTED_PLACES_AFTER.match(after):
        return "GPE"  # "Co Kildare"; "Kotputli, Paota, Shahpura and Jamwaramgarh tehsils"
    line_start = start == 0 or text[start - 1] == "\n"
    if line_start and text[start:end].isupper() and _DATELINE_AFTER.match(after):
        return "GPE"
    if label != "GPE" and name in settlement_names() and not after.startswith(("'s", "’s")) and (
            _IN_A_PLACE_BEFORE.search(before) or (label != "ORG" and _AT_A_PLACE_BEFORE.search(before))
            or _LOCAL_AFTER.match(after)):
        return "GPE"
    return None


def _voted(pairs: Iterable[tuple[str, str, float]]) -> dict[str, str]:
    """Each key's label: the one its mentions' votes favour (ties: the first mention's)."""
    counts: dict[str, dict[str, float]] = {}
    for key, label, weight in pairs:
        counts.setdefault(key, {}).setdefault(label, 0.0)
        counts[key][label] += weight
    return {key: max(labels, key=labels.__getitem__) for key, labels in counts.items()}


# A speech verb right after a name: the name speaks ("Dzulkefly said", "Titmus told reporters").
_SPEAKS_AFTER = re.compile(r"^\s+(?:also\s+)?(?:said|says|told|tells|added|explained|stressed|insisted|urged|recalled)\b")


def speaker_read_as_a_thing(text: str, start: int, end: int, label: str, words: frozenset[str]) -> bool:
    """A one-word name the model reads as a nationality, a place or a work that speaks ("Titmus
    said", "Dzulkefly told reporters"): no English word (WordNet knows "Hamas", "Taliban"), no town,
    no country (a capital or a state speaks for its government: "Beijing said"), so a person."""
    name = text[start:end]
    return label in ("NORP", "GPE", "LOC", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW") and bool(words) \
        and re.fullmatch(r"[A-Z][a-z][\w’'-]+", name) is not None and name.lower() not in words \
        and name not in settlement_names() and territory_name(name, "GPE") is None \
        and _SPEAKS_AFTER.match(text[end:end + 30]) is not None


def _vote_labels(cleaned: dict[tuple[int, int], tuple[str, str]], text: str = "", words: frozenset[str] = frozenset(),
                 sides: frozenset[tuple[int, int]] = frozenset()
                 ) -> tuple[dict[tuple[int, int], tuple[str, str]], dict[str, str]]:
    """One label per name in a document, voted by its mentions ("Hamas" is an organisation on a page
    that once tags it a place); then one per country, territory or union, whatever its printed form
    ("US", "U.S.", "United States"). A lone word tagged a person, where the page never gives that
    person's full name, votes with half a voice: news names a person in full before it shortens
    the name, so "Rafah" tagged three times a person and twice a place is a place. The words around
    a mention that place it ("a suburb of Peshawar") vote as three mentions, as do a lone word the
    page gives as a person's surname and a one-word name that speaks ("Titmus said"). Returns the
    relabelled mentions and each name's CLDR name. The spans in `sides` (national sides) are
    organisations and take no part in their name's vote."""
    ordered = sorted((span, named) for span, named in cleaned.items() if span not in sides)
    surnames = person_surnames(cleaned.values())

    def weight(name: str, label: str) -> float:
        return UNINTRODUCED_PERSON_VOTE if is_unintroduced_person(name, label, surnames) else 1.0

    read = [(name, label, weight(name, label)) for _, (name, label) in ordered]
    said = [(name, cue, CONTEXT_VOTE) for (start, end), (name, label) in ordered
            if text and (cue := context_label(text, start, end, label))]
    # a lone word the page gives as a person's surname ("Edmund Bartlett" … "Bartlett", read as a
    # town), and a one-word name that speaks, are persons (not a country, "Jordan", nor a firm that
    # bears its founder's name, "Ford")
    said += [(name, "PERSON", CONTEXT_VOTE) for (start, end), (name, label) in ordered
             if label not in ("PERSON", "ORG") and (name in surnames and territory_name(name, "GPE") is None
                                       or speaker_read_as_a_thing(text, start, end, label, words))]
    by_name = _voted(read + said)
    named = frozenset(p for name, label in by_name.items() if (p := territory_name(name, label)) and not name.isupper())
    places = {name: place for name, label in by_name.items() if (place := territory_name(name, label, named))}
    by_place = _voted((places[name], by_name[name], 1.0) for _, (name, _) in ordered if name in places)
    voted = {span: (name, by_place[places[name]] if name in places else by_name[name]) for span, (name, _) in ordered}
    for span in sides & cleaned.keys():
        name = cleaned[span][0]
        voted[span] = (name, "ORG")
        places.setdefault(name, territory_name(name, "GPE") or name)
    return voted, places


def _acronyms(full_names: Iterable[str]) -> dict[str, str]:
    """An acronym of exactly one of the page's names ("IDF" of "Israel Defense Forces"; small words
    are skipped) -> that name."""
    by_initials: dict[str, set[str]] = {}
    for full in full_names:
        words = [w for w in re.split(r"[\s-]+", full) if w.lower() not in ("of", "the", "and", "for", "&", "de")]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            by_initials.setdefault("".join(w[0] for w in words), set()).add(full)
    return {acronym: next(iter(names)) for acronym, names in by_initials.items() if len(names) == 1}


# The bodies every country has, named by common words ("Parliament", "the Electoral Commission",
# "the Supreme Court", "the Ministry of Health"): which one a page means is its country's.
_BODY_NOUNS = frozenset({"parliament", "senate", "court", "commission", "ministry", "police", "cabinet", "government",
                         "assembly", "council", "army", "navy", "bank", "treasury", "judiciary", "legislature",
                         "tribunal", "directorate", "service", "agency", "board"})
# ... and the words that qualify them in every country (not a name: "UN Security Council", "Oval Office")
_BODY_WORDS = frozenset({"supreme", "high", "constitutional", "electoral", "election", "central", "national", "federal",
                         "state", "health", "finance", "foreign", "interior", "defence", "defense", "education",
                         "justice", "security", "independent", "police", "revenue", "tax", "labour", "labor",
                         "agriculture", "energy", "transport", "trade", "environment", "public", "prosecution",
                         "general", "local", "city", "county", "district", "provincial", "regional", "municipal",
                         "war", "communications", "information", "home", "statistics", "affairs", "anti-corruption",
                         "appeal", "appeals", "magistrates", "industry", "works", "fire", "water", "planning"})
GENERIC_BODY = "generic_body_of_the_pages_country"
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "&", "de", "in"})
_UNION_NAMES = frozenset(filter(None, (territory_name(code, "ORG") for code in UNIONS)))  # (no union's body)  # resolved_by of "Parliament" read as "Parliament (Malta)"


def _is_a_generic_body(name: str) -> bool:
    parts = [w for w in name.split() if w.lower() not in _SMALL_WORDS]
    return bool(parts) and parts[-1].lower() in _BODY_NOUNS and all(
        not w.isupper() and w.lower() in _BODY_WORDS | _BODY_NOUNS for w in parts)  # ("the electoral commission")


def _of_the_country(body: str, country: str) -> str:
    """'Parliament of Malta', 'Senate of the United States', 'Ministry of Health (Kenya)'."""
    if " of " in body:
        return f"{body} ({country})"
    the = country.startswith(("United ", "Republic ", "Democratic ", "Czech ", "Central African ", "Dominican ")) \
        or country.endswith(("lands", "ines", "ives", "amas", "elles", "oros", "Emirates", "Islands", "Gambia"))
    return f"{body} of {'the ' if the else ''}{country}"


def _the_pages_country(cleaned: Mapping[tuple[int, int], tuple[str, str]], places: Mapping[str, str]) -> str | None:
    """The country the page names most often (not a union), when one leads."""
    counts = Counter(places[name] for name, label in cleaned.values()
                     if label == "GPE" and name in places and places[name] not in _UNION_NAMES)
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _resolve_within(cleaned: dict[tuple[int, int], tuple[str, str]], places: Mapping[str, str], text: str
                    ) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(name, label) -> (canonical name, how, label): a country by its CLDR name, a person by the
    page's first spelling, a short form by the one fuller name ending with it, an acronym by the one
    name of the page it abbreviates (and takes that name's label), a body every country has by the
    page's country ("Parliament of Malta", "Ministry of Health (Kenya)")."""
    country = _the_pages_country(cleaned, places)
    canonical: dict[tuple[str, str], tuple[str, str]] = {}
    for label in {label for _, label in cleaned.values()}:
        names = {name for name, lab in cleaned.values() if lab == label}
        spelled = _close_spelling_variants(names, text) if label == "PERSON" else {n: n for n in names}
        resolver = _resolve_short_forms(spelled.values()) if label in ("PERSON", "ORG") else {}
        given = _resolve_first_names(spelled.values()) if label == "PERSON" else {}
        for name in names:
            full = resolver.get(spelled[name], spelled[name])
            how = ("exact" if full == name else
                   "spelling_variant" if spelled[name] != name else "short_form_of_full_name")
            if full in given:
                full, how = given[full], "first_name_of_full_name"
            if name in places:
                full, how = places[name], "exact" if places[name] == name else "territory_name"
            elif label == "ORG" and country and _is_a_generic_body(full):
                body = " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in full.split()) \
                    if full.islower() else full  # ("the electoral commission")
                full, how = _of_the_country(body, country), GENERIC_BODY
            canonical[(name, label)] = (full, how)
    acronyms = _acronyms(full for (_, label), (full, _) in canonical.items() if label != "PERSON")
    label_of = {full: label for (_, label), (full, _) in canonical.items()}
    resolved = {}
    for (name, label), (full, how) in canonical.items():
        if how == "exact" and label != "PERSON" and name.isupper() and acronyms.get(name, name) != name:
            resolved[(name, label)] = (acronyms[name], "acronym_of_full_name", label_of[acronyms[name]])
        else:
            resolved[(name, label)] = (full, how, label)
    return resolved


def entity_input(preamble_lines: Iterable[str], body_text: str) -> tuple[str, int]:
    """The text the entity step reads (unique title, dek and caption lines, then the body) and
    where the body starts in it."""
    preamble = "\n".join(dict.fromkeys(line for line in preamble_lines if line))
    if not preamble:
        return body_text, 0
    return f"{preamble}\n\n{body_text}", len(preamble) + 2


def unresolved_how(name: str, printed: str) -> str:
    """resolved_by of a mention that is its own canonical name."""
    return "exact" if name == _EDGE_PUNCT.sub("", printed) else "title_or_possessive_stripped"


def is_lone_name(m: Mention) -> bool:
    """A person or organisation left as one word (a surname, a short form) by its document (not a
    national side: a country's name)."""
    return m.label in ("PERSON", "ORG") and m.canonical_name == m.name and len(m.name.split()) == 1 \
        and m.resolved_by != NATIONAL_SIDE


def resolve_lone_names(lone: Iterable[tuple[str, str]], known_full_names: Mapping[str, set[str]]
                       ) -> dict[tuple[str, str], str]:
    """(label, lone name) → the one full name of that label, among those known, ending with it, or
    (an organisation's acronym, "NHS") the one it abbreviates; → None for a name that two or more
    full names end with (it could be either); a name no full name ends with is left out."""
    by_last_word: dict[tuple[str, str], set[str]] = {}
    for label in ("PERSON", "ORG"):
        for full in known_full_names.get(label, ()):
            if len(full.split()) > 1:
                by_last_word.setdefault((label, full.split()[-1]), set()).add(full)
    acronyms = _acronyms(known_full_names.get("ORG", ()))
    resolved = {}
    for label, name in set(lone):
        candidates = by_last_word.get((label, name), set())
        if len(candidates) == 1:
            resolved[(label, name)] = next(iter(candidates))
        elif len(candidates) > 1:
            resolved[(label, name)] = None
        elif not candidates and label == "ORG" and name.isupper() and name in acronyms:
            resolved[(label, name)] = acronyms[name]
    return resolved


def names_of(mentions: Iterable[Mention]) -> set[str]:
    """The canonical names of the people and organisations among these mentions."""
    return {m.canonical_name for m in mentions if m.label in ("PERSON", "ORG")}


def company_of(full_names: Iterable[str], documents: Iterable[list[Mention]]) -> dict[str, set[str]]:
    """Each of these full names -> the people and organisations the documents that name it name
    beside it (the same in SQL: sql/load/lone_names_in_company.sql)."""
    wanted, company = set(full_names), {}
    for mentions in documents:
        names = names_of(mentions)
        for full in names & wanted:
            company.setdefault(full, set()).update(names - {full})
    return company


def in_company(document_names: set[str], lone: str, full: str, company: Mapping[str, set[str]]) -> bool:
    """Whether a document that leaves `lone` as one word names someone (a person or an organisation,
    neither of the two) that a document naming `full` names too: one story's cast, not a namesake
    on an unrelated page ("Johnston" on a council's page is not the actress of a film review)."""
    return bool((document_names - {lone, full}) & company.get(full, set()))


def resolve_across_documents(
    documents: list[list[Mention]], known_full_names: Mapping[str, set[str]], scopes: Sequence[str] | None = None,
    company: Mapping[str, set[str]] | None = None,
) -> list[list[Mention]]:
    """A person or organisation left as a lone surname or short form in its document resolves to the
    one full name of that label that the warehouse (or these documents) knows ending with it, when
    its document shares `company` with one that names it (None: no check); one that two or more end
    with stays an entity of its own document (`scopes`: the documents' ids)."""
    resolved = resolve_lone_names(((m.label, m.name) for ms in documents for m in ms if is_lone_name(m)),
                                  known_full_names)
    scopes = scopes if scopes is not None else [str(n) for n in range(len(documents))]

    def resolve(m: Mention, scope: str, names: set[str]) -> Mention:
        if not is_lone_name(m) or (m.label, m.name) not in resolved:
            return m
        full = resolved[(m.label, m.name)]
        if full is None:
            return replace(m, entity_id=entity_id_for(m.name, m.label, scope), resolved_by=LONE_NAME_AMBIGUOUS)
        if company is not None and not in_company(names, m.name, full, company):
            return m
        return replace(m, canonical_name=full, entity_id=entity_id_for(full, m.label),
                       resolved_by=LONE_NAME_RESOLVED)

    return [[resolve(m, scope, names) for m in mentions]
            for mentions, scope in zip(documents, scopes) for names in [names_of(mentions)]]


CLEAR_MAJORITY = 2 / 3  # the share of a name's mentions its label needs to decide it for all of them


def label_targets(votes: Iterable[tuple[str, str, float]]) -> list[tuple[str, str, str, str]]:
    """(canonical name, label, target entity id, target label) for every name and label the votes
    hold. A name printed with two labels or more takes the label most of its mentions carry when
    that is a clear majority ("Arsenal": 151 ORG, 36 PERSON); without one ("Jordan": a country and a
    person), and for a name printed with one label, each label is its own entity."""
    by_name: dict[str, dict[str, float]] = {}
    names: dict[str, set[str]] = {}
    for name, label, n in votes:
        by_name.setdefault(name.casefold(), {}).setdefault(label, 0.0)
        by_name[name.casefold()][label] += n
        names.setdefault(name.casefold(), set()).add(name)
    targets = []
    for key, labels in by_name.items():
        winner = max(sorted(labels), key=labels.__getitem__)
        clear = len(labels) > 1 and labels[winner] >= CLEAR_MAJORITY * sum(labels.values())
        for name in sorted(names[key]):
            for label in labels:
                target = winner if clear else label
                targets.append((name, label, entity_id_for(name, target), target))
    return targets


class HasText(Protocol):
    preamble: list[str]
    body_text: str
    readable_body: str  # the body, or "" for a document in another language (documents.text_to_read)


def page_mentions(nlp: Language, docs: Sequence[HasText], n_process: int = 1,
                  on_document: Callable[[], None] = lambda: None
                  ) -> Iterator[tuple[list[Mention], list[tuple[int, Mention]]]]:
    """Each document's mentions, in order, resolved within the document: NER over its title, dek,
    captions and body (what the body says is resolved with the help of what precedes it). For each
    document: its body mentions, and its mentions before the body as (k, mention) with k the
    line's index among the unique preamble lines and offsets into that line. A document in
    another language has none: the English model reads its words as names."""
    inputs = [entity_input(d.preamble, d.body_text) if d.readable_body else ("", 0) for d in docs]
    words = english_words(str(nlp.path) if nlp.path else None)
    for doc, spacy_doc, (_, body_start) in zip(docs, nlp.pipe((text for text, _ in inputs), batch_size=32,
                                                              n_process=n_process), inputs):
        found = extract_mentions(spacy_doc, body_start, words)
        on_document()
        yield [m for m in found if m.in_body], preamble_mentions([m for m in found if not m.in_body], doc.preamble)


def document_mentions(nlp: Language, docs: Sequence[HasText], n_process: int = 1,
                      on_document: Callable[[], None] = lambda: None) -> Iterator[list[Mention]]:
    """Each document's body mentions (page_mentions, less those before the body)."""
    return (body for body, _ in page_mentions(nlp, docs, n_process, on_document))


def preamble_mentions(mentions: Iterable[Mention], preamble: Iterable[str]) -> list[tuple[int, Mention]]:
    """Mentions before the body (offsets into entity_input's text) as (k, the mention with offsets
    into unique preamble line k); one that runs over a line's end is left out."""
    lines, starts, at = list(dict.fromkeys(line for line in preamble if line)), [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    placed = []
    for m in mentions:
        k = max((i for i, start in enumerate(starts) if start <= m.start_char), default=None)
        if k is not None and m.end_char <= starts[k] + len(lines[k]):
            placed.append((k, replace(m, start_char=m.start_char - starts[k], end_char=m.end_char - starts[k])))
    return placed


def resolve_among(documents: list[list[Mention]]) -> list[list[Mention]]:
    """Lone names resolved against the full names these documents know (as the warehouse resolves
    them against all the documents it holds: `flows.warehouse.resolve_across_warehouse`)."""
    known = known_full_names(m for ms in documents for m in ms)
    return resolve_across_documents(documents, known, company=company_of(set().union(*known.values()), documents))


def known_full_names(mentions: Iterable[Mention]) -> dict[str, set[str]]:
    """Canonical names of two words or more, by label: what a lone surname may resolve to."""
    known: dict[str, set[str]] = {}
    for m in mentions:
        if len(m.canonical_name.split()) > 1:
            known.setdefault(m.label, set()).add(m.canonical_name)
    return known
