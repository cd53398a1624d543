"""Every expectation is shown failing on a broken row or table, and passing on good data."""

import datetime as dt
import json
from dataclasses import replace

import polars as pl
import pytest

from flows.validation import suite_definitions, validate_batch
from tests.test_warehouse import a_document, a_fact
from transforms.boilerplate import LabelledLine
from transforms.documents import CleanDocument
from transforms.tables import batch_frames

NOW = dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc)
TODAY = dt.date(2024, 5, 2)
DOC = "a" * 64
BODY = ("Troops detained 12 men. The men were released later that day after questioning by officers from "
        "the border police, a spokesman for the regional government said in a statement on the radio.")


def good_frames():
    doc = CleanDocument(**{**a_document(DOC, BODY).__dict__, "n_words": len(BODY.split()),
                           "lines": [LabelledLine(1, "Title here", "title", "t"), LabelledLine(2, BODY, "body", "b")]})
    return batch_frames([doc], {}, {DOC: [a_fact()]}, "run-1", NOW)


def test_every_warehouse_table_has_a_committed_suite_with_severity_and_scope():
    suites = suite_definitions()
    assert {"raw_documents", "documents", "document_lines", "entities", "entity_mentions", "facts", "dates",
            "quotes"} <= set(suites)
    for suite in suites.values():
        for expectation in suite["expectations"]:
            assert expectation["meta"]["severity"] in ("error", "warning")
            assert expectation["meta"]["scope"] in ("row", "table")
            # GX's own severity says the same, so GX tooling (Data Docs, checkpoints) agrees with the gate
            assert expectation["severity"] == {"error": "critical", "warning": "warning"}[expectation["meta"]["severity"]]


def test_the_committed_gx_file_context_serves_every_suite_with_its_asset():
    from flows.validation import gx_runtime

    runtime = gx_runtime()
    assert set(runtime) == set(suite_definitions())
    for name, (batch_definition, suite) in runtime.items():
        assert batch_definition.data_asset.name == name
        assert len(suite.expectations) == len(suite_definitions()[name]["expectations"])


def test_a_good_batch_passes_real_gx_checks():
    validated = validate_batch(good_frames(), "run-1", today=TODAY)
    assert [r for r in validated.results if not r.success] == []
    assert validated.quarantine.is_empty() and validated.frames["facts"].height == 1


def broken(table, **values):
    """The good batch with the last row of `table` broken."""
    frames = good_frames()
    frame = frames[table]
    last = pl.int_range(pl.len()) == pl.len() - 1
    frames[table] = frame.with_columns(
        *(pl.when(last).then(pl.lit(v).cast(frame.schema[c])).otherwise(pl.col(c)).alias(c) for c, v in values.items()))
    return frames


ROW_BREAKS = [
    ("facts", {"bound": "about"}, "expect_column_values_to_be_in_set"),
    ("facts", {"kind": "guess"}, "expect_column_values_to_be_in_set"),
    ("facts", {"count_type": "MAIM"}, "expect_column_values_to_be_in_set"),
    ("facts", {"change": "sideways"}, "expect_column_values_to_be_in_set"),
    ("facts", {"value_high": 5.0}, "expect_column_pair_values_a_to_be_greater_than_b"),
    ("facts", {"end_char": 16}, "expect_column_pair_values_a_to_be_greater_than_b"),
    ("facts", {"start_char": 0, "end_char": 6}, "expect_column_pair_values_to_be_equal"),
    ("facts", {"start_char": -1}, "expect_column_values_to_be_between"),
    ("document_lines", {"label": "sidebar"}, "expect_column_values_to_be_in_set"),
    ("document_lines", {"line_no": 0}, "expect_column_values_to_be_between"),
    ("documents", {"n_words": 0}, "expect_column_values_to_be_between"),
    ("documents", {"media_type": "image/png"}, "expect_column_values_to_be_in_set"),
    ("documents", {"published_date": dt.date(2030, 1, 1)}, "expect_column_values_to_be_between"),
]


@pytest.mark.parametrize("table, values, expectation", ROW_BREAKS)
def test_a_broken_row_is_quarantined_and_the_rest_loads(table, values, expectation):
    validated = validate_batch(broken(table, **values), "run-1", today=TODAY)
    failed = [r for r in validated.results if not r.success]
    assert expectation in {r.expectation for r in failed}
    assert not validated.failed_table_checks
    row = validated.quarantine.row(0, named=True)
    assert row["table_name"] == table and expectation in row["expectation"], validated.quarantine
    assert json.loads(row["row"])  # the whole row is kept, as JSON
    if table == "documents":  # a quarantined document takes its rows with it
        assert validated.frames["documents"].is_empty() and validated.frames["facts"].is_empty()
    else:
        assert validated.frames["documents"].height == 1


def test_a_line_of_boilerplate_may_not_hold_a_fact():
    frames = good_frames()
    frames["document_lines"] = frames["document_lines"].with_columns(pl.lit("boilerplate").alias("label"))
    validated = validate_batch(frames, "run-1", today=TODAY)
    assert any(r.column == "line_label" and not r.success for r in validated.results)


def test_warnings_are_recorded_without_quarantine():
    frames = good_frames()
    lines = frames["document_lines"]
    frames["document_lines"] = pl.concat([lines, lines.with_columns(
        pl.lit(9).cast(pl.Int32).alias("line_no"), pl.lit("boilerplate").alias("label"),
        pl.lit("Subscribe now to read every story " * 30).alias("text"))])
    validated = validate_batch(frames, "run-1", today=TODAY)
    warning = next(r for r in validated.results if r.column == "boilerplate_share")
    assert not warning.success and warning.severity == "warning"
    assert validated.quarantine.is_empty()


@pytest.mark.parametrize("table, values, expectation", [
    ("facts", {"fact_id": None}, "expect_column_values_to_not_be_null"),
    ("document_lines", {"doc_id": "b" * 64}, "foreign_key_doc_id_in_documents"),
])
def test_a_broken_key_fails_the_whole_batch(table, values, expectation):
    validated = validate_batch(broken(table, **values), "run-1", today=TODAY)
    assert expectation in {r.expectation for r in validated.failed_table_checks}


def test_a_duplicate_key_fails_the_whole_batch():
    frames = good_frames()
    frames["facts"] = pl.concat([frames["facts"], frames["facts"]])
    validated = validate_batch(frames, "run-1", today=TODAY)
    assert "expect_column_values_to_be_unique" in {r.expectation for r in validated.failed_table_checks}


def test_quotes_closed_or_left_open_at_their_paragraphs_end_pass_and_a_misplaced_one_is_held_back():
    from transforms.quotes import extract_quotes

    body = ("“The bridge will reopen in May,” the mayor said.\n"
            "“We have waited long enough for this.\n“And we will keep the pressure on,” she added.")
    doc = CleanDocument(**{**a_document(DOC, body).__dict__, "n_words": len(body.split()),
                           "lines": [LabelledLine(1, "Title here", "title", "t"),
                                     *(LabelledLine(k + 2, line, "body", "b") for k, line in enumerate(body.split("\n")))]})
    quotes = extract_quotes(body)
    assert any(not body[q.end_char - 1] in "”\"" for q in quotes)  # one is left open at its paragraph's end
    frames = batch_frames([doc], {}, {}, "run-1", NOW, quotes={DOC: quotes})
    validated = validate_batch(frames, "run-1", today=TODAY)
    assert validated.quarantine.is_empty() and validated.frames["quotes"].height == len(quotes) == 3
    misplaced = batch_frames([doc], {}, {}, "run-1", NOW, quotes={DOC: [replace(quotes[0], start_char=1)]})
    assert validate_batch(misplaced, "run-1", today=TODAY).quarantine.height == 1
