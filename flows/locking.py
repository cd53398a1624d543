"""One run at a time per warehouse, told apart from readers. Standard library only.

DuckDB lets one process open a file for writing, and no reader while it does; its error names
only a PID. A run therefore also holds an advisory lock on `<warehouse>.lock` for its whole life,
with its PID and start time in it: a second run sees at once that a run holds the warehouse (and
waits only if asked), a reader that finds the file locked can say who has it, and a starting run
knows that any run still marked `running` is dead, never live.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

from flows.preflight import Exit, Problem

_HELD: dict[str, list] = {}  # lock path -> [file descriptor, depth]: re-entrant within a process


class WarehouseBusy(Problem):
    def __init__(self, message: str):
        super().__init__(message, Exit.BUSY)


def lock_path(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def holder(db_path: Path | str) -> str | None:
    """Who holds the run lock ("PID 123 since 2026-12-01 22:40 UTC"), or None when no run does."""
    path = lock_path(db_path)
    if str(path.absolute()) in _HELD:
        return f"PID {os.getpid()} (this process)"
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        with contextlib.suppress(OSError):
            return os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another run"
        return "another run"
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


@contextlib.contextmanager
def run_lock(db_path: Path | str, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the warehouse's run lock; WarehouseBusy at once (or after `wait_seconds`) if another
    run holds it."""
    path = lock_path(db_path)
    key = str(path.absolute())
    if key in _HELD:
        _HELD[key][1] += 1
    else:
        _HELD[key] = [_acquire(path, db_path, wait_seconds), 1]
    try:
        yield
    finally:
        _HELD[key][1] -= 1
        if not _HELD[key][1]:
            fd = _HELD.pop(key)[0]
            os.close(fd)  # (releases the lock; the file stays, empty of meaning until locked again)


def _acquire(path: Path, db_path: Path | str, wait_seconds: float) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    # At least a moment: a reader asking who holds the lock takes it shared for an instant.
    deadline = time.monotonic() + max(wait_seconds, 1.0)
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except OSError as exc:
            if not isinstance(exc, BlockingIOError):
                os.close(fd)
                raise
            if time.monotonic() >= deadline:
                who = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another run"
                os.close(fd)
                waited = f" (waited {wait_seconds:g} s)" if wait_seconds else ""
                raise WarehouseBusy(f"warehouse {db_path} is in use by another newsfacts run ({who}){waited}: "
                                    f"wait for it to finish, or pass --wait SECONDS (NEWSFACTS_WAIT)") from None
            time.sleep(0.2)
    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"PID {os.getpid()} since {started}\n".encode(), 0)
    return fd


_LOCK_PID = re.compile(r"\(PID (\d+)\)")


def busy_message(db_path: Path | str, duckdb_error: str) -> str | None:
    """A one-line reason for DuckDB's "Could not set lock" error, or None for any other error."""
    if "Could not set lock" not in duckdb_error and "Conflicting lock" not in duckdb_error:
        return None
    run = holder(db_path)
    if run:
        return f"warehouse {db_path} is busy: a newsfacts run ({run}) is writing it; try again when it finishes"
    pid = _LOCK_PID.search(duckdb_error)
    who = f"process {pid.group(1)}" if pid else "another process"
    return f"warehouse {db_path} is busy: {who} has it open; try again when it closes it"
