"""Shape a batch's results into Polars frames with the warehouse's column names and types (declared
in transforms/schema.py)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from transforms.documents import CleanDocument
from transforms.entities import Mention
from transforms.dates import DateMention
from transforms.facts import Fact
from transforms.quotes import Quote
from transforms.schema import TABLES
from transforms.staging import StagedDocument

def _frame(table: str, rows: list[dict]) -> pl.DataFrame:
    return TABLES[table].frame(rows)


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
    preamble: dict[str, list[tuple[int, Mention]]] | None = None,
) -> dict[str, pl.DataFrame]:
    """documents, document_lines, entities, entity_mentions, facts, dates and quotes for one batch:
    each row takes the declared columns (transforms/schema.py) from the attributes of the same names."""
    def rows(table: str, items, **fixed) -> list[dict]:
        columns = TABLES[table].columns
        return [{c: fixed[c] if c in fixed else getattr(item, c) for c in columns} for item in items]

    by_doc = [(doc, doc.doc_id) for doc in documents]
    before_body = [(doc, k, m) for doc, _ in by_doc for k, m in (preamble or {}).get(doc.doc_id, [])]
    entities = {m.entity_id: {"entity_id": m.entity_id, "canonical_name": m.canonical_name, "label": m.label}
                for m in [*(m for doc, _ in by_doc for m in mentions.get(doc.doc_id, [])), *(m for *_, m in before_body)]}
    return {
        "documents": _frame("documents", rows("documents", documents, run_id=run_id, ingested_at=ingested_at)),
        "document_lines": _frame("document_lines", [r for doc, i in by_doc for r in rows("document_lines", doc.lines,
                                                                                         doc_id=i)]),
        "entities": _frame("entities", list(entities.values())),
        "entity_mentions": _frame("entity_mentions", [r for _, i in by_doc
                                                      for r in rows("entity_mentions", mentions.get(i, []), doc_id=i)]),
        "preamble_mentions": _frame("preamble_mentions", [
            r for doc, k, m in before_body for r in rows("preamble_mentions", [m], doc_id=doc.doc_id,
                                                         line_no=doc.preamble_lines[k].line_no,
                                                         section=doc.preamble_lines[k].label)]),
        "facts": _frame("facts", [r for _, i in by_doc for f in facts.get(i, [])
                                  for r in rows("facts", [f], doc_id=i, fact_id=f.fact_id(i))]),
        "dates": _frame("dates", [r for i, found in (dates or {}).items() for r in rows("dates", found, doc_id=i)]),
        "quotes": _frame("quotes", [r for i, found in (quotes or {}).items() for r in rows("quotes", found, doc_id=i)]),
    }


def frames_of(frames: dict[str, pl.DataFrame], doc_ids: set[str]) -> dict[str, pl.DataFrame]:
    """The rows of some documents of a batch (with the entities their mentions, in the body or
    before it, and their quotes name)."""
    ids = list(doc_ids)
    picked = {table: frame.filter(pl.col("doc_id").is_in(ids)) if "doc_id" in frame.columns else frame
              for table, frame in frames.items()}
    if "entities" in picked:
        named = picked["entity_mentions"]["entity_id"].to_list() + \
            picked["preamble_mentions"]["entity_id"].to_list() + \
            picked["quotes"]["speaker_entity_id"].drop_nulls().to_list()
        picked["entities"] = frames["entities"].filter(pl.col("entity_id").is_in(named))
    return picked


def concat_frames(parts: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    """The frames of several batches (or documents) as one batch."""
    combined = {table: pl.concat([part[table] for part in parts]) for table in parts[0]}
    if "entities" in combined:
        combined["entities"] = combined["entities"].unique("entity_id", keep="first", maintain_order=True)
    return combined
