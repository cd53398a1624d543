-- Documents already processed: a later run skips these unless asked to re-process.
SELECT doc_id FROM documents WHERE doc_id IN (SELECT doc_id FROM candidate_doc_ids);
