"""A seeded fuzz run: about 1,000 hostile inputs through one real `newsfacts` flow run. Whatever
the pipeline makes of each input, it must be accounted for exactly once: a document, a reject or
a duplicate. `make bench-fuzz` runs a larger, bigger-sized version (NEWSFACTS_FUZZ_INPUTS,
NEWSFACTS_FUZZ_SCALE)."""

import codecs
import os
from collections import Counter

import pytest

from flows import warehouse
from tests.hostile_inputs import Entry, write_hostile_inputs

pytestmark = pytest.mark.usefixtures("prefect_server")

INPUTS = int(os.environ.get("NEWSFACTS_FUZZ_INPUTS", "1000"))
SCALE = int(os.environ.get("NEWSFACTS_FUZZ_SCALE", "1"))
SEED = int(os.environ.get("NEWSFACTS_FUZZ_SEED", "20261201"))


def uri(path) -> str:
    """How a path is named in the warehouse: absolute, bytes that are not UTF-8 as \\xNN."""
    return os.fsencode(os.path.abspath(path)).decode("utf-8", "backslashreplace")


def jsonl_line_numbers(raw: bytes) -> list[int]:
    body = raw[len(codecs.BOM_UTF8):] if raw.startswith(codecs.BOM_UTF8) else raw
    return [n for n, line in enumerate(body.split(b"\n"), start=1) if line.rstrip(b"\r").strip()]


def unaccounted(entries: list[Entry], outcomes: dict[str, Counter]) -> list[str]:
    """Entries not in exactly one of documents, rejects, duplicates (with what was found)."""
    def times(name: str) -> int:
        return sum(counter[name] for counter in outcomes.values())

    problems = []
    for entry in entries:
        name = uri(entry.path)
        if entry.kind == "jsonl" and not outcomes["rejects"][name]:
            for n in jsonl_line_numbers(entry.path.read_bytes()):
                if times(f"{name}#L{n}") != 1:
                    problems.append(f"{entry.family}: {name}#L{n} found {times(f'{name}#L{n}')} times")
        elif times(name) != 1:
            problems.append(f"{entry.family}: {name} found {times(name)} times")
    return problems


def test_every_hostile_input_is_loaded_rejected_or_a_duplicate_exactly_once(tmp_path, monkeypatch):
    from flows.dq import validate_warehouse
    from flows.pipeline import newsfacts_flow

    monkeypatch.setenv("NEWSFACTS_MAX_DOCUMENT_CHARS", str(6000 * SCALE))
    monkeypatch.setenv("NEWSFACTS_MAX_INPUT_BYTES", str(60_000 * SCALE))
    inbox = tmp_path / "inbox"
    entries = write_hostile_inputs(inbox, INPUTS, SEED, SCALE)
    families = Counter(e.family.split("/")[0] for e in entries)
    assert len(entries) >= INPUTS and len(families) == 9, families
    missing = tmp_path / "not-there.txt"
    db = tmp_path / "w.duckdb"

    summary = newsfacts_flow(paths=[str(inbox), str(missing)], db=str(db), batch_size=250)

    con = warehouse.viewer(db)
    try:
        outcomes = {
            "documents": Counter(u for (u,) in con.execute("SELECT source_uri FROM documents").fetchall()),
            "rejects": Counter(u for (u,) in con.execute("SELECT source_uri FROM rejects").fetchall()),
            "duplicates": Counter(u for u, _ in summary.duplicates),
        }
        run = con.execute("SELECT status, n_seen, n_new, n_rejected FROM runs").fetchall()
        reasons = " | ".join(e for (e,) in con.execute("SELECT DISTINCT stage || ': ' || error FROM rejects").fetchall())
        n_raw = con.execute("SELECT count(*) FROM raw_documents").fetchone()[0]
    finally:
        con.close()
    assert summary.status == "completed_with_rejects" and summary.exit_status == 3
    assert run == [("completed_with_rejects", summary.n_seen, summary.n_new, summary.n_rejected)]
    assert outcomes["rejects"][str(missing)] == 1
    problems = unaccounted(entries, outcomes)
    assert not problems, f"{len(problems)} inputs not accounted for exactly once, e.g.: " + "; ".join(problems[:5])
    # nothing accounted for that was not an input; every staged document is loaded or rejected
    expected = {uri(e.path) for e in entries} | {str(missing)}
    found = {name.split("#L")[0] if "#L" in name and name.split("#L")[0] in expected else name
             for counter in outcomes.values() for name in counter}
    assert found <= expected, sorted(found - expected)[:5]
    for reason in ("FIFO", "symbolic link loop", "dangling symbolic link", "not valid UTF-8", "socket",
                   "folder whose name", "binary content", "nested too deeply", "4300 digits", "over the limit of",
                   "NEWSFACTS_MAX_INPUT_BYTES", "empty file", "no article text"):
        assert reason in reasons, f"no input was rejected for {reason!r}: the generator lost a class"
    assert len(summary.duplicates) > 0
    assert n_raw == summary.n_seen and summary.n_new >= len(entries) // 4
    dq = validate_warehouse(db)
    [accounting] = [r for r in dq.results if r.expectation == "staged_documents_loaded_or_rejected"]
    assert accounting.success, accounting.observed
