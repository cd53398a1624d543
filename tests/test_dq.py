"""`newsfacts dq` over a real DuckDB warehouse: passes on good data, fails on broken rows and keys."""

import re

import pytest

from flows import warehouse
from flows.dq import validate_warehouse, write_report
from tests.test_validation import NOW, TODAY, good_frames
from transforms.staging import stage_bytes
from transforms.tables import raw_documents_frame


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "w.duckdb"
    con = warehouse.connect(path)
    frames = good_frames()
    warehouse.load_batch(con, frames)
    # the raw bytes the document came from, and the document keyed by their hash
    warehouse.stage_raw_documents(con, raw_documents_frame(stage_bytes("a.txt", b"Troops detained 12 men.").documents, NOW))
    for table in ("documents", "document_lines", "facts"):
        con.execute(f"UPDATE {table} SET doc_id = (SELECT doc_id FROM raw_documents)")
    con.close()
    return path


def failed(run):
    return {(r.suite, r.expectation, r.column) for r in run.results if not r.success and r.severity == "error"}


def test_a_good_warehouse_passes(db):
    run = validate_warehouse(db, today=TODAY)
    assert failed(run) == set() and len(run.results) > 30


def test_a_broken_value_fails_its_row_check(db):
    con = warehouse.connect(db)
    con.execute("UPDATE facts SET bound = 'about'")
    con.close()
    assert ("facts", "expect_column_values_to_be_in_set", "bound") in failed(validate_warehouse(db, today=TODAY))


def test_a_broken_key_fails_its_table_check(db):
    con = warehouse.connect(db)
    con.execute("INSERT INTO entity_mentions VALUES ((SELECT doc_id FROM documents), 0, 6, 'Troops', 'ORG', "
                "'no-such-entity', 'Troops', 'exact')")
    con.close()
    assert ("entity_mentions", "foreign_key_entity_id_in_entities", "entity_id") in failed(validate_warehouse(db))


def test_a_key_duckdb_does_not_hold_is_checked_over_the_whole_warehouse(db):
    con = warehouse.connect(db)
    con.execute("INSERT INTO facts SELECT * FROM facts")  # (no constraint refuses it: sql/schema/013)
    con.close()
    assert ("facts", "unique_key", "fact_id") in failed(validate_warehouse(db, today=TODAY))


def test_the_report_shows_the_trend_and_renders_offline(db, tmp_path):
    validate_warehouse(db, today=TODAY)
    con = warehouse.connect(db)
    con.execute("UPDATE facts SET kind = 'guess'")
    con.close()
    run = validate_warehouse(db, today=TODAY)
    markdown, page = write_report(run, tmp_path / "reports")
    text = markdown.read_text()
    assert re.search(r"\*\*FAIL\*\* \| error \| facts \| expect_column_values_to_be_in_set \| kind .*\| \+1 worse \|", text)
    html = page.read_text()
    assert "<style>" in html and 'class="fail error"' in html
    assert not re.search(r"""(src|href)\s*=|https?://|@import|url\(""", html)  # nothing to fetch


def test_a_document_staged_but_neither_loaded_nor_rejected_fails_the_accounting_check(db):
    from transforms.staging import Reject

    check = ("raw_documents", "staged_documents_loaded_or_rejected", "doc_id")
    assert check not in failed(validate_warehouse(db, today=TODAY))
    [orphan] = stage_bytes("b.txt", b"Staged, then the run was killed.").documents
    con = warehouse.connect(db)
    warehouse.stage_raw_documents(con, raw_documents_frame([orphan], NOW))
    con.close()
    run = validate_warehouse(db, today=TODAY)
    assert check in failed(run)
    assert "b.txt" in next(r.observed for r in run.results if (r.suite, r.expectation, r.column) == check)
    con = warehouse.connect(db)  # a reject for those bytes accounts for them
    warehouse.record_rejects(con, "r1", [Reject("moved.txt", "strip_boilerplate", "no article text", orphan.doc_id)])
    con.close()
    assert check not in failed(validate_warehouse(db, today=TODAY))
