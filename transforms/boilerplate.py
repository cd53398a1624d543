"""Label every non-blank line of a page's text: title, dek, caption, heading, body or boilerplate.

The article is one contiguous run of prose; site chrome (navigation, paywall and donation pleas,
sign-up prompts) sits around it, photo captions sit inside it. Signals combined here:
- shapes of chrome and of captions (regular expressions below),
- exact repeats inside the document (captions printed two or three times),
- lines repeated across documents of the same batch or corpus (`shared_lines`),
- prose features (sentence punctuation, length) and position relative to the prose run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from transforms.text import normalise_line, split_lines

LABELS = ("title", "dek", "caption", "heading", "body", "boilerplate")

_CHROME = re.compile(
    r"""^(skip\ to\ (main\ )?content|menu|search|home|share|share\ this( article)?|print|email|
    advertisement|sponsored( content)?|related( stories| articles| content)?|read\ more|more\ stories|
    top\ stories\b.*|our\ picks|most\ (read|popular)|trending( now)?|download\ the\ app|
    start\ reading|sign\ (in|up)\b.*|log\ ?in\b.*|subscribe\b.*|already\ a\ (member|subscriber)\b.*|
    follow\ us\b.*|comments?|leave\ a\ comment|listen\ to\ this\ article|never\ miss\ a\ thing|
    \d+\s+comments?)[.!:?]*$""",
    re.I | re.X,
)
_PAYWALL = re.compile(
    r"""you\ have\ read\ .{0,20}\ articles?|register\ (now\ )?(to|for)\ .{0,40}(access|reading)|
    (subscribe|sign\ up|register)\ (now\ )?to\ (read|continue|receive|get)|
    (full|unlimited)\ access|become\ a\ (member|subscriber|part\ of\ our)|donat(e|ing|ion)\b|
    support\ (our|independent)\ journalism|this\ (developing\ )?(story|article)\ (has\ been|was)\ updated|
    ©|\bcopyright\b|all\ rights\ reserved|cookie|privacy\ policy|terms\ of\ (use|service)|
    newsletter|breaking\ news\ updates|\bfree\ trial\b|\bdays?\ free\b|get\ the\ app""",
    re.I | re.X,
)
_CAPTION = re.compile(
    r"""\b(photo|image|picture|illustration|video)(\ \w+)?\ (by|credit|courtesy)\b|
    \((credit|photo|image|file\ photo)\b[^)]*\)|\b(photo|image|credit)s?\s*:|
    \bgetty\ images\b|\b(afp|reuters|ap|epa)\s*(/|via)\s|/\s*(afp|reuters|ap|gpo|epa)\b|
    \(left\)|\(right\)|\(center\)|\bfile\ photo\b""",
    re.I | re.X,
)
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$|["”]$""")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class LabelledLine:
    line_no: int  # 1-based, over the text split on newlines
    text: str  # normalised
    label: str
    reason: str


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def is_prose(text: str) -> bool:
    """A sentence-like paragraph: ends like a sentence and has enough words, or is long."""
    words = _words(text)
    return (words >= 6 and bool(_SENTENCE_END.search(text))) or words >= 25


def chrome_reason(text: str) -> str | None:
    if _CHROME.match(text):
        return "navigation_shape"
    if _PAYWALL.search(text):
        return "paywall_or_subscription_shape"
    return None


def is_caption_shape(text: str) -> bool:
    return bool(_CAPTION.search(text))


def _looks_like_heading(text: str) -> bool:
    words = _words(text)
    return 1 <= words <= 12 and not _SENTENCE_END.search(text) and text[:1].isupper()


def _looks_like_title(text: str) -> bool:
    words = _words(text)
    return 3 <= words <= 30 and not text.endswith((".", ":", "…"))


def _chrome_candidates(lines: list[tuple[int, str]], shared: set[str]) -> set[str]:
    """Shared lines are chrome unless most of the page is shared: then it is a copy of an article."""
    words = sum(_words(line) for _, line in lines)
    shared_words = sum(_words(line) for _, line in lines if line in shared)
    return shared if shared_words * 2 <= words else set()


def _is_article_break(label: tuple[str, str] | None) -> bool:
    """Chrome of the page itself (not a line merely shared with other pages) ends a prose run."""
    return bool(label) and label[0] == "boilerplate" and label[1] != "repeated_across_documents"


def _main_prose_run(
    lines: list[tuple[int, str]], labels: list[tuple[str, str] | None], prose: list[int]
) -> list[int]:
    """The prose lines of the longest (by words) run not broken by page chrome."""
    runs: list[list[int]] = [[]]
    for i in range(len(lines)):
        if _is_article_break(labels[i]) and runs[-1]:
            runs.append([])
        elif i in prose:
            runs[-1].append(i)
    return max(runs, key=lambda run: sum(_words(lines[i][1]) for i in run))


def label_lines(
    text: str,
    shared_lines: Iterable[str] = (),
    known_title: str | None = None,
) -> list[LabelledLine]:
    """Label every non-blank line of `text` (a page's text, one block per line).

    `shared_lines` are normalised lines seen in other documents of the same corpus: such a line is
    site chrome, not this article. `known_title` comes from metadata when the input has it.
    """
    lines = [(i + 1, normalise_line(raw)) for i, raw in enumerate(split_lines(text))]
    lines = [(no, line) for no, line in lines if line]
    if not lines:
        return []
    shared = _chrome_candidates(lines, set(shared_lines))
    title_key = normalise_line(known_title) if known_title else None
    counts: dict[str, int] = {}
    for _, line in lines:
        counts[line] = counts.get(line, 0) + 1

    labels: list[tuple[str, str] | None] = [None] * len(lines)
    for i, (_, line) in enumerate(lines):
        if title_key and line == title_key:
            labels[i] = ("title", "matches_metadata_title")
        elif reason := chrome_reason(line):
            labels[i] = ("boilerplate", reason)
        elif is_caption_shape(line):
            labels[i] = ("caption", "caption_shape")
        elif counts[line] > 1:
            labels[i] = (
                ("caption", "repeated_in_document")
                if _words(line) >= 6
                else ("boilerplate", "repeated_in_document")
            )
        elif line in shared:
            labels[i] = ("boilerplate", "repeated_across_documents")

    prose = [i for i, (_, line) in enumerate(lines) if labels[i] is None and is_prose(line)]
    if not prose:
        # No paragraph of prose: keep whatever is unlabelled as body rather than lose it.
        return [
            LabelledLine(no, line, *(labels[i] or ("body", "no_prose_run_found")))
            for i, (no, line) in enumerate(lines)
        ]

    in_article = _main_prose_run(lines, labels, prose)
    start, end = in_article[0], in_article[-1]

    # A dek is a sentence straight after the title that a picture separates from the body.
    first_body = start
    if title_key is None or any(labels[i] and labels[i][0] == "title" for i in range(start)):
        nxt = in_article[1] if len(in_article) > 1 else None
        between = range(start + 1, nxt if nxt is not None else start + 1)
        separated = any(labels[i] and labels[i][0] == "caption" for i in between) or any(
            labels[i] is None and not is_prose(lines[i][1]) for i in between
        )
        if nxt is not None and separated and len(in_article) > 1 and _words(lines[start][1]) <= 45:
            prior = [i for i in range(start) if labels[i] is None or labels[i][0] == "title"]
            if prior and (labels[prior[-1]] is None and _looks_like_title(lines[prior[-1]][1])
                          or labels[prior[-1]] and labels[prior[-1]][0] == "title"):
                labels[start] = ("dek", "sentence_between_title_and_picture")
                first_body = in_article[1]
                for i in range(start + 1, first_body):
                    if labels[i] is None:
                        labels[i] = ("caption", "short_line_before_body")

    # Before the article: the nearest title-shaped line is the title, anything earlier is chrome.
    has_title = any(lab and lab[0] == "title" for lab in labels)
    for i in range(start - 1, -1, -1):
        if labels[i] is not None:
            continue
        if not has_title and _looks_like_title(lines[i][1]):
            labels[i] = ("title", "title_shape_before_article")
            has_title = True
        else:
            labels[i] = ("boilerplate", "before_article")

    for i in range(first_body, end + 1):
        if labels[i] is not None:
            continue
        line = lines[i][1]
        if i in in_article or (_SENTENCE_END.search(line) and _words(line) >= 3):
            labels[i] = ("body", "prose_in_article")
        elif _looks_like_heading(line):
            labels[i] = ("heading", "short_line_inside_article")
        else:
            labels[i] = ("boilerplate", "fragment_inside_article")

    for i in range(end + 1, len(lines)):
        if labels[i] is None:
            labels[i] = ("boilerplate", "after_article")

    return [LabelledLine(no, line, *labels[i]) for i, (no, line) in enumerate(lines)]


def body_text(lines: Iterable[LabelledLine]) -> str:
    """The article body: body paragraphs and section headings, one per line."""
    return "\n".join(line.text for line in lines if line.label in ("body", "heading"))


def first_with_label(lines: Iterable[LabelledLine], label: str) -> str | None:
    return next((line.text for line in lines if line.label == label), None)


def lines_shared_across(texts: Iterable[str], min_documents: int = 2) -> set[str]:
    """Normalised non-blank lines that occur in at least `min_documents` of the given texts."""
    seen: dict[str, int] = {}
    for text in texts:
        for line in {normalise_line(raw) for raw in split_lines(text)}:
            if line:
                seen[line] = seen.get(line, 0) + 1
    return {line for line, n in seen.items() if n >= min_documents}
