"""Label every non-blank line of a page's text: title, dek, caption, heading, body or boilerplate.

The article is one contiguous run of prose; site chrome (navigation, paywall and donation pleas,
sign-up prompts, comment threads) sits around it, photo captions sit inside it. Signals:
- shapes of chrome and of captions (regular expressions below, only on short lines),
- exact repeats inside the document (captions printed two or three times, menus),
- lines repeated across documents of the same batch or corpus (`shared_lines`),
- prose features (sentence punctuation, length, lower-case words),
- position: the article is the stretch where prose outweighs everything else most (a maximum-sum
  segment of prose words minus non-prose lines), never crossing a metering or paywall line.
Text that a structure-aware extractor already cut from HTML (`extracted=True`) is trusted as the
article: only titles, captions, chrome shapes and repeats are taken out of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from transforms.dates import MONTH_PREFIXES, WEEKDAY_NAMES
from transforms.text import count_words, normalise_line, split_lines

LABELS = ("title", "dek", "caption", "heading", "body", "boilerplate")
LINE_COST = 8  # what a non-prose line inside the article costs, on top of its words
DATED_LINE_COST = 40  # the same for a short line holding a date or time

EARLIER_SHARE = 0.7  # an earlier stretch of prose this close to the best one is the article
MAX_CHROME_WORDS = 30  # longer lines are prose, whatever words they use
MIN_ARTICLE_PARAGRAPHS = 3  # a stretch of prose this long before a comment thread's header is the article
SAME_STORY_SHARE = 0.3  # documents sharing this share of their prose are versions of one story
MAX_SHARING_DOCUMENTS = 50  # past this many documents, a sentence's documents are paired with its first only

_NAVIGATION = re.compile(
    r"""^(skip\ to\ (main\ )?content|menu|search|home|share|share\ this(\ article|\ story)?|print|e-?mail|
    advertisement|advertising|sponsored(\ content)?|related(\ stories|\ articles|\ content|\ posts)?|
    read\ more|more\ stories|see\ more|top\ stories\b.*|our\ picks|most\ (read|popular|viewed)|
    trending(\ now)?|download\ the\ app|start\ reading|sign\ (in|up)\b.*|log\ ?in\b.*|log\ out|
    subscribe\b.*|already\ a\ (member|subscriber)\b.*|follow\ us\b.*|comments?|leave\ a\ (comment|reply)|
    post\ a\ comment|listen\ to\ this\ article|never\ miss\ a\ thing|tags?:.*|topics?:.*|
    \[?\s*\d+\s+comments?\s*\]?|\(?view\ all\)?|top\ rated\ comments|load\ more|back\ to\ top|
    previous(\ article|\ post)?|next(\ article|\ post)?|facebook|twitter|linkedin|whatsapp|reddit|
    pinterest|instagram|youtube|google\+|rss)[.!:?»>]*$""",
    re.I | re.X,
)
# Lines that end an article outright: metering, paywalls and sign-up walls.
_ARTICLE_END = re.compile(
    r"""you\ have\ read\ .{0,20}\ articles?|you've\ read\ .{0,20}\ articles?|
    register\ (now\ )?(to|for)\ .{0,40}(access|reading)|
    (subscribe|sign\ up|register|log\ ?in|sign\ in)\ (now\ )?to\ (read|continue|keep\ reading)|
    to\ continue\ reading|already\ a\ (member|subscriber)|this\ (article|content)\ is\ (for|only\ available)""",
    re.I | re.X,
)
# A comment thread's header ("[ 167 comments ]", "Top Rated Comments", "View Comments"): what
# follows is readers' prose, not the article's.
_COMMENTS_HEADER = re.compile(
    r"^\W*(?:\d+\s+comments?|(?:top[\s-]rated|readers?['’]?|user)\s+comments|"
    r"(?:read|view|show|see|load)\s+(?:all\s+)?(?:\d+\s+)?comments)\W*$", re.I)
_PAYWALL = re.compile(
    r"""(full|unlimited)\ access|become\ a\ (member|subscriber|part\ of\ our)|donat(e|ing|ion)\b|
    support\ (our|independent|quality)\ journalism|this\ (developing\ )?(story|article)\ (has\ been|was)\ updated|
    ©|\bcopyright\b|all\ rights\ reserved|cookies?\b|privacy\ policy|terms\ of\ (use|service)|
    newsletters?\b|breaking\ news\ updates|\bfree\ trial\b|\bdays?\ free\b|get\ the\ app|
    (subscribe|sign\ up)\ (to|for)\ (our|the)""",
    re.I | re.X,
)
_CAPTION = re.compile(
    r"""\b(photo|image|picture|illustration|video|photograph)(\ \w+)?\ (by|credit|courtesy)\b|
    \((credit|photo|image|file\ photo)\b[^)]*\)|\((?:[\w.'-]+\ ){0,3}(photo|photograph|image|picture)s?\s*(?:[/:][^)]{0,40})?\)|\b(photo|image|credit|photograph)s?\s*:|
    \bgetty\ images\b|\b(afp|reuters|ap|epa)\s*(/|via)\s|/\s*(afp|reuters|ap|gpo|epa)\b|
    \(left\)|\(right\)|\(center\)|\bfile\ photo\b""",
    re.I | re.X,
)
_DATELINE = re.compile(
    rf"""\b({MONTH_PREFIXES})[a-z]*\.?\ \d{{1,2}},?\ \d{{4}}\b|\b\d{{1,2}}\ ({MONTH_PREFIXES})[a-z]*\.?,?\ \d{{4}}\b|
    """ r"""\b\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\bago\b|^by\ |\bupdated\b|\bpublished\b""",
    re.I | re.X,
)
_BYLINE = re.compile(r"by\s", re.I)
_DATE_PART = re.compile(
    rf"""\b({MONTH_PREFIXES})[a-z]*\.?(\ \d{{1,2}}(st|nd|rd|th)?,?)?(\ \d{{4}})?\b|
    \b\d{{1,2}}\ ({MONTH_PREFIXES})[a-z]*\.?(\ \d{{4}})?\b|
    """ r"""\b\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]\.?m\.?|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|
    \b\d{4}-\d{2}-\d{2}\b|\b(\d+|an?)\ (second|minute|hour|day|week|month|year)s?\ ago\b|\b(gmt|utc|[ecmp][sd]t)\b|
    """ rf"""\b({WEEKDAY_NAMES})\b|\b(at|on|updated|published|posted)\b""",
    re.I | re.X,
)
# Words that every match of a case-blind pattern above holds, lower-case: a line whose lower-case
# form (`_lower_case`) holds none of them is not searched by the pattern, which would try every position.
_ARTICLE_END_WORDS = re.compile(
    "you have read|you've read|register |to read|to continue|to keep reading|already a |this article is|this content is")
_PAYWALL_WORDS = re.compile(
    "access|become a |donat|journalism|updated|©|copyright|all rights reserved|cookie|privacy policy|terms of |"
    "newsletter|breaking news updates|free|get the app|subscribe |sign up ")
_CAPTION_WORDS = re.compile(
    r"photo|image|picture|illustration|video|credit|getty images|/|via|\(left\)|\(right\)|\(center\)")
# The letters outside ASCII that a case-blind pattern matches to an ASCII letter ("İ" and "ı" to "i").
_TO_ASCII_LETTER = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}

_SENTENCE_CLOSERS = "\"'”’)]"  # what may follow a sentence's last stop: closing quotes and brackets


@dataclass(frozen=True)
class LabelledLine:
    line_no: int  # 1-based, over the text split on newlines
    text: str  # normalised
    label: str
    reason: str


@lru_cache(maxsize=1 << 12)  # (lines repeated across pages stay; a larger cache holds the corpus's lines)
def _words(text: str) -> int:
    return count_words(text)


def _lower_case(text: str) -> str:
    """Lower case, where every letter a case-blind pattern matches to an ASCII letter is that letter."""
    if not text.isascii():
        for letter, ascii_letter in _TO_ASCII_LETTER.items():
            if letter in text:
                text = text.replace(letter, ascii_letter)
    return text.lower()


def _ends_like_sentence(text: str) -> bool:
    """A full stop, '!', '?' or '…' then only closing quotes or brackets; or a closing double quote
    (as a regular expression's `$`, before a final newline too)."""
    if text.endswith("\n"):
        text = text[:-1]
    return text.endswith(('"', "”")) or text.rstrip(_SENTENCE_CLOSERS).endswith((".", "!", "?", "…"))


def is_prose(text: str) -> bool:
    """A sentence-like paragraph: ends like a sentence with enough words, or is long."""
    words = _words(text)
    return (words >= 6 and _ends_like_sentence(text)) or words >= 25


@lru_cache(maxsize=1 << 12)
def chrome_reason(text: str) -> str | None:
    """Why a short line is site chrome, or None. Long lines are never judged by their words."""
    if _words(text) > MAX_CHROME_WORDS:
        return None
    lowered = _lower_case(text)
    if _ARTICLE_END_WORDS.search(lowered) and _ARTICLE_END.search(text):
        return "paywall_end_of_article"
    if _NAVIGATION.match(text):
        return "navigation_shape"
    if _PAYWALL_WORDS.search(lowered) and _PAYWALL.search(text):
        return "paywall_or_subscription_shape"
    return None


def is_caption_shape(text: str) -> bool:
    return _words(text) <= 60 and bool(_CAPTION_WORDS.search(_lower_case(text))) and bool(_CAPTION.search(text))


def _looks_like_heading(text: str) -> bool:
    words = _words(text)
    return 1 <= words <= 12 and not _ends_like_sentence(text) and text[:1].isupper()


def _looks_like_title(text: str) -> bool:
    words = _words(text)
    return 3 <= words <= 30 and not text.endswith((".", ":", "…")) and not _DATELINE.search(text)


def _chrome_candidates(lines: list[tuple[int, str]], shared: set[str]) -> set[str]:
    """Shared lines are chrome unless most of the page is shared: then it is a copy of an article."""
    shared_words = sum(_words(line) for _, line in lines if line in shared)
    if not shared_words:
        return shared
    return shared if shared_words * 2 <= sum(_words(line) for _, line in lines) else set()


Label = tuple[str, str] | None


def _shape_labels(lines: list[tuple[int, str]], shared: set[str], title_key: str | None) -> list[Label]:
    """Labels that a line's own shape, repeats and the corpus decide, before position is known."""
    counts: dict[str, int] = {}
    for _, line in lines:
        counts[line] = counts.get(line, 0) + 1
    labels: list[Label] = []
    for _, line in lines:
        if title_key and line == title_key:
            labels.append(("title", "matches_metadata_title"))
        elif reason := chrome_reason(line):
            labels.append(("boilerplate", reason))
        elif is_caption_shape(line):
            labels.append(("caption", "caption_shape"))
        elif counts[line] > 1:
            labels.append(("caption", "repeated_in_document") if _words(line) >= 6 and not is_prose_question(line)
                          else ("boilerplate", "repeated_in_document"))
        elif line in shared:
            labels.append(("boilerplate", "repeated_across_documents"))
        else:
            labels.append(None)
    return labels


def is_prose_question(line: str) -> bool:
    """Interview questions repeat across a page ("What inspired you?"): they are not captions."""
    return line.endswith("?")


_LIST_ITEM = re.compile(r"^(?:[-•*–·▪]\s+|\d{1,3}[.)]?\s+)\S")  # "- Cuts in duties", "24 Mary Pierce (France)"


def is_short_sentence(line: str) -> bool:
    """'Pierce said she was delighted.': a sentence too short to count as a paragraph of prose."""
    words = _words(line)
    return 3 <= words < 6 and _ends_like_sentence(line) and line.lstrip("\"'“‘")[:1].isupper() \
        and sum(w.islower() for w in line.split()) >= 2


def _neutral_lines(lines: list[tuple[int, str]], labels: list[Label]) -> tuple[set[int], set[int]]:
    """Lines an article holds that neither make nor break it: lists (a line that introduces them
    with a colon, then short lines that are not sentences: bullets, rankings, fixtures, line-ups),
    kept when the article goes on after them; and short sentences, which may also close it."""
    listed: set[int] = set()
    short: set[int] = set()
    in_list = False
    for i, (_, line) in enumerate(lines):
        if labels[i] is not None:
            in_list = False
        elif line.endswith(":") and not chrome_reason(line):
            listed.add(i)
            in_list = True
        elif in_list and not _ends_like_sentence(line) and (_LIST_ITEM.match(line) or _words(line) <= MAX_CHROME_WORDS):
            listed.add(i)
        else:
            in_list = False
            if is_short_sentence(line):
                short.add(i)
    return listed, short


def _line_cost(line: str) -> int:
    """What a non-prose line costs a stretch of prose. A short dated line (a byline, a teaser's or a
    comment's time stamp) costs most: articles rarely hold one between paragraphs, lists of teasers
    and comment threads hold one per item."""
    words = _words(line)
    if words <= 12 and _is_dated_line(line):
        return words + DATED_LINE_COST
    return words + LINE_COST


def _is_dated_line(line: str) -> bool:
    """A byline, or a line that is a date or time with at most two other words ("2 days ago")."""
    if _BYLINE.match(line):
        return True
    rest = _DATE_PART.sub(" ", line)
    return rest != line and _words(rest) <= 2


def _article_span(lines: list[tuple[int, str]], labels: list[Label], prose: set[int]) -> list[int]:
    """The prose lines of the article: a stretch where prose outweighs everything else.

    A prose line scores its words; any other line costs `_line_cost`, so scattered teasers and
    comment threads lose to an article's consecutive paragraphs. Each stretch is a maximum-sum
    segment; a paywall line ends one. An article comes before its comments and further reading,
    so the first stretch that scores at least EARLIER_SHARE of the best one is taken.
    """
    stretches: list[tuple[int, int, int]] = []  # (score, first, last)
    best: tuple[int, int, int] | None = None
    total, begin = 0, 0
    listed, short = _neutral_lines(lines, labels)
    neutral = listed | short

    def close() -> None:
        nonlocal best
        if best is not None:
            stretches.append(best)
        best = None

    headers = [i for i, (_, line) in enumerate(lines) if _COMMENTS_HEADER.match(line)]
    for i, (_, line) in enumerate(lines):
        if (labels[i] and labels[i][1] == "paywall_end_of_article") or i in headers:
            close()
            total, begin = 0, i + 1
            continue
        if i in short and best is None:
            continue  # a short sentence opening the article ("The minister has resigned."): kept with it
        if i in neutral and best is not None:
            if i in short and total >= best[0]:  # a short sentence closing the article
                best = (total, best[1], i)
            continue  # a list is kept when the article goes on after it
        total += _words(line) if i in prose else -_line_cost(line)
        if total <= 0:
            close()
            total, begin = 0, i + 1
        elif best is None or total > best[0]:
            best = (total, begin, i)
    close()
    # an article comes before the comments on it: a thread's header ends a stretch, and the first
    # one after a stretch of a few paragraphs leaves the stretches after it out (a comment count by
    # the title does not)
    articles = [s for s in stretches if sum(i in prose for i in range(s[1], s[2] + 1)) >= MIN_ARTICLE_PARAGRAPHS]
    thread = next((h for h in headers if any(s[2] < h for s in articles)), None)
    if thread is not None:
        stretches = [s for s in stretches if s[2] < thread]
    if not stretches:
        return []
    top = max(score for score, _, _ in stretches)
    _, first, last = next(s for s in stretches if s[0] >= EARLIER_SHARE * top)
    return [i for i in range(first, last + 1) if i in prose or i in neutral]


def _label_extracted(lines: list[tuple[int, str]], labels: list[Label]) -> list[Label]:
    """An extractor already chose the article: keep every line not taken out by shape or repeats."""
    has_title = any(lab and lab[0] == "title" for lab in labels)
    for i, (_, line) in enumerate(lines):
        if labels[i] is not None:
            continue
        if not has_title and i == 0 and _looks_like_title(line) and not is_prose(line):
            labels[i] = ("title", "first_line_of_extracted_text")
            has_title = True
        elif _looks_like_heading(line) and i + 1 < len(lines) and is_prose(lines[i + 1][1]):
            labels[i] = ("heading", "short_line_before_paragraph")
        else:
            labels[i] = ("body", "kept_by_extractor")
    return labels


def _is_picture(lines: list[tuple[int, str]], labels: list[Label], i: int) -> bool:
    """A caption, or a few words with no sentence end (an image's alt text)."""
    if labels[i] is not None:
        return labels[i][0] == "caption"
    return _words(lines[i][1]) <= 3 and not _ends_like_sentence(lines[i][1])


def _find_dek(lines, labels, prose: set[int], in_article: list[int], title_known: bool) -> int | None:
    """A dek is a sentence right after the title that a picture separates from the body."""
    start = in_article[0]
    earlier = [i for i in prose if i < start]
    if earlier:
        candidate, body_from = earlier[-1], start
    elif len(in_article) > 1:
        candidate, body_from = start, in_article[1]
    else:
        return None
    between = range(candidate + 1, body_from)
    if not between or not all(_is_picture(lines, labels, i) for i in between) or _words(lines[candidate][1]) > 45:
        return None
    before = [i for i in range(candidate) if labels[i] is None or labels[i][0] == "title"]
    if not before:
        return None
    title = labels[before[-1]]
    if title is not None or (not title_known and _looks_like_title(lines[before[-1]][1])):
        return candidate
    return None


def _label_by_position(lines: list[tuple[int, str]], labels: list[Label], title_known: bool) -> list[Label]:
    prose = {i for i, (_, line) in enumerate(lines) if labels[i] is None and is_prose(line)}
    if not prose:
        # No paragraph of prose: keep whatever is unlabelled as body rather than lose it.
        return [lab or ("body", "no_prose_run_found") for lab in labels]
    in_article = _article_span(lines, labels, prose)
    start, end = in_article[0], in_article[-1]

    first_body = start
    dek = _find_dek(lines, labels, prose, in_article, title_known)
    if dek is not None:
        labels[dek] = ("dek", "sentence_between_title_and_picture")
        following = [i for i in in_article if i > dek]
        if dek == start:
            first_body = following[0]
        for i in range(dek + 1, following[0] if following else dek + 1):
            if labels[i] is None:
                labels[i] = ("caption", "short_line_before_body")
        start = min(start, dek)

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
        if i in in_article or (_ends_like_sentence(line) and _words(line) >= 3):
            labels[i] = ("body", "prose_in_article")
        elif _looks_like_heading(line):
            labels[i] = ("heading", "short_line_inside_article")
        else:
            labels[i] = ("boilerplate", "fragment_inside_article")

    for i in range(end + 1, len(lines)):
        if labels[i] is None:
            labels[i] = ("boilerplate", "after_article")
    return labels


def label_lines(
    text: str,
    shared_lines: Iterable[str] = (),
    known_title: str | None = None,
    extracted: bool = False,
) -> list[LabelledLine]:
    """Label every non-blank line of `text` (a page's text, one block per line).

    `shared_lines` are normalised lines seen in other documents of the same corpus: such a line is
    site chrome, not this article. `known_title` comes from metadata when the input has it.
    `extracted` says the text is an extractor's cut of the article rather than a whole page.
    """
    lines = [(i + 1, normalise_line(raw)) for i, raw in enumerate(split_lines(text))]
    lines = [(no, line) for no, line in lines if line]
    if not lines:
        return []
    title_key = normalise_line(known_title) if known_title else None
    labels = _shape_labels(lines, _chrome_candidates(lines, set(shared_lines)), title_key)
    if extracted:
        labels = _label_extracted(lines, labels)
    else:
        labels = _label_by_position(lines, labels, title_known=title_key is not None)
    return [LabelledLine(no, line, *labels[i]) for i, (no, line) in enumerate(lines)]


def body_text(lines: Iterable[LabelledLine]) -> str:
    """The article body: body paragraphs and section headings, one per line."""
    return "\n".join(line.text for line in lines if line.label in ("body", "heading"))


def body_words(lines: Iterable[LabelledLine]) -> int:
    """The words of `body_text(lines)`, counted line by line (no word spans a line break)."""
    return sum(_words(line.text) for line in lines if line.label in ("body", "heading"))


def first_with_label(lines: Iterable[LabelledLine], label: str) -> str | None:
    return next((line.text for line in lines if line.label == label), None)


def lines_shared_across(texts: Iterable[str], min_documents: int, min_stories: int) -> set[str]:
    """Normalised lines repeated across the given texts that are site chrome (`repeated_chrome`)."""
    occurrences: dict[str, set[int]] = {}
    prose_lines: dict[int, int] = {}
    for n, text in enumerate(texts):
        lines = {normalise_line(raw) for raw in split_lines(text)} - {""}
        prose_lines[n] = sum(is_prose(line) for line in lines)
        for line in lines:
            occurrences.setdefault(line, set()).add(n)
    return set(repeated_chrome(occurrences, prose_lines, min_documents, min_stories))


Holders = Callable[[], Iterable[tuple[str, Iterable]]]  # each call: (line, the documents holding it), afresh


def repeated_chrome(occurrences: Mapping[str, set] | Holders, prose_lines: Mapping, min_documents: int,
                    min_stories: int) -> dict[str, int]:
    """Of the lines found in several documents (line -> the documents holding it), those that are
    site chrome, with how many documents hold each: a line of chrome's shape (`chrome_reason`) in
    `min_documents` or more, any other in `min_stories` or more distinct stories. Versions of one
    story, or one wire story printed twice (documents sharing two sentences and `SAME_STORY_SHARE`
    of their prose or more), count once: their common lines (the story's sentences, its title) are
    the article, never chrome. `occurrences` may be a function that reads the lines afresh each time
    it is called (it is read twice, one line at a time: memory then holds the stories, not the lines)."""
    rows = occurrences.items if isinstance(occurrences, Mapping) else occurrences

    def shared() -> Iterable[tuple[str, list]]:
        return ((line, docs) for line, docs in ((line, list(docs)) for line, docs in rows()) if len(docs) >= min_documents)

    story = _stories((docs for line, docs in shared() if is_prose(line)), prose_lines)
    return {line: len(docs) for line, docs in shared()
            if chrome_reason(line) or len({story.get(doc, doc) for doc in docs}) >= min_stories}


def _stories(sentences: Iterable[Iterable], prose_lines: Mapping) -> dict:
    """Document -> a representative of its story, from the documents holding each shared sentence:
    documents that share at least SAME_STORY_SHARE of the prose lines of the shorter one are versions
    of one story (joined transitively)."""
    common: dict[tuple, int] = {}
    for docs in sentences:
        ordered = sorted(docs, key=str)
        # Every pair of the documents holding a sentence, or, when there are many, each with the
        # first of them (so that 60 copies of one wire story still join as one, without 60 x 60 pairs).
        pairs = ((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]) \
            if len(ordered) <= MAX_SHARING_DOCUMENTS else ((ordered[0], b) for b in ordered[1:])
        for pair in pairs:
            common[pair] = common.get(pair, 0) + 1
    parent: dict = {}

    def root(doc):
        while parent.get(doc, doc) != doc:
            doc = parent[doc]
        return doc

    for (a, b), n in common.items():
        if n >= max(2, SAME_STORY_SHARE * min(prose_lines.get(a, 1), prose_lines.get(b, 1))):
            parent[root(a)] = root(b)
    return {doc: root(doc) for pair in common for doc in pair}
