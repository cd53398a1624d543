-- Keep the exact input bytes once per doc_id; staging the same bytes again changes nothing.
INSERT INTO raw_documents BY NAME
SELECT * FROM staged_raw_documents
WHERE doc_id NOT IN (SELECT doc_id FROM raw_documents);
