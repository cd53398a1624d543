"""The `newsfacts` command: run the flow, query the warehouse, list and run reports, serve on a schedule."""

from __future__ import annotations

import time

STARTED = time.monotonic()  # the wall time a run reports counts from here

import os  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from enum import Enum  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Annotated  # noqa: E402

import typer  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.markup import escape  # noqa: E402
from rich.table import Table  # noqa: E402
from rich.text import Text  # noqa: E402

from flows.locking import run_lock  # noqa: E402
from flows.preflight import EXIT_STATUSES_HELP, Exit, Problem, check_run  # noqa: E402
from flows.settings import DEFAULT_INPUT, PIPELINE_VERSION, Settings  # noqa: E402

app = typer.Typer(
    help="newsfacts: raw news articles in, a queryable DuckDB warehouse of entities and numeric facts out.",
    epilog="Example: newsfacts run inbox/ && newsfacts report entity_leaderboard. "
           "Run `newsfacts COMMAND -h` for a command's options.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
console = Console(soft_wrap=True)  # a message is one line, whatever the terminal's width
err = Console(stderr=True, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        print(f"newsfacts {PIPELINE_VERSION}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Show the version and exit.")] = False) -> None:
    """newsfacts: raw news articles in, a queryable DuckDB warehouse of entities and numeric facts out."""


def _effective(field: str) -> str:
    """An option's default as --help shows it: the settings' default, or the value its
    environment variable sets now."""
    name = Settings.env_name(field)
    return f"{os.environ[name]} (from {name})" if os.environ.get(name) else f"{Settings.default(field)}"


DbOption = Annotated[Path | None, typer.Option(
    "--db", help="DuckDB warehouse file (env NEWSFACTS_DB).", show_default=_effective("db_path"))]


@contextmanager
def one_line_errors() -> Iterator[None]:
    """A known problem ends the command with one line and its own exit status, not a traceback."""
    try:
        yield
    except Problem as problem:
        err.print(f"[red]error:[/red] {escape(str(problem))}")
        raise typer.Exit(problem.exit_status) from None


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


def _settings(**options) -> Settings:
    """The settings, flags given winning over NEWSFACTS_* variables; a bad value is a usage error."""
    try:
        return Settings.from_options(**options)
    except ValueError as exc:
        raise Problem(f"{exc} (check the options and NEWSFACTS_* variables)", Exit.USAGE) from None


def _default_db() -> Path:
    with one_line_errors():
        return _settings().db_path


def _quiet_prefect(verbose: bool) -> None:
    if not verbose:  # the command prints what matters itself: one line per problem, not Prefect's tracebacks
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")


@app.command(epilog="Examples: newsfacts run (the seeds/ folder) · newsfacts run inbox/ dump.jsonl --db "
                     "data/news.duckdb · newsfacts run 'inbox/**/*.html' --reprocess. " + EXIT_STATUSES_HELP)
def run(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files, folders (searched recursively) or globs: .txt/.text/.md, .html/.htm, .jsonl/.ndjson.",
        show_default="the seeds/ folder")] = None,
    db: DbOption = None,
    model: Annotated[str | None, typer.Option(help="spaCy model: an installed package or a folder (env NEWSFACTS_MODEL).",
                                              show_default=_effective("model_name"))] = None,
    batch_size: Annotated[int | None, typer.Option(help="Documents per batch; each batch loads in one transaction "
                                                   "(env NEWSFACTS_BATCH_SIZE).", min=1, show_default=_effective("batch_size"))] = None,
    workers: Annotated[int | None, typer.Option(help="spaCy processes (env NEWSFACTS_WORKERS).", min=1,
                                                show_default=_effective("workers"))] = None,
    reprocess: Annotated[bool, typer.Option("--reprocess", help="Process documents again even when unchanged.")] = False,
    wait: Annotated[float | None, typer.Option(help="Seconds to wait when another run is using the warehouse "
                                               "(env NEWSFACTS_WAIT); 0 fails at once with exit status 10.",
                                               min=0, show_default=_effective("wait_seconds"))] = None,
    cluster: Annotated[str | None, typer.Option(help="A Dask scheduler (tcp://HOST:8786) whose workers run the heavy "
                                                "stages; this run validates and loads (env NEWSFACTS_CLUSTER).",
                                                show_default=_effective("cluster"))] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's flow and task logs.")] = False,
) -> None:
    """Load articles into the warehouse: clean text, entities, dates, quotes, numeric facts.

    Each batch is checked by Great Expectations and loaded in one transaction; documents processed
    before (the same bytes) are skipped."""
    inputs = paths or [str(DEFAULT_INPUT)]
    with one_line_errors():
        settings = _settings(db_path=db, model_name=model, batch_size=batch_size, workers=workers,
                             reprocess=reprocess, wait_seconds=wait, cluster=cluster)
        check_run(inputs, settings.model_name, settings.db_path)
        # Another run on this warehouse? Say so now, not after start-up (the flow takes the lock again).
        with run_lock(settings.db_path, settings.wait_seconds):
            summary = _run_flow(inputs, settings, verbose)
    print_summary(summary, time.monotonic() - STARTED)
    if summary.exit_status != Exit.OK:
        raise typer.Exit(summary.exit_status)


def _run_flow(inputs: list[str], settings: Settings, verbose: bool):
    """Start Prefect's API early, load the models while it boots, run the flow."""
    err.print(f"newsfacts {PIPELINE_VERSION}: {escape(' '.join(inputs))} → {escape(str(settings.db_path))} "
              f"(model {escape(settings.model_name)})")
    _quiet_prefect(verbose)
    from flows import prefect_api

    server = prefect_api.start_early()  # boots on the other core while the pipeline imports
    err.print("[dim]starting Prefect and loading the spaCy model…[/dim]")
    from flows.nlp import STEP_PIPES, load_model
    from flows.pipeline import newsfacts_flow

    for step in STEP_PIPES:  # while the server boots; Great Expectations loads once there is work
        load_model(settings.model_name, step)
    with prefect_api.api_for_run(server) as api:
        err.print(f"[dim]Prefect: {escape(api)}[/dim]")
        return newsfacts_flow(
            paths=inputs, db=str(settings.db_path), model=settings.model_name,
            batch_size=settings.batch_size, workers=settings.workers, reprocess=settings.reprocess,
            wait=settings.wait_seconds, cluster=settings.cluster,
        )


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown(text: str) -> str:
    """Stored text (a file name, an error) for one line of rich output: no markup, no control characters."""
    return escape(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text))


def print_summary(summary, wall_seconds: float) -> None:
    console.print(
        f"[bold]newsfacts run {summary.run_id[:8]}[/bold] {summary.status} in {wall_seconds:.1f} s wall "
        f"(flow {summary.seconds:.1f} s) → {escape(summary.warehouse)}"
    )
    console.print(
        f"documents: {summary.n_seen} seen, {summary.n_new} new, {summary.n_unchanged} unchanged"
        + (f" ({summary.n_rejected_before} of them rejected by an earlier run that read them the same way: "
           f"--reprocess reads them again)" if summary.n_rejected_before else "")
        + f", {summary.n_rejected} rejected, {len(summary.duplicates)} duplicates skipped; "
        f"{summary.n_quarantined} rows quarantined by data-quality checks"
    )
    table = Table("table", "rows added", "rows total", box=None)
    for name, total in summary.rows_total.items():
        table.add_row(name, str(summary.rows_added.get(name, 0)), str(total))
    console.print(table)
    for note in summary.notes:
        err.print(f"[yellow]note:[/yellow] {shown(note)}")
    for (_, suite, column, expectation), batches in sorted(summary.dq_warnings.items()):
        err.print(f"[yellow]data-quality warning[/yellow] {escape(suite)}.{escape(column)}: "
                  f"{escape(expectation)} failed in {batches} batch{'es' if batches > 1 else ''}")
    for uri, same_as in summary.duplicates:
        err.print(f"[dim]duplicate skipped[/dim] {shown(uri)}: the same bytes as {shown(same_as)}")
    for reject in summary.rejected:
        err.print(f"[red]rejected[/red] {shown(reject.source_uri)} ({reject.stage}): {shown(reject.error)}")


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
            print("| " + " | ".join("" if v is None else " ".join(str(v).split()).replace("|", "\\|") for v in row)
                  + " |")
    else:  # stored text is data: Text(), never parsed as markup
        table = Table()
        for column in columns:
            table.add_column(Text(column))
        for row in rows:
            table.add_row(*(Text("" if v is None else str(v)) for v in row))
        console.print(table)


def _query(db_path: Path, statement: str, fmt: OutputFormat, params: dict | None = None,
           when_empty: str | None = None) -> None:
    import duckdb

    from flows.warehouse import viewer

    try:
        with one_line_errors():
            con = viewer(db_path)
    except FileNotFoundError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    try:
        result = con.execute(statement, params) if params else con.execute(statement)
        if result.description is None:
            return
        rows = result.fetchall()
        if rows or when_empty is None or fmt is not OutputFormat.table:
            _print_result([d[0] for d in result.description], rows, fmt)
        if not rows and when_empty:
            err.print(Text(when_empty))
    except duckdb.Error as exc:
        err.print(f"[red]SQL error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    finally:
        con.close()


@app.command("sql", epilog="Examples: newsfacts sql \"SELECT title, n_words FROM documents\" · newsfacts sql "
                          "\"SELECT * FROM facts LIMIT 5\" --format csv --db data/news.duckdb. The warehouse opens "
                          "with any DuckDB 1.1 or later too: duckdb -readonly data/warehouse.duckdb")
def sql_command(
    statement: Annotated[str, typer.Argument(help="A SQL statement, e.g. \"SELECT * FROM facts LIMIT 5\".")],
    db: DbOption = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """Run ad hoc SQL against the warehouse, read-only. Exit 2 on an SQL error."""
    _query(db or _default_db(), statement, format)


@app.command(epilog="Examples: newsfacts report (lists them, with their parameters) · newsfacts report "
                     "entity_profile --param entity=Netanyahu · newsfacts report fact_timeline -p object=palestinian "
                     "--limit 10 --format markdown · newsfacts report --html data/reports --screenshot")
def report(
    name: Annotated[str | None, typer.Argument(help="Report to run; omit to list them.", show_default=False)] = None,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="A parameter of the report, as key=value (repeat for more); the listing names them.",
        show_default=False)] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, help="Rows shown (each report has its default).",
                                              show_default=False)] = None,
    db: DbOption = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    html: Annotated[Path | None, typer.Option(
        "--html", help="Instead, write the warehouse's page (charts of claims, entities, outlets, data quality) "
                       "as DIR/report.html: one offline file.", show_default=False)] = None,
    screenshot: Annotated[bool, typer.Option("--screenshot", help="With --html, also DIR/report.png, rendered "
                                                                  "by a headless Chromium.")] = False,
) -> None:
    """Run a report from sql/reports/, or list them with their descriptions and parameters."""
    from flows.reports import parse_params, reports

    if html is not None:
        from flows.report_page import screenshot as render, write_page

        if name is not None:
            err.print(f"[red]error:[/red] --html writes the whole page: give no report name ({escape(name)!r})")
            raise typer.Exit(2)

        try:
            with one_line_errors():
                page = write_page(db or _default_db(), html)
                console.print(Text(f"page: {page}"))
                if screenshot:
                    console.print(Text(f"screenshot: {render(page, html / 'report.png')}"))
        except FileNotFoundError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}")
            raise typer.Exit(2) from exc
        return
    catalogue = reports()
    if name is None:
        _print_result(["report", "description", "parameters"],
                      [(r.name, r.description, r.signature()) for r in catalogue.values()], format)
        return
    if name not in catalogue:
        err.print(f"[red]error:[/red] no report named {escape(repr(name))}; reports: {', '.join(catalogue)}")
        raise typer.Exit(2)
    chosen = catalogue[name]
    try:
        given = parse_params(param or [])
        if limit is not None:
            given["limit"] = str(limit)
        values = chosen.bind(given)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    shown_params = ", ".join(f"{k}={v}" for k, v in values.items() if k != "limit" and v != "")
    _query(db or _default_db(), chosen.sql, format, values,
           when_empty=f"{name}: no rows{f' for {shown_params}' if shown_params else ''} in this warehouse")


@app.command(epilog="Examples: newsfacts schema (the tables) · newsfacts schema facts quotes (their columns) · "
                     "newsfacts schema facts --format markdown. The same meanings are DuckDB comments: "
                     "SELECT comment FROM duckdb_columns()")
def schema(
    tables: Annotated[list[str] | None, typer.Argument(help="Tables whose columns to list; omit for the tables.",
                                                       show_default=False)] = None,
    db: DbOption = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """List the warehouse's tables (rows, what each holds), or the columns of some (type, meaning).
    Without a warehouse yet, the tables a first run creates."""
    from flows.warehouse import catalogue

    try:
        with one_line_errors():
            columns, rows = catalogue(db or _default_db(), tables or None)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    _print_result(columns, rows, format)


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"


@app.command(epilog="Examples: newsfacts export (every table, as Parquet, into data/export/) · newsfacts export "
                     "facts entities --format csv --out /tmp/news")
def export(
    tables: Annotated[list[str] | None, typer.Argument(help="Tables to write; omit for all of them.",
                                                       show_default=False)] = None,
    db: DbOption = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write TABLE.parquet or TABLE.csv into.")
                   ] = Path("data/export"),
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format.")] = ExportFormat.parquet,
) -> None:
    """Write tables of the warehouse to Parquet or CSV files, one per table (`newsfacts schema`
    says what their columns mean)."""
    from flows.warehouse import export_tables

    try:
        with one_line_errors():
            written = export_tables(db or _default_db(), tables or [], out, format.value)
    except (ValueError, FileNotFoundError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    for table, path, rows in written:
        console.print(Text(f"{table}: {rows:,} rows → {path}"))


@app.command(epilog="Example: newsfacts dq --db data/news.duckdb --out data/reports --quiet")
def dq(
    db: DbOption = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for dq_report.md and dq_report.html.")] = Path("data/reports"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Do not print the Markdown report.")] = False,
) -> None:
    """Validate the whole warehouse and write a data-quality report.

    The report is Markdown and an offline HTML page. Exit 1 when an error-severity check fails."""
    from flows.dq import validate_warehouse, write_report

    db_path = db or _default_db()
    if not db_path.exists():
        err.print(f"[red]error:[/red] no warehouse at {escape(str(db_path))}: run `newsfacts run` first")
        raise typer.Exit(2)
    with one_line_errors():
        run = validate_warehouse(db_path)
    markdown, page = write_report(run, out)
    if not quiet:
        print(run.markdown)
    err.print(f"report: {markdown} and {page}")
    if run.errors:
        err.print(f"[red]{len(run.errors)} error-severity checks failed[/red]")
        raise typer.Exit(1)


@app.command(epilog="Example: export PREFECT_API_URL=http://127.0.0.1:4200/api; newsfacts serve --cron "
                     "'*/30 * * * *' inbox/ --db data/news.duckdb. Without PREFECT_API_URL the schedule lives "
                     "in a temporary server that no UI shows. " + "Exit status: 5, 6, 7, 8 as for `run`.")
def serve(
    cron: Annotated[str, typer.Option(help="Cron schedule, e.g. '*/30 * * * *' (every 30 minutes).")],
    paths: Annotated[list[str] | None, typer.Argument(help="Inputs, as for `run`.",
                                                      show_default="the seeds/ folder")] = None,
    db: DbOption = None,
    model: Annotated[str | None, typer.Option(help="spaCy model (env NEWSFACTS_MODEL).",
                                              show_default=_effective("model_name"))] = None,
    name: Annotated[str, typer.Option(help="Deployment name shown in the Prefect UI.")] = "newsfacts-scheduled",
) -> None:
    """Run on a schedule: a long-running process that starts a run at every cron time.

    Stop it with Ctrl-C."""
    with one_line_errors():
        settings = _settings(db_path=db, model_name=model)
        check_run(paths or [str(DEFAULT_INPUT)], settings.model_name, settings.db_path)
    from flows.pipeline import newsfacts_flow

    newsfacts_flow.serve(
        name=name, cron=cron,
        # Absolute paths: a scheduled run starts in a process of its own, from any folder.
        parameters={"paths": [str(Path(p).resolve()) for p in paths or [DEFAULT_INPUT]],
                    "db": str(settings.db_path.resolve()), "model": settings.model_name},
    )


@app.command("settings", epilog="Example: NEWSFACTS_BATCH_SIZE=50 newsfacts settings --format markdown")
def settings_command(
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """Every setting and threshold: its environment variable, the value in effect and where it
    comes from (a command's flag, where it has one, wins over both)."""
    with one_line_errors():
        settings = _settings()
    rows = [(Settings.env_name(name), str(getattr(settings, name)),
             "environment" if os.environ.get(Settings.env_name(name)) else "default", field.description or "")
            for name, field in Settings.model_fields.items()]
    _print_result(["variable", "value", "from", "meaning"], rows, fmt)


if __name__ == "__main__":
    app()
