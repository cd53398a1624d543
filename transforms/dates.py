"""Date mentions normalised to ISO (a page's own publication date: transforms/masthead.py).

A date without a year takes the latest such date on or before the document's date; a weekday
("on Wednesday") the latest such weekday on or before it. Without a document date both stay
unresolved: nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

# Month names and their abbreviations: the one list (dates, facts and boilerplate read it).
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
# A month name as a regular-expression alternation (longest first, so "june" wins over "jun").
MONTH_NAMES = "|".join(sorted(MONTHS, key=lambda name: (-len(name), name)))
# The three letters that begin a month's name in English and in many other languages ("Maret",
# "Juni", "Oktober"): what a dateline's shape is read by, whatever its language.
MONTH_PREFIXES = "|".join(name for name in MONTHS if len(name) == 3)
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WEEKDAY_NAMES = "|".join(WEEKDAYS)
_MONTH = rf"(?P<month>{MONTH_NAMES})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_PATTERNS = [
    ("day", re.compile(r"\b(?P<iso>(?P<year>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d))\b")),
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I)),
    ("day", re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("day_no_year", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*(?:1[89]|20)\d\d)(?!\s*(?:%|percent))", re.I)),
    ("day_no_year", re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?!,?\s+(?:1[89]|20)\d\d)", re.I)),
    ("month", re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.I)),
    ("weekday", re.compile(rf"\b(?P<weekday>{WEEKDAY_NAMES})\b", re.I)),
    ("relative", re.compile(r"\b(?P<relative>today|yesterday|tomorrow)\b", re.I)),
]


@dataclass(frozen=True)
class DateMention:
    start_char: int
    end_char: int
    text: str
    date: dt.date | None  # None when it cannot be resolved
    granularity: str  # day, month or weekday
    resolution: str  # stated, year_inferred, weekday_resolved, relative_resolved, unresolved


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _latest_on_or_before(month: int, day: int, anchor: dt.date) -> dt.date | None:
    this_year = _safe_date(anchor.year, month, day)
    if this_year is not None and this_year <= anchor:
        return this_year
    return _safe_date(anchor.year - 1, month, day)


def _resolve(kind: str, match: re.Match, anchor: dt.date | None) -> tuple[dt.date | None, str, str]:
    groups = match.groupdict()
    if kind == "day" and groups.get("iso"):
        return _safe_date(int(groups["year"]), int(groups["m"]), int(groups["d"])), "day", "stated"
    if kind == "day":
        return _safe_date(int(groups["year"]), _month(groups["month"]), int(groups["day"])), "day", "stated"
    if kind == "month":
        return _safe_date(int(groups["year"]), _month(groups["month"]), 1), "month", "stated"
    if anchor is None:
        return None, "weekday" if kind == "weekday" else "day", "unresolved"
    if kind == "day_no_year":
        return _latest_on_or_before(_month(groups["month"]), int(groups["day"]), anchor), "day", "year_inferred"
    if kind == "weekday":
        back = (anchor.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
        return anchor - dt.timedelta(days=back), "day", "weekday_resolved"
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[groups["relative"].lower()]
    return anchor + dt.timedelta(days=shift), "day", "relative_resolved"


def _names_a_thing(text: str, kind: str, start: int, end: int, names: Sequence[tuple[int, int]]) -> bool:
    """A date word inside a name ("the Sunday Times", a span NER reads as a name), "Today"
    capitalised inside a sentence ("Radio 4's Today programme", "USA Today"), or a weekday after a
    capitalised word that is no name ("Black Friday", "Cyber Monday")."""
    if any(a <= start and end <= b for a, b in names):
        return True
    before = text[:start].rstrip()
    opens_sentence = not before or before[-1] in ".!?:;\n\"“"
    if kind == "relative":
        return text[start].isupper() and not opens_sentence or bool(_NOWADAYS.search(text, max(0, start - 20), start))
    if _A_WEEKLY_RANGE.match(text, end) or _A_WEEKLY_RANGE_END.search(text, max(0, start - 20), start):
        return True  # "from Monday to Saturday": every week's days, no one day
    after_name = any(a == end + 1 for a, _ in names) and text[end:end + 1] == " "
    previous = re.search(r"(\S+)\s+$", text[max(0, start - 40):start])  # (a window, not the whole text before)
    role = previous and previous.group(1).islower() and previous.group(1).endswith(_ROLE_ENDINGS)
    if after_name and role and previous.group(1) not in _BEFORE_A_DAY:
        return True  # "defender Sunday Aryang": a first name after a role ("signed Friday Reuters said" is a day)
    word = re.search(r"(\S+)$", before)
    # "Black Friday", "Cyber Monday": a capitalised word that names nothing itself, inside a sentence
    # ("Trump Friday said" is a person, then the day)
    if not word or not word.group(1)[:1].isupper() or not word.group(1).isalpha() or opens_sentence:
        return False
    prefix = before[:word.start(1)].rstrip()
    word_opens_sentence = not prefix or prefix[-1] in ".!?:;\n\"“"
    return not word_opens_sentence and not any(a <= word.start(1) < b for a, b in names)


# "in what is today southern Nigeria": today as nowadays
_NOWADAYS = re.compile(r"\b(?:what|which|that)\s+(?:is|are)\s+$", re.I)
# "from Monday to Saturday", "Monday through Friday": the days of every week
_A_WEEKLY_RANGE = re.compile(rf"\s*(?:to|through|thru|till|until|[-–])\s*(?:{WEEKDAY_NAMES})\b", re.I)
_A_WEEKLY_RANGE_END = re.compile(rf"\b(?:{WEEKDAY_NAMES})\s*(?:to|through|thru|till|until|[-–])\s*$", re.I)
# Words in -er that a day follows as a day, even before a name ("later Friday Reuters said")
_BEFORE_A_DAY = frozenset({"after", "later", "earlier", "over", "under", "never", "ever", "together", "either"})
_ROLE_ENDINGS = ("er", "or", "ist", "ian", "ain", "ee", "ant", "ent")  # "defender", "director", "captain"


# What makes a weekday one still to come ("will be back on Wednesday", "opens next Friday").
# ... and governs it: a few words at most between the cue and the day ("will be back in action on
# Friday"; not "will release the footage they recorded on Saturday")
_FUTURE = re.compile(r"\b(?:will|shall|'ll|(?:is|are|was|were) (?:set|due|expected|scheduled) to|(?:set|scheduled) for|due on|"
                     r"plans? to|upcoming|this coming)\s+(?:[\w'’-]+\s+){0,4}?(?:on\s+)?$", re.I)
# What makes a day still to come up to which something lasts ("runs through June 16", "open until
# May 3"), as the future cues above do for the day itself.
_UNTIL = re.compile(r"\b(?:through|thru|until|till|runs?\s+to)\s+$", re.I)
_LAST = re.compile(r"\blast\s*$", re.I)
_NEXT = re.compile(r"\bnext\s*$", re.I)


def _clause_before(text: str, start: int) -> str:
    """The words of the clause before position `start` (back to the last , ; : . ! ? or line)."""
    cut = max(text.rfind(c, 0, start) for c in ",;:.!?\n")
    return text[cut + 1:start]


def _in_its_week(latest: dt.date, anchor: dt.date | None, clause: str) -> dt.date:
    """A weekday resolved to the latest such day on or before the document's date, moved on a week
    when its clause speaks of what is to come ("will", "next"), or back one when it says "last" of
    the document's own weekday."""
    if anchor is None:
        return latest
    if _NEXT.search(clause) or ((_FUTURE.search(clause) or _UNTIL.search(clause)) and latest < anchor):
        return latest + dt.timedelta(days=7)  # ("adjourned until Monday")
    if _LAST.search(clause) and latest == anchor:
        return latest - dt.timedelta(days=7)
    return latest


def _in_its_year(latest: dt.date, anchor: dt.date, clause: str) -> dt.date:
    """A day without a year resolved to the latest such day on or before the document's date, or
    the next one when its clause speaks of what is to come ("will unveil it on May 7", "is set to
    end June 30", "runs through June 16")."""
    if latest < anchor and (_FUTURE.search(clause) or _UNTIL.search(clause)):
        return _safe_date(latest.year + 1, latest.month, latest.day) or latest
    return latest


_WEEKDAY_BEFORE = re.compile(rf"\b(?P<weekday>{WEEKDAY_NAMES})(?:\s+(?:morning|afternoon|evening|night))?,?\s+\(?$", re.I)
# ("Friday January 20", "Tuesday evening (October 30)")
_WEEKDAY_AFTER = re.compile(rf",?\s*\(?(?P<weekday>{WEEKDAY_NAMES})\b", re.I)


def _in_the_year_of_its_weekday(date: dt.date, anchor: dt.date, weekday: int) -> dt.date:
    """'Friday January 20' on a page of late 2022: the year, of the one before the page's to the
    one after, in which that day is that weekday (when only one is); else the date as read."""
    fits = [d for year in (anchor.year - 1, anchor.year, anchor.year + 1)
            if (d := _safe_date(year, date.month, date.day)) is not None and d.weekday() == weekday]
    return fits[0] if len(fits) == 1 else date


def _part_of_a_stated_date(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """A weekday that says which day a date is, before it ("Saturday, May 18") or after it in
    parentheses ("June 16 (Wednesday)")."""
    gap = re.match(r",?\s*", text[end:end + 3])
    opened = re.search(r",?\s*\(\s*$", text[max(0, start - 4):start])
    return any(a == end + gap.end() for a, _ in taken) \
        or opened is not None and any(b == start - len(opened.group(0)) for _, b in taken)


def extract_dates(text: str, document_date: dt.date | None = None,
                  names: Sequence[tuple[int, int]] = ()) -> list[DateMention]:
    """Date mentions in `text`, longest first where they overlap ("May 1, 2024" over "May 1"); none
    inside the character spans of `names` (the entity mentions of the text)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and end > a for a, b in taken):
                continue
            if kind == "day_no_year" and not 1 <= int(match.group("day")) <= 31:
                continue
            if kind == "day_no_year" and match.group("month").lower() == "may" and match.group(0)[0].islower():
                continue  # "may 5" is more likely the verb
            if kind in ("weekday", "relative") and _names_a_thing(text, kind, start, end, names):
                continue
            if kind == "weekday" and _part_of_a_stated_date(text, start, end, taken):
                continue  # "Saturday, May 18": the date says which day
            date, granularity, resolution = _resolve(kind, match, document_date)
            if kind == "weekday" and date is not None:
                date = _in_its_week(date, document_date, _clause_before(text, start))
            if kind == "day_no_year" and date is not None:
                date = _in_its_year(date, document_date, _clause_before(text, start))
                named = _WEEKDAY_BEFORE.search(text, max(0, start - 22), start) or _WEEKDAY_AFTER.match(text, end)
                if named is not None:  # ("Friday January 20", "June 16 (Wednesday)")
                    date = _in_the_year_of_its_weekday(date, document_date, WEEKDAYS[named.group("weekday").lower()])
            if date is None and resolution == "stated":
                continue  # "February 30, 2024": not a date
            found.append(DateMention(start, end, match.group(0), date, granularity, resolution))
            taken.append((start, end))
    return sorted(found, key=lambda d: d.start_char)
