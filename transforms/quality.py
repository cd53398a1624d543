"""Data-quality helpers that need no GX: check columns derived from the rows, foreign keys, the
quarantine split, and the data-quality report (Markdown and a self-contained HTML page)."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
from dataclasses import dataclass

import polars as pl

from transforms.schema import BATCH, FOREIGN_KEYS, TABLES
from transforms.text import WORD


@dataclass(frozen=True)
class CheckResult:
    suite: str
    expectation: str
    column: str | None
    success: bool
    severity: str  # error or warning
    scope: str  # row (offending rows can be quarantined) or table (the batch fails)
    observed: str | None
    unexpected_count: int | None
    details: str | None = None
    unexpected_rows: tuple[int, ...] = ()  # row positions in the validated frame


def _spans(frame: pl.DataFrame, bodies: dict[str, str], text_column: str, strip_marks: bool = False) -> list[str | None]:
    out = []
    for doc_id, start, end in frame.select("doc_id", "start_char", "end_char").iter_rows():
        body = bodies.get(doc_id)
        if body is None or start is None or end is None:
            out.append(None)
            continue
        span = body[start:end]
        if strip_marks and span[:1] in _OPENING_MARKS:  # the marks around a quote (one left open at its
            span = span[1:-1] if span[-1:] in _CLOSING_MARKS else span[1:]  # paragraph's end has no closing mark)
        out.append(span)
    return out


_OPENING_MARKS, _CLOSING_MARKS = frozenset('“"'), frozenset('”"')


def _line_labels(facts: pl.DataFrame, bodies: dict[str, str], lines: pl.DataFrame) -> list[str | None]:
    """The label of the document line each fact stands in: the line of body_text the fact starts
    in, looked up by its text among the document's lines (a body or heading line wins over a
    repeat elsewhere on the page); "unmatched" when body_text holds a line the lines table lacks."""
    labels: dict[str, dict[str, str]] = {}
    for doc_id, text, label in lines.sort("doc_id", "line_no").select("doc_id", "text", "label").iter_rows():
        doc_labels = labels.setdefault(doc_id, {})
        if text not in doc_labels or label in ("body", "heading"):
            doc_labels[text] = label
    out = []
    for doc_id, start in facts.select("doc_id", "start_char").iter_rows():
        body = bodies.get(doc_id)
        if body is None or start is None or start > len(body):
            out.append(None)
            continue
        line_start = body.rfind("\n", 0, start) + 1
        line_end = body.find("\n", start)
        line = body[line_start:line_end if line_end >= 0 else len(body)]
        out.append(labels.get(doc_id, {}).get(line, "unmatched"))
    return out


def add_check_columns(frames: dict[str, pl.DataFrame], today: dt.date) -> dict[str, pl.DataFrame]:
    """Columns the expectations read that the tables do not store: span texts cut from body_text,
    the line a fact stands in, shares and rates per document, hashes of the raw bytes."""
    out = dict(frames)
    documents = frames.get("documents")
    bodies = dict(documents.select("doc_id", "body_text").iter_rows()) if documents is not None else {}
    lines = frames.get("document_lines", pl.DataFrame(schema={"doc_id": pl.String, "line_no": pl.Int32,
                                                              "text": pl.String, "label": pl.String}))
    if documents is not None:
        words = lines.with_columns(pl.col("text").str.count_matches(WORD).alias("words"))
        share = words.group_by("doc_id").agg(
            (pl.col("words").filter(pl.col("label") == "boilerplate").sum() / pl.col("words").sum().clip(1))
            .alias("boilerplate_share"))
        facts = frames.get("facts")
        per_doc = (facts.group_by("doc_id").agg(pl.len().alias("n_facts")) if facts is not None
                   else pl.DataFrame(schema={"doc_id": pl.String, "n_facts": pl.UInt32}))
        out["documents"] = (
            documents.join(share, on="doc_id", how="left").join(per_doc, on="doc_id", how="left")
            .with_columns(
                (pl.col("n_facts").fill_null(0) * 1000 / pl.col("n_words").clip(1)).alias("facts_per_1000_words"),
                (pl.col("published_date") - pl.lit(today)).dt.total_days().alias("days_after_today"),
                pl.col("boilerplate_share").fill_null(0.0),
            ).drop("n_facts")
        )
    for table in ("entity_mentions", "facts", "dates"):
        if table in frames:
            out[table] = frames[table].with_columns(pl.Series("span_text", _spans(frames[table], bodies, "text"),
                                                              dtype=pl.String))
    if "preamble_mentions" in frames:
        line_texts = {(d, n): t for d, n, t in lines.select("doc_id", "line_no", "text").iter_rows()}
        out["preamble_mentions"] = frames["preamble_mentions"].with_columns(pl.Series("span_text", [
            line_texts[(d, n)][start:end] if (d, n) in line_texts else None
            for d, n, start, end in frames["preamble_mentions"].select("doc_id", "line_no", "start_char", "end_char")
            .iter_rows()], dtype=pl.String))
    if "quotes" in frames:
        out["quotes"] = frames["quotes"].with_columns(
            pl.Series("span_quote", _spans(frames["quotes"], bodies, "quote", strip_marks=True), dtype=pl.String))
    if "facts" in frames:
        out["facts"] = out["facts"].with_columns(
            pl.Series("line_label", _line_labels(frames["facts"], bodies, lines), dtype=pl.String))
    if "raw_documents" in frames:
        raw = frames["raw_documents"]
        out["raw_documents"] = raw.with_columns(
            pl.Series("raw_length", [len(r) for r in raw["raw"]], dtype=pl.Int64),
            pl.Series("raw_sha256", [hashlib.sha256(r).hexdigest() for r in raw["raw"]], dtype=pl.String))
    return out


def foreign_key_checks(frames: dict[str, pl.DataFrame]) -> list[CheckResult]:
    """The declared foreign keys between a batch's own frames: every child row's key is in its
    parent frame (the raw bytes are staged apart: that key is checked over the warehouse)."""
    results = []
    for table, column, parent, parent_column in FOREIGN_KEYS:
        if table not in frames or parent not in BATCH:
            continue
        known = frames[parent][parent_column].to_list() if parent in frames else []
        missing = frames[table].filter(pl.col(column).is_not_null() & ~pl.col(column).is_in(known))
        results.append(CheckResult(table, foreign_key_name(column, parent), column, missing.is_empty(), "error",
                                   "table", f"{missing.height} orphan rows", missing.height))
    return results


def foreign_key_name(column: str, parent: str) -> str:
    return f"foreign_key_{column}_in_{parent}"


QUARANTINE_SCHEMA = TABLES["quarantine"].columns


def split_quarantine(frames: dict[str, pl.DataFrame], results: list[CheckResult], run_id: str
                     ) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Take the rows that failed an error-severity row check out of the batch, into quarantine rows.
    A quarantined document takes its lines, mentions, facts, dates and quotes with it."""
    bad: dict[str, dict[int, list[CheckResult]]] = {}
    for r in results:
        if not r.success and r.severity == "error" and r.scope == "row":
            for row in r.unexpected_rows:
                bad.setdefault(r.suite, {}).setdefault(row, []).append(r)
    quarantine_rows = []
    clean = dict(frames)
    dropped_docs: dict[str, list[CheckResult]] = {}
    if "documents" in bad:
        docs = frames["documents"]
        for row, checks in bad["documents"].items():
            dropped_docs[docs["doc_id"][row]] = checks
    for table, frame in frames.items():
        rows_bad = bad.get(table, {})
        keep = []
        for i, row in enumerate(frame.iter_rows(named=True)):
            checks = rows_bad.get(i) or (dropped_docs.get(row.get("doc_id")) if "doc_id" in row else None)
            if checks:
                quarantine_rows.append({
                    "run_id": run_id, "table_name": table,
                    "row": json.dumps(row, default=_json_value, ensure_ascii=False),
                    "expectation": "; ".join(sorted({c.expectation + (f"({c.column})" if c.column else "") for c in checks})),
                    "details": "; ".join(sorted({c.details or c.observed or "" for c in checks})),
                })
            keep.append(not checks)
        clean[table] = frame.filter(pl.Series(keep, dtype=pl.Boolean)) if frame.height else frame
    return clean, pl.DataFrame(quarantine_rows, schema=QUARANTINE_SCHEMA)


def _json_value(value):
    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes>"
    return str(value)


def results_frame(results: list[CheckResult], run_id: str) -> pl.DataFrame:
    """dq_results rows (checked_at is the warehouse's clock)."""
    return TABLES["dq_results"].frame(
        [{"run_id": run_id, "suite": r.suite, "expectation": r.expectation, "column_name": r.column,
          "success": r.success, "severity": r.severity, "observed": r.observed,
          "unexpected_count": r.unexpected_count, "details": r.details} for r in results], omit=("checked_at",))


# The report -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportLine:
    suite: str
    expectation: str
    column: str | None
    severity: str
    success: bool
    observed: str | None
    unexpected_count: int | None
    previous_unexpected: int | None  # the same check in the previous data-quality run


def _trend(line: ReportLine) -> str:
    if line.previous_unexpected is None or line.unexpected_count is None:
        return "new"
    delta = line.unexpected_count - line.previous_unexpected
    return "=" if delta == 0 else (f"+{delta} worse" if delta > 0 else f"{delta} better")


def render_markdown(lines: list[ReportLine], title: str, generated: str) -> str:
    failed = [l for l in lines if not l.success]
    errors = [l for l in failed if l.severity == "error"]
    out = [f"# {title}", "", f"{generated}. {len(lines)} checks: {len(lines) - len(failed)} passed, "
           f"{len(errors)} failed (error), {len(failed) - len(errors)} failed (warning).", "",
           "| result | severity | table | check | column | observed | unexpected | trend |",
           "|---|---|---|---|---|---|---|---|"]
    for l in lines:
        result = "pass" if l.success else "**FAIL**"
        out.append(f"| {result} | {l.severity} | {l.suite} | {l.expectation} | {l.column or ''} | "
                   f"{(l.observed or '').replace('|', '/')} | {'' if l.unexpected_count is None else l.unexpected_count} "
                   f"| {_trend(l)} |")
    return "\n".join(out) + "\n"


_CSS = """body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d2330}
h1{font-size:1.4rem}p.summary{font-size:1rem}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #dde1e8;padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f5f8}tr.fail.error td{background:#fdecec}tr.fail.warning td{background:#fff7e0}
.badge{display:inline-block;border-radius:.6rem;padding:0 .5rem;font-weight:600;font-size:.8rem}
.pass .badge{background:#dff3e4;color:#17692e}.fail .badge{background:#f8d4d4;color:#8a1c1c}
td.num{text-align:right;font-variant-numeric:tabular-nums}"""


def render_html(lines: list[ReportLine], title: str, generated: str) -> str:
    """A page that renders styled with no network: inline CSS, no scripts, no external links."""
    failed = [l for l in lines if not l.success]
    errors = sum(1 for l in failed if l.severity == "error")
    rows = []
    for l in lines:
        state = "pass" if l.success else "fail"
        rows.append(
            f'<tr class="{state} {l.severity}"><td><span class="badge">{state}</span></td>'
            f"<td>{html.escape(l.severity)}</td><td>{html.escape(l.suite)}</td><td>{html.escape(l.expectation)}</td>"
            f"<td>{html.escape(l.column or '')}</td><td>{html.escape(l.observed or '')}</td>"
            f'<td class="num">{"" if l.unexpected_count is None else l.unexpected_count}</td>'
            f"<td>{html.escape(_trend(l))}</td></tr>")
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{_CSS}</style></head><body><h1>{html.escape(title)}</h1>"
            f'<p class="summary">{html.escape(generated)}. {len(lines)} checks: {len(lines) - len(failed)} passed, '
            f"{errors} failed (error), {len(failed) - errors} failed (warning).</p>"
            "<table><thead><tr><th>result</th><th>severity</th><th>table</th><th>check</th><th>column</th>"
            "<th>observed</th><th>unexpected</th><th>trend</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></body></html>\n")
