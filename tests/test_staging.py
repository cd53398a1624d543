import codecs
import json

import pytest

from transforms.staging import (
    HTML, JSONL, TEXT, StagingError, decode_bytes, sha256_hex, sniff_media_type, stage_bytes,
)


def test_doc_id_is_the_sha256_of_the_exact_bytes():
    raw = "Ceasefire talks resume.\n".encode()
    [doc] = stage_bytes("a.txt", raw).documents
    assert doc.doc_id == sha256_hex(raw) and doc.raw == raw and len(doc.doc_id) == 64


@pytest.mark.parametrize(
    "raw, encoding",
    [
        ("Café talks — “yes”".encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + "Café talks".encode("utf-8"), "utf-8"),
        ("Café talks".encode("utf-16"), "utf-16"),
        ("Café talks — “yes”".encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_utf8_bom_utf16_and_legacy_pages(raw, encoding):
    text, used = decode_bytes(raw)
    assert text.lstrip("\ufeff").startswith("Café talks")
    assert used == encoding


@pytest.mark.parametrize(
    "raw, message",
    [(b"", "empty"), (b"   \n\t\n", "white space"), (bytes(range(256)) * 4, "binary")],
)
def test_empty_blank_and_binary_inputs_are_rejected_with_a_reason(raw, message):
    result = stage_bytes("bad.txt", raw)
    assert result.documents == []
    [reject] = result.rejects
    assert reject.source_uri == "bad.txt" and message in reject.error


def test_html_charset_declared_in_the_page_is_used():
    raw = '<html><head><meta charset="windows-1252"></head><body>Über “quotes”</body></html>'.encode("cp1252")
    [doc] = stage_bytes("page.html", raw).documents
    assert "Über “quotes”" in doc.text and doc.media_type == HTML


def test_media_type_from_extension_then_content():
    assert sniff_media_type("x.htm", b"plain") == HTML
    assert sniff_media_type("x.ndjson", b"") == JSONL
    assert sniff_media_type("x.md", b"<html>") == TEXT
    assert sniff_media_type("noext", b"<!DOCTYPE html><html>") == HTML
    assert sniff_media_type("noext", b'{"text": "a"}\n') == JSONL
    assert sniff_media_type("noext", b"Just words.") == TEXT


def test_jsonl_records_become_documents_and_bad_lines_are_rejected_alone():
    good = {"id": "a1", "text": "Body one.", "title": "T", "published": "2024-05-01", "source": "Wire"}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "x"}), json.dumps({"html": "<p>Two</p>"}), ""]
    raw = "\n".join(lines).encode()
    result = stage_bytes("dump.jsonl", raw)
    assert [d.external_id for d in result.documents] == ["a1", None]
    first, second = result.documents
    assert first.doc_id == sha256_hex(json.dumps(good).encode())
    assert (first.title, first.published, first.publisher, first.content_type) == ("T", "2024-05-01", "Wire", TEXT)
    assert second.content_type == HTML and second.source_uri == "dump.jsonl#L4"
    assert [r.source_uri for r in result.rejects] == ["dump.jsonl#L2", "dump.jsonl#L3"]
    assert "invalid JSON" in result.rejects[0].error and "'text' or 'html'" in result.rejects[1].error


def test_decode_error_type():
    with pytest.raises(StagingError):
        decode_bytes(b"\x00\x01\x02\x03" * 50)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-32"])
def test_utf16_and_utf32_text_is_decoded_with_or_without_a_byte_order_mark(encoding):
    text = "Ceasefire talks resume in Cairo; 34,535 killed, officials said. " * 3
    [doc] = stage_bytes("wide.txt", text.encode(encoding)).documents
    assert doc.text.lstrip("\ufeff") == text


def test_a_binary_file_named_jsonl_is_one_reject_not_one_per_line():
    import random

    noise = random.Random(7).randbytes(20_000)
    assert noise.count(b"\n") > 20
    result = stage_bytes("dump.jsonl", noise)
    assert result.documents == [] and len(result.rejects) == 1 and "binary" in result.rejects[0].error


def test_hostile_json_lines_are_rejected_alone_and_a_lone_surrogate_is_replaced():
    lines = [
        b"[" * 100_000,  # nesting deeper than the parser's recursion limit
        b'{"id": ' + b"1" * 5000 + b', "text": "A huge id."}',  # an integer of 5,000 digits
        b'{"id": "s1", "text": "Talks \\ud800 resume.", "title": "T\\udfff"}',  # lone surrogates
    ]
    result = stage_bytes("dump.jsonl", b"\n".join(lines))
    assert [r.source_uri for r in result.rejects] == ["dump.jsonl#L1", "dump.jsonl#L2"]
    assert "nested too deeply" in result.rejects[0].error and "digits" in result.rejects[1].error
    [doc] = result.documents
    assert doc.text == "Talks \ufffd resume." and doc.title == "T\ufffd" and doc.raw == lines[2]
    doc.text.encode("utf-8")


def test_a_text_file_named_jsonl_is_one_reject_not_one_per_line():
    result = stage_bytes("notes.jsonl", b"\n".join(b"just a line of words" for _ in range(500)))
    assert result.documents == [] and len(result.rejects) == 1
    assert result.rejects[0].source_uri == "notes.jsonl" and "none of its 500 lines" in result.rejects[0].error


def test_a_file_named_html_without_any_markup_is_read_as_text():
    [doc] = stage_bytes("saved.html", "Bridge closed\n\nThe bridge closed on Sunday.\n".encode("utf-16")).documents
    assert (doc.media_type, doc.content_type) == (HTML, TEXT)
    [page] = stage_bytes("page.html", b"<p>The bridge closed on Sunday.</p>").documents
    assert page.content_type == HTML
