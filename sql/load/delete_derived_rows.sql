-- Before re-processing documents, drop what an earlier run derived from them (never the raw bytes):
-- run once per table with rows per document ({table}: from transforms/schema.py), children first.
DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);
