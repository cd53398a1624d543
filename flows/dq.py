"""`newsfacts dq`: validate the whole warehouse and write the data-quality report.

Row-level expectations run with GX on frames fetched from DuckDB a chunk of documents at a time;
table-level checks (unique keys, foreign keys) are SQL aggregates in DuckDB itself.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from flows import warehouse
from flows.settings import Settings
from flows.validation import run_suites
from transforms.schema import FOREIGN_KEYS, PER_DOCUMENT, TABLES
from transforms.quality import (
    CheckResult, ReportLine, add_check_columns, foreign_key_name, render_html, render_markdown, results_frame,
)

_CHILD_TABLES = ("raw_documents", *(t for t in PER_DOCUMENT if t != "documents"))


@dataclass
class DqRun:
    run_id: str
    results: list[CheckResult]
    markdown: str
    html: str

    @property
    def errors(self) -> list[CheckResult]:
        return [r for r in self.results if not r.success and r.severity == "error"]


def _chunk_frames(con, doc_ids: list[str]) -> dict[str, pl.DataFrame]:
    con.register("chunk_doc_ids", pl.DataFrame({"doc_id": doc_ids}).to_arrow())
    try:
        frames = {table: warehouse.fetch_frame(
            con, f"SELECT * FROM {table} WHERE doc_id IN (SELECT doc_id FROM chunk_doc_ids)")
            for table in ("documents", *_CHILD_TABLES)}
        frames["entities"] = warehouse.fetch_frame(
            con, "SELECT * FROM entities WHERE entity_id IN (SELECT entity_id FROM entity_mentions "
                 "WHERE doc_id IN (SELECT doc_id FROM chunk_doc_ids) UNION SELECT entity_id FROM preamble_mentions "
                 "WHERE doc_id IN (SELECT doc_id FROM chunk_doc_ids))")
        return frames
    finally:
        con.unregister("chunk_doc_ids")


def _merge(chunks: list[list[CheckResult]]) -> list[CheckResult]:
    """One result per check over all chunks: failed if any chunk failed, unexpected rows added up."""
    merged: dict[tuple, CheckResult] = {}
    for results in chunks:
        for r in results:
            key = (r.suite, r.expectation, r.column)
            if key not in merged:
                merged[key] = r
                continue
            old = merged[key]
            merged[key] = CheckResult(
                r.suite, r.expectation, r.column, old.success and r.success, r.severity, r.scope,
                old.observed if not old.success else r.observed,
                (old.unexpected_count or 0) + (r.unexpected_count or 0), r.details)
    return list(merged.values())


def table_checks(con) -> list[CheckResult]:
    """The declared keys DuckDB does not enforce and the declared foreign keys over whole tables,
    then the other warehouse-wide checks."""
    results = []
    for table in (t for t in TABLES.values() if t.key and not t.key_enforced):
        count = con.execute(warehouse.sql("dq/unique_key").format(table=table.name, key=", ".join(table.key))
                            ).fetchone()[0]
        results.append(CheckResult(table.name, "unique_key", ",".join(table.key), count == 0, "error", "table",
                                   None, int(count)))
    for table, column, parent, parent_column in FOREIGN_KEYS:
        statement = warehouse.sql("dq/foreign_key").format(table=table, column=column, parent=parent,
                                                           parent_column=parent_column)
        count = con.execute(statement).fetchone()[0]
        results.append(CheckResult(table, foreign_key_name(column, parent), column, count == 0, "error", "table",
                                   None, count))
    return results + [CheckResult(suite, expectation, column, count == 0, "error", "table", observed, count)
                      for suite, expectation, column, count, observed
                      in con.execute(warehouse.sql("dq/table_checks")).fetchall()]


def validate_warehouse(db_path: Path, today: dt.date | None = None) -> DqRun:
    run_id = f"dq-{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    with warehouse.writer(db_path) as con:
        doc_ids = [row[0] for row in con.execute(warehouse.sql("dq/chunk_doc_ids")).fetchall()]
        chunks = []
        chunk = Settings().dq_chunk_documents
        for start in range(0, len(doc_ids), chunk):
            frames = add_check_columns(_chunk_frames(con, doc_ids[start : start + chunk]),
                                       today or dt.date.today())
            # keys and foreign keys are checked over whole tables below, not chunk by chunk
            chunks.append([r for r in run_suites(frames) if r.scope == "row"])
        results = table_checks(con) + _merge(chunks)
        warehouse.record_dq_results(con, results_frame(results, run_id))
        previous = {(s, e, c): n for s, e, c, n in
                    con.execute(warehouse.sql("dq/previous_results"), {"run_id": run_id}).fetchall()}
    lines = [ReportLine(r.suite, r.expectation, r.column, r.severity, r.success, r.observed, r.unexpected_count,
                        previous.get((r.suite, r.expectation, r.column or ""))) for r in results]
    lines.sort(key=lambda l: (l.success, l.severity != "error", l.suite, l.expectation, l.column or ""))
    generated = f"{db_path} · {len(doc_ids)} documents · run {run_id} · {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M UTC}"
    title = "newsfacts data-quality report"
    return DqRun(run_id, results, render_markdown(lines, title, generated), render_html(lines, title, generated))


def write_report(run: DqRun, out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    markdown, page = out_dir / "dq_report.md", out_dir / "dq_report.html"
    markdown.write_text(run.markdown, encoding="utf-8")
    page.write_text(run.html, encoding="utf-8")
    return markdown, page
