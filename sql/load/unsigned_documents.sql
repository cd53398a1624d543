-- Documents whose body has no signature yet.
SELECT doc_id, run_id, body_text
FROM documents
WHERE doc_id NOT IN (SELECT doc_id FROM story_signatures);
