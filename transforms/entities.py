"""Named-entity mentions from spaCy, each resolved to one canonical entity per document.

Within a document a short form ("Blinken") resolves to the fullest name of the same label that
ends with it ("Antony Blinken"); titles, possessives and trailing punctuation are stripped. The
entity id is a hash of label and canonical name, so it is the same in every run and document.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from spacy.tokens import Doc

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})

_TITLES = re.compile(
    r"""^((U\.?S\.?|US|Israeli|American|British|French|former|then|late|acting)\s+)*
    (president|prime\ minister|secretary(\ of\ state)?|minister|senator|sen\.|rep\.|gov\.|governor|
    mayor|king|queen|prince|princess|pope|general|gen\.|lt\.?\ gen\.|col\.|capt\.|chief|judge|justice|
    dr\.?|mr\.?|mrs\.?|ms\.?|sir|dame|lord|lady|rabbi|sheikh|ambassador|spokesman|spokeswoman|spokesperson)\s+""",
    re.I | re.X,
)
_POSSESSIVE = re.compile(r"(['’]s|['’])$")
_EDGE_PUNCT = re.compile(r"^[\s\"'“”‘’(\[]+|[\s\"'“”‘’)\],;:!?]+$")
_TRAILING_DOT = re.compile(r"(?<![A-Z])(?<!\b[A-Z]\.[A-Z])\.$")


@dataclass(frozen=True)
class Mention:
    start_char: int
    end_char: int
    text: str
    label: str
    canonical_name: str
    entity_id: str


def entity_id_for(canonical_name: str, label: str) -> str:
    key = f"{label}|{canonical_name.casefold()}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def clean_name(text: str, label: str) -> str:
    """Strip possessives, edge punctuation, a leading 'the' and (for persons) titles."""
    name = _EDGE_PUNCT.sub("", text)
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
    return re.sub(r"\s+", " ", name).strip()


def _resolve_short_forms(names: dict[str, str]) -> dict[str, str]:
    """Map each name to the longest name of the same label whose last words it is.

    A short form that two different full names end with ("Smith": "Ann Smith", "Bob Smith") is
    ambiguous and stays as it is.
    """
    distinct = set(names.values())
    resolved = {}
    for name in distinct:
        words = name.split()
        longer = [
            full for full in distinct
            if len(full.split()) > len(words) and full.split()[-len(words):] == words
        ]
        # Keep only the maximal names: "Antony Blinken" and "Tony Antony Blinken" both end in "Blinken".
        maximal = {f for f in longer if not any(o != f and o.endswith(" " + f) for o in longer)}
        resolved[name] = maximal.pop() if len(maximal) == 1 else name
    return resolved


def extract_mentions(doc: Doc) -> list[Mention]:
    """Mentions of named entities in `doc`, with offsets into the text the doc was made from."""
    spans = [ent for ent in doc.ents if ent.label_ in NAMED_LABELS]
    cleaned: dict[tuple[int, int], tuple[str, str]] = {}
    for ent in spans:
        name = clean_name(ent.text, ent.label_)
        if name and any(ch.isalpha() for ch in name):
            cleaned[(ent.start_char, ent.end_char)] = (name, ent.label_)
    canonical: dict[tuple[str, str], str] = {}
    for label in {label for _, label in cleaned.values()}:
        names = {name: name for name, lab in cleaned.values() if lab == label}
        resolver = _resolve_short_forms(names) if label in ("PERSON", "ORG") else names
        for name, full in resolver.items():
            canonical[(name, label)] = full
    mentions = []
    for ent in spans:
        key = (ent.start_char, ent.end_char)
        if key not in cleaned:
            continue
        name, label = cleaned[key]
        full = canonical[(name, label)]
        mentions.append(
            Mention(ent.start_char, ent.end_char, ent.text, label, full, entity_id_for(full, label))
        )
    return mentions
