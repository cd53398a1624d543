"""Turn an HTML page into page text (one block per line) and metadata, with trafilatura."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura

from transforms.text import normalise_line


@dataclass(frozen=True)
class HtmlPage:
    text: str  # the page's main text, title first: line numbers of document_lines index this
    title: str | None
    dek: str | None
    publisher: str | None
    published_date: dt.date | None
    language: str | None


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date or timestamp from metadata; anything else is unknown, not guessed."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def html_page(html: str) -> HtmlPage:
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if extracted is None:
        return HtmlPage("", None, None, None, None, None)
    title = normalise_line(extracted.title) if extracted.title else None
    text = extracted.text or ""
    if title and normalise_line(text.split("\n", 1)[0]) != title:
        text = f"{extracted.title}\n{text}"
    return HtmlPage(
        text=text,
        title=title,
        dek=normalise_line(extracted.description) if extracted.description else None,
        publisher=extracted.sitename or extracted.hostname,
        published_date=parse_date(extracted.date),
        language=extracted.language,
    )
