"""Great Expectations gate: every batch is validated before it is loaded.

The suites live in a committed GX 1.x file context (expectations/gx/: one suite per warehouse
table and a pandas data source with one dataframe asset per table); each expectation's meta says
its severity (error or warning) and scope (row: offending rows go to quarantine; table: the batch
fails). GX's SQL data source does not work against DuckDB, so frames are validated with
the pandas data source; foreign keys are checked as set differences (and by SQL in `newsfacts dq`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from dataclasses import dataclass, field

import polars as pl

from flows.settings import EXPECTATIONS_DIR, apply_offline_defaults
from transforms.quality import CheckResult, add_check_columns, foreign_key_checks, split_quarantine
from transforms.tables import concat_frames

_LOCK = threading.Lock()
_RUNTIME: dict | None = None


GX_ROOT = EXPECTATIONS_DIR / "gx"


def suite_definitions() -> dict[str, dict]:
    """The committed suites as JSON, by name (for tests and tooling that need no GX import)."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((GX_ROOT / "expectations").glob("*.json"))
    }


def gx_runtime() -> dict:
    """The committed file context, loaded once per process: per table, its batch definition and suite.

    Safe to call from a warm-up thread while the flow starts: GX takes seconds to import.
    """
    global _RUNTIME
    with _LOCK:
        if _RUNTIME is None:
            apply_offline_defaults()
            import great_expectations as gx
            from great_expectations.data_context.types.base import ProgressBarsConfig

            # GX sets its own module loggers to INFO.
            for name in ("great_expectations", "great_expectations.data_context.types.base"):
                logging.getLogger(name).setLevel(logging.WARNING)
            context = gx.get_context(mode="file", project_root_dir=str(EXPECTATIONS_DIR))
            context.variables.progress_bars = ProgressBarsConfig(globally=False)
            source = context.data_sources.get("frames")
            runtime = {suite.name: (source.get_asset(suite.name).get_batch_definition("whole"), suite)
                       for suite in context.suites.all()}
            _RUNTIME = runtime
        return _RUNTIME


def warm_up_in_background() -> threading.Thread:
    thread = threading.Thread(target=gx_runtime, name="gx-warm-up", daemon=True)
    thread.start()
    return thread


def _column_of(kwargs: dict) -> str | None:
    if kwargs.get("column"):
        return kwargs["column"]
    columns = kwargs.get("column_list") or [c for c in (kwargs.get("column_A"), kwargs.get("column_B")) if c]
    return ",".join(columns) or None


def _observed(result: dict) -> str | None:
    if "observed_value" in result:
        return str(result["observed_value"])
    if result.get("unexpected_count") is not None:
        sample = ", ".join(map(str, result.get("partial_unexpected_list", [])[:3]))
        text = f"{result.get('unexpected_percent') or 0:.2f}% unexpected"
        return f"{text} (e.g. {sample})" if sample and result["unexpected_count"] else text
    return None


def run_suites(frames: dict[str, pl.DataFrame]) -> list[CheckResult]:
    """Each table's suite over its frame (frames carry the derived check columns)."""
    results = []
    for name, (batch_definition, suite) in gx_runtime().items():
        frame = frames.get(name)
        if frame is None or frame.is_empty():
            continue
        pandas_frame = frame.drop([c for c in ("raw",) if c in frame.columns]).to_pandas()
        outcome = batch_definition.get_batch(batch_parameters={"dataframe": pandas_frame}).validate(
            suite, result_format={"result_format": "COMPLETE"})
        for r in outcome.results:
            config, result = r.expectation_config, (r.result or {})
            meta = config.meta or {}
            rows = tuple(int(i) for i in (result.get("unexpected_index_list") or []) if isinstance(i, (int,)) or str(i).isdigit())
            results.append(CheckResult(
                suite=name, expectation=config.type, column=_column_of(config.kwargs), success=bool(r.success),
                severity=meta.get("severity", "error"), scope=meta.get("scope", "row"),
                observed=_observed(result), unexpected_count=result.get("unexpected_count"),
                details=meta.get("notes") or None, unexpected_rows=rows,
            ))
    return results


@dataclass
class BatchValidation:
    frames: dict[str, pl.DataFrame]  # what may be loaded
    quarantine: pl.DataFrame
    results: list[CheckResult] = field(default_factory=list)

    @property
    def failed_table_checks(self) -> list[CheckResult]:
        return [r for r in self.results if not r.success and r.severity == "error" and r.scope == "table"]


def validate_batch(frames: dict[str, pl.DataFrame], run_id: str, today: dt.date | None = None) -> BatchValidation:
    """Run every suite on a batch: failed row checks quarantine their rows, failed table checks
    fail the batch (the caller does not load it)."""
    checked = add_check_columns(frames, today or dt.date.today())
    results = run_suites(checked) + foreign_key_checks(frames)
    clean, quarantine = split_quarantine(frames, results, run_id)
    return BatchValidation(clean, quarantine, results)


def merge_validations(parts: list[BatchValidation]) -> BatchValidation:
    """The validations of parts of a batch (each document alone) as one."""
    return BatchValidation(concat_frames([p.frames for p in parts]),
                           pl.concat([p.quarantine for p in parts]),
                           [r for p in parts for r in p.results])
