-- Every signature, oldest document first: the order that decides which version is a story's first.
SELECT s.doc_id, s.signature
FROM story_signatures AS s
JOIN documents AS d USING (doc_id)
ORDER BY d.published_date NULLS LAST, d.ingested_at, d.doc_id;
