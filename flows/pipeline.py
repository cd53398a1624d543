"""The newsfacts flow: stage → strip boilerplate → entities, dates and quotes → numeric facts →
validate → load."""

from __future__ import annotations

import glob
import uuid
from collections.abc import Callable
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE
from prefect.runtime import flow_run

from flows import warehouse
from flows.nlp import load_model
from flows.progress import document_progress
from flows.settings import DEFAULT_INPUT, PIPELINE_VERSION, Settings
from flows.summary import RunSummary, run_summary_markdown
from flows.validation import BatchValidation, validate_batch, warm_up_in_background
from transforms.boilerplate import lines_shared_across
from transforms.documents import CleanDocument, clean_document
from transforms.quality import QUARANTINE_SCHEMA, results_frame
from transforms.entities import (
    Mention, entity_input, extract_mentions, known_full_names, resolve_across_documents,
)
from transforms.dates import DateMention, extract_dates
from transforms.facts import Fact, iter_facts_for_texts
from transforms.quotes import Quote, extract_quotes
from transforms.staging import INPUT_EXTENSIONS, StagedDocument, stage_bytes
from transforms.tables import batch_frames, raw_documents_frame

def discover_inputs(paths: list[str]) -> tuple[list[Path], list[tuple[str, str, str]]]:
    """Files named by paths, folders (recursively, known extensions) and globs; a missing path is a reject."""
    files, missing = [], []
    for spec in paths:
        path = Path(spec)
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in INPUT_EXTENSIONS)
        elif path.is_file():
            files.append(path)
        elif matches := sorted(glob.glob(spec, recursive=True)):
            files.extend(Path(m) for m in matches if Path(m).is_file())
        else:
            missing.append((spec, "discover", "no such file, folder or glob match"))
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, missing


@task(cache_policy=NONE)
def stage_inputs(paths: list[str]) -> tuple[list[StagedDocument], list[tuple[str, str, str]], list[tuple[str, str]]]:
    """Documents staged from the inputs, rejects, and duplicates (the same bytes as a document
    staged before them: (uri, uri of that document))."""
    files, rejects = discover_inputs(paths)
    staged: list[StagedDocument] = []
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            rejects.append((str(path), "stage", f"cannot read: {exc.strerror or exc}"))
            continue
        result = stage_bytes(str(path), raw)
        staged.extend(result.documents)
        rejects.extend((r.source_uri, r.stage, r.error) for r in result.rejects)
    # The same bytes twice (two copies of one file) are one document.
    unique: dict[str, StagedDocument] = {}
    duplicates = []
    for doc in staged:
        if doc.doc_id in unique:
            duplicates.append((doc.source_uri, unique[doc.doc_id].source_uri))
        else:
            unique[doc.doc_id] = doc
    return list(unique.values()), rejects, duplicates


@task(cache_policy=NONE)
def strip_boilerplate(
    batch: list[StagedDocument], shared_lines: set[str], learned: dict[str, set[str]],
    on_document: Callable[[], None] = lambda: None, max_chars: int | None = None,
) -> tuple[list[CleanDocument], list[tuple[str, str, str]]]:
    max_chars = max_chars or Settings().max_document_chars
    cleaned, rejects = [], []
    for staged in batch:
        try:
            doc = clean_document(staged, shared_lines, learned)
        except Exception as exc:  # one bad page must not stop the batch
            rejects.append((staged.source_uri, "strip_boilerplate", f"{type(exc).__name__}: {exc}"))
        else:
            length = len(entity_input(doc.preamble, doc.body_text)[0])
            if not doc.n_words:
                rejects.append((staged.source_uri, "strip_boilerplate", "no article text found in the page"))
            elif length > max_chars:
                rejects.append((staged.source_uri, "strip_boilerplate",
                                f"article text of {length:,} characters is over the limit of {max_chars:,} "
                                f"(NEWSFACTS_MAX_DOCUMENT_CHARS; spaCy's max_length)"))
            else:
                cleaned.append(doc)
        on_document()
    return cleaned, rejects


@task(cache_policy=NONE)
def extract_entities(
    docs: list[CleanDocument], model_name: str, workers: int, known: dict[str, set[str]],
    on_document: Callable[[], None] = lambda: None,
) -> dict[str, list[Mention]]:
    """NER over each page's title, dek, captions and body; body mentions resolved within their
    document, then lone surnames across the warehouse and this batch."""
    nlp = load_model(model_name, "ner")
    inputs = [entity_input(d.preamble, d.body_text) for d in docs]
    parsed = nlp.pipe((text for text, _ in inputs), batch_size=32, n_process=workers)
    found = []
    for spacy_doc, (_, body_start) in zip(parsed, inputs):
        found.append(extract_mentions(spacy_doc, body_start))
        on_document()
    batch_known = known_full_names(m for mentions in found for m in mentions)
    names = {label: known.get(label, set()) | batch_known.get(label, set()) for label in {*known, *batch_known}}
    return {doc.doc_id: [m for m in mentions if m.in_body]
            for doc, mentions in zip(docs, resolve_across_documents(found, names))}


@task(cache_policy=NONE)
def extract_dates_and_quotes(
    docs: list[CleanDocument], mentions: dict[str, list[Mention]]
) -> tuple[dict[str, list[DateMention]], dict[str, list[Quote]]]:
    dates = {d.doc_id: extract_dates(d.body_text, d.published_date) for d in docs}
    quotes = {d.doc_id: extract_quotes(d.body_text, mentions.get(d.doc_id, [])) for d in docs}
    return dates, quotes


@task(cache_policy=NONE)
def extract_numeric_facts(docs: list[CleanDocument], model_name: str, workers: int,
                          on_document: Callable[[], None] = lambda: None) -> dict[str, list[Fact]]:
    splitter, parser = load_model(model_name, "sentences"), load_model(model_name, "parse")
    facts = {}
    for doc, doc_facts in zip(docs, iter_facts_for_texts(splitter, parser, [d.body_text for d in docs],
                                                         n_process=workers)):
        facts[doc.doc_id] = doc_facts
        on_document()
    return facts


@task(cache_policy=NONE)
def store_raw_and_select_new(
    staged: list[StagedDocument], db_path: str, reprocess: bool, staged_at
) -> tuple[list[StagedDocument], dict[str, set[str]], dict[str, set[str]]]:
    """Keep the exact bytes of every input; pick the documents not processed yet; read what the
    warehouse has learnt: repeated chrome, and the full names of people and organisations."""
    con = warehouse.connect(db_path)
    try:
        warehouse.stage_raw_documents(con, raw_documents_frame(staged, staged_at))
        done = set() if reprocess else warehouse.processed_doc_ids(con, [d.doc_id for d in staged])
        learned = warehouse.learned_boilerplate(con)
        known = warehouse.known_full_names(con)
    finally:
        con.close()
    return [doc for doc in staged if doc.doc_id not in done], learned, known


@task(cache_policy=NONE)
def validate(frames: dict, run_id: str) -> BatchValidation:
    return validate_batch(frames, run_id)


@task(cache_policy=NONE)
def load(validated: BatchValidation, run_id: str, db_path: str) -> None:
    con = warehouse.connect(db_path)
    try:
        warehouse.load_batch(con, validated.frames, validated.quarantine, results_frame(validated.results, run_id))
    finally:
        con.close()


@task(cache_policy=NONE)
def record_failed_batch(validated: BatchValidation, run_id: str, db_path: str) -> None:
    """A batch that failed a table check is not loaded; its results are kept, its raw bytes stay."""
    con = warehouse.connect(db_path)
    try:
        warehouse.record_dq_results(con, results_frame(validated.results, run_id))
    finally:
        con.close()


def _batches(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _count_outcomes(summary: RunSummary, validated: BatchValidation) -> None:
    for result in validated.results:
        if not result.success:
            summary.failed_checks[(result.severity, result.suite, result.column or "", result.expectation)] += 1
    if validated.quarantine.height:
        for table, expectation in validated.quarantine.select("table_name", "expectation").iter_rows():
            summary.quarantined[(table, expectation)] += 1


def _begin_run(settings: Settings) -> tuple[RunSummary, dict[str, int]]:
    summary = RunSummary(run_id=str(uuid.uuid4()), status="running", warehouse=str(settings.db_path),
                         started_at=warehouse.utc_now())
    if warehouse.needs_rewrite(settings.db_path, settings.storage_version):
        get_run_logger().warning(
            "%s is in a storage format that DuckDB 1.x tools cannot open: rewriting it once in the %s format",
            settings.db_path, settings.storage_version)
        warehouse.rewrite_in_storage_version(settings.db_path, settings.storage_version)
    con = warehouse.connect(settings.db_path, storage_version=settings.storage_version)
    try:
        before = warehouse.table_counts(con)
        warehouse.start_run(con, summary.run_id, flow_run.get_id(), PIPELINE_VERSION, settings.model_name)
        return summary, before
    finally:
        con.close()


def _end_run(settings: Settings, summary: RunSummary, before: dict[str, int]) -> RunSummary:
    summary.n_rejected = len(summary.rejected)
    if summary.status == "running":  # ("failed" stays: a batch failed its data-quality gate)
        summary.status = "completed_with_rejects" if summary.rejected else "completed"
    con = warehouse.connect(settings.db_path)
    try:
        warehouse.record_rejects(con, summary.run_id, summary.rejected)
        if summary.n_new:
            warehouse.refresh_derived_tables(con)
        warehouse.finish_run(con, summary.run_id, summary.status, {
            "n_seen": summary.n_seen, "n_new": summary.n_new, "n_unchanged": summary.n_unchanged,
            "n_rejected": summary.n_rejected, "n_duplicates": len(summary.duplicates),
        })
        summary.rows_total = warehouse.table_counts(con)
    finally:
        con.close()
    summary.rows_added = {t: n - before.get(t, 0) for t, n in summary.rows_total.items()}
    summary.seconds = (warehouse.utc_now() - summary.started_at).total_seconds()
    return summary


@flow(name="newsfacts")
def newsfacts_flow(
    paths: list[str] | None = None,
    db: str | None = None,
    model: str | None = None,
    batch_size: int | None = None,
    workers: int | None = None,
    reprocess: bool = False,
) -> RunSummary:
    settings = Settings.from_options(
        db_path=Path(db) if db else None, model_name=model, batch_size=batch_size, workers=workers,
        reprocess=reprocess,
    )
    db_path = str(settings.db_path)
    logger = get_run_logger()
    summary, before = _begin_run(settings)
    try:
        staged, summary.rejected, summary.duplicates = stage_inputs(paths or [str(DEFAULT_INPUT)])
        todo, learned, known = store_raw_and_select_new(staged, db_path, settings.reprocess, summary.started_at)
        summary.n_seen, summary.n_unchanged = len(staged), len(staged) - len(todo)
        if todo and settings.validate:
            warm_up_in_background()  # Great Expectations imports (seconds) while the first batch is read
        logger.info("staged %d documents (%d duplicates skipped): %d to process, %d unchanged",
                    len(staged), len(summary.duplicates), len(todo), summary.n_unchanged)
        shared_lines = lines_shared_across(d.text for d in staged if d.content_type != "text/html")
        batches = _batches(todo, settings.batch_size)
        done = 0
        with document_progress(len(todo)) as progress:
            for number, batch in enumerate(batches, start=1):
                docs, rejected = strip_boilerplate(batch, shared_lines, learned, progress.stage("clean"),
                                                   settings.max_document_chars)
                summary.rejected += rejected
                if docs:
                    mentions = extract_entities(docs, settings.model_name, settings.workers, known,
                                                progress.stage("entities"))
                    dates, quotes = extract_dates_and_quotes(docs, mentions)
                    facts = extract_numeric_facts(docs, settings.model_name, settings.workers,
                                                  progress.stage("facts"))
                    frames = batch_frames(docs, mentions, facts, summary.run_id, warehouse.utc_now(), dates, quotes)
                    if not settings.validate:
                        validated = BatchValidation(frames, pl.DataFrame(schema=QUARANTINE_SCHEMA))
                    else:
                        validated = validate(frames, summary.run_id)
                    _count_outcomes(summary, validated)
                    if validated.failed_table_checks:
                        record_failed_batch(validated, summary.run_id, db_path)
                        failed = "; ".join(f"{r.suite}.{r.column}: {r.expectation} ({r.observed})"
                                           for r in validated.failed_table_checks)
                        summary.rejected += [(d.source_uri, "validate", f"batch failed: {failed}") for d in docs]
                        summary.status = "failed"
                    else:
                        load(validated, summary.run_id, db_path)
                        summary.n_new += validated.frames["documents"].height
                        summary.n_quarantined += validated.quarantine.height
                logger.info("batch %d/%d: %d of %d documents loaded", number, len(batches), len(docs), len(batch))
                done += len(batch)
                progress.settle(done)
    except BaseException:
        summary.status = "failed"
        _end_run(settings, summary, before)
        raise
    summary = _end_run(settings, summary, before)
    logger.info("%s: %d documents seen, %d new, %d unchanged, %d rejected, %d duplicates skipped; "
                "%d rows quarantined", summary.status, summary.n_seen, summary.n_new, summary.n_unchanged,
                summary.n_rejected, len(summary.duplicates), summary.n_quarantined)
    create_markdown_artifact(markdown=run_summary_markdown(summary), key="newsfacts-run",
                             description=f"newsfacts run {summary.run_id[:8]}: {summary.status}")
    return summary
