import datetime as dt

import polars as pl
import pytest

from flows.validation import ValidationFailed, suite_definitions, validate_batch
from tests.test_warehouse import a_document, a_fact
from transforms.tables import batch_frames

NOW = dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc)


def good_frames():
    return batch_frames([a_document("a" * 64)], {}, {"a" * 64: [a_fact()]}, "run-1", NOW)


def test_every_warehouse_table_has_a_committed_suite():
    assert set(suite_definitions()) == {"documents", "document_lines", "entities", "entity_mentions", "facts"}


def test_a_good_batch_passes_real_gx_checks():
    results = validate_batch(good_frames())
    assert results and all(r.success for r in results)


@pytest.mark.parametrize(
    "table, column, value, expectation",
    [
        ("facts", "bound", "about", "expect_column_values_to_be_in_set"),
        ("facts", "kind", "guess", "expect_column_values_to_be_in_set"),
        ("documents", "n_words", 0, "expect_column_values_to_be_between"),
        ("documents", "doc_id", "short", "expect_column_value_lengths_to_equal"),
    ],
)
def test_a_broken_value_fails_the_batch(table, column, value, expectation):
    frames = good_frames()
    frames[table] = frames[table].with_columns(pl.lit(value).cast(frames[table].schema[column]).alias(column))
    with pytest.raises(ValidationFailed, match=expectation):
        validate_batch(frames)


def test_a_range_whose_high_end_is_below_its_value_fails():
    frames = good_frames()
    frames["facts"] = frames["facts"].with_columns(pl.lit(5.0).alias("value_high"), pl.lit("range").alias("bound"))
    with pytest.raises(ValidationFailed, match="value_high"):
        validate_batch(frames)
