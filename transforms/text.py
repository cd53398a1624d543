"""Unicode clean-up for derived text. Raw bytes are never touched; this only shapes what we derive."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def split_lines(text: str) -> list[str]:
    """Split on any newline convention; line i (0-based) is line i+1 of the decoded text."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


_VULGAR_FRACTION = re.compile(r"(\d?)([\u00bc-\u00be\u2150-\u215e])")


def _spelled_fraction(match: re.Match) -> str:
    """'½' -> '1/2', '10½' -> '10 1/2' (NFKC alone would make '101⁄2')."""
    fraction = unicodedata.normalize("NFKC", match.group(2)).replace("\u2044", "/")
    return f"{match.group(1)} {fraction}" if match.group(1) else fraction


def normalise_line(line: str) -> str:
    """NFKC (vulgar fractions spelled '1/2'), no-break and odd spaces to one space, invisible
    characters dropped, ends trimmed."""
    if not line.isascii():  # NFKC, fractions and invisible characters are all outside ASCII
        if not unicodedata.is_normalized("NFKC", line):  # a vulgar fraction is never NFKC-normal
            line = unicodedata.normalize("NFKC", _VULGAR_FRACTION.sub(_spelled_fraction, line))
        line = _INVISIBLE.sub("", line.replace("\u2044", "/"))
    # The odd spaces are not NFKC-normal: what is left to fold is tabs and runs of spaces.
    return line.strip() if "\t" not in line and "  " not in line else _SPACES.sub(" ", line).strip()


WORD = r"\w+"  # what a word is, for every word count (a Polars expression counts with it too)
_WORD = re.compile(WORD)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def comparable(text: str) -> str:
    """NFKC and collapsed white space: how texts are compared."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def shingles(text: str, size: int = 4) -> Counter:
    """Overlapping word n-grams of a text, counted."""
    words = _WORD.findall(comparable(text))
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))
