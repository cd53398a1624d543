"""Turn an HTML page into page text (one block per line) and metadata.

Two readings of the page are made from one parse: trafilatura's cut of the main text (with the
page's metadata), and the whole visible text as a browser would copy it. The extractor's cut is
the article unless the copied text holds one continuous article that contains the cut and is
clearly longer: extractors sometimes stop at an advertisement or a sign-up box in mid-article.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura
from trafilatura.utils import load_html

from transforms.text import normalise_line

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "option",
                   "textarea", "button", "object", "embed", "canvas", "map"})
_BLOCK = frozenset({
    "p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "h1", "h2", "h3", "h4",
    "h5", "h6", "li", "ul", "ol", "table", "tr", "td", "th", "thead", "tbody", "blockquote", "pre",
    "figure", "figcaption", "form", "hr", "dl", "dt", "dd", "address", "details", "summary", "caption",
    "body", "html", "center", "fieldset", "legend", "menu", "picture", "video", "audio",
})


@dataclass(frozen=True)
class HtmlPage:
    text: str  # the extractor's main text, title first
    page_text: str  # all visible text, one block per line (what a browser copies)
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


def visible_text(tree) -> str:
    """The text a reader sees, a line per block element, blocks separated by blank lines."""
    parts: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if tag and tag not in _SKIP:
            block = tag in _BLOCK or tag == "br"
            if block:
                parts.append("\n")
            if element.text:
                parts.append(element.text)
            for child in element:
                walk(child)
            if block:
                parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    walk(tree)
    lines = (normalise_line(line) for line in "".join(parts).split("\n") if line)
    return "\n\n".join(line for line in lines if line)


def html_page(html: str) -> HtmlPage:
    tree = load_html(html)
    if tree is None:
        return HtmlPage("", "", None, None, None, None, None)
    page_text = visible_text(tree)  # before trafilatura, which prunes the tree it is given
    extracted = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True,
        # a date the page states, never one guessed from its text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if extracted is None:
        return HtmlPage("", page_text, None, None, None, None, None)
    title = normalise_line(extracted.title) if extracted.title else None
    text = extracted.text or ""
    if title and normalise_line(text.split("\n", 1)[0]) != title:
        text = f"{extracted.title}\n{text}"
    return HtmlPage(
        text=text,
        page_text=page_text,
        title=title,
        dek=normalise_line(extracted.description) if extracted.description else None,
        publisher=extracted.sitename or extracted.hostname,
        published_date=parse_date(extracted.date),
        language=extracted.language,
    )
