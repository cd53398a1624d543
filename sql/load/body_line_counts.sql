-- Article lines per document: how much prose two documents would have to share to be one story.
SELECT doc_id, count(*) FILTER (WHERE label = 'body') AS n_body FROM document_lines GROUP BY doc_id;
