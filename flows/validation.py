"""Great Expectations gate: every batch is validated before it is loaded.

Suites are committed JSON under expectations/suites/ (one per warehouse table). GX's SQL data
source does not work against DuckDB, so frames are validated with the pandas data source.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache

import polars as pl

from flows.settings import EXPECTATIONS_DIR, apply_offline_defaults


class ValidationFailed(RuntimeError):
    """An error-severity expectation failed: the batch must not be loaded."""


@dataclass(frozen=True)
class CheckResult:
    suite: str
    expectation: str
    column: str | None
    success: bool
    severity: str
    unexpected_count: int | None


def suite_definitions() -> dict[str, dict]:
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((EXPECTATIONS_DIR / "suites").glob("*.json"))
    }


@lru_cache(maxsize=1)
def _gx_runtime():
    """One ephemeral GX context per process, with a pandas asset and a suite per table."""
    apply_offline_defaults()
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    # GX sets its own module loggers to INFO; an ephemeral context announces a temp dir there.
    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.WARNING)

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("batch_frames")
    runtime = {}
    for name, definition in suite_definitions().items():
        asset = source.add_dataframe_asset(name)
        batch_definition = asset.add_batch_definition_whole_dataframe("whole_frame")
        suite = context.suites.add(gx.ExpectationSuite(**definition))
        runtime[name] = (batch_definition, suite)
    return runtime


def run_suites(frames: dict[str, pl.DataFrame]) -> list[CheckResult]:
    results = []
    for name, (batch_definition, suite) in _gx_runtime().items():
        frame = frames.get(name)
        if frame is None or frame.is_empty():
            continue
        outcome = batch_definition.get_batch(batch_parameters={"dataframe": frame.to_pandas()}).validate(suite)
        for r in outcome.results:
            config = r.expectation_config
            results.append(CheckResult(
                suite=name,
                expectation=config.type,
                column=config.kwargs.get("column") or ",".join(
                    config.kwargs.get("column_list") or
                    [c for c in (config.kwargs.get("column_A"), config.kwargs.get("column_B")) if c]
                ) or None,
                success=bool(r.success),
                severity=(config.meta or {}).get("severity", "error"),
                unexpected_count=(r.result or {}).get("unexpected_count"),
            ))
    return results


def validate_batch(frames: dict[str, pl.DataFrame]) -> list[CheckResult]:
    """Raise ValidationFailed naming each failed error-severity expectation."""
    results = run_suites(frames)
    failed = [r for r in results if not r.success and r.severity == "error"]
    if failed:
        raise ValidationFailed("; ".join(
            f"{r.suite}.{r.column}: {r.expectation} ({r.unexpected_count} unexpected)" for r in failed
        ))
    return results
