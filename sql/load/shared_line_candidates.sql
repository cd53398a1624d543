-- Lines printed on $min_documents or more processed documents of one publisher ('' when unknown),
-- with those documents: candidates for learned chrome (transforms.boilerplate.repeated_chrome decides).
SELECT coalesce(d.publisher, '') AS scope, l.text AS line, list(DISTINCT l.doc_id) AS doc_ids
FROM document_lines AS l
JOIN documents AS d USING (doc_id)
GROUP BY ALL
HAVING count(DISTINCT l.doc_id) >= $min_documents;
