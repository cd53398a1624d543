-- The raw bytes a reject is about, once the input got as far as raw_documents: a document staged
-- but never loaded must be in rejects (`newsfacts dq` checks it).
ALTER TABLE rejects ADD COLUMN IF NOT EXISTS doc_id VARCHAR;
