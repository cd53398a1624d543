"""The declaration in transforms/schema.py is the one definition of each table: the migrations, the
Great Expectations suites and the frames the stages build must agree with it."""

import datetime as dt
import json

import duckdb
import polars as pl
import pytest

from flows import warehouse
from flows.validation import suite_definitions
from transforms.schema import BATCH, FOREIGN_KEYS, PER_DOCUMENT, TABLES
from transforms.tables import batch_frames

DUCKDB_TYPES = {pl.String: "VARCHAR", pl.Int32: "INTEGER", pl.Int64: "BIGINT", pl.Float64: "DOUBLE",
                pl.Date: "DATE", pl.Binary: "BLOB", pl.Boolean: "BOOLEAN"}


def duckdb_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.Datetime):
        return "TIMESTAMP WITH TIME ZONE"
    if isinstance(dtype, pl.List):
        return duckdb_type(dtype.inner) + "[]"
    return DUCKDB_TYPES[dtype.base_type()]


def test_the_migrations_create_exactly_the_declared_tables_columns_types_and_keys(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    try:
        tables = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        assert tables - {"schema_migrations"} == set(TABLES)
        for name, table in TABLES.items():
            columns = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                  "WHERE table_name = ? ORDER BY ordinal_position", [name]).fetchall()
            declared = [(c, table.sql_types.get(c) or duckdb_type(t)) for c, t in table.columns.items()]
            assert columns == declared, name
            keys = con.execute("SELECT constraint_column_names FROM duckdb_constraints() "
                               "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'", [name]).fetchall()
            assert [tuple(k) for (k,) in keys] == ([table.key] if table.key and table.key_enforced else []), name
    finally:
        con.close()


def test_every_suite_is_named_after_a_declared_table_and_checks_declared_columns():
    from tests.test_validation import NOW, TODAY, good_frames
    from transforms.quality import add_check_columns
    from transforms.staging import stage_bytes
    from transforms.tables import raw_documents_frame

    suites = suite_definitions()
    assert set(suites) <= set(TABLES)
    assert {*PER_DOCUMENT, "raw_documents", "entities"} <= set(suites)
    raw = raw_documents_frame(stage_bytes("a.txt", b"Troops detained 12 men.").documents, NOW)
    checked = add_check_columns({**good_frames(), "raw_documents": raw}, TODAY)  # derived columns, checked too
    for name, suite in suites.items():
        derived = set(checked[name].columns) if name in checked else set()
        for expectation in suite["expectations"]:
            kwargs = expectation["kwargs"]
            columns = [kwargs.get("column"), *kwargs.get("column_list", []), kwargs.get("column_A"),
                       kwargs.get("column_B")]
            for column in filter(None, columns):
                assert column in TABLES[name].columns or column in derived, (name, column)


def test_the_frames_a_batch_builds_have_the_declared_columns_and_types():
    from tests.test_validation import good_frames

    frames = good_frames()
    assert set(frames) == set(BATCH)
    for name, frame in frames.items():
        assert frame.schema == pl.Schema(TABLES[name].columns), name
    empty = batch_frames([], {}, {}, "run", dt.datetime.now(dt.timezone.utc), {}, {})
    assert {name: dict(f.schema) for name, f in empty.items()} == {name: TABLES[name].columns for name in empty}


def test_every_declared_foreign_key_names_a_declared_column_and_is_checked_per_batch_and_in_dq(tmp_path):
    from flows.dq import table_checks
    from tests.test_validation import good_frames
    from transforms.quality import foreign_key_checks

    for table, column, parent, parent_column in FOREIGN_KEYS:
        assert column in TABLES[table].columns and parent_column in TABLES[parent].key, (table, column)
    in_batch = {(r.suite, r.column) for r in foreign_key_checks(good_frames())}
    assert in_batch == {(t, c) for t, c, parent, _ in FOREIGN_KEYS if t in BATCH and parent in BATCH}
    con = warehouse.connect(tmp_path / "w.duckdb")
    try:
        in_dq = {(r.suite, r.column) for r in table_checks(con) if r.expectation.startswith("foreign_key_")}
    finally:
        con.close()
    assert in_dq == {(t, c) for t, c, _, _ in FOREIGN_KEYS}


def test_duckdb_cannot_hold_our_foreign_keys_as_constraints_so_they_are_checked_instead(tmp_path):
    """Why `references` in transforms/schema.py is checked per batch and by `newsfacts dq` rather
    than declared in the DDL: a batch replaces a document's rows in one transaction (children
    deleted, then the document, then all loaded again), and DuckDB refuses to delete a row whose
    key a child row deleted in the same transaction still names. When DuckDB lifts that limit this
    test fails, and the foreign keys can become constraints."""
    con = warehouse.connect(tmp_path / "w.duckdb")
    try:
        con.execute("CREATE TABLE parent (doc_id VARCHAR PRIMARY KEY)")
        con.execute("CREATE TABLE child (doc_id VARCHAR REFERENCES parent (doc_id), line_no INTEGER)")
        con.execute("INSERT INTO parent VALUES ('d1'); INSERT INTO child VALUES ('d1', 1)")
        con.execute("CREATE TEMP TABLE batch_doc_ids AS SELECT 'd1' AS doc_id")
        with pytest.raises(duckdb.ConstraintException, match="still referenced"):
            with warehouse.transaction(con):
                for table in ("child", "parent"):  # children first, as load_batch does
                    con.execute(warehouse.sql("load/delete_derived_rows").format(table=table))
        assert con.execute("SELECT count(*) FROM child").fetchone()[0] == 1  # rolled back whole
    finally:
        con.close()


def test_every_declared_table_and_column_says_what_it_means_in_the_warehouse_and_in_newsfacts_schema(tmp_path):
    from flows.cli import app
    from typer.testing import CliRunner

    db = tmp_path / "w.duckdb"
    warehouse.connect(db).close()
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
        columns = {(t, c): m for t, c, m in con.execute(
            "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE database_name = 'w'").fetchall()}
    finally:
        con.close()
    for name, table in TABLES.items():
        assert (tables.get(name) or "").strip(), name
        for column in table.columns:
            assert (columns.get((name, column)) or "").strip(), (name, column)
    listed = CliRunner().invoke(app, ["schema", "--db", str(db), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert {row["table"]: row["meaning"] for row in json.loads(listed.output)}.items() >= \
        {name: tables[name] for name in TABLES}.items()
    facts = CliRunner().invoke(app, ["schema", "facts", "--db", str(db), "--format", "json"])
    assert [row["column"] for row in json.loads(facts.output)] == list(TABLES["facts"].columns)
    before_a_first_run = CliRunner().invoke(app, ["schema", "--db", str(tmp_path / "none.duckdb"), "--format", "csv"])
    assert before_a_first_run.exit_code == 0 and "facts," in before_a_first_run.output
    assert not (tmp_path / "none.duckdb").exists()
    wrong = CliRunner().invoke(app, ["schema", "fact", "--db", str(db)])
    assert wrong.exit_code == 2 and "no table 'fact'" in wrong.output and "facts" in wrong.output
