"""Direct quotations in an article body, with their speaker where the sentence names one.

Shapes read: “…,” said Blinken / “…,” Blinken said / “…,” Lapid told Blinken / Blinken said: “…” /
according to X, “…”. A pronoun speaker ("he added") is the person most recently named before the
quote. Speakers are linked to entity mentions by their offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from transforms.entities import Mention

SPEECH_VERBS = ("said", "says", "say", "added", "adds", "told", "tells", "wrote", "writes", "asked", "asks",
                "stated", "explained", "noted", "warned", "insisted", "declared", "continued", "replied",
                "tweeted", "posted", "argued", "claimed", "acknowledged", "recalled", "stressed", "urged",
                "announced", "responded", "cautioned", "emphasized", "emphasised", "admitted")
_VERB = r"(?P<verb>" + "|".join(SPEECH_VERBS) + r")"
_SPEAKER = r"(?P<speaker>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.’'-]*){0,5}|he|she|they|it|we|I)"
_QUOTE = re.compile(r"“(?P<q1>[^”]{3,}?)”|\"(?P<q2>[^\"]{3,}?)\"")
# after the closing quote: ', said Blinken' / ' Blinken said' / ', Lapid told Blinken'
_AFTER = [
    re.compile(r"^\s*,?\s*" + _VERB + r"\s+" + _SPEAKER),
    re.compile(r"^\s*,?\s*" + _SPEAKER + r"\s+(?:\w+ly\s+)?" + _VERB + r"\b"),
    re.compile(r"^\s*,?\s*(?P<verb>according\s+to)\s+(?P<speaker>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,5})"),
]
# before the opening quote: 'Blinken said: ' / 'Blinken said, ' / 'according to X, '
_BEFORE = [
    re.compile(_SPEAKER + r"\s+(?:\w+ly\s+)?" + _VERB + r"(?:\s+(?:that|in\s+a\s+statement|on\s+\w+))?\s*[,:]?\s*$"),
    re.compile(r"[Aa]ccording\s+to\s+" + r"(?P<speaker>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.’'-]*){0,6})\s*,?\s*$"),
]
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


def _subject_before(body_text: str, mentions: list[Mention], position: int) -> Mention | None:
    """The person a 'he' or 'she' refers to: the first person named in the nearest sentence before
    the quote that names one (a sentence's first name is usually its subject)."""
    before = [m for m in mentions if m.label == "PERSON" and m.end_char <= position]
    if not before:
        return None
    last = before[-1]
    sentence_start = max(body_text.rfind(". ", 0, last.start_char), body_text.rfind("\n", 0, last.start_char)) + 1
    return next(m for m in before if m.start_char >= sentence_start)


def _find_speaker(body_text: str, mentions: list[Mention], match: re.Match, quote: str):
    """(start, end, verb) of the speaker named next to the quote, or None."""
    line_start = body_text.rfind("\n", 0, match.start()) + 1
    line_end = body_text.find("\n", match.end())
    line_end = len(body_text) if line_end < 0 else line_end
    after = body_text[match.end() : line_end]
    ends_sentence = quote.rstrip().endswith((".", "!", "?")) and not after.lstrip()[:1].islower()
    if not ends_sentence:
        for pattern in _AFTER:
            m = pattern.match(after)
            if not m:
                continue
            start, end = match.end() + m.start("speaker"), match.end() + m.end("speaker")
            if pattern is _AFTER[0]:
                person = _person_named_after(mentions, start, min(end + 40, line_end))
                if person is not None and _entity_at(mentions, start, end) is not person:
                    start, end = person.start_char, person.end_char
            return start, end, m.group("verb")
    before = body_text[line_start : match.start()]
    for pattern in _BEFORE:
        m = pattern.search(before)
        if m:
            return line_start + m.start("speaker"), line_start + m.end("speaker"), m.groupdict().get("verb") or "according to"
    return None


def extract_quotes(body_text: str, mentions: Iterable[Mention] = (), min_words: int = 3) -> list[Quote]:
    """Direct quotes of at least `min_words` words in `body_text` (offsets include the marks)."""
    ordered = sorted(mentions, key=lambda m: m.start_char)
    quotes: list[Quote] = []
    previous_speaker: str | None = None
    for match in _QUOTE.finditer(body_text):
        text = match.group("q1") or match.group("q2")
        if len(text.split()) < min_words or "\n" in text:
            continue
        found = _find_speaker(body_text, ordered, match, text)
        speaker_text = speaker_id = verb = None
        if found is not None:
            start, end, verb = found
            while end > start and body_text[end - 1] in ".,;:":
                end -= 1
            speaker_text = body_text[start:end]
            pronoun = speaker_text.lower()
            if pronoun in ("he", "she"):
                person = _subject_before(body_text, ordered, match.start())
                speaker_id = person.entity_id if person else None
            elif pronoun in _PRONOUNS:
                speaker_id = previous_speaker  # "it added": the organisation quoted just before
            else:
                entity = _entity_at(ordered, start, end)
                speaker_id = entity.entity_id if entity else None
        quotes.append(Quote(match.start(), match.end(), text, speaker_text, speaker_id, verb))
        previous_speaker = speaker_id or previous_speaker
    return quotes
