"""The warehouse's tables, declared once: their columns (as Polars types), keys, and what writes them.

The Polars frames the stages build, the load, the lists of tables the warehouse, the data-quality
checks and the run summary go through, and the row counts all come from here. The migrations in
sql/schema/ create the same columns, and the Great Expectations suites are named after these
tables: tests/test_schema.py fails when a migration, a suite or a frame disagrees with this file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

UTC = pl.Datetime("us", "UTC")


@dataclass(frozen=True)
class Table:
    name: str
    columns: dict[str, pl.DataType]
    key: tuple[str, ...] = ()
    # Rows derived from one document (they carry its doc_id): loaded with its batch, and deleted
    # before the document is loaded again.
    per_document: bool = False
    written_at: tuple[str, ...] = ()  # columns saying when or by which run a row was written
    # Foreign keys: column -> (table, column) it must be found in (when not null). Checked per
    # batch and over the whole warehouse, not declared in the DDL: DuckDB refuses a transaction that
    # deletes a referenced row and its children and loads them again, as every batch does
    # (tests/test_schema.py shows it).
    references: dict[str, tuple[str, str]] = field(default_factory=dict)
    sql_types: dict[str, str] = field(default_factory=dict)  # where DuckDB's type is not the Polars one's
    # Whether DuckDB holds the key as a primary key. The tables of many rows per document do not:
    # the key's index would have to fit in DuckDB's memory and grows with the warehouse
    # (sql/schema/013), so their keys are checked per batch (the gate, `duplicate_keys`) and over
    # the whole warehouse (`newsfacts dq`) instead.
    key_enforced: bool = True

    def duplicate_keys(self, frame: pl.DataFrame) -> int:
        """Rows of `frame` whose key another row of it has too."""
        return int(frame.select(self.key).is_duplicated().sum()) if self.key and not frame.is_empty() else 0

    def frame(self, rows: list[dict] | None = None, omit: tuple[str, ...] = ()) -> pl.DataFrame:
        """Rows as a frame of the declared columns, less those in `omit` (filled by the warehouse)."""
        schema = {c: t for c, t in self.columns.items() if c not in omit}
        return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)


_DECLARED = [
    Table("raw_documents", {
        "doc_id": pl.String, "source_uri": pl.String, "media_type": pl.String, "encoding": pl.String,
        "size_bytes": pl.Int64, "raw": pl.Binary, "staged_at": UTC,
    }, key=("doc_id",), written_at=("staged_at",)),
    Table("documents", {
        "doc_id": pl.String, "source_uri": pl.String, "external_id": pl.String, "media_type": pl.String,
        "title": pl.String, "dek": pl.String, "publisher": pl.String, "published_date": pl.Date,
        "language": pl.String, "body_text": pl.String, "n_words": pl.Int32, "run_id": pl.String,
        "ingested_at": UTC, "captions": pl.List(pl.String),
        "publisher_from": pl.String, "published_from": pl.String,
    }, key=("doc_id",), per_document=True, written_at=("run_id", "ingested_at"),
        references={"doc_id": ("raw_documents", "doc_id")}),
    Table("document_lines", {
        "doc_id": pl.String, "line_no": pl.Int32, "text": pl.String, "label": pl.String, "reason": pl.String,
    }, key=("doc_id", "line_no"), per_document=True, key_enforced=False,
        references={"doc_id": ("documents", "doc_id")}),
    Table("entities", {"entity_id": pl.String, "canonical_name": pl.String, "label": pl.String},
          key=("entity_id",)),
    Table("entity_mentions", {
        "doc_id": pl.String, "start_char": pl.Int32, "end_char": pl.Int32, "text": pl.String,
        "label": pl.String, "entity_id": pl.String, "name": pl.String, "resolved_by": pl.String,
    }, key=("doc_id", "start_char", "end_char"), per_document=True, key_enforced=False,
        references={"doc_id": ("documents", "doc_id"), "entity_id": ("entities", "entity_id")}),
    Table("preamble_mentions", {
        "doc_id": pl.String, "line_no": pl.Int32, "section": pl.String, "start_char": pl.Int32, "end_char": pl.Int32,
        "text": pl.String, "label": pl.String, "entity_id": pl.String, "name": pl.String, "resolved_by": pl.String,
    }, key=("doc_id", "line_no", "start_char"), per_document=True, key_enforced=False,
        references={"doc_id": ("documents", "doc_id"), "entity_id": ("entities", "entity_id")}),
    Table("facts", {
        "fact_id": pl.String, "doc_id": pl.String, "start_char": pl.Int32, "end_char": pl.Int32,
        "sentence": pl.String, "text": pl.String, "value": pl.Float64, "value_high": pl.Float64,
        "qualifier": pl.String, "bound": pl.String, "kind": pl.String, "unit": pl.String,
        "object": pl.String, "predicate": pl.String, "count_type": pl.String, "attribution": pl.String,
        "change": pl.String, "dimension": pl.String,
    }, key=("fact_id",), per_document=True, key_enforced=False,
        references={"doc_id": ("documents", "doc_id")}),
    Table("dates", {
        "doc_id": pl.String, "start_char": pl.Int32, "end_char": pl.Int32, "text": pl.String, "date": pl.Date,
        "granularity": pl.String, "resolution": pl.String,
    }, key=("doc_id", "start_char"), per_document=True, key_enforced=False,
        references={"doc_id": ("documents", "doc_id")}),
    Table("quotes", {
        "doc_id": pl.String, "start_char": pl.Int32, "end_char": pl.Int32, "quote": pl.String,
        "speaker_text": pl.String, "speaker_entity_id": pl.String, "verb": pl.String,
    }, key=("doc_id", "start_char"), per_document=True, key_enforced=False,
        references={"doc_id": ("documents", "doc_id"), "speaker_entity_id": ("entities", "entity_id")}),
    Table("runs", {
        "run_id": pl.String, "flow_run_id": pl.String, "started_at": UTC, "finished_at": UTC,
        "status": pl.String, "n_seen": pl.Int32, "n_new": pl.Int32, "n_unchanged": pl.Int32,
        "n_rejected": pl.Int32, "pipeline_version": pl.String, "model_name": pl.String, "n_duplicates": pl.Int32,
    }, key=("run_id",), written_at=("run_id", "flow_run_id", "started_at", "finished_at")),
    Table("rejects", {
        "run_id": pl.String, "source_uri": pl.String, "stage": pl.String, "error": pl.String, "at": UTC,
        "doc_id": pl.String,
    }, written_at=("run_id", "at")),
    Table("learned_boilerplate", {
        "scope": pl.String, "line": pl.String, "n_documents": pl.Int32, "updated_at": UTC,
    }, key=("scope", "line"), written_at=("updated_at",)),
    Table("entity_aliases", {
        "alias": pl.String, "entity_id": pl.String, "n": pl.Int32, "resolved_by": pl.String,
    }, key=("alias", "entity_id", "resolved_by")),
    Table("story_signatures", {"doc_id": pl.String, "run_id": pl.String, "signature": pl.Binary},
          key=("doc_id",), written_at=("run_id",), references={"doc_id": ("documents", "doc_id")}),
    Table("story_clusters", {"doc_id": pl.String, "story_id": pl.String, "similarity": pl.Float64,
                             "n_versions": pl.Int32},
          key=("doc_id",), references={"doc_id": ("documents", "doc_id"), "story_id": ("documents", "doc_id")}),
    Table("claims", {"claim_id": pl.String, "fact_id": pl.String, "doc_id": pl.String, "measure": pl.String,
                     "n_versions": pl.Int32, "n_documents": pl.Int32},
          key=("fact_id",), key_enforced=False,
          references={"fact_id": ("facts", "fact_id"), "doc_id": ("documents", "doc_id")}),
    Table("quarantine", {
        "run_id": pl.String, "table_name": pl.String, "row": pl.String, "expectation": pl.String,
        "details": pl.String,
    }, written_at=("run_id",), sql_types={"row": "JSON"}),
    Table("dq_results", {
        "run_id": pl.String, "suite": pl.String, "expectation": pl.String, "column_name": pl.String,
        "success": pl.Boolean, "severity": pl.String, "observed": pl.String, "unexpected_count": pl.Int64,
        "details": pl.String, "checked_at": UTC,
    }, written_at=("run_id", "checked_at")),
]

TABLES: dict[str, Table] = {table.name: table for table in _DECLARED}
# Loaded per batch, parents first; deleted children first.
PER_DOCUMENT = tuple(t.name for t in _DECLARED if t.per_document)
BATCH = (*PER_DOCUMENT, "entities")  # the frames a batch builds (its entities are new or known)
# (table, column, parent table, parent column) of every foreign key, in declaration order.
FOREIGN_KEYS = tuple((t.name, column, *parent) for t in _DECLARED for column, parent in t.references.items())
