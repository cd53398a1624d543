"""Faults around a run: a full disk, a reader holding the file, `kill -9` between batches. Each is
made for real (a small tmpfs, a second process, a signal) against real runs."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows.preflight import Exit
from tests.conftest import SEEDS
from tests.test_cli import NEWSFACTS

# Columns that say when or by which run a row was written: everything else must converge.
RUN_COLUMNS = {"run_id", "ingested_at", "staged_at", "updated_at", "at"}
DATA_TABLES = ["raw_documents", "documents", "document_lines", "entities", "entity_mentions", "entity_aliases",
               "facts", "dates", "quotes", "learned_boilerplate"]


def write_articles(folder: Path, n: int, paragraphs: int = 12, seed: int = 11) -> None:
    """n plain-text articles of generated news-like sentences with names and numbers."""
    rng = random.Random(seed)
    people = ["Maria Lopez", "Lopez", "John Okafor", "Okafor", "the council", "Acme Holdings", "Acme"]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        lines = [f"Flood report {i}", ""]
        for _ in range(paragraphs):
            who = rng.choice(people)
            lines += [f"{who} said {rng.randint(2, 900)} people left their homes in Riverton on Monday, "
                      f"and repairs would cost ${rng.randint(1, 90)} million.", ""]
        (folder / f"article-{i:03}.txt").write_text("\n".join(lines), encoding="utf-8")


def newsfacts(*args: str, verbose_env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSFACTS, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(verbose_env or {})})


def rows(db: Path, table: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        columns = [c for (c,) in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table]).fetchall() if c not in RUN_COLUMNS]
        listed = ", ".join(f'"{c}"' for c in columns)
        return con.execute(f"SELECT {listed} FROM {table} ORDER BY ALL").fetchall()
    finally:
        con.close()


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_ends_the_run_in_one_line_and_a_rerun_after_freeing_space_completes(small_disk, tmp_path):
    inbox = tmp_path / "inbox"
    write_articles(inbox, 40, paragraphs=30)
    db = small_disk / "w.duckdb"
    full = newsfacts("run", str(inbox), "--db", str(db), "--batch-size", "4")
    errors = [line for line in full.stderr.splitlines() if line.startswith("error:")]
    assert full.returncode == Exit.WAREHOUSE_UNWRITABLE, full.stderr
    assert len(errors) == 1 and str(db) in errors[0] and "No space left" in errors[0]
    assert "Traceback" not in full.stderr
    assert [r[0] for r in duckdb.connect(str(db), read_only=True).execute("SELECT status FROM runs").fetchall()] \
        in (["failed"], ["running"])  # recorded as failed if even that fitted; else marked interrupted next time
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    again = newsfacts("run", str(inbox), "--db", str(db), "--batch-size", "4")
    assert again.returncode == 0, again.stderr
    assert len(rows(db, "documents")) == 40
    dq = newsfacts("dq", "--db", str(db), "--out", str(tmp_path / "reports"), "--quiet")
    assert dq.returncode == 0, dq.stdout + dq.stderr


def test_a_warehouse_out_of_its_memory_ends_the_run_in_one_line_naming_the_setting(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    write_articles(inbox, 40, paragraphs=30)
    short = newsfacts("run", str(inbox), "--db", str(db), "--batch-size", "4",
                      verbose_env={"NEWSFACTS_DUCKDB_MEMORY_LIMIT": "8MB"})
    errors = [line for line in short.stderr.splitlines() if line.startswith("error:")]
    assert short.returncode == Exit.WAREHOUSE_UNWRITABLE, short.stderr
    assert len(errors) == 1 and "NEWSFACTS_DUCKDB_MEMORY_LIMIT=8MB" in errors[0] and "Traceback" not in short.stderr
    again = newsfacts("run", str(inbox), "--db", str(db), "--batch-size", "4")  # the default holds it
    assert again.returncode == 0, again.stderr
    assert len(rows(db, "documents")) == 40


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if ppid == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_kill_9_between_batches_leaves_no_process_and_a_rerun_converges_to_an_uninterrupted_run(tmp_path):
    inbox = tmp_path / "inbox"
    for path in sorted(SEEDS.glob("*")):
        (inbox / path.name).parent.mkdir(parents=True, exist_ok=True)
        (inbox / path.name).write_bytes(path.read_bytes())
    write_articles(inbox, 4)  # lone surnames ("Lopez") whose full names are in other batches
    clean, killed = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    assert newsfacts("run", str(inbox), "--db", str(clean), "--batch-size", "2").returncode == 0

    run = subprocess.Popen([NEWSFACTS, "run", str(inbox), "--db", str(killed), "--batch-size", "2", "-v"],
                           stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                           env={**os.environ, "PREFECT_LOGGING_LEVEL": "INFO"})  # (-v: the batch log lines)
    children: set[int] = set()
    deadline = time.monotonic() + 300
    for line in run.stderr:
        children |= _children(run.pid)
        if "batch 2/" in line or time.monotonic() > deadline:
            break
    assert "batch 2/" in line, "the run never reported its second batch"
    run.send_signal(signal.SIGKILL)
    run.wait()
    run.stderr.close()
    assert children, "the run had started its temporary Prefect server"
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in children), "a process of the killed run survived it"

    partial = len(rows(killed, "documents"))
    assert 0 < partial < 9
    again = newsfacts("run", str(inbox), "--db", str(killed), "--batch-size", "3")
    assert again.returncode == 0, again.stderr
    for table in DATA_TABLES:
        assert rows(killed, table) == rows(clean, table), table
    statuses = duckdb.connect(str(killed), read_only=True).execute(
        "SELECT status FROM runs ORDER BY started_at").fetchall()
    assert statuses == [("interrupted",), ("completed",)]


def test_a_reader_holding_the_warehouse_when_a_run_starts_is_waited_for(tmp_path):
    from flows import warehouse

    db = tmp_path / "w.duckdb"
    warehouse.connect(db).close()
    reader = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time\n"
        f"con = duckdb.connect({str(db)!r}, read_only=True)\n"
        "print('open', flush=True)\n"
        "time.sleep(12)\n")], stdout=subprocess.PIPE, text=True)
    assert reader.stdout.readline().strip() == "open"
    result = newsfacts("run", str(SEEDS), "--db", str(db))
    reader.wait()
    assert result.returncode == 0, result.stderr
    assert len(rows(db, "documents")) == 5
