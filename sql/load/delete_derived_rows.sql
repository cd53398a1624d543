-- Before re-processing documents, drop what an earlier run derived from them (never the raw bytes).
DELETE FROM quotes WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);
DELETE FROM dates WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);
DELETE FROM facts WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);
DELETE FROM entity_mentions WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);
DELETE FROM document_lines WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);
DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);
