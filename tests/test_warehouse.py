import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows import warehouse
from flows.settings import SQL_DIR
from transforms.boilerplate import LabelledLine
from transforms.documents import CleanDocument
from transforms.facts import Fact
from transforms.tables import batch_frames, raw_documents_frame
from transforms.staging import stage_bytes

NOW = dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc)


def a_document(doc_id: str, body: str = "Troops detained 12 men.") -> CleanDocument:
    return CleanDocument(doc_id=doc_id, source_uri=f"{doc_id}.txt", external_id=None, media_type="text/plain",
                         title="T", dek=None, publisher=None, published_date=None, language="en",
                         body_text=body, n_words=4, captions=[], lines=[])


def a_fact(start: int = 16) -> Fact:
    return Fact(start, start + 2, "Troops detained 12 men.", "12", 12.0, None, None, "=", "count", None,
                "men", "detain", "ARREST", None)


def test_migrations_are_idempotent_and_recorded(tmp_path):
    db = tmp_path / "w.duckdb"
    warehouse.connect(db).close()
    con = warehouse.connect(db)
    versions = con.execute("SELECT version, duckdb_version FROM schema_migrations ORDER BY 1").fetchall()
    migrations = sorted(p.stem for p in (SQL_DIR / "schema").glob("*.sql") if p.stem != "000_schema_version")
    assert [v for v, _ in versions] == migrations and len(migrations) >= 8
    assert versions[0][1] == duckdb.__version__
    assert {"raw_documents", "documents", "document_lines", "entities", "entity_mentions", "facts", "runs",
            "rejects"} <= {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def test_staging_the_same_bytes_twice_keeps_one_row(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    staged = stage_bytes("a.txt", b"Exact bytes \xe2\x80\x94 kept.\r\n").documents
    for _ in range(2):
        warehouse.stage_raw_documents(con, raw_documents_frame(staged, NOW))
    assert con.execute("SELECT raw FROM raw_documents").fetchall() == [(b"Exact bytes \xe2\x80\x94 kept.\r\n",)]


def test_a_failing_batch_leaves_the_warehouse_as_it_was(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    good = batch_frames([a_document("a" * 64)], {}, {"a" * 64: [a_fact()]}, "run-1", NOW)
    warehouse.load_batch(con, good)
    before = warehouse.table_counts(con)
    broken = batch_frames([a_document("b" * 64)], {}, {"b" * 64: [a_fact(), a_fact()]}, "run-2", NOW)
    with pytest.raises(duckdb.ConstraintException):  # duplicate fact_id: the last insert fails
        warehouse.load_batch(con, broken)
    assert warehouse.table_counts(con) == before
    assert con.execute("SELECT count(*) FROM documents WHERE doc_id = ?", ["b" * 64]).fetchall() == [(0,)]


def test_reloading_a_document_replaces_its_rows(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    frames = batch_frames([a_document("a" * 64)], {}, {"a" * 64: [a_fact()]}, "run-1", NOW)
    warehouse.load_batch(con, frames)
    warehouse.load_batch(con, frames)
    assert con.execute("SELECT count(*) FROM facts").fetchall() == [(1,)]
    assert warehouse.processed_doc_ids(con, ["a" * 64, "c" * 64], "0.1.0+x", "model") == ({"a" * 64}, set())


def test_read_only_connection_to_a_missing_file_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        warehouse.connect(tmp_path / "missing.duckdb", read_only=True)


def test_frames_have_the_warehouse_types():
    frames = batch_frames([a_document("a" * 64)], {}, {}, "run-1", NOW)
    assert frames["facts"].is_empty() and frames["documents"].schema["n_words"] == pl.Int32


def test_the_corpus_pass_learns_lines_repeated_across_a_publishers_documents(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    chrome = LabelledLine(9, "Support our newsroom today.", "body", "prose_in_article")
    docs = []
    for n, publisher in enumerate(["Daily", "Daily", "Other"]):
        doc = a_document(str(n) * 64)
        doc = CleanDocument(**{**doc.__dict__, "publisher": publisher, "publisher_from": "record",
                               "lines": [LabelledLine(1, f"Unique line {n}.", "body", "prose_in_article"), chrome]})
        docs.append(doc)
    warehouse.load_batch(con, batch_frames(docs, {}, {}, "run-1", NOW))
    warehouse.refresh_derived_tables(con)
    assert warehouse.learned_boilerplate(con) == {"Daily": {"Support our newsroom today."}}


def test_a_publisher_read_from_the_pages_text_does_not_scope_learned_chrome(tmp_path):
    """Plain-text pages are cleaned before their publisher is read off them, so what they repeat
    is learned for the unknown scope '' that their next page is cleaned with."""
    con = warehouse.connect(tmp_path / "w.duckdb")
    chrome = LabelledLine(9, "Support our newsroom today.", "body", "prose_in_article")
    docs = [CleanDocument(**{**a_document(str(n) * 64).__dict__, "publisher": "Daily", "publisher_from": "copyright_line",
                             "lines": [LabelledLine(1, f"Unique line {n}.", "body", "prose_in_article"), chrome]})
            for n in range(2)]
    warehouse.load_batch(con, batch_frames(docs, {}, {}, "run-1", NOW))
    warehouse.refresh_derived_tables(con)
    assert warehouse.learned_boilerplate(con) == {"": {"Support our newsroom today."}}
    assert con.execute("SELECT DISTINCT publisher, publisher_from FROM documents").fetchall() == \
        [("Daily", "copyright_line")]


def duckdb_1x(db, statement: str) -> subprocess.CompletedProcess:
    """The DuckDB 1.x command-line shell (the duckdb-cli package), read-only on db."""
    shell = shutil.which("duckdb", path=str(Path(sys.executable).parent))
    assert shell, "the duckdb-cli package (a DuckDB 1.x shell) is a dev dependency"
    return subprocess.run([shell, "-readonly", "-csv", "-noheader", str(db), "-c", statement],
                          capture_output=True, text=True, timeout=60)


def test_an_old_format_warehouse_is_rewritten_once_with_rows_and_keys_kept(tmp_path):
    db = tmp_path / "w.duckdb"
    con = warehouse.connect(db, storage_version="latest")
    warehouse.stage_raw_documents(con, raw_documents_frame(stage_bytes("a.txt", b"Some text.").documents, NOW))
    con.close()
    assert warehouse.storage_version_of(db).startswith("v2.")
    unreadable = duckdb_1x(db, "SELECT count(*) FROM raw_documents")
    assert unreadable.returncode != 0 and "version" in unreadable.stderr

    assert warehouse.needs_rewrite(db, "v1.1.0")
    counts = warehouse.rewrite_in_storage_version(db, "v1.1.0")
    assert counts["raw_documents"] == 1 and counts["schema_migrations"] == len(
        [p for p in warehouse.SQL_DIR.glob("schema/*.sql") if not p.name.startswith("000")])
    assert not warehouse.needs_rewrite(db, "v1.1.0") and not (tmp_path / "w.duckdb.rewrite").exists()
    assert duckdb_1x(db, "SELECT version(); SELECT count(*) FROM raw_documents").stdout.split()[1:] == ["1"]
    assert duckdb_1x(db, "SELECT version()").stdout.startswith("v1.")
    con = warehouse.connect(db)
    with pytest.raises(duckdb.ConstraintException):  # the primary key came along
        con.execute("INSERT INTO raw_documents SELECT * FROM raw_documents")
    con.close()


def test_the_warehouse_never_learns_the_sentences_two_versions_of_a_story_share(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    story = [f"The council approved budget line {n} after a long and heated debate." for n in range(6)]
    chrome = "Support our newsroom today."
    versions = [story, story[:3] + ["The vote was 31 to 12, officials said on Tuesday."] + story[3:],
                ["The old bridge will close for six weeks from Monday morning."]]
    docs = []
    for n, lines in enumerate(versions):
        doc = a_document(str(n) * 64)
        docs.append(CleanDocument(**{**doc.__dict__, "publisher": "Daily", "publisher_from": "record", "lines": [
            LabelledLine(i + 1, text, "body", "prose_in_article") for i, text in enumerate([*lines, chrome])]}))
    warehouse.load_batch(con, batch_frames(docs, {}, {}, "run-1", NOW))
    warehouse.refresh_derived_tables(con)
    assert warehouse.learned_boilerplate(con) == {"Daily": {chrome}}
    con.close()


def test_a_lone_name_two_people_share_stays_apart_in_each_document_and_joins_the_one_person_otherwise(tmp_path):
    from transforms.entities import Mention, entity_id_for

    def mention(name: str, start: int = 0, label: str = "PERSON") -> Mention:
        return Mention(start, start + len(name), name, label, name, name, entity_id_for(name, label), "exact")

    con = warehouse.connect(tmp_path / "w.duckdb")
    named = {"1" * 64: [mention("Anna Smith")], "2" * 64: [mention("John Smith")],
             "3" * 64: [mention("Ruth Gantz"), mention("Likud", 20, "ORG")],
             "4" * 64: [mention("Smith"), mention("Gantz", 10), mention("Likud", 20, "ORG")], "5" * 64: [mention("Smith")],
             "6" * 64: [mention("Gantz"), mention("Acme Films", 20, "ORG")]}  # a namesake on another story's page
    docs = [a_document(doc_id) for doc_id in named]
    warehouse.load_batch(con, batch_frames(docs, named, {}, "run-1", NOW))
    warehouse.refresh_derived_tables(con)
    rows = con.execute("""SELECT m.doc_id, m.name, e.canonical_name, m.resolved_by, m.entity_id
                          FROM entity_mentions m JOIN entities e USING (entity_id)
                          WHERE m.name IN ('Smith', 'Gantz') ORDER BY m.doc_id, m.name""").fetchall()
    (_, _, gantz, gantz_how, _), (_, _, smith4, how4, id4), (_, _, smith5, how5, id5), (_, _, gantz6, how6, _) = rows
    assert (gantz, gantz_how) == ("Ruth Gantz", "short_form_known_in_warehouse")  # both pages name Likud
    assert (gantz6, how6) == ("Gantz", "exact")  # no one in common with Ruth Gantz's page
    assert (smith4, smith5, how4, how5) == ("Smith", "Smith", "lone_name_of_two_or_more", "lone_name_of_two_or_more")
    assert id4 != id5  # Anna or John: never one 'Smith' entity for both documents


def test_a_name_printed_with_two_labels_takes_the_label_most_of_its_mentions_carry(tmp_path):
    from transforms.entities import Mention, entity_id_for

    def mentions(name: str, labels: str) -> list[Mention]:
        return [Mention(10 * i, 10 * i + len(name), name, label, name, name, entity_id_for(name, label), "exact")
                for i, label in enumerate(labels.split())]

    con = warehouse.connect(tmp_path / "w.duckdb")
    found = {"1" * 64: mentions("Arsenal", "ORG ORG ORG"), "2" * 64: mentions("Arsenal", "PERSON"),
             "3" * 64: mentions("Jordan", "GPE GPE GPE"), "4" * 64: mentions("Jordan", "PERSON PERSON"),
             "5" * 64: mentions("Blue Moon", "ORG ORG"), "6" * 64: mentions("Blue Moon", "PRODUCT PRODUCT")}
    warehouse.load_batch(con, batch_frames([a_document(d) for d in found], found, {}, "run-1", NOW))
    warehouse.refresh_derived_tables(con)
    entities = con.execute("""SELECT e.canonical_name, e.label, count(*) FROM entity_mentions m
                              JOIN entities e USING (entity_id) GROUP BY ALL ORDER BY ALL""").fetchall()
    # Jordan: a lone "person" no document names in full votes with half a voice; Blue Moon: no
    # clear majority, two entities
    assert entities == [("Arsenal", "ORG", 4), ("Blue Moon", "ORG", 2), ("Blue Moon", "PRODUCT", 2),
                        ("Jordan", "GPE", 5)]
    assert con.execute("SELECT count(*) FROM entity_mentions WHERE label = 'PERSON' AND doc_id = ?",
                       ["2" * 64]).fetchone() == (1,)  # the mention keeps its document's label
    warehouse.refresh_derived_tables(con)  # from scratch: the same again
    assert con.execute("""SELECT e.canonical_name, e.label, count(*) FROM entity_mentions m
                          JOIN entities e USING (entity_id) GROUP BY ALL ORDER BY ALL""").fetchall() == entities


def test_the_label_vote_gives_the_same_warehouse_whether_documents_come_in_one_run_or_two(tmp_path):
    from transforms.entities import Mention, entity_id_for
    from transforms.quotes import Quote

    def found(labels: str) -> tuple[list[Mention], list[Quote]]:
        ms = [Mention(20 * i, 20 * i + 10, "Paul Smith", label, "Paul Smith", "Paul Smith",
                      entity_id_for("Paul Smith", label), "exact") for i, label in enumerate(labels.split())]
        return ms, [Quote(200, 240, "We will build the new stadium by May", "Paul Smith", ms[0].entity_id, "said")]

    docs = {"1" * 64: found("ORG ORG ORG"), "2" * 64: found("PERSON"), "3" * 64: found("PERSON PERSON PERSON")}

    def load(con, ids: list[str]) -> None:
        mentions = {i: docs[i][0] for i in ids}
        quotes = {i: docs[i][1] for i in ids}
        warehouse.load_batch(con, batch_frames([a_document(i) for i in ids], mentions, {}, "run", NOW, {}, quotes))
        warehouse.refresh_derived_tables(con)

    def tables(con) -> tuple[list, list]:
        mentions = con.execute("""SELECT m.doc_id, m.start_char, e.canonical_name, e.label FROM entity_mentions m
                                  JOIN entities e USING (entity_id) ORDER BY ALL""").fetchall()
        quotes = con.execute("""SELECT q.doc_id, e.canonical_name, e.label FROM quotes q
                                JOIN entities e ON e.entity_id = q.speaker_entity_id ORDER BY ALL""").fetchall()
        return mentions, quotes

    at_once, in_two = warehouse.connect(tmp_path / "a.duckdb"), warehouse.connect(tmp_path / "b.duckdb")
    load(at_once, list(docs))
    load(in_two, ["1" * 64, "2" * 64])
    assert {label for *_, label in tables(in_two)[0]} == {"ORG"}  # 3 ORG to 1 PERSON: a clear majority
    load(in_two, ["3" * 64])
    assert tables(in_two) == tables(at_once)
    assert {label for *_, label in tables(at_once)[0]} == {"ORG", "PERSON"}  # 3 to 4: no clear majority


def test_keys_duckdb_does_not_hold_are_checked_by_the_loader_and_a_rebuilt_table_keeps_its_rows_and_comments(tmp_path):
    """A warehouse made before migration 013 held the per-document keys as primary keys; migrating
    rebuilds those tables without them, rows and comments kept, and the loader still refuses a
    batch whose rows share a key."""
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute(warehouse.sql("schema/000_schema_version"))
    for path in sorted((SQL_DIR / "schema").glob("*.sql")):
        if "000" < path.stem < "013":
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations VALUES (?, now(), ?)", [path.stem, duckdb.__version__])
    con.execute(warehouse.sql("catalogue/comments"))
    warehouse.load_batch(con, batch_frames([a_document("a" * 64)], {}, {"a" * 64: [a_fact()]}, "run-1", NOW))
    con.close()
    con = warehouse.connect(db)  # (migrates: 013 and the comments after it)
    assert (warehouse.table_counts(con)["facts"], warehouse.table_counts(con)["documents"]) == (1, 1)
    enforced = {t for (t,) in con.execute("SELECT DISTINCT table_name FROM duckdb_constraints() "
                                          "WHERE constraint_type = 'PRIMARY KEY'").fetchall()}
    assert "facts" not in enforced and "document_lines" not in enforced and {"documents", "raw_documents"} <= enforced
    assert con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'facts' AND column_name = 'value'"
                       ).fetchall()[0][0]
    twice = batch_frames([a_document("b" * 64)], {}, {"b" * 64: [a_fact(), a_fact()]}, "run-2", NOW)
    with pytest.raises(duckdb.ConstraintException, match="facts: 2 rows of the batch share a key"):
        warehouse.load_batch(con, twice)
    assert con.execute("SELECT count(*) FROM facts").fetchall() == [(1,)]


def test_the_warehouses_label_vote_leaves_a_national_side_apart_from_its_country(tmp_path):
    from transforms.entities import NATIONAL_SIDE, Mention, entity_id_for

    def mentions(label: str, how: str, n: int) -> list[Mention]:
        return [Mention(20 * i, 20 * i + 5, "India", label, "India", "India", entity_id_for("India", label), how)
                for i in range(n)]

    con = warehouse.connect(tmp_path / "w.duckdb")
    found = {"1" * 64: mentions("GPE", "exact", 5), "2" * 64: mentions("ORG", NATIONAL_SIDE, 2)}
    warehouse.load_batch(con, batch_frames([a_document(i) for i in found], found, {}, "run", NOW))
    warehouse.refresh_derived_tables(con)
    labels = con.execute("SELECT m.doc_id, e.label FROM entity_mentions m JOIN entities e USING (entity_id) "
                         "GROUP BY ALL ORDER BY ALL").fetchall()
    assert labels == [("1" * 64, "GPE"), ("2" * 64, "ORG")]  # 5 to 2, yet the side stays the side
