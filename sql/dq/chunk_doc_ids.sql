-- Documents in the order `newsfacts dq` validates them, a chunk at a time.
SELECT doc_id FROM documents ORDER BY doc_id;
