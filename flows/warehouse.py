"""The DuckDB warehouse: migrations, staging raw bytes, loading batches in one transaction."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import time
from functools import lru_cache
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

from flows.locking import WarehouseBusy, busy_message, run_lock
from flows.preflight import Exit, Problem
from flows.settings import SQL_DIR, Settings
from transforms.boilerplate import repeated_chrome
from transforms.entities import (LONE_NAME_AMBIGUOUS, LONE_NAME_RESOLVED, UNINTRODUCED_PERSON_VOTE, entity_id_for,
                                label_targets, resolve_lone_names, unresolved_how)
from transforms.schema import PER_DOCUMENT, TABLES
from transforms.claims import Candidate, claims_of
from transforms.stories import band_ranges, first_versions, signature, similarity
from transforms.staging import Reject

# Table names in statements come only from the declaration (transforms/schema.py), never from input.


def fetch_frame(con: duckdb.DuckDBPyConnection, query: str) -> pl.DataFrame:
    """A whole query result as a Polars frame (fetched to the end, so the connection is free)."""
    return pl.from_arrow(con.sql(query).to_arrow_table())


@lru_cache(maxsize=None)
def sql(name: str) -> str:
    """A statement (or script) from sql/, by its path without the .sql suffix."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Apply every sql/schema/*.sql not applied yet, in name order, recording each; then, if any
    was, what every table and column means (sql/catalogue/comments.sql)."""
    con.execute(sql("schema/000_schema_version"))
    applied = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    todo = [path for path in sorted((SQL_DIR / "schema").glob("*.sql"))
            if path.stem not in applied and path.stem != "000_schema_version"]
    for path in todo:
        with transaction(con):
            con.execute(path.read_text(encoding="utf-8"))
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, now(), ?)", [path.stem, duckdb.__version__]
            )
    if todo:
        with transaction(con):
            con.execute(sql("catalogue/comments"))


def connect(db_path: Path | str, read_only: bool = False, storage_version: str | None = None
            ) -> duckdb.DuckDBPyConnection:
    """A connection; for writing, a new file is created in the storage format of `storage_version`
    (default: the setting), and the schema is migrated."""
    db_path = Path(db_path)
    if read_only:
        if not db_path.exists():
            raise FileNotFoundError(f"no warehouse at {db_path}: run `newsfacts run` first")
        return duckdb.connect(str(db_path), read_only=True)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    version = storage_version or Settings().storage_version
    con = duckdb.connect(str(db_path), config={"storage_compatibility_version": version})
    migrate(con)
    return con



# Faults of the warehouse file itself (a full disk, a lost lock, DuckDB's memory limit reached):
# never a document's fault.
WAREHOUSE_FAULTS = (duckdb.IOException, duckdb.FatalException, duckdb.InternalException,
                    duckdb.TransactionException, duckdb.OutOfMemoryException)


class WarehouseFault(Problem):
    """The warehouse file failed under a run (the disk is full, the file went away)."""

    def __init__(self, db_path: Path | str, exc: BaseException, recorded: bool):
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if isinstance(exc, duckdb.OutOfMemoryException):  # (a query that could not work on disk within it)
            first += (f" (DuckDB's memory is held to NEWSFACTS_DUCKDB_MEMORY_LIMIT={Settings().duckdb_memory_limit}, "
                      f"and at a run's end to NEWSFACTS_DUCKDB_REFRESH_MEMORY_LIMIT="
                      f"{Settings().duckdb_refresh_memory_limit}: raise them)")
        status = "recorded as failed" if recorded else "left as running (the next run marks it interrupted)"
        super().__init__(f"writing warehouse {db_path} failed: {first}; the run is {status} and the warehouse "
                         f"keeps every batch committed before the fault: run again once it is fixed",
                         Exit.WAREHOUSE_UNWRITABLE)


@contextmanager
def writer(db_path: Path | str, storage_version: str | None = None, wait_seconds: float = 0.0,
           on_rewrite: Callable[[], None] = lambda: None) -> Iterator[duckdb.DuckDBPyConnection]:
    """The one connection a run writes through, held (with the run lock) from its start to its
    end, so that no other run and no reader can interleave. A reader that has the file open is
    waited for (NEWSFACTS_READERS_GRACE_SECONDS, or `wait_seconds` if longer); another run only for `wait_seconds`.
    A file in a storage format newer than `storage_version` is first rewritten (see `needs_rewrite`)."""
    version = storage_version or Settings().storage_version
    with run_lock(db_path, wait_seconds):
        deadline = time.monotonic() + max(wait_seconds, Settings().readers_grace_seconds)
        told = False
        while True:
            try:
                if needs_rewrite(db_path, version):
                    if not told:
                        on_rewrite()
                        told = True
                    rewrite_in_storage_version(db_path, version)
                con = connect(db_path, storage_version=version)
                try:
                    con.execute(f"SET memory_limit = '{Settings().duckdb_memory_limit}'")  # (validated by the setting)
                except duckdb.OutOfMemoryException:
                    con.close()
                    raise Problem(f"warehouse {db_path}: DuckDB cannot open it within NEWSFACTS_DUCKDB_MEMORY_LIMIT="
                                  f"{Settings().duckdb_memory_limit}: raise it", Exit.WAREHOUSE_UNWRITABLE) from None
                break
            except duckdb.IOException as exc:
                message = busy_message(db_path, str(exc))
                if message is None:
                    raise
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(message) from None
                time.sleep(0.25)
        _HELD[_key(db_path)] = con
        try:
            yield con
        finally:
            _HELD.pop(_key(db_path), None)
            con.close()


_HELD: dict[str, duckdb.DuckDBPyConnection] = {}  # the connection each open writer() holds, by file


def _key(db_path: Path | str) -> str:
    return str(Path(db_path).absolute())


def held(db_path: Path | str) -> duckdb.DuckDBPyConnection:
    """The connection of the writer() this process holds on the file: what the run's tasks write
    through (a task takes the file's path, not a connection, as its parameter)."""
    try:
        return _HELD[_key(db_path)]
    except KeyError:
        raise RuntimeError(f"no run holds {db_path}: tasks that write run inside warehouse.writer()") from None


def viewer(db_path: Path | str, may_write_files: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot reach any other file: no ATTACH, COPY TO, EXPORT,
    read_text() or extension install, and no SET to turn that back on (unless `may_write_files`,
    for the export)."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"no warehouse at {db_path}: run `newsfacts run` first")
    try:
        return duckdb.connect(str(db_path), read_only=True,
                              config={} if may_write_files else {"enable_external_access": False,
                                                                 "lock_configuration": True})
    except duckdb.IOException as exc:
        message = busy_message(db_path, str(exc))
        if message is None:
            raise
        raise WarehouseBusy(message) from None


def catalogue(db_path: Path | str, tables: list[str] | None = None) -> tuple[list[str], list[tuple]]:
    """Without `tables`, the warehouse's tables with their rows and meaning; with them, their
    columns with type and meaning (the comments sql/schema/ stores). With no file yet, the schema
    a first run creates."""
    con = viewer(db_path) if Path(db_path).exists() else duckdb.connect()
    try:
        if not Path(db_path).exists():
            migrate(con)
        if tables is None:
            result = con.execute(sql("catalogue/tables"))
        else:
            unknown(con, tables)
            result = con.execute(sql("catalogue/columns"), {"tables": tables})
        return [d[0] for d in result.description], result.fetchall()
    finally:
        con.close()


def unknown(con: duckdb.DuckDBPyConnection, tables: list[str]) -> None:
    """ValueError naming the tables the warehouse does not have, and those it has."""
    have = [row[0] for row in con.execute(sql("catalogue/tables")).fetchall()]
    if missing := [t for t in tables if t not in have]:
        raise ValueError(f"no table {', '.join(map(repr, missing))}; tables: {', '.join(have)}")


def export_tables(db_path: Path | str, tables: list[str], out_dir: Path, fmt: str) -> list[tuple[str, Path, int]]:
    """Each table (all of them when `tables` is empty) written whole to out_dir/TABLE.parquet or
    .csv (with a header) by DuckDB; returns (table, file, rows) for each."""
    out_dir.mkdir(parents=True, exist_ok=True)
    con = viewer(db_path, may_write_files=True)
    try:
        unknown(con, tables)
        written = []
        for table in tables or [row[0] for row in con.execute(sql("catalogue/tables")).fetchall()]:
            path = out_dir / f"{table}.{fmt}"
            options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
            con.execute(f"COPY \"{table}\" TO '{_quoted(path)}' ({options})")
            written.append((table, path, con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]))
        return written
    finally:
        con.close()


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.strip("v+").split("."))


def storage_version_of(db_path: Path | str) -> str:
    """The storage format of a warehouse file, as DuckDB names it ("v1.0.0+", "v2.0.0+")."""
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{_quoted(db_path)}' AS probe (READ_ONLY)")
        return con.execute("SELECT tags['storage_version'] FROM duckdb_databases() "
                           "WHERE database_name = 'probe'").fetchone()[0]
    finally:
        con.close()


def _quoted(path: Path | str) -> str:
    return str(path).replace("'", "''")


def needs_rewrite(db_path: Path | str, storage_version: str) -> bool:
    """True when the file is in a newer format than readers of `storage_version` can open."""
    if storage_version == "latest" or not Path(db_path).exists():
        return False
    return _version_tuple(storage_version_of(db_path)) > _version_tuple(storage_version)


def rewrite_in_storage_version(db_path: Path | str, storage_version: str) -> dict[str, int]:
    """Copy the whole warehouse (tables, keys, rows) into a file of the older format and put it in
    place of the original in one rename; the original stays untouched if anything fails.
    Returns the rows per table, checked equal in both files."""
    db_path = Path(db_path)
    duckdb.connect(str(db_path)).execute("CHECKPOINT").close()  # no write-ahead log left beside it
    fresh = db_path.with_name(db_path.name + ".rewrite")
    fresh.unlink(missing_ok=True)
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{_quoted(db_path)}' AS old (READ_ONLY)")
        con.execute(f"ATTACH '{_quoted(fresh)}' AS new (STORAGE_VERSION '{storage_version}')")
        con.execute("COPY FROM DATABASE old TO new")
        tables = [row[0] for row in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'old' ORDER BY 1").fetchall()]
        counts = {}
        for table in tables:
            old, new = (con.execute(f'SELECT count(*) FROM {db}."{table}"').fetchone()[0] for db in ("old", "new"))
            if old != new:
                raise RuntimeError(f"rewriting {db_path}: {table} has {old} rows but the copy {new}")
            counts[table] = old
        con.execute("DETACH new")
    except BaseException:
        con.close()
        fresh.unlink(missing_ok=True)
        raise
    con.close()
    fresh.replace(db_path)
    return counts


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All or nothing: an exception (or a kill) leaves the warehouse as it was."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def processed_doc_ids(con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str], reading_version: str,
                      model_name: str) -> tuple[set[str], set[str]]:
    """Of `doc_ids`, those loaded before, and those a run of the same reading version and model
    rejected for what they hold (sql/load/rejected_before.sql)."""
    candidates = pl.DataFrame({"doc_id": list(doc_ids)}, schema={"doc_id": pl.String})
    con.register("candidate_doc_ids", candidates.to_arrow())
    try:
        loaded = {row[0] for row in con.execute(sql("load/processed_doc_ids")).fetchall()}
        rejected = {row[0] for row in con.execute(sql("load/rejected_before"), {
            "reading_version": reading_version, "model_name": model_name}).fetchall()}
        return loaded, rejected - loaded
    finally:
        con.unregister("candidate_doc_ids")


def stage_raw_documents(con: duckdb.DuckDBPyConnection, raw: pl.DataFrame) -> None:
    if raw.is_empty():
        return
    with transaction(con):
        con.register("staged_raw_documents", raw.to_arrow())
        con.execute(sql("load/stage_raw_documents"))
        con.unregister("staged_raw_documents")


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Bulk insert by column name; `table` is one of the warehouse's own table names."""
    if frame.is_empty():
        return
    con.register(f"frame_{table}", frame.to_arrow())
    con.execute(f'INSERT INTO {table} BY NAME SELECT * FROM "frame_{table}"')
    con.unregister(f"frame_{table}")


def load_batch(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame],
               quarantine: pl.DataFrame | None = None, dq_results: pl.DataFrame | None = None) -> None:
    """Replace whatever was derived from these documents before, with the batch's quarantined rows
    and data-quality results, in one transaction."""
    doc_ids = frames["documents"].select("doc_id")
    for table in PER_DOCUMENT:  # (keys DuckDB does not hold as constraints: sql/schema/013)
        if not TABLES[table].key_enforced and (n := TABLES[table].duplicate_keys(frames[table])):
            raise duckdb.ConstraintException(f"{table}: {n} rows of the batch share a key "
                                             f"({', '.join(TABLES[table].key)}) with another row")
    with transaction(con):
        con.register("batch_doc_ids", doc_ids.to_arrow())
        if con.execute(sql("load/batch_doc_ids_loaded_before")).fetchall()[0][0]:
            for table in reversed(PER_DOCUMENT):  # children first
                con.execute(sql("load/delete_derived_rows").format(table=table))
        con.register("batch_entities", frames["entities"].to_arrow())
        con.execute(sql("load/insert_new_entities"))
        for table in PER_DOCUMENT:
            insert_frame(con, table, frames[table])
        for table, frame in (("quarantine", quarantine), ("dq_results", dq_results)):
            if frame is not None:
                insert_frame(con, table, frame)
        con.unregister("batch_doc_ids")
        con.unregister("batch_entities")


def start_run(con, run_id: str, flow_run_id: str | None, pipeline_version: str, model_name: str) -> bool:
    """Record the run as running (marking `interrupted` any left `running` by a process that died:
    the caller holds the run lock, so none of them is live). True when the last run before it did
    not complete (what it loaded is still to be resolved across the warehouse), or when documents
    predate the derived tables (a warehouse of an earlier version)."""
    con.execute(sql("load/mark_interrupted_runs"))
    interrupted = bool(con.execute(sql("load/last_run_unfinished")).fetchone()[0])
    con.execute(
        sql("load/start_run"),
        {"run_id": run_id, "flow_run_id": flow_run_id, "pipeline_version": pipeline_version,
         "model_name": model_name},
    )
    return interrupted


def finish_run(con, run_id: str, status: str, counts: dict[str, int], rejects: list[Reject]) -> None:
    """The run's rejects and its final row, together (a retry after a fault never doubles them)."""
    with transaction(con):
        record_rejects(con, run_id, rejects)
        con.execute(sql("load/finish_run"), {"run_id": run_id, "status": status, **counts})


def record_dq_results(con, dq_results: pl.DataFrame, quarantine: pl.DataFrame | None = None) -> None:
    with transaction(con):
        insert_frame(con, "dq_results", dq_results)
        if quarantine is not None:
            insert_frame(con, "quarantine", quarantine)


def record_rejects(con, run_id: str, rejects: list[Reject]) -> None:
    if not rejects:
        return
    frame = TABLES["rejects"].frame([{"run_id": run_id, "source_uri": r.source_uri, "stage": r.stage,
                                      "error": r.error, "doc_id": r.doc_id} for r in rejects], omit=("at",))
    con.register("batch_rejects", frame.to_arrow())
    con.execute(sql("load/insert_rejects"))
    con.unregister("batch_rejects")


def learned_boilerplate(con) -> dict[str, set[str]]:
    """Lines learnt as repeated chrome, by scope (publisher, or '' when unknown)."""
    learned: dict[str, set[str]] = {}
    for scope, line in con.execute(sql("load/learned_boilerplate")).fetchall():
        learned.setdefault(scope, set()).add(line)
    return learned


def refresh_derived_tables(con) -> None:
    """What is recomputed from all loaded rows once per run: lone names resolved across the
    warehouse, one label per entity name, learned boilerplate, entity aliases; within
    NEWSFACTS_DUCKDB_REFRESH_MEMORY_LIMIT, then back to the batches' limit."""
    settings = Settings()
    con.execute(f"SET memory_limit = '{settings.duckdb_refresh_memory_limit}'")  # (validated by the setting)
    try:
        _refresh_derived_tables(con, settings)
    finally:
        con.execute(f"SET memory_limit = '{settings.duckdb_memory_limit}'")


def _refresh_derived_tables(con, settings: Settings) -> None:
    resolve_across_warehouse(con)
    vote_labels_across_warehouse(con)
    learned = learned_chrome(con, settings.shared_line_min_documents, settings.chrome_min_stories)
    with transaction(con):
        con.register("learned_chrome", learned.to_arrow())
        con.execute(sql("load/refresh_learned_boilerplate"))
        con.unregister("learned_chrome")
        con.execute(sql("load/refresh_entity_aliases"))
    refresh_story_clusters(con, settings.story_similarity, settings.stream_rows)
    refresh_claims(con, settings.claim_spread, settings.stream_rows)


def refresh_story_clusters(con, threshold: float, chunk_rows: int) -> None:
    """Sign the bodies not signed yet, file every signature under its band keys, and find the
    versions of each story among the pairs filed together (transforms/stories.py). All of it in
    streams of chunks and in DuckDB: memory holds the versions of stories of two or more, not a
    signature per document."""
    con.execute(sql("load/stale_story_signatures"))
    reader = con.cursor()  # (a stream of its own: the connection writes the signatures meanwhile)
    unsigned = _rows(reader, sql("load/unsigned_documents"))
    while chunk := list(itertools.islice(unsigned, chunk_rows)):
        insert_frame(con, "story_signatures", pl.DataFrame(
            [(doc_id, run_id, signature(body)) for doc_id, run_id, body in chunk],
            schema=TABLES["story_signatures"].columns, orient="row"))
    con.register("story_band_ranges", pl.DataFrame(band_ranges(threshold), orient="row", schema=STORY_BAND_RANGES
                                                   ).with_row_index("band").to_arrow())
    con.execute(sql("load/story_bands"))
    con.unregister("story_band_ranges")
    first = first_versions((a, rank_a, b, rank_b) for a, rank_a, packed_a, b, rank_b, packed_b
                           in _rows(con, sql("load/story_candidate_pairs")) if similarity(packed_a, packed_b) >= threshold)
    con.register("story_members", pl.DataFrame(list(first.items()), orient="row", schema=STORY_MEMBERS).to_arrow())
    rows = pl.DataFrame([(doc_id, story, similarity(packed, packed_first)) for doc_id, story, packed, packed_first
                         in _rows(con, sql("load/story_member_signatures"))], orient="row",
                        schema={**STORY_MEMBERS, "similarity": pl.Float64})
    con.execute("DROP TABLE story_bands; DROP TABLE story_ranked")
    con.unregister("story_members")
    with transaction(con):
        con.register("story_rows", rows.to_arrow())
        con.execute(sql("load/refresh_story_clusters"))
        con.unregister("story_rows")


STORY_BAND_RANGES = {"start": pl.Int32, "stop": pl.Int32}
STORY_MEMBERS = {"doc_id": pl.String, "story_id": pl.String}


def _insert_rows(con, table: str, schema: dict, rows: list[tuple]) -> None:
    """Rows into a table that is not one of the warehouse's declared ones (a run's working table)."""
    con.register("rows_chunk", pl.DataFrame(rows, orient="row", schema=schema).to_arrow())
    con.execute(f"INSERT INTO {table} SELECT * FROM rows_chunk")
    con.unregister("rows_chunk")


def refresh_claims(con, spread: float, chunk_rows: int) -> None:
    """The versions of each claim, from all the facts (transforms/claims.py), a measure at a time."""
    reader = con.cursor()  # (a stream of its own: the connection writes the claims meanwhile)
    candidates = (Candidate(kind, unit, measure, fact_id, doc_id, value, frozenset(context or ()))
                  for kind, unit, measure, fact_id, doc_id, value, _, context
                  in _rows(reader, sql("load/claim_candidates")))
    rows = ((claim_id, v.fact_id, v.doc_id, v.measure, len(versions), len({w.doc_id for w in versions}))
            for claim_id, versions in claims_of(candidates, spread) for v in versions)
    with transaction(con):
        con.execute("DELETE FROM claims")
        while chunk := list(itertools.islice(rows, chunk_rows)):
            insert_frame(con, "claims", pl.DataFrame(chunk, schema=TABLES["claims"].columns, orient="row"))


def learned_chrome(con, min_documents: int, min_stories: int) -> pl.DataFrame:
    """The lines of each publisher's pages that are its chrome: the rule a run applies to its inputs
    (boilerplate.repeated_chrome; here a document's prose is measured by its body lines), so that
    two versions of one story, or one wire story, never teach their sentences."""
    body_lines = dict(con.execute(sql("load/body_line_counts")).fetchall())
    con.execute(sql("load/shared_line_candidates"), {"min_documents": min_documents})
    scopes = [scope for (scope,) in con.execute(sql("load/chrome_candidate_scopes")).fetchall()]
    rows = [(scope, line, n) for scope in scopes
            for line, n in repeated_chrome(_candidate_lines(con, scope), body_lines, min_documents, min_stories).items()]
    con.execute("DROP TABLE chrome_candidates")
    return pl.DataFrame(rows, schema={"scope": pl.String, "line": pl.String, "n_documents": pl.Int32}, orient="row")


def _candidate_lines(con, scope: str):
    """A function that reads the candidate lines of a scope afresh, line by line, with the documents
    holding each (so that memory holds one line's documents at a time, not every line's)."""
    def read() -> Iterator[tuple[str, list[str]]]:
        rows = _rows(con, sql("load/chrome_candidate_lines"), {"scope": scope})
        for line, held in itertools.groupby(rows, key=operator.itemgetter(0)):
            yield line, [doc_id for _, doc_id in held]
    return read


def known_full_names(con) -> dict[str, set[str]]:
    known: dict[str, set[str]] = {}
    for label, name in con.execute(sql("load/known_full_names")).fetchall():
        known.setdefault(label, set()).add(name)
    return known


def lone_names_in_company(con, resolved: dict[tuple[str, str], str | None]) -> set[tuple[str, str, str]]:
    """(doc_id, label, lone name) where the lone name's document shares company with one naming the
    full name it may resolve to (sql/load/lone_names_in_company.sql)."""
    candidates = pl.DataFrame([(label, name, full) for (label, name), full in resolved.items() if full],
                              orient="row", schema={"label": pl.String, "name": pl.String, "full_name": pl.String})
    con.register("lone_candidates", candidates.to_arrow())
    try:
        return {tuple(row) for row in con.execute(sql("load/lone_names_in_company")).fetchall()}
    finally:
        con.unregister("lone_candidates")


def resolve_across_warehouse(con) -> int:
    """Resolve lone names (a surname, a short form) against the full names of the whole
    warehouse, from scratch: the result depends on which documents are loaded, never on the
    batches or runs they came in. A lone name two or more full names end with stays an entity of
    its own document; one full name ends with joins it where the two pages name someone in
    common. Returns the mentions re-pointed (a lone name the label vote moved is put back
    on its own label's entity here, and moved again by the vote that follows)."""
    reader = con.cursor()  # (a stream of its own: the connection writes the changes meanwhile)

    def lone() -> Iterator[tuple]:
        return (r for r in _rows(reader, sql("load/lone_name_mentions")) if len(r[5].split()) == 1)

    resolved = resolve_lone_names({(label, name) for *_, label, name, _ in lone()}, known_full_names(con))
    in_company = lone_names_in_company(con, resolved)

    def changes() -> Iterator[tuple]:
        for doc_id, start, end, text, label, name, entity_id in lone():
            full = resolved.get((label, name))
            if (label, name) in resolved and full is None:  # two or more full names end with it
                canonical, how, new_id = name, LONE_NAME_AMBIGUOUS, entity_id_for(name, label, doc_id)
            else:
                full = full if (doc_id, label, name) in in_company else None
                canonical, how = (full, LONE_NAME_RESOLVED) if full else (name, unresolved_how(name, text))
                new_id = entity_id_for(canonical, label)
            if new_id != entity_id:
                yield doc_id, start, end, entity_id, new_id, canonical, label, how

    con.execute(sql("load/lone_name_changes"))
    changed, stream = 0, changes()
    try:
        while chunk := list(itertools.islice(stream, Settings().stream_rows)):
            _insert_rows(con, "lone_name_changes", LONE_NAME_CHANGES, chunk)
            changed += len(chunk)
        if changed:
            with transaction(con):
                con.execute(sql("load/apply_lone_name_resolution"))
    finally:
        reader.close()
        con.execute("DROP TABLE lone_name_changes")
    return changed


LONE_NAME_CHANGES = {"doc_id": pl.String, "start_char": pl.Int32, "end_char": pl.Int32, "entity_id": pl.String,
                     "new_entity_id": pl.String, "canonical_name": pl.String, "label": pl.String,
                     "resolved_by": pl.String}


def _rows(executor, statement: str, params: dict | None = None) -> Iterator[tuple]:
    """The rows of a query, fetched a chunk at a time (NEWSFACTS_STREAM_ROWS): memory holds a
    chunk, not the result."""
    result, size = executor.execute(statement, params or {}), Settings().stream_rows
    while chunk := result.fetchmany(size):
        yield from chunk


def vote_labels_across_warehouse(con) -> int:
    """One label per entity name across the warehouse, from scratch: a name its documents print
    with two labels joins the entity of the label most of its mentions carry, when that is a clear
    majority (entities.label; each mention keeps the label its document gave it); every other
    mention points at the entity of its own label. Returns the names printed with two labels."""
    targets = label_targets(con.execute(sql("load/label_votes"),
                                        {"unintroduced": UNINTRODUCED_PERSON_VOTE}).fetchall())
    if targets:
        frame = pl.DataFrame(targets, orient="row", schema={
            "canonical_name": pl.String, "label": pl.String, "target_entity_id": pl.String, "target_label": pl.String})
        with transaction(con):
            con.register("label_targets", frame.to_arrow())
            con.execute(sql("load/apply_label_votes"))
            con.unregister("label_targets")
    by_name: dict[str, set[str]] = {}
    for name, label, *_ in targets:
        by_name.setdefault(name.casefold(), set()).add(label)
    return sum(len(labels) > 1 for labels in by_name.values())


def table_counts(con) -> dict[str, int]:
    """Rows per table, every table of the declaration, in its order."""
    return {table: con.execute(sql("load/table_count").format(table=table)).fetchone()[0] for table in TABLES}


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
