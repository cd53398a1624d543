"""Who published a page and when, read from what the page itself prints: its copyright line, the
site's domain in its chrome, a masthead, a wire dateline; a "Published …" line or a dated byline by
the title. Never guessed: a page that states neither gets neither, and each answer says where on
the page it was read (`PUBLISHER_FROM`, `PUBLISHED_FROM`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from transforms.boilerplate import LabelledLine, chrome_reason
from transforms.dates import MONTH_NAMES, extract_dates

# Where a publisher or a date was read. The first two come from the input's own metadata.
PUBLISHER_FROM = ("record", "html_metadata", "copyright_line", "site_domain", "masthead", "wire_dateline")
PUBLISHED_FROM = ("record", "html_metadata", "published_line", "dated_byline", "dateline", "date_field", "photo_caption",
                  "address")

_COPYRIGHT = re.compile(r"(?:©|ⓒ|\(c\)|\bcopyright\b)", re.I)
_YEARS = re.compile(r"^[\s©ⓒ]*(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:(?:19|20)\d\d)?)?)?[\s,©ⓒ]*")
_RIGHTS_RESERVED = re.compile(r"all rights reserved", re.I)
_HOLDER_END = re.compile(r"\s*(?:[,|/(•]|\s[-–—]\s|all rights reserved|\.\s|\.$|$)", re.I)
_COMPANY_SUFFIX = re.compile(r"[\s,]+(?:inc|llc|ltd|limited|corp|corporation|plc|gmbh|pty|private|co)\.?$", re.I)
# A site's own domain, as its chrome names it ("helps JNS.org remain …", "By …, Cleveland.com").
_DOMAIN = re.compile(r"\b(?:www\.)?((?:[A-Za-z0-9][A-Za-z0-9-]*\.)+"
                     r"(?:com|org|net|info|news|media|tv|co\.[a-z]{2}|com\.[a-z]{2}|org\.[a-z]{2}))\b")
# Platforms every site links to: naming one says nothing about who publishes the page.
PLATFORM_DOMAINS = frozenset({
    "facebook.com", "twitter.com", "x.com", "instagram.com", "youtube.com", "linkedin.com", "pinterest.com",
    "reddit.com", "tiktok.com", "whatsapp.com", "telegram.org", "google.com", "apple.com", "wordpress.com",
    "wordpress.org", "blogger.com", "medium.com", "flipboard.com", "amazon.com", "t.co", "bit.ly",
    "gravatar.com", "disqus.com", "mailchimp.com", "microsoft.com", "play.google.com", "apps.apple.com",
})
# "JERUSALEM (Reuters) -", "WASHINGTON (AP) —": the agency that filed a wire story.
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .,'/-]{1,40}\((?P<agency>[A-Z][A-Za-z&. ]{1,30})\)\s*[-–—:]")
# "Published: …", "First published on …", "PUBLISHED: … | UPDATED: …": the cue opens the line
_PUBLISHED_CUE = re.compile(r"^\W*(?:first\s+)?(?:published|posted|publication date|date published)\b\s*(?:on|:)?",
                            re.I)
# ... or follows the byline's name on its line ("Fahad Shabbir (@FahadShabbir) Published May 20, 2024"):
# the word capitalised, the date right after it
_PUBLISHED_IN_BYLINE = re.compile(r"\b(?:Published|Posted|PUBLISHED|POSTED)\b\s*(?:on|:)?\s*(?=\d|[A-Z])")
_UPDATED_CUE = re.compile(r"^\W*(?:last\s+)?(?:updated|modified)\b", re.I)
# A page's date field ahead of whatever follows on its line ("date 2020-05-08 An Arlington man
# is …", "Date: Nov. 19, 2019"): the date comes right after the word
_DATE_FIELD = re.compile(r"^\W*(?:date|dated)\s*[:\-–—]?\s*(?=\d|(?:%s)\b)" % MONTH_NAMES, re.I)
# A year glued to the time after it when the page's text was copied ("Nov 20 20194:29 AM").
_GLUED_TIME = re.compile(r"\b((?:19|20)\d\d)(\d{1,2}:\d\d)")
# A byline's name glued to the date after it ("Lewis Sanders IVApril 22, 2016"): a capitalised
# month name right after a letter, with its day after it
_GLUED_MONTH = re.compile(r"(?<=[A-Za-z])(?=(?:%s)\.?\s+[0-3]?\d\b)"
                          % "|".join(m.capitalize() for m in MONTH_NAMES.split("|")))
_NUMERIC_DATE = re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b")
_ISO_STAMP = re.compile(r"\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)T\d")
# Lines that state what the article says, not when it was published ("A study published on March
# 3, 2019 …", a title about "the riot of Jan. 6, 2021")
_NOT_A_DATELINE = frozenset({"body", "title", "dek", "heading", "caption"})
MAX_DATED_LINE_WORDS = 16  # a dated byline or date line is short; a longer line is a sentence
LONGEST_WRITTEN_DAY = len("September 30, 2020")
NEAR_TITLE = 4  # lines before the title (or the body, without one) where a page prints its date


@dataclass(frozen=True)
class Stated:
    value: object  # the publisher (str) or the date (dt.date)
    read_from: str  # where on the page: one of PUBLISHER_FROM or PUBLISHED_FROM


def copyright_holder(line: str) -> str | None:
    """The holder a copyright line names ("© 2019 Vox Media, LLC. All Rights Reserved" -> "Vox
    Media"), when the line is a copyright notice (a year or "all rights reserved" with the sign),
    not a photo credit ("© REUTERS / POOL")."""
    sign = _COPYRIGHT.search(line)
    if sign is None or line.lstrip().startswith("("):
        return None
    rest = line[sign.end():]
    rest = _COPYRIGHT.sub("", rest, count=1) if _COPYRIGHT.match(rest.lstrip()) else rest
    years = _YEARS.match(rest)
    dated = bool(re.search(r"(?:19|20)\d\d", years.group(0))) if years else False
    if not (dated or _RIGHTS_RESERVED.search(line)):
        return None
    rest = rest[years.end():] if years else rest
    holder = re.sub(r"\s+(?:19|20)\d\d$", "", rest[:_HOLDER_END.search(rest).start()].strip(" .,:;"))
    while _COMPANY_SUFFIX.search(holder):
        holder = _COMPANY_SUFFIX.sub("", holder).strip(" .,")
    if "/" in rest[:len(holder) + 2] or not _is_a_name(holder):
        return None
    return holder


def _is_a_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and (text[:1].isupper() or text[:1].isdigit() or _DOMAIN.fullmatch(text) is not None) \
        and not any(w.lower() in ("policy", "notice", "information", "terms") for w in words)


def site_domain(chrome: Sequence[str]) -> str | None:
    """The domain the page's chrome names as its own: named in two of its lines, or once with the
    site's name printed bare in another ("helps JNS.org …", "a loyal JNS Reader"); platforms aside."""
    named: dict[str, set[int]] = {}
    for i, line in enumerate(chrome):
        for domain in _DOMAIN.findall(line):
            if not _is_platform(domain) and not domain[:1].isdigit():
                named.setdefault(domain, set()).add(i)
    for domain, where in sorted(named.items(), key=lambda item: -len(item[1])):
        site = re.compile(rf"(?<![\w.]){re.escape(domain.removeprefix('www.').split('.')[0])}(?![\w.])", re.I)
        if len(where) >= 2 or any(site.search(line) for i, line in enumerate(chrome) if i not in where):
            return domain
    return None


def _is_platform(domain: str) -> bool:
    domain = domain.lower()
    return any(domain == p or domain.endswith("." + p) for p in PLATFORM_DOMAINS)


def masthead(lines: Sequence[LabelledLine]) -> str | None:
    """A name printed twice right above the title (a logo's text, then the name): two to six
    capitalised words, no digits, not a menu."""
    title = next((i for i, line in enumerate(lines) if line.label == "title"), None)
    if title is None or title < 2:
        return None
    a, b = lines[title - 2], lines[title - 1]
    words = a.text.split()
    if a.text == b.text and a.label == b.label == "boilerplate" and 2 <= len(words) <= 6 \
            and all(w[:1].isupper() or w in ("of", "the", "and", "&") for w in words) \
            and not any(c.isdigit() for c in a.text) and chrome_reason(a.text) is None:
        return a.text
    return None


def wire_agency(body_text: str) -> str | None:
    match = _WIRE_DATELINE.match(body_text[:120])
    return match.group("agency").strip() if match else None


def publisher_from_page(lines: Sequence[LabelledLine], body_text: str) -> Stated | None:
    """Who the page says publishes it: the holder its copyright line names (the last, the
    footer's; often the outlet's owner: "Dow Jones & Company" for the Wall Street Journal), else the
    domain its chrome names as its own, else its masthead, else the agency of a wire dateline."""
    chrome = [line.text for line in lines if line.label == "boilerplate"]
    holders = [h for h in (copyright_holder(line) for line in chrome) if h]
    for value, read_from in ((holders[-1] if holders else None, "copyright_line"), (site_domain(chrome), "site_domain"),
                             (masthead(lines), "masthead"),
                             (wire_agency(body_text), "wire_dateline")):
        if value:
            return Stated(value, read_from)
    return None


def stated_day(text: str) -> dt.date | None:
    """The first full date `text` states: a written one ("Nov. 19, 2019", "19 November 2019"), an
    ISO one or timestamp, or digits whose order cannot be mistaken ("27/09/2018"; "05/06/2019" is
    left alone)."""
    text = _GLUED_MONTH.sub(" ", _GLUED_TIME.sub(r"\1 \2", text))
    found = [(d.start_char, d.date) for d in extract_dates(text) if d.resolution == "stated" and d.granularity == "day"]
    found += [(m.start(), _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))) for m in _ISO_STAMP.finditer(text)]
    for m in _NUMERIC_DATE.finditer(text):
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        if a > 12 and b <= 12:
            found.append((m.start(), _safe(year, b, a)))
        elif b > 12 and a <= 12:
            found.append((m.start(), _safe(year, a, b)))
    found = sorted((at, day) for at, day in found if day is not None)
    return found[0][1] if found else None


def _day_at_start(text: str) -> dt.date | None:
    """The full date `text` opens with (a date field's value: "2020-05-08", "September 30, 2020")."""
    return stated_day(text[:LONGEST_WRITTEN_DAY])


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _around_title(lines: Sequence[LabelledLine]) -> list[LabelledLine]:
    """The lines where a page prints its date: a few above the title, then down to the body's first
    paragraph and the line after it."""
    title = next((i for i, line in enumerate(lines) if line.label == "title"), None)
    body = next((i for i, line in enumerate(lines) if line.label == "body"), len(lines))
    start = max(0, (title if title is not None and title < body else body) - NEAR_TITLE)
    return [line for line in lines[start:body + 2] if line.label != "caption"]


def _after_body(lines: Sequence[LabelledLine]) -> list[LabelledLine]:
    """The few lines after the article's last paragraph ("First published on …")."""
    last = max((i for i, line in enumerate(lines) if line.label == "body"), default=len(lines))
    return [line for line in lines[last + 1:last + 1 + NEAR_TITLE] if line.label == "boilerplate"]


def published_date_from_page(lines: Sequence[LabelledLine], body_text: str, captions: Sequence[str]) -> Stated | None:
    """When the page says it was published: a "Published …"/"Posted …" line by the title, else a
    dated byline or date line there (not an "Updated …" one, not a quoted tweet), else a dateline
    opening the body ("WASHINGTON, May 1, 2024 —"), else a date field by the title, on whatever line
    ("date 2020-05-08 An Arlington man …"), else the date a photo caption states."""
    around = _around_title(lines)
    near = [line for line in around if line.label not in _NOT_A_DATELINE]
    for line in near + _after_body(lines):
        cue = _PUBLISHED_CUE.search(line.text) or _PUBLISHED_IN_BYLINE.search(line.text)
        if cue and (day := stated_day(line.text[cue.end():])):
            return Stated(day, "published_line")
    for i, line in enumerate(near):
        if len(line.text.split()) > MAX_DATED_LINE_WORDS or "@" in line.text or line.text.startswith(("—", "–")) \
                or _UPDATED_CUE.match(line.text) or (i > 0 and _UPDATED_CUE.fullmatch(near[i - 1].text.strip(" :"))):
            continue
        if day := stated_day(line.text):
            return Stated(day, "dated_byline")
    if day := _dateline_date(body_text):
        return Stated(day, "dateline")
    for line in around:
        field = _DATE_FIELD.match(line.text)
        if field and (day := _day_at_start(line.text[field.end():])):
            return Stated(day, "date_field")
    for caption in captions:
        if day := stated_day(caption):
            return Stated(day, "photo_caption")
    return None


# A day in a page's address: "/2013/10/20/", "/2018-10-17-", "/20030917/" (a year this century or
# the last, between path separators or dashes).
_ADDRESS_DAY = re.compile(r"[/_-]((?:19|20)\d\d)([/_-]?)([01]\d)\2([0-3]\d)(?=[/_.-]|$)")


def date_from_address(url: str | None) -> dt.date | None:
    """The day a page's address states in its path, or None ("…/news/20030917/officials-approve" ->
    2003-09-17); a query string or a lone year and month say nothing."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.split("?")[0].split("#")[0])
    for match in _ADDRESS_DAY.finditer(path):
        if day := _safe(int(match.group(1)), int(match.group(3)), int(match.group(4))):
            return day
    return None


def _dateline_date(body_text: str) -> dt.date | None:
    opening = body_text[:120]
    dateline = re.match(r"^[A-Z][A-Z .,'-]{2,40}[,(]?\s*", opening)
    if dateline:
        stated = [d for d in extract_dates(opening) if d.resolution == "stated" and d.granularity == "day"]
        if stated and stated[0].start_char <= dateline.end() + 2:
            return stated[0].date
    return None
