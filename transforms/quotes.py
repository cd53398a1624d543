"""Direct quotations in an article body, with their speaker where the sentence names one.

Shapes read: “…,” said Blinken / “…,” Blinken said / “…,” Lapid told Blinken / Blinken said: “…” /
according to X, “…” / “…,” Gantz, a centrist, told … / “…,” the officials said / Blinken said he
spoke about “…” / Smith said …. “…”. A pronoun speaker ("he added") is the person most recently named before the
quote. A quote that names no speaker continues the one before it: in the same paragraph, with no
one else named between them, or as the next paragraph's opening quote (how news runs a long quote
on). Speakers are linked to entity mentions by their offsets, or by a close spelling of a person
the article names ("Blinked said"). A stretch of narrative between two quotes (its marks paired
the wrong way round: it opens with punctuation or a space) is not a quote, nor is a title in
quotation marks ("The Mandalorian").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from transforms.dates import WEEKDAYS
from transforms.entities import FIRST_NAME_GENDERS, Mention, close_spelling, first_names

SPEECH_VERBS = ("said", "says", "say", "added", "adds", "told", "tells", "wrote", "writes", "asked", "asks",
                "stated", "explained", "noted", "warned", "insisted", "declared", "continued", "replied",
                "tweeted", "posted", "argued", "claimed", "acknowledged", "recalled", "stressed", "urged",
                "announced", "reported", "responded", "cautioned", "emphasized", "emphasised", "admitted", "agreed", "quipped",
                "joked", "conceded", "observed", "remarked", "suggested", "predicted", "maintained", "countered",
                "concluded", "confirmed", "revealed", "boasted", "complained", "lamented", "recounted", "shouted",
                "warns", "explains", "notes", "insists", "argues", "claims", "urges", "continues", "recalls",
                "admits", "replies", "cautions", "stresses", "assured", "specified", "assures", "specifies", "read",
                r"weighed\s+in", r"chimed\s+in", r"was\s+quoted\s+(?:(?:by|in)\s+[^,.“”\"]{0,40}?\s*)?(?:as\s+)?saying")
_VERB = r"(?P<verb>" + "|".join(SPEECH_VERBS) + r")"
# a speech verb, or one naming what is quoted ("critics called it “a whitewash”"): someone speaks
NAMING_VERBS = ("called", "dubbed", "termed", "described", "branded", "labelled", "labeled")
_SPEECH = re.compile(r"\b(?:" + "|".join(SPEECH_VERBS + NAMING_VERBS) + r")\b(?!\s+to\s+[a-z])")  # (not "agreed to provide")
_WEEKDAY = r"(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + r")\b"
# a name, with the organisation it speaks for ("Pat Slattery of the National Weather Service", "Sgt.
# Cassandra Davis with the Little Rock Police Department"); never a weekday ("on Thursday said")
_NAME = r"(?!" + _WEEKDAY + r")(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:(?:of|with)\s+the\s+|of\s+|the\s+)?[A-Z][\w.’'-]*){0,5}"
# a name, a name's office ("Netanyahu's office"), or a description ("the officials", "the centrist
# former prime minister", "the 14th-ranked Schwartzman": linked to the name inside it), or a pronoun
# a description: "the officials", "one user", "another passenger", "The president" (not "one percent")
_DESCRIPTION = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?!per\s?cent\b|percent\b)[\w-]+(?:\s+[\w’'-]+){0,4}"
# ... with those who worked with him ("Paganini and his team wrote")
_SPEAKER = r"(?P<speaker>" + _NAME + r"(?:[’']s\s+[a-z]+|\s+and\s+(?:his|her|their)\s+[a-z]+)?|" + _DESCRIPTION \
    + r"|he|she|they|it|we|I)"
# "also said", "later tweeted", "quickly added"
_ADVERB = r"(?:(?:also|later|then|further|again|previously|earlier|once|now|\w+ly|on\s+" + _WEEKDAY + r")\s+)?"
# a speaker named by a description before the quote ("The president said on Tuesday that …")
_NAME_OR_DESCRIPTION = _NAME + "|" + _DESCRIPTION
# what stands between commas after a name ("Robertson, the U.S. commander, said"): no sentence end
_APPOSITION = r"(?:\s*,(?:[^.!?“”\"]|(?<=\b[A-Z])\.){2,80},|\s*\([^()\n.!?“”\"]{1,40}\))?"  # (or "Peacock (Lab) said:")
# a quote ends at its closing mark, or at its paragraph's end when the next paragraph opens with a
# mark (news leaves a quote that goes on into the next paragraph open: "“But yes, … conditions.\n“The")
_QUOTE = re.compile(r"“(?P<q1>[^”\n]{3,}?)(?:”|(?=\n[ \t]*“))|\"(?P<q2>[^\"\n]{3,}?)(?:\"|(?=\n[ \t]*\"))")
# ', JPL scientist Michael Malaska said': a role before the name
_ROLE_BEFORE_NAME = re.compile(r"^\s*,?\s*(?:[\w.’'-]+\s+){1,5}?(?P<speaker>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+"
                               + _ADVERB + _VERB + r"\b")
# ', said runner Deborah Pacheco', ', said board president, Kristin McCabe', ', said 17-time winner
# Serena Williams': the verb, then a role before the name
_VERB_ROLE_NAME = re.compile(r"^\s*,?\s*" + _VERB + r"\s+(?:[\w.’'-]+,?\s+){1,6}?(?P<speaker>[A-Z][\w.’'-]*"
                             r"(?:\s+[A-Z][\w.’'-]*){1,3})\b")
# '“… today.” Zhang Shuai said after the match': a name and a speech verb right after a quote that
# ends its sentence (not 'Smith agreed: “…”' or 'Smith added, “…”', which open the next quote)
_NAME_SAID = re.compile(r"^\s*(?P<speaker>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+" + _ADVERB + _VERB
                        + r"\b(?![^.!?“”\"]*[:,]\s*[“\"])")
# Verbs that give a statement ('issued the following statement:', 'described the scene:').
_STATEMENT_VERBS = ("described", "describes", "issued", "issues", "released", "releases", "gave", "gives", "offered",
                    "offers", "put", "puts", "summed", "sums", "shared", "shares")
_STATEMENT_NOUNS = ("statement", "scene", "message", "words", "comment", "comments", "remarks", "it", "up", "verdict",
                    "view", "assessment", "warning", "explanation", "account", "moment", "experience")
# 'Smith told the BBC interviewer: “…”', 'Smith wrote on Twitter: “…”', 'Local restaurant owner Jorge
# Ramírez described the scene: “…”', 'Scott Schnuck issued the following statement: “…”': a sentence
# opened by a name (a few words of role before it) and a verb, ending in a colon; or a verb with
# the speaker's own feeling or view as its object ('Mahesh expressed his enthusiasm: “…”', 'Trump
# on Tuesday offered his support via Twitter: “…”')
_COLON_AFTER_NAME = re.compile(r"(?:^|[.!?]\s+)(?:[A-Z][a-z]+\s+(?:[a-z]+\s+){1,3})?(?P<speaker>" + _NAME
                               + r")(?![’']s\b)" + _APPOSITION + r"\s+" + _ADVERB + r"(?:" + _VERB + r"\b[^.!?“”\"]{0,80}|(?P<verb2>"
                               + "|".join(_STATEMENT_VERBS) + r")\b[^.!?“”\"]{0,60}\b(?:" + "|".join(_STATEMENT_NOUNS)
                               + r")\b[^.!?“”\"]{0,20}|(?P<verb3>[a-z]+ed)\s+(?:his|her|their)\s+[a-z]+\b[^.!?“”\"]{0,60}):\s*$")
# after the closing quote: ', said Blinken' / ' Blinken said' / ', Lapid told Blinken'
_AFTER = [
    re.compile(r"^\s*,?\s*" + _VERB + r"\s+" + _SPEAKER),
    re.compile(r"^\s*,?\s*" + _SPEAKER + r"\s+" + _ADVERB + _VERB + r"\b"),
    # '“…,” officials said', '“…!” officers announced': a plural of people named by what they are
    re.compile(r"^\s*,?\s*(?P<speaker>(?!(?:but|and|as|while|so|or|though|because|if|when)\b)(?:[a-z]+\s+){0,2}[a-z]+s)\s+"
               + _ADVERB + _VERB + r"\b"),
    # ', Gantz, a centrist, told …', ', Dylan Nelson, a fellow at the institute in Munich, said',
    # ', Paula Kerger, PBS' president and CEO said': a name, then what he is after a comma (within
    # the sentence)
    re.compile(r"^\s*,?\s*(?P<speaker>" + _NAME + r")\s*,\s*[^“”\".!?]{2,160}?,?\s+(?:\w+ly\s+)?" + _VERB + r"\b"),
    re.compile(r"^\s*,?\s*(?P<verb>according\s+to)\s+(?P<speaker>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,5})"),
    _ROLE_BEFORE_NAME,
    _VERB_ROLE_NAME,
]
# '”, one district official, D.D. Kale, said Friday', '”, the Indian Space Research Organisation chairman,
# Mr K. Kasturirangan, said': who he is, then his name set off by commas
_DESCRIBED_THEN_NAMED = re.compile(r"^\s*,?\s*(?:[\w’'-]+\s+){1,7}?[a-z]+,\s*"
                                   r"(?P<speaker>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}),\s+(?:\w+ly\s+)?" + _VERB + r"\b")
# '… were among “the largest and longest lasting” since 2000, according to the CDC.': the source
# the sentence ends on
_ACCORDING_TO_AT_THE_END = re.compile(r"^[^.!?“”\"]{0,120}?,\s*(?P<verb>according\s+to)\s+"
                                      r"(?P<speaker>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,5})\s*[.!?]")
# '“…” after a U.S. key semiconductor index soared overnight, said Koichi Fujishiro': a clause of
# when or why, then the verb and the name
_AFTER_A_CLAUSE = re.compile(r"^\s+(?:after|as|when|while|before|since|because)\b(?:[^.!?“”\"]|(?<=\b[A-Z])\.){0,120}?,\s*"
                             + _VERB + r"\s+(?P<speaker>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\b")
_AFTER += [_DESCRIBED_THEN_NAMED, _ACCORDING_TO_AT_THE_END, _AFTER_A_CLAUSE]
# a credit right after the quote, on its line or the next: '” — Council member Ryan Alter',
# '” —Pat Slattery, National Weather Service' (a pull quote's or a letter's signature)
_CREDIT = re.compile(r"[ \t]*\n?[ \t]*[—–][ \t]*(?:[\w.’'-]+[ \t]+){0,3}?"
                     r"(?P<speaker>[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){1,3})[ \t]*(?:,|\n|$)")
# before the opening quote: 'Blinken said: ' / 'Blinken said, ' / 'according to X, '
_BEFORE = [
    re.compile(_SPEAKER + r"\s+" + _ADVERB + _VERB + r"(?:\s+(?:that|in\s+a\s+statement|on\s+\w+))?\s*[,:]?\s*$"),
    re.compile(r"(?:[Aa]ccording\s+to|[Aa]s\s+per)\s+" + r"(?P<speaker>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.’'-]*){0,6})\s*,?\s*$"),
    # 'Blinken said he spoke to them about “…”', 'Robertson, the U.S. commander, said: “…”', 'The
    # president said on Tuesday that China “…”': the sentence's speaker, the quote later in it
    # (not when someone else calls it so: 'said the report, which critics called “…”')
    # ('Jefferies analysts said this month that output was hit by “…”', 'Looking forward the company
    # said it plans to grow “…”': a name's people, and a few words before the sentence's subject)
    re.compile(r"(?:^|[.!?]\s+)(?:[A-Z][a-z]+(?:(?:\s+[a-z]+){1,2},?|,)\s+)?(?P<speaker>" + _NAME + r"\s+[a-z]+s|"
               + _NAME_OR_DESCRIPTION + r")" + _APPOSITION + r"\s+" + _ADVERB
               + _VERB + r"\b(?:(?!\b(?:called|dubbed|termed|described)\b)[^.!?“”\"])*$"),
    _COLON_AFTER_NAME,
]
# 'Algerian Energy Minister Noureddine Bouarfaa echoed him, saying, “…”', 'Sanuallah praised the
# troops, saying that they had prevented “a major catastrophe.”': a sentence opened by a name goes on
# to what he said
_SAYING_AFTER_NAME = re.compile(r"(?:^|[.!?]\s+)(?:[A-Z][a-z]+\s+(?:[a-z]+\s+){1,3})?(?P<speaker>" + _NAME
                                + r")(?![’']s\b)" + _APPOSITION + r"\s+" + _ADVERB + r"[a-z]+\b[^.!?“”\"]{0,80},\s+"
                                r"(?P<verb>saying|telling|adding|writing|noting|explaining|insisting|arguing|stating|warning|declaring|"
                                r"claiming|urging|stressing)\b"
                                r"[^.!?“”\"]{0,120}$")
_BEFORE.append(_SAYING_AFTER_NAME)
# '…, with William Shatner tweeting: “…”': a name that goes on to speak within someone else's sentence
_WITH_NAME_SAYING = re.compile(r"\bwith\s+(?P<speaker>" + _NAME + r")\s+(?P<verb>saying|tweeting|writing|posting|adding|"
                               r"noting)\s*[:,]?\s*$")
_BEFORE.append(_WITH_NAME_SAYING)
# 'Xinhua quoted Sun as saying: “…”': the one quoted, not the one quoting
_QUOTED_AS_SAYING = re.compile(r"\bquoted\s+(?P<speaker>" + _NAME + r")\s+as\s+(?P<verb>saying)\b[^.!?“”\"]{0,40}?[:,]?\s*$")
# 'Waylon's mom, Kylie Andino, told the Register: “…”': who she is, then her name set off by commas
_ROLE_THEN_NAME_BEFORE = re.compile(r"(?:^|[.!?]\s+)(?:[A-Z][\w’'-]*(?:[’']s)?\s+)?(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s*"
                                    r"(?P<speaker>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3}),\s+" + _ADVERB + _VERB
                                    + r"\b[^.!?“”\"]{0,80}[:,]\s*$")
# 'And he rejected any idea of fraud: “…”': a pronoun's sentence ending in a colon
_PRONOUN_BEFORE_COLON = re.compile(r"(?:^|[.!?]\s+)(?:(?:And|But|So|Then|Yet)\s+)?(?P<speaker>[Hh]e|[Ss]he)\s+" + _ADVERB
                                   + r"(?P<verb>[a-z]+ed)\b[^.!?“”\"]{0,60}:\s*$")
# 'As per Dissanayake, there was “no point continuing …”', 'According to the minister, the plan is “a
# disaster”': the source a sentence opens with speaks the quote later in it
_SOURCE_OPENING_THE_SENTENCE = re.compile(r"(?:^|[.!?]\s+)(?P<verb>[Aa]ccording\s+to|[Aa]s\s+per)\s+(?P<speaker>"
                                          + _NAME_OR_DESCRIPTION + r"),\s+[^.!?“”\"]{0,150}$")
_BEFORE += [_QUOTED_AS_SAYING, _ROLE_THEN_NAME_BEFORE, _PRONOUN_BEFORE_COLON, _SOURCE_OPENING_THE_SENTENCE]
# 'Said Grant: “…”', 'Said San Francisco Manager Roger Craig: “…”': the verb first
_SAID_NAME = re.compile(r"(?:^|[.!?”\"]\s+)(?P<verb>Said|Added|Says|Adds)\s+(?:[A-Za-z.]+\s+){0,4}?(?P<speaker>"
                        r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s*[:,]\s*$")
_BEFORE.append(_SAID_NAME)
# 'Former royal PR aides called it not a car crash but “an articulated lorry crash”', 'Lamrani
# further described the idea as “certainly false”': the sentence's subject names what it quotes
# (a few words opening the sentence, then the verb; not 'the report, which critics called “…”')
_NAMING_SUBJECT = re.compile(r"(?:^|[.!?]\s+)(?P<speaker>(?:[Tt]he\s+)?[A-Z][\w.’'-]*(?:\s+[\w.’'-]+){0,2}?"
                             r"(?:\s+[A-Z][\w.’'-]*|\s+[a-z]+s)?)\s+"
                             + _ADVERB + r"(?P<verb>" + "|".join(NAMING_VERBS) + r")\b[^.!?“”\",]{0,120}$")
_BEFORE.append(_NAMING_SUBJECT)


# 'Pugh apologized "to the citizens of Baltimore"', 'Catton thanked her publishers for the "elegant
# balance"': a quote inside a sentence whose subject, a person the article names, is its speaker,
# whatever the verb (the last of the shapes tried)
def _subject_of_sentence(subject: str) -> re.Pattern:
    return re.compile(r"(?:^|[.!?]\s+)(?:[A-Z][a-z]+\s+(?:[a-z]+\s+){1,3})?(?P<speaker>" + subject + r")(?![’']s\b)"
                      + _APPOSITION + r"\s+" + _ADVERB
                      + r"(?!(?:was|is|has|does|needs|seems|remains|becomes)\b)(?P<verb>[a-z]+(?:ed|s))\b"
                      r"[^.!?:“”\"]{0,150}$")  # (not after a colon: "faced one question: “…”")


_SUBJECT_OF_SENTENCE = _subject_of_sentence(_NAME)
# 'Josh Frydenberg, Assistant Treasurer: “…”': a transcript's label, a name and its title before a colon
_LABELLED = re.compile(r"(?:^|[.!?]\s+)(?P<speaker>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3}),\s+"
                       r"(?:[A-Z][\w.’'-]*\s*){1,4}(?P<label>:)\s*$")
_BEFORE += [_SUBJECT_OF_SENTENCE, _subject_of_sentence(r"[Hh]e|[Ss]he"), _LABELLED]  # ("She then thanked … for the “…”")
# The loosest shapes (any words before the name, any verb before the colon) count only when the
# speaker is a person the article names: "That process led to a realization:" names no one.
_NAMED_ONLY = (_ROLE_BEFORE_NAME, _COLON_AFTER_NAME, _VERB_ROLE_NAME, _NAME_SAID, _SAYING_AFTER_NAME,
               _SUBJECT_OF_SENTENCE, _DESCRIBED_THEN_NAMED, _LABELLED, _WITH_NAME_SAYING, _QUOTED_AS_SAYING,
               _ROLE_THEN_NAME_BEFORE)


def _names_a_person(mentions: list[Mention], start: int, end: int, body_text: str = "") -> bool:
    """A person or an organisation the article names is inside [start, end) (a speaker the model
    labelled an organisation is still the one who spoke: 'fire Capt. Tyler Townsend said'), or the
    words there end with the surname of a person it names elsewhere ('Christine Adamski said', the
    model having found only 'Adamski')."""
    return any(m.label in ("PERSON", "ORG") and start <= m.start_char and m.end_char <= end for m in mentions) \
        or _person_by_surname(mentions, body_text[start:end]) is not None


def _person_by_surname(mentions: list[Mention], text: str) -> Mention | None:
    """The one person of the article whose name ends with the last word of `text` (a capitalised name)."""
    words = text.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return None
    found = {m.entity_id: m for m in mentions if m.label == "PERSON" and m.canonical_name.split()[-1] == words[-1]}
    return next(iter(found.values())) if len(found) == 1 else None


# the last 'Name said' of the paragraph before a quote that names no one ('Smith said the plan was
# flawed. “It will never work.”')
_SAID = re.compile(r"(?P<speaker>" + _NAME + r"|\b(?:he|she)\b)\s+" + _ADVERB + _VERB + r"\b")  # ("However, she said")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "with", "from", "by"})
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


@dataclass(frozen=True)
class Quote:
    start_char: int
    end_char: int
    quote: str
    speaker_text: str | None
    speaker_entity_id: str | None
    verb: str | None


def _entity_at(mentions: list[Mention], start: int, end: int) -> Mention | None:
    inside = [m for m in mentions if m.start_char < end and m.end_char > start and m.label in ("PERSON", "ORG", "GPE", "NORP")]
    return max(inside, key=lambda m: (m.label == "PERSON", m.end_char - m.start_char), default=None)


def _person_named_after(mentions: list[Mention], start: int, limit: int) -> Mention | None:
    """'said State Department spokesman Matthew Miller': the person named within a few words."""
    return next((m for m in mentions if m.label == "PERSON" and start <= m.start_char < limit), None)


_PRONOUN_AFTER = re.compile(r"\b(?P<male>he|his|him|himself)\b|\b(?P<female>she|her|hers|herself)\b", re.I)
_HONORIFIC = re.compile(r"\b(?:(?P<male>Mr)|(?P<female>Mrs|Ms|Miss))\.?\s+$")
_CLAUSE_END = re.compile(r"[.!?;]|[“”\"]")




def first_name_gender(full_name: str) -> str | None:
    """'he' or 'she' as the first name of a full name is usually given ("Charlie McDowell": he), or
    None (a one-word name, a name given both ways, an unknown one)."""
    words = full_name.split()
    if len(words) < 2:
        return None
    return FIRST_NAME_GENDERS.get(first_names().get_gender(words[0]))


def _genders(body_text: str, mentions: list[Mention]) -> dict[str, str]:
    """Each person's 'he' or 'she' as the article writes them: an honorific before a mention ("Ms.
    Berg"), or the first singular pronoun after it in its clause ("Steenburgen realized that she
    had"); a person with votes both ways is absent; one with none takes the first name's."""
    votes: dict[str, dict[str, int]] = {}
    for m in mentions:
        if m.label != "PERSON":
            continue
        found = _HONORIFIC.search(body_text, max(0, m.start_char - 6), m.start_char) \
            or _HONORIFIC.match(m.text.split(" ", 1)[0] + " " if " " in m.text else "")  # ("Ms Cupper" as one mention)
        if found is None:
            clause = _CLAUSE_END.search(body_text, m.end_char)
            found = _PRONOUN_AFTER.search(body_text, m.end_char, clause.start() if clause else len(body_text))
        if found is not None:
            gender = "he" if found.group("male") else "she"
            tally = votes.setdefault(m.entity_id, {"he": 0, "she": 0})
            tally[gender] += 1
    genders = {m.entity_id: g for m in mentions if m.label == "PERSON" and (g := first_name_gender(m.canonical_name))}
    for entity, tally in votes.items():
        if tally["he"] == tally["she"]:
            genders.pop(entity, None)
        else:
            genders[entity] = max(tally, key=tally.__getitem__)
    return genders


def _inside_quotes(body_text: str, mentions: list[Mention]) -> set[int]:
    """The start offsets of mentions inside quotation marks (a name quoted, a title: not a subject)."""
    spans = [(q.start(), q.end()) for q in _QUOTE.finditer(body_text)]
    return {m.start_char for m in mentions if any(a < m.start_char and m.end_char < b for a, b in spans)}


_SENTENCE_BREAK = re.compile(r"[.!?][”\"’)]?\s+|\n")
MAX_SENTENCES_BACK = 3  # how far back a 'he' or 'she' looks for a person the article writes that way


@dataclass
class _People:
    """The persons of one article as a 'he' or 'she' may refer to them, read once per article: those
    named outside quotation marks, in order, and the pronoun the article writes each with."""
    body_text: str
    mentions: list[Mention]

    @cached_property
    def unquoted(self) -> list[Mention]:
        quoted = _inside_quotes(self.body_text, self.mentions)
        return [m for m in self.mentions if m.label == "PERSON" and m.start_char not in quoted]

    @cached_property
    def genders(self) -> dict[str, str]:
        return _genders(self.body_text, self.mentions)

    @cached_property
    def persons(self) -> set[str]:
        return {m.entity_id for m in self.mentions if m.label == "PERSON"}


# the lower-case words of a role between a place (or a body) read as a person and the person it
# names ("Mildura mayor Ali Cupper", "Jasper Grove resident Justin Cox", "Sri Lanka's batting coach
# Thilina Kandamby"): the later is the subject
_ROLE_WORDS = re.compile(r"(?:[’']s)?\s+(?:[a-z]+\s+){0,2}(?:mayor|residents?|director|manager|chief|head|boss|captain|coach|"
                         r"spokes(?:man|woman|person)|official|council+or|president|minister|leader|chair(?:man|woman)?|"
                         r"secretary|commissioner|officer|principal|teacher|owner|founder|executive|member|senator|"
                         r"governor|deputy|superintendent|inspector)\s+")


_PLACE_PREPOSITION = re.compile(r"\b(?:of|in|at|from|near|into|across|outside)\s+$")
_OPENED_BY_A_PRONOUN = re.compile(r"\s*(?:(?:But|And|So|Then|Yet)\s+)?(?P<pronoun>[Hh]e|[Ss]he)\b")


def _subject_before(people: _People, position: int, pronoun: str) -> Mention | None:
    """The person a 'he' or 'she' refers to: the first person named in the nearest sentence before
    the quote that names one (a sentence's first name is usually its subject), outside quotation
    marks; when the article writes that person with the other pronoun, the nearest one of the last
    few sentences that it does not."""
    before = [m for m in people.unquoted if m.end_char <= position]
    first = None
    for _ in range(MAX_SENTENCES_BACK):
        if not before:
            break
        last = before[-1]
        breaks = [b.end() for b in _SENTENCE_BREAK.finditer(people.body_text, 0, last.start_char)]
        sentence_start = breaks[-1] if breaks else 0
        opened = _OPENED_BY_A_PRONOUN.match(people.body_text, sentence_start)
        if opened and opened.group("pronoun").lower() == pronoun:
            before = [m for m in before if m.start_char < sentence_start]
            continue  # 'But he said developers saw Jasper Grove as …': its subject is the one before
        in_sentence = [m for m in before if m.start_char >= sentence_start
                       and not _PLACE_PREPOSITION.search(people.body_text, max(0, m.start_char - 8), m.start_char)]
        if not in_sentence:
            before = [m for m in before if m.start_char < sentence_start]
            continue  # ('fields of Sungai Timih': a place the model read as a person, no subject)
        in_sentence = [m for k, m in enumerate(in_sentence) if not (
            k + 1 < len(in_sentence) and _ROLE_WORDS.fullmatch(people.body_text[m.end_char:in_sentence[k + 1].start_char]))]
        first = first or in_sentence[0]
        agreeing = next((m for m in in_sentence if people.genders.get(m.entity_id, pronoun) == pronoun), None)
        if agreeing is not None:
            return agreeing
        before = [m for m in before if m.start_char < sentence_start]
    return first


def _named_after_the_role(body_text: str, mentions: list[Mention], start: int, end: int) -> tuple[int, int]:
    """'Chairman of the Market Traders Association, Alhaji Umaru Ndanusa, said': a role (no person in
    it), then the person's name set off by commas, who speaks."""
    if any(m.label == "PERSON" and start <= m.start_char < end for m in mentions):
        return start, end
    comma = re.match(r",\s+", body_text[end:end + 3])
    at = end + comma.end() if comma else -1
    named = next((m for m in mentions if m.start_char == at and m.label in ("PERSON", "ORG")
                  and body_text.startswith(",", m.end_char)), None)  # (the model may read him as an organisation)
    return (named.start_char, named.end_char) if named else (start, end)


# "’s spokesperson, " after a name: the aide named next speaks, not the one whose aide he is
_AIDE_NAMED = re.compile(r"(?:[’']s)?\s+[a-z]+,\s+")


def _find_speaker(body_text: str, mentions: list[Mention], match: re.Match, quote: str):
    """(start, end, verb) of the speaker named next to the quote, or None."""
    line_start = body_text.rfind("\n", 0, match.start()) + 1
    line_end = body_text.find("\n", match.end())
    line_end = len(body_text) if line_end < 0 else line_end
    after = body_text[match.end() : line_end]
    ends_sentence = quote.rstrip().endswith((".", "!", "?")) and not after.lstrip()[:1].islower()
    credit = _CREDIT.match(body_text, match.end())
    if credit and _names_a_person(mentions, credit.start("speaker"), credit.end("speaker"), body_text):
        return credit.start("speaker"), credit.end("speaker"), "(credited)"
    for pattern in (_NAME_SAID,) if ends_sentence else _AFTER:
        m = pattern.match(after)
        if not m:
            continue
        start, end = match.end() + m.start("speaker"), match.end() + m.end("speaker")
        if pattern in _NAMED_ONLY and not _names_a_person(mentions, start, end, body_text):
            continue
        if pattern is _AFTER[0]:  # "said State Department spokesman Matthew Miller" (not past a comma:
            # "said Still, who agreed with Knavel")
            comma = body_text.find(",", start, line_end)
            role_of = re.match(r"[^,]*?[’']s\s+[a-z]", body_text[start:line_end])  # ("said Gold Trip's jockey Mark
            # Zahra": the one the role names, not the name it is of)
            person = _person_named_after(mentions, start + role_of.end() if role_of else start,
                                         min(end + 40, line_end, comma if comma > 0 else line_end))
            if person is not None and _entity_at(mentions, start, end) is not person:
                start, end = person.start_char, person.end_char
        possessive = re.search(r"[’']s$", body_text[start:end]) or body_text.startswith(("’s", "'s"), end)
        aide = _AIDE_NAMED.match(body_text, end) if possessive else None
        if aide and (person := _person_named_after(mentions, aide.end(), aide.end() + 1)):
            start, end = person.start_char, person.end_char  # "Nawaz Sharif's spokesperson, Muhammad Zubair"
        return start, min(end, start + _first_sentence_end(body_text[start:end])), m.group("verb")
    before = body_text[line_start : match.start()]
    if not before.strip() and body_text[:line_start].rstrip().endswith(":"):
        # the paragraph before introduces it ('Scott Schnuck, the chairman, issued this statement:')
        line_start = body_text.rfind("\n", 0, len(body_text[:line_start].rstrip())) + 1
        before = body_text[line_start : match.start()].rstrip() + " "
    for pattern in _BEFORE:
        m = pattern.search(before)
        if m and not (pattern in _NAMED_ONLY and not _names_a_person(mentions, line_start + m.start("speaker"),
                                                                      line_start + m.end("speaker"), body_text)):
            gd = m.groupdict()
            start, end = line_start + m.start("speaker"), line_start + m.end("speaker")
            verb = gd.get("verb") or gd.get("verb2") or gd.get("verb3") or ("(labelled)" if gd.get("label") else "according to")
            start, end = _named_after_the_role(body_text, mentions, start + _last_sentence_start(body_text[start:end]), end)
            return start, end, verb.lower()
    return None


# A sentence's end inside a run of capitalised words ("Anna Berg. Her rival", "the Met Office Hadley
# Centre. He said:"), not an abbreviation's dot ("Dr. Sheila Pinette", "U.S. Rep. Ann Lee").
_NAME_SENTENCE_END = re.compile(r"(?<=\w)(?<!\b[A-Z])(?<!\b[A-Z][a-z])"
                                r"(?<!\b(?:Rep|Sen|Gov|Gen|Col|Sgt|Mrs|Rev|Hon|Maj|Det|Cpl|Pvt|Adm))"
                                r"(?<!\b(?:Prof|Capt|Supt|Insp|Brig|Cmdr))[.!?]\s+(?=[A-Z])")


def _first_sentence_end(text: str) -> int:
    found = _NAME_SENTENCE_END.search(text)
    return found.start() if found else len(text)


def _last_sentence_start(text: str) -> int:
    ends = list(_NAME_SENTENCE_END.finditer(text))
    return ends[-1].end() if ends else 0


def _is_a_title(text: str) -> bool:
    """A title in quotation marks ("A Beautiful Day in the Neighborhood", "The Mandalorian"): a few
    words, every one but the small ones capitalised, no sentence inside."""
    words = text.strip(" ,.").split()
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return 1 <= len(words) <= 10 and bool(big) and all(w[:1].isupper() or w[:1].isdigit() for w in big) \
        and not re.search(r"[.!?;]\s", text) and not text.isupper()  # "WE WANT CLEAN WATER" is shouted


# What names a work, a heading or a nickname right before its quotation marks ('the painting entitled
# “Le principe du plaisir”', 'his film “Grâce à dieu”', 'advertisements headed “Countdown to …”')
_WORK_BEFORE = re.compile(r"\b(?:(?:painting|paintings|film|films|movie|album|song|single|book|novel|play|poem|series|"
                          r"show|documentary|exhibition|sculpture|opera|musical|artwork|work)(?:\s+(?:entitled|titled|"
                          r"called|named))?|entitled|titled|headed|headlined|nicknamed|dubbed)[\s,]*$", re.I)


def _names_a_work(body_text: str, match: re.Match, text: str) -> bool:
    """A few words in quotation marks (no sentence inside) that the words before them give as the
    title of a work, a heading or a nickname: a name, not a quotation."""
    return len(text.split()) <= 8 and not re.search(r"[.!?;:]\s", text) \
        and _WORK_BEFORE.search(body_text, max(0, match.start() - 40), match.start()) is not None


def _paragraph_speaker(body_text: str, mentions: list[Mention], match: re.Match) -> tuple[int, int, str] | None:
    """The last 'Name said' in the quote's paragraph before it, when no other person is named
    between that and the quote; for a quote that opens its paragraph, the last of the paragraph
    before ('Budget repair would take years, Mr Morrison said.\n“This is not a time to …”')."""
    start = body_text.rfind("\n", 0, match.start()) + 1
    opens_paragraph = not body_text[start:match.start()].strip() and start > 1
    if opens_paragraph:
        start = body_text.rfind("\n", 0, start - 1) + 1
    said = [m for m in _SAID.finditer(body_text, start, match.start())  # (not a place: 'a station in San Juan reported')
            if not _PLACE_PREPOSITION.search(body_text, max(0, m.start("speaker") - 8), m.start("speaker"))]
    if not said:
        return None
    sentence = max([start, *(m.end() for m in _SENTENCE_END.finditer(body_text, start, match.start()))])
    if said[-1].start() < sentence and body_text[sentence:match.start()].strip() and not opens_paragraph:
        return None  # the quote stands inside another sentence: its subject speaks ('The crowd chanted “…”')
    speaker = (said[-1].start("speaker"), said[-1].end("speaker"), said[-1].group("verb"))
    if any(m.label == "PERSON" and speaker[1] <= m.start_char < match.start() for m in mentions):
        return None
    quoted_since = (q.group("q1") or q.group("q2") or "" for q in _QUOTE.finditer(body_text, said[-1].end(), match.start()))
    if _SPEECH.search(body_text, said[-1].end(), match.start()) \
            or opens_paragraph and any(len(q.split()) >= 3 for q in quoted_since):  # (not 'the "appropriate forum"')
        return None  # 'Police said the gunman shouted at the crowd. “Get down”': someone else speaks
        # (or names it: 'said the report, which critics called “…”'; or a quote of its own follows)
    return speaker


def _is_narrative(body_text: str, match: re.Match, text: str) -> bool:
    """Text between a closing mark and the next opening one, read as a quote: it opens with
    punctuation ("“, he said. ”"), or a straight mark closing a word opens it with a space
    ('one," he told Cook. "', an inch mark: '22" long and 22" wide')."""
    if text.lstrip()[:1] in tuple(",.;:!?)"):
        return True
    opened = match.start()
    return body_text[opened] == '"' and text[:1].isspace() and opened > 0 and not body_text[opened - 1].isspace()


def _linked(mentions: list[Mention], start: int, end: int, speaker_text: str) -> Mention | None:
    """The entity a named speaker is: a mention at its offsets, else the one person of the article
    whose surname is a close spelling of a one-word speaker ("Blinked" for Blinken). A speaker's
    office or aide ("Netanyahu's lawyer") is not the person."""
    if re.search(r"[’']s\s+[a-z]", speaker_text):
        return None
    entity = _entity_at(mentions, start, end)
    if entity is not None and entity.label == "NORP" and re.match(r"(?:[Tt]he|[Aa]n?)\s", speaker_text):
        entity = None  # "the Spanish coach", "the 33-year-old American": a person described, not a people
    if entity is None or entity.label != "PERSON":
        entity = _person_by_surname(mentions, speaker_text) or entity  # "Bureau Chief Christine Adamski"
    if entity is None and " " not in speaker_text and speaker_text[:1].isupper():
        close = {m.entity_id: m for m in mentions if m.label == "PERSON"
                 and close_spelling(m.canonical_name.split()[-1], speaker_text)}
        entity = next(iter(close.values())) if len(close) == 1 else None
    return entity


# a sentence's end: not the dots of "U.N." or "Polygraph.info"
_SENTENCE_END = re.compile(r"(?<=[a-z0-9”\"’)])[.!?]\s+(?=[A-Z“\"‘])")
MAX_ATTRIBUTION_WORDS = 8  # the words between two quotes of one speaker in one paragraph ("”, he said. “")
# '”, saying efforts should be concentrated on “': the speaker goes on
_GOES_ON = re.compile(r"\b(?:adding|saying|noting|continuing|arguing)\b(?:\s+that)?[^.!?]*$")


_LISTENER = re.compile(r"\b(?:told|tells|telling)\s+$")


def _goes_on(body_text: str, mentions: list[Mention], match: re.Match, last: Quote | None) -> bool:
    """The quote continues `last`'s speaker: in the same paragraph with no one else named between
    them, or opening the next paragraph right after it."""
    if last is None or last.speaker_text is None:
        return False
    between = body_text[last.end_char:match.start()]
    attribution = re.match(r"[^.!?\n]*[.!?]\s+", between) if last.verb is not None else None
    named_from = last.end_char + (attribution.end() if attribution else 0)  # (not a name inside the attribution
    # itself: '“…,” said head coach Dave Tippett of Smith. “A lot of work.”')
    if any(m.label == "PERSON" and m.entity_id != last.speaker_entity_id and named_from <= m.start_char < match.start()
           and not _LISTENER.search(body_text, max(0, m.start_char - 9), m.start_char) for m in mentions):
        return False  # (the one told, "told Bloomberg", is not another speaker)
    if "\n" not in between:
        # the attribution and no more ('”, said Blinken, adding that the “'), or a new sentence
        # right after it ('” he said. “'); not narration between them ('The crowd then chanted “')
        new_sentence = re.split(r"[.!?]\s+", between)
        if len(new_sentence) > 1:
            return not new_sentence[-1].strip()
        return len(between.split()) <= MAX_ATTRIBUTION_WORDS or bool(_GOES_ON.search(between))
    opens_paragraph = body_text.rfind("\n", 0, match.start()) == match.start() - 1
    return opens_paragraph and between.count("\n") == 1


def _speaker(body_text: str, mentions: list[Mention], start: int, end: int, quote_start: int,
             previous_speaker: str | None, people: _People, previous: Quote | None = None) -> tuple[str, str | None]:
    """The speaker's text and entity: a pronoun is the person last named as a subject ("he", "she"),
    or the person quoted since then ('said Ahmad al-Din … “…,” he added'), or the speaker quoted
    before ("it", "they"); a name is the entity at its offsets."""
    while end > start and body_text[end - 1] in ".,;:":
        end -= 1
    speaker_text = body_text[start:end]
    pronoun = speaker_text.lower()
    if pronoun in ("he", "she"):
        person = _subject_before(people, quote_start, pronoun)
        quoted = previous is not None and previous.speaker_entity_id is not None and (
            person is None or person.end_char <= previous.start_char)
        if quoted and previous.speaker_entity_id in people.persons \
                and people.genders.get(previous.speaker_entity_id, pronoun) == pronoun:
            return speaker_text, previous.speaker_entity_id  # the person quoted since the subject last named
        return speaker_text, person.entity_id if person else None
    if pronoun in _PRONOUNS:
        return speaker_text, previous_speaker  # "it added": the organisation quoted just before
    entity = _linked(mentions, start, end, speaker_text)
    if _OFFICE_OF_A_PLACE.search(body_text, max(0, start - 60), start):
        # "The Conservative MP for Thirsk and Malton said": the office speaks, not the place (whatever
        # the model reads it as); it is the person the sentence before names
        person = next((m for m in reversed(people.unquoted) if start - 300 <= m.end_char <= start), None)
        return (person.text, person.entity_id) if person else (speaker_text, None)
    if entity is None and _A_STATEMENT.fullmatch(speaker_text) and (issuer := _issuer(body_text, mentions, start)):
        return issuer  # "the statement read": who issued it
    if entity is None:
        entity = _organisation_described(mentions, speaker_text, quote_start, body_text) \
            or _person_described(people, speaker_text, quote_start)
    return speaker_text, entity.entity_id if entity else None


# A person's office, as an article describes them once named ("the state minister", "The president",
# "NUS President", "the deputy vice-chancellor")
_OFFICES = (r"minister|president|vice-chancellor|chancellor|secretary|governor|mayor|chair(?:man|woman)?|chief|"
            r"director|spokes(?:man|woman|person)|coach|manager|captain|senator|premier|ceo|founder|analyst|"
            r"economist|professor|commissioner|ambassador|judge|prosecutor|lawyer|leader|superintendent|inspector")
_AN_OFFICE = re.compile(r"(?:[Tt]he\s+)?(?:[A-Za-z-]+\s+){0,3}?(?P<office>" + _OFFICES + r")", re.I)
MAX_DESCRIBED_BACK = 3000  # characters before the quote in which the person described is looked for


def _person_described(people: _People, speaker_text: str, before: int) -> Mention | None:
    """'the state minister said' after 'State Minister Md Mohibur Rahman', 'The president' after
    'President Javier Milei' or 'Milei, the president': the last person named before the quote with
    that office written beside the name."""
    described = _AN_OFFICE.fullmatch(speaker_text)
    if described is None:
        return None
    office = described.group("office").lower()
    beside = re.compile(rf"\b{re.escape(office)}\s+(?:(?:for|of)\s+(?:(?:[A-Z][\w’'-]*|and|the)\s+){{0,6}})?"
                        rf"(?:[A-Z][\w.’'-]*\s+)?$", re.I)  # ("State Minister for Disaster Management and Relief …")
    after = re.compile(rf"^,\s+(?:the\s+|a\s+)?(?:[\w’'-]+\s+){{0,4}}?{re.escape(office)}\b", re.I)
    text = people.body_text
    for m in reversed(people.unquoted):
        if m.end_char > before:
            continue
        if m.end_char < before - MAX_DESCRIBED_BACK:
            break
        if beside.search(text, max(0, m.start_char - 40), m.start_char) or after.match(text[m.end_char:m.end_char + 80]):
            return m
    return None


_A_STATEMENT = re.compile(r"(?:[Tt]he|[Aa]|[Ii]ts|[Tt]heir)\s+(?:joint\s+|brief\s+|written\s+|Facebook\s+|Twitter\s+|"
                          r"Instagram\s+|online\s+|news\s+|press\s+)?(?:statement|post|release|notice|tweet|message)")
# 'The band … released a statement', 'Tool wrote in a statement posted to Instagram', 'the Sheriff's
# Office posted on Facebook'
_ISSUED = re.compile(r"(?:^|[.!?”\"]\s+|\n|[,”\"]\s)(?P<speaker>(?:[Tt]he|[Aa]n?)\s+[a-z]+|" + _NAME
                     + r")[^.!?“”\"\n]{0,150}?\b(?:(?:released|issued|put out|posted|published|shared|wrote in|said in)"
                     r"\s+(?:a|an|the|its|their)\s+(?:joint\s+|news\s+|press\s+)?(?:statement|release|notice)|"
                     r"(?:posted|wrote|said)\s+on\s+(?:Facebook|Twitter|X|Instagram|social media))")


def _issuer(body_text: str, mentions: list[Mention], before: int) -> tuple[str, str | None] | None:
    """(speaker text, entity) of whoever a statement quoted as the speaker came from: the last
    sentence of the few before that says who released it or wrote in it ("Tool", "The band")."""
    issued = list(_ISSUED.finditer(body_text, max(0, before - 800), before))
    if not issued:
        return None
    start, end = issued[-1].span("speaker")
    named = _entity_at(mentions, start, end)
    if named is None or named.label not in ("PERSON", "ORG"):
        named = _organisation_described(mentions, body_text[start:end], start, body_text)
    return body_text[start:end], named.entity_id if named else None


# An office held for a place, before the place's name ("the MP for Thirsk and", "mayor of")
_OFFICE_OF_A_PLACE = re.compile(r"\b(?:MP|MSP|MLA|AM|MS|senator|mayor|member|councillor|representative|governor)\s+"
                                r"(?:for|of)\s+(?:[A-Z][\w-]*\s+(?:and\s+)?)*$")


# Words before an organisation that make it the one told or the source of a report, and words of a
# picture's credit: not the organisation a description speaks for ("told Reuters", "File Image / Pixabay")
_TOLD_OR_CITED = re.compile(r"\b(?:told|to|according\s+to|via|by)\s+(?:the\s+)?$")
_A_CREDIT = re.compile(r"/|\b(?:Image|Images|Photo|Photos|Picture|Credit|File)\b")


def _organisation_described(mentions: list[Mention], speaker_text: str, before: int, body_text: str = ""
                            ) -> Mention | None:
    """'the army said' after 'the Pakistan Army', 'the ministry said' after 'the Health Ministry':
    the organisation last named before the quote whose name holds the description's noun."""
    described = re.fullmatch(r"[Tt]he\s+(?:[a-z-]+\s+){0,3}([a-z]+)", speaker_text)
    if described is None:
        return None
    noun = described.group(1)
    named = [m for m in mentions if m.label == "ORG" and m.end_char <= before
             and noun in (w.lower() for w in m.canonical_name.split())]
    if not named and noun in ORGANISATION_NOUNS:  # "The company said": of the organisations named just
        # before, the one the article names most so far (the latest of those); not one told or cited,
        # nor a picture's credit; a name the model reads as a product ("Maersk") when no other is
        def speaks_for(m: Mention) -> bool:
            return not _A_CREDIT.search(m.text) and not _TOLD_OR_CITED.search(body_text, max(0, m.start_char - 20),
                                                                               m.start_char)
        for labels in (("ORG",), ("PRODUCT",)):
            near = [m for m in mentions if m.label in labels and before - 600 <= m.end_char <= before and speaks_for(m)]
            times = Counter(m.entity_id for m in mentions if m.label in labels and m.end_char <= before)
            named = sorted(near, key=lambda m: (times[m.entity_id], m.end_char))
            if named:
                break
    return named[-1] if named else None


# Nouns that describe an organisation the article has named ("the company", "the retailer")
ORGANISATION_NOUNS = frozenset({"company", "firm", "group", "retailer", "bank", "airline", "carrier", "business",
                                "insurer", "lender", "chain", "operator", "maker", "manufacturer", "giant", "startup",
                                "broadcaster", "network", "charity", "club", "miner", "developer", "supermarket",
                                "band", "carmaker", "automaker", "organisation", "organization", "cartel", "union",
                                "regulator", "conglomerate", "brand"})


# 'READ MORE: "South Carolina sees drop in …"': a linked story's headline, not a quotation
_READ_MORE = re.compile(r"(?:^|\n|[.!?]\s+)\s*(?:READ MORE|Read more|ALSO READ|Also read|RELATED|Related|SEE ALSO)\s*:?\s*$")


def extract_quotes(body_text: str, mentions: Iterable[Mention] = (), min_words: int = 3) -> list[Quote]:
    """Direct quotes of at least `min_words` words in `body_text` (offsets include the marks)."""
    ordered = sorted(mentions, key=lambda m: m.start_char)
    people = _People(body_text, ordered)
    quotes: list[Quote] = []
    previous_speaker: str | None = None
    last: Quote | None = None  # the quote before, kept or too short to keep ('“It's complicated,” said Ozon.')
    for match in _QUOTE.finditer(body_text):
        text = match.group("q1") or match.group("q2")
        if "\n" in text or _is_narrative(body_text, match, text) or _is_a_title(text) \
                or _names_a_work(body_text, match, text) \
                or _READ_MORE.search(body_text, max(0, match.start() - 20), match.start()):
            continue
        found = _find_speaker(body_text, ordered, match, text)
        short = len(text.split()) < min_words  # not kept, but a quote after it may go on with its speaker
        if short and found is None:
            continue
        speaker_text = speaker_id = verb = None
        if found is None and last is not None and _goes_on(body_text, ordered, match, last):
            speaker_text, speaker_id = last.speaker_text, last.speaker_entity_id
        elif found is None and (said := _paragraph_speaker(body_text, ordered, match)):
            found = said
        if found is not None:
            start, end, verb = found
            speaker_text, speaker_id = _speaker(body_text, ordered, start, end, match.start(), previous_speaker, people,
                                                next((q for q in reversed(quotes) if q.speaker_entity_id), None))
        last = Quote(match.start(), match.end(), text, speaker_text, speaker_id, verb)
        if not short:
            quotes.append(last)
        previous_speaker = speaker_id or previous_speaker
    return _back_to_back_share_their_speaker(body_text, quotes)


def _goes_on_below(body_text: str, quote: Quote, nxt: Quote) -> bool:
    """A quote left open at its paragraph's end that the next paragraph's quote goes on with."""
    return body_text[quote.end_char - 1] not in "”\"" and not body_text[quote.end_char:nxt.start_char].strip()


def _split_by_a_few_words(body_text: str, quote: Quote, nxt: Quote) -> bool:
    """'“Given the risk of adverse news on” Ukraine and Covid, “it is impractical …,” O'Leary added':
    one quotation the writer breaks with a few words of his own (no sentence end, no one speaking)."""
    between = body_text[quote.end_char:nxt.start_char]
    return 0 < len(between.split()) <= 6 and not re.search(r"[.!?\n]", between) and not _SPEECH.search(between) \
        and not quote.quote.rstrip().endswith((".", "!", "?"))


def _back_to_back_share_their_speaker(body_text: str, quotes: list[Quote]) -> list[Quote]:
    """'“It's always tough,” “She didn't have her day.” Zhang said': a quote its sentence names no one
    for (none found, or only carried on from a quote before it), with nothing but a space between it
    and the next quote, is the next quote's speaker's; so is a quote left open at its paragraph's end
    ("“I am thrilled …\n“I wish them well,” he said.")."""
    shared = list(quotes)
    for k in range(len(shared) - 2, -1, -1):
        quote, nxt = shared[k], shared[k + 1]
        if quote.verb is None and nxt.verb is not None and (not body_text[quote.end_char : nxt.start_char].strip(" ,")
                                                            or _goes_on_below(body_text, quote, nxt)
                                                            or _split_by_a_few_words(body_text, quote, nxt)):
            shared[k] = Quote(quote.start_char, quote.end_char, quote.quote, nxt.speaker_text, nxt.speaker_entity_id,
                              nxt.verb)
    return shared
