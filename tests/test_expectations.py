"""Every expectation of every committed suite passes on a good batch and fails on a broken one.

The good batch holds one row or more in every table; each case breaks the column the expectation
reads (or, for a check column derived from the rows, the stored column it is derived from).
"""

import datetime as dt

import polars as pl
import pytest

from flows.validation import suite_definitions
from tests.test_validation import DOC, NOW, TODAY, good_frames
from transforms.dates import DateMention
from transforms.entities import entity_id_for
from transforms.quality import add_check_columns
from transforms.quotes import Quote
from transforms.staging import stage_bytes
from transforms.tables import batch_frames, raw_documents_frame

# check columns derived from stored ones: break the stored column instead
DERIVED = {
    "days_after_today": ("documents", "published_date", dt.date(2999, 1, 1)),
    "span_text": None,  # pair checks name the stored column as column_A
    "span_quote": None,
    "raw_length": None,
    "raw_sha256": None,
    "line_label": ("document_lines", "label", "boilerplate"),
}


def full_batch() -> dict[str, pl.DataFrame]:
    """The good batch of test_validation, with a mention (and one in the title), an entity, a date, a quote and raw bytes."""
    frames = good_frames()
    body = frames["documents"]["body_text"][0].replace("on the radio", "“on the radio today”")
    frames["documents"] = frames["documents"].with_columns(pl.lit(body).alias("body_text"))
    frames["document_lines"] = frames["document_lines"].with_columns(
        pl.when(pl.col("label") == "body").then(pl.lit(body)).otherwise(pl.col("text")).alias("text"))
    day, quote = body.index("that day") + 5, body.index("“")
    extra = batch_frames([], {}, {}, "run-1", NOW,
                         dates={DOC: [DateMention(day, day + 3, "day", None, "weekday", "unresolved")]},
                         quotes={DOC: [Quote(quote, quote + 20, "on the radio today", None, None, None)]})
    frames["dates"], frames["quotes"] = extra["dates"], extra["quotes"]
    start = body.index("border police")
    entity = entity_id_for("border police", "ORG")
    frames["entity_mentions"] = pl.DataFrame(
        [{"doc_id": DOC, "start_char": start, "end_char": start + 13, "text": "border police", "label": "ORG",
          "entity_id": entity, "name": "border police", "resolved_by": "exact"}],
        schema=frames["entity_mentions"].schema)
    frames["preamble_mentions"] = pl.DataFrame(  # "Title" in the title line, "Title here"
        [{"doc_id": DOC, "line_no": 1, "section": "title", "start_char": 0, "end_char": 5, "text": "Title",
          "label": "ORG", "entity_id": entity, "name": "Title", "resolved_by": "exact"}],
        schema=frames["preamble_mentions"].schema)
    frames["entities"] = pl.DataFrame([{"entity_id": entity, "canonical_name": "border police", "label": "ORG"}],
                                      schema=frames["entities"].schema)
    frames["raw_documents"] = raw_documents_frame(stage_bytes("a.txt", b"Troops detained 12 men.").documents, NOW)
    return frames


def _break(frames, table, column, kind, kwargs):
    frame = frames[table]
    if kind in ("expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"):
        frames[table] = pl.concat([frame, frame])
        return frames
    if (column, kind) == ("line_label", "expect_column_values_to_not_be_null"):  # a fact past the body's end
        frames["facts"] = frame.with_columns(pl.lit(10**6).cast(frame.schema["start_char"]).alias("start_char"))
        return frames
    target = DERIVED.get(column)
    if target:
        table, column, value = target
        frame = frames[table]
    elif kind == "expect_column_values_to_not_be_null":
        value = None
    elif kind == "expect_column_values_to_be_in_set":
        value = "not-in-the-set"
    elif kind == "expect_column_values_to_match_regex":
        value = "not matching/the/pattern"
    elif kind == "expect_column_value_lengths_to_equal":
        value = "short"
    elif kind == "expect_column_values_to_be_between":
        value = (kwargs["min_value"] - 1) if kwargs.get("min_value") is not None else kwargs["max_value"] + 1
    elif kind == "expect_column_pair_values_a_to_be_greater_than_b":
        column = kwargs["column_A"]
        b = frame[kwargs["column_B"]][0]
        value = (b if b is not None else frame[column][0]) - 1
        if frame[kwargs["column_B"]][0] is None:  # value_high against value: give it a value_high below
            column, value = kwargs["column_A"], frame["value"][0] - 1
    elif kind == "expect_column_pair_values_to_be_equal":
        column = kwargs["column_A"]
        value = "0" * 64 if column == "doc_id" else (frame[column][0] + 1 if frame.schema[column].is_integer()
                                                       else "something else")
    else:
        raise AssertionError(f"no way to break {kind}")
    if column == "boilerplate_share":
        lines = frames["document_lines"]
        frames["document_lines"] = pl.concat([lines, lines.head(1).with_columns(
            pl.lit(99).cast(pl.Int32).alias("line_no"), pl.lit("boilerplate").alias("label"),
            pl.lit("Subscribe to read " * 600).alias("text"))])
        return frames
    if column == "facts_per_1000_words":
        facts = frames["facts"]
        many = pl.concat([facts.with_columns(pl.lit(f"id{n}").alias("fact_id")) for n in range(20)])
        frames["facts"] = many
        return frames
    frames[table] = frame.with_columns(pl.lit(value).cast(frame.schema[column]).alias(column))
    return frames


CASES = [(suite, e["type"], e["kwargs"], e["meta"]["severity"])
         for suite, definition in suite_definitions().items() for e in definition["expectations"]]


def _column(kwargs):
    return kwargs.get("column") or ",".join(kwargs.get("column_list") or
                                            [c for c in (kwargs.get("column_A"), kwargs.get("column_B")) if c])


@pytest.fixture(scope="module")
def good_results():
    from flows.validation import run_suites

    return run_suites(add_check_columns(full_batch(), TODAY))


def test_the_full_batch_passes_every_expectation(good_results):
    assert {(r.suite, r.expectation, r.column) for r in good_results if not r.success} == set()
    assert len(good_results) == len(CASES)


@pytest.mark.parametrize("suite, kind, kwargs, severity", CASES,
                         ids=[f"{s}:{k.removeprefix('expect_')}:{_column(kw)}" for s, k, kw, _ in CASES])
def test_each_expectation_fails_on_a_broken_row(suite, kind, kwargs, severity):
    from flows.validation import run_suites

    frames = _break(full_batch(), suite, kwargs.get("column") or kwargs.get("column_A"), kind, kwargs)
    results = run_suites(add_check_columns(frames, TODAY))
    mine = [r for r in results if r.suite == suite and r.expectation == kind and r.column == _column(kwargs)]
    assert mine and not mine[0].success, (suite, kind, kwargs)
    assert mine[0].severity == severity
