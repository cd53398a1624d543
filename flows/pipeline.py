"""The newsfacts flow: stage → strip boilerplate → entities, dates and quotes → numeric facts →
validate → load."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb
import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE
from prefect.runtime import flow_run

from flows import warehouse
from flows.cluster import cluster_client, extract_on_cluster
from flows.inputs import InputPiece, discover_inputs, plan_pieces, read_piece, windows_of
from flows.isolation import each_alone, error_text, reject_for
from flows.nlp import load_model
from flows.progress import document_progress
from flows.settings import DEFAULT_INPUT, Settings
from flows.summary import RunSummary, run_summary_markdown
from flows.validation import BatchValidation, merge_validations, validate_batch, warm_up_in_background
from transforms.documents import CleanDocument, clean_document, shared_lines_of
from transforms.quality import QUARANTINE_SCHEMA, results_frame
from transforms.entities import Mention, entity_input, page_mentions
from transforms.dates import DateMention, extract_dates
from transforms.facts import Fact, iter_facts_for_texts
from transforms.quotes import Quote, extract_quotes
from transforms.staging import Reject, StagedDocument, first_copies, stage_bytes
from transforms.tables import batch_frames, concat_frames, frames_of, raw_documents_frame

@task(cache_policy=NONE)
def stage_inputs(window: list[InputPiece], max_bytes: int | None = None) -> tuple[list[StagedDocument], list[Reject]]:
    """The documents staged from a window of input pieces, and rejects."""
    max_bytes = max_bytes or Settings().max_input_bytes
    staged: list[StagedDocument] = []
    rejects: list[Reject] = []
    for piece in window:
        raw = read_piece(piece, max_bytes)
        if isinstance(raw, Reject):
            rejects.append(raw)
            continue
        try:
            result = stage_bytes(str(piece.path), raw, max_bytes, piece.first_line)
        except Exception as exc:  # a fault of staging itself: this piece only
            rejects.append(Reject(str(piece.path), "stage", error_text(exc)))
            continue
        staged.extend(result.documents)
        rejects.extend(result.rejects)
    return staged, rejects


@task(cache_policy=NONE)
def strip_boilerplate(
    batch: list[StagedDocument], shared_lines: set[str], learned: dict[str, set[str]],
    on_document: Callable[[], None] = lambda: None, max_chars: int | None = None,
) -> tuple[list[CleanDocument], list[Reject]]:
    max_chars = max_chars or Settings().max_document_chars

    def clean(docs: list[StagedDocument]) -> dict[str, CleanDocument]:
        cleaned = {}
        for staged in docs:
            cleaned[staged.doc_id] = clean_document(staged, shared_lines, learned)
            on_document()
        return cleaned

    cleaned, rejects = each_alone("strip_boilerplate", batch, clean)
    kept = []
    for doc in (cleaned or {}).values():
        length = len(entity_input(doc.preamble, doc.body_text)[0])
        if not doc.n_words:
            rejects.append(reject_for(doc, "strip_boilerplate", "no article text found in the page"))
        elif length > max_chars:
            rejects.append(reject_for(doc, "strip_boilerplate",
                                      f"article text of {length:,} characters is over the limit of {max_chars:,} "
                                      f"(NEWSFACTS_MAX_DOCUMENT_CHARS; spaCy's max_length)"))
        else:
            kept.append(doc)
    return kept, rejects


@task(cache_policy=NONE)
def extract_entities(
    docs: list[CleanDocument], model_name: str, workers: int, on_document: Callable[[], None] = lambda: None,
    per_process: int | None = None,
) -> tuple[dict[str, list[Mention]], dict[str, list[tuple[int, Mention]]], list[Reject]]:
    """NER over each page's title, dek, captions and body; body mentions, resolved within their
    document (across documents once the run has loaded them: `warehouse.resolve_across_warehouse`),
    and the mentions before the body (transforms.entities.page_mentions)."""
    nlp = load_model(model_name, "ner")
    with nlp.memory_zone():  # (the words of these documents leave the model's vocabulary after)
        found, rejects = each_alone("entities", docs, lambda batch: {
            doc.doc_id: both for doc, both in zip(batch, page_mentions(nlp, batch,
                                                                       _processes(batch, workers, per_process),
                                                                       on_document))})
    found = found or {}
    return {doc_id: body for doc_id, (body, _) in found.items()}, \
        {doc_id: before for doc_id, (_, before) in found.items()}, rejects


def _spans(mentions: list[Mention]) -> list[tuple[int, int]]:
    return [(m.start_char, m.end_char) for m in mentions]


@task(cache_policy=NONE)
def extract_dates_and_quotes(
    docs: list[CleanDocument], mentions: dict[str, list[Mention]]
) -> tuple[dict[str, tuple[list[DateMention], list[Quote]]], list[Reject]]:
    found, rejects = each_alone("dates_quotes", docs, lambda batch: {
        d.doc_id: (extract_dates(d.readable_body, d.published_date, _spans(mentions.get(d.doc_id, []))),
                   extract_quotes(d.readable_body, mentions.get(d.doc_id, [])))
        for d in batch})
    return found or {}, rejects


@task(cache_policy=NONE)
def extract_numeric_facts(docs: list[CleanDocument], model_name: str, workers: int,
                          on_document: Callable[[], None] = lambda: None, per_process: int | None = None) -> tuple[dict[str, list[Fact]], list[Reject]]:
    splitter, parser = load_model(model_name, "sentences"), load_model(model_name, "parse")

    def facts_of(batch: list[CleanDocument]) -> dict[str, list[Fact]]:
        facts = {}
        for doc, doc_facts in zip(batch, iter_facts_for_texts(splitter, parser,
                                                              [d.readable_body for d in batch],
                                                              n_process=_processes(batch, workers, per_process))):
            facts[doc.doc_id] = doc_facts
            on_document()
        return facts

    with splitter.memory_zone(), parser.memory_zone():  # (as in extract_entities)
        facts, rejects = each_alone("facts", docs, facts_of)
    return facts or {}, rejects


@task(cache_policy=NONE)
def store_raw_and_select_new(
    db_path: str, staged: list[StagedDocument], settings: Settings, staged_at
) -> tuple[list[StagedDocument], int, dict[str, set[str]]]:
    """Keep the exact bytes of every input; pick the documents not processed yet, and say how many
    of the others a run reading the same way rejected; read the repeated chrome the warehouse has
    learnt."""
    con = warehouse.held(db_path)
    warehouse.stage_raw_documents(con, raw_documents_frame(staged, staged_at))
    loaded, rejected = (set(), set()) if settings.reprocess else warehouse.processed_doc_ids(
        con, [d.doc_id for d in staged], settings.reading_version(), settings.model_name)
    done = loaded | rejected
    # (the raw bytes are in the warehouse now: the documents to process go on without them)
    todo = [replace(doc, raw=b"") for doc in staged if doc.doc_id not in done]
    return todo, len(rejected), warehouse.learned_boilerplate(con)


@task(cache_policy=NONE)
def validate(docs: list[CleanDocument], frames: dict, run_id: str) -> tuple[BatchValidation | None, list[Reject]]:
    return each_alone("validate", docs, lambda part: validate_batch(
        frames if len(part) == len(docs) else frames_of(frames, _ids(part)), run_id), merge=merge_validations)


@task(cache_policy=NONE)
def load(db_path: str, docs: list[CleanDocument], validated: BatchValidation, run_id: str) -> list[Reject]:
    """The batch in one transaction; if it cannot load, each document alone (a fault of the
    warehouse itself stops the run)."""
    con = warehouse.held(db_path)
    results = results_frame(validated.results, run_id)
    with_results = False  # the batch's check results and quarantined rows go in with the whole batch

    def load_part(part: list[CleanDocument]) -> None:
        nonlocal with_results
        if len(part) == len(docs):
            warehouse.load_batch(con, validated.frames, validated.quarantine, results)
            with_results = True
        else:
            warehouse.load_batch(con, frames_of(validated.frames, _ids(part)))

    _, rejects = each_alone("load", docs, load_part, merge=lambda _: None, fatal=warehouse.WAREHOUSE_FAULTS)
    if not with_results:
        warehouse.record_dq_results(con, results, validated.quarantine)
    return rejects


@task(cache_policy=NONE)
def record_failed_batch(db_path: str, validated: BatchValidation, run_id: str) -> None:
    """A batch that failed a table check is not loaded; its results are kept, its raw bytes stay."""
    warehouse.record_dq_results(warehouse.held(db_path), results_frame(validated.results, run_id))


def _processes(batch: list, workers: int, per_process: int | None) -> int:
    """spaCy processes for a batch: at most `workers`, one per `per_process` documents (a process
    costs a model load: a small batch, or a document read alone, is read in this one)."""
    return min(workers, max(1, len(batch) // (per_process or Settings().min_documents_per_process)))


def _ids(docs) -> set[str]:
    return {d.doc_id for d in docs}


def _batches(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _count_outcomes(summary: RunSummary, validated: BatchValidation) -> None:
    for result in validated.results:
        if not result.success:
            summary.failed_checks[(result.severity, result.suite, result.column or "", result.expectation)] += 1
    if validated.quarantine.height:
        for table, expectation in validated.quarantine.select("table_name", "expectation").iter_rows():
            summary.quarantined[(table, expectation)] += 1


def _without(docs: list[CleanDocument], rejects: list[Reject], into: list[Reject]) -> list[CleanDocument]:
    """The documents `rejects` does not name; the rejects go into `into`."""
    into.extend(rejects)
    failed = {r.doc_id for r in rejects}
    return [d for d in docs if d.doc_id not in failed]


@dataclass
class Extracted:
    """What the heavy stages read from a batch: its documents that went through every stage, what
    each stage found, and the documents a stage rejected."""
    docs: list[CleanDocument]
    mentions: dict[str, list[Mention]]
    preamble: dict[str, list[tuple[int, Mention]]]
    dates_quotes: dict[str, tuple[list[DateMention], list[Quote]]]
    facts: dict[str, list[Fact]]
    rejected: list[Reject]


class _Unseen:
    """Progress nobody watches (on a cluster's worker)."""

    def stage(self, name: str) -> Callable[[int], None]:
        return lambda n=1: None


def extract_batch(batch: list[StagedDocument], settings: Settings, shared_lines: set[str],
                  learned: dict[str, set[str]], progress=_Unseen(), as_task: Callable = lambda task: task) -> Extracted:
    """Clean, then entities, dates and quotes, then numeric facts: each stage a Prefect task in a
    flow run, or (`as_task=lambda t: t.fn`, on a cluster's worker) the function it runs. A document
    that fails a stage is rejected with that stage and the others go on."""
    rejected: list[Reject] = []

    def surviving(docs: list[CleanDocument], stage_rejects: list[Reject]) -> list[CleanDocument]:
        return _without(docs, stage_rejects, rejected)

    docs = surviving(*as_task(strip_boilerplate)(batch, shared_lines, learned, progress.stage("clean"),
                                                 settings.max_document_chars))
    per_process = settings.min_documents_per_process
    mentions, preamble, stage_rejects = as_task(extract_entities)(docs, settings.model_name, settings.workers,
                                                                  progress.stage("entities"), per_process)
    docs = surviving(docs, stage_rejects)
    dates_quotes, stage_rejects = as_task(extract_dates_and_quotes)(docs, mentions)
    docs = surviving(docs, stage_rejects)
    facts, stage_rejects = as_task(extract_numeric_facts)(docs, settings.model_name, settings.workers,
                                                          progress.stage("facts"), per_process)
    return Extracted(surviving(docs, stage_rejects), mentions, preamble, dates_quotes, facts, rejected)


def process_batch(db_path: str, batch: list[StagedDocument], settings: Settings, summary: RunSummary,
                  shared_lines: set[str], learned: dict[str, set[str]], progress,
                  extracted: Extracted | None = None) -> int:
    """Clean, extract (unless a cluster did: `extracted`), validate and load one batch; returns the
    documents loaded. A document that fails a stage is rejected with that stage and the others go on."""
    def surviving(docs: list[CleanDocument], rejected: list[Reject]) -> list[CleanDocument]:
        return _without(docs, rejected, summary.rejected)

    extracted = extracted or extract_batch(batch, settings, shared_lines, learned, progress)
    summary.rejected += extracted.rejected
    docs, mentions, dates_quotes, facts = extracted.docs, extracted.mentions, extracted.dates_quotes, extracted.facts
    if not docs:
        return 0
    at = warehouse.utc_now()
    frames, rejected = each_alone("frames", docs, lambda part: batch_frames(
        part, mentions, facts, summary.run_id, at,
        {d.doc_id: dates_quotes[d.doc_id][0] for d in part}, {d.doc_id: dates_quotes[d.doc_id][1] for d in part},
        extracted.preamble,
    ), merge=concat_frames)
    docs = surviving(docs, rejected)
    if frames is None:
        return 0
    if settings.validate_batches:
        validated, rejected = validate(docs, frames, summary.run_id)
        docs = surviving(docs, rejected)
        if validated is None:
            return 0
    else:
        validated = BatchValidation(frames, pl.DataFrame(schema=QUARANTINE_SCHEMA))
    _count_outcomes(summary, validated)
    if validated.failed_table_checks:
        record_failed_batch(db_path, validated, summary.run_id)
        failed = "; ".join(f"{r.suite}.{r.column}: {r.expectation} ({r.observed})"
                           for r in validated.failed_table_checks)
        summary.rejected += [reject_for(d, "validate", f"batch failed: {failed}") for d in docs]
        summary.status = "failed"
        return 0
    passed = set(validated.frames["documents"]["doc_id"])
    docs = surviving(docs, [reject_for(d, "validate", "quarantined by a failed row check (see the quarantine table)")
                            for d in docs if d.doc_id not in passed])
    docs = surviving(docs, load(db_path, docs, validated, summary.run_id))
    summary.n_quarantined += validated.quarantine.height
    return len(docs)


def process_window(db_path: str, window: list[InputPiece], number: int, windows: int, settings: Settings,
                   summary: RunSummary, seen: dict[str, str], progress, client=None) -> int:
    """Stage a window of inputs (their raw bytes stored), then clean, extract and load its new
    documents batch by batch (extracted by a Dask cluster's workers with a `client`); returns the
    documents loaded. Site chrome shared across documents is read within the window."""
    staged, rejected = stage_inputs(window, settings.max_input_bytes)
    summary.rejected += rejected
    staged, duplicates = first_copies(staged, seen)
    summary.duplicates += duplicates
    todo, rejected_before, learned = store_raw_and_select_new(db_path, staged, settings, summary.started_at)
    summary.n_seen += len(staged)
    summary.n_unchanged += len(staged) - len(todo)
    summary.n_rejected_before += rejected_before
    if todo and settings.validate_batches:
        warm_up_in_background()  # Great Expectations imports (seconds) while the first batch is read
    get_run_logger().info("%sstaged %d documents (%d duplicates skipped): %d to process, %d unchanged%s",
                          f"window {number}/{windows}: " if windows > 1 else "", len(staged), len(duplicates),
                          len(todo), len(staged) - len(todo),
                          f" ({rejected_before} of them rejected before by a run reading the same way: "
                          f"--reprocess reads them again)" if rejected_before else "")
    if not todo:
        return 0  # (an unchanged window costs its reading and hashing, no more)
    shared_lines = shared_lines_of(staged, settings.shared_line_min_documents, settings.chrome_min_stories)
    del staged  # (memory holds the window's new documents only)
    batches = _batches(todo, settings.batch_size)
    extracted = extract_on_cluster(client, batches, settings, shared_lines, learned) if client is not None \
        else ((batch, None, None) for batch in batches)
    loaded = 0
    for k, (batch, found, failed) in enumerate(extracted, start=1):
        if failed:
            get_run_logger().warning("batch %d/%d could not be read on the cluster (%s): reading it here",
                                     k, len(batches), failed)
        n = process_batch(db_path, batch, settings, summary, shared_lines, learned, progress, found)
        get_run_logger().info("batch %d/%d: %d of %d documents loaded", k, len(batches), n, len(batch))
        loaded += n
    return loaded


def _begin_run(con: duckdb.DuckDBPyConnection, settings: Settings) -> tuple[RunSummary, dict[str, int], bool]:
    """The run's row; and the rows per table before it, and whether the run before it was left unfinished."""
    summary = RunSummary(run_id=str(uuid.uuid4()), status="running", warehouse=str(settings.db_path),
                         started_at=warehouse.utc_now())
    before = warehouse.table_counts(con)
    unfinished = warehouse.start_run(con, summary.run_id, flow_run.get_id(), settings.reading_version(),
                                     settings.model_name)
    return summary, before, unfinished


def _end_run(con: duckdb.DuckDBPyConnection, summary: RunSummary, before: dict[str, int], refresh: bool) -> RunSummary:
    summary.n_rejected = len(summary.rejected)
    if summary.status == "running":  # ("failed" stays: a batch failed its data-quality gate)
        summary.status = "completed_with_rejects" if summary.rejected else "completed"
    if refresh:
        warehouse.refresh_derived_tables(con)
    warehouse.finish_run(con, summary.run_id, summary.status, {
        "n_seen": summary.n_seen, "n_new": summary.n_new, "n_unchanged": summary.n_unchanged,
        "n_rejected": summary.n_rejected, "n_duplicates": len(summary.duplicates),
    }, summary.rejected)
    summary.rows_total = warehouse.table_counts(con)
    summary.rows_added = {t: n - before.get(t, 0) for t, n in summary.rows_total.items()}
    summary.seconds = (warehouse.utc_now() - summary.started_at).total_seconds()
    return summary


def _record_failure(settings: Settings, con: duckdb.DuckDBPyConnection, summary: RunSummary, before: dict[str, int]
                    ) -> bool:
    """Best effort after a run stopped: its status and rejects, through a fresh connection if the
    run's own was lost with the fault. (If even that fails, the next run marks it interrupted.)"""
    summary.status = "failed"
    try:
        _end_run(con, summary, before, refresh=False)
        return True
    except Exception as exc:
        get_run_logger().warning("could not record the failed run: %s; trying a new connection", error_text(exc))
    con.close()
    try:
        with warehouse.connect(settings.db_path) as fresh:
            _end_run(fresh, summary, before, refresh=False)
        return True
    except Exception as exc:
        get_run_logger().warning("could not record the failed run: %s", error_text(exc))
        return False


@flow(name="newsfacts")
def newsfacts_flow(
    paths: list[str] | None = None,
    db: str | None = None,
    model: str | None = None,
    batch_size: int | None = None,
    workers: int | None = None,
    reprocess: bool = False,
    wait: float | None = None,
    cluster: str | None = None,
) -> RunSummary:
    settings = Settings.from_options(
        db_path=Path(db) if db else None, model_name=model, batch_size=batch_size, workers=workers,
        reprocess=reprocess, wait_seconds=wait, cluster=cluster,
    )
    db_path = str(settings.db_path)
    logger = get_run_logger()

    notes = []

    def rewriting() -> None:
        notes.append(f"{settings.db_path} was in a storage format that DuckDB 1.x tools cannot open: rewritten "
                     f"once in the {settings.storage_version} format")
        logger.warning(notes[-1])

    fault = None
    with warehouse.writer(settings.db_path, settings.storage_version, settings.wait_seconds, rewriting) as con:
        try:
            summary, before, unfinished = _begin_run(con, settings)
        except warehouse.WAREHOUSE_FAULTS as exc:
            raise warehouse.WarehouseFault(settings.db_path, exc, recorded=False) from None
        summary.notes = notes
        try:
            files, summary.rejected = discover_inputs(paths or [str(DEFAULT_INPUT)])
            windows = list(windows_of(plan_pieces(files, settings.stage_window), settings.stage_window))
            seen: dict[str, str] = {}  # doc_id -> the uri first staged with those bytes
            done = 0
            with document_progress(sum(piece.documents for window in windows for piece in window)) as progress, \
                    cluster_client(settings.cluster, settings.cluster_connect_seconds) as client:
                for number, window in enumerate(windows, start=1):
                    summary.n_new += process_window(db_path, window, number, len(windows), settings, summary, seen,
                                                    progress, client)
                    done += sum(piece.documents for piece in window)
                    progress.settle(done)
            summary = _end_run(con, summary, before, refresh=bool(summary.n_new or unfinished))
        except warehouse.WAREHOUSE_FAULTS as exc:
            recorded = _record_failure(settings, con, summary, before)
            fault = warehouse.WarehouseFault(settings.db_path, exc, recorded)
        except BaseException:
            _record_failure(settings, con, summary, before)
            raise
    if fault:  # raised here, with no traceback through the tasks (nor their references to the warehouse)
        raise fault
    logger.info("%s: %d documents seen, %d new, %d unchanged, %d rejected, %d duplicates skipped; "
                "%d rows quarantined", summary.status, summary.n_seen, summary.n_new, summary.n_unchanged,
                summary.n_rejected, len(summary.duplicates), summary.n_quarantined)
    create_markdown_artifact(markdown=run_summary_markdown(summary), key="newsfacts-run",
                             description=f"newsfacts run {summary.run_id[:8]}: {summary.status}")
    return summary
