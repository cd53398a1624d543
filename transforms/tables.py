"""Shape a batch's results into Polars frames with the warehouse's column names and types."""

from __future__ import annotations

import datetime as dt

import polars as pl

from transforms.documents import CleanDocument
from transforms.entities import Mention
from transforms.dates import DateMention
from transforms.facts import Fact
from transforms.quotes import Quote
from transforms.staging import StagedDocument

SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "raw_documents": {
        "doc_id": pl.String, "source_uri": pl.String, "media_type": pl.String, "encoding": pl.String,
        "size_bytes": pl.Int64, "raw": pl.Binary, "staged_at": pl.Datetime("us", "UTC"),
    },
    "documents": {
        "doc_id": pl.String, "source_uri": pl.String, "external_id": pl.String, "media_type": pl.String,
        "title": pl.String, "dek": pl.String, "publisher": pl.String, "published_date": pl.Date,
        "language": pl.String, "body_text": pl.String, "n_words": pl.Int32, "run_id": pl.String,
        "ingested_at": pl.Datetime("us", "UTC"), "captions": pl.List(pl.String),
    },
    "document_lines": {
        "doc_id": pl.String, "line_no": pl.Int32, "text": pl.String, "label": pl.String, "reason": pl.String,
    },
    "entities": {"entity_id": pl.String, "canonical_name": pl.String, "label": pl.String},
    "entity_mentions": {
        "doc_id": pl.String, "start_char": pl.Int32, "end_char": pl.Int32, "text": pl.String,
        "label": pl.String, "entity_id": pl.String, "name": pl.String, "resolved_by": pl.String,
    },
    "dates": {
        "doc_id": pl.String, "start_char": pl.Int32, "end_char": pl.Int32, "text": pl.String, "date": pl.Date,
        "granularity": pl.String, "resolution": pl.String,
    },
    "quotes": {
        "doc_id": pl.String, "start_char": pl.Int32, "end_char": pl.Int32, "quote": pl.String,
        "speaker_text": pl.String, "speaker_entity_id": pl.String, "verb": pl.String,
    },
    "facts": {
        "fact_id": pl.String, "doc_id": pl.String, "start_char": pl.Int32, "end_char": pl.Int32,
        "sentence": pl.String, "text": pl.String, "value": pl.Float64, "value_high": pl.Float64,
        "qualifier": pl.String, "bound": pl.String, "kind": pl.String, "unit": pl.String,
        "object": pl.String, "predicate": pl.String, "count_type": pl.String, "attribution": pl.String,
        "change": pl.String,
    },
}


def _frame(table: str, rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=SCHEMAS[table], orient="row") if rows else pl.DataFrame(schema=SCHEMAS[table])


def raw_documents_frame(staged: list[StagedDocument], staged_at: dt.datetime) -> pl.DataFrame:
    return _frame("raw_documents", [
        {"doc_id": d.doc_id, "source_uri": d.source_uri, "media_type": d.media_type,
         "encoding": d.encoding, "size_bytes": len(d.raw), "raw": d.raw, "staged_at": staged_at}
        for d in staged
    ])


def batch_frames(
    documents: list[CleanDocument],
    mentions: dict[str, list[Mention]],
    facts: dict[str, list[Fact]],
    run_id: str,
    ingested_at: dt.datetime,
    dates: dict[str, list[DateMention]] | None = None,
    quotes: dict[str, list[Quote]] | None = None,
) -> dict[str, pl.DataFrame]:
    """documents, document_lines, entities, entity_mentions, facts, dates and quotes for one batch."""
    doc_rows, line_rows, mention_rows, fact_rows, entity_rows = [], [], [], [], {}
    date_rows = [{"doc_id": doc_id, "start_char": d.start_char, "end_char": d.end_char, "text": d.text,
                  "date": d.date, "granularity": d.granularity, "resolution": d.resolution}
                 for doc_id, found in (dates or {}).items() for d in found]
    quote_rows = [{"doc_id": doc_id, "start_char": q.start_char, "end_char": q.end_char, "quote": q.quote,
                   "speaker_text": q.speaker_text, "speaker_entity_id": q.speaker_entity_id, "verb": q.verb}
                  for doc_id, found in (quotes or {}).items() for q in found]
    for doc in documents:
        doc_rows.append({
            "doc_id": doc.doc_id, "source_uri": doc.source_uri, "external_id": doc.external_id,
            "media_type": doc.media_type, "title": doc.title, "dek": doc.dek, "publisher": doc.publisher,
            "published_date": doc.published_date, "language": doc.language, "body_text": doc.body_text,
            "n_words": doc.n_words, "run_id": run_id, "ingested_at": ingested_at, "captions": doc.captions,
        })
        line_rows.extend(
            {"doc_id": doc.doc_id, "line_no": line.line_no, "text": line.text, "label": line.label,
             "reason": line.reason}
            for line in doc.lines
        )
        for m in mentions.get(doc.doc_id, []):
            mention_rows.append({
                "doc_id": doc.doc_id, "start_char": m.start_char, "end_char": m.end_char,
                "text": m.text, "label": m.label, "entity_id": m.entity_id, "name": m.name,
                "resolved_by": m.resolved_by,
            })
            entity_rows[m.entity_id] = {"entity_id": m.entity_id, "canonical_name": m.canonical_name,
                                        "label": m.label}
        for f in facts.get(doc.doc_id, []):
            fact_rows.append({
                "fact_id": f.fact_id(doc.doc_id), "doc_id": doc.doc_id, "start_char": f.start_char,
                "end_char": f.end_char, "sentence": f.sentence, "text": f.text, "value": f.value,
                "value_high": f.value_high, "qualifier": f.qualifier, "bound": f.bound, "kind": f.kind,
                "unit": f.unit, "object": f.object, "predicate": f.predicate,
                "count_type": f.count_type, "attribution": f.attribution, "change": f.change,
            })
    return {
        "documents": _frame("documents", doc_rows),
        "document_lines": _frame("document_lines", line_rows),
        "entities": _frame("entities", list(entity_rows.values())),
        "entity_mentions": _frame("entity_mentions", mention_rows),
        "facts": _frame("facts", fact_rows),
        "dates": _frame("dates", date_rows),
        "quotes": _frame("quotes", quote_rows),
    }


def frames_of(frames: dict[str, pl.DataFrame], doc_ids: set[str]) -> dict[str, pl.DataFrame]:
    """The rows of some documents of a batch (with the entities their mentions and quotes name)."""
    ids = list(doc_ids)
    picked = {table: frame.filter(pl.col("doc_id").is_in(ids)) if "doc_id" in frame.columns else frame
              for table, frame in frames.items()}
    if "entities" in picked:
        named = picked["entity_mentions"]["entity_id"].to_list() + \
            picked["quotes"]["speaker_entity_id"].drop_nulls().to_list()
        picked["entities"] = frames["entities"].filter(pl.col("entity_id").is_in(named))
    return picked


def concat_frames(parts: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    """The frames of several batches (or documents) as one batch."""
    combined = {table: pl.concat([part[table] for part in parts]) for table in parts[0]}
    if "entities" in combined:
        combined["entities"] = combined["entities"].unique("entity_id", keep="first", maintain_order=True)
    return combined
