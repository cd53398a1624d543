"""Every path a run names or finds is either read or rejected with a reason; nothing blocks."""

import json
import os
import socket

import pytest

from flows.inputs import discover_inputs, printable_path, read_input
from transforms.staging import Reject


def _by_name(rejects: list[Reject]) -> dict[str, str]:
    return {os.path.basename(r.source_uri): r.error for r in rejects}


def test_special_files_and_broken_links_in_a_folder_are_rejected_with_their_reason(tmp_path):
    (tmp_path / "good.txt").write_text("Ceasefire talks resume.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not an input extension", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner.md").write_text("Inside a folder named like a file.", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "good.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "sock.html"))
        files, rejects = discover_inputs([str(tmp_path)])
    assert sorted(p.name for p in files) == ["good.txt", "inner.md", "link.txt"]
    reasons = _by_name(rejects)
    assert set(reasons) == {"pipe.txt", "dangling.txt", "loop.txt", "folder.txt", "sock.html"}
    assert "FIFO" in reasons["pipe.txt"] and "socket" in reasons["sock.html"]
    assert "dangling symbolic link" in reasons["dangling.txt"] and "loop" in reasons["loop.txt"]
    assert "folder" in reasons["folder.txt"]
    assert all(r.stage == "discover" and os.path.isabs(r.source_uri) for r in rejects)


def test_a_named_fifo_is_rejected_without_being_opened_for_a_blocking_read(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    files, rejects = discover_inputs([str(tmp_path / "pipe")])
    assert files == [] and "FIFO" in rejects[0].error
    # and if one turns up between discovery and reading, reading does not block either
    read = read_input(tmp_path / "pipe")
    assert isinstance(read, Reject) and "FIFO" in read.error


def test_a_file_name_that_is_not_utf8_is_rejected_and_printed_escaped(tmp_path):
    raw_name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw_name, "wb") as f:
        f.write(b"Ceasefire talks resume.")
    files, [reject] = discover_inputs([str(tmp_path)])
    assert files == [] and "not valid UTF-8" in reject.error
    assert reject.source_uri.endswith("caf\\xe9.txt")
    reject.source_uri.encode("utf-8")  # storable and printable
    assert printable_path(os.fsdecode(raw_name)).endswith("caf\\xe9.txt")


def test_a_symbolic_link_to_a_folder_inside_a_folder_is_named_not_followed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("Ceasefire talks resume.", encoding="utf-8")
    (tmp_path / "real" / "back").symlink_to(tmp_path)  # a loop, were links followed
    files, rejects = discover_inputs([str(tmp_path)])
    assert [p.name for p in files] == ["a.txt"]
    assert [os.path.basename(r.source_uri) for r in rejects] == ["back"] and "not followed" in rejects[0].error


def test_missing_paths_globs_and_repeats(tmp_path):
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>Two.</p>", encoding="utf-8")
    files, rejects = discover_inputs([str(tmp_path / "*.txt"), str(tmp_path / "a.txt"), str(tmp_path / "nope")])
    assert [p.name for p in files] == ["a.txt"]
    assert [r.error for r in rejects] == ["no such file, folder or glob match"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_is_rejected(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("One.", encoding="utf-8")
    locked.chmod(0)
    try:
        files, rejects = discover_inputs([str(tmp_path)])
    finally:
        locked.chmod(0o755)
    assert files == [] and "cannot list" in rejects[0].error


def test_a_file_over_the_input_limit_is_rejected_unread_but_a_jsonl_file_is_held_to_it_per_record(tmp_path):
    from transforms.staging import stage_bytes

    page = tmp_path / "huge.html"
    page.write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    read = read_input(page, max_bytes=1000)
    assert isinstance(read, Reject) and "5,007 bytes is over the limit of 1,000" in read.error
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b'{"text": "Short record."}\n{"text": "' + b"y" * 5000 + b'"}\n')
    raw = read_input(dump, max_bytes=1000)
    assert isinstance(raw, bytes)
    result = stage_bytes(str(dump), raw, max_record_bytes=1000)
    assert len(result.documents) == 1 and [r.source_uri.rsplit("#", 1)[1] for r in result.rejects] == ["L2"]
    assert "over the limit" in result.rejects[0].error


def _stage_pieces(pieces):
    from flows.inputs import read_piece
    from transforms.staging import stage_bytes

    staged, rejects = [], []
    for piece in pieces:
        result = stage_bytes(str(piece.path), read_piece(piece), first_line=piece.first_line)
        staged += result.documents
        rejects += result.rejects
    return staged, rejects


def test_a_jsonl_dump_is_cut_at_line_ends_into_pieces_that_stage_as_the_whole_file_does(tmp_path):
    from flows.inputs import plan_pieces, windows_of
    from transforms.staging import stage_bytes

    dump = tmp_path / "dump.jsonl"
    lines = [json.dumps({"id": f"r{i}", "text": f"Record {i}: 1{i} people."}) for i in range(7)]
    lines.insert(3, "")  # a blank line, and a broken record: line numbers must survive the cuts
    lines.insert(5, "{not json")
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "page.txt").write_text("A page.", encoding="utf-8")
    pieces = plan_pieces([dump, tmp_path / "page.txt"], 3)
    assert [(p.first_line, p.documents) for p in pieces] == [(1, 3), (4, 3), (8, 2), (1, 1)]
    whole = stage_bytes(str(dump), dump.read_bytes())
    staged, rejects = _stage_pieces(pieces[:3])
    assert [(d.doc_id, d.source_uri, d.external_id) for d in staged] == \
        [(d.doc_id, d.source_uri, d.external_id) for d in whole.documents]
    assert rejects == whole.rejects and rejects[0].source_uri.endswith("#L6")
    assert [[p.documents for p in w] for w in windows_of(pieces, 4)] == [[3], [3], [2, 1]]


def test_a_file_that_is_not_json_lines_is_rejected_once_and_pieces_reject_lines_as_the_whole_file_does(tmp_path):
    from flows.inputs import plan_pieces
    from transforms.staging import stage_bytes

    notes = tmp_path / "notes.jsonl"
    notes.write_text("".join(f"plain line {i}\n" for i in range(5)), encoding="utf-8")
    _, rejects = _stage_pieces(plan_pieces([notes], 3))
    assert [r.error.split(" is a JSON record")[0] for r in rejects] == ["not JSON Lines: none of its 5 lines"]
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"text": "One record."}\n' + "".join(f"plain line {i}\n" for i in range(5)), encoding="utf-8")
    _, rejects = _stage_pieces(plan_pieces([mixed], 3))
    assert rejects == stage_bytes(str(mixed), mixed.read_bytes()).rejects
    assert [r.error.split(":")[0] for r in rejects] == [f"line {n}" for n in range(2, 7)]
