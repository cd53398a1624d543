"""From a staged input to a clean document: page text, labelled lines, body and metadata."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from transforms.boilerplate import (LabelledLine, body_text, body_words, first_with_label, label_lines,
                                   lines_shared_across)
from transforms.html import HtmlPage, html_page, parse_date
from transforms.masthead import Stated, date_from_address, published_date_from_page, publisher_from_page
from transforms.staging import HTML, StagedDocument
from transforms.text import normalise_line, shingles

# When to prefer the page's whole text over the extractor's cut (see _article_lines_from_html):
# the cut must lie inside it, and it must be clearly longer but not a different, larger thing.
CONTAINED_SHARE, LONGER_MIN, LONGER_MAX = 0.9, 1.3, 3.0

_ENGLISH_STOPWORDS = frozenset(
    "the of and to a in that is was for on with as by at from his her he she it they said has have "
    "be are were an this which but not or will its their who after".split()
)


PREAMBLE_LABELS = ("title", "dek", "caption")


@dataclass(frozen=True)
class CleanDocument:
    doc_id: str
    source_uri: str
    external_id: str | None
    media_type: str
    title: str | None
    dek: str | None
    publisher: str | None
    published_date: dt.date | None
    language: str | None
    body_text: str
    n_words: int
    captions: list[str]
    lines: list[LabelledLine]
    publisher_from: str | None = None  # where the publisher was read (masthead.PUBLISHER_FROM)
    published_from: str | None = None  # where the published date was read (masthead.PUBLISHED_FROM)

    @cached_property
    def readable_body(self) -> str:
        """What the English readers (entities, dates, quotes, numeric facts) read: `text_to_read`,
        worked out once per document."""
        return text_to_read(self.body_text, self.language)

    @property
    def preamble(self) -> list[str]:
        """What the page prints around the body for a reader: title, dek and captions."""
        return [line.text for line in self.lines if line.label in PREAMBLE_LABELS]

    @property
    def preamble_lines(self) -> list[LabelledLine]:
        """The first line of each text in the preamble, in order: the lines the entity step reads
        before the body (transforms.entities.entity_input)."""
        first: dict[str, LabelledLine] = {}
        for line in self.lines:
            if line.label in PREAMBLE_LABELS and line.text:
                first.setdefault(line.text, line)
        return list(first.values())


def guess_language(text: str) -> str | None:
    """'en' when common English function words are frequent enough; unknown otherwise."""
    words = re.findall(r"[a-z]+", text.lower())
    stopwords = sum(map(_ENGLISH_STOPWORDS.__contains__, words))
    if len(words) < 20:
        return "en" if words and stopwords / len(words) > 0.2 else None
    return "en" if stopwords / len(words) > 0.15 else None


def text_to_read(body_text: str, language: str | None) -> str:
    """What the English readers (numeric facts) read of a document: its body, unless it is in
    another language (named by the page, or plain from its words), where they would read numbers
    they cannot place: then nothing."""
    if language:
        return body_text if language.lower().startswith("en") else ""
    return "" if looks_foreign(body_text) else body_text


def looks_foreign(text: str) -> bool:
    """Not English beyond doubt: mostly letters outside the Latin alphabet (Cyrillic, Arabic, CJK),
    or 50 words and more with few English function words (English prose has over 20 %; on
    zyte_dev every other language has under 9 %). Short texts are given the benefit
    of the doubt ("Yo dude!")."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(not c.isascii() for c in letters) / len(letters) > 0.3:
        return True
    words = re.findall(r"[a-z]+", text.lower())
    return len(words) >= 50 and sum(w in _ENGLISH_STOPWORDS for w in words) / len(words) < 0.12


def _article_lines_from_html(page: HtmlPage, shared_lines: Iterable[str], title: str | None) -> list[LabelledLine]:
    """The extractor's cut, unless the whole page text holds a longer article that contains it."""
    cut = label_lines(page.text, shared_lines, known_title=title, extracted=True)
    whole = label_lines(page.page_text, shared_lines, known_title=title)
    n_cut, n_whole = body_words(cut), body_words(whole)
    if not n_cut or not LONGER_MIN * n_cut <= n_whole <= LONGER_MAX * n_cut:
        return cut
    cut_shingles = shingles(body_text(cut))
    inside = sum((cut_shingles & shingles(body_text(whole))).values())
    return whole if inside >= CONTAINED_SHARE * sum(cut_shingles.values()) else cut


def clean_document(
    staged: StagedDocument,
    shared_lines: Iterable[str] = (),
    learned: Mapping[str, set[str]] | None = None,
) -> CleanDocument:
    """Label the page's lines and keep the article body (no title, dek, captions or chrome).

    `shared_lines` repeat across the documents of this run; `learned` holds lines learnt from the
    warehouse, by publisher ('' when unknown): both mark site chrome.
    """
    title = normalise_line(staged.title) if staged.title else None
    dek = language = page = None
    publisher = _stated(staged.publisher, "record")
    published = _stated(parse_date(staged.published), "record")
    if staged.content_type == HTML:
        page = html_page(staged.text)
        title = title or page.title
        dek, language = page.dek, page.language
        publisher = publisher or _stated(page.publisher, "html_metadata")
        published = published or _stated(page.published_date, "html_metadata")
    # the scope of learned chrome: a publisher the input's metadata names ('' otherwise), known
    # before the page is read
    shared_lines = set(shared_lines) | (learned or {}).get(publisher.value if publisher else "", set())
    if page is not None:
        lines = _article_lines_from_html(page, shared_lines, title)
    else:
        lines = label_lines(staged.text, shared_lines, known_title=title)
    body = body_text(lines)
    captions = list(dict.fromkeys(line.text for line in lines if line.label == "caption"))
    publisher = publisher or publisher_from_page(lines, body)
    published = published or published_date_from_page(lines, body, captions) \
        or _stated(date_from_address(staged.url), "address")
    return CleanDocument(
        doc_id=staged.doc_id,
        source_uri=staged.source_uri,
        external_id=staged.external_id,
        media_type=staged.content_type,
        title=title or first_with_label(lines, "title"),
        dek=first_with_label(lines, "dek") or dek,
        publisher=publisher.value if publisher else None,
        published_date=published.value if published else None,
        publisher_from=publisher.read_from if publisher else None,
        published_from=published.read_from if published else None,
        language=language or guess_language(body),
        body_text=body,
        n_words=body_words(lines),
        captions=captions,
        lines=lines,
    )


def _stated(value, read_from: str) -> Stated | None:
    return Stated(value, read_from) if value else None


def shared_lines_of(staged: Iterable[StagedDocument], min_documents: int, min_stories: int) -> set[str]:
    """Site chrome pasted with each of a run's plain-text inputs: lines of chrome's shape in
    `min_documents` of them, sentences in `min_stories` distinct stories (boilerplate.repeated_chrome).
    (An HTML page's markup tells its chrome apart on its own.)"""
    return lines_shared_across((d.text for d in staged if d.content_type != HTML), min_documents, min_stories)


def clean_pages(staged: list[StagedDocument], min_documents: int, min_stories: int,
                learned: Mapping[str, set[str]] | None = None) -> list[CleanDocument]:
    """Clean pages as one run over them would: chrome learnt across the set."""
    shared = shared_lines_of(staged, min_documents, min_stories)
    return [clean_document(doc, shared, learned) for doc in staged]
