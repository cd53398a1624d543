-- Lines printed on $min_documents or more processed documents of one publisher, with those
-- documents: candidates for learned chrome (transforms.boilerplate.repeated_chrome decides). The
-- scope is a publisher the input's metadata names; '' holds the rest (a publisher read from the
-- page's text is only known once its lines are labelled, too late to pick the lines to apply).
SELECT CASE WHEN d.publisher_from IN ('record', 'html_metadata') THEN d.publisher ELSE '' END AS scope,
       l.text AS line, list(DISTINCT l.doc_id) AS doc_ids
FROM document_lines AS l
JOIN documents AS d USING (doc_id)
GROUP BY ALL
HAVING count(DISTINCT l.doc_id) >= $min_documents;
