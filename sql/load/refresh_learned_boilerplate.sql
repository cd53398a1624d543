-- Relearn lines repeated in $min_documents or more processed documents of a publisher
-- (cheap in DuckDB; run once per run).
DELETE FROM learned_boilerplate;
INSERT INTO learned_boilerplate
SELECT coalesce(d.publisher, '') AS scope, l.text AS line, count(DISTINCT l.doc_id) AS n_documents,
       now() AS updated_at
FROM document_lines AS l
JOIN documents AS d USING (doc_id)
GROUP BY ALL
HAVING count(DISTINCT l.doc_id) >= $min_documents;
