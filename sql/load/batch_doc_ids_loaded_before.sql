-- Of a batch's documents, how many a run loaded before: only then has the batch rows to replace
-- (new documents, the usual case, spare every table a scan of its doc_id column).
SELECT count(*) FROM documents WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);
