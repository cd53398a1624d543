"""Stage raw input bytes: identify the kind of input, decode it, split JSON Lines into records.

Every function takes bytes already read; a problem with one input becomes a `Reject`, never an
exception, so one bad file cannot stop the others.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import PurePath

TEXT = "text/plain"
HTML = "text/html"
JSONL = "application/jsonl"

TEXT_EXTENSIONS = {".txt", ".text", ".md"}
HTML_EXTENSIONS = {".html", ".htm"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
INPUT_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSONL_EXTENSIONS

_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<!--)", re.I)
_ANY_TAG = re.compile(r"<[a-zA-Z!/?]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w:.-]+)""", re.I)


class StagingError(ValueError):
    """An input that cannot be staged; the message says why, for the rejects table."""


@dataclass(frozen=True)
class StagedDocument:
    doc_id: str
    source_uri: str
    media_type: str  # of the raw bytes: text/plain, text/html or application/jsonl
    content_type: str  # what the text holds: text/plain or text/html
    encoding: str
    raw: bytes
    text: str  # decoded, not normalised
    external_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class Reject:
    """An input, or a document staged from one, that did not make it into the warehouse, and why.
    `doc_id` names the raw bytes kept in raw_documents when the input got that far."""

    source_uri: str
    stage: str
    error: str
    doc_id: str | None = None


@dataclass
class StagingResult:
    documents: list[StagedDocument] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def sniff_media_type(name: str, raw: bytes) -> str:
    """The extension decides when it is one we know; otherwise the first bytes do."""
    suffix = PurePath(name).suffix.lower()
    if suffix in HTML_EXTENSIONS:
        return HTML
    if suffix in JSONL_EXTENSIONS:
        return JSONL
    if suffix in TEXT_EXTENSIONS:
        return TEXT
    head = raw[:512].lstrip(codecs.BOM_UTF8)
    if _HTML_START.match(head):
        return HTML
    if head.lstrip().startswith(b"{"):
        return JSONL
    return TEXT


def _utf16_or_32_without_bom(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 text written without a byte-order mark, told by where its zero bytes fall
    (text mostly in the first 256 code points: Latin scripts, digits, punctuation)."""
    sample = raw[:4096]
    if len(sample) < 8:
        return None
    def zero_share(start: int, step: int) -> float:
        column = sample[start::step]
        return column.count(0) / len(column)
    if len(raw) % 4 == 0:
        for encoding, zeros, letters in (("utf-32-le", (2, 3), 0), ("utf-32-be", (0, 1), 3)):
            if all(zero_share(z, 4) == 1 for z in zeros) and zero_share(letters, 4) < 0.5:
                return encoding
    if len(raw) % 2 == 0:
        for encoding, zeros, letters in (("utf-16-le", 1, 0), ("utf-16-be", 0, 1)):
            if zero_share(zeros, 2) > 0.9 and zero_share(letters, 2) < 0.1:
                return encoding
    return None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(2, len(text[:4096]) // 100)


def decode_bytes(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode to text: BOMs first, then UTF-8, a declared charset, cp1252, latin-1.

    Raises StagingError for binary or empty content.
    """
    if not raw:
        raise StagingError("empty file (0 bytes)")
    if raw.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # (before UTF-16: its BOM starts the same)
        candidates = ["utf-32"]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif wide := _utf16_or_32_without_bom(raw):
        candidates = [wide]
    else:
        candidates = ["utf-8"] + ([declared] if declared else []) + ["cp1252", "latin-1"]
    errors = []
    for encoding in candidates:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            errors.append(f"{encoding}: {exc}")
            continue
        if _looks_binary(text):
            raise StagingError("binary content (NUL or control bytes), not text")
        if not text.strip():
            raise StagingError("no text: the file holds only white space")
        return text, encoding.replace("-sig", "")
    raise StagingError("cannot decode: " + "; ".join(errors))


def declared_html_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _optional_str(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    return _text_field(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text_field(value: str) -> str:
    """A JSON string as text that can be stored: a lone surrogate ("\\ud800", which JSON allows
    and UTF-8 cannot hold) becomes U+FFFD, one character for one, so offsets stay right (the
    raw line is kept as it was)."""
    return _SURROGATE.sub("\ufffd", value)


def _binary_sample(body: bytes) -> bool:
    return _looks_binary(body[:4096].decode("latin-1"))


def _stage_record(uri: str, line_no: int, line: bytes, max_record_bytes: int | None) -> StagedDocument | Reject:
    """One JSON Lines record as a document, or why it cannot be one."""
    def reject(why: str) -> Reject:
        return Reject(uri, "stage", f"line {line_no}: {why}")

    if max_record_bytes is not None and len(line) > max_record_bytes:
        return reject(f"record of {len(line):,} bytes is over the limit of {max_record_bytes:,} "
                      f"(NEWSFACTS_MAX_INPUT_BYTES)")
    try:
        text_line, encoding = decode_bytes(line)
        record = json.loads(text_line)
    except (StagingError, ValueError) as exc:  # (ValueError: also a number of over 4,300 digits)
        return reject(f"{INVALID_RECORD}: {exc}")
    except RecursionError:
        return reject(f"{INVALID_RECORD}: nested too deeply")
    if not isinstance(record, dict):
        return reject("expected a JSON object")
    html, text = record.get("html"), record.get("text")
    if isinstance(text, str) and text.strip():
        content, content_type = _text_field(text), TEXT
    elif isinstance(html, str) and html.strip():
        content, content_type = _text_field(html), HTML
    else:
        return reject("record has no non-empty 'text' or 'html' field")
    return StagedDocument(
        doc_id=sha256_hex(line), source_uri=uri, media_type=JSONL, content_type=content_type, encoding=encoding,
        raw=line, text=content, external_id=_optional_str(record, "id"), url=_optional_str(record, "url"),
        title=_optional_str(record, "title"), published=_optional_str(record, "published"),
        publisher=_optional_str(record, "source"),
    )


INVALID_RECORD = "invalid JSON record"


def stage_jsonl(source_uri: str, raw: bytes, max_record_bytes: int | None = None, first_line: int = 1) -> StagingResult:
    """One document per JSON object line; a bad line (or one over `max_record_bytes`) is rejected
    on its own, a file that is not JSON Lines at all once. `raw` may be a run of whole lines of a
    larger file, from line `first_line`."""
    body = raw[len(codecs.BOM_UTF8):] if raw.startswith(codecs.BOM_UTF8) else raw
    if not body.strip():
        return StagingResult(rejects=[Reject(source_uri, "stage", "empty file: no JSON lines")])
    if _binary_sample(body):
        return StagingResult(rejects=[Reject(source_uri, "stage", "binary content (NUL or control bytes), "
                                                                   "not JSON Lines")])
    result = StagingResult()
    for line_no, line in enumerate(body.split(b"\n"), start=first_line):
        line = line.rstrip(b"\r")
        if line.strip():
            staged = _stage_record(f"{source_uri}#L{line_no}", line_no, line, max_record_bytes)
            (result.rejects if isinstance(staged, Reject) else result.documents).append(staged)
    invalid = [r for r in result.rejects if INVALID_RECORD in r.error]
    # (A piece of a larger file keeps its lines' own rejects, as the whole file would: the file holds records.)
    if not result.documents and len(invalid) > 1 and len(invalid) == len(result.rejects) and first_line == 1:
        return StagingResult(rejects=[Reject(source_uri, "stage", f"not JSON Lines: none of its {len(invalid):,} "
                                                                   f"lines is a JSON record ({invalid[0].error})")])
    return result


def stage_bytes(source_uri: str, raw: bytes, max_record_bytes: int | None = None, first_line: int = 1) -> StagingResult:
    """Stage one input file's bytes (of a JSON Lines file: whole lines from `first_line`) into zero
    or more documents and rejects."""
    media_type = sniff_media_type(source_uri, raw)
    if media_type == JSONL:
        return stage_jsonl(source_uri, raw, max_record_bytes, first_line)
    declared = declared_html_charset(raw) if media_type == HTML else None
    try:
        text, encoding = decode_bytes(raw, declared)
    except StagingError as exc:
        return StagingResult(rejects=[Reject(source_uri, "stage", str(exc))])
    # A page saved with an .html name that holds no markup at all is read as the text it is.
    content_type = TEXT if media_type == HTML and not _ANY_TAG.search(text, 0, 65536) else media_type
    document = StagedDocument(
        doc_id=sha256_hex(raw),
        source_uri=source_uri,
        media_type=media_type,
        content_type=content_type,
        encoding=encoding,
        raw=raw,
        text=text,
    )
    return StagingResult(documents=[document])


def first_copies(staged: list[StagedDocument], seen: dict[str, str]) -> tuple[list[StagedDocument], list[tuple[str, str]]]:
    """The documents whose bytes are not in `seen` (doc_id -> the uri first staged with them), which
    they are added to; and the others as duplicates: (uri, uri of the first copy)."""
    unique, duplicates = [], []
    for doc in staged:
        if doc.doc_id in seen:
            duplicates.append((doc.source_uri, seen[doc.doc_id]))
        else:
            seen[doc.doc_id] = doc.source_uri
            unique.append(doc)
    return unique, duplicates
